"""sanctioned_official_travel: a person under the other side's sanctions is to travel to, or meet, that side.

Rule: a person whose knowledge-base entry carries a sanction in force on the publication date
(``kb.sanctioned_by``) by a state other than their own, in a sentence that has them going to that
state: a visit cue to it (访华, "visit China"), a going-along cue (随行, 随同, "accompany") with that
state named in the sentence, or a CONSULT event involving that state that is not negated.
"""

from __future__ import annotations

import functools

from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.model import (
    EventType,
    Evidence,
    Mention,
    MentionKind,
    Modality,
    SanctionedOfficialTravel,
    Signal,
)
from tealeaves.signals.context import Findings, evidence_of, merge_by


def detect_sanctioned_travel(found: Findings) -> tuple[Signal, ...]:
    """One signal per sanctioned person found travelling to, or meeting, the sanctioning side."""
    signals: list[SanctionedOfficialTravel] = []
    listed = _sanctioned_ids(found.kb)
    # most mentions name nobody listed: a comprehension drops them before the loop looks closer
    for person in [m for m in found.mentions if m.actor_id in listed]:
        if person.actor_id not in listed or person.kind is not MentionKind.PERSON or not person.name:
            continue
        for state in found.kb.sanctioned_by(person.actor_id, found.published):
            if state == person.state:
                continue
            support = _travel_to(found, person, state)
            if support is not None:
                signals.append(SanctionedOfficialTravel.of(person.name, (*support, person.evidence)))
    return merge_by(signals, lambda s: s.person)


def _travel_to(found: Findings, person: Mention, state: str) -> tuple[Evidence, ...] | None:
    s = person.evidence.sentence
    visits = [v for v in found.cues_in("visit", [s]) if v.key == state]
    if visits:
        return evidence_of(visits[0])
    going_along = found.cues_in("accompany", [s])
    if going_along and any(m.state == state and m is not person for m in found.mentions_in(s)):
        return evidence_of(going_along[0])
    for event in found.events_in(s):
        if event.type is EventType.CONSULT and event.modality is not Modality.NEGATED and state in (event.source, event.target):
            return evidence_of(event)
    return None


@functools.cache
def _sanctioned_ids(kb: KnowledgeBase) -> frozenset[str]:
    """Ids of the actors with any sanction listed (``kb.sanctioned_by`` finds nothing for the
    others), worked out once per knowledge base."""
    ids = {*kb.persons, *kb.organizations, *kb.places}
    return frozenset(i for i in ids if getattr(kb.actor(i), "sanctions", ()))
