"""The timeline overview (events per year, the coups, the double coup month by month), drawn at
build time as inline SVG: no JavaScript, text escaped, titled for readers.

Drawn twice (`overviews`): wide, with time running across, and narrow (below 700px, chosen
by CSS), with time running down, so that on a 390px phone everything is visible without
scrolling sideways, text stays at least 12px and every link is at least 24px. Coups and the
month dots link to their year or month in the timeline's list (`target`), and carry the data
(`data-event`, `data-year`, `data-month`, `data-kinds`) the timeline's filter dims them by.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from explainer.data.model import Corpus, Event
from explainer.i18n import N_, _, approximately, integer, month_abbr, pgettext
from explainer.render import scope
from explainer.render.common import count
from explainer.render.scope import is_regional
from explainer.render.text import svg_text

KEY_KINDS = ("coup", "independence")
#: At most this many coups and independences are labelled on the axis (older ones dropped).
MAX_MARKERS = 12
# Events tagged `regional` (or `regional-…`) happen next door: they are left out of Mali's
# coups and of the zoomed panel (explainer.render.scope.is_regional).
#: Rows of the zoomed panel: a label and the event kinds counted in it, in reading order.
ZOOM_ROWS: tuple[tuple[str, str, frozenset[str]], ...] = (
    ("protest", N_("Protests, unrest"), frozenset({"protest", "violence", "death", "attack"})),
    ("coup", N_("Coups, arrests"), frozenset({"coup", "arrest", "release"})),
    ("transition", N_("Transition steps"), frozenset({"agreement", "appointment", "reshuffle",
                                                      "resignation", "election", "founding",
                                                      "referendum"})),
    ("reaction", N_("Suspensions, sanctions"), frozenset({"suspension", "sanction",
                                                          "suspension-lifted",
                                                          "sanctions-lifted"})),
    ("statement", N_("Statements"), frozenset({"statement"})),
    ("other", N_("Other"), frozenset({"military-operation", "other", "independence", "treaty",
                                      "withdrawal"})),
)


def _month(m: int) -> str:
    """A month index (year * 12 + month - 1) as 'Aug 2020' / 'août 2020'."""
    return f"{month_abbr(m % 12 + 1)} {m // 12}"
#: Drawn 640 units wide, for screens of 700px and more, where it shows at 1:1 or larger.
WIDTH = 640
#: The narrow drawing, for phones: about the content width at 390px, so 1 unit is 1px or more.
NARROW = 340
#: Smallest link target, in units (WCAG 2.5.8: 24 CSS px).
TAP = 26
#: Width of one character at 13px, over-estimated, to keep labels from touching.
_CHAR_W = 7.6
_ROW_H = 17
_TITLES_SHOWN = 3


def stack_labels(spans: list[tuple[float, float]], lo: float, hi: float,
                 gap: float = 8) -> list[tuple[float, int]]:
    """Labels as (centre, width), in order: each goes to the first row where it overlaps none.

    Returns each label's centre (kept within lo..hi) and its row, 0 nearest the top.
    """
    rows: list[list[tuple[float, float]]] = []
    placed: list[tuple[float, int]] = []
    for centre, w in spans:
        x0 = min(max(centre - w / 2, lo), hi - w)
        row = next((r for r, taken in enumerate(rows)
                    if all(x0 + w + gap <= a or x0 >= b + gap for a, b in taken)), len(rows))
        if row == len(rows):
            rows.append([])
        rows[row].append((x0, x0 + w))
        placed.append((round(x0 + w / 2, 1), row))
    return placed


def _label_w(text: str) -> float:
    return len(text) * _CHAR_W + 4


@dataclass(frozen=True, kw_only=True, slots=True)
class ArticleMark:
    """The article's publication, drawn as a dashed line: its latest possible day, and the
    date as the source shows it ('late May to mid-June 2021 (estimated)')."""

    day: dt.date
    text: str


def article_mark(corpus: Corpus) -> ArticleMark | None:
    """The article's publication (scope.article, scope.cutoff), for `overview`."""
    src, day = scope.article(corpus), scope.cutoff(corpus)
    return ArticleMark(day=day, text=src.published.display()) if src and day else None


