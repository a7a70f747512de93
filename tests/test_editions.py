"""Two editions, one build (`make build`: English at the root, French under fr/): every page has
its twin in the other edition, says its language, names its twin (hreflang) and its canonical
address; the language switcher opens the twin; French pages are in French; French search
searches French."""

from __future__ import annotations

import html
import html.parser
import json
import re
from collections import Counter
from pathlib import Path
from urllib.parse import urljoin

import pytest

from sitebuild import ServedSite

#: Common English words that French never uses (not "on", "as" or "a", which it does),
#: counted in lower case only: "The" in "The Platform" or "The Africa Report" is a name.
ENGLISH = frozenset({
    "the", "and", "of", "to", "in", "is", "was", "for", "with", "that", "by", "from", "this",
    "which", "were", "after", "before", "its", "his", "her", "their", "has", "have", "been",
    "would", "will", "not", "are"})
#: Inside these, or inside any element whose lang is not French, words are not counted:
#: quotations keep their language, and code is code.
SKIPPED = frozenset({"blockquote", "q", "code", "pre", "script", "style", "template"})
#: The most English function words a French page may have, as a share of its words
#: (measured: 1.6% at most, the source page; the English home page has 20%).
MOST_ENGLISH = 0.02
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "source", "track", "wbr", "path", "circle", "rect", "line", "use",
                   "polyline", "polygon", "ellipse", "stop"})


def _pages(root: Path) -> set[str]:
    """Each page's path under `root`, without the other edition's folder."""
    return {p.relative_to(root).as_posix() for p in root.rglob("*.html")
            if not p.relative_to(root).as_posix().startswith("fr/")}


@pytest.fixture(scope="module")
def pages(site: ServedSite) -> set[str]:
    return _pages(site.site_dir)


def test_every_page_has_its_french_twin_and_the_reverse(site: ServedSite,
                                                         pages: set[str]) -> None:
    french = _pages(site.site_dir / "fr")
    assert len(pages) > 400
    assert sorted(pages - french) == [] and sorted(french - pages) == []


def _head(text: str) -> tuple[str, dict[str, str], str]:
    lang = re.search(r'<html lang="([^"]+)"', text)
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">',
                                 text))
    canonical = re.search(r'<link rel="canonical" href="([^"]+)">', text)
    return (lang.group(1) if lang else "", alternates, canonical.group(1) if canonical else "")


def _url(rel: str) -> str:
    return rel.removesuffix("index.html")


def test_each_page_says_its_language_its_twin_and_its_address(site: ServedSite,
                                                               pages: set[str]) -> None:
    wrong: list[str] = []
    for rel in sorted(pages):
        if rel == "404.html":
            continue  # served for any missing address: no address of its own
        en, fr = site.url(_url(rel)), site.url("fr/" + _url(rel))
        for edition, path, canonical in (("en", rel, en), ("fr", "fr/" + rel, fr)):
            lang, alternates, found = _head((site.site_dir / path).read_text("utf-8"))
            expected = ("" if rel.startswith(("cite/", "schemas/")) else canonical)
            if (lang, alternates, found) != (edition, {"en": en, "fr": fr, "x-default": en},
                                             expected or found):
                wrong.append(f"{path}: lang={lang!r} alternates={alternates} canonical={found}")
    assert wrong == [], wrong[:5]


def test_the_language_switcher_opens_the_twin(site: ServedSite, pages: set[str]) -> None:
    wrong: list[str] = []
    for rel in sorted(pages):
        if rel == "404.html":
            continue
        for path, twins in ((rel, {"en": rel, "fr": "fr/" + rel}),
                            ("fr/" + rel, {"en": rel, "fr": "fr/" + rel})):
            text = (site.site_dir / path).read_text("utf-8")
            links = dict(re.findall(r'<a href="([^"]+)" hreflang="([a-z]+)" lang="[a-z]+" '
                                    r'class="md-select__link"', text))
            found = {lang: urljoin(site.url(_url(path)), href) for href, lang in links.items()}
            if found != {lang: site.url(_url(p)) for lang, p in twins.items()}:
                wrong.append(f"{path}: {found}")
    assert wrong == [], wrong[:5]


class _Words(html.parser.HTMLParser):
    """The words a reader sees as the page's own language: not in quotations or code, nor in
    an element that says it is in another language."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []  # per open element: is its text skipped?
        self.words: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        lang = dict(attrs).get("lang")
        outer = self.stack[-1] if self.stack else False
        self.stack.append(outer or tag in SKIPPED or (lang is not None and tag != "html"
                                                      and not lang.startswith("fr")))

    def handle_endtag(self, tag: str) -> None:
        if tag not in _VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not (self.stack and self.stack[-1]):
            self.words += re.findall(r"[^\W\d_]+", data)


def english_share(text: str) -> tuple[float, Counter[str]]:
    p = _Words()
    p.feed(text)
    english = Counter(w for w in p.words if w in ENGLISH)
    return (sum(english.values()) / max(1, len(p.words)), english)


def test_french_pages_are_in_french(site: ServedSite, pages: set[str]) -> None:
    shares = {}
    for rel in sorted(pages):
        share, words = english_share((site.site_dir / "fr" / rel).read_text("utf-8"))
        shares[rel] = (round(share, 4), words.most_common(5))
    worst = sorted(shares.items(), key=lambda kv: -kv[1][0])[:5]
    assert worst[0][1][0] < MOST_ENGLISH, worst
    english, _ = english_share((site.site_dir / "index.html").read_text("utf-8"))
    assert english > 0.08, "the test must tell English from French"


def test_quotations_on_french_pages_stay_english_beside_our_translation(
        site: ServedSite) -> None:
    text = (site.site_dir / "fr" / "claims" / "thesis" / "index.html").read_text("utf-8")
    assert '<p lang="en">The coup highlights what happens' in text
    assert re.search(r'<p class="x-translation"><em>Traduction de la rédaction</em>\u00a0: '
                     r"«\u00a0Le coup d&#39;État met en évidence", text)


def test_french_search_searches_french(site: ServedSite) -> None:
    index = json.loads((site.site_dir / "fr" / "search" / "search_index.json")
                       .read_text("utf-8"))
    assert index["config"]["lang"] == ["fr"]
    assert "'" in index["config"]["separator"] and "’" in index["config"]["separator"]
    titles = " ".join(doc["title"] for doc in index["docs"])
    assert "coup d'État" in titles and "CEDEAO" in titles
    folded = " ".join(doc.get("folded_title", "") for doc in index["docs"]).lower()
    assert "goita" in folded and "etat" in folded


def test_the_english_only_guide_says_so_in_french(site: ServedSite) -> None:
    text = html.unescape((site.site_dir / "fr" / "contributing" / "index.html")
                         .read_text("utf-8"))
    assert "Ce guide s'adresse aux contributeurs et n'existe qu'en anglais." in text
    assert '<div lang="en">' in text
