"""The map page and one page per place: where the events happened. Pure: Corpus in, Markdown
out. The maps are inline SVG (render.maps); the lists under them say the same in text."""

from __future__ import annotations

from explainer.geo.outlines import country as country_outline
from explainer.model import Corpus, Place
from explainer.render import links, maps
from explainer.render.common import citations, count, event_item, kind_label, lag_note
from explainer.text import plain, rich

#: Events listed on a place's page; more are on its timeline filter page, paged by year.
PLACE_LIST = 40
PRECISION_TEXT = {
    "exact": "the exact spot",
    "locality": "the town's point in the GeoNames gazetteer",
    "approximate": "an approximate point",
    "representative": "a point that stands for the whole area, not where anything happened",
}


def country_name(p: Place) -> str:
    if p.country is None:
        return "several countries"
    c = country_outline(p.country)
    return c.name if c else p.country


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
    lines = ["# Where it happened", "",
             f"{count(len(dots), 'place')} where the site's "
             f"{count(len(corpus.events), 'event')} happened, from Bamako and the Kati camp "
             "to the capitals where neighbours and partners decided. A bigger dot means more "
             "events; each dot opens its place. Mali is shaded darker.", "",
             '<figure class="x-figure x-map-figure">', maps.region_map(dots),
             "<figcaption>Country outlines: Natural Earth (public domain). Points: GeoNames "
             "(CC BY 4.0) or the sources each place cites. Decisions taken abroad whose "
             "sources do not say where are placed in the country they concern.</figcaption>",
             "</figure>", "", "## Every place {#places}", "",
             "The same places as the map, with their number of events, most first.", "",
             "| Place | Country | Events |", "| --- | --- | ---: |"]
    for d in sorted(dots, key=lambda d: (-d.events, d.place.name)):
        p = d.place
        where = "" if _on_map(p) else " (off the map)"
        lines.append(f"| [{plain(p.name)}]({links.md(page, links.place(p.id))}){where} "
                     f'<span class="x-kind">{kind_label(p.kind)}</span> | '
                     f"{plain(country_name(p))} | {d.events} |")
    lines.append("")
    idle = [p for p in corpus.places.values() if not corpus.events_by_place.get(p.id)]
    if idle:
        lines += ["Registered, with no event yet: " + ", ".join(
            f"[{plain(p.name)}]({links.md(page, links.place(p.id))})"
            for p in sorted(idle, key=lambda p: p.name.casefold())) + ".", ""]
    return "\n".join(lines)


def place_page(corpus: Corpus, p: Place) -> str:
    page = links.place(p.id)
    events = corpus.events_by_place.get(p.id, ())
    source = (f"GeoNames id {p.geonames} (CC BY 4.0)" if p.geonames else
              "the references below" if p.sources else "the Natural Earth outline")
    lines = [f"# {plain(p.name)} {{#place-{p.id}}}", "",
             *lag_note(corpus, page, p.path),
             f"**Kind:** {kind_label(p.kind)}  ", f"**Country:** {plain(country_name(p))}  ",
             f"**Point:** {p.lat:.4f}, {p.lon:.4f} ({plain(PRECISION_TEXT[p.precision])}; "
             f"from {plain(source)})", ""]
    if p.name_fr != p.name:
        lines[-1:-1] = [f"**In French:** <span lang=\"fr\">{plain(p.name_fr)}</span>  "]
    lines += ['<figure class="x-figure x-locator-figure">',
              maps.locator_map([p], ident=f"locator-{p.id}"), "</figure>", ""]
    if p.note:
        lines += [rich(p.note), ""]
    shown = events[-PLACE_LIST:]
    lines += ["## Events here {#events}", ""]
    if events:
        lines += [f"{count(len(events), 'event')}, in date order"
                  + (f"; the latest {len(shown)} below" if len(shown) < len(events) else "")
                  + f". [On the timeline]({links.md(page, links.by_place(p.id))}) · "
                  f"[all places]({links.md(page, links.MAP)}).", ""]
    else:
        lines += ["No event is recorded here yet. "
                  f"[All places]({links.md(page, links.MAP)}).", ""]
    for ident in shown:
        lines += event_item(page, corpus.events[ident])
    lines.append("")
    if p.sources:
        lines += ["## Sources {#sources}", "", *citations(corpus, page, p.sources)]
    return "\n".join(lines)


def place_pages(corpus: Corpus) -> dict[str, str]:
    pages = {links.MAP: map_page(corpus)}
    for p in corpus.places.values():
        pages[links.place(p.id)] = place_page(corpus, p)
    return pages
