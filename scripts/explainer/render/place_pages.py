"""The map page and one page per place: where the events happened. Pure: Corpus in, Markdown
out. The maps are inline SVG (render.maps); the lists under them say the same in text."""

from __future__ import annotations

from explainer import i18n
from explainer.data.model import Corpus, Place
from explainer.geo.outlines import country as country_outline
from explainer.i18n import N_, Messages, _, integer
from explainer.render import links, maps
from explainer.render.common import citations, count, event_item, kind_label, lag_note
from explainer.render.text import plain, rich

#: Events listed on a place's page; more are on its timeline filter page, paged by year.
PLACE_LIST = 40
PRECISION_TEXT = Messages({
    "exact": N_("the exact spot"),
    "locality": N_("the town's point in the GeoNames gazetteer"),
    "approximate": N_("an approximate point"),
    "representative": N_("a point that stands for the whole area, not where anything "
                         "happened"),
})


def country_name(p: Place) -> str:
    if p.country is None:
        return _("several countries")
    c = country_outline(p.country)
    return i18n.country_name(p.country, c.name if c else p.country)


def _dots(corpus: Corpus, page: str) -> list[maps.Dot]:
    return [maps.Dot(place=p, events=len(corpus.events_by_place.get(p.id, ())),
                     href=links.href(page, links.place(p.id)))
            for p in corpus.places.values() if corpus.events_by_place.get(p.id)]


def _on_map(p: Place) -> bool:
    box = maps.WIDE[0]
    return box[0] <= p.lon <= box[2] and box[1] <= p.lat <= box[3]


def map_page(corpus: Corpus) -> str:
    page = links.MAP
    dots = _dots(corpus, page)
    lines = ["# " + _("Where it happened"), "",
             _("%(places)s where the site's %(events)s happened, from Bamako and the Kati camp "
               "to the capitals where neighbours and partners decided. A bigger dot means more "
               "events; each dot opens its place. Mali is shaded darker.") % {
                 "places": count(len(dots), "place"),
                 "events": count(len(corpus.events), "event")}, "",
             '<figure class="x-figure x-map-figure">', maps.region_map(dots),
             "<figcaption>" + _(
                 "Country outlines: Natural Earth (public domain). Points: GeoNames (CC BY 4.0) "
                 "or the sources each place cites. Decisions taken abroad whose sources do not "
                 "say where are placed in the country they concern.") + "</figcaption>",
             "</figure>", "", "## " + _("Every place") + " {#places}", "",
             _("The same places as the map, with their number of events, most first."), "",
             f"| {_('Place')} | {_('Country')} | {_('Events')} |", "| --- | --- | ---: |"]
    for d in sorted(dots, key=lambda d: (-d.events, d.place.name)):
        p = d.place
        where = "" if _on_map(p) else " " + _("(off the map)")
        lines.append(f"| [{plain(p.name)}]({links.md(page, links.place(p.id))}){where} "
                     f'<span class="x-kind">{kind_label(p.kind)}</span> | '
                     f"{plain(country_name(p))} | {integer(d.events)} |")
    lines.append("")
    idle = [p for p in corpus.places.values() if not corpus.events_by_place.get(p.id)]
    if idle:
        lines += [_("Registered, with no event yet: %(places)s.") % {"places": ", ".join(
            f"[{plain(p.name)}]({links.md(page, links.place(p.id))})"
            for p in sorted(idle, key=lambda p: p.name.casefold()))}, ""]
    return "\n".join(lines)


def place_page(corpus: Corpus, p: Place) -> str:
    page = links.place(p.id)
    events = corpus.events_by_place.get(p.id, ())
    source = (_("GeoNames id %(id)s (CC BY 4.0)") % {"id": p.geonames} if p.geonames else
              _("the references below") if p.sources else _("the Natural Earth outline"))
    lines = [f"# {plain(p.name)} {{#place-{p.id}}}", "",
             *lag_note(corpus, page, p.path),
             _("**Kind:** %(kind)s") % {"kind": kind_label(p.kind)} + "  ",
             _("**Country:** %(country)s") % {"country": plain(country_name(p))} + "  ",
             _("**Point:** %(lat)s, %(lon)s (%(precision)s; from %(source)s)") % {
                 "lat": f"{p.lat:.4f}", "lon": f"{p.lon:.4f}",
                 "precision": plain(PRECISION_TEXT[p.precision]), "source": plain(source)}, ""]
    if p.name_fr != p.name:
        name_fr = f'<span lang="fr">{plain(p.name_fr)}</span>'
        lines[-1:-1] = [_("**In French:** %(name)s") % {"name": name_fr} + "  "]
    lines += ['<figure class="x-figure x-locator-figure">',
              maps.locator_map([p], ident=f"locator-{p.id}"), "</figure>", ""]
    if p.note:
        lines += [rich(p.note), ""]
    shown = events[-PLACE_LIST:]
    lines += ["## " + _("Events here") + " {#events}", ""]
    if events:
        values = {"events": count(len(events), "event"), "n": integer(len(shown)),
                  "timeline": links.md(page, links.by_place(p.id)),
                  "map": links.md(page, links.MAP)}
        lines += [(_("%(events)s, in date order; the latest %(n)s below. [On the "
                     "timeline](%(timeline)s) · [all places](%(map)s).")
                   if len(shown) < len(events) else
                   _("%(events)s, in date order. [On the timeline](%(timeline)s) · [all "
                     "places](%(map)s).")) % values, ""]
    else:
        lines += [_("No event is recorded here yet. [All places](%(map)s).")
                  % {"map": links.md(page, links.MAP)}, ""]
    for ident in shown:
        lines += event_item(page, corpus.events[ident])
    lines.append("")
    if p.sources:
        lines += ["## " + _("Sources") + " {#sources}", "", *citations(corpus, page, p.sources)]
    return "\n".join(lines)


def place_pages(corpus: Corpus) -> dict[str, str]:
    pages = {links.MAP: map_page(corpus)}
    for p in corpus.places.values():
        pages[links.place(p.id)] = place_page(corpus, p)
    return pages
