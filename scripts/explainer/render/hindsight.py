"""/hindsight/, "Was the warning right?": each claim that has an outcome, beside its verdict.

A verdict says whether a claim was true when the article was written; an outcome says what
happened next. The two are worded and styled apart everywhere (`outcome_badge`). Pure: Corpus
in, {path: Markdown} out; the page is cut into numbered pages when many claims have outcomes,
and each claim shows a bounded number of events, so no page grows with the dataset.
"""

from __future__ import annotations

from explainer.data.model import Claim, Corpus, Event
from explainer.data.schema import OUTCOME_STATUSES
from explainer.i18n import N_, Messages, _, format_day, integer, ngettext
from explainer.render import links, paging, scope, timeline
from explainer.render.common import abbrs, citations, count, time, verdict_badge
from explainer.render.text import first_sentence, plain, rich, rich_inline

OUTCOME_LABELS = Messages({
    "borne-out": N_("borne out"), "partly": N_("partly borne out"),
    "not-borne-out": N_("not borne out"), "overtaken": N_("overtaken by events"),
    "too-early": N_("too early to tell"),
})
OUTCOME_MEANINGS = Messages({
    "borne-out": N_("what the claim said or foresaw is what happened."),
    "partly": N_("some of it happened, some did not, or it happened differently."),
    "not-borne-out": N_("events went the other way."),
    "overtaken": N_("events changed the situation so much that the claim no longer applies."),
    "too-early": N_("the record does not tell yet."),
})
#: Marks differ from the verdicts' (✓ ≈ ✗ ? ◆): an outcome is never read as a verdict.
OUTCOME_MARKS = {"borne-out": "▲", "partly": "△", "not-borne-out": "▽", "overtaken": "↷",
                 "too-early": "…"}
#: Claims on one hindsight page; events shown per claim (its own page lists them all).
PER_PAGE = 30
EVENTS_SHOWN = 6
#: Claims named in a summary sentence.
NAMED = 5
_SECTIONS = (("thesis", N_("The thesis"), ("thesis",)),
             ("premises", N_("Premises and evidence"), ("premise", "evidence", "background")),
             ("recommendations", N_("Recommendations"), ("recommendation",)),
             ("other", N_("Other claims"), ("opposing-view", "rebuttal")))


def outcome_badge(status: str) -> str:
    """'Later: ▲ borne out': worded as what happened next, never as a verdict."""
    return (f'<span class="x-outcome x-outcome--{status}">{outcome_text(status)}</span>')


def outcome_text(status: str) -> str:
    """The same, as plain text for SVG titles and boxes."""
    return _("Later: %(mark)s %(outcome)s") % {"mark": OUTCOME_MARKS[status],
                                               "outcome": OUTCOME_LABELS[status]}


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + _(" and ") + items[-1]


def _more(n: int) -> str:
    return _("%(n)s more") % {"n": integer(n)}


def _event_links(page: str, events: list[Event], limit: int) -> str:
    shown = [f"[{plain(e.title)}]({links.md(page, links.event(e.id))})" for e in events[:limit]]
    if len(events) > limit:
        shown.append(_more(len(events) - limit))
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
                out.append((anchor, _(heading), c))
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
        values = {"thesis": _claim_link(page, t), "outcome": OUTCOME_LABELS[o.status],
                  "date": o.as_of.display(), "note": rich_inline(first_sentence(o.note), glossary)}
        if evs:
            out.append(_("The thesis, “%(thesis)s”, is judged **%(outcome)s** as of %(date)s "
                         "(later events: %(events)s): %(note)s")
                       % {**values, "events": _event_links(page, evs, 3)})
        else:
            out.append(_("The thesis, “%(thesis)s”, is judged **%(outcome)s** as of %(date)s: "
                         "%(note)s") % values)
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
                    named.append(_more(len(cs) - NAMED))
                parts.append(f"{OUTCOME_LABELS[status]}, {integer(len(cs))} ({_and(named)})")
        out.append(_("The other %(claims)s with an outcome, by what happened next: %(parts)s.")
                   % {"claims": count(rest, "claim"), "parts": _("; ").join(parts)})
    recs = [c for c in claims if c.kind == "recommendation" and c.outcome]
    followed = [c for c in recs if c.outcome and c.outcome.status in ("borne-out", "partly")]
    if recs:
        named = [_claim_link(page, c) for c in followed[:NAMED]]
        if len(followed) > NAMED:
            named.append(_more(len(followed) - NAMED))
        recommendations = count(len(recs), "recommendation")
        if "recommendations" in sections:
            target = links.md(page, sections["recommendations"], "recommendations")
            recommendations = f"[{recommendations}]({target})"
        values = {"recommendations": recommendations, "n": integer(len(followed))}
        if not followed:
            sentence = _("Of the article's %(recommendations)s with an outcome, none was judged "
                         "borne out at least in part") % values
        else:
            sentence = ngettext(
                "Of the article's %(recommendations)s with an outcome, %(n)s was judged borne "
                "out at least in part",
                "Of the article's %(recommendations)s with an outcome, %(n)s were judged borne "
                "out at least in part", len(followed)) % values
        out.append(sentence + (f"{_(':')} {_and(named)}." if named else "."))
    later = scope.later_events(corpus)
    if later:
        era = links.md(page, links.TIMELINE, f"era-{timeline.AFTER}")
        first, last = (f"[{plain(e.title)}]({links.md(page, links.event(e.id))}) "
                       f"({plain(e.when.display())})" for e in (later[0], later[-1]))
        span = (_("from %(first)s to %(last)s") % {"first": first, "last": last}
                if len(later) > 1 else first)
        out.append(_("The record after the article holds %(events)s: %(span)s; see [after the "
                     "article](%(link)s) on the timeline.")
                   % {"events": count(len(later), "event"), "span": span, "link": era})
    return out


