"""What the words around a cue say about its act: the kind of measure its object names, whether
it is written in the perfect, the named place nearest it, whether a word class stands in a stretch.
Plain functions of the text and positions, so the event coder's reading of one cue stays short."""

from __future__ import annotations

import re
from collections.abc import Sequence

from tealeaves.extract.clauses import Clause
from tealeaves.extract.party_types import Party
from tealeaves.knowledge.schema import EventCueEntry


def object_measure(entry: EventCueEntry, view_text: str, clause: Clause, needs_at: int | None) -> str | None:
    """The kind of measure a cue acts on, from the needed noun that names it (暂停……港口费: port
    fees): the one right after the cue when there is one, else the first in the clause.

    Example::

        object_measure(entry, view_text, clause, needs_at)  # 'port fees'
    """
    measures = entry.measures
    if not measures:
        return None
    if needs_at is not None:
        for noun, kind in measures.items():
            if view_text.startswith(noun, needs_at):
                return kind
    body = view_text[clause.start : clause.end]
    found = [(body.find(noun), kind) for noun, kind in measures.items() if noun in body]
    return min(found)[1] if found else None


def in_perfect(view_text: str, cue_start: int, perfect_words: tuple[str, ...]) -> bool:
    """Whether the cue is written in the perfect (中方已同意, "China has agreed"): an act made
    before the report of it, so not on the day of the report. ``perfect_words`` are the
    auxiliaries (已, has) that end the text right before it."""
    return view_text[max(0, cue_start - 16) : cue_start].rstrip().endswith(perfect_words)  # the view is lower-cased


def found_in(pattern: re.Pattern[str] | None, text: str, a: int, b: int) -> bool:
    """Whether ``pattern`` (None: a word class the knowledge base lacks) matches in ``text[a:b]``."""
    return pattern is not None and pattern.search(text, a, b) is not None


def place_for(cue_start: int, places: Sequence[Party]) -> str | None:
    """The named location (of ``places``: those in the cue's clause) nearest the cue, if any."""
    best: tuple[int, str] | None = None
    for p in places:
        if p.name:
            distance = abs(p.start - cue_start)
            if best is None or distance < best[0]:
                best = (distance, p.name)
    return best[1] if best else None
