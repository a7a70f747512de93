"""enhance.js speaks the page's language: on the French edition its filter, buttons and live
messages take their words from the page (#x-strings, written from the message catalogue); on
the English edition, which carries none, the script's own English."""

from __future__ import annotations

import re

from harness import OpenPage


def test_the_timeline_filter_speaks_french(open_page: OpenPage) -> None:
    page = open_page().goto("fr/timeline/")
    page.wait_for_selector("#x-filter-kind")
    labels = page.locator(".x-filter label").all_inner_texts()
    assert labels == ["Nature", "Acteur", "Lieu"]
    assert page.locator("#x-filter-reset").inner_text() == "Tout afficher"
    assert page.locator("#x-filter-kind option").first.inner_text() == "toutes les natures"
    assert page.locator("#x-filter-kind option[value='coup']").inner_text() == "coup d'État"
    assert page.locator("form.x-filter").get_attribute("aria-label") == \
        "Filtrer les événements de cette page"
    page.select_option("#x-filter-kind", "coup")
    count = page.locator("form.x-filter output").inner_text()
    assert re.fullmatch(r"\d+ sur [\d\u202f]+ événements", count), count
    assert page.locator(".x-more-filters summary").inner_text().startswith("Autres filtres")


def test_the_fact_check_buttons_speak_french(open_page: OpenPage) -> None:
    page = open_page().goto("fr/fact-checks/")
    page.wait_for_selector("#x-verdict-controls")
    buttons = page.locator(".x-verdict-button").all_inner_texts()
    assert re.fullmatch(r"Toutes \(\d+\)", buttons[0]), buttons
    assert any(b.startswith("Faux (") for b in buttons), buttons
    status = page.locator(".x-verdict-status").inner_text()
    assert status.startswith("Affichage des ") and "erreurs de l'article" in status, status


def test_the_english_filter_keeps_its_english(open_page: OpenPage) -> None:
    page = open_page().goto("timeline/")
    page.wait_for_selector("#x-filter-kind")
    assert page.locator(".x-filter label").all_inner_texts() == ["Kind", "Actor", "Place"]
    assert page.locator("#x-filter-reset").inner_text() == "Show all"
    page.select_option("#x-filter-kind", "coup")
    assert re.fullmatch(r"\d+ of \d+ events",
                        page.locator("form.x-filter output").inner_text())
