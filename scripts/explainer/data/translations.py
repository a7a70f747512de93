"""The French edition's text: each record's `fr:` block, read against the record's English.

Which fields are translated comes from schema.py (`translatable` fields; the `fr:` block's shape is
derived from them). A translation keeps a fingerprint of the English it was made from
(`from_en`): when the English changes, the fingerprint no longer matches and the translation is
reported as stale. A missing or stale translation is a warning, never an error: the French site
shows the English text, marked, where the French is missing. Pure: no file system.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from explainer.data import schema as s
from explainer.i18n import N_

Key = tuple[str | int, ...]
#: what `from_en` holds until `explainer translations --stamp` sets it
PLACEHOLDER = "00000000"
#: fields whose English is verbatim (checked against the source text): the French sits beside
#: it, in `<name>_fr`, and is shown labelled as our translation; the English stays
VERBATIM = frozenset({"quote", "quotes"})


#: the mark on English text standing in for missing French: an English message id, shown in
#: the page's language (`_(UNTRANSLATED)`: « pas encore traduit »)
UNTRANSLATED = N_("not yet translated")


class Untranslated(str):
    """English text standing in, on a French page, for a translation that is missing."""

    __slots__ = ()


@dataclass(frozen=True, slots=True)
class Status:
    """How far one record's French has come."""

    kind: str
    id: str
    path: str
    #: English passages to translate, and those with no French
    total: int
    missing: tuple[Key, ...]
    #: French passages with no English passage beside them (the English list got shorter)
    extra: tuple[Key, ...]
    #: fingerprint of the English now, and the one the translation records (None: no fr block)
    fingerprint: str
    recorded: str | None

    @property
    def stale(self) -> bool:
        return self.recorded is not None and self.recorded != self.fingerprint

    @property
    def complete(self) -> bool:
        """Every passage translated, from the current English."""
        return not self.missing and self.recorded == self.fingerprint


def block_spec(kind: str) -> s.Obj | None:
    """The `fr:` block's spec for a record kind, or None when the kind has nothing to translate."""
    for f in s.RECORDS[kind].fields:
        if f.name == s.TRANSLATION and isinstance(f.type, s.Obj):
            return f.type
    return None


def _leaves(spec: s.FieldType, value: Any, key: Key) -> Iterator[tuple[Key, str]]:
    """The translatable passages of `value` (a record's converted values), with their keys."""
    if isinstance(spec, (s.Text, s.Prose)):
        if isinstance(value, str):
            yield key, value
    elif isinstance(spec, s.ListOf):
        if isinstance(value, list):
            for i, v in enumerate(value):
                yield from _leaves(spec.item, v, (*key, i))
    elif isinstance(spec, s.Obj):
        if isinstance(value, tuple):  # a citation: (shape name, fields)
            value = value[1]
        if isinstance(value, dict):
            for f in spec.fields:
                if f.name in value and f.name != s.FINGERPRINT:
                    yield from _leaves(f.type, value[f.name], (*key, f.name))


def english(kind: str, rec: dict[str, Any]) -> list[tuple[Key, str]]:
    """Every English passage of a record that its `fr:` block translates, in the spec's order."""
    spec = block_spec(kind)
    return list(_leaves(spec, rec, ())) if spec else []


def fingerprint(passages: list[tuple[Key, str]]) -> str:
    """Eight hex digits that change whenever a passage, its place or the passage count does."""
    h = hashlib.sha256()
    for key, text in passages:
        h.update(repr(key).encode())
        h.update(b"\x1f")
        h.update(" ".join(text.split()).encode())
        h.update(b"\x1e")
    return h.hexdigest()[:8]


def french_at(block: Any, key: Key) -> str | None:
    """The French passage at `key` in a converted `fr:` block, or None."""
    node = block
    for k in key:
        if isinstance(k, int):
            if not isinstance(node, list) or k >= len(node):
                return None
        elif not isinstance(node, dict) or k not in node:
            return None
        node = node[k]
    return node if isinstance(node, str) else None


