"""Evidence points at the sentence holding the span."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.model import Document, DocumentMeta
from tealeaves.text.document import build_document
from tealeaves.text.evidence import EvidenceMaker, evidence_at, sentence_of


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


@given(st.lists(st.sampled_from(["中美会谈。", "Talks went on. ", "\n", "贝森特将访华！", "x"]), max_size=12), st.data())
def test_evidence_maker_gives_what_evidence_at_gives(kb: KnowledgeBase, parts: list[str], data: st.DataObject) -> None:
    doc = build_document("".join(parts), DocumentMeta(), kb)
    start = data.draw(st.integers(0, len(doc.text)))
    end = data.draw(st.integers(start, len(doc.text)))
    maker = EvidenceMaker(doc)
    assert maker.at(start, end) == evidence_at(doc, start, end)
    assert maker.sentence(start) == evidence_at(doc, start, end).sentence


def test_evidence_maker_rejects_range_outside_text(make_doc: Callable[..., Document]) -> None:
    with pytest.raises(ValueError, match="outside"):
        EvidenceMaker(make_doc("短文。")).at(2, 99)
