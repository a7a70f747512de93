"""Finding quotes verbatim in a source text.

Comparison policy: both sides are put in Unicode NFC, typographic quotes are read as their
straight forms (’ ‘ as ', “ ” as "), and each run of white space counts as one space. Nothing
else is forgiven: case, words, punctuation and dashes must match, and there is no ellipsis.
"""

from __future__ import annotations

import bisect
import difflib
import re
import unicodedata
from dataclasses import dataclass

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text).translate(_QUOTES)).strip()


def paragraphs(text: str) -> tuple[str, ...]:
    """Paragraphs are separated by blank lines; each keeps its own text, white space folded."""
    return tuple(p for p in (" ".join(b.split()) for b in re.split(r"\n\s*\n", text)) if p)


@dataclass(frozen=True, slots=True)
class Match:
    paragraph: int  # 1-based
    start: int      # offsets in the normalised paragraph
    end: int


class SourceText:
    """A source's text, ready for repeated quote look-ups."""

    def __init__(self, text: str) -> None:
        self.paragraphs = paragraphs(text)
        self.normalised = tuple(normalise(p) for p in self.paragraphs)
        # "\n" never occurs in a normalised quote, so no match can straddle two paragraphs.
        self._joined = "\n".join(self.normalised)
        self._starts: list[int] = []
        pos = 0
        for p in self.normalised:
            self._starts.append(pos)
            pos += len(p) + 1

    def find(self, quote: str) -> Match | None:
        q = normalise(quote)
        if not q:
            return None
        i = self._joined.find(q)
        if i < 0:
            return None
        n = bisect.bisect_right(self._starts, i) - 1
        start = i - self._starts[n]
        return Match(paragraph=n + 1, start=start, end=start + len(q))

    def closest(self, quote: str) -> str:
        """The passage most like `quote`, to show in a hint."""
        q = normalise(quote)
        best, best_ratio = "", 0.0
        for p in self.normalised:
            sm = difflib.SequenceMatcher(None, p, q, autojunk=False)
            m = sm.find_longest_match(0, len(p), 0, len(q))
            start = max(0, m.a - m.b)
            window = p[start: start + len(q)]
            ratio = difflib.SequenceMatcher(None, window, q, autojunk=False).ratio()
            if ratio > best_ratio:
                best, best_ratio = window, ratio
        return best
