"""Strict YAML loading: every scalar stays a string, and every node keeps its line and column.

PyYAML follows YAML 1.1 and quietly guesses types (``no`` is False, ``1:20`` is 80,
``2021-02-30`` raises a bare ValueError). We never call its constructor: we refuse anchors,
aliases and tags while parsing, compose nodes with marks, and walk them ourselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from explainer.problems import DataError, Problem

#: libyaml when present: faster, and it reports deep nesting with a position.
LOADER: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_BYTES = 1_000_000
MAX_DEPTH = 12

Key = tuple[str | int, ...]
Mark = tuple[int, int]

# C0/C1 controls (tab and newline excepted), zero-width and direction controls, BOM, surrogates.
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064"
    "\u2066-\u2069\ufeff\ud800-\udfff]"
)
_NULLS = {"", "~", "null", "Null", "NULL"}


@dataclass(frozen=True, kw_only=True, slots=True)
class Document:
    """One loaded file: plain data, and where each value (and each mapping key) stands."""

    path: str
    data: Any
    header: str = ""
    marks: dict[Key, Mark] = field(default_factory=dict)
    key_marks: dict[Key, Mark] = field(default_factory=dict)

    def mark(self, key: Key) -> Mark:
        """Position of the value at `key`, or of its nearest ancestor that exists."""
        while key not in self.marks and key:
            key = key[:-1]
        return self.marks.get(key, (1, 1))

    def key_mark(self, key: Key) -> Mark:
        return self.key_marks.get(key) or self.mark(key)


def _char_problem(path: str, line: int, col: int, ch: str) -> Problem:
    name = f"U+{ord(ch):04X}"
    if ch == "\t":
        hint = "indent and separate with spaces; YAML does not allow tabs here"
    elif "\u200b" <= ch <= "\u206f" or ch == "\ufeff":
        hint = "it is an invisible formatting or direction-control character; retype the text"
    else:
        hint = "it is a control character; remove it or retype the text"
    return Problem(path=path, line=line, col=col, message=f"character {name} is not allowed",
                   hint=hint)


def _position_in(text: str, index: int) -> Mark:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _yaml_hint(problem: str, context: str) -> str:
    if "mapping values are not allowed" in problem:
        return "a value containing ': ' must be quoted, e.g. title: \"Kennedy: a life\""
    if "found character '\\t'" in problem or "tab" in problem:
        return "indent with spaces, not tabs"
    if "could not find expected ':'" in problem or "expected <block end>" in problem:
        return "check the indentation of this line and the one before; list items start with '- '"
    if "expected ',' or ']'" in problem or "expected ',' or '}'" in problem:
        return "a [list] or {mapping} written on one line is not closed, or needs quotes"
    if "found unexpected end of stream" in problem or "found unexpected end" in problem:
        return "a quoted text is not closed: add the closing quote"
    if "expected a single document" in context or "but found another document" in problem:
        return "one record per file: remove the '---' separator and move the record to its own file"
    return ""


def _syntax_problem(path: str, err: yaml.YAMLError) -> Problem:
    mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = str(getattr(err, "problem", "") or "")
    context = str(getattr(err, "context", "") or "")
    if isinstance(err, yaml.reader.ReaderError):
        return _char_problem(path, 1, 1, chr(err.character)) if isinstance(
            err.character, int) else Problem(path=path, line=1, col=1, message=str(err))
    message = problem or str(err).splitlines()[0]
    if not problem and context:
        message = context
    return Problem(path=path, line=line, col=col, message=f"YAML syntax: {message}",
                   hint=_yaml_hint(problem, context))


def decode(raw: bytes, path: str) -> str:
    """UTF-8 text of a file, or DataError naming the first byte that is not UTF-8."""
    if len(raw) > MAX_BYTES:
        raise DataError([Problem(path=path, line=1, col=1,
                                 message=f"file is {len(raw):,} bytes; the limit is {MAX_BYTES:,}",
                                 hint="split the record, or move long text into a source file")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        prefix = raw[: e.start].decode("utf-8", "replace")
        line, col = _position_in(prefix, len(prefix))
        raise DataError([Problem(path=path, line=line, col=col,
                                 message=f"file is not UTF-8 (byte 0x{raw[e.start]:02X})",
                                 hint="save the file as UTF-8 in your editor")]) from None
    return text.removeprefix("\ufeff")


def load(text: str, path: str) -> Document:
    """Parse one YAML document strictly; raise DataError with every problem found in it."""
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        raise DataError([Problem(path=path, line=1, col=1, message="file is empty",
                                 hint="a record file holds one mapping, starting with 'id:'")])
    problems: list[Problem] = []
    for m in _FORBIDDEN.finditer(text):
        line, col = _position_in(text, m.start())
        problems.append(_char_problem(path, line, col, m.group()))
    if problems:
        raise DataError(problems)
    try:
        _refuse_anchors_tags_depth(text, path)
        root = yaml.compose(text, Loader=LOADER)
    except yaml.YAMLError as e:
        raise DataError([_syntax_problem(path, e)]) from None
    except RecursionError:
        too_deep = Problem(path=path, line=1, col=1, message="nesting is too deep")
        raise DataError([too_deep]) from None
    walker = _Walker(path)
    data = walker.walk(root, ()) if root is not None else None
    if walker.problems:
        raise DataError(walker.problems)
    return Document(path=path, data=data, header=text.split("\n", 1)[0].rstrip("\r"),
                    marks=walker.marks, key_marks=walker.key_marks)


def _refuse_anchors_tags_depth(text: str, path: str) -> None:
    # Refusing aliases before composing defeats "billion laughs": nothing is ever expanded.
    depth = 0
    for ev in yaml.parse(text, Loader=LOADER):
        mark = ev.start_mark
        where = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        tag: str | None = getattr(ev, "tag", None)
        if isinstance(ev, yaml.AliasEvent) or getattr(ev, "anchor", None):
            raise DataError([Problem(
                path=path, line=where[0], col=where[1],
                message="anchors (&name) and aliases (*name) are not allowed",
                hint="write the value out in full; each record stands on its own")])
        if tag:
            raise DataError([Problem(
                path=path, line=where[0], col=where[1],
                message="explicit tags are not allowed (got "
                f"{tag.replace('tag:yaml.org,2002:', '!!')!r})",
                hint="remove the '!' tag; every value is read as text and checked by its field")])
        if isinstance(ev, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise DataError([Problem(
                    path=path, line=where[0], col=where[1],
                    message=f"nesting is deeper than {MAX_DEPTH} levels",
                    hint="records are shallow; check the indentation")])
        elif isinstance(ev, yaml.CollectionEndEvent):
            depth -= 1


class _Walker:
    def __init__(self, path: str) -> None:
        self.path = path
        self.marks: dict[Key, Mark] = {}
        self.key_marks: dict[Key, Mark] = {}
        self.problems: list[Problem] = []

    def walk(self, node: yaml.Node, key: Key) -> Any:
        self.marks[key] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.ScalarNode):
            # An unquoted empty value, '~' or 'null' means "no value"; quoted text stays text.
            if not node.style and node.value in _NULLS:
                return None
            return node.value
        if isinstance(node, yaml.SequenceNode):
            return [self.walk(child, (*key, i)) for i, child in enumerate(node.value)]
        out: dict[str, Any] = {}
        for k, v in node.value:
            kline, kcol = k.start_mark.line + 1, k.start_mark.column + 1
            if not isinstance(k, yaml.ScalarNode) or k.value == "<<":
                self.problems.append(Problem(
                    path=self.path, line=kline, col=kcol,
                    message="keys must be plain names" if k.value != "<<"
                    else "merge keys (<<) are not allowed",
                    hint="write each field out in full"))
                continue
            if k.value in out:
                first = self.key_marks[(*key, k.value)][0]
                self.problems.append(Problem(
                    path=self.path, line=kline, col=kcol,
                    message=f"duplicate key {k.value!r} (first on line {first})",
                    hint="YAML would silently keep only the last one; remove or rename one"))
                continue
            self.key_marks[(*key, k.value)] = (kline, kcol)
            out[k.value] = self.walk(v, (*key, k.value))
        return out
