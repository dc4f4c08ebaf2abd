"""Read an HTML page: the article's main text, title, date and site name via trafilatura.

Navigation, footers and comments are left out by trafilatura's extraction; the body of the
Document is the extracted text, so offsets refer to it, not to the markup. trafilatura is imported
inside the reader because importing it takes a tenth of a second that a text-only run should not pay.
"""

from __future__ import annotations

import logging
import re

from tealeaves.errors import InputError
from tealeaves.ingest.fields import has_words, parse_published
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.model import Document, DocumentMeta
from tealeaves.text.document import build_document

log = logging.getLogger(__name__)

_HTML_TAG = re.compile(r"<(?:!doctype\s+html|html|head|body|title|meta|p|div|article|main|section|h1)\b", re.IGNORECASE)
# never guess a date from copyright lines or the URL: a wrong date shifts every relative date
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def looks_like_html(text: str) -> bool:
    """True when the first 64 KiB of ``text`` contain an HTML document or content tag."""
    return _HTML_TAG.search(text, 0, 65536) is not None


def read_html(text: str, base: DocumentMeta, kb: KnowledgeBase) -> Document:
    """Build the Document of an HTML page from its main text.

    Raises InputError when the text has no HTML tags, or when no article text can be extracted
    (an empty, navigation-only or broken page). The language is detected from the extracted text;
    the date is the page's own publication date when its metadata gives one, else None.

    Example::

        read_html("<html><body><article><p>The two sides met ...</p></article></body></html>", meta, kb)
    """
    if not looks_like_html(text):
        raise InputError("not HTML (no <html>, <body> or paragraph tags found)")
    import trafilatura
    from trafilatura.settings import Document as Extracted

    result = trafilatura.bare_extraction(
        text,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params=_DATE_PARAMS,
    )
    if not isinstance(result, Extracted) or not result.text or not has_words(result.text):
        raise InputError("no article text found in the HTML page")
    published = None
    if result.date:
        try:
            published = parse_published(result.date)
        except ValueError:
            log.debug("ignoring unreadable page date %r", result.date)
    meta = base.model_copy(
        update={
            "url": result.url,
            "title": result.title,
            "source": result.sitename,
            "published": published,
            "format": "html",
        }
    )
    return build_document(result.text, meta, kb, lang_given=False)
