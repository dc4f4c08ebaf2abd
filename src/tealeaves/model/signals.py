"""Signals: one model per kind, discriminated on ``kind``."""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import Field

from tealeaves.model.base import Frozen, _built
from tealeaves.model.enums import SignalKind
from tealeaves.model.text import Evidence


class _SignalBase(Frozen):
    evidence: tuple[Evidence, ...] = Field(min_length=1)


def _check_evidence(evidence: tuple[Evidence, ...]) -> None:
    """What validation checks of a signal's evidence, for the constructors that skip it."""
    if evidence.__class__ is not tuple or not evidence:
        raise ValueError("a signal needs a non-empty tuple of evidence")


_TRAVEL_FIELDS = {"person", "evidence"}
_RED_LINE_FIELDS = {"issue", "actor", "evidence"}


class DualTrack(_SignalBase):
    """The same side pursues dialogue and coercion in the same period."""

    kind: Literal[SignalKind.DUAL_TRACK] = SignalKind.DUAL_TRACK
    actor: str


class SanctionedOfficialTravel(_SignalBase):
    """A person under the other side's sanctions is planned to travel to, or meet, that side."""

    kind: Literal[SignalKind.SANCTIONED_OFFICIAL_TRAVEL] = SignalKind.SANCTIONED_OFFICIAL_TRAVEL
    person: str

    @classmethod
    def of(cls, person: str, evidence: tuple[Evidence, ...]) -> SanctionedOfficialTravel:
        """``SanctionedOfficialTravel(person=person, evidence=evidence)`` built without validation;
        raises ValueError when ``evidence`` is not a non-empty tuple."""
        _check_evidence(evidence)
        values = {"evidence": evidence, "kind": SignalKind.SANCTIONED_OFFICIAL_TRAVEL, "person": person}
        return _built(cls, values, _TRAVEL_FIELDS)


class StanceShift(_SignalBase):
    """An actor's recent statements differ in tone from their earlier record."""

    kind: Literal[SignalKind.STANCE_SHIFT] = SignalKind.STANCE_SHIFT
    person: str
    direction: Literal["softer", "harder"]


class CommitmentProgress(_SignalBase):
    """A quantified commitment, with what is delivered against what was promised."""

    kind: Literal[SignalKind.COMMITMENT_PROGRESS] = SignalKind.COMMITMENT_PROGRESS
    party: str
    commodity: str | None = None
    subject: str | None = None
    promised: float | None = None
    delivered: float | None = None
    unit: str | None = None


class RoundResumed(_SignalBase):
    """A numbered negotiation round, with the gap since the previous one when the text gives it."""

    kind: Literal[SignalKind.ROUND_RESUMED] = SignalKind.ROUND_RESUMED
    round: int
    gap: str | None = None


class SummitPreparation(_SignalBase):
    """Talks framed as preparation for a leaders' meeting."""

    kind: Literal[SignalKind.SUMMIT_PREPARATION] = SignalKind.SUMMIT_PREPARATION
    event: str | None = None


class RedLine(_SignalBase):
    """A core-interest issue a side says it will not concede."""

    kind: Literal[SignalKind.RED_LINE] = SignalKind.RED_LINE
    issue: str
    actor: str | None = None

    @classmethod
    def of(cls, issue: str, actor: str | None, evidence: tuple[Evidence, ...]) -> RedLine:
        """``RedLine(issue=issue, actor=actor, evidence=evidence)`` built without validation (the
        most frequent signal); raises ValueError when ``evidence`` is not a non-empty tuple."""
        _check_evidence(evidence)
        values = {"evidence": evidence, "kind": SignalKind.RED_LINE, "issue": issue, "actor": actor}
        return _built(cls, values, _RED_LINE_FIELDS)


class DomesticPressure(_SignalBase):
    """A side's position is driven by a domestic constituency."""

    kind: Literal[SignalKind.DOMESTIC_PRESSURE] = SignalKind.DOMESTIC_PRESSURE
    actor: str
    constituency: str | None = None


Signal = Annotated[
    Union[
        DualTrack,
        SanctionedOfficialTravel,
        StanceShift,
        CommitmentProgress,
        RoundResumed,
        SummitPreparation,
        RedLine,
        DomesticPressure,
    ],
    Field(discriminator="kind"),
]
