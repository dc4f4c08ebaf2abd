"""The entity stage: persons by alias, compound and role; organizations; places against acting states;
unknown English names after a title; and properties that must hold for any text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tealeaves.extract.entities import extract_entities
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.model import DocumentMeta, Mention, MentionKind
from tealeaves.text.document import build_document

MentionsOf = Callable[..., list[Mention]]
NamesOf = Callable[..., list[str]]
"""The fixtures of tests/extract/conftest.py."""


# --- persons -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("美国财长贝森特将于巴黎会见中方高层。", "zh", ["Scott Bessent"]),
        ("美國國務卿魯比歐計劃隨川普訪問中國。", "zh", ["Marco Rubio", "Donald Trump"]),
        ("貿易代表葛里爾表示將繼續推進調查。", "zh", ["Jamieson Greer"]),
        ("商务部新闻发言人何亚东在例行发布会上回应。", "zh", ["He Yadong"]),
        ("中華人民共和國駐美大使謝鋒發表致詞。", "zh", ["Xie Feng (diplomat)"]),
        ("Treasury Secretary Scott Bessent met Vice Premier He Lifeng.", "en", ["Scott Bessent", "He Lifeng"]),
        ("Trump's tariffs hit China, and President Xi said so.", "en", ["Donald Trump", "Xi Jinping"]),
        ("TRUMP SAYS CHINA WILL BUY SOYBEANS", "en", ["Donald Trump"]),
    ],
)
def test_entities_person_aliases_in_each_script(kb: KnowledgeBase, text: str, lang: str, expected: list[str], names_of: NamesOf) -> None:
    assert names_of(text, MentionKind.PERSON, lang=lang, via="alias") == expected


def test_entities_compound_names_each_member_once(kb: KnowledgeBase, mentions_of: MentionsOf) -> None:
    mentions = [m for m in mentions_of("川習會在釜山舉行。") if m.kind is MentionKind.PERSON]
    assert sorted(m.name or "" for m in mentions) == ["Donald Trump", "Xi Jinping"]
    assert {m.evidence.span.text for m in mentions} == {"川習會"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [("他们在学习新规定。", "zh"), ("The trump card stays with us.", "en"), ("国内政治局势紧张，韩正式宣布新措施。", "zh")],
)
def test_entities_common_words_are_not_names(kb: KnowledgeBase, text: str, lang: str, mentions_of: MentionsOf) -> None:
    assert [m for m in mentions_of(text, lang=lang) if m.kind in (MentionKind.PERSON, MentionKind.ORGANIZATION)] == []


def test_entities_lowercase_pronoun_is_not_the_united_states(kb: KnowledgeBase, mentions_of: MentionsOf) -> None:
    assert mentions_of("They told us the plan.", lang="en") == []


# --- places and states ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "places", "states"),
    [
        ("美国总统特朗普计划访问中国。中方表示欢迎。", "zh", ["China"], ["China"]),
        ("中国宣布对美国商品加征关税。", "zh", [], ["China", "United States"]),
        ("美方与中方在马来西亚第五轮会谈后同意延期。", "zh", ["Malaysia"], ["United States", "China"]),
        ("中美双方在美国华盛顿签署协议，美方与中方均表示满意。", "zh", ["Washington, D.C."], ["United States", "United States", "China"]),
        ("北京表示将采取反制措施。", "zh", [], ["China"]),
        ("会谈将在北京举行。", "zh", ["Beijing"], []),
        ("Trump will meet Xi in South Korea, China and the United States said.", "en", ["South Korea"], ["China", "United States"]),
        ("Beijing and Washington traded accusations.", "en", [], ["China", "United States"]),
    ],
)
def test_entities_country_is_a_place_only_where_something_happens(
    kb: KnowledgeBase, text: str, lang: str, places: list[str], states: list[str]
, names_of: NamesOf) -> None:
    assert names_of(text, MentionKind.PLACE, lang=lang) == places
    assert names_of(text, MentionKind.STATE, lang=lang) == states


def test_entities_weak_locative_does_not_make_a_main_party_a_place(kb: KnowledgeBase, names_of: NamesOf) -> None:
    text = "美方称中国在中国境内限制美国公司，中方回应美方。"
    assert names_of(text, MentionKind.PLACE) == []


def test_entities_city_is_always_a_place(kb: KnowledgeBase, names_of: NamesOf) -> None:
    assert names_of("巴黎会谈不是简单谈判。", MentionKind.PLACE) == ["Paris"]


# --- organizations ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["特区政府翌日凌晨发表声明，批评美方抹黑香港。", "特區政府翌日凌晨發表聲明，批評美方抹黑香港。"])
def test_entities_bare_sar_government_is_hong_kongs(kb: KnowledgeBase, names_of: NamesOf, text: str) -> None:
    assert names_of(text, MentionKind.ORGANIZATION) == ["Government of Hong Kong"]


def test_entities_shared_organization_alias_goes_to_the_article_state(kb: KnowledgeBase, names_of: NamesOf) -> None:
    text = "外交部发言人表示，中方坚决反对美方做法，中方将奉陪到底。"
    assert names_of(text, MentionKind.ORGANIZATION) == ["Ministry of Foreign Affairs of the People's Republic of China"]


# --- properties ------------------------------------------------------------------------------------------------------

_PIECES = [
    "美国财长", "贝森特", "川習會", "财长", "中方", "在", "北京", "巴黎", "会谈", "，", "。", "\n", "President", " ",
    "Xi", "Trump's", "China", "in", "Senator", "Jeanne", "Shaheen", "us", "副", "总理", "外交部", "Washington", ", ",
    "美国", "华盛顿", "的", "x",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pieces=st.lists(st.sampled_from(_PIECES), max_size=30), published=st.none() | st.dates())
def test_entities_spans_quote_the_text_and_come_sorted(kb: KnowledgeBase, pieces: list[str], published: dt.date | None) -> None:
    doc = build_document("".join(pieces), DocumentMeta(published=published), kb)
    mentions = extract_entities(doc, kb)
    for m in mentions:
        span = m.evidence.span
        assert doc.text[span.start : span.end] == span.text
        sentence = doc.sentences[m.evidence.sentence].span
        assert sentence.start <= span.start <= sentence.end
        assert (m.actor_id is None) == (m.name is None) or (m.kind is MentionKind.PERSON and m.actor_id is None)
    keys = [(m.evidence.span.start, m.evidence.span.end) for m in mentions]
    assert keys == sorted(keys)
    assert extract_entities(doc, kb) == mentions


def test_entities_a_shared_alias_goes_to_the_body_last_named_in_full(kb: KnowledgeBase, names_of: NamesOf) -> None:
    text = "中方坚决反对，中方将奉陪到底。美国财政部周五宣布制裁。财政部又指，名单还会扩大。"
    assert names_of(text, MentionKind.ORGANIZATION) == ["United States Department of the Treasury"] * 2


def test_entities_a_region_inside_one_state_is_always_a_place(kb: KnowledgeBase, names_of: NamesOf) -> None:
    assert names_of("Workers in swing states such as Michigan and Pennsylvania are worried.", MentionKind.PLACE) == ["Michigan", "Pennsylvania"]
    assert names_of("The report covers the Asia-Pacific supply chain.", MentionKind.PLACE) == []


def test_entities_a_ministry_name_before_a_title_suffix_is_the_ministers_title(kb: KnowledgeBase, names_of: NamesOf) -> None:
    assert names_of("加拿大农业部长对调查表示失望。", MentionKind.ORGANIZATION) == []
    assert names_of("加拿大农业部对调查表示失望。", MentionKind.ORGANIZATION) == ["Agriculture and Agri-Food Canada"]


def _org_names(kb: KnowledgeBase, text: str, lang: str) -> list[str | None]:
    doc = build_document(text, DocumentMeta(published=dt.date(2025, 6, 2), lang=lang), kb)
    return [m.name for m in extract_entities(doc, kb) if m.kind is MentionKind.ORGANIZATION]


def test_a_bare_ministry_goes_to_the_state_the_article_names_most(kb: KnowledgeBase) -> None:
    china = _org_names(kb, "China hit back at Washington. China said the foreign ministry would reply.", "en")
    assert china == ["Ministry of Foreign Affairs of the People's Republic of China"]
    japan = _org_names(kb, "Japan and South Korea met in Tokyo. Japan said the foreign ministry would reply.", "en")
    assert japan == ["Ministry of Foreign Affairs (Japan)"]
