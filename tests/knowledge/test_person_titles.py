"""data/actors/person_titles.yaml through the pipeline: a title before an unlisted name marks a person."""

from __future__ import annotations

import datetime as dt

import pytest

from tealeaves.extract.entities import extract_entities
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.model import DocumentMeta, MentionKind
from tealeaves.text.document import build_document


def _persons(kb: KnowledgeBase, text: str) -> set[str]:
    doc = build_document(text, DocumentMeta(published=dt.date(2025, 9, 17), lang="en"), kb)
    return {m.name or "" for m in extract_entities(doc, kb) if m.kind is MentionKind.PERSON}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("U.S. chief negotiator Brendan Lynch arrived in New Delhi on Monday.", "Brendan Lynch"),
        ("He met India's commerce secretary Rajesh Agrawal on Tuesday.", "Rajesh Agrawal"),
        ("Analyst Ryan Hass wrote that the deal was fragile.", "Ryan Hass"),
    ],
)
def test_lowercase_or_descriptive_title_marks_an_unlisted_person(kb: KnowledgeBase, text: str, name: str) -> None:
    assert name in _persons(kb, text)


def test_a_firm_after_a_title_word_is_no_person(kb: KnowledgeBase) -> None:
    assert _persons(kb, "The forecast came from analyst firm Capital Economics.") == set()
