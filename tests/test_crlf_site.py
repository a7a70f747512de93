"""A copy of the whole dataset saved with Windows line ends (CRLF), as Git for Windows with
core.autocrlf checks it out, passes the check and builds to the same site as the LF one, byte
for byte. (Before, every line of every file was refused: 5,818 problems in 203 files.)"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from explainer.__main__ import main
from sitebuild import ROOT, build_site
from test_reproducible import _digests


def _copy(to: Path, ending: bytes) -> Path:
    shutil.copytree(ROOT / "data", to)
    for path in to.rglob("*"):
        if path.is_file():
            path.write_bytes(path.read_bytes().replace(b"\n", ending))
    return to


def test_a_crlf_dataset_checks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                               capsys: pytest.CaptureFixture[str]) -> None:
    _copy(tmp_path / "data", b"\r\n")
    monkeypatch.chdir(tmp_path)
    code = main(["check"])
    out = capsys.readouterr()
    assert code == 0, (out.out + out.err)[-2000:]


def test_a_crlf_dataset_builds_the_same_site_byte_for_byte(tmp_path: Path) -> None:
    url = "https://example.github.io/mali-coup-explainer/"
    data = _copy(tmp_path / "data", b"\n")  # one folder: record paths appear in the site
    build_site(tmp_path / "lf-site", site_url=url, data=data)
    for path in data.rglob("*"):
        if path.is_file():
            path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert b"\r\n" in next(data.rglob("*.yaml")).read_bytes()
    build_site(tmp_path / "crlf-site", site_url=url, data=data)
    one, other = _digests(tmp_path / "lf-site"), _digests(tmp_path / "crlf-site")
    assert len(one) > 100
    assert sorted(one) == sorted(other)
    assert [p for p in one if one[p] != other[p]] == []
