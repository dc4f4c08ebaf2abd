"""Scan a view once with a compiled PhraseIndex and return non-overlapping matches as spans.

Rules: a phrase that begins or ends with a Latin letter or digit must sit on a word boundary
(so "Rubio" does not match inside "Rubios" and "EU" not inside "EUR"); overlapping matches are
resolved longest first, then leftmost, so 美国财政部 wins over 美国.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from tealeaves.knowledge.phrases import PhraseIndex
from tealeaves.text.normalize import View

T = TypeVar("T")


@dataclass(frozen=True)
class PhraseMatch(Generic[T]):
    """A phrase found at ``[start, end)`` (offsets valid in the view and the original)."""

    start: int
    end: int
    phrase: str
    payloads: tuple[T, ...]


def _wordish(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch == "_")


def _on_boundary(text: str, start: int, end: int) -> bool:
    if _wordish(text[start]) and start > 0 and _wordish(text[start - 1]):
        return False
    if _wordish(text[end - 1]) and end < len(text) and _wordish(text[end]):
        return False
    return True


def find_phrases(view: View, index: PhraseIndex[T], *, overlapping: bool = False) -> list[PhraseMatch[T]]:
    """Every phrase of ``index`` in ``view``, on word boundaries, sorted by position.

    With ``overlapping=False`` (the default) matches never overlap: longer ones win, then earlier
    ones. Returns an empty list when nothing matches.

    Example::

        find_phrases(make_view("财长贝森特将访华"), kb.alias_index)  # [PhraseMatch(0, 2, '财长', ...), ...]
    """
    if not len(index):
        return []
    text = view.text
    found: list[PhraseMatch[T]] = []
    for end_incl, (phrase, payloads) in index.automaton.iter(text):
        start = end_incl - len(phrase) + 1
        if _on_boundary(text, start, end_incl + 1):
            found.append(PhraseMatch(start, end_incl + 1, phrase, payloads))
    if overlapping:
        return sorted(found, key=lambda m: (m.start, m.end))
    taken: list[PhraseMatch[T]] = []
    occupied = bytearray(len(text))
    for m in sorted(found, key=lambda m: (-(m.end - m.start), m.start)):
        if not any(occupied[m.start : m.end]):
            taken.append(m)
            occupied[m.start : m.end] = b"\x01" * (m.end - m.start)
    return sorted(taken, key=lambda m: m.start)
