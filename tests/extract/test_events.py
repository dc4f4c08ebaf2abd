"""The event coder on sentences we wrote, with the mentions and dates built by hand so that the tests
pin the coder's own rules (dyads, modality, dates, merging) whatever the entity and date stages do."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tealeaves.extract.events import extract_events
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.model import (
    DateRef,
    Document,
    DocumentMeta,
    Event,
    Granularity,
    Mention,
    MentionKind,
)
from tealeaves.text.document import build_document
from tealeaves.text.evidence import evidence_at

PUBLISHED = dt.date(2026, 3, 14)

STATES = {
    "美方": "USA",
    "美国": "USA",
    "贝森特": "USA",
    "特朗普": "USA",
    "中方": "CHN",
    "中国": "CHN",
    "北京": "CHN",
    "习近平": "CHN",
    "Washington": "USA",
    "Bessent": "USA",
    "Beijing": "CHN",
    "China": "CHN",
    "Chinese": "CHN",
    "Ottawa": "CAN",
    "台湾": "TWN",
    "Taiwan": "TWN",
}
PEOPLE = {"贝森特", "特朗普", "习近平", "Bessent"}
PLACES = {"巴黎": "FRA", "Paris": "FRA"}


def _doc(kb: KnowledgeBase, text: str, lang: str = "zh", title: str | None = None) -> Document:
    return build_document(text, DocumentMeta(published=PUBLISHED, lang=lang, title=title), kb)


def _mentions(doc: Document) -> tuple[Mention, ...]:
    """Every occurrence of a name of STATES / PLACES as a hand-built mention (longest names first)."""
    taken: set[int] = set()
    out: list[Mention] = []
    names = sorted({**STATES, **PLACES}, key=len, reverse=True)
    for name in names:
        start = doc.text.find(name)
        while start >= 0:
            span = range(start, start + len(name))
            if not taken.intersection(span):
                taken.update(span)
                kind = MentionKind.PLACE if name in PLACES else MentionKind.PERSON if name in PEOPLE else MentionKind.STATE
                state = PLACES.get(name) or STATES[name]
                out.append(Mention(kind=kind, actor_id=None, name=name, state=state, evidence=evidence_at(doc, start, start + len(name))))
            start = doc.text.find(name, start + 1)
    return tuple(sorted(out, key=lambda m: m.evidence.span.start))


def _dates(doc: Document, values: dict[str, str]) -> tuple[DateRef, ...]:
    out = []
    for phrase, value in values.items():
        start = doc.text.find(phrase)
        assert start >= 0, phrase
        out.append(DateRef(value=value, granularity=Granularity.DAY, evidence=evidence_at(doc, start, start + len(phrase))))
    return tuple(out)


def _code(kb: KnowledgeBase, text: str, lang: str = "zh", dates: dict[str, str] | None = None, title: str | None = None) -> tuple[Event, ...]:
    doc = _doc(kb, text, lang, title)
    return extract_events(doc, kb, mentions=_mentions(doc), dates=_dates(doc, dates or {}), quantities=())


def _triples(events: tuple[Event, ...]) -> set[tuple[str, str | None, str | None]]:
    return {(str(e.type), e.source, e.target) for e in events}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("美方敦促中方纠正错误做法。", "zh", ("REQUEST", "USA", "CHN")),
        ("美方对中国商品加征关税。", "zh", ("SANCTION", "USA", "CHN")),
        ("美方宣布对华加征关税。", "zh", ("SANCTION", "USA", "CHN")),
        ("被中方制裁的美国官员下月访华。", "zh", ("SANCTION", "CHN", "USA")),
        ("中方近日自美采购了一批大豆。", "zh", ("COOPERATE", "CHN", "USA")),
        ("贝森特下月访华。", "zh", ("CONSULT", "USA", "CHN")),
        ("中方表示，美方行为严重损害中国企业利益。", "zh", ("ACCUSE", "CHN", "USA")),
        ("美方与中方关系紧张。美方一边与中方对话，一边启动新的贸易调查。", "zh", ("ACCUSE", "USA", "CHN")),
        ("Washington imposed new tariffs on Chinese goods.", "en", ("SANCTION", "USA", "CHN")),
        ("Beijing urged Washington to correct its practices.", "en", ("REQUEST", "CHN", "USA")),
    ],
)
def test_events_dyad_follows_subject_object_and_markers(kb: KnowledgeBase, text: str, lang: str, expected: tuple[str, str, str]) -> None:
    assert expected in _triples(_code(kb, text, lang))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("中美双方在巴黎举行会谈。", "zh"),
        ("Washington and Beijing held talks in Paris.", "en"),
    ],
)
def test_events_joint_meeting_is_consult_in_either_order(kb: KnowledgeBase, text: str, lang: str) -> None:
    events = _code(kb, text, lang)
    assert {(str(e.type), frozenset((e.source, e.target))) for e in events} == {("CONSULT", frozenset({"USA", "CHN"}))}


def test_events_venue_is_place_not_party(kb: KnowledgeBase) -> None:
    events = _code(kb, "中美双方在巴黎举行会谈。")
    assert [e.place for e in events] == ["巴黎"]
    assert "FRA" not in {e.source for e in events} | {e.target for e in events}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("习近平同特朗普通电话。他强调，台湾问题事关中国国家主权和领土完整，希望美方务必慎重处理。", "zh"),
        ("Beijing held talks with Washington. China said the Taiwan issue was its core interest, and urged Washington to handle it with care.", "en"),
    ],
)
def test_events_a_place_named_as_a_topic_is_not_a_party(kb: KnowledgeBase, text: str, lang: str) -> None:
    triples = _triples(_code(kb, text, lang))
    assert ("REQUEST", "CHN", "USA") in triples
    assert not any("TWN" in t for t in triples)


def test_events_a_preposition_whose_object_is_a_date_marks_no_party(kb: KnowledgeBase) -> None:
    events = _code(kb, "On March 4 Washington doubled the tariff on Chinese goods.", "en", dates={"March 4": "2026-03-04"})
    assert _triples(events) == {("SANCTION", "USA", "CHN")}


def test_events_lifting_two_kinds_of_measure_is_two_acts(kb: KnowledgeBase) -> None:
    text = "美方宣布暂停对中国商品加征的关税。美方还宣布暂停对中国船舶收取港口费。"
    events = _code(kb, text)
    assert [(str(e.type), e.source, e.target) for e in events] == [("RETREAT", "USA", "CHN"), ("RETREAT", "USA", "CHN")]


def test_events_an_english_possessor_owns_its_noun_not_the_verb(kb: KnowledgeBase) -> None:
    events = _code(kb, "Beijing said Washington's claims were groundless and rejected the accusations.", "en")
    assert ("REJECT", "CHN", "USA") in _triples(events)
    assert ("REJECT", "USA", "CHN") not in _triples(events)


def test_events_a_threat_to_safeguard_ones_own_is_aimed_at_the_other_side(kb: KnowledgeBase) -> None:
    text = "美方宣布对中国商品加征关税。中方表示，将采取必要措施维护中国企业的正当权益。"
    assert ("THREATEN", "CHN", "USA") in _triples(_code(kb, text))


def test_events_missing_party_is_not_guessed_without_a_counterpart(kb: KnowledgeBase) -> None:
    assert _code(kb, "美方启动新的贸易调查。") == ()


def test_events_same_state_on_both_sides_codes_nothing(kb: KnowledgeBase) -> None:
    assert _code(kb, "美方敦促美国企业加快投资。") == ()


@pytest.mark.parametrize(
    ("text", "lang", "modality"),
    [
        ("美方将对中国商品加征关税。", "zh", "planned"),
        ("中方没有购买美国大豆。", "zh", "negated"),
        ("美方宣布对中国商品加征关税。", "zh", "asserted"),
        ("Washington will suspend the tariffs on Chinese goods.", "en", "planned"),
    ],
)
def test_events_modality_comes_from_the_words_before_the_cue(kb: KnowledgeBase, text: str, lang: str, modality: str) -> None:
    events = _code(kb, text, lang)
    assert [str(e.modality) for e in events] == [modality]


@pytest.mark.parametrize(
    "text",
    [
        "中方表示，如果美方一意孤行，中方将对美国商品加征关税。",
        "If China retaliates, Washington will impose new tariffs on Chinese goods.",
    ],
)
def test_events_sanction_on_a_condition_is_a_conditional_threat(kb: KnowledgeBase, text: str) -> None:
    lang = "en" if text.isascii() else "zh"
    threats = [e for e in _code(kb, text, lang) if str(e.type) == "THREATEN"]
    assert [(str(e.modality)) for e in threats] == ["conditional"]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("如果中方同意，美方将下调对华关税。", "AGREE"),  # the condition itself is no act
        ("中美双方是否会举行会谈？", "CONSULT"),  # an open question asserts nothing
        ("中方敦促美方取消对华关税。", "RETREAT"),  # the content of a request is no act
        ("美方试图用关税制造谈判筹码。", "CONSULT"),  # a cue word in another sense
    ],
)
def test_events_hypothetical_acts_are_not_coded(kb: KnowledgeBase, text: str, absent: str) -> None:
    assert absent not in {str(e.type) for e in _code(kb, text)}


def test_events_speech_act_voiced_is_asserted_even_when_it_announces(kb: KnowledgeBase) -> None:
    events = _code(kb, "美方与中方会谈。中方将坚决反对美方的做法。")
    rejects = [e for e in events if str(e.type) == "REJECT"]
    assert [str(e.modality) for e in rejects] == ["asserted"]


def test_events_planned_act_takes_the_day_it_is_to_happen(kb: KnowledgeBase) -> None:
    events = _code(kb, "3月12日，美方宣布，贝森特将在3月16日于巴黎会见中方高层。", dates={"3月12日": "2026-03-12", "3月16日": "2026-03-16"})
    assert [(str(e.type), e.date, str(e.modality)) for e in events] == [("CONSULT", "2026-03-16", "planned")]


def test_events_date_still_to_come_makes_an_act_planned(kb: KnowledgeBase) -> None:
    events = _code(kb, "美方宣布自3月20日起对中国商品加征关税。", dates={"3月20日": "2026-03-20"})
    assert [(e.date, str(e.modality)) for e in events] == [("2026-03-20", "planned")]


@pytest.mark.parametrize("text", ["中方3月4日宣布，从3月10日对美方加征关税。", "中方3月4日宣佈，從3月10日對美方加徵關稅。"])
def test_events_a_measure_in_force_takes_its_announcement_day_in_either_script(kb: KnowledgeBase, text: str) -> None:
    # 從 is 从 in the folded view: the day it marks is when the measure took effect, not the act's
    (event,) = _code(kb, text, dates={"3月4日": "2026-03-04", "3月10日": "2026-03-10"})
    assert (str(event.type), event.date) == ("SANCTION", "2026-03-04")


def test_events_voiced_act_without_a_date_takes_the_news_day(kb: KnowledgeBase) -> None:
    text = "中方13日发表声明。\n美方与中方关系紧张，中方敦促美方纠正错误做法。"
    events = _code(kb, text, dates={"13日": "2026-03-13"})
    assert [(str(e.type), e.date) for e in events] == [("REQUEST", "2026-03-13")]


def test_events_one_meeting_mentioned_three_times_is_one_event(kb: KnowledgeBase) -> None:
    text = "贝森特将在3月16日于巴黎会见中方高层。这场会谈备受关注。美方对这场会谈寄予厚望，中方也重视会谈。"
    events = _code(kb, text, dates={"3月16日": "2026-03-16"})
    consults = [e for e in events if str(e.type) == "CONSULT"]
    assert len(consults) == 1
    assert consults[0].date == "2026-03-16"
    assert len(consults[0].more_evidence) >= 2


def test_events_two_meetings_on_different_days_stay_apart(kb: KnowledgeBase) -> None:
    text = "中美双方3月2日在巴黎举行会谈。中美双方将于4月20日再次举行会谈。"
    events = _code(kb, text, dates={"3月2日": "2026-03-02", "4月20日": "2026-04-20"})
    assert sorted(e.date or "" for e in events if str(e.type) == "CONSULT") == ["2026-03-02", "2026-04-20"]


def test_events_headline_repeating_the_title_is_skipped(kb: KnowledgeBase) -> None:
    title = "美方宣布对华加征关税"
    events = _code(kb, title + "\n美方宣布将于下月对华加征关税。", title=title)
    assert [str(e.modality) for e in events] == ["planned"]
    assert events[0].more_evidence == ()


_FRAGMENTS = ["美方", "中方", "对华", "加征关税", "会谈", "将", "如果", "，", "。", "没有", "访华", "敦促", "被", "制裁", "\n"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), min_size=1, max_size=25))
def test_events_evidence_quotes_the_text_exactly(kb: KnowledgeBase, parts: list[str]) -> None:
    doc = _doc(kb, "".join(parts))
    for event in extract_events(doc, kb, mentions=_mentions(doc), dates=(), quantities=()):
        for ev in (event.evidence, *event.more_evidence):
            assert doc.text[ev.span.start : ev.span.end] == ev.span.text
            assert ev.span.text.strip()
        assert event.source != event.target

