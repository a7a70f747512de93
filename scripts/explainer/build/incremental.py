"""What a rebuild under `mkdocs serve --dirty` must rewrite, decided by fingerprints.

A page is rewritten unless this process already wrote it with the same fingerprint and its output
is still on disk. A page's fingerprint hashes the site-wide fingerprint (everything that can
change every page: the config, the set of files, the glossary abbreviations, the schemas, the
assets and templates, what the navigation shows of each page) with the page's own inputs.

Pure core: no MkDocs import (the adapter is mkdocs_hook.py).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SearchDoc = dict[str, Any]


def digest(*parts: str) -> str:
    """sha256 of the parts, each prefixed by its length so that ("ab", "c") != ("a", "bc")."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass")
        h.update(f"{len(data)}:".encode())
        h.update(data)
    return h.hexdigest()


def _canonical(value: object) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                      default=str)


@dataclass(frozen=True, kw_only=True, slots=True)
class SiteInputs:
    """Everything a change of which can change every page."""

    config_text: str
    #: every file of the site (pages, downloads, assets, theme): adding or removing one changes
    #: the navigation or what links resolve to
    src_uris: Collection[str]
    #: the `*[TERM]: expansion` lines appended to every page that uses a term
    abbreviations: str
    schemas: Mapping[str, str]
    #: (path, mtime_ns, size) of hand-written assets and theme overrides
    stamps: Collection[tuple[str, int, int]]
    #: what every page's navigation shows of each page in the nav
    nav: Collection[str]

    def fingerprint(self) -> str:
        return digest(self.config_text, _canonical(sorted(self.src_uris)), self.abbreviations,
                      _canonical(sorted(self.schemas.items())), _canonical(sorted(self.stamps)),
                      _canonical(list(self.nav)))


def page_fingerprint(site: str, *, path: str, markdown: str, edit_uri: str | None,
                     jsonld: Mapping[str, Any] | None) -> str:
    return digest(site, path, markdown, _canonical(edit_uri), _canonical(jsonld))


def stamps(folder: Path, *, skip_suffixes: tuple[str, ...] = ()) -> list[tuple[str, int, int]]:
    """(relative path, mtime in ns, size) of every file under folder, but those skipped."""
    if not folder.is_dir():
        return []
    out = []
    for p in sorted(folder.rglob("*")):
        if p.is_file() and not p.name.endswith(skip_suffixes):
            st = p.stat()
            out.append((p.relative_to(folder).as_posix(), st.st_mtime_ns, st.st_size))
    return out


class Ledger:
    """Output files this process wrote, with the fingerprint each was written from.

    Records of a build that fails are dropped (`abandon`): its pages may be on disk half-checked
    (an audit or a strict-mode warning came after them), so the next build rewrites them and
    reports the problem again.
    """

    def __init__(self) -> None:
        self._written: dict[str, str] = {}
        self._this_build: set[str] = set()

    def start(self) -> None:
        self._this_build.clear()

    def is_fresh(self, dest: str, fingerprint: str) -> bool:
        return self._written.get(dest) == fingerprint and Path(dest).is_file()

    def record(self, dest: str, fingerprint: str) -> None:
        self._written[dest] = fingerprint
        self._this_build.add(dest)

    def abandon(self) -> None:
        for dest in self._this_build:
            self._written.pop(dest, None)
        self._this_build.clear()

    def prune(self, current: Collection[str]) -> list[str]:
        """Forget outputs of pages that no longer exist; return them, for deletion."""
        gone = sorted(set(self._written) - set(current))
        for dest in gone:
            del self._written[dest]
        return gone


def page_of(location: str) -> str:
    """`events/x/#sources` -> `events/x/` (the home page is '')."""
    return location.partition("#")[0]


def last_runs(docs: Iterable[SearchDoc]) -> dict[str, list[SearchDoc]]:
    """Each page's entries: the last run of consecutive entries with that page's location.

    The search plugin appends a rebuilt page's entries, all at once, after what it kept of the
    previous index, so the last run is the fresh one.
    """
    runs: dict[str, list[SearchDoc]] = {}
    previous: str | None = None
    for doc in docs:
        page = page_of(str(doc.get("location", "")))
        if page != previous:
            runs[page] = []
            previous = page
        runs[page].append(doc)
    return runs


def merge_search(written: Iterable[SearchDoc], kept: Mapping[str, list[SearchDoc]], *,
                 order: Iterable[str], rebuilt: Collection[str]) -> dict[str, list[SearchDoc]]:
    """Every page's search entries, in build order, as a full build would index them: fresh
    entries (from `written`) for pages rebuilt now, the kept ones for the others. Pages no longer
    in `order` are dropped."""
    fresh = last_runs(written)
    return {page: list((fresh if page in rebuilt else kept).get(page, [])) for page in order}
