"""The knowledge loader rejects malformed actor data with one KnowledgeError naming the file, the entry
id and the field: we build small broken data folders under tmp_path and load them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from tealeaves.errors import KnowledgeError
from tealeaves.knowledge.loader import load_knowledge

SRC = "https://example.org/source"


def _places() -> list[dict[str, Any]]:
    return [
        {"id": "united_states", "name": "United States", "category": "country", "state": "USA",
         "aliases": {"zh": ["美国"]}, "source": SRC},
        {"id": "china", "name": "China", "category": "country", "state": "CHN", "aliases": {"zh": ["中国"]}, "source": SRC},
    ]


def _roles() -> list[dict[str, Any]]:
    return [{"id": "us_treasury_secretary", "title": "United States Secretary of the Treasury", "state": "USA",
             "aliases": {"zh": ["美国财长"]}, "bare": {"zh": ["财长"]}, "source": SRC}]


def _persons() -> list[dict[str, Any]]:
    return [
        {"id": "scott_bessent", "name": "Scott Bessent", "state": "USA", "aliases": {"zh": ["贝森特"], "en": ["Bessent"]},
         "roles": [{"role": "us_treasury_secretary", "from": "2025-01-28", "source": SRC}], "source": SRC},
        {"id": "he_lifeng", "name": "He Lifeng", "state": "CHN", "aliases": {"zh": ["何立峰"]}, "source": SRC},
    ]


def _compounds() -> list[dict[str, Any]]:
    return [{"id": "bessent_he_talks", "aliases": {"zh": ["贝何会"]}, "members": ["scott_bessent", "he_lifeng"], "source": SRC}]


def _write(folder: Path, files: dict[str, list[dict[str, Any]]]) -> Path:
    kinds = {"places.yaml": "places", "roles.yaml": "roles", "persons.yaml": "persons", "compounds.yaml": "compounds"}
    manifest = {"version": "1", "description": "test", "files": [{"path": name, "kind": kinds[name]} for name in files]}
    (folder / "MANIFEST.yaml").write_text(yaml.safe_dump(manifest, allow_unicode=True), encoding="utf-8")
    for name, entries in files.items():
        doc = {"version": "1", "description": "test", "entries": entries}
        (folder / name).write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder


def _data(**changes: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    files = {"places.yaml": _places(), "roles.yaml": _roles(), "persons.yaml": _persons(), "compounds.yaml": _compounds()}
    for key, entries in changes.items():
        files[key.replace("_", ".")] = entries
    return files


def test_loader_accepts_the_valid_folder(tmp_path: Path) -> None:
    kb = load_knowledge(_write(tmp_path, _data()))
    assert kb.person("scott_bessent") is not None
    assert set(kb.compounds) == {"bessent_he_talks"}


def _with_person(**fields: Any) -> list[dict[str, Any]]:
    persons = _persons()
    persons[0] = {**persons[0], **fields}
    return persons


def _with_spell(**fields: Any) -> list[dict[str, Any]]:
    spell = {"role": "us_treasury_secretary", "from": "2025-01-28", "source": SRC, **fields}
    return _with_person(roles=[spell])


@pytest.mark.parametrize(
    ("files", "file_name", "entry_id", "field", "reason"),
    [
        (_data(persons_yaml=_with_spell(**{"from": "2025-13-40"})), "persons.yaml", "scott_bessent", "roles.0.from", "date"),
        (_data(persons_yaml=_with_spell(to="2024-01-01")), "persons.yaml", "scott_bessent", "roles[0]", "before 'from'"),
        (_data(persons_yaml=_with_spell(role="us_finance_czar")), "persons.yaml", "scott_bessent", "roles[0].role",
         "unknown role"),
        (_data(persons_yaml=_with_person(aliases={"zh": ["何立峰"]})), "persons.yaml", "he_lifeng", "aliases",
         "also an alias of scott_bessent"),
        (_data(persons_yaml=_with_person(aliases={"zh": ["贝"]})), "persons.yaml", "scott_bessent", "aliases",
         "allow_short"),
        (_data(persons_yaml=_with_person(state="XXX")), "persons.yaml", "scott_bessent", "state", "not a listed country"),
        (_data(persons_yaml=_with_person(source="")), "persons.yaml", "scott_bessent", "source", "at least 3"),
        (_data(persons_yaml=_with_person(nickname="Scotty")), "persons.yaml", "scott_bessent", "nickname", "Extra inputs"),
        (_data(compounds_yaml=[{**_compounds()[0], "members": ["scott_bessent", "nobody"]}]), "compounds.yaml",
         "bessent_he_talks", "members[1]", "unknown person"),
    ],
    ids=["bad-date", "to-before-from", "unknown-role", "duplicate-alias", "one-char-zh", "unknown-state", "empty-source",
         "unknown-field", "unknown-compound-member"],
)
def test_loader_malformed_entry_names_file_entry_and_field(
    tmp_path: Path, files: dict[str, list[dict[str, Any]]], file_name: str, entry_id: str, field: str, reason: str
) -> None:
    with pytest.raises(KnowledgeError) as info:
        load_knowledge(_write(tmp_path, files))
    message = str(info.value)
    assert info.value.path is not None and info.value.path.name == file_name
    assert f"{entry_id}.{field}" in message
    assert reason in message
    assert "\n" not in message


def test_loader_one_char_zh_alias_is_accepted_with_allow_short(tmp_path: Path) -> None:
    kb = load_knowledge(_write(tmp_path, _data(persons_yaml=_with_person(aliases={"zh": ["贝"]}, allow_short=True))))
    assert kb.person("scott_bessent") is not None


def test_loader_shared_alias_is_accepted_when_listed_as_ambiguous(tmp_path: Path) -> None:
    persons = _persons()
    persons[0] = {**persons[0], "aliases": {"zh": ["何立峰"]}, "ambiguous": ["何立峰"]}
    persons[1] = {**persons[1], "ambiguous": ["何立峰"]}
    kb = load_knowledge(_write(tmp_path, _data(persons_yaml=persons)))
    assert kb.person("scott_bessent") is not None
