"""Golden problem messages: each bad-input case, word for word, with its positions.

Each tests/golden/problems/<case>.yml edits a copy of tests/fixtures/small; its `problems`
is written by `pytest --update-goldens` (then read the diff).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml

from explainer.__main__ import main
from explainer.data.datafiles import shown_name

GOLDEN = Path(__file__).parent / "golden" / "problems"
CASES = sorted(GOLDEN.glob("*.yml"))


class _Dumper(yaml.SafeDumper):
    """Multi-line strings as literal blocks, so golden files read like the terminal."""


_Dumper.add_representer(str, lambda d, s: d.represent_scalar(
    "tag:yaml.org,2002:str", s, style="|" if "\n" in s and s.isprintable() is False
    and all(c.isprintable() or c == "\n" for c in s) else None))


def _apply(case: dict[str, object], data: Path) -> None:
    encoding = str(case.get("encoding", "utf-8"))
    for rel, pairs in dict(case.get("replace", {})).items():  # type: ignore[call-overload]
        path = data / rel
        text = path.read_text("utf-8")
        for old, new in pairs:
            assert old in text, f"{rel}: {old!r} not in fixture"
            text = text.replace(old, new, 1)
        path.write_bytes(text.encode(encoding))
    for rel, content in dict(case.get("write", {})).items():  # type: ignore[call-overload]
        (data / rel).parent.mkdir(parents=True, exist_ok=True)
        (data / rel).write_text(content, "utf-8", newline="\n")
    for rel, ending in dict(case.get("line_ends", {})).items():  # type: ignore[call-overload]
        path = data / rel
        path.write_bytes(path.read_bytes().replace(b"\n", ending.encode("ascii")))
    for rel, target in dict(case.get("symlink", {})).items():  # type: ignore[call-overload]
        (data / rel).symlink_to(target)
    for rel in case.get("fifo", []):  # type: ignore[attr-defined]
        os.mkfifo(data / rel)


def run_check(data_parent: Path, monkeypatch: pytest.MonkeyPatch,
              capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    monkeypatch.chdir(data_parent)
    code = main(["check"])
    out = capsys.readouterr()
    return code, out.out + out.err


@pytest.mark.parametrize("golden", CASES, ids=[c.stem for c in CASES])
def test_bad_input_gives_located_problems(golden: Path, tmp_path: Path, fixtures_dir: Path,
                                          update_goldens: bool, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    case = yaml.safe_load(golden.read_text("utf-8"))
    shutil.copytree(fixtures_dir / "small", tmp_path / "data")
    _apply(case, tmp_path / "data")
    code, output = run_check(tmp_path, monkeypatch, capsys)
    assert code == 1
    assert "Traceback" not in output
    edited = [*case.get("replace", {}), *case.get("write", {})]
    edited += [*case.get("line_ends", {}), *case.get("symlink", {}), *case.get("fifo", [])]
    shown = ["/".join(shown_name(part) for part in rel.split("/")) for rel in edited]
    folders = [f"{rel.rsplit('/', 1)[0]}/:" for rel in shown if "/" in rel]  # refused folders
    assert any(f"data/{rel}" in output for rel in (*shown, *folders)), output
    first = output.splitlines()[0]
    assert first.startswith("data/") and first.split(":")[1].isdigit(), first
    if update_goldens:
        case["problems"] = output
        golden.write_text(yaml.dump(case, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                                    width=100), "utf-8")
    assert output == case.get("problems"), "run pytest --update-goldens and read the diff"


def test_valid_fixture_passes(fixtures_dir: Path, tmp_path: Path,
                              monkeypatch: pytest.MonkeyPatch,
                              capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(fixtures_dir / "small", tmp_path / "data")
    code, output = run_check(tmp_path, monkeypatch, capsys)
    assert code == 0, output
    assert "data is valid: 4 events, 3 actors, 4 claims" in output


def test_json_format_lists_problems(fixtures_dir: Path, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    import json

    shutil.copytree(fixtures_dir / "small", tmp_path / "data")
    _apply({"replace": {"events/2021-coup.yaml": [["kind: coup", "kind: cuop"]]}},
           tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--format", "json"]) == 1
    problems = json.loads(capsys.readouterr().out)
    assert problems == [{"path": "data/events/2021-coup.yaml", "line": 7, "col": 7,
                         "message": "kind must be one of " + ", ".join(
                             __import__("explainer.data.schema").data.schema.EVENT_KINDS)
                         + " (got 'cuop')", "hint": "did you mean 'coup'?"}]


def test_github_format_annotates_lines(fixtures_dir: Path, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(fixtures_dir / "small", tmp_path / "data")
    _apply({"replace": {"events/2021-coup.yaml": [["kind: coup", "kind: cuop"]]}},
           tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--format", "github"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("::error file=data/events/2021-coup.yaml,line=7,col=7::kind must be")


def test_github_format_escapes_properties_and_message() -> None:
    """A file name with ',', ':', CR or LF cannot end the property list or forge a command
    (GitHub's workflow-command rules: escapeProperty and escapeData)."""
    from explainer.data.problems import Problem, problems_as_github

    name = "data/events/a,line=1::x\n::warning file=forged::y%.yaml"
    out = problems_as_github([Problem(path=name, line=2, col=3, message="bad\r\n::error::z 50%",
                                      hint="h")])
    assert "\n" not in out and "\r" not in out, out
    assert out == ("::error file=data/events/a%2Cline=1%3A%3Ax%0A%3A%3Awarning file=forged"
                   "%3A%3Ay%25.yaml,line=2,col=3::bad%0D%0A::error::z 50%25 (hint: h)")