def _month_index(e: Event) -> int:
    d = e.when.date
    return d.year * 12 + (d.month or 1) - 1


def _zoom_window(coups: list[Event]) -> tuple[int, int] | None:
    """Months from two before the double coup to two after (or around the last coup alone,
    when the two are more than ZOOM_SPAN months apart: the panel's size stays bounded)."""
    dated = [e for e in coups if e.when.date.month]
    if not dated:
        return None
    last = _month_index(dated[-1])
    first = _month_index(dated[-2]) if len(dated) > 1 else last
    if last - first > ZOOM_SPAN:
        first = last
    return first - 2, last + 2


#: The widest gap between the last two coups that the month-by-month panel spans.
ZOOM_SPAN = 15

#: (year, month or 0) -> the address of that year or month in the timeline's list.
Target = Callable[[int, int], str]


def _no_target(year: int, month: int) -> str:
    return ""


def _link(href: str, cls: str, data: str, body: str) -> str:
    """`body` in an SVG link (or a group when there is nowhere to go)."""
    if href:
        return f'<a href="{href}" class="{cls}"{data}>{body}</a>'
    return f'<g class="{cls}"{data}>{body}</g>'


def _titled(cell: list[Event]) -> str:
    shown = "; ".join(e.title for e in cell[:_TITLES_SHOWN])
    more = len(cell) - _TITLES_SHOWN
    return shown + ("; " + _("and %(n)s more") % {"n": integer(more)} if more > 0 else "")


def overviews(events: Iterable[Event], *, ident: str = "overview",
              target: Target = _no_target, article: ArticleMark | None = None) -> list[str]:
    """The wide and the narrow drawing; CSS shows one."""
    evs = list(events)
    if not evs:
        return []
    return [overview(evs, ident=ident, target=target, article=article),
            narrow_overview(evs, ident=f"{ident}-narrow", target=target, article=article)]


