"""The browser harness: Debian's Chromium through Playwright, pages that record what must
never happen, axe-core, and the page kinds. Fixtures that use it are in conftest.py."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Dialog, Page, Route

from sitebuild import ROOT, ServedSite

HERE = Path(__file__).resolve().parent
SCREENS = ROOT / "test-artifacts" / "screens"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    # Nothing but loopback resolves, so nothing can leave the machine, not even a preconnect.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
INSTALL_HINT = ("run `make browser` (it runs .ci/setup-browser), or "
                "`sudo apt-get install -y chromium`, or set CHROMIUM=/path/to/chromium")
# An aborted outside request also logs this; such requests are asserted on separately.
_BLOCKED = re.compile(r"net::ERR_BLOCKED_BY_CLIENT|ERR_NAME_NOT_RESOLVED")


def chromium_path() -> str:
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium",
                      shutil.which("chromium"), "/usr/lib/chromium/chromium"):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    pytest.fail(f"Chromium is missing, so the browser tests cannot run: {INSTALL_HINT}",
                pytrace=False)


@dataclass
class Guard:
    """A page in its own context that records what must never happen: requests outside the
    local origin (aborted), console errors, uncaught page errors and dialogs (dismissed)."""

    site: ServedSite
    context: BrowserContext
    page: Page
    external: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    allowed_console: list[re.Pattern[str]] = field(default_factory=list)

    def goto(self, path: str = "", *, wait: str = "load") -> Page:
        response = self.page.goto(self.site.url(path), wait_until=wait)  # type: ignore[arg-type]
        assert response is not None and response.ok, f"{path}: HTTP " + (
            str(response.status) if response else "no response")
        return self.page

    def problems(self) -> dict[str, list[str]]:
        console = [m for m in self.console_errors
                   if not _BLOCKED.search(m) and not any(p.search(m)
                                                         for p in self.allowed_console)]
        found = {"requests outside the site": self.external, "console errors": console,
                 "page errors": self.page_errors, "dialogs": self.dialogs}
        return {k: v for k, v in found.items() if v}

    def assert_clean(self) -> None:
        assert self.problems() == {}


def open_guard(browser: Browser, site: ServedSite, *, scheme: str = "light",
          javascript: bool = True, width: int = 1280, height: int = 900) -> Guard:
    context = browser.new_context(
        color_scheme=scheme,  # type: ignore[arg-type]
        java_script_enabled=javascript, viewport={"width": width, "height": height},
        service_workers="block", reduced_motion="reduce")
    context.set_default_timeout(15_000)
    page = context.new_page()
    guard = Guard(site=site, context=context, page=page)

    def route(r: Route) -> None:
        url = r.request.url
        if url.startswith((site.origin + "/", "data:", "blob:")):
            r.continue_()
        else:
            guard.external.append(url)
            r.abort("blockedbyclient")

    def console(m: ConsoleMessage) -> None:
        if m.type == "error":
            guard.console_errors.append(f"{m.text} ({m.location.get('url', '')})")

    def dialog(d: Dialog) -> None:
        guard.dialogs.append(f"{d.type}: {d.message}")
        d.dismiss()

    context.route("**/*", route)
    page.on("console", console)
    page.on("pageerror", lambda e: guard.page_errors.append(str(e)))
    page.on("dialog", dialog)
    return guard


OpenPage = Callable[..., Guard]


def run_axe(page: Page, source: str) -> list[dict[str, Any]]:
    """axe-core's WCAG 2.0/2.1 A and AA violations on the page. Injected with evaluate():
    add_script_tag would be an inline script, which the page's CSP blocks."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(source)
    result: dict[str, Any] = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: "
        "['violations']})", AXE_TAGS)
    return [{"id": v["id"], "impact": v["impact"], "help": v["help"],
             "nodes": [n["target"] for n in v["nodes"]][:5]} for v in result["violations"]]


def _busiest_place(corpus: Any) -> str:
    return max(corpus.events_by_place, key=lambda p: (len(corpus.events_by_place[p]), p))


def page_kinds(corpus: Any) -> dict[str, str]:
    """One page of each kind, by site path. Records are chosen for the most content: the event
    with disputes and most sources, the actor in most events, a claim with a verdict."""
    events = corpus.events.values()
    event = max(events, key=lambda e: (len(e.disputed), len(e.sources), len(e.actors), e.id))
    actor = max(corpus.events_by_actor, key=lambda a: (len(corpus.events_by_actor[a]), a))
    claim = max(corpus.claims.values(),
                key=lambda c: (c.assessment is not None, c.outcome is not None,
                               len(c.evidence), c.id))
    kind = sorted({e.kind for e in events})[0]
    return {
        "home": "", "timeline": "timeline/", "timeline-kind": f"timeline/kind/{kind}/",
        "event": f"events/{event.id}/", "actors": "actors/", "actor": f"actors/{actor}/",
        "argument": "argument/", "claim": f"claims/{claim.id}/", "fact-checks": "fact-checks/",
        "hindsight": "hindsight/",
        "glossary": "glossary/", "source": "source/", "article": "article/", "data": "data/",
        "about": "about/", "method": "method/",
        "map": "map/", "place": f"places/{_busiest_place(corpus)}/",
        "not-found": "404.html",
    }
