"""Entry models of the cue files: sentence punctuation, signal cues, event cues with their examples,
modality words and party words."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from tealeaves.knowledge.schema.common import ALPHA3, SLUG, Entry
from tealeaves.model import EventType, Modality


class TextEntry(Entry):
    """A punctuation or abbreviation class used to split sentences (see data/text.yaml)."""

    id: str = Field(pattern=SLUG)
    chars: tuple[str, ...] = ()
    words: tuple[str, ...] = ()

    @field_validator("chars")
    @classmethod
    def _single_chars(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        for c in v:
            if len(c) != 1:
                raise ValueError(f"{c!r} is not a single character")
        return v


class PatternEntry(Entry):
    """A regular expression with examples; the loader checks that it compiles."""

    id: str = Field(pattern=SLUG)
    pattern: str

    @model_validator(mode="after")
    def _compiles(self) -> PatternEntry:
        try:
            re.compile(self.pattern)
        except re.error as exc:
            raise ValueError(f"pattern does not compile: {exc}") from exc
        return self


SIGNAL_CUE_KEYS: dict[str, tuple[str, ...] | None] = {
    "dual_track": ("explicit", "undermine"),
    "visit": None,  # key: the destination state (alpha-3) or "any"
    "accompany": ("any",),
    "stance": ("softer", "harder", "shift", "none"),
    "stance_topic": ("stance",),
    "stance_prior": ("hard", "soft"),
    "commitment": ("promise",),
    "delivery": ("delivered", "shortfall"),
    "round": None,  # key: the round number, or "{n}" filled from a pattern's group n
    "talks": ("talks",),
    "round_off": ("off",),  # the round is postponed or called off: not resumed
    "gap": ("gap",),
    "summit_prep": ("prep",),
    "summit": ("leaders", "apec", "visit"),
    "red_line": ("core", "back"),  # back: the cue points back to the sentence before (这是…的底线)
    "issue": (
        "Taiwan", "technology controls", "Hong Kong", "Xinjiang", "Tibet", "South China Sea",
        "sovereignty", "development rights", "agriculture",
    ),
    "constituency": ("farmers", "workers", "business", "voters"),
    "pressure": ("pressure", "lobby", "company"),  # lobby: a word that presses a government named after it; company: a firm's own lobbying, the firm named before it
}
"""Signal cue families (data/signals/*.yaml) and their allowed keys (None: checked by the family's
own rule). The signal detectors read cues by these names, so a typo in a data file fails on load."""


class SignalCueEntry(Entry):
    """A signal cue: phrases and/or regular expressions that mark one key of one cue family.

    Phrases are matched on the folded, simplified view (write Chinese in simplified form, English
    in any case); patterns are Python regexes run on that view. ``examples`` are sentences we wrote
    in which the extract_cues stage must find this family and key (tests/knowledge/test_signal_cues.py).
    """

    id: str = Field(pattern=SLUG)
    family: str
    key: str = Field(min_length=1)
    lang: str = Field(pattern=r"^(zh|en)$")
    phrases: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    examples: tuple[str, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _check(self) -> SignalCueEntry:
        if self.family not in SIGNAL_CUE_KEYS:
            raise ValueError(f"unknown cue family {self.family!r}")
        allowed = SIGNAL_CUE_KEYS[self.family]
        if allowed is not None and self.key not in allowed:
            raise ValueError(f"key {self.key!r} is not one of {', '.join(allowed)}")
        if self.family == "visit" and not re.fullmatch(r"[A-Z]{3}|any", self.key):
            raise ValueError(f"visit key {self.key!r} must be an alpha-3 code or 'any'")
        if self.family == "round" and not re.fullmatch(r"\d+|\{n\}", self.key):
            raise ValueError(f"round key {self.key!r} must be a number or '{{n}}'")
        if not self.phrases and not self.patterns:
            raise ValueError("give at least one phrase or pattern")
        for pattern in self.patterns:
            try:
                compiled = re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"pattern does not compile: {exc}") from exc
            if "{n}" in self.key and "n" not in compiled.groupindex:
                raise ValueError(f"key {self.key!r} needs a group (?P<n>...) in pattern {pattern!r}")
        if "{n}" in self.key and self.phrases:
            raise ValueError(f"key {self.key!r} is filled from patterns only; phrases cannot fill it")
        return self


class CueExample(BaseModel):
    """A sentence we wrote and the event the coder must read from it (tests/knowledge/test_cues.py).

    ``type`` None means the sentence must yield no event of the entry's type (a cue word in another
    sense, a hypothetical, a question); ``absent`` lists types it must not yield either (the lifting
    asked for in 敦促美方取消关税 is no RETREAT).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str = Field(min_length=2)
    type: EventType | None
    source: str | None = Field(None, pattern=ALPHA3)
    target: str | None = Field(None, pattern=ALPHA3)
    modality: Modality = Modality.ASSERTED
    absent: tuple[EventType, ...] = ()


class EventCueEntry(Entry):
    """Cue phrases of one PLOVER event type in one language (data/events/cues.{zh,en}.yaml).

    A phrase found in a clause codes an event of ``type`` when one of ``needs`` occurs in the same
    clause (if given), none of ``vetoes`` does, and no ``not_before``/``not_after`` phrase touches
    it. ``frame`` says how the parties are read: ``directed`` (subject acts on object), ``visit``
    (the visitor acts, the destination receives), ``judged`` (the subject is the party judged or
    accused — 违反, unfair practices, very respectful; the speaker or the counterpart judges) or
    ``partner`` (the partner named with 与/with receives: 提出与中方磋商 asks China to talk). Cues
    of ``overrides`` types in the same clause yield to this one (a threat of tariffs is THREATEN, not
    SANCTION); ``when_conditional`` re-types a conditional event (a sanction promised on a condition
    is a THREATEN, SCHEMA.md). ``modalities`` are those the act can have: a speech act (an
    accusation, a request) is asserted once voiced, so a planned reading becomes asserted and a
    conditional one (inside a condition) codes nothing. ``content_after`` marks acts whose content
    follows them (敦促美方取消关税: the lifting is asked for, not done), so later cues in the sentence
    code nothing. ``states`` fixes the dyad for forms that name it (a summit nickname).
    ``yields_to`` makes a consent verb code nothing when what it consents to is an act of one of
    those types later in its clause (双方同意举行新一轮磋商, "agreed to hold talks": SCHEMA.md codes a
    scheduled meeting as the meeting, CONSULT planned, not as AGREE). ``consentable: false`` marks a
    talks cue that names a standing channel rather than a meeting one can agree to hold (同意恢复两军
    沟通 "agreed to resume military communication" is an agreement, AGREE).
    ``hedged`` marks words that keep an act in reserve (不排除加征关税, "did not rule out tariffs",
    奉陪到底 "will fight to the end" — if the other side fights): the act is conditional even when
    no condition is spelled out, as SCHEMA.md codes a threat with a condition.
    ``infer: false`` forbids filling a missing target from the article's counterpart state, for weak
    cues whose object must be named.
    """

    id: str = Field(pattern=SLUG)
    type: EventType
    lang: Literal["zh", "en"]
    phrases: tuple[str, ...] = Field(min_length=1)
    needs: tuple[str, ...] = ()
    vetoes: tuple[str, ...] = ()
    not_before: tuple[str, ...] = ()
    not_after: tuple[str, ...] = ()
    frame: Literal["directed", "visit", "judged", "partner"] = "directed"
    overrides: tuple[EventType, ...] = ()
    when_conditional: EventType | None = None
    states: tuple[str, ...] = Field((), description="a fixed (source, target) pair, alpha-3")
    infer: bool = True
    negatable: bool = True
    content_after: bool = Field(False, description="what follows in the sentence is this act's content")
    hedged: bool = Field(False, description="the words themselves make the act conditional (not rule out, fight to the end)")
    measure: str | None = Field(None, description="the kind of measure named (tariffs, controls, listing): two kinds are two acts")
    measures: dict[str, str] = Field(
        default_factory=dict, description="for a cue whose measure is its object: the kind each needed noun names (tariff: tariffs)"
    )
    yields_to: tuple[EventType, ...] = Field(
        (), description="types whose cue, later in the clause, is the act consented to (a meeting agreed on)"
    )
    consentable: bool = Field(True, description="a meeting that agreeing to hold is coded as (false: a standing channel)")
    modalities: tuple[Modality, ...] = (Modality.ASSERTED, Modality.PLANNED, Modality.NEGATED, Modality.CONDITIONAL)
    examples: tuple[CueExample, ...] = Field(min_length=1)

    @field_validator("states")
    @classmethod
    def _pair(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        if v and (len(v) != 2 or not all(re.fullmatch(ALPHA3, s) for s in v)):
            raise ValueError("states must be two alpha-3 codes (source, target)")
        return v

    @model_validator(mode="after")
    def _measured_nouns_are_needed(self) -> EventCueEntry:
        """A noun of ``measures`` that is not among ``needs`` could never be read."""
        stray = sorted(set(self.measures) - set(self.needs))
        if stray:
            raise ValueError(f"measures names nouns that needs does not list: {stray}")
        return self


class ModalityCueEntry(Entry):
    """Words that set an event's modality (data/events/modality.yaml).

    ``scope`` says where the word acts: ``before`` (within ``window`` characters before the cue in
    its clause: 将, 未, will, not), ``after`` (after the cue in its sentence: 是不实报道),
    ``condition`` (opens a condition: cues inside it are hypothetical and dropped, cues elsewhere in
    the sentence are conditional: 如果, if), ``consequence`` (取决于, 否则: the rest of the sentence
    is conditional), ``question`` (是否, whether: cues in its clause are not asserted and dropped),
    ``opinion`` (民调, poll: what respondents think, so cues in its whole sentence are dropped),
    ``presupposed`` (哪些, 为什么, why: a question asking about an act takes the act as given, so
    the question mark does not drop the cues of its sentence).
    ``object_marker`` marks a word that may also introduce an object (将 as 把): it is ignored where
    it marks a party as the object (将三家美国企业列入清单). ``asks_forward`` marks a question word
    that opens only what follows it in its clause: an act written before it is what the question is
    about ("opened an investigation into whether China honored the deal"), where a circumstance frame
    (在制裁没有解除的情况下) holds the act before it.
    """

    id: str = Field(pattern=SLUG)
    lang: Literal["zh", "en"]
    modality: Modality | None = Field(None, description="None only for scopes question, opinion and presupposed")
    scope: Literal["before", "after", "condition", "consequence", "question", "opinion", "presupposed"] = "before"
    phrases: tuple[str, ...] = Field(min_length=1)
    window: int = Field(12, ge=0)
    not_before: tuple[str, ...] = ()
    not_after: tuple[str, ...] = ()
    object_marker: bool = False
    asks_forward: bool = False

    @model_validator(mode="after")
    def _modality_given(self) -> ModalityCueEntry:
        if (self.modality is None) != (self.scope in ("question", "opinion", "presupposed")):
            raise ValueError("give a modality, except for scopes question, opinion and presupposed (which give none)")
        return self


class PartyWordEntry(Entry):
    """Words that name or mark a party of an event (data/events/parties.yaml).

    With ``states`` the word names parties itself: 对华 (target CHN), 中美 (a pair), 访华. Without
    ``states`` it is a marker that gives ``role`` to the party that starts within ``window``
    characters after it: 对/向/on/against mark the target, 被/by the acting source (passive),
    与/with a counterpart. ``both`` words (双方, both sides) stand for the last two states named;
    ``other`` words (对方, the other side) for the counterpart of the acting state. A ``topic`` marker
    (对于, as for) gives no role: it only keeps a shorter marker inside it (对) from acting. A
    ``pronoun`` (他, she) stands for the person named last before it.
    """

    id: str = Field(pattern=SLUG)
    lang: Literal["zh", "en"]
    role: Literal["target", "source", "pair", "both", "counterpart", "other", "topic", "pronoun"]
    phrases: tuple[str, ...] = Field(min_length=1)
    states: tuple[str, ...] = ()
    window: int = Field(4, ge=0)

    @field_validator("states")
    @classmethod
    def _codes(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        for s in v:
            if not re.fullmatch(ALPHA3, s):
                raise ValueError(f"{s!r} is not an alpha-3 code")
        return v
