"""Pydantic models of the knowledge data files' entries (one model per file kind, extra="forbid").

Each YAML data file is ``{version, description, entries: [...]}``; ``FILE_KINDS`` maps the ``kind``
that MANIFEST.yaml gives a file to the model its entries must follow. CSV files have one row per
entry, validated by the same models.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from tealeaves.model import EventType, Modality

ALPHA3 = r"^[A-Z]{3}$"
SLUG = r"^[a-z0-9][a-z0-9_]*$"


class Entry(BaseModel):
    """Base of every data entry: frozen, no unknown keys, a non-empty source."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    source: str = Field(min_length=3)


class Aliases(BaseModel):
    """Surface forms of a name by language. zh is simplified (matching runs on the t2s view);
    zh-Hant holds only traditional forms OpenCC does not map to a listed simplified one."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    en: tuple[str, ...] = ()
    zh: tuple[str, ...] = ()
    zh_hant: tuple[str, ...] = Field((), alias="zh-Hant")

    def all(self) -> tuple[str, ...]:
        """Every alias, in file order."""
        return self.en + self.zh + self.zh_hant


class RoleSpell(BaseModel):
    """A period during which a person held a role (``to`` None: still holds it)."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    role: str = Field(pattern=SLUG)
    from_: dt.date = Field(alias="from")
    to: dt.date | None = None
    source: str = Field(min_length=3)


