"""The punctuation and word classes the event coder reads (data/events/clauses.yaml and the sentence
marks of data/text.yaml), looked up and compiled once per knowledge base."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from tealeaves.knowledge.base import KnowledgeBase


@dataclass(frozen=True)
class EventText:
    """Character and word classes by purpose (see data/events/clauses.yaml), with the forms the hot
    loops use: ``*_re`` find any character of a class, ``*_words`` are sorted tuples for
    ``str.startswith``/``str.endswith``, ``bystander_ids`` are the organizations of the
    ``non_actor_categories``, ``speaker_re`` matches a verb of saying right after a party, and
    ``topic_openers`` open the subject of talks (双方就…达成共识); ``each_re`` finds a word (各自, each)
    that makes an act of both sides two acts, ``time_adjunct_re`` a preposition that dates an act by
    another (after, before), ``perfect_words`` the auxiliaries of the perfect (已, has) that put an
    act before the report of it, ``topic_nouns`` the nouns after a place that make it a topic
    (台湾问题, the Taiwan issue) rather than a party, ``from_words`` the words that make a date the
    day a measure takes effect (自, 起, from), ``plan_words`` those that make it the day something was
    scheduled for (原定), ``saying_opener_re`` a clause that opens with a verb of
    saying (", and said"), which ends what was asked before it, ``opposing_re`` a verb whose object
    is a measure opposed, not taken (反对单边加征关税), ``joiner_re`` a word that joins a further
    predicate of the same subject (并, "and"), and ``sentence_end_re`` any sentence-ending mark or a
    line break."""

    clause_break: frozenset[str]
    party_break: frozenset[str]
    open_brackets: frozenset[str]
    close_brackets: frozenset[str]
    possessive_marks: frozenset[str]
    conjunctions: frozenset[str]
    non_actor_categories: frozenset[str]
    list_words: frozenset[str]
    clause_break_re: re.Pattern[str]
    party_break_re: re.Pattern[str]
    bracket_re: re.Pattern[str]
    possessive_words: tuple[str, ...]
    until_words: tuple[str, ...]
    list_word_tuple: tuple[str, ...]
    bystander_ids: frozenset[str]
    speaker_re: re.Pattern[str]
    topic_openers: tuple[str, ...]
    each_re: re.Pattern[str] | None = None
    time_adjunct_re: re.Pattern[str] | None = None
    perfect_words: tuple[str, ...] = ()
    topic_nouns: tuple[str, ...] = ()
    from_words: tuple[str, ...] = ()
    plan_words: tuple[str, ...] = ()
    then_re: re.Pattern[str] | None = None
    saying_opener_re: re.Pattern[str] | None = None
    opposing_re: re.Pattern[str] | None = None
    joiner_re: re.Pattern[str] | None = None
    sentence_end_re: re.Pattern[str] | None = None


def char_class(chars: frozenset[str]) -> re.Pattern[str]:
    """A regex matching any one of ``chars`` (never matching when ``chars`` is empty)."""
    if not chars:
        return re.compile(r"(?!)")
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")


@functools.cache
def event_text(kb: KnowledgeBase) -> EventText:
    """The classes of ``kb``; a knowledge base never changes after loading, so one lookup serves
    every document. ``party_break`` adds sentence ends and line breaks to the clause marks: no role
    marker and no run of names reaches across them.

    Example::

        event_text(kb).clause_break  # frozenset({'，', '；', ...})
    """
    clause_break = kb.text_chars("clause_break")
    party_break = clause_break | kb.text_chars("sentence_end_zh") | kb.text_chars("sentence_end_en") | {"\n"}
    open_brackets = kb.text_chars("open_brackets")
    close_brackets = kb.text_chars("close_brackets")
    possessive_marks = kb.text_words("possessive_marks")
    until_marks = kb.text_words("until_marks")
    non_actor = kb.text_words("non_actor_categories")
    list_words = kb.text_words("list_words")
    return EventText(
        clause_break=clause_break,
        party_break=party_break,
        open_brackets=open_brackets,
        close_brackets=close_brackets,
        possessive_marks=possessive_marks,
        conjunctions=kb.text_words("conjunctions"),
        non_actor_categories=non_actor,
        list_words=list_words,
        clause_break_re=char_class(clause_break),
        party_break_re=char_class(party_break),
        bracket_re=char_class(open_brackets),
        possessive_words=tuple(sorted(possessive_marks)),
        until_words=tuple(sorted(until_marks)),
        list_word_tuple=tuple(sorted(list_words)),
        bystander_ids=frozenset(o.id for o in kb.organizations.values() if o.category in non_actor),
        speaker_re=_speaker_pattern(kb.text_words("speech_verbs"), kb.text_words("speech_lead_words")),
        topic_openers=tuple(sorted(kb.text_words("topic_openers"))),
        each_re=_optional_pattern(kb.text_words("each_words")),
        time_adjunct_re=_optional_pattern(kb.text_words("time_adjuncts")),
        perfect_words=tuple(sorted(kb.text_words("perfect_words"))),
        topic_nouns=tuple(sorted(kb.text_words("topic_nouns"))),
        from_words=tuple(sorted(kb.text_words("from_marks"))),
        plan_words=tuple(sorted(kb.text_words("plan_marks"))),
        then_re=_optional_pattern(kb.text_words("then_words")),
        saying_opener_re=_saying_opener(kb.text_words("clause_joiners"), kb.text_words("speech_verbs"), kb.text_words("speech_lead_words")),
        opposing_re=_optional_pattern(kb.text_words("opposing_verbs")),
        joiner_re=_optional_pattern(kb.text_words("clause_joiners")),
        sentence_end_re=char_class(kb.text_chars("sentence_end_zh") | kb.text_chars("sentence_end_en") | {"\n"}),
    )


@functools.cache
def word_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """One regex for a word list, to search a folded view: Latin-edged words on word boundaries
    (``accord`` is not in "according", ``each`` not in "reached"), Chinese words anywhere."""

    def one(w: str) -> str:
        head = r"\b" if w[:1].isascii() and w[:1].isalnum() else ""
        tail = r"\b" if w[-1:].isascii() and w[-1:].isalnum() else ""
        return head + re.escape(w) + tail

    return re.compile("|".join(one(w) for w in sorted(words, key=len, reverse=True)))


def _optional_pattern(words: frozenset[str]) -> re.Pattern[str] | None:
    """``word_pattern`` of ``words``, or None for no words (a knowledge folder without the list)."""
    return word_pattern(tuple(sorted(words))) if words else None


def _saying_opener(joiners: frozenset[str], verbs: frozenset[str], leads: frozenset[str]) -> re.Pattern[str] | None:
    """Matches a clause that opens, after a joiner or none, with a verb of saying (", and said
    China would …", "，并表示…"): the same speaker's next statement. None without verbs."""
    if not verbs:
        return None
    joiner = "|".join(re.escape(w) for w in sorted(joiners, key=len, reverse=True))
    head = rf"[\s,\N{{FULLWIDTH COMMA}}]*(?:(?:{joiner})(?![A-Za-z]))?" if joiners else r"[\s,\N{FULLWIDTH COMMA}]*"
    return re.compile(head + _speaker_pattern(verbs, leads).pattern, re.IGNORECASE)


def _speaker_pattern(verbs: frozenset[str], leads: frozenset[str]) -> re.Pattern[str]:
    """Matches, right after a party, a verb of saying (after auxiliaries or adverbs: "has called",
    "也表示"): that party is the speaker of what follows. Never matches when no verb is listed."""
    if not verbs:
        return re.compile(r"(?!)")

    def alternation(words: frozenset[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    lead = rf"(?:(?:{alternation(leads)})(?![A-Za-z])\s*)*" if leads else ""
    return re.compile(rf"\s*{lead}(?:{alternation(verbs)})(?![A-Za-z])", re.IGNORECASE)
