"""The quantity stage: amounts with units in base units, commodity, rates, bounds, ranges, dedup."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from unittest import mock

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tealeaves.extract import quantities
from tealeaves.extract.numbers import find_numbers
from tealeaves.extract.quantities import extract_quantities
from tealeaves.extract.quantity_context import Context
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.model import Document, DocumentMeta, Quantity
from tealeaves.text.document import build_document
from tealeaves.text.normalize import make_view

MakeDoc = Callable[..., Document]

Row = tuple[float, str, str | None]


def _rows(quantities: tuple[Quantity, ...]) -> list[Row]:
    return [(round(q.value_base, 6), q.unit, q.commodity) for q in quantities]


def _extract(make_doc: MakeDoc, kb: KnowledgeBase, text: str, *, counts: bool = False) -> tuple[Quantity, ...]:
    return extract_quantities(make_doc(text), kb, counts=counts)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("中方已经完成1200万吨大豆采购的承诺，而未来三年每年2500万吨的采购目标备受关注。",
         [(12_000_000, "t", "soybeans"), (25_000_000, "t/year", "soybeans")]),
        ("中方同意本季至少购买1200万吨美国大豆，并在未来三年内每年至少采购2500万吨美国大豆。",
         [(12_000_000, "t", "soybeans"), (25_000_000, "t/year", "soybeans")]),
        ("China agreed to buy 12 million metric tons of U.S. soybeans this season and 25 million metric tons a year.",
         [(12_000_000, "t", "soybeans"), (25_000_000, "t/year", "soybeans")]),
        ("Beijing's soybean purchases of 8 million tonnes lagged.", [(8_000_000, "t", "soybeans")]),
        ("大豆采购量仅为300万吨。", [(3_000_000, "t", "soybeans")]),
        ("中國已採購1200萬噸美國大豆。", [(12_000_000, "t", "soybeans")]),
        ("据透露，中方同意采购美国玉米，目前完成约50万吨。", [(500_000, "t", "corn")]),
        ("中方承诺购买一千二百万吨美国小麦。", [(12_000_000, "t", "wheat")]),
        ("China bought 10 million bushels of corn.", [(254_012, "t", "corn")]),
        ("China bought 10 million bushels of soybeans.", [(272_155, "t", "soybeans")]),
        ("原油日均进口量为1000万桶。", [(10_000_000, "bbl/day", "crude oil")]),
    ],
)
def test_extract_quantities_tonnages_with_commodity(make_doc: MakeDoc, kb: KnowledgeBase, text: str,
                                                    expected: list[Row]) -> None:
    assert _rows(_extract(make_doc, kb, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("中国2020年自美采购规模不少于329亿美元。", [(32_900_000_000, "USD", None)]),
        ("在农产品方面，中国第一年自美采购规模不少于125亿美元。", [(12_500_000_000, "USD", "agricultural products")]),
        ("Tariffs now cover $50 billion of imports and $200bn more is threatened.",
         [(50_000_000_000, "USD", None), (200_000_000_000, "USD", None)]),
        ("The deal is worth US$1.2tn.", [(1_200_000_000_000, "USD", None)]),
        ("损失高达四百多亿美元。", [(40_000_000_000, "USD", None)]),
        ("韩国承诺投资3500億美元。", [(350_000_000_000, "USD", None)]),
        ("项目投资为人民币300亿元。", [(30_000_000_000, "CNY", None)]),
        ("The bank lent RMB 50 billion.", [(50_000_000_000, "CNY", None)]),
        ("Brussels fined the firm €400 million.", [(400_000_000, "EUR", None)]),
        ("The pledge is $20 billion a year.", [(20_000_000_000, "USD/year", None)]),
        ("China will buy $40 billion of American farm products a year.", [(40_000_000_000, "USD/year", "agricultural products")]),
    ],
)
def test_extract_quantities_money(make_doc: MakeDoc, kb: KnowledgeBase, text: str, expected: list[Row]) -> None:
    assert _rows(_extract(make_doc, kb, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("中方对美加征34%的关税。", [(34, "%", None)]),
        ("关税将提高百分之二十。", [(20, "%", None)]),
        ("Tariffs of up to 155 per cent and the 55 percent duty.", [(155, "%", None), (55, "%", None)]),
        ("关税税率为２５％。", [(25, "%", None)]),
        ("美方加征10个百分点。", [(10, "%", None)]),
        ("The U.S. will suspend 24 percentage points of the tariff.", [(24, "%", None)]),
        ("通用接口芯片倾销幅度达302.41%。", [(302.41, "%", None)]),
        ("美国对中关税已从57%降至47%。", [(57, "%", None), (47, "%", None)]),
    ],
)
def test_extract_quantities_percentages(make_doc: MakeDoc, kb: KnowledgeBase, text: str, expected: list[Row]) -> None:
    assert _rows(_extract(make_doc, kb, text)) == expected


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("出口量可能在一千五百万至二千万吨之间。", 15_000_000, 20_000_000, "t"),
        ("出口量预计为1400万至1600万吨。", 14_000_000, 16_000_000, "t"),
        ("出口量预计为1400-1600万吨。", 14_000_000, 16_000_000, "t"),
        ("Exports may reach 14-16 million tons.", 14_000_000, 16_000_000, "t"),
        ("Exports may be between 14 and 16 million tons.", 14_000_000, 16_000_000, "t"),
        ("市占率可能下滑13%-17%。", 13, 17, "%"),
        ("税率为21.9%-42.7%。", 21.9, 42.7, "%"),
    ],
)
def test_extract_quantities_ranges_emit_both_ends(make_doc: MakeDoc, kb: KnowledgeBase, text: str, low: float,
                                                  high: float, unit: str) -> None:
    found = _extract(make_doc, kb, text)
    assert [(q.value_base, q.unit) for q in found] == [(pytest.approx(low), unit), (pytest.approx(high), unit)]
    assert all(q.low_base == pytest.approx(low) and q.high_base == pytest.approx(high) for q in found)


def test_extract_quantities_change_is_two_amounts_not_a_range(make_doc: MakeDoc, kb: KnowledgeBase) -> None:
    found = _extract(make_doc, kb, "Tariffs were raised from 10 to 25 percent.")
    assert _rows(found) == [(10, "%", None), (25, "%", None)]
    assert all(q.low_base is None for q in found)


@pytest.mark.parametrize(
    ("text", "bound"),
    [
        ("中国2020年自美采购规模不少于329亿美元。", "at_least"),
        ("中方至少购买100万吨美国大豆。", "at_least"),
        ("中粮再采购了上百万吨美国大豆。", "at_least"),
        ("出口量在三千万吨以上。", "at_least"),
        ("损失四百多亿美元。", "at_least"),
        ("中方目前完成约300万吨大豆采购。", "about"),
        ("It covers about 78% of trade.", "about"),
        ("Tariffs of up to 155 per cent.", "at_most"),
        ("关税税率由10%上调至25%。", "exact"),
    ],
)
def test_extract_quantities_bounds(make_doc: MakeDoc, kb: KnowledgeBase, text: str, bound: str) -> None:
    assert _extract(make_doc, kb, text)[-1].bound == bound


@pytest.mark.parametrize(
    "text",
    [
        "双方约定在90天内完成谈判，会谈持续了三天，谈了6个小时。",
        "中美第六轮经贸磋商于2026年3月14日举行。",
        "2019年1月1日元旦假期期间，中美元首通了电话。",
        "中国拥有14亿人口，有3万名员工。",
        "根据《反外国制裁法》第十二条和第2条的规定。",
        "USTR launched a Section 301 investigation under Executive Order 14259.",
        "Call 010-12345678 for details.",
        "India's 1.4 billion people and 16 trading partners.",
        "Nvidia's H20 chip and AMD's MI308 and the F-35.",
        "China bought billions of dollars worth of soybeans.",
        "美国农民损失了数十亿美元，数百万吨大豆积压。",
        "价格为每吨400美元，大豆价格每蒲式耳下跌了1美元。",
        "Soybeans traded at $10.50 a bushel.",
        "1美元兑换7.1元人民币。",
        "$200bn (R3.6-trillion) was pledged.",
        "万吨级货轮已经下水。",
    ],
)
def test_extract_quantities_ignores_non_quantities(make_doc: MakeDoc, kb: KnowledgeBase, text: str) -> None:
    found = _extract(make_doc, kb, text)
    assert [q for q in found if q.unit != "USD" or "200bn" not in q.evidence.quote] == []


def test_extract_quantities_keeps_each_amount_once(make_doc: MakeDoc, kb: KnowledgeBase) -> None:
    text = "中方承诺采购1200万吨美国大豆。贝森特说中国能完成1200万吨的采购目标。55%关税不变，55%关税不会改变。"
    found = _extract(make_doc, kb, text)
    assert _rows(found) == [(12_000_000, "t", "soybeans"), (55, "%", None)]
    assert found[0].evidence.quote == "1200万吨"


def test_extract_quantities_later_commodity_fills_earlier_bare_mention(make_doc: MakeDoc, kb: KnowledgeBase) -> None:
    found = _extract(make_doc, kb, "目标是500万吨。\n其中中方将采购500万吨高粱。")
    assert _rows(found) == [(5_000_000, "t", "sorghum")]


def test_extract_quantities_different_commodities_are_different_amounts(make_doc: MakeDoc,
                                                                        kb: KnowledgeBase) -> None:
    found = _extract(make_doc, kb, "中方将采购500万吨大豆和500万吨玉米。")
    assert _rows(found) == [(5_000_000, "t", "soybeans"), (5_000_000, "t", "corn")]


def test_extract_quantities_counts_only_when_asked(make_doc: MakeDoc, kb: KnowledgeBase) -> None:
    text = "航空公司订购了200架波音飞机和3艘货轮。"
    assert _extract(make_doc, kb, text) == ()
    assert _rows(_extract(make_doc, kb, text, counts=True)) == [(200, "aircraft", None), (3, "ships", None)]


@pytest.mark.parametrize(
    "text",
    ["中方已经完成1200萬吨大豆采购，每年2500万吨。", "China pledged $50 billion, 12 million tons and 13%-17%.", ""],
)
def test_extract_quantities_spans_match_text(make_doc: MakeDoc, kb: KnowledgeBase, text: str) -> None:
    doc = make_doc(text)
    for q in extract_quantities(doc, kb):
        span = q.evidence.span
        assert doc.text[span.start : span.end] == span.text
        assert doc.text[span.start : span.end] == q.evidence.quote
        assert q.unit_text in span.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("罚款100亿元人民币，约合14亿美元。", [(10_000_000_000, "CNY", None)]),
        ("中方承诺采购329亿美元（约合2270亿元人民币）的商品。", [(32_900_000_000, "USD", None)]),
        ("It paid $5 billion (€4.6 billion) in fines.", [(5_000_000_000, "USD", None)]),
        ("Tariffs rose to 25% (up from 10%).", [(25, "%", None), (10, "%", None)]),
    ],
)
def test_extract_quantities_drops_restated_conversions(make_doc: MakeDoc, kb: KnowledgeBase, text: str,
                                                       expected: list[Row]) -> None:
    assert _rows(_extract(make_doc, kb, text)) == expected


@pytest.mark.parametrize(
    "text",
    ["中方承诺未来三年每年采购2500万吨大豆。2500万吨的目标不变。", "目标是2500万吨。\n中方承诺每年采购2500万吨大豆。"],
)
def test_extract_quantities_bare_mention_merges_with_rate(make_doc: MakeDoc, kb: KnowledgeBase, text: str) -> None:
    assert _rows(_extract(make_doc, kb, text)) == [(25_000_000, "t/year", "soybeans")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They set a 10-percent tariff on a $50-billion package.", [(10, "%", None), (50_000_000_000, "USD", None)]),
        ("出口每年增长5%。", [(5, "%", None)]),
        ("Exports grow 7% a year.", [(7, "%", None)]),
        ("损失近百亿美元。", [(10_000_000_000, "USD", None)]),
        ("规模上千亿美元。", [(100_000_000_000, "USD", None)]),
        ("两三百万吨大豆和一两个百分点。", []),
    ],
)
def test_extract_quantities_written_variants(make_doc: MakeDoc, kb: KnowledgeBase, text: str,
                                             expected: list[Row]) -> None:
    assert _rows(_extract(make_doc, kb, text)) == expected


_RUN_PIECES = ["1200", "万", "吨", "美元", "%", "至", "-", " ", "$", "US$", "百分之", "二十", "and ", "between ", "12 million",
               " tons", " percent", "年", "日", "日元", "一些", "，", "兑", "约", "x", "1,200"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_RUN_PIECES), max_size=10))
@example(["$", "1200"])
@example(["百分之", "二十"])
@example(["1200", " tons"])
@example(["1200", "至", "1200", "万", "吨"])
@example(["between ", "1200", "and ", "1200", "%"])
def test_quantities_runs_the_quick_test_drops_have_no_reading(kb: KnowledgeBase, parts: list[str]) -> None:
    doc = build_document("".join(parts), DocumentMeta(published=dt.date(2026, 3, 14)), kb)
    view = make_view(doc.text)
    runs = find_numbers(view.text)
    ctx = Context.build(doc, kb, view, [r.start for r in runs])
    for run in runs:
        cut = doc.text.find("\N{FULLWIDTH COMMA}", run.start, run.end)
        end = cut if cut > run.start else run.end
        if not quantities._unit_or_range_may_touch(ctx, run.start, end, quantities._unit_gap(view.text, end)):
            with mock.patch.object(quantities, "_unit_or_range_may_touch", return_value=True):
                assert quantities._read(ctx, run.start, run.end, run.text) is None, run

