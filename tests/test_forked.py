"""A killed build leaves no worker behind: the forked worker dies with its parent."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

# A parent that forks a worker (as a build of 1,000 records or more does) and waits on it; the
# worker prints its pid, then works for a minute.
PARENT = """
import os, sys, time
from explainer.build import forked
def job():
    print(os.getpid(), flush=True)
    time.sleep(60)
    return 0
with forked.Forked(job) as f:
    f.result()
"""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")  # a zombie has ended; only its exit status is left


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads Linux's /proc")
def test_killing_a_build_leaves_no_worker() -> None:
    parent = subprocess.Popen([sys.executable, "-c", PARENT], stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    worker = 0
    try:
        assert parent.stdout is not None
        worker = int(parent.stdout.readline())
        assert worker != parent.pid and _alive(worker)
        parent.send_signal(signal.SIGKILL)  # as the OOM killer or a CI timeout would
        parent.wait(timeout=10)
        deadline = time.monotonic() + 10
        while _alive(worker) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _alive(worker), f"worker {worker} outlived its killed parent"
    finally:
        if worker and _alive(worker):
            os.kill(worker, signal.SIGKILL)
        if parent.poll() is None:
            parent.kill()


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except (FileNotFoundError, ProcessLookupError):
        return []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads Linux's /proc")
def test_killing_a_real_check_of_1000_records_leaves_no_worker(tmp_path: Path) -> None:
    """`explainer check` of 1,350 record files reads half of them in a forked worker: kill the
    check while its worker runs, and the worker must end too."""
    data = tmp_path / "data"
    subprocess.run([sys.executable, "-m", "explainer.tools.synthetic", str(data), "--events",
                    "1000"], check=True, capture_output=True)
    exe = Path(sys.executable).parent / "explainer"
    for _attempt in range(10):
        check = subprocess.Popen([str(exe), "check", str(data)], stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
        workers: list[int] = []
        try:
            while check.poll() is None and not workers:
                workers = _children(check.pid)
                time.sleep(0.002)
            if not workers:
                continue  # the check ended before its worker was seen: try again
            check.send_signal(signal.SIGKILL)
            check.wait(timeout=10)
            deadline = time.monotonic() + 10
            while any(map(_alive, workers)) and time.monotonic() < deadline:
                time.sleep(0.05)
            assert not any(map(_alive, workers)), f"workers {workers} outlived the killed check"
            return
        finally:
            for w in workers:
                if _alive(w):
                    os.kill(w, signal.SIGKILL)
            if check.poll() is None:
                check.kill()
    pytest.fail("never saw the check's worker in 10 runs")
