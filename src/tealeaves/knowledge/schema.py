"""Pydantic models of the knowledge data files' entries (one model per file kind, extra="forbid").

Each YAML data file is ``{version, description, entries: [...]}``; ``FILE_KINDS`` maps the ``kind``
that MANIFEST.yaml gives a file to the model its entries must follow. CSV files have one row per
entry, validated by the same models.
"""

from __future__ import annotations

import datetime as dt
import re

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

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
    aliases: Aliases = Aliases()
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
    state_aliases: Aliases = Aliases()


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
    aliases: Aliases = Aliases()
    bare: Aliases = Aliases()


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


FILE_KINDS: dict[str, type[Entry]] = {
    "persons": PersonEntry,
    "organizations": OrganizationEntry,
    "places": PlaceEntry,
    "roles": RoleEntry,
    "text": TextEntry,
}
"""File kind (as written in MANIFEST.yaml) -> entry model. Extractors add their kinds here."""

ACTOR_KINDS = ("persons", "organizations", "places")
