"""Knowledge-backed items: actor mentions, dates, quantities, events and cues."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from tealeaves.model.base import (
    _BOUNDS,
    _CUE_FIELDS,
    _DATE_FIELDS,
    _EVENT_FIELDS,
    _MENTION_FIELDS,
    _QUANTITY_FIELDS,
    Frozen,
    _built,
)
from tealeaves.model.enums import EventType, Granularity, MentionKind, Modality
from tealeaves.model.text import Evidence


class Mention(Frozen):
    """A name in the text resolved (when possible) to a knowledge-base actor.

    ``actor_id`` is None for a name we recognise as a person or body but cannot resolve; ``via`` says
    how it was resolved: ``alias`` (a listed name), ``role`` (a title such as 美国财长 resolved to
    the holder at the article's date) or ``context`` (a short form resolved from nearby text).
    """

    kind: MentionKind
    actor_id: str | None
    name: str | None = Field(None, description="English Wikipedia title of the actor")
    state: str | None = Field(None, description="ISO 3166-1 alpha-3 of the state it belongs to")
    via: Literal["alias", "role", "context"] = "alias"
    evidence: Evidence

    @classmethod
    def of(
        cls,
        kind: MentionKind,
        actor_id: str | None,
        name: str | None,
        state: str | None,
        via: Literal["alias", "role", "context"],
        evidence: Evidence,
    ) -> Mention:
        """The mention with these fields, built without validation (the entity stage makes one per
        name of every article, and its arguments are already of the field types); raises
        TypeError for a ``kind`` that is not a MentionKind."""
        if not isinstance(kind, MentionKind):
            raise TypeError(f"mention kind {kind!r} is not a MentionKind")
        values = {"kind": kind, "actor_id": actor_id, "name": name, "state": state, "via": via, "evidence": evidence}
        return _built(cls, values, _MENTION_FIELDS)


class DateRef(Frozen):
    """A date or period the text refers to, normalised to SCHEMA.md's forms.

    ``value`` is ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``START/END``; None when the expression is
    relative and the publication date is unknown (``relative`` is then True).
    """

    value: str | None
    granularity: Granularity
    relative: bool = False
    evidence: Evidence

    @classmethod
    def of(cls, value: str | None, granularity: Granularity, relative: bool, evidence: Evidence) -> DateRef:
        """The date with these fields, built without validation (the date stage makes one per
        expression of every article); raises TypeError for a ``granularity`` that is not a
        Granularity."""
        if not isinstance(granularity, Granularity):
            raise TypeError(f"date granularity {granularity!r} is not a Granularity")
        values = {"value": value, "granularity": granularity, "relative": bool(relative), "evidence": evidence}
        return _built(cls, values, _DATE_FIELDS)


class Quantity(Frozen):
    """An amount with a unit, converted to base units (t, USD, CNY, EUR, %, pp, t/year ...).

    ``value`` and ``unit_text`` are as written; ``value_base`` and ``unit`` are the normalised form.
    A range carries ``low_base``/``high_base`` and ``value_base`` is its upper end.
    """

    value_base: float
    unit: str
    value: float
    unit_text: str
    commodity: str | None = Field(None, description="English plural, lower case (soybeans)")
    low_base: float | None = None
    high_base: float | None = None
    bound: Literal["exact", "at_least", "at_most", "about"] = "exact"
    evidence: Evidence

    @classmethod
    def of(
        cls,
        value_base: float,
        unit: str,
        value: float,
        unit_text: str,
        commodity: str | None,
        low_base: float | None,
        high_base: float | None,
        bound: Literal["exact", "at_least", "at_most", "about"],
        evidence: Evidence,
    ) -> Quantity:
        """The quantity with these fields, built without validation; numbers become floats as
        validation makes them (so ``3`` is dumped as ``3.0``). Raises ValueError for an unknown
        ``bound``."""
        if bound not in _BOUNDS:
            raise ValueError(f"quantity bound {bound!r} is not one of {sorted(_BOUNDS)}")
        values = {
            "value_base": float(value_base),
            "unit": unit,
            "value": float(value),
            "unit_text": unit_text,
            "commodity": commodity,
            "low_base": None if low_base is None else float(low_base),
            "high_base": None if high_base is None else float(high_base),
            "bound": bound,
            "evidence": evidence,
        }
        return _built(cls, values, _QUANTITY_FIELDS)


class Event(Frozen):
    """A PLOVER-coded action between two states, with modality, date, place and evidence.

    ``source`` and ``target`` are ISO alpha-3 codes (EUR for the European Union acting as one).
    ``evidence`` is the first mention; ``more_evidence`` holds later mentions of the same action.
    """

    type: EventType
    source: str | None
    target: str | None
    modality: Modality = Modality.ASSERTED
    date: str | None = None
    place: str | None = None
    cue: str = Field("", description="the cue phrase that triggered the coding")
    evidence: Evidence
    more_evidence: tuple[Evidence, ...] = ()

    @classmethod
    def of(
        cls,
        type: EventType,
        source: str | None,
        target: str | None,
        modality: Modality,
        date: str | None,
        place: str | None,
        cue: str,
        evidence: Evidence,
        more_evidence: tuple[Evidence, ...],
    ) -> Event:
        """The event with these fields, built without validation; raises TypeError for a ``type``
        or ``modality`` that is not of its enum, or ``more_evidence`` that is not a tuple."""
        if not isinstance(type, EventType) or not isinstance(modality, Modality):
            raise TypeError(f"event type {type!r} or modality {modality!r} is not of its enum")
        if more_evidence.__class__ is not tuple:
            raise TypeError("more_evidence must be a tuple")
        values = {
            "type": type,
            "source": source,
            "target": target,
            "modality": modality,
            "date": date,
            "place": place,
            "cue": cue,
            "evidence": evidence,
            "more_evidence": more_evidence,
        }
        return _built(cls, values, _EVENT_FIELDS)


class Cue(Frozen):
    """A signal cue found in the text (a red-line issue, a stance word, a constituency ...).

    Signal detectors combine cues with events and quantities; ``family`` names the cue table and
    ``key`` the normalised value (for example family ``red_line``, key ``Taiwan``).
    """

    family: str
    key: str
    evidence: Evidence

    @classmethod
    def of(cls, family: str, key: str, evidence: Evidence) -> Cue:
        """The cue with these fields, built without validation (the cue stage makes one per hit)."""
        return _built(cls, {"family": family, "key": key, "evidence": evidence}, _CUE_FIELDS)
