"""dual_track: the same side pursues dialogue and coercion in the same period.

Rule: an explicit cue names the strategy (边谈边压, 两手准备, 一边…一边…施压, "carrot and stick"),
or says that coercion spoils the talks (破坏会谈氛围); the side is found as ``_actor`` says.

Events alone are not enough. We measured the plain reading of the definition (a dialogue event and
a coercive event of one side, dated within weeks of each other) on the development articles: news
copy sets old sanctions, past threats, retaliation warnings and the other side's complaints beside
every round of talks, and that reading raised ten false alarms for each signal it added. The
analysts' gold marks such co-occurrence as optional at most; a required dual_track is one the text
frames as a strategy, which is what the cues catch.
"""

from __future__ import annotations

from tealeaves.model import (
    Cue,
    DualTrack,
    EventType,
    MentionKind,
    Modality,
    Signal,
)
from tealeaves.signals.context import (
    Findings,
    evidence_of,
    first_state,
    merge_by,
    state_before,
)

HARD_COERCION = frozenset({EventType.SANCTION, EventType.THREATEN, EventType.COERCE})
"""Coercive acts that name their doer; ACCUSE also covers mere criticism, so it does not."""


def detect_dual_track(found: Findings) -> tuple[Signal, ...]:
    """One signal per side found talking and pressing at once."""
    signals: list[DualTrack] = []
    for cue in found.cues_of("dual_track"):
        actor = _actor(found, cue)
        if actor:
            signals.append(DualTrack(actor=actor, evidence=evidence_of(cue)))
    return merge_by(signals, lambda d: d.actor)


def _actor(found: Findings, cue: Cue) -> str | None:
    """Who talks and presses, for an explicit cue.

    A hard coercive act in the sentence names its source. A cue saying the talks are spoilt is
    itself a complaint, so the side accused in that sentence is the actor (中方指美方…破坏会谈氛围),
    else the first state named as a party (the speaker is usually a ministry: 商务部:美方…破坏…).
    A cue naming the strategy is said of the side named nearest before it (美方边谈边压). Failing
    these, the sentence before gives a hard coercive act's source or its first side.
    """
    s = cue.evidence.sentence
    hard = _source(found, [s], HARD_COERCION)
    if hard:
        return hard
    if cue.key == "undermine":
        accused = next((e.target for e in found.events_in(s) if e.type is EventType.ACCUSE and e.target), None)
        here = accused or first_state(found, s, kinds=frozenset({MentionKind.STATE})) or first_state(found, s)
    else:
        here = state_before(found, cue) or first_state(found, s)
    if here:
        return here
    if s == 0:
        return None
    return _source(found, [s - 1], HARD_COERCION) or first_state(found, s - 1)


def _source(found: Findings, sentences: list[int], types: frozenset[EventType]) -> str | None:
    for s in sentences:
        for e in found.events_in(s):
            if e.type in types and e.source and e.modality is not Modality.NEGATED:
                return e.source
    return None
