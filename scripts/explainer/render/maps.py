"""Maps drawn at build time as inline SVG, from the committed Natural Earth outlines: the region
map (a wide and a narrow drawing, chosen by CSS), its Bamako–Kati inset, and locator maps.

No tiles and no script: every dot is a link with a title, every label is placed so that it
overlaps no other. Pure: places and counts in, SVG text out.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

from explainer.data.model import Place
from explainer.geo.outlines import REGION, Country, outlines
from explainer.geo.projection import Projection
from explainer.i18n import _, country_name, current
from explainer.render.common import count
from explainer.render.text import svg_text

#: The country the site is about: drawn stronger.
FOCUS = "ML"
#: The wide drawing covers the whole region; the narrow one (phones) West Africa and the Sahel.
WIDE = (REGION, 720.0, 13.0)
NARROW = ((-18.0, 4.0, 16.5, 25.0), 360.0, 12.5)
#: The inset: Bamako and Kati, 15 km apart, one dot on the region map.
INSET_BOX = (-8.3, 12.45, -7.75, 12.9)
INSET_IDS = ("bamako", "kati")
#: Tap targets: a dot's link area is at least this radius (24 px across).
HIT_R = 12.5
_CHAR_W = 0.6  # of the font size, over-estimated


@dataclass(frozen=True, slots=True)
class Dot:
    """A place on a map: where, how many events, where its link goes."""

    place: Place
    events: int
    href: str


#: Outline points closer than this (in drawing units, about a CSS pixel on the widest map) to
#: the last one kept are dropped: invisible detail, and most of a map's bytes.
_STEP = 1.6


def _path(ring: Sequence[tuple[float, float]], proj: Projection) -> str:
    points: list[tuple[int, int]] = []
    last: tuple[float, float] | None = None
    for lon, lat in ring:
        x, y = proj(lon, lat)
        if last is None or abs(x - last[0]) + abs(y - last[1]) >= _STEP:
            last = (x, y)
            points.append((round(x), round(y)))
    if len(points) < 3:
        return ""
    first = points[0]
    return (f"M{first[0]} {first[1]}" + "".join(
        f"l{b[0] - a[0]} {b[1] - a[1]}" for a, b in itertools.pairwise(points))
        + "Z")


def _intersects(c: Country, box: tuple[float, float, float, float]) -> bool:
    for poly in c.polygons:
        xs = [p[0] for p in poly[0]]
        ys = [p[1] for p in poly[0]]
        if not (max(xs) < box[0] or min(xs) > box[2] or max(ys) < box[1] or min(ys) > box[3]):
            return True
    return False


def _land(countries: dict[str, Country], box: tuple[float, float, float, float],
          proj: Projection, focus: str | None) -> list[str]:
    out = []
    for code, c in countries.items():
        if not _intersects(c, box):
            continue
        d = "".join(_path(ring, proj) for poly in c.polygons for ring in poly)
        if d:
            cls = "x-land x-land--focus" if code == focus else "x-land"
            out.append(f'<path class="{cls}" d="{d}"/>')
    return out


def _radius(n: int, most: int) -> float:
    """Dot radius: area grows with the number of events, from 4 to 13 units."""
    return round(4 + 9 * math.sqrt(n / most), 1) if most else 4.0


def _label_box(x: float, y: float, r: float, text: str, size: float, side: str
               ) -> tuple[float, float, float, float, float, float, str]:
    """(x0, y0, x1, y1) of the label's box, its anchor point and text-anchor, on a side."""
    w, h = len(text) * size * _CHAR_W, size
    gap = r + 3
    if side == "right":
        return (x + gap, y - h / 2, x + gap + w, y + h / 2, x + gap, y + h / 3, "start")
    if side == "left":
        return (x - gap - w, y - h / 2, x - gap, y + h / 2, x - gap, y + h / 3, "end")
    if side == "above":
        return (x - w / 2, y - gap - h, x + w / 2, y - gap, x, y - gap - 2, "middle")
    return (x - w / 2, y + gap, x + w / 2, y + gap + h, x, y + gap + h - 2, "middle")


