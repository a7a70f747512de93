"""Scale by design: at 2,000 synthetic events no page grows with the number of events.

Not a timing test (scripts/bench.py measures time): it checks the shape of the output.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import markdown
import pytest

from explainer.build import read_corpus
from explainer.render import Site, render_site
from explainer.render.glossary import abbreviations_for
from explainer.tools import synthetic

EVENTS = 2000
#: Markdown bytes any one page may have, whatever the size of the data: a year page of the
#: timeline holds at most 150 events (timeline.SPLIT) with the first sentence of each summary,
#: beside the two drawings of the overview; every other list is paged.
BOUND = 96 * 1024
#: Pages that once listed every record of one kind (claims, quotes, terms, actors).
LISTS_EVERY_RECORD = ("argument.md", "source.md", "article.md", "fact-checks.md",
                      "glossary.md", "actors/index.md", "hindsight.md")
_EVENT_LINK = re.compile(r"\]\((?:\.\./)*events/[a-z0-9-]+\.md")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    data: Path = tmp_path_factory.mktemp("data")
    synthetic.write(data, EVENTS, seed=11)
    return render_site(read_corpus(data))


def test_no_page_grows_with_the_events(site: Site) -> None:
    sizes = {path: len(page.markdown.encode()) for path, page in site.pages.items()}
    largest = max(sizes, key=sizes.__getitem__)
    assert sizes[largest] <= BOUND, f"{largest} has {sizes[largest]:,} bytes of Markdown"


def test_the_timeline_is_split_by_year(site: Site) -> None:
    timeline = site.pages["timeline.md"].markdown
    years = [p for p in site.pages if re.fullmatch(r"timeline/\d{4}\.md", p)]
    assert len(years) > 10
    assert all(f"]({p.removeprefix('timeline/')})" in timeline or f"]({p})" in timeline
               for p in years)
    assert len(_EVENT_LINK.findall(timeline)) < EVENTS / 10


def test_no_page_links_to_every_event(site: Site) -> None:
    most = max(site.pages, key=lambda p: len(_EVENT_LINK.findall(site.pages[p].markdown)))
    assert len(_EVENT_LINK.findall(site.pages[most].markdown)) < EVENTS / 4, most


def test_record_lists_grow_at_most_linearly(site: Site) -> None:
    # 200 claims, 400 actors, 100 terms at 2,000 events: a few KB per record at most.
    records = EVENTS // 5
    for path in LISTS_EVERY_RECORD:
        assert len(site.pages[path].markdown.encode()) <= 4096 * records, path


def test_record_lists_are_bounded_too(site: Site) -> None:
    # Far below the bound: each list is an index with counts, its records on their own pages.
    for path in LISTS_EVERY_RECORD:
        assert len(site.pages[path].markdown.encode()) <= BOUND / 2, path
    for prefix in ("fact-checks/", "glossary/", "actors/kind/", "article/", "argument/",
                   "hindsight/"):
        assert any(p.startswith(prefix) for p in site.pages), prefix


def test_every_paged_list_is_reachable_by_links(site: Site) -> None:
    # From the home page, following Markdown links only, every page of the site is reached.
    link = re.compile(r"\]\(([^)#\s]+\.md)(?:#[^)]*)?\)")
    seen = {"index.md"}
    todo = ["index.md", *(p for p in LISTS_EVERY_RECORD), "timeline.md"]
    while todo:
        page = todo.pop()
        base = posixpath.dirname(page)
        for target in link.findall(site.pages[page].markdown):
            path = posixpath.normpath(posixpath.join(base, target))
            if path not in seen and path in site.pages:
                seen.add(path)
                todo.append(path)
    assert set(site.pages) - seen == set()


def test_pages_carry_only_the_abbreviations_they_use(site: Site) -> None:
    # The abbr extension tries every definition on every page: all of them on each page made
    # the build quadratic. Dropping the unused ones must not change a byte of HTML.
    md = markdown.Markdown(extensions=["abbr", "attr_list", "tables", "toc"])
    assert site.abbreviations.count("\n") >= 50
    for path in sorted(site.pages)[::60]:
        page = site.pages[path].markdown
        used = abbreviations_for(page, site.abbreviations)
        assert len(used) < len(site.abbreviations) / 5, path
        every = md.reset().convert(f"{page}\n\n{site.abbreviations}\n")
        assert md.reset().convert(f"{page}\n\n{used}\n" if used else page) == every, path
