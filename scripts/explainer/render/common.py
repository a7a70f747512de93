"""Pieces several pages share: dates, citations, verdict badges, event list items."""

from __future__ import annotations

from explainer.dates import When
from explainer.model import ArticleCitation, Citation, Corpus, Event, Quote, Reference
from explainer.render import links
from explainer.render.places import paragraph_target
from explainer.text import Abbreviations, plain, url

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
VERDICT_MARKS = {"correct": "✓", "imprecise": "≈", "wrong": "✗", "unverified": "?",
                 "opinion": "◆"}


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


def reference_line(ref: Reference) -> str:
    parts = [url(ref.url, ref.title), plain(ref.publisher)]
    if ref.published:
        parts.append(plain(ref.published.display()))
    line = ", ".join(parts)
    if ref.note:
        line += f" — {plain(ref.note)}"
    if ref.accessed:
        line += f" (accessed {plain(ref.accessed.display())})"
    return line


def citations(corpus: Corpus, page: str, cites: tuple[Citation, ...]) -> list[str]:
    """Quotes from the article as blockquotes, then other references as a list."""
    out: list[str] = []
    refs: list[str] = []
    for c in cites:
        if isinstance(c, ArticleCitation):
            out += [*quote_block(corpus, page, c.quote, c.note), ""]
        else:
            refs.append(f"- {reference_line(c)}")
    if refs:
        out += [*refs, ""]
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
            parts.append(url(c.url, c.publisher))
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
