"""/hindsight/, "Was the warning right?": each claim that has an outcome, beside its verdict.

A verdict says whether a claim was true when the article was written; an outcome says what
happened next. The two are worded and styled apart everywhere (`outcome_badge`). Pure: Corpus
in, {path: Markdown} out; the page is cut into numbered pages when many claims have outcomes,
and each claim shows a bounded number of events, so no page grows with the dataset.
"""

from __future__ import annotations

from explainer.dates import MONTHS
from explainer.model import Claim, Corpus, Event
from explainer.render import links, paging, scope, timeline
from explainer.render.common import abbrs, citations, count, time, verdict_badge
from explainer.schema import OUTCOME_STATUSES
from explainer.text import first_sentence, plain, rich, rich_inline

OUTCOME_LABELS = {
    "borne-out": "borne out", "partly": "partly borne out", "not-borne-out": "not borne out",
    "overtaken": "overtaken by events", "too-early": "too early to tell",
}
OUTCOME_MEANINGS = {
    "borne-out": "what the claim said or foresaw is what happened.",
    "partly": "some of it happened, some did not, or it happened differently.",
    "not-borne-out": "events went the other way.",
    "overtaken": "events changed the situation so much that the claim no longer applies.",
    "too-early": "the record does not tell yet.",
}
#: Marks differ from the verdicts' (✓ ≈ ✗ ? ◆): an outcome is never read as a verdict.
OUTCOME_MARKS = {"borne-out": "▲", "partly": "△", "not-borne-out": "▽", "overtaken": "↷",
                 "too-early": "…"}
#: Claims on one hindsight page; events shown per claim (its own page lists them all).
PER_PAGE = 30
EVENTS_SHOWN = 6
#: Claims named in a summary sentence.
NAMED = 5
_SECTIONS = (("thesis", "The thesis", ("thesis",)),
             ("premises", "Premises and evidence", ("premise", "evidence", "background")),
             ("recommendations", "Recommendations", ("recommendation",)),
             ("other", "Other claims", ("opposing-view", "rebuttal")))
_AS = {"thesis": "The thesis", "premise": "A premise", "recommendation": "A recommendation"}


def outcome_badge(status: str) -> str:
    """'Later: ▲ borne out': worded as what happened next, never as a verdict."""
    return (f'<span class="x-outcome x-outcome--{status}">Later: {OUTCOME_MARKS[status]} '
            f"{OUTCOME_LABELS[status]}</span>")


def outcome_text(status: str) -> str:
    """The same, as plain text for SVG titles and boxes."""
    return f"Later: {OUTCOME_MARKS[status]} {OUTCOME_LABELS[status]}"


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _event_links(page: str, events: list[Event], limit: int) -> str:
    shown = [f"[{plain(e.title)}]({links.md(page, links.event(e.id))})" for e in events[:limit]]
    if len(events) > limit:
        shown.append(f"{len(events) - limit} more")
    return _and(shown)


def _claim_link(page: str, c: Claim) -> str:
    return f"[{plain(c.label)}]({links.md(page, links.claim(c.id))})"


def with_outcome(corpus: Corpus) -> list[tuple[str, str, Claim]]:
    """(section anchor, section heading, claim) for every claim with an outcome, in page order:
    the thesis, premises, recommendations, then any other."""
    out: list[tuple[str, str, Claim]] = []
    placed: set[str] = set()
    for anchor, heading, kinds in _SECTIONS:
        for c in corpus.claims.values():
            if c.outcome and c.kind in kinds and c.id not in placed:
                placed.add(c.id)
                out.append((anchor, heading, c))
    return out


