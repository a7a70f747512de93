"""Portability: the same mkdocs.yml builds with ProperDocs (the maintained MkDocs fork), and
so do the files `explainer render OUT` writes. Material reaches end of life on 2027-05-05."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PAGES = ["index.html", "timeline/index.html", "events/2021-coup/index.html",
         "actors/ada-example/index.html", "claims/thesis/index.html", "contributing/index.html",
         "404.html", "schemas/event.schema.json"]


def _properdocs(args: list[str], cwd: Path, data: Path | None = None
                ) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "0"}
    if data is not None:
        env["EXPLAINER_DATA"] = str(data)  # how mkdocs_hook finds the data (build.data_dir_of)
    return subprocess.run([str(BIN / "properdocs"), "build", "--strict", *args], cwd=cwd,
                          env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def hooked_build(tmp_path_factory: pytest.TempPathFactory, fixtures_dir: Path
                 ) -> tuple[Path, str]:
    """ProperDocs with the repository's mkdocs.yml and its hooks, on the fixture data."""
    site = tmp_path_factory.mktemp("properdocs") / "site"
    done = _properdocs(["-f", str(ROOT / "mkdocs.yml"), "-d", str(site)], ROOT,
                       fixtures_dir / "small")
    assert done.returncode == 0, done.stderr
    return site, done.stdout + done.stderr


@pytest.fixture(scope="module")
def rendered_build(tmp_path_factory: pytest.TempPathFactory, fixtures_dir: Path
                   ) -> tuple[Path, str]:
    """`explainer render OUT`, then ProperDocs on OUT/mkdocs.yml: no hooks involved."""
    work = tmp_path_factory.mktemp("render")
    rendered = subprocess.run(
        [str(BIN / "explainer"), "render", str(work / "out"), "--data",
         str(fixtures_dir / "small")], cwd=ROOT, capture_output=True, text=True)
    assert rendered.returncode == 0, rendered.stderr
    done = _properdocs(["-f", str(work / "out" / "mkdocs.yml"), "-d", str(work / "site")], work)
    assert done.returncode == 0, done.stderr
    return work / "site", done.stdout + done.stderr


@pytest.mark.parametrize("page", PAGES)
def test_properdocs_builds_every_page(hooked_build: tuple[Path, str], page: str) -> None:
    assert (hooked_build[0] / page).is_file()


def test_properdocs_build_has_no_warning(hooked_build: tuple[Path, str]) -> None:
    assert "WARNING" not in hooked_build[1], hooked_build[1]


def test_properdocs_runs_our_hooks(hooked_build: tuple[Path, str]) -> None:
    assert "pages and" in hooked_build[1]  # the hook's own log line
    page = (hooked_build[0] / "events" / "2021-coup" / "index.html").read_text("utf-8")
    assert "Soldiers detain the president" in page


@pytest.mark.parametrize("page", PAGES)
def test_rendered_files_build_with_properdocs(rendered_build: tuple[Path, str],
                                              page: str) -> None:
    assert (rendered_build[0] / page).is_file()


def test_rendered_build_has_no_warning(rendered_build: tuple[Path, str]) -> None:
    assert "WARNING" not in rendered_build[1], rendered_build[1]
