"""Every page kind, in Chromium: clean load, one h1 and no skipped heading level, axe-core
clean in both colour schemes, reachable by keyboard with a visible focus indicator.
Screenshots of each kind at 1280 and 390 px, light and dark, go to test-artifacts/screens/."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from harness import SCREENS, OpenPage, page_kinds, run_axe
from playwright.sync_api import Page

KINDS = ["home", "timeline", "timeline-kind", "event", "actors", "actor", "argument", "claim",
         "fact-checks", "hindsight", "glossary", "source", "article", "data", "about", "method",
         "map", "place", "not-found"]
SCHEMES = ["light", "dark"]
#: Each edition's root within the site: English, and the French edition under fr/.
EDITIONS = ["", "fr/"]

HEADINGS_JS = """() => [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => ({
    level: Number(h.tagName[1]), text: h.textContent.trim().slice(0, 60)}))"""


# Charts, maps and tables (and any box around them) that are wider than the viewport, or
# whose content is wider than the box that shows it.
OVERFLOW_JS = """() => [...document.querySelectorAll(
        'article svg, article table, article figure, article .md-typeset__scrollwrap')]
    .filter(el => el.getClientRects().length)
    .map(el => {
        const r = el.getBoundingClientRect();
        const wide = r.left < -0.5 || r.right > innerWidth + 0.5;
        const clipped = el.tagName !== 'svg' && el.scrollWidth > el.clientWidth + 1;
        return wide || clipped ? `${el.tagName.toLowerCase()}.${el.getAttribute('class')}: `
            + `${Math.round(r.left)}..${Math.round(r.right)}, scroll ${el.scrollWidth}`
            + ` > ${el.clientWidth}` : null;
    }).filter(Boolean)"""
# In the charts shown: text under 12 CSS px, and links under 24 by 24 CSS px.
SMALL_JS = """() => {
    const out = [];
    for (const svg of document.querySelectorAll('article svg')) {
        if (!svg.getClientRects().length) continue;
        for (const t of svg.querySelectorAll('text')) {
            const r = t.getBoundingClientRect();
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            const px = parseFloat(getComputedStyle(t).fontSize) * scale;
            if (r.width && px < 11.95)
                out.push(`text ${t.textContent.slice(0, 20)}: ${px.toFixed(1)}px`);
        }
        for (const a of svg.querySelectorAll('a')) {
            const r = a.getBoundingClientRect();
            if (r.width < 23.95 || r.height < 23.95)
                out.push(`link ${a.textContent.slice(0, 30)}: `
                         + `${r.width.toFixed(0)}x${r.height.toFixed(0)}`);
        }
    }
    return out.slice(0, 10);
}"""


def heading_problems(headings: list[dict[str, Any]]) -> list[str]:
    problems = []
    h1 = [h["text"] for h in headings if h["level"] == 1]
    if len(h1) != 1:
        problems.append(f"{len(h1)} h1 elements: {h1}")
    if headings and headings[0]["level"] != 1:
        problems.append(f"first heading is h{headings[0]['level']}: {headings[0]['text']!r}")
    for before, after in itertools.pairwise(headings):
        if after["level"] > before["level"] + 1:
            problems.append(f"h{before['level']} {before['text']!r} is followed by "
                            f"h{after['level']} {after['text']!r}")
    return problems


def screenshot(page: Page, name: str, *, max_height: int = 4000) -> None:
    """The page's first `max_height` pixels: a full 25000-pixel page costs 10 s to capture."""
    SCREENS.mkdir(parents=True, exist_ok=True)
    width = page.viewport_size["width"] if page.viewport_size else 1280
    height = min(max_height, page.evaluate("() => document.documentElement.scrollHeight"))
    page.screenshot(path=str(SCREENS / f"{name}.png"), full_page=True, animations="disabled",
                    clip={"x": 0, "y": 0, "width": width, "height": height})


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("edition", EDITIONS)
def test_page_kind_loads_clean_and_passes_axe(open_page: OpenPage, corpus: Any,
                                              axe_source: str, kind: str, scheme: str,
                                              edition: str) -> None:
    guard = open_page(scheme=scheme)
    page = guard.goto(edition + page_kinds(corpus)[kind])
    prefix = edition.replace("/", "-")  # French screenshots: fr-<kind>-…
    page.wait_for_load_state("networkidle")
    assert page.evaluate("() => document.body.dataset.mdColorScheme") == (
        "slate" if scheme == "dark" else "default")
    assert heading_problems(page.evaluate(HEADINGS_JS)) == []
    assert run_axe(page, axe_source) == []
    screenshot(page, f"{prefix}{kind}-1280-{scheme}")
    page.set_viewport_size({"width": 390, "height": 844})
    page.wait_for_timeout(100)
    if scheme == "light":  # the narrow layout hides and moves things; colours are as above
        assert run_axe(page, axe_source) == [], "at 390 px"
    screenshot(page, f"{prefix}{kind}-390-{scheme}")
    # The narrow layout must not scroll sideways (WCAG 1.4.10 reflow), and no chart, map or
    # table may be wider than the viewport or clipped by a box that scrolls.
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    assert page.evaluate(OVERFLOW_JS) == [], "at 390 px"
    assert page.evaluate(SMALL_JS) == [], "at 390 px: text under 12px or targets under 24px"


