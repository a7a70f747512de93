"""Documents in, a Corpus out, or DataError with every problem. Pure: no file system.

Two passes: each record against its field spec (fields.py), then the links between records.
A record with a mistake still registers its id, so one mistake does not cascade into many.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from explainer.data import schema as s
from explainer.data import source_classes, translations
from explainer.data.dates import PartialDate, When
from explainer.data.fields import ID_RE, FieldChecker, close_match
from explainer.data.load import Document, Key
from explainer.data.model import (
    Actor,
    ArticleCitation,
    Assessment,
    Citation,
    Claim,
    Corpus,
    Dispute,
    DisputedValue,
    Event,
    EventActor,
    Outcome,
    ParagraphSummary,
    Place,
    Publisher,
    Quote,
    Reference,
    Role,
    Source,
    Term,
)
from explainer.data.problems import DataError, Problem
from explainer.data.publishers import HOST_RE, host_of, normal_host, publisher_of
from explainer.data.quotes import SourceText, not_found_hint
from explainer.data.similar import near_pairs, title_key
from explainer.geo import places

#: how a `# TODO` comment left in a record is reported
REVIEW_MARKER = "a review marker is left"
_KIND_OF_FOLDER = {folder: kind for kind, folder in s.FOLDERS.items()}


def kind_of_path(path: str) -> str | None:
    parts = path.rsplit("/", 2)
    return _KIND_OF_FOLDER.get(parts[-2]) if len(parts) > 1 else None


def _stem(path: str) -> str:
    """_stem(path), without building a path object for each of 10,000 files."""
    name = path.rsplit("/", 1)[-1]
    dot = name.rfind(".")
    return name[:dot] if 0 < dot < len(name) - 1 else name


@dataclass(frozen=True, slots=True)
class Shaped:
    """One record file after its own checks: its record converted to model values (None when
    a mistake stops that), and the problems found in the file alone."""

    doc: Document
    kind: str | None
    rec: dict[str, Any] | None
    problems: list[Problem]


def shape(doc: Document) -> Shaped:
    """The checks that need nothing but the file itself: folder, file name, schema line and
    every field against its spec. Independent of other files, so files can be shaped apart."""
    problems: list[Problem] = []
    c = FieldChecker(doc, problems)
    kind = kind_of_path(doc.path)
    if kind is None:
        c.add((), "file is not in a record folder",
              "records live in data/" + ", data/".join(s.FOLDERS.values()))
        return Shaped(doc, None, None, problems)
    stem = _stem(doc.path)
    if not ID_RE.fullmatch(stem):
        c.add((), f"file name must be an id of lowercase letters, digits and hyphens "
              f"(got {stem!r})", "rename the file (and its id) with lowercase letters, digits "
              "and hyphens only, to an id no other file in the folder has")
    elif stem in s.RESERVED_IDS:
        c.add(("id",), f"id {stem!r} is reserved for the pages that list records",
              "rename the file and its id: any other id will do")
    line = s.SCHEMA_LINE.format(kind=kind)
    if doc.header != line:
        problems.append(Problem(path=doc.path, line=1, col=1,
                                message="first line must name the record's JSON Schema",
                                hint=f"make the first line: {line}"))
    for at, col, text in doc.todos:
        problems.append(Problem(path=doc.path, line=at, col=col,
                                message=f"{REVIEW_MARKER}: {text}",
                                hint="settle what it says, then delete the comment line"))
    rec = c.obj(s.RECORDS[kind], doc.data, (), "record")
    # An id that differs from the file name is reported by the link pass, which knows whether
    # a file of that name exists (then this record duplicates it).
    return Shaped(doc, kind, rec, problems)


def validate(documents: list[Document], texts: dict[str, str], broken: Iterable[str] = (),
             lang: str = "en") -> Corpus:
    """Check every document and every link between them; raise DataError listing all problems.

    `texts` maps a source file's path (as in Document.path, e.g. data/sources/a.txt) to its text;
    `broken` names record files that did not load, whose ids still count as defined. With
    lang="fr", the corpus holds the French edition's text (explainer.data.translations.french).
    """
    return link([shape(doc) for doc in documents], texts, broken, lang)


def link(shaped: list[Shaped], texts: dict[str, str], broken: Iterable[str] = (),
         lang: str = "en") -> Corpus:
    """validate(), for documents already shaped (possibly in other processes)."""
    v = _Validator(shaped, texts, lang)
    for path in broken:
        if kind := kind_of_path(path):
            v.known[kind].setdefault(_stem(path), path)
    return v.run()


class _Validator:
    def __init__(self, shaped: list[Shaped], texts: dict[str, str], lang: str = "en") -> None:
        self.shaped = sorted(shaped, key=lambda d: d.doc.path)
        self.lang = lang
        self.texts = texts
        self.problems: list[Problem] = []
        self.known: dict[str, dict[str, str]] = {k: {} for k in s.RECORDS}  # kind -> id -> path
        self.records: dict[str, list[tuple[Document, dict[str, Any]]]] = {k: [] for k in s.RECORDS}
        self.source_texts: dict[str, SourceText] = {}
        self._event_dates: dict[str, PartialDate | None] | None = None
        self.hosts: dict[str, str] = {}  # registered host -> publisher id

    def run(self) -> Corpus:
        for one in self.shaped:
            self._register(one)
        for kind, records in self.records.items():
            for doc, rec in records:
                self._id_and_file_name(kind, doc, rec)
        self._host_map()
        for doc, rec in self.records["source"]:
            self._source_text(doc, rec)
        statuses = self._translations()
        built = {kind: self._link(kind) for kind in s.RECORDS}
        self._probable_duplicates(built["event"])
        self._claim_graph(built["claim"])
        if self.problems:
            raise DataError(self.problems)
        corpus = Corpus.build(sources=built["source"], events=built["event"],
                              actors=built["actor"], claims=built["claim"], terms=built["term"],
                              publishers=built["publisher"], places=built["place"])
        corpus = dataclasses.replace(corpus, lang=self.lang,
                                     translations={st.path: st for st in statuses})
        return self._class_rules(corpus)

    def _translations(self) -> list[translations.Status]:
        """Each record's translation status, from its English; for the French edition, the
        records then take their French text (explainer.data.translations)."""
        out: list[translations.Status] = []
        for kind in s.TRANSLATED_KINDS:
            records = self.records[kind]
            for doc, rec in records:
                st = translations.status(kind, _stem(doc.path), doc.path, rec)
                if st is not None:
                    out.append(st)
            if self.lang == s.TRANSLATION:
                self.records[kind] = [(doc, translations.french(kind, rec))
                                      for doc, rec in records]
        return out

    def _class_rules(self, corpus: Corpus) -> Corpus:
        """The source-class rules (source_classes.py): problems when enforced, else advisories
        that `explainer check` prints as warnings."""
        docs = {doc.path: doc for recs in self.records.values() for doc, _ in recs}
        found: list[Problem] = []
        for f in source_classes.findings(corpus):
            FieldChecker(docs[f.path], found).add(f.key, f.message, f.hint, at_key=True)
        if found and source_classes.ENFORCED:
            raise DataError(found)
        advice = [*source_classes.maintainer_notes(corpus),  # heuristics: never more than
                  *source_classes.reprints_without_via(corpus)]  # advice
        for f in advice:
            FieldChecker(docs[f.path], found).add(f.key, f.message, f.hint)
        lagging: list[Problem] = []  # a translation that lags: a warning
        for st in corpus.translations.values():
            for t in translations.findings(st):
                FieldChecker(docs[st.path], lagging).add(t.key, t.message, t.hint,
                                                         at_key=t.at_key)
        return dataclasses.replace(corpus, advisories=tuple(sorted(found)),
                                   translation_warnings=tuple(sorted(lagging)))

    def _register(self, one: Shaped) -> None:
        """Ids are registered in path order, even for a bad record, so its id still counts."""
        self.problems.extend(one.problems)
        if one.kind is None:
            return
        doc, stem = one.doc, _stem(one.doc.path)
        if ID_RE.fullmatch(stem) and stem in self.known[one.kind]:
            FieldChecker(doc, self.problems).add(
                (), f"id {stem!r} is already used by {self.known[one.kind][stem]}")
        self.known[one.kind].setdefault(stem, doc.path)
        if one.rec is not None:
            self.records[one.kind].append((doc, one.rec))

    def _id_and_file_name(self, kind: str, doc: Document, rec: dict[str, Any]) -> None:
        stem, ident = _stem(doc.path), rec.get("id")
        if ident is None or ident == stem:
            return
        c = FieldChecker(doc, self.problems)
        other = self.known[kind].get(ident)
        if other is not None:
            c.add(("id",), f"id {ident!r} is the id of {other}: this record duplicates it",
                  f"if this is a new record, set id: {stem}; if it is the same "
                  f"{kind}, edit {other} and delete this file")
        else:
            c.add(("id",), f"id must match the file name {stem!r} (got {ident!r})",
                  f"rename the file to {ident}.yaml or set id: {stem}; published ids never "
                  "change")

    def _probable_duplicates(self, events: dict[str, Event]) -> None:
        """Events on the same date with near-identical titles: one event recorded twice.
        Bucketed by date, so only events of one day are compared."""
        docs = {_stem(doc.path): doc for doc, _ in self.records["event"]}
        by_day: dict[str, list[Event]] = {}
        for e in events.values():
            by_day.setdefault(e.when.date.iso(), []).append(e)
        for day, same in by_day.items():
            if len(same) < 2:
                continue
            for a, b in near_pairs({e.id: title_key(e.title) for e in same}):
                for one, other in ((events[a], events[b]), (events[b], events[a])):
                    FieldChecker(docs[one.id], self.problems).add(
                        ("title",), f"probable duplicate of {other.path}: same date {day} "
                        "and nearly the same title",
                        "if they are one event, keep one record, move the other's sources "
                        "into it and delete its file; if not, make the titles say how they "
                        "differ")
    def _host_map(self) -> None:
        """{host: publisher id} from every publisher record, even one with other mistakes, so
        that one mistake there does not make every reference to its hosts a problem too."""
        where: dict[str, str] = {}
        for doc, rec in self.records["publisher"]:
            c = FieldChecker(doc, self.problems)
            for i, raw in enumerate(rec.get("hosts", [])):
                host = normal_host(raw)
                if not HOST_RE.match(host):
                    c.add(("hosts", i), f"hosts item must be a host name such as un.org "
                          f"(got {raw!r})", "write the host alone: no https://, path or port")
                elif host in self.hosts:
                    c.add(("hosts", i), f"host {host!r} is already listed by {where[host]}",
                          "a host belongs to one publisher; remove it from one of the files")
                else:
                    self.hosts[host] = _stem(doc.path)
                    where[host] = doc.path

    def _source_text(self, doc: Document, rec: dict[str, Any]) -> None:
        name = rec.get("text")
        if not name:
            return
        path = str(PurePosixPath(doc.path).parent / name)
        if path not in self.texts:
            FieldChecker(doc, self.problems).add(("text",), f"text file {name!r} not found beside "
                                             "this record", f"add {path}")
            return
        self.source_texts[_stem(doc.path)] = SourceText(self.texts[path])

    # Link pass: resolve ids, check dates and quotes, build the model.
    def _ref(self, c: FieldChecker, kind: str, ident: str | None, key: Key) -> None:
        if ident is not None and ident not in self.known[kind]:
            folder = s.FOLDERS[kind]
            hint = close_match(ident, self.known[kind])
            hint = (hint + " " if hint else "") + f"{kind} ids are the file names in data/{folder}/"
            c.add(key, f"unknown {kind} id {ident!r}", hint)

    def _quote(self, c: FieldChecker, source: str, text: str, key: Key) -> Quote | None:
        if source not in self.known["source"]:
            return None  # reported by _ref
        st = self.source_texts.get(source)
        if st is None:
            c.add(key, f"source {source!r} has no text to check quotes against")
            return None
        m = st.find(text)
        if m is None:
            c.add(key, f"quote not found in the text of {source!r}",
                  not_found_hint(st, text, source))
            return None
        return Quote(source=source, text=text, paragraph=m.paragraph, start=m.start, end=m.end)

    def _citations(self, c: FieldChecker, items: list[Any], key: Key) -> tuple[Citation, ...]:
        out: list[Citation] = []
        for i, (shape, f) in enumerate(items):
            k = (*key, i)
            if shape == "ArticleCitation":
                self._ref(c, "source", f.get("source"), (*k, "source"))
                if "source" in f and "quote" in f:
                    q = self._quote(c, f["source"], f["quote"], (*k, "quote"))
                    if q:
                        q = dataclasses.replace(q, translation=f.get("quote_fr"))
                        out.append(ArticleCitation(quote=q, note=f.get("note")))
            elif {"title", "publisher", "url"} <= f.keys():
                self._ref(c, "publisher", f.get("via"), (*k, "via"))
                host = host_of(f["url"])
                owner = publisher_of(host, self.hosts)
                if owner is None:
                    c.add((*k, "url"), f"no publisher is registered for host {host!r}",
                          f"add data/publishers/<id>.yaml with 'hosts: [{host}]', its name and "
                          "its class (primary, research, agency, news, reprint or other); see "
                          "CONTRIBUTING.md, 'Adding a publisher'")
                if (archive := f.get("archive")) and (
                        host_of(archive) != "web.archive.org"
                        or not archive.split("://", 1)[1].startswith("web.archive.org/web/")):
                    c.add((*k, "archive"), f"archive must be an Internet Archive snapshot "
                          f"address (got {archive!r})", "copy it from web.archive.org: "
                          "https://web.archive.org/web/<timestamp>/<url>")
                out.append(Reference(title=f["title"], publisher=f["publisher"], url=f["url"],
                                     published=f.get("published"), accessed=f.get("accessed"),
                                     note=f.get("note"), excerpt=f.get("excerpt"),
                                     excerpt_en=f.get("excerpt_en"), language=f.get("language"),
                                     via=f.get("via"), archive=f.get("archive"),
                                     publisher_id=owner))
        return tuple(out)

    def _when(self, c: FieldChecker, rec: dict[str, Any], date_key: str, key: Key = ()
              ) -> When | None:
        date: PartialDate | None = rec.get(date_key)
        if date is None:
            return None
        prec = rec.get("precision")
        if prec and prec != date.precision:
            c.add((*key, "precision"), f"precision is {prec!r} but {date_key} "
                  f"{date.iso()!r} is given to the {date.precision}",
                  {"year": "write the date as YYYY", "month": "write the date as YYYY-MM",
                   "day": "write the date as YYYY-MM-DD"}[prec])
        end, lo, hi = rec.get("end"), rec.get("earliest"), rec.get("latest")
        if end is not None and end.last_day() < date.first_day():
            c.add((*key, "end"), f"end {end.iso()!r} is before {date_key} {date.iso()!r}",
                  "swap them, or fix the typo")
        if lo is not None and lo.first_day() > date.last_day():
            c.add((*key, "earliest"), f"earliest {lo.iso()!r} is after {date_key} {date.iso()!r}")
        if hi is not None and hi.last_day() < date.first_day():
            c.add((*key, "latest"), f"latest {hi.iso()!r} is before {date_key} {date.iso()!r}")
        if lo is not None and hi is not None and hi.last_day() < lo.first_day():
            c.add((*key, "latest"), f"latest {hi.iso()!r} is before earliest {lo.iso()!r}")
        return When(date=date, approximate=rec.get("approximate", False), end=end, earliest=lo,
                    latest=hi, display_text=rec.get("display"))

    def _link(self, kind: str) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for doc, rec in self.records[kind]:
            c = FieldChecker(doc, self.problems)
            before = len(self.problems)
            self._reviewed(c, rec)
            built = getattr(self, f"_link_{kind}")(c, doc, rec)
            if built is not None and len(self.problems) == before:
                out[built.id] = built
        return out

    def _reviewed(self, c: FieldChecker, rec: dict[str, Any]) -> None:
        date: PartialDate | None = rec.get("reviewed")
        if date is not None and date.precision != "day":
            c.add(("reviewed",), f"reviewed must be a whole date, YYYY-MM-DD (got "
                  f"{date.iso()!r})", "give the day the record was checked against its sources")

    def _link_publisher(self, c: FieldChecker, doc: Document, r: dict[str, Any]
                        ) -> Publisher | None:
        if not _has(r, "id", "name", "hosts", "class"):
            return None
        return Publisher(id=r["id"], path=doc.path, name=r["name"],
                         hosts=tuple(normal_host(h) for h in r["hosts"]),
                         source_class=r["class"], note=r.get("note"), reviewed=r.get("reviewed"))

    def _link_source(self, c: FieldChecker, doc: Document, r: dict[str, Any]) -> Source | None:
        st = self.source_texts.get(_stem(doc.path))
        n = len(st.paragraphs) if st else 0
        for i, p in enumerate(r.get("not_body", [])):
            if st and p > n:
                c.add(("not_body", i), f"not_body lists paragraph {p}, but the text has {n}")
        # Coverage depends on not_body: checked only when this file has no other problem, so
        # that one mistake there is not reported twice.
        clean = not any(p.path == doc.path for p in self.problems)
        summaries = self._summaries(c, r, n if st and clean else None)
        when = self._when(c, r, "published")
        if when is None or st is None or not _has(r, "id", "title", "author", "publisher", "url",
                                                  "language", "text", "rights"):
            return None
        return Source(id=r["id"], path=doc.path, title=r["title"], title_note=r.get("title_note"),
                      author=r["author"], publisher=r["publisher"], url=r["url"], published=when,
                      language=r["language"], text=r["text"], paragraphs=st.paragraphs,
                      not_body=tuple(r.get("not_body", [])), rights=r["rights"],
                      note=r.get("note"), summaries=summaries,
                      reviewed=r.get("reviewed"))

    def _summaries(self, c: FieldChecker, r: dict[str, Any], n: int | None
                   ) -> tuple[ParagraphSummary, ...]:
        """`paragraphs:`, when given: one entry per body paragraph, numbered, in order."""
        entries = r.get("paragraphs")
        if not entries:
            return ()
        skip = set(r.get("not_body", []))
        out: list[ParagraphSummary] = []
        last = 0
        for i, p in enumerate(entries):
            for j, ev in enumerate(p.get("events", [])):
                self._ref(c, "event", ev, ("paragraphs", i, "events", j))
            num = p.get("number")
            if num is None or "summary" not in p:
                continue
            if num <= last:
                c.add(("paragraphs", i, "number"), f"paragraph {num} comes after paragraph "
                      f"{last}", "list the paragraphs once each, in the order of the text")
                continue
            if n is not None and num > n:
                c.add(("paragraphs", i, "number"), f"paragraph {num} does not exist: the text "
                      f"has {n}")
            elif num in skip:
                c.add(("paragraphs", i, "number"), f"paragraph {num} is listed in not_body",
                      "summarise body paragraphs only")
            last = num
            out.append(ParagraphSummary(number=num, summary=p["summary"],
                                        events=tuple(p.get("events", []))))
        if n is not None:
            given = {p.number for p in out}
            missing = [k for k in range(1, n + 1) if k not in skip and k not in given]
            if missing:
                c.add(("paragraphs",), "no summary for body paragraph"
                      f"{'s' if len(missing) > 1 else ''} " + ", ".join(map(str, missing)),
                      "add one entry per body paragraph (or list the paragraph in not_body)")
        return tuple(out)

    def _link_event(self, c: FieldChecker, doc: Document, r: dict[str, Any]) -> Event | None:
        actors = []
        for i, a in enumerate(r.get("actors", [])):
            self._ref(c, "actor", a.get("actor"), ("actors", i, "actor"))
            if _has(a, "actor", "role"):
                actors.append(EventActor(actor=a["actor"], role=a["role"]))
        disputes = []
        for i, d in enumerate(r.get("disputed", [])):
            values = tuple(
                DisputedValue(value=v["value"], note=v.get("note"), sources=self._citations(
                    c, v.get("sources", []), ("disputed", i, "values", j, "sources")))
                for j, v in enumerate(d.get("values", [])) if "value" in v)
            if "label" in d:
                disputes.append(Dispute(label=d["label"], values=values, note=d.get("note")))
        sources = self._citations(c, r.get("sources", []), ("sources",))
        for i, p in enumerate(r.get("place", [])):
            # A place written alone has no ("place", 0): its position is the field's.
            self._ref(c, "place", p, ("place", i))
        when = self._when(c, r, "date")
        if when is None or not _has(r, "id", "title", "summary", "kind"):
            return None
        return Event(id=r["id"], path=doc.path, title=r["title"], when=when, summary=r["summary"],
                     kind=r["kind"], places=tuple(r.get("place", [])), actors=tuple(actors),
                     tags=tuple(r.get("tags", [])), sources=sources, disputed=tuple(disputes),
                     key=r.get("key", False), order=r.get("order"),
                     reviewed=r.get("reviewed"))

    def _link_actor(self, c: FieldChecker, doc: Document, r: dict[str, Any]) -> Actor | None:
        roles = []
        for i, role in enumerate(r.get("roles", [])):
            self._ref(c, "actor", role.get("organisation"), ("roles", i, "organisation"))
            start, end = role.get("start"), role.get("end")
            if start and end and end.last_day() < start.first_day():
                c.add(("roles", i, "end"), f"end {end.iso()!r} is before start {start.iso()!r}")
            if "title" in role:
                roles.append(Role(title=role["title"], start=start, end=end,
                                  organisation=role.get("organisation")))
        for i, a in enumerate(r.get("affiliations", [])):
            self._ref(c, "actor", a, ("affiliations", i))
            if a == r.get("id"):
                c.add(("affiliations", i), "an actor cannot be affiliated with itself")
        sources = self._citations(c, r.get("sources", []), ("sources",))
        if not _has(r, "id", "name", "kind", "description"):
            return None
        return Actor(id=r["id"], path=doc.path, name=r["name"], aliases=tuple(r.get("aliases", [])),
                     kind=r["kind"], description=r["description"], roles=tuple(roles),
                     affiliations=tuple(r.get("affiliations", [])), sources=sources,
                     reviewed=r.get("reviewed"))

    def _link_claim(self, c: FieldChecker, doc: Document, r: dict[str, Any]) -> Claim | None:
        for rel, kind in (("supports", "claim"), ("attacks", "claim"), ("evidence", "event"),
                          ("actors", "actor")):
            for i, ident in enumerate(r.get(rel, [])):
                self._ref(c, kind, ident, (rel, i))
                if kind == "claim" and ident == r.get("id"):
                    c.add((rel, i), f"a claim cannot {rel[:-1]} itself")
        self._ref(c, "source", r.get("source"), ("source",))
        quotes = []
        if "source" in r:
            french = r.get("quotes_fr") or []
            for i, q in enumerate(r.get("quotes", [])):
                found = self._quote(c, r["source"], q, ("quotes", i))
                if found:
                    quotes.append(dataclasses.replace(
                        found, translation=french[i] if i < len(french) else None))
        assessment = None
        if a := r.get("assessment"):
            refs = self._citations(c, a.get("references", []), ("assessment", "references"))
            if a.get("verdict") not in (None, "opinion") and not a.get("references"):
                c.add(("assessment",), f"an assessment with verdict {a['verdict']!r} needs at "
                      "least one reference", "cite where the record comes from under references")
            if _has(a, "verdict", "note"):
                assessment = Assessment(verdict=a["verdict"], note=a["note"], references=refs)
        outcome = self._outcome(c, r)
        if not _has(r, "id", "label", "statement", "kind", "source"):
            return None
        return Claim(id=r["id"], path=doc.path, label=r["label"], statement=r["statement"],
                     kind=r["kind"], source=r["source"], quotes=tuple(quotes),
                     supports=tuple(r.get("supports", [])), attacks=tuple(r.get("attacks", [])),
                     evidence=tuple(r.get("evidence", [])), actors=tuple(r.get("actors", [])),
                     assessment=assessment, outcome=outcome, reviewed=r.get("reviewed"))

    def _outcome(self, c: FieldChecker, r: dict[str, Any]) -> Outcome | None:
        """A claim's outcome: its events exist and happened after the article (after the latest
        possible publication date of the claim's source), and as_of is not before them."""
        o = r.get("outcome")
        if not o:
            return None
        refs = self._citations(c, o.get("references", []), ("outcome", "references"))
        after = self._source_latest(r.get("source"))
        if self._event_dates is None:  # built once, and only when a claim has an outcome
            self._event_dates = {_stem(d.path): e.get("date") for d, e in self.records["event"]}
        dates = self._event_dates
        as_of: PartialDate | None = o.get("as_of")
        for i, ident in enumerate(o.get("events", [])):
            self._ref(c, "event", ident, ("outcome", "events", i))
            date: PartialDate | None = dates.get(ident)
            if date is None:
                continue
            if after is not None and date.first_day() <= after:
                c.add(("outcome", "events", i), f"outcome event {ident!r} is dated "
                      f"{date.iso()}, not after the article's latest possible publication date "
                      f"{after.isoformat()}", "an outcome cites what happened after the article; "
                      "list earlier events under the claim's evidence instead")
            if as_of is not None and as_of.last_day() < date.first_day():
                c.add(("outcome", "as_of"), f"as_of {as_of.iso()!r} is before outcome event "
                      f"{ident!r} ({date.iso()})", "as_of is the date the outcome was last "
                      "judged: on or after its latest event")
        if not _has(o, "status", "note") or as_of is None:
            return None
        return Outcome(status=o["status"], note=o["note"], as_of=as_of,
                       events=tuple(o.get("events", [])), references=refs)

    def _source_latest(self, source: str | None) -> dt.date | None:
        """The last day a source can have been published (`latest`, else its date)."""
        for doc, rec in self.records["source"]:
            if _stem(doc.path) == source:
                d: PartialDate | None = rec.get("latest") or rec.get("published")
                return d.last_day() if d is not None else None
        return None

    def _link_term(self, c: FieldChecker, doc: Document, r: dict[str, Any]) -> Term | None:
        self._ref(c, "actor", r.get("actor"), ("actor",))
        sources = self._citations(c, r.get("sources", []), ("sources",))
        if not _has(r, "id", "term", "definition"):
            return None
        return Term(id=r["id"], path=doc.path, term=r["term"], expansion=r.get("expansion"),
                    definition=r["definition"], actor=r.get("actor"), sources=sources,
                    reviewed=r.get("reviewed"))

    def _link_place(self, c: FieldChecker, doc: Document, r: dict[str, Any]) -> Place | None:
        sources = self._citations(c, r.get("sources", []), ("sources",))
        if "geonames" not in r and not sources and r.get("precision") != "representative":
            c.add((), "a place needs a citation for its coordinates",
                  "add 'geonames: <id>' (see scripts/gazetteer.py) or 'sources:'; only a "
                  "representative point of a region or country may go without, with a note")
        if "country" not in r and r.get("kind") != "region":
            c.add((), "missing required field 'country'",
                  "give its ISO 3166-1 alpha-2 code, e.g. country: ML; only a region that "
                  "spans countries goes without")
        if not _has(r, "id", "name", "name_fr", "kind", "lat", "lon", "precision"):
            return None
        if "country" in r:
            for problem in places.check_point(r["country"], r["lat"], r["lon"]):
                c.add(problem.key, problem.message, problem.hint)
        return Place(id=r["id"], path=doc.path, name=r["name"], name_fr=r["name_fr"],
                     kind=r["kind"], country=r.get("country"), lat=r["lat"], lon=r["lon"],
                     precision=r["precision"], geonames=r.get("geonames"), sources=sources,
                     note=r.get("note"), reviewed=r.get("reviewed"))

    def _claim_graph(self, claims: dict[str, Claim]) -> None:
        """No cycle of support; every claim linked, through supports/attacks, to a thesis."""
        recs = {_stem(d.path): (d, r) for d, r in self.records["claim"]}
        support = {i: [t for t in r.get("supports", []) if t in recs] for i, (_, r) in recs.items()}
        state: dict[str, int] = {}
        reported: set[frozenset[str]] = set()

        def visit(node: str, trail: list[str]) -> None:
            state[node] = 1
            for nxt in support.get(node, []):
                if state.get(nxt) == 1:
                    cycle = [*trail[trail.index(nxt):], nxt]
                    if frozenset(cycle) not in reported:
                        reported.add(frozenset(cycle))
                        doc, r = recs[node]
                        c = FieldChecker(doc, self.problems)
                        c.add(("supports", r["supports"].index(nxt)),
                              "claims support each other in a cycle: " + " → ".join(cycle),
                              "support runs from evidence up to the thesis; remove one link")
                elif nxt not in state:
                    visit(nxt, [*trail, nxt])
            state[node] = 2

        for ident in sorted(support):
            if ident not in state:
                visit(ident, [ident])
        theses = {i for i, (_, r) in recs.items() if r.get("kind") == "thesis"}
        if not theses or not recs:
            return
        neighbours: dict[str, set[str]] = {i: set() for i in recs}
        for i, (_, r) in recs.items():
            for t in (*r.get("supports", []), *r.get("attacks", [])):
                if t in recs:
                    neighbours[i].add(t)
                    neighbours[t].add(i)
        seen, todo = set(theses), list(theses)
        while todo:
            for n in neighbours[todo.pop()]:
                if n not in seen:
                    seen.add(n)
                    todo.append(n)
        for i in sorted(set(recs) - seen):
            doc, _ = recs[i]
            FieldChecker(doc, self.problems).add(
                (), "claim is not connected to the argument",
                "add 'supports:' or 'attacks:' with the id of the claim it bears on; every claim "
                "must lead to the thesis")


def _has(rec: dict[str, Any], *names: str) -> bool:
    return rec.keys() >= set(names)
