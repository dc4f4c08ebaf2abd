"""Lookup tables of the quantity extractor, built once per knowledge-base index: unit and cue forms
by the position they take around a number (a place where no form of a kind starts is one dict miss),
the clause marks, and the automaton that finds the cue kinds asked around every amount in one scan.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import ahocorasick_rs

from tealeaves.knowledge.phrases import PhraseIndex
from tealeaves.knowledge.schema import QuantityCueEntry, UnitEntry
from tealeaves.text.scan import wordish

T = TypeVar("T")

SCANNED_CUES = frozenset({("per_unit", "before"), ("rate", "after"), ("rate", "before"), ("bound", "before")})
"""The cue kinds ``Context.cues_in`` finds with one scan of the whole document (the ones the
quantity extractor asks for around every amount); any other kind is scanned range by range."""


@dataclass(frozen=True)
class CueScan:
    """An automaton over the cue phrases that have an entry of a ``SCANNED_CUES`` kind, with each
    phrase's entries of those kinds and whether it starts or ends with a Latin letter or digit."""

    automaton: ahocorasick_rs.AhoCorasick | None
    entries: tuple[tuple[QuantityCueEntry, ...], ...]
    head: tuple[bool, ...]
    tail: tuple[bool, ...]


@functools.lru_cache(maxsize=16)
def cue_scan(index: PhraseIndex[QuantityCueEntry]) -> CueScan:
    phrases: list[str] = []
    entries: list[tuple[QuantityCueEntry, ...]] = []
    for phrase in index.phrases():
        wanted = tuple(e for e in index.lookup(phrase) if (e.role, e.position) in SCANNED_CUES)
        if wanted:
            phrases.append(phrase)
            entries.append(wanted)
    return CueScan(
        automaton=ahocorasick_rs.AhoCorasick(phrases) if phrases else None,
        entries=tuple(entries),
        head=tuple(wordish(p[0]) for p in phrases),
        tail=tuple(wordish(p[-1]) for p in phrases),
    )


def start_of(m: re.Match[str]) -> int:
    return m.start()


def span_of(cue: tuple[int, int, Any]) -> tuple[int, int]:
    return cue[0], cue[1]


class Table(Generic[T]):
    """The folded phrases of a PhraseIndex for lookups at a position of a folded view: no folding
    per lookup, and only the lengths of forms that start (or end) with the character there."""

    def __init__(self, index: PhraseIndex[T]) -> None:
        self.forms: dict[str, tuple[T, ...]] = {p: index.lookup(p) for p in index.phrases()}
        by_first: dict[str, set[int]] = {}
        by_last: dict[str, set[int]] = {}
        for p in self.forms:
            by_first.setdefault(p[0], set()).add(len(p))
            by_last.setdefault(p[-1], set()).add(len(p))
        self.by_first = {c: sorted(n, reverse=True) for c, n in by_first.items()}
        self.by_last = {c: sorted(n, reverse=True) for c, n in by_last.items()}

    def starting_at(self, text: str, pos: int) -> list[tuple[int, str, tuple[T, ...]]]:
        """``(end, form, payloads)`` of every form starting at ``pos``, longest first."""
        lengths = self.by_first.get(text[pos]) if pos < len(text) else None
        if lengths is None:
            return []  # most places: no form starts with this character
        forms = self.forms
        out = []
        for length in lengths:
            form = text[pos : pos + length]
            if len(form) == length and form in forms:
                out.append((pos + length, form, forms[form]))
        return out

    def ending_at(self, text: str, pos: int) -> list[tuple[int, str, tuple[T, ...]]]:
        """``(start, form, payloads)`` of every form ending at ``pos``, longest first."""
        lengths = self.by_last.get(text[pos - 1]) if pos > 0 else None
        if lengths is None:
            return []
        forms = self.forms
        out = []
        for length in lengths:
            if length <= pos:
                form = text[pos - length : pos]
                if form in forms:
                    out.append((pos - length, form, forms[form]))
        return out


