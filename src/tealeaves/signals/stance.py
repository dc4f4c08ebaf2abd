"""stance_shift: a person's recent statements differ in tone from their earlier record.

Rule: a stance cue said of a named person (the nearest person in its sentence, or in the sentence
before when its own names nobody). A directional cue gives the direction itself (态度软化,
"softened his tone" -> softer; 转趋强硬, "no longer Mr. Nice Guy" -> harder). A cue of change
without a direction (转变, 调整, 180度转弯, "shift in tone") needs a stance word in its sentence
(态度, 立场, 口风, tone, stance) and takes its direction from a directional cue in the neighbouring
sentences, else from the person's earlier record: a hard record (一直对华强硬, 鹰派, "a China hawk")
said in a nearby sentence or in any sentence naming the same person means the change is softer,
a soft record means harder. A change with no direction to be read is not reported.
"""

from __future__ import annotations

from typing import Literal

from tealeaves.model import Cue, Mention, Signal, StanceShift
from tealeaves.signals.context import (
    Findings,
    evidence_of,
    merge_by,
    person_of,
    persons_in,
)

Direction = Literal["softer", "harder"]

_OPPOSITE: dict[str, Direction] = {"hard": "softer", "soft": "harder"}
_DIRECTIONS: dict[str, Direction] = {"softer": "softer", "harder": "harder"}


def detect_stance_shifts(found: Findings) -> tuple[Signal, ...]:
    """One signal per (person, direction); an empty tuple when no change of tone is attributed."""
    signals: list[StanceShift] = []
    for cue in found.cues_of("stance"):
        if cue.key not in ("softer", "harder", "shift"):
            continue
        person = person_of(found, cue)
        if person is None or person.name is None:
            continue
        direction, support = _direction(found, cue, person)
        if direction is None:
            continue
        signals.append(StanceShift(person=person.name, direction=direction, evidence=evidence_of(cue, person, support)))
    return merge_by(signals, lambda s: (s.person, s.direction))


def _direction(found: Findings, cue: Cue, person: Mention) -> tuple[Direction | None, Cue | None]:
    if cue.key in _DIRECTIONS:
        return _DIRECTIONS[cue.key], None
    s = cue.evidence.sentence
    if not found.cues_in("stance_topic", [s]):
        return None, None
    for near in found.cues_in("stance", found.window(s, 1, 1)):
        if near.key in _DIRECTIONS:
            return _DIRECTIONS[near.key], near
    for prior in found.cues_in("stance_prior", found.window(s, 2, 0)):
        return _OPPOSITE[prior.key], prior
    for prior in found.cues_of("stance_prior"):
        if any(m.name == person.name for m in persons_in(found, prior.evidence.sentence)):
            return _OPPOSITE[prior.key], prior
    return None, None