class SanctionSpell(BaseModel):
    """A sanction placed on a person or body by a state (``by``, alpha-3)."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    by: str = Field(pattern=ALPHA3)
    from_: dt.date | None = Field(None, alias="from")
    to: dt.date | None = None
    reason: str = ""
    source: str = Field(min_length=3)


class ActorEntry(Entry):
    """Fields shared by persons, organizations and places."""

    id: str = Field(pattern=SLUG)
    name: str = Field(min_length=1, description="English Wikipedia title")
    aliases: Aliases = Field(default_factory=lambda: Aliases())
    ambiguous: tuple[str, ...] = Field((), description="aliases knowingly shared with another actor")
    allow_short: bool = Field(False, description="a one-character zh alias is intended")


class PersonEntry(ActorEntry):
    """A person with dated roles and sanctions."""

    state: str = Field(pattern=ALPHA3)
    roles: tuple[RoleSpell, ...] = ()
    sanctions: tuple[SanctionSpell, ...] = ()


class OrganizationEntry(ActorEntry):
    """A ministry, agency, company, association, international body or media outlet."""

    state: str | None = Field(None, pattern=ALPHA3, description="None for international bodies")
    category: str = Field(pattern=SLUG, description="ministry, agency, legislature, company, media, international ...")
    parent: str | None = Field(None, pattern=SLUG)
    sanctions: tuple[SanctionSpell, ...] = ()


class PlaceEntry(ActorEntry):
    """A country, region, city or venue.

    For a country, ``state`` is its own alpha-3 and ``state_aliases`` are forms that stand for the
    state as a party rather than a location (美方, 中方, 华府 ...).
    """

    category: str = Field(pattern=r"^(country|region|city|venue|sea|continent|bloc)$")
    state: str | None = Field(None, pattern=ALPHA3)
    state_aliases: Aliases = Field(default_factory=lambda: Aliases())


class RoleEntry(Entry):
    """An office that one person holds at a time, with its descriptors.

    ``aliases`` name the office with its state (美国财长, US Treasury Secretary) and resolve to the
    holder at the article's date; ``bare`` aliases (财长, the Treasury Secretary) resolve only when
    the state is clear from nearby text.
    """

    id: str = Field(pattern=SLUG)
    title: str
    state: str | None = Field(None, pattern=ALPHA3)
    org: str | None = Field(None, pattern=SLUG)
    aliases: Aliases = Field(default_factory=lambda: Aliases())
    bare: Aliases = Field(default_factory=lambda: Aliases())


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
    "gap": ("gap",),
    "summit_prep": ("prep",),
    "summit": ("leaders", "apec", "visit"),
    "red_line": ("core", "back"),  # back: the cue points back to the sentence before (这是…的底线)
    "issue": (
        "Taiwan", "technology controls", "Hong Kong", "Xinjiang", "Tibet", "South China Sea",
        "sovereignty", "development rights", "agriculture",
    ),
    "constituency": ("farmers", "workers", "business", "voters"),
    "pressure": ("pressure",),
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


class CompoundEntry(Entry):
    """A fixed form that names several persons at once, such as a summit nickname (川习会).

    Short forms (川, 习, 特) are never aliases on their own; they count only inside a listed compound,
    which the extractor turns into one mention of each member, all quoting the compound.
    """

    id: str = Field(pattern=SLUG)
    aliases: Aliases
    members: tuple[str, ...] = Field(min_length=2, description="person ids")


class NonNameEntry(Entry):
    """Phrases that contain a listed name but are not one: 政治局势 ("political situation") holds 政治局
    (the Politburo), 韩正式 ("Korea formally") holds 韩正 (Han Zheng). The scanner prefers the longer
    phrase, so listing it here keeps the name inside from matching."""

    id: str = Field(pattern=SLUG)
    aliases: Aliases


class LocativeEntry(Entry):
    """Cue words that mark a country or capital named next to them as a location, not the acting state.

    ``side: before`` words precede the name (在, 赴, "in"); ``side: after`` words follow it (会谈 in
    "马来西亚会谈"). ``gap`` is a regular expression for what may stand between the word and the name
    (a space, an article, a round number); it is matched on the folded, simplified view.
    """

    id: str = Field(pattern=SLUG)
    lang: Literal["zh", "en"]
    side: Literal["before", "after"]
    words: tuple[str, ...] = Field(min_length=1)
    gap: str = ""
    not_after: tuple[str, ...] = Field((), description="text that, right before a before-word, makes it part of another word")
    strength: Literal["strong", "weak"] = Field(
        "strong", description="weak cues (at, in) describe where a state's own affairs happen; they make a country a place only when it is not one of the article's main parties"
    )

    @field_validator("gap")
    @classmethod
    def _gap_compiles(cls, v: str) -> str:
        try:
            re.compile(v)
        except re.error as exc:
            raise ValueError(f"gap does not compile: {exc}") from exc
        return v


class PersonTitleEntry(Entry):
    """Titles written before a person's name ("Senator", "Prime Minister"); a capitalised name right
    after one is taken as a person even when we do not list them. ``use: not_name`` lists words that
    are never part of such a name (Ministry, Monday ...); ``use: role_blocker`` lists words that, right
    before a role descriptor, make it another office or another time (副总理, 前总统, "Vice Premier",
    "former President"), so the descriptor does not name the current holder."""

    id: str = Field(pattern=SLUG)
    lang: Literal["en", "zh"]
    use: Literal["title", "not_name", "role_blocker"] = "title"
    words: tuple[str, ...] = Field(min_length=1)


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
    accused — 违反, unfair practices, very respectful; the speaker or the counterpart judges). Cues
    of ``overrides`` types in the same clause yield to this one (a threat of tariffs is THREATEN, not
    SANCTION); ``when_conditional`` re-types a conditional event (a sanction promised on a condition
    is a THREATEN, SCHEMA.md). ``modalities`` are those the act can have: a speech act (an
    accusation, a request) is asserted once voiced, so a planned reading becomes asserted and a
    conditional one (inside a condition) codes nothing. ``content_after`` marks acts whose content
    follows them (敦促美方取消关税: the lifting is asked for, not done), so later cues in the sentence
    code nothing. ``states`` fixes the dyad for forms that name it (a summit nickname).
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
    frame: Literal["directed", "visit", "judged"] = "directed"
    overrides: tuple[EventType, ...] = ()
    when_conditional: EventType | None = None
    states: tuple[str, ...] = Field((), description="a fixed (source, target) pair, alpha-3")
    infer: bool = True
    negatable: bool = True
    content_after: bool = Field(False, description="what follows in the sentence is this act's content")
    modalities: tuple[Modality, ...] = (Modality.ASSERTED, Modality.PLANNED, Modality.NEGATED, Modality.CONDITIONAL)
    examples: tuple[CueExample, ...] = Field(min_length=1)

    @field_validator("states")
    @classmethod
    def _pair(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        if v and (len(v) != 2 or not all(re.fullmatch(ALPHA3, s) for s in v)):
            raise ValueError("states must be two alpha-3 codes (source, target)")
        return v


class ModalityCueEntry(Entry):
    """Words that set an event's modality (data/events/modality.yaml).

    ``scope`` says where the word acts: ``before`` (within ``window`` characters before the cue in
    its clause: 将, 未, will, not), ``after`` (after the cue in its sentence: 是不实报道),
    ``condition`` (opens a condition: cues inside it are hypothetical and dropped, cues elsewhere in
    the sentence are conditional: 如果, if), ``consequence`` (取决于, 否则: the rest of the sentence
    is conditional), ``question`` (是否, whether: cues in its clause are not asserted and dropped),
    ``opinion`` (民调, poll: what respondents think, so cues in its whole sentence are dropped).
    ``object_marker`` marks a word that may also introduce an object (将 as 把): it is ignored where
    it marks a party as the object (将三家美国企业列入清单).
    """

    id: str = Field(pattern=SLUG)
    lang: Literal["zh", "en"]
    modality: Modality | None = Field(None, description="None only for scopes question and opinion")
    scope: Literal["before", "after", "condition", "consequence", "question", "opinion"] = "before"
    phrases: tuple[str, ...] = Field(min_length=1)
    window: int = Field(12, ge=0)
    not_before: tuple[str, ...] = ()
    not_after: tuple[str, ...] = ()
    object_marker: bool = False

    @model_validator(mode="after")
    def _modality_given(self) -> ModalityCueEntry:
        if (self.modality is None) != (self.scope in ("question", "opinion")):
            raise ValueError("give a modality, except for scopes question and opinion (which give none)")
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


class UnitEntry(Entry):
    """One surface form of a unit (data/units.csv): ``form`` as written, converted to ``unit`` by
    ``factor`` (or by the measured commodity's ``bushel_kg`` when ``factor_from`` says so).

    ``position`` says whether the form follows the number (吨, tons, %), precedes it ($, 百分之) or
    either (RMB, USD); ``commodity_scope`` how far to look for the good it measures (none for
    percentages, the sentence for money, earlier sentences too for tonnes); ``not_next``/``not_prev``
    ("|"-separated in CSV) are neighbours that cancel the match (元首 is a head of state, 1日元旦 a
    date). ``example`` is a sentence we wrote whose one quantity is ``example_value`` base units.
    """

    id: str = Field(pattern=SLUG)
    form: str = Field(min_length=1)
    lang: Literal["zh", "en", "any"]
    unit: str = Field(pattern=r"^[A-Za-z%][A-Za-z0-9%]*$")
    factor: float | None = Field(None, gt=0)
    factor_from: Literal["bushel_kg"] | None = None
    dimension: Literal["mass", "money", "percent", "volume", "count"]
    position: Literal["prefix", "suffix", "both"]
    commodity_scope: Literal["none", "clause", "sentence", "discourse"]
    not_next: tuple[str, ...] = ()
    not_prev: tuple[str, ...] = ()
    example: str = Field(min_length=1)
    example_value: float

    @field_validator("not_next", "not_prev", mode="before")
    @classmethod
    def _split_bars(cls, v: object) -> object:
        return tuple(x for x in v.split("|") if x) if isinstance(v, str) else v

    @model_validator(mode="after")
    def _one_factor(self) -> UnitEntry:
        if (self.factor is None) == (self.factor_from is None):
            raise ValueError("give exactly one of factor and factor_from")
        return self


class CommodityEntry(Entry):
    """A traded good (data/commodities.yaml). ``name`` is the English plural in lower case that
    the gold uses (soybeans, rare earths); ``bushel_kg`` converts bushels of it to tonnes."""

    id: str = Field(pattern=SLUG)
    name: str = Field(min_length=1)
    aliases: Aliases
    bushel_kg: float | None = Field(None, gt=0)
    allow_short: bool = Field(False, description="a one-character zh alias (aluminum, gallium) is intended")

    @model_validator(mode="after")
    def _check_forms(self) -> CommodityEntry:
        if self.name != self.name.lower():
            raise ValueError(f"name {self.name!r} must be lower case")
        for alias in self.aliases.all():
            if len(alias.strip()) == 1 and not alias.isascii() and not self.allow_short:
                raise ValueError(f"one-character alias {alias!r} needs allow_short: true")
        return self


class QuantityCueEntry(Entry):
    """Words around a number that qualify it (data/quantities.yaml): a ``bound`` (至少, about), a
    ``rate`` (每年, a year), a ``per_unit`` price (每吨, per bushel: not an amount), a ``range``
    joiner (至, -, to), a ``range_open`` (between), a ``change_open`` (from 10 to 25 percent is a
    change, not a range), a ``vague`` prefix (数, 几: no amount), an
    ``exchange`` mark between two currencies (1美元兑7.1元: a rate, no amount), a ``conversion``
    mark before an amount restated in another unit (329亿美元（约合2270亿元）) or a ``clause_break``. ``value`` is the bound (at_least, at_most, about) or the rate's period
    (year, month, day)."""

    id: str = Field(pattern=SLUG)
    role: Literal[
        "bound", "rate", "per_unit", "range", "range_open", "change_open", "vague", "exchange", "conversion",
        "clause_break",
    ]
    position: Literal["before", "after", "between"]
    value: str = ""
    forms: Aliases

    @model_validator(mode="after")
    def _check_value(self) -> QuantityCueEntry:
        allowed = {"bound": {"at_least", "at_most", "about"}, "rate": {"year", "month", "day"}}.get(self.role, {""})
        if self.value not in allowed:
            raise ValueError(f"value {self.value!r} is not one of {sorted(allowed)} for role {self.role}")
        return self


DATE_INT_SLOTS: dict[str, tuple[int, int]] = {
    "month": (1, 12),
    "weekday": (0, 6),
    "weekday_dir": (-1, 1),
    "month_dir": (-1, 1),
    "rel_day": (-3, 3),
    "rel_week": (-2, 2),
    "rel_month": (-12, 12),
    "rel_year": (-5, 5),
    "quarter": (1, 4),
    "count": (0, 100),
    "unit": (1, 12),
    "numeral": (0, 10),
    "marker": (0, 0),
}
DATE_NAME_SLOTS: dict[str, tuple[str, ...]] = {
    "part": ("early", "mid", "late", "h1", "h2"),
    "anaphor": ("year", "day", "next_day", "next_year"),
}
"""Date word slots (data/dates.*.yaml) and their allowed values. ``weekday`` counts from Monday 0;
``*_dir`` is -1 last, 0 this, +1 next; ``unit`` is months per unit (a quarter is 3); ``marker`` words
only match; parts follow SCHEMA.md (early/mid/late, h1/h2 halves)."""

DATE_CUES = ("future", "past", "clause", "quote_open", "quote_close", "range", "pair", "pair_opener")
"""Date cue lists: tense words, clause and quotation marks, and the words that join two dates."""


class DateWord(BaseModel):
    """A date word's value with guards on its neighbours (checked on the matching view).

    ``cased`` words count only when written with a capital (May the month, not may the verb).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    value: int | str
    followed_by: tuple[str, ...] = ()
    not_followed_by: tuple[str, ...] = ()
    not_preceded_by: tuple[str, ...] = ()
    cased: bool = False


class DateExample(BaseModel):
    """A sentence we wrote, its publication date, and every date value the extractor must find in
    it, in order of appearance (``?`` for a relative date left unresolved)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str = Field(min_length=1)
    published: dt.date | None = dt.date(2026, 3, 14)
    expect: tuple[str, ...]


class DateEntry(Entry):
    """One entry of a date grammar (data/dates.*.yaml; ``lang: und`` entries join every language).

    Three shapes: a word class (``slot`` + ``words``: surface form -> value), a cue list (``cue`` +
    ``phrases``) or a ``template``: a regular expression over the matching view in which ``{name}``
    stands for a word class of the same language (``{~name}`` matches it without using its value,
    ``{<name}`` requires one of its words and a space right before, ``{name:end}`` fills the end of
    a range) or for a number (``year``, ``month``, ``day``, ``count``, ``quarter``; ``_digits`` for
    Arabic digits only). ``fixed`` gives slot values the template implies (年底 alone: this year);
    ``mode`` selects a special reading (``through``: N units through a month; ``decade``).
    Templates are tried in file order at each position, so longer constructions come first.
    """

    id: str = Field(pattern=SLUG)
    lang: Literal["zh", "en", "und"]
    slot: str | None = None
    words: dict[str, int | str | DateWord] = Field(default_factory=dict)
    cue: str | None = None
    phrases: tuple[str, ...] = ()
    template: str | None = None
    fixed: dict[str, int | str] = Field(default_factory=dict)
    mode: Literal["through", "decade"] | None = None
    examples: tuple[DateExample, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _check(self) -> DateEntry:
        shapes = (bool(self.words or self.slot), bool(self.phrases or self.cue), self.template is not None)
        if sum(shapes) != 1:
            raise ValueError("give exactly one of: slot + words, cue + phrases, template")
        if shapes[0]:
            if self.slot is None or not self.words:
                raise ValueError("a word class needs a slot and words")
            for word, value in self.words.items():
                _check_date_value(self.slot, value.value if isinstance(value, DateWord) else value, word)
        if shapes[1] and (self.cue not in DATE_CUES or not self.phrases):
            raise ValueError(f"a cue list needs a cue ({', '.join(DATE_CUES)}) and phrases")
        for slot, value in self.fixed.items():
            _check_date_value(slot, value, "fixed")
        if (self.fixed or self.mode) and self.template is None:
            raise ValueError("fixed and mode belong to templates")
        return self


def _check_date_value(slot: str, value: int | str, where: str) -> None:
    if slot in DATE_INT_SLOTS:
        lo, hi = DATE_INT_SLOTS[slot]
        if not isinstance(value, int) or not lo <= value <= hi:
            raise ValueError(f"{where}: {slot} value {value!r} is not an integer in {lo}..{hi}")
    elif slot in DATE_NAME_SLOTS:
        if value not in DATE_NAME_SLOTS[slot]:
            raise ValueError(f"{where}: {slot} value {value!r} is not one of {', '.join(DATE_NAME_SLOTS[slot])}")
    else:
        raise ValueError(f"{where}: unknown slot {slot!r}")


FILE_KINDS: dict[str, type[Entry]] = {
    "persons": PersonEntry,
    "organizations": OrganizationEntry,
    "places": PlaceEntry,
    "roles": RoleEntry,
    "text": TextEntry,
    "compounds": CompoundEntry,
    "non_names": NonNameEntry,
    "locatives": LocativeEntry,
    "person_titles": PersonTitleEntry,
    "signal_cues": SignalCueEntry,
    "event_cues": EventCueEntry,
    "modality_cues": ModalityCueEntry,
    "party_words": PartyWordEntry,
    "units": UnitEntry,
    "commodities": CommodityEntry,
    "quantity_cues": QuantityCueEntry,
    "dates": DateEntry,
}
"""File kind (as written in MANIFEST.yaml) -> entry model. Extractors add their kinds here."""

ACTOR_KINDS = ("persons", "organizations", "places")
