"""The argument map: the claims as a tree of boxes, drawn at build time as inline SVG (no
JavaScript, text escaped, each box a link titled for readers)."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from explainer.text import svg_text


@dataclass(frozen=True, kw_only=True, slots=True)
class MapNode:
    """One claim in the argument map; `relation` is how it bears on its parent."""

    ident: str
    label: str
    kind: str
    relation: str
    href: str
    children: tuple[MapNode, ...] = ()
    #: What happened after the article, as text ('Later: ▲ borne out'): a line of its own.
    outcome: str | None = None


#: The map is drawn this wide: the content column at 1280px. On a phone the figure scrolls.
MAP_W = 680
_INDENT, _GAP, _COL_GAP, _PAD = 20, 8, 16, 12
_LINE_H, _MAP_CHAR_W = 17, 6.7
#: The parts of the argument, in reading order: (key, heading, which children of the root).
_GROUPS = (
    ("support", "Supports the thesis: premises, with the facts and evidence beneath them"),
    ("against", "The view the article argues against (it attacks the thesis), and the "
                "article's rebuttals"),
    ("recommend", "What the article recommends"),
)


@dataclass(frozen=True, kw_only=True, slots=True)
class _Box:
    node: MapNode
    x: float
    y: float
    w: float
    lines: tuple[str, ...]

    @property
    def h(self) -> float:
        return (len(self.lines) + (self.node.outcome is not None)) * _LINE_H + 12


def _wrap(label: str, w: float) -> tuple[str, ...]:
    return tuple(textwrap.wrap(label, max(12, int((w - 2 * 10) / _MAP_CHAR_W)),
                               break_long_words=True)) or ("",)


def _outline(n: MapNode, x: float, y: float, w: float, boxes: list[_Box],
             edges: list[str]) -> float:
    """Place `n` and, indented beneath it, what bears on it; return the bottom."""
    box = _Box(node=n, x=x, y=y, w=w, lines=_wrap(n.label, w))
    boxes.append(box)
    bottom = y + box.h
    if not n.children:
        return bottom
    trunk = x + _INDENT / 2
    mids: list[tuple[float, str]] = []
    for c in n.children:
        top = bottom + _GAP
        child_h = _Box(node=c, x=0, y=0, w=w - _INDENT, lines=_wrap(c.label, w - _INDENT)).h
        mids.append((top + child_h / 2, c.relation))
        bottom = _outline(c, x + _INDENT, top, w - _INDENT, boxes, edges)
    rel = "attacks" if all(r == "attacks" for _, r in mids) else "supports"
    # One trunk per parent, one arrow into it: every child's branch joins the trunk.
    edges.append(f'<path class="x-edge x-edge--{rel}" d="M{trunk} {mids[-1][0]:g}'
                 f'V{y + box.h + 1:g}" marker-end="url(#arrow)"/>')
    edges.extend(f'<path class="x-edge x-edge--{r}" d="M{x + _INDENT:g} {m:g}H{trunk}"/>'
                 for m, r in mids)
    return bottom


def _group_of(n: MapNode) -> str:
    if n.relation == "attacks":
        return "against"
    return "recommend" if n.kind == "recommendation" else "support"


def argument_map(root: MapNode, *, title: str) -> str:
    """The thesis on top; beneath it, one panel per part of the argument.

    Each panel lays its claims out as indented outlines, in one or two columns, with arrows
    from a claim to the claim it supports or attacks. Labels wrap and boxes grow: nothing is
    cut. Width is fixed; height grows with the number of claims.
    """
    boxes: list[_Box] = []
    edges: list[str] = []
    panels: list[str] = []
    y = _outline(MapNode(ident=root.ident, label=root.label, kind=root.kind,
                         relation=root.relation, href=root.href, outcome=root.outcome), 0, 0,
                 MAP_W, boxes, edges)
    for key, heading in _GROUPS:
        members = [c for c in root.children if _group_of(c) == key]
        if not members:
            continue
        top = y + 2 * _GAP
        head_lines = textwrap.wrap(heading, int((MAP_W - 2 * _PAD) / 7.2))
        inner = top + _PAD + len(head_lines) * _LINE_H + 4
        cols = 2 if len(members) > 1 else 1
        col_w = (MAP_W - 2 * _PAD - (cols - 1) * _COL_GAP) / cols
        bottoms = [inner] * cols
        for m in members:
            # Each outline goes into the shorter column, so the columns end close together.
            i = bottoms.index(min(bottoms))
            bottoms[i] = _outline(m, _PAD + i * (col_w + _COL_GAP), bottoms[i], col_w, boxes,
                                  edges) + 2 * _GAP
        y = max(bottoms) - 2 * _GAP + _PAD
        text = "".join(f'<tspan x="{_PAD}" dy="{0 if j == 0 else _LINE_H}">{svg_text(t)}</tspan>'
                       for j, t in enumerate(head_lines))
        panels.append(f'<g class="x-panel x-panel--{key}"><rect x="0" y="{top:g}" '
                      f'width="{MAP_W}" height="{y - top:g}" rx="8"/><text class="x-panel-title" '
                      f'x="{_PAD}" y="{top + _PAD + 12:g}">{text}</text></g>')
    ly = y + 28
    height = ly + 14
    out = [f'<svg class="x-argmap" viewBox="0 0 {MAP_W} {height:g}" role="group" '
           f'aria-labelledby="argmap-title" xmlns="http://www.w3.org/2000/svg">',
           f'<title id="argmap-title">{svg_text(title)}</title>',
           '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
           'markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z"/></marker>'
           "</defs>", *panels, *edges]
    for b in boxes:
        n = b.node
        text = "".join(f'<tspan x="{b.x + 10:g}" dy="{0 if j == 0 else _LINE_H}">'
                       f"{svg_text(line)}</tspan>" for j, line in enumerate(b.lines))
        if n.outcome:  # the outcome on its own line, worded apart from the label
            text += (f'<tspan class="x-node-outcome" x="{b.x + 10:g}" dy="{_LINE_H}">'
                     f"{svg_text(n.outcome)}</tspan>")
        rel = "" if n.relation == "root" else f"{n.relation}: "
        out.append(f'<a href="{n.href}" class="x-node x-node--{n.kind}">'
                   f"<title>{svg_text(rel + n.label)} ({svg_text(n.kind)})"
                   f"{'. ' + svg_text(n.outcome) if n.outcome else ''}</title>"
                   f'<rect x="{b.x:g}" y="{b.y:g}" width="{b.w:g}" height="{b.h:g}" rx="6"/>'
                   f'<text x="{b.x + 10:g}" y="{b.y + 19:g}">{text}</text></a>')
    out.append(f'<g class="x-legend"><path class="x-edge x-edge--supports" d="M10 {ly}H50" '
               f'marker-end="url(#arrow)"/><text x="58" y="{ly + 4}">supports</text>'
               f'<path class="x-edge x-edge--attacks" d="M140 {ly}H180" '
               f'marker-end="url(#arrow)"/><text x="188" y="{ly + 4}">attacks</text></g>')
    out.append("</svg>")
    return "".join(out)
