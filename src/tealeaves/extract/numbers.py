"""Numbers as news writes them: Arabic digits, Chinese numerals, 万/亿 and million/billion.

``parse_number`` turns one number string into a float (``1200万`` -> 12000000, ``一千二百万``,
``1.2万亿``, ``12 million``, ``200bn``, ``4.4 亿``); ``find_numbers`` finds the number-shaped runs
of a matching view in one compiled-regex pass so that the slow parsing runs only on candidates;
``format_arabic`` and ``format_chinese`` are the inverse renderings the property tests use.

The numeral characters are the closed set of the Chinese number system (Unicode gives each its
``numeric`` value), written here by name because tests/test_layers.py keeps CJK literals out of code;
they are grammar, not domain knowledge, so they live with the parser rather than in a data file.
Arithmetic is done in ``Decimal`` so that ``1.2万亿`` is exactly 1.2e12.
"""

from __future__ import annotations

import functools
import math
import re
from decimal import Decimal
from typing import NamedTuple

import ahocorasick_rs

from tealeaves.knowledge.phrases import fold_phrase

ZH_ZEROS = "\N{IDEOGRAPHIC NUMBER ZERO}\N{CJK UNIFIED IDEOGRAPH-96F6}"
"""〇 and 零."""

ZH_DIGITS: dict[str, int] = {
    "\N{IDEOGRAPHIC NUMBER ZERO}": 0,
    "\N{CJK UNIFIED IDEOGRAPH-96F6}": 0,
    "\N{CJK UNIFIED IDEOGRAPH-4E00}": 1,
    "\N{CJK UNIFIED IDEOGRAPH-58F9}": 1,
    "\N{CJK UNIFIED IDEOGRAPH-4E8C}": 2,
    "\N{CJK UNIFIED IDEOGRAPH-4E24}": 2,
    "\N{CJK UNIFIED IDEOGRAPH-5169}": 2,
    "\N{CJK UNIFIED IDEOGRAPH-8D30}": 2,
    "\N{CJK UNIFIED IDEOGRAPH-8CB3}": 2,
    "\N{CJK UNIFIED IDEOGRAPH-4E09}": 3,
    "\N{CJK UNIFIED IDEOGRAPH-53C1}": 3,
    "\N{CJK UNIFIED IDEOGRAPH-56DB}": 4,
    "\N{CJK UNIFIED IDEOGRAPH-8086}": 4,
    "\N{CJK UNIFIED IDEOGRAPH-4E94}": 5,
    "\N{CJK UNIFIED IDEOGRAPH-4F0D}": 5,
    "\N{CJK UNIFIED IDEOGRAPH-516D}": 6,
    "\N{CJK UNIFIED IDEOGRAPH-9646}": 6,
    "\N{CJK UNIFIED IDEOGRAPH-9678}": 6,
    "\N{CJK UNIFIED IDEOGRAPH-4E03}": 7,
    "\N{CJK UNIFIED IDEOGRAPH-67D2}": 7,
    "\N{CJK UNIFIED IDEOGRAPH-516B}": 8,
    "\N{CJK UNIFIED IDEOGRAPH-634C}": 8,
    "\N{CJK UNIFIED IDEOGRAPH-4E5D}": 9,
    "\N{CJK UNIFIED IDEOGRAPH-7396}": 9,
}
"""Digits 〇零 一壹 二两兩贰貳 三叁 四肆 五伍 六陆陸 七柒 八捌 九玖."""

ZH_SMALL_UNITS: dict[str, int] = {
    "\N{CJK UNIFIED IDEOGRAPH-5341}": 10,
    "\N{CJK UNIFIED IDEOGRAPH-62FE}": 10,
    "\N{CJK UNIFIED IDEOGRAPH-767E}": 100,
    "\N{CJK UNIFIED IDEOGRAPH-4F70}": 100,
    "\N{CJK UNIFIED IDEOGRAPH-5343}": 1000,
    "\N{CJK UNIFIED IDEOGRAPH-4EDF}": 1000,
}
"""十拾 百佰 千仟: multipliers inside a four-digit section."""

