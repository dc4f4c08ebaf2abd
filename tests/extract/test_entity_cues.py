"""The cue tables of the entity stage (tealeaves.extract.entity_cues): locative cues before and after
a name, and the titled-name pattern that needs a title at a word start."""

from __future__ import annotations

import pytest

from tealeaves.extract.entity_cues import compile_cues
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.knowledge.phrases import fold_phrase
from tealeaves.knowledge.schema import LocativeEntry, PersonTitleEntry


@pytest.mark.parametrize(
    ("before", "located"),
    [("会谈在", True), ("存在", False), ("现在", False), ("特朗普将赴", True), ("visited ", True), ("within the ", True)],
)
def test_entity_cues_locative_cues_match_at_the_end_of_the_text_before_a_name(
    kb: KnowledgeBase, before: str, located: bool
) -> None:
    cues = compile_cues(kb.entries("locatives", LocativeEntry), kb.entries("person_titles", PersonTitleEntry))
    view = fold_phrase(before)
    hits = [p for p in (cues.before, cues.before_weak) if p is not None and p.search(view) is not None]
    assert bool(hits) is located


@pytest.mark.parametrize(("after", "located"), [("第五轮会谈后", True), ("经贸磋商", True), ("谈判代表", False)])
def test_entity_cues_locative_cues_after_a_name(kb: KnowledgeBase, after: str, located: bool) -> None:
    cues = compile_cues(kb.entries("locatives", LocativeEntry), kb.entries("person_titles", PersonTitleEntry))
    assert cues.after is not None
    assert (cues.after.match(after) is not None) is located


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Senator Jeanne Shaheen said.", ["Jeanne Shaheen"]),
        ("MiniSenator Jeanne Shaheen said.", []),
        ("(Senator Jeanne Shaheen) said.", ["Jeanne Shaheen"]),
        ("Deputy Prime Minister Jeanne Shaheen said.", ["Jeanne Shaheen"]),
    ],
)
def test_entity_cues_titled_name_pattern_needs_a_title_at_a_word_start(kb: KnowledgeBase, text: str, names: list[str]) -> None:
    cues = compile_cues(kb.entries("locatives", LocativeEntry), kb.entries("person_titles", PersonTitleEntry))
    assert cues.titled_name is not None
    assert [m.group("name") for m in cues.titled_name.finditer(text)] == names
