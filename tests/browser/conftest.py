"""Real-browser fixtures. Every test under tests/browser is marked `browser` and runs by
default: a missing Chromium or axe-core is a failure that says how to install it
(`make browser`), never a skip."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from harness import (
    AXE,
    CHROMIUM_ARGS,
    HERE,
    INSTALL_HINT,
    Guard,
    OpenPage,
    chromium_path,
    open_guard,
)
from playwright.sync_api import Browser, sync_playwright

from explainer.build import data_dir_of, read_corpus
from sitebuild import ROOT, ServedSite, served_site


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail(f"{AXE.relative_to(ROOT)} is missing: run `npm ci` (or `make browser`)",
                    pytrace=False)
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    path = chromium_path()
    with sync_playwright() as p:
        try:
            b = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)
        except Exception as err:
            pytest.fail(f"Chromium at {path} did not start ({err}); {INSTALL_HINT}",
                        pytrace=False)
        yield b
        b.close()


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory,
                 fixtures_dir: Path) -> Iterator[ServedSite]:
    """The site built from tests/fixtures/hostile: hostile text the validator accepts."""
    with served_site(tmp_path_factory.mktemp("hostile"), data=fixtures_dir / "hostile") as s:
        yield s


@pytest.fixture
def open_page(browser: Browser, site: ServedSite) -> Iterator[OpenPage]:
    """open_page(scheme="light"|"dark", javascript=True, width=1280, site=...) -> Guard.
    Every guard opened in the test must stay clean; checked after the test."""
    guards: list[Guard] = []

    def factory(**kwargs: Any) -> Guard:
        guard = open_guard(browser, kwargs.pop("site", site), **kwargs)
        guards.append(guard)
        return guard

    yield factory
    problems = [g.problems() for g in guards]
    for g in guards:
        g.context.close()
    assert all(p == {} for p in problems), problems


@pytest.fixture
def guard(open_page: OpenPage) -> Guard:
    """A light-scheme page at 1280 px, JavaScript on."""
    return open_page()


@pytest.fixture(scope="session")
def corpus() -> Any:
    """The corpus the `site` fixture was built from."""
    return read_corpus(data_dir_of(ROOT))

