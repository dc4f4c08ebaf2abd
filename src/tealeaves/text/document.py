"""Turn a decoded body and its metadata into a Document: normalised text, sentences, content id."""

from __future__ import annotations

import hashlib

from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.model import Document, DocumentMeta
from tealeaves.text.normalize import detect_lang, detect_script, normalize_body
from tealeaves.text.sentences import split_sentences


def content_id(text: str) -> str:
    """SHA-256 of the body with whitespace runs collapsed, so that the same article read from an
    HTML page and a text file (different line breaks and indentation) is one document."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def build_document(body: str, meta: DocumentMeta, kb: KnowledgeBase, *, lang_given: bool = True) -> Document:
    """Normalise ``body`` (NFC, line ends), split it into sentences and fill in language and script.

    With ``lang_given=False`` the language in ``meta`` is replaced by the detected one.

    Example::

        doc = build_document("贝森特将访华。", DocumentMeta(published=date(2026, 3, 14)), kb)
    """
    text = normalize_body(body)
    updates: dict[str, object] = {}
    if not lang_given:
        updates["lang"] = detect_lang(text)
    if meta.script is None:
        updates["script"] = detect_script(text)
    if updates:
        meta = meta.with_fields(updates)
    return Document.of(content_id(text), meta, text, split_sentences(text, kb))
