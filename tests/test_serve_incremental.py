"""`make serve` rebuilds incrementally (`mkdocs serve --dirty`, fingerprints in
explainer.build.incremental): what changed is rewritten, nothing else, and the result is the site a
clean build makes. The pure parts first, then one real server on a copy of the data."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from explainer.build import data_dir_of, read_corpus
from explainer.build.incremental import (
    Ledger,
    SearchDoc,
    SiteInputs,
    digest,
    last_runs,
    merge_search,
    page_fingerprint,
    page_of,
    stamps,
)
from explainer.render.timeline import SPLIT
from sitebuild import SUBPATH, build_site, source_date_epoch

ROOT = Path(__file__).resolve().parent.parent

# The pure core.

SITE = SiteInputs(config_text="site_name: x\n", src_uris=["index.md", "a.md"],
                  abbreviations="*[AU]: African Union", schemas={"event": "{}"},
                  stamps=[("assets/x.css", 1, 2)], nav=['["index.md", "Home"]'])


def test_digest_separates_its_parts() -> None:
    assert digest("ab", "c") != digest("a", "bc")
    assert digest("ab", "c") == digest("ab", "c")


@pytest.mark.parametrize(("field", "value"), [
    ("config_text", "site_name: y\n"), ("src_uris", ["index.md", "a.md", "b.md"]),
    ("src_uris", ["index.md"]), ("abbreviations", "*[AU]: African Unions"),
    ("schemas", {"event": "{ }"}), ("stamps", [("assets/x.css", 2, 2)]),
    ("nav", ['["index.md", "Start"]']),
])
def test_every_site_input_changes_the_site_fingerprint(field: str, value: Any) -> None:
    assert dataclasses.replace(SITE, **{field: value}).fingerprint() != SITE.fingerprint()


def test_the_order_of_files_and_stamps_does_not_matter() -> None:
    other = dataclasses.replace(SITE, src_uris=["a.md", "index.md"],
                                stamps=list(reversed([*SITE.stamps, ("b", 1, 1)])))
    assert dataclasses.replace(SITE, stamps=[*SITE.stamps, ("b", 1, 1)]).fingerprint() \
        == other.fingerprint()


def test_a_page_fingerprint_covers_the_site_and_the_page() -> None:
    base = {"path": "events/x.md", "markdown": "# X\n", "edit_uri": "../data/events/x.yaml",
            "jsonld": {"@type": "Event", "name": "X"}}
    fp = page_fingerprint("site", **base)
    assert page_fingerprint("other site", **base) != fp
    for key, value in [("path", "events/y.md"), ("markdown", "# Y\n"), ("edit_uri", None),
                       ("jsonld", {"@type": "Event", "name": "Y"}), ("jsonld", None)]:
        assert page_fingerprint("site", **{**base, key: value}) != fp, key
    # The same data in another key order is the same page.
    assert page_fingerprint("site", **{**base, "jsonld": {"name": "X", "@type": "Event"}}) == fp


def test_stamps_see_a_touched_file_and_skip_pages(tmp_path: Path) -> None:
    (tmp_path / "assets").mkdir()
    css = tmp_path / "assets" / "x.css"
    css.write_text("a{}", encoding="utf-8")
    (tmp_path / "page.md").write_text("# P\n", encoding="utf-8")
    before = stamps(tmp_path, skip_suffixes=(".md",))
    assert [s[0] for s in before] == ["assets/x.css"]
    os.utime(css, ns=(before[0][1] + 10**9, before[0][1] + 10**9))
    assert stamps(tmp_path, skip_suffixes=(".md",)) != before
    assert stamps(tmp_path / "missing") == []


def test_the_ledger_trusts_only_what_it_wrote_from_the_same_fingerprint(tmp_path: Path) -> None:
    a, b = str(tmp_path / "a.html"), str(tmp_path / "b.html")
    ledger = Ledger()
    ledger.start()
    assert not ledger.is_fresh(a, "1")  # never written
    ledger.record(a, "1")
    assert not ledger.is_fresh(a, "1")  # recorded, but the file is not on disk
    Path(a).write_text("a", encoding="utf-8")
    Path(b).write_text("b", encoding="utf-8")
    assert ledger.is_fresh(a, "1")
    assert not ledger.is_fresh(a, "2")
    # A failed build forgets what it wrote, not what earlier builds wrote.
    ledger.start()
    ledger.record(b, "1")
    ledger.abandon()
    assert ledger.is_fresh(a, "1")
    assert not ledger.is_fresh(b, "1")
    # A page that no longer exists is forgotten and handed back for deletion.
    ledger.record(b, "1")
    assert ledger.prune([b]) == [a]
    assert not ledger.is_fresh(a, "1")
    assert ledger.is_fresh(b, "1")


def _entries(page: str, sections: int, version: int) -> list[SearchDoc]:
    first = [{"location": page, "title": f"{page} v{version}", "text": ""}]
    return first + [{"location": f"{page}#s{i}", "title": f"s{i} v{version}", "text": ""}
                    for i in range(1, sections)]


def _material_merge(prev: list[SearchDoc], new: list[SearchDoc]) -> list[SearchDoc]:
    """Material's dirty-reload merge (search/plugin.py, generate_search_index), which assumes
    that one page was rebuilt."""
    if prev and new:
        path = new[0]["location"]
        return [e for e in prev if not e["location"].startswith(path)] + new
    return new or prev


def test_page_of_a_location() -> None:
    assert page_of("events/x/#sources") == "events/x/"
    assert page_of("#about") == "" == page_of("")


def test_last_runs_keep_the_fresh_run_of_each_page() -> None:
    docs = [*_entries("b/", 2, 0), *_entries("a/", 1, 1), *_entries("b/", 2, 1)]
    assert last_runs(docs) == {"b/": _entries("b/", 2, 1), "a/": _entries("a/", 1, 1)}


@given(sections=st.lists(st.integers(1, 4), min_size=1, max_size=8),
       picks=st.lists(st.booleans(), min_size=8, max_size=8),
       reset=st.booleans())
def test_the_merged_index_is_the_full_build_index(sections: list[int], picks: list[bool],
                                                  reset: bool) -> None:
    # Page "" (the home page) is a prefix of every location: Material then drops every kept
    # entry. Nested pages ("a/", "a/b/") are prefixes of each other.
    names = ["", "a/", "a/b/", "c/", "c/d/", "e/", "f/", "g/"][:len(sections)]
    rebuilt = {n for n, p in zip(names, picks, strict=False) if p}
    full_before = [e for n, k in zip(names, sections, strict=True) for e in _entries(n, k, 0)]
    kept = last_runs(full_before)
    new = [e for n, k in zip(names, sections, strict=True) if n in rebuilt
           for e in _entries(n, k, 1)]
    # Without its previous index (as the hook arranges) Material writes only the new entries;
    # with it, it writes its own merge.
    written = new if reset else _material_merge(full_before, new)
    merged = merge_search(written, kept, order=names, rebuilt=rebuilt)
    expected = [e for n, k in zip(names, sections, strict=True)
                for e in _entries(n, k, 1 if n in rebuilt else 0)]
    assert [e for docs in merged.values() for e in docs] == expected


def test_a_removed_page_leaves_the_index() -> None:
    kept = last_runs([*_entries("a/", 1, 0), *_entries("b/", 2, 0)])
    assert list(merge_search([], kept, order=["a/"], rebuilt=set())) == ["a/"]


# The real server.

TIMEOUT = 240.0  # seconds for any one step; a loaded 2-core machine is slow, never this slow
REBUILT = re.compile(r"(\d+) of (\d+) pages rebuilt in (\S+)")
FAILED = "An error happened during the rebuild"


def serve_args(port: int) -> list[str]:
    """The arguments `make serve PORT=port` passes to mkdocs."""
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    m = re.search(r"^serve:.*\n\t\$\(BIN\)/mkdocs (.+)$", text, re.M)
    assert m, "no `serve` recipe running $(BIN)/mkdocs in the Makefile"
    return shlex.split(m.group(1).replace("$(PORT)", str(port)))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait(what: str, ready: Callable[[], bool], server: Server) -> None:
    deadline = time.monotonic() + TIMEOUT
    while not ready():
        if server.proc.poll() is not None:
            pytest.fail(f"mkdocs serve exited while waiting for {what}:\n{server.log()[-4000:]}")
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}:\n{server.log()[-4000:]}")
        time.sleep(0.05)


@dataclass
class Server:
    proc: subprocess.Popen[bytes]
    log_path: Path
    base_url: str
    env: dict[str, str]

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def builds(self) -> list[tuple[int, int, Path]]:
        """(pages rebuilt, pages, site dir) of each finished build, from the hook's log line."""
        return [(int(a), int(b), Path(c)) for a, b, c in REBUILT.findall(self.log())]

    def get(self, path: str) -> str:
        with urllib.request.urlopen(self.base_url + path, timeout=TIMEOUT) as r:
            return str(r.read().decode("utf-8"))

    @property
    def site_dir(self) -> Path:
        return self.builds()[0][2]

    def rebuild(self, edit: Callable[[], None]) -> tuple[int, int]:
        """Make an edit and wait for the build it starts; (pages rebuilt, pages)."""
        done = len(self.builds())
        edit()
        _wait("a rebuild", lambda: len(self.builds()) > done, self)
        rebuilt, total, _ = self.builds()[-1]
        self.get("")  # MkDocs answers once the new site is visible
        return rebuilt, total


