"""Sentence boundaries for Chinese and English news text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.text.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("中美会谈。双方同意延长休战！会谈成功吗？", ["中美会谈。", "双方同意延长休战！", "会谈成功吗？"]),
        ("他说：“我们不会让步。”随后离开。", ["他说：“我们不会让步。”", "随后离开。"]),
        ("第一段\n第二段", ["第一段", "第二段"]),
        ("U.S. officials met Mr. Bessent in Paris. They talked.", ["U.S. officials met Mr. Bessent in Paris.", "They talked."]),
        ("Tariffs rose to 15.5 percent. China objected.", ["Tariffs rose to 15.5 percent.", "China objected."]),
        ("Donald J. Trump spoke. Xi replied.", ["Donald J. Trump spoke.", "Xi replied."]),
        ('He said "no deal." Markets fell.', ['He said "no deal."', "Markets fell."]),
        ("关税为10%.中方回应", ["关税为10%.中方回应"]),
        ("好！？”他说。。然后", ["好！？”", "他说。。", "然后"]),
        ("Really?! Yes. No", ["Really?!", "Yes.", "No"]),
        ("Mr. Xi met Gen. Li. They left.\n\n  Next line. ", ["Mr. Xi met Gen. Li.", "They left.", "Next line."]),
        ("A. B. C.", ["A. B. C."]),
        ("价格为3.5%。下降", ["价格为3.5%。", "下降"]),
        ("   ", []),
    ],
)
def test_sentences_split_zh_and_en(kb: KnowledgeBase, text: str, expected: list[str]) -> None:
    assert [s.span.text for s in split_sentences(text, kb)] == expected


@given(st.text(alphabet=st.sampled_from(list("中美会谈。！？ .\nAbc\"”")), max_size=80))
def test_sentences_spans_slice_text_in_order(kb: KnowledgeBase, text: str) -> None:
    sentences = split_sentences(text, kb)
    last = 0
    for i, s in enumerate(sentences):
        assert s.index == i
        assert text[s.span.start : s.span.end] == s.span.text
        assert s.span.start >= last and s.span.text.strip() == s.span.text
        last = s.span.end
