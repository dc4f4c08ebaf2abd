"""What qualifies an amount besides its number and unit: the factor to its base unit, the period
of a rate (每年, a year) and its bound (不少于, at least, 约, up to), read from the cue words of
data/quantities.yaml around it (``quantity_context``)."""

from __future__ import annotations

import functools
from decimal import Decimal
from typing import Literal

from tealeaves.extract.quantity_context import BOUND_BEFORE, RATE_AFTER, RATE_BEFORE, Context, weight
from tealeaves.knowledge.schema import CommodityEntry, UnitEntry

Bound = Literal["exact", "at_least", "at_most", "about"]


def skip_space(vt: str, pos: int) -> int:
    """``pos``, or the position after it when one space stands there."""
    return pos + 1 if vt[pos : pos + 1] == " " else pos


def factor_of(unit: UnitEntry, commodity: CommodityEntry | None) -> Decimal | None:
    """The factor from ``unit`` to its base unit, exact as written in the data; per commodity for
    bushels (a bushel of soybeans weighs 27.2 kg, of corn 25.4 kg); None when it cannot be known."""
    if unit.factor is not None:
        return _exact(unit.factor)
    if unit.factor_from == "bushel_kg" and commodity is not None and commodity.bushel_kg is not None:
        return _exact(commodity.bushel_kg) / 1000
    return None


@functools.lru_cache(maxsize=256)
def _exact(x: float) -> Decimal:
    """The decimal a factor is written as in the data (0.0272155, not its binary neighbour); the
    table has a few dozen factors, each converted once."""
    return Decimal(repr(x))


def rate_of(ctx: Context, start: int, end: int, c_start: int, limit: int) -> str | None:
    """The period of a rate cue in the same clause (每年 2500万吨, 25 million tons a year)."""
    vt = ctx.view.text
    for s, _e, cue in ctx.cues_in(end, limit, "rate", "after"):
        if weight(vt[end:s]) <= RATE_AFTER:
            return cue.value
    for _s, e, cue in reversed(ctx.cues_in(c_start, start, "rate", "before")):
        if weight(vt[e:start]) <= RATE_BEFORE and not ctx.runs_between(e, start):
            return cue.value
    return None


def bound_of(ctx: Context, approx: bool, start: int, end: int, c_start: int) -> Bound:
    """at_least / at_most / about from 多 in the numeral or a cue touching the amount (a Chinese
    cue of two or more characters may have up to two between: 至少购买1200万吨; 上 must touch:
    上百万吨, not 上调至25%). ``approx`` says the numeral itself carries 多 (四百多亿)."""
    vt = ctx.view.text
    after = ctx.cue_at(skip_space(vt, end), "bound", "after")
    if after is not None:
        return _as_bound(after[1].value)
    if approx:
        return "at_least"
    before = ctx.cues_in(c_start, start, "bound", "before")
    if before:
        s, e, cue = before[-1]
        gap = vt[e:start]
        touching = not gap.strip()
        if touching or (e - s > 1 and not any(c.isascii() for c in gap) and weight(gap) <= BOUND_BEFORE):
            return _as_bound(cue.value)
    return "exact"


def _as_bound(value: str) -> Bound:
    if value == "at_least":
        return "at_least"
    if value == "at_most":
        return "at_most"
    return "about"
