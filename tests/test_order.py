"""One chronological order (CONTRIBUTING, "Date order"): the rule on a fixture, the real data."""

from __future__ import annotations

from pathlib import Path

import pytest

from explainer.build import read_corpus
from explainer.data.dates import PartialDate, When, parse_date
from explainer.data.model import Corpus, Event


def _event(ident: str, date: str, *, end: str | None = None, earliest: str | None = None,
           order: int | None = None) -> Event:
    when = When(date=parse_date(date), end=parse_date(end) if end else None,
                earliest=parse_date(earliest) if earliest else None)
    return Event(id=ident, path=f"data/events/{ident}.yaml", title=ident, when=when,
                 summary="s", kind="other", places=(), actors=(), tags=(), sources=(),
                 order=order)


def _order(*events: Event) -> list[str]:
    corpus = Corpus.build(sources={}, events={e.id: e for e in events}, actors={}, claims={},
                          terms={})
    return list(corpus.events)


def test_the_rule_on_a_fixture() -> None:
    assert _order(
        _event("a-year", "2020"),
        _event("b-month", "2020-08"),
        _event("c-month-placed", "2020-08", earliest="2020-08-18"),
        _event("d-day-31", "2020-08-31"),
        _event("e-day-18", "2020-08-18"),
        _event("f-range-from-10", "2020-08-10", end="2020-08-20"),
        _event("g-day-12", "2020-08-12"),
        _event("h-dec", "2020-12"),
        _event("i-july", "2020-07-31"),
    ) == ["i-july", "f-range-from-10", "g-day-12", "e-day-18", "c-month-placed", "d-day-31",
          "b-month", "h-dec", "a-year"]


def test_ties_go_by_order_then_id() -> None:
    assert _order(_event("a", "2021-05-24"), _event("b", "2021-05-24", order=2),
                  _event("c", "2021-05-24", order=1), _event("d", "2021-05-24")
                  ) == ["c", "b", "a", "d"]


def test_earliest_never_moves_an_event_out_of_its_period() -> None:
    when = When(date=PartialDate(year=2020, month=8), earliest=PartialDate(year=2020, month=7,
                                                                           day=30))
    assert when.sort_key()[0].month == 8


@pytest.fixture(scope="module")
def real(repo_root: Path) -> list[str]:
    return list(read_corpus(repo_root / "data").events)


@pytest.mark.parametrize(("before", "after"), [
    ("coup-2020", "un-condemns-coup-2020"),
    ("coup-2020", "cnsp-proposes-three-year-transition"),
    ("national-consultations-charter", "m5-rfp-rejects-charter"),
])
def test_the_three_pairs_of_issue_13_on_the_real_data(real: list[str], before: str,
                                                      after: str) -> None:
    assert real.index(before) < real.index(after)
