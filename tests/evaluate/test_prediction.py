"""The prediction format of SCHEMA.md built from analyses of sentences we wrote."""

from __future__ import annotations

from collections.abc import Callable

from tealeaves.evaluate.prediction import to_prediction
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.model import Document
from tealeaves.pipeline import analyse

MakeDoc = Callable[..., Document]


def test_event_cites_its_whole_sentence_while_the_analysis_keeps_the_clause(kb: KnowledgeBase, make_doc: MakeDoc) -> None:
    text = "据悉，财长贝森特将于3月20日在巴黎会见中方代表，双方将讨论关税问题。"
    analysis = analyse(make_doc(text), kb)
    consult = next(e for e in analysis.events if e.type == "CONSULT")
    assert consult.evidence.quote != text  # the Analysis cites the clause
    predicted = next(e for e in to_prediction(analysis)["events"] if e["type"] == "CONSULT")
    assert predicted["evidence"] == text
    assert predicted["date"] == "2026-03-20"
    assert predicted["modality"] == "planned"


def test_person_named_only_by_title_is_not_listed(kb: KnowledgeBase, make_doc: MakeDoc) -> None:
    prediction = to_prediction(analyse(make_doc("美国财长将于下周访华。贝森特表示期待会谈。"), kb))
    assert prediction["persons"] == ["Scott Bessent"]
    prediction = to_prediction(analyse(make_doc("美国财长将于下周访华。"), kb))
    assert prediction["persons"] == []


def test_dates_are_listed_once_and_sorted(kb: KnowledgeBase, make_doc: MakeDoc) -> None:
    prediction = to_prediction(analyse(make_doc("双方3月20日会谈。3月20日的会谈在巴黎举行，3月18日美方宣布加征关税。"), kb))
    assert prediction["dates"] == ["2026-03-18", "2026-03-20"]
