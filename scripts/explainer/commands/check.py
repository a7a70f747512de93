"""`explainer check [DATA_DIR]`: validate the data and list every problem."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from explainer.build import read_corpus
from explainer.data.problems import (
    DataError,
    Problem,
    format_problems,
    problems_as_github,
    problems_as_json,
)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("check", help="validate the data and list every problem")
    p.add_argument("data_dir", nargs="?", default="data", metavar="DATA_DIR")
    p.add_argument("--format", choices=("text", "json", "github"), default="text",
                   help="json for tools; github for pull-request annotations")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        corpus = read_corpus(Path(args.data_dir))
    except DataError as e:
        if args.format == "json":
            print(problems_as_json(e.problems))
            return 1
        if args.format == "github":
            print(problems_as_github(e.problems))
        print(format_problems(e.problems), file=sys.stderr)
        return 1
    if args.format == "json":
        print("[]")
    else:
        quotes = sum(len(c.quotes) for c in corpus.claims.values())
        counts = ", ".join(f"{n} {word}{'' if n == 1 else 's'}" for n, word in (
            (len(corpus.events), "event"), (len(corpus.actors), "actor"),
            (len(corpus.claims), "claim"), (quotes, "claim quote"),
            (len(corpus.terms), "glossary term"), (len(corpus.sources), "source"),
            (len(corpus.publishers), "publisher"), (len(corpus.places), "place")))
        print(f"explainer: data is valid: {counts}; every quote found verbatim")
    found = sorted([*corpus.advisories, *corpus.translation_warnings])
    if found and args.format != "json":
        _warn(found, github=args.format == "github", sources=bool(corpus.advisories),
              french=bool(corpus.translation_warnings))
    return 0


def _warn(found: list[Problem], *, github: bool, sources: bool, french: bool) -> None:
    """Advice that does not stop the build: maintainers' remarks left in reader notes, the
    class rules while they are not enforced (explainer.data.source_classes), and French that is
    missing or stale (explainer.data.translations)."""
    if github:
        print(problems_as_github(found).replace("::error ", "::warning "))
    for p in found:
        print(f"{p.path}:{p.line}:{p.col}: warning: {p.message}"
              + (f"\n    hint: {p.hint}" if p.hint else ""), file=sys.stderr)
    see = " and ".join(c for c, on in (("explainer sources", sources),
                                       ("explainer translations", french)) if on)
    print(f"explainer: {len(found)} warning{'s' * (len(found) != 1)} (see {see}); the data is "
          "valid", file=sys.stderr)
