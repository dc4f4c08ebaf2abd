"""Matching views of a body: traditional to simplified (OpenCC hk2s), width and case folded.

A view has exactly the length of the original and character ``i`` of the view comes from character
``i`` of the original, so a span found in the view is a span of the original with the same offsets.
OpenCC's t2s conversion is length-preserving for almost every text; where a phrase rule would change
the length, we convert that text character by character instead.
"""

from __future__ import annotations

import functools
import re
import string
import unicodedata
from dataclasses import dataclass

from tealeaves.knowledge.phrases import fold_phrase


@functools.cache
def _t2s() -> object:
    import opencc

    # hk2s = Hong Kong variants to standard traditional, then t2s: the same as t2s on Taiwan and
    # standard traditional text, and it also folds HK forms (世衞 -> 世卫) that t2s leaves alone.
    return opencc.OpenCC("hk2s.json")


def to_simplified(text: str) -> str:
    """Convert traditional Chinese to simplified, never changing the length of the text."""
    converter = _t2s()
    out: str = converter.convert(text)  # type: ignore[attr-defined]
    if len(out) == len(text):
        return out
    chars = []
    for ch in text:
        conv: str = converter.convert(ch)  # type: ignore[attr-defined]
        chars.append(conv if len(conv) == 1 else ch)
    return "".join(chars)


@dataclass(frozen=True)
class View:
    """A folded, simplified copy of a text with the same length (offsets are shared)."""

    text: str
    original: str


@functools.lru_cache(maxsize=4)
def make_view(text: str) -> View:
    """Build the matching view of ``text``: t2s, then full-width and ASCII case folding.

    Pure, so a small cache lets every stage of one document share one view (the conversion is a
    fifth of a stage's time) without holding more than a few texts.

    Example::

        make_view("美國財長ＢＥＳＳＥＮＴ").text  # '美国财长bessent'
    """
    return View(text=fold_text(to_simplified(encodable(text))), original=text)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def encodable(text: str) -> str:
    """``text`` with every lone UTF-16 surrogate replaced by U+FFFD, one character for one, so
    every offset holds: no UTF-8 encoder (OpenCC, the Rust automata, the store) takes a surrogate,
    and a str built by hand, not decoded from bytes, may carry one.

    Example::

        encodable("美国\ud800")  # '美国\ufffd'
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _LONE_SURROGATE.sub("\N{REPLACEMENT CHARACTER}", text)
    return text


@dataclass(frozen=True)
class _Fold:
    """What ``fold_phrase`` does, read off ``fold_phrase`` itself over the Basic Multilingual Plane
    (it changes no other character): the characters it changes and their folds, a pattern finding
    them, one finding the non-ASCII ones (full-width forms), and whether on ASCII it only lowers
    A-Z (so that ``bytes.lower`` on the UTF-8 of a text does the ASCII part)."""

    table: dict[str, str]
    changed: re.Pattern[str]
    wide: re.Pattern[str]
    ascii_lowers: bool


@functools.cache
def _fold() -> _Fold:
    plane = "".join(map(chr, range(0x10000)))
    table = {a: b for a, b in zip(plane, fold_phrase(plane)) if a != b}
    ascii_part = {a: b for a, b in table.items() if a.isascii()}
    return _Fold(
        table=table,
        changed=re.compile("[" + "".join(re.escape(c) for c in sorted(table)) + "]"),
        wide=re.compile("[" + "".join(re.escape(c) for c in sorted(table) if not c.isascii()) + "]"),
        ascii_lowers=ascii_part == {c: c.lower() for c in string.ascii_uppercase},
    )


def fold_text(text: str) -> str:
    """``fold_phrase`` for a whole text, several times faster on long non-ASCII texts, where
    ``str.translate`` looks every character up in a dict.

    A text without full-width forms is lowered by ``bytes.lower`` on its UTF-8 form, which lowers
    ASCII letters and leaves every byte of a multi-byte character alone; in any other text only the
    characters the fold changes are replaced.

    Example::

        fold_text("ＵＳＴＲ　Ｇｒｅｅｒ said")  # 'ustr greer said'
    """
    if text.isascii():
        return text.lower()
    fold = _fold()
    get = fold.table.__getitem__
    if fold.ascii_lowers and fold.wide.search(text) is None:
        return text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")
    return fold.changed.sub(lambda m: get(m.group()), text)


_CJK = re.compile("[\u4e00-\u9fff]")
"""The CJK Unified Ideographs block, which script and language detection count."""
_CJK_RUNS = re.compile("[\u4e00-\u9fff]+")


def normalize_body(text: str) -> str:
    """Normalise a decoded body the one way every reader does: NFC, no BOM, ``\\n`` line ends, no
    lone surrogate (``encodable``)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\N{ZERO WIDTH NO-BREAK SPACE}")
    return unicodedata.normalize("NFC", encodable(text))


def detect_script(text: str) -> str | None:
    """Return ``zh-Hant`` when converting to simplified changes enough CJK characters, ``zh-Hans``
    when the text has CJK characters but few change, and None for a text without Chinese."""
    sample = "".join(_CJK_RUNS.findall(text, 0, 4000))
    if not sample:
        return None
    simplified = to_simplified(sample)
    changed = 0 if simplified == sample else sum(map(str.__ne__, sample, simplified))
    return "zh-Hant" if changed >= max(2, len(sample) // 50) else "zh-Hans"


def detect_lang(text: str) -> str:
    """``zh`` when at least a tenth of the letters are CJK ideographs, else ``en``."""
    sample = text[:4000]
    cjk = len(_CJK.findall(sample))
    letters = sum(map(str.isalpha, sample))
    return "zh" if letters and cjk / letters >= 0.1 else "en"
