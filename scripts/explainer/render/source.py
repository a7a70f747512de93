"""The source page: the article's facts and rights, and every quote the site uses, in order."""

from __future__ import annotations

from collections.abc import Iterable

from explainer.model import ArticleCitation, Citation, Corpus, Quote
from explainer.render import links
from explainer.render.common import abbrs
from explainer.text import plain, rich, url

QuoteKey = tuple[str, int, int, int]
#: Records listed under one quote; the page stays small however many records reuse a quote.
MAX_USERS = 20


def quote_uses(corpus: Corpus) -> dict[QuoteKey, tuple[Quote, list[tuple[str, str]]]]:
    """Every quote (source, paragraph, start, end) with the records using it: (label, page)."""
    uses: dict[QuoteKey, tuple[Quote, list[tuple[str, str]]]] = {}

    def add(q: Quote, label: str, page: str) -> None:
        entry = uses.setdefault((q.source, q.paragraph, q.start, q.end), (q, []))
        if (label, page) not in entry[1]:
            entry[1].append((label, page))

    def cites(cs: Iterable[Citation], label: str, page: str) -> None:
        for c in cs:
            if isinstance(c, ArticleCitation):
                add(c.quote, label, page)

    for e in corpus.events.values():
        cites(e.sources, e.title, links.event(e.id))
        for d in e.disputed:
            for v in d.values:
                cites(v.sources, e.title, links.event(e.id))
    for a in corpus.actors.values():
        cites(a.sources, a.name, links.actor(a.id))
    for c in corpus.claims.values():
        for q in c.quotes:
            add(q, c.label, links.claim(c.id))
        if c.assessment:
            cites(c.assessment.references, c.label, links.claim(c.id))
    for t in corpus.terms.values():
        cites(t.sources, t.term, links.GLOSSARY + "#" + t.id)
    return dict(sorted(uses.items()))


def source_page(corpus: Corpus) -> str:
    page = links.SOURCE
    lines = ["# The source", "", "This site explains one article. It does not reproduce it: "
             "it quotes short passages, each with its place in the article, and links to the "
             "original.", ""]
    uses = quote_uses(corpus)
    for s in corpus.sources.values():
        lines += [f"## {plain(s.title)} {{#source-{s.id}}}", "",
                  "| | |", "| --- | --- |",
                  f"| Author | {plain(s.author)} |", f"| Publisher | {plain(s.publisher)} |",
                  f"| Published | {plain(s.published.display())} |",
                  f"| Language | {plain(s.language)} |",
                  f"| Original | {url(s.url, s.url)} |", ""]
        if s.title_note:
            lines += [f"**About the title:** {plain(s.title_note)}", ""]
        lines += ["**Attribution and rights:**", "", rich(s.rights, abbrs(corpus)), ""]
        if s.note:
            lines += [rich(s.note, abbrs(corpus)), ""]
        mine = [(k, v) for k, v in uses.items() if k[0] == s.id]
        lines += [f"### Quotes used on this site {{#quotes-{s.id}}}", "",
                  f"{len(mine)} passages, in article order (paragraph, then position).", ""]
        para = 0
        for (_, p, _, _), (q, users) in mine:
            if p != para:
                para = p
                lines += [f"#### Paragraph {p} {{#{s.id}-p{p}}}", ""]
            lines += [f"> {plain(q.text)}", ""]
            more = f", and {len(users) - MAX_USERS} more" if len(users) > MAX_USERS else ""
            lines += ["Used by: " + ", ".join(
                f"[{plain(label)}]({_md(page, target)})"
                for label, target in users[:MAX_USERS]) + more, ""]
    return "\n".join(lines)


def _md(page: str, target: str) -> str:
    path, _, anchor = target.partition("#")
    return links.md(page, path, anchor)
