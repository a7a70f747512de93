"""`explainer coverage [DATA_DIR]`: which paragraphs of each source the records cite.

Exits 1 when a body paragraph is cited by no record.
"""

from __future__ import annotations

import argparse
import sys

from explainer.commands import corpus_or_problems
from explainer.data.coverage import coverage, report


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("coverage", help="report which paragraphs of the article are cited")
    p.add_argument("data_dir", nargs="?", default="data", metavar="DATA_DIR")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    corpus = corpus_or_problems(args.data_dir)
    if corpus is None:
        return 1
    results = coverage(corpus)
    print(report(results))
    uncited = [(sc.source, p.number) for sc in results for p in sc.body() if not p.cited]
    for source, n in uncited:
        print(f"explainer: {source} body paragraph {n} is cited by no record", file=sys.stderr)
    return 1 if uncited else 0
