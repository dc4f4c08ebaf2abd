"""Signal cues: red-line issues, stance words, constituencies, rounds and summit framing in the text."""

from __future__ import annotations

from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.model import Cue, Document


def extract_cues(doc: Document, kb: KnowledgeBase) -> tuple[Cue, ...]:
    """Find the signal cues of ``doc``. (Stage not built yet: it finds nothing.)"""
    return ()
