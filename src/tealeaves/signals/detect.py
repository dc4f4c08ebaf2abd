"""Run every signal detector over one document's extracted items."""

from __future__ import annotations

from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.model import Cue, DateRef, Document, Event, Mention, Quantity, Signal
from tealeaves.signals import DETECTORS
from tealeaves.signals.context import Findings


def detect_signals(
    doc: Document,
    kb: KnowledgeBase,
    *,
    mentions: tuple[Mention, ...],
    dates: tuple[DateRef, ...],
    quantities: tuple[Quantity, ...],
    events: tuple[Event, ...],
    cues: tuple[Cue, ...],
) -> tuple[Signal, ...]:
    """Read the analytic signals of ``doc`` from what the extractors found, detector by detector.

    Returns the signals in DETECTORS order, each detector's in the order it found them; an empty
    tuple when nothing qualifies. Detectors read cues, mentions, events and quantities only, never
    the text itself.

    Example::

        signals = detect_signals(doc, kb, mentions=m, dates=d, quantities=q, events=e, cues=c)
        [s.kind for s in signals]  # ['round_resumed', 'red_line']
    """
    found = Findings(doc=doc, kb=kb, mentions=mentions, dates=dates, quantities=quantities, events=events, cues=cues)
    return tuple(signal for detector in DETECTORS for signal in detector(found))