def summary(corpus: Corpus, page: str, claims: list[Claim],
            sections: dict[str, str] | None = None) -> list[str]:
    """Sentences made from the data, each linking the claims or events it rests on.

    `sections` maps a section's anchor to the page it starts on (the list may be paged)."""
    sections = sections or {}
    glossary = abbrs(corpus)
    out: list[str] = []
    for t in [c for c in claims if c.kind == "thesis"][:2]:
        o = t.outcome
        assert o is not None
        evs = [corpus.events[i] for i in o.events]
        based = f" (later events: {_event_links(page, evs, 3)})" if evs else ""
        out.append(f"The thesis, “{_claim_link(page, t)}”, is judged "
                   f"**{OUTCOME_LABELS[o.status]}** as of {o.as_of.display()}{based}: "
                   f"{rich_inline(first_sentence(o.note), glossary)}")
    by_status: dict[str, list[Claim]] = {s: [] for s in OUTCOME_STATUSES}
    for c in claims:
        if c.kind != "thesis" and c.outcome:
            by_status[c.outcome.status].append(c)
    rest = sum(len(v) for v in by_status.values())
    if rest:
        parts = []
        for status, cs in by_status.items():
            if cs:
                named = [_claim_link(page, c) for c in cs[:NAMED]]
                if len(cs) > NAMED:
                    named.append(f"{len(cs) - NAMED} more")
                parts.append(f"{OUTCOME_LABELS[status]}, {len(cs)} ({_and(named)})")
        out.append(f"The other {count(rest, 'claim')} with an outcome, by what happened next: "
                   + "; ".join(parts) + ".")
    recs = [c for c in claims if c.kind == "recommendation" and c.outcome]
    followed = [c for c in recs if c.outcome and c.outcome.status in ("borne-out", "partly")]
    if recs:
        named = [_claim_link(page, c) for c in followed[:NAMED]]
        if len(followed) > NAMED:
            named.append(f"{len(followed) - NAMED} more")
        verb = "was" if len(followed) <= 1 else "were"
        recommendations = count(len(recs), "recommendation")
        if "recommendations" in sections:
            target = links.md(page, sections["recommendations"], "recommendations")
            recommendations = f"[{recommendations}]({target})"
        out.append(f"Of the article's {recommendations} with an outcome, "
                   f"{len(followed) or 'none'} {verb} judged borne out at least in part"
                   + (f": {_and(named)}." if named else "."))
    later = scope.later_events(corpus)
    if later:
        era = links.md(page, links.TIMELINE, f"era-{timeline.AFTER}")
        first, last = (f"[{plain(e.title)}]({links.md(page, links.event(e.id))}) "
                       f"({plain(e.when.display())})" for e in (later[0], later[-1]))
        span = f"from {first} to {last}" if len(later) > 1 else first
        out.append(f"The record after the article holds {count(len(later), 'event')}: {span}; "
                   f"see [after the article]({era}) on the timeline.")
    return out


def _claim_block(corpus: Corpus, page: str, c: Claim) -> list[str]:
    o = c.outcome
    assert o is not None
    verdict = (f"**When written:** {verdict_badge(c.assessment.verdict)} · "
               if c.assessment else "**When written:** not fact-checked · ")
    lines = [f"### {_claim_link(page, c)} {{#claim-{c.id}}}", "",
             f"{verdict}**What happened next:** {outcome_badge(o.status)}, as of "
             f'<time datetime="{o.as_of.iso()}">{plain(o.as_of.display())}</time>', "",
             rich(o.note, abbrs(corpus)), ""]
    evs = [corpus.events[i] for i in o.events]
    if evs:
        lines += ["Later events:", ""]
        lines += [f"- {time(e.when)} · [{plain(e.title)}]({links.md(page, links.event(e.id))})"
                  for e in evs[:EVENTS_SHOWN]]
        if len(evs) > EVENTS_SHOWN:
            lines.append(f"- and {len(evs) - EVENTS_SHOWN} more on "
                         f"[the claim's page]({links.md(page, links.claim(c.id), 'outcome')})")
        lines.append("")
    return lines


