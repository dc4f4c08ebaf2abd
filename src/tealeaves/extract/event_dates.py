"""The date of an event, from the date references around its cue.

SCHEMA.md: an event's date is when the act happens — for a planned act the day or period it is to
happen (a tariff's effective date, a meeting's day), so only dates from the publication day on
count; for a voiced act (a threat voiced) the day it was voiced, so only dates up to publication
count; an act reported with a date still to come is announced, and the caller makes it planned.
Order of search: the clause's date nearest the cue; the sentence's nearest date before the cue,
else after it; then, for a voiced act (a threat, a request, a denial), the article's news day: the
first day it names in the week before publication (the lead's "on Thursday"), else the publication
day; for another act not planned, the paragraph's last date before it up to publication.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple

from tealeaves.extract.clauses import Clause
from tealeaves.extract.event_merge import date_bounds
from tealeaves.model import DateRef, Modality

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

    Example::

        dates = EventDates(dates, published=date(2026, 3, 14), text=doc.text, until_marks=marks)
        dates.find(cue, clause, sentence, Modality.PLANNED, voiced=False)  # ('2026-03-14', 'clause')
    """

    def __init__(self, dates: Sequence[DateRef], *, published: dt.date | None, text: str, until_marks: frozenset[str]) -> None:
        items: list[_Dated] = []
        for d in dates:
            if d.value is None:
                continue
            bounds = date_bounds(d.value)
            if bounds is not None:
                span = d.evidence.span
                items.append(_Dated(span.start, span.end, d.value, bounds[0], bounds[1]))
        items.sort(key=_start)
        self._items = items
        self._starts = [x.start for x in items]
        self._published = published
        self._text = text
        self._until = tuple(until_marks)
        # the article's news day: the first single day it names in the week before publication
        self._news_day: str | None = None
        if published is not None:
            self._news_day = next(
                (d.value for d in items if d.first == d.last and published - _WEEK <= d.first <= published),
                None,
            )

    def _between(self, a: int, b: int) -> list[_Dated]:
        lo = bisect.bisect_left(self._starts, a)
        hi = bisect.bisect_left(self._starts, b)
        if lo == hi:
            return []
        return [x for x in self._items[lo:hi] if x.end <= b]

    def _fitting(self, found: list[_Dated], modality: Modality, voiced: bool) -> list[_Dated]:
        """The dates of ``found`` an act may take: a planned act no date already past; a voiced act
        (a threat, a request) no date still to come (that is the date of what it threatens or asks
        for)."""
        published = self._published
        if published is None or not found:
            return found
        if modality == Modality.PLANNED:
            return [d for d in found if d.last >= published]
        if voiced:
            return [d for d in found if d.first <= published]
        return found

    def find(
        self, cue: tuple[int, int], clause: Clause, sentence: tuple[int, int], modality: Modality, *, voiced: bool
    ) -> tuple[str | None, str | None]:
        """The date of the act cued at ``cue`` and where it was found (``clause``, ``sentence``,
        ``paragraph``, ``statement``), or (None, None); see the module rules."""
        starts = self._starts
        if bisect.bisect_left(starts, sentence[0]) < bisect.bisect_left(starts, sentence[1]):
            in_clause = self._fitting(self._between(clause.start, clause.end), modality, voiced)
            if in_clause:
                nearest = min(in_clause, key=lambda d: abs(d.start - cue[0]))
                return nearest.value, "clause"
            before = self._fitting(self._between(sentence[0], cue[0]), modality, voiced)
            if before:
                return before[-1].value, "sentence"
            after = self._fitting(self._between(cue[1], sentence[1]), modality, voiced)
            if after:
                return after[0].value, "sentence"
        published = self._published
        if modality == Modality.PLANNED or published is None:
            return None, None
        if not voiced:
            paragraph = self._text.rfind("\n", 0, cue[0]) + 1
            earlier = [d for d in self._between(paragraph, cue[0]) if d.first <= published]
            if earlier:
                return earlier[-1].value, "paragraph"
            return None, None
        return (self._news_day or published.isoformat()), "statement"

    def is_future(self, value: str) -> bool:
        """Whether the period ``value`` starts after the publication day."""
        bounds = date_bounds(value)
        return self._published is not None and bounds is not None and bounds[0] > self._published

    def ends_period(self, value: str, clause: Clause) -> bool:
        """Whether the date ``value`` in ``clause`` closes a period (until 2030, 延长至11月10日)."""
        for d in self._between(clause.start, clause.end):
            if d.value == value:
                before = self._text[max(clause.start, d.start - 8) : d.start].rstrip()
                if before.endswith(self._until):
                    return True
        return False


def _start(d: _Dated) -> int:
    return d.start
