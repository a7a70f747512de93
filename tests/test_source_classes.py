"""The publisher classes: the class rules, `explainer sources` and `explainer urls`."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from explainer.__main__ import main
from explainer.build import read_corpus
from explainer.data import source_classes
from explainer.data.problems import DataError
from explainer.data.publishers import host_of, publisher_of

REPRINT = """\
# yaml-language-server: $schema=../../schemas/publisher.schema.json
id: copy-site
name: Copy Site
hosts:
  - copies.example.net
class: reprint
note: Republishes others' stories.
reviewed: 2026-11-29
"""


@pytest.fixture
def data(tmp_path: Path, fixtures_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(fixtures_dir / "small", tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "data"


@pytest.fixture
def warn_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """The class rules as warnings, as while data is re-audited (source_classes.ENFORCED)."""
    monkeypatch.setattr(source_classes, "ENFORCED", False)


def _weaken(data: Path, *, via: bool = True) -> None:
    """The 1968 coup and the assessment of coup-happened cite a reprint only."""
    (data / "publishers" / "copy-site.yaml").write_text(REPRINT, "utf-8")
    for rel in ("events/1968-coup.yaml", "claims/coup-happened.yaml"):
        path = data / rel
        text = path.read_text("utf-8").replace("https://example.org/", "https://copies.example.net/")
        if via:  # a reprint says whose work it carries
            text = re.sub(r"^( *)url: https://copies\.example\.net/\S*\n",
                          lambda m: f"{m.group(0)}{m.group(1)}via: example\n", text, flags=re.M)
        path.write_text(text, "utf-8")


def test_hosts_map_to_the_closest_registered_domain() -> None:
    hosts = {"un.org": "united-nations", "news.un.org": "un-news", "reuters.com": "reuters"}
    assert host_of("https://WWW.Reuters.com:443/world/x") == "reuters.com"
    assert publisher_of("reuters.com", hosts) == "reuters"
    assert publisher_of("media.un.org", hosts) == "united-nations"
    assert publisher_of("news.un.org", hosts) == "un-news"
    assert publisher_of("fakeun.org", hosts) is None
    assert publisher_of("org", hosts) is None


def test_the_small_fixture_breaks_no_class_rule(data: Path) -> None:
    corpus = read_corpus(data)
    assert corpus.advisories == ()
    ref = corpus.events["1968-coup"].sources[0]
    assert ref.publisher_id == "example"  # type: ignore[union-attr]


def test_weak_only_records_and_unbacked_assessments_are_found(data: Path, warn_only: None) -> None:
    _weaken(data)
    corpus = read_corpus(data)
    found = [(p.path, p.line, p.message) for p in corpus.advisories]
    assert found == [
        ("data/claims/coup-happened.yaml", 16, "the assessment cites no primary, research, "
         "agency or news source (copy-site: reprint)"),
        ("data/events/1968-coup.yaml", 10, "every external source of this event is weak "
         "(copy-site: reprint)"),
    ]


def test_an_opinion_needs_no_strong_source(data: Path, warn_only: None) -> None:
    _weaken(data)
    path = data / "claims" / "coup-happened.yaml"
    path.write_text(path.read_text("utf-8").replace("verdict: correct", "verdict: opinion"))
    messages = [p.message for p in read_corpus(data).advisories if "coup-happened" in p.path]
    # Still a record resting on weak sources only, but no longer an unbacked verdict.
    assert messages == ["every external source of this claim is weak (copy-site: reprint)"]


def test_one_strong_source_is_enough(data: Path, warn_only: None) -> None:
    _weaken(data)
    path = data / "events" / "1968-coup.yaml"
    path.write_text(path.read_text("utf-8").replace(
        "sources:\n", "sources:\n  - title: Coup\n    publisher: Example News\n"
        "    url: https://example.org/history\n", 1), "utf-8")
    assert [p.path for p in read_corpus(data).advisories] == ["data/claims/coup-happened.yaml"]


def test_the_rules_are_enforced(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert source_classes.ENFORCED  # the re-audited data passes them
    _weaken(data)
    assert main(["check"]) == 1
    assert "data/events/1968-coup.yaml:10:1: every external source of this event is weak" \
        in capsys.readouterr().err


def test_enforced_rules_are_problems(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _weaken(data)
    monkeypatch.setattr(source_classes, "ENFORCED", True)
    with pytest.raises(DataError) as err:
        read_corpus(data)
    assert [str(p).split("\n")[0] for p in err.value.problems] == [
        "data/claims/coup-happened.yaml:16:3: the assessment cites no primary, research, agency "
        "or news source (copy-site: reprint)",
        "data/events/1968-coup.yaml:10:1: every external source of this event is weak "
        "(copy-site: reprint)"]


def test_check_prints_the_rules_as_warnings_and_passes(data: Path, warn_only: None,
                                                       capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    _weaken(data)
    assert main(["check"]) == 0
    err = capsys.readouterr().err
    assert "data/events/1968-coup.yaml:10:1: warning: every external source of this event is " \
        "weak (copy-site: reprint)\n    hint: add a primary" in err
    assert "explainer: 2 warnings (see explainer sources); the data is valid" in err


def test_sources_counts_each_class(data: Path, warn_only: None,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    _weaken(data)
    assert main(["sources"]) == 0
    out = capsys.readouterr().out
    rows = {line.split()[0]: line.split()[1:] for line in out.splitlines()[3:10]}
    # publishers registered, cited, citations, share, distinct URLs
    total = int(rows["all"][2])
    assert rows["reprint"] == ["1", "1", "2", f"{200 / total:.1f}%", "2"]
    assert rows["news"][:3] == ["1", "1", str(total - 2)]
    assert rows["primary"] == ["0", "0", "0", "0.0%", "0"]
    assert rows["all"][:2] == ["2", "2"]
    assert f"Weak citations (reprint + other): 2 of {total} ({200 / total:.1f}%; target at " \
        "most 10%)" in out
    # The fixture gives excerpts to the first references of 1968-coup and 2021-coup.
    assert f"References with an excerpt: 2 of {total} ({200 / total:.1f}%; " in out
    assert "Reprint references without via: 0" in out
    assert "Records resting on weak sources only: 1\n  data/events/1968-coup.yaml:" in out
    assert "cites no primary, research, agency or news source: 1\n" \
        "  data/claims/coup-happened.yaml:" in out
    assert main(["sources", "--strict"]) == 1


def test_urls_lists_every_cited_address_with_its_records(
        data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["urls", "--format", "json"]) == 0
    urls = json.loads(capsys.readouterr().out)
    assert urls["https://example.org/news/coup"] == [
        "data/actors/bo-person.yaml", "data/claims/coup-happened.yaml",
        "data/events/2021-coup.yaml"]
    assert urls["https://example.org/sample-op-ed"] == ["data/sources/sample-article.yaml"]
    assert list(urls) == sorted(urls)
    assert main(["urls", "--format", "plain"]) == 0
    assert capsys.readouterr().out.splitlines() == list(urls)
    assert main(["urls"]) == 0
    text = capsys.readouterr().out
    assert "https://example.org/history\n    data/events/1968-coup.yaml\n" in text


def test_urls_include_links_written_in_prose(data: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    path = data / "events" / "1968-coup.yaml"
    path.write_text(path.read_text("utf-8").replace(
        "summary: An earlier coup, for context.",
        "summary: An earlier coup ([report](https://example.org/report-1968)).", 1), "utf-8")
    assert main(["urls", "--format", "json"]) == 0
    urls = json.loads(capsys.readouterr().out)
    assert urls["https://example.org/report-1968"] == ["data/events/1968-coup.yaml"]
    assert "https://example.org/report-1968)" not in urls


def test_a_maintainers_remark_in_a_note_is_advice_and_never_shown(
        data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = data / "events" / "2021-coup.yaml"
    path.write_text(path.read_text("utf-8").replace(
        "    note: Written on the day.", "    note: (title from URL) Written on the day."),
        "utf-8")
    corpus = read_corpus(data)
    assert [(p.path, p.line, p.col) for p in corpus.advisories] == [
        ("data/events/2021-coup.yaml", 24, 11)]
    assert main(["check"]) == 0
    assert "warning: this note is shown to readers but reads like a maintainer's remark " \
        "('(title from URL) Written on the day.')" in capsys.readouterr().err
    from explainer.render.common import reference_line
    line = reference_line(corpus.events["2021-coup"].sources[1])  # type: ignore[arg-type]
    assert "title from URL" not in line and "Note: Written on the day&#46;" in line


def test_a_reprint_without_via_is_advice(data: Path, warn_only: None) -> None:
    _weaken(data, via=False)
    advice = [(p.path, p.line, p.message) for p in read_corpus(data).advisories
              if "reprint host" in p.message]
    assert advice == [
        ("data/claims/coup-happened.yaml", 19, "copy-site is a reprint host: say whose work it "
         "carries"),
        ("data/events/1968-coup.yaml", 13, "copy-site is a reprint host: say whose work it "
         "carries")]
