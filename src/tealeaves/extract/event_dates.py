"""The date of an event, from the date references around its cue.

SCHEMA.md: an event's date is when the act happens — for a planned act the day or period it is to
happen (a tariff's effective date, a meeting's day), so only dates from the publication day on
count; for a voiced act (a threat voiced) the day it was voiced, so only dates up to publication
count; an act reported with a date still to come is announced, and the caller makes it planned.
Order of search: the clause's date nearest the cue; the sentence's nearest date before the cue,
else after it; then, for a voiced act (a threat, a request, a denial), the article's news day: the
first day it names in the week before publication (the lead's "on Thursday"), else the publication
day; for another act not planned, the paragraph's last date before it up to publication.
Dates that name something else are taken only when the sentence has no other: a period's end (至明年
11月10日), a date inside an attributive clause (暂停10月9日公布的措施), one joined to an earlier verb
by "and", and, for an act not planned, the day a measure in force took effect (自4月10日起) — the
announcement dates it. The day an undone act was scheduled for (原定) never dates its undoing.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import operator
import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from tealeaves.extract.clauses import Clause
from tealeaves.extract.event_merge import date_bounds
from tealeaves.model import DateRef, Modality
from tealeaves.text.scan import marked_before, marked_from

_PLANNED = Modality.PLANNED
"""Read once: an enum attribute costs several times a global."""

_WEEK = dt.timedelta(days=7)
"""How far back a statement reported without a date of its own may have been made."""


class _Dated(NamedTuple):
    start: int
    end: int
    value: str
    first: dt.date
    last: dt.date


class EventDates:
    """The resolved date references of one document, sorted, with their bounds computed once.
    ``text`` is the document's folded view (make_view): the marks around a date (自, 從, 延長至,
    "From") are read there, whatever the script or case they are written in.

    Example::

        dates = EventDates(dates, published=date(2026, 3, 14), text=make_view(doc.text).text, until_marks=("至", "until"))
        dates.find(cue, clause, sentence, Modality.PLANNED, voiced=False)  # ('2026-03-14', 'clause')
    """

    def __init__(
        self,
        dates: Sequence[DateRef],
        *,
        published: dt.date | None,
        text: str,
        until_marks: tuple[str, ...],
        from_marks: tuple[str, ...] = (),
        attributive_marks: frozenset[str] = frozenset(),
        clause_breaks: frozenset[str] = frozenset(),
        plan_marks: tuple[str, ...] = (),
    ) -> None:
        items: list[_Dated] = []
        new = _new_dated
        for d in dates:
            value = d.value
            if value is None:
                continue
            bounds = date_bounds(value)
            if bounds is not None:
                span = d.evidence.span
                items.append(new(_Dated, (span.start, span.end, value, bounds[0], bounds[1])))
        items.sort(key=_start)
        self._items = items
        self._starts = [x.start for x in items]
        self._published = published
        self._text = text
        # the article's news day: the first single day it names in the week before publication
        self._news_day: str | None = None
        if published is not None:
            week_before = published - _WEEK
            self._news_day = next(
                (d.value for d in items if d.first == d.last and week_before <= d.first <= published),
                None,
            )
        self._statement_day = self._news_day or (published.isoformat() if published is not None else None)
        # the marks around each date, read once (``*_marks``: sorted, for str.endswith)
        # the days that end a period (暂停期延长一年，至明年11月10日): they date no act
        self._ends = frozenset(x.start for x in items if marked_before(text, x.start, until_marks))
        # the days something was scheduled for (原定明年1月1日, "scheduled for")
        self._scheduled = frozenset(x.start for x in items if marked_before(text, x.start, plan_marks))
        # the days a measure in force took effect (自4月10日起, "from September 1")
        self._effective = frozenset(
            x.start for x in items if published is not None and x.first <= published and marked_from(text, x.start, x.end, from_marks)
        )
        # dates inside an attributive clause (暂停实施10月9日公布的措施): where its 的 stands
        self._attributive = _attributive(text, items, attributive_marks, clause_breaks)

    def _between(self, a: int, b: int) -> list[_Dated]:
        lo = bisect.bisect_left(self._starts, a)
        hi = bisect.bisect_left(self._starts, b)
        if lo == hi:
            return []
        return [x for x in self._items[lo:hi] if x.end <= b]

    def find(
        self,
        cue: tuple[int, int],
        clause: Clause,
        sentence: tuple[int, int],
        modality: Modality,
        *,
        voiced: bool,
        consent: bool = False,
        prior: bool = False,
        undo: bool = False,
        anaphoric: Callable[[], bool] | None = None,
    ) -> tuple[str | None, str | None]:
        """The date of the act cued at ``cue`` and where it was found (``clause``, ``sentence``,
        ``paragraph``, ``statement``), or (None, None); see the module rules. For a ``consent`` verb
        (同意, agreed) the sentence's dates after the cue's clause are not the act's: what it agrees
        to (同意……并在明年初增加航班) is dated there, the agreement is not; undated in its sentence,
        it takes the paragraph's date, else the news day it is reported on — unless it is ``prior``,
        written in the perfect (中方已同意, "has agreed"): then it was made before the news, when
        the article may say elsewhere. An act that ``undo``es a scheduled one (暂缓 a rise 原定明年1月1日)
        is never dated by the day the undone act was scheduled for. An act ``anaphoric`` says is
        anaphoric (warned then, 当时; asked only when its sentence gives no date) is dated by the
        paragraph's last date before it, voiced or not."""
        starts, items, published = self._starts, self._items, self._published
        left = bisect.bisect_left
        lo = left(starts, sentence[0])
        if lo < len(starts) and starts[lo] < sentence[1]:  # the sentence holds a date
            # the dates the act may take: a planned act none already past, a voiced act (a threat, a
            # request) none still to come: that is the date of what it threatens or asks for
            rule = 0 if published is None else 1 if modality == _PLANNED else 2 if voiced else 0
            # the date of something else (the end of a period, the day a measure named in an
            # attributive clause was issued) only when the sentence has no other; an act not planned
            # is dated by its announcement before the day it takes effect from
            cue_start = cue[0]
            # only the sentence's own dates can be skipped: most sentences have none to skip, and
            # then one pass over them is all
            hi = left(starts, sentence[1])
            attributive, scheduled, effective = self._attributive, self._scheduled, self._effective
            other: set[int] = set()
            never: set[int] = set()
            late: set[int] = set()
            for d in items[lo:hi]:
                a = d.start
                if a in self._ends or (a in attributive and not attributive[a] < cue_start <= attributive[a] + 3):
                    other.add(a)
                if a in scheduled:
                    (never if undo else other).add(a)
                if a in effective and modality != _PLANNED:
                    late.add(a)
            other |= self._conjoined(clause, cue_start)
            if not other and not late:
                passes: list[set[int]] = [never]
            else:
                passes = [other | late | never, other | never, never] if late else [other | never, never]
            for skipped in passes:
                found = self._in_sentence(cue, clause, sentence, rule, frozenset(skipped), consent)
                if found is not None:
                    return found
        if modality == _PLANNED or published is None:
            return None, None
        if not voiced or consent or (anaphoric is not None and anaphoric()):
            paragraph = self._text.rfind("\n", 0, cue[0]) + 1
            cue_start = cue[0]
            for k in range(left(starts, cue_start) - 1, left(starts, paragraph) - 1, -1):
                d = items[k]
                if d.end <= cue_start and d.first <= published:
                    return d.value, "paragraph"
            if not voiced or prior:
                return None, None
        return self._statement_day, "statement"

    def _conjoined(self, clause: Clause, cue_start: int) -> set[int]:
        """The dates before the cue in its clause that belong to an earlier verb joined by "and"
        ("arrived last Thursday and held talks on Friday")."""
        text, out = self._text, set[int]()
        if _AND not in text[clause[0] : cue_start]:
            return out
        for d in self._between(clause[0], cue_start):
            if _AND in text[d.end : cue_start]:
                out.add(d.start)
        return out

    def _in_sentence(
        self, cue: tuple[int, int], clause: Clause, sentence: tuple[int, int], rule: int, skipped: frozenset[int], consent: bool
    ) -> tuple[str, str] | None:
        """The clause's date nearest the cue, else the sentence's last before it, else its first
        after it (for a consent, none after its clause), leaving out the dates starting at ``skipped``."""
        starts, items, published, left = self._starts, self._items, self._published, bisect.bisect_left
        a, b, cue_start = clause[0], clause[1], cue[0]
        nearest: _Dated | None = None
        distance = 0
        for k in range(left(starts, a), left(starts, b)):
            d = items[k]
            if d.end <= b and d.start not in skipped and _fits(d, rule, published):
                gap = abs(d.start - cue_start)
                if nearest is None or gap < distance:
                    nearest, distance = d, gap
        if nearest is not None:
            return nearest.value, "clause"
        lo = left(starts, sentence[0])
        for k in range(left(starts, cue_start) - 1, lo - 1, -1):  # the last one before the cue
            d = items[k]
            if d.end <= cue_start and d.start not in skipped and _fits(d, rule, published):
                return d.value, "sentence"
        end = cue[1] if consent else sentence[1]
        for k in range(left(starts, cue[1]), left(starts, end)):  # the first one after it
            d = items[k]
            if d.end <= end and d.start not in skipped and _fits(d, rule, published):
                return d.value, "sentence"
        return None

    def is_future(self, value: str) -> bool:
        """Whether the period ``value`` starts after the publication day."""
        bounds = date_bounds(value)
        return self._published is not None and bounds is not None and bounds[0] > self._published

    def ends_period(self, value: str, clause: Clause) -> bool:
        """Whether the date ``value`` in ``clause`` closes a period (until 2030, 延长至11月10日)."""
        return any(d.value == value and d.start in self._ends for d in self._between(clause.start, clause.end))


