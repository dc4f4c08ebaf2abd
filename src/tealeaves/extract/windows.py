"""Windows of a document worth reading closely: the sentences that hold an event cue.

The event coder scans its cue phrases over the whole text once; everything else (party words, role
markers, modality words, clause marks) is kept only inside these windows, so the later work on a
long article grows with its cues, not its length. ``scan_many`` finds the phrases of several
indexes in one pass of one automaton (the event coder's cue, party and modality words), by the
rules of ``tealeaves.text.scan.find_phrases``.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import ahocorasick_rs

from tealeaves.knowledge.phrases import PhraseIndex
from tealeaves.model import Document
from tealeaves.text.normalize import View
from tealeaves.text.scan import WORDISH, PhraseMatch, find_phrases

T = TypeVar("T")


def cue_windows(doc: Document, positions: Iterable[int], *, starts: Sequence[int] | None = None) -> tuple[tuple[int, int], ...]:
    """The spans of the sentences holding ``positions``, runs of neighbouring sentences joined;
    sorted and disjoint. ``starts`` are the sentence starts, when the caller has them already.

    Example::

        cue_windows(doc, [hit.start for hit in hits])  # ((0, 57), (120, 188))
    """
    if starts is None:
        starts = [s.span.start for s in doc.sentences]
    chosen: set[int] = set()
    for pos in positions:
        k = bisect.bisect_right(starts, pos) - 1
        if k >= 0:
            chosen.add(k)
    return sentence_windows(doc, chosen)


def sentence_windows(doc: Document, chosen: set[int]) -> tuple[tuple[int, int], ...]:
    """The spans of the sentences numbered in ``chosen``, runs of neighbouring sentences joined;
    sorted and disjoint (what ``cue_windows`` gives for positions in those sentences).

    Example::

        sentence_windows(doc, {0, 1, 4})  # ((0, 57), (120, 188))
    """
    out: list[tuple[int, int]] = []
    sentences = doc.sentences
    for k in sorted(chosen):
        span = sentences[k].span
        if out and k - 1 in chosen:
            out[-1] = (out[-1][0], span.end)
        else:
            out.append((span.start, span.end))
    return tuple(out)


def find_in_windows(
    view: View, index: PhraseIndex[T], windows: Sequence[tuple[int, int]], *, overlapping: bool = False
) -> list[PhraseMatch[T]]:
    """The phrases of ``index`` lying inside one of ``windows`` (sorted, disjoint spans such as
    ``cue_windows`` gives), by the rules of ``tealeaves.text.scan.find_phrases``: Latin-edged
    phrases on word boundaries; without ``overlapping``, longer matches win, then earlier ones,
    among the matches inside the windows. Sorted by position (then end).

    Example::

        find_in_windows(view, kb.party_word_index, ((0, len(view.text)),), overlapping=True)
    """
    if not windows:
        return []
    found = find_phrases(view, index, overlapping=True)
    whole = len(windows) == 1 and windows[0][0] <= 0 and windows[0][1] >= len(view.text)
    inside = found if whole else in_windows(found, windows)
    return inside if overlapping else longest_first(inside)


def in_windows(found: list[PhraseMatch[T]], windows: Sequence[tuple[int, int]]) -> list[PhraseMatch[T]]:
    """The matches of ``found`` (sorted by position) that lie inside one of ``windows`` (sorted,
    disjoint), in order: those starting in a window and ending by its end."""
    if not windows or not found:
        return []
    starts = [m[0] for m in found]
    left = bisect.bisect_left
    inside: list[PhraseMatch[T]] = []
    for a, b in windows:
        lo, hi = left(starts, a), left(starts, b)
        if lo < hi:
            inside += [m for m in found[lo:hi] if m[1] <= b]
    return inside


def _rank(m: PhraseMatch[T]) -> tuple[int, int]:
    return m.start - m.end, m.start


def _position(m: PhraseMatch[T]) -> tuple[int, int]:
    return m.start, m.end


def longest_first(matches: list[PhraseMatch[T]]) -> list[PhraseMatch[T]]:
    """Resolve overlaps among ``matches`` sorted by position: the longest wins, then the leftmost;
    the kept ones, in position order.

    Only matches that overlap can exclude each other, so the greedy choice runs inside each run of
    chained overlaps; a match that overlaps nothing is kept as it is.
    """
    return settle_overlap_runs(matches, _resolve)


S = TypeVar("S", bound=tuple[Any, ...])


def settle_overlap_runs(items: Sequence[S], settle: Callable[[Sequence[S]], Iterable[S]]) -> list[S]:
    """Walk ``items`` (tuples starting ``(start, end, ...)``, sorted by start) in runs of chained
    overlaps: an item that overlaps nothing is kept as it is, and each run of two or more goes to
    ``settle``, which returns the ones that stand, in position order. Used by every "longest wins"
    rule, so that only the rule differs, not the walk."""
    out: list[S] = []
    first = 0  # the run of chained overlaps is items[first:i]
    reach = -1
    for i, item in enumerate(items):
        if item[0] >= reach and i > first:
            if i - first == 1:
                out.append(items[first])
            else:
                out.extend(settle(items[first:i]))
            first = i
        if item[1] > reach:
            reach = item[1]
    if len(items) - first == 1:
        out.append(items[first])
    elif items:
        out.extend(settle(items[first:]))
    return out


def _resolve(run: Sequence[PhraseMatch[T]]) -> Sequence[PhraseMatch[T]]:
    if len(run) == 2:  # the rule below for two matches in position order
        x, y = run
        winner, loser = (y, x) if (y[0] - y[1], y[0]) < (x[0] - x[1], x[0]) else (x, y)
        return run if loser[1] <= winner[0] or winner[1] <= loser[0] else [winner]
    taken: list[PhraseMatch[T]] = []
    for m in sorted(run, key=_rank):
        if all(m.end <= t.start or t.end <= m.start for t in taken):
            taken.append(m)
    taken.sort(key=_position)
    return taken


# --- several indexes, one pass -------------------------------------------------------------------

_DFA_MAX_PHRASES = 4000
"""Joint indexes up to this size compile to a DFA (fastest; a few MB), larger ones to an NFA."""


@dataclass(frozen=True, slots=True)
class _Joint:
    """The phrases of several indexes in one automaton: pattern number -> phrase, the indexes (by
    number) that hold it with the phrase and its payloads (``only``: the one such index, when one
    holds it), and whether it starts or ends with a Latin word
    character (then it must sit on a word boundary)."""

    automaton: ahocorasick_rs.AhoCorasick
    phrases: tuple[str, ...]
    matches: tuple[tuple[tuple[int, tuple[str, tuple[Any, ...]]], ...], ...]
    head: tuple[bool, ...]
    tail: tuple[bool, ...]
    edged: tuple[bool, ...]
    only: tuple[tuple[int, tuple[str, tuple[Any, ...]]] | None, ...]


@functools.cache
def _joint(indexes: tuple[PhraseIndex[Any], ...]) -> _Joint | None:
    """Compile ``indexes`` together once; indexes never change after loading, and a process holds
    one such tuple, so the cache stays small. None when they hold no phrase."""
    owners: dict[str, list[tuple[int, tuple[Any, ...]]]] = {}
    for k, index in enumerate(indexes):
        for phrase in index.phrases():
            owners.setdefault(phrase, []).append((k, index.lookup(phrase)))
    if not owners:
        return None
    phrases = tuple(owners)
    dfa = len(phrases) <= _DFA_MAX_PHRASES
    return _Joint(
        automaton=ahocorasick_rs.AhoCorasick(phrases, implementation=ahocorasick_rs.Implementation.DFA if dfa else None),
        phrases=phrases,
        matches=tuple(tuple((k, (p, payloads)) for k, payloads in owners[p]) for p in phrases),
        head=tuple(p[0] in WORDISH for p in phrases),
        tail=tuple(p[-1] in WORDISH for p in phrases),
        edged=tuple(p[0] in WORDISH or p[-1] in WORDISH for p in phrases),
        only=tuple((owners[p][0][0], (p, owners[p][0][1])) if len(owners[p]) == 1 else None for p in phrases),
    )


_Occurrence = tuple[int, int, str, tuple[Any, ...]]
"""start, end, phrase, payloads"""

_new_match = tuple.__new__
"""Build a PhraseMatch from its fields without the NamedTuple constructor's Python frame."""


