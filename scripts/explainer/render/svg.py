"""Diagrams drawn at build time as inline SVG: no JavaScript, text escaped, titled for readers."""

from __future__ import annotations

import textwrap
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from explainer.model import Event
from explainer.text import svg_text

KEY_KINDS = ("coup", "independence")
MAX_MARKERS = 40


def overview(events: Iterable[Event], *, ident: str = "overview") -> str:
    """Events per year as bars on a time axis, with coups and independence marked and labelled."""
    evs = list(events)
    if not evs:
        return ""
    per_year = Counter(e.when.date.year for e in evs)
    first, last = min(per_year), max(per_year)
    first, last = first - first % 10, last + 1
    width, left, right, axis_y = 800, 20, 20, 150
    span = max(1, last - first)

    def x(year: float) -> float:
        return round(left + (year - first) / span * (width - left - right), 1)

    peak = max(per_year.values())
    bar_w = max(1.5, (width - left - right) / span - 1)
    parts = [f'<svg class="x-overview" viewBox="0 0 {width} 200" role="img" '
             f'aria-labelledby="{ident}-title {ident}-desc" xmlns="http://www.w3.org/2000/svg">']
    keys = [e for e in evs if e.kind in KEY_KINDS][:MAX_MARKERS]
    desc = f"{len(evs)} events from {min(per_year)} to {max(per_year)}"
    if keys:
        desc += "; marked: " + "; ".join(f"{e.when.display()}, {e.title}" for e in keys)
    parts.append(f'<title id="{ident}-title">Timeline overview</title>')
    parts.append(f'<desc id="{ident}-desc">{svg_text(desc)}</desc>')
    for year in sorted(per_year):
        h = round(40 * per_year[year] / peak, 1)
        n = per_year[year]
        parts.append(f'<rect class="x-bar" x="{x(year)}" y="{axis_y - h}" width="{bar_w:.1f}" '
                     f'height="{h}"><title>{year}: {n} event{"s" if n != 1 else ""}</title></rect>')
    parts.append(f'<line class="x-axis" x1="{left}" y1="{axis_y}" x2="{width - right}" '
                 f'y2="{axis_y}"/>')
    step = 10 if span <= 120 else 50
    for year in range(first, last + 1, step):
        parts.append(f'<line class="x-tick" x1="{x(year)}" y1="{axis_y}" x2="{x(year)}" '
                     f'y2="{axis_y + 6}"/><text class="x-tick-label" x="{x(year)}" '
                     f'y="{axis_y + 22}" text-anchor="middle">{year}</text>')
    last_x, row = -1e9, 0
    for e in keys:
        d = e.when.date
        pos = x(d.year + ((d.month or 6) - 1) / 12)
        row = (row + 1) % 3 if pos - last_x < 70 else 0
        last_x = pos
        label_y = 22 + row * 18
        tx = min(max(pos, left + 40), width - right - 40)
        label = e.when.display() if e.when.date.precision != "day" else \
            f"{e.when.date.display().split(' ', 1)[1]}"
        parts.append(
            f'<g class="x-marker x-marker--{e.kind}"><title>{svg_text(e.when.display())}: '
            f'{svg_text(e.title)}</title>'
            f'<line x1="{pos}" y1="{label_y + 4}" x2="{pos}" y2="{axis_y}"/>'
            f'<circle cx="{pos}" cy="{axis_y}" r="5"/>'
            f'<text x="{tx}" y="{label_y}" text-anchor="middle">{svg_text(label)}</text></g>')
    parts.append('<g class="x-legend"><rect class="x-bar" x="20" y="178" width="10" height="10"/>'
                 '<text x="36" y="187">events per year</text>'
                 '<circle class="x-marker--coup" cx="175" cy="183" r="5"/>'
                 '<text x="186" y="187">coup</text>'
                 '<circle class="x-marker--independence" cx="245" cy="183" r="5"/>'
                 '<text x="256" y="187">independence</text></g>')
    parts.append("</svg>")
    return "".join(parts)


@dataclass(frozen=True, kw_only=True, slots=True)
class MapNode:
    """One claim in the argument map; `relation` is how it bears on its parent."""

    ident: str
    label: str
    kind: str
    relation: str
    href: str
    children: tuple[MapNode, ...] = ()


