"""Per-field matching rules of SCHEMA.md and the one-to-one matcher that applies them.

The matcher is deterministic: required gold items are matched before optional ones; at each step
the pending gold item whose best free prediction is strongest (by the field's preference) is
matched first, candidates with fewer options before those with more, ties broken by position.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

G = TypeVar("G")
P = TypeVar("P")

SYMMETRIC_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE"})
SIGNAL_KEYS: dict[str, tuple[str, ...]] = {
    "dual_track": ("actor",),
    "sanctioned_official_travel": ("person",),
    "stance_shift": ("person", "direction"),
    "commitment_progress": ("party", "commodity"),
    "round_resumed": ("round",),
    "summit_preparation": (),
    "red_line": ("issue",),
    "domestic_pressure": ("actor",),
}
"""The key fields of each signal kind (SCHEMA.md, "Signal kinds"); other fields are descriptive."""


@dataclass
class Matching(Generic[G, P]):
    """The outcome of matching one field of one document."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    pairs: list[tuple[G, P]] = field(default_factory=list)
    missed: list[G] = field(default_factory=list)
    false_alarms: list[P] = field(default_factory=list)


def match_one_to_one(
    golds: Sequence[tuple[G, bool]],
    preds: Sequence[P],
    same: Callable[[G, P], bool],
    prefer: Callable[[G, P], int] | None = None,
) -> Matching[G, P]:
    """Match gold items ``(item, optional)`` to predictions one to one.

    A matched required item is a true positive, an unmatched required one a miss; optional items
    count neither way; every unmatched prediction is a false alarm.
    """
    options = [[j for j, p in enumerate(preds) if same(g, p)] for g, _ in golds]
    used: set[int] = set()

    def strongest(i: int) -> tuple[int | None, int]:
        free = [j for j in options[i] if j not in used]
        if not free:
            return None, -1
        if prefer is None:
            return free[0], 0
        g = golds[i][0]
        j = max(free, key=lambda k: (prefer(g, preds[k]), -k))
        return j, prefer(g, preds[j])

    result: Matching[G, P] = Matching()
    pending = list(range(len(golds)))
    while pending:
        i = min(pending, key=lambda k: (golds[k][1], -strongest(k)[1], len(options[k]), k))
        pending.remove(i)
        gold, optional = golds[i]
        hit, _ = strongest(i)
        if hit is None:
            if not optional:
                result.fn += 1
                result.missed.append(gold)
            continue
        used.add(hit)
        result.pairs.append((gold, preds[hit]))
        if not optional:
            result.tp += 1
    result.false_alarms = [p for j, p in enumerate(preds) if j not in used]
    result.fp = len(result.false_alarms)
    return result


def _bounds(part: str) -> tuple[dt.date, dt.date] | None:
    pieces = part.strip().split("-")
    try:
        year = int(pieces[0])
        if len(pieces) == 1:
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        month = int(pieces[1])
        if len(pieces) == 2:
            first = dt.date(year, month, 1)
            following = dt.date(year + month // 12, month % 12 + 1, 1)
            return first, following - dt.timedelta(days=1)
        day = dt.date(year, month, int(pieces[2][:2]))
        return day, day
    except (ValueError, IndexError):
        return None


def date_range(value: str) -> tuple[int, int] | None:
    """``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``START/END`` as inclusive day ordinals; None if malformed."""
    if not value:
        return None
    if "/" in value:
        left, right = value.split("/", 1)
        a, b = _bounds(left), _bounds(right)
        if a is None or b is None:
            return None
        return a[0].toordinal(), b[1].toordinal()
    one = _bounds(value)
    return (one[0].toordinal(), one[1].toordinal()) if one else None


def same_date(gold: str, pred: str) -> bool:
    """Exact string; a point or calendar unit also matches the same range written otherwise; a gold
    interval matches a prediction that overlaps at least half of it (SCHEMA.md)."""
    if gold == pred:
        return True
    g, p = date_range(gold), date_range(pred)
    if g is None or p is None:
        return False
    if "/" not in gold:
        return g == p
    overlap = min(g[1], p[1]) - max(g[0], p[0]) + 1
    return overlap >= 0.5 * (g[1] - g[0] + 1)


def same_quantity(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    """Value within 1 %, the same unit, and the same commodity where gold names one."""
    try:
        g, p = float(gold["value"]), float(pred.get("value"))  # type: ignore[arg-type]
    except (TypeError, ValueError, KeyError):
        return False
    if abs(g - p) > 0.01 * abs(g):
        return False
    if str(gold.get("unit", "")).lower() != str(pred.get("unit", "")).lower():
        return False
    commodity = str(gold.get("commodity") or "").lower()
    return not commodity or commodity == str(pred.get("commodity") or "").lower()


def same_event(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    """Same type and dyad; for CONSULT, COOPERATE and AGREE the dyad may be in either order."""
    if gold.get("type") != pred.get("type"):
        return False
    dyad, other = (gold.get("source"), gold.get("target")), (pred.get("source"), pred.get("target"))
    return dyad == other or (gold["type"] in SYMMETRIC_TYPES and dyad == other[::-1])


def evidence_agrees(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    """The predicted evidence contains the gold phrase, or (two characters or more) lies inside it."""
    wanted, given = str(gold.get("evidence") or ""), str(pred.get("evidence") or "")
    return bool(wanted) and (wanted in given or (len(given) >= 2 and given in wanted))


def date_agrees(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    """Both have a date and they match by ``same_date``."""
    return bool(gold.get("date")) and bool(pred.get("date")) and same_date(str(gold["date"]), str(pred["date"]))


def event_preference(gold: dict[str, Any], pred: dict[str, Any]) -> int:
    """Rank candidate events: right evidence first, then right date, then right modality."""
    return 4 * evidence_agrees(gold, pred) + 2 * date_agrees(gold, pred) + (gold.get("modality") == pred.get("modality"))


def same_signal(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    """Same kind and equal key fields (case-insensitive); a key the gold leaves out is not compared."""
    if gold.get("kind") != pred.get("kind"):
        return False
    keys = [k for k in SIGNAL_KEYS.get(str(gold["kind"]), ()) if k in gold]
    return all(str(gold[k]).strip().lower() == str(pred.get(k, "")).strip().lower() for k in keys)
