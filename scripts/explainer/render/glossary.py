"""The glossary, with an anchor per term, and the abbreviation lines added to every page.

Above places.TERMS_SPLIT terms it is an index of initials, with pages per letter.
"""

from __future__ import annotations

import functools
import re

from explainer.data.model import Corpus, Term
from explainer.i18n import N_, _
from explainer.render import links, paging
from explainer.render.common import abbrs, citations, count, reviewed
from explainer.render.places import TERMS_PER_PAGE, TERMS_SPLIT, letter_page, letters
from explainer.render.text import abbreviation, plain, rich


def _term(corpus: Corpus, page: str, t: Term) -> list[str]:
    lines = [f"## {plain(t.term)} {{#{t.id}}}", ""]
    if t.expansion:
        lines += [f"*{plain(t.expansion)}*", ""]
    lines += [rich(t.definition, abbrs(corpus)), ""]
    if t.actor:
        a = corpus.actors[t.actor]
        lines += [_("See [%(name)s](%(link)s).") % {
            "name": plain(a.name), "link": links.md(page, links.actor(a.id))}, ""]
    if t.sources:
        lines += citations(corpus, page, t.sources)
    lines += reviewed(t.reviewed)
    return lines


_INTRO = N_("Words and abbreviations used on this site. Abbreviations are also explained in "
            "a tooltip wherever they appear.")


def glossary_pages(corpus: Corpus) -> dict[str, str]:
    """The glossary; above SPLIT terms, an index of initials and pages per letter."""
    page = links.GLOSSARY
    if len(corpus.terms) <= TERMS_SPLIT:
        lines = ["# " + _("Glossary"), "", _(_INTRO), ""]
        for t in corpus.terms.values():
            lines += _term(corpus, page, t)
        return {page: "\n".join(lines)}
    by_letter = letters(corpus)
    index = ["# " + _("Glossary"), "",
             _(_INTRO) + " " + _("%(terms)s, by initial:")
             % {"terms": count(len(corpus.terms), "term")}, "",
             *(f"- [{_('Other') if k == 'other' else k.upper()}]"
               f"({links.md(page, letter_page(k))}){_(':')} {count(len(v), 'term')}"
               for k, v in by_letter.items()), ""]
    pages = {page: "\n".join(index)}
    for letter, terms in by_letter.items():
        base = letter_page(letter)
        runs = paging.chunks(terms, TERMS_PER_PAGE)
        name = _("other initials") if letter == "other" else letter.upper()
        for n, run in enumerate(runs, 1):
            p = paging.numbered(base, n)
            nav = paging.pager(p, base, n, len(runs))
            lines = ["# " + _("Glossary: %(initial)s") % {"initial": name}, "",
                     f"[← {_('All terms')}]({links.md(p, page)})", "", *nav]
            for t in run:
                lines += _term(corpus, p, t)
            pages[p] = "\n".join([*lines, *nav])
    return pages


def glossary(corpus: Corpus) -> str:
    return glossary_pages(corpus)[links.GLOSSARY]


def abbreviations(corpus: Corpus) -> str:
    """`*[TERM]: expansion` lines for Python-Markdown's abbr extension, longest term first."""
    lines = [abbreviation(t.term, t.expansion) for t in
             sorted(corpus.terms.values(), key=lambda t: (-len(t.term), t.id)) if t.expansion]
    return "\n".join(x for x in lines if x)


_WORD = re.compile(r"\w+")


@functools.lru_cache(maxsize=4)
def _by_first_word(abbreviations: str) -> dict[str, tuple[tuple[int, str, str], ...]]:
    """The `*[TERM]: …` lines grouped by the first word of their term, with their position."""
    index: dict[str, list[tuple[int, str, str]]] = {}
    for i, line in enumerate(abbreviations.splitlines()):
        if line.startswith("*[") and "]:" in line:
            term = line[2:line.index("]:")]
            words = _WORD.findall(term)
            index.setdefault(words[0] if words else "", []).append((i, term, line))
    return {k: tuple(v) for k, v in index.items()}


def abbreviations_for(markdown: str, abbreviations: str) -> str:
    """Only the abbreviation lines whose term occurs in `markdown`, in their order.

    The abbr extension matches every definition against every text of the page: appending all
    of a large glossary to each page made the build quadratic (67 ms a page at 250 terms).
    A term absent from the page's Markdown cannot match in it, so its line changes nothing.
    """
    index = _by_first_word(abbreviations)
    words = {*_WORD.findall(markdown), ""}
    kept = sorted((i, line) for w in words & index.keys() for i, term, line in index[w]
                  if term in markdown)
    return "\n".join(line for _, line in kept)

