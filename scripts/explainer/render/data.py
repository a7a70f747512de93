"""Downloads: the whole dataset as JSON, one CSV per record kind, the JSON Schemas; their page."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections.abc import Callable
from typing import Any

from explainer.data.dates import PartialDate
from explainer.data.model import ArticleCitation, Citation, Corpus, Event, Source
from explainer.i18n import _, format_decimal, integer, ngettext
from explainer.render import exports, feed, links
from explainer.render.common import count

JSON_FILE = "data/mali-coup-explainer.json"
GEOJSON_FILE = "data/events.geojson"
_CSV_DANGER = ("=", "+", "-", "@", "\t", "\r")


def csv_path(kind: str) -> str:
    return f"data/{kind}.csv"


def schema_path(kind: str) -> str:
    return f"schemas/{kind}.schema.json"


def _plain(value: Any) -> Any:
    """Dataclasses to dicts, dates to ISO strings; the source's full text left out."""
    kind = type(value)
    if kind is str or value is None or kind is int or kind is bool:
        return value
    if kind is PartialDate:
        return value.iso()
    if kind is tuple or kind is list:
        return [_plain(v) for v in value]
    if kind is dict:
        return {k: _plain(v) for k, v in value.items()}
    names = _field_names(kind)
    if names is None:
        return value
    d = {name: _plain(getattr(value, name)) for name in names}
    if kind is ArticleCitation:
        d = {"source": value.quote.source, **d}
    return d


_NAMES: dict[type, tuple[str, ...] | None] = {}


def _field_names(kind: type) -> tuple[str, ...] | None:
    if kind not in _NAMES:
        _NAMES[kind] = tuple(
            f.name for f in dataclasses.fields(kind)
            if not (kind is Source and f.name == "paragraphs")
        ) if dataclasses.is_dataclass(kind) else None
    return _NAMES[kind]


def _json(data: dict[str, list[Any]]) -> str:
    """The dataset as JSON with one record per line: readable, a changed record is a one-line
    diff, and each record goes through the C encoder (indent= would use the Python one)."""
    blocks = []
    for key, records in data.items():
        rows = ",\n".join(json.dumps(r, ensure_ascii=False) for r in records)
        blocks.append(f"{json.dumps(key)}: [\n{rows}\n]" if rows else f"{json.dumps(key)}: []")
    return "{\n" + ",\n".join(blocks) + "\n}\n"


def dataset(corpus: Corpus) -> dict[str, Any]:
    return {"sources": _plain(list(corpus.sources.values())),
            "events": _plain(list(corpus.events.values())),
            "actors": _plain(list(corpus.actors.values())),
            "claims": _plain(list(corpus.claims.values())),
            "terms": _plain(list(corpus.terms.values())),
            "places": _plain(list(corpus.places.values())),
            "publishers": _plain(list(corpus.publishers.values()))}


def _cell(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        value = " | ".join(_cell(v) for v in value)
    text = "" if value is None else str(value)
    # Spreadsheets run cells that start like a formula; a leading quote keeps them text.
    return "'" + text if text.startswith(_CSV_DANGER) else text


#: UTF-8's byte-order mark: without it Excel reads a CSV as the local code page and
#: garbles every accent (Goïta, Keïta).
BOM = "\ufeff"


def _csv(header: list[str], rows: list[list[Any]]) -> bytes:
    buf = io.StringIO()
    buf.write(BOM)
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header)
    w.writerows([[_cell(v) for v in row] for row in rows])
    return buf.getvalue().encode("utf-8")


def _citation_rows(corpus: Corpus) -> list[list[Any]]:
    """Every citation of every record: one row each, where it is cited and what it is."""
    rows: list[list[Any]] = []

    def add(kind: str, ident: str, where: str, cites: tuple[Citation, ...]) -> None:
        for c in cites:
            if isinstance(c, ArticleCitation):
                src = corpus.sources[c.quote.source]
                rows.append([kind, ident, where, "article quote", src.title, src.publisher,
                             "", src.url, src.published.date.iso(), c.quote.paragraph, "",
                             c.note or ""])
            else:
                owner = corpus.publishers.get(c.publisher_id or "")
                rows.append([kind, ident, where, "reference", c.title, c.publisher,
                             owner.source_class if owner else "", c.url,
                             c.published.iso() if c.published else "", "",
                             c.excerpt or "", c.note or ""])

    for e in corpus.events.values():
        add("event", e.id, "sources", e.sources)
        for d in e.disputed:
            for v in d.values:
                add("event", e.id, f"disputed: {d.label}: {v.value}", v.sources)
    for a in corpus.actors.values():
        add("actor", a.id, "sources", a.sources)
    for c in corpus.claims.values():
        if c.assessment:
            add("claim", c.id, "assessment", c.assessment.references)
    for t in corpus.terms.values():
        add("term", t.id, "sources", t.sources)
    return rows
