"""Turn the bytes of an article file into text, or say in one line why they cannot be read.

The order is STYLE.md §5's: size limit, empty, not-text signatures, an explicit encoding, a byte
order mark, NUL and control bytes, a declared charset (``<meta charset>``, XML prolog), then
detection; last an ``InputError``. GBK and GB2312 are read as GB18030, their superset.

Detection tries strict UTF-8 first: valid UTF-8 of any length is almost never another encoding by
accident. Otherwise GB18030, Big5 and cp1252 are decoded strictly and scored by
:mod:`tealeaves.ingest.plausibility` (charset-normalizer alone confuses GB18030, Big5 and cp1252
on short Chinese texts): a reading must be mostly characters that text in that encoding is written
with; when GB18030 and Big5 both qualify, the one with more frequent characters wins; cp1252 wins
over a CJK reading that is only lone ideographs glued to English words. A file that reads well at
first and then turns into mojibake is a mixed-encoding error, as is one that is partly valid UTF-8
or UTF-8 decoded and encoded twice. charset-normalizer is asked last, for other languages.
Nothing is ever decoded with ``errors="replace"``. The first non-UTF-8 file costs about 0.2 s to
build the character tables; after that detection runs at about 15-40 MB/s, UTF-8 at 200+ MB/s.
"""

from __future__ import annotations

import codecs
import logging
import re
from dataclasses import dataclass
from typing import Literal

from tealeaves.errors import ConfigError, InputError
from tealeaves.ingest import plausibility
from tealeaves.ingest.sniff import sniff_binary, sniff_magic

log = logging.getLogger(__name__)

