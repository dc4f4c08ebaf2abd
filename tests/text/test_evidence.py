"""Evidence points at the sentence holding the span."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tealeaves.model import Document

from tealeaves.text.evidence import evidence_at, sentence_of


def test_evidence_at_finds_sentence_index(make_doc: Callable[..., Document]) -> None:
    doc = make_doc("中美会谈。贝森特将访华。")
    start = doc.text.index("贝森特")
    ev = evidence_at(doc, start, start + 3)
    assert ev.sentence == 1 and ev.quote == "贝森特"
    assert sentence_of(doc, ev) == "贝森特将访华。"


def test_evidence_at_rejects_range_outside_text(make_doc: Callable[..., Document]) -> None:
    doc = make_doc("短文。")
    with pytest.raises(ValueError, match="outside"):
        evidence_at(doc, 2, 99)
