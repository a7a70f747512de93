"""`explainer new event|actor|claim`: write a new record that passes the check at once.

Essentials come from options, or from prompts when run in a terminal. Nothing is invented:
a citation must be given (a quote from a kept source text, or an external reference); a
placeholder (today's date, a summary that repeats the title) is marked `# TODO: review`.
The file is checked before the command returns; if it does not pass, it is removed again.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import unicodedata
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path

from explainer.build import display_path, read_corpus
from explainer.data import schema as s
from explainer.data import translations
from explainer.data.dates import parse_date
from explainer.data.ids import record_id
from explainer.data.problems import DataError, format_problems
from explainer.data.validate import REVIEW_MARKER

KINDS = ("event", "actor", "claim")
TODO = "# TODO: review"
_PLAIN_PUNCTUATION = set(" ,.()'’/:?=&%+_~-")
_RESERVED = {"actor": {"index"}}


class Refusal(Exception):
    """A missing essential: the message says which option gives it."""


def today() -> dt.date:
    """Today's date; tests replace it."""
    return dt.date.today()


def slug(text: str, limit: int = 60) -> str:
    """'The AU suspends Mali!' -> 'the-au-suspends-mali'; accents folded, cut at a hyphen."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", text)
                     if not unicodedata.combining(c))
    out = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    if len(out) > limit:
        out = out[:limit].rsplit("-", 1)[0] if "-" in out[:limit] else out[:limit]
    return out


def free_id(folder: Path, base: str, reserved: Collection[str] = s.RESERVED_IDS) -> str:
    """`base`, or `base-2`, `base-3`, … : the first id with no file in `folder`."""
    ident, n = base, 1
    while (folder / f"{ident}.yaml").exists() or ident in reserved:
        n += 1
        ident = f"{base}-{n}"
    return ident


def scalar(value: str) -> str:
    """A YAML scalar that reads back as exactly `value` (double-quoted unless plainly safe)."""
    plain = (value[:1].isalnum() and all(c.isalnum() or c in _PLAIN_PUNCTUATION for c in value)
             and ": " not in value and not value.endswith((":", " "))
             and value.lower() not in ("null", "true", "false", "yes", "no", "on", "off"))
    if plain:
        return value
    return json.dumps(value, ensure_ascii=False)


@dataclass(kw_only=True)
class Draft:
    """The lines of a new record, with what the contributor should look at next."""

    kind: str
    ident: str
    lines: list[str] = field(default_factory=list)
    todo: list[str] = field(default_factory=list)

    def add(self, key: str, value: str, indent: int = 0, todo: str = "") -> None:
        if todo:
            self.lines.append(" " * indent + f"{TODO}: {todo}")
            self.todo.append(f"{key}: {todo}")
        self.lines.append(" " * indent + f"{key}: {scalar(value)}")

    def text(self) -> str:
        return "\n".join([s.SCHEMA_LINE.format(kind=self.kind), *self.lines]) + "\n"


Ask = Callable[[str, str], str]


def _no_prompt(question: str, default: str) -> str:
    return default


def _prompt(question: str, default: str) -> str:
    shown = f" [{default}]" if default else ""
    try:
        answer = input(f"{question}{shown}: ").strip()
    except EOFError:
        answer = ""
    return answer or default


def _need(value: str | None, ask: Ask, question: str, option: str, why: str = "") -> str:
    value = value or ask(question, "")
    if not value:
        raise Refusal(f"{option} is needed{why}")
    return value


def _source_id(args: argparse.Namespace, data: Path) -> str:
    if args.source:
        return str(args.source)
    ids = sorted(p.stem for p in (data / s.FOLDERS["source"]).glob("*.yaml"))
    if len(ids) == 1:
        return ids[0]
    raise Refusal("--source is needed: the id of the source the quote comes from "
                  f"(one of: {', '.join(ids) or 'none yet'})")


def _citations(d: Draft, args: argparse.Namespace, data: Path, ask: Ask, key: str) -> None:
    """`sources:` from --quote (a kept source text) and/or --ref-url/--ref-title/--ref-publisher."""
    quotes: list[str] = list(args.quote or [])
    ref = (args.ref_url, args.ref_title, args.ref_publisher)
    if not quotes and not any(ref):
        q = ask("Exact words from the source that support this (or Enter to cite a web page "
                "instead)", "")
        if q:
            quotes.append(q)
        else:
            ref = (ask("Reference URL (https://…)", ""), ask("Title of that page", ""),
                   ask("Its publisher", ""))
    if not quotes and not any(ref):
        raise Refusal("a citation is needed: give --quote \"exact words\" from a source text "
                      "(with --source ID if there are several), or an external reference with "
                      "--ref-url, --ref-title and --ref-publisher (and --ref-published if known)")
    if any(ref) and not all(ref):
        missing = [o for o, v in zip(("--ref-url", "--ref-title", "--ref-publisher"), ref,
                                     strict=True) if not v]
        raise Refusal(f"an external reference needs {', '.join(missing)} as well")
    d.lines.append(f"{key}:")
    if quotes:
        source = _source_id(args, data)
        for q in quotes:
            d.lines.append(f"  - source: {source}")
            d.lines.append(f"    quote: {scalar(q)}")
    if all(ref):
        d.lines.append(f"  - title: {scalar(ref[1])}")
        d.lines.append(f"    publisher: {scalar(ref[2])}")
        d.lines.append(f"    url: {scalar(ref[0])}")
        if args.ref_published:
            d.lines.append(f"    published: {scalar(args.ref_published)}")
        if args.ref_excerpt:
            d.lines.append(f"    excerpt: {scalar(args.ref_excerpt)}")


def _date(value: str | None, ask: Ask) -> tuple[str, str]:
    """(date, todo): the given date, or today's as a placeholder to review."""
    placeholder = today().isoformat()
    value = value or ask("Date (YYYY, YYYY-MM or YYYY-MM-DD)", placeholder)
    try:
        parse_date(value)
    except ValueError as e:
        raise Refusal(f"--date {e} (got {value!r}), e.g. 2021-05-24, 2021-05 or 2021") from None
    todo = "today's date, a placeholder; put the date of the event" if value == placeholder \
        else ""
    return value, todo


