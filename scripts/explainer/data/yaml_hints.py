"""Saying which line is out of line when YAML gives up: the key or list item on the line the
parser stopped at, the column it is at, and the column it should be at, read from the keys and
items of the record parsed before the mistake (their columns are known from the event stream).

Pure: the text, the error's position and the marks read so far in; a problem's parts out.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass

Key = tuple[str | int, ...]
Mark = tuple[int, int]

_KEY = re.compile(r"(?P<key>[^\s#'\"\-\[\]{}&*!|>%@`,?:][^:#]*?|-[^\s:#][^:#]*?):(?:\s|$)")


@dataclass(frozen=True, slots=True)
class OutOfLine:
    """A key or list item at the wrong column."""

    line: int
    col: int
    message: str
    hint: str


@dataclass(frozen=True, slots=True)
class _Open:
    col: int  # where its keys (or its items' dashes) stand
    path: Key
    line: int  # a line where one of them stands
    name: str  # a key at that column, or "-"


def _shape(path: Key) -> Key:
    return tuple("#" if isinstance(k, int) else k for k in path)


def _dash_col(lines: list[str], mark: Mark) -> int | None:
    """Column of the '-' that starts the sequence item whose value is at `mark`."""
    line, col = mark
    if not 0 < line <= len(lines):
        return None
    text = lines[line - 1][:col - 1].rstrip()
    return len(text) if text.strip() == "-" else None


def _open_blocks(lines: list[str], key_marks: Mapping[Key, Mark],
                 marks: Mapping[Key, Mark], before: int) -> tuple[list[_Open], list[_Open]]:
    """The mappings (by key column) and sequences (by dash column) open at the last key
    recorded before line `before`: that key's ancestors."""
    seen = [k for k, m in key_marks.items() if m[0] < before]
    if not seen:
        return [], []
    last = max(seen, key=lambda k: key_marks[k])
    maps: list[_Open] = []
    seqs: list[_Open] = []
    for depth in range(1, len(last) + 1):
        part, head = last[depth - 1], last[:depth]
        if isinstance(part, str):
            line, col = key_marks[head]
            maps.append(_Open(col, last[:depth - 1], line, part))
        elif head in marks and (dash := _dash_col(lines, marks[head])) is not None:
            seqs.append(_Open(dash, last[:depth - 1], marks[head][0], "-"))
    return maps, seqs


def _nearest(col: int, options: list[_Open], name: str,
             key_marks: Mapping[Key, Mark]) -> _Open | None:
    """The block the item most likely belongs to: the nearest column; on a tie, the block
    where a record of the same shape has this key, else the outer one."""
    options = [o for o in options if o.col != col]
    if not options:
        return None
    named = {_shape(k[:-1]) for k in key_marks if k and k[-1] == name}

    def rank(o: _Open) -> tuple[int, int, int]:
        return (abs(o.col - col), 0 if _shape(o.path) in named else 1, o.col)

    return min(options, key=rank)


def out_of_line(text: str, line: int, key_marks: Mapping[Key, Mark],
                marks: Mapping[Key, Mark], *, mark_col: int | None = None,
                known: Collection[str] | None = None) -> OutOfLine | None:
    """The key or list item out of line on `line`, or None when the line's indentation agrees
    with the blocks around it (the mistake is something else). With `mark_col` (the parser
    stopped at a ': '), only a key whose own colon is there counts, and with `known`, only a
    field name (else "word: " is more likely text that needs quoting)."""
    lines = text.split("\n")
    if not 0 < line <= len(lines):
        return None
    raw = lines[line - 1].rstrip("\r")
    stripped = raw.lstrip(" ")
    col = len(raw) - len(stripped) + 1
    if not stripped or stripped.startswith("#"):
        return None
    maps, seqs = _open_blocks(lines, key_marks, marks, line)
    if stripped.startswith("- ") or stripped == "-":
        if mark_col is not None:
            return None
        best = _nearest(col, seqs, "-", key_marks) if seqs else None
        if best is None:
            return None
        return OutOfLine(line, col, f"list item is at column {col}, but the items before it "
                         f"are at column {best.col}",
                         f"move the '-' to column {best.col}, under the '-' on line {best.line}")
    m = _KEY.match(stripped)
    if m is None:
        return None
    name = m.group("key").rstrip()
    if mark_col is not None and (mark_col != col + m.end("key")
                                 or (known is not None and name not in known)):
        return None  # the ': ' the parser stopped at is inside a value
    best = _nearest(col, maps, name, key_marks)
    if best is None:
        return None
    return OutOfLine(line, col, f"key {name!r} is at column {col}, but the keys beside it are "
                     f"at column {best.col}",
                     f"move {name!r} to column {best.col}, in line with {best.name!r} on line "
                     f"{best.line}")
