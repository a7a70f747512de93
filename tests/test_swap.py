"""`make build` builds into a new folder and swaps it in: site/ is always the last good, complete
build, whatever fails (a data mistake, a strict warning, an unsafe page)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from explainer.build import swap
from sitebuild import ROOT

# A stand-in for `mkdocs build`: writes a page into --site-dir, then exits with the given code.
FAKE = ("import pathlib, sys; d = pathlib.Path(sys.argv[sys.argv.index('--site-dir') + 1]); "
        "(d / 'index.html').write_text(sys.argv[1]); sys.exit(int(sys.argv[2]))")


def _build(site: Path, text: str, code: int) -> int:
    return swap.build(site, [sys.executable, "-c", FAKE, text, str(code)])


def test_a_good_build_replaces_the_site_and_leaves_nothing_beside_it(tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert _build(site, "first", 0) == 0
    (site / "stale.html").write_text("from an older build")
    assert _build(site, "second", 0) == 0
    assert sorted(p.name for p in site.iterdir()) == ["index.html"]
    assert (site / "index.html").read_text() == "second"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_failed_build_keeps_the_last_good_site(tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert _build(site, "good", 0) == 0
    assert _build(site, "half-written", 1) == 1
    assert (site / "index.html").read_text() == "good"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_data_mistake_in_a_real_build_keeps_the_site(tmp_path: Path) -> None:
    """mkdocs build --strict, as `make build` runs it, with a broken record: site/ unchanged."""
    data = tmp_path / "data"
    subprocess.run(["cp", "-r", str(ROOT / "tests" / "fixtures" / "small"), str(data)],
                   check=True)
    (data / "events" / "2021-coup.yaml").write_text("id: [", "utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("last good")
    env = {**os.environ, "EXPLAINER_DATA": str(data), "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "explainer.build.swap", str(site), "--", sys.executable, "-m",
         "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml")],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert proc.returncode != 0
    assert "keeps the last good site" in proc.stderr
    assert (site / "index.html").read_text() == "last good"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "site"]


def test_make_build_goes_through_the_swap() -> None:
    makefile = (ROOT / "Makefile").read_text("utf-8")
    recipe = makefile.split("\nbuild:", 1)[1].split("\n\n", 1)[0]
    assert "-m explainer.build.swap site -- $(BIN)/python -m explainer.build.editions" in recipe


def test_the_editions_build_english_first_then_french_inside_it(tmp_path: Path) -> None:
    """MkDocs empties its site folder first: the root edition must be built before fr/."""
    from explainer.build import editions

    commands = editions.commands(tmp_path, ["-q"], ROOT)
    assert [(c[c.index("--config-file") + 1], c[c.index("--site-dir") + 1]) for c in commands] \
        == [(str(ROOT / "mkdocs.yml"), str(tmp_path)), (str(ROOT / "mkdocs.fr.yml"),
                                                         str(tmp_path / "fr"))]
    assert all("--strict" in c and c[-1] == "-q" for c in commands)