def _precision(date: str) -> str:
    return s.PRECISIONS[date.count("-")]


def _draft_event(args: argparse.Namespace, data: Path, ask: Ask) -> Draft:
    title = _need(args.title, ask, "Title (one line: what happened)", "--title")
    date, todo = _date(args.date, ask)
    year = None if todo else parse_date(date).year  # not from a placeholder date
    d = Draft(kind="event", ident=args.id or free_id(data / "events", record_id(title, year)))
    d.lines.append(f"id: {d.ident}")
    d.add("title", title)
    d.add("date", date, todo=todo)
    d.add("precision", _precision(date))
    summary = args.summary or ask("Summary (two to four neutral sentences)", "")
    d.add("summary", summary or title,
          todo="" if summary else "the summary repeats the title; write two to four neutral "
          "sentences")
    kind = args.kind or ask(f"Kind ({', '.join(s.EVENT_KINDS)})", "other")
    d.add("kind", kind, todo="" if args.kind or kind != "other" else "kind 'other' is a "
          "placeholder; pick the closest kind")
    default = next(iter(sorted(p.stem for p in (data / "places").glob("*.yaml"))), "mali")
    place = args.place or ask("Place id (a file name in data/places/)", "")
    d.add("place", place or default, todo="" if place else "the place is a placeholder; give "
          "the id of the place where it happened (data/places/)")
    if args.actor:
        d.lines.append("actors:")
        for spec in args.actor:
            ident, _, role = (part.strip() for part in spec.partition(":"))
            d.lines.append(f"  - actor: {ident}")
            d.add("role", role or "took part", indent=4,
                  todo="" if role else f"say what {ident} did (--actor '{ident}: role')")
    if args.tag:
        d.lines.append(f"tags: [{', '.join(args.tag)}]")
    _citations(d, args, data, ask, "sources")
    return d


def _draft_actor(args: argparse.Namespace, data: Path, ask: Ask) -> Draft:
    name = _need(args.name, ask, "Name, correctly spelled", "--name")
    kind = _need(args.kind, ask, f"Kind ({', '.join(s.ACTOR_KINDS)})", "--kind",
                 f" (one of {', '.join(s.ACTOR_KINDS)})")
    description = _need(args.description, ask, "Description (neutral, one or two sentences)",
                        "--description", ": one or two neutral sentences")
    d = Draft(kind="actor", ident=args.id or free_id(data / "actors", slug(name),
                                                        _RESERVED["actor"]))
    d.lines.append(f"id: {d.ident}")
    d.add("name", name)
    if args.alias:
        d.lines.append("aliases:")
        d.lines.extend(f"  - {scalar(a)}" for a in args.alias)
    d.add("kind", kind)
    d.add("description", description)
    _citations(d, args, data, ask, "sources")
    return d


