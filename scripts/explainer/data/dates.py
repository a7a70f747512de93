"""Partial dates (a year, a month or a day), with their precision, bounds and display text."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from explainer import i18n

_FORM = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


@dataclass(frozen=True, kw_only=True, slots=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day."""

    year: int
    month: int = 0
    day: int = 0

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        if self.day:
            return self.first_day()
        month = self.month or 12
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def iso(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
        if self.day:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def display(self) -> str:
        """'24 May 2021', 'May 2021' or '1968', in the active language (explainer.i18n)."""
        return i18n.format_partial(self.year, self.month, self.day)


def parse_date(text: str) -> PartialDate:
    """Parse YYYY, YYYY-MM or YYYY-MM-DD; ValueError with a reason a person can act on."""
    m = _FORM.fullmatch(text)
    if not m:
        raise ValueError("must be YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else 0 for g in m.groups())
    if m.group(2) and not 1 <= month <= 12:
        raise ValueError(f"is not a real date (month {month} does not exist)")
    if m.group(3):
        try:
            dt.date(year, month, day)
        except ValueError as e:  # e.g. 2021-02-30: "day is out of range for month"
            raise ValueError(f"is not a real date ({e})") from None
    return PartialDate(year=year, month=month, day=day)


_MONTH_NAMES = {
    **{m.lower(): i for i, m in enumerate(MONTHS, 1)},
    **{m[:3].lower(): i for i, m in enumerate(MONTHS, 1)}, "sept": 9,
    # French, with and without accents, and the usual abbreviations
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "fevr": 2, "mars": 3,
    "avril": 4, "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8,
    "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
    "déc": 12,
}
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th|er)?"
_MONTH = r"(?P<month>[^\W\d_]+)\.?"
_YEAR = r"(?P<year>\d{4})"
_WORDY = [re.compile(p, re.IGNORECASE) for p in (
    rf"^{_DAY}\s+{_MONTH},?\s+{_YEAR}$",      # 9 Oct 2020, 9 octobre 2020, 1er mai 2021
    rf"^{_MONTH}\s+{_DAY},?\s+{_YEAR}$",      # October 9, 2020
    rf"^{_MONTH},?\s+{_YEAR}$",               # October 2020, octobre 2020
)]
_NUMERIC = re.compile(r"^(?P<year>\d{4})[/.\-](?P<month>\d{1,2})(?:[/.\-](?P<day>\d{1,2}))?$")
_DAY_FIRST = re.compile(r"^(?P<a>\d{1,2})[/.\-](?P<b>\d{1,2})[/.\-](?P<year>\d{4})$")


def iso_suggestion(text: str) -> str | None:
    """The ISO form of a recognisable date written otherwise ('October 2020' -> '2020-10',
    '9 Oct 2020' -> '2020-10-09', '2020/10/09', '9 octobre 2020'), or None. Day-first and
    month-first numeric dates are read only when the order is certain (a number above 12)."""
    text = " ".join(text.split())
    year = month = day = 0
    for pattern in _WORDY:
        if m := pattern.match(text):
            month = _MONTH_NAMES.get(m.group("month").lower(), 0)
            year, day = int(m.group("year")), int(m.groupdict().get("day") or 0)
            break
    else:
        if m := _NUMERIC.match(text):
            year, month, day = int(m["year"]), int(m["month"]), int(m["day"] or 0)
        elif m := _DAY_FIRST.match(text):
            a, b, year = int(m["a"]), int(m["b"]), int(m["year"])
            if a > 12 >= b:
                day, month = a, b
            elif b > 12 >= a:
                day, month = b, a
    if not (year and month):
        return None
    try:
        dt.date(year, month, day or 1)
    except ValueError:
        return None
    return PartialDate(year=year, month=month, day=day).iso()


@dataclass(frozen=True, kw_only=True, slots=True)
class When:
    """When something happened: a date, how sure we are of it, and how to show it."""

    date: PartialDate
    approximate: bool = False
    end: PartialDate | None = None
    earliest: PartialDate | None = None
    latest: PartialDate | None = None
    display_text: str | None = None

    def sort_key(self) -> tuple[dt.date, int]:
        """Where the event goes in date order (see CONTRIBUTING, "Date order").

        By the start of its period; a range by its start. An event known only to the month or
        the year goes after the day-dated events of that month or year, unless `earliest`
        places it: then it goes after the day-dated events of its earliest day. Ties are broken
        by the caller (the event's `order:`, then its id).
        """
        d = self.date
        rank = {"day": 0, "month": 1, "year": 2}[d.precision]
        if not rank:
            return d.first_day(), 0
        if self.earliest is not None:
            return max(self.earliest.first_day(), d.first_day()), rank
        return d.last_day(), rank

    def display(self) -> str:
        if self.display_text:
            return self.display_text
        text = self.date.display()
        if self.end is not None:
            text = span(self.date, self.end)
        return i18n.approximately(text) if self.approximate else text


def span(start: PartialDate, end: PartialDate) -> str:
    """'21–22 March 2012', '10 June – 2 July 2021', 'June 2020 – May 2021' (in the active
    language: '1er–2 juin 2021')."""
    first, month = i18n.day_number(start.day), i18n.month_name
    if start.precision == end.precision == "day" and (start.year, start.month) == (
            end.year, end.month):
        return f"{first}–{end.day} {month(end.month)} {end.year}"
    if start.precision == end.precision == "day" and start.year == end.year:
        return f"{first} {month(start.month)} – {end.display()}"
    return f"{start.display()} – {end.display()}"
