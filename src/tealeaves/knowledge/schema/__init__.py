"""Pydantic models of the knowledge data files' entries (one model per file kind, extra="forbid").

Each YAML data file is ``{version, description, entries: [...]}``; ``FILE_KINDS`` maps the ``kind``
that MANIFEST.yaml gives a file to the model its entries must follow. CSV files have one row per
entry, validated by the same models. The models live in one module per family of files (common,
actors, cues, quantities, dates); this package re-exports them all.
"""

from __future__ import annotations

from tealeaves.knowledge.schema.actors import (
    ACTOR_KINDS,
    ActorEntry,
    AnaphorEntry,
    CompoundEntry,
    LocativeEntry,
    NonNameEntry,
    OrganizationEntry,
    PersonEntry,
    PersonTitleEntry,
    PlaceEntry,
    RoleEntry,
    RoleSpell,
    SanctionSpell,
)
from tealeaves.knowledge.schema.common import (
    ALPHA3,
    SLUG,
    Aliases,
    Entry,
)
from tealeaves.knowledge.schema.cues import (
    SIGNAL_CUE_KEYS,
    CueExample,
    EventCueEntry,
    ModalityCueEntry,
    PartyWordEntry,
    PatternEntry,
    SignalCueEntry,
    TextEntry,
)
from tealeaves.knowledge.schema.dates import (
    DATE_CUES,
    DATE_INT_SLOTS,
    DATE_NAME_SLOTS,
    DateEntry,
    DateExample,
    DateWord,
)
from tealeaves.knowledge.schema.quantities import (
    CommodityEntry,
    QuantityCueEntry,
    UnitEntry,
)

__all__ = [
    "ACTOR_KINDS",
    "ALPHA3",
    "ActorEntry",
    "Aliases",
    "AnaphorEntry",
    "CommodityEntry",
    "CompoundEntry",
    "CueExample",
    "DATE_CUES",
    "DATE_INT_SLOTS",
    "DATE_NAME_SLOTS",
    "DateEntry",
    "DateExample",
    "DateWord",
    "Entry",
    "EventCueEntry",
    "FILE_KINDS",
    "LocativeEntry",
    "ModalityCueEntry",
    "NonNameEntry",
    "OrganizationEntry",
    "PartyWordEntry",
    "PatternEntry",
    "PersonEntry",
    "PersonTitleEntry",
    "PlaceEntry",
    "QuantityCueEntry",
    "RoleEntry",
    "RoleSpell",
    "SIGNAL_CUE_KEYS",
    "SLUG",
    "SanctionSpell",
    "SignalCueEntry",
    "TextEntry",
    "UnitEntry",
]

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
    "anaphors": AnaphorEntry,
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
