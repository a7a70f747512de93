"""`explainer new`: what it prints (golden), that its file passes the check at once, and that a
new event reaches the timeline and its actors' pages in a strict build."""

from __future__ import annotations

import datetime as dt
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from explainer.__main__ import main
from explainer.commands import new

GOLDEN = Path(__file__).parent / "golden" / "new"
ROOT = Path(__file__).resolve().parent.parent
QUOTE = "Col. Ada Example led a coup on May 24, 2021, and detained President Bo Person."

CASES: dict[str, list[str]] = {
    "event-with-quote": [
        "event", "--title", "Soldiers arrest the president again", "--date", "2021-05-24",
        "--kind", "arrest", "--place", "capital-city", "--actor", "ada-example: ordered it",
        "--actor", "bo-person: detained",
        "--summary", "Soldiers detained President Bo Person again.",
        "--quote", QUOTE],
    "event-with-reference": [
        "event", "--title", "An earlier coup", "--ref-url", "https://example.org/history",
        "--ref-title", "History of coups", "--ref-publisher", "Example Encyclopaedia"],
    "event-without-citation": ["event", "--title", "A thing happened"],
    "event-half-reference": ["event", "--title", "A thing happened",
                             "--ref-url", "https://example.org/x"],
    "event-bad-date": ["event", "--title", "A thing happened", "--date", "2021-13",
                       "--quote", QUOTE],
    "event-quote-not-in-text": ["event", "--title", "A thing happened",
                                "--quote", "Col. Ada Example led two coups"],
    "event-unknown-actor": ["event", "--title", "A thing happened", "--actor", "ada-exampel",
                            "--quote", QUOTE],
    "actor": ["actor", "--name", "Cé Officer", "--kind", "person", "--description",
              "An officer named in the report.", "--alias", "C. Officer",
              "--ref-url", "https://example.org/news/coup", "--ref-title", "Report on the coup",
              "--ref-publisher", "Example News", "--ref-published", "2021-05-24",
              "--ref-excerpt", "Col. Cé Officer was seen at the palace."],
    "actor-without-kind": ["actor", "--name", "Cé Officer"],
    "claim": ["claim", "--label", "The junta promised elections", "--quote",
              "The junta promised elections within 18 months.", "--supports", "thesis",
              "--evidence", "2021-elections-promise", "--actor", "the-junta"],
    "claim-unconnected": ["claim", "--label", "Loose", "--quote",
                          "The junta promised elections within 18 months."],
    "claim-with-outcome": ["claim", "--label", "Elections will slip", "--kind", "premise",
                           "--statement", "The junta will not hold elections on time.",
                           "--quote", "The junta promised elections within 18 months.",
                           "--supports", "thesis", "--outcome", "borne-out", "--outcome-note",
                           "The junta postponed the elections.", "--outcome-event",
                           "2023-elections-postponed", "--outcome-as-of", "2025-01-01"],
    "claim-outcome-bad-status": ["claim", "--label", "Elections will slip", "--quote",
                                 "The junta promised elections within 18 months.",
                                 "--supports", "thesis", "--outcome", "true",
                                 "--outcome-note", "It happened."],
    "claim-outcome-early-event": ["claim", "--label", "Elections will slip", "--quote",
                                  "The junta promised elections within 18 months.",
                                  "--supports", "thesis", "--outcome", "partly",
                                  "--outcome-note", "It happened.",
                                  "--outcome-event", "2021-coup"],
}


@pytest.fixture
def data(tmp_path: Path, fixtures_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(fixtures_dir / "small", tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(new, "today", lambda: dt.date(2030, 1, 2))
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False, raising=False)
    return tmp_path / "data"


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["new", *argv])
    out = capsys.readouterr()
    return code, out.out + out.err


def _written(data: Path, before: set[Path]) -> list[Path]:
    return sorted(set(data.rglob("*.yaml")) - before)


