"""Numbers rendered as news writes them: the inverse of ``numbers.parse_decimal``, used by the
property tests (every number rendered in Arabic or Chinese numerals parses back to itself) and for
display. The numeral characters are written by name, as in ``numbers``.
"""

from __future__ import annotations

from decimal import Decimal

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
