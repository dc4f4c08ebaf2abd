"""The date stage: every example in data/dates.*.yaml, tables of constructions in zh, zh-Hant and en,
and properties that must hold for any publication date and any text."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tealeaves.extract import dates as dates_module
from tealeaves.extract.dates import extract_dates
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.knowledge.loader import load_knowledge
from tealeaves.knowledge.schema import DateEntry
from tealeaves.model import DateRef, DocumentMeta, Granularity
from tealeaves.text.document import build_document

PUBLISHED = dt.date(2026, 3, 14)  # a Saturday


def _dates(kb: KnowledgeBase, text: str, published: dt.date | None = PUBLISHED, lang: str = "zh") -> list[DateRef]:
    return list(extract_dates(build_document(text, DocumentMeta(published=published, lang=lang), kb), kb))


def _values(kb: KnowledgeBase, text: str, published: dt.date | None = PUBLISHED, lang: str = "zh") -> list[str]:
    return [d.value or "?" for d in _dates(kb, text, published, lang)]


def _examples() -> list[tuple[str, str, str, dt.date | None, tuple[str, ...]]]:
    out = []
    for e in load_knowledge().entries("dates", DateEntry):
        for lang in ("zh", "en") if e.lang == "und" else (e.lang,):
            out += [(e.id, lang, ex.text, ex.published, ex.expect) for ex in e.examples]
    return out


@pytest.mark.parametrize(("entry", "lang", "text", "published", "expect"), _examples(), ids=lambda v: str(v)[:28])
def test_dates_every_data_example_gives_its_values(
    kb: KnowledgeBase, entry: str, lang: str, text: str, published: dt.date | None, expect: tuple[str, ...]
) -> None:
    assert _values(kb, text, published, lang) == list(expect), entry


ZH_TABLE = [
    # absolute
    ("2026年3月14日双方会谈。", PUBLISHED, ["2026-03-14"]),
    ("2025年10月，双方在吉隆坡会谈。", PUBLISHED, ["2025-10"]),
    ("2025年，双方举行五轮会谈。", PUBLISHED, ["2025"]),
    ("3月14日于巴黎会见。", PUBLISHED, ["2026-03-14"]),
    ("二〇二〇年一月十五日签署。", PUBLISHED, ["2020-01-15"]),
    ("中国2020日历年和2021日历年的采购规模，以2017年为基数。", PUBLISHED, ["2020", "2021", "2017"]),
    # relative years, months and days
    ("去年10月双方会谈。", PUBLISHED, ["2025-10"]),
    ("今年3月美方宣布关税。", PUBLISHED, ["2026-03"]),
    ("前年双方达成协议。", PUBLISHED, ["2024"]),
    ("明年双方将再次会晤。", PUBLISHED, ["2027"]),
    ("上个月出口下降。", PUBLISHED, ["2026-02"]),
    ("今年底完成。", PUBLISHED, ["2026-10/2026-12"]),
    ("年中将有结果。", PUBLISHED, ["2026-05/2026-08"]),
    ("昨天商务部回应。", PUBLISHED, ["2026-03-13"]),
    ("后天双方会谈。", PUBLISHED, ["2026-03-16"]),
    # weeks and weekdays (2026-03-14 is a Saturday)
    ("上周五美方宣布。", PUBLISHED, ["2026-03-06"]),
    ("星期一商务部发布公告。", PUBLISHED, ["2026-03-09"]),
    ("本周双方通话。", PUBLISHED, ["2026-03-09/2026-03-15"]),
    ("下周双方会谈。", PUBLISHED, ["2026-03-16/2026-03-22"]),
    ("关税将于下周一生效。", PUBLISHED, ["2026-03-16"]),
    # parts of months (旬) and ranges
    ("3月底到4月初举行会晤。", PUBLISHED, ["2026-03-21/2026-04-10"]),
    ("会谈在5月上旬举行。", PUBLISHED, ["2026-05-01/2026-05-10"]),
    ("月初双方通话。", PUBLISHED, ["2026-03-01/2026-03-10"]),
    ("2月1日至3日举行磋商。", PUBLISHED, ["2026-02-01/2026-02-03"]),
    ("2018年中至2019年底出口下降。", PUBLISHED, ["2018-05/2019-12"]),
    # a bare day takes the month of the date just named in its sentence
    ("3月2日美方发布声明，中方4日回应。", PUBLISHED, ["2026-03-02", "2026-03-04"]),
    # not dates
    ("第六轮会谈将于近日举行。", PUBLISHED, []),
    ("关税提高5%，涉及2000亿美元商品。", PUBLISHED, []),
    ("美方启动301调查。", PUBLISHED, []),
    ("G20峰会上双方会面。", PUBLISHED, []),
    ("请致电010-6512-3456咨询。", PUBLISHED, []),
    ("时隔近五个月，双方再次会面。", PUBLISHED, []),
    ("未来三年每年采购2500万吨大豆。", PUBLISHED, []),
    ("会谈于11:25开始。", PUBLISHED, []),
]


@pytest.mark.parametrize(("text", "published", "expect"), ZH_TABLE, ids=[t for t, _, _ in ZH_TABLE])
def test_dates_zh_constructions(kb: KnowledgeBase, text: str, published: dt.date, expect: list[str]) -> None:
    assert _values(kb, text, published) == expect


ZH_HANT_TABLE = [
    ("去年10月雙方會談。", ["2025-10"]),
    ("商務部週五發布公告。", ["2026-03-13"]),
    ("外交部禮拜一回應。", ["2026-03-09"]),
    ("新措施將於4月1號起實施。", ["2026-04-01"]),
    ("今年底前完成採購。", ["2026-10/2026-12"]),
    ("上週雙方通話。", ["2026-03-02/2026-03-08"]),
]


@pytest.mark.parametrize(("text", "expect"), ZH_HANT_TABLE, ids=[t for t, _ in ZH_HANT_TABLE])
def test_dates_traditional_script_reads_like_simplified(kb: KnowledgeBase, text: str, expect: list[str]) -> None:
    assert _values(kb, text) == expect


EN_TABLE = [
    ("The talks opened on March 14, 2026.", PUBLISHED, ["2026-03-14"]),
    ("The talks opened on 14 March.", PUBLISHED, ["2026-03-14"]),
    ("Tariffs start Nov 1st.", dt.date(2025, 10, 21), ["2025-11-01"]),
    ("Tariffs start Mar. 20.", PUBLISHED, ["2026-03-20"]),
    ("Trade fell in October 2025.", PUBLISHED, ["2025-10"]),
    ("Trade fell in 2019.", PUBLISHED, ["2019"]),
    ("Exports recovered in mid-2018.", PUBLISHED, ["2018-05/2018-08"]),
    ("A decision is due early next month.", PUBLISHED, ["2026-04-01/2026-04-10"]),
    ("The talks happened earlier this month.", PUBLISHED, ["2026-03-01/2026-03-10"]),
    ("Trump will visit later this year.", PUBLISHED, ["2026-10/2026-12"]),
    ("Exports fell last year.", PUBLISHED, ["2025"]),
    ("The ministry said on Monday.", PUBLISHED, ["2026-03-09"]),
    ("The ministry said last Tuesday.", PUBLISHED, ["2026-03-10"]),
    ("The ministry will respond next month.", PUBLISHED, ["2026-04"]),
    ("The visit runs from March 1 to 5.", PUBLISHED, ["2026-03-01/2026-03-05"]),
    ("Purchases are due by the end of February.", dt.date(2026, 1, 20), ["2026-02-21/2026-02-28"]),
    ("Officials met yesterday and will meet again tomorrow.", PUBLISHED, ["2026-03-13", "2026-03-15"]),
    # not dates
    ("Tariffs rose to 55 per cent on $200 billion of goods.", PUBLISHED, []),
    ("Leaders met at the G20 in the coming weeks.", PUBLISHED, []),
    ("Executive Order 14259 applies to 1,000 plants.", PUBLISHED, []),
    ("He may travel to Beijing.", PUBLISHED, []),
]


@pytest.mark.parametrize(("text", "published", "expect"), EN_TABLE, ids=[t for t, _, _ in EN_TABLE])
def test_dates_en_constructions(kb: KnowledgeBase, text: str, published: dt.date, expect: list[str]) -> None:
    assert _values(kb, text, published, "en") == expect


def test_dates_resolve_a_month_without_year_to_the_nearest_one(kb: KnowledgeBase) -> None:
    assert _values(kb, "12月20日双方通话。", dt.date(2026, 1, 5)) == ["2025-12-20"]
    assert _values(kb, "2月28日前完成。", dt.date(2025, 12, 10)) == ["2026-02-28"]


def test_dates_a_range_borrows_the_year_of_its_end_only_when_it_runs_forward(kb: KnowledgeBase) -> None:
    assert _values(kb, "The fair runs March 30 to April 2, 2027.", lang="en") == ["2027-03-30/2027-04-02"]
    assert _values(kb, "10月至2027年3月暂停受理。", dt.date(2026, 8, 1)) == ["2026-10/2027-03"]


def test_dates_without_publication_date_stay_relative_and_unresolved(kb: KnowledgeBase) -> None:
    refs = _dates(kb, "去年10月和上周五，以及2025年3月1日。7月28日至29日会谈。", None)
    assert [(r.value, r.relative) for r in refs] == [(None, True), (None, True), ("2025-03-01", False), (None, True)]
    assert [r.granularity for r in refs] == [Granularity.MONTH, Granularity.DAY, Granularity.DAY, Granularity.INTERVAL]


def test_dates_report_granularity_and_relativeness(kb: KnowledgeBase) -> None:
    refs = _dates(kb, "2026年3月14日，去年10月，2025年，3月底到4月初。")
    assert [(r.granularity, r.relative) for r in refs] == [
        (Granularity.DAY, False),
        (Granularity.MONTH, True),
        (Granularity.YEAR, False),
        (Granularity.INTERVAL, True),
    ]


def test_dates_evidence_points_into_the_right_sentence(kb: KnowledgeBase) -> None:
    refs = _dates(kb, "双方会谈。\n3月12日美方通报。")
    assert [(r.evidence.sentence, r.evidence.span.text) for r in refs] == [(1, "3月12日")]


def test_dates_an_unknown_language_falls_back_to_english(kb: KnowledgeBase) -> None:
    assert _values(kb, "Talks opened on March 14, 2026.", lang="fr") == ["2026-03-14"]


# --- properties ------------------------------------------------------------------------------------

_DAYS = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2035, 12, 31))
_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@_SETTINGS
@given(published=_DAYS)
def test_dates_deictic_words_follow_the_publication_date(kb: KnowledgeBase, published: dt.date) -> None:
    y = published.year
    assert _values(kb, "今天，去年，明年。", published) == [published.isoformat(), str(y - 1), str(y + 1)]
    assert _values(kb, "Today, last year, next year.", published, "en") == [published.isoformat(), str(y - 1), str(y + 1)]


@_SETTINGS
@given(published=_DAYS, weekday=st.integers(0, 6))
def test_dates_a_weekday_is_the_latest_such_day_on_or_before_publication(kb: KnowledgeBase, published: dt.date, weekday: int) -> None:
    names = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]
    (value,) = _values(kb, f"外交部{names[weekday]}表示。", published)
    day = dt.date.fromisoformat(value)
    assert day.weekday() == weekday and dt.timedelta(0) <= published - day < dt.timedelta(days=7)


_FRAGMENTS = [
    "3月底", "4月初", "去年10月", "2025年", "2026年3月14日", "上周五", "下周", "本月", "年底", "中旬",
    "March 3", "late May", "2019", "next week", "Sunday", "15日", "四至七月", "10月31日", "11月1日",
]
_JOINERS = ["至", "到", "-", " to ", " and ", "和", "，", " ", "、"]


@_SETTINGS
@given(parts=st.lists(st.sampled_from(_FRAGMENTS + _JOINERS), max_size=8), published=_DAYS, lang=st.sampled_from(["zh", "en"]))
def test_dates_every_interval_runs_forward(kb: KnowledgeBase, parts: list[str], published: dt.date, lang: str) -> None:
    for ref in _dates(kb, "".join(parts), published, lang):
        assert ref.value is not None
        if "/" in ref.value:
            start, end = ref.value.split("/")
            assert start[: len(end)] <= end[: len(start)], ref.value


@_SETTINGS
@given(text=st.text(max_size=80), lang=st.sampled_from(["zh", "en"]))
def test_dates_any_text_gives_spans_that_slice_the_text(kb: KnowledgeBase, text: str, lang: str) -> None:
    doc = build_document(text, DocumentMeta(published=PUBLISHED, lang=lang), kb)
    for ref in extract_dates(doc, kb):
        assert doc.text[ref.evidence.span.start : ref.evidence.span.end] == ref.evidence.span.text


@_SETTINGS
@given(parts=st.lists(st.sampled_from(_FRAGMENTS + _JOINERS + ["“", "”", "\n"]), max_size=10), lang=st.sampled_from(["zh", "en"]))
def test_dates_fragment_soup_gives_spans_that_slice_the_text(kb: KnowledgeBase, parts: list[str], lang: str) -> None:
    doc = build_document("".join(parts), DocumentMeta(published=PUBLISHED, lang=lang), kb)
    for ref in extract_dates(doc, kb):
        assert doc.text[ref.evidence.span.start : ref.evidence.span.end] == ref.evidence.span.text


_CLAUSE_PIECES = ["a", "will", " ", ",", ".", "\n", "\N{IDEOGRAPHIC FULL STOP}", "\N{CJK UNIFIED IDEOGRAPH-5C06}", "(", "3", "\N{EM DASH}"]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.lists(st.sampled_from(_CLAUSE_PIECES), max_size=12), lang=st.sampled_from(["zh", "en"]))
def test_dates_clause_start_steps_back_to_the_mark_the_clause_pattern_finds(kb: KnowledgeBase, parts: list[str], lang: str) -> None:
    doc = build_document("".join(parts), DocumentMeta(published=PUBLISHED, lang=lang), kb)
    grammar = kb.date_grammars[lang]
    assert grammar.clause_marks and grammar.clause is not None
    reader = dates_module._Reader(doc, doc.text, grammar)
    text = doc.text
    ends = [m.end() for m in grammar.clause.finditer(text) if not (0 < m.start() < len(text) - 1 and text[m.start() - 1].isdigit() and text[m.start() + 1].isdigit())]
    for start in range(len(doc.text) + 1):
        expected = max([e for e in ends if e <= start], default=0)
        assert reader._clause_start(start) == expected


def test_dates_a_point_or_comma_inside_a_number_ends_no_clause(kb: KnowledgeBase) -> None:
    """The future tense before 75.8% still reaches the weekday after it."""
    text = "China will impose duties of 75.8% on 1,200 lots from Thursday, the ministry said."
    doc = build_document(text, DocumentMeta(published=dt.date(2025, 8, 13), lang="en"), kb)
    reader = dates_module._Reader(doc, doc.text, kb.date_grammars["en"])
    assert reader._clause_start(text.index("Thursday")) == 0
    assert [d.value for d in extract_dates(doc, kb)] == ["2025-08-14"]