#: For the other modules' downloads.
csv_bytes = _csv


def _point(corpus: Corpus, e: Event) -> tuple[float | str, float | str]:
    """The event's first place's latitude and longitude (blank if it has none)."""
    first = corpus.places_of(e)[:1]
    return (first[0].lat, first[0].lon) if first else ("", "")


def csv_files(corpus: Corpus) -> dict[str, bytes]:
    ev = [[e.id, e.title, e.when.date.iso(), e.when.date.precision, e.when.approximate,
           e.when.end.iso() if e.when.end else "", e.kind, list(e.places), *_point(corpus, e),
           [f"{a.actor}:{a.role}" for a in e.actors], list(e.tags), e.summary, e.path]
          for e in corpus.events.values()]
    pl = [[p.id, p.name, p.name_fr, p.kind, p.country, p.lat, p.lon, p.precision, p.geonames,
           len(corpus.events_by_place.get(p.id, ())), p.path] for p in corpus.places.values()]
    ac = [[a.id, a.name, list(a.aliases), a.kind, a.description, list(a.affiliations), a.path]
          for a in corpus.actors.values()]
    cl = [[c.id, c.label, c.kind, c.statement, list(c.supports), list(c.attacks),
           list(c.evidence), list(c.actors), c.assessment.verdict if c.assessment else "",
           c.assessment.note if c.assessment else "", c.path] for c in corpus.claims.values()]
    te = [[t.id, t.term, t.expansion, t.definition, t.actor, t.path]
          for t in corpus.terms.values()]
    so = [[s.id, s.title, s.author, s.publisher, s.url, s.published.date.iso(), s.language,
           s.path] for s in corpus.sources.values()]
    return {
        csv_path("events"): _csv(["id", "title", "date", "precision", "approximate", "end",
                                  "kind", "place", "latitude", "longitude", "actors", "tags",
                                  "summary", "file"], ev),
        csv_path("places"): _csv(["id", "name", "name_fr", "kind", "country", "latitude",
                                  "longitude", "precision", "geonames", "events", "file"], pl),
        csv_path("actors"): _csv(["id", "name", "aliases", "kind", "description",
                                  "affiliations", "file"], ac),
        csv_path("claims"): _csv(["id", "label", "kind", "statement", "supports", "attacks",
                                  "evidence", "actors", "verdict", "verdict_note", "file"], cl),
        csv_path("terms"): _csv(["id", "term", "expansion", "definition", "actor", "file"], te),
        csv_path("sources"): _csv(["id", "title", "author", "publisher", "url", "published",
                                   "language", "file"], so),
        csv_path("citations"): _csv(["record_kind", "record", "cited_in", "citation_kind",
                                     "title", "publisher", "class", "url", "published",
                                     "paragraph", "excerpt", "note"], _citation_rows(corpus)),
    }


def geojson(corpus: Corpus) -> dict[str, Any]:
    """The events as a GeoJSON FeatureCollection (RFC 7946): one feature per event, at its
    place's point ([longitude, latitude]), or a MultiPoint when it happened in several."""
    features = []
    for e in corpus.events.values():
        points = [[p.lon, p.lat] for p in corpus.places_of(e)]
        if not points:
            continue
        geometry = ({"type": "Point", "coordinates": points[0]} if len(points) == 1 else
                    {"type": "MultiPoint", "coordinates": points})
        features.append({"type": "Feature", "id": e.id, "geometry": geometry, "properties": {
            "id": e.id, "title": e.title, "date": e.when.date.iso(), "kind": e.kind,
            "places": list(e.places)}})
    return {"type": "FeatureCollection", "features": features}


def data_files(corpus: Corpus, schemas: dict[str, str]) -> dict[str, bytes]:
    files = {JSON_FILE: _json(dataset(corpus)).encode("utf-8")}
    files.update(csv_files(corpus))
    files[GEOJSON_FILE] = (json.dumps(geojson(corpus), ensure_ascii=False, indent=1)
                           + "\n").encode("utf-8")
    for kind, text in sorted(schemas.items()):
        files[schema_path(kind)] = text.encode("utf-8")
    return files


