"""Bytes to text: size limit, binary sniffing, BOMs, declared charsets, detection, mojibake."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tealeaves.errors import ConfigError, InputError
from tealeaves.ingest.decode import Decoded, decode_bytes, describe_size
from tealeaves.ingest.plausibility import find_double_encoding, frequent_table_size
from tealeaves.ingest.sniff import sniff_magic

MAX = 1 << 30

SIMPLIFIED_SHORT = "中美经贸磋商在巴黎举行。"
TRADITIONAL_SHORT = "中美經貿磋商在巴黎舉行。"
SIMPLIFIED_LONG = """中美两国经贸团队于3月14日在巴黎举行第六轮磋商，双方就关税、农产品采购和出口管制等问题进行了坦诚、深入的交流。
美方代表在会后表示，希望中方在今年年底前扩大对美国大豆和玉米的采购，并继续推动市场准入方面的承诺落实。
中方强调，双方应在相互尊重、平等互利的基础上解决分歧，反对任何形式的单边加征关税做法。
分析人士认为，这次会谈为两国元首在4月初的会晤做了铺垫，但在技术出口限制等敏感议题上，双方立场仍有明显差距。
据统计，去年中国自美国进口农产品约二百九十亿美元，其中大豆占比接近一半。
"""
TRADITIONAL_LONG = """中美兩國經貿團隊於3月14日在巴黎舉行第六輪磋商，雙方就關稅、農產品採購和出口管制等問題進行了坦誠、深入的交流。
美方代表在會後表示，希望中方在今年年底前擴大對美國大豆和玉米的採購，並繼續推動市場準入方面的承諾落實。
中方強調，雙方應在相互尊重、平等互利的基礎上解決分歧，反對任何形式的單邊加徵關稅做法。
分析人士認為，這次會談為兩國元首在4月初的會晤做了鋪墊，但在技術出口限制等敏感議題上，雙方立場仍有明顯差距。
據統計，去年中國自美國進口農產品約二百九十億美元，其中大豆佔比接近一半。
"""
MIXED_SCRIPTS = "Treasury Secretary 贝森特 said on March 12 that talks in Paris would go ahead.\n美方称会谈将如期举行。\n"
ENGLISH_TYPOGRAPHIC = "The delegation\u2019s \u201cfrank\u201d talks \u2014 held in Paris \u2014 ended on Saturday.\n"


def decode(raw: bytes, *, max_bytes: int = MAX, encoding: str | None = None) -> tuple[str, str, str]:
    d = decode_bytes(raw, max_bytes=max_bytes, encoding=encoding)
    return d.text, d.encoding, d.source


def reason(raw: bytes, *, max_bytes: int = MAX, encoding: str | None = None) -> str:
    with pytest.raises(InputError) as info:
        decode_bytes(raw, max_bytes=max_bytes, encoding=encoding)
    assert "\n" not in str(info.value)
    return str(info.value)


def outcome(raw: bytes) -> Decoded | InputError:
    """The decoding of ``raw``, or the InputError it raised; any other exception propagates."""
    try:
        return decode_bytes(raw, max_bytes=MAX)
    except InputError as exc:
        return exc


# --- round trips: the same text in every encoding decodes to the same string --------------------

ROUND_TRIPS = [
    (text, codec, prefix, expected_codec, source)
    for text in (SIMPLIFIED_SHORT, SIMPLIFIED_LONG, TRADITIONAL_SHORT, TRADITIONAL_LONG, MIXED_SCRIPTS)
    for codec, prefix, expected_codec, source in (
        ("utf-8", b"", "utf-8", "detected"),
        ("utf-8", b"\xef\xbb\xbf", "utf-8", "bom"),
        ("gb18030", b"", "gb18030", "detected"),
        ("gbk", b"", "gb18030", "detected"),
        ("big5", b"", "big5", "detected"),
        ("utf-16-le", b"\xff\xfe", "utf-16-le", "bom"),
        ("utf-16-be", b"\xfe\xff", "utf-16-be", "bom"),
        ("utf-32-le", b"\xff\xfe\x00\x00", "utf-32-le", "bom"),
    )
    if not (codec == "big5" and text in (SIMPLIFIED_SHORT, SIMPLIFIED_LONG, MIXED_SCRIPTS))
]


@pytest.mark.parametrize(
    ("text", "codec", "prefix", "expected_codec", "source"),
    ROUND_TRIPS,
    ids=[f"{c}{'+bom' if p else ''}-{t[:4]}{len(t)}" for t, c, p, _, _ in ROUND_TRIPS],
)
def test_decode_round_trips_chinese_text_identical_to_utf8_copy(
    text: str, codec: str, prefix: bytes, expected_codec: str, source: str
) -> None:
    assert decode(prefix + text.encode(codec)) == (text, expected_codec, source)


@pytest.mark.parametrize("text", ["團隊", "採購", "單邊", "推動", "續推動", "等問題進行", "續推動市場"])
def test_decode_tells_short_big5_from_gb18030_by_character_frequency(text: str) -> None:
    # these Big5 bytes also decode as GB18030 to common but meaningless characters
    assert decode(text.encode("big5")) == (text, "big5", "detected")


@pytest.mark.parametrize("text", ["两国", "出口", "交流", "第六", "巴黎"])
def test_decode_prefers_gb18030_for_short_text_big5_also_reads(text: str) -> None:
    assert decode(text.encode("gbk")) == (text, "gb18030", "detected")


@pytest.mark.parametrize(
    ("text", "codec"),
    [(SIMPLIFIED_LONG, "gb18030"), (TRADITIONAL_LONG, "big5"), (SIMPLIFIED_SHORT, "utf-16-le"), (ENGLISH_TYPOGRAPHIC, "cp1252")],
)
def test_decode_uses_explicit_encoding(text: str, codec: str) -> None:
    assert decode(text.encode(codec), encoding=codec) == (text, codec, "explicit")


def test_decode_reads_gbk_label_as_gb18030() -> None:
    # GB18030 has characters GBK lacks; reading a "GBK" file as GB18030 loses nothing
    assert decode(SIMPLIFIED_LONG.encode("gbk"), encoding="GBK")[1] == "gb18030"


def test_decode_prefers_cp1252_over_lone_ideographs() -> None:
    # read as GB18030, each of these cp1252 quotes and the letter after it is one ideograph
    text = "Argentina\u2019s soybean sales and China\u2019s purchases rose.\n" * 3
    assert decode(text.encode("cp1252")) == (text, "cp1252", "detected")


def test_decode_accepts_a_stray_private_use_character_in_gb18030() -> None:
    text = SIMPLIFIED_LONG * 2
    raw = text.encode("gb18030") + b"\xaa\xa1\n"  # a user-defined GBK code, private use in Unicode
    assert decode(raw) == (text + "\ue000\n", "gb18030", "detected")


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("Переговоры о торговле между странами продолжатся в Париже на следующей неделе.\n" * 4, "cp1251"),
        ("日本と米国の貿易交渉は来週パリで再開される予定です。\n" * 4, "shift_jis"),
    ],
)
def test_decode_asks_charset_normalizer_for_other_languages(text: str, codec: str) -> None:
    decoded, _, source = decode(text.encode(codec))
    assert (decoded, source) == (text, "detected")


def test_decode_detects_cp1252_english() -> None:
    assert decode((ENGLISH_TYPOGRAPHIC * 3).encode("cp1252")) == (ENGLISH_TYPOGRAPHIC * 3, "cp1252", "detected")


@pytest.mark.parametrize(
    ("head", "codec", "expected"),
    [
        (b'<html><head><meta charset="gbk"><title>t</title></head><body>', "gbk", "gb18030"),
        (b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=big5"></head><body>', "big5", "big5"),
        (b'<?xml version="1.0" encoding="GB2312"?>\n<rss version="2.0"><channel>', "gb2312", "gb18030"),
    ],
)
def test_decode_uses_declared_charset(head: bytes, codec: str, expected: str) -> None:
    text = TRADITIONAL_SHORT if codec == "big5" else SIMPLIFIED_SHORT
    decoded, encoding, source = decode(head + text.encode(codec))
    assert (decoded.endswith(text), encoding, source) == (True, expected, "declared")


def test_decode_ignores_declared_charset_the_bytes_contradict() -> None:
    # pages saved from the web often keep a <meta charset> that no longer describes the bytes
    raw = b'<html><head><meta charset="gbk"></head><body>' + SIMPLIFIED_LONG.encode("utf-8")
    assert decode(raw)[1:] == ("utf-8", "detected")


def test_decode_strips_the_byte_order_mark() -> None:
    assert decode(b"\xef\xbb\xbfabc")[0] == "abc"


# --- bad input: one test per kind, each asserting the one-line reason ---------------------------


def test_decode_rejects_empty_bytes() -> None:
    assert reason(b"") == "file is empty"


def test_decode_rejects_bom_without_text() -> None:
    assert reason(b"\xef\xbb\xbf") == "file is empty (only a byte order mark)"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not text (looks like a PNG image)"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "not text (looks like a PDF document)"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "not text (looks like a JPEG image)"),
        (b"PK\x03\x04\x14\x00\x06\x00", "not text (looks like a ZIP archive (or a .docx, .xlsx, .epub file))"),
        (b"\x1f\x8b\x08\x00\x00\x00", "not text (looks like a gzip archive)"),
        (b"GIF89a\x01\x00", "not text (looks like a GIF image)"),
    ],
    ids=["png", "pdf", "jpeg", "zip", "gzip", "gif"],
)
def test_decode_rejects_known_binary_formats(raw: bytes, expected: str) -> None:
    assert reason(raw + b"\x00" * 64) == expected


def test_decode_rejects_nul_bytes() -> None:
    assert reason(b"some text\x00\x01\x02 more text that is long") == "not text (binary data: NUL byte at offset 9)"


def test_decode_rejects_control_bytes() -> None:
    assert reason(bytes(range(1, 9)) * 8 + b"abc") == "not text (binary data: 64 control bytes in the first 67 bytes)"


def test_decode_explains_utf16_without_bom() -> None:
    assert reason("Talks resumed in Paris on Saturday.".encode("utf-16-le")) == (
        "looks like UTF-16-LE text without a byte order mark; pass --encoding utf-16-le"
    )


def test_decode_rejects_invalid_byte_in_utf8() -> None:
    raw = bytearray(SIMPLIFIED_LONG.encode("utf-8"))
    raw[200] = 0xFF
    assert reason(bytes(raw)) == (
        "mixed or invalid encoding: the file is partly UTF-8, but byte 0xE4 (line 2, offset 199) is not valid "
        "UTF-8 (3 invalid bytes in all)"
    )


def test_decode_rejects_truncated_utf8() -> None:
    raw = SIMPLIFIED_LONG.rstrip("\n").encode("utf-8")[:-1]
    assert reason(raw) == "invalid UTF-8: the file ends in the middle of a character (truncated?)"


@pytest.mark.parametrize(("text", "codec"), [(SIMPLIFIED_LONG, "gb18030"), (TRADITIONAL_LONG, "big5")])
def test_decode_rejects_truncated_double_byte_text(text: str, codec: str) -> None:
    raw = text.rstrip("\n").encode(codec)[:-1]
    assert reason(raw) == f"invalid {codec.upper()}: the file ends in the middle of a character (truncated?)"


def test_decode_rejects_utf8_followed_by_gbk() -> None:
    raw = SIMPLIFIED_LONG.encode("utf-8") + SIMPLIFIED_LONG.encode("gbk")
    assert reason(raw) == (
        "mixed or invalid encoding: the file is partly UTF-8, but byte 0xD6 (line 6, offset 717) is not valid UTF-8 "
        "(298 invalid bytes in all)"
    )


def test_decode_rejects_gbk_followed_by_utf8() -> None:
    raw = SIMPLIFIED_LONG.encode("gbk") + SIMPLIFIED_LONG.encode("utf-8")
    assert reason(raw).startswith("mixed or invalid encoding: ")


def test_decode_rejects_gbk_followed_by_big5() -> None:
    # both halves are valid double-byte text; only the second half's characters betray it
    raw = (SIMPLIFIED_LONG * 2).encode("gbk") + (TRADITIONAL_LONG * 2).encode("big5")
    assert reason(raw) == "mixed or invalid encoding: the file reads as GB18030 except near line 11"


def test_decode_rejects_double_encoded_utf8() -> None:
    mojibake = SIMPLIFIED_SHORT.encode("utf-8").decode("latin-1").encode("utf-8")
    assert reason(mojibake).startswith("mixed or invalid encoding: 'ä¸\\xad' at line 1 looks like UTF-8 decoded")


def test_decode_rejects_undetectable_encoding() -> None:
    assert reason(bytes(range(0x80, 0x100)) * 4) == (
        "cannot decode: no BOM or declared charset, not UTF-8 (byte 0x80, line 1, offset 0), "
        "and no other encoding reads as text; pass --encoding if you know it"
    )


def test_decode_rejects_bytes_that_decode_only_to_rare_characters() -> None:
    # valid GB18030 (rare GBK extension characters) that no other candidate reads: not a guess we take
    raw = bytes(b for i in range(200) for b in (0x81 + i % 30, 0x40 + i % 60))
    assert reason(raw).startswith("cannot decode: no BOM or declared charset, not UTF-8 (byte 0x81, line 1, offset 0)")


def test_decode_rejects_bytes_the_explicit_encoding_cannot_read() -> None:
    assert reason(SIMPLIFIED_SHORT.encode("gbk"), encoding="utf-8") == (
        "cannot decode as utf-8 (--encoding): byte 0xD6 (line 1, offset 0) is not valid UTF-8"
    )


def test_decode_rejects_unknown_explicit_encoding() -> None:
    with pytest.raises(ConfigError, match="unknown encoding 'klingon' \\(--encoding\\)"):
        decode_bytes(b"abc", max_bytes=MAX, encoding="klingon")


def test_decode_rejects_bytes_over_the_limit() -> None:
    assert reason(b"a" * 2048, max_bytes=1024) == "file is 2 KB, over the 1 KB limit"


@pytest.mark.parametrize(
    ("n", "expected"),
    [(int(61.2 * 1024 * 1024), "61.2 MB"), (50 * 1024 * 1024, "50 MB"), (3584, "3.5 KB"), (120, "120 bytes")],
)
def test_decode_describes_sizes(n: int, expected: str) -> None:
    assert describe_size(n) == expected


def test_plausibility_frequent_character_table_is_available() -> None:
    # ranking GB18030 against Big5 for short texts relies on charset-normalizer's frequency table
    assert frequent_table_size() > 400


# --- properties --------------------------------------------------------------------------------

_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\t\n\r"), max_size=200)


@given(_TEXT)
@settings(max_examples=300, deadline=None)
def test_decode_returns_any_utf8_text_exactly(text: str) -> None:
    raw = text.encode("utf-8")
    assume(not text.startswith("\ufeff") and sniff_magic(raw) is None and find_double_encoding(text) is None)
    if not raw:
        assert reason(raw) == "file is empty"
    else:
        assert decode(raw) == (text, "utf-8", "detected")


@given(st.binary(max_size=300))
@settings(max_examples=300, deadline=None)
def test_decode_raises_only_input_error_on_arbitrary_bytes(raw: bytes) -> None:
    result = outcome(raw)
    if isinstance(result, InputError):
        assert result.reason and "\n" not in result.reason
    else:
        # whatever was accepted is real text: encodable, so it can be hashed and stored
        assert result.text.encode("utf-8").decode("utf-8") == result.text
