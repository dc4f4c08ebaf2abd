"""Scan a view once with a compiled PhraseIndex and return non-overlapping matches as spans.

Rules: a phrase that begins or ends with a Latin letter or digit must sit on a word boundary
(so "Rubio" does not match inside "Rubios" and "EU" not inside "EUR"); overlapping matches are
resolved longest first, then leftmost, so 美国财政部 wins over 美国.

The scan runs in the Rust Aho-Corasick automaton of ``ahocorasick_rs``, compiled once per
PhraseIndex. A text it cannot encode as UTF-8 (a lone surrogate in a str built by hand) is scanned
with the surrogate replaced one character for one: no phrase holds one, so the matches are the same.
"""

from __future__ import annotations

import functools
import string
from dataclasses import dataclass
from typing import Generic, NamedTuple, TypeVar

import ahocorasick_rs

from tealeaves.knowledge.phrases import PhraseIndex
from tealeaves.text.normalize import View, encodable

T = TypeVar("T")

WORDISH = frozenset(string.ascii_letters + string.digits + "_")
"""Characters that continue a Latin word: a Latin-edged phrase may not touch one."""


def wordish(ch: str) -> bool:
    """Whether ``ch`` continues a Latin word (``WORDISH``), for boundary checks one character at a time."""
    return ch in WORDISH


def ends_with_mark(before: str, marks: tuple[str, ...]) -> bool:
    """Whether ``before`` (the folded text up to a word, trailing blanks stripped) ends with one of
    ``marks``, a Latin one on a word boundary: 自 before 4月10日, "from" but not "therefrom" before
    September 1.

    Example::

        ends_with_mark("tariffs from", ("from",))  # True
    """
    if not before.endswith(marks):
        return False
    for m in marks:
        if before.endswith(m) and (not m.isascii() or len(before) == len(m) or not wordish(before[-len(m) - 1])):
            return True
    return False


MARK_REACH = 12
"""How far (characters) before a word a mark that qualifies it may stand (自 4月10日, "from September 1")."""


def marked_before(text: str, start: int, marks: tuple[str, ...]) -> bool:
    """Whether one of ``marks`` ends the folded ``text`` right before ``start`` (blanks between
    skipped, within ``MARK_REACH``; see ``ends_with_mark``)."""
    return bool(marks) and ends_with_mark(text[max(0, start - MARK_REACH) : start].rstrip(), marks)


def marked_from(text: str, start: int, end: int, marks: tuple[str, ...]) -> bool:
    """Whether the word at ``[start, end)`` of the folded ``text`` is the day something takes effect
    from: a mark before it (自, from) or right after it (起).

    Example::

        marked_from("自4月10日起", 1, 6, ("自", "起"))  # True
    """
    return marked_before(text, start, marks) or text[end : end + 1] in marks


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
    head = tuple(p[0] in WORDISH for p in phrases)
    tail = tuple(p[-1] in WORDISH for p in phrases)
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
"""``(pattern number, start, end)`` of one occurrence of a phrase, as the automaton reports it."""

Spot = tuple[int, int, int]
"""``(start, end, phrase number)`` of one match; the number indexes ``index.phrases()``. Sorting
spots sorts them by position: two spots with the same start and end are the same phrase."""


def _occurrences(compiled: _Compiled[T], text: str) -> list[Occurrence]:
    """Every occurrence of every phrase in ``text``, in any order. The Rust automaton takes only
    text it can encode as UTF-8: a lone surrogate is replaced for the scan, one character for one
    (it is part of no phrase, so the occurrences are the same)."""
    try:
        return compiled.automaton.find_matches_as_indexes(text, overlapping=True)
    except UnicodeEncodeError:
        return compiled.automaton.find_matches_as_indexes(encodable(text), overlapping=True)


def every_occurrence(index: PhraseIndex[T], text: str) -> list[tuple[int, int, str, tuple[T, ...]]]:
    """``(start, end, phrase, payloads)`` of every occurrence of every phrase of ``index`` in
    ``text`` (a folded view or a slice of one), overlapping, in any order, with no boundary rule:
    for callers that judge boundaries against the text around a slice themselves."""
    if not len(index):
        return []
    compiled = _compiled(index)
    phrases, payloads = compiled.phrases, compiled.payloads
    return [(s, e, phrases[i], payloads[i]) for i, s, e in _occurrences(compiled, text)]


def find_phrases(view: View, index: PhraseIndex[T], *, overlapping: bool = False) -> list[PhraseMatch[T]]:
    """Every phrase of ``index`` in ``view``, on word boundaries, sorted by position.

    With ``overlapping=False`` (the default) matches never overlap: longer ones win, then earlier
    ones. Returns an empty list when nothing matches.

    Example::

        find_phrases(make_view("财长贝森特将访华"), kb.alias_index)  # [PhraseMatch(0, 2, '财长', ...), ...]
    """
    if not len(index):
        return []
    compiled = _compiled(index)
    phrases, payloads, make = compiled.phrases, compiled.payloads, _new_match
    return [make(PhraseMatch, (s, e, phrases[i], payloads[i])) for s, e, i in _spots(compiled, index, view.text, overlapping)]


def find_phrase_spots(view: View, index: PhraseIndex[T], *, overlapping: bool = False) -> list[Spot]:
    """What ``find_phrases`` finds, as plain ``(start, end, phrase number)`` tuples: for a stage
    that reads per-phrase tables it built once (numbered as ``index.phrases()``) and would only
    unpack the PhraseMatch objects again.

    Example::

        [index.phrases()[n] for _s, _e, n in find_phrase_spots(view, index)]  # ['财长', '贝森特']
    """
    if not len(index):
        return []
    return _spots(_compiled(index), index, view.text, overlapping)


