"""What readers do, in Chromium: search (with and without the diaeresis), filter the timeline
with and without JavaScript, follow the argument map, edit a record, download the data."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from typing import Any
from urllib.parse import urlsplit

import pytest
from harness import Guard, OpenPage
from playwright.sync_api import Page

from sitebuild import ServedSite

RESULT = "li.md-search-result__item"


def search(page: Page, text: str, *, slash: bool = False) -> list[str]:
    """Type into Material's search as a reader does; the hrefs of the results."""
    if slash:
        page.keyboard.press("/")
    else:  # at 1280 px the search box covers label.md-search__icon: click the box
        page.locator("input.md-search__input").click()
    box = page.locator("input.md-search__input")
    box.press_sequentially(text, delay=15)  # fill() does not trigger Material's search
    page.wait_for_selector(RESULT)
    return page.eval_on_selector_all(f"{RESULT} a", "as => as.map(a => a.href)")


def _words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z]{7,}", re.sub(r"<[^>]+>|\[|\]\([^)]*\)", " ", text))


def rare_summary_word(corpus: Any, site: ServedSite) -> tuple[str, str]:
    """A word of an event's summary that is in its title nowhere and in as few search
    documents as possible: (word, event id)."""
    index = json.loads((site.site_dir / "search" / "search_index.json").read_text("utf-8"))
    docs = Counter[str]()
    for doc in index["docs"]:
        docs.update({w.lower() for w in _words(doc["title"] + " " + doc["text"])})
    best = min(((docs[w.lower()], w.lower(), e.id) for e in corpus.events.values()
                for w in _words(e.summary) if w.lower() not in e.title.lower()
                and docs[w.lower()] > 0), default=None)
    assert best is not None
    return best[1], best[2]


@pytest.mark.parametrize("typed", ["Goita", "Goïta"])
def test_search_finds_goita_with_or_without_the_diaeresis(guard: Guard, corpus: Any,
                                                          typed: str) -> None:
    if not any("Goïta" in a.name for a in corpus.actors.values()):
        pytest.fail("the dataset has no actor named Goïta; this test needs the real data/")
    page = guard.goto()
    hrefs = search(page, typed)
    texts = page.locator(RESULT).all_inner_texts()
    assert any("Goïta" in t for t in texts), texts[:5]
    assert any(re.search(r"/actors/[a-z-]*goita/", h) for h in hrefs), hrefs[:10]


def test_search_opens_with_slash_and_finds_an_event_by_a_word_of_its_summary(
        guard: Guard, corpus: Any, site: ServedSite) -> None:
    word, event = rare_summary_word(corpus, site)
    page = guard.goto("about/")
    page.wait_for_load_state("networkidle")
    hrefs = search(page, word, slash=True)
    # search.highlight adds ?h=<word> to each result
    assert any(urlsplit(h).path.endswith(f"/events/{event}/") for h in hrefs), (word, hrefs)


def _event_ids(page: Page, selector: str = "article a[href*='/events/']") -> list[str]:
    hrefs = page.eval_on_selector_all(
        selector, "as => as.filter(a => a.offsetParent !== null).map(a => a.href)")
    return [m.group(1) for h in hrefs if (m := re.search(r"/events/([a-z0-9-]+)/$", h))]


def _listed(page: Page) -> list[str]:
    return _event_ids(page, "article li[data-kind] a[href*='/events/']")


def test_timeline_filters_narrow_the_list_to_the_no_javascript_filter_pages(
        open_page: OpenPage, corpus: Any) -> None:
    kind = Counter(e.kind for e in corpus.events.values()).most_common()[-1][0]
    actor = max(corpus.events_by_actor, key=lambda a: (len(corpus.events_by_actor[a]), a))
    js = open_page().goto("timeline/")
    js.wait_for_selector("#x-filter-kind")
    everything = _listed(js)
    assert sorted(everything) == sorted(corpus.events)

    static = open_page(javascript=False)
    js.select_option("#x-filter-kind", kind)
    by_kind = _listed(js)
    static.goto(f"timeline/kind/{kind}/")
    assert static.page.locator("#x-filter-kind").count() == 0  # no script, no form
    assert by_kind == _event_ids(static.page) != []
    assert by_kind == [e.id for e in corpus.events.values() if e.kind == kind]
    assert f"of {len(everything)} events" in js.locator("form.x-filter output").inner_text()

    js.select_option("#x-filter-kind", "")
    js.select_option("#x-filter-actor", actor)
    by_actor = _listed(js)
    static.goto(f"timeline/actor/{actor}/")
    assert by_actor == _event_ids(static.page) == list(corpus.events_by_actor[actor])
    assert len(everything) > len(by_actor) > 0

    js.select_option("#x-filter-actor", "")
    assert _listed(js) == everything


