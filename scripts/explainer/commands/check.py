"""`explainer check [DATA_DIR]`: validate the data and list every problem."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from explainer.build import read_corpus
from explainer.problems import (
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
    if corpus.advisories and args.format != "json":
        _warn(list(corpus.advisories), github=args.format == "github")
    return 0


def _warn(found: list[Problem], *, github: bool) -> None:
    """Advice that does not stop the build (explainer.source_classes): maintainers' remarks
    left in reader notes, and the class rules while they are not enforced."""
    if github:
        print(problems_as_github(found).replace("::error ", "::warning "))
    for p in found:
        print(f"{p.path}:{p.line}:{p.col}: warning: {p.message}"
              + (f"\n    hint: {p.hint}" if p.hint else ""), file=sys.stderr)
    print(f"explainer: {len(found)} warning{'s' * (len(found) != 1)} (see explainer "
          "sources); the data is valid", file=sys.stderr)