def status(kind: str, ident: str, path: str, rec: dict[str, Any]) -> Status | None:
    """The translation status of one record, or None when its kind is not translated."""
    spec = block_spec(kind)
    if spec is None:
        return None
    passages = list(_leaves(spec, rec, ()))
    block = rec.get(s.TRANSLATION)
    if not isinstance(block, dict):
        return Status(kind=kind, id=ident, path=path, total=len(passages),
                      missing=tuple(k for k, _ in passages), extra=(),
                      fingerprint=fingerprint(passages), recorded=None)
    have = {k for k, _ in passages}
    return Status(kind=kind, id=ident, path=path, total=len(passages),
                  missing=tuple(k for k, _ in passages if french_at(block, k) is None),
                  extra=tuple(k for k, _ in _leaves(spec, block, ()) if k not in have),
                  fingerprint=fingerprint(passages), recorded=block.get(s.FINGERPRINT))


def french(kind: str, rec: dict[str, Any]) -> dict[str, Any]:
    """The record as the French edition reads it: each translated passage replaced by its
    French, or by its English marked Untranslated; a verbatim quote keeps its English and gets
    its French in `<name>_fr` beside it (None where missing)."""
    spec = block_spec(kind)
    if spec is None:
        return rec
    block = rec.get(s.TRANSLATION) if isinstance(rec.get(s.TRANSLATION), dict) else {}
    out: dict[str, Any] = _clone(rec)
    for key, text in _leaves(spec, rec, ()):
        fr = french_at(block, key)
        *parents, last = key
        name = next((k for k in reversed(key) if isinstance(k, str)), "")
        holder: Any = out
        for k in parents:
            holder = holder[k]
            if isinstance(holder, tuple):
                holder = holder[1]
        if name in VERBATIM:
            if not isinstance(last, int):  # a list of quotes gets `quotes_fr`, below
                holder[f"{last}_fr"] = typeset(fr) if fr else fr
            continue
        holder[last] = typeset(fr) if fr is not None else Untranslated(text)
    quotes = rec.get("quotes")
    if "quotes" in {f.name for f in spec.fields} and isinstance(quotes, list):
        found = (french_at(block, ("quotes", i)) for i in range(len(quotes)))
        out["quotes_fr"] = [typeset(q) if q else q for q in found]
    if kind == "place" and "name_fr" in rec:  # a place's French name has its own field
        out["name"] = rec["name_fr"]
    return out


_BEFORE = re.compile(r" +([:;?!»])")
_AFTER = re.compile(r"(«) +")


def typeset(text: str) -> str:
    """French spacing: the space before : ; ? ! and inside « » made non-breaking (U+00A0, or
    the narrow U+202F before ; ? !), so a line never starts with the mark. Contributors type a
    plain space."""
    if " " not in text:
        return text
    text = _BEFORE.sub(lambda m: ("\u00a0" if m.group(1) in ":»" else "\u202f") + m.group(1),
                       text)
    return _AFTER.sub("«\u00a0", text)


