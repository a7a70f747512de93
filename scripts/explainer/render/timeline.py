"""The timeline, its per-year pages when large, and the no-JavaScript filter pages.

Pure: Corpus in, {path: Markdown} out. Above SPLIT events a list is cut into one page per
year, and a year with more than SPLIT events into one page per month (`timeline/<year>/<MM>.md`).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from explainer.dates import MONTHS
from explainer.model import Corpus, Event
from explainer.render import links, paging, scope, svg
from explainer.render.common import event_item, kind_label
from explainer.text import plain

SPLIT = 250


@dataclass(frozen=True, kw_only=True, slots=True)
class Era:
    """A stretch of the timeline: from `start` (None: the beginning) to the next era's start."""

    ident: str
    heading: str
    start: dt.date | None = None
    #: Shown under the era's heading: the marker of the article's publication, for one.
    mark: str = ""


#: The eras by year: a small constant table, not data. `eras()` adds the one after the article.
ERAS: tuple[Era, ...] = (
    Era(ident="before-independence", heading="Before independence"),
    Era(ident="independence", heading="From independence to 2012", start=dt.date(1960, 1, 1)),
    Era(ident="crisis", heading="Crisis and intervention, 2012–2020",
        start=dt.date(2012, 1, 1)),
    Era(ident="transition", heading="The transition since 2020", start=dt.date(2020, 1, 1)),
)
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
    base[-1] = Era(ident=last.ident, heading=last.heading.replace(" since ", " from ")
                   + " to the article", start=last.start)
    mark = (f"◆ The article is published: {plain(src.published.display())}, by "
            f"{day.day} {MONTHS[day.month - 1]} {day.year} at the latest. Every event below "
            "happened after it.")
    return (*base, Era(ident=AFTER, heading="After the article",
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
    lines = [f"{h} {era.heading} {{#era-{era.ident}}}", ""]
    if era.mark:
        lines += [f"{era.mark} [Was the warning right?]({links.md(page, links.HINDSIGHT)})",
                  "{: .x-article-mark #article-published }", ""]
    return lines


def _grouped(page: str, events: Sequence[Event], *, attrs: bool, level: int = 2,
             all_eras: Sequence[Era] = ERAS) -> list[str]:
    """Era headings, then year headings, then one line per event, in date order."""
    lines: list[str] = []
    era: Era | None = None
    h = "#" * level
    for run_era, year, evs in _by_era_year(events, all_eras):
        if run_era is not era:
            era = run_era
            lines += _era_heading(page, era, h)
        lines += [f"{h}# {year} {{#{year_anchor(year, run_era)}}}", ""]
        for e in evs:
            lines += event_item(page, e, attrs=attrs)
        lines.append("")
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
        lines.append(f"- [{year}]({target}): {n} event{'s' if n != 1 else ''}")
    return [*lines, ""]


def _by_year(events: Sequence[Event]) -> dict[int, list[Event]]:
    out: dict[int, list[Event]] = {}
    for e in events:
        out.setdefault(e.when.date.year, []).append(e)
    return out


def _listing(path: str, title: str, intro: list[str], events: Sequence[Event],
             year_page: Callable[[int], str], *, attrs: bool = False,
             all_eras: Sequence[Era] = ERAS) -> dict[str, str]:
    """One page listing `events`, or an index page plus one page per year when there are many."""
    head = [f"# {title}", "", *intro]
    if len(events) <= SPLIT:
        return {path: "\n".join([*head, *_grouped(path, events, attrs=attrs,
                                                  all_eras=all_eras)])}
    pages = {path: "\n".join([*head, *_year_index(path, events, year_page, all_eras)])}
    for year, evs in _by_year(events).items():
        pages.update(_year_pages(path, title, year, evs, year_page(year), attrs=attrs,
                                 all_eras=all_eras))
    return pages


def month_page(year_page: str, month: int) -> str:
    """A month of a year page that is split: `<year page>/<MM>.md`; `undated.md` for events
    known only to the year."""
    return f"{year_page.removesuffix('.md')}/{f'{month:02d}' if month else 'undated'}.md"


def _year_pages(path: str, title: str, year: int, evs: Sequence[Event], p: str, *,
                attrs: bool, all_eras: Sequence[Era] = ERAS) -> dict[str, str]:
    """One year's page; above SPLIT events, an index of months and paged pages per month."""
    back = f"[← {title}]({links.md(p, path)})"
    if len(evs) <= SPLIT:
        return {p: "\n".join([f"# {title}: {year}", "", back, "",
                               *_grouped(p, evs, attrs=attrs, all_eras=all_eras)])}
    months: dict[int, list[Event]] = {}
    for e in evs:
        months.setdefault(e.when.date.month, []).append(e)
    index = [f"# {title}: {year}", "", back, "", f"{len(evs)} events, by month:", ""]
    pages: dict[str, str] = {}
    for month, mevs in sorted(months.items()):
        name = MONTHS[month - 1] if month else "Month not known"
        base = month_page(p, month)
        index.append(f"- [{name}]({links.md(p, base)}): {len(mevs)} event"
                     f"{'s' if len(mevs) != 1 else ''}")
        runs = paging.chunks(mevs, SPLIT)
        for n, run in enumerate(runs, 1):
            mp = paging.numbered(base, n)
            nav = paging.pager(mp, base, n, len(runs))
            lines = [f"# {title}: {name if month else 'month not known'} {year}", "",
                     f"[← {year}]({links.md(mp, p)}) · [{title}]({links.md(mp, path)})", "",
                     *nav]
            for e in run:
                lines += event_item(mp, e, attrs=attrs)
            pages[mp] = "\n".join([*lines, "", *nav])
    return {p: "\n".join([*index, ""]), **pages}


def _filters(corpus: Corpus, page: str, events: Sequence[Event]) -> list[str]:
    kinds = Counter(e.kind for e in events)
    lines = ["## Filter {#filter}", "",
             "Each link opens a page with only those events; no JavaScript needed.", "",
             "**By kind:** " + " · ".join(
                 f"[{kind_label(k)}]({links.md(page, links.by_kind(k))}) ({n})"
                 for k, n in sorted(kinds.items())), ""]
    counts = sorted(((len(v), a) for a, v in corpus.events_by_actor.items()),
                    key=lambda t: (-t[0], t[1]))
    shown = counts[:30]
    lines.append("**By actor:** " + " · ".join(
        f"[{plain(corpus.actors[a].name)}]({links.md(page, links.by_actor(a))}) ({n})"
        for n, a in sorted(shown, key=lambda t: corpus.actors[t[1]].name.casefold())))
    if len(counts) > len(shown):
        lines.append(f"(the {len(shown)} actors with most events; every actor page links to "
                     f"its own filter: [all actors]({links.md(page, links.ACTORS)}))")
    places = sorted(((len(v), p) for p, v in corpus.events_by_place.items()
                     if p in corpus.places), key=lambda t: (-t[0], t[1]))[:30]
    if places:
        lines += ["", "**By place:** " + " · ".join(
            f"[{plain(corpus.places[p].name)}]({links.md(page, links.by_place(p))}) ({n})"
            for n, p in sorted(places, key=lambda t: corpus.places[t[1]].name.casefold()))
            + f" ([the map]({links.md(page, links.MAP)}))"]
    return [*lines, ""]


def timeline_pages(corpus: Corpus) -> dict[str, str]:
    """The timeline (or its index and year pages) and every filter page."""
    events = list(corpus.events.values())
    all_eras = eras(corpus)
    intro = [f"Every event in this explainer, {len(events)} in all, in date order. Dates are "
             "given as precisely as they are known: a day, a month, or a year (“c.” when "
             "approximate).", ""]
    if events:
        # Focusable: on a narrow screen the figure scrolls sideways (axe: scrollable-region).
        intro += ['<figure class="x-figure" tabindex="0">',
                  svg.overview(events, ident="timeline-overview",
                               article=svg.article_mark(corpus)),
                  "<figcaption>Events per year and Mali's coups; below it, the double coup "
                  "month by month, each dot counting the events of one kind in one month. The "
                  "list below names every event.</figcaption>", "</figure>", ""]
    intro += _filters(corpus, links.TIMELINE, events)
    intro += ['<div id="x-timeline-filter"></div>', "", "## Events {#events}", ""]
    pages = _listing(links.TIMELINE, "Timeline", intro, events, links.timeline_year, attrs=True,
                     all_eras=all_eras)
    by_kind: dict[str, list[Event]] = {}
    for e in events:
        by_kind.setdefault(e.kind, []).append(e)
    for kind, evs in sorted(by_kind.items()):
        path = links.by_kind(kind)
        back = [f"Events of kind *{kind_label(kind)}*. [All events]"
                f"({links.md(path, links.TIMELINE)}).", ""]
        pages.update(_listing(path, f"Timeline: {kind_label(kind)}", back, evs,
                              functools.partial(links.by_kind, kind), all_eras=all_eras))
    for ident, ev_ids in corpus.events_by_actor.items():
        a = corpus.actors[ident]
        path = links.by_actor(ident)
        back = [f"Events involving [{plain(a.name)}]({links.md(path, links.actor(ident))}). "
                f"[All events]({links.md(path, links.TIMELINE)}).", ""]
        pages.update(_listing(path, f"Timeline: {plain(a.name)}", back,
                              [corpus.events[i] for i in ev_ids],
                              functools.partial(links.by_actor, ident), all_eras=all_eras))
    for ident, ev_ids in corpus.events_by_place.items():
        if ident not in corpus.places:
            continue
        pl = corpus.places[ident]
        path = links.by_place(ident)
        back = [f"Events at [{plain(pl.name)}]({links.md(path, links.place(ident))}). "
                f"[All events]({links.md(path, links.TIMELINE)}).", ""]
        pages.update(_listing(path, f"Timeline: {plain(pl.name)}", back,
                              [corpus.events[i] for i in ev_ids],
                              functools.partial(links.by_place, ident), all_eras=all_eras))
    return pages

