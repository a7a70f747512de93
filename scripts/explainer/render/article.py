"""The article, paragraph by paragraph: our summary of each body paragraph, the claims it makes
with their verdicts, and the events it refers to. Our words only: no quotation of the article.

One source with summaries: `article.md` (then `article/2.md`, ... past PARAGRAPHS_PER_PAGE).
Several: `article.md` lists them and each gets `article/<id>.md`. Each paragraph shows at most
MAX_LISTED claims and events, so a page does not grow with the dataset.
"""

from __future__ import annotations

from explainer.data.model import ArticleCitation, Corpus, Source
from explainer.i18n import _, integer
from explainer.render import links, paging
from explainer.render.common import abbrs, count, kind_label, time, verdict_badge
from explainer.render.places import PARAGRAPHS_PER_PAGE, article_page
from explainer.render.text import plain, rich, url

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
    lines = ["## " + _("Paragraph %(n)s") % {"n": number} + f" {{#{s.id}-p{number}}}", "",
             rich(summary, abbrs(corpus)), ""]
    if claims:
        lines += [_("**Claims it makes (%(n)s):**") % {"n": integer(len(claims))}, ""]
        for ident in claims[:MAX_LISTED]:
            c = corpus.claims[ident]
            verdict = (verdict_badge(c.assessment.verdict) if c.assessment
                       else f'<span class="x-kind">{_("not checked")}</span>')
            lines.append(f"- [{plain(c.label)}]({links.md(page, links.claim(ident))}) "
                         f"<span class=\"x-kind\">{kind_label(c.kind)}</span> {verdict}")
        if len(claims) > MAX_LISTED:
            lines.append("- " + _("and %(n)s more") % {"n": integer(len(claims) - MAX_LISTED)})
        lines.append("")
    if events:
        lines += [_("**Events it refers to (%(n)s):**") % {"n": integer(len(events))}, ""]
        for ident in events[:MAX_LISTED]:
            e = corpus.events[ident]
            lines.append(f"- {time(e.when)} · [{plain(e.title)}]"
                         f"({links.md(page, links.event(ident))})")
        if len(events) > MAX_LISTED:
            lines.append("- " + _("and %(n)s more") % {"n": integer(len(events) - MAX_LISTED)})
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
    return [_("*%(title)s*, by %(author)s (%(publisher)s, %(date)s): %(link)s.") % {
                "title": plain(s.title), "author": plain(s.author),
                "publisher": plain(s.publisher), "date": plain(s.published.display()),
                "link": url(s.url, _("read the original"))}, "",
            _("For each of its %(paragraphs)s, in order: our own summary of what it says, in "
              "neutral words; the claims it makes, each with our verdict; and the events it "
              "refers to. Paragraphs are numbered as in the published page, counting the "
              "masthead and the photo captions, which are left out. [About the source and its "
              "rights](%(link)s).") % {
                "paragraphs": count(len(s.summaries), "body paragraph"),
                "link": links.md(page, links.SOURCE, "source-" + s.id)}, ""]


def article_pages(corpus: Corpus) -> dict[str, str]:
    """The article page(s); a site whose sources have no summaries gets a short note."""
    summarised = [s for s in corpus.sources.values() if s.summaries]
    title = _("The article, paragraph by paragraph")
    if len(summarised) == 1:
        s = summarised[0]
        return _source_pages(corpus, s, title, _intro(corpus, links.ARTICLE, s))
    lines = [f"# {title}", ""]
    if not summarised:
        source = links.md(links.ARTICLE, links.SOURCE)
        return {links.ARTICLE: "\n".join([*lines, _(
            "No source has paragraph summaries yet; see [the source](%(link)s).")
            % {"link": source}, ""])}
    lines += [_("Each source, paragraph by paragraph:"), ""]
    pages: dict[str, str] = {}
    for s in summarised:
        base = article_page(corpus, s.id)
        lines.append("- " + _("[%(title)s](%(link)s), by %(author)s: %(paragraphs)s") % {
            "title": plain(s.title), "link": links.md(links.ARTICLE, base),
            "author": plain(s.author), "paragraphs": count(len(s.summaries), "paragraph")})
        pages.update(_source_pages(corpus, s, _("%(title)s, paragraph by paragraph")
                                   % {"title": plain(s.title)},
                                   [f"[← {_('All sources')}]({links.md(base, links.ARTICLE)})",
                                    "",
                                    *_intro(corpus, base, s)]))
    return {links.ARTICLE: "\n".join([*lines, ""]), **pages}
