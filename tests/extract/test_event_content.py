"""What an act's words govern: the content of a charge, the meeting consented to, the condition of
a threat — on sentences we wrote."""

from __future__ import annotations

import datetime as dt

import pytest

from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.model import DocumentMeta, Event
from tealeaves.pipeline import analyse
from tealeaves.text.document import build_document


def _events(kb: KnowledgeBase, text: str, lang: str = "zh") -> set[tuple[str, str, str, str]]:
    doc = build_document(text, DocumentMeta(published=dt.date(2026, 3, 14), lang=lang), kb)
    return {_key(e) for e in analyse(doc, kb).events}


def _key(e: Event) -> tuple[str, str, str, str]:
    return (str(e.type), e.source, e.target, str(e.modality))


def test_what_follows_a_charge_is_its_content_not_a_charge_the_other_way(kb: KnowledgeBase) -> None:
    found = _events(kb, "中方指责美方将经贸问题政治化，严重破坏了全球供应链的稳定。")
    assert ("ACCUSE", "CHN", "USA", "asserted") in found
    assert not any(t == "ACCUSE" and s == "USA" for t, s, _, _ in found)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("中美双方同意于下月在日内瓦举行新一轮经贸磋商。", "zh"),
        ("Washington and Beijing agreed to hold another round of talks next month.", "en"),
    ],
)
def test_consent_to_a_meeting_is_the_meeting_planned(kb: KnowledgeBase, text: str, lang: str) -> None:
    found = _events(kb, text, lang)
    assert {t for t, *_ in found} == {"CONSULT"}
    assert all(m == "planned" for *_, m in found)


def test_consent_to_an_act_is_still_an_agreement(kb: KnowledgeBase) -> None:
    assert ("AGREE", "CHN", "USA", "asserted") in _events(kb, "China agreed to buy more American soybeans this season.", "en")


def test_a_threats_condition_after_its_content_makes_it_conditional(kb: KnowledgeBase) -> None:
    found = _events(kb, "Washington threatened to raise tariffs on Japanese cars to 25 percent if no deal was reached.", "en")
    assert ("THREATEN", "USA", "JPN", "conditional") in found


def test_keeping_in_touch_is_consulting_but_dialogue_in_general_is_not(kb: KnowledgeBase) -> None:
    assert {t for t, *_ in _events(kb, "美方表示仍愿意与中方就贸易问题保持沟通。")} == {"CONSULT"}
    assert _events(kb, "中方认为，中美之间对话比对抗好。") == set()


@pytest.mark.parametrize(
    "text",
    ["美国将对中国商品加征关税。", "美方将上调对华关税。", "中美两国原定本月在马德里举行经贸会谈。"],
)
def test_future_words_after_a_state_name_plan_the_act(kb: KnowledgeBase, text: str) -> None:
    """将 after 美国 and 上调 after 将 are no parts of 国会 or 会上: those exceptions belong to 会."""
    assert {m for *_, m in _events(kb, text)} == {"planned"}


@pytest.mark.parametrize(
    "text",
    [
        "The move follows Washington's decision to restrict chip sales to Chinese firms, which Beijing said violated the consensus.",
        "Washington doubled tariffs on Chinese goods. Beijing has called the tariffs unfair and unjustified.",
    ],
)
def test_the_party_that_speaks_is_the_judge_not_the_judged(kb: KnowledgeBase, text: str) -> None:
    found = _events(kb, text, "en")
    assert ("ACCUSE", "CHN", "USA", "asserted") in found
    assert not any(t == "ACCUSE" and s == "USA" for t, s, _, _ in found)


def test_what_talks_are_about_is_no_act(kb: KnowledgeBase) -> None:
    found = _events(kb, "中美双方就延长关税暂停期、出口管制等问题达成多项共识。")
    assert {t for t, *_ in found} == {"AGREE"}


def test_an_adverb_jiu_before_an_act_does_not_make_it_a_topic(kb: KnowledgeBase) -> None:
    found = _events(kb, "美方随后就对中国商品加征关税。")
    assert ("SANCTION", "USA", "CHN", "asserted") in found


