"""Injection payloads that `explainer check` refuses, one named test each, with the problem a
contributor reads. Payloads it accepts are in tests/fixtures/hostile and must render as inert
text: tests/browser/test_injection.py."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from explainer.build import read_corpus
from explainer.data.problems import DataError

EVENT = "events/2021-coup.yaml"
ACTOR = "actors/ada-example.yaml"
SOURCE = "sources/sample-article.yaml"
CLAIM = "claims/thesis.yaml"
TERM = "glossary/coup.yaml"

# name -> (file, the line's key, the new YAML for that line, what the problem must say)
PAYLOADS: dict[str, tuple[str, str, str, str]] = {
    "script element in a title": (
        EVENT, "title:", "title: Soldiers <script>window.__pwned=1</script>",
        "title must not contain raw HTML"),
    "img onerror in a summary": (
        EVENT, "summary:", "summary: >-\n  Soldiers <img src=x onerror=\"alert(1)\">",
        "summary must not contain raw HTML"),
    "svg onload in a place": (
        EVENT, "place:", "place: Capital <svg onload=\"alert(1)\">",
        "place must be an id of lowercase letters"),
    "iframe in a description": (
        ACTOR, "description:", "description: >-\n  <iframe src=\"javascript:alert(1)\"></iframe>",
        "description must not contain raw HTML"),
    "javascript link in prose": (
        EVENT, "summary:", "summary: Soldiers [click](javascript:alert(1)).",
        "summary links must be absolute http(s) URLs (got 'javascript:alert(1)"),
    "entity-disguised javascript link in prose": (
        EVENT, "summary:", "summary: Soldiers [click](jav&#x61;script:alert(1)).",
        "summary must not contain character references (found '&#x61;')"),
    "entity-disguised javascript in an HTML link": (
        ACTOR, "description:",
        "description: >-\n  An <a href=\"jav&#x61;script:alert(1)\">officer</a>.",
        "description must not contain raw HTML"),
    "mixed-case javascript link in prose": (
        CLAIM, "statement:", "statement: Donors [x](JaVaScRiPt:alert(1)) invite coups.",
        "statement links must be absolute http(s) URLs"),
    "javascript image in prose": (
        EVENT, "summary:", "summary: Soldiers ![x](javascript:alert(1)).",
        "summary links must be absolute http(s) URLs (got 'javascript:alert(1)"),
    "reference-style javascript link in prose": (
        EVENT, "summary:", "summary: |-\n  Soldiers [click][r].\n\n  [r]: javascript:alert(1)",
        "summary links must be absolute http(s) URLs (got 'javascript:alert(1)')"),
    "data URL link in prose": (
        EVENT, "summary:", "summary: Soldiers [x](data:text/html;base64,PHNjcmlwdD4=).",
        "summary links must be absolute http(s) URLs"),
    "Markdown link breakout in prose": (
        EVENT, "summary:", "summary: See https://ok/a) [evil](javascript:alert(1)) here.",
        "summary links must be absolute http(s) URLs (got 'javascript:alert(1)')"),
    "Markdown link breakout in a URL field": (
        SOURCE, "url:", "url: 'https://ok/a) [evil](javascript:alert(1))'", "url must be"),
    "javascript URL in a URL field": (
        SOURCE, "url:", "url: javascript:alert(1)", "url must be"),
    "entity-disguised javascript URL in a URL field": (
        SOURCE, "url:", "url: jav&#x61;script:alert(1)", "url must be"),
    "data URL in a URL field": (
        SOURCE, "url:", "url: data:text/html;base64,PHNjcmlwdD4=", "url must be"),
    "protocol-relative URL in a URL field": (
        SOURCE, "url:", "url: //evil.example/x", "url must be"),
    "escaped title breakout in a title": (
        EVENT, "title:",
        "title: Soldiers &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;",
        "title must not contain character references (found '&lt;')"),
    "numeric title breakout in a name": (
        ACTOR, "name:", "name: Ada &#60;/title&#62;&#60;img src=x onerror=alert(1)&#62;",
        "name must not contain character references (found '&#60;')"),
    "raw title breakout in a name": (
        ACTOR, "name:", "name: Ada </title><script>alert(1)</script>",
        "name must not contain raw HTML"),
    "escaped title breakout in a claim label": (
        CLAIM, "label:", "label: Aid &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;",
        "label must not contain character references"),
    "HTML in an abbreviation expansion": (
        TERM, "expansion:", "expansion: coup <b onmouseover=\"alert(1)\">d'état</b>",
        "expansion must not contain raw HTML"),
    "script in an id": (
        EVENT, "id:", "id: 2021-coup\"><script>alert(1)</script>", "id must"),
    "script in a tag": (
        EVENT, "tags:", "tags: ['<script>alert(1)</script>']", "tags item must"),
    "right-to-left override in a name": (
        ACTOR, "name:", "name: Ada \u202eelpmaxE", "character U+202E is not allowed"),
    "YAML tag that runs a command": (
        EVENT, "title:", "title: !!python/object/apply:os.system ['echo pwned']",
        "explicit tags are not"),
}


def _mutate(data: Path, file: str, key: str, new: str) -> None:
    path = data / file
    lines = path.read_text(encoding="utf-8").splitlines()
    [i] = [n for n, line in enumerate(lines) if line.startswith(key)]
    lines[i] = new
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.parametrize("name", PAYLOADS)
def test_payload_is_rejected_by_the_validator(name: str, tmp_path: Path,
                                              fixtures_dir: Path) -> None:
    file, key, new, expected = PAYLOADS[name]
    data = tmp_path / "data"
    shutil.copytree(fixtures_dir / "small", data)
    _mutate(data, file, key, new)
    with pytest.raises(DataError) as caught:
        read_corpus(data)
    messages = [str(p) for p in caught.value.problems]
    assert any(expected in m and f"{file}:" in m for m in messages), messages


def test_check_command_reports_a_payload_at_its_line(tmp_path: Path,
                                                     fixtures_dir: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(fixtures_dir / "small", data)
    _mutate(data, SOURCE, "url:", "url: javascript:alert(1)")
    result = subprocess.run([sys.executable, "-m", "explainer", "check", str(data)],
                            capture_output=True, text=True, check=False)
    line = 1 + next(n for n, text in enumerate(
        (data / SOURCE).read_text(encoding="utf-8").splitlines()) if text.startswith("url:"))
    assert result.returncode == 1
    assert f"{SOURCE}:{line}:6: url must be an absolute" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_hostile_fixture_is_valid(fixtures_dir: Path) -> None:
    # Everything in it is accepted; the browser test proves it renders inert.
    corpus = read_corpus(fixtures_dir / "hostile")
    assert "window.__pwned" in corpus.events["2021-coup"].title
