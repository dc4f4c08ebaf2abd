"""Enums whose values are the strings of SCHEMA.md."""

from __future__ import annotations

from enum import StrEnum


class EventType(StrEnum):
    """PLOVER event types, as SCHEMA.md lists them."""

    AGREE = "AGREE"
    CONSULT = "CONSULT"
    SUPPORT = "SUPPORT"
    CONCEDE = "CONCEDE"
    COOPERATE = "COOPERATE"
    AID = "AID"
    RETREAT = "RETREAT"
    REQUEST = "REQUEST"
    ACCUSE = "ACCUSE"
    REJECT = "REJECT"
    THREATEN = "THREATEN"
    PROTEST = "PROTEST"
    SANCTION = "SANCTION"
    MOBILIZE = "MOBILIZE"
    COERCE = "COERCE"
    ASSAULT = "ASSAULT"


class Modality(StrEnum):
    """Whether an event happened, is planned, is denied or depends on a condition."""

    ASSERTED = "asserted"
    PLANNED = "planned"
    NEGATED = "negated"
    CONDITIONAL = "conditional"


class Granularity(StrEnum):
    """How precise a date is; we never claim more precision than the text gives."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    INTERVAL = "interval"


class MentionKind(StrEnum):
    """What a mention names. ``state`` is a country acting as a party (美方, Beijing as government);
    ``place`` is a location where something happens."""

    PERSON = "person"
    ORGANIZATION = "organization"
    PLACE = "place"
    STATE = "state"


class SignalKind(StrEnum):
    """The eight analytic signal kinds of SCHEMA.md."""

    DUAL_TRACK = "dual_track"
    SANCTIONED_OFFICIAL_TRAVEL = "sanctioned_official_travel"
    STANCE_SHIFT = "stance_shift"
    COMMITMENT_PROGRESS = "commitment_progress"
    ROUND_RESUMED = "round_resumed"
    SUMMIT_PREPARATION = "summit_preparation"
    RED_LINE = "red_line"
    DOMESTIC_PRESSURE = "domestic_pressure"
