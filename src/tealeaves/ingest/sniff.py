"""Recognise bytes that are not text at all (images, PDFs, archives, binary data) before decoding.

A file of the wrong kind should fail with what it looks like (``not text (looks like a PNG
image)``), not with a confusing decoding error from the middle of a JPEG.
"""

from __future__ import annotations

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx, .xlsx, .epub file)"),
    (b"PK\x05\x06", "a ZIP archive (or a .docx, .xlsx, .epub file)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Microsoft Office document (.doc, .xls, .ppt)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x7fELF", "an ELF executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"OggS", "an Ogg media file"),
)
_RIFF: dict[bytes, str] = {b"WEBP": "a WebP image", b"WAVE": "a WAV audio file", b"AVI ": "an AVI video"}
_FIRST_BYTES = frozenset(magic[0] for magic, _ in _MAGIC) | {ord("R"), ord("I")}
"""The first bytes of every signature below (``RIFF``, ``ID3`` included): any other file is
compared with none of them."""

# bytes that never occur in text: C0 controls other than tab, line feed, vertical tab, form feed,
# carriage return and escape (0x1B, found in text copied from terminals)
_CONTROL = frozenset(range(0x01, 0x09)) | frozenset(range(0x0E, 0x1B)) | frozenset(range(0x1C, 0x20))
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL)
_SAMPLE = 65536


def sniff_magic(raw: bytes) -> str | None:
    """Name the file type whose signature ``raw`` starts with, or None when it has no known one.

    The signatures are the published magic numbers of each format (PDF ``%PDF-``, PNG, JPEG
    ``FF D8 FF``, ZIP ``PK 03 04`` ...). Example::

        sniff_magic(b"%PDF-1.7 ...")  # 'a PDF document'
    """
    if raw[:1] and raw[0] in _FIRST_BYTES:
        for magic, name in _MAGIC:
            if raw.startswith(magic):
                return name
        if raw.startswith(b"RIFF") and raw[8:12] in _RIFF:
            return _RIFF[raw[8:12]]
    if raw[4:8] == b"ftyp":
        return "an MP4 or HEIF media file"
    if raw.startswith(b"ID3") and len(raw) > 3 and raw[3] < 0x10:
        return "an MP3 audio file"
    return None


def sniff_binary(raw: bytes) -> str | None:
    """Say why ASCII-compatible ``raw`` is binary data rather than text, or None when it may be text.

    A NUL byte never occurs in text in an ASCII-compatible encoding; when NULs are frequent and
    regular the bytes are probably UTF-16/32 without a byte order mark, and the reason says which
    option reads them. More than 1 % of other control bytes in the first 64 KiB also means binary.
    The caller must have ruled out UTF-16/32 by BOM or explicit encoding first.
    """
    nul = raw.find(b"\x00")
    if nul >= 0:
        sample = raw[:_SAMPLE]
        if len(sample) >= 16:
            half = len(sample) // 2
            even, odd = sample[0::2].count(0), sample[1::2].count(0)
            # ASCII in UTF-16 puts a NUL in every other byte, on the odd side for little-endian
            if odd > 0.3 * half and even < 0.05 * half:
                return "looks like UTF-16-LE text without a byte order mark; pass --encoding utf-16-le"
            if even > 0.3 * half and odd < 0.05 * half:
                return "looks like UTF-16-BE text without a byte order mark; pass --encoding utf-16-be"
        return f"not text (binary data: NUL byte at offset {nul})"
    sample = raw[:_SAMPLE]
    controls = len(sample.translate(None, _NOT_CONTROL))
    if controls > max(2, len(sample) // 100):
        return f"not text (binary data: {controls} control bytes in the first {len(sample)} bytes)"
    return None
