"""Pieces several pages share: dates, citations, verdict badges, event list items."""

from __future__ import annotations

import html

from explainer.dates import PartialDate, When
from explainer.model import ArticleCitation, Citation, Corpus, Event, Quote, Reference
from explainer.render import links
from explainer.render.places import paragraph_target
from explainer.source_classes import MAINTAINER_NOTE
from explainer.text import Abbreviations, plain, safe_url, url

VERDICT_LABELS = {
    "correct": "Correct", "imprecise": "Imprecise", "wrong": "Wrong",
    "unverified": "Unverified", "opinion": "Opinion",
}
VERDICT_MEANINGS = {
    "correct": "the record supports the claim as the article states it.",
    "imprecise": "broadly right, but a detail (a date, a number, a name, a word) is off.",
    "wrong": "the record contradicts the claim.",
    "unverified": "we found no reliable record either way.",
    "opinion": "a judgement or a recommendation, not a fact that can be checked.",
}
#: The order readers see verdicts in: what the article got wrong first, opinions last.
VERDICT_ORDER = ("wrong", "imprecise", "unverified", "correct", "opinion")
VERDICT_MARKS = {"correct": "✓", "imprecise": "≈", "wrong": "✗", "unverified": "?",
                 "opinion": "◆"}


#: Language codes of sources and references, in words; an unknown code is shown as it is.
LANGUAGES = {"en": "English", "fr": "French", "ar": "Arabic", "bm": "Bambara", "de": "German",
             "es": "Spanish", "pt": "Portuguese", "ff": "Fula", "son": "Songhay",
             "tmh": "Tamasheq"}


def language_name(code: str) -> str:
    """'en' -> 'English'; 'fr-FR' -> 'French'."""
    return LANGUAGES.get(code.split("-")[0].lower(), code)


_ABBRS: dict[int, tuple[Corpus, Abbreviations]] = {}


def count(n: int, word: str) -> str:
    """'1 source', '2 sources'."""
    return f"{n} {word}{'' if n == 1 else 's'}"


def abbrs(corpus: Corpus) -> Abbreviations:
    """The glossary's abbreviations, for `rich` (built once per corpus, then cached)."""
    # Called for every prose field: walking all terms each time made rendering quadratic.
    hit = _ABBRS.get(id(corpus))
    if hit is None or hit[0] is not corpus:
        _ABBRS.clear()
        hit = _ABBRS[id(corpus)] = (corpus, Abbreviations.of(
            (t.term, t.expansion) for t in corpus.terms.values() if t.expansion))
    return hit[1]


def time(when: When) -> str:
    """`<time datetime=…>24 May 2021</time>`; the machine date is the first day we know of."""
    return f'<time datetime="{when.date.iso()}">{plain(when.display())}</time>'


def reviewed(date: PartialDate | None) -> list[str]:
    """'Last checked against its sources: <date>.' as a paragraph, or nothing if unknown."""
    if date is None:
        return []
    return [f'<p class="x-reviewed">Last checked against its sources: <time datetime='
            f'"{date.iso()}">{plain(date.display())}</time>.</p>', ""]


def verdict_badge(verdict: str) -> str:
    """Text and colour, never colour alone."""
    return (f'<span class="x-verdict x-verdict--{verdict}">{VERDICT_MARKS[verdict]} '
            f"{VERDICT_LABELS[verdict]}</span>")


def kind_label(kind: str) -> str:
    return kind.replace("-", " ")


def quote_block(corpus: Corpus, page: str, q: Quote, note: str | None = None) -> list[str]:
    """A quote from a source as a blockquote, attributed, with its paragraph on the source page."""
    src = corpus.sources[q.source]
    target = links.md(page, *paragraph_target(corpus, q.source, q.paragraph))
    para = f"[paragraph {q.paragraph}]({target})"
    lines = [f"> {plain(q.text)}", ">",
             f"> — {plain(src.author)}, *{url(src.url, src.title)}*, {para}"]
    if note:
        lines += [">", f"> {plain(note)}"]
    return lines


