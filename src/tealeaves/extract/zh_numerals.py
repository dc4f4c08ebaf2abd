"""Chinese numerals: the closed set of the Chinese number system and the parser of numbers written
with it (一千二百万, 三点五, 四十亿零五百万, financial 壹仟贰佰), used by ``numbers.parse_decimal``.

The numeral characters (Unicode gives each its ``numeric`` value) are written by name because
tests/test_layers.py keeps CJK literals out of code; they are grammar, not domain knowledge, so they
live with the parser rather than in a data file. Arithmetic is done in ``Decimal``.
"""

from __future__ import annotations

import re
from decimal import Decimal

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


_ARABIC_RUN = re.compile(r"\d+(?:\.\d+)?")
_SPACE_AT_NUMERAL = re.compile(r"\s+(?=[^\d\s])|(?<=[^\d\s])\s+")
_GROUP_COMMA = re.compile(r"(?<=\d),(?=\d{3})")


def parse_chinese(s: str) -> Decimal:
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
