"""Which page lists a record when a long list is paged: glossary terms, the article's paragraphs.

Pages link to these places (a term's anchor, a quote's paragraph), so the placement is decided
once per corpus here, before any page is written. Below the thresholds everything stays on the
one page it always had (`glossary.md`, `article.md`).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from explainer.data.model import Actor, Claim, Corpus, Event, Quote, Term, record_quotes
from explainer.render import links, paging

#: Terms on one page before the glossary is split by initial letter.
TERMS_SPLIT = 60
#: Terms on one page of a letter.
TERMS_PER_PAGE = 40
#: Paragraphs of a source on one page of the article, paragraph by paragraph.
PARAGRAPHS_PER_PAGE = 20

QuoteKey = tuple[str, int, int, int]
QuoteUses = dict[QuoteKey, tuple[Quote, list[tuple[str, str]]]]


def letter_of(term: str) -> str:
    """The initial as a URL segment: a-z, or 'other' (digits, symbols, other scripts)."""
    first = unicodedata.normalize("NFKD", term.strip()[:1]).casefold()[:1]
    return first if "a" <= first <= "z" else "other"


def letter_page(letter: str) -> str:
    return f"glossary/{letter}.md"


def article_page(corpus: Corpus, source: str) -> str:
    """The first page of a source's paragraph-by-paragraph page: `article.md` when only one
    source has paragraph summaries, else `article/<id>.md`."""
    summarised = [s.id for s in corpus.sources.values() if s.summaries]
    return links.ARTICLE if summarised == [source] else f"article/{source}.md"


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
    #: (source, paragraph number) -> the article page that summarises it
    paragraphs: dict[tuple[str, int], str]


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
        paras: dict[tuple[str, int], str] = {}
        for src in corpus.sources.values():
            if src.summaries:
                base = article_page(corpus, src.id)
                paras.update(((src.id, int(n)), page) for n, page in paging.where(
                    [str(p.number) for p in src.summaries], base, PARAGRAPHS_PER_PAGE).items())
        hit = _CACHE[id(corpus)] = (corpus, Places(terms, uses, paras))
    return hit[1]


def term_page(corpus: Corpus, ident: str) -> str:
    """The page defining term `ident` (its anchor is the id): the glossary, or a letter page."""
    return places(corpus).terms.get(ident, links.GLOSSARY)


def paragraph_target(corpus: Corpus, source: str, paragraph: int) -> tuple[str, str]:
    """(page, anchor) of a paragraph: its summary on the article page, or, for a paragraph
    nobody summarised, the source's record on the source page."""
    page = places(corpus).paragraphs.get((source, paragraph))
    if page is None:
        return links.SOURCE, f"source-{source}"
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
