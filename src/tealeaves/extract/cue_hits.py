"""Cue hits of a document admitted in their clause: the phrases of data/events/cues.{zh,en}.yaml
found once over the traditional-to-simplified view, each kept with the entries whose conditions its
clause meets (``needs``, ``vetoes``, ``not_before``/``not_after``).

Sentences that repeat the article's title are skipped: the body reports the same acts with their
context, so a headline adds duplicates and loses modality.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from typing import NamedTuple

from tealeaves.extract.clauses import Clause, ClauseMap
from tealeaves.extract.event_text import word_pattern
from tealeaves.knowledge.phrases import PhraseIndex
from tealeaves.knowledge.schema import EventCueEntry
from tealeaves.model import Document
from tealeaves.text.scan import PhraseMatch


class Reading(NamedTuple):
    """One cue hit read with one of its entries, and where its object noun stands after it (the
    ``needs`` word: 暂停的美方对等关税), if it does."""

    start: int
    end: int
    entry: EventCueEntry
    needs_at: int | None


class _Plan(NamedTuple):
    """An entry with its conditions compiled: the ``needs`` and ``vetoes`` patterns (None without
    such words) and the ``not_before``/``not_after`` words; ``free`` when it has no condition."""

    entry: EventCueEntry
    needs: re.Pattern[str] | None
    vetoes: re.Pattern[str] | None
    not_before: tuple[str, ...]
    not_after: tuple[str, ...]
    free: bool


@functools.cache
def _plans(index: PhraseIndex[EventCueEntry], lang: str) -> dict[str, tuple[_Plan, ...]]:
    """Cue phrase -> its entries in ``lang``, in index order, with their conditions compiled; only
    phrases with such an entry. Built once per index and language (an index never changes)."""
    out: dict[str, tuple[_Plan, ...]] = {}
    for phrase in index.phrases():
        plans = tuple(
            _Plan(
                entry,
                word_pattern(entry.needs) if entry.needs else None,
                word_pattern(entry.vetoes) if entry.vetoes else None,
                entry.not_before,
                entry.not_after,
                not (entry.needs or entry.vetoes or entry.not_before or entry.not_after),
            )
            for entry in index.lookup(phrase)
            if entry.lang == lang
        )
        if plans:
            out[phrase] = plans
    return out


@functools.cache
def cue_phrases(index: PhraseIndex[EventCueEntry], lang: str) -> frozenset[str]:
    """The phrases of ``index`` with an entry in ``lang``: the hits worth reading in a ``lang`` article."""
    return frozenset(_plans(index, lang))


def admitted_readings(
    doc: Document,
    text: str,
    hits: Sequence[PhraseMatch[EventCueEntry]],
    clauses: ClauseMap,
    lang: str,
    *,
    index: PhraseIndex[EventCueEntry],
) -> dict[Clause, list[Reading]]:
    """The readings of ``hits`` (in ``lang``) whose clause meets their entry's conditions, by clause,
    in document order. ``text`` is the folded view the hits were found in, ``index`` the cue index
    they come from."""
    skip = headline_sentences(doc)
    plans_of = _plans(index, lang)
    out: dict[Clause, list[Reading]] = {}
    bodies: dict[Clause, str] = {}
    new, right = _new_reading, bisect.bisect_right
    every, starts = clauses.clauses, clauses.starts
    for start, end, phrase, _ in hits:
        plans = plans_of.get(phrase)
        if plans is None:
            continue
        k = right(starts, start) - 1  # the clause holding the hit (ClauseMap.at)
        if k < 0:
            continue
        clause = every[k]
        if start >= clause[1] or clause[2] in skip:
            continue
        for plan in plans:
            if plan.free:
                reading = new(Reading, (start, end, plan.entry, None))
            else:
                body = bodies.get(clause)
                if body is None:
                    body = bodies[clause] = text[clause[0] : clause[1]]
                admitted, needs_at = _admits(plan, start, end, clause, body, text, clauses)
                if not admitted:
                    continue
                reading = new(Reading, (start, end, plan.entry, needs_at))
            found = out.get(clause)
            if found is None:
                out[clause] = [reading]
            else:
                found.append(reading)
    return out


_new_reading = tuple.__new__
"""Build a Reading from its fields without the NamedTuple constructor's Python frame."""


_NOT_WORD = re.compile(r"[\W_]+")


def _folded(text: str) -> str:
    return _NOT_WORD.sub("", text).lower()


def headline_sentences(doc: Document) -> frozenset[int]:
    """Indices of the first sentences that repeat the title (or a part of it)."""
    title = _folded(doc.meta.title or "")
    if len(title) < 6:
        return frozenset()
    out = set()
    for s in doc.sentences[:6]:
        if len(s.span.text) > 2 * len(title) + 24:
            continue
        folded = _folded(s.span.text)
        if len(folded) >= 6 and (folded in title or title in folded and len(folded) <= len(title) + 12):
            out.add(s.index)
    return frozenset(out)


def _ends_with(text: str, word: str) -> bool:
    """``text`` ends with ``word``, on a word boundary when ``word`` starts with a Latin letter."""
    if not text.endswith(word):
        return False
    k = len(text) - len(word)
    return not (word[:1].isascii() and word[:1].isalnum() and k > 0 and text[k - 1].isalnum())


def _starts_with(text: str, word: str) -> bool:
    """``text`` starts with ``word``, on a word boundary when ``word`` ends with a Latin letter."""
    if not text.startswith(word):
        return False
    k = len(word)
    return not (word[-1:].isascii() and word[-1:].isalnum() and k < len(text) and text[k].isalnum())


def _admits(
    plan: _Plan, start: int, end: int, clause: Clause, body: str, text: str, clauses: ClauseMap
) -> tuple[bool, int | None]:
    """Whether the clause (``body`` is its text) meets the entry's conditions, and where the needed
    object noun stands after the cue, if it does. A needed noun may also stand in the clause before
    (他将韩国汽车的关税，从15%提高至25%)."""
    needs_at: int | None = None
    needs = plan.needs
    if needs is not None:
        after = needs.search(body, end - clause.start)
        if after is not None:
            needs_at = clause.start + after.start()
        elif needs.search(body) is None:
            prev = clauses.before(clause)
            if prev is not None and needs.search(text[prev.start : prev.end]) is None:
                prev = clauses.before(prev)  # a participle clause may stand between ("…, scheduled for Tuesday, will not go ahead")
            if prev is None or needs.search(text[prev.start : prev.end]) is None:
                return False, None
    if plan.vetoes is not None and plan.vetoes.search(body) is not None:
        return False, None
    # endswith/startswith on the text itself (blanks skipped) reject most hits without a slice; the
    # word-boundary rule runs on the rest
    not_before = plan.not_before
    if not_before:
        stop = start
        while stop > clause.start and text[stop - 1].isspace():
            stop -= 1
        if text.endswith(not_before, clause.start, stop):
            before = text[clause.start : stop]
            if any(_ends_with(before, w) for w in not_before):
                return False, None
    not_after = plan.not_after
    if not_after:
        go = end
        while go < clause.end and text[go].isspace():
            go += 1
        if text.startswith(not_after, go, clause.end):
            following = text[go : clause.end]
            if any(_starts_with(following, w) for w in not_after):
                return False, None
    return True, needs_at
