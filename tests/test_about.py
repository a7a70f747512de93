"""The About page's trust signals: who maintains the site, the licences, how to ask for a
correction; never a made-up name."""

from __future__ import annotations

from pathlib import Path

import yaml

from explainer.build import read_corpus
from explainer.render import DEFAULT_REPO
from explainer.render.about import about, correction_url

ROOT = Path(__file__).resolve().parent.parent


def test_the_maintainers_are_the_repository_owner(fixtures_dir: Path) -> None:
    page = about(read_corpus(fixtures_dir / "small"), "https://github.com/someone/explainer")
    assert "maintained by [&#64;someone](<https://github.com/someone>)" in page
    assert "[someone&#47;explainer](<https://github.com/someone/explainer>)" in page


def test_a_local_build_names_nobody(fixtures_dir: Path) -> None:
    page = about(read_corpus(fixtures_dir / "small"), DEFAULT_REPO)
    assert "@OWNER" not in page
    assert "maintained by the owner of its GitHub repository" in page


def test_licences_and_the_correction_form(fixtures_dir: Path) -> None:
    page = about(read_corpus(fixtures_dir / "small"), "https://github.com/someone/explainer")
    assert "CC BY 4&#46;0" in page and "MIT licence" in page
    assert correction_url("https://github.com/someone/explainer") in page
    assert correction_url("https://github.com/a/b/") == (
        "https://github.com/a/b/issues/new?template=correction.yml")
    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "correction.yml").read_text())
    assert form["name"] == "Correction"
    assert [b["id"] for b in form["body"] if b["type"] != "markdown"][:3] == [
        "page", "wrong", "evidence"]
    licence = (ROOT / "LICENSE").read_text("utf-8")
    assert "MIT License" in licence and "CC BY 4.0" in licence
