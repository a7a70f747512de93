"""What the data folder may hold, and reading it safely: the edge that lists and opens data files.

data/ holds regular files only, in the record folders of schema.FOLDERS (one per record kind,
so a new kind brings its folder) or at its top: never a symbolic link (it could reach outside
the repository, and its target would be published), a special file (a device or a pipe would
hang or exhaust memory), a folder inside a record folder (its files would be read as records
of that kind), or a name with control or format characters (they would reach messages, logs
and annotations). Each is refused at its path, and no file is read beyond the size limit.
"""

from __future__ import annotations

import errno
import os
import stat
import unicodedata
from pathlib import Path

from explainer.data import schema as s
from explainer.data.load import MAX_BYTES
from explainer.data.problems import DataError, Problem

_O_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) \
    | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def record_folders() -> frozenset[str]:
    """The folders of data/ that hold records: one per record kind in schema.FOLDERS."""
    return frozenset(s.FOLDERS.values())


def shown_name(name: str) -> str:
    """A file name fit for a message: control and format characters written as escapes."""
    return "".join(c if unicodedata.category(c) not in ("Cc", "Cf", "Zl", "Zp", "Cs")
                   else ascii(c)[1:-1] for c in name)


def _problem(shown: str, message: str, hint: str) -> Problem:
    return Problem(path=shown, line=1, col=1, message=message, hint=hint)


def list_files(data_dir: Path, base: str) -> tuple[list[tuple[Path, str]], list[Problem]]:
    """Every regular file under data_dir not named '.*', with its path as shown in messages
    (`base`/relative path), sorted; and a problem for everything else found there."""
    found: list[tuple[tuple[str, ...], Path]] = []
    problems: list[Problem] = []
    folders = record_folders()

    def shown(parts: tuple[str, ...]) -> str:
        rel = "/".join(shown_name(p) for p in parts)
        return rel if base == "." else f"{base}/{rel}"

    def scan(folder: Path, parts: tuple[str, ...]) -> None:
        with os.scandir(folder) as entries:
            for entry in entries:
                name = entry.name
                if name.startswith("."):
                    continue
                here = (*parts, name)
                if shown_name(name) != name:
                    problems.append(_problem(
                        shown(here), "file name has a control or invisible character",
                        "rename it with letters, digits and hyphens, e.g. 2021-coup.yaml"))
                elif entry.is_symlink():
                    problems.append(_problem(
                        shown(here), "symbolic links are not allowed in the data folder",
                        "replace the link with the file itself; data/ holds plain files only"))
                elif entry.is_dir(follow_symlinks=False):
                    if parts:
                        inside = "/".join(parts)
                        problems.append(_problem(
                            shown(here) + "/", f"unexpected folder inside data/{inside}/",
                            f"records are files directly in data/{inside}/; move the files up "
                            "and remove the folder"))
                    elif name in folders:
                        scan(Path(entry.path), here)
                    else:
                        problems.append(_problem(
                            shown(here) + "/", "unexpected folder in the data folder",
                            "records live in data/" + ", data/".join(sorted(folders))))
                elif not entry.is_file(follow_symlinks=False):
                    problems.append(_problem(
                        shown(here), "not a regular file (a device, pipe or socket)",
                        "remove it; data/ holds plain text files only"))
                else:
                    found.append((here, Path(entry.path)))

    scan(data_dir, ())
    found.sort()  # by path components, as Path objects sort
    return [(path, shown(parts)) for parts, path in found], problems


def read_bytes(path: Path, shown: str) -> bytes:
    """The bytes of a regular data file, never following a link and never reading more than
    the size limit plus one byte; DataError (at `shown`) otherwise."""
    try:
        fd = os.open(path, _O_FLAGS)
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise DataError([_problem(shown, "symbolic links are not allowed in the data folder",
                                      "replace the link with the file itself")]) from None
        raise DataError([_problem(shown, f"cannot read the file ({e.strerror})",
                                  "check that it exists and can be read")]) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise DataError([_problem(shown, "not a regular file (a device, pipe or socket)",
                                      "remove it; data/ holds plain text files only")])
        if st.st_size > MAX_BYTES:
            raise DataError([_too_big(shown, st.st_size)])
        chunks: list[bytes] = []
        left = MAX_BYTES + 1
        while left > 0:
            chunk = os.read(fd, left)
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        raw = b"".join(chunks)
        if len(raw) > MAX_BYTES:  # it grew after fstat
            raise DataError([_too_big(shown, len(raw))])
        return raw
    except OSError as e:
        raise DataError([_problem(shown, f"cannot read the file ({e.strerror})",
                                  "check that it exists and can be read")]) from None
    finally:
        os.close(fd)


def _too_big(shown: str, size: int) -> Problem:
    more = "more than " if size == MAX_BYTES + 1 else ""
    return _problem(shown, f"file is {more}{size:,} bytes; the limit is {MAX_BYTES:,}",
                    "split the record, or move long text into a source file")