def test_a_question_about_what_an_act_achieved_takes_the_act_as_given(kb: KnowledgeBase) -> None:
    found = _events(kb, "有记者问，中美双方上周在马德里举行的经贸会谈取得了哪些成果？")
    assert ("CONSULT", "CHN", "USA", "asserted") in found


@pytest.mark.parametrize(
    ("text", "lang"),
    [("中美双方是否会在下周举行会谈？", "zh"), ("Will Washington and Beijing hold talks next week?", "en")],
)
def test_a_yes_or_no_question_leaves_the_act_open(kb: KnowledgeBase, text: str, lang: str) -> None:
    assert _events(kb, text, lang) == set()


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Trump said he had directed the trade office to draw up a list of Chinese goods for new tariffs.", "en",
         ("SANCTION", "USA", "CHN", "planned")),
        ("特朗普已指示商务部对中国输美商品加征关税。", "zh", ("SANCTION", "USA", "CHN", "planned")),
    ],
)
def test_an_order_to_an_agency_announces_the_act(kb: KnowledgeBase, text: str, lang: str, expected: tuple[str, ...]) -> None:
    assert expected in _events(kb, text, lang)


def test_a_right_reserved_is_a_conditional_threat(kb: KnowledgeBase) -> None:
    found = _events(kb, "Beijing reserves the right to take all necessary measures against the new US restrictions.", "en")
    assert ("THREATEN", "CHN", "USA", "conditional") in found
    found = _events(kb, "Beijing reserves the right to respond to the new US restrictions.", "en")
    assert ("THREATEN", "CHN", "USA", "conditional") in found


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("分析人士认为，美国和巴西短期内恐难达成协议。", "zh"),
        ("Analysts said Washington and Brasília were unlikely to reach a deal soon.", "en"),
    ],
)
def test_a_guess_that_an_act_is_unlikely_codes_no_act(kb: KnowledgeBase, text: str, lang: str) -> None:
    assert not _events(kb, text, lang)


def test_a_visitor_from_a_third_state_visits_the_destination_in_the_cue(kb: KnowledgeBase) -> None:
    found = _events(kb, "西班牙首相今年4月访华。欧盟与中国的贸易摩擦升级。法国总统马克龙本月初访华。")
    assert ("CONSULT", "FRA", "CHN", "asserted") in found
    assert not any(t == "CONSULT" and "ESP" in (s, o) and "FRA" not in (s, o) and o != "CHN" for t, s, o, _ in found)


def test_a_new_subject_ends_the_content_of_a_charge(kb: KnowledgeBase) -> None:
    found = _events(kb, "商务部表示，美方无端指责中方违反共识，严重背离事实，中方坚决拒绝。")
    assert ("REJECT", "CHN", "USA", "asserted") in found
    found = _events(kb, "中方敦促美方取消对华加征的关税，停止对中国企业的打压。")
    assert {t for t, *_ in found} == {"REQUEST"}


def test_an_act_before_whether_is_what_the_question_is_about(kb: KnowledgeBase) -> None:
    found = _events(kb, "Greer opened a Section 301 investigation into whether China honored the trade deal.", "en")
    assert ("ACCUSE", "USA", "CHN", "asserted") in found
    assert not _events(kb, "外界关注美方是否会对华加征关税。")
    assert not _events(kb, "在美方没有取消对华关税的情况下，双方难以推进合作。")


def test_a_red_line_of_sovereignty_and_a_concession_refused(kb: KnowledgeBase) -> None:
    found = _events(kb, "刘鹤表示，任何协议都必须尊重中国的主权和尊严，中方对美方决不让步。")
    assert ("CONCEDE", "CHN", "USA", "negated") in found


def test_both_sides_each_doing_an_act_is_one_act_from_each_side(kb: KnowledgeBase) -> None:
    found = _events(kb, "根据日内瓦联合声明，中美双方各自暂停24%的加征关税。")
    assert {("RETREAT", "CHN", "USA", "asserted"), ("RETREAT", "USA", "CHN", "asserted")} <= found
    assert not any(t == "RETREAT" for t, *_ in _events(kb, "中美双方的关税暂停期即将结束。"))