ZH_BIG_UNITS: dict[str, int] = {
    "\N{CJK UNIFIED IDEOGRAPH-4E07}": 10**4,
    "\N{CJK UNIFIED IDEOGRAPH-842C}": 10**4,
    "\N{CJK UNIFIED IDEOGRAPH-4EBF}": 10**8,
    "\N{CJK UNIFIED IDEOGRAPH-5104}": 10**8,
}
"""万萬 亿億: section multipliers."""

ZH_POINTS = "\N{CJK UNIFIED IDEOGRAPH-70B9}\N{CJK UNIFIED IDEOGRAPH-9EDE}"
"""点 and 點, the decimal point of spelled-out numbers (三点五)."""

_LIANG = "\N{CJK UNIFIED IDEOGRAPH-4E24}\N{CJK UNIFIED IDEOGRAPH-5169}"  # 两 兩

APPROX_MARKS = "\N{CJK UNIFIED IDEOGRAPH-591A}\N{CJK UNIFIED IDEOGRAPH-4F59}\N{CJK UNIFIED IDEOGRAPH-9918}"
"""多 余 餘: 'and more' inside a numeral (四百多亿, 20余). ``find_numbers`` keeps them in a run;
``parse_number`` refuses them, so the caller strips them and records the bound."""

EN_SCALES: dict[str, int] = {
    "thousand": 10**3,
    "k": 10**3,
    "million": 10**6,
    "mn": 10**6,
    "mln": 10**6,
    "m": 10**6,
    "billion": 10**9,
    "bn": 10**9,
    "bln": 10**9,
    "b": 10**9,
    "trillion": 10**12,
    "tn": 10**12,
    "trn": 10**12,
}
"""English scale words and the abbreviations financial news uses (12m, 200bn, 1.2tn)."""

_EN_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen"
).split()
_EN_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
EN_WORDS: dict[str, int] = {w: i for i, w in enumerate(_EN_ONES)} | {w: 20 + 10 * i for i, w in enumerate(_EN_TENS)}
"""English cardinal words below one hundred."""

_SHORT_SCALES = ("k", "m", "b", "mn", "bn", "tn")  # written straight after the digits: 12m, 200bn
_LONG_SCALES = ("thousand", "million", "billion", "trillion", "mln", "bln", "trn", "mn", "bn", "tn")

_ZH_NUM_CLASS = "".join(ZH_DIGITS) + "".join(ZH_SMALL_UNITS) + "".join(ZH_BIG_UNITS)
_ZH_DIGIT_CLASS = "".join(ZH_DIGITS)
_ZH_BIG_CLASS = "".join(ZH_BIG_UNITS)
_ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_EN_WORD = "|".join(sorted([*EN_WORDS, "hundred"], key=len, reverse=True))
_EN_SCALE_WORD = "thousand|million|billion|trillion"

NUMBER_RE = re.compile(
    rf"""
    (?:{_ARABIC})
      (?: [{_ZH_NUM_CLASS}{APPROX_MARKS}]+                      # digits then Chinese multipliers
        | \ ?[{_ZH_BIG_CLASS}][{_ZH_BIG_CLASS}{APPROX_MARKS}]*  # digits, a space, wan or yi
        | \ ?-?\ ?(?:{"|".join(_LONG_SCALES)})\b                # 12 million, 3.6-trillion
        | (?:{"|".join(_SHORT_SCALES)})\b                       # 12m, 200bn
      )?
    | [{_ZH_NUM_CLASS}]
      (?:[{_ZH_NUM_CLASS}{APPROX_MARKS}]|[{ZH_POINTS}](?=[{_ZH_DIGIT_CLASS}]))*
    | \b(?:{_EN_WORD})(?:[\ -](?:{_EN_WORD}|{_EN_SCALE_WORD}))*\b
    """,
    re.VERBOSE,
)
"""One pass over a matching view (lower-cased, half-width, simplified) finds every number-shaped run."""


_DIGIT_START = re.compile(rf"[\d{_ZH_NUM_CLASS}]")
"""Where a run of the first two kinds can start: a digit or a Chinese numeral."""

_WORD_START = re.compile(
    "|".join(f"{re.escape(w)}(?<!\\w{re.escape(w)})" for w in sorted([*EN_WORDS, "hundred"], key=len, reverse=True))
)
"""Where an English number word starts a word (``\\b`` checked after the word, so that every
alternative starts with a literal and ``re`` skips ahead to a possible first letter in C)."""


