"""The home page's "What happened next": the later record in a few sourced sentences.

Every sentence is made from the data and links the events or claims it rests on; the numbers
follow the rules of explainer.render.scope. Bounded: at most MAX_NEXT events and MAX_COUPS coups
are named, so the section does not grow with the dataset.
"""

from __future__ import annotations

from explainer.data.model import Corpus, Event
from explainer.i18n import _, approximately, integer
from explainer.render import links, scope, timeline
from explainer.render.common import abbrs, count, number_word
from explainer.render.hindsight import OUTCOME_LABELS
from explainer.render.text import first_sentence, plain, rich_inline

#: Events tagged so tell what happened next on the home page, one sentence each.
NEXT_TAG = "next"
#: Without tagged events: later events of these kinds, most telling first.
_NEXT_KINDS = ("withdrawal", "treaty", "referendum", "coup", "sanction", "sanctions-lifted",
               "suspension-lifted", "agreement", "election", "attack")
MAX_NEXT = 5
AFTER_ANCHOR = f"era-{timeline.AFTER}"
MAX_COUPS = 10


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + _(" and ") + items[-1]


def _a(page: str, target: str, text: str, anchor: str = "") -> str:
    return f'<a href="{links.href(page, target, anchor)}">{plain(text)}</a>'


def next_events(corpus: Corpus, later: list[Event]) -> list[Event]:
    """The later events the home page tells, in date order: those tagged `next`; without any,
    the first of each telling kind (in _NEXT_KINDS order), Mali's before the region's."""
    tagged = [e for e in later if NEXT_TAG in e.tags]
    if tagged:
        return tagged[:MAX_NEXT]
    rank = {k: i for i, k in enumerate(_NEXT_KINDS)}
    picked: dict[str, Event] = {}
    for e in sorted((e for e in later if e.kind in rank),
                    key=lambda e: (scope.is_regional(e), rank[e.kind])):
        picked.setdefault(e.kind, e)
    chosen = sorted(list(picked.values())[:MAX_NEXT], key=lambda e: e.when.sort_key())
    return chosen


def region_sentence(corpus: Corpus, page: str) -> str | None:
    """'Since 2020 the countries in this record have had N coups: Mali (August 2020, May
    2021), Guinea (September 2021), …', each date linked to its event."""
    coups = scope.region_coups(corpus.events.values())
    if not coups:
        return None
    shown = coups[-MAX_COUPS:]
    by_country: dict[str, list[str]] = {}
    for e in shown:
        d = e.when.date
        text = d.display().split(" ", 1)[-1] if d.day else d.display()
        by_country.setdefault(scope.country(corpus, e) or e.title, []).append(
            _a(page, links.event(e.id), approximately(text) if e.when.approximate else text))
    named = _and([f"{plain(c)} ({', '.join(dates)})" for c, dates in by_country.items()])
    n = len(coups)
    more = ""
    if n > len(shown):
        more = f" ({_a(page, links.by_kind('coup'), _('all of them'))})"
        named = _("the latest %(n)s in %(named)s") % {"n": integer(len(shown)), "named": named}
    coups_ = _("one coup") if n == 1 else _("%(number)s coups") % {"number": number_word(n)}
    return (_("Since %(year)s, the countries in this record have had %(coups)s: %(named)s.")
            % {"year": scope.REGION_SINCE, "coups": coups_ + more, "named": named})


def what_happened_next(corpus: Corpus, page: str) -> list[str]:
    """The section's lines (empty when no event is after the article)."""
    later = scope.later_events(corpus)
    src = scope.article(corpus)
    if not later or src is None:
        return []
    glossary = abbrs(corpus)
    after = _("%(events)s after it") % {"events": count(len(later), "event")}
    sentences = [
        _("The article was published in %(date)s; this record follows events to %(last)s, "
          "%(after)s.") % {
            "date": plain(src.published.display()),
            "last": _a(page, links.event(later[-1].id), later[-1].when.display()),
            "after": _a(page, links.TIMELINE, after, AFTER_ANCHOR)}]
    for e in next_events(corpus, later):
        sentence = rich_inline(first_sentence(e.summary), glossary)
        aria = _("sources: %(title)s") % {"title": plain(e.title)}
        sentences.append(f'{sentence} <a class="x-more" '
                         f'href="{links.href(page, links.event(e.id))}" '
                         f'aria-label="{aria}">{_("(sources)")}</a>')
    if region := region_sentence(corpus, page):
        sentences.append(region)
    thesis = next((c for c in corpus.claims.values() if c.kind == "thesis" and c.outcome), None)
    if thesis and thesis.outcome:
        sentences.append(
            _("Was the warning right? As of %(date)s, its thesis is judged %(outcome)s: "
              "%(note)s") % {
                "date": plain(thesis.outcome.as_of.display()),
                "outcome": _a(page, links.HINDSIGHT, OUTCOME_LABELS[thesis.outcome.status]),
                "note": rich_inline(first_sentence(thesis.outcome.note), glossary)})
    return ["## " + _("What happened next") + " {#what-happened-next}", "",
            '<p class="x-story">' + " ".join(sentences) + "</p>", ""]
