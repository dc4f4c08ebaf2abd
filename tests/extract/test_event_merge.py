"""Merging the mentions of one act: same type and dyad, dates that can name one act."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tealeaves.extract.event_merge import (
    Coded,
    _ended,
    _Evidences,
    date_bounds,
    merge_events,
)
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.model import Document, DocumentMeta, EventType, Modality
from tealeaves.text.document import build_document
from tealeaves.text.evidence import evidence_at

TEXT = "甲甲甲。乙乙乙。丙丙丙。丁丁丁。"


def _coded(k: int, *, type_: EventType = EventType.CONSULT, src: str = "USA", tgt: str = "CHN", date: str | None = None,
           rank: int = 0, modality: Modality = Modality.ASSERTED, explicit: bool = False) -> Coded:
    return Coded(type_, src, tgt, modality, date, None, (4 * k, 4 * k + 1), (4 * k, 4 * k + 3), rank, explicit)


@pytest.fixture()
def doc(kb: KnowledgeBase) -> Document:
    return build_document(TEXT, DocumentMeta(published=dt.date(2026, 3, 14), lang="zh"), kb)


def test_event_merge_same_act_three_times_is_one_event(doc: Document) -> None:
    events = merge_events(doc, [_coded(0), _coded(1, date="2026-03-16", rank=3, modality=Modality.PLANNED, explicit=True), _coded(2)])
    assert len(events) == 1
    assert events[0].date == "2026-03-16"
    assert events[0].modality == Modality.PLANNED
    assert events[0].evidence.span.text == "乙乙乙"  # the dated mention leads
    assert [e.span.text for e in events[0].more_evidence] == ["甲甲甲", "丙丙丙"]


@pytest.mark.parametrize(
    ("a", "b", "merged"),
    [
        ({}, {"src": "CHN", "tgt": "USA"}, True),  # CONSULT is symmetric
        ({"type_": EventType.SANCTION}, {"type_": EventType.SANCTION, "src": "CHN", "tgt": "USA"}, False),
        ({"date": "2026-03-02", "rank": 3}, {"date": "2026-04-20", "rank": 3}, False),
        ({"date": "2026-03-02", "rank": 3}, {"date": "2026-03-03", "rank": 2}, True),  # a day apart: one act
        ({"date": "2026-04", "rank": 3}, {"date": "2026-04-01/2026-04-10", "rank": 3}, True),
        ({"date": "2026-02-04", "rank": 3}, {"date": "2026-02-02/2026-02-08", "rank": 3}, False),  # a week holds many acts
        ({"date": "2026-03-02", "rank": 3}, {"date": "2026-05-01", "rank": 1}, True),  # a borrowed date does not split
        ({"date": "2025-12", "rank": 3}, {"modality": Modality.PLANNED, "explicit": True}, False),  # plan vs act done
    ],
)
def test_event_merge_keys_and_dates(doc: Document, a: dict[str, Any], b: dict[str, Any], merged: bool) -> None:
    events = merge_events(doc, [_coded(0, **a), _coded(1, **b)])
    assert (len(events) == 1) is merged


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2026", "2026-01-01", "2026-12-31"),
        ("2026-02", "2026-02-01", "2026-02-28"),
        ("2026-03-14", "2026-03-14", "2026-03-14"),
        ("2026-03-21/2026-04-10", "2026-03-21", "2026-04-10"),
    ],
)
def test_event_merge_date_bounds(value: str, first: str, last: str) -> None:
    assert date_bounds(value) == (dt.date.fromisoformat(first), dt.date.fromisoformat(last))


def test_event_merge_date_bounds_reject_garbage() -> None:
    assert date_bounds("soon") is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2026-03-13", True), ("2026-03-14", False), ("2026-02", True), ("2026-03", False), (None, False), ("spring", False)],
)
def test_event_merge_ended_only_for_dates_over_before_publication(value: str | None, expected: bool) -> None:
    assert _ended(value, dt.date(2026, 3, 14)) is expected


def test_event_merge_evidences_equal_evidence_at_and_are_built_once(doc: Document) -> None:
    make = _Evidences(doc)
    for where in [(0, 4), (4, 6), (5, 8), (12, 16)]:  # whole sentences and parts of them
        assert make.at(where) == evidence_at(doc, *where)
    assert make.at((4, 6)) is make.at((4, 6))
    assert make.at((0, 4)).span is doc.sentences[0].span  # a whole sentence quotes its own span


def test_event_merge_group_fits_like_a_scan_of_its_members() -> None:
    from tealeaves.extract.event_merge import _Group

    published = dt.date(2026, 3, 14)
    past = _coded(0, date="2026-03-01", rank=3)  # a firm date already over
    plan = _coded(1, modality=Modality.PLANNED, explicit=True)
    group = _Group()
    group.add(past, True)
    assert group.firm == ["2026-03-01"] and group.past and not group.planned
    assert not group.fits(plan, False, published)  # a plan never joins an act already done
    assert group.fits(plan, False, None)  # without a publication day nothing is past
    assert group.fits(_coded(2, date="2026-03-02", rank=2), False, published)  # a day apart
    assert not group.fits(_coded(2, date="2026-03-09", rank=2), False, published)
    assert group.fits(_coded(2, date="2026-03-09", rank=1), False, published)  # a borrowed date keeps nothing apart
    later = _Group()
    later.add(plan, False)
    assert later.planned and not later.fits(past, True, published)
