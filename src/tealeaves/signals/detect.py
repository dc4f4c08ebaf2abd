"""Run every signal detector over one document's extracted items."""

from __future__ import annotations

from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.model import Cue, DateRef, Document, Event, Mention, Quantity, Signal


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
    """Read the analytic signals of ``doc``. (Detectors not built yet: it finds nothing.)"""
    return ()