def overview(events: Iterable[Event], *, ident: str = "overview",
             target: Target = _no_target, article: ArticleMark | None = None) -> str:
    """Mali's coups since independence on one axis, then the double coup month by month.

    Size does not grow with the number of events: years and months are counted, and only the
    coups, one independence and one dot per (month, row) are drawn.
    """
    evs = list(events)
    if not evs:
        return ""
    sm = _summarise(evs)
    per_year, home, coups, independence, keys = (sm.per_year, sm.home, sm.coups,
                                                 sm.independence, sm.keys)
    first, last = min(per_year), max(per_year)
    if article:  # the axis reaches the article even when no event is after it
        last = max(last, article.day.year)
    first, last = first - first % 10, last + 1
    left, right = 24, 24
    span = max(1, last - first)

    def x(year: float) -> float:
        return round(left + (year - first) / span * (WIDTH - left - right), 1)

    def when_x(e: Event) -> float:
        d = e.when.date
        return x(d.year + ((d.month or 6) - 1) / 12)

    out: list[str] = []
    # Panel A: the whole axis.
    out.append('<text class="x-panel-title" x="0" y="16">' + _("Coups since independence")
               + "</text>")
    texts = [(_independence(e) if e.kind == "independence" else
              _short_when(e, coups)) for e in keys]
    placed = stack_labels([(when_x(e), _label_w(t)) for e, t in zip(keys, texts, strict=True)],
                          0, WIDTH)
    rows = 1 + max((r for _, r in placed), default=0)
    label_top = 40
    axis_y = label_top + (rows - 1) * _ROW_H + 52
    peak = max(per_year.values())
    bar_w = max(1.5, (WIDTH - left - right) / span - 1)
    for year in sorted(per_year):
        n = per_year[year]
        h = round(max(1.5, 36 * n / peak), 1)
        out.append(f'<rect class="x-bar" data-year="{year}" x="{x(year) - bar_w / 2:.1f}" '
                   f'y="{axis_y - h}" width="{bar_w:.1f}" height="{h}"><title>{year}{_(":")} '
                   f'{count(n, "event")}</title></rect>')
    out.append(f'<line class="x-axis" x1="{left}" y1="{axis_y}" x2="{WIDTH - right}" '
               f'y2="{axis_y}"/>')
    step = 10 if span <= 120 else 50
    for year in range(first, last + 1, step):
        out.append(f'<line class="x-tick" x1="{x(year)}" y1="{axis_y}" x2="{x(year)}" '
                   f'y2="{axis_y + 5}"/><text class="x-tick-label" x="{x(year)}" '
                   f'y="{axis_y + 19}" text-anchor="middle">{year}</text>')
    if article:  # under the markers, so a coup in the same month stays visible
        ax = x(article.day.year + (article.day.timetuple().tm_yday - 0.5) / 366)
        out.append(f'<g class="x-article-line"><title>{_published(article)}</title>'
                   f'<line x1="{ax}" y1="{axis_y - 44}" x2="{ax}" y2="{axis_y + 8}"/></g>')
    for e, text, (lx, row) in zip(keys, texts, placed, strict=True):
        pos = when_x(e)
        ly = label_top + row * _ROW_H
        w = _label_w(text)
        out.append(_link(
            target(e.when.date.year, 0), f"x-marker x-marker--{e.kind}",
            f' data-event="{e.id}" data-year="{e.when.date.year}"',
            f'<title>{svg_text(e.when.display())}{_(":")} {svg_text(e.title)}</title>'
            f'<rect class="x-hit" x="{lx - w / 2:.1f}" y="{ly - 17}" width="{w:.1f}" '
            f'height="{TAP}"/>'
            f'<path class="x-leader" d="M{lx} {ly + 4}L{pos} {axis_y - 40}V{axis_y - 6}"/>'
            f'<circle cx="{pos}" cy="{axis_y}" r="5"/>'
            f'<text x="{lx}" y="{ly}" text-anchor="middle">{svg_text(text)}</text>'))
    height: float = axis_y + 34
    window = _zoom_window(coups)
    zoom_desc = ""
    if window:
        height, zoom_desc = _zoom(out, home, coups, window, axis_y, x, height, target,
                                  article)
    legend_y = height + 8
    legend, extra = _legend(WIDTH, article is not None, wide=True)
    out.append(f'<g class="x-legend" transform="translate(0 {legend_y})">{legend}</g>')
    height = legend_y + 8 + extra
    desc = _("%(events)s from %(first)s to %(last)s, %(peak)s in the busiest year.") % {
        "events": count(len(evs), "event"), "first": min(per_year), "last": max(per_year),
        "peak": integer(peak)} + " "
    if independence:
        desc += _("Independence: %(date)s.") % {"date": independence.when.display()} + " "
    if coups:
        desc += (f"{count(len(coups), 'coup')}{_(':')} "
                 + "; ".join(e.when.display() for e in coups[-(MAX_MARKERS - 1):]) + ". ")
    if article:
        desc += _("A dashed line marks the article's publication: %(date)s.") % {
            "date": article.text} + " "
    desc += zoom_desc
    head = (f'<svg class="x-overview x-overview--wide" viewBox="0 0 {WIDTH} {height:g}" '
            f'role="group" aria-labelledby="{ident}-title" aria-describedby="{ident}-desc" '
            'xmlns="http://www.w3.org/2000/svg">'
            f'<title id="{ident}-title">{_TITLE()}</title>'
            f'<desc id="{ident}-desc">{svg_text(desc)}</desc>')
    return head + "".join(out) + "</svg>"


