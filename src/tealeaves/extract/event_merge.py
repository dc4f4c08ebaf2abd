"""Merge the mentions of one action into one event: the same meeting named three times is one event
with three pieces of evidence (one-to-one scoring counts the duplicates as false alarms).

Two coded mentions are one action when they have the same type, the same dyad (in either order for
CONSULT, COOPERATE and AGREE, which SCHEMA.md scores symmetrically) and dates that do not disagree
(unknown, or periods that overlap within two days). Only a date read in the cue's own sentence can
keep two mentions apart; one borrowed from the paragraph or the publication day is a guess. The
mention with the firmest date leads (the first such): its evidence and date stand
("财长贝森特将在3月14日于巴黎会见中方高层" over a later "这场会谈"); without a dated one, the first
mention whose modality a word gives ("will meet" over "am meeting"), else the first mention. The
modality is the lead's when a word gives it; else conditional when a mention in the lead's sentence
is (a condition governs its whole sentence); else asserted for a dated lead; else the first one a
word gives in any mention.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import functools
from collections.abc import Iterable
from typing import NamedTuple

from tealeaves.model import Document, Event, EventType, Evidence, Modality, Span

SYMMETRIC = frozenset({EventType.CONSULT, EventType.COOPERATE, EventType.AGREE})
"""Types whose source and target SCHEMA.md matches in either order."""

_SLACK = dt.timedelta(days=2)
"""Reports of one act often date it a day or two apart ('yesterday' in a paper dated the next
morning, 'last Friday' in a follow-up); within this slack two dates may name one act."""


_SHORT = dt.timedelta(days=3)
_MONTH = dt.timedelta(days=27)


class Coded(NamedTuple):
    """One coded mention, before merging: the event's fields, the cue and evidence ranges, how firm
    its date is (``rank`` 3: read in the cue's clause, 2: in its sentence, 1: borrowed from the
    paragraph or the publication day, 0: none) and whether a word (not the default) gave its
    modality, the sentence the evidence lies in (-1: not given; then it is looked up) and the kind
    of measure its cue names (tariffs, export controls, a listing: two kinds are two acts). A tuple,
    because a document codes many; compare them by identity (``is``)."""

    type: EventType
    source: str
    target: str
    modality: Modality
    date: str | None
    place: str | None
    cue: tuple[int, int]
    evidence: tuple[int, int]
    rank: int
    explicit: bool
    sentence: int = -1
    measure: str | None = None

    @property
    def dated(self) -> bool:
        """Whether the date was read in the cue's own sentence (a firm date, not a borrowed one)."""
        return self.rank >= 2


