"""The source page: the article's facts and rights, and every quote the site uses, in order.

When a source has more than places.QUOTES_SPLIT quotes, the source page links to its quote
index (`source/<id>.md`: paragraphs with counts) and each paragraph gets its own pages
(`source/<id>/p<n>.md`, then `.../p<n>/2.md`, ...).
"""

from __future__ import annotations

from collections.abc import Sequence

from explainer.model import Corpus, Quote, Source, record_quotes
from explainer.quotes import normalise
from explainer.render import links, paging
from explainer.render.common import abbrs, count, reviewed
from explainer.render.places import (
    QuoteKey,
    paragraph_page,
    places,
    quote_uses,
    source_index,
)
from explainer.text import plain, rich, url

__all__ = ["MAX_USERS", "QuoteKey", "quote_uses", "source_page", "source_pages"]

#: Records listed under one quote; the page stays small however many records reuse a quote.
MAX_USERS = 20
#: Quotes on one page of a paragraph.
PER_PAGE = 30

Uses = list[tuple[QuoteKey, tuple[Quote, list[tuple[str, str]]]]]


def shown_of(corpus: Corpus, s: Source) -> str:
    """Exactly what the site shows of a source: its quotations, and how much of its text they
    cover together (each passage counted once; offsets are in the normalised paragraphs)."""
    spans: dict[int, set[tuple[int, int]]] = {}
    for _rec, q in record_quotes(corpus):
        if q.source == s.id:
            spans.setdefault(q.paragraph, set()).add((q.start, q.end))
    covered = 0
    for found in spans.values():
        end = 0
        for a, b in sorted(found):
            covered += max(0, b - max(a, end))
            end = max(end, b)
    total = sum(len(normalise(p)) for p in s.paragraphs)
    share = f"{100 * covered / total:.0f}%" if total else "none"
    quotes = sum(len(found) for found in spans.values())
    return (f"**What this site shows of it:** {count(quotes, 'quotation')}, from "
            f"{len(spans)} of its {count(len(s.paragraphs), 'paragraph')}, which together "
            f"cover {share} of its text (each passage counted once). Each is shown with its "
            "paragraph number, its author and a link to the original, on the pages that "
            "quote it, and listed in the article's order under “Quotes used on this site”.")


def _facts(corpus: Corpus, s: Source) -> list[str]:
    lines = [f"## {plain(s.title)} {{#source-{s.id}}}", "",
             "| | |", "| --- | --- |",
             f"| Author | {plain(s.author)} |", f"| Publisher | {plain(s.publisher)} |",
             f"| Published | {plain(s.published.display())} |",
             f"| Language | {plain(s.language)} |",
             f"| Original | {url(s.url, s.url)} |", ""]
    if s.title_note:
        lines += [f"**About the title:** {plain(s.title_note)}", ""]
    lines += ["**Attribution and rights:**", "", rich(s.rights, abbrs(corpus)), "",
              shown_of(corpus, s), ""]
    if s.note:
        lines += [rich(s.note, abbrs(corpus)), ""]
    lines += reviewed(s.reviewed)
    return lines


def _quote(page: str, q: Quote, users: list[tuple[str, str]]) -> list[str]:
    more = f", and {len(users) - MAX_USERS} more" if len(users) > MAX_USERS else ""
    return [f"> {plain(q.text)}", "", "Used by: " + ", ".join(
        f"[{plain(label)}]({_md(page, target)})" for label, target in users[:MAX_USERS]) + more,
        ""]


def _paragraphs(mine: Uses) -> dict[int, Uses]:
    out: dict[int, Uses] = {}
    for k, v in mine:
        out.setdefault(k[1], []).append((k, v))
    return out


def source_pages(corpus: Corpus) -> dict[str, str]:
    """The source page, and the quote pages of any source with many quotes."""
    page = links.SOURCE
    lines = ["# The source", "", "This site explains one article. It does not reproduce it: "
             "it quotes short passages, each with its place in the article, and links to the "
             "original.", ""]
    uses = quote_uses(corpus)
    paged = places(corpus).paged_sources
    pages: dict[str, str] = {}
    for s in corpus.sources.values():
        lines += _facts(corpus, s)
        mine = [(k, v) for k, v in uses.items() if k[0] == s.id]
        lines += [f"### Quotes used on this site {{#quotes-{s.id}}}", ""]
        if s.id in paged:
            paras = _paragraphs(mine)
            lines += [f"{len(mine)} passages from {count(len(paras), 'paragraph')}: see "
                      f"[the quotes, paragraph by paragraph]"
                      f"({links.md(page, source_index(s.id))}).", ""]
            pages.update(_quote_pages(corpus, s, paras, len(mine)))
            continue
        lines += [f"{len(mine)} passages, in article order (paragraph, then position).", ""]
        para = 0
        for (_, p, _, _), (q, users) in mine:
            if p != para:
                para = p
                lines += [f"#### Paragraph {p} {{#{s.id}-p{p}}}", ""]
            lines += _quote(page, q, users)
    return {page: "\n".join(lines), **pages}


def _quote_pages(corpus: Corpus, s: Source, paras: dict[int, Uses], total: int) -> dict[str, str]:
    index = source_index(s.id)
    back = f"[← The source]({links.md(index, links.SOURCE, 'source-' + s.id)})"
    pages = {index: "\n".join([
        f"# Quotes from {plain(s.title)}", "", back, "",
        f"{total} passages, in article order. Each paragraph has its own page:", "",
        " · ".join(f"[¶ {p}]({links.md(index, paragraph_page(s.id, p))}) ({len(qs)})"
                   for p, qs in paras.items()), ""])}
    for p, qs in paras.items():
        pages.update(_paragraph_pages(s, p, qs, index))
    return pages


def _paragraph_pages(s: Source, p: int, qs: Sequence[tuple[QuoteKey, tuple[Quote, list[
        tuple[str, str]]]]], index: str) -> dict[str, str]:
    base = paragraph_page(s.id, p)
    runs = paging.chunks(qs, PER_PAGE)
    pages: dict[str, str] = {}
    for n, run in enumerate(runs, 1):
        page = paging.numbered(base, n)
        nav = paging.pager(page, base, n, len(runs))
        anchor = f" {{#{s.id}-p{p}}}" if n == 1 else ""
        lines = [f"# {plain(s.title)}: paragraph {p}{anchor}", "",
                 f"[← All paragraphs]({links.md(page, index)}) · "
                 f"{count(len(qs), 'passage')} quoted from this paragraph.", "", *nav]
        for _, (q, users) in run:
            lines += _quote(page, q, users)
        pages[page] = "\n".join([*lines, *nav])
    return pages


def source_page(corpus: Corpus) -> str:
    return source_pages(corpus)[links.SOURCE]


def _md(page: str, target: str) -> str:
    path, _, anchor = target.partition("#")
    return links.md(page, path, anchor)
