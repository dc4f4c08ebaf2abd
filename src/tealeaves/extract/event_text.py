"""The punctuation and word classes the event coder reads (data/events/clauses.yaml and the sentence
marks of data/text.yaml), looked up once per knowledge base."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from tealeaves.knowledge.base import KnowledgeBase


@dataclass(frozen=True)
class EventText:
    """Character and word classes by purpose (see data/events/clauses.yaml)."""

    clause_break: frozenset[str]
    party_break: frozenset[str]
    open_brackets: frozenset[str]
    close_brackets: frozenset[str]
    possessive_marks: frozenset[str]
    conjunctions: frozenset[str]
    until_marks: frozenset[str]
    non_actor_categories: frozenset[str]
    list_words: frozenset[str]


@functools.cache
def event_text(kb: KnowledgeBase) -> EventText:
    """The classes of ``kb``; a knowledge base never changes after loading, so one lookup serves
    every document. ``party_break`` adds sentence ends and line breaks to the clause marks: no role
    marker and no run of names reaches across them.

    Example::

        event_text(kb).clause_break  # frozenset({'，', '；', ...})
    """
    clause_break = kb.text_chars("clause_break")
    return EventText(
        clause_break=clause_break,
        party_break=clause_break | kb.text_chars("sentence_end_zh") | kb.text_chars("sentence_end_en") | {"\n"},
        open_brackets=kb.text_chars("open_brackets"),
        close_brackets=kb.text_chars("close_brackets"),
        possessive_marks=kb.text_words("possessive_marks"),
        conjunctions=kb.text_words("conjunctions"),
        until_marks=kb.text_words("until_marks"),
        non_actor_categories=kb.text_words("non_actor_categories"),
        list_words=kb.text_words("list_words"),
    )
