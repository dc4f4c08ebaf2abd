"""The data model: frozen pydantic models that every stage reads and returns.

A ``Span`` is a half-open ``[start, end)`` range of code-point offsets into ``Document.text`` (the
body as published, decoded and NFC-normalised); ``doc.text[span.start:span.end] == span.text``
always holds. Every extracted item carries an ``Evidence`` (sentence index and span), so nothing
the system states lacks the sentence behind it.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Any, Literal, TypeVar, Union

from pydantic import BaseModel, ConfigDict, Field, model_validator


class Frozen(BaseModel):
    """Base of every model: immutable, hashable, no unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


_F = TypeVar("_F", bound=Frozen)
_new = object.__new__
_set = object.__setattr__


def _built(cls: type[_F], values: dict[str, Any], fields_set: set[str]) -> _F:
    """An instance of ``cls`` from ``values`` that the caller has already checked: every field, in
    field order, with its final type. What ``model_construct`` does, without its per-field lookups;
    only for the few constructors below, which run once per sentence or item of every document.

    ``fields_set`` (the keys of ``values``) is one set shared by every instance a constructor
    builds: a frozen model never changes it (``model_copy`` copies it before an update), and
    sharing saves each instance a container the garbage collector would walk again and again.
    """
    item = _new(cls)
    _set(item, "__dict__", values)
    _set(item, "__pydantic_fields_set__", fields_set)
    _set(item, "__pydantic_extra__", None)
    _set(item, "__pydantic_private__", None)
    return item


_SPAN_FIELDS = {"start", "end", "text"}
_EVIDENCE_FIELDS = {"sentence", "span"}
_SENTENCE_FIELDS = {"index", "span"}
_MENTION_FIELDS = {"kind", "actor_id", "name", "state", "via", "evidence"}


# --- enums whose values are the strings of SCHEMA.md -------------------------------------------


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


# --- text and evidence -------------------------------------------------------------------------


class Span(Frozen):
    """A half-open range of code points in ``Document.text`` and the text it covers."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _check(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before start {self.start}")
        if len(self.text) != self.end - self.start:
            raise ValueError("span text length differs from end - start")
        return self

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span of ``text[start:end]``, equal to ``Span(start=start, end=end, text=text[start:end])``
        but several times cheaper: a slice satisfies the invariants by construction, so only the
        range is checked. Raises ValueError when the range is not inside ``text``.

        Example::

            Span.of("贝森特将访华", 0, 3)  # Span(start=0, end=3, text='贝森特')
        """
        if not 0 <= start <= end <= len(text):
            raise ValueError(f"range {start}:{end} outside a text of {len(text)} characters")
        return _built(cls, {"start": start, "end": end, "text": text[start:end]}, _SPAN_FIELDS)


class Evidence(Frozen):
    """Where an item comes from: the sentence index and the exact span quoted from the body."""

    sentence: int = Field(ge=0)
    span: Span

    @property
    def quote(self) -> str:
        """The quoted text (the span's text)."""
        return self.span.text

    @classmethod
    def of(cls, sentence: int, span: Span) -> Evidence:
        """``Evidence(sentence=sentence, span=span)`` without re-validating ``span``; raises
        ValueError for a negative sentence index."""
        if sentence < 0:
            raise ValueError(f"sentence index {sentence} is negative")
        return _built(cls, {"sentence": sentence, "span": span}, _EVIDENCE_FIELDS)


class Sentence(Frozen):
    """One sentence of the body, as a span; ``index`` counts from 0 in document order."""

    index: int = Field(ge=0)
    span: Span

    @classmethod
    def of(cls, index: int, span: Span) -> Sentence:
        """``Sentence(index=index, span=span)`` without re-validating ``span``; raises ValueError
        for a negative index."""
        if index < 0:
            raise ValueError(f"sentence index {index} is negative")
        return _built(cls, {"index": index, "span": span}, _SENTENCE_FIELDS)


class DocumentMeta(Frozen):
    """What we know about an article besides its body.

    ``published`` is None when the source does not say; relative dates then stay unresolved.
    ``encoding_source`` records how the encoding was chosen (explicit, bom, declared, detected).
    """

    path: str | None = None
    url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    lang: str = "zh"
    script: str | None = Field(None, description="zh-Hans or zh-Hant for Chinese text")
    encoding: str | None = None
    encoding_source: str | None = None
    format: str | None = Field(None, description="reader that produced it: frontmatter, text, html, feed, jsonl")


class Document(Frozen):
    """An article after ingest: metadata, the body (never changed afterwards) and its sentences.

    ``doc_id`` is the SHA-256 of the normalised body, so the same article read from two files is one
    document.
    """

    doc_id: str
    meta: DocumentMeta
    text: str
    sentences: tuple[Sentence, ...]


# --- knowledge-backed items ----------------------------------------------------------------------


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


class Cue(Frozen):
    """A signal cue found in the text (a red-line issue, a stance word, a constituency ...).

    Signal detectors combine cues with events and quantities; ``family`` names the cue table and
    ``key`` the normalised value (for example family ``red_line``, key ``Taiwan``).
    """

    family: str
    key: str
    evidence: Evidence


# --- signals: one model per kind, discriminated on `kind` ----------------------------------------


class _SignalBase(Frozen):
    evidence: tuple[Evidence, ...] = Field(min_length=1)


class DualTrack(_SignalBase):
    """The same side pursues dialogue and coercion in the same period."""

    kind: Literal[SignalKind.DUAL_TRACK] = SignalKind.DUAL_TRACK
    actor: str


class SanctionedOfficialTravel(_SignalBase):
    """A person under the other side's sanctions is planned to travel to, or meet, that side."""

    kind: Literal[SignalKind.SANCTIONED_OFFICIAL_TRAVEL] = SignalKind.SANCTIONED_OFFICIAL_TRAVEL
    person: str


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


class Analysis(Frozen):
    """The structured reading of one document, stamped with the analyzer and knowledge versions."""

    doc_id: str
    meta: DocumentMeta
    analyzer_version: str
    kb_version: str
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...] = ()
    dates: tuple[DateRef, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    events: tuple[Event, ...] = ()
    cues: tuple[Cue, ...] = ()
    signals: tuple[Signal, ...] = ()