@functools.lru_cache(maxsize=4096)
def date_bounds(value: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day of a SCHEMA.md date value (YYYY, YYYY-MM, YYYY-MM-DD, START/END), or
    None for a value that does not parse."""

    def one(part: str) -> tuple[dt.date, dt.date] | None:
        bits = part.split("-")
        try:
            year = int(bits[0])
            if len(bits) == 1:
                return dt.date(year, 1, 1), dt.date(year, 12, 31)
            month = int(bits[1])
            if len(bits) == 2:
                last = calendar.monthrange(year, month)[1]
                return dt.date(year, month, 1), dt.date(year, month, last)
            day = dt.date(year, month, int(bits[2]))
            return day, day
        except (ValueError, IndexError):
            return None

    if "/" in value:
        a, b = (one(p) for p in value.split("/", 1))
        return (a[0], b[1]) if a and b else None
    return one(value)


def _key(c: Coded) -> tuple[object, ...]:
    if c.type in SYMMETRIC:
        return (c.type, min(c.source, c.target), max(c.source, c.target))
    return (c.type, c.source, c.target)


def _overlap(a: str, b: str) -> bool:
    """Whether two date values can name one act: days at most two apart, or overlapping periods
    where the longer is a calendar unit or a short span (2026-04 and early April; 2025-10-30 and
    2025-10) — not a day and the week around it, which holds many acts ('last week' and 'on the
    4th')."""
    if a == b:
        return True
    ba, bb = date_bounds(a), date_bounds(b)
    if ba is None or bb is None:
        return False
    if ba[0] == ba[1] and bb[0] == bb[1]:
        return abs(ba[0] - bb[0]) <= _SLACK
    if not (ba[0] <= bb[1] and bb[0] <= ba[1]):
        return False
    longest = max(ba[1] - ba[0], bb[1] - bb[0])
    return not (_SHORT < longest < _MONTH)


class _Group:
    """The mentions of one act so far, with what a new mention is checked against: the firm dates
    (read in the cue's sentence) and the borrowed ones, whether a firm date already ended before
    publication (``past``) and whether a mention is planned."""

    __slots__ = ("firm", "measures", "members", "past", "planned", "sentences", "soft")

    def __init__(self) -> None:
        self.members: list[Coded] = []
        self.firm: list[str] = []
        self.soft: list[str] = []
        self.past = False
        self.planned = False
        self.measures: set[str] = set()
        self.sentences: set[int] = set()

    def add(self, c: Coded, past: bool) -> None:
        """Take ``c`` in; ``past`` tells whether its firm date ended before publication."""
        self.members.append(c)
        date = c[4]
        if date:
            (self.firm if c[8] >= 2 else self.soft).append(date)  # (Coded.dated)
        if past:
            self.past = True
        if c[3] == _PLANNED_MODALITY:
            self.planned = True
        if c[11] is not None:
            self.measures.add(c[11])
        self.sentences.add(c[10])

    def fits(self, cand: Coded, past: bool, published: dt.date | None) -> bool:
        """Whether ``cand`` (whose firm date ended before publication when ``past``) reports the
        act of this group (whose key it shares): its date overlaps the group's firm dates (or, in
        a group without firm dates, its borrowed ones); and no plan is merged with an act dated
        before publication (the tariffs announced and those in force are two acts); nor a measure
        of another kind named in another sentence (tariffs in one, export controls in the next are
        two acts; 出口管制实体清单 in one sentence names one)."""
        measure = cand[11]
        if measure is not None and self.measures and measure not in self.measures and cand[10] not in self.sentences:
            return False
        if published is not None:
            if self.past and cand[3] == _PLANNED_MODALITY:
                return False
            if past and self.planned:
                return False
        date, rank = cand[4], cand[8]
        if date is None or rank == 0:
            return True
        if self.firm:
            return rank < 2 or any(_overlap(d, date) for d in self.firm)
        soft = self.soft
        return not soft or any(_overlap(d, date) for d in soft)


_PLANNED_MODALITY = Modality.PLANNED
_CONDITIONAL, _ASSERTED = Modality.CONDITIONAL, Modality.ASSERTED
"""Enum members read once: an enum attribute costs several times a global."""


def _ended(value: str | None, published: dt.date) -> bool:
    """Whether the date ``value`` (if any) ended before ``published``."""
    if not value:
        return False
    bounds = date_bounds(value)
    return bounds is not None and bounds[1] < published


def merge_events(doc: Document, coded: Iterable[Coded]) -> tuple[Event, ...]:
    """Merge coded mentions (in document order) that report the same action into Events: a mention
    joins the first group with its key (type and dyad) whose dates it fits.

    Example::

        merge_events(doc, [consult_paris_1, consult_paris_2])  # -> (one CONSULT with more_evidence,)
    """
    published = doc.meta.published
    groups: list[_Group] = []
    by_key: dict[tuple[object, ...], list[_Group]] = {}  # key -> its groups, in order
    symmetric = SYMMETRIC
    for cand in coded:
        kind, source, target = cand[0], cand[1], cand[2]
        if kind in symmetric and target < source:
            source, target = target, source
        key = (kind, source, target)
        past = published is not None and cand[8] >= 2 and _ended(cand[4], published)  # a firm date already past
        same = by_key.get(key)
        if same is None:
            group = _Group()
            by_key[key] = [group]
            groups.append(group)
        else:
            for group in same:
                if group.fits(cand, past, published):
                    break
            else:
                group = _Group()
                same.append(group)
                groups.append(group)
        group.add(cand, past)
    make = _Evidences(doc)
    text = doc.text
    return tuple([_combine(text, g.members, make) for g in groups])


class _Evidences:
    """Evidence for the ranges of one document, each range built once: mentions of one clause share
    their evidence (what ``evidence_at`` gives, with the sentence starts read once, when a range
    does not say its sentence). A range that is a whole sentence quotes the sentence's own span,
    which is the same value."""

    __slots__ = ("built", "sentences", "starts", "text")

    def __init__(self, doc: Document) -> None:
        self.text = doc.text
        self.sentences = doc.sentences
        self.starts: list[int] | None = None
        self.built: dict[tuple[int, int], Evidence] = {}

    def at(self, where: tuple[int, int], sentence: int = -1) -> Evidence:
        """The evidence of ``where``; ``sentence``, when not -1, is the sentence it lies in."""
        found = self.built.get(where)
        if found is None:
            start, end = where
            sentences = self.sentences
            if sentence < 0 or start >= end:  # (an empty range may stand at the next sentence's start)
                starts = self.starts
                if starts is None:
                    starts = self.starts = [s.span.start for s in sentences]
                sentence = max(0, bisect.bisect_right(starts, start) - 1)
            span = sentences[sentence].span if sentences else None
            if span is None or span.start != start or span.end != end:
                span = Span.of(self.text, start, end)
            found = self.built[where] = Evidence.of(sentence, span)
        return found


def _combine(text: str, group: list[Coded], make: _Evidences) -> Event:
    if len(group) == 1:  # the rules below, for a group of one
        etype, source, target, modality, date, place, cue, evidence, _, explicit, sentence, _measure = group[0]
        return Event.of(
            etype,
            source,
            target,
            modality if explicit or modality == _CONDITIONAL else _ASSERTED,
            date or None,
            place or None,
            text[cue[0] : cue[1]],
            make.at(evidence, sentence),
            (),
        )
    # one pass: the first mention with the firmest date, the first whose modality a word gives, and
    # the first date (firm, then any) and place named
    best, firmest, worded = -1, group[0], None
    firm_date: str | None = None
    any_date: str | None = None
    any_place: str | None = None
    for c in group:
        rank = c[8]
        if rank > best:
            best, firmest = rank, c
        if worded is None and c[9]:  # (explicit)
            worded = c
        date = c[4]
        if date:
            if any_date is None:
                any_date = date
            if firm_date is None and rank >= 2:  # (Coded.dated)
                firm_date = date
        if any_place is None and c[5]:
            any_place = c[5]
    lead = firmest if best >= 2 else worded or group[0]
    if lead.explicit:
        modality = lead.modality
    elif any(c[10] == lead[10] and c[3] == _CONDITIONAL for c in group):  # (sentence, modality)
        modality = _CONDITIONAL  # a condition reaches the whole sentence it stands in
    elif lead.rank >= 2 or worded is None:  # (Coded.dated)
        modality = _ASSERTED
    else:
        modality = worded.modality
    at = make.at
    return Event.of(
        lead.type,
        lead.source,
        lead.target,
        modality,
        lead.date or firm_date or any_date,
        lead.place or any_place,
        text[lead.cue[0] : lead.cue[1]],
        at(lead.evidence, lead.sentence),
        tuple([at(c[7], c[10]) for c in group if c is not lead]),
    )
