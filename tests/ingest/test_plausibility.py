"""Scoring candidate decodings: real text reads, mojibake does not."""

from __future__ import annotations

import pytest

from tealeaves.ingest.plausibility import (
    cjk_score,
    find_double_encoding,
    first_odd_line,
    has_unlikely_characters,
    latin_score,
    main_script,
    main_script_share,
)
from tealeaves.ingest.sniff import sniff_binary, sniff_magic

ZH = "中美两国经贸团队在巴黎举行会谈，双方就关税和农产品采购问题交换了意见。"
ZH_HANT = "中美兩國經貿團隊在巴黎舉行會談，雙方就關稅和農產品採購問題交換了意見。"


@pytest.mark.parametrize(
    ("text", "reads"),
    [
        (ZH, True),
        (ZH_HANT, True),
        (ZH.encode("utf-8").decode("gb18030", "replace"), False),
        (ZH.encode("gbk").decode("big5", "replace"), False),
        (ZH_HANT.encode("big5").decode("gb18030", "replace"), False),
    ],
    ids=["simplified", "traditional", "utf8-as-gb", "gb-as-big5", "big5-as-gb"],
)
def test_plausibility_cjk_score_separates_text_from_mojibake(text: str, reads: bool) -> None:
    common, frequent = cjk_score(text)
    assert (common >= 0.8 and frequent >= 0.3) is reads


@pytest.mark.parametrize(
    ("text", "reads"),
    [
        ("The delegation\u2019s \u201cfrank\u201d talks \u2014 in Paris.", True),
        ("Caf\u00e9 M\u00fcller and na\u00efve \u00e9t\u00e9 plans", True),
        ("ascii only", True),
        (ZH.encode("gbk").decode("cp1252", "replace"), False),
        ("The delegation\u2019s talks".encode("utf-8").decode("cp1252"), False),
    ],
    ids=["punctuation", "letters-in-words", "ascii", "gbk-as-cp1252", "utf8-as-cp1252"],
)
def test_plausibility_latin_score(text: str, reads: bool) -> None:
    assert (latin_score(text) >= 0.8) is reads


@pytest.mark.parametrize(
    ("text", "expected"),
    [("plain", None), ("a\u0085b", "U+0085"), ("x\ue000y", "U+E000"), ("\u0378", "U+0378"), ("\U00020000ok", None)],
)
def test_plausibility_names_unlikely_characters(text: str, expected: str | None) -> None:
    assert has_unlikely_characters(text) == expected


def test_plausibility_finds_double_encoded_utf8() -> None:
    assert find_double_encoding("Caf\u00c3\u00a9 and cr\u00c3\u00a8me") == "\u00c3\u00a9"
    assert find_double_encoding("Caf\u00e9 and cr\u00e8me, \u00c2 la carte") is None


def test_plausibility_first_odd_line_points_at_the_mojibake_part() -> None:
    good = "\n".join([ZH] * 30)
    bad = "\n".join([ZH.encode("utf-8").decode("gb18030", "replace")] * 10)
    score, line = first_odd_line(good + "\n" + bad, "cjk", 0.5)
    assert (score >= 0.8, line) == (True, 31)
    assert first_odd_line(good, "cjk", 0.5) == (1.0, None)


@pytest.mark.parametrize(
    ("text", "script", "share"),
    [("Привет мир", "CYRILLIC", 1.0), ("日本語のテキスト", "CJK", 1.0), ("\u0aa1\ub620\uacfc", "HANGUL", 0.0), ("abc", None, 1.0)],
)
def test_plausibility_main_script(text: str, script: str | None, share: float) -> None:
    assert main_script(text) == ("CJK" if script == "HANGUL" else script)
    assert (main_script_share(text) == 1.0) is (share == 1.0)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(b"RIFF\x00\x00\x00\x00WEBPVP8 ", "a WebP image"), (b"\x00\x00\x00\x18ftypmp42", "an MP4 or HEIF media file"),
     (b"ID3\x04\x00", "an MP3 audio file"), (b"ID3 tags are metadata", None), (b"%PDF", None), (b"plain text", None)],
)
def test_sniff_magic(raw: bytes, expected: str | None) -> None:
    assert sniff_magic(raw) == expected


def test_sniff_binary_accepts_text_with_tabs_and_escapes() -> None:
    assert sniff_binary(b"col1\tcol2\r\n\x1b[1mbold\x1b[0m\x0c") is None
