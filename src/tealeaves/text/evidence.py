"""Build Evidence for a character range of a document: the span and the sentence that holds it."""

from __future__ import annotations

import bisect

from tealeaves.model import Document, Evidence, Sentence

_bisect_right = bisect.bisect_right
_evidence_at = Evidence.at


def _start(sentence: Sentence) -> int:
    return sentence.span.start


def evidence_at(doc: Document, start: int, end: int) -> Evidence:
    """Evidence for ``doc.text[start:end]``, with the index of the sentence containing ``start``.

    Raises ValueError when the range lies outside the text (a bug in the caller, not bad input).
    A stage that builds many evidences for one document uses ``EvidenceMaker`` instead.

    Example::

        ev = evidence_at(doc, 0, 3)  # Evidence(sentence=0, span=Span(start=0, end=3, text='贝森特'))
    """
    k = bisect.bisect_right(doc.sentences, start, key=_start) - 1
    return Evidence.at(doc.text, k if k > 0 else 0, start, end)  # noqa: FURB136 (no call to max per item)


class EvidenceMaker:
    """``evidence_at`` for many ranges of one document, with the sentence starts read once.

    Example::

        make = EvidenceMaker(doc)
        [make.at(m.start, m.end) for m in matches]
    """

    __slots__ = ("starts", "text")

    def __init__(self, doc: Document) -> None:
        self.text = doc.text
        self.starts = [s.span.start for s in doc.sentences]

    def sentence(self, pos: int) -> int:
        """Index of the sentence containing ``pos`` (0 before the first, or without sentences)."""
        k = _bisect_right(self.starts, pos) - 1
        return k if k > 0 else 0  # noqa: FURB136

    def at(self, start: int, end: int) -> Evidence:
        """The same Evidence as ``evidence_at(doc, start, end)``; raises ValueError likewise."""
        k = _bisect_right(self.starts, start) - 1
        return _evidence_at(self.text, k if k > 0 else 0, start, end)  # noqa: FURB136 (runs per item of every stage)


def sentence_of(doc: Document, evidence: Evidence) -> str:
    """The full text of the sentence an evidence points into ('' for a document without sentences)."""
    if not doc.sentences:
        return ""
    return doc.sentences[min(evidence.sentence, len(doc.sentences) - 1)].span.text
