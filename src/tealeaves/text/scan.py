"""Scan a view once with a compiled PhraseIndex and return non-overlapping matches as spans.

Rules: a phrase that begins or ends with a Latin letter or digit must sit on a word boundary
(so "Rubio" does not match inside "Rubios" and "EU" not inside "EUR"); overlapping matches are
resolved longest first, then leftmost, so 美国财政部 wins over 美国.

The scan runs in the Rust Aho-Corasick automaton of ``ahocorasick_rs`` (several times faster than
walking the pyahocorasick trie, whose nodes search their children one by one), compiled once per
PhraseIndex. A text that cannot be encoded as UTF-8 (a lone surrogate) falls back to the index's
own pyahocorasick automaton; both report every occurrence of every phrase, so the result is the same.
"""

from __future__ import annotations

import functools
import operator
import string
from dataclasses import dataclass
from typing import Generic, NamedTuple, TypeVar

import ahocorasick_rs

from tealeaves.knowledge.phrases import PhraseIndex
from tealeaves.text.normalize import View

T = TypeVar("T")

_WORDISH = frozenset(string.ascii_letters + string.digits + "_")
"""Characters that continue a Latin word: a Latin-edged phrase may not touch one."""


class PhraseMatch(NamedTuple, Generic[T]):
    """A phrase found at ``[start, end)`` (offsets valid in the view and the original). A tuple,
    so that building thousands of them per article costs little."""

    start: int
    end: int
    phrase: str
    payloads: tuple[T, ...]


@dataclass(frozen=True, slots=True)
class _Compiled(Generic[T]):
    """A PhraseIndex compiled for ``ahocorasick_rs``: pattern number -> phrase and payloads, and
    whether the phrase starts or ends with a Latin word character (then it must sit on a boundary)."""

    automaton: ahocorasick_rs.AhoCorasick
    phrases: tuple[str, ...]
    payloads: tuple[tuple[T, ...], ...]
    head: tuple[bool, ...]
    tail: tuple[bool, ...]
    edged: tuple[bool, ...]
    any_edged: bool
    number: dict[str, int]


@functools.lru_cache(maxsize=32)
def _compiled(index: PhraseIndex[T]) -> _Compiled[T]:
    """Compile a non-empty ``index`` once; a PhraseIndex never changes after it is built, and a
    process holds a handful of them."""
    phrases = index.phrases()
    head = tuple(p[0] in _WORDISH for p in phrases)
    tail = tuple(p[-1] in _WORDISH for p in phrases)
    return _Compiled(
        automaton=ahocorasick_rs.AhoCorasick(phrases),
        phrases=phrases,
        payloads=tuple(index.lookup(p) for p in phrases),
        head=head,
        tail=tail,
        edged=tuple(h or t for h, t in zip(head, tail)),
        any_edged=any(head) or any(tail),
        number={p: i for i, p in enumerate(phrases)},
    )


Occurrence = tuple[int, int, int]
"""``(pattern number, start, end)`` of one occurrence of a phrase."""


def _occurrences(compiled: _Compiled[T], index: PhraseIndex[T], text: str) -> list[Occurrence]:
    """Every occurrence of every phrase in ``text``, in any order."""
    try:
        return compiled.automaton.find_matches_as_indexes(text, overlapping=True)
    except UnicodeEncodeError:  # a lone surrogate: walk the pyahocorasick trie instead
        number = compiled.number
        return [(number[key], end + 1 - len(key), end + 1) for end, (key, _payloads) in index.automaton.iter(text)]


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
    compiled = _compiled(index)
    found = _occurrences(compiled, index, text)
    if compiled.any_edged:
        edged = compiled.edged
        found = [o for o in found if not edged[o[0]] or _on_boundary(compiled, text, o)]
    # two occurrences with the same start and end are the same phrase, so no sort here has ties
    found.sort(key=_span)
    if not overlapping:
        found = _longest_first(found)
    phrases, payloads, make = compiled.phrases, compiled.payloads, _new_match
    return [make(PhraseMatch, (start, end, phrases[i], payloads[i])) for i, start, end in found]


_new_match = tuple.__new__
"""Build a PhraseMatch from its fields without the NamedTuple constructor's Python frame."""


def _on_boundary(compiled: _Compiled[T], text: str, o: Occurrence) -> bool:
    i, start, end = o
    if compiled.head[i] and start and text[start - 1] in _WORDISH:
        return False
    return not (compiled.tail[i] and end < len(text) and text[end] in _WORDISH)


_span = operator.itemgetter(1, 2)


def _rank(o: Occurrence) -> tuple[int, int]:
    return o[1] - o[2], o[1]


def _longest_first(found: list[Occurrence]) -> list[Occurrence]:
    """Of occurrences sorted by position, keep the longest, then the leftmost, of any that overlap;
    sorted by position. Occurrences are settled cluster by cluster (a run of overlapping ones), since
    what is kept in one cluster never touches another."""
    if not found:
        return found
    out: list[Occurrence] = []
    first, reach = 0, found[0][2]
    for k in range(1, len(found)):
        o = found[k]
        if o[1] < reach:
            reach = max(reach, o[2])
            continue
        out.extend(_settle(found, first, k))
        first, reach = k, o[2]
    out.extend(_settle(found, first, len(found)))
    return out


def _settle(found: list[Occurrence], a: int, b: int) -> list[Occurrence]:
    """The occurrences kept of the cluster ``found[a:b]``, by position: longest first, then leftmost."""
    if b - a == 1:
        return [found[a]]
    if b - a == 2:  # two that overlap: the longer wins, the earlier on a tie
        x, y = found[a], found[a + 1]
        return [y if y[2] - y[1] > x[2] - x[1] else x]
    taken: list[Occurrence] = []
    for o in sorted(found[a:b], key=_rank):
        if all(o[2] <= t[1] or t[2] <= o[1] for t in taken):
            taken.append(o)
    taken.sort(key=_span)
    return taken
