"""The only place contributor text becomes Markdown, HTML, SVG or JSON-in-HTML.

`plain` for one-line text in Markdown or HTML, `rich` for prose, `url` for links to the outside,
`svg_text` for text drawn in an SVG, `json_script` for a JSON data block in a page.
"""

from __future__ import annotations

import html
import json
import re
import urllib.parse
from typing import Any

import markdown
import nh3

_PROSE_TAGS = {"p", "em", "strong", "a", "ul", "ol", "li", "code", "blockquote", "br"}
_SAFE_HREF = re.compile(r"^https?://[^/\s]", re.IGNORECASE)
_URL_BAD = set("<>\"'`\\")
#: A separate Markdown with no extensions: MkDocs' extensions (attr_list, abbr) never see prose.
#: Building one is slow, so it is reused; reset() clears its state between calls.
_PROSE_MD = markdown.Markdown(extensions=[])


def plain(s: str) -> str:
    """One line of inert text: white space collapsed, ASCII punctuation as character references.

    Neither Markdown (with any extension) nor HTML then sees syntax in it, and it is valid both
    in Markdown and inside HTML text or a quoted attribute.
    """
    s = " ".join(s.split())
    return "".join(f"&#{ord(c)};" if c.isascii() and not c.isalnum() and c != " " else c
                   for c in s)


def _href_filter(tag: str, attr: str, value: str) -> str | None:
    if (tag, attr) == ("a", "href") and not _SAFE_HREF.match(value):
        return None
    return value


def rich(s: str) -> str:
    """Prose as a sanitised raw HTML block: MkDocs' own Markdown extensions never see the source.

    The caller must put the result at the start of a line, with blank lines around it.
    """
    converted = _PROSE_MD.reset().convert(s)
    clean = nh3.clean(converted, tags=_PROSE_TAGS, attributes={"a": {"href"}},
                      url_schemes={"https", "http"}, link_rel="noopener noreferrer nofollow",
                      strip_comments=True, attribute_filter=_href_filter)
    # A blank line inside the block would end it early in some engines; keep it one block.
    body = "\n".join(line for line in clean.splitlines() if line.strip())
    return f'<div class="x-prose">\n{body}\n</div>'


def safe_url(u: str) -> str:
    """`u` itself if it is an absolute http(s) URL without characters that could break out."""
    if any(c.isspace() or ord(c) < 32 or ord(c) == 127 or c in _URL_BAD for c in u):
        raise ValueError(f"refusing URL {u!r}: it contains spaces, quotes or brackets")
    parts = urllib.parse.urlsplit(u)
    if parts.scheme not in ("https", "http") or not parts.netloc or parts.netloc.startswith("."):
        raise ValueError(f"refusing URL {u!r}: only absolute http(s) URLs are allowed")
    return u


def url(u: str, label: str) -> str:
    """A Markdown link to an outside page: `[label](<url>)`, the label made plain."""
    return f"[{plain(label)}](<{safe_url(u)}>)"


def svg_text(s: str) -> str:
    """Text for an SVG element or attribute: white space collapsed, XML-escaped."""
    return html.escape(" ".join(s.split()), quote=True)


def abbreviation(term: str, expansion: str) -> str | None:
    """An `abbr` extension definition line, or None if the term cannot be one safely.

    The extension writes the expansion into a `title` attribute through ElementTree, which
    escapes it; the term must not close the brackets or contain a backslash.
    """
    term, expansion = " ".join(term.split()), " ".join(expansion.split())
    if not term or not expansion or any(c in term for c in "[]\\") or term.startswith("^"):
        return None
    return f"*[{term}]: {expansion}"


def json_script(data: Any) -> str:
    """A JSON-LD block whose text cannot close the script element or start markup."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for ch, esc in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                    ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return f'<script type="application/ld+json">{text}</script>'
