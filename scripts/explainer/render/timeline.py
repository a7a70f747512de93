"""The timeline, its per-year pages when large, and the no-JavaScript filter pages.

Pure: Corpus in, {path: Markdown} out. Above SPLIT events a list is cut into one page per
year, and a year with more than SPLIT events into one page per month (`timeline/<year>/<MM>.md`).
Event entries come from event_list.py; the eras are the ERAS table (any number of them).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from explainer.data.model import Corpus, Event
from explainer.i18n import N_, _, format_day, integer, month_name
from explainer.render import links, paging, scope, svg
from explainer.render.common import count, kind_label, script_strings
from explainer.render.event_list import event_list, first_event_anchor, month_anchor
from explainer.render.text import plain

#: Events on one list page (each with its actors and summary; the first sentence only above
#: event_list.COMPACT_ABOVE) before it is cut by year, then by month, then into numbered pages.
SPLIT = 150
#: The actors the timeline's filter links name (those with most events).
TOP_ACTORS = 30
#: Each of those actors with at least this many events, of more than one kind, gets one
#: filter page per kind (`timeline/actor/<id>/kind/<kind>.md`): kind and actor combined
#: without JavaScript. At most TOP_ACTORS x kinds pages, whatever the size of the dataset;
#: other actors' pages are short enough to read whole.
COMBINE_MIN = 4
@dataclass(frozen=True, kw_only=True, slots=True)
class Era:
    """A stretch of the timeline: from `start` (None: the beginning) to the next era's start."""

    ident: str
    #: In English, marked for the catalogue; `title` gives it in the active language.
    heading: str
    start: dt.date | None = None
    #: Shown under the era's heading: the marker of the article's publication, for one.
    mark: str = ""
    #: "The transition from 2020 to the article": the heading, cut at the article.
    to_article: bool = False

    @property
    def title(self) -> str:
        if self.to_article:
            return _("%(era)s to the article") % {
                "era": _(self.heading.replace(" since ", " from "))}
        return _(self.heading)


#: The eras by year: a small constant table, not data. `eras()` adds the one after the article.
ERAS: tuple[Era, ...] = (
    Era(ident="before-independence", heading=N_("Before independence")),
    Era(ident="independence", heading=N_("From independence to 2012"),
        start=dt.date(1960, 1, 1)),
    Era(ident="crisis", heading=N_("Crisis and intervention, 2012–2020"),
        start=dt.date(2012, 1, 1)),
    Era(ident="transition", heading=N_("The transition since 2020"), start=dt.date(2020, 1, 1)),
)
#: The last era's heading when it ends at the article (Era.title).
_CUT_HEADINGS = (N_("The transition from 2020"),)
AFTER = "after-the-article"


def eras(corpus: Corpus) -> tuple[Era, ...]:
    """ERAS, then "After the article" from the day after the article's latest possible
    publication date (scope.cutoff), when there is an article."""
    day = scope.cutoff(corpus)
    src = scope.article(corpus)
    if day is None or src is None:
        return ERAS
    base = [e for e in ERAS if e.start is None or e.start <= day]
    last = base[-1]
    # "The transition since 2020" ends where the next era begins.
    base[-1] = Era(ident=last.ident, heading=last.heading, start=last.start, to_article=True)
    mark = "◆ " + _("The article is published: %(date)s, by %(latest)s at the latest. Every "
                    "event below happened after it.") % {
        "date": plain(src.published.display()), "latest": format_day(day)}
    return (*base, Era(ident=AFTER, heading=N_("After the article"),
                       start=day + dt.timedelta(days=1), mark=mark))


def era_of(e: Event, all_eras: Sequence[Era] = ERAS) -> Era:
    """The last era that starts on or before the first day the event can have happened."""
    day = e.when.date.first_day()
    found = all_eras[0]
    for era in all_eras:
        if era.start is None or era.start <= day:
            found = era
    return found


def year_anchor(year: int, era: Era) -> str:
    """`year-2021`; a year split between two eras gets `year-2021-<era>` in the later one."""
    starts_within = era.start is not None and era.start.year == year and (
        era.start.month, era.start.day) != (1, 1)
    return f"year-{year}-{era.ident}" if starts_within else f"year-{year}"


def _by_era_year(events: Sequence[Event], all_eras: Sequence[Era]
                 ) -> list[tuple[Era, int, list[Event]]]:
    """Runs of events of one era and one year, in the events' (date) order."""
    out: list[tuple[Era, int, list[Event]]] = []
    for e in events:
        era, year = era_of(e, all_eras), e.when.date.year
        if not out or out[-1][0] is not era or out[-1][1] != year:
            out.append((era, year, []))
        out[-1][2].append(e)
    return out