class Kind(Generic[T]):
    """The forms of a ``Table`` that have an entry of one kind (a unit position, a cue role and
    position), each with the first such entry: a lookup at a place where no form of that kind starts
    is one dict miss, and no entry lists are filtered per lookup."""

    def __init__(self, forms: dict[str, T]) -> None:
        self.forms = {f: (e, wordish(f[0]), wordish(f[-1])) for f, e in forms.items()}
        by_first: dict[str, set[int]] = {}
        by_last: dict[str, set[int]] = {}
        for f in forms:
            by_first.setdefault(f[0], set()).add(len(f))
            by_last.setdefault(f[-1], set()).add(len(f))
        self.by_first = {c: sorted(n, reverse=True) for c, n in by_first.items()}
        self.by_last = {c: sorted(n, reverse=True) for c, n in by_last.items()}

    def starting_at(self, text: str, pos: int) -> tuple[int, T] | None:
        """``(end, entry)`` of the longest form starting at ``pos`` that, when it ends in a Latin
        letter or digit, is not followed by one."""
        lengths = self.by_first.get(text[pos]) if pos < len(text) else None
        if lengths is None:
            return None
        forms, n = self.forms, len(text)
        for length in lengths:
            form = text[pos : pos + length]
            if len(form) == length and form in forms:
                entry, _head, tail = forms[form]
                end = pos + length
                if tail and end < n and wordish(text[end]):
                    continue
                return end, entry
        return None

    def ending_at(self, text: str, pos: int, *, always_bounded: bool) -> tuple[int, T] | None:
        """``(start, entry)`` of the longest form ending at ``pos`` not preceded by a Latin letter or
        digit (when ``always_bounded`` is False, only a form starting with one is held to that)."""
        lengths = self.by_last.get(text[pos - 1]) if pos > 0 else None
        if lengths is None:
            return None
        forms = self.forms
        for length in lengths:
            if length <= pos:
                form = text[pos - length : pos]
                if form in forms:
                    entry, head, _tail = forms[form]
                    start = pos - length
                    if (always_bounded or head) and start > 0 and wordish(text[start - 1]):
                        continue
                    return start, entry
        return None


@functools.lru_cache(maxsize=64)
def unit_kind(units: Table[UnitEntry], positions: tuple[str, ...]) -> Kind[UnitEntry]:
    kind: dict[str, UnitEntry] = {}
    for form, entries in units.forms.items():
        fitting = [e for e in entries if e.position in positions]
        if fitting:
            kind[form] = fitting[0]
    return Kind(kind)


@functools.lru_cache(maxsize=64)
def cue_kind(cues: Table[QuantityCueEntry], role: str, position: str) -> Kind[QuantityCueEntry]:
    kind: dict[str, QuantityCueEntry] = {}
    for form, entries in cues.forms.items():
        fitting = [e for e in entries if e.role == role and e.position == position]
        if fitting:
            kind[form] = fitting[0]
    return Kind(kind)


@functools.lru_cache(maxsize=16)
def table(index: PhraseIndex[Any]) -> Table[Any]:
    """The lookup table of an index, built once: a PhraseIndex never changes after it is built."""
    return Table(index)


@dataclass(frozen=True)
class Edges:
    """Characters that can begin or end the forms a run of digits may touch: a suffix unit's first
    character, a prefix unit's last one and a range joiner's first one. A run touching none of them
    cannot be a quantity, so most runs are dropped after a few set lookups."""

    suffix_first: frozenset[str]
    prefix_last: frozenset[str]
    range_first: frozenset[str]


@functools.lru_cache(maxsize=16)
def edges_of(units: Table[UnitEntry], cues: Table[QuantityCueEntry]) -> Edges:
    return Edges(
        suffix_first=frozenset(f[0] for f, es in units.forms.items() if any(e.position in ("suffix", "both") for e in es)),
        prefix_last=frozenset(f[-1] for f, es in units.forms.items() if any(e.position in ("prefix", "both") for e in es)),
        range_first=frozenset(f[0] for f, es in cues.forms.items() if any(e.role == "range" and e.position == "between" for e in es)),
    )


@functools.lru_cache(maxsize=16)
def clause_breaks(cues: PhraseIndex[QuantityCueEntry]) -> frozenset[str]:
    """The one-character clause marks of the cue table, and the line break."""
    marks = {p for p in cues.phrases() if len(p) == 1 and any(e.role == "clause_break" for e in cues.lookup(p))}
    return frozenset(marks | {"\n"})


@functools.lru_cache(maxsize=16)
def break_pattern(breaks: frozenset[str]) -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(c) for c in sorted(breaks)) + "]")
