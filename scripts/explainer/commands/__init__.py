"""Subcommands of `explainer`; each module has `register(subparsers)`."""

from __future__ import annotations

import sys
from pathlib import Path

from explainer.build import read_corpus
from explainer.data.model import Corpus
from explainer.data.problems import DataError, format_problems


def corpus_or_problems(data_dir: str) -> Corpus | None:
    """The data, read and checked; or None after printing every problem to stderr (the
    command then exits 1)."""
    try:
        return read_corpus(Path(data_dir))
    except DataError as e:
        print(format_problems(e.problems), file=sys.stderr)
        return None
