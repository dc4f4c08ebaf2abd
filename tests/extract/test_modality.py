"""Modality words: which occurrences count (data/events/modality.yaml and the coder's own rules)."""

from __future__ import annotations

import pytest

from tealeaves.extract.modality import find_modal_marks
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.model import Modality
from tealeaves.text.normalize import make_view


def _marks(kb: KnowledgeBase, text: str, lang: str = "zh", taken: list[tuple[int, int]] | None = None,
           object_markers: frozenset[int] = frozenset()) -> list[tuple[str, Modality | None]]:
    view = make_view(text)
    marks = find_modal_marks(view, kb, lang, ((0, len(text)),), taken=taken or [], object_markers=object_markers)
    return [(m.phrase, m.entry.modality) for m in marks]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("美方将加征关税", [("将", Modality.PLANNED)]),
        ("中方未来三年", []),  # 未来 is 'future', not a negation
        ("进口模拟芯片", []),  # 模拟 holds 拟 but plans nothing
        ("中方没有购买", [("没有", Modality.NEGATED)]),
        ("如果美方一意孤行", [("如果", Modality.CONDITIONAL)]),
        ("国会通过法案", []),  # 会 inside 国会 is no future tense
    ],
)
def test_modality_words_in_chinese(kb: KnowledgeBase, text: str, expected: list[tuple[str, Modality | None]]) -> None:
    assert _marks(kb, text) == expected


def test_modality_word_inside_a_cue_does_not_count(kb: KnowledgeBase) -> None:
    text = "双方举行会谈"
    start = text.index("会谈")
    assert _marks(kb, text, taken=[(start, start + 2)]) == []


def test_modality_object_marker_is_no_future_tense(kb: KnowledgeBase) -> None:
    text = "中方将三家美国企业列入清单"
    assert _marks(kb, text, object_markers=frozenset({text.index("将")})) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Washington will impose tariffs", [("will", Modality.PLANNED)]),
        ("Beijing did not buy", [("not", Modality.NEGATED)]),
        ("unless a deal is made", [("unless", Modality.CONDITIONAL)]),
        ("Will it happen?", [("will", Modality.PLANNED), ("?", None)]),
    ],
)
def test_modality_words_in_english(kb: KnowledgeBase, text: str, expected: list[tuple[str, Modality | None]]) -> None:
    assert _marks(kb, text, "en") == expected


def test_modality_plans_keep_the_entries_of_one_language_in_index_order(kb: KnowledgeBase) -> None:
    from tealeaves.extract.modality import _plans

    index = kb.modality_cue_index
    for lang in ("zh", "en"):
        plans = _plans(index, lang)
        for phrase in index.phrases():
            expected = [e for e in index.lookup(phrase) if e.lang == lang]
            got = [p[0] for p in plans.get(phrase, ())]
            assert got == expected
            for entry, after, *_ in plans.get(phrase, ()):
                assert after == (entry.scope == "after")
    assert _plans(index, "zh") is _plans(index, "zh")  # built once
