"""Entry models of units, commodities and the words around amounts."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator

from tealeaves.knowledge.schema.common import SLUG, Entry, Aliases


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
