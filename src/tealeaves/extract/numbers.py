"""Numbers as news writes them: Arabic digits, Chinese numerals, 万/亿 and million/billion.

``parse_number`` turns one number string into a float (``1200万`` -> 12000000, ``一千二百万``,
``1.2万亿``, ``12 million``, ``200bn``, ``4.4 亿``); ``find_numbers`` finds the number-shaped runs
of a matching view in one compiled-regex pass so that the slow parsing runs only on candidates
(the inverse renderings the property tests use are in ``number_format``).

Chinese numerals are parsed in ``zh_numerals``; arithmetic is done in ``Decimal`` so that
``1.2万亿`` is exactly 1.2e12.
"""

from __future__ import annotations

import functools
import math
import re
from decimal import Decimal
from typing import NamedTuple

import ahocorasick_rs

from tealeaves.extract.zh_numerals import (
    ZH_BIG_UNITS,
    ZH_DIGITS,
    ZH_POINTS,
    ZH_SMALL_UNITS,
    parse_chinese,
)
from tealeaves.knowledge.phrases import fold_phrase

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
    return parse_chinese(s)


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