def _era_heading(page: str, era: Era, h: str) -> list[str]:
    lines = [f"{h} {era.title} {{#era-{era.ident}}}", ""]
    if era.mark:
        lines += [f"{era.mark} [{_('Was the warning right?')}]"
                  f"({links.md(page, links.HINDSIGHT)})",
                  "{: .x-article-mark #article-published }", ""]
    return lines


def _year_index(page: str, events: Sequence[Event], year_page: Callable[[int], str],
                all_eras: Sequence[Era] = ERAS) -> list[str]:
    """For a large list: eras and years with counts, each year linking to its own page."""
    lines: list[str] = [""]
    era: Era | None = None
    for run_era, year, evs in _by_era_year(events, all_eras):
        if run_era is not era:
            era = run_era
            lines += ["", *_era_heading(page, era, "##")]
        n = len(evs)
        anchor = year_anchor(year, run_era)
        target = links.md(page, year_page(year), anchor if anchor != f"year-{year}" else "")
        lines.append(f"- [{year}]({target}){_(':')} {count(n, 'event')}")
    return [*lines, ""]


def _by_year(events: Sequence[Event]) -> dict[int, list[Event]]:
    out: dict[int, list[Event]] = {}
    for e in events:
        out.setdefault(e.when.date.year, []).append(e)
    return out


def _grouped(corpus: Corpus, page: str, events: Sequence[Event], *, attrs: bool,
             level: int = 2, all_eras: Sequence[Era] = ERAS) -> list[str]:
    """Era headings, then year headings, then the events, in date order. With `attrs` (the
    full timeline), the first event of each month carries the month's anchor."""
    lines: list[str] = []
    era: Era | None = None
    h = "#" * level
    for i, (run_era, year, evs) in enumerate(_by_era_year(events, all_eras)):
        if run_era is not era:
            era = run_era
            lines += _era_heading(page, era, h)
        lines += [f"{h}# {year} {{#{year_anchor(year, run_era)}}}", ""]
        lines += event_list(corpus, page, evs, months=attrs, first=attrs and i == 0,
                            page_size=len(events))
    return lines


def _listing(corpus: Corpus, path: str, title: str, intro: list[str], events: Sequence[Event],
             year_page: Callable[[int], str], *, attrs: bool = False,
             all_eras: Sequence[Era] = ERAS) -> dict[str, str]:
    """One page listing `events`, or an index page plus one page per year when there are many."""
    head = [f"# {title}", "", *intro]
    if len(events) <= SPLIT:
        return {path: "\n".join([*head, *_grouped(corpus, path, events, attrs=attrs,
                                                  all_eras=all_eras)])}
    pages = {path: "\n".join([*head, *_year_index(path, events, year_page, all_eras)])}
    for year, evs in _by_year(events).items():
        pages.update(_year_pages(corpus, path, title, year, evs, year_page(year), attrs=attrs,
                                 all_eras=all_eras))
    return pages


def _year_title(title: str, year: int) -> str:
    return _("%(title)s: %(year)s") % {"title": title, "year": year}


def month_page(year_page: str, month: int) -> str:
    """A month of a year page that is split: `<year page>/<MM>.md`; `undated.md` for events
    known only to the year."""
    return f"{year_page.removesuffix('.md')}/{f'{month:02d}' if month else 'undated'}.md"


def _year_pages(corpus: Corpus, path: str, title: str, year: int, evs: Sequence[Event], p: str,
                *, attrs: bool, all_eras: Sequence[Era] = ERAS) -> dict[str, str]:
    """One year's page; above SPLIT events, an index of months and paged pages per month."""
    back = f"[← {title}]({links.md(p, path)})"
    if len(evs) <= SPLIT:
        return {p: "\n".join([f"# {_year_title(title, year)}", "", back, "",
                               *_grouped(corpus, p, evs, attrs=attrs, all_eras=all_eras)])}
    months: dict[int, list[Event]] = {}
    for e in evs:
        months.setdefault(e.when.date.month, []).append(e)
    index = [f"# {_year_title(title, year)}", "", back, "",
             _("%(events)s, by month:") % {"events": count(len(evs), "event")}, ""]
    pages: dict[str, str] = {}
    for month, mevs in sorted(months.items()):
        name = month_name(month) if month else _("Month not known")
        base = month_page(p, month)
        index.append(f"- [{name}]({links.md(p, base)}){_(':')} {count(len(mevs), 'event')}")
        runs = paging.chunks(mevs, SPLIT)
        for n, run in enumerate(runs, 1):
            mp = paging.numbered(base, n)
            nav = paging.pager(mp, base, n, len(runs))
            when = f"{name} {year}" if month else _("month not known %(year)s") % {"year": year}
            lines = [f"# {title}{_(':')} {when}", "",
                     f"[← {year}]({links.md(mp, p)}) · [{title}]({links.md(mp, path)})", "",
                     *nav]
            lines += event_list(corpus, mp, run, months=attrs and n == 1)
            pages[mp] = "\n".join([*lines, "", *nav])
    return {p: "\n".join([*index, ""]), **pages}


