"""Build Evidence for a character range of a document: the span and the sentence that holds it."""

from __future__ import annotations

import bisect

from tealeaves.model import Document, Evidence, Span


def evidence_at(doc: Document, start: int, end: int) -> Evidence:
    """Evidence for ``doc.text[start:end]``, with the index of the sentence containing ``start``.

    Raises ValueError when the range lies outside the text (a bug in the caller, not bad input).

    Example::

        ev = evidence_at(doc, 0, 3)  # Evidence(sentence=0, span=Span(start=0, end=3, text='贝森特'))
    """
    if not 0 <= start <= end <= len(doc.text):
        raise ValueError(f"range {start}:{end} outside a text of {len(doc.text)} characters")
    k = max(0, bisect.bisect_right(doc.sentences, start, key=lambda s: s.span.start) - 1)
    return Evidence(sentence=k, span=Span(start=start, end=end, text=doc.text[start:end]))


def sentence_of(doc: Document, evidence: Evidence) -> str:
    """The full text of the sentence an evidence points into ('' for a document without sentences)."""
    if not doc.sentences:
        return ""
    return doc.sentences[min(evidence.sentence, len(doc.sentences) - 1)].span.text
