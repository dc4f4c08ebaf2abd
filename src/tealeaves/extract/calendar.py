"""Calendar arithmetic for date resolution: periods in SCHEMA.md's forms, weeks, parts of months and years.

Nothing here reads text, and everything is pure: the single days, months and years most texts
name are kept once built (a Period is frozen). A ``Period`` is a closed range of days that also remembers how precisely
each end was written, so that 去年10月 stays ``2025-10`` and 3月底到4月初 becomes
``2026-03-21/2026-04-10``: we never claim more precision than the text gives.

Conventions (SCHEMA.md): weeks run Monday to Sunday; parts of a month follow the Chinese 旬
(early = days 1-10, mid = 11-20, late = 21-end); parts of a year are quarters except the middle
(early = Jan-Mar, mid = May-Aug, late = Oct-Dec); halves are Jan-Jun and Jul-Dec.
"""

from __future__ import annotations

import calendar as _stdcal
import datetime as dt
import functools
from dataclasses import dataclass

from tealeaves.model import Granularity

PARTS = ("early", "mid", "late", "h1", "h2")
"""Names of the parts of a month or a year that data files may give (knowledge/schema.py DATE_PARTS)."""

_YEAR_PARTS: dict[str, tuple[int, int]] = {"early": (1, 3), "mid": (5, 8), "late": (10, 12), "h1": (1, 6), "h2": (7, 12)}
_MONTH_PARTS: dict[str, tuple[int, int | None]] = {
    "early": (1, 10),
    "mid": (11, 20),
    "late": (21, None),
    "h1": (1, 15),
    "h2": (16, None),
}


_GRANULARITY_BY_LENGTH = {10: Granularity.DAY, 7: Granularity.MONTH}
"""``YYYY-MM-DD`` is a day, ``YYYY-MM`` a month (anything else a year)."""


@dataclass(frozen=True)
class Period:
    """A closed range of days ``first``..``last`` with the written form of each end.

    ``start_text`` and ``end_text`` are ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; ``value`` is one of
    them when both are equal and ``START/END`` otherwise.
    """

    first: dt.date
    last: dt.date
    start_text: str
    end_text: str

    @property
    def value(self) -> str:
        """The SCHEMA.md form: ``2026``, ``2026-03``, ``2026-03-14`` or ``START/END``."""
        return self.start_text if self.start_text == self.end_text else f"{self.start_text}/{self.end_text}"

    @property
    def granularity(self) -> Granularity:
        """Day, month or year for a single unit, interval for anything else."""
        if self.start_text != self.end_text:
            return Granularity.INTERVAL
        return _GRANULARITY_BY_LENGTH.get(len(self.start_text), Granularity.YEAR)

    @property
    def year(self) -> int:
        """The year of the first day (what a following date without a year inherits)."""
        return self.first.year

    @property
    def is_day(self) -> bool:
        """True for a single day."""
        return self.first == self.last and len(self.start_text) == 10


@functools.lru_cache(maxsize=4096)
def day(d: dt.date) -> Period:
    """One day."""
    return Period(d, d, d.isoformat(), d.isoformat())


@functools.lru_cache(maxsize=4096)
def month(year: int, month_: int) -> Period:
    """One calendar month. Raises ValueError for a month outside 1-12 or a year outside 1-9999."""
    return Period(dt.date(year, month_, 1), month_end(year, month_), f"{year:04d}-{month_:02d}", f"{year:04d}-{month_:02d}")


@functools.lru_cache(maxsize=4096)
def year(year_: int) -> Period:
    """One calendar year."""
    return Period(dt.date(year_, 1, 1), dt.date(year_, 12, 31), f"{year_:04d}", f"{year_:04d}")


def days(first: dt.date, last: dt.date) -> Period:
    """The days ``first``..``last`` as an interval of days."""
    return Period(first, last, first.isoformat(), last.isoformat())


def months(y1: int, m1: int, y2: int, m2: int) -> Period:
    """The months ``y1-m1``..``y2-m2`` as an interval of months."""
    return join(month(y1, m1), month(y2, m2))


def join(a: Period, b: Period) -> Period:
    """The period from the start of ``a`` to the end of ``b``, each end written as precisely as its
    source (``join(month(2018, 5), month(2019, 12)).value == '2018-05/2019-12'``)."""
    return Period(a.first, b.last, a.start_text, b.end_text)


def month_end(year_: int, month_: int) -> dt.date:
    """The last day of a month."""
    return dt.date(year_, month_, _stdcal.monthrange(year_, month_)[1])


def add_months(year_: int, month_: int, k: int) -> tuple[int, int]:
    """``(year, month)`` shifted by ``k`` months (negative goes back)."""
    index = year_ * 12 + (month_ - 1) + k
    return index // 12, index % 12 + 1


