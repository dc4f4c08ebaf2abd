"""The analysis pipeline: the one place that knows the order of the stages.

Sentences are split when the Document is built (``text.document.build_document``); then each
extractor runs over the document, and the signal detectors read what the extractors found. Every
stage is a plain function, so one can be swapped, tested or benchmarked on its own.
"""

from __future__ import annotations

from operator import attrgetter

from tealeaves.extract.cues import extract_cues
from tealeaves.extract.dates import extract_dates
from tealeaves.extract.entities import extract_entities
from tealeaves.extract.events import extract_events
from tealeaves.extract.quantities import extract_quantities
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.model import Analysis, Document, Signal
from tealeaves.signals.detect import detect_signals

ANALYZER_VERSION = "0.1.0"

# the sort keys of the items of an Analysis (STYLE.md §1.8), read by C getters rather than lambdas
_by_position = attrgetter("evidence.span.start", "evidence.span.end")
_by_position_and_kind = attrgetter("evidence.span.start", "evidence.span.end", "kind")
_by_position_and_family = attrgetter("evidence.span.start", "evidence.span.end", "family")
_by_position_and_type = attrgetter("evidence.span.start", "evidence.span.end", "type")


def analyse(doc: Document, kb: KnowledgeBase) -> Analysis:
    """Run every stage over ``doc`` and return its Analysis, items sorted by position.

    Deterministic: the same document and knowledge version give the same Analysis.

    Example::

        analysis = analyse(build_document("贝森特将在3月14日于巴黎会见中方高层。", meta, kb), kb)
    """
    mentions = extract_entities(doc, kb)
    dates = extract_dates(doc, kb)
    quantities = extract_quantities(doc, kb)
    cues = extract_cues(doc, kb)
    events = extract_events(doc, kb, mentions=mentions, dates=dates, quantities=quantities)
    signals = detect_signals(
        doc, kb, mentions=mentions, dates=dates, quantities=quantities, events=events, cues=cues
    )

    return Analysis.of(
        doc.doc_id,
        doc.meta,
        ANALYZER_VERSION,
        kb.version,
        doc.sentences,
        mentions=tuple(sorted(mentions, key=_by_position_and_kind)),
        dates=tuple(sorted(dates, key=_by_position)),
        quantities=tuple(sorted(quantities, key=_by_position)),
        cues=tuple(sorted(cues, key=_by_position_and_family)),
        events=tuple(sorted(events, key=_by_position_and_type)),
        signals=tuple(sorted(signals, key=_signal_order)),
    )


def _signal_order(signal: Signal) -> tuple[int, str]:
    return signal.evidence[0].span.start, signal.kind
