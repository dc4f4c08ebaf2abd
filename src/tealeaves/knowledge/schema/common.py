"""What every entry model shares: the base Entry (frozen, no unknown keys, a source), aliases by
language, and the id and state patterns."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


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
