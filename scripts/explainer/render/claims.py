"""One page per claim: statement, quotes in the article, relations, evidence, assessment."""

from __future__ import annotations

from explainer.model import Claim, Corpus
from explainer.render import links
from explainer.render.common import (
    abbrs,
    citations,
    heading_anchor,
    kind_label,
    quote_block,
    reviewed,
    time,
    verdict_badge,
)
from explainer.render.hindsight import claim_outcome, outcome_badge
from explainer.text import plain, rich


def claim_link(corpus: Corpus, page: str, ident: str) -> str:
    return f"[{plain(corpus.claims[ident].label)}]({links.md(page, links.claim(ident))})"


def claim_page(corpus: Corpus, c: Claim) -> str:
    page = links.claim(c.id)
    badge = f" · {verdict_badge(c.assessment.verdict)}" if c.assessment else ""
    if c.outcome:
        badge += f" · {outcome_badge(c.outcome.status)}"
    lines = [f"# {plain(c.label)} {heading_anchor('claim-' + c.id)}", "",
             f"**Part in the argument:** {kind_label(c.kind)}{badge}", "",
             "## What the article says {#statement}", "",
             rich(c.statement, abbrs(corpus)), ""]
    if c.quotes:
        lines += ["In the article's words:", ""]
        for q in c.quotes:
            lines += [*quote_block(corpus, page, q), ""]
    relations = [("Supports", c.supports), ("Attacks", c.attacks),
                 ("Supported by", corpus.supporters.get(c.id, ())),
                 ("Attacked by", corpus.attackers.get(c.id, ()))]
    if any(ids for _, ids in relations):
        lines += ["## Place in the argument {#relations}", ""]
        for name, ids in relations:
            if ids:
                lines.append(f"- **{name}:** " + ", ".join(claim_link(corpus, page, i)
                                                          for i in ids))
        lines += ["", f"See [the whole argument]({links.md(page, links.ARGUMENT)}).", ""]
    if c.evidence:
        lines += ["## Evidence {#evidence}", ""]
        for i in c.evidence:
            e = corpus.events[i]
            lines.append(f"- {time(e.when)} · [{plain(e.title)}]({links.md(page, links.event(i))})")
        lines.append("")
    if c.actors:
        lines += ["## Actors named {#actors}", "", ", ".join(
            f"[{plain(corpus.actors[a].name)}]({links.md(page, links.actor(a))})"
            for a in c.actors), ""]
    lines += ["## Fact-check {#assessment}", ""]
    if c.assessment is None:
        lines += ["Not assessed: this claim is part of the argument, not a statement of fact "
                  "we checked.", ""]
    else:
        a = c.assessment
        lines += [f"**Verdict:** {verdict_badge(a.verdict)} "
                  f"([what verdicts mean]({links.md(page, links.METHOD, 'verdicts')}))", "",
                  rich(a.note, abbrs(corpus)), ""]
        if a.references:
            lines += ["**References**", "", *citations(corpus, page, a.references)]
    lines += reviewed(c.reviewed)
    lines += claim_outcome(corpus, page, c)
    return "\n".join(lines)


def claim_pages(corpus: Corpus) -> dict[str, str]:
    return {links.claim(c.id): claim_page(corpus, c) for c in corpus.claims.values()}
