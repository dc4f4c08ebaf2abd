"""Cue hits admitted in their clause: the entries of a phrase in one language, conditions compiled."""

from __future__ import annotations

from tealeaves.extract.cue_hits import _plans, cue_phrases
from tealeaves.knowledge.base import KnowledgeBase


def test_cue_hits_cue_phrases_are_the_phrases_with_an_entry_in_the_language(kb: KnowledgeBase) -> None:
    index = kb.event_cue_index
    for lang in ("zh", "en"):
        expected = {p for p in index.phrases() if any(e.lang == lang for e in index.lookup(p))}
        assert cue_phrases(index, lang) == expected
    assert cue_phrases(index, "zh") != cue_phrases(index, "en")


def test_cue_hits_plans_keep_the_entries_of_the_language_in_index_order(kb: KnowledgeBase) -> None:
    index = kb.event_cue_index
    plans = _plans(index, "en")
    for phrase, found in plans.items():
        assert [p.entry for p in found] == [e for e in index.lookup(phrase) if e.lang == "en"]
        for plan in found:
            entry = plan.entry
            assert plan.free == (not (entry.needs or entry.vetoes or entry.not_before or entry.not_after))
            assert (plan.needs is None) == (not entry.needs)
            assert (plan.vetoes is None) == (not entry.vetoes)
