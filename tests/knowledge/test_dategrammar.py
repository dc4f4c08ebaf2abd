"""Date grammar entries (data/dates.*.yaml): the schema, compiling templates, reading numbers."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from tealeaves.errors import KnowledgeError
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.knowledge import dategrammar
from tealeaves.knowledge.dategrammar import NUMBER_RANGES, GrammarError, compile_date_grammars
from tealeaves.knowledge.loader import load_knowledge
from tealeaves.knowledge.schema import DateEntry

_EXAMPLE = [{"text": "x", "expect": []}]
_WORDS = {"id": "zh_rel_years", "lang": "zh", "slot": "rel_year", "words": {"去年": -1}, "source": "test", "examples": _EXAMPLE}
_TEMPLATE = {"id": "zh_rel_year", "lang": "zh", "template": "{rel_years}", "source": "test", "examples": _EXAMPLE}


def test_dategrammar_every_language_has_a_grammar(kb: KnowledgeBase) -> None:
    assert set(kb.date_grammars) == {"zh", "en"}


@pytest.mark.parametrize(
    "change",
    [
        {"slot": "no_such_slot"},
        {"words": {"去年": 99}},
        {"slot": "part", "words": {"初": "beginning"}},
        {"template": "{rel_years}"},
        {"examples": []},
        {"lang": "fr"},
        {"fixed": {"rel_year": 0}},
    ],
)
def test_dategrammar_schema_rejects(change: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        DateEntry.model_validate({**_WORDS, **change})


def test_dategrammar_schema_rejects_a_cue_list_without_a_known_cue() -> None:
    with pytest.raises(ValidationError):
        DateEntry.model_validate({"id": "zh_x", "lang": "zh", "cue": "maybe", "phrases": ["将"], "source": "test", "examples": _EXAMPLE})


def test_dategrammar_compiles_a_minimal_grammar() -> None:
    grammar = compile_date_grammars([DateEntry.model_validate(_WORDS), DateEntry.model_validate(_TEMPLATE)])["zh"]
    assert [m.group() for m in grammar.scan("自去年以来")] == ["去年"]


@pytest.mark.parametrize(("template", "reason"), [("{no_such_class}", "unknown word class"), ("{rel_years}(", "does not compile"), ("{~year}", "number slot")])
def test_dategrammar_bad_template_names_the_entry(template: str, reason: str) -> None:
    entries = [DateEntry.model_validate(_WORDS), DateEntry.model_validate({**_TEMPLATE, "template": template})]
    with pytest.raises(GrammarError, match=reason) as info:
        compile_date_grammars(entries)
    assert info.value.entry_id == "zh_rel_year"


def test_dategrammar_loader_reports_a_bad_template_with_its_file(tmp_path: Path) -> None:
    (tmp_path / "MANIFEST.yaml").write_text("version: '1'\ndescription: t\nfiles:\n  - {path: dates.zh.yaml, kind: dates}\n", encoding="utf-8")
    (tmp_path / "dates.zh.yaml").write_text(
        "version: '1'\ndescription: t\nentries:\n"
        "  - {id: zh_bad, lang: zh, template: '{nothing}', source: test, examples: [{text: x, expect: []}]}\n",
        encoding="utf-8",
    )
    with pytest.raises(KnowledgeError, match="zh_bad.*unknown word class") as info:
        load_knowledge(tmp_path)
    assert info.value.path == tmp_path / "dates.zh.yaml"


@pytest.mark.parametrize(
    ("text", "value"),
    [("2020", 2020), ("二〇二〇", 2020), ("十二", 12), ("十", 10), ("二十一", 21), ("三十", 30), ("五", 5), ("十十", None), ("一二十", None), ("x", None)],
)
def test_dategrammar_reads_numbers(kb: KnowledgeBase, text: str, value: int | None) -> None:
    assert kb.date_grammars["zh"].number(text) == value


def test_dategrammar_each_language_compiles_once_on_lookup(kb: KnowledgeBase) -> None:
    grammars = compile_date_grammars(kb.entries("dates", DateEntry))
    assert sorted(grammars) == ["en", "zh"] and len(grammars) == 2
    assert grammars["zh"] is grammars["zh"] and grammars["zh"].lang == "zh"
    assert grammars.get("fr") is None
    assert grammars["en"].pattern.search("on march 14, 2026") is not None  # views are lower-cased


def test_dategrammar_slots_read_each_group_of_each_template(kb: KnowledgeBase) -> None:
    for grammar in kb.date_grammars.values():
        assert len(grammar.slots) == len(grammar.templates)
        for template, slots in zip(grammar.templates, grammar.slots):
            assert tuple(s.group for s in slots) == template.groups
            for slot in slots:
                group = grammar.groups[slot.group]
                assert (slot.field, slot.end) == (group.field, group.end)
                if group.source == "number":
                    assert slot.words is None and (slot.low, slot.high) == NUMBER_RANGES[group.field]
                else:
                    assert slot.words is grammar.words[group.source]


@pytest.mark.parametrize(
    ("phrases", "marks"),
    [([",", "\N{IDEOGRAPHIC FULL STOP}"], {",", "\N{IDEOGRAPHIC FULL STOP}"}), ([",", "but"], set()), ([], set())],
)
def test_dategrammar_clause_marks_only_when_every_clause_cue_is_one_character(phrases: list[str], marks: set[str]) -> None:
    assert dategrammar._single_characters(phrases) == marks
