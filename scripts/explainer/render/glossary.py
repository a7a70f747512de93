"""The glossary, with an anchor per term, and the abbreviation lines added to every page."""

from __future__ import annotations

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
