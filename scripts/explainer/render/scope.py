"""The rules behind the site's headline numbers and its "after the article" record, in one place.

- **The article** is the source the thesis quotes (the first thesis; else the first source). It
  was published by its `latest` date at the latest (else the last day of its `published` date):
  that day is the *cutoff*. An event is **after the article** when the first day it can have
  happened is after the cutoff.
- **Regional** events happened outside Mali: they carry the tag `regional`, or a tag beginning
  `regional-` (e.g. `regional-coups`).
- **Mali's coups** are the events of kind `coup` that are not regional. **Coups in the region
  since 2020** are all the events of kind `coup` (Mali's included) dated 2020 or later. An
  event of kind `coup` tagged `attempt` (a coup that failed) counts in neither.

Pure: Corpus in, values out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from explainer import i18n
from explainer.data.model import Corpus, Event, Source
from explainer.geo.outlines import country as country_outline
from explainer.i18n import _, ngettext

REGIONAL_TAG = "regional"
#: A coup that failed: recorded with kind `coup`, but not counted as one.
ATTEMPT_TAG = "attempt"
#: The first year counted by "coups in the region since".
REGION_SINCE = 2020


def is_regional(e: Event) -> bool:
    """Tagged `regional` or `regional-…`: it happened outside Mali."""
    return any(t == REGIONAL_TAG or t.startswith(REGIONAL_TAG + "-") for t in e.tags)


def is_coup(e: Event) -> bool:
    """Of kind `coup` and not tagged `attempt`: a coup that succeeded."""
    return e.kind == "coup" and ATTEMPT_TAG not in e.tags


def mali_coups(events: Iterable[Event]) -> list[Event]:
    """Coups that are not regional, in the given (date) order."""
    return [e for e in events if is_coup(e) and not is_regional(e)]


def region_coups(events: Iterable[Event], since: int = REGION_SINCE) -> list[Event]:
    """Every coup (Mali's and its neighbours') dated `since` or later."""
    return [e for e in events if is_coup(e) and e.when.date.year >= since]


def country(corpus: Corpus, e: Event) -> str | None:
    """The country of an event's first place that has one, by name (a coup in Niamey: Niger)."""
    for p in corpus.places_of(e):
        if p.country:
            c = country_outline(p.country)
            return i18n.country_name(p.country, c.name if c else p.country)
    return None


def article(corpus: Corpus) -> Source | None:
    """The source the thesis quotes; without a thesis, the first source."""
    for c in corpus.claims.values():
        if c.kind == "thesis" and c.source in corpus.sources:
            return corpus.sources[c.source]
    return next(iter(corpus.sources.values()), None)


def published_by(source: Source) -> dt.date:
    """The last day the source can have been published."""
    w = source.published
    return (w.latest or w.date).last_day()


def cutoff(corpus: Corpus) -> dt.date | None:
    """The article's latest possible publication date: later events are 'after the article'."""
    src = article(corpus)
    return published_by(src) if src else None


def is_after(e: Event, day: dt.date | None) -> bool:
    return day is not None and e.when.date.first_day() > day


def later_events(corpus: Corpus) -> list[Event]:
    """The events after the article, in date order."""
    day = cutoff(corpus)
    return [e for e in corpus.events.values() if is_after(e, day)]


def time_after(e: Event, day: dt.date) -> str:
    """How long after `day` the event happened: 'about 3 weeks', 'about 14 months',
    'about 2 years and 5 months' (from the first day it can have happened)."""
    days = (e.when.date.first_day() - day).days
    if days < 45:
        weeks = max(1, round(days / 7))
        return _("within a week") if days < 7 else ngettext(
            "about %(n)s week", "about %(n)s weeks", weeks) % {"n": weeks}
    months = round(days / 30.4375)
    if months < 24:
        return _("about %(n)s months") % {"n": months}
    years, rest = divmod(months, 12)
    if not rest:
        return _("about %(n)s years") % {"n": years}
    return ngettext("about %(n)s years and %(rest)s month", "about %(n)s years and %(rest)s months",
                    rest) % {"n": years, "rest": rest}
