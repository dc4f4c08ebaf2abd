"""The analysis pipeline: the one place that knows the order of the stages.

Sentences are split when the Document is built (``text.document.build_document``); then each
extractor runs over the document, and the signal detectors read what the extractors found. Every
stage is a plain function, so one can be swapped, tested or benchmarked on its own.
"""

from __future__ import annotations

from tealeaves.extract.cues import extract_cues
from tealeaves.extract.dates import extract_dates
from tealeaves.extract.entities import extract_entities
from tealeaves.extract.events import extract_events
from tealeaves.extract.quantities import extract_quantities
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.model import Analysis, Document
from tealeaves.signals.detect import detect_signals

ANALYZER_VERSION = "0.1.0"


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

    return Analysis(
        doc_id=doc.doc_id,
        meta=doc.meta,
        analyzer_version=ANALYZER_VERSION,
        kb_version=kb.version,
        sentences=doc.sentences,
        mentions=tuple(sorted(mentions, key=lambda m: (m.evidence.span.start, m.evidence.span.end, m.kind))),
        dates=tuple(sorted(dates, key=lambda d: (d.evidence.span.start, d.evidence.span.end))),
        quantities=tuple(sorted(quantities, key=lambda q: (q.evidence.span.start, q.evidence.span.end))),
        cues=tuple(sorted(cues, key=lambda c: (c.evidence.span.start, c.evidence.span.end, c.family))),
        events=tuple(sorted(events, key=lambda e: (e.evidence.span.start, e.evidence.span.end, e.type))),
        signals=tuple(sorted(signals, key=lambda s: (s.evidence[0].span.start, s.kind))),
    )
