"""extract_cues on sentences we wrote: families and keys, spans, overlap rules, pattern keys."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tealeaves.extract.cues import extract_cues
from tealeaves.knowledge.base import KnowledgeBase


def _pairs(doc_text: str, make_doc, kb: KnowledgeBase, lang: str = "zh") -> set[tuple[str, str]]:
    return {(c.family, c.key) for c in extract_cues(make_doc(doc_text, lang=lang), kb)}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("台湾问题是中方的红线。", "zh", {("issue", "Taiwan"), ("red_line", "core")}),
        ("台灣問題是中方的紅線。", "zh", {("issue", "Taiwan"), ("red_line", "core")}),
        ("Beijing called Taiwan a red line.", "en", {("issue", "Taiwan"), ("red_line", "core")}),
        ("美国农民正遭受重创。", "zh", {("constituency", "farmers"), ("pressure", "pressure")}),
        ("中美第六轮经贸磋商。", "zh", {("round", "6"), ("talks", "talks")}),
        ("第六輪中美經貿磋商。", "zh", {("round", "6")}),
        ("国务卿也将随行访华。", "zh", {("accompany", "any"), ("visit", "CHN"), ("summit", "visit")}),
        ("Washington pursues a carrot-and-stick policy.", "en", {("dual_track", "explicit")}),
    ],
)
def test_cues_find_family_and_key(make_doc, kb: KnowledgeBase, text: str, lang: str, expected: set[tuple[str, str]]) -> None:
    assert expected <= _pairs(text, make_doc, kb, lang)


def test_cues_longest_match_wins_within_a_family(make_doc, kb: KnowledgeBase) -> None:
    cues = extract_cues(make_doc("部长说,立场没有改变。"), kb)
    stance = [(c.key, c.evidence.quote) for c in cues if c.family == "stance"]
    assert stance == [("none", "没有改变")]


def test_cues_families_may_overlap(make_doc, kb: KnowledgeBase) -> None:
    cues = extract_cues(make_doc("中方已履行承诺。"), kb)
    assert {(c.family, c.evidence.quote) for c in cues} >= {("commitment", "履行承诺"), ("delivery", "履行承诺")}


@pytest.mark.parametrize(("text", "lang", "round_"), [("双方举行第 12 轮磋商。", "zh", "12"), ("Round 07 of the trade talks began.", "en", "7")])
def test_cues_pattern_key_is_filled_from_the_number(make_doc, kb: KnowledgeBase, text: str, lang: str, round_: str) -> None:
    assert ("round", round_) in _pairs(text, make_doc, kb, lang)


def test_cues_sorted_with_evidence_spans(make_doc, kb: KnowledgeBase) -> None:
    doc = make_doc("时隔近五个月,双方举行第六轮磋商。中方表示台湾问题是核心利益。")
    cues = extract_cues(doc, kb)
    assert list(cues) == sorted(cues, key=lambda c: (c.evidence.span.start, c.evidence.span.end, c.family, c.key))
    for c in cues:
        assert doc.text[c.evidence.span.start : c.evidence.span.end] == c.evidence.quote
        sentence = doc.sentences[c.evidence.sentence].span
        assert sentence.start <= c.evidence.span.start < sentence.end


def test_cues_empty_document(make_doc, kb: KnowledgeBase) -> None:
    assert extract_cues(make_doc("   "), kb) == ()


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("台湾红线底线美国农民受苦第六轮磋商访华随行 ,。abc")), max_size=60))
def test_cues_spans_always_quote_the_text(make_doc_session, kb: KnowledgeBase, text: str) -> None:
    doc = make_doc_session(text)
    for c in extract_cues(doc, kb):
        assert doc.text[c.evidence.span.start : c.evidence.span.end] == c.evidence.quote
        assert c.evidence.span.end > c.evidence.span.start


@pytest.fixture(scope="session")
def make_doc_session(kb: KnowledgeBase):
    """A document builder usable inside hypothesis tests (function-scoped fixtures are not reset there)."""
    import datetime as dt

    from tealeaves.model import DocumentMeta
    from tealeaves.text.document import build_document

    return lambda text: build_document(text, DocumentMeta(published=dt.date(2026, 3, 14), lang="zh"), kb)
