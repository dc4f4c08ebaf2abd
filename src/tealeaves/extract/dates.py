"""Dates: absolute and relative expressions resolved against the publication date."""

from __future__ import annotations

from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.model import DateRef, Document


def extract_dates(doc: Document, kb: KnowledgeBase) -> tuple[DateRef, ...]:
    """Find every date expression in ``doc``. (Stage not built yet: it finds nothing.)"""
    return ()