def test_timeline_without_javascript_lists_every_event_and_links_the_filter_pages(
        open_page: OpenPage, corpus: Any) -> None:
    page = open_page(javascript=False).goto("timeline/")
    assert sorted(_listed(page)) == sorted(corpus.events)
    hrefs = page.eval_on_selector_all(
        "article a", "as => as.map(a => new URL(a.getAttribute('href'), location).href)")
    kinds = {m.group(1) for h in hrefs if (m := re.search(r"/timeline/kind/([a-z-]+)/$", h))}
    assert kinds == {e.kind for e in corpus.events.values()}


def test_argument_map_draws_and_its_links_lead_to_claim_pages(guard: Guard,
                                                             corpus: Any) -> None:
    page = guard.goto("argument/")
    svg = page.locator("svg.x-argmap--wide")
    box = svg.bounding_box()
    assert box is not None and box["width"] > 200 and box["height"] > 100
    hrefs = svg.evaluate("s => [...s.querySelectorAll('a')].map(a => new URL("
                         "a.href.baseVal ?? a.getAttribute('href'), location).href)")
    claims = {m.group(1) for h in hrefs if (m := re.search(r"/claims/([a-z0-9-]+)/$", h))}
    assert claims and claims <= set(corpus.claims)
    assert "thesis" in claims or len(claims) > 3
    # The list form of the map (for screen readers and narrow screens) links the same claims.
    listed = {m.group(1) for h in page.eval_on_selector_all(
        "article ul a[href*='/claims/']", "as => as.map(a => a.href)")
        if (m := re.search(r"/claims/([a-z0-9-]+)/$", h))}
    assert claims <= listed
    first = svg.locator("a").first
    target = re.search(r"/claims/([a-z0-9-]+)/$", hrefs[0])
    assert target is not None
    first.click()
    page.wait_for_url(f"**/claims/{target.group(1)}/")
    assert corpus.claims[target.group(1)].label.split()[0] in page.locator("h1").inner_text()


@pytest.mark.parametrize("kind", ["events", "actors", "claims"])
def test_edit_link_opens_the_record_s_yaml_file(guard: Guard, corpus: Any, kind: str) -> None:
    record = next(iter(getattr(corpus, kind).values()))
    page = guard.goto(f"{kind}/{record.id}/")
    edit = page.locator("a.md-content__button[rel='edit']")
    assert edit.count() == 1
    href = edit.get_attribute("href") or ""
    assert re.fullmatch(r"https://github\.com/[^/]+/mali-coup-explainer/edit/main/"
                        + re.escape(record.path), href), href
    assert record.path.endswith(f"/{kind}/{record.id}.yaml")


def test_data_downloads_parse_and_match_the_corpus(guard: Guard, corpus: Any) -> None:
    page = guard.goto("data/")
    hrefs = page.eval_on_selector_all("article a[href$='.json'], article a[href$='.csv']",
                                      "as => as.map(a => a.href)")
    counts = {"events": len(corpus.events), "actors": len(corpus.actors),
              "claims": len(corpus.claims), "terms": len(corpus.terms),
              "sources": len(corpus.sources)}
    files = {h.rsplit("/", 1)[1]: h for h in hrefs}
    assert {f"{k}.csv" for k in counts} <= set(files)
    response = page.request.get(files["mali-coup-explainer.json"])
    assert response.ok
    data = json.loads(response.text())
    assert {k: len(v) for k, v in data.items()} == {
        **counts, "places": len(corpus.places), "publishers": len(corpus.publishers)}
    assert [e["id"] for e in data["events"]] == list(corpus.events)
    for name, expected in counts.items():
        response = page.request.get(files[f"{name}.csv"])
        assert response.ok
        body = response.body()
        assert body.startswith(b"\xef\xbb\xbf"), f"{name}: no UTF-8 byte-order mark for Excel"
        rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline="")))
        assert rows[0][0] == "id", name
        assert len(rows) - 1 == expected, name
        assert {len(r) for r in rows} == {len(rows[0])}, f"{name}: ragged rows"
        assert sorted(r[0] for r in rows[1:]) == sorted(getattr(corpus, name)), name
    schemas = [h for h in hrefs if "schema" in h]
    for href in schemas:
        assert json.loads(page.request.get(href).text())["$schema"]
