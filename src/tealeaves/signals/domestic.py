"""domestic_pressure: a side's position is driven by a domestic constituency.

Rule: a constituency cue (农民, 农业州, 工人, 商会, 选民, 中期选举, farmers, voters ...) and a pressure
cue (遭受重创, 上书, 票仓, 支持力量, suffering, lobbied, pawns ...) in the same sentence. A
constituency merely named as beneficiary ("good for workers and businesses") is no pressure.
The actor is the state of the constituency: the state written right before it (美国农民, US
farmers), else the state of the first person or body named in the sentence (the speaker, or the
government lobbied: 上书白宫), else of the speaker a neighbouring sentence names (a quote and its
attribution, '"...," Bessent said'), else the government a pressure word names right after it
(促请渥太华, "urged Ottawa"). A state named elsewhere in the sentence is usually the other
side (因为中国没有购买大豆), so it does not count. One signal per actor; its constituency is the one
cited most often. A firm named right before a word for its own lobbying (英伟达数月来的游说, "Nvidia
lobbied") is a business constituency of its state.
"""

from __future__ import annotations

from collections import Counter

from tealeaves.model import Cue, DomesticPressure, Mention, MentionKind, Signal
from tealeaves.signals.context import Findings, category_ids, evidence_of, persons_in, state_before

MODIFIER_CHARS = 4
"""Most characters between a state and the constituency it modifies (美国农民: 0; "U.S. soybean farmers")."""


def detect_domestic_pressure(found: Findings) -> tuple[Signal, ...]:
    """One signal per side whose constituency is said to suffer, push or count politically."""
    by_actor: dict[str, list[tuple[str, Cue | Mention, Cue]]] = {}
    for group in found.cues_of("constituency"):
        s = group.evidence.sentence
        pressure = found.cues_in("pressure", [s])
        if not pressure:
            continue
        nearest = min(pressure, key=lambda p: abs(p.evidence.span.start - group.evidence.span.start))
        actor = _actor(found, group) or next((a for p in pressure if p.key == "lobby" and (a := _lobbied(found, p))), None)
        if actor is None:
            continue
        by_actor.setdefault(actor, []).append((group.key, group, nearest))
    for cue in found.cues_of("pressure"):
        if cue.key == "company":
            firm = _lobbying_firm(found, cue)
            if firm is not None and firm.state:
                by_actor.setdefault(firm.state, []).append((BUSINESS, firm, cue))
    signals: list[Signal] = []
    for actor, pairs in by_actor.items():
        counts = Counter(key for key, _, _ in pairs)
        constituency = max(counts, key=lambda k: (counts[k], -_first_index(pairs, k)))
        evidence = evidence_of(*(item for _, group, cue in pairs for item in (group, cue)))
        signals.append(DomesticPressure(actor=actor, constituency=constituency, evidence=evidence))
    return tuple(signals)


BUSINESS = "business"
"""The constituency a firm lobbying its own government belongs to."""

FIRM_CHARS = 16
"""Most characters between a firm and the lobbying word that follows it (英伟达数月来的游说, "Nvidia's
months of lobbying", "Nvidia lobbied")."""


def _lobbying_firm(found: Findings, cue: Cue) -> Mention | None:
    """The company named nearest before a word for a firm's own lobbying, within ``FIRM_CHARS``: a
    firm that lobbies its government is a business constituency pressing it (放行的背后，是英伟达
    数月来的游说)."""
    start = cue.evidence.span.start
    firms = category_ids(found.kb, "company")
    best: Mention | None = None
    for m in found.mentions_in(cue.evidence.sentence):
        end = m.evidence.span.end
        if end <= start and start - end <= FIRM_CHARS and m.actor_id in firms:
            best = m
    return best



LOBBIED_CHARS = 1
"""Most characters between a pressure word and the government it presses (促请渥太华, "urged Ottawa")."""


def _lobbied(found: Findings, pressure: Cue) -> str | None:
    """The state of the government named right after a pressure word: the side whose own
    constituency presses it (种植户团体……促请渥太华尽快与北京对话: Canada)."""
    end, text = pressure.evidence.span.end, found.doc.text
    for m in found.mentions_in(pressure.evidence.sentence):
        start = m.evidence.span.start
        if m.state and end <= start <= end + LOBBIED_CHARS and not text[end:start].strip():
            return m.state
    return None


def _first_index(pairs: list[tuple[str, Cue | Mention, Cue]], key: str) -> int:
    return next(i for i, (k, _, _) in enumerate(pairs) if k == key)


def _actor(found: Findings, group: Cue) -> str | None:
    s = group.evidence.sentence
    modifier = state_before(found, group, within=MODIFIER_CHARS)
    if modifier:
        return modifier
    for m in found.mentions_in(s):
        if m.kind in (MentionKind.PERSON, MentionKind.ORGANIZATION) and m.state:
            return m.state
    for quoted in (s - 1, s + 1):
        if 0 <= quoted < len(found.doc.sentences):
            for m in persons_in(found, quoted):
                if m.state:
                    return m.state
    return None
