"""The real `make serve` (on a free port, on a copy of the data) in Chromium: an open page shows
a saved edit by itself, under the page's Content-Security-Policy; a data mistake keeps the last
good pages served, with a banner listing the problems until the data is fixed."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from harness import open_guard, run_axe
from playwright.sync_api import Browser

from explainer.build import data_dir_of
from sitebuild import ROOT, SUBPATH, ServedSite, source_date_epoch

START = 240.0  # seconds for the first build on a loaded machine
WITHIN = 3.0  # seconds from a save to the page showing it: the promise
EVENT = "coup-2021"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return int(r.status), str(r.read().decode("utf-8"))
    except urllib.error.HTTPError as e:
        return e.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, ""


@dataclass
class Serve:
    site: ServedSite
    data: Path
    log: Path
    proc: subprocess.Popen[bytes]

    def until(self, what: str, ready: Callable[[], bool], within: float) -> float:
        """Seconds until ready() (checked every 50 ms); fails after `within` seconds."""
        start = time.monotonic()
        while not ready():
            if self.proc.poll() is not None:
                pytest.fail(f"make serve exited while waiting for {what}:\n"
                            f"{self.log.read_text(errors='replace')[-3000:]}")
            if time.monotonic() - start > within:
                pytest.fail(f"no {what} within {within} s:\n"
                            f"{self.log.read_text(errors='replace')[-3000:]}")
            time.sleep(0.05)
        return time.monotonic() - start

    def edit(self, key: str, value: str) -> None:
        path = self.data / "events" / f"{EVENT}.yaml"
        text, n = re.subn(rf"^{key}: .*$", f"{key}: {value}", path.read_text("utf-8"), count=1,
                          flags=re.M)
        assert n == 1
        path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def serve(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Serve]:
    tmp = tmp_path_factory.mktemp("serve")
    data = tmp / "data"
    shutil.copytree(data_dir_of(ROOT), data)
    port = _free_port()
    origin = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if k not in {"SITE_URL", "MAKEFLAGS"}}
    env |= {"EXPLAINER_DATA": str(data), "SOURCE_DATE_EPOCH": source_date_epoch()}
    log = tmp / "serve.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(["make", "-s", "serve", f"PORT={port}"], cwd=ROOT, env=env,
                                stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    s = Serve(site=ServedSite(site_dir=tmp, base_url=f"{origin}/{SUBPATH}/", origin=origin),
              data=data, log=log, proc=proc)
    try:
        s.until("first build", lambda: b"Serving on" in log.read_bytes()
                and _get(s.site.url())[0] == 200, START)
        yield s
    finally:
        os.killpg(proc.pid, signal.SIGINT)  # make and mkdocs; MkDocs removes its temp folder
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def test_an_open_page_shows_a_saved_edit_by_itself(browser: Browser, serve: Serve) -> None:
    guard = open_guard(browser, serve.site)
    said: list[str] = []
    guard.page.on("console", lambda m: said.append(m.text))
    page = guard.goto(f"events/{EVENT}/")
    serve.until("the live-reload script", lambda: "Enabled live reload" in said, 10)
    title = "Live reload check: the open tab shows this"
    serve.edit("title", f'"{title}"')
    took = serve.until("new title in the open page",
                       lambda: title in page.locator("h1").inner_text(), WITHIN)
    assert took <= WITHIN
    print(f"save to new title in the open tab: {took:.2f} s")
    guard.assert_clean()  # no CSP violation, no console error
    guard.context.close()


def test_a_data_mistake_keeps_the_site_up_with_a_banner(browser: Browser, serve: Serve,
                                                        axe_source: str) -> None:
    url = serve.site.url(f"events/{EVENT}/")
    serve.edit("kind", "cuop")
    took = serve.until("banner", lambda: 'id="explainer-problems"' in _get(url)[1], WITHIN)
    print(f"save of a mistake to banner served: {took:.2f} s")
    status, html = _get(url)
    assert status == 200
    assert re.search(rf"events/{EVENT}\.yaml:\d+:\d+: kind must be one of .*\(got &#x27;cuop"
                     r"&#x27;\)</code><span class=\"explainer-hint\">hint: did you mean "
                     r"&#x27;coup&#x27;\?", html)
    assert 'id="explainer-problems"' in _get(serve.site.url("timeline/"))[1]
    assert "kind must be one of" in serve.log.read_text(errors="replace")  # the terminal too

    for scheme in ("light", "dark"):
        guard = open_guard(browser, serve.site, scheme=scheme)
        page = guard.goto(f"events/{EVENT}/")
        banner = page.locator("#explainer-problems")
        assert banner.is_visible()
        assert banner.get_attribute("role") == "alert"
        assert "cuop" in banner.inner_text()
        assert run_axe(page, axe_source) == [], scheme
        # Keyboard: Tab reaches the button, Enter dismisses; Escape inside does too.
        button = banner.locator("button")
        for _ in range(60):
            page.keyboard.press("Tab")
            if button.evaluate("b => b === document.activeElement"):
                break
        assert button.evaluate("b => b === document.activeElement")
        page.keyboard.press("Enter")
        assert banner.is_hidden()
        page.reload()
        page.locator("#explainer-problems button").focus()
        page.keyboard.press("Escape")
        assert page.locator("#explainer-problems").is_hidden()
        guard.assert_clean()
        guard.context.close()

    fixed = "Fixed title shows once the data is right"
    serve.edit("title", f'"{fixed}"')
    serve.edit("kind", "coup")
    took = serve.until("the fixed page", lambda: fixed in _get(url)[1], WITHIN)
    print(f"save of the fix to new text served: {took:.2f} s")
    status, html = _get(url)
    assert status == 200 and "explainer-problems" not in html
