"""The French edition in Chromium: the language switcher opens the same page in the other
language (with and without JavaScript, by mouse and by keyboard), and French search finds an
event by its French title with and without accents."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest
from harness import OpenPage
from test_behaviour import RESULT, search

from sitebuild import ServedSite

SWITCH = "button.md-header__button[aria-label]:has(+ .md-select__inner)"


@pytest.mark.parametrize("javascript", [True, False])
@pytest.mark.parametrize(("start", "to", "lands"), [
    ("events/coup-2021/", "fr", "fr/events/coup-2021/"),
    ("fr/events/coup-2021/", "en", "events/coup-2021/"),
    ("fr/timeline/", "en", "timeline/"),
    ("argument/", "fr", "fr/argument/"),
])
def test_the_switcher_lands_on_the_twin(open_page: OpenPage, site: ServedSite, start: str,
                                        to: str, lands: str, javascript: bool) -> None:
    guard = open_page(javascript=javascript)
    page = guard.goto(start)
    page.locator(SWITCH).focus()  # the list opens on focus, by keyboard too, without script
    link = page.locator(f".md-select__link[hreflang='{to}']")
    link.wait_for(state="visible")
    link.click()
    page.wait_for_load_state("load")
    assert urlsplit(page.url).path == urlsplit(site.url(lands)).path
    assert page.evaluate("() => document.documentElement.lang") == to


#: Records whose French title begins « Cinquième coup d'État » (the fifth coup, and the claim
#: that it is the fifth)
FIFTH = ("/fr/events/coup-2021/", "/fr/claims/fifth-coup-since-1960/")


@pytest.mark.parametrize("typed", ["Cinquième coup d'État", "cinquieme coup d'etat"])
def test_french_search_finds_an_event_by_its_french_title(open_page: OpenPage, corpus: Any,
                                                           typed: str) -> None:
    assert corpus.events["coup-2021"]  # the real data
    guard = open_page()
    page = guard.goto("fr/")
    search(page, typed)
    # Material searches as the reader types: wait for the results of the whole query
    page.wait_for_function("""(paths) => [...document.querySelectorAll(
        'li.md-search-result__item a')].some(
            a => paths.some(p => new URL(a.href).pathname.endsWith(p)))""",
                           arg=list(FIFTH), timeout=10_000)
    texts = page.locator(RESULT).all_inner_texts()
    assert any("Cinquième coup d'État" in t for t in texts), texts[:5]


@pytest.mark.parametrize("typed", ["Goita", "Goïta"])
def test_french_search_finds_goita_with_or_without_the_diaeresis(open_page: OpenPage,
                                                                  typed: str) -> None:
    guard = open_page()
    page = guard.goto("fr/")
    hrefs = search(page, typed)
    assert any("/fr/actors/assimi-goita/" in h for h in hrefs), hrefs[:10]
