"""Fixtures of the extractor tests: the entity stage run on a sentence we wrote."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from tealeaves.extract.entities import extract_entities
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.model import DocumentMeta, Mention, MentionKind
from tealeaves.text.document import build_document

PUBLISHED = dt.date(2026, 3, 14)

MentionsOf = Callable[..., list[Mention]]
NamesOf = Callable[..., list[str]]


@pytest.fixture()
def mentions_of(kb: KnowledgeBase) -> MentionsOf:
    """``mentions_of(text, published=2026-03-14, lang="zh")``: every mention the entity stage finds."""

    def run(text: str, published: dt.date | None = PUBLISHED, lang: str = "zh") -> list[Mention]:
        return list(extract_entities(build_document(text, DocumentMeta(published=published, lang=lang), kb), kb))

    return run


@pytest.fixture()
def names_of(mentions_of: MentionsOf) -> NamesOf:
    """``names_of(text, kind, published=..., lang=..., via=None)``: the names of one kind of mention."""

    def run(text: str, kind: MentionKind, published: dt.date | None = PUBLISHED, lang: str = "zh",
            via: str | None = None) -> list[str]:
        return [m.name or "?" for m in mentions_of(text, published, lang) if m.kind is kind and (via is None or m.via == via)]

    return run
