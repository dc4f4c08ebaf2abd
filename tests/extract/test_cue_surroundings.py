"""What the words around a cue say about its act, on texts we wrote."""

from __future__ import annotations

import re

from tealeaves.extract.clauses import Clause
from tealeaves.extract.cue_surroundings import found_in, in_perfect, object_measure, place_for
from tealeaves.extract.party_types import Party
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.knowledge.schema import EventCueEntry


def _retreat_entry(kb: KnowledgeBase) -> EventCueEntry:
    return next(e for e in kb.entries("event_cues", EventCueEntry) if e.id == "zh_retreat_lift")


def test_cue_surroundings_object_measure_is_the_noun_after_the_cue_else_the_first_in_the_clause(kb: KnowledgeBase) -> None:
    entry = _retreat_entry(kb)
    text = "美方暂停对中国船舶收取港口费，并暂停关税。"
    clause = Clause(0, text.index("，"), 0)
    assert object_measure(entry, text, clause, text.index("港口费")) == "port fees"
    assert object_measure(entry, text, clause, None) == "port fees"
    second = Clause(text.index("，") + 1, len(text) - 1, 0)
    assert object_measure(entry, text, second, None) == "tariffs"


def test_cue_surroundings_in_perfect_reads_the_auxiliary_right_before_the_cue() -> None:
    words = ("has", "已")
    assert in_perfect("china has agreed to buy", 10, words)
    assert in_perfect("中方已同意", 3, words)
    assert not in_perfect("china agreed to buy", 6, words)


def test_cue_surroundings_found_in_searches_only_the_stretch() -> None:
    pattern = re.compile("after")
    assert found_in(pattern, "agreed after talks", 0, 18)
    assert not found_in(pattern, "agreed after talks", 12, 18)
    assert not found_in(None, "agreed after talks", 0, 18)  # a knowledge base without the word class


def test_cue_surroundings_place_for_takes_the_nearest_named_place() -> None:
    paris = Party(0, 2, ("FRA",), "plain", True, "Paris")
    london = Party(20, 22, ("GBR",), "plain", True, "London")
    unnamed = Party(9, 11, ("USA",), "plain", True, None)
    assert place_for(15, [paris, unnamed, london]) == "London"
    assert place_for(3, [paris, london]) == "Paris"
    assert place_for(3, [unnamed]) is None
