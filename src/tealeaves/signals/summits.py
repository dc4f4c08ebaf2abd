"""summit_preparation: talks framed as preparation for a leaders' meeting.

Rule: one sentence holds a preparation cue (铺垫, 铺路, 为…创造条件, "paving the way for",
"ahead of") and a summit cue (元首会晤, 峰会, APEC, a visit to China or the United States), and the
talks are in that sentence too: a talks noun or a CONSULT event. Without the talks, "ahead of the
summit, Washington raised tariffs" is no preparation, even when talks were named just before. The event is named
"<person> visit to <country>" when the summit cue is a visit, else after the summit cue.
"""

from __future__ import annotations

from tealeaves.model import Cue, EventType, Signal, SummitPreparation
from tealeaves.signals.context import Findings, evidence_of, persons_in


def detect_summit_preparation(found: Findings) -> tuple[Signal, ...]:
    """The first sentence framing talks as preparation for a summit; at most one signal (the kind
    has no key fields, so a second one could only be a false alarm)."""
    for prep in found.cues_of("summit_prep"):
        s = prep.evidence.sentence
        summits = found.cues_in("summit", [s])
        if not summits or not _talks_in_view(found, s):
            continue
        summit = _best_summit(summits)
        return (SummitPreparation(event=_event_name(found, summit), evidence=evidence_of(prep, summit)),)
    return ()


def _talks_in_view(found: Findings, sentence: int) -> bool:
    if found.cues_in("talks", [sentence]):
        return True
    return any(e.type is EventType.CONSULT for e in found.events_in(sentence))


def _best_summit(summits: tuple[Cue, ...]) -> Cue:
    """A visit names the event best, then a named summit (APEC), then a generic leaders' meeting."""
    rank = {"visit": 0, "apec": 1, "leaders": 2}
    return min(summits, key=lambda c: (rank.get(c.key, 3), c.evidence.span.start))


def _event_name(found: Findings, summit: Cue) -> str | None:
    s = summit.evidence.sentence
    if summit.key == "visit":
        destination = next(
            (v.key for v in found.cues_in("visit", [s]) if _overlap(v, summit) and v.key != "any"),
            None,
        )
        country = found.kb.country_name(destination) if destination else None
        visitor = next(
            (
                m
                for m in reversed(persons_in(found, s))
                if m.evidence.span.end <= summit.evidence.span.start and m.state != destination
            ),
            None,
        )
        if country and visitor:
            return f"{visitor.name} visit to {country}"
        if country:
            return f"visit to {country}"
        return None
    if summit.key == "apec":
        return "leaders' meeting at APEC"
    return "leaders' meeting"


def _overlap(a: Cue, b: Cue) -> bool:
    return a.evidence.span.start < b.evidence.span.end and b.evidence.span.start < a.evidence.span.end
