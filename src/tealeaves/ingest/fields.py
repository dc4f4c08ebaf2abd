"""Parse the metadata values that front matter, JSONL and feeds share: dates and language tags.

Each function turns one string into one value and raises ValueError with a reason a user can act
on; the reader that knows the file and line turns it into an InputError.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from tealeaves.model import DocumentMeta

_ISO_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?")
_LANG_TAG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")
_HANT = {"hant", "tw", "hk", "mo"}
_HANS = {"hans", "cn", "sg", "my"}
UNKNOWN = "unknown"
"""The value SCHEMA.md uses for a field the source does not give."""


def parse_published(value: str) -> dt.date | None:
    """Parse SCHEMA.md's ``published``: an ISO date, or ``unknown`` (None).

    A date-time (``2026-03-14T08:30:00+08:00``) gives the date as written, not converted to UTC,
    because the article's own calendar day is what relative dates count from.

    Example::

        parse_published("2026-03-14")  # datetime.date(2026, 3, 14)
    """
    value = value.strip()
    if value == "" or value.lower() == UNKNOWN:
        return None
    m = _ISO_DATE.fullmatch(value)
    if m is None:
        raise ValueError(f"published {value!r} is not an ISO date (YYYY-MM-DD) or {UNKNOWN!r}")
    try:
        return dt.date.fromisoformat(m.group(1))
    except ValueError as exc:
        raise ValueError(f"published {value!r} is not a real date ({exc})") from exc


def parse_lang(value: str) -> tuple[str, str | None] | None:
    """Parse a BCP 47 language tag into ``(language, script)``; None for ``unknown`` or empty.

    ``zh-Hant``, ``zh-TW`` and ``zh-HK`` give the script ``zh-Hant``; ``zh-Hans`` and ``zh-CN``
    ``zh-Hans``; a bare ``zh`` leaves the script to be detected from the text.

    Example::

        parse_lang("zh-TW")  # ('zh', 'zh-Hant')
    """
    value = value.strip()
    if value == "" or value.lower() == UNKNOWN:
        return None
    if not _LANG_TAG.fullmatch(value):
        raise ValueError(f"lang {value!r} is not a language tag such as zh or en")
    parts = [p.lower() for p in re.split(r"[-_]", value)]
    lang, script = parts[0], None
    if lang == "zh":
        if _HANT & set(parts[1:]):
            script = "zh-Hant"
        elif _HANS & set(parts[1:]):
            script = "zh-Hans"
    return lang, script


def has_words(text: str) -> bool:
    """True when ``text`` has a letter or digit: whitespace, byte order marks and punctuation alone
    are no article."""
    return any(ch.isalnum() for ch in text)


def unquote(value: str) -> str:
    """Strip one pair of matching quotes around a whole value (``"a: b"`` -> ``a: b``)."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'" and value[0] not in value[1:-1]:
        return value[1:-1]
    return value


def meta_from_values(
    values: dict[str, str], base: DocumentMeta, where: Callable[[str], str]
) -> tuple[DocumentMeta, bool]:
    """Fill ``base`` from front-matter or JSONL values; returns the meta and whether ``lang`` was
    given. ``where(key)`` prefixes a ValueError (``line 3: ``) so the message points at the source."""

    def text_value(key: str) -> str | None:
        value = values.get(key, "").strip()
        return None if value == "" or value.lower() == UNKNOWN else value

    try:
        published = parse_published(values.get("published", ""))
    except ValueError as exc:
        raise ValueError(f"{where('published')}{exc}") from exc
    try:
        lang = parse_lang(values.get("lang", ""))
    except ValueError as exc:
        raise ValueError(f"{where('lang')}{exc}") from exc
    update: dict[str, object] = {
        "url": text_value("url"),
        "title": text_value("title"),
        "source": text_value("source"),
        "published": published,
    }
    if lang is not None:
        update["lang"] = lang[0]
        if lang[1] is not None:
            update["script"] = lang[1]
    return base.with_fields(update), lang is not None