def _claim_block(corpus: Corpus, page: str, c: Claim) -> list[str]:
    o = c.outcome
    assert o is not None
    verdict = (_("**When written:** %(badge)s") % {"badge": verdict_badge(c.assessment.verdict)}
               if c.assessment else _("**When written:** not fact-checked"))
    stamp = f'<time datetime="{o.as_of.iso()}">{plain(o.as_of.display())}</time>'
    lines = [f"### {_claim_link(page, c)} {{#claim-{c.id}}}", "",
             verdict + " · " + _("**What happened next:** %(outcome)s, as of %(date)s")
             % {"outcome": outcome_badge(o.status), "date": stamp}, "",
             rich(o.note, abbrs(corpus)), ""]
    evs = [corpus.events[i] for i in o.events]
    if evs:
        lines += [_("Later events:"), ""]
        lines += [f"- {time(e.when)} · [{plain(e.title)}]({links.md(page, links.event(e.id))})"
                  for e in evs[:EVENTS_SHOWN]]
        if len(evs) > EVENTS_SHOWN:
            lines.append("- " + _("and %(n)s more on [the claim's page](%(link)s)") % {
                "n": integer(len(evs) - EVENTS_SHOWN),
                "link": links.md(page, links.claim(c.id), "outcome")})
        lines.append("")
    return lines


def _intro(corpus: Corpus, page: str) -> list[str]:
    src = scope.article(corpus)
    when = (_("It was written in %(date)s, before anything below happened.")
            % {"date": plain(src.published.display())} + " " if src else "")
    return [_("The article asked whether Mali's coup was a warning.") + " " + when
            + _("This page sets each claim that later events bear on beside what happened "
                "next."), "",
            _("A **verdict** (see the [fact-checks](%(link)s)) says whether a claim was true "
              "when the article was written. An **outcome** says what happened after, as of the "
              "date shown; it never replaces the verdict. Later events can bear out a "
              "prediction; they do not by themselves prove why it came true.")
            % {"link": links.md(page, links.FACT_CHECKS)}, "",
            _("What the outcomes mean:"), "",
            *(f"- {outcome_badge(s)}{_(':')} {OUTCOME_MEANINGS[s]}" for s in OUTCOME_STATUSES), ""]


def hindsight_pages(corpus: Corpus) -> dict[str, str]:
    page = links.HINDSIGHT
    title = _("Was the warning right?")
    items = with_outcome(corpus)
    head = [f"# {title}", "", *_intro(corpus, page)]
    if not items:
        return {page: "\n".join([*head, _("No claim has an outcome yet."), ""])}
    claims = [c for _a, _h, c in items]
    runs = paging.chunks(items, PER_PAGE)
    sections: dict[str, str] = {}
    for n, run in enumerate(runs, 1):
        for anchor, _h, _c in run:
            sections.setdefault(anchor, paging.numbered(page, n))
    head += ["## " + _("In short") + " {#summary}", "",
             *(f"- {s}" for s in summary(corpus, page, claims, sections)), ""]
    pages: dict[str, str] = {}
    for n, run in enumerate(runs, 1):
        p = paging.numbered(page, n)
        nav = paging.pager(p, page, n, len(runs))
        lines = [*head] if n == 1 else ["# " + _("%(title)s (page %(n)s)") % {
            "title": title, "n": n}, "",
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
    after = (_("Events are *after the article* when they happened after %(date)s, the latest "
               "day it can have been published.") % {"date": format_day(day)} + " "
             if day else "")
    return ["## " + _("How this page is made") + " {#method}", "",
            _("Each outcome is written by the maintainers from the later events it links, in "
              "neutral words, with the strongest counter-reading where there is one, and dated: "
              "it says what the record showed on that day.") + " " + after
            + _("The home page's numbers are counted from the data: Mali's coups are the events "
                "of kind *coup* in Mali; the region's coups since 2020 are all the events of "
                "kind [coup](%(link)s) since 2020 in the countries this record covers, Mali's "
                "included; a coup that failed is not counted.")
            % {"link": links.md(page, links.by_kind("coup"))}, ""]


def claim_outcome(corpus: Corpus, page: str, c: Claim) -> list[str]:
    """The 'What happened next' section of a claim's page."""
    o = c.outcome
    if o is None:
        return []
    stamp = f'<time datetime="{o.as_of.iso()}">{plain(o.as_of.display())}</time>'
    lines = ["## " + _("What happened next") + " {#outcome}", "",
             _("**Outcome:** %(outcome)s, as of %(date)s ([was the warning right?](%(link)s))")
             % {"outcome": outcome_badge(o.status), "date": stamp,
                "link": links.md(page, links.HINDSIGHT)}, "",
             _("The verdict above judges the claim as it stood when the article was written; "
               "this is what happened after."), "", rich(o.note, abbrs(corpus)), ""]
    if o.events:
        lines += [_("Later events:"), ""]
        lines += [f"- {time(corpus.events[i].when)} · [{plain(corpus.events[i].title)}]"
                  f"({links.md(page, links.event(i))})" for i in o.events]
        lines.append("")
    if o.references:
        lines += [_("**References**"), "", *citations(corpus, page, o.references)]
    return lines
