"""How much of each source text the records cite, paragraph by paragraph. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass

from explainer.data.model import Corpus, Quote, record_quotes
from explainer.data.quotes import normalise

_BOUNDARY = re.compile(r"(?<=[.!?])([\"')\]]?)\s+(?=[\"'(\[]?[A-Z0-9])")
_ABBREVIATIONS = ("Col.", "Lt.", "Gen.", "Capt.", "Maj.", "Dr.", "Mr.", "Mrs.", "Ms.", "St.",
                  "U.S.", "U.N.", "vs.", "e.g.", "i.e.", "No.")


def sentences(paragraph: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a normalised paragraph."""
    spans, start = [], 0
    for m in _BOUNDARY.finditer(paragraph):
        if paragraph[: m.start()].endswith(_ABBREVIATIONS):
            continue
        spans.append((start, m.start() + len(m.group(1))))
        start = m.end()
    spans.append((start, len(paragraph)))
    return [(a, b) for a, b in spans if paragraph[a:b].strip()]


@dataclass(frozen=True, kw_only=True, slots=True)
class ParagraphCoverage:
    number: int
    body: bool
    text: str
    sentences: int
    covered: int
    records: tuple[str, ...]

    @property
    def cited(self) -> bool:
        return bool(self.records)


@dataclass(frozen=True, kw_only=True, slots=True)
class SourceCoverage:
    source: str
    paragraphs: tuple[ParagraphCoverage, ...]

    def body(self) -> list[ParagraphCoverage]:
        return [p for p in self.paragraphs if p.body]

    def share(self) -> float:
        body = self.body()
        total = sum(p.sentences for p in body)
        return sum(p.covered for p in body) / total if total else 1.0


def coverage(corpus: Corpus) -> list[SourceCoverage]:
    """For each source with text: which paragraphs and sentences at least one record quotes."""
    by_source: dict[str, dict[int, list[tuple[str, Quote]]]] = {}
    for rec, q in record_quotes(corpus):
        by_source.setdefault(q.source, {}).setdefault(q.paragraph, []).append((rec.path, q))
    result = []
    for sid, src in corpus.sources.items():
        paras = []
        for n, text in enumerate(src.paragraphs, start=1):
            quoted = by_source.get(sid, {}).get(n, [])
            norm = normalise(text)
            spans = sentences(norm)
            covered = sum(1 for a, b in spans if any(q.start < b and q.end > a
                                                     for _, q in quoted))
            paras.append(ParagraphCoverage(
                number=n, body=n not in src.not_body, text=text, sentences=len(spans),
                covered=covered, records=tuple(sorted({p for p, _ in quoted}))))
        result.append(SourceCoverage(source=sid, paragraphs=tuple(paras)))
    return result


def report(results: list[SourceCoverage]) -> str:
    """A plain-text table a person can read in a terminal."""
    lines = []
    for sc in results:
        lines.append(f"{sc.source}: paragraph, part, sentences quoted, records citing it")
        for p in sc.paragraphs:
            part = "body" if p.body else "other"
            mark = "ok " if p.cited else ("-- " if not p.body else "!! ")
            lines.append(f"  {mark}¶{p.number:<3} {part:<5} {p.covered:>2}/{p.sentences:<2} "
                         f"{len(p.records):>3} records  {p.text[:60]}")
        body = sc.body()
        cited = sum(1 for p in body if p.cited)
        lines.append(f"  body paragraphs cited: {cited}/{len(body)}; body sentences quoted: "
                     f"{sc.share():.0%}")
    return "\n".join(lines)
