"""Entry models of the date grammars (data/dates.*.yaml): slots, words, templates and examples."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from tealeaves.knowledge.schema.common import SLUG, Entry


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
    "anaphor": ("year", "day", "next_day", "prev_day", "next_year"),
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
