"""The fact-checks page: every assessed claim, ordered by verdict, with counts and anchors."""

from __future__ import annotations

from explainer.model import Claim, Corpus
from explainer.render import links
from explainer.render.common import (
    VERDICT_LABELS,
    VERDICT_MEANINGS,
    abbrs,
    citations,
    verdict_badge,
)
from explainer.schema import VERDICTS
from explainer.text import plain, rich


def fact_checks(corpus: Corpus) -> str:
    page = links.FACT_CHECKS
    by_verdict: dict[str, list[Claim]] = {v: [] for v in VERDICTS}
    for c in corpus.claims.values():
        if c.assessment:
            by_verdict[c.assessment.verdict].append(c)
    total = sum(len(v) for v in by_verdict.values())
    lines = ["# Fact-checks", "",
             f"{total} claims of the article were checked against the record. They are "
             "ordered by verdict; each verdict has its own anchor.", "",
             "| Verdict | Claims | Meaning |", "| --- | ---: | --- |"]
    for v in VERDICTS:
        lines.append(f"| [{VERDICT_LABELS[v]}](#verdict-{v}) | {len(by_verdict[v])} | "
                     f"{VERDICT_MEANINGS[v]} |")
    lines.append("")
    for v in VERDICTS:
        claims = by_verdict[v]
        lines += [f"## {VERDICT_LABELS[v]} ({len(claims)}) {{#verdict-{v}}}", ""]
        if not claims:
            lines += ["None.", ""]
        for c in claims:
            assert c.assessment is not None
            lines += [f"### {plain(c.label)} {{#check-{c.id}}}", "",
                      f"{verdict_badge(v)} · [the claim in full]"
                      f"({links.md(page, links.claim(c.id))})", "",
                      rich(c.statement, abbrs(corpus)), "", "**The record:**", "",
                      rich(c.assessment.note, abbrs(corpus)), ""]
            if c.assessment.references:
                lines += ["**References:**", "", *citations(corpus, page, c.assessment.references)]
    return "\n".join(lines)
