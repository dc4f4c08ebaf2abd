"""Clause boundaries inside sentences: the unit an event's parties, modality and evidence are read from.

A clause runs between clause marks (，；：, dashes — data/events/clauses.yaml) inside one
sentence. A comma between two digits ("1,000") is a thousands separator, and a comma inside
brackets belongs to the aside, so neither is a clause mark.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import NamedTuple

from tealeaves.extract.event_text import event_text
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.model import Document


def _bracketed(text: str, first: int, b: int, opening: frozenset[str], closing: frozenset[str]) -> list[tuple[int, int]]:
    """The bracketed stretches of ``text[first:b]`` (outermost), closed or running to ``b``;
    ``first`` is where the first opening bracket stands."""
    out: list[tuple[int, int]] = []
    depth = 0
    start = first
    for i in range(first, b):
        ch = text[i]
        if ch in opening:
            if depth == 0:
                start = i
            depth += 1
        elif ch in closing and depth:
            depth -= 1
            if depth == 0:
                out.append((start, i + 1))
    if depth:
        out.append((start, b))
    return out


class Clause(NamedTuple):
    """A clause ``[start, end)`` of ``doc.text`` (marks excluded) in sentence ``sentence``. A tuple,
    so that it hashes fast as a dictionary key."""

    start: int
    end: int
    sentence: int


_new_clause = tuple.__new__
"""Build a Clause from its fields without the NamedTuple constructor's Python frame."""


class ClauseMap:
    """Every clause of a document, with lookups by character position.

    Example::

        clauses = ClauseMap(doc, kb)
        clauses.at(42)  # Clause(start=40, end=55, sentence=2)
    """

    def __init__(self, doc: Document, kb: KnowledgeBase, sentences: Iterable[int] | None = None) -> None:
        """Split ``sentences`` (indices; all of them when None) of ``doc`` into clauses."""
        classes = event_text(kb)
        breaks = classes.clause_break_re.finditer
        brackets = classes.bracket_re.search
        opening, closing = classes.open_brackets, classes.close_brackets
        text = doc.text
        last = len(text) - 1
        found: list[Clause] = []
        by_sentence: dict[int, tuple[Clause, ...]] = {}
        new = _new_clause
        every = doc.sentences
        chosen = range(len(every)) if sentences is None else sorted(set(sentences))
        for k in chosen:
            sentence = every[k]
            index = sentence.index
            span = sentence.span
            a, b = span.start, span.end
            start = a
            here: list[Clause] = []
            opened = brackets(text, a, b)
            inside = _bracketed(text, opened.start(), b, opening, closing) if opened else []
            for m in breaks(text, a, b):
                i = m.start()
                if text[i] == "," and 0 < i < last and text[i - 1].isdigit() and text[i + 1].isdigit():
                    continue
                if inside and any(x <= i < y for x, y in inside):
                    continue  # a comma inside brackets belongs to the aside: （Nvidia，又译辉达）
                if i > start:
                    here.append(new(Clause, (start, i, index)))
                start = i + 1
            if b > start:
                here.append(new(Clause, (start, b, index)))
            if here:
                found += here
                if index in by_sentence:
                    by_sentence[index] += tuple(here)
                else:
                    by_sentence[index] = tuple(here)
        self.clauses: tuple[Clause, ...] = tuple(found)
        self.starts: list[int] = [c[0] for c in found]
        """The start of each clause, in order: bisect it to find the clause at a position."""
        self._by_sentence = by_sentence

    def at(self, pos: int) -> Clause | None:
        """The clause holding position ``pos``, or None when ``pos`` is a clause mark or outside."""
        k = bisect.bisect_right(self.starts, pos) - 1
        if k < 0:
            return None
        clause = self.clauses[k]
        return clause if clause.start <= pos < clause.end else None

    def index_at(self, pos: int) -> int:
        """Index of the clause holding ``pos`` (or the last clause starting before it); -1 before all."""
        return bisect.bisect_right(self.starts, pos) - 1

    def before(self, clause: Clause) -> Clause | None:
        """The clause before ``clause`` in the same sentence, or None for the first one (or for a
        clause not in the map)."""
        k = bisect.bisect_left(self.starts, clause.start)
        if k >= len(self.clauses) or self.clauses[k] != clause or k == 0:
            return None
        prev = self.clauses[k - 1]
        return prev if prev.sentence == clause.sentence else None

    def in_sentence(self, sentence: int) -> tuple[Clause, ...]:
        """The clauses of one sentence, in order."""
        return self._by_sentence.get(sentence, ())
