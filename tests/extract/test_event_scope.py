"""How far a cue's words reach: speakers of judgements, and the content of a charge or request."""

from __future__ import annotations

import re

from tealeaves.extract.clauses import Clause
from tealeaves.extract.cue_hits import Reading
from tealeaves.extract.event_scope import find_speakers, is_topic, judged_sentences, new_subject
from tealeaves.extract.event_text import event_text
from tealeaves.extract.party_types import Party
from tealeaves.knowledge.base import KnowledgeBase


def test_scope_speakers_only_in_sentences_with_a_judged_reading() -> None:
    class _Entry:
        def __init__(self, frame: str) -> None:
            self.frame = frame

    def reading(frame: str) -> Reading:
        return Reading(0, 1, _Entry(frame), None)  # type: ignore[arg-type]

    by_clause = {Clause(0, 5, 0): [reading("plain")], Clause(6, 12, 1): [reading("plain"), reading("judged")]}
    assert judged_sentences(by_clause) == {1}
    text = "A said x. B said y."
    parties = [Party(0, 1, ("USA",)), Party(10, 11, ("CHN",))]
    said = re.compile(r"\s*said")
    assert find_speakers(parties, {1}, [0, 10], said, text) == frozenset({10})
    assert find_speakers(parties, {0, 1}, [0, 10], said, text) == frozenset({0, 10})
    assert find_speakers(parties, set(), [0, 10], said, text) == frozenset()


def test_scope_a_clause_opening_with_a_party_is_a_new_subject() -> None:
    text = "美方指责中方违约，严重背离事实，中方坚决拒绝"
    clauses = (Clause(0, 8, 0), Clause(9, 15, 0), Clause(16, 22, 0))
    starts = [0, 4, 16]
    assert new_subject(text, clauses, 4, clauses[2], starts)
    assert not new_subject(text, clauses, 4, clauses[1], starts)


def test_scope_a_clause_opening_with_a_verb_of_saying_ends_the_content(kb: KnowledgeBase) -> None:
    saying = event_text(kb).saying_opener_re
    text = "It urged Washington to stop it, and said China would act"
    clauses = (Clause(0, 30, 0), Clause(31, 56, 0))
    starts = [9]  # Washington; "China" stands inside the second clause, not at its head
    assert new_subject(text, clauses, 8, clauses[1], starts, saying)
    assert not new_subject(text, clauses, 8, clauses[1], starts)  # without the verbs, no new start
    other = "It urged Washington to stop it, and to lift the tariffs"
    assert not new_subject(other, (Clause(0, 30, 0), Clause(31, 55, 0)), 8, Clause(31, 55, 0), starts, saying)


def test_scope_a_cue_under_a_topic_opener_before_talks_or_a_protest_is_a_topic() -> None:
    from tealeaves.model import EventType

    class _Entry:
        def __init__(self, etype: EventType) -> None:
            self.type = etype

    text = "中方就取消关税进行了交涉"
    lift = Reading(text.index("取消"), text.index("取消") + 2, _Entry(EventType.RETREAT), None)  # type: ignore[arg-type]
    protest = Reading(text.index("交涉"), text.index("交涉") + 2, _Entry(EventType.ACCUSE), None)  # type: ignore[arg-type]
    clause = Clause(0, len(text), 0)
    last = protest.start  # where the clause's last protest, request, talks or agreement cue starts
    assert is_topic(text, clause, lift, last, ("就",))
    assert not is_topic(text, clause, protest, last, ("就",))  # the protest itself is the act
    assert not is_topic(text, clause, lift, lift.start, ("就",))  # nothing after it to be about
    assert not is_topic(text, clause, lift, last, ())  # no topic opener

