"""Persons named through an office or a title (tealeaves.extract.offices), seen through the entity
stage: roles resolved by publication date, titles joined to the name they introduce, blocked and
bare descriptors, and unlisted English names after a title."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.model import Mention, MentionKind

MentionsOf = Callable[..., list[Mention]]
NamesOf = Callable[..., list[str]]
"""The fixtures of tests/extract/conftest.py."""


# --- roles -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("美国财长表示谈判将继续。", dt.date(2026, 3, 14), ["Scott Bessent"]),
        ("美国财长表示谈判将继续。", dt.date(2019, 5, 10), ["Steven Mnuchin"]),
        ("美国财长表示谈判将继续。", dt.date(2022, 5, 10), ["Janet Yellen"]),
        ("中国国家主席表示欢迎。", dt.date(2026, 3, 14), ["Xi Jinping"]),
        ("The U.S. Trade Representative opened an investigation.", dt.date(2018, 6, 18), ["Robert Lighthizer"]),
    ],
)
def test_offices_role_resolves_to_holder_on_publication_date(
    kb: KnowledgeBase, text: str, published: dt.date, expected: list[str]
, names_of: NamesOf) -> None:
    lang = "en" if text.isascii() else "zh"
    assert names_of(text, MentionKind.PERSON, published=published, lang=lang, via="role") == expected


def test_offices_title_then_the_holders_surname_names_the_holder(kb: KnowledgeBase, mentions_of: MentionsOf) -> None:
    # 伯明翰 alone is the city of Birmingham; after the title it is the minister's surname
    persons = [m for m in mentions_of("澳大利亚贸易部长伯明翰表示失望。", published=dt.date(2020, 11, 27)) if m.kind is MentionKind.PERSON]
    assert [(m.name, m.via, m.evidence.span.text) for m in persons] == [("Simon Birmingham", "alias", "澳大利亚贸易部长伯明翰")]


def test_offices_role_without_publication_date_is_not_resolved(kb: KnowledgeBase, names_of: NamesOf) -> None:
    assert names_of("美国财长表示谈判将继续。", MentionKind.PERSON, published=None) == []


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("美国财长贝森特表示谈判将继续。", "zh", ["Scott Bessent"]),
        ("财长贝森特表示谈判将继续。", "zh", ["Scott Bessent"]),
        ("Scott Bessent, Secretary of the Treasury, said talks would go on.", "en", ["Scott Bessent"]),
        ("中国商务部国际贸易谈判代表兼副部长李成钢表示。", "zh", ["Li Chenggang"]),
        ("李在明总统与特朗普总统在庆州会谈。", "zh", ["Lee Jae-myung", "Donald Trump"]),
        ("前国务卿蓬佩奥表示反对。", "zh", ["Mike Pompeo"]),
    ],
)
def test_offices_title_with_name_is_one_person_mention(kb: KnowledgeBase, text: str, lang: str, expected: list[str], mentions_of: MentionsOf) -> None:
    persons = [m for m in mentions_of(text, lang=lang) if m.kind is MentionKind.PERSON]
    assert [m.name for m in persons] == expected
    assert {m.via for m in persons} == {"alias"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("财长表示，美国将继续谈判。", ["Scott Bessent"]),
        ("财长表示，美国和中国将继续谈判。", []),
        ("财长表示将继续谈判。", []),
    ],
)
def test_offices_bare_role_needs_one_evident_state(kb: KnowledgeBase, text: str, expected: list[str], names_of: NamesOf) -> None:
    assert names_of(text, MentionKind.PERSON, via="context") == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("国务院副总理表示，中方愿意合作。", "zh"),
        ("前总统表示，美国将继续谈判。", "zh"),
        ("The former President said the United States would wait.", "en"),
        ("China's Vice Premier of the State Council will attend.", "en"),
    ],
)
def test_offices_blocked_role_names_nobody(kb: KnowledgeBase, text: str, lang: str, names_of: NamesOf) -> None:
    assert names_of(text, MentionKind.PERSON, lang=lang) == []


def test_offices_bare_role_takes_the_state_written_before_it(kb: KnowledgeBase, names_of: NamesOf) -> None:
    text = "China's Finance Minister spoke after the U.S. President."
    assert names_of(text, MentionKind.PERSON, lang="en") == ["Lan Fo'an", "Donald Trump"]


# --- unknown English names --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prime Minister Jacinda Ardern met the delegation.", ["Jacinda Ardern"]),
        ("Senator Jeanne Shaheen said the bill would pass.", ["Jeanne Shaheen"]),
        ("He said he would no longer be Mr. Nice Guy with China.", []),
        ("The Minister for Canada-U.S. Trade replied.", []),
        ("Secretary General Antonio Guterres spoke.", ["António Guterres"]),
        ("President Monday Tuesday said nothing.", []),
    ],
)
def test_offices_titled_unknown_english_names(kb: KnowledgeBase, text: str, expected: list[str], names_of: NamesOf) -> None:
    assert names_of(text, MentionKind.PERSON, lang="en") == expected


def test_offices_title_case_headline_gives_no_unknown_name(kb: KnowledgeBase, names_of: NamesOf) -> None:
    text = "Senator Slams Deal Over Tariffs\nSenator Jeanne Shaheen said the deal was bad."
    assert names_of(text, MentionKind.PERSON, lang="en") == ["Jeanne Shaheen"]


def test_offices_titled_unknown_name_has_no_actor(kb: KnowledgeBase, mentions_of: MentionsOf) -> None:
    (m,) = mentions_of("Prime Minister Jacinda Ardern met the delegation.", lang="en")
    assert (m.actor_id, m.name, m.evidence.span.text) == (None, "Jacinda Ardern", "Jacinda Ardern")
