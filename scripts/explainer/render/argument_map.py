"""The argument map: the claims as a tree of boxes, drawn at build time as inline SVG (no
JavaScript, text escaped, each box a link titled for readers)."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from explainer.i18n import N_, _, current
from explainer.render.common import VERDICT_LABELS, VERDICT_MARKS, VERDICT_ORDER, kind_label
from explainer.render.text import svg_text


@dataclass(frozen=True, kw_only=True, slots=True)
class MapNode:
    """One claim in the argument map; `relation` is how it bears on its parent."""

    ident: str
    label: str
    kind: str
    relation: str
    href: str
    children: tuple[MapNode, ...] = ()
    #: The fact-check verdict, shown as a small mark in the box's corner.
    verdict: str | None = None
    #: What happened after the article, as text ('Later: ▲ borne out'): a line of its own.
    outcome: str | None = None


#: The map is drawn this wide: the content column at 1280px.
MAP_W = 680
#: Below 700px the page shows a second map, one column this wide (an indented outline), so
#: that text stays at least 12px on a 390px phone without scrolling sideways.
NARROW_W = 340
#: Room kept at a box's right for its verdict mark.
_MARK_W = 22
_INDENT, _GAP, _COL_GAP, _PAD = 20, 8, 16, 12
_LINE_H, _MAP_CHAR_W = 17, 6.7
#: The parts of the argument, in reading order: (key, heading, which children of the root).
_GROUPS = (
    ("support", N_("Supports the thesis: premises, with the facts and evidence beneath them")),
    ("against", N_("The view the article argues against (it attacks the thesis), and the "
                   "article's rebuttals")),
    ("recommend", N_("What the article recommends")),
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
    return tuple(textwrap.wrap(label, max(12, int((w - 2 * 10 - _MARK_W) / _MAP_CHAR_W)),
                               break_long_words=True)) or ("",)


def _outline(n: MapNode, x: float, y: float, w: float, boxes: list[_Box],
             edges: list[str], arrow: str = "arrow") -> float:
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
        bottom = _outline(c, x + _INDENT, top, w - _INDENT, boxes, edges, arrow)
    rel = "attacks" if all(r == "attacks" for _, r in mids) else "supports"
    # One trunk per parent, one arrow into it: every child's branch joins the trunk.
    edges.append(f'<path class="x-edge x-edge--{rel}" d="M{trunk} {mids[-1][0]:g}'
                 f'V{y + box.h + 1:g}" marker-end="url(#{arrow})"/>')
    edges.extend(f'<path class="x-edge x-edge--{r}" d="M{x + _INDENT:g} {m:g}H{trunk}"/>'
                 for m, r in mids)
    return bottom


def _group_of(n: MapNode) -> str:
    if n.relation == "attacks":
        return "against"
    return "recommend" if n.kind == "recommendation" else "support"


def argument_map(root: MapNode, *, title: str, width: float = MAP_W, columns: int = 2,
                 ident: str = "argmap") -> str:
    """The thesis on top; beneath it, one panel per part of the argument.

    Each panel lays its claims out as indented outlines, in up to `columns` columns, with
    arrows from a claim to the claim it supports or attacks, and each checked claim's verdict
    as a mark in its box's corner (with a legend). Labels wrap and boxes grow: nothing is cut.
    Width is fixed; height grows with the number of claims. `ident` keeps the ids of two maps
    on one page apart.
    """
    arrow = f"{ident}-arrow"
    boxes: list[_Box] = []
    edges: list[str] = []
    panels: list[str] = []
    y = _outline(MapNode(ident=root.ident, label=root.label, kind=root.kind,
                         relation=root.relation, href=root.href, verdict=root.verdict,
                         outcome=root.outcome), 0, 0,
                 width, boxes, edges, arrow)
    for key, heading in _GROUPS:
        members = [c for c in root.children if _group_of(c) == key]
        if not members:
            continue
        top = y + 2 * _GAP
        head_lines = textwrap.wrap(_(heading), int((width - 2 * _PAD) / 7.2))
        inner = top + _PAD + len(head_lines) * _LINE_H + 4
        cols = min(columns, len(members))
        col_w = (width - 2 * _PAD - (cols - 1) * _COL_GAP) / cols
        bottoms = [inner] * cols
        for m in members:
            # Each outline goes into the shorter column, so the columns end close together.
            i = bottoms.index(min(bottoms))
            bottoms[i] = _outline(m, _PAD + i * (col_w + _COL_GAP), bottoms[i], col_w, boxes,
                                  edges, arrow) + 2 * _GAP
        y = max(bottoms) - 2 * _GAP + _PAD
        text = "".join(f'<tspan x="{_PAD}" dy="{0 if j == 0 else _LINE_H}">{svg_text(t)}</tspan>'
                       for j, t in enumerate(head_lines))
        panels.append(f'<g class="x-panel x-panel--{key}"><rect x="0" y="{top:g}" '
                      f'width="{width:g}" height="{y - top:g}" rx="8"/><text class="x-panel-title" '
                      f'x="{_PAD}" y="{top + _PAD + 12:g}">{text}</text></g>')
    used = [v for v in VERDICT_ORDER if any(b.node.verdict == v for b in boxes)]
    legend, legend_h = _legend(y + 28, width, arrow, used)
    height = y + 28 + legend_h
    out = [f'<svg class="x-argmap x-argmap--{"wide" if columns > 1 else "narrow"}" '
           f'viewBox="0 0 {width:g} {height:g}" role="group" '
           f'aria-labelledby="{ident}-title" xmlns="http://www.w3.org/2000/svg">',
           f'<title id="{ident}-title">{svg_text(title)}</title>',
           f'<defs><marker id="{arrow}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
           'markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z"/></marker>'
           "</defs>", *panels, *edges]
    for b in boxes:
        n = b.node
        text = "".join(f'<tspan x="{b.x + 10:g}" dy="{0 if j == 0 else _LINE_H}">'
                       f"{svg_text(line)}</tspan>" for j, line in enumerate(b.lines))
        if n.outcome:  # the outcome on its own line, worded apart from the label
            text += (f'<tspan class="x-node-outcome" x="{b.x + 10:g}" dy="{_LINE_H}">'
                     f"{svg_text(n.outcome)}</tspan>")
        rel = "" if n.relation == "root" else f"{_(n.relation)}: "
        verdict = (_(", verdict: %(verdict)s") % {"verdict": VERDICT_LABELS[n.verdict]}
                   if n.verdict else "")
        # English has always shown the kind's id here; other languages its name.
        kind = n.kind if current() == "en" else kind_label(n.kind)
        out.append(f'<a href="{n.href}" class="x-node x-node--{n.kind}">'
                   f"<title>{svg_text(rel + n.label)} ({svg_text(kind)}{verdict})"
                   f"{'. ' + svg_text(n.outcome) if n.outcome else ''}</title>"
                   f'<rect x="{b.x:g}" y="{b.y:g}" width="{b.w:g}" height="{b.h:g}" rx="6"/>'
                   f'<text x="{b.x + 10:g}" y="{b.y + 19:g}">{text}</text>'
                   + (_mark(n.verdict, b.x + b.w - 13, b.y + 13) if n.verdict else "") + "</a>")
    out.append(legend)
    out.append("</svg>")
    return "".join(out)


def _mark(verdict: str, cx: float, cy: float) -> str:
    """A verdict's mark: a coloured disc with its symbol (never colour alone)."""
    return (f'<g class="x-mark x-mark--{verdict}" aria-hidden="true"><circle cx="{cx:g}" '
            f'cy="{cy:g}" r="9"/><text x="{cx:g}" y="{cy + 4:g}" text-anchor="middle">'
            f"{VERDICT_MARKS[verdict]}</text></g>")


