"""Build the site with MkDocs into a folder, and serve it under the GitHub Pages sub-path."""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from explainer.build import editions

ROOT = Path(__file__).resolve().parent.parent
SUBPATH = "mali-coup-explainer"


def source_date_epoch() -> str:
    """The last commit's time, as the Makefile sets it (a fixed value outside git)."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return os.environ["SOURCE_DATE_EPOCH"]
    out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True,
                         text=True, check=False)
    return out.stdout.strip() or "1600000000"


def build_site(out: Path, *, site_url: str, data: Path | None = None,
               hash_seed: str = "0") -> None:
    """`mkdocs build --strict` of both editions, as `make build` does (explainer.build.editions):
    mkdocs.yml into `out`, mkdocs.fr.yml into `out`/fr; fail with the log."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": source_date_epoch(),
           "SITE_URL": site_url, "PYTHONHASHSEED": hash_seed}
    if data is not None:
        env["EXPLAINER_DATA"] = str(data)
    for command in editions.commands(out, [], ROOT):
        proc = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True,
                              check=False)
        if proc.returncode != 0:
            pytest.fail(f"{' '.join(command[2:])} failed ({data or 'data/'}):\n"
                        f"{proc.stderr[-4000:]}", pytrace=False)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@dataclass(frozen=True)
class ServedSite:
    """A built site, served at http://127.0.0.1:<port>/mali-coup-explainer/."""

    site_dir: Path
    base_url: str  # ends with "/mali-coup-explainer/"
    origin: str  # http://127.0.0.1:<port>

    def url(self, path: str = "") -> str:
        return self.base_url + path.lstrip("/")


@contextmanager
def served_site(tmp: Path, *, data: Path | None = None) -> Iterator[ServedSite]:
    """Pick the port first (site_url names it), build into tmp/<sub-path>, serve tmp."""
    handler = functools.partial(_QuietHandler, directory=str(tmp))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    origin = f"http://127.0.0.1:{server.server_port}"
    base_url = f"{origin}/{SUBPATH}/"
    site_dir = tmp / SUBPATH
    try:
        build_site(site_dir, site_url=base_url, data=data)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        yield ServedSite(site_dir=site_dir, base_url=base_url, origin=origin)
        server.shutdown()
    finally:
        server.server_close()