def _draft_claim(args: argparse.Namespace, data: Path, ask: Ask) -> Draft:
    label = _need(args.label, ask, "Label (a few words for the argument map)", "--label")
    quotes = list(args.quote or []) or [_need(None, ask, "Exact words from the source",
                                              "--quote", ": the claim's words, copied exactly "
                                              "from the source text")]
    kind = args.kind or ask(f"Kind ({', '.join(s.CLAIM_KINDS)})", "premise")
    supports = list(args.supports or [])
    attacks = list(args.attacks or [])
    if not supports and not attacks and kind != "thesis":
        answer = ask("Id of the claim it supports (data/claims/)", "")
        supports = [answer] if answer else []
    if not supports and not attacks and kind != "thesis":
        raise Refusal("--supports ID or --attacks ID is needed: every claim must lead to the "
                      "thesis (claim ids are the file names in data/claims/)")
    d = Draft(kind="claim", ident=args.id or free_id(data / "claims", record_id(label)))
    d.lines.append(f"id: {d.ident}")
    d.add("label", label)
    statement = args.statement or ask("Statement (our neutral paraphrase)", "")
    d.add("statement", statement or label,
          todo="" if statement else "the statement repeats the label; paraphrase the claim "
          "neutrally")
    d.add("kind", kind, todo="" if args.kind or kind != "premise" else "kind 'premise' is a "
          "placeholder; pick its part in the argument")
    d.add("source", _source_id(args, data))
    d.lines.append("quotes:")
    d.lines.extend(f"  - {scalar(q)}" for q in quotes)
    for key, values in (("supports", supports), ("attacks", attacks),
                        ("evidence", args.evidence or []),
                        ("actors", [a.partition(":")[0].strip() for a in args.actor or []])):
        if values:
            d.lines.append(f"{key}: [{', '.join(values)}]")
    if args.outcome:
        _outcome(d, args)
    return d


def _outcome(d: Draft, args: argparse.Namespace) -> None:
    """`outcome:` from --outcome STATUS, --outcome-note, --outcome-event and --outcome-as-of."""
    if args.outcome not in s.OUTCOME_STATUSES:
        raise Refusal(f"--outcome must be one of {', '.join(s.OUTCOME_STATUSES)} (got "
                      f"{args.outcome!r})")
    if not args.outcome_note:
        raise Refusal("--outcome-note is needed with --outcome: what the later record shows, "
                      "and what it does not, in neutral words")
    as_of = args.outcome_as_of or today().isoformat()
    try:
        parse_date(as_of)
    except ValueError as e:
        raise Refusal(f"--outcome-as-of {e} (got {as_of!r})") from None
    d.lines.append("outcome:")
    d.add("status", args.outcome, indent=2)
    d.add("note", args.outcome_note, indent=2)
    if args.outcome_event:
        d.lines.append(f"  events: [{', '.join(args.outcome_event)}]")
    d.add("as_of", as_of, indent=2)


DRAFTS = {"event": _draft_event, "actor": _draft_actor, "claim": _draft_claim}