@contextmanager
def dirty_server(tmp: Path, data: Path) -> Iterator[Server]:
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}/{SUBPATH}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": source_date_epoch(),
           "SITE_URL": base_url, "EXPLAINER_DATA": str(data)}
    log_path = tmp / "serve.log"
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", *serve_args(port), "-f",
             str(ROOT / "mkdocs.yml")], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    server = Server(proc=proc, log_path=log_path, base_url=base_url, env=env)
    try:
        _wait("the first build", lambda: bool(server.builds()), server)
        _wait("the server", lambda: _answers(base_url), server)
        yield server
    finally:
        proc.send_signal(signal.SIGINT)  # MkDocs then deletes its temporary site folder
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5):
            return True
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def _pages(site: Path) -> dict[str, int]:
    """Every built page and its modification time in ns."""
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns
            for p in site.rglob("*.html")}


def _changed(before: dict[str, int], after: dict[str, int]) -> set[str]:
    return {p for p in after if before.get(p) != after[p]}


def _set_line(path: Path, key: str, value: str) -> Callable[[], None]:
    def edit() -> None:
        text = path.read_text(encoding="utf-8")
        new, n = re.subn(rf"^{key}: .*$", f"{key}: {value}", text, count=1, flags=re.M)
        assert n == 1, f"no one-line {key} in {path}"
        path.write_text(new, encoding="utf-8")
    return edit


