"""The KnowledgeBase: validated entries plus the lookups and compiled indexes the extractors need.

It is built once by ``load_knowledge`` and never changes afterwards; the compiled indexes are built
on first use (``cached_property``) so that a command that needs only dates does not pay for actors.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import TypeVar

from tealeaves.knowledge.dategrammar import DateGrammar, compile_date_grammars
from tealeaves.knowledge.phrases import PhraseIndex, fold_phrase
from tealeaves.knowledge.schema import (
    ActorEntry,
    CommodityEntry,
    CompoundEntry,
    NonNameEntry,
    DateEntry,
    Entry,
    EventCueEntry,
    ModalityCueEntry,
    PartyWordEntry,
    OrganizationEntry,
    PersonEntry,
    PlaceEntry,
    QuantityCueEntry,
    RoleEntry,
    RoleSpell,
    SignalCueEntry,
    TextEntry,
    UnitEntry,
)

E = TypeVar("E", bound=Entry)


@dataclass(frozen=True)
class AliasTarget:
    """What an alias stands for: an actor (``kind`` persons/organizations/places), a state acting as
    a party (``kind`` states, ``id`` the alpha-3) or a role (``kind`` roles, resolved by date).

    ``bare`` marks a role descriptor without its state (财长), which needs context to resolve.
    """

    kind: str
    id: str
    bare: bool = False


@dataclass(frozen=True)
class CueTarget:
    """What a signal cue phrase or pattern marks: a cue family and a key (data/signals/*.yaml).

    ``key`` may hold ``{n}`` when it comes from a pattern; the scanner fills it from group ``n``.
    """

    family: str
    key: str


@dataclass(frozen=True)
class CuePattern:
    """One signal cue regex (run on the view of documents in ``lang``) and what it marks."""

    lang: str
    regex: re.Pattern[str]
    target: CueTarget


P = TypeVar("P")


def _phrase_index(pairs: Iterable[tuple[Iterable[str], P]]) -> PhraseIndex[P]:
    """Index every form of every ``(forms, payload)`` pair: the shape of each cue and unit table."""
    table: dict[str, list[P]] = {}
    for forms, payload in pairs:
        for form in forms:
            table.setdefault(form, []).append(payload)
    return PhraseIndex(table)


class KnowledgeBase:
    """Validated knowledge entries by file kind, with actor, role and alias lookups.

    Example::

        kb = load_knowledge()
        kb.holder("us_treasury_secretary", date(2026, 3, 14)).name  # 'Scott Bessent'
    """

    def __init__(self, version: str, entries: dict[str, tuple[Entry, ...]]) -> None:
        self.version = version
        self._entries = entries
        self.persons: dict[str, PersonEntry] = {e.id: e for e in entries.get("persons", ()) if isinstance(e, PersonEntry)}
        self.organizations: dict[str, OrganizationEntry] = {
            e.id: e for e in entries.get("organizations", ()) if isinstance(e, OrganizationEntry)
        }
        self.places: dict[str, PlaceEntry] = {e.id: e for e in entries.get("places", ()) if isinstance(e, PlaceEntry)}
        self.roles: dict[str, RoleEntry] = {e.id: e for e in entries.get("roles", ()) if isinstance(e, RoleEntry)}
        self.countries: dict[str, PlaceEntry] = {
            p.state: p for p in self.places.values() if p.category == "country" and p.state
        }

    def entries(self, kind: str, model: type[E]) -> tuple[E, ...]:
        """All entries of a file kind, typed as ``model`` (entries of another type are skipped)."""
        return tuple(e for e in self._entries.get(kind, ()) if isinstance(e, model))

    def actor(self, actor_id: str) -> ActorEntry | None:
        """The person, organization or place with this id, or None."""
        return self.persons.get(actor_id) or self.organizations.get(actor_id) or self.places.get(actor_id)

    def person(self, person_id: str) -> PersonEntry | None:
        """The person with this id, or None."""
        return self.persons.get(person_id)

    def country_name(self, alpha3: str) -> str | None:
        """English Wikipedia title of the country with this alpha-3 code, or None when not listed."""
        entry = self.countries.get(alpha3)
        return entry.name if entry else None

    def acts_for(self, person_id: str, on: dt.date | None) -> str | None:
        """The state the person stands for on ``on``: the state of an office they hold that day when
        it is not their own (an EU commissioner acts for the European Union, EUR), else their own
        state; their own state when the day is unknown."""
        person = self.persons.get(person_id)
        if person is None:
            return None
        if on is not None:
            for spell in person.roles:
                if spell.from_ <= on and (spell.to is None or on <= spell.to):
                    role = self.roles.get(spell.role)
                    if role is not None and role.state and role.state != person.state:
                        return role.state
        return person.state

    def holder(self, role_id: str, on: dt.date) -> PersonEntry | None:
        """The person holding ``role_id`` on ``on``; None when nobody listed held it then.

        A role held by nobody yet, or by someone else at that date, does not resolve to the wrong
        person: only spells with ``from <= on <= to`` count. When spells overlap (a hand-over day),
        the one that started last wins.
        """
        best: tuple[dt.date, PersonEntry] | None = None
        for person, spell in self._spells_by_role.get(role_id, ()):
            if spell.from_ <= on and (spell.to is None or on <= spell.to):
                if best is None or spell.from_ > best[0]:
                    best = (spell.from_, person)
        return best[1] if best else None

    @cached_property
    def _spells_by_role(self) -> dict[str, tuple[tuple[PersonEntry, RoleSpell], ...]]:
        """Every role spell by role id, so that ``holder`` does not walk all persons per call."""
        out: dict[str, list[tuple[PersonEntry, RoleSpell]]] = {}
        for person in self.persons.values():
            for spell in person.roles:
                out.setdefault(spell.role, []).append((person, spell))
        return {k: tuple(v) for k, v in out.items()}

    def sanctioned_by(self, actor_id: str, on: dt.date | None) -> tuple[str, ...]:
        """States (alpha-3) that have sanctions in force on this actor on ``on`` (any date if None)."""
        entry = self.actor(actor_id)
        out: list[str] = []
        for s in getattr(entry, "sanctions", ()):
            started = on is None or s.from_ is None or s.from_ <= on
            ended = on is not None and s.to is not None and s.to < on
            if started and not ended and s.by not in out:
                out.append(s.by)
        return tuple(out)

    def text_chars(self, class_id: str) -> frozenset[str]:
        """The characters of a punctuation class in data/text.yaml (empty when not defined)."""
        for e in self.entries("text", TextEntry):
            if e.id == class_id:
                return frozenset(e.chars)
        return frozenset()

    def text_words(self, class_id: str) -> frozenset[str]:
        """The words of a word class in data/text.yaml, such as English abbreviations."""
        for e in self.entries("text", TextEntry):
            if e.id == class_id:
                return frozenset(e.words)
        return frozenset()

    @cached_property
    def date_grammars(self) -> Mapping[str, DateGrammar]:
        """The date grammar of each language (data/dates.*.yaml), each compiled on first lookup."""
        return compile_date_grammars(self.entries("dates", DateEntry))

    @cached_property
    def alias_index(self) -> PhraseIndex[AliasTarget]:
        """Every actor alias, state short form and role descriptor, compiled for scanning."""
        return PhraseIndex(self._alias_table())

    @cached_property
    def alias_spellings(self) -> dict[str, frozenset[str]]:
        """Folded alias -> the spellings the data writes it in. The index folds case away; the entity
        extractor needs the written case to tell the acronym "US" from the pronoun "us"."""
        out: dict[str, set[str]] = {}
        for form in self._alias_table():
            out.setdefault(fold_phrase(form.strip()), set()).add(form.strip())
        return {k: frozenset(v) for k, v in out.items()}

    def _alias_table(self) -> dict[str, list[AliasTarget]]:
        table: dict[str, list[AliasTarget]] = {}

        def add(forms: tuple[str, ...], target: AliasTarget) -> None:
            for form in forms:
                table.setdefault(form, []).append(target)

        for kind, group in (("persons", self.persons), ("organizations", self.organizations), ("places", self.places)):
            for e in group.values():
                add((e.name, *e.aliases.all()), AliasTarget(kind, e.id))
        for place in self.places.values():
            if place.state:
                add(place.state_aliases.all(), AliasTarget("states", place.state))
        for role in self.roles.values():
            add(role.aliases.all(), AliasTarget("roles", role.id))
            add(role.bare.all(), AliasTarget("roles", role.id, bare=True))
        for compound in self.compounds.values():
            add(compound.aliases.all(), AliasTarget("compounds", compound.id))
        for non_name in self.entries("non_names", NonNameEntry):
            add(non_name.aliases.all(), AliasTarget("non_names", non_name.id))
        return table

    @cached_property
    def compounds(self) -> dict[str, CompoundEntry]:
        """Forms naming several persons at once (川习会), by id (data/actors/compounds.yaml)."""
        return {e.id: e for e in self.entries("compounds", CompoundEntry)}

    @cached_property
    def signal_cue_index(self) -> PhraseIndex[CueTarget]:
        """Every signal cue phrase (data/signals/*.yaml), compiled for one scan of the view."""
        return _phrase_index((e.phrases, CueTarget(e.family, e.key)) for e in self.entries("signal_cues", SignalCueEntry))

    @cached_property
    def signal_cue_patterns(self) -> tuple[CuePattern, ...]:
        """Every signal cue regex, compiled, with its language and what it marks.

        Each is scanned on its own: joining them into one alternation would cost the engine its
        search for a literal first character, which is what makes a scan fast.
        """
        return tuple(
            CuePattern(e.lang, re.compile(p), CueTarget(e.family, e.key))
            for e in self.entries("signal_cues", SignalCueEntry)
            for p in e.patterns
        )

    @cached_property
    def event_cue_index(self) -> PhraseIndex[EventCueEntry]:
        """Every event cue phrase (data/events/cues.*.yaml) -> the cue entries it belongs to."""
        return _phrase_index((e.phrases, e) for e in self.entries("event_cues", EventCueEntry))

    @cached_property
    def modality_cue_index(self) -> PhraseIndex[ModalityCueEntry]:
        """Every modality word (data/events/modality.yaml) -> its entries."""
        return _phrase_index((e.phrases, e) for e in self.entries("modality_cues", ModalityCueEntry))

    @cached_property
    def unit_index(self) -> PhraseIndex[UnitEntry]:
        """Every unit surface form (data/units.csv) -> its rows, looked up next to numbers."""
        return _phrase_index(((e.form,), e) for e in self.entries("units", UnitEntry))

    @cached_property
    def commodity_index(self) -> PhraseIndex[CommodityEntry]:
        """Every commodity name and alias (data/commodities.yaml) -> its entry."""
        return _phrase_index(((e.name, *e.aliases.all()), e) for e in self.entries("commodities", CommodityEntry))

    @cached_property
    def quantity_cue_index(self) -> PhraseIndex[QuantityCueEntry]:
        """Bound, rate, price, range and clause cues around numbers (data/quantities.yaml)."""
        return _phrase_index((e.forms.all(), e) for e in self.entries("quantity_cues", QuantityCueEntry))

    @cached_property
    def party_word_index(self) -> PhraseIndex[PartyWordEntry]:
        """Every party word and role marker (data/events/parties.yaml) -> its entries."""
        return _phrase_index((e.phrases, e) for e in self.entries("party_words", PartyWordEntry))