def kinds_help() -> str:
    """The allowed values of --kind, from the schema, events with their meaning."""
    width = max(len(k) for k in s.EVENT_KINDS)
    lines = ["kinds (--kind):", "  event:"]
    lines += [f"    {k:<{width}}  {s.EVENT_KIND_MEANINGS.get(k, '')}" for k in s.EVENT_KINDS]
    for record, kinds in (("actor", s.ACTOR_KINDS), ("claim", s.CLAIM_KINDS)):
        lines.append(f"  {record}: {', '.join(kinds)}")
    return "\n".join(lines)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("new", help="write a new event, actor or claim record",
                       description="Write data/<folder>/<id>.yaml with the next free id, then "
                       "check it. Missing essentials are asked for in a terminal.",
                       epilog=kinds_help(), formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("record", choices=KINDS, help="what to write")
    p.add_argument("--data-dir", default="data", metavar="DIR", help="default: data")
    p.add_argument("--id", help="the id (default: from the title, name or label)")
    p.add_argument("--title", help="event: one line, what happened")
    p.add_argument("--name", help="actor: the name, correctly spelled")
    p.add_argument("--label", help="claim: a few words for the argument map")
    p.add_argument("--date", help="event: YYYY, YYYY-MM or YYYY-MM-DD (default: today, marked "
                   "for review)")
    p.add_argument("--kind", help="what sort of event, actor or claim: one of the kinds "
                   "listed below")
    p.add_argument("--summary", help="event: two to four neutral sentences")
    p.add_argument("--place", help="event: where, a place id from data/places/, e.g. bamako")
    p.add_argument("--description", help="actor: neutral description")
    p.add_argument("--alias", action="append", help="actor: another spelling (repeatable)")
    p.add_argument("--statement", help="claim: our neutral paraphrase")
    p.add_argument("--actor", action="append", metavar="ID[: ROLE]",
                   help="event: 'assimi-goita: led the coup'; claim: an actor id (repeatable)")
    p.add_argument("--tag", action="append", help="event: a tag slug (repeatable)")
    p.add_argument("--supports", action="append", metavar="CLAIM", help="claim: id it supports")
    p.add_argument("--attacks", action="append", metavar="CLAIM", help="claim: id it attacks")
    p.add_argument("--evidence", action="append", metavar="EVENT", help="claim: event id")
    p.add_argument("--outcome", metavar="STATUS", help="claim: what happened after the article "
                   f"({', '.join(s.OUTCOME_STATUSES)}); needs --outcome-note")
    p.add_argument("--outcome-note", metavar="TEXT", help="claim: what the later record shows")
    p.add_argument("--outcome-event", action="append", metavar="EVENT", help="claim: a later "
                   "event the outcome rests on (repeatable)")
    p.add_argument("--outcome-as-of", metavar="DATE", help="claim: when the outcome was judged "
                   "(default: today)")
    p.add_argument("--quote", action="append", help="exact words from the source text "
                   "(repeatable)")
    p.add_argument("--source", help="id of the source the quotes come from (default: the only "
                   "one)")
    p.add_argument("--ref-url", help="external reference: https:// address")
    p.add_argument("--ref-title", help="external reference: title of the page")
    p.add_argument("--ref-publisher", help="external reference: who published it")
    p.add_argument("--ref-published", metavar="DATE", help="external reference: when")
    p.add_argument("--ref-excerpt", metavar="WORDS", help="external reference: the exact "
                   "sentence or two of the page that supports the record (at most 400 "
                   "characters)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    kind = args.record
    data = Path(args.data_dir)
    folder = data / s.FOLDERS[kind]
    ask: Ask = _prompt if sys.stdin.isatty() else _no_prompt
    try:
        if not folder.is_dir():
            raise Refusal(f"{display_path(folder)} does not exist; run from the repository root "
                          "or give --data-dir")
        draft = DRAFTS[kind](args, data, ask)
        # Written from the sources just cited, so checked against them today.
        draft.add("reviewed", today().isoformat())
        if (folder / f"{draft.ident}.yaml").exists():
            raise Refusal(f"{display_path(folder / (draft.ident + '.yaml'))} already exists")
    except Refusal as e:
        print(f"explainer new {kind}: {e}; nothing written", file=sys.stderr)
        return 2
    path = folder / f"{draft.ident}.yaml"
    path.write_text(draft.text(), "utf-8", newline="\n")
    shown = display_path(path)
    try:
        read_corpus(data)
    except DataError as e:
        mine = [p for p in e.problems if p.path == shown and not p.message.startswith(
            REVIEW_MARKER)]
        others = [p for p in e.problems if p.path != shown]
        if mine:
            path.unlink()
            print(format_problems(mine), file=sys.stderr)
            print(f"explainer new {kind}: {shown} would not pass the check; nothing written",
                  file=sys.stderr)
            return 1
        if others:
            print(f"explainer: note: other files have {len(others)} problems; run "
                  "explainer check", file=sys.stderr)
    print(next_steps(draft, shown))
    return 0


def next_steps(draft: Draft, shown: str) -> str:
    lines = [f"explainer: wrote {shown}", "next:"]
    if draft.todo:
        lines.append(f"  - settle each '{TODO}' line in it, then delete the line (the check "
                     "fails while one is left):")
        lines.extend(f"      {t}" for t in draft.todo)
    have = {ln.split(":", 1)[0] for ln in draft.lines if ln[:1].isalpha()}
    optional = {
        "event": ("actors", "place", "tags"),
        "actor": ("roles", "affiliations", "aliases"),
        "claim": ("evidence", "actors", "assessment", "outcome"),
    }[draft.kind]
    missing = [f for f in optional if f not in have]
    if missing:
        listed = " and ".join([", ".join(missing[:-1]), missing[-1]] if len(missing) > 1
                              else missing)
        lines.append(f"  - add {listed}, if they apply (CONTRIBUTING.md describes every field)")
    spec = translations.block_spec(draft.kind)
    if spec is not None:  # the fields come from the schema's translatable marks
        fields = ", ".join(f.name for f in spec.fields if f.name != s.FINGERPRINT)
        lines.append(f"  - add its French in a fr: block ({fields}, as they apply), then run "
                     f"explainer translations --stamp {shown} (CONTRIBUTING.md, 'Translating'); "
                     "until then the French page shows the English, marked")
    lines += [
              "  - check it: make check   (or .venv/bin/explainer check)",
              f"  - see it: make serve, then open {s.FOLDERS[draft.kind]}/{draft.ident}/ on the "
              "local site"]
    return "\n".join(lines)
