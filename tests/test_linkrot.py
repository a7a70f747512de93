"""The link-rot watch, offline: fixture reports of a link checker (200, 404, timeout, redirect)
in; the one GitHub issue it opens, updates or closes out (through a fake GitHub)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from explainer.tools import linkrot

FIXTURES = Path(__file__).parent / "fixtures" / "linkrot"
CITED: dict[str, list[str]] = json.loads((FIXTURES / "urls.json").read_text("utf-8"))


def report(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / f"{name}.json").read_text("utf-8"))
    return data


class FakeGitHub:
    """Answers the three calls linkrot makes, and records every call."""

    def __init__(self, open_issues: list[dict[str, Any]] | None = None) -> None:
        self.open_issues = open_issues or []
        self.calls: list[tuple[str, str, dict[str, Any] | None]] = []

    def __call__(self, method: str, path: str, payload: dict[str, Any] | None) -> Any:
        self.calls.append((method, path, payload))
        if method == "GET":
            return self.open_issues
        if method == "POST" and path.endswith("/issues"):
            return {"number": 42}
        return {}


def test_a_clean_report_has_no_failures() -> None:
    assert linkrot.failures(report("all-200")) == []


def test_a_redirect_that_ends_on_a_page_is_not_a_failure() -> None:
    assert linkrot.failures(report("redirect")) == []


def test_a_404_is_dead() -> None:
    (f,) = linkrot.failures(report("one-404"))
    assert (f.url, f.status, f.code, f.timed_out) == (
        "https://example.org/dead", "404 Not Found", 404, False)


def test_a_timeout_is_listed_apart() -> None:
    (f,) = linkrot.failures(report("timeout"))
    assert f.timed_out and f.url == "https://slow.example.net/page"


def test_status_as_text_or_object_each_url_once() -> None:
    found = linkrot.failures(report("mixed"))
    assert [(f.url, f.status) for f in found] == [
        ("https://example.org/dead", "404 Not Found"),
        ("https://example.org/not-cited", "410 Gone"),
        ("https://slow.example.net/page", "Timeout"),
    ]


def test_the_issue_lists_each_dead_url_with_the_records_citing_it() -> None:
    body = linkrot.issue_body(linkrot.failures(report("mixed")), CITED,
                              run_url="https://github.com/o/r/actions/runs/1")
    assert "## Dead: 1\n\n- [ ] https://example.org/dead (404 Not Found)\n" \
        "  - `data/events/a.yaml`\n  - `data/claims/b.yaml`\n" in body
    assert "## Timed out (may be temporary): 1\n\n- [ ] https://slow.example.net/page " \
        "(Timeout)\n  - `data/glossary/d.yaml`\n" in body
    assert "not-cited" not in body  # only what the data cites
    assert "moved" not in body and "fine" not in body
    assert "Run: https://github.com/o/r/actions/runs/1" in body


def test_dead_links_open_one_labelled_issue() -> None:
    gh = FakeGitHub()
    said = linkrot.sync_issue(gh, "o/r", linkrot.failures(report("one-404")), CITED)
    assert said == "opened issue #42"
    assert [c[:2] for c in gh.calls] == [
        ("GET", "/repos/o/r/issues?state=open&labels=link-rot&per_page=100"),
        ("POST", "/repos/o/r/issues")]
    payload = gh.calls[1][2]
    assert payload is not None
    assert payload["labels"] == ["link-rot"]
    assert payload["title"] == "Dead links in the cited sources (1)"
    assert "https://example.org/dead" in payload["body"]


def test_a_later_run_updates_the_open_issue_instead_of_opening_another() -> None:
    gh = FakeGitHub([{"number": 7}, {"number": 9, "pull_request": {}}])
    said = linkrot.sync_issue(gh, "o/r", linkrot.failures(report("mixed")), CITED)
    assert said == "updated issue #7"
    assert [c[:2] for c in gh.calls][1:] == [("PATCH", "/repos/o/r/issues/7")]
    payload = gh.calls[1][2]
    assert payload is not None and payload["title"] == "Dead links in the cited sources (2)"


def test_when_every_url_answers_the_issue_is_closed() -> None:
    gh = FakeGitHub([{"number": 7}])
    said = linkrot.sync_issue(gh, "o/r", linkrot.failures(report("redirect")), CITED)
    assert said == "closed 1 issue(s)"
    assert [c[:2] for c in gh.calls][1:] == [("PATCH", "/repos/o/r/issues/7"),
                                              ("POST", "/repos/o/r/issues/7/comments")]
    assert gh.calls[1][2] == {"state": "closed", "state_reason": "completed"}


def test_nothing_to_do_without_dead_links_or_an_open_issue() -> None:
    gh = FakeGitHub()
    assert linkrot.sync_issue(gh, "o/r", [], CITED) == "no dead links"
    assert [c[0] for c in gh.calls] == ["GET"]


def test_dry_run_prints_the_issue(capsys: pytest.CaptureFixture[str],
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_REPOSITORY", raising=False)
    code = linkrot.main(["--report", str(FIXTURES / "one-404.json"),
                         "--urls", str(FIXTURES / "urls.json")])
    assert code == 0
    assert "- [ ] https://example.org/dead (404 Not Found)" in capsys.readouterr().out


def test_without_a_token_it_refuses(capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_REPOSITORY", "o/r")
    monkeypatch.delenv("GH_TOKEN", raising=False)
    monkeypatch.delenv("GITHUB_TOKEN", raising=False)
    assert linkrot.main(["--report", str(FIXTURES / "one-404.json"),
                         "--urls", str(FIXTURES / "urls.json")]) == 2
