"""The French edition's text in the data: fingerprints, missing, stale and extra French, the
French corpus, stamping, coverage; and the golden warnings `explainer check` prints for them
(tests/golden/warnings/<case>.yml edit a copy of tests/fixtures/small, like the problem goldens;
`pytest --update-goldens` rewrites their `warnings`)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from explainer.__main__ import main
from explainer.build import read_corpus
from explainer.data import schema as s
from explainer.data import translations as t
from test_problems_golden import _apply, _Dumper

GOLDEN = Path(__file__).parent / "golden" / "warnings"
CASES = sorted(GOLDEN.glob("*.yml"))

EVENT: dict[str, Any] = {
    "id": "e", "title": "A coup", "summary": "Soldiers took power.",
    "actors": [{"actor": "a", "role": "led it"}, {"actor": "b", "role": "removed"}],
    "sources": [("ArticleCitation", {"source": "src", "quote": "They took power."}),
                ("Reference", {"title": "T", "publisher": "P", "url": "https://x.org/",
                               "note": "A note."})],
}
FRENCH: dict[str, Any] = {
    "title": "Un coup d'État", "summary": "Des soldats ont pris le pouvoir.",
    "actors": [{"role": "l'a mené"}, {"role": "écarté"}],
    "sources": [{"quote": "Ils ont pris le pouvoir."}, {"note": "Une note."}],
}


def _event(**fr: Any) -> dict[str, Any]:
    stamp = t.fingerprint(t.english("event", EVENT))
    return {**EVENT, "fr": {s.FINGERPRINT: stamp, **FRENCH, **fr}}


def test_every_translatable_field_is_text_a_reader_sees() -> None:
    assert s.TRANSLATED_KINDS == ("source", "event", "actor", "claim", "term", "place")
    assert [k for k, _ in t.english("event", EVENT)] == [
        ("title",), ("summary",), ("actors", 0, "role"), ("actors", 1, "role"),
        ("sources", 0, "quote"), ("sources", 1, "note")]


def test_the_fingerprint_follows_the_english() -> None:
    before = t.fingerprint(t.english("event", EVENT))
    assert len(before) == 8 and int(before, 16) >= 0
    edited = {**EVENT, "summary": "Soldiers seized power."}
    assert t.fingerprint(t.english("event", edited)) != before
    respaced = {**EVENT, "summary": "Soldiers  took\npower."}  # re-wrapping is no change
    assert t.fingerprint(t.english("event", respaced)) == before
    swapped = {**EVENT, "actors": EVENT["actors"][::-1]}
    assert t.fingerprint(t.english("event", swapped)) != before


def test_a_complete_translation_is_complete() -> None:
    st = t.status("event", "e", "data/events/e.yaml", _event())
    assert st is not None and st.complete and not st.stale and st.total == 6
    assert t.findings(st) == []


def test_missing_stale_and_extra_french_are_found() -> None:
    rec = _event(actors=[{"role": "l'a mené"}, {}, {"role": "de trop"}])
    rec["fr"][s.FINGERPRINT] = "0badc0de"
    st = t.status("event", "e", "p", rec)
    assert st is not None and st.stale and not st.complete
    assert st.missing == (("actors", 1, "role"),)
    assert st.extra == (("actors", 2, "role"),)
    messages = [f.message for f in t.findings(st)]
    assert messages[0].startswith("French translation is stale: the English changed after it "
                                  "was translated (from_en: 0badc0de, English now ")
    assert messages[1:] == ["no French for actors, item 2, role",
                            "French for actors, item 3, role, which has no English"]


def test_the_french_record_keeps_quotes_and_marks_missing_text() -> None:
    rec = _event()
    del rec["fr"]["summary"]
    fr = t.french("event", rec)
    assert fr["title"] == "Un coup d'État"
    assert isinstance(fr["summary"], t.Untranslated) and fr["summary"] == EVENT["summary"]
    quote = fr["sources"][0][1]
    assert quote["quote"] == "They took power."  # the article's words stay
    assert quote["quote_fr"] == "Ils ont pris le pouvoir."
    assert fr["sources"][1][1]["note"] == "Une note."
    assert EVENT["summary"] == "Soldiers took power."  # the English record is left alone


def test_french_spacing_is_non_breaking() -> None:
    assert t.typeset("Qui ? « Lui » : oui ; non !") == \
        "Qui\u202f? «\u00a0Lui\u00a0»\u00a0: oui\u202f; non\u202f!"
    assert t.typeset("https://x.org/a:b") == "https://x.org/a:b"


def test_stamping_changes_one_line_only() -> None:
    text = "id: e\ntitle: A coup\nfr:\n  from_en: '00000000'\n  title: Un coup\nreviewed: x\n"
    assert t.stamped(text, "1a2b3c4d") == text.replace("00000000", "1a2b3c4d")
    crlf = text.replace("from_en: '00000000'\n  ", "").replace("\n", "\r\n")
    assert t.stamped(crlf, "1a2b3c4d") == crlf.replace(
        "fr:\r\n", "fr:\r\n  from_en: '1a2b3c4d'\r\n")
    assert t.stamped("id: e\n", "1a2b3c4d") is None


def test_coverage_counts_only_current_french() -> None:
    done = t.status("event", "a", "a", _event())
    stale_rec = _event()
    stale_rec["fr"][s.FINGERPRINT] = t.PLACEHOLDER
    stale = t.status("event", "b", "b", stale_rec)
    none = t.status("event", "c", "c", dict(EVENT))
    assert done and stale and none
    assert t.coverage([done, stale, none]) == {"event": (3, 1, 18, 6)}
    report = t.report([done, stale, none])
    assert "b: not stamped" in report and "c: no fr: block; 6 of 6 passages missing" in report
    assert report.endswith("33.3% of 18 passages translated; 1 stale translation")


def test_the_data_is_fully_translated(capsys: pytest.CaptureFixture[str]) -> None:
    """What the French edition promises: every passage of the real data has current French."""
    code = main(["translations", "--strict", "data"])
    out = capsys.readouterr().out
    assert out.rstrip().endswith("100% of " + out.rsplit("100% of ", 1)[-1].strip()), out
    assert "no stale translations" in out and code == 0, out


def test_the_french_corpus_is_french() -> None:
    corpus = read_corpus(Path("data"), "fr")
    assert corpus.lang == "fr"
    assert corpus.places["bamako"].name == "Bamako"
    assert corpus.terms["ecowas"].term == "CEDEAO"
    quoted = [q for c in corpus.claims.values() for q in c.quotes]
    assert quoted and all(q.translation for q in quoted)


@pytest.mark.parametrize("golden", CASES, ids=[c.stem for c in CASES])
def test_lagging_french_gives_located_warnings(golden: Path, tmp_path: Path, fixtures_dir: Path,
                                               update_goldens: bool,
                                               monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    case = yaml.safe_load(golden.read_text("utf-8"))
    shutil.copytree(fixtures_dir / "small", tmp_path / "data")
    _apply(case, tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    code = main(["check"])
    out = capsys.readouterr()
    output = out.out + out.err
    assert code == 0, output  # a warning, never an error
    assert "warning:" in output and "Traceback" not in output
    if update_goldens:
        case["warnings"] = output
        golden.write_text(yaml.dump(case, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                                    width=100), "utf-8")
    assert output == case.get("warnings"), "run pytest --update-goldens and read the diff"


def test_a_french_page_marks_english_standing_in_for_missing_french(tmp_path: Path,
                                                                     fixtures_dir: Path) -> None:
    """The French page shows the English where the French is missing, in lang="en", marked
    « pas encore traduit », with a note at the top that links the English page; a stale
    record says it is to be reviewed."""
    from explainer.render import render_site

    data = tmp_path / "data"
    shutil.copytree(fixtures_dir / "small", data)
    _apply(yaml.safe_load((GOLDEN / "french-missing.yml").read_text("utf-8")), data)
    page = render_site(read_corpus(data, "fr")).pages["events/2021-coup.md"].markdown
    assert '<p class="x-mark">pas encore traduit</p>\n<div lang="en">' in page
    assert "Soldiers led by <em>Col. Ada Example</em> detained President Bo Person." in page
    assert 'role="note">Cette fiche n&#x27;est pas encore entièrement traduite' in page
    assert '<a href="../../../events/2021-coup/" hreflang="en" lang="en">English version</a>' \
        in page
    assert "Des soldats arrêtent le président" in page  # the French that is there

    stale = tmp_path / "stale"
    shutil.copytree(fixtures_dir / "small", stale)
    _apply(yaml.safe_load((GOLDEN / "english-changed.yml").read_text("utf-8")), stale)
    page = render_site(read_corpus(stale, "fr")).pages["events/2021-coup.md"].markdown
    assert "Traduction à revoir" in page and "pas encore traduit" not in page


def test_a_reader_that_stops_reading_gets_no_traceback() -> None:
    """`explainer translations | head`: the reader closes the pipe; no traceback, exit 1."""
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-m", "explainer", "translations", "data"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            cwd=Path(__file__).resolve().parent.parent)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # before the command has written a line
    err = proc.stderr.read().decode()
    assert proc.wait() == 1
    assert "Traceback" not in err and "BrokenPipe" not in err, err


def test_stamp_sets_the_fingerprint_and_the_warning_goes(tmp_path: Path, fixtures_dir: Path,
                                                         monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]
                                                         ) -> None:
    """`explainer translations --stamp FILE`: after an English edit the French is stale; once
    stamped, the check is quiet again, and only the from_en line of the file changed."""
    shutil.copytree(fixtures_dir / "small", tmp_path / "data")
    _apply(yaml.safe_load((GOLDEN / "english-changed.yml").read_text("utf-8")),
           tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    path = Path("data/events/2021-coup.yaml")
    before = path.read_text("utf-8")
    assert main(["translations", "--strict", "data"]) == 1
    assert main(["translations", "--stamp", str(path), "data/events/1968-coup.yaml"]) == 0
    out = capsys.readouterr().out
    assert "data/events/2021-coup.yaml: from_en: 'd5c7897f'" in out
    changed = [(a, b) for a, b in zip(before.splitlines(), path.read_text("utf-8").splitlines(),
                                      strict=True) if a != b]
    assert changed == [("  from_en: '16408597'", "  from_en: 'd5c7897f'")]
    assert main(["check"]) == 0
    assert "warning" not in capsys.readouterr().err
    assert main(["translations", "--stamp", "data/publishers/example.yaml"]) == 1
    assert "nothing to stamp: the file has no fr: block" in capsys.readouterr().err
