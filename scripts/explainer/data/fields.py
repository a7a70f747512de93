"""Field-level checks: one value of a record against its spec in schema.py.

Converts text to the value the model wants (dates, booleans, ids) or records a problem at the
value's line and column, with a hint where the fix can be guessed.
"""

from __future__ import annotations

import difflib
import functools
import math
import re
from collections.abc import Iterable
from typing import Any

from explainer.data import schema as s
from explainer.data.dates import PartialDate, iso_suggestion, parse_date
from explainer.data.load import Document, Key
from explainer.data.problems import Problem
from explainer.data.urls import url_problem

ID_RE = re.compile(s.ID_PATTERN)
_LANG = re.compile(s.LANG_PATTERN)
_HTML = re.compile(r"<\s*/?\s*[A-Za-z!?]")
_ENTITY = re.compile(r"&(#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_MD_LINK = re.compile(r"\]\(\s*<?([^\s>]+)")
_MD_REFDEF = re.compile(r"^\s*\[[^\]]+\]:\s*<?(\S+?)>?(\s|$)", re.M)
#: Lists and quotes opened on one line ("1. 1. 1. …"): each is a level of recursion in the
#: Markdown renderer, which ends in RecursionError a few hundred deep. Prose needs two or three.
MAX_PROSE_NESTING = 8
_NESTED = re.compile(
    rf"^[ \t]*(?:(?:[-*+]|\d{{1,9}}[.)])[ \t]+|>[ \t]*){{{MAX_PROSE_NESTING + 1},}}", re.M)
#: Longest excerpt of a value quoted back in a message: enough to find it, never a whole file.
EXCERPT = 80
_BOOL_TRAPS = {"yes", "no", "on", "off", "y", "n", "True", "False", "TRUE", "FALSE", "Yes", "No"}


def close_match(word: str, options: Iterable[str]) -> str:
    found = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f"did you mean {found[0]!r}?" if found else ""


class FieldChecker:
    """Collects problems for one document while converting its values."""

    def __init__(self, doc: Document, problems: list[Problem]) -> None:
        self.doc = doc
        self.problems = problems

    def add(self, key: Key, message: str, hint: str = "", *, at_key: bool = False) -> None:
        line, col = self.doc.key_mark(key) if at_key else self.doc.mark(key)
        self.problems.append(Problem(path=self.doc.path, line=line, col=col, message=message,
                                     hint=hint))

    # Shape pass: one method per kind of field type.
    def obj(self, spec: s.Obj, value: Any, key: Key, what: str) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.add(key, f"{what} must be a mapping of fields (got {_kind_of(value)})",
                     "write 'field: value' pairs, indented under it")
            return None
        fields = _fields_of(spec)
        out: dict[str, Any] = {}
        misspelt: set[str] = set()  # fields an unknown field is a misspelling of
        for name, raw in value.items():
            if name not in fields:
                found = difflib.get_close_matches(name, list(fields), n=1, cutoff=0.6)
                misspelt.update(found)
                hint = (f"did you mean {found[0]!r}?" if found
                        else "allowed fields: " + ", ".join(fields))
                self.add((*key, name), f"unknown field {excerpt(name)}", hint, at_key=True)
                continue
            f = fields[name]
            if raw is None:
                if f.required:
                    self.add((*key, name), f"{name} must not be empty", f.doc)
                continue
            conv = self.value(f.type, raw, (*key, name), name)
            if conv is not None:
                out[name] = conv
        for f in spec.fields:
            # A misspelt field is one mistake: "unknown field 'titel'", not also "missing".
            if f.required and f.name not in value and f.name not in misspelt:
                where = what if what != "record" else "the record"
                self.add(key, f"missing required field {f.name!r} in {where}", f.doc)
        return out

    def value(self, t: s.FieldType, raw: Any, key: Key, name: str) -> Any:
        # A dict on the type instead of `match`: this runs for every value of every record.
        if isinstance(t, s.ListOf):
            return self._list(t, raw, key, name)
        if isinstance(t, s.Obj):
            return self.obj(t, raw, key, name)
        if isinstance(t, s.OneOf):
            return self._one_of(t, raw, key, name)
        if not isinstance(raw, str):
            self.add(key, f"{name} must be {_expect(t)} (got {_kind_of(raw)})",
                     "quote the value if it is text that contains ': ' or starts with '-'"
                     if isinstance(raw, dict) else "")
            return None
        return _SCALARS[type(t)](self, t, raw, key, name)

    def _list(self, t: s.ListOf, raw: Any, key: Key, name: str) -> list[Any] | None:
        if t.single and isinstance(raw, str):
            one = self.value(t.item, raw, key, name)
            return [one] if one is not None else []
        if not isinstance(raw, list):
            self.add(key, f"{name} must be a list (got {_kind_of(raw)})",
                     "write each item on its own line starting with '- '")
            return None
        item, m = t.item, t.min_items
        items = [self.value(item, v, (*key, i), f"{name} item") for i, v in enumerate(raw)]
        if len(raw) < m:
            self.add(key, f"{name} must have at least {m} item{'s' * (m > 1)} (got {len(raw)})")
        return [v for v in items if v is not None]

    def _one_of(self, t: s.OneOf, raw: Any, key: Key, name: str) -> tuple[str, Any] | None:
        if isinstance(raw, dict):
            for marker, spec in t.choices:
                if marker in raw:
                    got = self.obj(spec, raw, key, name)
                    return (spec.name, got) if got is not None else None
        self.add(key, f"{name} must be a citation: either 'source' and 'quote' (a quote from "
                 "a source text) or 'title', 'publisher' and 'url' (an external reference)",
                 "see CONTRIBUTING.md, 'Citations'")
        return None

    # One method per scalar type, all (t, raw, key, name); _SCALARS maps the types to them.
    def _plain_text(self, t: s.Text, raw: str, key: Key, name: str) -> str | None:
        return self.text(raw, key, name, t.max_length, prose=False)

    def _prose(self, t: s.Prose, raw: str, key: Key, name: str) -> str | None:
        return self.text(raw, key, name, t.max_length, prose=True)

    def _ref(self, t: s.Ref, raw: str, key: Key, name: str) -> str | None:
        if ID_RE.fullmatch(raw):
            return raw
        slug = re.sub(r"[^a-z0-9]+", "-", raw.lower()).strip("-")
        self.add(key, f"{name} must be an id of lowercase letters, digits and hyphens "
                 f"(got {excerpt(raw)})", f"for example {excerpt(slug)}" if slug else "")
        return None

    def _enum(self, t: s.Enum, raw: str, key: Key, name: str) -> str | None:
        if raw in t.values:
            return raw
        self.add(key, f"{name} must be one of {', '.join(t.values)} (got {excerpt(raw)})",
                 close_match(raw, t.values))
        return None

    def _date(self, t: s.Date, raw: str, key: Key, name: str) -> PartialDate | None:
        try:
            return _parse_date(raw)
        except ValueError as e:
            iso = iso_suggestion(raw)
            precision = {4: "year", 7: "month", 10: "day"}.get(len(iso or ""))
            self.add(key, f"{name} {e} (got {excerpt(raw)})",
                     f"write {name}: {iso} (precision: {precision})" if iso
                     else "for example 2021-05-24, 2021-05 or 2021")
            return None

    def _bool(self, t: s.Bool, raw: str, key: Key, name: str) -> bool | None:
        if raw in ("true", "false"):
            return raw == "true"
        hint = ("YAML 1.1 tools read yes/no/on/off as booleans; write true or false"
                if raw in _BOOL_TRAPS else "write true or false")
        self.add(key, f"{name} must be true or false (got {excerpt(raw)})", hint)
        return None

    def _int(self, t: s.Int, raw: str, key: Key, name: str) -> int | None:
        if raw.isdigit() and int(raw) >= t.minimum:
            return int(raw)
        hint = "YAML 1.1 reads 1:20 as a base-60 number; write a plain whole number" \
            if ":" in raw else ""
        self.add(key, f"{name} must be a whole number from {t.minimum} (got {excerpt(raw)})", hint)
        return None

    def _number(self, t: s.Number, raw: str, key: Key, name: str) -> float | None:
        try:
            value = float(raw)
        except ValueError:
            value = math.nan
        if not math.isfinite(value):
            self.add(key, f"{name} must be a decimal number (got {raw!r})",
                     "write it with a point, e.g. 12.6")
            return None
        if not t.minimum <= value <= t.maximum:
            self.add(key, f"{name} must be between {t.minimum:g} and {t.maximum:g} "
                     f"(got {raw})")
            return None
        return value

    def _url(self, t: s.Url, raw: str, key: Key, name: str) -> str | None:
        problem = url_problem(raw)
        if not problem:
            return raw
        if _BARE_HOST.match(raw):  # www.example.org/page: only the scheme is missing
            problem = f"add the scheme: https://{raw}"
        self.add(key, f"{name} must be an absolute http(s) URL (got {excerpt(raw)})", problem)
        return None

    def _lang(self, t: s.Lang, raw: str, key: Key, name: str) -> str | None:
        if _LANG.fullmatch(raw):
            return raw
        self.add(key, f"{name} must be a language code such as en or fr (got {excerpt(raw)})")
        return None

    def text(self, raw: str, key: Key, name: str, limit: int, *, prose: bool) -> str | None:
        ok = True
        if not raw.strip():
            self.add(key, f"{name} must not be empty")
            return None
        if len(raw) > limit:
            self.add(key, f"{name} must be at most {limit} characters (got {len(raw)})",
                     "shorten it; long passages belong in the summary or a note")
            ok = False
        if "<" in raw and (m := _HTML.search(raw)):
            self.add(key, f"{name} must not contain raw HTML (found {excerpt(m.group())})",
                     "write plain text; prose fields allow *emphasis* and [links](https://…)")
            ok = False
        if "&" in raw and (m := _ENTITY.search(raw)):
            self.add(key, f"{name} must not contain character references "
                     f"(found {excerpt(m.group())})",
                     "type the character itself")
            ok = False
        if prose and (m := _NESTED.search(raw)):
            self.add(key, f"{name} nests lists or quotes more than {MAX_PROSE_NESTING} deep "
                     f"(found {excerpt(m.group().strip())})",
                     "write one flat list; a number followed by '. ' at the start of a line "
                     "begins a list item (write 1\\. to keep the number)")
            ok = False
        if prose and ("]" in raw):
            for m in (*_MD_LINK.finditer(raw), *_MD_REFDEF.finditer(raw)):
                target = m.group(1)
                while target.endswith(")") and target.count("(") < target.count(")"):
                    target = target[:-1]
                if url_problem(target):
                    self.add(key, f"{name} links must be absolute http(s) URLs "
                             f"(got {excerpt(target)})",
                             "link to a public page with https://, or link records by id in "
                             "their own fields")
                    ok = False
        elif not prose and "\n" in raw.strip() and name in ("title", "label", "name", "term"):
            self.add(key, f"{name} must be one line", "remove the line break")
            ok = False
        return raw.strip() if ok else None


_SCALARS: dict[type, Any] = {
    s.Text: FieldChecker._plain_text, s.Prose: FieldChecker._prose, s.Ref: FieldChecker._ref,
    s.Enum: FieldChecker._enum, s.Date: FieldChecker._date, s.Bool: FieldChecker._bool,
    s.Int: FieldChecker._int, s.Number: FieldChecker._number, s.Url: FieldChecker._url,
    s.Lang: FieldChecker._lang,
}


def _kind_of(v: Any) -> str:
    if v is None:
        return "nothing"
    if isinstance(v, dict):
        return "a mapping"
    if isinstance(v, list):
        return "a list"
    return excerpt(v)


def excerpt(v: object, limit: int = EXCERPT) -> str:
    """repr() of a value quoted in a message, cut to `limit` characters: a problem names the
    value at fault, and never copies a whole file into a log or an annotation."""
    text = v if isinstance(v, str) else repr(v)
    return repr(text if len(text) <= limit else text[:limit] + "…")


def _expect(t: s.FieldType) -> str:
    return {s.Bool: "true or false", s.Int: "a whole number", s.Number: "a decimal number",
            s.Date: "a date",
            s.Url: "a URL", s.Enum: "one word"}.get(type(t), "text")


# Specs are module constants; a field table per spec, and dates parsed once per distinct text.
_FIELDS: dict[int, tuple[s.Obj, dict[str, s.Field]]] = {}


def _fields_of(spec: s.Obj) -> dict[str, s.Field]:
    entry = _FIELDS.get(id(spec))
    if entry is None or entry[0] is not spec:
        entry = _FIELDS[id(spec)] = (spec, {f.name: f for f in spec.fields})
    return entry[1]


_BARE_HOST = re.compile(r"^(?:[a-z0-9-]+\.)+[a-z]{2,}(?:[/?#]\S*)?$", re.IGNORECASE)
_parse_date = functools.lru_cache(maxsize=8192)(parse_date)
