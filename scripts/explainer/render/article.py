"""The article, paragraph by paragraph: our summary of each body paragraph, the claims it makes
with their verdicts, and the events it refers to. Our words only: no quotation of the article.

One source with summaries: `article.md` (then `article/2.md`, ... past PARAGRAPHS_PER_PAGE).
Several: `article.md` lists them and each gets `article/<id>.md`. Each paragraph shows at most
MAX_LISTED claims and events, so a page does not grow with the dataset.
"""

from __future__ import annotations

from explainer.model import ArticleCitation, Corpus, Source
from explainer.render import links, paging
from explainer.render.common import abbrs, count, kind_label, time, verdict_badge
from explainer.render.places import PARAGRAPHS_PER_PAGE, article_page
from explainer.text import plain, rich, url

#: Claims, and events, listed under one paragraph; the rest are counted.
MAX_LISTED = 12


def _claims_by_paragraph(corpus: Corpus, source: str) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for c in corpus.claims.values():
        for p in dict.fromkeys(q.paragraph for q in c.quotes if q.source == source):
            out.setdefault(p, []).append(c.id)
    return out


def _events_by_paragraph(corpus: Corpus, s: Source) -> dict[int, list[str]]:
    """Events citing the paragraph, events its claims give as evidence, and those listed in
    the paragraph's `events:`; in date order."""
    found: dict[int, set[str]] = {}
    for e in corpus.events.values():
        cites = [*e.sources, *(c for d in e.disputed for v in d.values for c in v.sources)]
        for c in cites:
            if isinstance(c, ArticleCitation) and c.quote.source == s.id:
                found.setdefault(c.quote.paragraph, set()).add(e.id)
    for p, claim_ids in _claims_by_paragraph(corpus, s.id).items():
        for ident in claim_ids:
            found.setdefault(p, set()).update(corpus.claims[ident].evidence)
    for para in s.summaries:
        found.setdefault(para.number, set()).update(para.events)
    rank = {ident: i for i, ident in enumerate(corpus.events)}
    return {p: sorted(ids, key=rank.__getitem__) for p, ids in found.items()}


def _paragraph(corpus: Corpus, page: str, s: Source, number: int, summary: str,
               claims: list[str], events: list[str]) -> list[str]:
    lines = [f"## Paragraph {number} {{#{s.id}-p{number}}}", "",
             rich(summary, abbrs(corpus)), ""]
    if claims:
        lines += [f"**Claims it makes ({len(claims)}):**", ""]
        for ident in claims[:MAX_LISTED]:
            c = corpus.claims[ident]
            verdict = (verdict_badge(c.assessment.verdict) if c.assessment
                       else "<span class=\"x-kind\">not checked</span>")
            lines.append(f"- [{plain(c.label)}]({links.md(page, links.claim(ident))}) "
                         f"<span class=\"x-kind\">{kind_label(c.kind)}</span> {verdict}")
        if len(claims) > MAX_LISTED:
            lines.append(f"- and {len(claims) - MAX_LISTED} more")
        lines.append("")
    if events:
        lines += [f"**Events it refers to ({len(events)}):**", ""]
        for ident in events[:MAX_LISTED]:
            e = corpus.events[ident]
            lines.append(f"- {time(e.when)} · [{plain(e.title)}]"
                         f"({links.md(page, links.event(ident))})")
        if len(events) > MAX_LISTED:
            lines.append(f"- and {len(events) - MAX_LISTED} more")
        lines.append("")
    return lines


def _source_pages(corpus: Corpus, s: Source, title: str, intro: list[str]) -> dict[str, str]:
    base = article_page(corpus, s.id)
    claims = _claims_by_paragraph(corpus, s.id)
    events = _events_by_paragraph(corpus, s)
    runs = paging.chunks(s.summaries, PARAGRAPHS_PER_PAGE)
    pages: dict[str, str] = {}
    for n, run in enumerate(runs, 1):
        page = paging.numbered(base, n)
        nav = paging.pager(page, base, n, len(runs))
        lines = [f"# {title}", "", *(intro if n == 1 else []), *nav]
        for para in run:
            lines += _paragraph(corpus, page, s, para.number, para.summary,
                                claims.get(para.number, []), events.get(para.number, []))
        pages[page] = "\n".join([*lines, *nav])
    return pages


def _intro(corpus: Corpus, page: str, s: Source) -> list[str]:
    return [f"*{plain(s.title)}*, by {plain(s.author)} ({plain(s.publisher)}, "
            f"{plain(s.published.display())}): {url(s.url, 'read the original')}.", "",
            f"For each of its {count(len(s.summaries), 'body paragraph')}, in order: our own "
            "summary of what it says, in neutral words; the claims it makes, each with our "
            "verdict; and the events it refers to. Paragraphs are numbered as in the published "
            "page, counting the masthead and the photo captions, which are left out. "
            f"[About the source and its rights]({links.md(page, links.SOURCE, 'source-' + s.id)}"
            ").", ""]


def article_pages(corpus: Corpus) -> dict[str, str]:
    """The article page(s); a site whose sources have no summaries gets a short note."""
    summarised = [s for s in corpus.sources.values() if s.summaries]
    title = "The article, paragraph by paragraph"
    if len(summarised) == 1:
        s = summarised[0]
        return _source_pages(corpus, s, title, _intro(corpus, links.ARTICLE, s))
    lines = [f"# {title}", ""]
    if not summarised:
        source = links.md(links.ARTICLE, links.SOURCE)
        return {links.ARTICLE: "\n".join([*lines, "No source has paragraph summaries yet; see "
                                          f"[the source]({source}).", ""])}
    lines += ["Each source, paragraph by paragraph:", ""]
    pages: dict[str, str] = {}
    for s in summarised:
        base = article_page(corpus, s.id)
        lines.append(f"- [{plain(s.title)}]({links.md(links.ARTICLE, base)}), by "
                     f"{plain(s.author)}: {count(len(s.summaries), 'paragraph')}")
        pages.update(_source_pages(corpus, s, f"{plain(s.title)}, paragraph by paragraph",
                                   [f"[← All sources]({links.md(base, links.ARTICLE)})", "",
                                    *_intro(corpus, base, s)]))
    return {links.ARTICLE: "\n".join([*lines, ""]), **pages}
