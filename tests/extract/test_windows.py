"""Scanning inside cue windows gives what a whole-text scan gives inside those windows."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from tealeaves.extract.windows import cue_windows, find_in_windows
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.model import DocumentMeta
from tealeaves.text.document import build_document
from tealeaves.text.normalize import make_view
from tealeaves.text.scan import find_phrases

_PARTS = ["对华", "对", "中美", "双方", "美国", "将", "如果", "not", "will", "on", "China", " ", "，", "。", "会谈", "x"]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(_PARTS), min_size=1, max_size=30), st.booleans())
def test_windows_whole_text_window_equals_find_phrases(kb: KnowledgeBase, parts: list[str], overlapping: bool) -> None:
    view = make_view("".join(parts))
    for index in (kb.party_word_index, kb.modality_cue_index, kb.event_cue_index):
        expected = find_phrases(view, index, overlapping=overlapping)
        got = find_in_windows(view, index, ((0, len(view.text)),), overlapping=overlapping)
        assert [(m.start, m.end, m.phrase) for m in got] == [(m.start, m.end, m.phrase) for m in expected]


def test_windows_join_neighbouring_sentences_and_skip_others(kb: KnowledgeBase) -> None:
    doc = build_document("甲。乙。丙。丁。", DocumentMeta(published=dt.date(2026, 3, 14), lang="zh"), kb)
    starts = [s.span.start for s in doc.sentences]
    assert cue_windows(doc, [starts[0], starts[1], starts[3]]) == ((0, 4), (6, 8))


def test_windows_scan_only_inside_windows(kb: KnowledgeBase) -> None:
    view = make_view("对华。对华。")
    assert [m.start for m in find_in_windows(view, kb.party_word_index, ((3, 6),))] == [3]
