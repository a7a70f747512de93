"""The contributor guide and the model are checked against each other: every field of every
record (and nested object) has its table row, every example passes the check, every problem
kind is explained, and every option it names exists."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from explainer.__main__ import main
from explainer.data import schema as s

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "CONTRIBUTING.md"
PAGE = ROOT / "docs" / "contributing.md"
GOLDEN = ROOT / "tests" / "golden" / "problems"
FENCE = re.compile(r"^```yaml\n(.*?)^```", re.M | re.S)


def _guide() -> str:
    return GUIDE.read_text("utf-8")


def _objects() -> dict[str, s.Obj]:
    """Every record kind and every nested object of the model, by name."""
    found: dict[str, s.Obj] = {}

    def walk(t: s.FieldType) -> None:
        if isinstance(t, s.ListOf):
            walk(t.item)
        elif isinstance(t, s.OneOf):
            for _, o in t.choices:
                walk(o)
        elif isinstance(t, s.Obj) and t.name not in found:
            found[t.name] = t
            for f in t.fields:
                walk(f.type)

    for obj in s.RECORDS.values():
        walk(obj)
    return found


def _field_tables(text: str) -> list[list[str]]:
    """The first-column field names of each '| Field | …' table."""
    tables: list[list[str]] = []
    current: list[str] | None = None
    for line in text.splitlines():
        if line.startswith("| Field |"):
            current = []
            tables.append(current)
        elif current is not None and line.startswith("|"):
            if m := re.match(r"^\| `([a-z_]+)` \|", line):
                current.append(m.group(1))
        else:
            current = None
    return tables


def _examples() -> list[str]:
    return [m.group(1) for m in FENCE.finditer(_guide())
            if m.group(1).startswith("# yaml-language-server:")]


def test_site_page_is_the_guide() -> None:
    assert PAGE.read_text("utf-8") == _guide(), "copy CONTRIBUTING.md to docs/contributing.md"
    assert re.search(r"^  - \w+: contributing\.md$",
                     (ROOT / "mkdocs.yml").read_text("utf-8"), re.M)


@pytest.mark.parametrize("name", sorted(n for n in _objects() if not n.endswith("French")))
def test_every_field_is_in_the_guide(name: str) -> None:
    fields = [f.name for f in _objects()[name].fields]
    tables = _field_tables(_guide())
    assert fields in tables, f"no table in CONTRIBUTING.md lists exactly the fields of {name}: " \
        f"{fields}"


def test_the_guide_documents_no_field_the_model_lacks() -> None:
    shapes = [[f.name for f in o.fields] for o in _objects().values()]
    assert [t for t in _field_tables(_guide()) if t not in shapes] == []


def test_every_enum_value_is_in_the_guide() -> None:
    text = _guide()
    for values in (s.EVENT_KINDS, s.ACTOR_KINDS, s.CLAIM_KINDS, s.VERDICTS, s.PRECISIONS,
                   s.SOURCE_CLASSES):
        assert [v for v in values if f"`{v}`" not in text] == []


def test_examples_cover_every_record_kind_a_contributor_adds() -> None:
    kinds = {e.split("schemas/", 1)[1].split(".", 1)[0] for e in _examples()}
    assert kinds >= {"event", "actor", "claim", "term"}


def test_every_example_passes_the_check(tmp_path: Path, fixtures_dir: Path,
                                        monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    shutil.copytree(fixtures_dir / "small", data)
    # The examples quote the real article: bring its record and text.
    for path in (ROOT / "data" / "sources").glob("mali-double-coup.*"):
        shutil.copy(path, data / "sources" / path.name)
    # ... and cite real pages: bring the publisher register, less the publishers shown as examples.
    shown = {yaml.safe_load(e)["id"] for e in _examples() if "/publisher.schema" in e}
    for path in (ROOT / "data" / "publishers").glob("*.yaml"):
        if path.stem not in shown:
            shutil.copy(path, data / "publishers" / path.name)
    # ... and name real places: bring the place register, less the places shown as examples.
    places = {yaml.safe_load(e)["id"] for e in _examples() if "/place.schema" in e}
    (data / "places").mkdir(exist_ok=True)
    for path in (ROOT / "data" / "places").glob("*.yaml"):
        if path.stem not in places:
            shutil.copy(path, data / "places" / path.name)
    written = []
    for example in _examples():
        kind = example.split("schemas/", 1)[1].split(".", 1)[0]
        ident = yaml.safe_load(example)["id"]
        path = data / s.FOLDERS[kind] / f"{ident}.yaml"
        assert not path.exists(), f"two examples with id {ident}"
        path.write_text(example, "utf-8")
        written.append(path)
    monkeypatch.chdir(tmp_path)
    code = main(["check"])
    out = capsys.readouterr()
    assert code == 0, out.err
    assert len(written) >= 6


def _stem(message: str) -> str:
    """The fixed part of a problem message: before the first quoted or variable value."""
    stem = re.split(r"['(\d]|U\+|(?<=one of) ", message, maxsplit=1)[0].strip()
    return stem if len(stem) >= 8 else message.split(" ", 1)[0]


@pytest.mark.parametrize("golden", sorted(GOLDEN.glob("*.yml")), ids=lambda p: p.stem)
def test_every_kind_of_problem_is_explained(golden: Path) -> None:
    case = yaml.safe_load(golden.read_text("utf-8"))
    messages = [line.split(": ", 1)[1] for line in case["problems"].splitlines()
                if line.startswith("data/")]
    text = _guide()
    assert any(_stem(m) in text for m in messages), \
        f"CONTRIBUTING.md explains none of: {messages}"


def test_every_option_the_guide_names_exists(capsys: pytest.CaptureFixture[str]) -> None:
    helps = []
    for command in (["new"], ["check"], ["translations"]):
        with pytest.raises(SystemExit):
            main([*command, "--help"])
        helps.append(capsys.readouterr().out)
    options = set(re.findall(r"(?<![\w-])(--[a-z][a-z-]+)", _guide()))
    assert {o for o in options if not any(o in h for h in helps)} == set()


def test_the_guide_gives_each_event_kind_its_meaning() -> None:
    text = _guide()
    missing = [k for k in s.EVENT_KINDS
               if f"| `{k}` | {s.EVENT_KIND_MEANINGS.get(k, '?')} |" not in text]
    assert missing == [], "add a row to the event kinds table in CONTRIBUTING.md"


def test_the_guide_says_what_serve_does_with_a_data_problem() -> None:
    text = " ".join(_guide().split())
    for words in ("explainer: serving the last good pages, with these problems in a banner on "
                  "every page, until they are fixed", "explainer: the data is fixed; serving "
                  "the new pages", "make serve PORT=8001"):
        assert words in text


def test_the_readme_example_is_a_new_event_that_passes(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]
                                                        ) -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    blocks = [b for b in re.findall(r"```yaml\n(.*?)```", readme, re.S)
              if b.startswith("# yaml-language-server:")]
    assert len(blocks) == 1
    record = yaml.safe_load(blocks[0])
    ident = record["id"]
    # Following the README must never overwrite a published record.
    assert not (ROOT / "data" / "events" / f"{ident}.yaml").exists(), \
        f"README's example id {ident!r} exists: pick an event not in data/events/"
    assert f"data/events/{ident}.yaml" in readme
    if "suspension-lifted" in s.EVENT_KINDS:
        assert record["kind"] == "suspension-lifted", "the example's kind now exists: use it"
    shutil.copytree(ROOT / "data", tmp_path / "data")
    (tmp_path / "data" / "events" / f"{ident}.yaml").write_text(blocks[0], "utf-8")
    monkeypatch.chdir(tmp_path)
    code = main(["check"])
    out = capsys.readouterr()
    assert code == 0, out.out + out.err


@pytest.mark.parametrize("kind", s.TRANSLATED_KINDS)
def test_the_guide_names_every_translated_field(kind: str) -> None:
    """The French blocks' fields are listed in 'Translating', one row per record kind."""
    section = _guide().split("## Translating", 1)[1].split("\n## ", 1)[0]
    row = next((ln for ln in section.splitlines() if ln.startswith(f"| {kind} |")), "")
    names: set[str] = set()

    def walk(t: s.FieldType) -> None:
        if isinstance(t, s.ListOf):
            walk(t.item)
        elif isinstance(t, s.Obj):
            for f in t.fields:
                if f.name != s.FINGERPRINT:
                    names.add(f.name)
                    walk(f.type)

    block = next(f.type for f in s.RECORDS[kind].fields if f.name == s.TRANSLATION)
    walk(block)
    assert names and all(f"`{n}`" in row for n in names), (kind, sorted(names), row)
