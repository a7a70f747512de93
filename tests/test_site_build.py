"""A strict MkDocs build of the repository's config against the fixture data, then a crawl."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

ENV = {"NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}


def _mkdocs(repo_root: Path, *args: str, data: Path | None = None,
            cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **ENV}
    if data is not None:
        env["EXPLAINER_DATA"] = str(data)
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", *args],
                          cwd=cwd or repo_root, env=env, capture_output=True, text=True,
                          check=False)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, repo_root: Path,
               fixtures_dir: Path) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("site")  # both editions, as make build does
    result = _mkdocs(repo_root, "-d", str(out), data=fixtures_dir / "small")
    assert result.returncode == 0, result.stderr
    french = _mkdocs(repo_root, "-f", "mkdocs.fr.yml", "-d", str(out / "fr"),
                     data=fixtures_dir / "small")
    assert french.returncode == 0, french.stderr
    return out, result.stderr + french.stderr


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.loads: list[str] = []  # what the browser fetches while loading the page

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        rel = dict(attrs).get("rel") or ""
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            if name in ("href", "src") and value is not None:
                self.links.append((tag, name, value))
                if tag in ("script", "img", "iframe", "source", "video", "audio") or (
                        tag == "link" and rel not in ("canonical", "alternate", "prev",
                                                      "next")):
                    self.loads.append(f"<{tag} {name}={value}>")


def _parse(path: Path) -> _Page:
    p = _Page()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def test_build_has_no_warnings(built_site: tuple[Path, str]) -> None:
    _, log = built_site
    assert not [line for line in log.splitlines() if "WARNING" in line or "ERROR" in line]


def test_every_page_kind_exists(built_site: tuple[Path, str]) -> None:
    site, _ = built_site
    for path in ("index.html", "timeline/index.html", "argument/index.html",
                 "actors/index.html", "fact-checks/index.html", "glossary/index.html",
                 "source/index.html", "data/index.html", "about/index.html",
                 "events/2021-coup/index.html", "actors/ada-example/index.html",
                 "claims/thesis/index.html", "timeline/kind/coup/index.html",
                 "timeline/actor/ada-example/index.html", "data/mali-coup-explainer.json",
                 "data/events.csv", "schemas/event.schema.json",
                 "assets/javascripts/enhance.js", "assets/stylesheets/extra.css"):
        assert (site / path).is_file(), path


def test_crawl_finds_no_broken_link_or_anchor(built_site: tuple[Path, str]) -> None:
    site, _ = built_site
    pages = {p: _parse(p) for p in site.rglob("*.html") if p.name != "404.html"}
    broken = []
    for page, parsed in pages.items():
        base = "http://site/" + page.relative_to(site).as_posix()
        for _tag, _attr, value in parsed.links:
            target = urlsplit(urljoin(base, value))
            if target.scheme in ("http", "https") and target.netloc != "site":
                continue
            if target.scheme in ("mailto",):
                continue
            path = site / unquote(target.path.lstrip("/"))
            if path.is_dir():
                path = path / "index.html"
            if not path.exists():
                broken.append(f"{page.relative_to(site)}: {value}")
                continue
            if target.fragment and path.suffix == ".html":
                ids = (pages.get(path) or _parse(path)).ids
                if unquote(target.fragment) not in ids:
                    broken.append(f"{page.relative_to(site)}: {value} (no such anchor)")
    assert not broken, "\n".join(broken[:20])


def test_no_third_party_scripts_styles_or_fonts(built_site: tuple[Path, str]) -> None:
    site, _ = built_site
    offenders = []
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for load in _parse(page).loads:
            if re.search(r"=(https?:)?//", load):
                offenders.append(f"{page.relative_to(site)}: {load}")
        for m in re.finditer(r"url\((['\"]?)(https?:)?//", text):
            offenders.append(f"{page.relative_to(site)}: {m.group(0)}")
        assert "fonts.googleapis" not in text and "unpkg.com" not in text
    assert not offenders, "\n".join(offenders[:20])


def test_generated_pages_get_edit_links_and_jsonld(built_site: tuple[Path, str]) -> None:
    site, _ = built_site
    html = (site / "events/2021-coup/index.html").read_text(encoding="utf-8")
    assert "/edit/main/tests/fixtures/small/events/2021-coup.yaml" in html
    assert "docs/../" not in html
    assert '<script type="application/ld+json">' in html
    assert '<abbr title="coup d&#39;état">coup</abbr>' in html or "<abbr" in html


def test_search_index_has_accent_free_forms(built_site: tuple[Path, str]) -> None:
    import json

    site, _ = built_site
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    assert "folded_text" in index["config"]["fields"]
    assert any("etat" in d["folded_text"].split() for d in index["docs"])


def _snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_bad_data_stops_the_build_and_keeps_the_last_site(
        built_site: tuple[Path, str], tmp_path: Path, repo_root: Path,
        fixtures_dir: Path) -> None:
    site, _ = built_site
    kept = tmp_path / "site"
    shutil.copytree(site, kept)
    before = _snapshot(kept)
    data = tmp_path / "data"
    shutil.copytree(fixtures_dir / "small", data)
    event = data / "events" / "2021-coup.yaml"
    event.write_text(event.read_text(encoding="utf-8").replace("date: 2021-05-24",
                                                               "date: 2021-05-34"),
                     encoding="utf-8")
    result = _mkdocs(repo_root, "-d", str(kept), data=data)
    assert result.returncode != 0
    assert "events/2021-coup.yaml:4:7: date" in result.stderr
    assert "Traceback" not in result.stderr
    check = subprocess.run([sys.executable, "-m", "explainer", "check", str(data)],
                           capture_output=True, text=True, check=False, cwd=repo_root)
    assert check.returncode == 1
    for line in check.stderr.splitlines():
        assert line in result.stderr
    assert _snapshot(kept) == before


def test_hand_written_page_at_a_generated_path_is_refused(
        tmp_path: Path, repo_root: Path, fixtures_dir: Path) -> None:
    for folder in ("docs", "overrides"):
        shutil.copytree(repo_root / folder, tmp_path / folder)
    shutil.copy(repo_root / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "scripts/explainer/build").mkdir(parents=True)
    for hook in (repo_root / "scripts/explainer/build").glob("mkdocs_*hook.py"):
        shutil.copy(hook, tmp_path / "scripts/explainer/build")
    shutil.copytree(repo_root / "schemas", tmp_path / "schemas")
    (tmp_path / "docs/events").mkdir()
    (tmp_path / "docs/events/2021-coup.md").write_text("# Mine\n", encoding="utf-8")
    result = _mkdocs(repo_root, "-d", str(tmp_path / "site"), data=fixtures_dir / "small",
                     cwd=tmp_path)
    assert result.returncode != 0
    assert "docs/events/2021-coup.md" in result.stderr
    assert "generated" in result.stderr


def test_render_output_builds_on_its_own(tmp_path: Path, repo_root: Path,
                                         fixtures_dir: Path) -> None:
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "explainer", "render", str(out), "--data",
           str(fixtures_dir / "small"), "--config", str(repo_root / "mkdocs.yml")]
    first = subprocess.run(cmd, capture_output=True, text=True, check=False, cwd=repo_root)
    assert first.returncode == 0, first.stderr
    assert (out / "docs/events/2021-coup.md").is_file()
    assert "hooks:" not in (out / "mkdocs.yml").read_text(encoding="utf-8")
    stale = out / "docs/events/stale.md"
    stale.write_text("# left over\n", encoding="utf-8")
    again = subprocess.run(cmd, capture_output=True, text=True, check=False, cwd=repo_root)
    assert again.returncode == 0, again.stderr
    assert stale.exists(), "render deleted a file it did not write"
    stale.unlink()
    result = _mkdocs(repo_root, "-d", str(tmp_path / "site"), cwd=out)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    assert (tmp_path / "site/events/2021-coup/index.html").is_file()
