"""The party of an event as a plain tuple, and the helpers every party module shares.

A document builds many parties, so a party is a NamedTuple built with ``tuple.__new__``
(``new_party``) rather than through its constructor; roles come from the markers before it
(data/events/parties.yaml).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Literal, NamedTuple

Role = Literal["plain", "target", "source", "counterpart", "pair", "both", "other", "topic", "pronoun"]

Marker = tuple[int, int, Role, int]
"""start, end, role, window"""


class Party(NamedTuple):
    """A state-naming stretch ``[start, end)``: one state, two for a pair (in written order), none
    for a both-sides word not yet resolved or an ``other`` word (对方: the other side).

    ``place`` marks a location mention (a venue or a visit's destination); ``name`` is its English
    name, for the event's place. ``group`` numbers parties joined by conjunctions. A tuple, because
    a document builds many of them; compare parties by identity (``is``), not by value.
    """

    start: int
    end: int
    states: tuple[str, ...]
    role: Role = "plain"
    place: bool = False
    name: str | None = None
    possessive: bool = False
    group: int | None = None
    person: bool = False


new_party = tuple.__new__
"""Build a Party from its fields without the NamedTuple constructor's Python frame."""


def cue_between(cues: Sequence[int], a: int, b: int) -> bool:
    """Whether a position of the sorted ``cues`` lies in ``[a, b)``.

    Example::

        cue_between([3, 9], 4, 10)  # True
    """
    k = bisect.bisect_left(cues, a)
    return k < len(cues) and cues[k] < b