def find_phrase_spots_and_probes(
    view: View, index: PhraseIndex[T], probes: tuple[str, ...]
) -> tuple[list[Spot], list[Occurrence] | None]:
    """``find_phrase_spots(view, index)``, and from the same pass over the view every occurrence
    of the (folded) ``probes`` as ``(probe number, start, end)``, in no particular order and with
    no boundary rule: for a stage that needs both the phrases and where some cue words stand,
    without walking a second automaton over the text.

    The probe occurrences are None when they cannot be listed this way (a lone surrogate in the
    view, an empty probe, an empty index); the caller then treats every place as a candidate.

    Example::

        spots, cues = find_phrase_spots_and_probes(view, kb.alias_index, ("在", "visit"))
    """
    if not probes:
        return find_phrase_spots(view, index), []
    if not len(index) or "" in probes:
        return find_phrase_spots(view, index), None
    joint = _with_probes(index, probes)
    text = view.text
    try:
        found = joint.automaton.find_matches_as_indexes(text, overlapping=True)
    except UnicodeEncodeError:
        return find_phrase_spots(view, index), None
    n = joint.phrase_count
    if joint.probe_of is None:  # probe k is pattern n + k and no phrase is a probe
        hits = [(i - n, s, e) for i, s, e in found if i >= n]
    else:
        probe_of = joint.probe_of
        hits = [(k, s, e) for i, s, e in found if i in probe_of for k in probe_of[i]]
    compiled = joint.compiled
    head, tail, wordish = compiled.head, compiled.tail, WORDISH
    padded = f" {text} "
    spots = [
        (s, e, i) for i, s, e in found if i < n and not (head[i] and padded[s] in wordish or tail[i] and padded[e + 1] in wordish)
    ]
    spots.sort()
    return _longest_first(spots), hits


@dataclass(frozen=True, slots=True)
class _Probed(Generic[T]):
    """An index's phrases plus probe words in one automaton: patterns below ``phrase_count`` are the
    index's phrases (numbered as ``index.phrases()``), the others probe words not among them.
    ``probe_of`` maps a pattern to the probe numbers it stands for; None when probe ``k`` is simply
    pattern ``phrase_count + k`` (no probe repeats or is a phrase)."""

    automaton: ahocorasick_rs.AhoCorasick
    compiled: _Compiled[T]
    phrase_count: int
    probe_of: dict[int, tuple[int, ...]] | None


@functools.lru_cache(maxsize=8)
def _with_probes(index: PhraseIndex[T], probes: tuple[str, ...]) -> _Probed[T]:
    """Compile ``index`` with ``probes`` once; both never change once built."""
    compiled = _compiled(index)
    number = dict(compiled.number)
    extra: list[str] = []
    probe_of: dict[int, list[int]] = {}
    for k, probe in enumerate(probes):
        if probe not in number:
            number[probe] = len(compiled.phrases) + len(extra)
            extra.append(probe)
        probe_of.setdefault(number[probe], []).append(k)
    n = len(compiled.phrases)
    simple = all(i == n + ks[0] and len(ks) == 1 for i, ks in probe_of.items())
    return _Probed(
        automaton=ahocorasick_rs.AhoCorasick([*compiled.phrases, *extra]),
        compiled=compiled,
        phrase_count=n,
        probe_of=None if simple else {i: tuple(ks) for i, ks in probe_of.items()},
    )


_new_match = tuple.__new__
"""Build a PhraseMatch from its fields without the NamedTuple constructor's Python frame."""


def _spots(compiled: _Compiled[T], index: PhraseIndex[T], text: str, overlapping: bool) -> list[Spot]:
    """The matches on word boundaries, sorted; without ``overlapping``, settled longest first."""
    found = _occurrences(compiled, text)
    if compiled.any_edged:
        # one padding character each side, so that the neighbours of any occurrence exist
        padded, head, tail, wordish = f" {text} ", compiled.head, compiled.tail, WORDISH
        spots = [(s, e, i) for i, s, e in found if not (head[i] and padded[s] in wordish or tail[i] and padded[e + 1] in wordish)]
    else:
        spots = [(s, e, i) for i, s, e in found]
    spots.sort()
    return spots if overlapping else _longest_first(spots)


def _longest_first(found: list[Spot]) -> list[Spot]:
    """Of spots sorted by position, keep the longest, then the leftmost, of any that overlap;
    sorted by position. Spots are settled cluster by cluster (a run of overlapping ones), since
    what is kept in one cluster never touches another; most clusters hold one or two."""
    out: list[Spot] = []
    keep = out.append
    n, k = len(found), 0
    while k < n:
        first = found[k]
        reach = first[1]
        j = k + 1
        while j < n and found[j][0] < reach:
            if found[j][1] > reach:
                reach = found[j][1]
            j += 1
        if j == k + 1:
            keep(first)
        elif j == k + 2:  # two that overlap: the longer wins, the earlier on a tie
            other = found[k + 1]
            keep(other if other[1] - other[0] > first[1] - first[0] else first)
        else:
            out.extend(_settle(found[k:j]))
        k = j
    return out


def _rank(o: Spot) -> tuple[int, int]:
    return o[0] - o[1], o[0]


def _settle(cluster: list[Spot]) -> list[Spot]:
    """The spots kept of one cluster, by position: longest first, then leftmost."""
    taken: list[Spot] = []
    for o in sorted(cluster, key=_rank):
        if all(o[1] <= t[0] or t[1] <= o[0] for t in taken):
            taken.append(o)
    taken.sort()
    return taken
