"""round_resumed: a numbered negotiation round (第六轮磋商, "the sixth round of talks").

Rule: a round cue is an ordinal round with its talks noun in the same clause (第六轮中美经贸磋商,
"sixth round of trade talks"; the clause rule lives in the cue patterns, data/signals/rounds.*.yaml),
so a "second round of tariffs" is no negotiation round. When an article names several rounds, the
current one is the highest: earlier rounds are mentioned as history (自去年第五轮会谈后), a later one
is not yet held. The gap is the duration cue nearest to a mention of the current round (时隔近五个月),
else the date of the previous round's talks when an event gives it. A round named only in sentences
that postpone or call it off (第六轮磋商已推迟, "the sixth round ... has been postponed") is no
round resumed.
"""

from __future__ import annotations

from tealeaves.model import Cue, EventType, RoundResumed, Signal
from tealeaves.signals.context import Findings, evidence_of

MAX_ROUND = 99
"""Round numbers above this are not negotiation rounds (a misread number)."""


def detect_round_resumed(found: Findings) -> tuple[Signal, ...]:
    """The current numbered round of talks, with the gap since the previous one when known.

    Returns at most one signal; none when no ordinal round of talks is named.
    """
    rounds = [(int(c.key), c) for c in found.cues_of("round") if c.key.isdigit() and 1 <= int(c.key) <= MAX_ROUND]
    if not rounds:
        return ()
    current = max(n for n, _ in rounds)
    mentions = [cue for n, cue in rounds if n == current]
    off = {c.evidence.sentence for c in found.cues_of("round_off")}
    if all(c.evidence.sentence in off for c in mentions):
        return ()  # the round was postponed or called off: nothing resumed
    gap_cue = _gap_cue(found, mentions)
    gap = gap_cue.evidence.quote if gap_cue is not None else _gap_from_previous(found, rounds, current)
    evidence = evidence_of(mentions[0], gap_cue, *mentions[1:])
    return (RoundResumed(round=current, gap=gap, evidence=evidence),)


def _gap_cue(found: Findings, current: list[Cue]) -> Cue | None:
    """The duration cue nearest (in sentences) to a mention of the current round, within two sentences."""
    best: tuple[int, int, Cue] | None = None
    for gap in found.cues_of("gap"):
        distance = min(abs(gap.evidence.sentence - c.evidence.sentence) for c in current)
        if distance <= 2 and (best is None or (distance, gap.evidence.span.start) < best[:2]):
            best = (distance, gap.evidence.span.start, gap)
    return best[2] if best else None


def _gap_from_previous(found: Findings, rounds: list[tuple[int, Cue]], current: int) -> str | None:
    """"since <date>" from the dated talks event in the sentence naming the previous round."""
    for n, cue in rounds:
        if n != current - 1:
            continue
        for event in found.events_in(cue.evidence.sentence):
            if event.type is EventType.CONSULT and event.date:
                return f"since {event.date}"
    return None
