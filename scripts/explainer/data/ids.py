"""Ids for new records in the project's style: short, lower-case, the usual abbreviations, no
articles or small words, the year when the title has none ('The African Union lifts Mali's
suspension', 2020 -> 'au-lifts-mali-suspension-2020'). Pure: text in, text out.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

#: Names written as their usual abbreviation (longest first, so that the
#: "united nations security council" is not cut into "un" + "security council").
ABBREVIATIONS: Final = {
    "economic community of west african states": "ecowas",
    "national committee for the salvation of the people": "cnsp",
    "united nations security council": "unsc",
    "peace and security council": "psc",
    "international monetary fund": "imf",
    "african union": "au",
    "united nations": "un",
    "european union": "eu",
    "united states": "us",
    "united kingdom": "uk",
    "prime minister": "pm",
}
STOP_WORDS: Final = frozenset({
    "a", "an", "the", "of", "to", "in", "on", "at", "for", "and", "or", "its", "his", "her",
    "their", "by", "with", "from", "as", "is", "are", "was", "were", "be", "been", "into",
})
MAX_WORDS: Final = 6
_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(c)).lower()


def record_id(title: str, year: int | None = None) -> str:
    """The id a maintainer would give a record with this title (and year)."""
    text = _fold(title).replace("\u2019", "'")
    text = re.sub(r"'s\b", "", text)  # Mali's -> Mali
    text = text.replace("'", "")  # d'Ivoire -> divoire
    text = " " + re.sub(r"[^a-z0-9]+", " ", text) + " "
    for name, short in sorted(ABBREVIATIONS.items(), key=lambda kv: -len(kv[0])):
        text = text.replace(f" {name} ", f" {short} ")
    words = [w for w in text.split() if w not in STOP_WORDS][:MAX_WORDS]
    if year is not None and not _YEAR.search(" ".join(words)):
        words.append(str(year))
    return "-".join(words) or "record"
