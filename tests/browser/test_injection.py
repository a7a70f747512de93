"""Hostile data in Chromium. The site built from tests/fixtures/hostile (payloads the validator
accepts, in every text field) runs nothing: the window.__pwned canary stays undefined, no
dialog opens, no handler or javascript: link exists, the payloads read as literal text. And
the Content-Security-Policy blocks an inline script injected into a built page, while
Material's own scripts and search keep working."""

from __future__ import annotations

import re
from typing import Any

import pytest
from harness import OpenPage
from playwright.sync_api import Page, Route

from sitebuild import ServedSite

CANARY = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
    e => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
"""
DOM_CHECK_JS = """() => {
    const bad = [];
    for (const el of document.querySelectorAll('*')) {
        for (const a of el.attributes) {
            if (a.name.startsWith('on')) bad.push(`${el.tagName} ${a.name}`);
        }
    }
    for (const a of document.querySelectorAll('a[href], area[href], a[*|href]')) {
        const href = a.href?.baseVal ?? a.href ?? a.getAttribute('xlink:href');
        const url = new URL(href, location);
        if (!['http:', 'https:', 'mailto:'].includes(url.protocol)) bad.push(`link ${href}`);
    }
    for (const el of document.querySelectorAll('iframe, object, embed, frame, base')) {
        bad.push(el.tagName);
    }
    for (const s of document.scripts) {
        if (s.src && new URL(s.src).origin !== location.origin) bad.push(`script ${s.src}`);
    }
    return bad;
}"""
# Clicks and hovers every element whose text carries a payload, as a curious reader would:
# an inline handler, had one survived, would fire now.
POKE_JS = """() => {
    let poked = 0;
    for (const el of document.querySelectorAll('article *, h1, abbr, td, li, p')) {
        if (!/pwned/.test(el.textContent) || el.closest('a')) continue;
        for (const type of ['mouseover', 'mouseenter', 'focus', 'click']) {
            el.dispatchEvent(new MouseEvent(type, {bubbles: true}));
        }
        poked++;
    }
    return poked;
}"""

# Literal text each page must show: the payload, neither run nor turned into markup.
SHOWN = {
    "events/2021-coup/": ['[evil](javascript:window.__pwned=4)',
                          '{: onclick="window.__pwned=8" }',
                          'https://ok/a) [evil](javascript:window.__pwned=7)',
                          '" onmouseover="window.__pwned=12', '--8<-- "/etc/passwd"',
                          "{{ config.site_name }} {% raw %}"],
    "actors/ada-example/": ['Ada Example {: onclick="window.__pwned=8" }',
                            'Col. Example [evil](javascript:window.__pwned=4)'],
    # The claim quotes the hostile passage of the source text.
    "claims/thesis/": ["Aid backfires [x](javascript:window.__pwned=4)",
                       '[x](javascript:window.__pwned=4) {: onclick="window.__pwned=8" }'],
    "hindsight/": ['Later coup {: onclick="window.__pwned=8" }',
                   "Aid backfires [x](javascript:window.__pwned=4)"],
    "glossary/": ['junta {: onclick="window.__pwned=8" }',
                  "https://ok/a) [evil](javascript:window.__pwned=7)"],
    # The source page shows the record, not the quotes; the article page our summaries.
    "source/": ['A sample op-ed {: onclick="window.__pwned=8" } [x](javascript:window.__pwned=4)',
                'Ada Writer " onmouseover="window.__pwned=12'],
    "article/": ['It says {: onclick="window.__pwned=8" } and " onmouseover="window.__pwned=12',
                 "Aid backfires [x](javascript:window.__pwned=4)"],
}


def _pages(site: ServedSite) -> list[str]:
    return sorted(p.relative_to(site.site_dir).as_posix().removesuffix("index.html")
                  for p in site.site_dir.rglob("*.html"))


def test_hostile_site_has_every_page_kind(hostile_site: ServedSite) -> None:
    pages = _pages(hostile_site)
    assert set(SHOWN) <= set(pages)
    assert {"", "timeline/", "argument/", "fact-checks/", "data/", "about/",
            "404.html"} <= set(pages)


@pytest.mark.parametrize("scheme", ["light"])
def test_no_hostile_payload_runs_on_any_page(open_page: OpenPage, hostile_site: ServedSite,
                                             scheme: str) -> None:
    guard = open_page(site=hostile_site, scheme=scheme)
    guard.context.add_init_script(CANARY)
    page = guard.page
    poked = 0
    for path in _pages(hostile_site):
        guard.goto(path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate(DOM_CHECK_JS) == [], path
        poked += page.evaluate(POKE_JS)
        for abbr in page.locator("article abbr").all()[:5]:
            abbr.hover()
        assert page.evaluate("() => typeof window.__pwned") == "undefined", path
        assert page.evaluate("() => window.__csp") == [], path
        assert page.locator("h1").count() == 1, path
    assert poked > 20
    # The guard (checked after the test) asserts no dialog, no page error, no console error
    # and no outside request: the tracking pixel ![pixel](https://tracker.example/p.gif)
    # was never requested.


@pytest.mark.parametrize("path", sorted(SHOWN))
def test_payloads_read_as_literal_text(hostile_site: ServedSite, path: str,
                                       open_page: OpenPage) -> None:
    page = open_page(site=hostile_site).goto(path)
    text = page.locator("article").inner_text()
    for shown in SHOWN[path]:
        assert shown in text, (path, shown)


def test_page_title_is_the_literal_hostile_title(open_page: OpenPage,
                                                 hostile_site: ServedSite) -> None:
    page = open_page(site=hostile_site).goto("events/2021-coup/")
    assert page.title().startswith(
        'Soldiers detain the president [evil](javascript:window.__pwned=4) '
        '{: onclick="window.__pwned=8" } - ')


def _inject(html: str) -> str:
    payload = ('<script>window.__pwned = "inline";</script>'
               '<img src="data:," onerror="window.__pwned = \'onerror\'">')
    html = html.replace("</title>", "</title>" + payload, 1)
    return html.replace('<article class="md-content__inner md-typeset">',
                        '<article class="md-content__inner md-typeset">'
                        '<p><a id="x-js" href="javascript:window.__pwned=\'link\'">js</a></p>'
                        '<button id="x-btn" onclick="window.__pwned=\'click\'">b</button>', 1)


def test_csp_blocks_an_injected_inline_script_while_material_and_search_work(
        open_page: OpenPage, site: ServedSite, corpus: Any) -> None:
    event = next(iter(corpus.events))
    path = f"events/{event}/"
    built = (site.site_dir / path / "index.html").read_text(encoding="utf-8")
    assert built.index('http-equiv="Content-Security-Policy"') < built.index("<meta charset")
    copy = _inject(built)
    assert copy.count("window.__pwned") == 4

    guard = open_page()
    guard.allowed_console.append(re.compile(r"Content Security Policy"))
    guard.context.add_init_script(CANARY)

    def serve_copy(route: Route) -> None:
        route.fulfill(status=200, content_type="text/html; charset=utf-8", body=copy)

    guard.page.route(site.url(path), serve_copy)
    page = guard.goto(path)
    page.wait_for_load_state("networkidle")
    page.click("#x-js")
    page.click("#x-btn")
    page.wait_for_timeout(200)
    assert page.evaluate("() => typeof window.__pwned") == "undefined"
    violations = page.evaluate("() => window.__csp")
    assert any(v.startswith("script-src-elem inline") for v in violations), violations
    assert any(v.startswith("script-src-attr inline") for v in violations), violations
    assert len(violations) >= 4, violations  # script, onerror, javascript: link, onclick
    # Material's hashed inline scripts ran: the storage helpers and the colour scheme.
    assert page.evaluate("() => typeof __md_get") == "function"
    assert page.evaluate("() => document.body.dataset.mdColorScheme") == "default"
    # Material's bundle and its search worker run under the policy.
    _search_works(page)


def _search_works(page: Page) -> None:
    page.keyboard.press("/")
    page.locator("input.md-search__input").press_sequentially("coup", delay=15)
    page.wait_for_selector("li.md-search-result__item")
    assert page.locator("li.md-search-result__item").count() > 0


def test_pages_carry_no_csp_violation(open_page: OpenPage, site: ServedSite) -> None:
    guard = open_page()
    guard.context.add_init_script(CANARY)
    for path in ("", "timeline/", "argument/", "404.html"):
        page = guard.goto(path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("() => window.__csp") == [], path
    _search_works(guard.page)