NODE_W, NODE_H, GAP_X, GAP_Y = 190, 46, 30, 10


def argument_map(root: MapNode, *, title: str) -> str:
    """A left-to-right tree: the thesis on the left, what supports or attacks it to its right.

    Left to right keeps the drawing narrow (one column per level) however many claims there are.
    """
    slots: dict[str, tuple[int, float]] = {}
    counter = [0]

    def place(n: MapNode, depth: int, key: str) -> float:
        if n.children:
            ys = [place(c, depth + 1, f"{key}/{i}") for i, c in enumerate(n.children)]
            # The root sits level with its first child, so the thesis is seen first.
            cy = ys[0] if depth == 0 else (ys[0] + ys[-1]) / 2
        else:
            cy = counter[0] * (NODE_H + GAP_Y)
            counter[0] += 1
        slots[key] = (depth, cy)
        return cy

    place(root, 0, "0")
    depth = max(d for d, _ in slots.values())
    width = (depth + 1) * (NODE_W + GAP_X) - GAP_X + 20
    height = counter[0] * (NODE_H + GAP_Y) - GAP_Y + 50
    out = [f'<svg class="x-argmap" viewBox="0 0 {width} {height}" width="{width}" '
           f'height="{height}" role="group" aria-labelledby="argmap-title" '
           f'xmlns="http://www.w3.org/2000/svg">',
           f'<title id="argmap-title">{svg_text(title)}</title>',
           '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
           'markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z"/></marker>'
           "</defs>"]

    def box(key: str) -> tuple[float, float]:
        d, cy = slots[key]
        return d * (NODE_W + GAP_X) + 10, cy + 10

    def draw(n: MapNode, key: str) -> None:
        x, y = box(key)
        # A bus: each child's branch joins one trunk, which points into the parent. Many
        # children then share one arrow instead of a fan of curves.
        trunk, py = x + NODE_W + GAP_X / 2, y + NODE_H / 2
        if n.children:
            ys = [box(f"{key}/{i}")[1] + NODE_H / 2 for i in range(len(n.children))]
            out.append(f'<path class="x-edge" d="M{trunk} {min(*ys, py)}V{max(*ys, py)}"/>'
                       f'<path class="x-edge" d="M{trunk} {py}H{x + NODE_W + 2}" '
                       'marker-end="url(#arrow)"/>')
        for i, c in enumerate(n.children):
            cx, cy = box(f"{key}/{i}")
            out.append(f'<path class="x-edge x-edge--{c.relation}" '
                       f'd="M{cx} {cy + NODE_H / 2}H{trunk}"/>')
            draw(c, f"{key}/{i}")
        lines = textwrap.wrap(n.label, 27)[:2]
        if len(textwrap.wrap(n.label, 27)) > 2:
            lines[1] = lines[1][:25].rstrip() + "…"
        text = "".join(f'<tspan x="{x + 10}" dy="{0 if j == 0 else 15}">'
                       f"{svg_text(line)}</tspan>" for j, line in enumerate(lines))
        ty = y + NODE_H / 2 - 7.5 * (len(lines) - 1) + 4
        rel = "" if n.relation == "root" else f"{n.relation}: "
        out.append(f'<a href="{n.href}" class="x-node x-node--{n.kind}">'
                   f"<title>{svg_text(rel + n.label)} ({svg_text(n.kind)})</title>"
                   f'<rect x="{x}" y="{y}" width="{NODE_W}" height="{NODE_H}" rx="6"/>'
                   f'<text x="{x + 10}" y="{ty}">{text}</text></a>')

    draw(root, "0")
    ly = height - 20
    out.append(f'<g class="x-legend"><path class="x-edge x-edge--supports" d="M10 {ly}H50" '
               f'marker-end="url(#arrow)"/><text x="58" y="{ly + 4}">supports</text>'
               f'<path class="x-edge x-edge--attacks" d="M140 {ly}H180" '
               f'marker-end="url(#arrow)"/><text x="188" y="{ly + 4}">attacks</text></g>')
    out.append("</svg>")
    return "".join(out)
