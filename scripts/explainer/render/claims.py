"""One page per claim: statement, quotes in the article, relations, evidence, assessment."""

from __future__ import annotations

from typing import Any

from explainer.data.model import Claim, Corpus
from explainer.i18n import _
from explainer.render import links
from explainer.render.cite import DEFAULT_SITE, Cited, Publication, cite_block
from explainer.render.common import (
    VERDICT_LABELS,
    VERDICT_MEANINGS,
    abbrs,
    citations,
    heading_anchor,
    kind_label,
    lag_note,
    quote_block,
    reviewed,
    time,
    verdict_badge,
)
from explainer.render.hindsight import claim_outcome, outcome_badge
from explainer.render.text import plain, rich


def claim_link(corpus: Corpus, page: str, ident: str) -> str:
    return f"[{plain(corpus.claims[ident].label)}]({links.md(page, links.claim(ident))})"


#: ClaimReview's numeric scale (1 worst, 5 best) for the verdicts that sit on it; an
#: unverified claim is rated by its name only (alternateName), as no point of the scale fits.
RATINGS = {"wrong": 1, "imprecise": 3, "correct": 5}


def claim_cited(c: Claim, site: Publication) -> Cited:
    return Cited(path=links.claim(c.id), title=c.label, kind="claim", reviewed=c.reviewed,
                 site=site)


def claim_jsonld(corpus: Corpus, c: Claim, site: Publication) -> dict[str, Any] | None:
    """schema.org ClaimReview for a fact-checked claim (None for opinions and unassessed
    claims); one per page, as Google asks. The hook sets `url` to the canonical address."""
    if c.assessment is None or c.assessment.verdict == "opinion":
        return None
    src = corpus.sources[c.source]
    verdict = c.assessment.verdict
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": VERDICT_LABELS[verdict],
                              "ratingExplanation": VERDICT_MEANINGS[verdict]}
    if verdict in RATINGS:
        rating.update(ratingValue=RATINGS[verdict], bestRating=5, worstRating=1)
    data: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "ClaimReview",
        "url": site.url + links.url_of(links.claim(c.id)),
        "claimReviewed": c.statement,
        "reviewRating": rating,
        "itemReviewed": {
            "@type": "Claim",
            "author": {"@type": "Person", "name": src.author},
            "datePublished": src.published.date.iso(),
            "appearance": {"@type": "OpinionNewsArticle", "url": src.url,
                           "headline": src.title,
                           "publisher": {"@type": "Organization", "name": src.publisher}},
        },
        "author": {"@type": "Organization", "name": site.name, "url": site.url},
    }
    if c.reviewed:
        data["datePublished"] = c.reviewed.iso()
    return data


def claim_page(corpus: Corpus, c: Claim, site: Publication = DEFAULT_SITE) -> str:
    page = links.claim(c.id)
    badge = f" · {verdict_badge(c.assessment.verdict)}" if c.assessment else ""
    if c.outcome:
        badge += f" · {outcome_badge(c.outcome.status)}"
    lines = [f"# {plain(c.label)} {heading_anchor('claim-' + c.id)}", "",
             *lag_note(corpus, page, c.path),
             _("**Part in the argument:** %(kind)s") % {"kind": kind_label(c.kind)} + badge, "",
             "## " + _("What the article says") + " {#statement}", "",
             rich(c.statement, abbrs(corpus)), ""]
    if c.quotes:
        lines += [_("In the article's words:"), ""]
        for q in c.quotes:
            lines += [*quote_block(corpus, page, q), ""]
    relations = [(_("Supports"), c.supports), (_("Attacks"), c.attacks),
                 (_("Supported by"), corpus.supporters.get(c.id, ())),
                 (_("Attacked by"), corpus.attackers.get(c.id, ()))]
    if any(ids for _name, ids in relations):
        lines += ["## " + _("Place in the argument") + " {#relations}", ""]
        for name, ids in relations:
            if ids:
                lines.append(f"- **{name}{_(':')}** " + ", ".join(claim_link(corpus, page, i)
                                                                 for i in ids))
        lines += ["", _("See [the whole argument](%(link)s).")
                  % {"link": links.md(page, links.ARGUMENT)}, ""]
    if c.evidence:
        lines += ["## " + _("Evidence") + " {#evidence}", ""]
        for i in c.evidence:
            e = corpus.events[i]
            lines.append(f"- {time(e.when)} · [{plain(e.title)}]({links.md(page, links.event(i))})")
        lines.append("")
    if c.actors:
        lines += ["## " + _("Actors named") + " {#actors}", "", ", ".join(
            f"[{plain(corpus.actors[a].name)}]({links.md(page, links.actor(a))})"
            for a in c.actors), ""]
    lines += ["## " + _("Fact-check") + " {#assessment}", ""]
    if c.assessment is None:
        lines += [_("Not assessed: this claim is part of the argument, not a statement of fact "
                    "we checked."), ""]
    else:
        a = c.assessment
        lines += [_("**Verdict:** %(badge)s ([what verdicts mean](%(link)s))") % {
            "badge": verdict_badge(a.verdict), "link": links.md(page, links.METHOD, "verdicts")},
            "", rich(a.note, abbrs(corpus)), ""]
        if a.references:
            lines += [_("**References**"), "", *citations(corpus, page, a.references)]
    lines += reviewed(c.reviewed)
    lines += claim_outcome(corpus, page, c)
    lines += cite_block(claim_cited(c, site))
    return "\n".join(lines)


def claim_pages(corpus: Corpus, site: Publication = DEFAULT_SITE) -> dict[str, str]:
    return {links.claim(c.id): claim_page(corpus, c, site) for c in corpus.claims.values()}
