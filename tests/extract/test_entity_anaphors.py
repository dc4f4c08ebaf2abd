"""'The ministry', 该部: a definite description names the fitting organization named shortly before."""

from __future__ import annotations

import datetime as dt

from tealeaves.extract.entities import extract_entities
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.model import DocumentMeta, MentionKind
from tealeaves.text.document import build_document


def _organizations(kb: KnowledgeBase, text: str, lang: str) -> list[tuple[str, str | None, str]]:
    doc = build_document(text, DocumentMeta(published=dt.date(2025, 6, 2), lang=lang), kb)
    return [
        (m.evidence.span.text, m.name, m.via) for m in extract_entities(doc, kb) if m.kind is MentionKind.ORGANIZATION
    ]


def test_anaphor_names_the_ministry_named_before(kb: KnowledgeBase) -> None:
    found = _organizations(kb, "China's commerce ministry hit back on Monday. The ministry said Washington broke the deal.", "en")
    assert found[-1][0] == "The ministry" and found[-1][2] == "context"
    assert found[-1][1] == found[0][1] == "Ministry of Commerce of the People's Republic of China"


def test_anaphor_skips_a_body_of_another_kind(kb: KnowledgeBase) -> None:
    found = _organizations(kb, "Reuters reported the talks stalled. The ministry declined to comment.", "en")
    assert [f[0] for f in found] == ["Reuters"]


def test_anaphor_without_a_body_before_names_nothing(kb: KnowledgeBase) -> None:
    assert _organizations(kb, "The ministry said the talks would go on.", "en") == []


def test_anaphor_inside_a_name_is_the_name(kb: KnowledgeBase) -> None:
    found = _organizations(kb, "China's commerce ministry said so. The Ministry of Commerce added more.", "en")
    assert all(f[2] == "alias" for f in found)


def test_anaphor_too_far_back_names_nothing(kb: KnowledgeBase) -> None:
    filler = "Trade volumes grew again. " * 60
    found = _organizations(kb, f"China's commerce ministry hit back. {filler}The ministry said more.", "en")
    assert [f[2] for f in found] == ["alias"]


def test_anaphor_in_chinese_and_a_word_that_only_looks_like_one(kb: KnowledgeBase) -> None:
    found = _organizations(kb, "商务部新闻发言人回应了记者提问。该部表示将采取必要措施。该部分商品不受影响。", "zh")
    assert [(f[0], f[2]) for f in found] == [("商务部", "alias"), ("该部", "context")]


def test_anaphor_lets_the_ministry_act_for_its_state(kb: KnowledgeBase) -> None:
    from tealeaves.pipeline import analyse

    text = "China's commerce ministry responded to Trump on Monday. The ministry rejected the accusations as groundless."
    doc = build_document(text, DocumentMeta(published=dt.date(2025, 6, 2), lang="en"), kb)
    assert ("REJECT", "CHN", "USA") in {(str(e.type), e.source, e.target) for e in analyse(doc, kb).events}