def _legend(ly: float, width: float, arrow: str, verdicts: list[str]) -> tuple[str, float]:
    """Arrows, then the verdict marks used, wrapped to the map's width; (svg, height)."""
    supports, attacks = svg_text(_("supports")), svg_text(_("attacks"))
    items: list[tuple[str, float]] = [
        (f'<path class="x-edge x-edge--supports" d="M{{x}} {{y}}H{{x40}}" '
         f'marker-end="url(#{arrow})"/><text x="{{t}}" y="{{ty}}">{supports}</text>',
         max(118, 52 + len(supports) * 7.4)),
        (f'<path class="x-edge x-edge--attacks" d="M{{x}} {{y}}H{{x40}}" '
         f'marker-end="url(#{arrow})"/><text x="{{t}}" y="{{ty}}">{attacks}</text>',
         max(112, 52 + len(attacks) * 7.4))]
    for v in verdicts:
        label = VERDICT_LABELS[v].lower()
        items.append((_mark(v, 0, 0).replace('cx="0" cy="0"', 'cx="{c}" cy="{y}"')
                      .replace('x="0" y="4"', 'x="{c}" y="{ty}"')
                      + f'<text x="{{t2}}" y="{{ty}}">{label}</text>', 34 + len(label) * 7.4))
    out = ['<g class="x-legend">']
    x, y = 10.0, ly
    for svg, w in items:
        if x + w > width and x > 10:
            x, y = 10.0, y + 24
        out.append(svg.format(x=f"{x:g}", y=f"{y:g}", x40=f"{x + 40:g}", t=f"{x + 48:g}",
                              ty=f"{y + 4:g}", c=f"{x + 9:g}", t2=f"{x + 24:g}"))
        x += w
    out.append("</g>")
    return "".join(out), y - ly + 14
