"""Exports for the tools of the field: TimelineJS JSON, the argument as Graphviz DOT and as AIF
JSON, and an events CSV shaped like ACLED's. Pure: Corpus in, bytes out."""

from __future__ import annotations

import datetime as dt
import html
import json
from typing import Any

from explainer.data.dates import PartialDate
from explainer.data.model import Claim, Corpus, Event, Reference
from explainer.render.place_pages import country_name
from explainer.render.text import rich
from explainer.render.timeline import eras

TIMELINEJS_FILE = "data/timeline.json"
DOT_FILE = "data/argument.dot"
AIF_FILE = "data/argument.aif.json"
ACLED_FILE = "data/events-acled-shaped.csv"

#: The label every row of the ACLED-shaped CSV carries in its last column.
ACLED_LABEL = "mali-coup-explainer: shaped like ACLED's export, not ACLED data"
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "actor1", "actor2",
    "country", "admin1", "location", "latitude", "longitude", "geo_precision", "source", "notes",
    "dataset",
)
#: Our event kinds that map onto ACLED's event types; every other kind is a strategic
#: development (agreements, appointments, coups, sanctions…), as ACLED codes such events.
_ACLED_TYPES = {"protest": "Protests", "violence": "Violence against civilians",
                "attack": "Violence against civilians", "military-operation": "Battles"}


def _tl_date(d: PartialDate) -> dict[str, str]:
    out = {"year": str(d.year)}
    if d.month:
        out["month"] = str(d.month)
    if d.day:
        out["day"] = str(d.day)
    return out


def _tl_event(e: Event) -> dict[str, Any]:
    item: dict[str, Any] = {
        "start_date": _tl_date(e.when.date),
        # TimelineJS writes both as HTML: the title escaped, the summary as sanitised prose.
        "text": {"headline": html.escape(e.title), "text": rich(e.summary)},
        "group": e.kind.replace("-", " "),
        "unique_id": e.id,
    }
    if e.when.end:
        item["end_date"] = _tl_date(e.when.end)
    if e.when.approximate or e.when.display_text:
        item["display_date"] = e.when.display()
    return item


def timelinejs(corpus: Corpus, *, title: str, text: str) -> dict[str, Any]:
    """The TimelineJS 3 JSON format: a title slide, one slide per event, our eras (each from
    its start, or the first event, to the day before the next era, or the last event)."""
    events = list(corpus.events.values())
    out_eras = []
    if events:
        first = min(e.when.date.first_day() for e in events)
        last = max((e.when.end or e.when.date).last_day() for e in events)
        all_eras = eras(corpus)
        for i, era in enumerate(all_eras):
            start = max(era.start or first, first)
            nxt = all_eras[i + 1].start if i + 1 < len(all_eras) else None
            end = min(nxt - dt.timedelta(days=1) if nxt else last, last)
            if start <= end:
                out_eras.append({"start_date": _tl_day(start), "end_date": _tl_day(end),
                                 "text": {"headline": html.escape(era.title)}})
    return {"title": {"text": {"headline": html.escape(title), "text": html.escape(text)}},
            "events": [_tl_event(e) for e in events], "eras": out_eras}


def _tl_day(d: dt.date) -> dict[str, str]:
    return {"year": str(d.year), "month": str(d.month), "day": str(d.day)}


def _dot_id(ident: str) -> str:
    return '"' + ident + '"'  # ids are [a-z0-9-]: nothing to escape


