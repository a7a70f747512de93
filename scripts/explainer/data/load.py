"""Strict YAML loading: every scalar stays a string, and every node keeps its line and column.

PyYAML follows YAML 1.1 and quietly guesses types (``no`` is False, ``1:20`` is 80,
``2021-02-30`` raises a bare ValueError). We never call its constructor: we refuse anchors,
aliases and tags while parsing, compose nodes with marks, and walk them ourselves.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from explainer.data.problems import DataError, Problem
from explainer.data.schema import field_names
from explainer.data.yaml_hints import out_of_line

#: libyaml when present: faster, and it reports deep nesting with a position.
LOADER: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_BYTES = 1_000_000
MAX_DEPTH = 12

Key = tuple[str | int, ...]
Mark = tuple[int, int]

#: Invisible format characters (Unicode category Cf, as of Unicode 14, Python 3.11) but the
#: joiners: soft hyphen, Arabic signs, direction marks and isolates, zero-width space, word
#: joiner, BOM, interlinear annotation, tag characters. tests/test_load.py checks the list
#: against unicodedata.
FORMAT_BMP = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b\u200e\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
)
FORMAT_ASTRAL = re.compile(
    "[\U000110bd\U000110cd\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f]"
)
#: The allow-list of format characters that languages need: the zero-width non-joiner and
#: joiner (U+200C, U+200D) shape Persian, Arabic and Indic words and join emoji sequences, so
#: they are allowed after a character that is neither ASCII nor white space (CONTRIBUTING.md,
#: "Characters").
JOINERS = "\u200c\u200d"
# C0/C1 controls (tab and newline excepted; CR is read as a line end before this applies),
# line and paragraph separators, surrogates and the format characters; the joiners and every
# character beyond the BMP are read by _forbidden. One class keeps the scan as fast as a
# class of BMP characters alone (a class with many astral ranges is four times slower).
_SUSPECT = re.compile(
    f"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff{FORMAT_BMP}{JOINERS}"
    "\U00010000-\U0010ffff]"
)


def _forbidden(text: str) -> Iterator[tuple[int, str]]:
    """(index, character) of each character a data file may not hold."""
    for m in _SUSPECT.finditer(text):
        ch, i = m.group(), m.start()
        if ch > "\uffff" and not FORMAT_ASTRAL.match(ch):
            continue  # emoji and other astral characters
        if ch in JOINERS and i and not text[i - 1].isascii() and not text[i - 1].isspace():
            continue  # a joiner after a letter of a script that needs it, or an emoji
        yield i, ch


_NULLS = {"", "~", "null", "Null", "NULL"}


@dataclass(frozen=True, kw_only=True, slots=True)
class Document:
    """One loaded file: plain data, and where each value (and each mapping key) stands."""

    path: str
    data: Any
    header: str = ""
    marks: Mapping[Key, Mark] = field(default_factory=dict)
    key_marks: Mapping[Key, Mark] = field(default_factory=dict)
    #: (line, col, text) of each `# TODO` comment left in the file (by `explainer new`)
    todos: tuple[tuple[int, int, str], ...] = ()

    def mark(self, key: Key) -> Mark:
        """Position of the value at `key`, or of its nearest ancestor that exists."""
        while key not in self.marks and key:
            key = key[:-1]
        return self.marks.get(key, (1, 1))

    def key_mark(self, key: Key) -> Mark:
        return self.key_marks.get(key) or self.mark(key)


def portable(doc: Document, text: str) -> Document:
    """`doc` without its data, its marks found again from `text` only if a problem needs one.

    What a worker process sends back once a record is checked: the marks of every value are
    most of a document's size, and the pass that links records needs them only to report."""
    again = _Reload(text, doc.path)
    return Document(path=doc.path, data=None, header=doc.header, marks=_LazyMarks(again, False),
                    key_marks=_LazyMarks(again, True))


class _Reload:
    __slots__ = ("doc", "path", "text")

    def __init__(self, text: str, path: str) -> None:
        self.text, self.path = text, path
        self.doc: Document | None = None

    def get(self) -> Document:
        if self.doc is None:
            self.doc = load(self.text, self.path)
        return self.doc

    def __getstate__(self) -> tuple[str, str]:
        return self.text, self.path

    def __setstate__(self, state: tuple[str, str]) -> None:
        self.text, self.path = state
        self.doc = None


class _LazyMarks(Mapping[Key, Mark]):
    __slots__ = ("keys_of", "source")

    def __init__(self, source: _Reload, keys_of: bool) -> None:
        self.source, self.keys_of = source, keys_of

    def _marks(self) -> Mapping[Key, Mark]:
        doc = self.source.get()
        return doc.key_marks if self.keys_of else doc.marks

    def __getitem__(self, key: Key) -> Mark:
        return self._marks()[key]

    def __iter__(self) -> Iterator[Key]:
        return iter(self._marks())

    def __len__(self) -> int:
        return len(self._marks())


