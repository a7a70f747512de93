"""`explainer translations [DATA_DIR]`: how much of the data has its French, and which records
lag; `explainer translations --stamp FILE...` records that a file's French matches its English."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from explainer.build import display_path
from explainer.commands import corpus_or_problems
from explainer.data import datafiles, translations
from explainer.data.load import decode, load
from explainer.data.problems import DataError, format_problems
from explainer.data.validate import shape


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("translations", help="report the French edition's coverage, per kind, "
                       "and each record whose French is missing or stale")
    p.add_argument("data_dir", nargs="?", default="data", metavar="DATA_DIR")
    p.add_argument("--stamp", nargs="+", metavar="FILE", default=None,
                   help="set from_en in each FILE's fr: block to the fingerprint of its "
                   "English now: do this once the French says what the English says")
    p.add_argument("--strict", action="store_true",
                   help="exit 1 unless every record is translated and none is stale")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.stamp is not None:
        return stamp([Path(p) for p in args.stamp])
    corpus = corpus_or_problems(args.data_dir)
    if corpus is None:
        return 1
    statuses = list(corpus.translations.values())
    print(translations.report(statuses))
    return 1 if args.strict and not all(st.complete for st in statuses if st.total) else 0


def stamp(paths: list[Path]) -> int:
    failed = 0
    for path in paths:
        shown = display_path(path)
        try:
            text = decode(datafiles.read_bytes(path, shown), shown)
            one = shape(load(text, shown))
        except (DataError, OSError) as e:
            problems = e.problems if isinstance(e, DataError) else []
            print(format_problems(problems) if problems else f"{shown}: {e}", file=sys.stderr)
            failed += 1
            continue
        st = (translations.status(one.kind, path.stem, shown, one.rec)
              if one.kind and one.rec is not None else None)
        new = translations.stamped(text, st.fingerprint) if st else None
        if st is None or new is None:
            print(f"{shown}:1:1: nothing to stamp: the file has no fr: block\n    hint: add the "
                  "French first (see CONTRIBUTING.md, 'Translating')", file=sys.stderr)
            failed += 1
            continue
        if new != text:
            path.write_bytes(new.encode())
        print(f"{shown}: from_en: '{st.fingerprint}'"
              + (f" ({len(st.missing)} passages still missing)" if st.missing else ""))
    return 1 if failed else 0