def _dot(target: Target, m: int, key: str, label: str, cell: list[Event], cx: float, cy: float,
         r: float, hit_w: float) -> str:
    """One dot of the month panel: a link to the month in the list, with a hit area."""
    n = len(cell)
    kinds = " ".join(sorted({e.kind for e in cell}))
    month = _month(m)
    return _link(target(m // 12, m % 12 + 1), f"x-dot x-dot--{key}",
                 f' data-month="{m // 12}-{m % 12 + 1:02d}" data-kinds="{kinds}"',
                 f"<title>{month}, {svg_text(_(label))}: {svg_text(_titled(cell))}</title>"
                 f'<rect class="x-hit" x="{cx - hit_w / 2:.1f}" y="{cy - TAP / 2}" '
                 f'width="{hit_w:.1f}" height="{TAP}"/>'
                 f'<circle cx="{cx}" cy="{cy}" r="{r}"/>'
                 + (f'<text x="{cx}" y="{cy + 4}" text-anchor="middle">{n}</text>'
                    if n > 1 else ""))


Cells = dict[tuple[int, str], list[Event]]
Row = tuple[str, str, frozenset[str]]


def _zoom_cells(home: list[Event], window: tuple[int, int]) -> tuple[Cells, list[Row]]:
    """The month panel's cells, {(month index, row): events}, and the rows that have any."""
    lo, hi = window
    cells: dict[tuple[int, str], list[Event]] = {}
    row_of = {k: r for r, _label, kinds in ZOOM_ROWS for k in kinds}
    for e in home:
        m = _month_index(e)
        if e.when.date.month and lo <= m <= hi:
            cells.setdefault((m, row_of.get(e.kind, "other")), []).append(e)
    return cells, [row for row in ZOOM_ROWS if any(r == row[0] for _, r in cells)]


def _short_when(e: Event, coups: list[Event]) -> str:
    """"1968", or "Aug 2020" where another coup falls within a year or so."""
    d = e.when.date
    near = any(c is not e and abs(c.when.date.year - d.year) <= 1 for c in coups)
    text = f"{month_abbr(d.month)} {d.year}" if near and d.month else str(d.year)
    return approximately(text) if e.when.approximate else text


def _independence(e: Event) -> str:
    """'1960 independence' / 'indépendance 1960'."""
    return _("%(year)s independence") % {"year": e.when.date.year}


def _published(article: ArticleMark) -> str:
    return svg_text(_("The article is published: %(date)s") % {"date": article.text})


def _TITLE() -> str:
    return _("Timeline overview: coups since independence and the double coup by month")


#: Where each legend item starts, unless the label before it is longer (the English layout).
_LEGEND_AT = (0.0, 152.0, 215.0, 340.0)


def _legend(width: float, article: bool, *, wide: bool) -> tuple[str, float]:
    """The overview's legend, wrapped to `width`; (svg, height added by wrapping). The
    article's line goes on a row of its own in the narrow drawing."""
    items = [("bar", _("events per year")), ("coup", pgettext("chart legend", "coup")),
             ("independence", _("independence"))]
    out: list[str] = []
    x = y = 0.0
    for i, (kind, label) in enumerate(items):
        w = 16 + len(label) * _CHAR_W
        x = max(x, _LEGEND_AT[i])
        if x + w > width and x > 0:
            # A new row; a dot is drawn around its centre, so it starts a radius in.
            x, y = (0.0 if kind == "bar" else 5.0), y + 20
        if kind == "bar":
            out.append(f'<rect class="x-bar" x="{x:g}" y="{y - 9:g}" width="10" height="10"/>'
                       f'<text x="{x + 16:g}" y="{y:g}">{svg_text(label)}</text>')
        else:
            out.append(f'<circle class="x-dot--{kind}" cx="{x:g}" cy="{y - 4:g}" r="5"/>'
                       f'<text x="{x + 10:g}" y="{y:g}">{svg_text(label)}</text>')
        x += w + 12
    if article:
        label = svg_text(_("the article is published"))
        w = 16 + len(label) * _CHAR_W
        x = max(x, _LEGEND_AT[3])
        if wide and x + w <= width:
            out.append(f'<line class="x-article-line" x1="{x:g}" y1="{y - 11:g}" x2="{x:g}" '
                       f'y2="{y + 3:g}"/><text x="{x + 8:g}" y="{y:g}">{label}</text>')
        else:
            out.append(f'<line class="x-article-line" x1="0" y1="{y + 14:g}" x2="10" '
                       f'y2="{y + 14:g}"/><text x="16" y="{y + 18:g}">{label}</text>')
            if wide:
                y += 20
    return "".join(out), y


def _zoom(out: list[str], home: list[Event], coups: list[Event], window: tuple[int, int],
          axis_y: float, x: Callable[[float], float], top: float, target: Target,
          article: ArticleMark | None = None) -> tuple[float, str]:
    """Panel B: one column per month, one row per kind of event, a dot sized by the count."""
    lo, hi = window
    months = hi - lo + 1
    cells, used = _zoom_cells(home, window)
    start, end = _month(lo), _month(hi)
    title_y = top + 40
    out.append(f'<text class="x-panel-title" x="0" y="{title_y}">'
               + _("%(start)s – %(end)s, month by month") % {"start": start, "end": end}
               + "</text>")
    grid_left, grid_right = 172.0, WIDTH - 4.0
    cell_w = (grid_right - grid_left) / months
    in_window = [e for e in coups if e.when.date.month and lo <= _month_index(e) <= hi]
    labels = [_("coup, %(date)s") % {"date": e.when.display()} for e in in_window]

    def col(m: int) -> float:
        return round(grid_left + (m - lo + 0.5) * cell_w, 1)

    placed = stack_labels([(col(_month_index(e)), _label_w(t))
                           for e, t in zip(in_window, labels, strict=True)], grid_left, WIDTH)
    label_top = title_y + 24
    nrows = 1 + max((r for _, r in placed), default=-1)
    grid_top = label_top + nrows * _ROW_H + 2
    row_h = 30
    grid_bottom = grid_top + max(1, len(used)) * row_h
    # The zoom funnel: from the window on the axis to the panel's width.
    wx0, wx1 = x(lo / 12), x((hi + 1) / 12)
    out.append(f'<path class="x-zoom" d="M{wx0} {axis_y + 24}H{wx1}M{wx0} {axis_y + 24}'
               f'L{grid_left} {title_y - 18}M{wx1} {axis_y + 24}L{grid_right} {title_y - 18}"/>')
    for e, text, (lx, row) in zip(in_window, labels, placed, strict=True):
        cx, ly = col(_month_index(e)), label_top + row * _ROW_H
        out.append('<g class="x-marker x-marker--coup"><title>'
                   f'{svg_text(e.when.display())}{_(":")} {svg_text(e.title)}</title>'
                   f'<rect class="x-coup-band" x="{cx - cell_w / 2:.1f}" y="{ly + 4}" '
                   f'width="{cell_w:.1f}" height="{grid_bottom - ly - 4:.1f}"/>'
                   f'<text x="{lx}" y="{ly}" text-anchor="middle">{svg_text(text)}</text></g>')
    if article:  # the article's publication, in its month's column, under the dots
        m = article.day.year * 12 + article.day.month - 1
        if lo <= m <= hi:
            ax = round(col(m) + (article.day.day / 31 - 0.5) * cell_w, 1)
            out.append(f'<g class="x-article-line"><title>{_published(article)}</title>'
                       f'<line x1="{ax}" y1="{grid_top - 4}" x2="{ax}" y2="{grid_bottom}"/></g>')
    peak = max((len(v) for v in cells.values()), default=1)
    for i, (key, label, _kinds) in enumerate(used):
        cy = grid_top + i * row_h + row_h / 2
        out.append(f'<line class="x-grid" x1="{grid_left}" y1="{cy}" x2="{grid_right}" '
                   f'y2="{cy}"/><text class="x-row-label" x="{grid_left - 8}" y="{cy + 4}" '
                   f'text-anchor="end">{svg_text(_(label))}</text>')
        for m in range(lo, hi + 1):
            cell = cells.get((m, key))
            if not cell:
                continue
            n = len(cell)
            r = round(5 + 7 * (n / peak) ** 0.5, 1)
            out.append(_dot(target, m, key, label, cell, col(m), cy, r,
                            min(cell_w - 2, 34.0)))
    for m in range(lo, hi + 1):
        year = f'<tspan x="{col(m)}" dy="14">{m // 12}</tspan>' if m in (lo, hi) or \
            m % 12 == 0 else ""
        out.append(f'<text class="x-tick-label" x="{col(m)}" y="{grid_bottom + 14}" '
                   f'text-anchor="middle">{month_abbr(m % 12 + 1)}{year}</text>')
    return grid_bottom + 34, _zoom_desc(cells, used, start, end)


def _zoom_desc(cells: Cells, used: list[Row], start: str, end: str) -> str:
    counts = Counter(r for (_m, r), v in cells.items() for _e in v)
    return _("Events from %(start)s to %(end)s, by kind: %(kinds)s.") % {
        "start": start, "end": end,
        "kinds": "; ".join(f"{_(label).lower()}, {integer(counts[key])}"
                           for key, label, _k in used)}


@dataclass(frozen=True, slots=True)
class _Summary:
    """What both drawings show: counted once."""

    per_year: Counter[int]
    home: list[Event]
    coups: list[Event]
    independence: Event | None
    keys: list[Event]


def _summarise(evs: list[Event]) -> _Summary:
    """What both drawings show: events per year; Mali's own events (not the regional ones),
    its coups (scope.mali_coups) and its independence, marked on the axis."""
    per_year = Counter(e.when.date.year for e in evs)
    home = [e for e in evs if not is_regional(e)]
    coups = scope.mali_coups(home)
    independence = next((e for e in home if e.kind == "independence"), None)
    keys = ([independence] if independence else []) + coups[-(MAX_MARKERS - 1):]
    return _Summary(per_year, home, coups, independence, keys)


def narrow_overview(events: Iterable[Event], *, ident: str = "overview-narrow",
                    target: Target = _no_target, article: ArticleMark | None = None) -> str:
    """The same two panels with time running down the page, NARROW units wide."""
    evs = list(events)
    if not evs:
        return ""
    sm = _summarise(evs)
    first, last = min(sm.per_year), max(sm.per_year)
    if article:  # the axis reaches the article even when no event is after it
        last = max(last, article.day.year)
    first, last = first - first % 10, last + 1
    span = max(1, last - first)
    top, axis_x, bar_max, label_x = 40.0, 56.0, 80.0, 160.0
    px = min(6.0, 360 / span)

    def y(year: float) -> float:
        return round(top + (year - first) * px, 1)

    def when_y(e: Event) -> float:
        d = e.when.date
        return y(d.year + ((d.month or 6) - 1) / 12)

    out = ['<text class="x-panel-title" x="0" y="16">' + _("Coups since independence")
           + "</text>"]
    peak = max(sm.per_year.values())
    bar_h = max(1.5, px - 1)
    for year in sorted(sm.per_year):
        n = sm.per_year[year]
        w = round(max(1.5, bar_max * n / peak), 1)
        out.append(f'<rect class="x-bar" data-year="{year}" x="{axis_x + 1}" '
                   f'y="{y(year) - bar_h / 2:.1f}" width="{w}" height="{bar_h:.1f}"><title>'
                   f'{year}{_(":")} {count(n, "event")}</title></rect>')
    out.append(f'<line class="x-axis" x1="{axis_x}" y1="{top}" x2="{axis_x}" y2="{y(last)}"/>')
    step = 10 if span <= 120 else 50
    for year in range(first, last + 1, step):
        out.append(f'<line class="x-tick" x1="{axis_x - 5}" y1="{y(year)}" x2="{axis_x}" '
                   f'y2="{y(year)}"/><text class="x-tick-label" x="{axis_x - 8}" '
                   f'y="{y(year) + 4}" text-anchor="end">{year}</text>')
    if article:  # across the bars, under the markers
        ay = y(article.day.year + (article.day.timetuple().tm_yday - 0.5) / 366)
        out.append(f'<g class="x-article-line"><title>{_published(article)}</title>'
                   f'<line x1="{axis_x - 30}" y1="{ay}" x2="{axis_x + bar_max + 8}" '
                   f'y2="{ay}"/></g>')
    label_y = top - TAP
    for e in sm.keys:
        text = (_independence(e) if e.kind == "independence" else _short_when(e, sm.coups))
        pos = when_y(e)
        label_y = max(pos, label_y + TAP)
        w = _label_w(text)
        out.append(_link(
            target(e.when.date.year, 0), f"x-marker x-marker--{e.kind}",
            f' data-event="{e.id}" data-year="{e.when.date.year}"',
            f'<title>{svg_text(e.when.display())}{_(":")} {svg_text(e.title)}</title>'
            f'<rect class="x-hit" x="{label_x - 4}" y="{label_y - TAP / 2}" '
            f'width="{w + 8:.1f}" height="{TAP}"/>'
            f'<path class="x-leader" d="M{axis_x + 6} {pos}H{label_x - 24}'
            f'L{label_x - 6} {label_y}"/><circle cx="{axis_x}" cy="{pos}" r="5"/>'
            f'<text x="{label_x}" y="{label_y + 4}">{svg_text(text)}</text>'))
    height = round(max(y(last), label_y + TAP / 2) + 16, 1)
    window = _zoom_window(sm.coups)
    desc = ""
    if window:
        height, desc = _narrow_zoom(out, sm, window, height, target)
    legend = height + 10
    drawn, extra = _legend(NARROW, article is not None, wide=False)
    out.append(f'<g class="x-legend" transform="translate(0 {legend})">{drawn}</g>')
    height = legend + (26 if article else 8) + extra
    if article:
        desc = (desc.rstrip() + " " if desc else "") + (
            _("A dashed line marks the article's publication: %(date)s.")
            % {"date": article.text})
    text = (_("%(events)s from %(first)s to %(last)s.") % {
        "events": count(len(evs), "event"), "first": min(sm.per_year),
        "last": max(sm.per_year)} + " "
            + (f"{count(len(sm.coups), 'coup')}{_(':')} "
               + "; ".join(e.when.display() for e in sm.coups[-(MAX_MARKERS - 1):]) + ". "
               if sm.coups else "") + desc)
    return (f'<svg class="x-overview x-overview--narrow" viewBox="0 0 {NARROW} {height:g}" '
            f'role="group" aria-labelledby="{ident}-title" aria-describedby="{ident}-desc" '
            f'xmlns="http://www.w3.org/2000/svg"><title id="{ident}-title">{_TITLE()}</title>'
            f'<desc id="{ident}-desc">{svg_text(text)}</desc>' + "".join(out) + "</svg>")


def _narrow_zoom(out: list[str], sm: _Summary, window: tuple[int, int], top: float,
                 target: Target) -> tuple[float, str]:
    """Panel B on a phone: one row per month, one column per kind of event."""
    lo, hi = window
    cells, used = _zoom_cells(sm.home, window)
    start, end = _month(lo), _month(hi)
    title_y = top + 28
    out.append(f'<text class="x-panel-title" x="0" y="{title_y}">'
               + _("%(start)s – %(end)s, month by month") % {"start": start, "end": end}
               + "</text>")
    label_w = 112.0
    cols = max(1, len(used))
    col_w = min(40.0, (NARROW - label_w) / cols)
    head_h = round(8 + max((_label_w(_(label)) for _k, label, _f in used), default=0) * 0.72,
                   1)
    grid_top = title_y + 12 + head_h
    row_h = 30

    def cx(i: int) -> float:
        return round(label_w + (i + 0.5) * col_w, 1)

    for i, (_k, label, _f) in enumerate(used):
        hx, hy = cx(i) - 2, grid_top - 8
        out.append(f'<line class="x-grid" x1="{cx(i)}" y1="{grid_top}" x2="{cx(i)}" '
                   f'y2="{grid_top + (hi - lo + 1) * row_h}"/><text class="x-row-label" '
                   f'x="{hx}" y="{hy}" text-anchor="end" transform="rotate(45 {hx} {hy})">'
                   f'{svg_text(_(label))}</text>')
    coup_months = {_month_index(e): e for e in sm.coups
                   if e.when.date.month and lo <= _month_index(e) <= hi}
    peak = max((len(v) for v in cells.values()), default=1)
    for m in range(lo, hi + 1):
        ry = grid_top + (m - lo) * row_h
        cy = ry + row_h / 2
        coup = coup_months.get(m)
        if coup:
            # The band's word shares the row with the month's name: one short word.
            band = pgettext("narrow chart band", "coup")
            out.append(f'<g class="x-marker x-marker--coup"><title>{svg_text(coup.when.display())}'
                       f'{_(":")} {svg_text(coup.title)}</title><rect class="x-coup-band" x="0" '
                       f'y="{ry + 1}" width="{NARROW}" height="{row_h - 2}"/><text x="0" '
                       f'y="{cy + 4}">{svg_text(band)}</text></g>')
        out.append(f'<text class="x-tick-label" x="{label_w - 8}" y="{cy + 4}" '
                   f'text-anchor="end">{_month(m)}</text>')
        for i, (key, label, _kinds) in enumerate(used):
            cell = cells.get((m, key))
            if cell:
                r = round(5 + 7 * (len(cell) / peak) ** 0.5, 1)
                out.append(_dot(target, m, key, label, cell, cx(i), cy, r, col_w - 2))
    return grid_top + (hi - lo + 1) * row_h + 14, _zoom_desc(cells, used, start, end)