FOCUS_JS = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    if (window.__focused.includes(el)) return 'again';
    window.__focused.push(el);
    const s = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    const cls = String(el.className.baseVal ?? el.className).replace('focus-visible', '');
    return {tag: el.tagName.toLowerCase(), id: el.id, cls: cls.trim(),
            href: el.href?.baseVal ?? el.href ?? null,
            text: (el.textContent || el.value || '').trim().slice(0, 40),
            outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0
                     ? `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}` : '',
            shadow: s.boxShadow === 'none' ? '' : s.boxShadow,
            visible: r.width > 0 && r.height > 0};
}"""
UNFOCUSED_JS = """() => window.__focused.map(el => {
    const s = getComputedStyle(el);
    return {outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0
                     ? `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}` : '',
            shadow: s.boxShadow === 'none' ? '' : s.boxShadow};
})"""


def tab_walk(page: Page, limit: int = 400) -> list[dict[str, Any]]:
    """Press Tab until focus comes back round (or `limit`); each stop with its focus style,
    and `indicator`: whether outline or box-shadow differ from the unfocused element."""
    page.evaluate("() => { document.activeElement?.blur(); window.__focused = []; }")
    stops: list[dict[str, Any]] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUS_JS)
        if stop is None or stop == "again":
            break
        stops.append(stop)
    page.keyboard.press("Escape")
    page.evaluate("() => document.activeElement?.blur()")
    for stop, rest in zip(stops, page.evaluate(UNFOCUSED_JS), strict=False):
        stop["indicator"] = (stop["outline"], stop["shadow"]) != (rest["outline"],
                                                                  rest["shadow"])
    return stops


@pytest.mark.parametrize("scheme", SCHEMES)
def test_keyboard_reaches_search_filters_and_links_with_visible_focus(
        open_page: OpenPage, corpus: Any, scheme: str) -> None:
    guard = open_page(scheme=scheme)
    page = guard.goto("timeline/")
    page.wait_for_selector("#x-filter-kind")
    stops = tab_walk(page)
    assert stops[0]["cls"] == "md-skip", "the first Tab stop is Material's skip link"
    ids = {s["id"] for s in stops}
    classes = " ".join(str(s["cls"]) for s in stops)
    assert "md-search__input" in classes, "Tab reaches the search box"
    assert {"x-filter-kind", "x-filter-actor"} <= ids, "Tab reaches both timeline filters"
    hrefs = [s["href"] or "" for s in stops]
    first_event = next(iter(corpus.events))
    assert any(h.endswith(f"events/{first_event}/") for h in hrefs), "Tab reaches event links"
    assert "x-filter-reset" in ids, "Tab reaches the filters' reset"
    # The no-JavaScript filter links are folded under "More filters": Tab reaches its summary.
    assert any(s["tag"] == "summary" and s["text"].startswith("More filters") for s in stops)
    invisible = [s for s in stops if s["visible"] and not s["indicator"]]
    assert invisible == [], "focused elements without a visible focus indicator"


@pytest.mark.parametrize("kind", ["home", "argument", "event", "hindsight", "map"])
def test_every_tab_stop_shows_focus(open_page: OpenPage, corpus: Any, kind: str) -> None:
    page = open_page().goto(page_kinds(corpus)[kind])
    page.wait_for_load_state("networkidle")
    stops = tab_walk(page)
    assert len(stops) > 10
    assert any(s["href"] and "/mali-coup-explainer/" in s["href"] for s in stops[5:])
    assert [s for s in stops if s["visible"] and not s["indicator"]] == []
