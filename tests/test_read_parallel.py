"""Reading data in two processes gives what reading it in one gives: the same Corpus, the same
problems at the same lines and columns. (How much faster it is, scripts/bench.py measures.)"""

from __future__ import annotations

import os
import pickle
import shutil
import threading
from pathlib import Path

import pytest

from explainer import build
from explainer.build import forked, read_corpus
from explainer.data.load import load, portable
from explainer.data.problems import DataError, Problem

REPO = Path(__file__).resolve().parents[1]


def _read(data: Path, *, parallel: bool, monkeypatch: pytest.MonkeyPatch) -> object:
    with monkeypatch.context() as m:
        m.setattr(build, "PARALLEL_FROM", 2)
        m.setattr(forked, "available", lambda: parallel)
        try:
            return read_corpus(data)
        except DataError as e:
            return e.problems


def test_the_dataset_reads_the_same_in_two_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    one = _read(REPO / "data", parallel=False, monkeypatch=monkeypatch)
    two = _read(REPO / "data", parallel=True, monkeypatch=monkeypatch)
    assert not isinstance(one, list), one
    assert one == two


def _break(data: Path) -> None:
    events = sorted((data / "events").glob("*.yaml"))
    # A field mistake (found while shaping), an unknown actor (found while linking, so its
    # position comes from marks sent back by the worker), a file that does not parse, and a
    # duplicate key; spread over files that land in both processes.
    for i, path in enumerate(events[:8]):
        text = path.read_text(encoding="utf-8")
        if i % 4 == 0:
            text = text.replace("\ndate: ", "\ndate: 2021-02-30\nx_date: ", 1)
        elif i % 4 == 1:
            text = text.replace("  - actor: ", "  - actor: no-such-actor\n    x: ", 1)
        elif i % 4 == 2:
            text += "title: [unclosed\n"
        else:
            text += "kind: coup\n"
        path.write_text(text, encoding="utf-8")


def test_problems_are_the_same_in_two_processes(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    _break(data)
    monkeypatch.chdir(tmp_path)
    one = _read(Path("data"), parallel=False, monkeypatch=monkeypatch)
    two = _read(Path("data"), parallel=True, monkeypatch=monkeypatch)
    assert isinstance(one, list) and len(one) >= 8
    assert one == two
    assert any("no-such-actor" in p.message for p in one if isinstance(p, Problem))


def test_a_portable_document_finds_its_marks_again_after_pickling() -> None:
    text = "# header\nid: x\nactors:\n  - actor: a\n    role: leads\n"
    doc = load(text, "data/events/x.yaml")
    light = pickle.loads(pickle.dumps(portable(doc, text)))
    assert light.data is None and light.header == "# header"
    assert light.mark(("actors", 0, "role")) == doc.mark(("actors", 0, "role")) == (5, 11)
    assert light.key_mark(("actors",)) == doc.key_mark(("actors",)) == (3, 1)
    assert dict(light.marks) == dict(doc.marks)
    assert len(pickle.dumps(portable(doc, text))) < len(pickle.dumps(doc))


def _die() -> object:
    os._exit(3)


def test_a_worker_that_dies_leaves_its_share_to_this_process(
        monkeypatch: pytest.MonkeyPatch) -> None:
    one = _read(REPO / "data", parallel=False, monkeypatch=monkeypatch)
    monkeypatch.setattr(forked, "_run", _die)  # the child exits at once
    two = _read(REPO / "data", parallel=True, monkeypatch=monkeypatch)
    assert one == two


def test_pages_render_the_same_in_two_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = read_corpus(REPO / "data")
    monkeypatch.setattr(build, "PARALLEL_FROM", 2)
    monkeypatch.setattr(forked, "available", lambda: False)
    one = build.render(corpus)
    monkeypatch.setattr(forked, "available", lambda: True)
    calls: list[int] = []
    real = forked.Forked.result

    def counted(self: forked.Forked[object]) -> object:
        calls.append(1)
        return real(self)
    monkeypatch.setattr(forked.Forked, "result", counted)
    two = build.render(corpus)
    assert calls, "the event pages did not come from the worker"
    assert one == two


def test_the_worker_leaves_no_thread_behind(monkeypatch: pytest.MonkeyPatch) -> None:
    # A second fork (render after read) needs the process single-threaded again, as before.
    before = threading.active_count()
    with forked.Forked(lambda: 42) as worker:
        assert worker.result() == 42
    assert threading.active_count() == before