def _clone(value: Any) -> Any:
    """A copy of a record's containers (dicts, lists, a citation's pair), sharing its values,
    which are immutable (text, dates, numbers): copy.deepcopy, at a fraction of its cost."""
    if isinstance(value, dict):
        return {k: _clone(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clone(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_clone(v) for v in value)
    return value


def describe(key: Key) -> str:
    """A key as contributors read it: ('actors', 2, 'role') -> 'actors, item 3, role'."""
    return ", ".join(f"item {k + 1}" if isinstance(k, int) else k for k in key)


def coverage(statuses: list[Status]) -> dict[str, tuple[int, int, int, int]]:
    """Per kind: (records, records complete, passages, passages translated and not stale)."""
    out: dict[str, list[int]] = {}
    for st in statuses:
        if not st.total:
            continue  # nothing to translate (a place without a note)
        row = out.setdefault(st.kind, [0, 0, 0, 0])
        row[0] += 1
        row[1] += st.complete
        row[2] += st.total
        row[3] += 0 if st.stale or st.recorded is None else st.total - len(st.missing)
    return {k: (r[0], r[1], r[2], r[3]) for k, r in sorted(out.items())}


@dataclass(frozen=True, slots=True)
class Finding:
    """A warning about one record's French, at a key of its file."""

    key: Key
    message: str
    hint: str
    at_key: bool = False


def findings(st: Status) -> list[Finding]:
    """What `explainer check` warns about a record's French: none when it is complete."""
    fr = s.TRANSLATION
    if st.total == 0:
        return []
    if st.recorded is None:
        return [Finding((), "no French translation (no fr: block)",
                        "add a fr: block with the French of each translatable field; "
                        "see CONTRIBUTING.md, 'Translating'", at_key=True)]
    out: list[Finding] = []
    stamp = f"explainer translations --stamp {st.path}"
    if st.recorded == PLACEHOLDER:
        out.append(Finding((fr, s.FINGERPRINT), "French translation is not stamped yet",
                           f"once the French says what the English says, set from_en: "
                           f"'{st.fingerprint}' ({stamp} does it)"))
    elif st.stale:
        out.append(Finding((fr, s.FINGERPRINT), "French translation is stale: the English "
                           f"changed after it was translated (from_en: {st.recorded}, English "
                           f"now {st.fingerprint})",
                           "compare the French with the English (git log -p on this file shows "
                           f"what changed), update it, then set from_en: '{st.fingerprint}' "
                           f"({stamp} does it)"))
    for key in st.missing:
        out.append(Finding(key, f"no French for {describe(key)}",
                           f"add it under fr: as {describe(key)}; the French page shows the "
                           "English, marked 'pas encore traduit', until then"))
    for key in st.extra:
        out.append(Finding((fr, *key), f"French for {describe(key)}, which has no English",
                           "remove it, or check that each list under fr: follows the English "
                           "list item by item ({} for an item with nothing to translate)"))
    return out


def report(statuses: list[Status]) -> str:
    """`explainer translations`: coverage per kind, then each record whose French lags."""
    rows = coverage(statuses)
    lines = [f"{'kind':<8} {'records':>8} {'complete':>9} {'passages':>9} {'translated':>11}"]
    totals = [0, 0, 0, 0]
    for kind, row in rows.items():
        totals = [a + b for a, b in zip(totals, row, strict=True)]
        lines.append(_row(kind, row))
    lines.append(_row("all", (totals[0], totals[1], totals[2], totals[3])))
    lagging = sorted((st for st in statuses if st.total and not st.complete),
                     key=lambda st: st.path)
    for st in lagging:
        why = ("no fr: block" if st.recorded is None else
               "not stamped" if st.recorded == PLACEHOLDER else
               "stale (the English changed)" if st.stale else "")
        gaps = f"{len(st.missing)} of {st.total} passages missing" if st.missing else ""
        lines.append(f"{st.path}: " + "; ".join(x for x in (why, gaps) if x))
    stale = sum(st.stale for st in statuses)
    share = _pct(totals[3], totals[2])
    lines.append(f"explainer: {share} of {totals[2]:,} passages translated; "
                 f"{stale or 'no'} stale translation{'s' * (stale != 1)}")
    return "\n".join(lines)


def _pct(part: int, whole: int) -> str:
    if whole == 0 or part == whole:
        return "100%"
    return f"{min(99.9, 100 * part / whole):.1f}%"  # never round a gap up to 100%


def _row(kind: str, row: tuple[int, int, int, int]) -> str:
    records, complete, passages, done = row
    return (f"{kind:<8} {records:>8} {complete:>9} {passages:>9} "
            f"{done:>6} {_pct(done, passages):>5}")


def stamped(text: str, value: str) -> str | None:
    """The file's text with `from_en:` in its top-level `fr:` block set to `value`; None when
    the file has no `fr:` block. Only that line changes (or is added after `fr:`)."""
    lines = text.splitlines(keepends=True)
    start = next((i for i, ln in enumerate(lines) if ln.rstrip() == f"{s.TRANSLATION}:"), None)
    if start is None:
        return None
    indent = "  "
    for i in range(start + 1, len(lines)):
        ln = lines[i]
        if ln.strip() and not ln[0].isspace():
            break  # the block ended
        body = ln.lstrip(" ")
        if body.strip() and len(ln) - len(body) > 0 and indent == "  ":
            indent = ln[:len(ln) - len(body)]
        if body.startswith(f"{s.FINGERPRINT}:"):
            end = "\r\n" if ln.endswith("\r\n") else "\n"
            lines[i] = f"{ln[:len(ln) - len(body)]}{s.FINGERPRINT}: '{value}'{end}"
            return "".join(lines)
    end = "\r\n" if lines[start].endswith("\r\n") else "\n"
    lines.insert(start + 1, f"{indent}{s.FINGERPRINT}: '{value}'{end}")
    return "".join(lines)
