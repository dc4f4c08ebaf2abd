"""Read an RSS or Atom feed: each entry with text becomes one Document.

feedparser parses the feed (imported inside the reader, for start-up time). A feed that is not
well-formed XML is an error even when feedparser's loose parser recovers some entries, because a
broken feed usually means a truncated download whose last entry is cut short. An entry's body is
its full content when the feed carries it, else its summary, with the markup stripped; the date
is the entry's own published (else updated) date as written in its time zone; the language is
detected per entry, since feeds that mix languages often declare one.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
from html.parser import HTMLParser
from typing import Any

from tealeaves.errors import InputError
from tealeaves.ingest.fields import has_words, parse_published
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.model import Document, DocumentMeta
from tealeaves.text.document import build_document

log = logging.getLogger(__name__)

_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header "
    "hr li main nav ol p pre section table td th tr ul".split()
)
_SKIP_TAGS = frozenset({"script", "style", "template"})
# feedparser reports these when we hand it text we decoded ourselves; they are not malformations
_HARMLESS = ("CharacterEncodingOverride", "NonXMLContentType")


class _TextCollector(HTMLParser):
    """Collect the text of an HTML fragment, with a line break at each block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def strip_markup(fragment: str) -> str:
    """Plain text of an HTML fragment: tags removed, entities decoded, one paragraph per line.

    Example::

        strip_markup("<p>The two sides met.</p><p>More talks &amp; a deal.</p>")
        # 'The two sides met.\\nMore talks & a deal.'
    """
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    lines = (" ".join(line.split()) for line in "".join(collector.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def parse_entry_date(value: str) -> dt.date | None:
    """The calendar date of an RFC 822 (RSS) or RFC 3339 (Atom) timestamp in its own time zone;
    None when it is neither (the caller then tries feedparser's parsed form)."""
    value = value.strip()
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return parse_published(value)
    except ValueError:
        return None


def _entry_date(entry: Any) -> dt.date | None:
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if raw:
            parsed = parse_entry_date(str(raw))
            if parsed is not None:
                return parsed
        struct = entry.get(f"{key}_parsed")
        if struct:
            return dt.date(struct.tm_year, struct.tm_mon, struct.tm_mday)
    return None


def _entry_body(entry: Any) -> str:
    for content in entry.get("content") or ():
        value = content.get("value") or ""
        if value.strip():
            return strip_markup(value)
    return strip_markup(entry.get("summary") or entry.get("description") or "")


def _malformation(parsed: Any) -> str | None:
    if not parsed.get("bozo"):
        return None
    exc = parsed.get("bozo_exception")
    if type(exc).__name__ in _HARMLESS:
        return None
    line = getattr(exc, "getLineNumber", None)
    message = exc.getMessage() if hasattr(exc, "getMessage") else str(exc)
    where = f" at line {line()}" if callable(line) else ""
    return f"feed is malformed{where}: {message}"


def read_feed(text: str, base: DocumentMeta, kb: KnowledgeBase) -> list[Document]:
    """Build one Document per entry of an RSS or Atom feed, in feed order.

    Raises InputError when the feed is malformed (feedparser's reason and line), has no entries, or
    none of its entries has any text. Entries without text are skipped (logged).

    Example::

        [d.meta.title for d in read_feed(rss_text, DocumentMeta(path="wire.xml"), kb)]
    """
    if not text.lstrip("\N{ZERO WIDTH NO-BREAK SPACE} \t\r\n").startswith("<"):
        raise InputError("not an RSS or Atom feed (no XML markup)")
    import feedparser

    parsed = feedparser.parse(text)
    problem = _malformation(parsed)
    if problem is not None:
        raise InputError(problem)
    if not parsed.get("version") and not parsed.entries:
        raise InputError("not an RSS or Atom feed")
    if not parsed.entries:
        raise InputError("feed has no entries")
    source = strip_markup(parsed.feed.get("title", "")) or None
    documents: list[Document] = []
    for number, entry in enumerate(parsed.entries, start=1):
        body = _entry_body(entry)
        if not has_words(body):
            log.info("skipping feed entry %d: no text", number)
            continue
        title = strip_markup(entry.get("title", "")) or None
        meta = base.model_copy(
            update={
                "url": entry.get("link") or None,
                "title": title,
                "published": _entry_date(entry),
                "source": source,
                "format": "feed",
            }
        )
        documents.append(build_document(body, meta, kb, lang_given=False))
    if not documents:
        raise InputError(f"none of the feed's {len(parsed.entries)} entries has any text")
    return documents
