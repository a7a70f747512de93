"""The pipeline's edge with the file system: read data/ into a Corpus."""

from __future__ import annotations

import os
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


def read_corpus(data_dir: Path) -> Corpus:
    """Load and validate data_dir; raise DataError listing every problem."""
    if not data_dir.is_dir():
        raise DataError([Problem(path=display_path(data_dir), line=1, col=1,
                                 message="data folder not found",
                                 hint="run from the repository root, or name the folder")])
    documents: list[Document] = []
    texts: dict[str, str] = {}
    problems: list[Problem] = []
    broken: list[str] = []
    base = display_path(data_dir)  # once: resolving each of 10,000 paths costs seconds
    for path in sorted(data_dir.rglob("*")):
        if path.is_dir() or path.name.startswith("."):
            continue
        rel = path.relative_to(data_dir).as_posix()
        shown = rel if base == "." else f"{base}/{rel}"
        raw = path.read_bytes()
        try:
            if path.suffix == ".txt":
                texts[shown] = decode(raw, shown)
            elif path.suffix == ".yaml":
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
