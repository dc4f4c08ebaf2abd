"""Overlapping party stretches: which of the mentions and party words covering the same text stand.

A mention (中国) and a party word (对中, 中美) may cover the same characters; one stretch of text is
one party, so the longer one stands, and on a tie the mention (对中国 is the marker 对 and the mention
中国, not the word 对中).
"""

from __future__ import annotations

import operator
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tealeaves.extract.windows import settle_overlap_runs

if TYPE_CHECKING:  # parties.py builds the parties and imports this module
    from tealeaves.extract.party_types import Party


def longest_first(mentioned: list[Party], words: list[Party]) -> list[Party]:
    """The stretches of ``mentioned`` and ``words`` that stand, sorted by start: the longer stretch
    wins an overlap; on a tie the mention beats the party word, then the leftmost wins.

    Only stretches that overlap can exclude each other, so the choice runs inside each run of
    chained overlaps; a stretch that overlaps nothing stands.
    """
    if not words:
        return sorted(mentioned, key=_first_field)
    # by start, mentions before words and each in its own order on a tie (a stable sort by start)
    ranked = sorted(mentioned + words, key=_first_field)
    word_ids = set(map(id, words))  # to tell the words from the mentions in a run
    return settle_overlap_runs(ranked, lambda run: _settle(run, word_ids))


_first_field = operator.itemgetter(0)
"""A party's start (its first field), a sort key that runs in C."""


def _settle(run: Sequence[Party], word_ids: set[int]) -> list[Party]:
    """The stretches of one run of chained overlaps that stand, by position: longest first, then a
    mention before a party word (``word_ids``: the words' ids), then leftmost."""
    if len(run) == 2:  # the rule below for two stretches
        x, y = run
        if (y[0] - y[1], id(y) in word_ids, y[0], y[4]) < (x[0] - x[1], id(x) in word_ids, x[0], x[4]):
            x, y = y, x  # x wins
        if x[0] < x[1] and y[0] < y[1] and y[0] < x[1] and x[0] < y[1]:
            return [x]
        return [y, x] if y[0] < x[0] else [x, y]
    taken: list[Party] = []
    occupied: list[tuple[int, int]] = []
    for p in sorted(run, key=lambda p: (p[0] - p[1], id(p) in word_ids, p[0], p[4])):
        a, b = p[0], p[1]
        if a < b and any(a < t1 and t0 < b for t0, t1 in occupied):
            continue
        taken.append(p)
        if a < b:
            occupied.append((a, b))
    taken.sort(key=_first_field)
    return taken
