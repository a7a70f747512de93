"""The class rules: what each record's external references rest on. Pure: model in, findings out.

A publisher's class (schema.SOURCE_CLASSES) says what kind of source it is; `reprint` and
`other` are weak (schema.WEAK_CLASSES). Two rules:

- a record whose external references are all weak rests on weak sources only;
- a claim's assessment (any verdict but `opinion`) must cite at least one strong source.

`explainer sources` reports them with the counts per class; `explainer check` reports them as
problems when ENFORCED, else as warnings (while the data is being re-audited).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from explainer.data import schema as s
from explainer.data.load import Key
from explainer.data.model import Actor, Citation, Claim, Corpus, Event, Publisher, Reference, Term

#: The class rules are problems that stop the build (the re-audited data passes them). Set it to
#: False to have `explainer check` print them as warnings instead, e.g. while re-auditing.
ENFORCED = True

Record = Event | Actor | Claim | Term
STRONG = tuple(c for c in s.SOURCE_CLASSES if c not in s.WEAK_CLASSES)


@dataclass(frozen=True, slots=True)
class Finding:
    """One record that breaks a class rule; `key` is where in its file to point."""

    path: str
    record: str
    key: Key
    message: str
    hint: str


def _refs(cites: tuple[Citation, ...]) -> list[Reference]:
    return [c for c in cites if isinstance(c, Reference)]


def _groups(rec: Record) -> list[tuple[Key, tuple[Citation, ...]]]:
    """The citation lists of a record, with the key of the field that holds each."""
    groups: list[tuple[Key, tuple[Citation, ...]]] = []
    if isinstance(rec, Claim):
        if rec.assessment:
            groups.append((("assessment", "references"), rec.assessment.references))
        outcome = getattr(rec, "outcome", None)  # the later record's field (issue 12)
        if outcome is not None:
            groups.append((("outcome", "references"), outcome.references))
        return groups
    groups.append((("sources",), rec.sources))
    if isinstance(rec, Event):
        for i, d in enumerate(rec.disputed):
            for j, v in enumerate(d.values):
                groups.append((("disputed", i, "values", j, "sources"), v.sources))
    return groups


def cited(rec: Record) -> list[tuple[Key, list[Reference]]]:
    """The external references of a record, grouped by the field that holds them."""
    return [(key, _refs(cites)) for key, cites in _groups(rec)]


#: A maintainer's remark left in `note`, which readers see: "(title from URL)", "(no headline
#: in the stored copy; descriptive title)". It belongs in `comment`.
MAINTAINER_NOTE = re.compile(r"^\((?:title|no headline|descriptive title)[^)]*\)", re.I)


def reprints_without_via(corpus: Corpus) -> list[Finding]:
    """References to a reprint host that do not say whose work it carries."""
    out: list[Finding] = []
    for rec in records(corpus):
        for key, cites in _groups(rec):
            for i, c in enumerate(cites):
                if isinstance(c, Reference) and not c.via and \
                        class_of(c, corpus.publishers) == "reprint":
                    out.append(Finding(
                        rec.path, rec.id, (*key, i, "url"),
                        f"{c.publisher_id} is a reprint host: say whose work it carries",
                        "add 'via:' with that publisher's id (e.g. via: reuters), or cite the "
                        "original"))
    return out


def maintainer_notes(corpus: Corpus) -> list[Finding]:
    """References whose reader-facing note starts with a maintainer's remark."""
    out: list[Finding] = []
    for rec in records(corpus):
        for key, cites in _groups(rec):
            for i, c in enumerate(cites):
                if isinstance(c, Reference) and c.note and MAINTAINER_NOTE.match(c.note):
                    out.append(Finding(
                        rec.path, rec.id, (*key, i, "note"),
                        f"this note is shown to readers but reads like a maintainer's remark "
                        f"({c.note[:40]!r})", "move it to 'comment:', which is never shown"))
    return out


def records(corpus: Corpus) -> Iterator[Record]:
    yield from corpus.events.values()
    yield from corpus.actors.values()
    yield from corpus.claims.values()
    yield from corpus.terms.values()


def references(corpus: Corpus) -> Iterator[tuple[Record, Reference]]:
    """Every external reference on the site, with the record that cites it."""
    for rec in records(corpus):
        for _key, refs in cited(rec):
            for ref in refs:
                yield rec, ref


def class_of(ref: Reference, publishers: dict[str, Publisher]) -> str:
    pub = publishers.get(ref.publisher_id or "")
    return pub.source_class if pub else "other"


