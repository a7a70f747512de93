"""The only place contributor text becomes Markdown, HTML, SVG or JSON-in-HTML.

`plain` for one-line text in Markdown or HTML, `rich` for prose (`rich_inline` for a sentence
inside a paragraph), `url` for links to the outside, `svg_text` for text drawn in an SVG,
`json_script` for a JSON data block in a page. `Abbreviations` wraps glossary terms in prose.
"""

from __future__ import annotations

import functools
import html
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import markdown
import markdown.inlinepatterns
import nh3

from explainer.data.translations import UNTRANSLATED, Untranslated
from explainer.data.urls import url_problem
from explainer.i18n import _

_PROSE_TAGS = {"p", "em", "strong", "a", "ul", "ol", "li", "code", "blockquote", "br", "abbr"}
_INLINE_TAGS = {"em", "strong", "a", "code", "br", "abbr"}
_PROSE_ATTRIBUTES = {"a": {"href"}, "abbr": {"title"}}
_SAFE_HREF = re.compile(r"^https?://[^/\s]", re.IGNORECASE)
#: A separate Markdown with no extensions: MkDocs' extensions (attr_list, abbr) never see prose.
#: Building one is slow, so it is reused; reset() clears its state between calls.
_PROSE_MD = markdown.Markdown(extensions=[])
_BRACKET = re.compile(r"[\[\]]")


class _Brackets:
    """Python-Markdown's link patterns read the text inside `[…]` with `getText`, which scans
    from each '[' to its closing ']' or to the end: quadratic on many unclosed brackets
    (`'[a' * 1500` took 0.6 s). This gives the same answers from one pass over the text: the
    first ']' at which the count of open brackets since a '[' falls to zero is that '['s
    partner in the usual stack matching, and a '[' left on the stack is never closed."""

    __slots__ = ("close", "data", "passes")

    def __init__(self) -> None:
        self.data: str | None = None
        self.close: dict[int, int] = {}
        self.passes = 0  # texts matched, for tests: one pass each

    def get_text(self, data: str, index: int) -> tuple[str, int, bool]:
        """LinkInlineProcessor.getText(data, index): the text from `index` up to the ']' that
        closes the '[' just before it, the index after that ']', and whether there is one."""
        if data is not self.data and data != self.data:
            self.data, self.close, opened = data, {}, []
            self.passes += 1
            for m in _BRACKET.finditer(data):
                if m.group() == "[":
                    opened.append(m.end())
                elif opened:
                    self.close[opened.pop()] = m.start()
        end = self.close.get(index)
        if end is None:
            return "", len(data), False  # callers read nothing else when not handled
        return data[index:end], end + 1, True


_BRACKETS = _Brackets()
for _processor in _PROSE_MD.inlinePatterns:
    if isinstance(_processor, markdown.inlinepatterns.LinkInlineProcessor):
        _processor.getText = _BRACKETS.get_text  # type: ignore[method-assign]


#: Runs of white space that fold to one space: every kind but the no-break spaces (U+00A0, and
#: the narrow U+202F) that French typography puts before : ; ? ! and inside « ».
_FOLD = re.compile(r"[^\S\u00a0\u202f]+")


def fold(s: str) -> str:
    """White space collapsed to single spaces and trimmed, no-break spaces kept."""
    return _FOLD.sub(" ", s).strip()


def plain(s: str) -> str:
    """One line of inert text: white space collapsed, ASCII punctuation as character references.

    Neither Markdown (with any extension) nor HTML then sees syntax in it, and it is valid both
    in Markdown and inside HTML text or a quoted attribute.
    """
    return fold(s).translate(_PLAIN)


# ASCII punctuation and controls (not letters, digits or the space) as character references.
_PLAIN = {i: f"&#{i};" for i in range(128) if not chr(i).isalnum() and chr(i) != " "}


def _href_filter(tag: str, attr: str, value: str) -> str | None:
    if (tag, attr) == ("a", "href") and not _SAFE_HREF.match(value):
        return None
    return value


#: A tag of clean HTML: nh3 double-quotes every attribute value, but may leave `>` in one.
_TAG = re.compile(r'<(?:[^>"]|"[^"]*")*>')
_SKIP_INSIDE = ("abbr", "code", "a")


