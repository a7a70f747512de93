"""Valid synthetic datasets of any size, for benchmarks and scale tests. Deterministic from a seed.

`dataset(events=1000, seed=1)` gives {relative path: text}; `write(out, ...)` puts it on disk
as a data folder that `explainer check` accepts. Actors, claims, glossary terms, sources and
quotes grow in proportion to the events; quotes are sentences of a synthetic source text.
Run as `python -m explainer.tools.synthetic OUT --events 1000 [--seed 0]`.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from explainer.data import schema as s
from explainer.data import translations

FIRST_YEAR, LAST_YEAR = 1950, 2024
#: Every synthetic source is published in June 2021: events dated later can be outcome events.
ARTICLE_LATEST, OUTCOME_AS_OF = "2021-06-30", "2025-01-01"

_SYLLABLES = ("ba", "ko", "ma", "li", "sa", "do", "ra", "ne", "ti", "gu", "se", "fa", "mo",
              "ka", "ze", "lu", "vi", "no", "pe", "ha", "ri", "ta", "be", "ou")
_NOUNS = ("council", "army", "assembly", "court", "union", "ministry", "party", "front",
          "mission", "committee", "agency", "alliance", "movement", "bank", "guard")
_VERBS = ("meets", "signs an accord", "announces reforms", "holds talks", "suspends aid",
          "appoints a minister", "calls for elections", "rejects the charter",
          "issues a statement", "deploys troops", "opens an inquiry", "lifts sanctions")
_COMMON = ("the", "of", "and", "in", "a", "to", "after", "with", "for", "against", "over",
           "government", "transition", "elections", "security", "region", "capital", "power",
           "officers", "president", "talks", "crisis", "aid", "charter", "reform")
_PLAIN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 .,-]*$")
#: Real places (GeoNames points), so that the map and the validator's country check see real
#: geography: (id, name, kind, country, lat, lon, GeoNames id).
_PLACES = (
    ("bamako", "Bamako", "capital", "ML", 12.60915, -7.97522, 2460596),
    ("kati", "Kati", "town", "ML", 12.74409, -8.07257, 2455558),
    ("gao", "Gao", "city", "ML", 16.27167, -0.04472, 2457163),
    ("timbuktu", "Timbuktu", "city", "ML", 16.77348, -3.00742, 2449067),
    ("mopti", "Mopti", "city", "ML", 14.4843, -4.18296, 2453348),
    ("kidal", "Kidal", "town", "ML", 18.44345, 1.40921, 2455290),
    ("kayes", "Kayes", "city", "ML", 14.44776, -11.44393, 2455518),
    ("sikasso", "Sikasso", "city", "ML", 11.31755, -5.66654, 2451185),
    ("niamey", "Niamey", "capital", "NE", 13.51366, 2.1098, 2440485),
    ("ouagadougou", "Ouagadougou", "capital", "BF", 12.36566, -1.53388, 2357048),
    ("conakry", "Conakry", "capital", "GN", 9.53795, -13.67729, 2422465),
    ("dakar", "Dakar", "capital", "SN", 14.6937, -17.44406, 2253354),
    ("abuja", "Abuja", "capital", "NG", 9.05785, 7.49508, 2352778),
    ("paris", "Paris", "capital", "FR", 48.85341, 2.3488, 2988507),
)
_PUBLISHERS = ("Example Wire", "Sample Gazette", "The Placeholder Times", "Fixture Radio")


@dataclass(frozen=True, kw_only=True, slots=True)
class Sizes:
    events: int
    actors: int
    claims: int
    terms: int
    sources: int


def sizes_for(events: int) -> Sizes:
    """Record counts in proportion to the events (roughly the shape of the real data)."""
    return Sizes(events=events, actors=max(6, events // 5), claims=max(4, events // 10),
                 terms=max(2, events // 20), sources=max(1, events // 2000))


class _Gen:
    def __init__(self, sizes: Sizes, seed: int) -> None:
        self.n = sizes
        self.rnd = random.Random(seed)
        self.files: dict[str, str] = {}
        self.sentences: dict[str, list[str]] = {}  # source id -> its sentences
        self.later: list[str] = []  # ids of events after the sources' publication

    def word(self) -> str:
        r = self.rnd
        return "".join(r.choice(_SYLLABLES) for _ in range(r.randint(2, 3)))

    def name(self) -> str:
        return self.word().capitalize()

    def sentence(self, lo: int = 8, hi: int = 18) -> str:
        r = self.rnd
        words = [r.choice(_COMMON) if r.random() < 0.6 else self.word()
                 for _ in range(r.randint(lo, hi))]
        return " ".join(words).capitalize() + "."

    def prose(self, sentences: int) -> str:
        return " ".join(self.sentence() for _ in range(sentences))

    def date(self, year: int | None = None) -> tuple[str, str]:
        r = self.rnd
        y = year if year is not None else r.randint(FIRST_YEAR, LAST_YEAR)
        p = r.random()
        if p < 0.7:
            return f"{y:04d}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}", "day"
        if p < 0.9:
            return f"{y:04d}-{r.randint(1, 12):02d}", "month"
        return f"{y:04d}", "year"

    def reference(self, i: int) -> dict[str, Any]:
        r = self.rnd
        ref: dict[str, Any] = {"title": self.sentence(4, 9)[:-1],
                               "publisher": r.choice(_PUBLISHERS),
                               "url": f"https://example.org/news/{i}/{self.word()}"}
        if r.random() < 0.5:
            ref["published"] = self.date()[0]
        return ref

    def quote(self, source: str) -> str:
        """Words copied from the source text: a whole sentence, or a run of its words."""
        r = self.rnd
        sentence = r.choice(self.sentences[source])
        words = sentence.split()
        if r.random() < 0.5 or len(words) < 6:
            return sentence
        start = r.randint(0, len(words) - 5)
        return " ".join(words[start: start + r.randint(4, len(words) - start)])

    def article_citation(self, source: str) -> dict[str, Any]:
        return {"source": source, "quote": self.quote(source)}

    def citations(self, i: int, quote_share: float) -> list[dict[str, Any]]:
        r = self.rnd
        out = [self.reference(i * 10 + k) for k in range(r.randint(1, 2))]
        if r.random() < quote_share:
            out.insert(0, self.article_citation(self.source_id(r.randrange(self.n.sources))))
        return out

    def put(self, kind: str, ident: str, record: dict[str, Any]) -> None:
        record = {**record, "reviewed": REVIEWED}  # a fixed date: the dataset stays seeded
        if kind in s.TRANSLATED_KINDS and (french := _french(kind, record)):
            record[s.TRANSLATION] = french
        header = s.SCHEMA_LINE.format(kind=kind)
        self.files[f"{s.FOLDERS[kind]}/{ident}.yaml"] = f"{header}\n{_yaml(record, 0)}"

    def source_id(self, i: int) -> str:
        return f"source-{i:03d}"

    def actor_id(self, i: int) -> str:
        return f"actor-{i:05d}"

    def event_id(self, i: int) -> str:
        return f"event-{i:05d}"

    def claim_id(self, i: int) -> str:
        return f"claim-{i:05d}"

    def generate(self) -> dict[str, str]:
        self._sources()
        self._actors()
        self._events()
        self._claims()
        self._terms()
        for ident, name, kind, country, lat, lon, geonames in _PLACES:
            self.put("place", ident, {"id": ident, "name": name, "name_fr": name, "kind": kind,
                                      "country": country, "lat": str(lat), "lon": str(lon),
                                      "precision": "locality", "geonames": str(geonames)})
        # Every reference cites example.org: one publisher covers them (no random draw, so the
        # rest of the dataset is what it was before publishers existed).
        self.put("publisher", "example-news", {
            "id": "example-news", "name": "Example News", "hosts": ["example.org"],
            "class": "news", "note": "A made-up newspaper that every synthetic reference cites."})
        return dict(sorted(self.files.items()))

    def _sources(self) -> None:
        # Enough text that quotes repeat rarely: one paragraph per ten events of the share.
        paragraphs = max(20, self.n.events // (10 * self.n.sources))
        for i in range(self.n.sources):
            ident = self.source_id(i)
            paras = [[self.sentence() for _ in range(self.rnd.randint(3, 6))]
                     for _ in range(paragraphs)]
            self.sentences[ident] = [x for p in paras for x in p]
            text = f"Synthetic article {i}\n\n" + "\n\n".join(" ".join(p) for p in paras) + "\n"
            self.files[f"sources/{ident}.txt"] = text
            self.put("source", ident, {
                "id": ident, "title": f"Synthetic article {i}", "author": f"{self.name()} "
                f"{self.name()}", "publisher": "The Synthetic Review",
                "url": f"https://example.org/articles/{i}", "published": "2021-06",
                "precision": "month", "language": "en", "text": f"{ident}.txt",
                "not_body": ["1"], "rights": "Synthetic text, free to quote.",
                "paragraphs": [{"number": str(n), "summary": f"What paragraph {n} says."}
                               for n in range(2, paragraphs + 2)]})

    def _actors(self) -> None:
        r = self.rnd
        orgs = max(1, self.n.actors // 4)
        for i in range(self.n.actors):
            ident = self.actor_id(i)
            person = i >= orgs
            rec: dict[str, Any] = {"id": ident}
            if person:
                rec["name"] = f"{self.name()} {self.name()}"
                if r.random() < 0.3:
                    rec["aliases"] = [f"{self.name()} {self.name()}"]
                rec["kind"] = "person"
            else:
                rec["name"] = f"{self.name()} {r.choice(_NOUNS)}"
                rec["kind"] = r.choice([k for k in s.ACTOR_KINDS if k != "person"])
            rec["description"] = self.prose(r.randint(1, 3))
            if person and r.random() < 0.6:
                start = r.randint(FIRST_YEAR, LAST_YEAR - 1)
                rec["roles"] = [{"title": f"Member of the {r.choice(_NOUNS)}",
                                 "start": str(start), "end": str(r.randint(start, LAST_YEAR)),
                                 "organisation": self.actor_id(r.randrange(orgs))}]
            if person and r.random() < 0.5:
                rec["affiliations"] = [self.actor_id(r.randrange(orgs))]
            rec["sources"] = self.citations(i, 0.3)
            self.put("actor", ident, rec)

    def _pick_actors(self, k: int) -> list[str]:
        # A few prominent actors take part in many events, as a country or an army does.
        r = self.rnd
        picked: list[str] = []
        while len(picked) < k:
            i = r.randrange(5) if r.random() < 0.2 else r.randrange(self.n.actors)
            if self.actor_id(i) not in picked:
                picked.append(self.actor_id(i))
        return picked

    def _events(self) -> None:
        r = self.rnd
        for i in range(self.n.events):
            ident = self.event_id(i)
            date, precision = self.date()
            rec: dict[str, Any] = {"id": ident,
                                   "title": f"The {self.name()} {r.choice(_NOUNS)} "
                                   f"{r.choice(_VERBS)}",
                                   "date": date, "precision": precision}
            if r.random() < 0.05:
                rec["approximate"] = "true"
            if precision == "day" and r.random() < 0.1:
                rec["end"] = f"{date[:8]}{min(28, int(date[8:]) + r.randint(0, 3)):02d}"
            summary = self.prose(r.randint(2, 4))
            if r.random() < 0.2:
                summary += f" See [the report](https://example.org/reports/{i})."
            rec["summary"] = summary
            rec["kind"] = r.choice(s.EVENT_KINDS)
            rec["place"] = r.choice(_PLACES)[0]
            rec["actors"] = [{"actor": a, "role": r.choice(_VERBS)}
                             for a in self._pick_actors(r.randint(1, 3))]
            if r.random() < 0.5:
                rec["tags"] = [f"tag-{r.randrange(40)}"]
            rec["sources"] = self.citations(i, 0.5)
            if r.random() < 0.05:
                rec["disputed"] = [{"label": "Number of people", "values": [
                    {"value": str(r.randint(1, 500)), "sources": [self.reference(i * 10 + 7)]},
                    {"value": str(r.randint(501, 5000)), "sources": [self.reference(i * 10 + 8)]},
                ], "note": self.sentence()}]
            if date > ARTICLE_LATEST:  # after the article: an outcome may cite it
                self.later.append(ident)
            self.put("event", ident, rec)

    def _claims(self) -> None:
        # Each source has a thesis; every other claim supports or attacks an earlier claim of
        # the same source, so support never cycles and every claim reaches a thesis.
        r = self.rnd
        by_source: dict[int, list[int]] = {}
        for i in range(self.n.claims):
            src = i % self.n.sources
            earlier = by_source.setdefault(src, [])
            kind = "thesis" if not earlier else r.choice(
                [k for k in s.CLAIM_KINDS if k != "thesis"])
            rec: dict[str, Any] = {"id": self.claim_id(i),
                                   "label": f"{self.name()} {r.choice(_NOUNS)} "
                                   f"{r.choice(_VERBS)}"[:70],
                                   "statement": self.prose(r.randint(1, 3)), "kind": kind,
                                   "source": self.source_id(src),
                                   "quotes": [self.quote(self.source_id(src))
                                              for _ in range(r.randint(1, 2))]}
            if earlier:
                rel = "attacks" if kind in ("opposing-view", "rebuttal") else "supports"
                rec[rel] = [self.claim_id(r.choice(earlier))]
            if r.random() < 0.5:
                rec["evidence"] = sorted({self.event_id(r.randrange(self.n.events))
                                          for _ in range(r.randint(1, 3))})
            if r.random() < 0.5:
                rec["actors"] = self._pick_actors(r.randint(1, 2))
            if r.random() < 0.6:
                verdict = r.choice(s.VERDICTS)
                assessment: dict[str, Any] = {"verdict": verdict, "note": self.prose(2)}
                if verdict != "opinion":
                    assessment["references"] = [self.reference(i * 10 + 9)]
                rec["assessment"] = assessment
            if i % 3 == 1 and self.later:
                # No random draw: the rest of the dataset stays what it was before outcomes.
                rec["outcome"] = {
                    "status": s.OUTCOME_STATUSES[i % len(s.OUTCOME_STATUSES)],
                    "note": f"Later events bear on claim {i}.",
                    "events": sorted({self.later[(i * 7) % len(self.later)],
                                      self.later[(i * 13) % len(self.later)]}),
                    "as_of": OUTCOME_AS_OF}
            earlier.append(i)
            self.put("claim", self.claim_id(i), rec)

    def _terms(self) -> None:
        r = self.rnd
        for i in range(self.n.terms):
            ident = f"term-{i:05d}"
            rec: dict[str, Any] = {"id": ident}
            if r.random() < 0.5:
                rec["term"] = f"X{_letters(i)}"
                rec["expansion"] = f"{self.name()} {r.choice(_NOUNS)} of {self.name()}"
            else:
                rec["term"] = f"{self.word()} {_letters(i).lower()}"
            rec["definition"] = self.prose(r.randint(1, 2))
            if r.random() < 0.3:
                rec["actor"] = self.actor_id(r.randrange(self.n.actors))
            if r.random() < 0.5:
                rec["sources"] = self.citations(i, 0.3)
            self.put("term", ident, rec)


#: When every synthetic record was "last checked against its sources".
REVIEWED = "2026-01-01"


def _french(kind: str, record: dict[str, Any]) -> dict[str, Any] | None:
    """A stamped `fr:` block for a record, as long as its English (the same words: the French
    edition's pages then weigh what translated ones would); None with nothing to translate."""
    passages = translations.english(kind, record)
    if not passages:
        return None
    block: dict[str, Any] = {s.FINGERPRINT: translations.fingerprint(passages)}
    for key, text in passages:
        node: Any = block
        for k, after in zip(key, (*key[1:], None), strict=True):
            empty: Any = [] if isinstance(after, int) else {}
            if isinstance(k, int):
                while len(node) <= k:
                    node.append({})
                if after is None:
                    node[k] = text
                elif not node[k]:
                    node[k] = empty
            elif after is None:
                node[k] = text
            else:
                node.setdefault(k, empty)
            if after is not None:
                node = node[k]
    return block


def _letters(i: int) -> str:
    """0 -> A, 25 -> Z, 26 -> BA: distinct capitals for each index."""
    out = ""
    while True:
        out = chr(ord("A") + i % 26) + out
        i //= 26
        if not i:
            return out


def _scalar(v: str) -> str:
    # Plain when nothing in it is YAML syntax, as people write; otherwise a JSON string, which
    # is a valid YAML double-quoted scalar.
    if _PLAIN.match(v) and v not in ("null", "Null", "NULL"):
        return v
    return json.dumps(v, ensure_ascii=False)


def _yaml(value: Any, indent: int) -> str:
    """Block-style YAML of nested dicts and lists of strings, with every string quoted."""
    pad = " " * indent
    lines: list[str] = []
    if isinstance(value, dict):
        for k, v in value.items():
            if isinstance(v, (dict, list)):
                lines.append(f"{pad}{k}:\n{_yaml(v, indent + 2)}")
            else:
                lines.append(f"{pad}{k}: {_scalar(v)}\n")
    else:
        for item in value:
            if item == {}:
                lines.append(f"{pad}- {{}}\n")
            elif isinstance(item, dict):
                body = _yaml(item, indent + 2)
                lines.append(f"{pad}- {body[indent + 2:]}")
            else:
                lines.append(f"{pad}- {_scalar(item)}\n")
    return "".join(lines)


def dataset(events: int, *, seed: int = 0) -> dict[str, str]:
    """Every file of a valid data folder with `events` events: {relative path: text}."""
    return _Gen(sizes_for(events), seed).generate()


def write(out: Path, events: int, *, seed: int = 0) -> Sizes:
    """Write a valid data folder with `events` events into `out` (created if missing)."""
    for rel, text in dataset(events, seed=seed).items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    return sizes_for(events)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m explainer.tools.synthetic", description=__doc__)
    p.add_argument("out", type=Path, help="data folder to write (created if missing)")
    p.add_argument("--events", type=int, default=1000)
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args(argv)
    sizes = write(args.out, args.events, seed=args.seed)
    print(f"{args.out}: {sizes.events} events, {sizes.actors} actors, {sizes.claims} claims, "
          f"{sizes.terms} terms, {sizes.sources} sources")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
