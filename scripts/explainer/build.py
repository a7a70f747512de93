"""The pipeline's edge with the file system: read data/ into a Corpus."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from explainer.load import Document, decode, load
from explainer.model import Corpus
from explainer.problems import DataError, Problem
from explainer.validate import validate


def display_path(path: Path) -> str:
    """A path as people see it in messages: relative to the working directory when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


@contextmanager
def paused_gc() -> Iterator[None]:
    """Hold the cycle collector while a whole dataset is read or rendered.

    Loading keeps every record, so each collection walks an ever larger heap: at 10,000 events
    that is a quarter of `explainer check`. The records hold no reference cycles; whatever
    garbage there is waits for the collector to be turned back on."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _data_files(data_dir: Path) -> list[tuple[Path, str]]:
    """Every file not named '.*' under data_dir, with its path relative to it, sorted.

    os.walk reads each folder once; rglob plus is_dir() would stat every file again."""
    found: list[tuple[tuple[str, ...], Path]] = []
    for folder, _dirs, names in os.walk(data_dir):
        here = Path(folder)
        parts = here.relative_to(data_dir).parts
        found.extend(((*parts, name), here / name) for name in names if not name.startswith("."))
    found.sort()  # by path components, as Path objects sort
    return [(path, "/".join(parts)) for parts, path in found]


def read_corpus(data_dir: Path) -> Corpus:
    """Load and validate data_dir; raise DataError listing every problem."""
    if not data_dir.is_dir():
        raise DataError([Problem(path=display_path(data_dir), line=1, col=1,
                                 message="data folder not found",
                                 hint="run from the repository root, or name the folder")])
    with paused_gc():
        return _read(data_dir)


def _read(data_dir: Path) -> Corpus:
    documents: list[Document] = []
    texts: dict[str, str] = {}
    problems: list[Problem] = []
    broken: list[str] = []
    base = display_path(data_dir)  # once: resolving each of 10,000 paths costs seconds
    for path, rel in _data_files(data_dir):
        shown = rel if base == "." else f"{base}/{rel}"
        raw = path.read_bytes()
        try:
            if rel.endswith(".txt"):
                texts[shown] = decode(raw, shown)
            elif rel.endswith(".yaml"):
                documents.append(load(decode(raw, shown), shown))
            else:
                problems.append(Problem(path=shown, line=1, col=1,
                                        message="unexpected file in the data folder",
                                        hint="records are <id>.yaml; source texts are .txt"))
        except DataError as e:
            problems.extend(e.problems)
            broken.append(shown)
    try:
        corpus = validate(documents, texts, broken)
    except DataError as e:
        problems.extend(e.problems)
    if problems:
        raise DataError(problems)
    return corpus


def data_dir_of(root: Path) -> Path:
    return Path(os.environ.get("EXPLAINER_DATA", root / "data"))
