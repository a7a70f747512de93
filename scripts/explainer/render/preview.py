"""Link previews: Open Graph and Twitter card tags, `citation_*` tags for Zotero, and the feed
link, for a page's head. Pure: strings in, escaped HTML out (the MkDocs hook inserts it)."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from explainer.i18n import _, current
from explainer.render.card import CARD_FILE, HEIGHT, WIDTH
from explainer.render.cite import Cited
from explainer.render.feed import FEED_FILE
from explainer.render.text import first_sentence as prose_first_sentence

DESCRIPTION_MAX = 200
#: Open Graph's locale for each language of the site.
_LOCALES = {"en": "en_GB", "fr": "fr_FR"}
_PARAGRAPH = re.compile(r"<p\b[^>]*>(.*?)</p>", re.DOTALL)
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True, kw_only=True, slots=True)
class Preview:
    title: str
    description: str
    url: str  # canonical
    site_name: str
    site_url: str
    kind: str = "article"  # og:type
    card_alt: str = ""
    #: ("citation_title", "…") pairs for reference managers; empty on pages that are not records
    citation: tuple[tuple[str, str], ...] = ()


def plain_title(title: str) -> str:
    """A page title as text: MkDocs keeps character references (and may keep tags) in it."""
    return " ".join(html.unescape(_TAG.sub("", title)).split())


def first_sentence(page_html: str) -> str:
    """The first sentence of the page's first paragraph with text, as plain text, cut at a
    word to at most DESCRIPTION_MAX characters."""
    for m in _PARAGRAPH.finditer(page_html):
        text = " ".join(html.unescape(_TAG.sub(" ", m.group(1))).split())
        if len(text) < 2:
            continue
        sentence = prose_first_sentence(text)
        if len(sentence) <= DESCRIPTION_MAX:
            return sentence
        cut = sentence[:DESCRIPTION_MAX - 1].rsplit(" ", 1)[0]
        return cut.rstrip(",;:") + "…"
    return ""


def citation_tags(c: Cited) -> tuple[tuple[str, str], ...]:
    """Highwire-style tags that Zotero's page translator reads."""
    tags = [("citation_title", c.title), ("citation_publisher", c.site_name),
            ("citation_language", current())]
    if c.reviewed:
        tags.append(("citation_date", c.reviewed.iso().replace("-", "/")))
    return tuple(tags)


def _meta(attr: str, name: str, content: str) -> str:
    return f'<meta {attr}="{name}" content="{html.escape(content, quote=True)}">'


def head_tags(p: Preview) -> str:
    """The tags, one per line, every value escaped."""
    card = p.site_url + CARD_FILE
    tags = [
        _meta("property", "og:title", p.title),
        _meta("property", "og:description", p.description),
        _meta("property", "og:url", p.url),
        _meta("property", "og:type", p.kind),
        _meta("property", "og:site_name", p.site_name),
        _meta("property", "og:locale", _LOCALES.get(current(), "en_GB")),
        _meta("property", "og:image", card),
        _meta("property", "og:image:type", "image/png"),
        _meta("property", "og:image:width", str(WIDTH)),
        _meta("property", "og:image:height", str(HEIGHT)),
        _meta("property", "og:image:alt", p.card_alt),
        _meta("name", "twitter:card", "summary_large_image"),
        _meta("name", "twitter:title", p.title),
        _meta("name", "twitter:description", p.description),
        _meta("name", "twitter:image", card),
        _meta("name", "twitter:image:alt", p.card_alt),
        *(_meta("name", name, value) for name, value in p.citation),
        f'<link rel="alternate" type="application/atom+xml" '
        f'title="{html.escape(_("%(site)s: updates") % {"site": p.site_name}, quote=True)}" '
        f'href="{html.escape(p.site_url + FEED_FILE, quote=True)}">',
    ]
    return "\n".join(tags)