def _filters(corpus: Corpus, page: str, events: Sequence[Event]) -> list[str]:
    """Links to the filter pages (no JavaScript needed); with JavaScript they fold into a "More
    filters" disclosure under the drop-downs."""
    kinds = Counter(e.kind for e in events)
    by_kind = " · ".join(
        f'<a href="{links.href(page, links.by_kind(k))}">{kind_label(k)}</a> ({integer(n)})'
        for k, n in sorted(kinds.items()))
    counts = _actor_counts(corpus)
    shown = counts[:TOP_ACTORS]
    by_actor = " · ".join(
        f'<a href="{links.href(page, links.by_actor(a))}">{plain(corpus.actors[a].name)}</a> ({n})'
        for n, a in sorted(shown, key=lambda t: corpus.actors[t[1]].name.casefold()))
    more = ""
    if len(counts) > len(shown):
        more = "<p>" + _("(the %(n)s actors with most events; every actor page links to its "
                         "own filter: %(all)s)") % {
            "n": integer(len(shown)),
            "all": f'<a href="{links.href(page, links.ACTORS)}">{_("all actors")}</a>'} + "</p>"
    return ["## " + _("Filter") + " {#filter}", "",
            '<div class="x-filter-links" id="x-filter-links">'
            "<p>" + _("Each link opens a page with only those events; no JavaScript needed. An "
                      "actor's page also filters their events by kind.") + "</p>"
            f"<p><strong>{_('By kind:')}</strong> {by_kind}</p>"
            f"<p><strong>{_('By actor:')}</strong> {by_actor}</p>{more}"
            f"{_by_place(corpus, page)}</div>",
            ""]


def _actor_counts(corpus: Corpus) -> list[tuple[int, str]]:
    """(number of events, actor id), most events first."""
    return sorted(((len(v), a) for a, v in corpus.events_by_actor.items()),
                  key=lambda t: (-t[0], t[1]))


def chart_target(corpus: Corpus, page: str) -> Callable[[int, int], str]:
    """Where a year (month 0) or a month of the chart is in the timeline's list, from `page`."""
    per_year = Counter(e.when.date.year for e in corpus.events.values())
    whole = len(corpus.events) <= SPLIT

    def target(year: int, month: int) -> str:
        anchor = month_anchor(year, month) if month else f"year-{year}"
        if whole:
            return links.href(page, links.TIMELINE, anchor)
        yp = links.timeline_year(year)
        if per_year[year] <= SPLIT:
            return links.href(page, yp, anchor)
        return links.href(page, month_page(yp, month)) if month else links.href(page, yp)

    return target


def _combined(corpus: Corpus, ident: str, evs: list[Event], all_eras: Sequence[Era] = ERAS
              ) -> tuple[list[str], dict[str, str]]:
    """For an actor with many events of several kinds: a line of links to one page per kind,
    and those pages."""
    kinds = Counter(e.kind for e in evs)
    if len(evs) < COMBINE_MIN or len(kinds) < 2:
        return [], {}
    a = corpus.actors[ident]
    path = links.by_actor(ident)
    pages: dict[str, str] = {}
    for kind in sorted(kinds):
        p = actor_kind_page(ident, kind)
        back = [_("Events of kind *%(kind)s* involving [%(name)s](%(actor)s). [All their "
                  "events](%(theirs)s) · [All %(kind)s events](%(kind_page)s) · [All "
                  "events](%(all)s).") % {
            "kind": kind_label(kind), "name": plain(a.name),
            "actor": links.md(p, links.actor(ident)),
            "theirs": links.md(p, path), "kind_page": links.md(p, links.by_kind(kind)),
            "all": links.md(p, links.TIMELINE)}, ""]
        title = _("Timeline: %(name)s, %(kind)s") % {"name": plain(a.name),
                                                     "kind": kind_label(kind)}
        pages.update(_listing(corpus, p, title, back,
                              [e for e in evs if e.kind == kind],
                              functools.partial(_actor_kind_year, ident, kind),
                              all_eras=all_eras))
    line = (_("**Only one kind:**") + " " + " · ".join(
        f"[{kind_label(k)}]({links.md(path, actor_kind_page(ident, k))}) ({integer(n)})"
        for k, n in sorted(kinds.items())))
    return [line, ""], pages


def actor_kind_page(ident: str, kind: str) -> str:
    return f"timeline/actor/{ident}/kind/{kind}.md"


def _actor_kind_year(ident: str, kind: str, year: int) -> str:
    return f"timeline/actor/{ident}/kind/{kind}/{year}.md"


