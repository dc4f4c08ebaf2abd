"""The structured reading of one document."""

from __future__ import annotations

from tealeaves.model.base import _ANALYSIS_FIELDS, Frozen, _built
from tealeaves.model.items import Cue, DateRef, Event, Mention, Quantity
from tealeaves.model.signals import Signal
from tealeaves.model.text import DocumentMeta, Sentence


class Analysis(Frozen):
    """The structured reading of one document, stamped with the analyzer and knowledge versions."""

    doc_id: str
    meta: DocumentMeta
    analyzer_version: str
    kb_version: str
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...] = ()
    dates: tuple[DateRef, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    events: tuple[Event, ...] = ()
    cues: tuple[Cue, ...] = ()
    signals: tuple[Signal, ...] = ()

    @classmethod
    def of(
        cls,
        doc_id: str,
        meta: DocumentMeta,
        analyzer_version: str,
        kb_version: str,
        sentences: tuple[Sentence, ...],
        *,
        mentions: tuple[Mention, ...],
        dates: tuple[DateRef, ...],
        quantities: tuple[Quantity, ...],
        events: tuple[Event, ...],
        cues: tuple[Cue, ...],
        signals: tuple[Signal, ...],
    ) -> Analysis:
        """The analysis with every field given, built without validation: the pipeline assembles
        it once per document from items the stages built already checked, and validating would
        only walk them all again. Raises TypeError when a collection is not a tuple.

        Example::

            Analysis.of(doc.doc_id, doc.meta, "0.1.0", kb.version, doc.sentences, mentions=(), dates=(),
                        quantities=(), events=(), cues=(), signals=())
        """
        groups = (sentences, mentions, dates, quantities, events, cues, signals)
        if any(group.__class__ is not tuple for group in groups):
            raise TypeError("every collection of an Analysis must be a tuple")
        values = {
            "doc_id": doc_id,
            "meta": meta,
            "analyzer_version": analyzer_version,
            "kb_version": kb_version,
            "sentences": sentences,
            "mentions": mentions,
            "dates": dates,
            "quantities": quantities,
            "events": events,
            "cues": cues,
            "signals": signals,
        }
        return _built(cls, values, _ANALYSIS_FIELDS)
