"""An event in a timeline list: date, linked title, kind, key mark, actors, summary.

Written as HTML (a `<details>` cannot sit in a Markdown paragraph): one `<ul>` per run of
events, each `<li>` carrying the data the timeline's script filters on (`data-kind`,
`data-actors`, `data-month`) and, for the first event of a month, the month's anchor.
"""

from __future__ import annotations

from collections.abc import Iterable

from explainer.data.model import Corpus, Event
from explainer.i18n import _, current, integer
from explainer.render import links
from explainer.render.common import abbrs, kind_label, time
from explainer.render.text import first_sentence, plain, rich_inline

#: A summary longer than this shows its first sentence, the rest folded in `<details>`.
FOLD_AT = 180
#: Actors named under an event; the event page names them all.
MAX_ACTORS = 4
#: A list page with more events than this shows only each summary's first sentence (cut at
#: FIRST_MAX characters), so that a page stays small whatever the summaries' length.
COMPACT_ABOVE = 80
FIRST_MAX = 200


def is_key(e: Event) -> bool:
    """Key events stand out: those marked `key: true`, and every coup."""
    return e.key or e.kind == "coup"


def month_anchor(year: int, month: int) -> str:
    return f"month-{year}-{month:02d}"


#: Each event's rendered summary, by (event id, compact), for one corpus at a time: an event
#: is listed on the timeline, its kind's, its actors' and its places' pages, and rendering its
#: prose again for each list was most of the lists' cost.
_SUMMARIES: dict[tuple[str, bool, str], str] = {}
_SUMMARIES_OF: list[Corpus | None] = [None]  # the corpus itself: an id can be reused


def _summary(corpus: Corpus, e: Event, compact: bool) -> str:
    if _SUMMARIES_OF[0] is not corpus:
        _SUMMARIES.clear()
        _SUMMARIES_OF[0] = corpus
    key = (e.id, compact, current())
    hit = _SUMMARIES.get(key)
    if hit is None:
        hit = _SUMMARIES[key] = _render_summary(corpus, e, compact)
    return hit


def _render_summary(corpus: Corpus, e: Event, compact: bool) -> str:
    glossary = abbrs(corpus)
    first = first_sentence(e.summary)
    if compact:
        short = first if len(first) <= FIRST_MAX else first[:FIRST_MAX].rsplit(" ", 1)[0] + " …"
        return f'<p class="x-event__summary">{rich_inline(short, glossary)}</p>'
    rest = e.summary[len(first):].strip()
    if len(e.summary) <= FOLD_AT or not rest:
        return f'<p class="x-event__summary">{rich_inline(e.summary, glossary)}</p>'
    return (f'<details class="x-event__summary"><summary>{rich_inline(first, glossary)} '
            f'<span class="x-fold">{_("(more)")}</span></summary><p>{rich_inline(rest, glossary)}'
            "</p></details>")


def event_entry(corpus: Corpus, page: str, e: Event, *, anchor: str = "",
                compact: bool = False) -> str:
    """One `<li>`: what happened, when, of what kind, who, and the gist."""
    d = e.when.date
    actors = list(dict.fromkeys(a.actor for a in e.actors))
    names = [plain(corpus.actors[a].name) for a in actors[:MAX_ACTORS] if a in corpus.actors]
    if len(actors) > MAX_ACTORS:
        names.append(_("%(n)s more") % {"n": integer(len(actors) - MAX_ACTORS)})
    key = is_key(e)
    attrs = (f' data-kind="{e.kind}" data-actors="{" ".join(actors)}"'
             f' data-places="{" ".join(e.places)}" data-month="{d.year}-{d.month:02d}"'
             + (f' id="{anchor}"' if anchor else ""))
    head = (f'{time(e.when)} · <a href="{links.href(page, links.event(e.id))}">'
            f'{plain(e.title)}</a> <span class="x-kind">{kind_label(e.kind)}</span>'
            + (f' <strong class="x-key">{_("key event")}</strong>' if key else ""))
    who = f'<p class="x-event__who">{", ".join(names)}</p>' if names else ""
    return (f'<li class="x-event{" x-event--key" if key else ""}"{attrs}>'
            f'<p class="x-event__head">{head}</p>{who}{_summary(corpus, e, compact)}</li>')


#: The id of the first event of the timeline when it has no month anchor (the skip link's
#: target: from there, one Tab press reaches the event).
FIRST_EVENT = "first-event"


def first_event_anchor(e: Event) -> str:
    d = e.when.date
    return month_anchor(d.year, d.month) if d.month else FIRST_EVENT


def event_list(corpus: Corpus, page: str, events: Iterable[Event], *,
               months: bool = False, first: bool = False, page_size: int = 0) -> list[str]:
    """The events as one HTML list (Markdown lines: the list, then a blank line). With
    `months`, the first event of each month carries the month's anchor (for the chart); with
    `first`, the first event carries first_event_anchor(). `page_size`: the events on the whole
    page, when it holds several lists (one per year): above COMPACT_ABOVE, entries are compact."""
    seen: set[tuple[int, int]] = set()
    items: list[str] = []
    evs = list(events)
    compact = max(page_size, len(evs)) > COMPACT_ABOVE
    for e in evs:
        d = e.when.date
        anchor = ""
        if months and d.month and (d.year, d.month) not in seen:
            seen.add((d.year, d.month))
            anchor = month_anchor(d.year, d.month)
        if first and not items:
            anchor = first_event_anchor(e)
        items.append(event_entry(corpus, page, e, anchor=anchor, compact=compact))
    if not items:
        return []
    return ['<ul class="x-events">', *items, "</ul>", ""]
