"""The glossary, with an anchor per term, and the abbreviation lines added to every page."""

from __future__ import annotations

import functools
import re

from explainer.model import Corpus
from explainer.render import links
from explainer.render.common import abbrs, citations
from explainer.text import abbreviation, plain, rich


def glossary(corpus: Corpus) -> str:
    page = links.GLOSSARY
    lines = ["# Glossary", "", "Words and abbreviations used on this site. Abbreviations are "
             "also explained in a tooltip wherever they appear.", ""]
    for t in corpus.terms.values():
        lines += [f"## {plain(t.term)} {{#{t.id}}}", ""]
        if t.expansion:
            lines += [f"*{plain(t.expansion)}*", ""]
        lines += [rich(t.definition, abbrs(corpus)), ""]
        if t.actor:
            a = corpus.actors[t.actor]
            lines += [f"See [{plain(a.name)}]({links.md(page, links.actor(a.id))}).", ""]
        if t.sources:
            lines += citations(corpus, page, t.sources)
    return "\n".join(lines)


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

