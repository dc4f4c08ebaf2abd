"""Number parsing: Arabic, Chinese numerals, 万/亿, English scales; the inverse renderings."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tealeaves.extract import numbers as numbers_module
from tealeaves.extract.number_format import format_arabic, format_chinese
from tealeaves.extract.numbers import APPROX_MARKS, NUMBER_RE, find_numbers, parse_decimal, parse_number, split_scale
from tealeaves.extract.zh_numerals import ZH_BIG_UNITS, ZH_DIGITS, ZH_POINTS, ZH_SMALL_UNITS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1200", 1200),
        ("1,200", 1200),
        ("12,000,000", 12_000_000),
        ("302.41", 302.41),
        ("１２００", 1200),
        ("1200万", 12_000_000),
        ("329亿", 32_900_000_000),
        ("3500億", 350_000_000_000),
        ("1.2万亿", 1_200_000_000_000),
        ("4.4 亿", 440_000_000),
        ("3千万", 30_000_000),
        ("一千二百万", 12_000_000),
        ("一千五百万", 15_000_000),
        ("两千", 2000),
        ("兩千萬", 20_000_000),
        ("二〇二五", 2025),
        ("一九九七", 1997),
        ("五〇", 50),
        ("一百零五", 105),
        ("一千零一十", 1010),
        ("十", 10),
        ("十二", 12),
        ("一十二", 12),
        ("百万", 1_000_000),
        ("千万", 10_000_000),
        ("三千五", 3500),
        ("一万五", 15000),
        ("一万零五", 10005),
        ("十二亿三千万", 1_230_000_000),
        ("一万二千亿", 1_200_000_000_000),
        ("一亿零五百万", 105_000_000),
        ("三点五", 3.5),
        ("三点五万", 35000),
        ("一万点零零零一", 10000.0001),
        ("壹仟贰佰万", 12_000_000),
        ("零", 0),
        ("〇", 0),
        ("12 million", 12_000_000),
        ("1.5 billion", 1_500_000_000),
        ("200bn", 200_000_000_000),
        ("1.2tn", 1_200_000_000_000),
        ("12m", 12_000_000),
        ("5k", 5000),
        ("3.6-trillion", 3_600_000_000_000),
        ("12 Million", 12_000_000),
        ("twenty-five", 25),
        ("two million", 2_000_000),
        ("one hundred five", 105),
    ],
)
def test_parse_number_reads_written_forms(text: str, expected: float) -> None:
    assert parse_number(text) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize(
    "text",
    ["", " ", "万", "亿万", "几十", "数百", "四百多亿", "20余", "abc", "US", "一百十", "二十三十", "1 2",
     "1.2.3", "十百", "hundred", "一两", "三四", "两三百万", "million", "点五", "三点", "一万万", "1,2"],
)
def test_parse_number_rejects_non_numbers(text: str) -> None:
    with pytest.raises(ValueError):
        parse_number(text)


@given(st.integers(min_value=0, max_value=10**15))
def test_parse_number_round_trips_arabic_integers(n: int) -> None:
    assert parse_number(format_arabic(Decimal(n))) == n
    assert parse_number(format_arabic(Decimal(n), grouped=True)) == n


@given(st.integers(min_value=0, max_value=10**18))
def test_parse_number_round_trips_chinese_integers(n: int) -> None:
    assert parse_decimal(format_chinese(Decimal(n))) == n
    assert parse_decimal(format_chinese(Decimal(n), financial=True)) == n


@given(st.decimals(min_value=0, max_value=10**9, places=4, allow_nan=False, allow_infinity=False))
def test_parse_number_round_trips_decimals(d: Decimal) -> None:
    assert parse_decimal(format_arabic(d)) == d
    assert parse_decimal(format_chinese(d)) == d


@given(st.integers(min_value=1, max_value=10**12))
def test_parse_number_round_trips_mixed_wan_and_yi(n: int) -> None:
    assert parse_decimal(format_arabic(Decimal(n) / 10**4) + "万") == n
    assert parse_decimal(format_arabic(Decimal(n) / 10**8) + "亿") == n


_NUMERAL_ALPHABET = "".join([*ZH_DIGITS, *ZH_SMALL_UNITS, *ZH_BIG_UNITS, ZH_POINTS, APPROX_MARKS, "0123456789.,- mbk"])


@given(st.one_of(st.text(), st.text(alphabet=_NUMERAL_ALPHABET)))
def test_parse_number_raises_only_value_error(text: str) -> None:
    try:
        value = parse_number(text)
    except ValueError:
        return
    assert value >= 0


@pytest.mark.parametrize(
    ("value", "expected"),
    [(0, "零"), (12, "十二"), (105, "一百零五"), (10005, "一万零五"), (12_000_000, "一千二百万"),
     (1_200_000_000_000, "一万二千亿")],
)
def test_format_chinese_renders_standard_forms(value: int, expected: str) -> None:
    assert format_chinese(Decimal(value)) == expected


def test_format_chinese_refuses_negative_numbers() -> None:
    with pytest.raises(ValueError):
        format_chinese(Decimal(-1))


@pytest.mark.parametrize(
    ("text", "runs"),
    [
        ("中方采购1200万吨大豆", ["1200万"]),
        ("四百多亿美元", ["四百多亿"]),
        ("12 million tons and $200bn", ["12 million", "200bn"]),
        ("13%-17%", ["13", "17"]),
        ("百分之二十", ["百", "二十"]),
        ("4.4 亿美元", ["4.4 亿"]),
        ("three percent", ["three"]),
        ("someone often", []),
    ],
)
def test_find_numbers_finds_candidate_runs(text: str, runs: list[str]) -> None:
    assert [r.text for r in find_numbers(text)] == runs


def test_find_numbers_offsets_match_text() -> None:
    text = "双方同意1200万吨和12 million tons"
    for run in find_numbers(text):
        assert text[run.start : run.end] == run.text


@pytest.mark.parametrize(
    ("text", "mantissa", "scale"),
    [("16 million", "16", 10**6), ("1600万", "1600", 10**4), ("二千万", "二千", 10**4), ("1.2万亿", "1.2", 10**12),
     ("14", "14", 1), ("200bn", "200", 10**9)],
)
def test_split_scale_separates_trailing_scale(text: str, mantissa: str, scale: int) -> None:
    assert split_scale(text) == (mantissa, scale)


_RUN_PIECES = ["0", "12", "1,200", "3.5", "万", "亿", "一", "十", "两", "多", "点", " ", "-", ",", "one", "twenty", "hundred",
               "million", "bn", "often", "x", "٣", "tone", "seven-ty"]


@given(st.lists(st.sampled_from(_RUN_PIECES), max_size=14))
def test_find_numbers_finds_exactly_the_runs_of_the_number_pattern(parts: list[str]) -> None:
    text = "".join(parts)
    expected = [(m.start(), m.end(), m.group()) for m in NUMBER_RE.finditer(text)]
    assert [(r.start, r.end, r.text) for r in find_numbers(text)] == expected


@given(st.lists(st.sampled_from([*_RUN_PIECES, "\ud800", "_", "é", "eleven", "nineteen", "\N{CJK UNIFIED IDEOGRAPH-5428}"]), max_size=14))
def test_word_starts_are_where_the_word_pattern_matches(parts: list[str]) -> None:
    text = "".join(parts)
    assert numbers_module._word_starts(text) == [m.start() for m in numbers_module._WORD_START.finditer(text)]
    expected = [(m.start(), m.end(), m.group()) for m in NUMBER_RE.finditer(text)]
    assert [(r.start, r.end, r.text) for r in find_numbers(text)] == expected