@dataclass(frozen=True, slots=True)
class Abbreviations:
    """Glossary terms and their expansions, matched as whole words (case-sensitive, as `abbr`)."""

    titles: dict[str, str]
    pattern: re.Pattern[str] | None

    @staticmethod
    def of(pairs: Iterable[tuple[str, str]]) -> Abbreviations:
        """From (term, expansion) pairs; pairs `abbreviation()` refuses are left out."""
        return _abbreviations(tuple(sorted(pairs)))

    def wrap(self, clean_html: str) -> str:
        """`<abbr title="…">TERM</abbr>` around each term in the text of sanitised HTML.

        Text already inside `abbr`, `code` or a link is left alone, so a tooltip never hides
        a link's own title and code stays literal.
        """
        if self.pattern is None:
            return clean_html
        out: list[str] = []
        open_tags: list[str] = []
        pos = 0
        for m in _TAG.finditer(clean_html):
            out.append(self._wrap_text(clean_html[pos:m.start()], open_tags))
            tag = m.group(0)
            name = tag[1:].lstrip("/").split(None, 1)[0].rstrip(">/").lower() if len(tag) > 2 \
                else ""
            if name in _SKIP_INSIDE:
                if tag.startswith("</"):
                    if name in open_tags:
                        open_tags.remove(name)
                else:
                    open_tags.append(name)
            out.append(tag)
            pos = m.end()
        out.append(self._wrap_text(clean_html[pos:], open_tags))
        return "".join(out)

    def _wrap_text(self, text: str, open_tags: list[str]) -> str:
        if not text or open_tags or self.pattern is None:
            return text
        return self.pattern.sub(
            lambda m: f'<abbr title="{self.titles[m.group(0)]}">{m.group(0)}</abbr>', text)


@functools.lru_cache(maxsize=8)
def _abbreviations(pairs: tuple[tuple[str, str], ...]) -> Abbreviations:
    titles: dict[str, str] = {}
    for term, expansion in pairs:
        if abbreviation(term, expansion) is None:
            continue
        # Matched in escaped text, so the key is the escaped term.
        key = html.escape(" ".join(term.split()), quote=False)
        titles.setdefault(key, html.escape(" ".join(expansion.split()), quote=True))
    if not titles:
        return Abbreviations({}, None)
    # Longest first, so "AU PSC" wins over "AU"; \w boundaries as the abbr extension uses.
    alternation = "|".join(re.escape(k) for k in sorted(titles, key=lambda k: (-len(k), k)))
    return Abbreviations(titles, re.compile(rf"(?<!\w)(?:{alternation})(?!\w)"))


NO_ABBREVIATIONS = Abbreviations({}, None)


def _clean(converted: str, tags: set[str], abbrs: Abbreviations) -> str:
    clean = nh3.clean(converted, tags=tags, attributes=_PROSE_ATTRIBUTES,
                      url_schemes={"https", "http"}, link_rel="noopener noreferrer nofollow",
                      strip_comments=True, attribute_filter=_href_filter)
    # Wrapped after cleaning: the tokenizer then reads well-formed HTML, and titles are escaped.
    return abbrs.wrap(clean)


def rich(s: str, abbrs: Abbreviations = NO_ABBREVIATIONS) -> str:
    """Prose as a sanitised raw HTML block: MkDocs' own Markdown extensions never see the source.

    Glossary terms in `abbrs` get an `<abbr title>` tooltip, as the `abbr` extension gives the
    rest of the page. The caller must put the result at the start of a line, with blank lines
    around it.
    """
    clean = _clean(_PROSE_MD.reset().convert(s), _PROSE_TAGS, abbrs)
    # A blank line inside the block would end it early in some engines; keep it one block.
    body = "\n".join(line for line in clean.splitlines() if line.strip())
    if isinstance(s, Untranslated):
        return (f'<div class="x-prose x-untranslated">\n<p class="x-mark">{_(UNTRANSLATED)}</p>\n'
                f'<div lang="en">\n{body}\n</div>\n</div>')
    return f'<div class="x-prose">\n{body}\n</div>'


def rich_inline(s: str, abbrs: Abbreviations = NO_ABBREVIATIONS) -> str:
    """One sentence of prose as sanitised inline HTML (no paragraph), for a raw HTML block."""
    clean = _clean(_PROSE_MD.reset().convert(s), _INLINE_TAGS, abbrs)
    if isinstance(s, Untranslated):
        return (f'<span lang="en">{fold(clean)}</span> '
                f'<small class="x-mark">({_(UNTRANSLATED)})</small>')
    return fold(clean)


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(*_]?[A-Z0-9])")


def first_sentence(s: str) -> str:
    """The first sentence of prose: up to a full stop followed by a capital, skipping "Col.".
    English standing in for a translation stays marked as such."""
    if isinstance(s, Untranslated):
        return Untranslated(first_sentence(str(s)))
    for m in _SENTENCE_END.finditer(s):
        word = s[:m.start()].rsplit(None, 1)[-1].strip("*_([“\"")
        # An initial or a title (Lt., Col., U.S., c.) does not end a sentence.
        if (len(word.rstrip(".")) <= 3 and not word[:1].isdigit() and word[:1].isupper()) or \
                "." in word[:-1] or word == "c.":
            continue
        return s[:m.start()].strip() + (m.group(0).strip() if m.group(0).strip() else "")
    return s.strip()


def safe_url(u: str) -> str:
    """`u` itself if it is an absolute http(s) URL without characters that could break out."""
    if problem := url_problem(u):
        raise ValueError(f"refusing URL {u!r}: {problem}")
    return u


def url(u: str, label: str) -> str:
    """A Markdown link to an outside page: `[label](<url>)`, the label made plain."""
    return f"[{plain(label)}](<{safe_url(u)}>)"


def svg_text(s: str) -> str:
    """Text for an SVG element or attribute: white space collapsed, XML-escaped."""
    return html.escape(fold(s), quote=True)


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
