"""References in Chromium: the excerpt opens on demand without JavaScript, the archived copy is
a plain link that nothing loads, and the footer says when the site was last updated."""

from __future__ import annotations

from typing import Any

from harness import OpenPage


def _event_with_excerpt(corpus: Any) -> tuple[str, Any]:
    for e in corpus.events.values():
        for ref in e.sources:
            if getattr(ref, "excerpt", None):
                return e.id, ref
    raise AssertionError("no event reference has an excerpt; the data should give many")


def test_the_excerpt_opens_on_demand_without_javascript(open_page: OpenPage,
                                                        corpus: Any) -> None:
    ident, _ref = _event_with_excerpt(corpus)
    guard = open_page(javascript=False)
    page = guard.goto(f"events/{ident}/")
    details = page.locator("details.x-excerpt").first
    quote = details.locator("blockquote")
    assert details.get_attribute("open") is None and not quote.is_visible()
    details.locator("summary").click()
    assert details.get_attribute("open") is not None and quote.is_visible()
    guard.assert_clean()


def test_archived_copies_are_plain_links_to_the_internet_archive(open_page: OpenPage,
                                                                 corpus: Any) -> None:
    ident, _ref = _event_with_excerpt(corpus)
    guard = open_page()
    page = guard.goto(f"events/{ident}/")
    page.wait_for_load_state("networkidle")
    hrefs = page.eval_on_selector_all("a.x-archive", "as => as.map(a => a.href)")
    assert hrefs and all(h.startswith("https://web.archive.org/web/") for h in hrefs), hrefs
    guard.assert_clean()  # no request left the machine: the links are shown, never fetched


def test_the_footer_says_when_the_site_was_last_updated(open_page: OpenPage) -> None:
    page = open_page().goto("method/")
    stamp = page.locator(".md-copyright .x-updated time")
    assert stamp.get_attribute("datetime") and "Last updated" in page.locator(
        ".md-copyright .x-updated").inner_text()