def findings(corpus: Corpus) -> list[Finding]:
    """Records resting on weak sources only, and assessments without a strong source."""
    out: list[Finding] = []
    pubs = corpus.publishers
    for rec in records(corpus):
        groups = [(k, refs) for k, refs in cited(rec) if refs]
        if isinstance(rec, Claim) and rec.assessment and rec.assessment.verdict != "opinion":
            refs = _refs(rec.assessment.references)
            if not any(class_of(r, pubs) in STRONG for r in refs):
                out.append(Finding(
                    rec.path, rec.id, ("assessment", "references") if refs else ("assessment",),
                    "the assessment cites no primary, research, agency or news source"
                    + (f" ({_weak_list(refs, pubs)})" if refs else ""),
                    "cite a page of a publisher of class primary, research, agency or news "
                    "that supports the verdict"))
                continue
        refs = [r for _, rs in groups for r in rs]
        if refs and not any(class_of(r, pubs) in STRONG for r in refs):
            kind = type(rec).__name__.lower()
            out.append(Finding(
                rec.path, rec.id, groups[0][0],
                f"every external source of this {kind} is weak ({_weak_list(refs, pubs)})",
                "add a primary, research, agency or news source that supports it; reprint and "
                "other sources may stay beside it"))
    return out


def _weak_list(refs: list[Reference], pubs: dict[str, Publisher]) -> str:
    seen = dict.fromkeys(f"{r.publisher_id}: {class_of(r, pubs)}" for r in refs)
    return ", ".join(seen)


@dataclass(frozen=True, slots=True)
class Summary:
    """The numbers `explainer sources` prints."""

    publishers: dict[str, int]  # class -> registered publishers
    cited_publishers: dict[str, int]  # class -> publishers cited at least once
    citations: dict[str, int]  # class -> references (one reference in one record)
    urls: dict[str, int]  # class -> distinct URLs
    total: int
    with_excerpt: int
    foreign_without_gloss: int
    reprints_without_via: int
    findings: list[Finding]
    maintainer_notes: list[Finding]

    @property
    def weak(self) -> int:
        return sum(self.citations[c] for c in s.WEAK_CLASSES)


def summarise(corpus: Corpus) -> Summary:
    pubs = corpus.publishers
    classes = s.SOURCE_CLASSES
    registered = dict.fromkeys(classes, 0)
    for p in pubs.values():
        registered[p.source_class] += 1
    citations = dict.fromkeys(classes, 0)
    cited_pubs: dict[str, set[str]] = {c: set() for c in classes}
    urls: dict[str, set[str]] = {c: set() for c in classes}
    total = with_excerpt = foreign = no_via = 0
    for _rec, ref in references(corpus):
        cls = class_of(ref, pubs)
        total += 1
        citations[cls] += 1
        cited_pubs[cls].add(ref.publisher_id or "")
        urls[cls].add(ref.url)
        with_excerpt += bool(ref.excerpt)
        foreign += bool(ref.excerpt and ref.language and not ref.language.startswith("en")
                        and not ref.excerpt_en)
        no_via += cls == "reprint" and not ref.via
    return Summary(publishers=registered, cited_publishers={c: len(v) for c, v in
                                                              cited_pubs.items()},
                   citations=citations, urls={c: len(v) for c, v in urls.items()}, total=total,
                   with_excerpt=with_excerpt, foreign_without_gloss=foreign,
                   reprints_without_via=no_via, findings=findings(corpus),
                   maintainer_notes=maintainer_notes(corpus))


def _pct(n: int, d: int) -> str:
    return f"{100 * n / d:.1f}%" if d else "—"


def report(corpus: Corpus) -> str:
    """What `explainer sources` prints: a table per class, then the records to fix."""
    sm = summarise(corpus)
    lines = ["External references by publisher class (a citation is one reference in one record)",
             "",
             f"{'class':<10} {'publishers':>10} {'cited':>6} {'citations':>9} {'share':>7} "
             f"{'URLs':>5}"]
    for c in s.SOURCE_CLASSES:
        lines.append(f"{c:<10} {sm.publishers[c]:>10} {sm.cited_publishers[c]:>6} "
                     f"{sm.citations[c]:>9} {_pct(sm.citations[c], sm.total):>7} "
                     f"{sm.urls[c]:>5}")
    lines.append(f"{'all':<10} {sum(sm.publishers.values()):>10} "
                 f"{sum(sm.cited_publishers.values()):>6} {sm.total:>9} {'100.0%':>7} "
                 f"{sum(sm.urls.values()):>5}")
    weak_only = [f for f in sm.findings if not f.message.startswith("the assessment")]
    unbacked = [f for f in sm.findings if f.message.startswith("the assessment")]
    lines += ["",
              f"Weak citations (reprint + other): {sm.weak} of {sm.total} "
              f"({_pct(sm.weak, sm.total)}; target at most 10%)",
              f"References with an excerpt: {sm.with_excerpt} of {sm.total} "
              f"({_pct(sm.with_excerpt, sm.total)}; target at least 90%)",
              f"Non-English excerpts without an English gloss (excerpt_en): "
              f"{sm.foreign_without_gloss}",
              f"Reprint references without via: {sm.reprints_without_via}",
              f"Reader notes that read like a maintainer's remark (move to comment): "
              f"{len(sm.maintainer_notes)}",
              *(f"  {f.path}: {f.message}" for f in sm.maintainer_notes),
              f"Records resting on weak sources only: {len(weak_only)}"]
    lines += [f"  {f.path}: {f.message}" for f in weak_only]
    lines.append(f"Claims whose assessment cites no primary, research, agency or news source: "
                 f"{len(unbacked)}")
    lines += [f"  {f.path}: {f.message}" for f in unbacked]
    return "\n".join(lines)
