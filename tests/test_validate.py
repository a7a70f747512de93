"""The validator: never another exception than DataError; dates; quotes; the schema's one truth."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explainer.build import read_corpus
from explainer.commands.schemas import schema_texts
from explainer.data import schema as s
from explainer.data.dates import When, parse_date
from explainer.data.load import Document, load
from explainer.data.model import Corpus
from explainer.data.problems import DataError, Problem
from explainer.data.quotes import SourceText, normalise
from explainer.data.validate import validate

FIELD_NAMES = sorted({f.name for o in s.RECORDS.values() for f in o.fields}
                     | {"actor", "role", "quote", "verdict", "value", "values", "label"})
leaf = st.one_of(st.none(), st.sampled_from(["", "x", "2021-02-30", "2021", "true", "yes",
                                             "https://e.org/", "javascript:x", "a-b", "<b>",
                                             "day", "coup", "person", "thesis", "1"]))
values = st.recursive(leaf, lambda kids: st.lists(kids, max_size=3)
                      | st.dictionaries(st.sampled_from(FIELD_NAMES), kids, max_size=5),
                      max_leaves=15)


def _documents(fixture: Path) -> tuple[list[Document], dict[str, str]]:
    docs, texts = [], {}
    for p in sorted(fixture.rglob("*")):
        rel = "data/" + p.relative_to(fixture).as_posix()
        if p.suffix == ".yaml":
            docs.append(load(p.read_text("utf-8"), rel))
        elif p.suffix == ".txt":
            texts[rel] = p.read_text("utf-8")
    return docs, texts


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(sorted(s.FOLDERS)), data=values)
def test_any_loadable_data_gives_a_corpus_or_located_problems(fixtures_dir: Path, kind: str,
                                                              data: object) -> None:
    docs, texts = _documents(fixtures_dir / "small")
    path = f"data/{s.FOLDERS[kind]}/fuzzed.yaml"
    docs.append(Document(path=path, data=data, header=s.SCHEMA_LINE.format(kind=kind),
                         marks={(): (2, 1)}))
    try:
        result: Corpus | list[object] = validate(docs, texts)
    except DataError as e:
        result = list(e.problems)
    if isinstance(result, list):
        assert result
        for p in result:
            assert isinstance(p, Problem)
            assert p.path.startswith("data/") and p.line >= 1 and p.col >= 1


def test_small_fixture_builds_a_sorted_indexed_corpus(fixtures_dir: Path) -> None:
    corpus = read_corpus(fixtures_dir / "small")
    assert list(corpus.events) == ["1968-coup", "2021-coup", "2021-elections-promise",
                                   "2023-elections-postponed"]
    assert corpus.events_by_actor["ada-example"] == ("2021-coup",)
    assert corpus.claims_by_event["2021-coup"] == ("coup-happened",)
    assert set(corpus.supporters["thesis"]) == {"coup-happened", "invest-in-governance"}
    assert corpus.attackers["thesis"] == ("security-first",)
    quote = corpus.claims["invest-in-governance"].quotes[0]
    assert (quote.paragraph, quote.start) == (4, 0)


def test_json_schemas_on_disk_are_generated_from_the_model(repo_root: Path) -> None:
    on_disk = {p.name: p.read_text("utf-8") for p in (repo_root / "schemas").glob("*.json")}
    assert on_disk == schema_texts(), "run: explainer schemas"


def test_model_dataclasses_cover_every_schema_field() -> None:
    from explainer.data import model

    renamed = {"date": "when", "precision": "when", "approximate": "when", "end": "when",
               "earliest": "when", "latest": "when", "display": "when", "published": "published",
               "quotes": "quotes", "text": "text", "class": "source_class",
               "place": "places"}
    for kind, obj in s.RECORDS.items():
        cls = getattr(model, obj.name)
        names = set(cls.__dataclass_fields__)
        for f in obj.fields:
            if f.name == s.TRANSLATION:  # the French corpus carries it: translations.french
                continue
            target = (f.name if kind == "place" else renamed.get(f.name, f.name)
                      ) if kind != "source" else (
                "published" if f.name in {"precision", "approximate", "earliest", "latest",
                                          "display"} else f.name)
            assert target in names, f"{obj.name} has no field for {f.name!r}"


def test_the_json_schema_accepts_the_fixture(fixtures_dir: Path, repo_root: Path) -> None:
    import jsonschema
    import yaml

    class Yaml12ish(yaml.SafeLoader):
        """Like an editor's YAML 1.2 reading: dates stay strings."""

    Yaml12ish.yaml_implicit_resolvers = {
        k: [r for r in v if r[0] != "tag:yaml.org,2002:timestamp"]
        for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
    for kind, folder in s.FOLDERS.items():
        schema = json.loads((repo_root / "schemas" / f"{kind}.schema.json").read_text())
        for p in (fixtures_dir / "small" / folder).glob("*.yaml"):
            jsonschema.validate(yaml.load(p.read_text(), Loader=Yaml12ish), schema)


@pytest.mark.parametrize(("text", "shown"), [
    ("2021-05-24", "24 May 2021"), ("2021-05", "May 2021"), ("1968", "1968"),
])
def test_dates_show_at_their_precision(text: str, shown: str) -> None:
    assert parse_date(text).display() == shown
    assert When(date=parse_date(text), approximate=True).display() == f"c. {shown}"


def test_spans_are_compact() -> None:
    when = When(date=parse_date("2012-03-21"), end=parse_date("2012-03-22"))
    assert when.display() == "21–22 March 2012"
    assert When(date=parse_date("2021-06-03"), end=parse_date("2021-07-02")).display() == (
        "3 June – 2 July 2021")


@pytest.mark.parametrize("bad", ["2021-02-30", "2021-13", "21-05-24", "2021-5-4", "May 2021"])
def test_impossible_or_malformed_dates_are_refused(bad: str) -> None:
    with pytest.raises(ValueError, match=r"must be|not a real date"):
        parse_date(bad)


def test_quote_policy_forgives_typography_and_spacing_only() -> None:
    st_ = SourceText("He said “a coup within a coup.”\n\nMali’s army acted.\n")
    assert st_.find('"a coup   within a coup."') is not None
    assert st_.find("Mali's army") is not None
    assert st_.find("Mali's Army") is None            # case counts
    assert st_.find("a coup inside a coup") is None   # a changed word fails
    assert st_.find("coup.” Mali’s") is None          # no match across paragraphs
    assert normalise("a\u00a0 b") == "a b"


def test_coverage_counts_quoted_sentences_per_paragraph(fixtures_dir: Path) -> None:
    from explainer.data.coverage import coverage, sentences

    text = normalise('Col. Ada led. He said “a coup.” The U.S. army left. Then?')
    assert len(sentences(text)) == 4
    (sc,) = coverage(read_corpus(fixtures_dir / "small"))
    assert [p.body for p in sc.paragraphs] == [False, True, True, True, False]
    assert [p.cited for p in sc.body()] == [True, True, True]
    assert sc.share() == 1.0


@pytest.mark.parametrize("kind", sorted(s.FOLDERS))
def test_the_reserved_id_is_refused_for_every_kind(kind: str, fixtures_dir: Path,
                                                    tmp_path: Path) -> None:
    """A source called `index` replaced /source/ silently; the check now refuses the reserved
    ids for every kind, before the build."""
    import shutil

    shutil.copytree(fixtures_dir / "small", tmp_path / "data")
    folder = tmp_path / "data" / s.FOLDERS[kind]
    (folder / "index.yaml").write_text(
        s.SCHEMA_LINE.format(kind=kind) + "\nid: index\n", "utf-8")
    with pytest.raises(DataError) as e:
        read_corpus(tmp_path / "data")
    assert any(p.path.endswith(f"{s.FOLDERS[kind]}/index.yaml")
               and p.message == "id 'index' is reserved for the pages that list records"
               for p in e.value.problems), e.value.problems


def test_quote_hints_mark_words_and_stay_quiet_when_nothing_is_close() -> None:
    from explainer.data.quotes import SourceText, not_found_hint, word_diff

    st = SourceText("The junta promised elections within 18 months. Donors had invested.")
    assert word_diff("The junta promised elections", "The junta promised new elections") \
        == "The junta promised {+new+} elections"
    assert word_diff("The junta promised", "A junta promised") == "[-The-]{+A+} junta promised"
    near = st.closest_words("junta promised polls within 18 months")
    assert near is not None and near[0] == "junta promised elections within 18 months."
    assert "no passage of 's' is close" in not_found_hint(st, "Harvests were good", "s")
    assert not_found_hint(st, "The junta … months", "s").startswith("there is no ellipsis")


@pytest.mark.parametrize(("text", "iso"), [
    ("October 2020", "2020-10"), ("9 Oct 2020", "2020-10-09"), ("2020/10/09", "2020-10-09"),
    ("9 octobre 2020", "2020-10-09"), ("1er août 2021", "2021-08-01"),
    ("October 9, 2020", "2020-10-09"), ("24/05/2021", "2021-05-24"), ("03/04/2021", None),
    ("2021-02-30", None), ("Mali 2020", None), ("the day after", None),
])
def test_a_recognisable_date_gets_its_iso_form(text: str, iso: str | None) -> None:
    from explainer.data.dates import iso_suggestion

    assert iso_suggestion(text) == iso
def test_outcome_is_read_into_the_model(fixtures_dir: Path) -> None:
    corpus = read_corpus(fixtures_dir / "small")
    outcome = corpus.claims["thesis"].outcome
    assert outcome is not None
    assert (outcome.status, outcome.events, outcome.as_of.iso()) == (
        "partly", ("2023-elections-postponed",), "2025-01-01")
    assert corpus.claims["coup-happened"].outcome is None
