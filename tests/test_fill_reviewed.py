"""scripts/fill_reviewed.py: a record without `reviewed` gets its file's last commit date."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "fill_reviewed.py"


def _git(repo: Path, *args: str, date: str = "") -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    if date:
        env["GIT_COMMITTER_DATE"] = env["GIT_AUTHOR_DATE"] = date
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def test_only_records_without_reviewed_get_their_last_commit_date(tmp_path: Path) -> None:
    data = tmp_path / "data" / "events"
    data.mkdir(parents=True)
    (data / "a.yaml").write_text("id: a\nsummary: >-\n  Folded text.\n", "utf-8")
    (data / "b.yaml").write_text("id: b\nreviewed: '2026-01-02'\n", "utf-8")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "x", date="2025-03-04T05:06:07+00:00")
    (data / "c.yaml").write_text("id: c", "utf-8")  # never committed
    out = subprocess.run([sys.executable, str(SCRIPT), "data"], cwd=tmp_path,
                         capture_output=True, text=True)
    assert out.returncode == 1  # c.yaml is listed as left alone
    assert (data / "a.yaml").read_text("utf-8") == (
        "id: a\nsummary: >-\n  Folded text.\nreviewed: '2025-03-04'\n")
    assert (data / "b.yaml").read_text("utf-8") == "id: b\nreviewed: '2026-01-02'\n"
    assert (data / "c.yaml").read_text("utf-8") == "id: c"
    assert "c.yaml has never been committed" in out.stderr


def test_reviewed_is_required_on_every_record_kind(fixtures_dir: Path, tmp_path: Path) -> None:
    import shutil

    from explainer.build import read_corpus
    from explainer.data import schema as s
    from explainer.data.problems import DataError
    assert all(any(f.name == "reviewed" and f.required for f in obj.fields)
               for obj in s.RECORDS.values())
    shutil.copytree(fixtures_dir / "small", tmp_path / "data")
    path = tmp_path / "data" / "actors" / "bo-person.yaml"
    path.write_text(path.read_text("utf-8").replace("reviewed: 2026-11-29\n", ""), "utf-8")
    with pytest.raises(DataError) as e:
        read_corpus(tmp_path / "data")
    assert [p.message for p in e.value.problems] == [
        "missing required field 'reviewed' in the record"]