def archive_url(ref: Reference) -> str:
    """The Internet Archive copy of a reference: its exact `archive` snapshot, else the capture
    nearest its date (`published`, else `accessed`): web.archive.org/web/<YYYYMMDD>/<url>, with
    YYYYMM or YYYY for a date known to the month or year, and no date at all (the latest
    capture) for an undated reference. The Archive redirects to the nearest capture, so
    nothing is fetched at build time."""
    if ref.archive:
        return ref.archive
    date = ref.published or ref.accessed
    stamp = date.iso().replace("-", "") + "/" if date else ""
    return f"https://web.archive.org/web/{stamp}{ref.url}"


def _a(u: str, label: str, *, aria: str = "", cls: str = "") -> str:
    attrs = f' class="{cls}"' if cls else ""
    attrs += f' aria-label="{aria}"' if aria else ""
    return f'<a href="{html.escape(safe_url(u))}"{attrs}>{label}</a>'


def reference_line(ref: Reference) -> str:
    """One external reference as HTML: the citation, an archived copy, the reader's note, and
    the words the record relies on (a quotation that opens on demand, no JavaScript)."""
    parts = [_a(ref.url, plain(ref.title)), plain(ref.publisher)]
    if ref.published:
        parts.append(plain(ref.published.display()))
    line = ", ".join(parts)
    if ref.accessed:
        line += f" (accessed {plain(ref.accessed.display())})"
    line += " · " + _a(archive_url(ref), "archived copy", cls="x-archive",
                       aria=f"archived copy of {plain(ref.title)}")
    # A maintainer's remark left in a note ("(title from URL)") is not for readers.
    note = MAINTAINER_NOTE.sub("", ref.note).strip() if ref.note else ""
    if note:
        line += f'<br><span class="x-ref-note">Note: {plain(note)}</span>'
    if ref.excerpt:
        foreign = ref.language and not ref.language.startswith("en")
        lang = f' lang="{html.escape(ref.language or "")}"' if foreign else ""
        gloss = (f'<p class="x-gloss">Translation: {plain(ref.excerpt_en)}</p>'
                 if ref.excerpt_en else "")
        line += (f'<details class="quote x-excerpt"><summary>What the page says</summary>'
                 f"<blockquote{lang}><p>{plain(ref.excerpt)}</p></blockquote>{gloss}</details>")
    return line


def citations(corpus: Corpus, page: str, cites: tuple[Citation, ...]) -> list[str]:
    """Quotes from the article as blockquotes, then other references as a list (HTML, so each
    item can hold its excerpt; Markdown would end the item at the <details>)."""
    out: list[str] = []
    refs: list[str] = []
    for c in cites:
        if isinstance(c, ArticleCitation):
            out += [*quote_block(corpus, page, c.quote, c.note), ""]
        else:
            refs.append(f"<li>{reference_line(c)}</li>")
    if refs:
        out += ['<ul class="x-refs">', *refs, "</ul>", ""]
    return out


def cite_inline(corpus: Corpus, page: str, cites: tuple[Citation, ...]) -> str:
    """Short citations for a table cell."""
    parts: list[str] = []
    for c in cites:
        if isinstance(c, ArticleCitation):
            q = c.quote
            parts.append(f"{plain(corpus.sources[q.source].publisher)}, "
                         f"[para. {q.paragraph}]"
                         f"({links.md(page, *paragraph_target(corpus, q.source, q.paragraph))})")
        else:
            archived = safe_url(archive_url(c))
            parts.append(f"{url(c.url, c.publisher)} ([archived copy](<{archived}>))")
    return "; ".join(parts)


def event_item(page: str, e: Event, *, attrs: bool = False) -> list[str]:
    """One line of an event list: date, linked title, kind; data-* attributes for the filter."""
    lines = [f"- {time(e.when)} · [{plain(e.title)}]({links.md(page, links.event(e.id))}) "
             f'<span class="x-kind">{kind_label(e.kind)}</span>']
    if attrs:
        actors = " ".join(dict.fromkeys(a.actor for a in e.actors))
        places = " ".join(e.places)
        lines.append(f'    {{: data-kind="{e.kind}" data-actors="{actors}" '
                     f'data-places="{places}" }}')
    return lines


def heading_anchor(ident: str) -> str:
    return f"{{#{ident}}}"