_SCALE_TAIL = re.compile(rf"(.*?\d)\s*-?\s*({'|'.join(EN_SCALES)})")
_SCALED = re.compile(rf"(.*?\d)(?:\s*-?\s*({'|'.join(_LONG_SCALES)})|({'|'.join(_SHORT_SCALES)}))")
_ARABIC_RE = re.compile(_ARABIC)
_EN_WORDS_RE = re.compile(r"[a-z]+(?:[\s-]+[a-z]+)*")
_EN_SPLIT = re.compile(r"[\s-]+")


class NumberRun(NamedTuple):
    """A number-shaped run of a view at ``[start, end)``; ``text`` is the view's text there."""

    start: int
    end: int
    text: str


def find_numbers(view_text: str) -> list[NumberRun]:
    """Every number-shaped run in ``view_text`` (a folded view), in order; empty when none.

    Runs are candidates only: ``三年``'s 三 and ``第六轮``'s 六 are found too, and the quantity
    extractor keeps a run only when a unit follows it (or precedes it, as in $50 or 百分之二十).
    The runs are those of ``NUMBER_RE.finditer``; ``NUMBER_RE`` is tried only where a run can
    start (a digit, a numeral or an English number word), which two fast scans find.

    Example::

        [r.text for r in find_numbers("采购1200万吨大豆和12 million tons")]  # ['1200万', '12 million']
    """
    digit_at, match = _DIGIT_START.search, NUMBER_RE.match
    words = _word_starts(view_text)
    n_words, w = len(words), 0
    out: list[NumberRun] = []
    digit = digit_at(view_text)
    d = digit.start() if digit is not None else -1
    while d >= 0 or w < n_words:
        start = d if d >= 0 and (w == n_words or d < words[w]) else words[w]
        m = match(view_text, start)
        pos = start + 1
        if m is not None:
            pos = m.end()
            out.append(NumberRun(start, pos, m.group()))
        if 0 <= d < pos:
            digit = digit_at(view_text, pos)
            d = digit.start() if digit is not None else -1
        while w < n_words and words[w] < pos:
            w += 1
    return out


@functools.cache
def _word_scanner() -> ahocorasick_rs.AhoCorasick:
    return ahocorasick_rs.AhoCorasick(sorted([*EN_WORDS, "hundred"]))


def _word_starts(view_text: str) -> list[int]:
    """Where ``_WORD_START`` matches, in order: a number word not preceded by a word character
    (``re``'s ``\\w``). One Aho-Corasick pass finds them; the pattern itself tries its thirty words
    at nearly every letter of an English text. No match can start inside another, since one is
    made of letters."""
    try:
        found = _word_scanner().find_matches_as_indexes(view_text, overlapping=True)
    except UnicodeEncodeError:  # a lone surrogate: the pattern scans instead
        return [m.start() for m in _WORD_START.finditer(view_text)]
    starts = {s for _i, s, _e in found if not (s and _is_word(view_text[s - 1]))}
    return sorted(starts)


def _is_word(ch: str) -> bool:
    """What ``re`` counts as ``\\w`` in a str pattern: a Unicode letter or digit, or the underscore."""
    return ch.isalnum() or ch == "_"


def split_scale(text: str) -> tuple[str, int]:
    """Split a trailing scale (万, 亿, 万亿, million, bn ...) off a number string.

    Returns ``(mantissa, scale)``; the scale is 1 when there is none. A range such as 14-16 million
    or 1400-1600万吨 lends the right end's scale to a left end written without one.

    Example::

        split_scale("16 million")  # ('16', 1000000)
    """
    s = fold_phrase(text).strip()
    scale = 1
    i = len(s)
    while i > 0 and s[i - 1] in ZH_BIG_UNITS:
        scale *= ZH_BIG_UNITS[s[i - 1]]
        i -= 1
    if scale > 1:
        head = s[:i].rstrip()
        return (head, scale) if head else (s, 1)
    m = _SCALE_TAIL.fullmatch(s)
    if m:
        return m.group(1), EN_SCALES[m.group(2)]
    return s, 1


