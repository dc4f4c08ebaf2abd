"""Quantities: amounts with a unit, converted to base units, with the commodity named nearby.

One compiled-regex pass (``numbers.find_numbers``) over the t2s, width- and case-folded view finds
number-shaped runs; everything after works on those candidates only:

1. A run is kept when a unit form of data/units.csv follows it (吨, tons, %, 美元, 个百分点) or
   precedes it ($, US$, 百分之, RMB). Durations (三年, 90天), dates, ordinals (第六轮), article and
   section numbers, years and counts of people have no unit in the table, so they are never
   quantities (SCHEMA.md). Counts of things (架, 艘, aircraft) are rows of dimension ``count``;
   they are left out unless ``counts=True``, because the gold lists them at most as optional and a
   count it does not list is a false alarm.
2. Cue words in the same clause (data/quantities.yaml) qualify it: a bound (不少于, at least, 多 in
   四百多亿 -> at_least; 约, about -> about; 最高, up to -> at_most), a rate (每年 ..., ... a year ->
   ``t/year``, ``USD/year``), a price (每吨500美元, $10 a bushel: not an amount, dropped) or a vague
   prefix (数百万吨: no amount, dropped). Two currencies joined by an exchange mark (1美元兑7.1元)
   are a rate, not amounts; an amount restated in another unit right after the first (329亿美元
   （约合2270亿元人民币）, 12 million tons (440 million bushels)) is the same amount, kept once.
3. Two runs joined by a range mark (1400万至1600万吨, 14-16 million tons, 13%-17%) form a range;
   a left end written without unit or scale takes the right end's (14 -> 14 million tons). Both
   ends are emitted as quantities, each with ``low_base``/``high_base``, because the gold lists the
   ends of a range as separate amounts (13%-17% -> 13 % and 17 %).
4. The commodity is looked up as far as the unit's ``commodity_scope`` allows (quantity_context).
5. Each amount is kept once per document, at its first mention: the scorer matches one-to-one, so
   a repeated amount would be a false alarm. Mentions merge when value and base unit agree and
   nothing tells them apart (one has no commodity, or one has no rate); different commodities or
   different rates stay apart (500万吨大豆和500万吨玉米 are two amounts).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from decimal import Decimal

from tealeaves.extract.numbers import (
    APPROX_MARKS,
    find_numbers,
    parse_decimal,
    split_scale,
)
from tealeaves.extract.quantity_context import RATE_BEFORE, Context, weight
from tealeaves.extract.quantity_qualifiers import Bound, bound_of, factor_of, rate_of, skip_space
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.knowledge.schema import UnitEntry
from tealeaves.model import Document, Evidence, Quantity, Span
from tealeaves.text.normalize import make_view

log = logging.getLogger(__name__)

_PREFIX = ("prefix", "both")
_NO_APPROX = str.maketrans("", "", APPROX_MARKS)
_SUFFIX = ("suffix", "both")


@dataclass(slots=True)
class _Reading:
    """A number run with what surrounds it: its value, its unit and where its span begins/ends."""

    start: int  # span start: the prefix unit when there is one, else the number
    num_start: int
    num_end: int
    end: int  # span end: after the unit, or the number when there is none
    text: str  # the number as in the view, approximate marks removed
    value: Decimal
    approx: bool
    unit: UnitEntry | None
    unit_start: int
    unit_end: int
    low: Decimal | None = None
    high: Decimal | None = None
    range_start: int | None = None
    range_end: int | None = None


@dataclass(slots=True)
class _Found:
    """A quantity before its evidence is built (only the first mention of an amount gets one)."""

    start: int
    end: int
    value_base: float
    unit: str
    value: float
    unit_text: str
    commodity: str | None
    low_base: float | None
    high_base: float | None
    bound: Bound

    def to_quantity(self, evidence: Evidence) -> Quantity:
        """The Quantity, with the evidence of this mention (``Quantity.of``: the fields are checked
        here already)."""
        return Quantity.of(
            self.value_base,
            self.unit,
            self.value,
            self.unit_text,
            self.commodity,
            self.low_base,
            self.high_base,
            self.bound,
            evidence,
        )


def extract_quantities(doc: Document, kb: KnowledgeBase, *, counts: bool = False) -> tuple[Quantity, ...]:
    """Find every quantity in ``doc``: amounts with a unit, in base units, with their commodity.

    Returns an empty tuple when the text has none. Values are in base units (t, USD, CNY, EUR, %,
    bbl, rates such as t/year); each amount appears once (see the module docstring for the rules).

    Example::

        extract_quantities(make_doc("中方承诺未来三年每年采购2500万吨美国大豆。"), kb)
        # (Quantity(value_base=25000000.0, unit='t/year', commodity='soybeans', ...),)
    """
    if not doc.text:
        return ()
    view = make_view(doc.text)
    runs = find_numbers(view.text)
    ctx = Context.build(doc, kb, view, [r.start for r in runs])
    readings: list[_Reading] = []
    for run in runs:
        reading = _read(ctx, run.start, run.end, run.text)
        if reading is not None:
            readings.append(reading)
    found: list[_Found] = []
    for reading in _drop_restatements(ctx, _join_ranges(ctx, readings)):
        item = _quantity(ctx, reading, counts=counts)
        if item is not None:
            found.append(item)
    if not found:
        return ()
    text = doc.text
    return tuple(f.to_quantity(Evidence.of(ctx.sentence_index(f.start), Span.of(text, f.start, f.end))) for f in _deduplicate(found))


def _read(ctx: Context, start: int, end: int, text: str) -> _Reading | None:
    """Read one run: drop vague and code-like numbers, find its unit, parse its value."""
    vt = ctx.view.text
    cut = ctx.doc.text.find("\N{FULLWIDTH COMMA}", start, end)  # 1，200 is two clauses, not 1200
    if cut > start:
        end, text = cut, text[: cut - start]
    gap = _unit_gap(vt, end)
    if not _unit_or_range_may_touch(ctx, start, end, gap):
        return None
    if not text[0].isascii() and ctx.cue_ending(start, "vague", "before") is not None:
        return None  # 数百万吨, 几十亿美元: no amount
    prefix_end = start - 1 if start > 0 and vt[start - 1] == " " else start
    prefix = ctx.unit_before(prefix_end, _PREFIX) if prefix_end > 0 else None
    if prefix is None and _code_like(vt, start):
        return None  # H20, MI308, F-35, R3.6-trillion: part of a name or another currency
    suffix = None
    found = ctx.unit_at(gap, _SUFFIX)
    for back in (1, 2):  # 8000千克 and 5百分点: the run took the unit's first character
        if found is not None or len(text) <= back or text[-back - 1].isspace():
            break
        found = ctx.unit_at(end - back, _SUFFIX)
        if found is not None:
            end, text = end - back, text[:-back]
            gap = _unit_gap(vt, end)
    if found is not None and _allowed(vt, start, found[0], found[1]):
        suffix = (gap, found[0], found[1])
    if suffix is None and prefix is None and not _range_may_follow(ctx, end):
        return None  # a year, a day, 三年, 第六轮: no unit, and not the left end of a range
    clean = text.translate(_NO_APPROX)
    try:
        value = parse_decimal(clean)
    except ValueError:
        return None
    unit: UnitEntry | None = None
    unit_start = unit_end = end
    span_start, span_end = start, end
    if suffix is not None:
        unit_start, unit_end, unit = suffix
        again = ctx.unit_at(unit_end, _SUFFIX)  # 100亿元人民币: the currency named twice
        if again is not None and again[1].unit == unit.unit:
            unit_end = again[0]
        span_end = unit_end
    if prefix is not None:
        if unit is None:
            unit_start, unit_end, unit = prefix[0], prefix_end, prefix[1]
        if prefix[1].unit == unit.unit:
            span_start = prefix[0]
    return _Reading(span_start, start, end, span_end, clean.strip(), value, clean != text, unit, unit_start, unit_end)


def _unit_or_range_may_touch(ctx: Context, start: int, end: int, gap: int) -> bool:
    """False when the lookups of ``_read`` must all come back empty for the run ``[start, end)``:
    no suffix unit can start where one would be looked for (after a space or hyphen, or at the
    run's last two characters), no prefix unit can end before it and no range joiner or ``and`` can
    follow it. Most runs (years, days, the 一 of 一些) fail it after a few set lookups. ``gap`` is
    ``_unit_gap`` at ``end``."""
    vt, edges = ctx.view.text, ctx.edges
    if vt[gap : gap + 1] in edges.suffix_first:
        return True
    first = edges.suffix_first  # 8000千克: the unit's first character may end the run
    if (end - 1 >= start and vt[end - 1] in first) or (end - 2 >= start and vt[end - 2] in first):
        return True
    after = end + 1 if vt[end : end + 1] == " " else end
    if vt[after : after + 1] in edges.range_first or vt.startswith("and ", after):
        return True
    before = start - 1 if start > 0 and vt[start - 1] == " " else start
    return before > 0 and vt[before - 1] in edges.prefix_last


def _range_may_follow(ctx: Context, end: int) -> bool:
    """True when a range joiner (至, -, to) or ``and`` follows ``end``: the run may be a range's left end."""
    pos = skip_space(ctx.view.text, end)
    return ctx.cue_at(pos, "range", "between") is not None or ctx.view.text.startswith("and ", pos)


def _code_like(vt: str, start: int) -> bool:
    """A number glued to Latin letters (H20, MI308, F-35, R3.6-trillion) is a name, not an amount."""
    if start == 0:
        return False
    before = vt[start - 1]
    if before.isascii() and before.isalpha():
        return True
    return before == "-" and start > 1 and vt[start - 2].isascii() and vt[start - 2].isalpha()


def _allowed(vt: str, num_start: int, unit_end: int, unit: UnitEntry) -> bool:
    """Apply a unit row's ``not_next``/``not_prev`` (元首 is no money, 1日元旦 no yen)."""
    # str.startswith/endswith take a tuple: any of them (none for an empty tuple)
    return not (vt.startswith(unit.not_next, unit_end) or vt.endswith(unit.not_prev, 0, num_start))


def _join_ranges(ctx: Context, readings: list[_Reading]) -> list[_Reading]:
    """Link ``A 至 B unit``, ``A-B unit`` and ``between A and B unit``; A takes B's unit and scale."""
    out = list(readings)
    for i in range(1, len(out)):
        left, right = out[i - 1], out[i]
        if right.unit is None or (left.unit is not None and left.unit.unit != right.unit.unit):
            continue
        if not _joined(ctx, left, right):
            continue
        low = left.value
        mantissa, scale = split_scale(right.text)
        if scale > 1 and split_scale(left.text)[1] == 1:
            try:
                if low <= parse_decimal(mantissa):
                    low = low * scale
            except ValueError:
                pass
        if low > right.value:
            continue
        if left.unit is None:
            left = replace(left, unit=right.unit, unit_start=right.unit_start, unit_end=right.unit_end)
        if ctx.cue_ending(_before_space(ctx.view.text, left.start), "change_open", "before") is not None:
            out[i - 1] = replace(left, value=low)  # from 10 to 25 percent: two amounts, no range
            continue
        out[i - 1] = replace(left, value=low, low=low, high=right.value, range_start=left.start, range_end=right.end)
        out[i] = replace(right, low=low, high=right.value, range_start=left.start, range_end=right.end)
    return out


def _joined(ctx: Context, left: _Reading, right: _Reading) -> bool:
    """True when only a range joiner (至, -, to) or ``and`` after ``between`` separates the two."""
    if _only_cue_between(ctx, left, right, "range"):
        return True
    vt = ctx.view.text
    return (
        vt[left.end : right.start].strip() == "and"
        and ctx.cue_ending(_before_space(vt, left.start), "range_open", "before") is not None
    )


def _drop_restatements(ctx: Context, readings: list[_Reading]) -> list[_Reading]:
    """Drop two money amounts joined by an exchange mark (1美元兑7.1元: a rate, not amounts), and
    an amount restated in another unit of the same dimension right after the first (329亿美元
    （约合2270亿元人民币）, 12 million tons (440 million bushels)): the first is the amount."""
    drop: set[int] = set()
    for i in range(1, len(readings)):
        left, right = readings[i - 1], readings[i]
        if not (left.unit and right.unit and left.unit.dimension == right.unit.dimension):
            continue
        if left.unit.dimension == "money" and _only_cue_between(ctx, left, right, "exchange"):
            drop.update((i - 1, i))
        elif left.unit.unit != right.unit.unit or left.unit.form != right.unit.form:
            if _only_cue_between(ctx, left, right, "conversion"):
                drop.add(i)
    return [r for i, r in enumerate(readings) if i not in drop]


def _only_cue_between(ctx: Context, left: _Reading, right: _Reading, role: str) -> bool:
    """True when a cue of ``role`` (position between) and spaces are all that separate the two."""
    vt = ctx.view.text
    gap = vt[left.end : right.start]
    word = gap.strip()
    if not word:
        return False
    cue = ctx.cue_at(left.end + gap.index(word[0]), role, "between")
    return cue is not None and not vt[cue[0] : right.start].strip()


def _before_space(vt: str, pos: int) -> int:
    return pos - 1 if pos > 0 and vt[pos - 1] == " " else pos


def _quantity(ctx: Context, r: _Reading, *, counts: bool) -> _Found | None:
    """Turn a reading with a unit into a quantity, or None (no unit, a count, a price)."""
    unit = r.unit
    if unit is None or (unit.dimension == "count" and not counts):
        return None
    vt = ctx.view.text
    start, end = r.start, r.end
    if r.range_start is not None and r.range_end is not None:
        start, end = r.range_start, r.range_end  # both ends of a range cite, and look around, the whole range
    next_run = ctx.next_run(end)
    c_start, c_end = ctx.clause(start, end)
    if ctx.cue_at(skip_space(vt, end), "per_unit", "after") is not None:
        return None  # $10 a bushel, 500美元/吨: a price
    for _s, e, _cue in ctx.cues_in(c_start, start, "per_unit", "before"):
        if weight(vt[e:start]) <= RATE_BEFORE and not ctx.runs_between(e, start):
            return None  # 每吨500美元, 每蒲式耳下跌了1美元
    # a percentage per year is still a percentage (gold: %), so only amounts become rates
    period = rate_of(ctx, start, end, c_start, min(c_end, next_run)) if unit.dimension != "percent" else None
    commodity = ctx.commodity_for(start, end, unit.commodity_scope, next_run)
    factor = factor_of(unit, commodity)
    if factor is None:
        log.debug("no conversion for %r without a commodity bushel weight", unit.form)
        return None
    return _Found(
        start=start,
        end=end,
        value_base=float(r.value * factor),
        unit=f"{unit.unit}/{period}" if period else unit.unit,
        value=float(r.value),
        unit_text=ctx.doc.text[r.unit_start : r.unit_end],
        commodity=commodity.name if commodity is not None else None,
        low_base=float(r.low * factor) if r.low is not None else None,
        high_base=float(r.high * factor) if r.high is not None else None,
        bound=bound_of(ctx, r.approx, start, end, c_start),
    )


def _unit_gap(vt: str, pos: int) -> int:
    """Where a unit after a number may start: after one space, or one hyphen before a Latin word
    (a 10-percent tariff)."""
    following = vt[pos : pos + 1]
    if following == " ":
        return pos + 1
    if following == "-":
        word = vt[pos + 1 : pos + 2]
        if word.isascii() and word.isalpha():
            return pos + 1
    return pos


def _deduplicate(found: list[_Found]) -> list[_Found]:
    """Keep each amount once, at its first mention. Two mentions are one amount when value and
    base unit agree and nothing tells them apart: a mention without a commodity merges with one
    that has it, and a bare tonnage with the same tonnage per year (每年2500万吨 ... 2500万吨的目标);
    the merged item keeps the more specific commodity and rate."""
    kept: list[_Found] = []
    by_amount: dict[tuple[str, str], list[int]] = {}
    for f in sorted(found, key=lambda f: (f.start, f.end)):
        key = (f.unit.split("/")[0], f"{f.value_base:.9g}")
        merged = False
        for i in by_amount.get(key, []):
            k = kept[i]
            same_commodity = k.commodity is None or f.commodity is None or k.commodity == f.commodity
            same_rate = k.unit == f.unit or "/" not in k.unit or "/" not in f.unit
            if same_commodity and same_rate:
                kept[i] = replace(k, commodity=k.commodity or f.commodity, unit=max(k.unit, f.unit, key=len))
                merged = True
                break
        if not merged:
            by_amount.setdefault(key, []).append(len(kept))
            kept.append(f)
    return kept
