"""The data model: frozen pydantic models that every stage reads and returns.

A ``Span`` is a half-open ``[start, end)`` range of code-point offsets into ``Document.text`` (the
body as published, decoded and NFC-normalised); ``doc.text[span.start:span.end] == span.text``
always holds. Every extracted item carries an ``Evidence`` (sentence index and span), so nothing
the system states lacks the sentence behind it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import Annotated, Any, Literal, Self, TypeVar, Union, cast

from pydantic import BaseModel, ConfigDict, Field, model_validator


class Frozen(BaseModel):
    """Base of every model: immutable, hashable, no unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    def with_fields(self, update: Mapping[str, Any]) -> Self:
        """``self.model_copy(update=update)``, as unvalidated as that and several times cheaper
        (ingest fills in a few fields of every article's meta, detectors merge evidence); raises
        KeyError for a name that is not a field.

        Example::

            meta.with_fields({"format": "frontmatter"}).format  # 'frontmatter'
        """
        values = self.__dict__
        for key in update:
            if key not in values:
                raise KeyError(f"{type(self).__name__} has no field {key!r}")
        return _built(type(self), {**values, **update}, self.__pydantic_fields_set__ | update.keys())


_F = TypeVar("_F", bound=Frozen)
_new = object.__new__


def _slot_setter(name: str) -> Callable[[object, object], None]:
    """The setter of one of BaseModel's instance slots, called directly: a frozen model refuses
    ``setattr``, and going through ``object.__setattr__`` looks the name up again on every call."""
    descriptor = BaseModel.__dict__.get(name)
    setter = getattr(descriptor, "__set__", None)
    if setter is None:  # a pydantic that keeps these elsewhere: the generic (slower) way
        return lambda item, value: object.__setattr__(item, name, value)
    return cast(Callable[[object, object], None], setter)


_set_dict = _slot_setter("__dict__")
_set_fields = _slot_setter("__pydantic_fields_set__")
_set_extra = _slot_setter("__pydantic_extra__")
_set_private = _slot_setter("__pydantic_private__")


def _built(cls: type[_F], values: dict[str, Any], fields_set: set[str]) -> _F:
    """An instance of ``cls`` from ``values`` that the caller has already checked: every field, in
    field order, with its final type. What ``model_construct`` does, without its per-field lookups;
    only for the few constructors below, which run once per sentence or item of every document
    (the hottest ones repeat these five lines inline to save the call).

    ``fields_set`` (the keys of ``values``) is one set shared by every instance a constructor
    builds: a frozen model never changes it (``model_copy`` copies it before an update), and
    sharing saves each instance a container the garbage collector would walk again and again.
    """
    item = _new(cls)
    _set_dict(item, values)
    _set_fields(item, fields_set)
    _set_extra(item, None)
    _set_private(item, None)
    return item


