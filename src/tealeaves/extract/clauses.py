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


class ClauseMap:
    """Every clause of a document, with lookups by character position.

    Example::

        clauses = ClauseMap(doc, kb)
        clauses.at(42)  # Clause(start=40, end=55, sentence=2)
    """

    def __init__(self, doc: Document, kb: KnowledgeBase, sentences: Iterable[int] | None = None) -> None:
        """Split ``sentences`` (indices; all of them when None) of ``doc`` into clauses."""
        classes = event_text(kb)
        pattern = classes.clause_break_re
        brackets = classes.bracket_re
        text = doc.text
        last = len(text) - 1
        found: list[Clause] = []
        chosen = range(len(doc.sentences)) if sentences is None else sorted(set(sentences))
        for k in chosen:
            sentence = doc.sentences[k]
            index = sentence.index
            a, b = sentence.span.start, sentence.span.end
            start = a
            opened = brackets.search(text, a, b)
            inside = _bracketed(text, opened.start(), b, classes.open_brackets, classes.close_brackets) if opened else []
            for m in pattern.finditer(text, a, b):
                i = m.start()
                if text[i] == "," and 0 < i < last and text[i - 1].isdigit() and text[i + 1].isdigit():
                    continue
                if inside and any(x <= i < y for x, y in inside):
                    continue  # a comma inside brackets belongs to the aside: （Nvidia，又译辉达）
                if i > start:
                    found.append(Clause(start, i, index))
                start = i + 1
            if b > start:
                found.append(Clause(start, b, index))
        self.clauses: tuple[Clause, ...] = tuple(found)
        self._starts = [c.start for c in found]
        by_sentence: dict[int, list[Clause]] = {}
        for c in found:
            by_sentence.setdefault(c.sentence, []).append(c)
        self._by_sentence: dict[int, tuple[Clause, ...]] = {k: tuple(v) for k, v in by_sentence.items()}

    def at(self, pos: int) -> Clause | None:
        """The clause holding position ``pos``, or None when ``pos`` is a clause mark or outside."""
        k = bisect.bisect_right(self._starts, pos) - 1
        if k < 0:
            return None
        clause = self.clauses[k]
        return clause if clause.start <= pos < clause.end else None

    def index_at(self, pos: int) -> int:
        """Index of the clause holding ``pos`` (or the last clause starting before it); -1 before all."""
        return bisect.bisect_right(self._starts, pos) - 1

    def before(self, clause: Clause) -> Clause | None:
        """The clause before ``clause`` in the same sentence, or None for the first one (or for a
        clause not in the map)."""
        k = bisect.bisect_left(self._starts, clause.start)
        if k >= len(self.clauses) or self.clauses[k] != clause or k == 0:
            return None
        prev = self.clauses[k - 1]
        return prev if prev.sentence == clause.sentence else None

    def in_sentence(self, sentence: int) -> tuple[Clause, ...]:
        """The clauses of one sentence, in order."""
        return self._by_sentence.get(sentence, ())