def parse_number(text: str) -> float:
    """Parse one number as written: Arabic (1,200.5), Chinese (一千二百万, 二〇二五, 三点五, 壹佰),
    mixed (1200万, 1.2万亿, 4.4 亿), English (12 million, 1.5 billion, 200bn, twenty-five).

    Raises ValueError for anything else, including vague forms (几十, 数百) and the approximate
    marks 多/余, which the caller strips and records as a bound. A trailing digit after a
    multiplier without 零 is the colloquial short form: 一万五 is 15000, 三千五 is 3500. Two bare
    digits are an estimate, not a number (一两, 三四 raise ValueError); 二〇二五 and 一九九七 are
    read digit by digit.

    Example::

        parse_number("一千二百万")  # 12000000.0
        parse_number("US")          # raises ValueError
    """
    value = parse_decimal(text)
    result = float(value)
    if not math.isfinite(result):
        raise ValueError(f"number out of range: {text[:40]!r}")
    return result


@functools.lru_cache(maxsize=4096)
def parse_decimal(text: str) -> Decimal:
    """``parse_number`` with an exact ``Decimal`` result (same rules, same errors).

    Pure, and news repeats its figures (1200万, 25%), so the last few thousand results are kept
    (a Decimal is immutable; a string that raises is parsed again each time)."""
    s = fold_phrase(text).strip()
    if not s:
        raise ValueError("empty number")
    if len(s) > 200:
        raise ValueError("number too long")
    if s.isdigit() and s.isascii():
        return Decimal(s)  # plain digits, the common case: what the Arabic rule below gives
    m = _SCALED.fullmatch(s)
    if m and _ARABIC_RE.fullmatch(m.group(1)):
        return _arabic(m.group(1)) * EN_SCALES[m.group(2) or m.group(3)]
    if _ARABIC_RE.fullmatch(s):
        return _arabic(s)
    if _EN_WORDS_RE.fullmatch(s):
        return Decimal(_english_words(s))
    return _chinese(s)


def _arabic(s: str) -> Decimal:
    return Decimal(s.replace(",", ""))


def _english_words(s: str) -> int:
    total = current = 0
    seen = False
    for word in _EN_SPLIT.split(s):
        if word in EN_WORDS:
            current += EN_WORDS[word]
            seen = True
        elif word == "hundred" and seen:
            current = (current or 1) * 100
        elif word in ("thousand", "million", "billion", "trillion") and seen:
            if current == 0 and total == 0:
                raise ValueError(f"no number before {word!r}")
            total += (current or 1) * EN_SCALES[word]
            current = 0
        else:
            raise ValueError(f"not an English number word: {word!r}")
    return total + current


# --- Chinese numerals ---------------------------------------------------------------------------

_ARABIC_RUN = re.compile(r"\d+(?:\.\d+)?")
_SPACE_AT_NUMERAL = re.compile(r"\s+(?=[^\d\s])|(?<=[^\d\s])\s+")
_GROUP_COMMA = re.compile(r"(?<=\d),(?=\d{3})")


def _chinese(s: str) -> Decimal:
    s = _SPACE_AT_NUMERAL.sub("", s)  # digits, a space, wan or yi -> 4.4亿; never join two Arabic runs
    s = _GROUP_COMMA.sub("", s)
    if not s or any(c not in ZH_DIGITS and c not in ZH_SMALL_UNITS and c not in ZH_BIG_UNITS and c not in ZH_POINTS
                    and not c.isdigit() and c != "." for c in s):
        raise ValueError(f"not a number: {s[:40]!r}")
    points = [i for i, c in enumerate(s) if c in ZH_POINTS]
    if len(points) == 1 and points[0] > 0 and s[points[0] + 1 :] and all(c in ZH_DIGITS for c in s[points[0] + 1 :]):
        head, tail = s[: points[0]], s[points[0] + 1 :]
        if any(c in ZH_BIG_UNITS for c in head):  # 一万点五: the decimals follow the whole number
            return _with_big_units(head) + Decimal("0." + "".join(str(ZH_DIGITS[c]) for c in tail))
    return _with_big_units(s)


def _with_big_units(s: str) -> Decimal:
    """Split at the last 亿, then the last 万: left x unit + right (right < unit)."""
    for unit in (10**8, 10**4):
        i = max((s.rfind(c) for c, v in ZH_BIG_UNITS.items() if v == unit), default=-1)
        if i < 0:
            continue
        left, right = s[:i], s[i + 1 :]
        if not left:
            raise ValueError(f"multiplier without a number: {s[:40]!r}")
        high = _with_big_units(left)
        if unit == 10**4 and high >= 10**4 and not _ARABIC_RUN.fullmatch(left):
            raise ValueError(f"malformed numeral: {s[:40]!r}")
        return high * unit + _remainder(right, unit)
    return _section(s)