class JointScan:
    """The phrases of several indexes found in one view (see ``scan_many``), each occurrence held
    once as a PhraseMatch (a plain tuple underneath), so that asking for them builds nothing."""

    def __init__(self, found: list[list[PhraseMatch[Any]]]) -> None:
        self._found = found

    def occurrences(self, k: int) -> list[PhraseMatch[Any]]:
        """Every occurrence of index ``k``'s phrases as ``(start, end, phrase, payloads)``, by position."""
        return self._found[k]

    def matches(self, k: int) -> list[PhraseMatch[Any]]:
        """Every occurrence of index ``k``'s phrases, by position (``find_phrases(overlapping=True)``)."""
        return list(self._found[k])

    def inside(self, k: int, windows: Sequence[tuple[int, int]]) -> list[PhraseMatch[Any]]:
        """The occurrences of index ``k``'s phrases inside one of ``windows`` (sorted, disjoint)."""
        if not windows:
            return []
        found = self._found[k]
        if len(windows) == 1:
            low, high = windows[0]
            return [m for m in found if low <= m[0] and m[1] <= high]
        return in_windows(found, windows)


def scan_many(view: View, indexes: tuple[PhraseIndex[Any], ...]) -> JointScan:
    """For each of ``indexes``, what ``find_phrases(view, index, overlapping=True)`` gives (every
    occurrence on word boundaries, sorted by position), from one pass over the view.

    Example::

        scan = scan_many(view, (kb.event_cue_index, kb.party_word_index))
        cues, words = scan.matches(0), scan.inside(1, windows)
    """
    joint = _joint(indexes)
    found: list[list[PhraseMatch[Any]]] = [[] for _ in indexes]
    if joint is None:
        return JointScan(found)
    text = view.text
    try:
        occurrences = joint.automaton.find_matches_as_indexes(text, overlapping=True)
    except UnicodeEncodeError:  # a lone surrogate: the single-index scan knows what to do
        return JointScan([find_phrases(view, index, overlapping=True) for index in indexes])
    n = len(text)
    head, tail, edged, only, owners = joint.head, joint.tail, joint.edged, joint.only, joint.matches
    wordish, new = WORDISH, _new_match
    appends = [items.append for items in found]
    for i, start, end in occurrences:
        if edged[i]:
            if head[i] and start and text[start - 1] in wordish:
                continue
            if tail[i] and end < n and text[end] in wordish:
                continue
        one = only[i]
        if one is not None:
            k, fields = one
            appends[k](new(PhraseMatch, (start, end) + fields))
        else:
            for k, fields in owners[i]:
                appends[k](new(PhraseMatch, (start, end) + fields))
    for items in found:
        items.sort()  # (start, end) names one phrase, so the payloads are never compared
    return JointScan(found)
