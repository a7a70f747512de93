"""Only regular files inside data/: links, special files, nested folders and strange names are
refused at their path; no file is read beyond the size limit; no file's contents are echoed
beyond the value at fault (tests/golden/problems holds the messages)."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from explainer.build import read_corpus
from explainer.data import datafiles
from explainer.data import schema as s
from explainer.data.datafiles import list_files, read_bytes
from explainer.data.fields import EXCERPT
from explainer.data.load import MAX_BYTES
from explainer.data.problems import DataError


@pytest.fixture
def data(tmp_path: Path, fixtures_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(fixtures_dir / "small", tmp_path / "data")
    monkeypatch.chdir(tmp_path)  # messages show paths from here: data/…
    return tmp_path / "data"


def _problems(data: Path) -> list[str]:
    with pytest.raises(DataError) as e:
        read_corpus(data)
    return [str(p) for p in e.value.problems]


def test_a_link_to_a_system_file_is_refused_and_its_contents_never_shown(data: Path) -> None:
    secret = data.parent / "outside.yaml"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\nsecret-token: s3cr3t\n", "utf-8")
    (data / "events" / "passwd.yaml").symlink_to(secret)
    out = "\n".join(_problems(data))
    assert "events/passwd.yaml:1:1: symbolic links are not allowed" in out
    assert "root:x" not in out and "s3cr3t" not in out


def test_a_source_text_linked_from_outside_is_not_published(data: Path) -> None:
    text = data / "sources" / "sample-article.txt"
    outside = data.parent / "kept-elsewhere.txt"
    shutil.move(text, outside)
    text.symlink_to(outside)
    out = _problems(data)
    assert any("sources/sample-article.txt:1:1: symbolic links are not allowed" in p
               for p in out), out


def test_links_to_endless_devices_and_dangling_links_fail_fast(data: Path) -> None:
    (data / "sources" / "zero.txt").symlink_to("/dev/zero")
    (data / "actors" / "gone.yaml").symlink_to(data / "nowhere.yaml")
    (data / "glossary" / "linked-folder").symlink_to(data / "events")
    start = time.monotonic()
    out = _problems(data)
    assert time.monotonic() - start < 5
    assert sum("symbolic links are not allowed" in p for p in out) == 3, out


def test_a_record_in_a_folder_inside_a_record_folder_is_refused(data: Path) -> None:
    """data/events/x/actors/n.yaml was read as an actor; now the folder is refused."""
    nested = data / "events" / "x" / "actors"
    nested.mkdir(parents=True)
    shutil.copy(data / "actors" / "ada-example.yaml", nested / "ada-example.yaml")
    out = _problems(data)
    assert out == ["data/events/x/:1:1: unexpected folder inside data/events/\n    hint: records "
                   "are files directly in data/events/; move the files up and remove the folder"]


def test_special_files_are_refused_without_being_opened(data: Path) -> None:
    os.mkfifo(data / "events" / "pipe.yaml")  # opening it for reading would block for ever
    out = _problems(data)
    assert any("events/pipe.yaml:1:1: not a regular file" in p for p in out), out


def test_reads_stop_at_the_size_limit(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = data / "sources" / "big.txt"
    with big.open("wb") as f:
        f.truncate(50 * MAX_BYTES)  # sparse: 50 MB that cost nothing on disk
    read: list[int] = []
    real_read = os.read

    def counting(fd: int, n: int) -> bytes:
        chunk = real_read(fd, n)
        read.append(len(chunk))
        return chunk

    monkeypatch.setattr(datafiles.os, "read", counting)
    with pytest.raises(DataError) as e:
        read_bytes(big, "data/sources/big.txt")
    assert str(e.value.problems[0]).startswith(
        f"data/sources/big.txt:1:1: file is {50 * MAX_BYTES:,} bytes; the limit is")
    assert sum(read) <= MAX_BYTES + 1


def test_a_file_that_is_one_long_value_is_quoted_in_part_only(data: Path) -> None:
    (data / "events" / "2021-coup.yaml").write_text("x" * 5000 + "\n", "utf-8")
    out = "\n".join(_problems(data))
    assert "x" * EXCERPT in out and "x" * (EXCERPT + 1) not in out


def test_record_folders_come_from_the_schema(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A new record kind brings its folder: nothing else to edit."""
    (data / "widgets").mkdir()
    (data / "widgets" / "one.yaml").write_text("id: one\n", "utf-8")
    _, problems = list_files(data, "data")
    assert [p.message for p in problems] == ["unexpected folder in the data folder"]
    monkeypatch.setitem(s.FOLDERS, "widget", "widgets")
    files, problems = list_files(data, "data")
    assert problems == [] and "data/widgets/one.yaml" in [shown for _, shown in files]


def test_control_characters_in_names_are_shown_escaped(data: Path) -> None:
    (data / "events" / "a\nb.yaml").write_text("id: a\n", "utf-8")
    out = _problems(data)
    assert out[0].startswith("data/events/a\\nb.yaml:1:1: file name has a control")