def test_a_meeting_agreed_on_is_yet_to_be_held(kb: KnowledgeBase) -> None:
    assert _events(kb, "中美双方同意举行新一轮经贸磋商。") == {("CONSULT", "CHN", "USA", "planned")}


def test_a_meeting_that_dates_an_agreement_is_not_what_was_agreed_on(kb: KnowledgeBase) -> None:
    found = _events(kb, "Trump and Xi Jinping agreed to lower trade tensions after meeting in South Korea last week.", "en")
    assert any(t == "AGREE" for t, *_ in found)
    assert ("CONSULT", "USA", "CHN", "planned") not in found and ("CONSULT", "CHN", "USA", "planned") not in found


def _sanctions(kb: KnowledgeBase, text: str) -> int:
    doc = build_document(text, DocumentMeta(published=dt.date(2026, 3, 14), lang="zh"), kb)
    return sum(1 for e in analyse(doc, kb).events if str(e.type) == "SANCTION")


def test_measures_of_two_kinds_in_two_sentences_are_two_acts(kb: KnowledgeBase) -> None:
    assert _sanctions(kb, "中方宣布对美国煤炭加征15%的关税。中方还将两家美国公司列入不可靠实体清单。") == 2
    assert _sanctions(kb, "美方对中国商品加征关税。这些关税将于下周生效。") == 1  # one measure named twice
    assert _sanctions(kb, "美方宣布出口管制实体清单穿透性规则，将数千家中国企业列入实体清单。") == 1  # one sentence, one act


def test_yet_to_and_neither_negate(kb: KnowledgeBase) -> None:
    assert ("RETREAT", "USA", "CHN", "negated") in _events(kb, "Washington has yet to lift its tariffs on Chinese goods.", "en")
    found = _events(kb, "China filed a complaint at the WTO against the U.S. chip restrictions.", "en")
    assert ("ACCUSE", "CHN", "USA", "asserted") in found and not any(t == "SANCTION" and s == "CHN" for t, s, _, _ in found)


def test_abusing_controls_accuses_the_party_said_to_abuse_them(kb: KnowledgeBase) -> None:
    text = "China's commerce ministry issued a statement. \"The United States has abused export controls,\" the ministry said."
    found = _events(kb, text, "en")
    assert ("ACCUSE", "CHN", "USA", "asserted") in found and not any(t == "ACCUSE" and s == "USA" for t, s, _, _ in found)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("中方一贯反对各种形式的单边加征关税。", "zh"),
        ("Beijing opposes unilateral tariffs of every kind.", "en"),
    ],
)
def test_a_measure_opposed_is_not_the_opposers_act(kb: KnowledgeBase, text: str, lang: str) -> None:
    assert not any(t == "SANCTION" for t, *_ in _events(kb, text, lang))


def test_a_measure_after_a_joining_word_is_the_opposers_next_act(kb: KnowledgeBase) -> None:
    found = _events(kb, "China said it firmly opposed the listing and would take countermeasures against the United States.", "en")
    assert any(t in ("THREATEN", "SANCTION") and s == "CHN" and g == "USA" for t, s, g, _ in found)


def test_a_request_the_clause_chain_gives_to_its_addressee_is_the_speakers(kb: KnowledgeBase) -> None:
    text = "商务部发言人批评，美方一再泛化国家安全概念，对全球供应链构成严重威胁，要求美方尽快取消对华出口管制。"
    assert ("REQUEST", "CHN", "USA", "asserted") in _events(kb, text)


def test_a_request_with_a_subject_of_its_own_is_not_given_to_the_speaker(kb: KnowledgeBase) -> None:
    text = "China bought $12 billion of U.S. soybeans last year, much of it from states that voted for Trump, and farm groups have urged the administration to settle."
    assert not any(t == "REQUEST" for t, *_ in _events(kb, text, "en"))
