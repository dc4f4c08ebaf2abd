"""Read the knowledge data files, validate them in three passes and build a KnowledgeBase.

Entries with the same id in two files of one kind are merged first (upstream data, then our
additions). Pass 1 checks each entry against its schema; pass 2 checks cross-references (ids unique, every
``state``, ``org`` and ``role`` exists); pass 3 looks for hazards (an alias claimed by two actors of one
kind, a one-character Chinese alias, a role that ends before it starts). The first problem raises a
``KnowledgeError`` naming the file, the entry and the field.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from tealeaves.errors import KnowledgeError
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.knowledge.dategrammar import GrammarError, check_date_grammars
from tealeaves.knowledge.schema import (
    ACTOR_KINDS,
    FILE_KINDS,
    ActorEntry,
    CompoundEntry,
    DateEntry,
    Entry,
    OrganizationEntry,
    PersonEntry,
    PlaceEntry,
    RoleEntry,
)

DATA_DIR = Path(__file__).resolve().parent / "data"
MANIFEST = "MANIFEST.yaml"

try:  # the C loader is ~10x faster; cold start matters for one-file-at-a-time use
    _YamlLoader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml missing
    _YamlLoader = yaml.SafeLoader


def load_knowledge(data_dir: Path | None = None) -> KnowledgeBase:
    """Load and validate the knowledge base in ``data_dir`` (the bundled data by default).

    The result is cached per folder and content hash, so a second call in one process is free and
    an edited file is picked up. Raises KnowledgeError on the first invalid entry.

    Example::

        kb = load_knowledge()
        kb.person("scott_bessent").name  # 'Scott Bessent'
    """
    folder = (data_dir or DATA_DIR).resolve()
    files = _manifest(folder)
    raw = {rel: _read_bytes(folder / rel) for rel, _ in files}
    digest = hashlib.sha256()
    for rel, _ in files:
        digest.update(rel.encode())
        digest.update(raw[rel])
    return _build(folder, tuple(files), digest.hexdigest()[:16], tuple(raw[rel] for rel, _ in files))


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise KnowledgeError(f"cannot read: {exc.strerror or exc}", path) from exc


def _manifest(folder: Path) -> list[tuple[str, str]]:
    path = folder / MANIFEST
    doc = _parse_yaml(_read_bytes(path), path)
    files = doc.get("files")
    if not isinstance(files, list) or not files:
        raise KnowledgeError("'files' must be a non-empty list of {path, kind}", path)
    out: list[tuple[str, str]] = []
    for i, item in enumerate(files):
        if not isinstance(item, dict) or set(item) != {"path", "kind"}:
            raise KnowledgeError(f"files[{i}]: expected exactly the keys path and kind", path)
        if item["kind"] not in FILE_KINDS:
            raise KnowledgeError(f"files[{i}]: unknown kind {item['kind']!r}", path)
        if not (folder / item["path"]).is_file():
            raise KnowledgeError(f"files[{i}]: {item['path']} does not exist", path)
        out.append((str(item["path"]), str(item["kind"])))
    return out


def _parse_yaml(data: bytes, path: Path) -> dict[str, Any]:
    try:
        doc = yaml.load(data.decode("utf-8"), Loader=_YamlLoader)
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise KnowledgeError(f"not valid UTF-8 YAML: {' '.join(str(exc).split())}", path) from exc
    if not isinstance(doc, dict):
        raise KnowledgeError("expected a mapping at the top", path)
    return doc


def _rows(path: Path, data: bytes) -> list[dict[str, Any]]:
    """Entries of one file: YAML ``entries:`` (with version and description) or CSV rows."""
    if path.suffix == ".csv":
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise KnowledgeError("not UTF-8", path) from exc
        lines = [ln for ln in text.splitlines() if not ln.startswith("#")]
        return [{k: v for k, v in row.items() if v not in ("", None)} for row in csv.DictReader(io.StringIO("\n".join(lines)))]
    doc = _parse_yaml(data, path)
    for key in ("version", "description", "entries"):
        if key not in doc:
            raise KnowledgeError(f"missing top-level key {key!r}", path)
    entries = doc["entries"]
    if not isinstance(entries, list):
        raise KnowledgeError("'entries' must be a list", path)
    return entries


def _entry_label(row: Any, i: int) -> str:
    if isinstance(row, dict) and row.get("id"):
        return str(row["id"])
    return f"entries[{i}]"


def _validate(kind: str, path: Path, rows: list[Any]) -> list[Entry]:
    model = FILE_KINDS[kind]
    out: list[Entry] = []
    for i, row in enumerate(rows):
        if not isinstance(row, dict):
            raise KnowledgeError(f"entries[{i}]: expected a mapping", path)
        try:
            out.append(model.model_validate(row))
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(str(p) for p in err["loc"])
            raise KnowledgeError(f"{_entry_label(row, i)}.{where}: {err['msg']}", path) from exc
    return out


@functools.cache
def _build(folder: Path, files: tuple[tuple[str, str], ...], version: str, blobs: tuple[bytes, ...]) -> KnowledgeBase:
    rows_by_kind: dict[str, dict[str, tuple[Path, Any]]] = {k: {} for k in FILE_KINDS}
    anonymous: dict[str, list[tuple[Path, Any]]] = {k: [] for k in FILE_KINDS}
    for (rel, kind), data in zip(files, blobs):
        path = folder / rel
        seen_here: set[str] = set()
        for i, row in enumerate(_rows(path, data)):
            if not isinstance(row, dict):
                raise KnowledgeError(f"entries[{i}]: expected a mapping", path)
            rid = row.get("id")
            if rid is None:
                anonymous[kind].append((path, row))
                continue
            rid = str(rid)
            if rid in seen_here:
                raise KnowledgeError(f"{rid}: id defined twice in this file", path)
            seen_here.add(rid)
            if rid in rows_by_kind[kind]:
                _, earlier = rows_by_kind[kind][rid]
                rows_by_kind[kind][rid] = (path, _merge(earlier, row))
            else:
                rows_by_kind[kind][rid] = (path, row)
    by_kind: dict[str, list[Entry]] = {k: [] for k in FILE_KINDS}
    origin: dict[tuple[str, str], Path] = {}
    for kind in FILE_KINDS:
        for rid, (path, row) in rows_by_kind[kind].items():
            by_kind[kind].extend(_validate(kind, path, [row]))
            origin[(kind, rid)] = path
        for path, row in anonymous[kind]:
            by_kind[kind].extend(_validate(kind, path, [row]))
    _check_references(by_kind, origin)
    _check_hazards(by_kind, origin)
    for check in CHECKS:
        check(by_kind, origin)
    return KnowledgeBase(version=version, entries={k: tuple(v) for k, v in by_kind.items()})


def _merge(base: Any, extra: Any) -> Any:
    """Merge an entry of a later file into the same entry of an earlier one (STYLE.md §4): mappings
    merge key by key, lists are extended without repeats, and a single value from the later file wins."""
    if isinstance(base, dict) and isinstance(extra, dict):
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = _merge(base[key], value) if key in base else value
        return merged
    if isinstance(base, list) and isinstance(extra, list):
        return base + [x for x in extra if x not in base]
    return extra


def _check_references(by_kind: dict[str, list[Entry]], origin: dict[tuple[str, str], Path]) -> None:
    seen: dict[str, str] = {}
    for kind in (*ACTOR_KINDS, "roles"):
        for e in by_kind[kind]:
            eid = str(getattr(e, "id"))
            if eid in seen and seen[eid] != kind:
                raise KnowledgeError(f"{eid}: id also used by an entry of kind {seen[eid]}", origin[(kind, eid)])
            seen[eid] = kind
    states = {p.state for p in by_kind["places"] if isinstance(p, PlaceEntry) and p.category == "country" and p.state}
    states.add("EUR")  # the European Union acting as one party (SCHEMA.md)
    orgs = {e.id for e in by_kind["organizations"] if isinstance(e, OrganizationEntry)}
    roles = {e.id for e in by_kind["roles"] if isinstance(e, RoleEntry)}

    def need(ok: bool, kind: str, eid: str, what: str) -> None:
        if not ok:
            raise KnowledgeError(f"{eid}.{what}", origin[(kind, eid)])

    for e in by_kind["persons"]:
        assert isinstance(e, PersonEntry)
        need(e.state in states, "persons", e.id, f"state: {e.state} is not a listed country")
        for i, r in enumerate(e.roles):
            need(r.role in roles, "persons", e.id, f"roles[{i}].role: unknown role {r.role!r}")
    for e in by_kind["organizations"]:
        assert isinstance(e, OrganizationEntry)
        need(e.state is None or e.state in states, "organizations", e.id, f"state: {e.state} is not a listed country")
        need(e.parent is None or e.parent in orgs, "organizations", e.id, f"parent: unknown organization {e.parent!r}")
    for e in by_kind["roles"]:
        assert isinstance(e, RoleEntry)
        need(e.state is None or e.state in states, "roles", e.id, f"state: {e.state} is not a listed country")
        need(e.org is None or e.org in orgs, "roles", e.id, f"org: unknown organization {e.org!r}")


def _check_hazards(by_kind: dict[str, list[Entry]], origin: dict[tuple[str, str], Path]) -> None:
    for kind in ACTOR_KINDS:
        claimed: dict[str, str] = {}
        for e in by_kind[kind]:
            assert isinstance(e, ActorEntry)
            forms = list(e.aliases.all()) + [e.name]
            if isinstance(e, PlaceEntry):
                forms += list(e.state_aliases.all())
            for alias in forms:
                key = alias.strip().lower()
                if not key:
                    raise KnowledgeError(f"{e.id}.aliases: empty alias", origin[(kind, e.id)])
                if len(key) == 1 and not key.isascii() and not e.allow_short:
                    raise KnowledgeError(
                        f"{e.id}.aliases: one-character alias {alias!r} needs allow_short: true", origin[(kind, e.id)]
                    )
                other = claimed.get(key)
                if other is not None and other != e.id and alias not in e.ambiguous:
                    raise KnowledgeError(
                        f"{e.id}.aliases: {alias!r} is also an alias of {other}; list it under ambiguous: if intended",
                        origin[(kind, e.id)],
                    )
                claimed.setdefault(key, e.id)
        for e in by_kind[kind]:
            assert isinstance(e, ActorEntry)
            for i, spell in enumerate(getattr(e, "roles", ())):
                if spell.to is not None and spell.to < spell.from_:
                    raise KnowledgeError(
                        f"{e.id}.roles[{i}]: 'to' {spell.to} is before 'from' {spell.from_}", origin[(kind, e.id)]
                    )


def _check_compounds(by_kind: dict[str, list[Entry]], origin: dict[tuple[str, str], Path]) -> None:
    """Every member of a compound (川习会) is a listed person, named at most once."""
    persons = {e.id for e in by_kind["persons"] if isinstance(e, PersonEntry)}
    for e in by_kind.get("compounds", ()):
        assert isinstance(e, CompoundEntry)
        for i, member in enumerate(e.members):
            if member not in persons:
                raise KnowledgeError(f"{e.id}.members[{i}]: unknown person {member!r}", origin[("compounds", e.id)])
        if len(set(e.members)) != len(e.members):
            raise KnowledgeError(f"{e.id}.members: a person is listed twice", origin[("compounds", e.id)])


def _check_dates(by_kind: dict[str, list[Entry]], origin: dict[tuple[str, str], Path]) -> None:
    """The date grammars compile: every template's word classes exist and its regex compiles."""
    entries = [e for e in by_kind.get("dates", ()) if isinstance(e, DateEntry)]
    try:
        check_date_grammars(entries)
    except GrammarError as exc:
        raise KnowledgeError(str(exc), origin.get(("dates", exc.entry_id))) from exc


CHECKS: tuple[Callable[[dict[str, list[Entry]], dict[tuple[str, str], Path]], None], ...] = (_check_compounds, _check_dates)
"""Extra cross-file checks for the extractors' data kinds (each raises KnowledgeError); add a function
defined in this module to the tuple."""
