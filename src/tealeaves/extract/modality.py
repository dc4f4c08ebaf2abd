"""Modality of an event from the words around its cue (data/events/modality.yaml).

SCHEMA.md: ``asserted`` (reported as done or true), ``planned`` (announced, intended, scheduled),
``negated`` (said not to happen) or ``conditional``. A condition word (如果, if) makes the rest of the
sentence conditional, but a cue inside the condition itself is hypothetical and codes no event; so
does a cue in an open question (是否, whether). Precedence: condition, then negation, then plan.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Sequence
from typing import NamedTuple

from tealeaves.extract.clauses import Clause, ClauseMap
from tealeaves.extract.windows import find_in_windows
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.knowledge.phrases import PhraseIndex
from tealeaves.knowledge.schema import ModalityCueEntry
from tealeaves.model import Modality
from tealeaves.text.normalize import View
from tealeaves.text.scan import PhraseMatch

_ASSERTED, _CONDITIONAL, _NEGATED, _PLANNED = Modality.ASSERTED, Modality.CONDITIONAL, Modality.NEGATED, Modality.PLANNED
"""Read once: an enum attribute costs several times a global."""

_CONDITION_REACH = 2
"""How many clauses after a condition word its consequence may run (see read_modality)."""


class ModalMark(NamedTuple):
    """A modality word at ``[start, end)`` and the entry it belongs to."""

    start: int
    end: int
    phrase: str
    entry: ModalityCueEntry


_Plan = tuple[ModalityCueEntry, bool, tuple[str, ...], tuple[str, ...], bool]
"""An entry with what ``find_modal_marks`` reads of it: whether its scope is ``after``, its
``not_before`` and ``not_after`` words and whether it is an object marker."""


@functools.cache
def _plans(index: PhraseIndex[ModalityCueEntry], lang: str) -> dict[str, tuple[_Plan, ...]]:
    """Phrase -> its entries in ``lang``, in index order, as plans; only phrases with such an entry.
    Built once per index and language (an index never changes after loading)."""
    out: dict[str, tuple[_Plan, ...]] = {}
    for phrase in index.phrases():
        plans = tuple(
            (e, e.scope == "after", tuple(e.not_before), tuple(e.not_after), bool(e.object_marker))
            for e in index.lookup(phrase)
            if e.lang == lang
        )
        if plans:
            out[phrase] = plans
    return out


_new_mark = tuple.__new__
"""Build a ModalMark from its fields without the NamedTuple constructor's Python frame."""


def find_modal_marks(
    view: View,
    kb: KnowledgeBase,
    lang: str,
    windows: Sequence[tuple[int, int]],
    *,
    taken: Sequence[tuple[int, int]],
    object_markers: frozenset[int],
    words: Sequence[PhraseMatch[ModalityCueEntry]] | None = None,
) -> tuple[ModalMark, ...]:
    """Every modality word of ``lang`` in the ``windows`` of ``view`` that is not part of a cue phrase (``taken``: 会 in
    会谈 is no future marker) and passes its ``not_before``/``not_after`` lists.

    An ``object_marker`` word (将 used as 把) is skipped where it marked an object (``object_markers``:
    将三家美国企业列入清单).

    ``words`` are the modality words inside the windows (longest first, no overlaps) when the
    caller has scanned for them already; they are scanned here when None.
    """
    # the taken ranges by start, with the furthest end reached so far: a word [s, e) overlaps one
    # when the furthest end among those starting before e lies beyond s
    spans = sorted((a, b) for a, b in taken if a < b)
    lows = [a for a, _ in spans]
    reach: list[int] = []
    furthest = -1
    for _, b in spans:
        furthest = max(furthest, b)
        reach.append(furthest)
    text = view.text
    out: list[ModalMark] = []
    if words is None:
        words = find_in_windows(view, kb.modality_cue_index, windows)
    left = bisect.bisect_left
    plans_of = _plans(kb.modality_cue_index, lang)
    new = _new_mark
    for match in words:
        plans = plans_of.get(match[2])
        if plans is None:
            continue  # no entry in ``lang``
        start, end = match[0], match[1]
        k = left(lows, end)  # the taken ranges starting before the word ends
        overlaps = start < end and k > 0 and reach[k - 1] > start
        for entry, after, not_before, not_after, object_marker in plans:
            if overlaps and not after:
                continue
            if not_before and text[max(0, start - 8) : start].rstrip().endswith(not_before):
                continue
            if not_after and text[end : end + 8].lstrip().startswith(not_after):
                continue
            if object_marker and start in object_markers:
                continue
            out.append(new(ModalMark, (start, end, match[2], entry)))
            break
    return tuple(out)


