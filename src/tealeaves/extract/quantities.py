"""Quantities: numbers with units converted to base units, with the commodity named nearby."""

from __future__ import annotations

from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.model import Document, Quantity


def extract_quantities(doc: Document, kb: KnowledgeBase) -> tuple[Quantity, ...]:
    """Find every quantity in ``doc``. (Stage not built yet: it finds nothing.)"""
    return ()