def place_labels(items: Sequence[tuple[float, float, float, str]], size: float,
                 width: float, height: float) -> list[tuple[float, float, str] | None]:
    """Labels for dots (x, y, r, text), biggest first: each takes the first side (right, left,
    above, below) where it overlaps no label and no dot and stays inside the drawing; a label
    with no such side is left out (the list below the map names every place)."""
    taken: list[tuple[float, float, float, float]] = [
        (x - r, y - r, x + r, y + r) for x, y, r, _name in items]
    placed: list[tuple[float, float, str] | None] = [None] * len(items)
    order = sorted(range(len(items)), key=lambda i: -items[i][2])
    for i in order:
        x, y, r, text = items[i]
        for side in ("right", "left", "above", "below"):
            x0, y0, x1, y1, ax, ay, anchor = _label_box(x, y, r, text, size, side)
            if x0 < 0 or y0 < 0 or x1 > width or y1 > height:
                continue
            own = (x - r, y - r, x + r, y + r)
            if any(not (x1 <= a or x0 >= c or y1 <= b or y0 >= d) for a, b, c, d in taken
                   if (a, b, c, d) != own):
                continue
            taken.append((x0, y0, x1, y1))
            placed[i] = (round(ax, 1), round(ay, 1), anchor)
            break
    return placed


def _dots(dots: Sequence[Dot], proj: Projection, box: tuple[float, float, float, float],
          size: float, most: int, width: float, height: float) -> list[str]:
    inside = [d for d in dots if box[0] <= d.place.lon <= box[2]
              and box[1] <= d.place.lat <= box[3]]
    items = []
    for d in inside:
        x, y = proj(d.place.lon, d.place.lat)
        items.append((x, y, _radius(d.events, most), d.place.name))
    labels = place_labels(items, size, width, height)
    out = []
    for d, (x, y, r, name), label in zip(inside, items, labels, strict=True):
        title = f"{name}{_(':')} {count(d.events, 'event')}"
        text = (f'<text x="{label[0]:g}" y="{label[1]:g}" text-anchor="{label[2]}" '
                f'aria-hidden="true">{svg_text(name)}</text>' if label else "")
        out.append(f'<a class="x-map-dot" href="{d.href}"><title>{svg_text(title)}</title>'
                   f'<circle class="x-hit" cx="{x:g}" cy="{y:g}" r="{max(r, HIT_R):g}"/>'
                   f'<circle cx="{x:g}" cy="{y:g}" r="{r:g}"/>{text}</a>')
    return out


def _svg(cls: str, width: float, height: float, ident: str, title: str, desc: str,
         body: list[str]) -> str:
    return (f'<svg class="x-map {cls}" viewBox="0 0 {width:g} {height:g}" role="group" '
            f'aria-labelledby="{ident}-title {ident}-desc" '
            f'xmlns="http://www.w3.org/2000/svg"><title id="{ident}-title">{svg_text(title)}'
            f'</title><desc id="{ident}-desc">{svg_text(desc)}</desc>'
            + "".join(body) + "</svg>")


def region_map(dots: Sequence[Dot], *, ident: str = "map") -> str:
    """The region map twice (wide for screens from 700 px, narrow for phones), each with the
    Bamako–Kati inset, the dots sized by their number of events, and a legend."""
    most = max((d.events for d in dots), default=0)
    o = outlines()
    out = []
    for cls, (box, width, size) in (("x-map--wide", WIDE), ("x-map--narrow", NARROW)):
        proj = Projection(box, width)
        height = proj.height
        inset_w = round(width * (0.32 if cls == "x-map--wide" else 0.45), 1)
        inset = Projection(INSET_BOX, inset_w)
        inset_h = inset.height
        body = ['<rect class="x-sea" x="0" y="0" '
                f'width="{width:g}" height="{height:g}"/>']
        body += _land(o.region, box, proj, FOCUS)
        # Where the inset is, on the big map.
        (ix0, iy0), (ix1, iy1) = proj(INSET_BOX[0], INSET_BOX[3]), proj(INSET_BOX[2], INSET_BOX[1])
        body.append(f'<rect class="x-inset-mark" x="{ix0 - 2:g}" y="{iy0 - 2:g}" '
                    f'width="{ix1 - ix0 + 4:g}" height="{iy1 - iy0 + 4:g}"/>')
        outside_inset = [d for d in dots if d.place.id not in INSET_IDS]
        in_inset = [d for d in dots if d.place.id in INSET_IDS]
        body += _dots(outside_inset, proj, box, size, most, width, height)
        # The inset, under the map on the left; the legend beside it.
        top = round(height + 8, 1)
        inner = [f'<rect class="x-inset" x="0" y="0" width="{inset_w:g}" '
                 f'height="{inset_h:g}"/>']
        inner += _dots(in_inset, inset, INSET_BOX, size, most, inset_w, inset_h)
        inner.append(f'<text class="x-inset-title" x="4" y="{size:g}">'
                     + svg_text(_("Bamako and Kati")) + "</text>")
        body.append(f'<g class="x-inset-box" transform="translate(0 {top:g})">'
                    + "".join(inner) + "</g>")
        body.append(_legend(inset_w + 12, top, size, most))
        total_h = round(top + max(inset_h, legend_h(size, most)) + 2, 1)
        inside = [d for d in dots if box[0] <= d.place.lon <= box[2]
                  and box[1] <= d.place.lat <= box[3]]
        values = {"places": count(len(inside), "place")}
        desc = (_("%(places)s with events on a map of West Africa, the Sahel and Europe's "
                  "edge; Mali is shaded darker, and an inset enlarges Bamako and Kati. Each dot "
                  "is a link to its place; the list below gives every place and its number of "
                  "events.") % values if cls == "x-map--wide" else
                _("%(places)s with events on a map of West Africa and the Sahel; Mali is "
                  "shaded darker, and an inset enlarges Bamako and Kati. Each dot is a link to "
                  "its place; the list below gives every place and its number of events.")
                % values)
        out.append(_svg(cls, width, total_h, f"{ident}-{cls[6:]}",
                        _("Where the events happened"), desc, body))
    return "\n".join(out)