def _search_docs(server: Server) -> list[dict[str, Any]]:
    docs: list[dict[str, Any]] = json.loads(server.get("search/search_index.json"))["docs"]
    locations = [d["location"] for d in docs]
    duplicates = sorted({loc for loc in locations if locations.count(loc) > 1})
    assert duplicates == [], f"search entries listed twice: {duplicates[:10]}"
    return docs


def _one_line(path: Path, key: str) -> bool:
    return re.search(rf"^{key}: [^>|\s].*\n(?! )", path.read_text(encoding="utf-8"),
                     re.M) is not None


def test_dirty_serve_rewrites_what_changed_and_serves_a_clean_build(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(data_dir_of(ROOT), data)
    corpus = read_corpus(data)
    event = next(e for e in sorted(corpus.events.values(), key=lambda e: e.id)
                 if e.actors and _one_line(data / "events" / f"{e.id}.yaml", "title"))
    source = data / "events" / f"{event.id}.yaml"
    term = next(t for t in sorted(corpus.terms.values(), key=lambda t: t.id)
                if t.expansion and _one_line(data / "glossary" / f"{t.id}.yaml", "expansion"))
    with dirty_server(tmp_path, data) as server:
        site = server.site_dir
        first, total, _ = server.builds()[0]
        assert first == total > 200, "the first build under serve is complete"
        html = {p: (site / p).read_text(encoding="utf-8") for p in _pages(site)}
        untouched = next(
            p for p in sorted(html) if p.startswith("events/") and event.id not in html[p]
            and event.title not in html[p] and p != f"events/{event.id}/index.html")
        locations = sorted(d["location"] for d in _search_docs(server))

        # One event's title: its page, the timeline and its actors' pages, nothing unrelated.
        title = "Incremental rebuild check one"
        before = _pages(site)
        rebuilt, total = server.rebuild(_set_line(source, "title", title))
        changed = _changed(before, _pages(site))
        assert rebuilt == len(changed - {"404.html"}) < total // 4
        assert title in server.get(f"events/{event.id}/")
        listing = ("timeline/" if len(corpus.events) <= SPLIT
                   else f"timeline/{event.when.date.year}/")
        assert title in server.get(listing)
        for role in event.actors:
            assert title in server.get(f"actors/{role.actor}/"), role.actor
        assert untouched not in changed, f"{untouched} was rewritten"
        docs = _search_docs(server)
        assert sorted(d["location"] for d in docs) == locations
        assert any(title in d["title"] for d in docs)
        assert not any(event.title in d["title"] for d in docs)

        # A glossary abbreviation is appended to every page that uses it: every page changes.
        before = _pages(site)
        rebuilt, total = server.rebuild(_set_line(data / "glossary" / f"{term.id}.yaml",
                                                  "expansion", f"{term.expansion} (edited)"))
        assert rebuilt == total
        assert _changed(before, _pages(site)) == set(before)

        # A mistake is reported with its location; the last good site stays, untouched on
        # disk, and is served with the problem in a banner (added per response).
        before = _pages(site)
        good = (site / "events" / event.id / "index.html").read_bytes()
        rebuilt, _ = server.rebuild(_set_line(source, "kind", "arrset"))
        assert rebuilt == 0
        assert re.search(re.escape(str(source)) + r":\d+:\d+: kind must be one of", server.log())
        assert FAILED not in server.log()
        assert _changed(before, _pages(site)) <= {"404.html"}  # a template: written each build
        assert (site / "events" / event.id / "index.html").read_bytes() == good
        assert 'id="explainer-problems"' in server.get(f"events/{event.id}/")

        # Fixed, with a new title: served, and nothing the failed build half-did remains.
        fixed = "Incremental rebuild check two"
        rebuilt, _ = server.rebuild(lambda: source.write_text(
            re.sub(r"^kind: .*$", f"kind: {event.kind}",
                   re.sub(r"^title: .*$", f"title: {fixed}", source.read_text("utf-8"),
                          count=1, flags=re.M), count=1, flags=re.M), encoding="utf-8"))
        assert 0 < rebuilt < total // 4
        assert fixed in server.get(f"events/{event.id}/")
        assert fixed in server.get(listing)
        _search_docs(server)

        log = server.log()
        assert "WARNING" not in log and "strict mode" not in log, log[-4000:]

        # The served folder is, byte for byte, the site a clean strict build makes of the data.
        clean = tmp_path / "clean"
        build_site(clean, site_url=server.base_url, data=data)
        served = {p.relative_to(site).as_posix(): p.read_bytes()
                  for p in site.rglob("*") if p.is_file()}
        built = {p.relative_to(clean).as_posix(): p.read_bytes()  # the English edition
                 for p in clean.rglob("*") if p.is_file() and not
                 p.relative_to(clean).as_posix().startswith("fr/")}
        assert sorted(served) == sorted(built)
        differ = sorted(p for p in built if served[p] != built[p])
        assert differ == [], f"{len(differ)} files differ from a clean build: {differ[:10]}"
