"""The build layer, the pipeline's edges: MkDocs (the hooks), the file system and processes.

This module reads data/ into a Corpus and renders it, in two processes when the dataset is large
(explainer.build.forked); its submodules build the editions, swap the site folder in, serve live
edits and audit the HTML."""

from __future__ import annotations

import functools
import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from explainer import i18n
from explainer.build import forked
from explainer.data import datafiles
from explainer.data.load import decode, load, portable
from explainer.data.model import Corpus
from explainer.data.problems import DataError, Problem
from explainer.data.validate import Shaped, link, shape
from explainer.render import DEFAULT_REPO, Site, events, render_site, shared_files
from explainer.render.cite import DEFAULT_SITE, Publication


def display_path(path: Path) -> str:
    """A path as people see it in messages: relative to the working directory when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


@contextmanager
def paused_gc() -> Iterator[None]:
    """Hold the cycle collector while a whole dataset is read.

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


def read_corpus(data_dir: Path, lang: str = "en") -> Corpus:
    """Load and validate data_dir; raise DataError listing every problem. With lang="fr", the
    records hold the French edition's text."""
    if not data_dir.is_dir():
        raise DataError([Problem(path=display_path(data_dir), line=1, col=1,
                                 message="data folder not found",
                                 hint="run from the repository root, or name the folder")])
    with paused_gc():
        return _read(data_dir, lang)


def _read(data_dir: Path, lang: str = "en") -> Corpus:
    texts: dict[str, str] = {}
    broken: list[str] = []
    records: list[tuple[Path, str]] = []
    base = display_path(data_dir)  # once: resolving each of 10,000 paths costs seconds
    files, problems = datafiles.list_files(data_dir, base)
    for path, shown in files:
        if shown.endswith(".yaml"):
            records.append((path, shown))
        elif shown.endswith(".txt"):
            try:
                texts[shown] = decode(datafiles.read_bytes(path, shown), shown)
            except DataError as e:
                problems.extend(e.problems)
                broken.append(shown)
        else:
            problems.append(Problem(path=shown, line=1, col=1,
                                    message="unexpected file in the data folder",
                                    hint="records are <id>.yaml; source texts are .txt"))
    shaped: list[Shaped] = []
    for outcome in _shape_all(records):
        if isinstance(outcome, Shaped):
            shaped.append(outcome)
        else:
            problems.extend(outcome[1])
            broken.append(outcome[0])
    try:
        corpus = link(shaped, texts, broken, lang)
    except DataError as e:
        problems.extend(e.problems)
    if problems:
        raise DataError(problems)
    return corpus


Outcome = Shaped | tuple[str, list[Problem]]  # a checked record, or a file that did not load

#: Record files from which a second process pays for itself (forking and sending the records
#: back cost about 0.1 s; reading and checking 1,000 records about 0.3 s).
PARALLEL_FROM = 1000


def _shape_file(path: Path, shown: str, *, portable_doc: bool = False) -> Outcome:
    try:
        text = decode(datafiles.read_bytes(path, shown), shown)
        doc = load(text, shown)
    except DataError as e:
        return shown, e.problems
    one = shape(doc)
    return Shaped(portable(doc, text), one.kind, one.rec, one.problems) if portable_doc else one


def _shape_batch(items: list[tuple[Path, str]]) -> list[Outcome]:
    """In the worker process: read and check records, send back what the link pass needs."""
    return [_shape_file(path, shown, portable_doc=True) for path, shown in items]


def _shape_all(items: list[tuple[Path, str]]) -> list[Outcome]:
    """Read, parse and check each record file; in two processes when there are many.

    Each file is checked on its own (validate.shape), so the files split freely: a worker
    takes every other file and this process the rest. Links between records are checked
    afterwards, here, in one pass."""
    if len(items) < PARALLEL_FROM or not forked.available():
        return [_shape_file(path, shown) for path, shown in items]
    theirs, ours = items[1::2], items[0::2]
    with forked.Forked(lambda: _shape_batch(theirs)) as worker:
        mine = [_shape_file(path, shown) for path, shown in ours]
        other = worker.result()
    merged: list[Outcome] = []
    for i, outcome in enumerate(mine):
        merged.append(outcome)
        if i < len(other):
            merged.append(other[i])
    return merged


def render(corpus: Corpus, *, schemas: dict[str, str] | None = None,
           repo: str = DEFAULT_REPO, site: Publication = DEFAULT_SITE,
           lang: str | None = None) -> Site:
    """render_site, with the event pages and the shared files (the exports and each record's
    citation files; together about half the work) made in a forked worker when the dataset is
    large. The language (by default the corpus's) is set before the fork, so the worker has
    it."""
    lang = lang or corpus.lang
    with i18n.use(lang):
        if len(corpus.events) < PARALLEL_FROM or not forked.available():
            return render_site(corpus, schemas=schemas, repo=repo, site=site, lang=lang)
        with forked.Forked(lambda: _worker_share(corpus, site, lang)) as worker:
            done = functools.cache(worker.result)  # asked twice; made once
            return render_site(corpus, schemas=schemas, repo=repo, site=site, lang=lang,
                               event_pages=lambda _corpus: done()[0],
                               shared=lambda _corpus: done()[1])


def _worker_share(corpus: Corpus, site: Publication, lang: str
                  ) -> tuple[dict[str, str], dict[str, bytes]]:
    """In the worker: the event pages and the shared files, in `lang` (inherited at the fork;
    set again to be sure)."""
    with i18n.use(lang):
        return events.event_pages(corpus, site), shared_files(corpus, site)


def data_dir_of(root: Path) -> Path:
    return Path(os.environ.get("EXPLAINER_DATA", root / "data"))
