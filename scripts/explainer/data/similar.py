"""When two titles say the same thing. Titles are normalised (accents folded, lower case,
punctuation and small words dropped) and compared word by word: they match when they differ
by at most one added or dropped word, words misspelt aside. One replaced word ("AU suspends
Mali" against "ECOWAS suspends Mali") is a different event. Pure."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from typing import Final

from explainer.data.ids import STOP_WORDS

#: two words at least this alike (difflib ratio) are one word misspelt
SAME_WORD: Final = 0.8


def title_key(title: str) -> tuple[str, ...]:
    folded = "".join(c for c in unicodedata.normalize("NFKD", title)
                     if not unicodedata.combining(c)).lower()
    return tuple(w for w in re.split(r"[^a-z0-9]+", folded) if w and w not in STOP_WORDS)


def similar_titles(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """True when two normalised titles (title_key) are near-identical."""
    if a == b:
        return True
    differ = 0
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op in ("insert", "delete"):
            differ += (i2 - i1) + (j2 - j1)
        elif op == "replace":
            differ += 2 * sum(difflib.SequenceMatcher(None, x, y).ratio() < SAME_WORD
                              for x, y in zip(a[i1:i2], b[j1:j2], strict=False))
            differ += abs((i2 - i1) - (j2 - j1))
    return differ <= 1 and min(len(a), len(b)) >= 2


def _blocks(words: tuple[str, ...]) -> Iterable[frozenset[str]]:
    """Keys two near-identical titles share: the word set, and it less any one word."""
    whole = frozenset(words)
    yield whole
    for w in whole:
        yield whole - {w}


def near_pairs(titles: dict[str, tuple[str, ...]]) -> list[tuple[str, str]]:
    """(id, id) of every two near-identical titles, each pair once, sorted. Titles are first
    grouped by shared word sets, so the cost grows with the number of titles, not its
    square (a misspelt word is caught when the rest of the title is the same)."""
    groups: dict[frozenset[str], list[str]] = {}
    for ident in sorted(titles):
        for key in _blocks(titles[ident]):
            groups.setdefault(key, []).append(ident)
    pairs: set[tuple[str, str]] = set()
    for members in groups.values():
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if (a, b) not in pairs and similar_titles(titles[a], titles[b]):
                    pairs.add((a, b))
    return sorted(pairs)
