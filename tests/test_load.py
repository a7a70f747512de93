"""The strict loader: same data as yaml.safe_load for plain text trees, a mark for every path,
and only DataError (never another exception) for anything else. Runs under both parsers."""

from __future__ import annotations

import contextlib
import resource
import time
from collections.abc import Iterator

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explainer.data import load as load_module
from explainer.data.load import decode, load
from explainer.data.problems import DataError

PARSERS = ["C", "pure"] if hasattr(yaml, "CSafeLoader") else ["pure"]


@pytest.fixture(params=PARSERS, autouse=True)
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "pure":
        monkeypatch.setattr(load_module, "LOADER", yaml.SafeLoader)
    return str(request.param)


# What the loader accepts as text: no controls, format characters, surrogates or line separators.
SAFE = st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Zl", "Zp"),
                     blacklist_characters="\x85\ufeff")
text = st.text(SAFE, max_size=20)
keys = text.filter(lambda k: k != "<<")
trees = st.recursive(text, lambda kids: st.lists(kids, max_size=4)
                     | st.dictionaries(keys, kids, max_size=4), max_leaves=20)


def _paths(tree: object, key: tuple[object, ...] = ()) -> Iterator[tuple[object, ...]]:
    yield key
    if isinstance(tree, dict):
        for k, v in tree.items():
            yield from _paths(v, (*key, k))
    elif isinstance(tree, list):
        for i, v in enumerate(tree):
            yield from _paths(v, (*key, i))


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(trees)
def test_dumped_text_trees_load_as_safe_load_does_with_a_mark_for_every_path(tree: object
                                                                              ) -> None:
    source = yaml.safe_dump(tree, allow_unicode=True)
    doc = load(source, "data/x.yaml")
    assert doc.data == yaml.safe_load(source) == tree
    lines = max(1, len(source.splitlines()))
    for path in _paths(tree):
        assert path in doc.marks
        line, col = doc.marks[path]
        assert 1 <= line <= lines + 1 and col >= 1


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=200))
def test_any_text_loads_or_raises_data_error(source: str) -> None:
    with contextlib.suppress(DataError):
        load(source, "data/x.yaml")


YAMLISH = st.lists(st.sampled_from(["a:", " b", "- ", "[", "]", "{", "}", ": ", "&x", "*x", "!!",
                                    "<<", "\n", "  ", "'", '"', "#", "---", "\t", "yes", "1:20",
                                    "2021-02-30", "~", ",", "|", ">"]), max_size=30).map("".join)


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(YAMLISH)
def test_yaml_like_noise_loads_or_raises_data_error(source: str) -> None:
    with contextlib.suppress(DataError):
        load(source, "data/x.yaml")


@pytest.mark.parametrize(("source", "expected"), [
    ("country: NO\nt: 1:20\nv: 1.10\nd: 2021-02-30\nn: 010\n",
     {"country": "NO", "t": "1:20", "v": "1.10", "d": "2021-02-30", "n": "010"}),
    ("a:\nb: ~\nc: null\nd: ''\ne: '~'\n", {"a": None, "b": None, "c": None, "d": "", "e": "~"}),
    ("d: 2021-05-24\nq: '2021-05-24'\n", {"d": "2021-05-24", "q": "2021-05-24"}),
])
def test_scalars_stay_the_text_written(source: str, expected: dict[str, object]) -> None:
    assert load(source, "data/x.yaml").data == expected


def test_key_marks_point_at_keys() -> None:
    doc = load("id: x\nsources:\n  - title: t\n", "data/x.yaml")
    assert doc.key_marks[("sources",)] == (2, 1)
    assert doc.marks[("sources", 0, "title")] == (3, 12)


BILLION_LAUGHS = "a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n" + "".join(
    f"{c}: &{c} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n"
    for p, c in zip("abcdefgh", "bcdefghi", strict=True))


def test_billion_laughs_is_refused_fast_and_small() -> None:
    assert len(BILLION_LAUGHS.encode()) <= 500
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    with pytest.raises(DataError) as err:
        load(BILLION_LAUGHS, "data/x.yaml")
    assert time.perf_counter() - start < 0.5
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kib < 100 * 1024
    assert "anchors (&name) and aliases (*name) are not allowed" in str(err.value)
    assert str(err.value).startswith("data/x.yaml:1:4:")