def _dot_label(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def argument_dot(corpus: Corpus) -> str:
    """The argument map as a Graphviz digraph: an arrow from a claim to what it supports
    (solid) or attacks (dashed); each node says its part and verdict."""
    lines = ["digraph argument {", "  rankdir=BT;",
             '  node [shape=box, style="rounded", fontname="Helvetica"];']
    for c in corpus.claims.values():
        verdict = c.assessment.verdict if c.assessment else "not assessed"
        label = f"{c.label}\n({c.kind.replace('-', ' ')}; {verdict})"
        lines.append(f"  {_dot_id(c.id)} [label={_dot_label(label)}];")
    for c in corpus.claims.values():
        lines += [f"  {_dot_id(c.id)} -> {_dot_id(t)} [label=\"supports\"];" for t in c.supports]
        lines += [f"  {_dot_id(c.id)} -> {_dot_id(t)} [label=\"attacks\", style=dashed];"
                  for t in c.attacks]
    lines.append("}")
    return "\n".join(lines) + "\n"


def argument_aif(corpus: Corpus) -> dict[str, Any]:
    """The argument in the Argument Interchange Format (AIFdb JSON): an I-node per claim, an
    RA-node per support and a CA-node per attack, each between its two I-nodes."""
    nodes: list[dict[str, str]] = []
    edges: list[dict[str, str]] = []

    def node(ident: str, text: str, kind: str) -> str:
        nodes.append({"nodeID": ident, "text": text, "type": kind})
        return ident

    def edge(frm: str, to: str) -> None:
        edges.append({"edgeID": str(len(edges) + 1), "fromID": frm, "toID": to})

    claims: list[Claim] = list(corpus.claims.values())
    for c in claims:
        node(c.id, c.statement, "I")
    for c in claims:
        for kind, targets, text in (("RA", c.supports, "Default Inference"),
                                    ("CA", c.attacks, "Default Conflict")):
            for t in targets:
                mid = node(f"{kind.lower()}-{c.id}-{t}", text, kind)
                edge(c.id, mid)
                edge(mid, t)
    return {"nodes": nodes, "edges": edges, "locutions": []}


def aif_relations(aif: dict[str, Any]) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """(supports, attacks) as (from claim, to claim) pairs, read back from AIF JSON."""
    kinds = {n["nodeID"]: n["type"] for n in aif["nodes"]}
    into: dict[str, str] = {}
    out_of: dict[str, str] = {}
    for e in aif["edges"]:
        if kinds[e["toID"]] in ("RA", "CA"):
            into[e["toID"]] = e["fromID"]
        if kinds[e["fromID"]] in ("RA", "CA"):
            out_of[e["fromID"]] = e["toID"]
    pairs: dict[str, set[tuple[str, str]]] = {"RA": set(), "CA": set()}
    for mid, frm in into.items():
        pairs[kinds[mid]].add((frm, out_of[mid]))
    return pairs["RA"], pairs["CA"]


#: ACLED's geo_precision: 1 the town itself, 2 near it or part of a region, 3 a region's or a
#: country's representative point.
_GEO_PRECISION = {"exact": 1, "locality": 1, "approximate": 2, "representative": 3}


def _time_precision(e: Event) -> int:
    """ACLED's codes: 1 the day is known, 2 the week or a few days, 3 the month or less."""
    d = e.when.date
    if d.precision != "day" or e.when.approximate:
        return 3
    if e.when.end and (e.when.end.first_day() - d.first_day()).days > 0:
        return 2
    return 1


def acled_rows(corpus: Corpus) -> list[list[str]]:
    rows = []
    for e in corpus.events.values():
        actors = [corpus.actors[a.actor].name for a in e.actors]
        publishers = sorted({c.publisher for c in e.sources if isinstance(c, Reference)})
        # ACLED codes one location a row: the event's first place.
        p = next(iter(corpus.places_of(e)), None)
        rows.append([
            e.id, e.when.date.first_day().isoformat(), str(e.when.date.year),
            str(_time_precision(e)), _ACLED_TYPES.get(e.kind, "Strategic developments"),
            actors[0] if actors else "", actors[1] if len(actors) > 1 else "",
            country_name(p) if p else "", "", p.name if p else "",
            f"{p.lat:.4f}" if p else "", f"{p.lon:.4f}" if p else "",
            str(_GEO_PRECISION[p.precision]) if p else "", "; ".join(publishers), e.title,
            ACLED_LABEL,
        ])
    return rows


def as_json(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