def _remainder(right: str, unit: int) -> Decimal:
    if not right:
        return Decimal(0)
    if right[0] in ZH_ZEROS:
        rest = right.lstrip(ZH_ZEROS)
        value = _with_big_units(rest) if rest else Decimal(0)
    elif len(right) == 1 and (right in ZH_DIGITS or right.isdigit()):
        value = Decimal(ZH_DIGITS[right] if right in ZH_DIGITS else int(right)) * unit / 10  # 一万五
    else:
        value = _with_big_units(right)
    if value >= unit:
        raise ValueError(f"malformed numeral: {right[:40]!r} after a larger unit")
    return value


def _section(s: str) -> Decimal:
    """A number below 10^4 in Chinese (with Arabic digits allowed as coefficients) or 三点五."""
    points = [i for i, c in enumerate(s) if c in ZH_POINTS]
    if points:
        if len(points) > 1:
            raise ValueError(f"two decimal points: {s[:40]!r}")
        head, tail = s[: points[0]], s[points[0] + 1 :]
        if not head or not tail or any(c not in ZH_DIGITS for c in tail):
            raise ValueError(f"malformed decimal: {s[:40]!r}")
        frac = "".join(str(ZH_DIGITS[c]) for c in tail)
        return _section(head) + Decimal("0." + frac)
    if len(s) > 1 and all(c in ZH_DIGITS for c in s):
        # positional digits (二〇二五, 一九九七) have a zero or three digits or more; two bare digits
        # are an estimate (一两, 三四: one or two, three or four), and 两 never spells a digit place
        if (len(s) < 3 and not any(c in ZH_ZEROS for c in s)) or any(c in _LIANG for c in s):
            raise ValueError(f"an estimate, not a number: {s[:40]!r}")
        return Decimal("".join(str(ZH_DIGITS[c]) for c in s))
    tokens: list[tuple[str, Decimal]] = []
    i = 0
    while i < len(s):
        m = _ARABIC_RUN.match(s, i)
        if m:
            tokens.append(("digit", Decimal(m.group())))
            i = m.end()
            continue
        c = s[i]
        if c in ZH_ZEROS:
            tokens.append(("zero", Decimal(0)))
        elif c in ZH_DIGITS:
            tokens.append(("digit", Decimal(ZH_DIGITS[c])))
        elif c in ZH_SMALL_UNITS:
            tokens.append(("unit", Decimal(ZH_SMALL_UNITS[c])))
        else:
            raise ValueError(f"not a numeral character: {c!r}")
        i += 1
    return _fold_section(tokens, s)


def _fold_section(tokens: list[tuple[str, Decimal]], s: str) -> Decimal:
    total = Decimal(0)
    pending: Decimal | None = None
    last_unit: Decimal | None = None
    zero_seen = False
    for kind, value in tokens:
        if kind == "zero":
            if pending is not None:
                raise ValueError(f"malformed numeral: {s[:40]!r}")
            zero_seen = True
        elif kind == "digit":
            if pending is not None:
                raise ValueError(f"two numbers without a unit between: {s[:40]!r}")
            pending = value
        else:
            if last_unit is not None and value >= last_unit:
                raise ValueError(f"units out of order: {s[:40]!r}")
            if pending is None and last_unit is not None and not zero_seen:
                raise ValueError(f"unit without a digit: {s[:40]!r}")
            total += (pending if pending is not None else Decimal(1)) * value
            last_unit, pending, zero_seen = value, None, False
    if pending is not None:
        if last_unit is not None and not zero_seen:
            if pending >= 10 or pending != pending.to_integral_value():
                raise ValueError(f"malformed numeral: {s[:40]!r}")
            total += pending * last_unit / 10  # 三千五 = 3500
        else:
            total += pending
    elif last_unit is None and not zero_seen:
        raise ValueError(f"no digits: {s[:40]!r}")
    return total


# --- rendering (the inverse, for tests and display) ---------------------------------------------

