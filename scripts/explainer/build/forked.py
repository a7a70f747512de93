"""Run one job in a forked copy of this process, while this process does other work.

The job is any function of no arguments: the child is a copy of this process, so what the job
reads (a Corpus, a list of files) is already there and is never pickled; only its result comes
back. Used for the two halves of large datasets (explainer.build), on Linux-like systems with a
second core, from a single-threaded process only (forking a process with threads can
deadlock; `mkdocs serve` runs a server thread).
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from types import TracebackType
from typing import Any, Generic, TypeVar

T = TypeVar("T")

_job: Callable[[], Any] | None = None  # set only while the child is forked
_parent: int | None = None  # the forking process's id, set with _job
PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _die_with_parent(parent: int) -> None:
    """In the child: be killed when the parent dies, however it dies (SIGKILL included).

    A killed parent cannot shut its pool down, and the worker would wait on its queue for
    ever. On Linux the kernel sends SIGKILL to the child when the parent ends
    (prctl PR_SET_PDEATHSIG); if the parent is already gone, the child leaves now. Elsewhere
    the pool's own end-of-parent detection is all there is."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # pragma: no cover - no libc prctl
            pass
    if os.getppid() != parent:
        os._exit(1)


def _after_fork_in_child() -> None:
    """Every fork runs this in the child; only a Forked worker (forked while `_parent` is set)
    acts on it. Set at once, not when the job starts: the worker exists, waiting for its job,
    from the fork on, and a parent killed in between would leave it waiting for ever."""
    if _parent is not None:
        _die_with_parent(_parent)


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


def available() -> bool:
    """True when a forked worker can help: fork exists, a second core, no other thread."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return ("fork" in multiprocessing.get_all_start_methods()
            and threading.active_count() == 1 and (cores or 1) >= 2)


def _run() -> Any:
    """In the child: the job it was forked with (the collector held, as in the parent)."""
    assert _job is not None
    assert _parent is not None
    _die_with_parent(_parent)
    gc.disable()
    return _job()


class Forked(Generic[T]):
    """`with Forked(job) as f: …; result = f.result()`. If the child cannot start or dies, the
    job runs here instead, so the result is the same either way."""

    def __init__(self, job: Callable[[], T]) -> None:
        global _job, _parent
        self.job = job
        self.pool = ProcessPoolExecutor(max_workers=1,
                                        mp_context=multiprocessing.get_context("fork"))
        _job, _parent = job, os.getpid()
        try:
            # The pool forks its worker inside submit(), so the child sees `_job`.
            self.future: Future[T] | None = self.pool.submit(_run)
        except (BrokenProcessPool, OSError):
            self.future = None
        finally:
            _job = _parent = None

    def result(self) -> T:
        try:
            if self.future is not None:
                return self.future.result()
        except (BrokenProcessPool, OSError):
            pass
        return self.job()

    def __enter__(self) -> Forked[T]:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