def _legend(x: float, y: float, size: float, most: int) -> str:
    """Dot sizes (drawn at their size) and Mali's shading, one per row, from (x, y)."""
    steps = [n for n in (1, 10, 30) if n <= most] or [1]
    parts = [f'<g class="x-map-legend" transform="translate({x:g} {y:g})">']
    widest = max(_radius(n, most) for n in steps)
    cy = 0.0
    for n in steps:
        r = _radius(n, most)
        cy += max(size * 1.2, 2 * r + 3) / 2
        parts.append(f'<circle class="x-legend-dot" cx="{widest:g}" cy="{cy:g}" r="{r:g}"/>'
                     f'<text x="{2 * widest + 6:g}" y="{cy + size / 3:g}">'
                     f'{count(n, "event")}</text>')
        cy += max(size * 1.2, 2 * r + 3) / 2
    cy += size * 0.6
    parts.append(f'<rect class="x-land x-land--focus" x="0" y="{cy - size / 2:g}" '
                 f'width="{2 * widest:g}" height="{size:g}"/><text x="{2 * widest + 6:g}" '
                 f'y="{cy + size / 3:g}">{svg_text(_("Mali"))}</text></g>')
    return "".join(parts)


def legend_h(size: float, most: int) -> float:
    steps = [n for n in (1, 10, 30) if n <= most] or [1]
    return sum(max(size * 1.2, 2 * _radius(n, most) + 3) for n in steps) + size * 1.6


def locator_map(places: Sequence[Place], *, ident: str, width: float = 240.0) -> str:
    """A small map around one or more places, their countries shaded, each a marked dot."""
    if not places:
        return ""
    height, body, desc = _locator(tuple(places), width, current())
    return (f'<svg class="x-locator" viewBox="0 0 {width:g} {height:g}" role="img" '
            f'aria-labelledby="{ident}-title" width="{width:g}" height="{height:g}" '
            f'xmlns="http://www.w3.org/2000/svg"><title id="{ident}-title">'
            f"{svg_text(desc)}</title>" + body + "</svg>")


@functools.lru_cache(maxsize=1024)
def _locator(places: tuple[Place, ...], width: float, lang: str) -> tuple[float, str, str]:
    """(height, drawing, description) of a locator map: the same for every event at the same
    places, so drawn once per set of places (and language)."""
    lons, lats = [p.lon for p in places], [p.lat for p in places]
    cx, cy = (min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2
    half_w = max(9.0, (max(lons) - min(lons)) / 2 + 3)
    half_h = max(6.0, (max(lats) - min(lats)) / 2 + 3)
    box = (cx - half_w, cy - half_h, cx + half_w, cy + half_h)
    proj = Projection(box, width)
    height = proj.height
    o = outlines()
    body = [f'<rect class="x-sea" x="0" y="0" width="{width:g}" height="{height:g}"/>']
    body += _land(o.world, box, proj, places[0].country)
    for p in places:
        x, y = proj(p.lon, p.lat)
        body.append(f'<circle class="x-locator-dot" cx="{x:g}" cy="{y:g}" r="6"/>')
    names = ", ".join(p.name for p in places)
    where = {p.country for p in places if p.country}
    country_names = ", ".join(sorted(country_name(c, o.world[c].name)
                                     for c in where if c in o.world))
    desc = (_("%(places)s, marked on a map of %(countries)s and the countries around")
            % {"places": names, "countries": country_names} if country_names else
            _("%(places)s, marked on a map of the region") % {"places": names})
    return height, "".join(body), desc
