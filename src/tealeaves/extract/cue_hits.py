"""Cue hits of a document admitted in their clause: the phrases of data/events/cues.{zh,en}.yaml
found once over the traditional-to-simplified view, each kept with the entries whose conditions its
clause meets (``needs``, ``vetoes``, ``not_before``/``not_after``).

Sentences that repeat the article's title are skipped: the body reports the same acts with their
context, so a headline adds duplicates and loses modality.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import NamedTuple

from tealeaves.extract.clauses import Clause, ClauseMap
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


def admitted_readings(
    doc: Document, text: str, hits: Sequence[PhraseMatch[EventCueEntry]], clauses: ClauseMap, lang: str
) -> dict[Clause, list[Reading]]:
    """The readings of ``hits`` (in ``lang``) whose clause meets their entry's conditions, by clause,
    in document order. ``text`` is the folded view the hits were found in."""
    skip = headline_sentences(doc)
    out: dict[Clause, list[Reading]] = {}
    for hit in hits:
        clause = clauses.at(hit.start)
        if clause is None or clause.sentence in skip:
            continue
        for entry in hit.payloads:
            if entry.lang == lang:
                admitted, needs_at = _admits(entry, hit, clause, text, clauses)
                if admitted:
                    reading = Reading(hit.start, hit.end, entry, needs_at)
                    if clause in out:
                        out[clause].append(reading)
                    else:
                        out[clause] = [reading]
    return out


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


@functools.cache
def _word_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """One regex for a word list: Latin-edged words on word boundaries (``accord`` is not in
    "according"), Chinese words anywhere."""

    def one(w: str) -> str:
        head = r"\b" if w[:1].isascii() and w[:1].isalnum() else ""
        tail = r"\b" if w[-1:].isascii() and w[-1:].isalnum() else ""
        return head + re.escape(w) + tail

    return re.compile("|".join(one(w) for w in sorted(words, key=len, reverse=True)))


def _find(body: str, words: tuple[str, ...], start: int = 0) -> int:
    """Where the first of ``words`` occurs in ``body`` from ``start`` on, or -1."""
    m = _word_pattern(words).search(body, start)
    return m.start() if m else -1


def _admits(
    entry: EventCueEntry, hit: PhraseMatch[EventCueEntry], clause: Clause, text: str, clauses: ClauseMap
) -> tuple[bool, int | None]:
    """Whether the clause meets the entry's conditions, and where the needed object noun stands
    after the cue, if it does. A needed noun may also stand in the clause before
    (他将韩国汽车的关税，从15%提高至25%)."""
    body = text[clause.start : clause.end]
    needs_at: int | None = None
    if entry.needs:
        after = _find(body, entry.needs, hit.end - clause.start)
        if after >= 0:
            needs_at = clause.start + after
        elif _find(body, entry.needs) < 0:
            prev = clauses.before(clause)
            if prev is None or _find(text[prev.start : prev.end], entry.needs) < 0:
                return False, None
    if entry.vetoes and _find(body, entry.vetoes) >= 0:
        return False, None
    not_before = entry.not_before
    if not_before:
        before = text[clause.start : hit.start].rstrip()
        # endswith(tuple) rejects most hits at once; the word-boundary rule runs on the rest
        if before.endswith(not_before) and any(_ends_with(before, w) for w in not_before):
            return False, None
    not_after = entry.not_after
    if not_after:
        following = text[hit.end : clause.end].lstrip()
        if following.startswith(not_after) and any(_starts_with(following, w) for w in not_after):
            return False, None
    return True, needs_at