def part_of_month(year_: int, month_: int, part: str) -> Period:
    """A part of a month by the 旬 rule (early 1-10, mid 11-20, late 21-end; h1/h2 halves).

    Raises KeyError for a part name not in PARTS.
    """
    lo, hi = _MONTH_PARTS[part]
    last = month_end(year_, month_) if hi is None else dt.date(year_, month_, hi)
    return days(dt.date(year_, month_, lo), last)


def part_of_year(year_: int, part: str) -> Period:
    """A part of a year: early Jan-Mar, mid May-Aug, late Oct-Dec, h1 Jan-Jun, h2 Jul-Dec (SCHEMA.md)."""
    lo, hi = _YEAR_PARTS[part]
    return months(year_, lo, year_, hi)


def quarter(year_: int, q: int) -> Period:
    """Calendar quarter ``q`` (1-4) of a year as an interval of months. Raises ValueError otherwise."""
    if not 1 <= q <= 4:
        raise ValueError(f"quarter {q} is not 1-4")
    return months(year_, 3 * q - 2, year_, 3 * q)


def week_start(d: dt.date) -> dt.date:
    """The Monday of the week containing ``d``."""
    return d - dt.timedelta(days=d.weekday())


def week(d: dt.date, offset: int = 0) -> Period:
    """The Monday-Sunday week containing ``d``, shifted by ``offset`` weeks, as an interval of days."""
    monday = week_start(d) + dt.timedelta(weeks=offset)
    return days(monday, monday + dt.timedelta(days=6))


def weekday_on_or_before(d: dt.date, weekday: int, *, strict: bool = False) -> dt.date:
    """The latest date with this weekday (Monday 0) on or before ``d`` (strictly before if ``strict``)."""
    back = (d.weekday() - weekday) % 7
    if strict and back == 0:
        back = 7
    return d - dt.timedelta(days=back)


def weekday_on_or_after(d: dt.date, weekday: int, *, strict: bool = False) -> dt.date:
    """The earliest date with this weekday (Monday 0) on or after ``d`` (strictly after if ``strict``)."""
    ahead = (weekday - d.weekday()) % 7
    if strict and ahead == 0:
        ahead = 7
    return d + dt.timedelta(days=ahead)


def weekday_in_week(d: dt.date, weekday: int, offset: int = 0) -> dt.date:
    """The day with this weekday in the Monday-Sunday week of ``d``, shifted by ``offset`` weeks."""
    return week_start(d) + dt.timedelta(weeks=offset, days=weekday)


def month_near(published: dt.date, month_: int, *, lean: int = 0) -> tuple[int, int]:
    """The ``(year, month)`` of a month named without a year, nearest to the publication month.

    Ties (six months either way) go to the past, because news reports more of what happened than of
    what will. ``lean`` is the tense of the clause: +1 (future) moves a month lying three or more
    months before publication to the next year; -1 (past) moves one lying three or more months after
    publication to the year before. 12月20日 in an article of 2026-01-05 is 2025-12-20; 11月 in a
    clause about a goal, published 2026-02-12, is 2026-11.
    """
    delta = month_offset(published, month_)
    if lean > 0 and delta <= -3:
        delta += 12
    elif lean < 0 and delta >= 3:
        delta -= 12
    return add_months(published.year, published.month, delta)


def month_offset(published: dt.date, month_: int) -> int:
    """How many months from the publication month to the nearest ``month_``: -6..5, ties (six
    months either way) to the past. ``month_near`` without a tense lands this far away.

    Example::

        month_offset(dt.date(2026, 1, 5), 12)  # -1
    """
    delta = (month_ - published.month) % 12
    return delta - 12 if delta >= 6 else delta


def day_near(published: dt.date, day_: int, *, lean: int = 0) -> dt.date | None:
    """The date of a day of the month named without a month (24日, "the 24th"), nearest to publication.

    The candidates are that day in the publication month and in the month before; the nearer one
    wins, ties to the past, and a future clause (``lean`` +1) prefers the publication month when the
    day lies ahead. Returns None when neither month has such a day.
    """
    this_month = _safe_date(published.year, published.month, day_)
    py, pm = add_months(published.year, published.month, -1)
    previous = _safe_date(py, pm, day_)
    if this_month is None or previous is None:
        return this_month or previous
    if this_month <= published:
        return this_month
    if lean > 0:
        return this_month
    ahead = (this_month - published).days
    back = (published - previous).days
    return this_month if ahead < back else previous


def _safe_date(year_: int, month_: int, day_: int) -> dt.date | None:
    try:
        return dt.date(year_, month_, day_)
    except ValueError:
        return None