def _intro(corpus: Corpus, page: str) -> list[str]:
    src = scope.article(corpus)
    when = (f"It was written in {plain(src.published.display())}, before anything below "
            "happened. " if src else "")
    return [f"The article asked whether Mali's coup was a warning. {when}This page sets each "
            "claim that later events bear on beside what happened next.", "",
            f"A **verdict** (see the [fact-checks]({links.md(page, links.FACT_CHECKS)})) says "
            "whether a claim was true when the article was written. An **outcome** says what "
            "happened after, as of the date shown; it never replaces the verdict. Later events "
            "can bear out a prediction; they do not by themselves prove why it came true.", "",
            "What the outcomes mean:", "",
            *(f"- {outcome_badge(s)}: {OUTCOME_MEANINGS[s]}" for s in OUTCOME_STATUSES), ""]


def hindsight_pages(corpus: Corpus) -> dict[str, str]:
    page = links.HINDSIGHT
    title = "Was the warning right?"
    items = with_outcome(corpus)
    head = [f"# {title}", "", *_intro(corpus, page)]
    if not items:
        return {page: "\n".join([*head, "No claim has an outcome yet.", ""])}
    claims = [c for _, _, c in items]
    runs = paging.chunks(items, PER_PAGE)
    sections: dict[str, str] = {}
    for n, run in enumerate(runs, 1):
        for anchor, _, _ in run:
            sections.setdefault(anchor, paging.numbered(page, n))
    head += ["## In short {#summary}", "",
             *(f"- {s}" for s in summary(corpus, page, claims, sections)), ""]
    pages: dict[str, str] = {}
    for n, run in enumerate(runs, 1):
        p = paging.numbered(page, n)
        nav = paging.pager(p, page, n, len(runs))
        lines = [*head] if n == 1 else [f"# {title} (page {n})", "",
                                        f"[← {title}]({links.md(p, page)})", ""]
        lines += nav
        section = ""
        for anchor, heading, c in run:
            if anchor != section:
                section = anchor
                lines += [f"## {heading} {{#{anchor}}}", ""]
            lines += _claim_block(corpus, p, c)
        if n == len(runs):
            lines += _method(corpus, p)
        pages[p] = "\n".join([*lines, *nav])
    return pages


def _method(corpus: Corpus, page: str) -> list[str]:
    """How outcomes are judged and the numbers counted (the rules of explainer.render.scope)."""
    day = scope.cutoff(corpus)
    after = (f"Events are *after the article* when they happened after {day.day} "
             f"{MONTHS[day.month - 1]} {day.year}, the latest day it can have been published. "
             if day else "")
    return ["## How this page is made {#method}", "",
            "Each outcome is written by the maintainers from the later events it links, in "
            "neutral words, with the strongest counter-reading where there is one, and dated: "
            "it says what the record showed on that day. " + after
            + "The home page's numbers are counted from the data: Mali's coups are the events "
            "of kind *coup* in Mali; the region's coups since 2020 are all the events of kind "
            f"[coup]({links.md(page, links.by_kind('coup'))}) since 2020 in the countries this "
            "record covers, Mali's included; a coup that failed is not counted.", ""]


def claim_outcome(corpus: Corpus, page: str, c: Claim) -> list[str]:
    """The 'What happened next' section of a claim's page."""
    o = c.outcome
    if o is None:
        return []
    lines = ["## What happened next {#outcome}", "",
             f"**Outcome:** {outcome_badge(o.status)}, as of "
             f'<time datetime="{o.as_of.iso()}">{plain(o.as_of.display())}</time> '
             f"([was the warning right?]({links.md(page, links.HINDSIGHT)}))", "",
             "The verdict above judges the claim as it stood when the article was written; "
             "this is what happened after.", "", rich(o.note, abbrs(corpus)), ""]
    if o.events:
        lines += ["Later events:", ""]
        lines += [f"- {time(corpus.events[i].when)} · [{plain(corpus.events[i].title)}]"
                  f"({links.md(page, links.event(i))})" for i in o.events]
        lines.append("")
    if o.references:
        lines += ["**References**", "", *citations(corpus, page, o.references)]
    return lines
