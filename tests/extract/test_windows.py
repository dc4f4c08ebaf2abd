"""Scanning inside cue windows gives what a whole-text scan gives inside those windows."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from tealeaves.extract.windows import (
    cue_windows,
    find_in_windows,
    in_windows,
    longest_first,
    scan_many,
    sentence_windows,
)
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.model import DocumentMeta
from tealeaves.text.document import build_document
from tealeaves.text.normalize import View, make_view
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


_WINDOW_PARTS = _PARTS + ["如果美方", "将对华", "will not", "talks", "对于", "关税"]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(_WINDOW_PARTS), min_size=1, max_size=30), st.data())
def test_windows_scan_many_equals_one_scan_per_index(kb: KnowledgeBase, parts: list[str], data: st.DataObject) -> None:
    view = make_view("".join(parts))
    indexes = (kb.event_cue_index, kb.party_word_index, kb.modality_cue_index)
    scan = scan_many(view, indexes)
    n = len(view.text)
    cuts = sorted(set(data.draw(st.lists(st.integers(0, n), max_size=6))))
    windows = [(a, b) for a, b in zip(cuts[::2], cuts[1::2]) if a < b]
    for k, index in enumerate(indexes):
        expected = find_phrases(view, index, overlapping=True)
        assert scan.matches(k) == expected
        assert [(a, b, p) for a, b, p, _ in scan.occurrences(k)] == [(m.start, m.end, m.phrase) for m in expected]
        assert scan.inside(k, windows) == find_in_windows(view, index, windows, overlapping=True)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(_WINDOW_PARTS), min_size=1, max_size=30))
def test_windows_longest_first_equals_the_non_overlapping_scan(kb: KnowledgeBase, parts: list[str]) -> None:
    view = make_view("".join(parts))
    for index in (kb.event_cue_index, kb.party_word_index, kb.modality_cue_index, kb.alias_index):
        assert longest_first(find_phrases(view, index, overlapping=True)) == find_phrases(view, index)


def test_windows_in_windows_keeps_matches_wholly_inside_one_window(kb: KnowledgeBase) -> None:
    view = make_view("对华。对华。对华")
    found = find_phrases(view, kb.party_word_index, overlapping=True)
    assert [(m.start, m.end) for m in in_windows(found, [(0, 2), (3, 5)])] == [(0, 1), (0, 2), (3, 4), (3, 5)]
    assert [(m.start, m.end) for m in in_windows(found, [(0, 1), (4, 8)])] == [(0, 1), (6, 7), (6, 8)]
    assert in_windows(found, []) == []


def test_windows_given_sentence_starts_change_nothing(kb: KnowledgeBase) -> None:
    doc = build_document("甲。乙。丙。丁。", DocumentMeta(published=dt.date(2026, 3, 14), lang="zh"), kb)
    starts = [s.span.start for s in doc.sentences]
    positions = [starts[0], starts[2], starts[3]]
    assert cue_windows(doc, positions, starts=starts) == cue_windows(doc, positions) == ((0, 2), (4, 8))


def test_windows_scan_many_falls_back_on_a_lone_surrogate(kb: KnowledgeBase) -> None:
    text = "对华\ud800对华"  # cannot be encoded as UTF-8, as the Rust scanner needs
    view = View(text=text, original=text)
    scan = scan_many(view, (kb.party_word_index,))
    assert scan.matches(0) == find_phrases(view, kb.party_word_index, overlapping=True)
    assert [m.start for m in scan.matches(0)] == [0, 0, 3, 3]


def test_windows_sentence_windows_join_neighbouring_sentences(kb: KnowledgeBase) -> None:
    doc = build_document("甲。乙。丙。丁。", DocumentMeta(published=dt.date(2026, 3, 14), lang="zh"), kb)
    assert sentence_windows(doc, {0, 2, 3}) == ((0, 2), (4, 8))
    assert sentence_windows(doc, set()) == ()
