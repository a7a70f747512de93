"""The source page: each article's record (provenance, date estimate, rights, what the site
shows of it) and links into the article page, paragraph by paragraph.

It does not list the quotes: together they would reassemble the article. Each quote is shown on
the page of the record that uses it.
"""

from __future__ import annotations

from explainer.data.model import Corpus, Source
from explainer.i18n import _, format_percent
from explainer.render import links
from explainer.render.common import abbrs, count, language_name, reviewed
from explainer.render.places import article_page, paragraph_target, quote_uses
from explainer.render.text import plain, rich, url

__all__ = ["source_page", "source_pages"]

#: Share of a source's body words that any one page may show in quotation (tests check it).
MAX_QUOTED_SHARE = 0.25


def _facts(corpus: Corpus, s: Source) -> list[str]:
    when = s.published
    dated = plain(when.display())
    if when.earliest and when.latest:
        dated += " " + _("(between %(earliest)s and %(latest)s)") % {
            "earliest": plain(when.earliest.display()), "latest": plain(when.latest.display())}
    lines = [f"## {plain(s.title)} {{#source-{s.id}}}", "",
             "- " + _("**Author:** %(name)s") % {"name": plain(s.author)},
             "- " + _("**Publisher:** %(name)s") % {"name": plain(s.publisher)},
             "- " + _("**Published:** %(date)s") % {"date": dated},
             "- " + _("**Language:** %(language)s")
             % {"language": plain(language_name(s.language))},
             "- " + _("**Original:** %(link)s") % {"link": url(s.url, s.url)}, ""]
    if s.title_note:
        lines += [_("**About the title:** %(note)s") % {"note": plain(s.title_note)}, ""]
    if s.note:
        lines += [_("**Provenance and date estimate:**"), "", rich(s.note, abbrs(corpus)), ""]
    lines += [_("**Attribution and rights:**"), "", rich(s.rights, abbrs(corpus)), ""]
    lines += reviewed(s.reviewed)
    return lines


def _shown(corpus: Corpus, s: Source) -> list[str]:
    """What the site shows of the source, counted from the records."""
    quotes = [q for (src, *_rest), (q, _u) in quote_uses(corpus).items() if src == s.id]
    users = {u for (src, *_rest), (_q, us) in quote_uses(corpus).items() if src == s.id
             for u in us}
    longest = max((len(q.text.split()) for q in quotes), default=0)
    lines = [_("**What this site shows of it:**"), ""]
    if s.summaries:
        lines.append("- " + _("our own summary of each of its %(paragraphs)s, on [the article, "
                              "paragraph by paragraph](%(link)s);") % {
            "paragraphs": count(len(s.summaries), "body paragraph"),
            "link": links.md(links.SOURCE, article_page(corpus, s.id))})
    lines += ["- " + _("%(quotes)s, each shown on the page of the record that needs it "
                       "(%(records)s quote it); the longest is %(words)s;") % {
                  "quotes": count(len(quotes), "short quotation"),
                  "records": count(len(users), "record"), "words": count(longest, "word")},
              "- " + _("no page shows more than %(share)s of the article's body words in "
                       "quotation (a test checks every built page);")
              % {"share": format_percent(MAX_QUOTED_SHARE)},
              "- " + _("a link to the original. The text kept beside this record is used only "
                       "to check that quotations are exact; it is not published."), ""]
    if s.summaries:
        lines += [_("**Paragraph by paragraph:**") + " " + " · ".join(
            f"[¶ {p.number}]({links.md(links.SOURCE, *paragraph_target(corpus, s.id, p.number))})"
            for p in s.summaries), ""]
    return lines


def source_pages(corpus: Corpus) -> dict[str, str]:
    page = links.SOURCE
    lines = ["# " + _("The source"), "", _(
        "This site explains one article. It does not reproduce it: it summarises it [paragraph "
        "by paragraph](%(link)s) in its own words, quotes short passages where a record needs "
        "them, and links to the original.") % {"link": links.md(page, links.ARTICLE)}, ""]
    for s in corpus.sources.values():
        lines += [*_facts(corpus, s), *_shown(corpus, s)]
    return {page: "\n".join(lines)}


def source_page(corpus: Corpus) -> str:
    return source_pages(corpus)[links.SOURCE]
