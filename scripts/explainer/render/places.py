"""Which page lists a record when a long list is paged: glossary terms, the article's quotes.

Pages link to these places (a term's anchor, a quote's paragraph), so the placement is decided
once per corpus here, before any page is written. Below the thresholds everything stays on the
one page it always had (`glossary.md`, `source.md`).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from explainer.model import Actor, Claim, Corpus, Event, Quote, Term, record_quotes
from explainer.render import links, paging

#: Terms on one page before the glossary is split by initial letter.
TERMS_SPLIT = 60
#: Terms on one page of a letter.
TERMS_PER_PAGE = 40
#: Quotes of one source listed on the source page before they get pages per paragraph.
QUOTES_SPLIT = 150

QuoteKey = tuple[str, int, int, int]
QuoteUses = dict[QuoteKey, tuple[Quote, list[tuple[str, str]]]]


def letter_of(term: str) -> str:
    """The initial as a URL segment: a-z, or 'other' (digits, symbols, other scripts)."""
    first = unicodedata.normalize("NFKD", term.strip()[:1]).casefold()[:1]
    return first if "a" <= first <= "z" else "other"


def letter_page(letter: str) -> str:
    return f"glossary/{letter}.md"


def source_index(source: str) -> str:
    """The quote index of a source whose quotes are paged: its paragraphs, with counts."""
    return f"source/{source}.md"


def paragraph_page(source: str, paragraph: int) -> str:
    return f"source/{source}/p{paragraph}.md"


def letters(corpus: Corpus) -> dict[str, list[Term]]:
    """Terms by initial (a-z, then 'other'), each sorted by term."""
    out: dict[str, list[Term]] = {}
    for t in sorted(corpus.terms.values(), key=lambda t: (t.term.casefold(), t.id)):
        out.setdefault(letter_of(t.term), []).append(t)
    return dict(sorted(out.items(), key=lambda kv: (kv[0] == "other", kv[0])))


@dataclass(frozen=True, slots=True)
class Places:
    terms: dict[str, str]
    uses: QuoteUses
    paged_sources: frozenset[str]


_CACHE: dict[int, tuple[Corpus, Places]] = {}


def places(corpus: Corpus) -> Places:
    """Computed once per corpus (pages ask for each quote and term they link to)."""
    hit = _CACHE.get(id(corpus))
    if hit is None or hit[0] is not corpus:
        _CACHE.clear()
        terms: dict[str, str] = {}
        if len(corpus.terms) > TERMS_SPLIT:
            for letter, ts in letters(corpus).items():
                terms.update(paging.where([t.id for t in ts], letter_page(letter),
                                          TERMS_PER_PAGE))
        uses = _quote_uses(corpus, terms)
        per_source: dict[str, int] = {}
        for key in uses:
            per_source[key[0]] = per_source.get(key[0], 0) + 1
        paged = frozenset(s for s, n in per_source.items() if n > QUOTES_SPLIT)
        hit = _CACHE[id(corpus)] = (corpus, Places(terms, uses, paged))
    return hit[1]


def term_page(corpus: Corpus, ident: str) -> str:
    """The page defining term `ident` (its anchor is the id): the glossary, or a letter page."""
    return places(corpus).terms.get(ident, links.GLOSSARY)


def paragraph_target(corpus: Corpus, source: str, paragraph: int) -> tuple[str, str]:
    """(page, anchor) of a paragraph's quotes: the source page, or the paragraph's own page."""
    page = (paragraph_page(source, paragraph) if source in places(corpus).paged_sources
            else links.SOURCE)
    return page, f"{source}-p{paragraph}"


def quote_uses(corpus: Corpus) -> QuoteUses:
    """Every quote (source, paragraph, start, end) with the records using it: (label, page)."""
    return places(corpus).uses


def _quote_uses(corpus: Corpus, terms: dict[str, str]) -> QuoteUses:
    uses: QuoteUses = {}
    for rec, q in record_quotes(corpus):
        if isinstance(rec, Event):
            label, page = rec.title, links.event(rec.id)
        elif isinstance(rec, Actor):
            label, page = rec.name, links.actor(rec.id)
        elif isinstance(rec, Claim):
            label, page = rec.label, links.claim(rec.id)
        else:
            label, page = rec.term, terms.get(rec.id, links.GLOSSARY) + "#" + rec.id
        entry = uses.setdefault((q.source, q.paragraph, q.start, q.end), (q, []))
        if (label, page) not in entry[1]:
            entry[1].append((label, page))
    return dict(sorted(uses.items()))
