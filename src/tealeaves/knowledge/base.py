"""The KnowledgeBase: validated entries plus the lookups and compiled indexes the extractors need.

It is built once by ``load_knowledge`` and never changes afterwards; the compiled indexes are built
on first use (``cached_property``) so that a command that needs only dates does not pay for actors.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from typing import TypeVar

from tealeaves.knowledge.phrases import PhraseIndex
from tealeaves.knowledge.schema import (
    ActorEntry,
    Entry,
    OrganizationEntry,
    PersonEntry,
    PlaceEntry,
    RoleEntry,
    TextEntry,
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

    def holder(self, role_id: str, on: dt.date) -> PersonEntry | None:
        """The person holding ``role_id`` on ``on``; None when nobody listed held it then.

        A role held by nobody yet, or by someone else at that date, does not resolve to the wrong
        person: only spells with ``from <= on <= to`` count. When spells overlap (a hand-over day),
        the one that started last wins.
        """
        best: tuple[dt.date, PersonEntry] | None = None
        for person in self.persons.values():
            for spell in person.roles:
                if spell.role == role_id and spell.from_ <= on and (spell.to is None or on <= spell.to):
                    if best is None or spell.from_ > best[0]:
                        best = (spell.from_, person)
        return best[1] if best else None

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
    def alias_index(self) -> PhraseIndex[AliasTarget]:
        """Every actor alias, state short form and role descriptor, compiled for scanning."""
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
        return PhraseIndex(table)
