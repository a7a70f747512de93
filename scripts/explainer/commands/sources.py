"""`explainer sources [DATA_DIR]`: what the citations rest on, by publisher class."""

from __future__ import annotations

import argparse

from explainer.commands import corpus_or_problems
from explainer.data.source_classes import report, summarise


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("sources", help="count citations per publisher class and list the "
                       "records that rest on weak sources only")
    p.add_argument("data_dir", nargs="?", default="data", metavar="DATA_DIR")
    p.add_argument("--strict", action="store_true",
                   help="exit 1 if a record breaks a class rule")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    corpus = corpus_or_problems(args.data_dir)
    if corpus is None:
        return 1
    print(report(corpus))
    return 1 if args.strict and summarise(corpus).findings else 0
