"""The article's main states: most named first, the first named on a tie, the title counting extra."""

from __future__ import annotations

import datetime as dt

from tealeaves.extract.main_states import title_states, top_two
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.model import DocumentMeta
from tealeaves.text.document import build_document


def test_main_states_top_two_by_count_then_first_named() -> None:
    assert top_two({"USA": 3, "CHN": 3, "JPN": 1}, {"CHN": 5, "USA": 9}) == ("CHN", "USA")
    assert top_two({"USA": 1, "JPN": 4}, {"USA": 0}) == ("JPN", "USA")
    assert top_two({"USA": 2}, {"USA": 0}) is None


def test_main_states_title_states_reads_each_named_actor(kb: KnowledgeBase) -> None:
    meta = DocumentMeta(published=dt.date(2026, 3, 14), lang="zh", title="贝森特将会见中方代表")
    doc = build_document("正文。", meta, kb)
    assert title_states(doc, kb) == ["USA", "CHN"]
    untitled = build_document("正文。", DocumentMeta(published=dt.date(2026, 3, 14), lang="zh"), kb)
    assert title_states(untitled, kb) == []