def _by_place(corpus: Corpus, page: str) -> str:
    """The places with most events, each linking to its filter page, and the map."""
    places = sorted(((len(v), p) for p, v in corpus.events_by_place.items()
                     if p in corpus.places), key=lambda t: (-t[0], t[1]))[:TOP_ACTORS]
    if not places:
        return ""
    links_ = " · ".join(
        f'<a href="{links.href(page, links.by_place(p))}">{plain(corpus.places[p].name)}</a> '
        f"({integer(n)})"
        for n, p in sorted(places, key=lambda t: corpus.places[t[1]].name.casefold()))
    return (f"<p><strong>{_('By place:')}</strong> {links_} "
            f'(<a href="{links.href(page, links.MAP)}">{_("the map")}</a>)</p>')


def timeline_pages(corpus: Corpus) -> dict[str, str]:
    """The timeline (or its index and year pages) and every filter page."""
    events = list(corpus.events.values())
    all_eras = eras(corpus)
    # First in the content: a way past the chart and the filters (a few Tab presses to the
    # first event).
    skip = first_event_anchor(events[0]) if events and len(events) <= SPLIT else "events"
    intro = [f'<p class="x-skip-events"><a href="#{skip}">{_("Skip to the events")}</a></p>',
             "", _("Every event in this explainer, %(n)s in all, in date order. Dates are "
                   "given as precisely as they are known: a day, a month, or a year (“c.” when "
                   "approximate). Key events are marked.") % {"n": integer(len(events))}, ""]
    if events:
        mark = svg.article_mark(corpus)
        intro += ['<figure class="x-figure">',
                  *svg.overviews(events, ident="timeline-overview",
                                 target=chart_target(corpus, links.TIMELINE), article=mark),
                  "<figcaption>"
                  + (_("Events per year and Mali's coups; a dashed line marks the article's "
                       "publication; below it, the double coup month by month, each dot "
                       "counting the events of one kind in one month. Each coup and dot opens "
                       "its year or month in the list below, which names every event.")
                     if mark else
                     _("Events per year and Mali's coups; below it, the double coup month by "
                       "month, each dot counting the events of one kind in one month. Each "
                       "coup and dot opens its year or month in the list below, which names "
                       "every event."))
                  + "</figcaption>", "</figure>", ""]
    intro += _filters(corpus, links.TIMELINE, events)
    intro += [*script_strings(e.kind for e in events),
              '<div id="x-timeline-filter"></div>', "", "## " + _("Events") + " {#events}", ""]
    pages = _listing(corpus, links.TIMELINE, _("Timeline"), intro, events, links.timeline_year,
                     attrs=True, all_eras=all_eras)
    by_kind: dict[str, list[Event]] = {}
    for e in events:
        by_kind.setdefault(e.kind, []).append(e)
    for kind, evs in sorted(by_kind.items()):
        path = links.by_kind(kind)
        back = [_("Events of kind *%(kind)s*. [All events](%(all)s).") % {
            "kind": kind_label(kind), "all": links.md(path, links.TIMELINE)}, ""]
        pages.update(_listing(corpus, path, _("Timeline: %(name)s") % {"name": kind_label(kind)},
                              back, evs,
                              functools.partial(links.by_kind, kind), all_eras=all_eras))
    top = {a for _, a in _actor_counts(corpus)[:TOP_ACTORS]}
    for ident, ev_ids in corpus.events_by_actor.items():
        a = corpus.actors[ident]
        path = links.by_actor(ident)
        mine = [corpus.events[i] for i in ev_ids]
        combos, combo_pages = (_combined(corpus, ident, mine, all_eras) if ident in top
                               else ([], {}))
        back = [_("Events involving [%(name)s](%(actor)s): %(events)s. [All events](%(all)s).")
                % {"name": plain(a.name), "actor": links.md(path, links.actor(ident)),
                   "events": count(len(mine), "event"), "all": links.md(path, links.TIMELINE)},
                "", *combos]
        pages.update(_listing(corpus, path, _("Timeline: %(name)s") % {"name": plain(a.name)},
                              back, mine,
                              functools.partial(links.by_actor, ident), all_eras=all_eras))
        pages.update(combo_pages)
    for ident, ev_ids in corpus.events_by_place.items():
        if ident not in corpus.places:
            continue
        pl = corpus.places[ident]
        path = links.by_place(ident)
        back = [_("Events at [%(name)s](%(place)s). [All events](%(all)s).") % {
            "name": plain(pl.name), "place": links.md(path, links.place(ident)),
            "all": links.md(path, links.TIMELINE)}, ""]
        pages.update(_listing(corpus, path, _("Timeline: %(name)s") % {"name": plain(pl.name)},
                              back,
                              [corpus.events[i] for i in ev_ids],
                              functools.partial(links.by_place, ident), all_eras=all_eras))
    return pages

