"""The validated records, as frozen dataclasses, and the corpus that indexes them. No I/O."""

from __future__ import annotations

from dataclasses import dataclass, field

from explainer.data.dates import PartialDate, When
from explainer.data.problems import Problem
from explainer.data.translations import Status


@dataclass(frozen=True, kw_only=True, slots=True)
class Quote:
    """Words from a source text, found verbatim, with where they stand in it."""

    source: str
    text: str
    paragraph: int
    start: int
    end: int
    #: our translation of the words, on the French site (shown beside them, labelled as ours)
    translation: str | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class ArticleCitation:
    quote: Quote
    note: str | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Reference:
    title: str
    publisher: str
    url: str
    published: PartialDate | None = None
    accessed: PartialDate | None = None
    note: str | None = None
    excerpt: str | None = None
    excerpt_en: str | None = None
    language: str | None = None
    via: str | None = None
    archive: str | None = None
    #: the id of the publisher its URL's host maps to (set by the validator; None outside it).
    #: A maintainer's `comment` is deliberately not in the model: it can never be rendered.
    publisher_id: str | None = None


Citation = ArticleCitation | Reference


@dataclass(frozen=True, kw_only=True, slots=True)
class ParagraphSummary:
    """Our summary of one body paragraph of a source, and events it refers to."""

    number: int
    summary: str
    events: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True, slots=True)
class Source:
    id: str
    path: str
    title: str
    title_note: str | None
    author: str
    publisher: str
    url: str
    published: When
    language: str
    text: str
    paragraphs: tuple[str, ...]
    not_body: tuple[int, ...]
    rights: str
    note: str | None = None
    #: Our summary of each body paragraph (the `paragraphs:` list of the record), in order.
    summaries: tuple[ParagraphSummary, ...] = ()
    reviewed: PartialDate | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class EventActor:
    actor: str
    role: str


@dataclass(frozen=True, kw_only=True, slots=True)
class DisputedValue:
    value: str
    sources: tuple[Citation, ...]
    note: str | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Dispute:
    label: str
    values: tuple[DisputedValue, ...]
    note: str | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Event:
    id: str
    path: str
    title: str
    when: When
    summary: str
    kind: str
    places: tuple[str, ...]  # place ids
    actors: tuple[EventActor, ...]
    tags: tuple[str, ...]
    sources: tuple[Citation, ...]
    disputed: tuple[Dispute, ...] = ()
    #: A key event, which stands out on the timeline (coups always do).
    key: bool = False
    #: Tie-break between events at the same place in date order (lower first), before the id.
    order: int | None = None
    reviewed: PartialDate | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Place:
    """Where events happened: a named point, with how exact it is and where it comes from."""

    id: str
    path: str
    name: str
    name_fr: str
    kind: str
    country: str | None  # ISO 3166-1 alpha-2; None for a region across countries
    lat: float
    lon: float
    precision: str
    geonames: int | None = None
    sources: tuple[Citation, ...] = ()
    note: str | None = None
    reviewed: PartialDate | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Role:
    title: str
    start: PartialDate | None = None
    end: PartialDate | None = None
    organisation: str | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Actor:
    id: str
    path: str
    name: str
    aliases: tuple[str, ...]
    kind: str
    description: str
    roles: tuple[Role, ...]
    affiliations: tuple[str, ...]
    sources: tuple[Citation, ...]
    reviewed: PartialDate | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Assessment:
    verdict: str
    note: str
    references: tuple[Citation, ...] = ()


@dataclass(frozen=True, kw_only=True, slots=True)
class Outcome:
    """What happened after the article to a claim; distinct from its verdict (true when
    written)."""

    status: str
    note: str
    as_of: PartialDate
    events: tuple[str, ...] = ()
    references: tuple[Citation, ...] = ()


