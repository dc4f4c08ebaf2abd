"""Read the slots of one matched date expression as a Period, given what the text around it says.

The fields come from a date template (data/dates.*.yaml): numbers (year, month, day, quarter,
count), word values (weekday, rel_day, rel_week, rel_month, rel_year, part, anaphor, ...) and
implied values. What the words alone do not fix is filled in this order, and each rule is a
rule of news language, not of one article:

1. the other end of a range (7月28日至29日: the end takes July 2025 from the start);
2. the same sentence: a month without a year takes the year written with the date just before it
   (unless that year is past and the clause speaks of the future: 2025年10月达成的协议将于3月到期),
   a bare day (24日) the month of the date just written with a month;
3. the publication date: a month without a year is the nearest such month (ties to the past),
   unless the clause's tense pulls it three or more months the other way; a bare day is the
   nearest such day in this month or the last; a weekday is the latest such day on or before
   publication, or the next one in a future clause. Weeks run Monday to Sunday; on a Sunday,
   上周X names the X of the week ending that day when that lies before it (a Sunday paper is
   written on the Saturday, and Hong Kong and Taiwan count weeks from Sunday).

When the publication date is needed and unknown, ``read`` raises ``Unresolved``: the caller keeps
the mention with no value rather than guessing from the clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from tealeaves.extract import calendar as cal
from tealeaves.extract.calendar import Period

Fields = Mapping[str, int | str]

YEAR_RANGE = (1000, 2999)
"""Years we read as years (a four-digit number outside it is something else)."""

ROC_EPOCH = 1911
"""Year 1 of the Republic of China era is 1912 (民國114年 = 2025)."""


class Unresolved(Exception):
    """The expression is relative and the publication date is unknown."""


@dataclass(slots=True)
class Context:
    """What the reader knows besides the fields: publication date, tense of the clause, the
    sentence's dates so far and the last year and day the text named.

    ``lean`` is called only where the tense can change the answer (it reads the clause, which
    costs more than the rest of a reading); a reader may keep one Context and update it between
    expressions.
    """

    published: dt.date | None
    lean: Callable[[], int]
    sentence_year: int | None = None
    sentence_month: tuple[int, int] | None = None
    last_year: int | None = None
    last_day: dt.date | None = None


_DAY_STEPS = {"day": 0, "next_day": 1, "prev_day": -1}
"""Day anaphors and their offset from the day named last: 当天, 次日, 前一天."""


def needs_publication_day(fields: Fields) -> bool:
    """True for day- or week-level deixis (今天, 周五, 上周, tomorrow): inside quoted speech these
    are anchored to when the words were said, which the text does not give."""
    if "rel_day" in fields:
        return True
    return ("weekday" in fields or "rel_week" in fields) and "day" not in fields


def read(fields: Fields, ctx: Context, *, mode: str | None = None, inherit: Period | None = None) -> tuple[Period, bool] | None:
    """The period ``fields`` name and whether it depended on anything but the text itself.

    ``inherit`` is the period at the start of a range, whose year (and month, for a bare day) an
    end without them takes. Returns None when the fields do not name a valid date (month 13,
    30 February, a 10-year count). Raises Unresolved when the publication date is needed and unknown.
    """
    try:
        return _read(fields, ctx, mode, inherit)
    except ValueError:
        return None


def _pub(ctx: Context) -> dt.date:
    if ctx.published is None:
        raise Unresolved
    return ctx.published


def _read(f: Fields, ctx: Context, mode: str | None, inherit: Period | None) -> tuple[Period, bool] | None:
    if mode == "decade":
        y = _int(f, "year")
        return (cal.join(cal.year(y), cal.year(y + 9)), False) if y % 10 == 0 else None
    if mode == "through":
        y, m = _int(f, "year"), _int(f, "month")
        n = _int(f, "count") * _int(f, "unit")
        if not 1 <= n <= 120:
            return None
        sy, sm = cal.add_months(y, m, 1 - n)
        return cal.months(sy, sm, y, m), False
    if f.get("anaphor") in _DAY_STEPS:
        if ctx.last_day is None:
            return None
        return cal.day(ctx.last_day + dt.timedelta(days=_DAY_STEPS[str(f["anaphor"])])), True
    if "rel_day" in f:
        return cal.day(_pub(ctx) + dt.timedelta(days=_int(f, "rel_day"))), True
    if "weekday" in f and "day" not in f:
        return cal.day(_weekday(f, ctx)), True
    if "rel_week" in f and "day" not in f:
        return cal.week(_pub(ctx), _int(f, "rel_week")), True
    year, relative = _year(f, ctx)
    if "rel_month" in f:
        pub = _pub(ctx)
        y, m = cal.add_months(pub.year, pub.month, _int(f, "rel_month"))
        return _in_month(f, y, m), True
    if "month" in f:
        m = _int(f, "month")
        if year is None:
            year, relative = _month_year(f, m, ctx, inherit), True
        return _in_month(f, year, m), relative
    if "day" in f and ("weekday" in f or "rel_week" in f) and "month" not in f and ctx.published is not None:
        return cal.day(_day_near_weekday(f, ctx)), True  # 下周一（20日）: the 20th of the week named
    if "day" in f:
        if inherit is not None and inherit.start_text.count("-") >= 1:
            return cal.day(dt.date(inherit.first.year, inherit.first.month, _int(f, "day"))), True
        if ctx.sentence_month is not None:
            y, m = ctx.sentence_month
            return cal.day(dt.date(y, m, _int(f, "day"))), True
        pub, day_ = _pub(ctx), _int(f, "day")
        # a day not after the publication day is that day of this month, whatever the tense
        d = cal.day_near(pub, day_, lean=ctx.lean() if day_ > pub.day else 0)
        return (cal.day(d), True) if d else None
    if year is None and inherit is not None and ("quarter" in f or "part" in f):
        year, relative = inherit.first.year, True
    if year is None:
        return None
    if "quarter" in f:
        return cal.quarter(year, _int(f, "quarter")), relative
    if "part" in f:
        return cal.part_of_year(year, str(f["part"])), relative
    return cal.year(year), relative


def _int(f: Fields, key: str) -> int:
    value = f[key]
    if not isinstance(value, int):
        raise ValueError(f"{key} is not a number")
    return value


def _year(f: Fields, ctx: Context) -> tuple[int | None, bool]:
    """The year the text states: written (in the common era or the ROC era), relative to
    publication, or 同年 (the year last named)."""
    if "year" in f or "roc_year" in f:
        y = _int(f, "year") if "year" in f else ROC_EPOCH + _int(f, "roc_year")
        if not YEAR_RANGE[0] <= y <= YEAR_RANGE[1]:
            raise ValueError(f"{y} is not a year")
        return y, False
    if "rel_year" in f:
        return _pub(ctx).year + _int(f, "rel_year"), True
    if f.get("anaphor") in ("year", "next_year"):
        if ctx.last_year is None:
            raise ValueError("an anaphoric year with no year before it")
        return ctx.last_year + (f["anaphor"] == "next_year"), True
    return None, False


def _month_year(f: Fields, m: int, ctx: Context, inherit: Period | None) -> int:
    """The year of a month written without one (rules 1-3 of the module docstring)."""
    if inherit is not None:
        return inherit.first.year
    if "month_dir" in f:
        pub = _pub(ctx)
        direction = _int(f, "month_dir")
        if direction < 0:
            return pub.year if m < pub.month else pub.year - 1
        if direction > 0:
            return pub.year if m > pub.month else pub.year + 1
        return pub.year
    if ctx.sentence_year is not None:
        future_after_past = ctx.published is not None and ctx.sentence_year < ctx.published.year and ctx.lean() > 0
        if not future_after_past:
            return ctx.sentence_year
    pub = _pub(ctx)
    # the tense moves only a month three or more months away (calendar.month_near)
    lean = ctx.lean() if abs(cal.month_offset(pub, m)) >= 3 else 0
    return cal.month_near(pub, m, lean=lean)[0]


def _in_month(f: Fields, y: int, m: int) -> Period:
    if "day" in f:
        return cal.day(dt.date(y, m, _int(f, "day")))
    if "part" in f:
        return cal.part_of_month(y, m, str(f["part"]))
    return cal.month(y, m)


def _day_near_weekday(f: Fields, ctx: Context) -> dt.date:
    """The day numbered ``day`` nearest the weekday or week the fields also name (周三（15日）,
    下周一（20日）): the week places the day whatever month the sentence named before it."""
    n = _int(f, "day")
    # the weekday, or the middle (Thursday) of the week named (下周（20日）)
    w = _weekday(f, ctx) if "weekday" in f else cal.weekday_in_week(_pub(ctx), 3, _int(f, "rel_week"))
    candidates = []
    for step in (-1, 0, 1):
        y, m = cal.add_months(w.year, w.month, step)
        try:
            candidates.append(dt.date(y, m, n))
        except ValueError:
            continue
    if not candidates:
        raise ValueError(f"no day {n} near {w}")
    return min(candidates, key=lambda d: abs((d - w).days))


def _weekday(f: Fields, ctx: Context) -> dt.date:
    pub = _pub(ctx)
    wd = _int(f, "weekday")
    if "rel_week" in f:
        offset = _int(f, "rel_week")
        if offset == -1 and pub.weekday() == 6:
            same_week = cal.weekday_in_week(pub, wd)
            if same_week < pub:
                return same_week
        return cal.weekday_in_week(pub, wd, offset)
    if "weekday_dir" in f:
        direction = _int(f, "weekday_dir")
        if direction < 0:
            return cal.weekday_on_or_before(pub, wd, strict=True)
        if direction > 0:
            return cal.weekday_on_or_after(pub, wd, strict=True)
        return cal.weekday_in_week(pub, wd)
    if wd != pub.weekday() and ctx.lean() > 0:  # on the weekday itself either way is that day
        return cal.weekday_on_or_after(pub, wd)
    return cal.weekday_on_or_before(pub, wd)
