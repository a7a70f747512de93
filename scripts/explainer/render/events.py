"""One page per event: date, summary, actors, place, citations, disputes, claims, neighbours."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from explainer.data.model import Corpus, Event
from explainer.i18n import _
from explainer.render import links, maps, scope
from explainer.render.cite import DEFAULT_SITE, Cited, Publication, cite_block
from explainer.render.common import (
    abbrs,
    citations,
    cite_inline,
    heading_anchor,
    kind_label,
    lag_note,
    reviewed,
    time,
)
from explainer.render.text import plain, rich
from explainer.render.timeline import SPLIT, Era, era_of, eras, year_anchor


def event_cited(e: Event, site: Publication) -> Cited:
    return Cited(path=links.event(e.id), title=e.title, kind="event", reviewed=e.reviewed,
                 site=site)


def event_page(corpus: Corpus, e: Event, prev: Event | None, nxt: Event | None, *,
               cutoff: dt.date | None = None, all_eras: Sequence[Era] | None = None,
               site: Publication = DEFAULT_SITE) -> str:
    """`cutoff` and `all_eras` (scope.cutoff, timeline.eras) are computed once by event_pages."""
    if all_eras is None:
        cutoff, all_eras = scope.cutoff(corpus), eras(corpus)
    page = links.event(e.id)
    meta = [_("**When:** %(date)s") % {"date": time(e.when)},
            _("**Kind:** %(kind)s") % {
                "kind": f"[{kind_label(e.kind)}]({links.md(page, links.by_kind(e.kind))})"}]
    places = corpus.places_of(e)
    if places:
        meta.append(_("**Where:** %(places)s") % {"places": ", ".join(
            f"[{plain(p.name)}]({links.md(page, links.place(p.id))})" for p in places)})
    if cutoff and scope.is_after(e, cutoff):
        meta.append(_("**After the article:** %(time)s after it was published ([was the "
                      "warning right?](%(link)s))") % {
            "time": scope.time_after(e, cutoff), "link": links.md(page, links.HINDSIGHT)})
    lines = [f"# {plain(e.title)} {heading_anchor('event-' + e.id)}", "",
             *lag_note(corpus, page, e.path),
             *(m + "  " for m in meta[:-1]), meta[-1]]
    lines += ["", rich(e.summary, abbrs(corpus)), ""]
    if places:
        lines += ['<figure class="x-figure x-locator-figure">',
                  maps.locator_map(places, ident=f"locator-{e.id}"), "</figure>", ""]
    if e.actors:
        lines += ["## " + _("Actors") + " {#actors}", "",
                  f"| {_('Actor')} | {_('Role')} |", "| --- | --- |"]
        for ea in e.actors:
            a = corpus.actors[ea.actor]
            lines.append(f"| [{plain(a.name)}]({links.md(page, links.actor(a.id))}) | "
                         f"{plain(ea.role)} |")
        lines.append("")
    lines += ["## " + _("Sources") + " {#sources}", "", *citations(corpus, page, e.sources),
              *reviewed(e.reviewed)]
    for i, d in enumerate(e.disputed, 1):
        lines += ["## " + _("Disputed: %(label)s") % {"label": plain(d.label)}
                  + f" {{#disputed-{i}}}", "",
                  _("Sources disagree; each value is shown with who gives it."), "",
                  f"| {_('Value')} | {_('Given by')} | {_('Note')} |", "| --- | --- | --- |"]
        for v in d.values:
            lines.append(f"| {plain(v.value)} | {cite_inline(corpus, page, v.sources)} | "
                         f"{plain(v.note) if v.note else ''} |")
        lines.append("")
        if d.note:
            lines += [rich(d.note, abbrs(corpus)), ""]
    claims = corpus.claims_by_event.get(e.id, ())
    if claims:
        lines += ["## " + _("Claims that cite this event") + " {#claims}", ""]
        lines += [f"- [{plain(corpus.claims[c].label)}]({links.md(page, links.claim(c))})"
                  for c in claims]
        lines.append("")
    nav = []
    if prev:
        nav.append("← " + _("Previous: %(link)s") % {
            "link": f"[{plain(prev.title)}]({links.md(page, links.event(prev.id))})"})
    if nxt:
        nav.append(_("Next: %(link)s") % {
            "link": f"[{plain(nxt.title)}]({links.md(page, links.event(nxt.id))})"} + " →")
    year = e.when.date.year
    anchor = year_anchor(year, era_of(e, all_eras))
    nav.append(f"[{_('Timeline')}]({links.md(page, links.TIMELINE, anchor)})"
               if len(corpus.events) <= SPLIT else
               f"[{_('Timeline: %(year)s') % {'year': year}}]"
               f"({links.md(page, links.timeline_year(year))})")
    lines += [*cite_block(event_cited(e, site)), "---", "", " · ".join(nav), ""]
    return "\n".join(lines)


def event_jsonld(e: Event, corpus: Corpus | None = None) -> dict[str, Any]:
    """schema.org Event; the hook adds the page's canonical URL."""
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "Event", "name": e.title,
                            "startDate": e.when.date.iso(), "description": e.summary}
    if e.when.end:
        data["endDate"] = e.when.end.iso()
    places = corpus.places_of(e) if corpus else []
    if places:
        data["location"] = [{"@type": "Place", "name": p.name, "geo": {
            "@type": "GeoCoordinates", "latitude": p.lat, "longitude": p.lon}} for p in places]
    return data


def event_pages(corpus: Corpus, site: Publication = DEFAULT_SITE) -> dict[str, str]:
    evs = list(corpus.events.values())
    cutoff, all_eras = scope.cutoff(corpus), eras(corpus)
    return {links.event(e.id): event_page(corpus, e, evs[i - 1] if i else None,
                                          evs[i + 1] if i + 1 < len(evs) else None,
                                          cutoff=cutoff, all_eras=all_eras, site=site)
            for i, e in enumerate(evs)}
