"""The source page: each article's record (provenance, date estimate, rights, what the site
shows of it) and links into the article page, paragraph by paragraph.

It does not list the quotes: together they would reassemble the article. Each quote is shown on
the page of the record that uses it.
"""

from __future__ import annotations

from explainer.model import Corpus, Source
from explainer.render import links
from explainer.render.common import abbrs, count, language_name, reviewed
from explainer.render.places import article_page, paragraph_target, quote_uses
from explainer.text import plain, rich, url

__all__ = ["source_page", "source_pages"]

#: Share of a source's body words that any one page may show in quotation (tests check it).
MAX_QUOTED_SHARE = 0.25


def _facts(corpus: Corpus, s: Source) -> list[str]:
    when = s.published
    dated = plain(when.display())
    if when.earliest and when.latest:
        dated += (f" (between {plain(when.earliest.display())} and "
                  f"{plain(when.latest.display())})")
    lines = [f"## {plain(s.title)} {{#source-{s.id}}}", "",
             f"- **Author:** {plain(s.author)}", f"- **Publisher:** {plain(s.publisher)}",
             f"- **Published:** {dated}", f"- **Language:** {plain(language_name(s.language))}",
             f"- **Original:** {url(s.url, s.url)}", ""]
    if s.title_note:
        lines += [f"**About the title:** {plain(s.title_note)}", ""]
    if s.note:
        lines += ["**Provenance and date estimate:**", "", rich(s.note, abbrs(corpus)), ""]
    lines += ["**Attribution and rights:**", "", rich(s.rights, abbrs(corpus)), ""]
    lines += reviewed(s.reviewed)
    return lines


def _shown(corpus: Corpus, s: Source) -> list[str]:
    """What the site shows of the source, counted from the records."""
    quotes = [q for (src, *_), (q, _) in quote_uses(corpus).items() if src == s.id]
    users = {u for (src, *_), (_, us) in quote_uses(corpus).items() if src == s.id for u in us}
    longest = max((len(q.text.split()) for q in quotes), default=0)
    lines = ["**What this site shows of it:**", ""]
    if s.summaries:
        lines.append(f"- our own summary of each of its {count(len(s.summaries), 'body paragraph')}"
                     f", on [the article, paragraph by paragraph]"
                     f"({links.md(links.SOURCE, article_page(corpus, s.id))});")
    lines += [f"- {count(len(quotes), 'short quotation')}, each shown on the page of the record "
              f"that needs it ({count(len(users), 'record')} quote it); the longest is "
              f"{count(longest, 'word')};",
              f"- no page shows more than {MAX_QUOTED_SHARE:.0%} of the article's body words in "
              "quotation (a test checks every built page);",
              "- a link to the original. The text kept beside this record is used only to check "
              "that quotations are exact; it is not published.", ""]
    if s.summaries:
        lines += ["**Paragraph by paragraph:** " + " · ".join(
            f"[¶ {p.number}]({links.md(links.SOURCE, *paragraph_target(corpus, s.id, p.number))})"
            for p in s.summaries), ""]
    return lines


def source_pages(corpus: Corpus) -> dict[str, str]:
    page = links.SOURCE
    lines = ["# The source", "", "This site explains one article. It does not reproduce it: "
             f"it summarises it [paragraph by paragraph]({links.md(page, links.ARTICLE)}) in "
             "its own words, quotes short passages where a record needs them, and links to the "
             "original.", ""]
    for s in corpus.sources.values():
        lines += [*_facts(corpus, s), *_shown(corpus, s)]
    return {page: "\n".join(lines)}


def source_page(corpus: Corpus) -> str:
    return source_pages(corpus)[links.SOURCE]
