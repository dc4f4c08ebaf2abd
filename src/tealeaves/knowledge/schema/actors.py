"""Entry models of the actor files: persons, organizations and places with their dated roles and
sanctions, office roles, and the words around names (compounds, non-names, locatives, titles)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from tealeaves.knowledge.schema.common import ALPHA3, SLUG, Entry, Aliases


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


class AnaphorEntry(Entry):
    """A definite description that points back to an organization named shortly before: "the
    ministry", "the agency", 该部. It names the last organization of one of ``categories`` named
    within ``reach`` characters before it, and nothing when there is none (a reader cannot tell
    which body is meant either)."""

    id: str = Field(pattern=SLUG)
    lang: Literal["en", "zh"]
    words: tuple[str, ...] = Field(min_length=1)
    categories: tuple[str, ...] = Field(min_length=1, description="organization categories it may point back to")
    reach: int = Field(800, gt=0, description="how far back (characters) the organization may be named")
    not_after: tuple[str, ...] = Field((), description="text that, right after a word, makes it part of another word")


ACTOR_KINDS = ("persons", "organizations", "places")