def _exports_section(page: str, size: Callable[[str], str]) -> list[str]:
    def item(path: str, name: str, what: str) -> str:
        return f"- [{name}]({links.md(page, path)}) ({size(path)}){_(':')} {what}"

    return [
        "## " + _("For other tools") + " {#exports}", "",
        item(exports.TIMELINEJS_FILE, "timeline.json", _(
            "every event in the TimelineJS 3 format (a slide per event, grouped by kind, with "
            "our eras); load it into TimelineJS to show the timeline as slides (its "
            "`georgia-helvetica` font option keeps it off Google Fonts).")),
        item(exports.DOT_FILE, "argument.dot", _(
            "the argument map for Graphviz: `dot -Tsvg argument.dot`.")),
        item(exports.AIF_FILE, "argument.aif.json", _(
            "the argument in the Argument Interchange Format (AIFdb JSON): an I-node per "
            "claim, RA-nodes for support, CA-nodes for attack.")),
        item(exports.ACLED_FILE, "events-acled-shaped.csv", _(
            "the events with the column names and order of ACLED's export where a field maps. "
            "It is shaped like ACLED's data, it is **not ACLED data**: every row says so in its "
            "last column.")),
        item(feed.FEED_FILE, "feed.xml", _(
            "an Atom feed of the records reviewed most recently, to follow the explainer as it "
            "grows.")),
        "", _("Each event, claim and actor page ends with “Cite this page”: a citation to "
              "copy, and the same reference as CSL-JSON and BibTeX for reference managers."),
        ""]


def data_page(corpus: Corpus, files: dict[str, bytes], schemas: dict[str, str]) -> str:
    page = links.DATA

    def size(path: str) -> str:
        n = len(files[path])
        return (_("%(n)s KB") % {"n": format_decimal(n / 1024, 1)} if n >= 1024 else
                ngettext("%(n)s byte", "%(n)s bytes", n) % {"n": integer(n)})

    lines = ["# " + _("Data"), "", _("Everything on this site is generated from these records. "
                                     "Reuse them freely, with a link back."), "",
             "## " + _("The whole dataset") + " {#json}", "",
             "- " + _("[All records as JSON](%(link)s) (%(size)s): %(records)s.") % {
                 "link": links.md(page, JSON_FILE), "size": size(JSON_FILE),
                 "records": ", ".join(count(n, word) for n, word in (
                     (len(corpus.events), "event"), (len(corpus.actors), "actor"),
                     (len(corpus.claims), "claim"), (len(corpus.terms), "term"),
                     (len(corpus.sources), "source"), (len(corpus.places), "place")))}, "",
             "## " + _("One table per record kind") + " {#csv}", ""]
    for kind in ("events", "actors", "claims", "terms", "sources", "places"):
        p = csv_path(kind)
        lines.append(f"- [{kind}.csv]({links.md(page, p)}) ({size(p)})")
    p = csv_path("citations")
    lines += [f"- [citations.csv]({links.md(page, p)}) ({size(p)}): " + _(
                  "every citation of every record, one per row: the record, where it is cited, "
                  "the title, publisher, publisher class (from the publisher register, when "
                  "there is one), address and excerpt. A quote from the article gives its "
                  "paragraph number, not its words."),
              "", _("The files are UTF-8 with a byte-order mark, so Excel and LibreOffice open "
                    "them with accents intact (Goïta, Keïta); double-click, or import as UTF-8. "
                    "Lists inside a cell are separated by “ | ”. Cells that begin with = + - @ "
                    "start with an apostrophe, so spreadsheets do not run them. In events.csv, "
                    "latitude and longitude are those of the event's first place."), "",
              "## " + _("Maps") + " {#geojson}", "",
              f"- [events.geojson]({links.md(page, GEOJSON_FILE)}) ({size(GEOJSON_FILE)}){_(':')} "
              + _("every event as a GeoJSON feature at its place's point (a MultiPoint for an "
                  "event in several places), for QGIS, geojson.io or any map tool."), ""]
    lines += _exports_section(page, size)
    if schemas:
        lines += ["## " + _("JSON Schemas") + " {#schemas}", "",
                  _("Each record file is described by a JSON Schema; editors use it for "
                    "completion and checks."), ""]
        lines += [f"- [{kind}.schema.json]({links.md(page, schema_path(kind))})"
                  for kind in sorted(schemas)]
        lines.append("")
    return "\n".join(lines)