def _char_problem(path: str, line: int, col: int, ch: str) -> Problem:
    name = f"U+{ord(ch):04X}"
    if ch == "\t":
        hint = "indent and separate with spaces; YAML does not allow tabs here"
    elif unicodedata.category(ch) == "Cf":
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


def _tab_at(text: str, line: int, col: int) -> int | None:
    """Column of a tab in the indentation of `line` (or at line:col), if there is one."""
    lines = text.split("\n")
    if not 0 < line <= len(lines):
        return None
    raw = lines[line - 1]
    indent = raw[:len(raw) - len(raw.lstrip(" \t"))]
    if "\t" in indent:
        return indent.index("\t") + 1
    return col if raw[col - 1:col] == "\t" else None


def _syntax_problem(path: str, err: yaml.YAMLError, text: str = "",
                    builder: _Builder | None = None) -> Problem:
    mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = str(getattr(err, "problem", "") or "")
    context = str(getattr(err, "context", "") or "")
    if isinstance(err, yaml.reader.ReaderError):
        return _char_problem(path, 1, 1, chr(err.character)) if isinstance(
            err.character, int) else Problem(path=path, line=1, col=1, message=str(err))
    tab = _tab_at(text, line, col) if text else None
    if tab is not None:
        return Problem(path=path, line=line, col=tab,
                       message=f"a tab at column {tab} indents this line",
                       hint="indent with spaces: YAML does not allow tabs in indentation")
    if builder is not None and isinstance(err, yaml.MarkedYAMLError) and (
            "mapping values are not allowed" in problem or "expected '-' indicator" in problem
            or "did not find expected key" in problem):
        off = out_of_line(text, line, builder.key_marks, builder.marks,
                          mark_col=col if "mapping values" in problem else None,
                          known=field_names())
        if off is not None:
            return Problem(path=path, line=off.line, col=off.col, message=off.message,
                           hint=off.hint)
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
        prefix = line_ends(raw[: e.start].decode("utf-8", "replace"))
        line, col = _position_in(prefix, len(prefix))
        raise DataError([Problem(path=path, line=line, col=col,
                                 message=f"file is not UTF-8 (byte 0x{raw[e.start]:02X})",
                                 hint="save the file as UTF-8 in your editor")]) from None
    return line_ends(text.removeprefix("\ufeff"))


