"""Clause boundaries: clause marks split, thousands separators and bracketed asides do not."""

from __future__ import annotations

import datetime as dt

import pytest

from tealeaves.extract.clauses import ClauseMap
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.model import DocumentMeta
from tealeaves.text.document import build_document


@pytest.mark.parametrize(
    ("text", "clauses"),
    [
        ("美方表示，将加征关税。", ["美方表示", "将加征关税。"]),
        ("Tariffs on $1,000 worth, then more.", ["Tariffs on $1,000 worth", " then more."]),
        ("网信办约谈英伟达（Nvidia，又译辉达），指其芯片有问题。", ["网信办约谈英伟达（Nvidia，又译辉达）", "指其芯片有问题。"]),
        ("一；二：三", ["一", "二", "三"]),
    ],
)
def test_clauses_split_at_clause_marks_only(kb: KnowledgeBase, text: str, clauses: list[str]) -> None:
    doc = build_document(text, DocumentMeta(published=dt.date(2026, 3, 14), lang="zh"), kb)
    got = [doc.text[c.start : c.end] for c in ClauseMap(doc, kb).clauses]
    assert got == clauses


def test_clauses_lookup_by_position_and_neighbours(kb: KnowledgeBase) -> None:
    doc = build_document("甲乙，丙丁。戊己。", DocumentMeta(published=dt.date(2026, 3, 14), lang="zh"), kb)
    clauses = ClauseMap(doc, kb)
    first, second = clauses.at(0), clauses.at(3)
    assert first is not None and second is not None
    assert clauses.at(2) is None  # the comma itself
    assert clauses.before(second) == first
    assert clauses.before(first) is None
    assert [c.sentence for c in clauses.in_sentence(0)] == [0, 0]


def test_clauses_only_the_chosen_sentences(kb: KnowledgeBase) -> None:
    doc = build_document("甲，乙。丙，丁。", DocumentMeta(published=dt.date(2026, 3, 14), lang="zh"), kb)
    assert {c.sentence for c in ClauseMap(doc, kb, {1}).clauses} == {1}
