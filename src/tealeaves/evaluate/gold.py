"""Load and validate gold readings (NAME.gold.json, SCHEMA.md) and the name-equivalence groups."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from tealeaves.errors import GoldError

FIELDS_NAMES = ("persons", "organizations", "places")


class GoldItem(BaseModel):
    """One gold item: its payload as written and whether a careful analyst could code it either way."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    value: dict[str, Any] | str
    optional: bool = False


class Gold(BaseModel):
    """A gold reading with every list normalised to GoldItems (names and dates as strings)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    persons: tuple[GoldItem, ...] = ()
    organizations: tuple[GoldItem, ...] = ()
    places: tuple[GoldItem, ...] = ()
    dates: tuple[GoldItem, ...] = ()
    quantities: tuple[GoldItem, ...] = ()
    events: tuple[GoldItem, ...] = ()
    signals: tuple[GoldItem, ...] = ()


def _listed(raw: dict[str, Any], field: str, key: str | None, path: Path) -> tuple[GoldItem, ...]:
    items = raw.get(field, []) or []
    if not isinstance(items, list):
        raise GoldError(f"{field!r} must be a list", path)
    out = []
    for i, x in enumerate(items):
        if key is not None:  # a name or a date: a string, or {key: ..., optional: ...}
            if isinstance(x, dict):
                if key not in x:
                    raise GoldError(f"{field}[{i}]: missing {key!r}", path)
                out.append(GoldItem(value=str(x[key]).strip(), optional=bool(x.get("optional"))))
            else:
                out.append(GoldItem(value=str(x).strip()))
        else:
            if not isinstance(x, dict):
                raise GoldError(f"{field}[{i}]: expected an object", path)
            out.append(GoldItem(value=x, optional=bool(x.get("optional"))))
    return tuple(out)


def parse_gold(raw: Any, path: Path) -> Gold:
    """Validate a decoded gold (or prediction) object; raises GoldError naming the field.

    Required keys per item: events need ``type``, signals ``kind``, quantities ``value`` and ``unit``.
    """
    if not isinstance(raw, dict):
        raise GoldError("expected a JSON object at the top", path)
    gold = Gold(
        persons=_listed(raw, "persons", "name", path),
        organizations=_listed(raw, "organizations", "name", path),
        places=_listed(raw, "places", "name", path),
        dates=_listed(raw, "dates", "value", path),
        quantities=_listed(raw, "quantities", None, path),
        events=_listed(raw, "events", None, path),
        signals=_listed(raw, "signals", None, path),
    )
    for field, need in (("events", ("type",)), ("signals", ("kind",)), ("quantities", ("value", "unit"))):
        for i, item in enumerate(getattr(gold, field)):
            assert isinstance(item.value, dict)
            for key in need:
                if key not in item.value:
                    raise GoldError(f"{field}[{i}]: missing {key!r}", path)
    return gold


def read_json(path: Path) -> Any:
    """The decoded content of a JSON file (a gold or a saved prediction); raises GoldError naming
    the file and the line when it cannot be read or is not JSON."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"cannot read: {exc}", path) from exc
    except json.JSONDecodeError as exc:
        raise GoldError(f"not valid JSON: {exc.msg} at line {exc.lineno}", path) from exc


def load_gold(path: Path) -> Gold:
    """Read NAME.gold.json; raises GoldError with the file and the reason when it is not valid."""
    raw = read_json(path)
    try:
        return parse_gold(raw, path)
    except ValidationError as exc:  # pragma: no cover - parse_gold builds only valid items
        raise GoldError(str(exc.errors()[0]["msg"]), path) from exc


def fold_name(name: str) -> str:
    """Lower case, accents removed (Shinjirō = Shinjiro), inner whitespace single (SCHEMA.md)."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.split()).lower()


def load_name_groups(path: Path | None) -> dict[str, str]:
    """Map every name of an aliases.json group (folded) to the group's first name (folded).

    Returns an empty mapping when ``path`` is None. Raises GoldError on a malformed file.
    """
    if path is None:
        return {}
    try:
        groups = json.loads(path.read_text(encoding="utf-8"))["groups"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise GoldError(f"not an aliases file with 'groups': {exc}", path) from exc
    table: dict[str, str] = {}
    for group in groups:
        if not isinstance(group, list) or not group:
            raise GoldError("every group must be a non-empty list of names", path)
        for name in group:
            table[fold_name(str(name))] = fold_name(str(group[0]))
    return table


def find_name_groups(gold_dir: Path) -> Path | None:
    """The aliases.json that applies to a gold folder: in it, or in one of its two parents."""
    for folder in (gold_dir, gold_dir.parent, gold_dir.parent.parent):
        candidate = folder / "aliases.json"
        if candidate.is_file():
            return candidate
    return None