def read_modality(
    cue: tuple[int, int],
    clause: Clause,
    marks: Sequence[ModalMark],
    clauses: ClauseMap,
    *,
    negatable: bool,
    other_cues: Sequence[int] = (),
    governs_content: bool = False,
) -> Modality | None:
    """The modality of the event whose cue is at ``cue`` in ``clause``, from the ``marks`` of its
    sentence; None when the cue lies inside a condition or an open question (no event is coded).

    A condition reaches the clause it opens (cues after the word are hypothetical, cues before it
    are its consequence: "tariffs will go into effect if China refuses"), the two clauses after it
    ("如果美方一意孤行，继续损害中方利益，中方必将奉陪到底") and the clause before it; inside one
    clause it attaches to the nearest cue before it (``other_cues`` are the clause's cue starts,
    the cue's own among them or not: in "pushing back against the threat to impose tariffs if ..." only the threat is
    conditional), unless the cue ``governs_content``: a threat's condition is the condition of
    what it threatens ("threatened to raise the levy to 25 percent if no deal was reached").
    ``negatable`` False is for cues that are denials themselves (否认, reject): a negation word
    before them does not turn the denial into a negated event.
    """
    if not marks:
        return _ASSERTED
    cue_start, cue_end = cue
    low, high = clause[0], clause[1]
    here = -1  # the cue's clause index, read when a condition word asks for it
    conditional = False
    question = False
    entries = [m[3] for m in marks]
    scopes = [e.scope for e in entries]
    asks_about = "presupposed" in scopes
    for m, scope in zip(marks, scopes):
        if scope == "before" or scope == "after":
            continue
        start = m[0]
        same_clause = low <= start < high
        if scope == "question":
            if m[2].isalnum():
                # 是否, whether: its own clause is open, from the word on; an act before it is what
                # the question is about ("opened an investigation into whether China honored ...")
                question = question or (same_clause and (start < cue_start or not m[3].asks_forward))
            elif not asks_about:  # a question mark asks the whole sentence, unless it asks what or why
                question = True
        elif scope == "opinion":
            question = True  # a poll's finding is no act, wherever the cue stands in its sentence
        elif scope == "condition":
            if same_clause and start < cue_start:
                return None  # the cue is part of the condition: a hypothetical act
            if same_clause and not governs_content and any(cue_end <= c < start for c in other_cues):
                continue  # the condition belongs to a nearer cue
            if here < 0:
                here = clauses.index_at(cue_start)
            if 0 <= here - clauses.index_at(start) <= _CONDITION_REACH:
                conditional = True
        elif scope == "consequence":
            conditional = True
    if conditional:
        return _CONDITIONAL
    if question:
        return None
    negated = planned = False
    for m, scope, entry in zip(marks, scopes, entries):
        if scope == "before":
            start, end = m[0], m[1]
            if low <= start and end <= cue_start and cue_start - end <= entry.window:
                modality = entry.modality
                if modality == _NEGATED and negatable:
                    negated = True
                elif modality == _PLANNED:
                    planned = True
                elif modality == _CONDITIONAL:
                    return _CONDITIONAL  # a right reserved, not yet used: "reserves the right to take measures"
        elif scope == "after" and entry.modality == _NEGATED and cue_end <= m[0] <= cue_end + entry.window:
            negated = True
    if negated:
        return _NEGATED
    if planned:
        return _PLANNED
    return _ASSERTED
