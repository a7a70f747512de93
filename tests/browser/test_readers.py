"""What issue 13 promised readers, in Chromium: the first event a few Tab presses away, filters
kept in the address (timeline and fact-checks), the no-JavaScript links folded, the chart's
links leading into the list, and kind and actor combined without JavaScript."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from harness import SCREENS, OpenPage
from playwright.sync_api import Page

FOCUSED_JS = """() => { const el = document.activeElement;
    return el ? {tag: el.tagName.toLowerCase(), cls: String(el.className.baseVal ?? el.className),
                 text: (el.textContent || '').trim().slice(0, 60),
                 href: el.getAttribute('href') || ''} : null; }"""


def _visible_events(page: Page) -> list[str]:
    hrefs = page.eval_on_selector_all(
        "article li[data-kind] a[href*='/events/']",
        "as => as.filter(a => a.offsetParent !== null).map(a => a.href)")
    return [m.group(1) for h in hrefs if (m := re.search(r"/events/([a-z0-9-]+)/$", h))]


def _query(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def _busy_actor(corpus: Any) -> tuple[str, str]:
    """The actor with most events, and the most common kind among them."""
    actor = max(corpus.events_by_actor, key=lambda a: (len(corpus.events_by_actor[a]), a))
    kinds = Counter(corpus.events[e].kind for e in corpus.events_by_actor[actor])
    return actor, kinds.most_common(1)[0][0]


@pytest.mark.parametrize("javascript", [True, False])
def test_the_first_event_is_at_most_five_tab_presses_from_the_top(
        open_page: OpenPage, corpus: Any, javascript: bool) -> None:
    """Tab to "Skip to content", Enter, Tab to "Skip to the events", Enter, Tab: the first
    event. Every Tab press is counted."""
    page = open_page(javascript=javascript).goto("timeline/")
    page.wait_for_load_state("networkidle")
    first = next(iter(corpus.events))
    tabs = 0
    seen: list[dict[str, str]] = []
    for _ in range(12):
        page.keyboard.press("Tab")
        tabs += 1
        here = page.evaluate(FOCUSED_JS)
        seen.append(here)
        if here["href"].endswith(f"events/{first}/"):
            break
        if "md-skip" in here["cls"] or here["text"] == "Skip to the events":
            page.keyboard.press("Enter")
    else:
        pytest.fail(f"the first event is not reached in 12 Tab presses: {seen}")
    assert tabs <= 5, seen
    assert any(s["text"] == "Skip to the events" for s in seen), seen


def test_timeline_filters_live_in_the_address(open_page: OpenPage, corpus: Any) -> None:
    actor, kind = _busy_actor(corpus)
    expected = [e for e in corpus.events_by_actor[actor] if corpus.events[e].kind == kind]
    page = open_page().goto(f"timeline/?kind={kind}&actor={actor}")
    page.wait_for_selector("#x-filter-kind")
    # Restored from the address.
    assert page.locator("#x-filter-kind").input_value() == kind
    assert page.locator("#x-filter-actor").input_value() == actor
    assert _visible_events(page) == expected != []
    # No heading is left with nothing under it.
    empty = page.evaluate("""() => [...document.querySelectorAll(
        ".md-content h3[id^='year-'], .md-content h2[id^='era-']")]
        .filter(h => h.offsetParent !== null)
        .filter(h => { const level = Number(h.tagName[1]);
            for (let n = h.nextElementSibling; n; n = n.nextElementSibling) {
                if (/^H[1-6]$/.test(n.tagName) && Number(n.tagName[1]) <= level) break;
                if (n.querySelector && n.querySelector("li[data-kind]:not([data-x-hidden])"))
                    return false; }
            return true; })
        .map(h => h.id)""")
    assert empty == []
    # The chart dims what the list hides, and only that.
    dots = page.eval_on_selector_all(
        ".x-overview--wide [data-month]", "ds => ds.map(d => [d.dataset.month, "
        "d.dataset.kinds.split(' '), d.classList.contains('x-dim')])")
    shown = {(corpus.events[e].when.date.iso()[:7], corpus.events[e].kind) for e in expected}
    assert any(dim for *_, dim in dots)
    if any((month, k) in shown for month, kinds, _ in dots for k in kinds):
        assert not all(dim for *_, dim in dots)
    for month, kinds, dim in dots:
        assert dim == (not any((month, k) in shown for k in kinds)), (month, kinds)
    # A change writes the address; the reset clears it and shows everything.
    page.select_option("#x-filter-kind", "")
    assert _query(page) == {"actor": [actor]}
    assert _visible_events(page) == list(corpus.events_by_actor[actor])
    page.click("#x-filter-reset")
    assert _query(page) == {}
    assert sorted(_visible_events(page)) == sorted(corpus.events)
    assert page.locator(".x-overview .x-dim").count() == 0
    # A reload keeps a filter.
    page.select_option("#x-filter-kind", kind)
    page.reload()
    page.wait_for_selector("#x-filter-kind")
    assert page.locator("#x-filter-kind").input_value() == kind
    assert _visible_events(page) == [e for e in corpus.events if corpus.events[e].kind == kind]


def test_with_javascript_the_filter_links_fold_under_more_filters(open_page: OpenPage) -> None:
    page = open_page().goto("timeline/")
    page.wait_for_selector("#x-filter-kind")
    more = page.locator("details.x-more-filters")
    assert more.count() == 1
    assert not page.locator("#x-filter-links").is_visible()
    more.locator("summary").click()
    assert page.locator("#x-filter-links a[href^='kind/']").first.is_visible()
    static = open_page(javascript=False).goto("timeline/")
    assert static.locator("#x-filter-links").is_visible()
    assert static.locator("details.x-more-filters").count() == 0


def test_chart_links_lead_to_their_year_or_month_in_the_list(open_page: OpenPage) -> None:
    page = open_page().goto("timeline/")
    hrefs = page.eval_on_selector_all(".x-overview--wide a", "as => as.map(a => a.getAttribute("
                                      "'href'))")
    assert len(hrefs) > 10
    anchors = {h.split("#", 1)[1] for h in hrefs}
    assert any(a.startswith("month-") for a in anchors)
    assert any(a.startswith("year-") for a in anchors)
    missing = page.evaluate("ids => ids.filter(i => !document.getElementById(i))",
                            sorted(anchors))
    assert missing == []
    home = open_page().goto("")
    target = home.eval_on_selector(".x-overview--wide a[data-month]", "a => a.getAttribute('href')")
    assert re.match(r"^timeline/#month-\d{4}-\d{2}$", target), target


def test_without_javascript_kind_and_actor_combine_through_filter_pages(
        open_page: OpenPage, corpus: Any) -> None:
    actor, kind = _busy_actor(corpus)
    page = open_page(javascript=False).goto(f"timeline/actor/{actor}/")
    link = page.locator(f"article a[href='kind/{kind}/']")
    assert link.count() == 1
    link.click()
    page.wait_for_url(f"**/timeline/actor/{actor}/kind/{kind}/")
    assert _visible_events(page) == [e for e in corpus.events_by_actor[actor]
                                     if corpus.events[e].kind == kind]


def test_fact_checks_put_wrong_first_and_keep_the_filter_in_the_address(
        open_page: OpenPage, corpus: Any) -> None:
    wrong = [c.id for c in corpus.claims.values()
             if c.assessment and c.assessment.verdict == "wrong"]
    static = open_page(javascript=False).goto("fact-checks/")
    heads = static.eval_on_selector_all("article h2[id^='verdict-']", "hs => hs.map(h => h.id)")
    assert heads == ["verdict-wrong", "verdict-imprecise", "verdict-unverified",
                     "verdict-correct", "verdict-opinion"]
    summary = static.eval_on_selector_all("#got-wrong + ul a",
                                          "as => as.map(a => a.getAttribute('href'))")
    assert summary[:len(wrong)] == [f"#check-{c}" for c in sorted(
        wrong, key=list(corpus.claims).index)]

    page = open_page().goto("fact-checks/?verdict=wrong")
    page.wait_for_selector("#x-verdict-controls")
    assert page.get_by_role("button", name=re.compile("Reverse")).count() == 0
    shown = page.eval_on_selector_all("article h3[id^='check-']",
                                      "hs => hs.filter(h => h.offsetParent !== null)"
                                      ".map(h => h.id.slice(6))")
    assert sorted(shown) == sorted(wrong)
    toc = page.eval_on_selector_all(".md-nav--secondary a[href^='#check-']",
                                    "as => as.filter(a => a.offsetParent !== null)"
                                    ".map(a => a.getAttribute('href').slice(7))")
    assert sorted(toc) == sorted(wrong)
    page.get_by_role("button", name=re.compile(r"^All")).click()
    assert _query(page) == {}
    page.get_by_role("button", name=re.compile(r"^Imprecise")).click()
    assert _query(page) == {"verdict": ["imprecise"]}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_chart_fits_a_phone_and_is_saved_for_looking(open_page: OpenPage,
                                                           scheme: str) -> None:
    """Each chart alone at 390 px, in test-artifacts/screens/chart-*.png: look at them."""
    SCREENS.mkdir(parents=True, exist_ok=True)
    guard = open_page(scheme=scheme, width=390)
    for path, selector, name in (("timeline/", "svg.x-overview--narrow", "overview"),
                                 ("argument/", "svg.x-argmap--narrow", "argument-map")):
        page = guard.goto(path)
        page.set_viewport_size({"width": 390, "height": 844})
        chart = page.locator(selector).first
        assert chart.is_visible()
        assert page.locator(selector.replace("narrow", "wide")).first.is_hidden()
        box = chart.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
        # Numbers on dots are drawn in the dots' contrasting colour, in both schemes.
        fills = chart.evaluate("s => [...s.querySelectorAll('.x-dot text, .x-mark text')]"
                               ".map(t => getComputedStyle(t).fill)")
        texts = chart.evaluate("s => getComputedStyle(s.querySelector('text')).fill")
        assert fills == [] or texts not in fills
        # The sticky header would cover the top of a tall chart in the picture.
        page.evaluate("document.querySelector('.md-header').style.visibility = 'hidden'")
        chart.screenshot(path=str(SCREENS / f"chart-{name}-390-{scheme}.png"))


def test_the_place_filter_lives_in_the_address_too(open_page: OpenPage, corpus: Any) -> None:
    place = max(corpus.events_by_place, key=lambda p: (len(corpus.events_by_place[p]), p))
    page = open_page().goto(f"timeline/?place={place}")
    page.wait_for_selector("#x-filter-place")
    assert page.locator("#x-filter-place").input_value() == place
    assert _visible_events(page) == list(corpus.events_by_place[place])
    page.click("#x-filter-reset")
    assert _query(page) == {}
    assert sorted(_visible_events(page)) == sorted(corpus.events)
