"""Judge whether a candidate decoding reads as text, so that detection can reject mojibake.

Any byte string decodes "successfully" as GB18030 and most as Big5 or cp1252; only the characters
that come out tell a right guess from a wrong one. Chinese text is mostly frequent ideographs and
CJK punctuation, while GB18030 read as Big5 (or the reverse, or UTF-8 read as either) yields rare
ideographs, kana, box drawing and private-use characters. Latin text in cp1252 has its few
non-ASCII letters inside ASCII words, while double-byte text read as cp1252 yields long runs of
accented capitals and symbols. The character tables are derived from the codecs themselves (the
characters of GB2312 and Big5) and from charset-normalizer's list of frequent Chinese
characters, so no language data is written here. Counting is done with compiled character classes,
so that scoring a candidate costs a few passes at C speed, not a Python loop per character.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from tealeaves.text.normalize import to_simplified

# characters cp1252 and Latin-1 produce for the bytes 0x80-0xBF, the continuation bytes of UTF-8
_CONTINUATION = (
    "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
)
_DOUBLE_ENCODED = re.compile(f"[\u00c2-\u00f4][{_CONTINUATION}]{{1,3}}")
_PUNCT_RANGES = (
    (0x00A0, 0x00BF),  # NBSP, currency, degree, middle dot, guillemets
    (0x00D7, 0x00D7),  # multiplication sign
    (0x00F7, 0x00F7),
    (0x2010, 0x2027),  # dashes, quotes, bullets, ellipsis
    (0x2030, 0x203B),  # per mille, primes, reference mark
    (0x2103, 0x2103),  # degree Celsius
    (0x2160, 0x216B),  # Roman numerals
    (0x2460, 0x2473),  # circled numbers
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3220, 0x3229),  # parenthesised numbers one to ten
    (0xFF01, 0xFF65),  # full-width ASCII and half-width CJK punctuation
    (0xFFE0, 0xFFE6),  # full-width currency signs
)
_LATIN_PUNCT = (
    "\u00a0\u00a1\u00a2\u00a3\u00a5\u00a7\u00a9\u00ab\u00ae\u00b0\u00b1\u00b4\u00b7\u00bb\u00bf\u00d7"
    "\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
)
_LATIN_PUNCT_RE = re.compile(f"[{_LATIN_PUNCT}]+")
# full-width comma, full stop, enumeration comma, semicolon, colon, question and exclamation marks,
# parentheses, angle, corner and lenticular brackets, curly quotes, em dash, ellipsis, middle dot
_FREQUENT_PUNCT = (
    "\uff0c\u3002\u3001\uff1b\uff1a\uff1f\uff01\uff08\uff09\u300a\u300b\u300c\u300d\u300e\u300f"
    "\u3010\u3011\u201c\u201d\u2018\u2019\u2014\u2026\u00b7"
)
_LATIN_LETTERS = re.compile("[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]+")
_IDEOGRAPHS = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")
_C1_PRIVATE = "\u0080-\u009f\ue000-\uf8ff\U000f0000-\U0010ffff"
# astral planes outside these blocks (CJK extensions, emoji and symbols) are treated as unlikely
_ASTRAL_OK = ((0x1F000, 0x1FAFF), (0x20000, 0x3134F))
WINDOW = 400
"""Characters per window when looking for a part of a file that reads differently."""
MIN_JUDGED = 50
"""A window with fewer non-ASCII characters than this is not judged on its own."""


@dataclass(frozen=True)
class _Classes:
    uncommon: re.Pattern[str]
    """Runs of characters that are neither ASCII nor common (see :func:`cjk_score`)."""
    frequent: re.Pattern[str]
    unlikely: re.Pattern[str]


def _decode_pairs(codec: str, leads: range, trails: list[int], first: int = 0, last: int = 0xFFFF) -> set[str]:
    out: set[str] = set()
    for lead in leads:
        for trail in trails:
            if not first <= (lead << 8 | trail) <= last:
                continue
            try:
                out.add(bytes((lead, trail)).decode(codec))
            except UnicodeDecodeError:
                continue
    return out


def _ranges(codes: list[int]) -> str:
    """A regex character-class body for a sorted list of code points, as merged ranges."""
    parts: list[str] = []
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        lo, hi = codes[i], codes[j]
        parts.append(f"\\U{lo:08x}" if lo == hi else f"\\U{lo:08x}-\\U{hi:08x}")
        i = j + 1
    return "".join(parts)


@functools.cache
def _tables() -> tuple[frozenset[str], frozenset[str]]:
    """(common, frequent): the ideographs of GB2312 and Big5 (the characters text in either is
    written with), their symbol rows and CJK punctuation; and the few hundred most frequent Chinese
    characters in both scripts. Vertical and small presentation forms are left out: text never
    uses them, but GB18030 read as Big5 (and the reverse) produces them."""
    all_trails = [*range(0x40, 0x7F), *range(0xA1, 0xFF)]
    gb_trails = list(range(0xA1, 0xFF))
    # GB2312 rows 1-3 (symbols, numerals, full-width forms) and 16-87 (hanzi), not its kana, Greek,
    # Cyrillic, pinyin and box-drawing rows; Big5 the same: symbols A140-A2FE and both hanzi blocks
    gb2312 = _decode_pairs("gb2312", range(0xA1, 0xA4), gb_trails) | _decode_pairs("gb2312", range(0xB0, 0xF8), gb_trails)
    big5_common = _decode_pairs("big5", range(0xA4, 0xC7), all_trails, last=0xC67E)
    big5_rare = _decode_pairs("big5", range(0xC9, 0xFA), all_trails, first=0xC940, last=0xF9D5)
    big5 = _decode_pairs("big5", range(0xA1, 0xA3), all_trails) | big5_common | big5_rare
    punct = {chr(c) for lo, hi in _PUNCT_RANGES for c in range(lo, hi + 1)}
    common = frozenset(c for c in gb2312 | big5 | punct if not 0xFE10 <= ord(c) <= 0xFE6F)
    from charset_normalizer import constant

    top = set(getattr(constant, "COMMON_CHINESE_CHARACTERS", ""))
    ordered = sorted(big5_common)
    simplified = to_simplified("".join(ordered))
    top |= {t for t, s in zip(ordered, simplified) if s in top}
    return common, frozenset(top)


@functools.cache
def _classes() -> _Classes:
    common, top = _tables()
    unassigned = [c for c in range(0x80, 0x10000) if unicodedata.category(chr(c)) in ("Cn", "Cs")]
    astral_gaps: list[str] = []
    start = 0x10000
    for lo, hi in _ASTRAL_OK:
        astral_gaps.append(f"\\U{start:08x}-\\U{lo - 1:08x}")
        start = hi + 1
    astral_gaps.append(f"\\U{start:08x}-\\U000effff")
    return _Classes(
        uncommon=re.compile(f"[^\\x00-\\x7f{_ranges(sorted(map(ord, common)))}]+"),
        frequent=re.compile(f"[{_ranges(sorted(map(ord, top)))}{_FREQUENT_PUNCT}]+"),
        unlikely=re.compile(f"[{_C1_PRIVATE}{_ranges(unassigned)}{''.join(astral_gaps)}]+"),
    )


def frequent_table_size() -> int:
    """How many frequent characters ranking uses (a test checks the upstream table is still there)."""
    return len(_tables()[1])


def _count(pattern: re.Pattern[str], text: str) -> int:
    """Characters of ``text`` inside matches of a run pattern (``[...]+``)."""
    return len(text) - len(pattern.sub("", text))


def non_ascii(text: str) -> int:
    """How many characters of ``text`` are not ASCII."""
    return len(text) - len(text.encode("ascii", "ignore"))


def cjk_score(text: str) -> tuple[float, float]:
    """Return ``(common, frequent)`` for a decoding that should be Chinese.

    ``common`` is the share of non-ASCII characters that GB2312 or Big5 text is written with
    (ideographs, symbols, CJK punctuation): near 1 for real text, about 0.6 or less for mojibake;
    ``frequent`` is :func:`frequent_share` (about 0.6 for running text, under 0.15 for mojibake).
    A text without non-ASCII characters scores (1.0, 0.0).
    """
    return score(text, "cjk"), frequent_share(text)


def ideographs(text: str) -> int:
    """How many characters of ``text`` are CJK ideographs."""
    return _count(_IDEOGRAPHS, text)


def frequent_share(text: str) -> float:
    """The share of non-ASCII characters of ``text`` that are among the most frequent few hundred
    ideographs or the punctuation Chinese text uses most (0.0 without non-ASCII characters)."""
    total = non_ascii(text)
    if not total:
        return 0.0
    return _count(_classes().frequent, text) / total


def latin_score(text: str) -> float:
    """Share of non-ASCII characters that sit where Latin text puts them: typographic punctuation,
    or letters in runs of at most two that touch an ASCII letter (café, Müller). 1.0 without any."""
    total = non_ascii(text)
    if not total:
        return 1.0
    good = _count(_LATIN_PUNCT_RE, text)
    for m in _LATIN_LETTERS.finditer(text):
        start, end = m.span()
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if end - start <= 2 and before.isascii() and after.isascii() and (before.isalpha() or after.isalpha()):
            good += end - start
    return min(1.0, good / total)


# scripts that one language writes together: Japanese mixes kana and kanji, Korean hangul and hanja
_SCRIPT_FAMILY = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "HANGUL": "CJK", "CJK": "CJK"}


def _script_counts(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for ch in set(text):
        if not ch.isascii() and ch.isalpha():
            name = unicodedata.name(ch, "UNKNOWN").split(" ", 1)[0]
            family = _SCRIPT_FAMILY.get(name, name)
            counts[family] = counts.get(family, 0) + text.count(ch)
    return counts


def main_script(text: str) -> str | None:
    """The script most non-ASCII letters of ``text`` are written in (``LATIN``, ``CYRILLIC``,
    ``CJK`` for Chinese, Japanese and Korean ...), or None without such letters."""
    counts = _script_counts(text)
    return max(counts, key=lambda k: counts[k]) if counts else None


def main_script_share(text: str) -> float:
    """The share of non-ASCII letters written in :func:`main_script` (1.0 without any): real text
    keeps to one script, while a wrong guess scatters letters over several (Gujarati and hangul)."""
    counts = _script_counts(text)
    return max(counts.values()) / sum(counts.values()) if counts else 1.0


def has_unlikely_characters(text: str) -> str | None:
    """Name the first C1 control, private-use, unassigned or stray astral character in ``text``, or
    None. These never occur in published text but are what a wrong single- or double-byte decoding
    produces (cp1252's 0x81 gap, GBK's user-defined area, GB18030's four-byte ranges)."""
    m = _classes().unlikely.search(text)
    return None if m is None else f"U+{ord(m.group()[0]):04X}"


def unlikely_share(text: str) -> float:
    """The share of non-ASCII characters that :func:`has_unlikely_characters` would name (0.0
    without non-ASCII characters). A stray private-use character can be a vendor glyph in a real
    GBK file; mojibake has many."""
    unlikely = _classes().unlikely
    if unlikely.search(text) is None:
        return 0.0
    return _count(unlikely, text) / non_ascii(text)


def find_double_encoding(text: str) -> str | None:
    """Return a sample of UTF-8 that was decoded as cp1252/Latin-1 and encoded again ("Ã©" for é),
    or None. Two such sequences, or one that stands for an ideograph, are taken as proof."""
    hits: list[str] = []
    for m in _DOUBLE_ENCODED.finditer(text):
        seq = m.group()
        for codec in ("cp1252", "latin-1"):
            try:
                original = seq.encode(codec).decode("utf-8")
            except UnicodeError:
                continue
            if len(original) == 1 and not original.isascii():
                if _IDEOGRAPHS.fullmatch(original) or hits:
                    return hits[0] if hits else seq
                hits.append(seq)
            break
    return None


def score(text: str, kind: str) -> float:
    """The acceptance score of ``text`` for a ``cjk`` candidate (the ``common`` share of
    :func:`cjk_score`) or a ``latin`` one (:func:`latin_score`)."""
    if kind == "latin":
        return latin_score(text)
    total = non_ascii(text)
    return (total - _count(_classes().uncommon, text)) / total if total else 1.0


def window_score(text: str, kind: str) -> float:
    """How well a window of at least MIN_JUDGED non-ASCII characters reads: for ``cjk`` the lower
    of the common share and twice the frequent share (real text scores about 1 on both, while
    UTF-8 read as GB18030 keeps 0.7 common characters but under 0.1 frequent ones); for ``latin``
    :func:`latin_score`."""
    if kind == "latin":
        return latin_score(text)
    return min(score(text, "cjk"), 2 * frequent_share(text))


def first_odd_line(text: str, kind: str, threshold: float) -> tuple[float, int | None]:
    """Find where a decoding stops reading as text: ``(first score, line)``.

    The text is cut into windows of about WINDOW characters (at line ends where possible), and each
    window with at least MIN_JUDGED non-ASCII characters is scored on its own (:func:`window_score`). ``first score`` is
    the first judged window's score (1.0 when none is judged); ``line`` is the first line, inside
    the first window scoring below ``threshold``, that scores below it on its own, or None when
    every window reads. This is how a file whose first half is GB18030 and second half Big5 or UTF-8
    is caught: the whole may still decode, but one part turns into mojibake.
    """
    first_score: float | None = None
    start = previous = 0
    while start < len(text):
        cut = text.find("\n", start + WINDOW, start + 2 * WINDOW)
        end = min(len(text), start + 2 * WINDOW) if cut < 0 else cut + 1
        window = text[start:end]
        if non_ascii(window) >= MIN_JUDGED:
            value = window_score(window, kind)
            if first_score is None:
                first_score = value
            if value < threshold:
                # the change may begin in the window before, which the good part outweighed
                return first_score, _odd_line_in(text, previous, end, kind, threshold)
            previous = start
        start = end
    return (1.0 if first_score is None else first_score), None


def _odd_line_in(text: str, start: int, end: int, kind: str, threshold: float) -> int:
    """The first line in ``text[start:end]`` with ten or more non-ASCII characters that scores below
    ``threshold`` (the window's first line if none does on its own), 1-based in ``text``."""
    number = text.count("\n", 0, start) + 1
    first = number
    for line in text[start:end].split("\n"):
        if non_ascii(line) >= 10 and window_score(line, kind) < threshold:
            return number
        number += 1
    return first
