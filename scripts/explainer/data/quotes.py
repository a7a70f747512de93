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

#: below this word similarity (difflib ratio, 0 to 1), no passage is shown: it would mislead
CLOSE_ENOUGH = 0.6
ELLIPSES = ("...", "\u2026")
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

    def closest_words(self, quote: str) -> tuple[str, float] | None:
        """The passage most like `quote` word by word, whole words at both ends, aligned so
        that a changed first or last word is part of it; with its similarity (0 to 1). None
        when no word of the quote occurs in the text."""
        q = normalise(quote).split(" ")
        best: tuple[str, float] | None = None
        for para in self.normalised:
            words = para.split(" ")
            sm = difflib.SequenceMatcher(None, words, q, autojunk=False)
            m = sm.find_longest_match(0, len(words), 0, len(q))
            if m.size == 0:
                continue
            lo = max(0, m.a - m.b - 2)
            window = words[lo: m.a - m.b + len(q) + 2]
            blocks = [b for b in difflib.SequenceMatcher(
                None, window, q, autojunk=False).get_matching_blocks() if b.size]
            first, last = blocks[0], blocks[-1]
            start = max(0, first.a - first.b)
            end = min(len(window), last.a + last.size + (len(q) - last.b - last.size))
            passage = window[start:end]
            ratio = difflib.SequenceMatcher(None, passage, q, autojunk=False).ratio()
            if best is None or ratio > best[1]:
                best = (" ".join(passage), ratio)
        return best


def word_diff(passage: str, quote: str) -> str:
    """The passage with the quote's differences marked: [-passage words-]{+quote words+}."""
    a, b = normalise(passage).split(" "), normalise(quote).split(" ")
    # A quote may start or end inside a word's punctuation ("2021" of "2021,"): not a change.
    if a[-1] != b[-1] and a[-1].startswith(b[-1]):
        a[-1] = b[-1]
    if a[0] != b[0] and a[0].endswith(b[0]):
        a[0] = b[0]
    out: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.extend(a[i1:i2])
            continue
        old = f"[-{' '.join(a[i1:i2])}-]" if i2 > i1 else ""
        new = f"{{+{' '.join(b[j1:j2])}+}}" if j2 > j1 else ""
        out.append(old + new)
    return " ".join(out)


def not_found_hint(st: SourceText, quote: str, source: str) -> str:
    """What to tell someone whose quote is not in the text."""
    if any(e in quote for e in ELLIPSES):
        return ("there is no ellipsis: quote two passages (two quotes), each copied word for "
                "word")
    near = st.closest_words(quote)
    if near is None or near[1] < CLOSE_ENOUGH:
        return (f"no passage of {source!r} is close: check that the words come from this "
                "source, and copy them exactly")
    return (f"closest passage, with the differences marked ([-text-]{{+your quote+}}): "
            f"{word_diff(near[0], quote)!r}. Quotes must match word for word; curly and "
            "straight quotes, and runs of spaces, count as equal")
