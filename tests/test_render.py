"""Golden Markdown for every page of the small fixture, and the renderer's structural promises."""

from __future__ import annotations

import dataclasses
import json
import posixpath
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from explainer.build import read_corpus
from explainer.data.dates import PartialDate, When
from explainer.data.model import Corpus
from explainer.render import Site, links, render_site
from explainer.render.timeline import SPLIT

GOLDEN = Path(__file__).parent / "golden" / "pages"


@pytest.fixture(scope="module")
def corpus(fixtures_dir: Path) -> Corpus:
    return read_corpus(fixtures_dir / "small")


@pytest.fixture(scope="module")
def site(corpus: Corpus, repo_root: Path) -> Site:
    schemas = {p.name.removesuffix(".schema.json"): p.read_text(encoding="utf-8")
               for p in sorted((repo_root / "schemas").glob("*.schema.json"))}
    return render_site(corpus, schemas=schemas)


def test_pages_match_goldens(site: Site, update_goldens: bool) -> None:
    """Refresh with `pytest --update-goldens`, then read the diff."""
    if update_goldens:
        for old in GOLDEN.rglob("*.md"):
            old.unlink()
        for path, page in site.pages.items():
            target = GOLDEN / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page.markdown, encoding="utf-8")
    expected = {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.md")}
    assert set(site.pages) == expected
    for path, page in site.pages.items():
        assert page.markdown == (GOLDEN / path).read_text(encoding="utf-8"), path


def test_every_page_kind_is_rendered(site: Site) -> None:
    for path in (links.HOME, links.TIMELINE, links.ARGUMENT, links.ACTORS, links.FACT_CHECKS,
                 links.GLOSSARY, links.SOURCE, links.DATA, links.ABOUT, "events/2021-coup.md",
                 "actors/ada-example.md", "claims/thesis.md", "timeline/kind/coup.md",
                 "timeline/actor/ada-example.md"):
        assert path in site.pages, path
    assert site.pages["events/2021-coup.md"].source.endswith("events/2021-coup.yaml")
    assert site.pages["events/2021-coup.md"].jsonld["@type"] == "Event"
    assert site.pages["actors/ada-example.md"].jsonld["@type"] == "Person"
    assert site.pages["actors/the-junta.md"].jsonld["@type"] == "Organization"
    assert site.pages[links.HOME].source is None


def test_downloads_hold_every_record(site: Site, corpus: Corpus) -> None:
    data = json.loads(site.files["data/mali-coup-explainer.json"])
    assert [e["id"] for e in data["events"]] == list(corpus.events)
    assert "paragraphs" not in data["sources"][0]
    assert set(site.files) >= {"data/events.csv", "data/actors.csv", "data/claims.csv",
                               "data/terms.csv", "data/sources.csv",
                               "schemas/event.schema.json"}
    rows = site.files["data/events.csv"].decode().splitlines()
    assert len(rows) == 1 + len(corpus.events)


def test_csv_files_open_in_excel_with_accents_intact(site: Site, corpus: Corpus) -> None:
    """Excel reads a CSV without a byte-order mark in the local code page: 'GoÃ¯ta'."""
    csvs = {p: b for p, b in site.files.items() if p.endswith(".csv")}
    assert "data/citations.csv" in csvs
    for path, raw in csvs.items():
        assert raw.startswith(b"\xef\xbb\xbf"), path
        assert not raw[3:].startswith(b"\xef\xbb\xbf"), path
        raw.decode("utf-8")
    names = [a.name for a in corpus.actors.values() if not a.name.isascii()]
    assert all(n.encode("utf-8") in csvs["data/actors.csv"] for n in names)


def test_citations_csv_lists_every_citation_of_every_record(site: Site, corpus: Corpus) -> None:
    import csv
    import io

    from explainer.data.model import ArticleCitation
    rows = list(csv.DictReader(io.StringIO(site.files["data/citations.csv"].decode("utf-8-sig"),
                                           newline="")))
    expected = sum(len(e.sources) + sum(len(v.sources) for d in e.disputed for v in d.values)
                   for e in corpus.events.values())
    expected += sum(len(a.sources) for a in corpus.actors.values())
    expected += sum(len(c.assessment.references) for c in corpus.claims.values() if c.assessment)
    expected += sum(len(t.sources) for t in corpus.terms.values())
    assert len(rows) == expected
    assert list(rows[0]) == ["record_kind", "record", "cited_in", "citation_kind", "title",
                             "publisher", "class", "url", "published", "paragraph", "excerpt",
                             "note"]
    quotes = [r for r in rows if r["citation_kind"] == "article quote"]
    assert quotes and all(r["paragraph"].isdigit() and not r["excerpt"] for r in quotes)
    e = next(iter(corpus.events.values()))
    refs = [c for c in e.sources if not isinstance(c, ArticleCitation)]
    mine = [r for r in rows if r["record"] == e.id and r["citation_kind"] == "reference"]
    assert [r["url"] for r in mine] == [c.url for c in refs]


def test_abbreviations_come_from_terms_with_expansions(site: Site) -> None:
    assert site.abbreviations == "*[coup]: coup d'état"


@pytest.mark.parametrize(("frm", "to", "md", "href"), [
    ("index.md", "events/x.md", "events/x.md", "events/x/"),
    ("events/x.md", "index.md", "../index.md", "../../"),
    ("actors/index.md", "actors/y.md", "y.md", "y/"),
    ("timeline/kind/coup.md", "timeline.md", "../../timeline.md", "../../"),
    ("argument.md", "claims/t.md", "claims/t.md", "../claims/t/"),
])
def test_links_between_pages(frm: str, to: str, md: str, href: str) -> None:
    assert links.md(frm, to) == md
    assert links.href(frm, to) == href


def _many_events(corpus: Corpus, n: int) -> Corpus:
    base = corpus.events["2021-coup"]
    events = {}
    for i in range(n):
        year = 1960 + i % 62
        ident = f"e{i:05d}"
        events[ident] = dataclasses.replace(
            base, id=ident, when=When(date=PartialDate(year=year, month=1 + i % 12, day=1)),
            kind=("coup", "statement", "election")[i % 3])
    return Corpus.build(sources=corpus.sources, events=events, actors=corpus.actors,
                        claims={}, terms=corpus.terms)


def test_large_datasets_split_lists_by_year(corpus: Corpus) -> None:
    big = _many_events(corpus, 3 * SPLIT + 30)
    site = render_site(big)
    timeline = site.pages[links.TIMELINE].markdown
    assert "events/e00000.md" not in timeline
    assert links.timeline_year(1960) in site.pages
    assert links.by_actor("ada-example", 1960) in site.pages
    assert links.by_kind("coup", 1961) in site.pages or links.by_kind("coup", 1960) in site.pages
    for path, page in site.pages.items():
        listed = page.markdown.count("](../events/") + page.markdown.count("](events/")
        assert listed <= SPLIT + 2, path
    actor = site.pages["actors/ada-example.md"].markdown
    assert "events/e0" not in actor


def test_a_dense_year_splits_by_month(corpus: Corpus) -> None:
    from explainer.render import paging
    from explainer.render.timeline import month_page

    big = _many_events(corpus, 3 * SPLIT + 30)
    events = {i: dataclasses.replace(e, when=When(date=PartialDate(
        year=2020, month=e.when.date.month, day=1))) for i, e in big.events.items()}
    site = render_site(Corpus.build(sources=corpus.sources, events=events, actors=corpus.actors,
                                    claims={}, terms=corpus.terms))
    year = site.pages[links.timeline_year(2020)].markdown
    assert "](../events/" not in year
    assert "](2020/01.md)" in year
    assert month_page(links.timeline_year(2020), 1) == "timeline/2020/01.md"
    assert links.by_kind("coup", 2020).removesuffix(".md") + "/01.md" in site.pages
    for path, page in site.pages.items():
        assert len(re.findall(r"\]\((?:\.\./)*events/", page.markdown)) <= SPLIT, path
    assert paging.numbered("timeline/2020/01.md", 2) == "timeline/2020/01/2.md"


def test_reserved_actor_id_is_a_data_problem(corpus: Corpus) -> None:
    from explainer.data.problems import DataError

    actor = dataclasses.replace(corpus.actors["bo-person"], id="index")
    bad = Corpus.build(sources=corpus.sources, events={}, actors={"index": actor}, claims={},
                       terms={})
    with pytest.raises(DataError, match="reserved"):
        render_site(bad)


def test_home_story_tells_the_events_tagged_home_in_their_own_first_sentence(
        corpus: Corpus) -> None:
    from explainer.render import home

    coup = corpus.events["2021-coup"]
    tagged = dataclasses.replace(coup, tags=(*coup.tags, home.HOME_TAG),
                                 summary="First sentence here. Second one.")
    events = {**corpus.events, coup.id: tagged}
    story = home.story(Corpus.build(sources=corpus.sources, events=events, actors=corpus.actors,
                                    claims={}, terms={}), links.HOME)
    assert story[0].startswith("Mali has had two coups")
    assert story[1:] == [
        'First sentence here. <a class="x-more" href="events/2021-coup/" '
        'aria-label="sources: Soldiers detain the president">(sources)</a>']


def test_overview_labels_never_overlap_and_its_size_does_not_grow_with_events(
        corpus: Corpus) -> None:
    from explainer.render import svg

    placed = svg.stack_labels([(100, 80), (120, 80), (130, 60), (400, 50), (405, 50)], 0, 640)
    spans = [(x - w / 2, x + w / 2, row) for (x, row), (_, w) in
             zip(placed, [(0, 80), (0, 80), (0, 60), (0, 50), (0, 50)], strict=True)]
    for i, (a0, a1, ra) in enumerate(spans):
        for b0, b1, rb in spans[i + 1:]:
            assert ra != rb or a1 <= b0 or b1 <= a0
    small = svg.overview(_many_events(corpus, 200).events.values())
    big = svg.overview(_many_events(corpus, 4000).events.values())
    assert len(big) < 1.2 * len(small)


def test_argument_map_wraps_labels_instead_of_cutting_them() -> None:
    from explainer.render.argument_map import MapNode, argument_map

    long = "A very long claim label " * 6
    leaf = MapNode(ident="c", label=long, kind="evidence", relation="supports", href="c/")
    root = MapNode(ident="t", label="Thesis", kind="thesis", relation="root", href="t/",
                   children=(leaf,))
    out = argument_map(root, title="Map")
    assert "…" not in out
    assert " ".join(long.split()).replace(" ", "") in "".join(
        t.split(">", 1)[1] for t in out.split("<tspan")[1:]).replace("</tspan>", "").replace(
        "</text></a>", "").replace(" ", "")
    assert 'href="c/"' in out and 'href="t/"' in out


_SEGMENT = st.sampled_from(["events", "actors", "timeline", "kind", "a", "ab", "index.md",
                            "x.md", "2020.md", "data", "e.schema.json"])
_PATH = st.lists(_SEGMENT, max_size=4).map("/".join)


@given(_PATH, _PATH)
def test_relative_links_are_what_posixpath_relpath_gives(to: str, start: str) -> None:
    expected = posixpath.relpath(to or ".", start or ".")
    assert links._relative(to, start) == expected
