"""Calendar arithmetic behind date resolution: periods, weeks, 旬 parts, nearest months and days."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tealeaves.extract import calendar as cal
from tealeaves.model import Granularity


def test_calendar_period_values_follow_schema_forms() -> None:
    assert cal.day(dt.date(2026, 3, 14)).value == "2026-03-14"
    assert cal.month(2025, 10).value == "2025-10"
    assert cal.year(2020).value == "2020"
    assert cal.join(cal.part_of_month(2026, 3, "late"), cal.part_of_month(2026, 4, "early")).value == "2026-03-21/2026-04-10"
    assert cal.join(cal.part_of_year(2018, "mid"), cal.part_of_year(2019, "late")).value == "2018-05/2019-12"


@pytest.mark.parametrize(
    ("period", "granularity"),
    [
        (cal.day(dt.date(2026, 3, 14)), Granularity.DAY),
        (cal.month(2026, 3), Granularity.MONTH),
        (cal.year(2026), Granularity.YEAR),
        (cal.week(dt.date(2026, 3, 14)), Granularity.INTERVAL),
    ],
)
def test_calendar_granularity(period: cal.Period, granularity: Granularity) -> None:
    assert period.granularity == granularity


@pytest.mark.parametrize(
    ("part", "value"),
    [("early", "2026-02-01/2026-02-10"), ("mid", "2026-02-11/2026-02-20"), ("late", "2026-02-21/2026-02-28"), ("h2", "2026-02-16/2026-02-28")],
)
def test_calendar_parts_of_a_month_follow_the_xun(part: str, value: str) -> None:
    assert cal.part_of_month(2026, 2, part).value == value


@pytest.mark.parametrize(
    ("part", "value"),
    [("early", "2026-01/2026-03"), ("mid", "2026-05/2026-08"), ("late", "2026-10/2026-12"), ("h1", "2026-01/2026-06")],
)
def test_calendar_parts_of_a_year(part: str, value: str) -> None:
    assert cal.part_of_year(2026, part).value == value


def test_calendar_quarters_and_bad_quarter() -> None:
    assert cal.quarter(2025, 3).value == "2025-07/2025-09"
    with pytest.raises(ValueError):
        cal.quarter(2025, 5)


def test_calendar_weeks_run_monday_to_sunday() -> None:
    assert cal.week(dt.date(2026, 3, 14)).value == "2026-03-09/2026-03-15"
    assert cal.week(dt.date(2026, 3, 15), -1).value == "2026-03-02/2026-03-08"


@pytest.mark.parametrize(
    ("published", "month", "lean", "expect"),
    [
        (dt.date(2026, 1, 5), 12, 0, (2025, 12)),
        (dt.date(2025, 12, 10), 2, 0, (2026, 2)),
        (dt.date(2026, 3, 14), 9, 0, (2025, 9)),  # six months either way: the past
        (dt.date(2026, 2, 12), 11, 0, (2025, 11)),
        (dt.date(2026, 2, 12), 11, 1, (2026, 11)),  # a future clause
        (dt.date(2026, 2, 12), 6, -1, (2025, 6)),  # a past clause
        (dt.date(2026, 3, 14), 1, 1, (2026, 1)),  # a future clause does not move a recent month
    ],
)
def test_calendar_month_near(published: dt.date, month: int, lean: int, expect: tuple[int, int]) -> None:
    assert cal.month_near(published, month, lean=lean) == expect


@pytest.mark.parametrize(
    ("published", "day", "lean", "expect"),
    [
        (dt.date(2025, 10, 1), 30, 0, dt.date(2025, 9, 30)),
        (dt.date(2025, 10, 1), 30, 1, dt.date(2025, 10, 30)),
        (dt.date(2026, 3, 13), 7, 0, dt.date(2026, 3, 7)),
        (dt.date(2026, 3, 13), 20, 0, dt.date(2026, 3, 20)),
        (dt.date(2026, 3, 2), 30, 0, dt.date(2026, 3, 30)),  # no 30 February: this month
    ],
)
def test_calendar_day_near(published: dt.date, day: int, lean: int, expect: dt.date) -> None:
    assert cal.day_near(published, day, lean=lean) == expect


@given(d=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)), weekday=st.integers(0, 6), strict=st.booleans())
def test_calendar_weekday_search_lands_on_that_weekday_within_a_week(d: dt.date, weekday: int, strict: bool) -> None:
    before = cal.weekday_on_or_before(d, weekday, strict=strict)
    after = cal.weekday_on_or_after(d, weekday, strict=strict)
    assert before.weekday() == weekday == after.weekday()
    assert 0 + strict <= (d - before).days <= 6 + strict
    assert 0 + strict <= (after - d).days <= 6 + strict


@given(y=st.integers(1901, 2099), m=st.integers(1, 12), k=st.integers(-40, 40))
def test_calendar_add_months_round_trips(y: int, m: int, k: int) -> None:
    y2, m2 = cal.add_months(y, m, k)
    assert 1 <= m2 <= 12 and cal.add_months(y2, m2, -k) == (y, m)


@given(published=st.dates(min_value=dt.date(1901, 1, 1), max_value=dt.date(2099, 12, 31)), month=st.integers(1, 12))
def test_calendar_month_offset_is_where_month_near_lands_and_when_the_tense_counts(published: dt.date, month: int) -> None:
    offset = cal.month_offset(published, month)
    assert -6 <= offset <= 5
    assert cal.month_near(published, month) == cal.add_months(published.year, published.month, offset)
    moved = {cal.month_near(published, month, lean=lean) for lean in (-1, 0, 1)}
    # the date reader asks for the clause's tense only when the offset is three months or more
    assert (len(moved) > 1) == (abs(offset) >= 3)


@given(published=st.dates(min_value=dt.date(1901, 1, 1), max_value=dt.date(2099, 12, 31)), day=st.integers(1, 31))
def test_calendar_day_near_ignores_the_tense_for_a_day_not_after_publication(published: dt.date, day: int) -> None:
    if day <= published.day:
        assert cal.day_near(published, day, lean=1) == cal.day_near(published, day, lean=0) == cal.day_near(published, day, lean=-1)