@dataclass(frozen=True, kw_only=True, slots=True)
class Claim:
    id: str
    path: str
    label: str
    statement: str
    kind: str
    source: str
    quotes: tuple[Quote, ...]
    supports: tuple[str, ...] = ()
    attacks: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    assessment: Assessment | None = None
    reviewed: PartialDate | None = None
    outcome: Outcome | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Term:
    id: str
    path: str
    term: str
    expansion: str | None
    definition: str
    actor: str | None = None
    sources: tuple[Citation, ...] = ()
    reviewed: PartialDate | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Publisher:
    """Who publishes on some hosts, and what kind of source that is (schema.SOURCE_CLASSES)."""

    id: str
    path: str
    name: str
    hosts: tuple[str, ...]
    source_class: str
    note: str | None = None
    reviewed: PartialDate | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Corpus:
    """Every record, sorted, with the reverse indexes pages need (events of an actor, ...)."""

    sources: dict[str, Source]
    events: dict[str, Event]
    actors: dict[str, Actor]
    claims: dict[str, Claim]
    terms: dict[str, Term]
    events_by_actor: dict[str, tuple[str, ...]] = field(default_factory=dict)
    claims_by_actor: dict[str, tuple[str, ...]] = field(default_factory=dict)
    claims_by_event: dict[str, tuple[str, ...]] = field(default_factory=dict)
    supporters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    attackers: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: reverse affiliations: for each actor, the actors affiliated with it
    members: dict[str, tuple[str, ...]] = field(default_factory=dict)
    publishers: dict[str, Publisher] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    events_by_place: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: findings that are reported but do not stop the build (the class rules, until enforced)
    advisories: tuple[Problem, ...] = ()
    #: the language of the records' text ("fr": the French edition's corpus), and how far each
    #: record's translation has come, by record path
    lang: str = "en"
    translations: dict[str, Status] = field(default_factory=dict)
    #: what `explainer check` warns about the French: missing, stale or extra passages
    translation_warnings: tuple[Problem, ...] = ()

    def places_of(self, e: Event) -> list[Place]:
        """The event's places, in its order (the validator has checked every id)."""
        return [self.places[p] for p in e.places if p in self.places]

    @classmethod
    def build(cls, *, sources: dict[str, Source], events: dict[str, Event],
              actors: dict[str, Actor], claims: dict[str, Claim], terms: dict[str, Term],
              publishers: dict[str, Publisher] | None = None,
              places: dict[str, Place] | None = None) -> Corpus:
        """Sort the records (events by date) and index who points at whom."""
        ordered = dict(sorted(events.items(), key=lambda kv: (
            kv[1].when.sort_key(), kv[1].order is None, kv[1].order or 0, kv[0])))
        by_actor: dict[str, list[str]] = {}
        by_place: dict[str, list[str]] = {}
        for e in ordered.values():
            for a in dict.fromkeys(x.actor for x in e.actors):
                by_actor.setdefault(a, []).append(e.id)
            for p in dict.fromkeys(e.places):
                by_place.setdefault(p, []).append(e.id)
        claims_sorted = dict(sorted(claims.items()))
        c_actor: dict[str, list[str]] = {}
        c_event: dict[str, list[str]] = {}
        sup: dict[str, list[str]] = {}
        att: dict[str, list[str]] = {}
        for c in claims_sorted.values():
            for a in c.actors:
                c_actor.setdefault(a, []).append(c.id)
            for ev in c.evidence:
                c_event.setdefault(ev, []).append(c.id)
            for t in c.supports:
                sup.setdefault(t, []).append(c.id)
            for t in c.attacks:
                att.setdefault(t, []).append(c.id)

        actors_sorted = dict(sorted(actors.items()))
        members: dict[str, list[str]] = {}
        for actor in actors_sorted.values():
            for org in actor.affiliations:
                members.setdefault(org, []).append(actor.id)

        def freeze(d: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
            return {k: tuple(v) for k, v in sorted(d.items())}

        return cls(
            sources=dict(sorted(sources.items())), events=ordered,
            actors=actors_sorted, claims=claims_sorted,
            terms=dict(sorted(terms.items(), key=lambda kv: (kv[1].term.casefold(), kv[0]))),
            events_by_actor=freeze(by_actor), claims_by_actor=freeze(c_actor),
            claims_by_event=freeze(c_event), supporters=freeze(sup), attackers=freeze(att),
            members=freeze(members), publishers=dict(sorted((publishers or {}).items())),
            places=dict(sorted((places or {}).items())), events_by_place=freeze(by_place),
        )


QuotingRecord = Event | Actor | Claim | Term


def record_quotes(corpus: Corpus) -> list[tuple[QuotingRecord, Quote]]:
    """Every quote on the site with the record that uses it: events, actors, claims, terms."""
    out: list[tuple[QuotingRecord, Quote]] = []

    def cite(rec: QuotingRecord, items: tuple[Citation, ...]) -> None:
        out.extend((rec, c.quote) for c in items if isinstance(c, ArticleCitation))

    for e in corpus.events.values():
        cite(e, e.sources)
        for d in e.disputed:
            for v in d.values:
                cite(e, v.sources)
    for a in corpus.actors.values():
        cite(a, a.sources)
    for c in corpus.claims.values():
        out.extend((c, q) for q in c.quotes)
        if c.assessment:
            cite(c, c.assessment.references)
        if c.outcome:
            cite(c, c.outcome.references)
    for t in corpus.terms.values():
        cite(t, t.sources)
    return out
