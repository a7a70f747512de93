"""Partial dates (a year, a month or a day), with their precision, bounds and display text."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

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
        """'24 May 2021', 'May 2021' or '1968'."""
        if self.day:
            return f"{self.day} {MONTHS[self.month - 1]} {self.year}"
        if self.month:
            return f"{MONTHS[self.month - 1]} {self.year}"
        return str(self.year)


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


@dataclass(frozen=True, kw_only=True, slots=True)
class When:
    """When something happened: a date, how sure we are of it, and how to show it."""

    date: PartialDate
    approximate: bool = False
    end: PartialDate | None = None
    earliest: PartialDate | None = None
    latest: PartialDate | None = None
    display_text: str | None = None

    def sort_key(self) -> tuple[dt.date, dt.date]:
        return (self.date.first_day(), (self.end or self.date).last_day())

    def display(self) -> str:
        if self.display_text:
            return self.display_text
        text = self.date.display()
        if self.end is not None:
            text = span(self.date, self.end)
        return f"c. {text}" if self.approximate else text


def span(start: PartialDate, end: PartialDate) -> str:
    """'21–22 March 2012', '10 June – 2 July 2021', 'June 2020 – May 2021'."""
    if start.precision == end.precision == "day" and (start.year, start.month) == (
            end.year, end.month):
        return f"{start.day}–{end.day} {MONTHS[end.month - 1]} {end.year}"
    if start.precision == end.precision == "day" and start.year == end.year:
        return f"{start.day} {MONTHS[start.month - 1]} – {end.display()}"
    return f"{start.display()} – {end.display()}"
