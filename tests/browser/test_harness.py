"""The harness itself: a missing browser is a failure with the install command, not a skip."""

from __future__ import annotations

import os

import harness
import pytest


def test_missing_chromium_fails_with_the_install_command(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHROMIUM", "/nonexistent/chromium")
    monkeypatch.setattr(harness.shutil, "which", lambda name: None)
    real_access = os.access
    monkeypatch.setattr(harness.os, "access",
                        lambda p, mode: "chromium" not in str(p) and real_access(p, mode))
    with pytest.raises(pytest.fail.Exception, match=r"Chromium is missing.*make browser"):
        harness.chromium_path()


def test_browser_tests_are_marked_and_not_skipped(request: pytest.FixtureRequest) -> None:
    assert request.node.get_closest_marker("browser") is not None
