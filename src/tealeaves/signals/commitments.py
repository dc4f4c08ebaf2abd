"""commitment_progress: a quantified commitment, with what is delivered against what was promised.

Rule: a delivery cue (已完成, 已经采购, 履行承诺, "so far", "did not reach the target") within two
sentences of a commitment cue (承诺, 采购目标, "pledged"), and an amount (a quantity that is not a
percentage) in those sentences or the ones next to them. The party is the state committed, the
buyer: the subject of the delivery cue (中方已经完成…, "China did not reach…"), else of the
commitment cue. Events are not asked: COOPERATE and AGREE are symmetric (SCHEMA.md), so their
source does not say who buys. The commodity is the one the amounts name most often; promised and
delivered are the amounts next to each cue, when the text gives them. One signal per party (a
commodity-bearing finding wins over one without).
"""

from __future__ import annotations

from collections import Counter

from tealeaves.model import CommitmentProgress, Cue, MentionKind, Quantity, Signal
from tealeaves.signals.context import Findings, evidence_of, merge_by, stated

WINDOW = 2
"""Most sentences between a commitment cue and its delivery cue."""

NOT_AMOUNTS = frozenset({"%", "pp"})
"""Units that are rates of change, not amounts promised or delivered."""


def detect_commitment_progress(found: Findings) -> tuple[Signal, ...]:
    """One signal per committed party with a delivery reported; empty without an amount."""
    signals: list[CommitmentProgress] = []
    for delivery in found.cues_of("delivery"):
        sd = delivery.evidence.sentence
        promise = _nearest_promise(found, delivery)
        if promise is None:
            continue
        sc = promise.evidence.sentence
        lo, hi = min(sc, sd), max(sc, sd)
        amounts = [q for s in found.window(lo, 1, hi - lo + 1) for q in found.quantities_in(s) if q.unit not in NOT_AMOUNTS]
        if not amounts:
            continue
        party = _party(found, (delivery, promise))
        if party is None:
            continue
        delivered = _amount_after(found, delivery, exclude=None)
        promised = _amount_after(found, promise, exclude=delivered)
        commodities = Counter(q.commodity for q in amounts if q.commodity)
        commodity = commodities.most_common(1)[0][0] if commodities else None
        measured = promised or delivered
        signals.append(
            CommitmentProgress(
                party=party,
                commodity=commodity,
                subject=f"purchases of {commodity}" if commodity else None,
                promised=promised.value_base if promised else None,
                delivered=delivered.value_base if delivered else None,
                unit=measured.unit if measured else None,
                evidence=evidence_of(delivery, promise, delivered, promised),
            )
        )
    return merge_by(sorted(signals, key=lambda s: s.commodity is None), lambda s: s.party)


def _nearest_promise(found: Findings, delivery: Cue) -> Cue | None:
    sd = delivery.evidence.sentence
    candidates = found.cues_in("commitment", found.window(sd, WINDOW, WINDOW))
    if not candidates:
        return None
    return min(candidates, key=lambda c: (abs(c.evidence.sentence - sd), abs(c.evidence.span.start - delivery.evidence.span.start)))


def _party(found: Findings, cues: tuple[Cue, ...]) -> str | None:
    """The side committed: the subject before the delivery cue, else before the commitment cue.

    The subject is the first side acting as a state before the cue (中方已经完成…, "China did
    not reach…"); a state named later in the clause is usually the seller (采购美国大豆), and a
    person before it usually the one reporting (特朗普对中国履行承诺表示欢迎). Without a state, the
    body or person nearest before the cue (中粮集团已采购…).
    """
    for cue in cues:
        before = [m for m in stated(found, cue.evidence.sentence) if m.evidence.span.end <= cue.evidence.span.start]
        # a state naming whose body or person follows it (美国|彼得森研究所测算) is that body's label
        labels = {m.evidence.span.start for m in before if m.kind is not MentionKind.STATE}
        states = [m for m in before if m.kind is MentionKind.STATE and m.evidence.span.end not in labels]
        chosen = states[0] if states else (before[-1] if before else None)
        if chosen is not None:
            return chosen.state
    return None


def _amount_after(found: Findings, cue: Cue, exclude: Quantity | None) -> Quantity | None:
    """The first amount after the cue in its sentence, else the last one before it."""
    amounts = [q for q in found.quantities_in(cue.evidence.sentence) if q.unit not in NOT_AMOUNTS and q is not exclude]
    after = [q for q in amounts if q.evidence.span.start >= cue.evidence.span.start]
    if after:
        return after[0]
    before = [q for q in amounts if q.evidence.span.end <= cue.evidence.span.start]
    return before[-1] if before else None