EncodingSource = Literal["explicit", "bom", "declared", "detected"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_BOM_FIRST_BYTES = frozenset(bom[0] for bom, _ in _BOMS)
_SUPERSETS = {"gbk": "gb18030", "gb2312": "gb18030", "hz": "gb18030", "ascii": "utf-8"}
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_NON_ASCII_BYTES = bytes(range(0x80))
_NON_ASCII_PAIR = re.compile(r"[^\x00-\x7f]{2}")
_CJK_CODECS = ("gb18030", "big5", "cp950", "big5hkscs")
# Python's GBK decodes nothing GB18030 does not; Big5's vendor variants are tried in turn
_CANDIDATES = (("gb18030",), ("big5", "cp950", "big5hkscs"), ("cp1252",))
_SCORED = frozenset({"utf-8", *_CJK_CODECS, "cp1252"})
_ACCEPT = 0.8
_UNLIKELY = 0.01
_ODD_WINDOW = 0.5
MB = 1024 * 1024


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, the codec that decoded it and how that codec was chosen."""

    text: str
    encoding: str
    source: EncodingSource


def describe_size(n: int) -> str:
    """Sizes the way a user reads them: ``61.2 MB``, ``50 MB``, ``3.5 KB``, ``120 bytes``."""
    if n >= MB:
        return f"{n / MB:.1f}".removesuffix(".0") + " MB"
    if n >= 1024:
        return f"{n / 1024:.1f}".removesuffix(".0") + " KB"
    return f"{n} bytes"


def check_size(size: int, max_bytes: int) -> None:
    """Raise InputError when a file of ``size`` bytes is over the limit (before reading it)."""
    if size > max_bytes:
        raise InputError(f"file is {describe_size(size)}, over the {describe_size(max_bytes)} limit")


def canonical_codec(name: str) -> str:
    """The Python codec name for an encoding label, GBK and GB2312 widened to GB18030.

    Raises LookupError for a label Python does not know.
    """
    codec = codecs.lookup(name.strip()).name
    return _SUPERSETS.get(codec, codec)


def _where(raw: bytes, offset: int) -> str:
    line = raw.count(b"\n", 0, offset) + 1
    return f"line {line}, offset {offset}"


def describe_decode_error(raw: bytes, exc: UnicodeDecodeError) -> str:
    """One phrase for a strict decoding failure: a truncated ending, or the bad byte and its line."""
    if exc.end >= len(raw) and exc.reason in ("unexpected end of data", "truncated data", "incomplete multibyte sequence"):
        return "the file ends in the middle of a character (truncated?)"
    return f"byte 0x{raw[exc.start]:02X} ({_where(raw, exc.start)}) is not valid {exc.encoding.upper()}"


def _strict(raw: bytes, codec: str) -> str | UnicodeDecodeError:
    try:
        return raw.decode(codec)
    except UnicodeDecodeError as exc:
        return exc


def decode_bytes(raw: bytes, *, max_bytes: int, encoding: str | None = None) -> Decoded:
    """Decode an article file's bytes to text, following the order in the module docstring.

    ``encoding`` is the user's explicit choice (``--encoding``) and is used strictly: a byte it
    cannot decode is an error, never a silent fallback. A leading byte order mark is not part of the
    text. Raises InputError (without a path; the caller adds it) for an empty, oversized, binary or
    undecodable input, and ConfigError for an unknown ``encoding``.

    Example::

        decode_bytes("中美".encode("gbk"), max_bytes=1 << 20).encoding  # 'gb18030'
    """
    check_size(len(raw), max_bytes)
    if not raw:
        raise InputError("file is empty")
    kind = sniff_magic(raw)
    if kind is not None:
        raise InputError(f"not text (looks like {kind})")
    if encoding is not None:
        return _decode_explicit(raw, encoding)
    if raw[0] in _BOM_FIRST_BYTES:
        for bom, codec in _BOMS:
            if raw.startswith(bom):
                return _decode_with_bom(raw[len(bom) :], codec)
    reason = sniff_binary(raw)
    if reason is not None:
        raise InputError(reason)
    declared = _declared_charset(raw)
    if declared is not None:
        decoded = _decode_declared(raw, declared)
        if decoded is not None:
            return decoded
    return _detect(raw)


def _decode_explicit(raw: bytes, label: str) -> Decoded:
    try:
        codec = canonical_codec(label)
    except LookupError as exc:
        raise ConfigError(f"unknown encoding {label!r} (--encoding)") from exc
    if not codec.startswith(("utf-16", "utf-32")):
        reason = sniff_binary(raw)
        if reason is not None:
            raise InputError(reason)
    if codec == "utf-8":
        codec = "utf-8-sig"
    text = _strict(raw, codec)
    if isinstance(text, UnicodeDecodeError):
        raise InputError(f"cannot decode as {label} (--encoding): {describe_decode_error(raw, text)}") from text
    return Decoded(text.removeprefix("\N{ZERO WIDTH NO-BREAK SPACE}"), codec.removesuffix("-sig"), "explicit")


def _decode_with_bom(body: bytes, codec: str) -> Decoded:
    if not body:
        raise InputError("file is empty (only a byte order mark)")
    text = _strict(body, codec)
    if isinstance(text, UnicodeDecodeError):
        raise InputError(f"cannot decode: starts with a {codec.upper()} byte order mark but {describe_decode_error(body, text)}") from text
    if codec == "utf-8":
        _reject_double_encoding(text)
    return Decoded(text, codec, "bom")


def _declared_charset(raw: bytes) -> str | None:
    """The charset an HTML or XML document declares in its first 1024 bytes (as the WHATWG
    prescan does), or None; only for bytes that start like markup."""
    head = raw[:1024]
    if not head.lstrip().startswith(b"<"):
        return None
    m = _XML_DECL.search(head) or _META_CHARSET.search(head)
    if m is None:
        return None
    label = m.group(1).decode("ascii")
    try:
        codec = canonical_codec(label)
    except LookupError:
        log.debug("ignoring unknown declared charset %r", label)
        return None
    # a document whose declaration we could read in ASCII is not UTF-16/32 (WHATWG does the same)
    return "utf-8" if codec.startswith(("utf-16", "utf-32")) else codec


def _decode_declared(raw: bytes, codec: str) -> Decoded | None:
    """Decode with the declared charset when it reads as text; None (detect instead) when the
    declaration is wrong, which pages saved from the web often are."""
    text = _strict(raw, codec)
    if isinstance(text, UnicodeDecodeError):
        log.debug("declared charset %s does not decode: %s", codec, text)
        return None
    if codec == "utf-8":
        _reject_double_encoding(text)
        return Decoded(text, codec, "declared")
    if plausibility.unlikely_share(text) > _UNLIKELY:
        return None
    if codec in _CJK_CODECS or codec == "cp1252":
        kind = _kind(codec)
        # a declaration that yields mojibake, in whole or in part, is wrong; detection decides
        if plausibility.score(text, kind) < _ACCEPT or plausibility.first_odd_line(text, kind, _ODD_WINDOW)[1]:
            return None
    return Decoded(text, codec, "declared")


def _reject_double_encoding(text: str) -> None:
    sample = plausibility.find_double_encoding(text)
    if sample is not None:
        line = text.count("\n", 0, text.find(sample)) + 1
        raise InputError(
            f"mixed or invalid encoding: {sample!r} at line {line} looks like UTF-8 decoded as cp1252 "
            "and encoded again (mojibake)"
        )


def _detect(raw: bytes) -> Decoded:
    text = _strict(raw, "utf-8")
    if isinstance(text, str):
        # mojibake of UTF-8 read as cp1252 starts with one of U+00C2-U+00F4, which UTF-8 writes
        # with the lead byte C3: without that byte (most Chinese and English text) there is none
        if b"\xc3" in raw:
            _reject_double_encoding(text)
        return Decoded(text, "utf-8", "detected")
    utf8_error = text
    candidates = _candidates(raw)
    readable: list[tuple[float, Decoded]] = []
    for codec, candidate in candidates:
        if codec == "cp1252" and readable and not any(_lone_ideographs(r[1].text) for r in readable):
            break
        if plausibility.unlikely_share(candidate) > _UNLIKELY:
            continue
        common = plausibility.score(candidate, _kind(codec))
        log.debug("candidate %s: common %.2f", codec, common)
        if common >= _ACCEPT:
            readable.append((common, Decoded(candidate, codec, "detected")))
    best: tuple[float, Decoded] | None = None
    latin = [r for r in readable if r[1].encoding == "cp1252"]
    if latin:
        best = latin[0]
    elif len(readable) > 1:
        # GB18030 and Big5 both read these bytes as common characters; only one gives the
        # frequent ones of real text
        best = max(readable, key=lambda r: r[0] + 0.5 * plausibility.frequent_share(r[1].text))
    elif readable:
        best = readable[0]
    if best is not None:
        decoded = best[1]
        _, odd = plausibility.first_odd_line(decoded.text, _kind(decoded.encoding), _ODD_WINDOW)
        if odd is not None:
            raise InputError(
                f"mixed or invalid encoding: the file reads as {decoded.encoding.upper()} except near line {odd}"
            )
        return decoded
    _reject_broken_utf8(raw, utf8_error)
    for codec, candidate in candidates:
        # no encoding reads the whole file; one that reads its beginning points at a mixed file
        first, odd = plausibility.first_odd_line(candidate, _kind(codec), _ODD_WINDOW)
        if odd is not None and first >= _ACCEPT:
            raise InputError(f"mixed or invalid encoding: the file reads as {codec.upper()} except near line {odd}")
    _reject_truncated(raw)
    guessed = _charset_normalizer_guess(raw)
    if guessed is not None:
        return guessed
    raise InputError(
        f"cannot decode: no BOM or declared charset, not UTF-8 (byte 0x{raw[utf8_error.start]:02X}, "
        f"{_where(raw, utf8_error.start)}), and no other encoding reads as text; pass --encoding if you know it"
    )


def _reject_truncated(raw: bytes) -> None:
    """Raise when a double-byte encoding reads ``raw`` well except for a character cut off at the
    end, as a download or copy interrupted mid-character leaves it."""
    for codec in ("gb18030", "big5"):
        error = _strict(raw, codec)
        if not isinstance(error, UnicodeDecodeError) or error.end < len(raw) or error.start < len(raw) - 3:
            continue
        head = _strict(raw[: error.start], codec)
        if isinstance(head, str) and plausibility.unlikely_share(head) <= _UNLIKELY and plausibility.score(head, "cjk") >= _ACCEPT:
            raise InputError(f"invalid {codec.upper()}: the file ends in the middle of a character (truncated?)") from error


def _lone_ideographs(text: str) -> bool:
    """True when ``text`` has no two non-ASCII characters side by side and most of its non-ASCII
    characters are ideographs: what cp1252 punctuation read two bytes at a time as GB18030 or Big5
    looks like (``Argentina's`` as one ideograph glued to ``Argentina``). Chinese text always has
    characters side by side, and English in GB18030 has punctuation, not ideographs, between words."""
    if _NON_ASCII_PAIR.search(text):
        return False
    return 2 * plausibility.ideographs(text) > plausibility.non_ascii(text)


def _kind(codec: str) -> str:
    return "latin" if codec == "cp1252" else "cjk"


def _candidates(raw: bytes) -> list[tuple[str, str]]:
    """Strict decodings of ``raw``: the first codec of each group of :data:`_CANDIDATES` that reads it."""
    out: list[tuple[str, str]] = []
    for group in _CANDIDATES:
        for codec in group:
            text = _strict(raw, codec)
            if isinstance(text, str):
                out.append((codec, text))
                break
    return out


def _reject_broken_utf8(raw: bytes, error: UnicodeDecodeError) -> None:
    """Raise when ``raw`` is UTF-8 apart from some bytes: a truncated ending, a corrupted byte, or a
    part in another encoding. Return when it does not look like UTF-8 at all.

    A first error at the very end is a truncated file. Otherwise, half or more of the non-ASCII
    bytes forming valid UTF-8 sequences (at least six bytes) means UTF-8: text in a double-byte
    encoding forms such sequences only by chance, for well under half its bytes."""
    if error.end >= len(raw) and error.reason == "unexpected end of data":
        raise InputError(f"invalid UTF-8: {describe_decode_error(raw, error)}") from error
    non_ascii = len(raw.translate(None, _NON_ASCII_BYTES))
    # "ignore" only measures how many non-ASCII bytes form valid UTF-8; the text is thrown away
    valid = len(raw.decode("utf-8", "ignore").encode("utf-8")) - (len(raw) - non_ascii)
    if valid < 6 or valid < 0.5 * non_ascii:
        return
    raise InputError(
        f"mixed or invalid encoding: the file is partly UTF-8, but byte 0x{raw[error.start]:02X} "
        f"({_where(raw, error.start)}) is not valid UTF-8 ({non_ascii - valid} invalid bytes in all)"
    ) from error


def _charset_normalizer_guess(raw: bytes) -> Decoded | None:
    """charset-normalizer's best guess among the encodings we did not score ourselves (Japanese,
    Korean, Cyrillic ...), when it decodes strictly, contains no unlikely characters and writes its
    letters mostly in one script; a guess that yields Latin letters must also place them the way
    Latin text does."""
    from charset_normalizer import from_bytes

    match = from_bytes(raw).best()
    if match is None:
        return None
    try:
        codec = canonical_codec(match.encoding)
    except LookupError:
        return None
    # without a BOM, UTF-16/32 is only ever read by an explicit --encoding (sniff_binary says so)
    if codec in _SCORED or codec.startswith(("utf-16", "utf-32")):
        return None
    text = _strict(raw, codec)
    if isinstance(text, UnicodeDecodeError) or plausibility.has_unlikely_characters(text):
        return None
    if plausibility.main_script_share(text) < _ACCEPT:
        return None
    if plausibility.main_script(text) == "LATIN" and plausibility.latin_score(text) < _ACCEPT:
        return None
    return Decoded(text, codec, "detected")
