"""Read a plain text or Markdown article without front matter: the whole file is the body.

Nothing says when it was published, so ``published`` stays None and relative dates stay
unresolved; the language is detected from the text; a short first line is taken as the title.
"""

from __future__ import annotations

from tealeaves.errors import InputError
from tealeaves.ingest.fields import has_words
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.model import Document, DocumentMeta
from tealeaves.text.document import build_document

TITLE_MAX_CHARS = 120
"""A first line longer than this is a paragraph, not a title."""


def guess_title(text: str) -> str | None:
    """The first non-blank line, without Markdown heading marks, when it is short enough to be a
    title; None otherwise.

    Example::

        guess_title("# Talks resume in Paris\\n\\nThe two sides met ...")  # 'Talks resume in Paris'
    """
    for line in text.splitlines():
        line = line.strip()
        if line:
            line = line.lstrip("#").strip()
            return line if 0 < len(line) <= TITLE_MAX_CHARS else None
    return None


def read_plain(text: str, base: DocumentMeta, kb: KnowledgeBase) -> Document:
    """Build the Document of a text file without front matter; InputError when it has no text.

    Example::

        read_plain("Talks resume\\nThe two sides met in Paris.", DocumentMeta(path="a.txt"), kb)
    """
    if not has_words(text):
        raise InputError("file has no text (no letters or digits)")
    meta = base.with_fields({"title": base.title or guess_title(text), "published": None, "format": "text"})
    return build_document(text, meta, kb, lang_given=False)