_PLAIN_DIGITS = (
    "\N{CJK UNIFIED IDEOGRAPH-96F6}\N{CJK UNIFIED IDEOGRAPH-4E00}\N{CJK UNIFIED IDEOGRAPH-4E8C}"
    "\N{CJK UNIFIED IDEOGRAPH-4E09}\N{CJK UNIFIED IDEOGRAPH-56DB}\N{CJK UNIFIED IDEOGRAPH-4E94}"
    "\N{CJK UNIFIED IDEOGRAPH-516D}\N{CJK UNIFIED IDEOGRAPH-4E03}\N{CJK UNIFIED IDEOGRAPH-516B}"
    "\N{CJK UNIFIED IDEOGRAPH-4E5D}"
)
_FINANCIAL_DIGITS = (
    "\N{CJK UNIFIED IDEOGRAPH-96F6}\N{CJK UNIFIED IDEOGRAPH-58F9}\N{CJK UNIFIED IDEOGRAPH-8D30}"
    "\N{CJK UNIFIED IDEOGRAPH-53C1}\N{CJK UNIFIED IDEOGRAPH-8086}\N{CJK UNIFIED IDEOGRAPH-4F0D}"
    "\N{CJK UNIFIED IDEOGRAPH-9646}\N{CJK UNIFIED IDEOGRAPH-67D2}\N{CJK UNIFIED IDEOGRAPH-634C}"
    "\N{CJK UNIFIED IDEOGRAPH-7396}"
)
_PLAIN_UNITS = ("", "\N{CJK UNIFIED IDEOGRAPH-5341}", "\N{CJK UNIFIED IDEOGRAPH-767E}", "\N{CJK UNIFIED IDEOGRAPH-5343}")
_FINANCIAL_UNITS = ("", "\N{CJK UNIFIED IDEOGRAPH-62FE}", "\N{CJK UNIFIED IDEOGRAPH-4F70}", "\N{CJK UNIFIED IDEOGRAPH-4EDF}")
_WAN = "\N{CJK UNIFIED IDEOGRAPH-4E07}"
_YI = "\N{CJK UNIFIED IDEOGRAPH-4EBF}"


def format_arabic(value: Decimal, *, grouped: bool = False) -> str:
    """Render a non-negative number in Arabic digits, optionally with thousands separators.

    Example::

        format_arabic(Decimal("1200000.5"), grouped=True)  # '1,200,000.5'
    """
    if value < 0:
        raise ValueError("negative numbers are not rendered")
    return format(value, ",f" if grouped else "f")


def format_chinese(value: Decimal, *, financial: bool = False) -> str:
    """Render a non-negative number in Chinese numerals (一千二百万, 三点一四; 壹仟贰佰万 when
    ``financial``). Zeros inside follow the usual rule: one 零 for any run of zeros (一万零五).

    Example::

        format_chinese(Decimal(12000000))  # '一千二百万'
    """
    if value < 0:
        raise ValueError("negative numbers are not rendered")
    digits = _FINANCIAL_DIGITS if financial else _PLAIN_DIGITS
    units = _FINANCIAL_UNITS if financial else _PLAIN_UNITS
    whole = int(value)
    frac = format(value - whole, "f").rstrip("0").rstrip(".")
    out = _zh_int(whole, digits, units, top=True)
    if frac not in ("", "0"):
        out += "\N{CJK UNIFIED IDEOGRAPH-70B9}" + "".join(digits[int(d)] for d in frac.split(".")[1])
    return out


def _zh_int(n: int, digits: str, units: tuple[str, ...], *, top: bool) -> str:
    if n == 0:
        return digits[0]
    for size, name in ((10**8, _YI), (10**4, _WAN)):
        if n >= size:
            high, low = divmod(n, size)
            out = _zh_int(high, digits, units, top=top) + name
            if low:
                out += (digits[0] if low < size // 10 else "") + _zh_int(low, digits, units, top=False)
            return out
    out = ""
    zero_pending = False
    for pos in (3, 2, 1, 0):
        d = n // 10**pos % 10
        if d == 0:
            zero_pending = bool(out)
            continue
        if zero_pending:
            out += digits[0]
            zero_pending = False
        if not (top and not out and pos == 1 and d == 1):  # 十二, not 一十二, at the start
            out += digits[d]
        out += units[pos]
    return out