def line_ends(text: str) -> str:
    """`text` with each CR LF (Windows) and lone CR (old Mac) read as LF, as YAML does.

    So a file saved on any platform loads to the same values, and line numbers count the lines
    an editor shows (columns are unchanged: the CR ends the line)."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def load(text: str, path: str) -> Document:
    """Parse one YAML document strictly; raise DataError with every problem found in it."""
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        raise DataError([Problem(path=path, line=1, col=1, message="file is empty",
                                 hint="a record file holds one mapping, starting with 'id:'")])
    text = line_ends(text)
    problems: list[Problem] = []
    for i, ch in _forbidden(text):
        line, col = _position_in(text, i)
        problems.append(_char_problem(path, line, col, ch))
    if problems:
        raise DataError(problems)
    builder: _Builder | None = None
    try:
        builder = _Builder(path, LOADER(text))
        data = builder.stream()
    except yaml.YAMLError as e:
        raise DataError([_syntax_problem(path, e, text, builder)]) from None
    except RecursionError:  # pragma: no cover - depth is refused first; kept as a backstop
        too_deep = Problem(path=path, line=1, col=1, message="nesting is too deep")
        raise DataError([too_deep]) from None
    if builder.problems:
        raise DataError(builder.problems)
    return Document(path=path, data=data, header=text.split("\n", 1)[0],
                    marks=builder.marks, key_marks=builder.key_marks, todos=_todos(text))


_TODO = re.compile(r"(?:^|[ \t])(#[ \t]*TODO\b.*)$", re.MULTILINE)


def _todos(text: str) -> tuple[tuple[int, int, str], ...]:
    """Every `# TODO` comment: what `explainer new` leaves for a person to settle."""
    if "TODO" not in text:
        return ()
    out = []
    for m in _TODO.finditer(text):
        line, col = _position_in(text, m.start(1))
        out.append((line, col, m.group(1).rstrip("\r")))
    return tuple(out)


def _where(ev: yaml.Event) -> Mark:
    mark = ev.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _mark(path: str, where: Mark) -> yaml.error.Mark:
    return yaml.error.Mark(path, 0, where[0] - 1, where[1] - 1, "", 0)


class _Builder:
    """Plain data straight from the parser's events, with the mark of every value and key.

    One pass, no nodes composed. Anchors, aliases, tags and deep nesting are refused as their
    events come: refusing aliases before anything is built defeats "billion laughs", since
    nothing is ever expanded. Values under a refused key (duplicate, merge or non-scalar) are
    read past and checked, not recorded.
    """

    def __init__(self, path: str, loader: Any) -> None:
        self.path = path
        self.loader = loader
        self.get: Any = loader.get_event
        self.marks: dict[Key, Mark] = {}
        self.key_marks: dict[Key, Mark] = {}
        self.problems: list[Problem] = []

    def stream(self) -> Any:
        """The first document's data; every event is read, so every problem in the text shows."""
        try:
            return self._documents()
        finally:
            self.loader.dispose()

    def _documents(self) -> Any:
        get = self.get
        get()  # StreamStartEvent
        if isinstance(get(), yaml.StreamEndEvent):
            return None
        root = get()
        first = _where(root)
        data = self.node(root, (), 0)
        get()  # DocumentEndEvent
        ev = get()
        if isinstance(ev, yaml.StreamEndEvent):
            return data
        second = _where(ev)
        while isinstance(ev, yaml.DocumentStartEvent):  # later documents are checked too
            self.node(get(), None, 0)
            get()  # DocumentEndEvent
            ev = get()
        raise yaml.composer.ComposerError("expected a single document in the stream",
                                          _mark(self.path, first), "but found another document",
                                          _mark(self.path, second))

    def _refuse(self, ev: yaml.Event, message: str, hint: str) -> DataError:
        line, col = _where(ev)
        return DataError([Problem(path=self.path, line=line, col=col, message=message,
                                  hint=hint)])

    def node(self, ev: Any, key: Key | None, depth: int) -> Any:
        """The value starting at `ev`; `key` None reads past it without recording anything."""
        # Runs once per value of every file: attribute reads and `type(...) is` over calls.
        cls = type(ev)
        if ev.anchor or cls is yaml.AliasEvent:
            raise self._refuse(ev, "anchors (&name) and aliases (*name) are not allowed",
                               "write the value out in full; each record stands on its own")
        if ev.tag:
            raise self._refuse(ev, "explicit tags are not allowed (got "
                               f"{ev.tag.replace('tag:yaml.org,2002:', '!!')!r})",
                               "remove the '!' tag; every value is read as text and checked "
                               "by its field")
        if key is not None:
            m = ev.start_mark
            self.marks[key] = (m.line + 1, m.column + 1) if m is not None else (1, 1)
        if cls is yaml.ScalarEvent:
            # An unquoted empty value, '~' or 'null' means "no value"; quoted text stays text.
            if not ev.style and ev.value in _NULLS:
                return None
            return ev.value
        depth += 1
        if depth > MAX_DEPTH:
            raise self._refuse(ev, f"nesting is deeper than {MAX_DEPTH} levels",
                               "records are shallow; check the indentation")
        get = self.get
        if cls is yaml.SequenceStartEvent:
            items: list[Any] = []
            while type(item := get()) is not yaml.SequenceEndEvent:
                items.append(self.node(item, None if key is None else (*key, len(items)), depth))
            return items
        out: dict[str, Any] = {}
        while type(k := get()) is not yaml.MappingEndEvent:
            if key is None:
                self.node(k, None, depth)
                self.node(get(), None, depth)
                continue
            m = k.start_mark
            kline, kcol = (m.line + 1, m.column + 1) if m is not None else (1, 1)
            if type(k) is not yaml.ScalarEvent or k.value == "<<":
                self.node(k, None, depth)
                self.problems.append(Problem(
                    path=self.path, line=kline, col=kcol,
                    message="merge keys (<<) are not allowed"
                    if type(k) is yaml.ScalarEvent else "keys must be plain names",
                    hint="write each field out in full"))
                self.node(get(), None, depth)
                continue
            if k.anchor or k.tag:
                self.node(k, None, depth)  # refuses the key's anchor or tag
            if k.value in out:
                first = self.key_marks[(*key, k.value)][0]
                self.problems.append(Problem(
                    path=self.path, line=kline, col=kcol,
                    message=f"duplicate key {k.value!r} (first on line {first})",
                    hint="YAML would silently keep only the last one; remove or rename one"))
                self.node(get(), None, depth)
                continue
            sub = (*key, k.value)
            self.key_marks[sub] = (kline, kcol)
            out[k.value] = self.node(get(), sub, depth)
        return out