_AND = " and "
"""The English conjunction that starts a second verb phrase: a date before it is the first verb's."""

_ATTRIBUTIVE_REACH = 12
"""How far (characters) after a date the 的 closing an attributive clause may stand (今年3月对部分
美国农产品加征的关税)."""


def _attributive(text: str, items: Sequence[_Dated], marks: frozenset[str], breaks: frozenset[str]) -> dict[int, int]:
    """The dates (by start) that sit inside an attributive clause, with where its mark stands: the
    first one-character mark (的) within reach after the date, no clause break between."""
    pattern = _attributive_pattern(frozenset(m for m in marks if len(m) == 1), breaks)
    out: dict[int, int] = {}
    if pattern is None:
        return out
    match = pattern.match
    for d in items:
        found = match(text, d.end, d.end + _ATTRIBUTIVE_REACH)
        if found is not None:
            out[d.start] = found.end() - 1
    return out


@functools.cache
def _attributive_pattern(singles: frozenset[str], breaks: frozenset[str]) -> re.Pattern[str] | None:
    """Characters up to the first of ``singles``, none of them a break (or None without marks)."""
    if not singles:
        return None
    stop = re.escape("".join(sorted(singles | breaks)))
    return re.compile(f"[^{stop}]*[{re.escape(''.join(sorted(singles)))}]")


def _fits(d: _Dated, rule: int, published: dt.date | None) -> bool:
    """Whether ``d`` passes ``rule`` of ``EventDates.find`` (0: any date; 1: not already past;
    2: not still to come)."""
    if rule == 1:
        return published is not None and d.last >= published
    if rule == 2:
        return published is not None and d.first <= published
    return True


_start = operator.itemgetter(0)
"""A date's start (its first field), the sort key."""

_new_dated = tuple.__new__
"""Build a _Dated from its fields without the NamedTuple constructor's Python frame."""
