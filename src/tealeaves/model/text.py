"""Text and evidence: spans of the body, the evidence every item carries, sentences, documents."""

from __future__ import annotations

import datetime as dt

from pydantic import Field, model_validator

from tealeaves.model.base import (
    _DOCUMENT_FIELDS,
    _EVIDENCE_FIELDS,
    _SENTENCE_FIELDS,
    _SPAN_FIELDS,
    Frozen,
    _built,
    _new,
    _set_dict,
    _set_extra,
    _set_fields,
    _set_private,
)


class Span(Frozen):
    """A half-open range of code points in ``Document.text`` and the text it covers."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _check(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before start {self.start}")
        if len(self.text) != self.end - self.start:
            raise ValueError("span text length differs from end - start")
        return self

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span of ``text[start:end]``, equal to ``Span(start=start, end=end, text=text[start:end])``
        but several times cheaper: a slice satisfies the invariants by construction, so only the
        range is checked. Raises ValueError when the range is not inside ``text``.

        Example::

            Span.of("贝森特将访华", 0, 3)  # Span(start=0, end=3, text='贝森特')
        """
        if not 0 <= start <= end <= len(text):
            raise ValueError(f"range {start}:{end} outside a text of {len(text)} characters")
        span = _new(cls)
        _set_dict(span, {"start": start, "end": end, "text": text[start:end]})
        _set_fields(span, _SPAN_FIELDS)
        _set_extra(span, None)
        _set_private(span, None)
        return span


class Evidence(Frozen):
    """Where an item comes from: the sentence index and the exact span quoted from the body."""

    sentence: int = Field(ge=0)
    span: Span

    @property
    def quote(self) -> str:
        """The quoted text (the span's text)."""
        return self.span.text

    @classmethod
    def of(cls, sentence: int, span: Span) -> Evidence:
        """``Evidence(sentence=sentence, span=span)`` without re-validating ``span``; raises
        ValueError for a negative sentence index."""
        if sentence < 0:
            raise ValueError(f"sentence index {sentence} is negative")
        return _built(cls, {"sentence": sentence, "span": span}, _EVIDENCE_FIELDS)

    @classmethod
    def at(cls, text: str, sentence: int, start: int, end: int) -> Evidence:
        """``Evidence.of(sentence, Span.of(text, start, end))`` in one call, for the stages that
        quote many ranges of one text (``text.evidence.EvidenceMaker``); raises ValueError likewise.

        Example::

            Evidence.at("贝森特将访华", 0, 0, 3).quote  # '贝森特'
        """
        return cls.of(sentence, Span.of(text, start, end))


class Sentence(Frozen):
    """One sentence of the body, as a span; ``index`` counts from 0 in document order."""

    index: int = Field(ge=0)
    span: Span

    @classmethod
    def of(cls, index: int, span: Span) -> Sentence:
        """``Sentence(index=index, span=span)`` without re-validating ``span``; raises ValueError
        for a negative index."""
        if index < 0:
            raise ValueError(f"sentence index {index} is negative")
        return _built(cls, {"index": index, "span": span}, _SENTENCE_FIELDS)

    @classmethod
    def at(cls, text: str, index: int, start: int, end: int) -> Sentence:
        """``Sentence.of(index, Span.of(text, start, end))`` in one call (the splitter makes one
        per sentence of every document); raises ValueError likewise."""
        return cls.of(index, Span.of(text, start, end))


class DocumentMeta(Frozen):
    """What we know about an article besides its body.

    ``published`` is None when the source does not say; relative dates then stay unresolved.
    ``encoding_source`` records how the encoding was chosen (explicit, bom, declared, detected).
    """

    path: str | None = None
    url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    lang: str = "zh"
    script: str | None = Field(None, description="zh-Hans or zh-Hant for Chinese text")
    encoding: str | None = None
    encoding_source: str | None = None
    format: str | None = Field(None, description="reader that produced it: frontmatter, text, html, feed, jsonl")


class Document(Frozen):
    """An article after ingest: metadata, the body (never changed afterwards) and its sentences.

    ``doc_id`` is the SHA-256 of the normalised body, so the same article read from two files is one
    document.
    """

    doc_id: str
    meta: DocumentMeta
    text: str
    sentences: tuple[Sentence, ...]

    @classmethod
    def of(cls, doc_id: str, meta: DocumentMeta, text: str, sentences: tuple[Sentence, ...]) -> Document:
        """The document with these fields, built without validation (ingest makes one per article,
        from values of the field types); raises TypeError when ``sentences`` is not a tuple."""
        if type(sentences) is not tuple:
            raise TypeError(f"sentences must be a tuple, not {type(sentences).__name__}")
        return _built(cls, {"doc_id": doc_id, "meta": meta, "text": text, "sentences": sentences}, _DOCUMENT_FIELDS)