_SPAN_FIELDS = {"start", "end", "text"}
_EVIDENCE_FIELDS = {"sentence", "span"}
_SENTENCE_FIELDS = {"index", "span"}
_MENTION_FIELDS = {"kind", "actor_id", "name", "state", "via", "evidence"}
_DOCUMENT_FIELDS = {"doc_id", "meta", "text", "sentences"}
_DATE_FIELDS = {"value", "granularity", "relative", "evidence"}
_QUANTITY_FIELDS = {"value_base", "unit", "value", "unit_text", "commodity", "low_base", "high_base", "bound", "evidence"}
_EVENT_FIELDS = {"type", "source", "target", "modality", "date", "place", "cue", "evidence", "more_evidence"}
_CUE_FIELDS = {"family", "key", "evidence"}
_ANALYSIS_FIELDS = {
    "doc_id", "meta", "analyzer_version", "kb_version", "sentences", "mentions", "dates", "quantities", "events", "cues", "signals"
}  # fmt: skip
_BOUNDS = frozenset({"exact", "at_least", "at_most", "about"})


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
        span = _new(cls)
        _set_dict(span, {"start": start, "end": end, "text": text[start:end]})
        _set_fields(span, _SPAN_FIELDS)
        _set_extra(span, None)
        _set_private(span, None)
        return span


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

    @classmethod
    def at(cls, text: str, sentence: int, start: int, end: int) -> Evidence:
        """``Evidence.of(sentence, Span.of(text, start, end))`` in one call, for the stages that
        quote many ranges of one text (``text.evidence.EvidenceMaker``); raises ValueError likewise.

        Example::

            Evidence.at("贝森特将访华", 0, 0, 3).quote  # '贝森特'
        """
        if not 0 <= start <= end <= len(text):
            raise ValueError(f"range {start}:{end} outside a text of {len(text)} characters")
        if sentence < 0:
            raise ValueError(f"sentence index {sentence} is negative")
        span = _new(Span)
        _set_dict(span, {"start": start, "end": end, "text": text[start:end]})
        _set_fields(span, _SPAN_FIELDS)
        _set_extra(span, None)
        _set_private(span, None)
        item = _new(cls)
        _set_dict(item, {"sentence": sentence, "span": span})
        _set_fields(item, _EVIDENCE_FIELDS)
        _set_extra(item, None)
        _set_private(item, None)
        return item


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

    @classmethod
    def at(cls, text: str, index: int, start: int, end: int) -> Sentence:
        """``Sentence.of(index, Span.of(text, start, end))`` in one call (the splitter makes one
        per sentence of every document); raises ValueError likewise."""
        if not 0 <= start <= end <= len(text):
            raise ValueError(f"range {start}:{end} outside a text of {len(text)} characters")
        if index < 0:
            raise ValueError(f"sentence index {index} is negative")
        span = _new(Span)
        _set_dict(span, {"start": start, "end": end, "text": text[start:end]})
        _set_fields(span, _SPAN_FIELDS)
        _set_extra(span, None)
        _set_private(span, None)
        item = _new(cls)
        _set_dict(item, {"index": index, "span": span})
        _set_fields(item, _SENTENCE_FIELDS)
        _set_extra(item, None)
        _set_private(item, None)
        return item


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

    @classmethod
    def of(cls, doc_id: str, meta: DocumentMeta, text: str, sentences: tuple[Sentence, ...]) -> Document:
        """The document with these fields, built without validation (ingest makes one per article,
        from values of the field types); raises TypeError when ``sentences`` is not a tuple."""
        if type(sentences) is not tuple:
            raise TypeError(f"sentences must be a tuple, not {type(sentences).__name__}")
        return _built(cls, {"doc_id": doc_id, "meta": meta, "text": text, "sentences": sentences}, _DOCUMENT_FIELDS)


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


# --- signals: one model per kind, discriminated on `kind` ----------------------------------------


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

    @classmethod
    def of(
        cls,
        doc_id: str,
        meta: DocumentMeta,
        analyzer_version: str,
        kb_version: str,
        sentences: tuple[Sentence, ...],
        *,
        mentions: tuple[Mention, ...],
        dates: tuple[DateRef, ...],
        quantities: tuple[Quantity, ...],
        events: tuple[Event, ...],
        cues: tuple[Cue, ...],
        signals: tuple[Signal, ...],
    ) -> Analysis:
        """The analysis with every field given, built without validation: the pipeline assembles
        it once per document from items the stages built already checked, and validating would
        only walk them all again. Raises TypeError when a collection is not a tuple.

        Example::

            Analysis.of(doc.doc_id, doc.meta, "0.1.0", kb.version, doc.sentences, mentions=(), dates=(),
                        quantities=(), events=(), cues=(), signals=())
        """
        groups = (sentences, mentions, dates, quantities, events, cues, signals)
        if any(group.__class__ is not tuple for group in groups):
            raise TypeError("every collection of an Analysis must be a tuple")
        values = {
            "doc_id": doc_id,
            "meta": meta,
            "analyzer_version": analyzer_version,
            "kb_version": kb_version,
            "sentences": sentences,
            "mentions": mentions,
            "dates": dates,
            "quantities": quantities,
            "events": events,
            "cues": cues,
            "signals": signals,
        }
        return _built(cls, values, _ANALYSIS_FIELDS)
