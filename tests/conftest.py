"""Shared fixtures: the bundled knowledge base and a builder of documents from our own sentences."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.knowledge.loader import load_knowledge
from tealeaves.model import Document, DocumentMeta
from tealeaves.text.document import build_document

MakeDoc = Callable[..., Document]


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    """The bundled knowledge base, loaded once per test session."""
    return load_knowledge()


@pytest.fixture()
def make_doc(kb: KnowledgeBase) -> MakeDoc:
    """Build a Document from text we wrote: ``make_doc("贝森特将访华", published=date(2026, 3, 14))``."""

    def build(text: str, published: dt.date | None = dt.date(2026, 3, 14), lang: str | None = None) -> Document:
        meta = DocumentMeta(published=published, lang=lang or "zh")
        return build_document(text, meta, kb, lang_given=lang is not None)

    return build