@pytest.mark.parametrize("case", CASES)
def test_new_prints_golden_text(case: str, data: Path, capsys: pytest.CaptureFixture[str],
                                update_goldens: bool) -> None:
    before = set(data.rglob("*.yaml"))
    code, output = _run(CASES[case], capsys)
    written = _written(data, before)
    text = f"$ {shlex.join(['explainer', 'new', *CASES[case]])}\nexit {code}\n{output}"
    for path in written:
        text += f"--- {path.relative_to(data.parent).as_posix()}\n{path.read_text('utf-8')}"
    golden = GOLDEN / f"{case}.txt"
    if update_goldens:
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(text, "utf-8")
    assert text == golden.read_text("utf-8"), "run pytest --update-goldens and read the diff"
    assert "Traceback" not in output
    # Either a file that passes the check but for its review markers, or nothing written.
    assert (code == 0) == bool(written)
    checked = main(["check"])
    problems = "".join(capsys.readouterr())
    markers = [ln for ln in problems.splitlines() if ": a review marker is left: " in ln]
    assert (checked == 0) == (not markers), problems
    assert len(markers) == sum(p.read_text("utf-8").count(new.TODO) for p in written)


def test_today_is_a_placeholder_marked_for_review(data: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    code, output = _run(["event", "--title", "A thing happened", "--quote", QUOTE], capsys)
    assert code == 0, output
    text = (data / "events" / "thing-happened.yaml").read_text("utf-8")
    assert "# TODO: review: today's date, a placeholder; put the date of the event\n" \
           "date: 2030-01-02\n" in text
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../../schemas/event.schema.json"


def test_ids_taken_get_a_number(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for day in range(1, 4):  # other days: the same title on the same day is a duplicate
        assert _run(["event", "--title", "2021 coup", "--date", f"2021-0{day}",
                     "--quote", QUOTE], capsys)[0] == 0
    assert {p.stem for p in (data / "events").glob("2021-coup*.yaml")} == {
        "2021-coup", "2021-coup-2", "2021-coup-3", "2021-coup-4"}
    assert main(["check"]) == 1  # their summaries are placeholders, marked for review
    assert "a review marker is left: # TODO: review: the summary" in "".join(
        capsys.readouterr())


def test_the_same_event_twice_is_refused(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["event", "--title", "Soldiers detain the president", "--date", "2021-05-24",
            "--kind", "coup", "--summary", "Soldiers detained him.", "--quote", QUOTE]
    code, output = _run(args, capsys)
    assert code == 1
    assert "probable duplicate of data/events/2021-coup.yaml" in output


@pytest.mark.parametrize(("title", "year", "ident"), [
    ("The African Union lifts Mali's suspension", 2020, "au-lifts-mali-suspension-2020"),
    ("ECOWAS lifts its sanctions on Mali", 2020, "ecowas-lifts-sanctions-mali-2020"),
    ("The United Nations Security Council condemns the coup", 2020, "unsc-condemns-coup-2020"),
    ("Côte d'Ivoire's presidential election", 2020, "cote-divoire-presidential-election-2020"),
    ("The 2021 coup in Mali", 2021, "2021-coup-mali"),
    ("A thing happened", None, "thing-happened"),
])
def test_ids_in_the_project_style(title: str, year: int | None, ident: str) -> None:
    from explainer.data.ids import record_id

    assert record_id(title, year) == ident


def test_a_new_id_never_takes_an_existing_one(data: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    args = ["event", "--title", "The 2021 coup", "--date", "2021-05-24", "--summary",
            "Soldiers detained the president.", "--kind", "coup", "--quote", QUOTE]
    assert _run(args, capsys)[0] == 0
    assert (data / "events" / "2021-coup-2.yaml").is_file()  # 2021-coup.yaml exists


def test_help_lists_every_kind_with_its_meaning(capsys: pytest.CaptureFixture[str]) -> None:
    from explainer.data import schema as s

    with pytest.raises(SystemExit):
        main(["new", "--help"])
    out = capsys.readouterr().out
    for kind in s.EVENT_KINDS:
        assert re.search(rf"^    {re.escape(kind)} +{re.escape(s.EVENT_KIND_MEANINGS[kind])}$",
                         out, re.M), kind
    for kind in (*s.ACTOR_KINDS, *s.CLAIM_KINDS):
        assert kind in out


def test_every_event_kind_has_a_meaning() -> None:
    from explainer.data import schema as s

    assert sorted(s.EVENT_KIND_MEANINGS) == sorted(s.EVENT_KINDS)
    assert all(m and "\n" not in m for m in s.EVENT_KIND_MEANINGS.values())


def test_slug_folds_accents_and_punctuation() -> None:
    assert new.slug("Assimi Goïta: named “president”!") == "assimi-goita-named-president"
    assert len(new.slug("word " * 40)) <= 60


def test_scalar_reads_back_exactly() -> None:
    from explainer.data.load import load

    for value in ("plain words", "Kennedy: a life", "null", "yes", "# not a comment",
                  "“curly” quotes", "- dash", "2021", "a\\b", "https://x.org/a?b=c#d",
                  "ends with colon:", "Cé Officer", "on"):
        doc = load(f"title: {new.scalar(value)}\n", "data/events/x.yaml")
        assert doc.data == {"title": value}


def test_prompts_for_what_is_missing_in_a_terminal(data: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    answers = iter(["Soldiers arrest the president again", "2021-05-24",
                    "Soldiers detained the president.", "arrest", "capital-city", QUOTE])
    asked: list[str] = []

    def fake_input(prompt: str) -> str:
        asked.append(prompt)
        return next(answers)

    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr("builtins.input", fake_input)
    code, output = _run(["event"], capsys)
    assert code == 0, output
    assert asked[0].startswith("Title")
    assert "[2030-01-02]" in asked[1]
    text = (data / "events" / "soldiers-arrest-president-again-2021.yaml").read_text("utf-8")
    assert "TODO" not in text
    assert main(["check"]) == 0


@pytest.fixture(scope="session")
def built_with_new_event(tmp_path_factory: pytest.TempPathFactory, fixtures_dir: Path) -> Path:
    """One strict build of the fixture data plus an event written by `explainer new`."""
    work = tmp_path_factory.mktemp("new-event")
    shutil.copytree(fixtures_dir / "small", work / "data")
    exe = str(Path(sys.executable).parent / "explainer")
    made = subprocess.run([exe, "new", *CASES["event-with-quote"]], cwd=work,
                          capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert made.returncode == 0, made.stderr
    checked = subprocess.run([exe, "check"], cwd=work, capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    env = {**os.environ, "EXPLAINER_DATA": str(work / "data"), "NO_MKDOCS_2_WARNING": "1",
           "SOURCE_DATE_EPOCH": "0"}
    built = subprocess.run(
        [str(Path(sys.executable).parent / "mkdocs"), "build", "--strict", "-f",
         str(ROOT / "mkdocs.yml"), "-d", str(work / "site")],
        cwd=ROOT, env=env, capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    assert "WARNING" not in built.stderr, built.stderr
    return work / "site"


NEW_ID = "soldiers-arrest-president-again-2021"


def test_new_event_gets_its_page(built_with_new_event: Path) -> None:
    page = (built_with_new_event / "events" / NEW_ID / "index.html").read_text("utf-8")
    assert "Soldiers arrest the president again" in page


def test_new_event_is_on_the_timeline(built_with_new_event: Path) -> None:
    page = (built_with_new_event / "timeline" / "index.html").read_text("utf-8")
    assert f'href="../events/{NEW_ID}/"' in page


@pytest.mark.parametrize("actor", ["ada-example", "bo-person"])
def test_new_event_is_on_its_actors_pages(built_with_new_event: Path, actor: str) -> None:
    page = (built_with_new_event / "actors" / actor / "index.html").read_text("utf-8")
    assert f'href="../../events/{NEW_ID}/"' in page
