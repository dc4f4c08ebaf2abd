"""Sentence boundaries for Chinese and English news text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.text.sentences import _closes_abbreviation, _rules, split_sentences


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


@pytest.mark.parametrize(
    ("text", "closes"),
    [
        ("Mr. X", True),
        ("met MR. X", True),
        ("the U.S. Y", True),
        ("”approx. 5", True),
        ("(approx. 5", False),
        ("J. Trump", True),
        ("É. Macron", True),
        ("talks. Then", False),
        ("approxx. Then", False),
        ("Mister. Then", False),
        ("”. Then", False),
        ("a . Then", False),
        (". Then", False),
        ("in 2025. Then", False),
    ],
)
def test_sentences_closes_abbreviation_reads_the_word_before_the_stop(kb: KnowledgeBase, text: str, closes: bool) -> None:
    assert _closes_abbreviation(text, text.index(". "), _rules(kb)) is closes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks ended. ABCDEFGHIJ. Next", ["Talks ended.", "ABCDEFGHIJ.", "Next"]),
        ("It fell 3 pct. Sept. 5 is next.", ["It fell 3 pct.", "Sept. 5 is next."]),
        ("中方称. A deal", ["中方称.", "A deal"]),
        ("称. A deal", ["称. A deal"]),
        ("好!\n\n  \u3000Next?  \n", ["好!", "Next?"]),
        ("\n\n  lead", ["lead"]),
        ("Mr.!  Next", ["Mr.!", "Next"]),
    ],
)
def test_sentences_split_words_and_blanks_around_ends(kb: KnowledgeBase, text: str, expected: list[str]) -> None:
    assert [s.span.text for s in split_sentences(text, kb)] == expected