def test_not_utf8_names_the_line_and_column_of_the_byte() -> None:
    with pytest.raises(DataError) as err:
        decode("id: x\nname: caf\xe9\n".encode("latin-1"), "data/x.yaml")
    assert str(err.value).startswith("data/x.yaml:2:10: file is not UTF-8 (byte 0xE9)")


def test_bom_is_dropped() -> None:
    assert load(decode(b"\xef\xbb\xbfa: b\n", "x"), "x").data == {"a": "b"}


def test_oversized_file_is_refused() -> None:
    with pytest.raises(DataError, match="the limit is"):
        decode(b"a: b\n" * 300_000, "data/x.yaml")


def test_format_characters_are_every_cf_but_the_joiners() -> None:
    """The table in load.py is Unicode's category Cf (for this Python's Unicode), less the
    documented allow-list (CONTRIBUTING.md, "Characters")."""
    import re
    import sys
    import unicodedata

    cf = {chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf"}
    listed = {chr(c) for c in range(sys.maxunicode + 1)
              if re.fullmatch(f"[{load_module.FORMAT_BMP}]", chr(c))
              or load_module.FORMAT_ASTRAL.fullmatch(chr(c))}
    assert listed == cf - set(load_module.JOINERS)


@pytest.mark.parametrize(("text", "refused"), [
    ("Ada Ex\u00adample", "U+00AD"),  # soft hyphen
    ("Ada \u061cExample", "U+061C"),  # Arabic letter mark
    ("Ada\U000e0041\U000e0042", "U+E0041"),  # tag characters
    ("Ada\u200dExample", "U+200D"),  # a joiner inside an English word
    ("\u200cAda", "U+200C"),
    ("Ada \u2066Example", "U+2066"),
])
def test_invisible_format_characters_are_refused(text: str, refused: str) -> None:
    with pytest.raises(DataError) as e:
        load(f"name: {text}\n", "p.yaml")
    assert f"character {refused} is not allowed" in str(e.value)


@pytest.mark.parametrize("text", [
    "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",  # Persian: ZWNJ inside a word
    "\u0915\u094d\u200d\u0937",  # Devanagari: ZWJ for a half form
    "\U0001f469\u200d\U0001f4bb",  # an emoji sequence
])
def test_the_joiners_are_allowed_where_scripts_need_them(text: str) -> None:
    assert load(f"name: {text}\n", "p.yaml").data == {"name": text}


def _data_files() -> list[str]:
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "data"
    return sorted(str(p.relative_to(root)) for p in root.rglob("*.yaml"))[:400]


@pytest.mark.parametrize("ending", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_windows_and_old_mac_line_ends_load_the_same_values_and_marks(ending: str) -> None:
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "data"
    for rel in _data_files():
        raw = (root / rel).read_bytes()
        lf = load(decode(raw, rel), rel)
        other = load(decode(raw.replace(b"\n", ending.encode()), rel), rel)
        assert (other.data, dict(other.marks), dict(other.key_marks), other.header) == (
            lf.data, dict(lf.marks), dict(lf.key_marks), lf.header), rel


def test_a_windows_file_reports_problems_at_the_lines_an_editor_shows() -> None:
    with pytest.raises(DataError) as e:
        load("a: 1\r\nb: 2\r\nb: 3\r\n", "p.yaml")
    assert [(p.line, p.col) for p in e.value.problems] == [(3, 1)]
    with pytest.raises(DataError) as e:
        load("a: 1\rb: \u00ad\r", "p.yaml")
    assert [(p.line, p.col) for p in e.value.problems] == [(2, 4)]


def test_indentation_names_the_key_and_both_columns() -> None:
    from explainer.data.yaml_hints import out_of_line

    text = "id: x\nkind: coup\n  place: Bamako\n"
    key_marks = {("id",): (1, 1), ("kind",): (2, 1)}
    off = out_of_line(text, 3, key_marks, {}, mark_col=8)
    assert off is not None
    assert (off.line, off.col, off.message) == (
        3, 3, "key 'place' is at column 3, but the keys beside it are at column 1")
    # A ': ' inside a value, at its sibling's column: not an indentation mistake.
    assert out_of_line("id: x\ntitle: Coup: a\n", 2, {("id",): (1, 1)}, {},
                       mark_col=12) is None
