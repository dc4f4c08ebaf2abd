"""Dates of events: where a date is read from, and which dates an act may take."""

from __future__ import annotations

import datetime as dt

import pytest

from tealeaves.extract.clauses import Clause
from tealeaves.extract.event_dates import EventDates, _Dated, _fits
from tealeaves.model import DateRef, Granularity, Modality
from tealeaves.text.evidence import evidence_at

PUBLISHED = dt.date(2026, 3, 14)


def _dates(make_doc, text: str, values: dict[str, str]) -> tuple[str, EventDates]:
    doc = make_doc(text)
    refs = []
    for quote, value in values.items():
        at = doc.text.index(quote)
        refs.append(DateRef(value=value, granularity=Granularity.DAY, evidence=evidence_at(doc, at, at + len(quote))))
    return doc.text, EventDates(refs, published=PUBLISHED, text=doc.text, until_marks=("until", "至"))


@pytest.mark.parametrize(
    ("modality", "voiced", "expected"),
    [
        (Modality.PLANNED, False, ("2026-03-20", "clause")),  # a plan takes no past date
        (Modality.ASSERTED, True, ("2026-03-10", "clause")),  # a voiced act takes no date to come
        (Modality.ASSERTED, False, ("2026-03-20", "clause")),  # else the one nearest the cue
    ],
)
def test_event_dates_clause_date_fits_the_act(make_doc, modality: Modality, voiced: bool, expected: tuple[str, str]) -> None:
    text, dates = _dates(make_doc, "3月10日美方表示将于3月20日会谈。", {"3月10日": "2026-03-10", "3月20日": "2026-03-20"})
    clause = Clause(0, len(text) - 1, 0)
    cue = (text.index("会谈"), text.index("会谈") + 2)
    assert dates.find(cue, clause, (0, len(text)), modality, voiced=voiced) == expected


def test_event_dates_voiced_act_without_a_date_takes_the_news_day(make_doc) -> None:
    text, dates = _dates(make_doc, "美方3月12日表示反对。\n中方表示反对。", {"3月12日": "2026-03-12"})
    second = text.index("中方")
    clause = Clause(second, len(text) - 1, 1)
    cue = (text.index("反对", second), text.index("反对", second) + 2)
    assert dates.find(cue, clause, (second, len(text)), Modality.ASSERTED, voiced=True) == ("2026-03-12", "statement")
    assert dates.find(cue, clause, (second, len(text)), Modality.ASSERTED, voiced=False) == (None, None)
    assert dates.find(cue, clause, (second, len(text)), Modality.PLANNED, voiced=False) == (None, None)


def test_event_dates_consent_is_not_dated_by_what_it_agrees_to(make_doc) -> None:
    text, dates = _dates(make_doc, "美方3月12日表示反对。\n双方同意恢复沟通，并在3月20日增加航班。", {"3月12日": "2026-03-12", "3月20日": "2026-03-20"})
    second = text.index("双方")
    cue = (text.index("同意"), text.index("同意") + 2)
    clause = Clause(second, text.index("，"), 1)
    sentence = (second, len(text))
    # an act: the first date after it in the sentence; a consent: the news day instead
    assert dates.find(cue, clause, sentence, Modality.ASSERTED, voiced=False) == ("2026-03-20", "sentence")
    assert dates.find(cue, clause, sentence, Modality.ASSERTED, voiced=True, consent=True) == ("2026-03-12", "statement")
    # written in the perfect, the consent was made before the report: undated
    assert dates.find(cue, clause, sentence, Modality.ASSERTED, voiced=True, consent=True, prior=True) == (None, None)


def test_event_dates_consent_takes_the_paragraphs_date_first(make_doc) -> None:
    text, dates = _dates(make_doc, "美方3月12日表示反对。\n3月10日双方会谈。双方同意恢复沟通。", {"3月12日": "2026-03-12", "3月10日": "2026-03-10"})
    start = text.index("双方同意")
    cue = (start + 2, start + 4)
    clause = Clause(start, len(text) - 1, 2)
    assert dates.find(cue, clause, (start, len(text)), Modality.ASSERTED, voiced=True, consent=True) == ("2026-03-10", "paragraph")


def test_event_dates_a_measure_in_force_is_dated_by_its_announcement(make_doc) -> None:
    doc = make_doc("3月4日，中方宣布，自3月10日起加征关税。")
    text = doc.text
    refs = [
        DateRef(value=v, granularity=Granularity.DAY, evidence=evidence_at(doc, text.index(q), text.index(q) + len(q)))
        for q, v in (("3月4日", "2026-03-04"), ("3月10日", "2026-03-10"))
    ]
    cue = (text.index("加征"), text.index("加征") + 2)
    clause = Clause(text.index("自"), len(text) - 1, 0)
    marks = {"until_marks": ("至",), "from_marks": ("from", "自", "起")}
    in_force = EventDates(refs, published=PUBLISHED, text=text, **marks)  # published on the 14th
    assert in_force.find(cue, clause, (0, len(text)), Modality.ASSERTED, voiced=False) == ("2026-03-04", "sentence")
    still_to_come = EventDates(refs, published=dt.date(2026, 3, 5), text=text, **marks)
    assert still_to_come.find(cue, clause, (0, len(text)), Modality.ASSERTED, voiced=False) == ("2026-03-10", "clause")
    assert in_force.find(cue, clause, (0, len(text)), Modality.PLANNED, voiced=False) == (None, None)  # a plan takes no past date


def test_event_dates_a_period_end_or_an_attributive_date_is_not_the_acts(make_doc) -> None:
    doc = make_doc("3月7日，中方宣布暂停实施2月9日公布的管制措施，至明年3月10日。")
    text = doc.text
    refs = [
        DateRef(value=v, granularity=Granularity.DAY, evidence=evidence_at(doc, text.index(q), text.index(q) + len(q)))
        for q, v in (("3月7日", "2026-03-07"), ("2月9日", "2026-02-09"), ("明年3月10日", "2027-03-10"))
    ]
    dates = EventDates(
        refs, published=PUBLISHED, text=text, until_marks=("至",), attributive_marks=frozenset({"的"}), clause_breaks=frozenset({"，", "。"})
    )
    cue = (text.index("暂停"), text.index("暂停") + 2)
    clause = Clause(text.index("中方"), text.index("，", text.index("中方")), 0)
    # 2月9日 dates the measures (公布的), 明年3月10日 ends the pause: the announcement dates the act
    assert dates.find(cue, clause, (0, len(text)), Modality.ASSERTED, voiced=False) == ("2026-03-07", "sentence")
    alone = EventDates(refs[1:], published=PUBLISHED, text=text, until_marks=("至",), attributive_marks=frozenset({"的"}), clause_breaks=frozenset({"，", "。"}))
    assert alone.find(cue, clause, (0, len(text)), Modality.ASSERTED, voiced=False) == ("2026-02-09", "clause")  # no other: the best there is


def _refs(doc, values: dict[str, str]) -> list[DateRef]:
    text = doc.text
    return [
        DateRef(value=v, granularity=Granularity.DAY, evidence=evidence_at(doc, text.index(q), text.index(q) + len(q)))
        for q, v in values.items()
    ]


def test_event_dates_calling_off_is_not_dated_by_the_day_it_was_scheduled_for(make_doc) -> None:
    doc = make_doc("3月10日美方会谈。\n美方表示，原定3月20日加征关税的计划暂缓执行。")
    text = doc.text
    dates = EventDates(_refs(doc, {"3月10日": "2026-03-10", "3月20日": "2026-03-20"}), published=PUBLISHED, text=text,
                       until_marks=(), plan_marks=("原定",))  # fmt: skip
    cue = (text.index("暂缓"), text.index("暂缓") + 2)
    clause = Clause(text.index("原定"), len(text) - 1, 1)
    sentence = (text.index("美方表示"), len(text))
    assert dates.find(cue, clause, sentence, Modality.ASSERTED, voiced=False, undo=True) == (None, None)
    assert dates.find(cue, clause, sentence, Modality.ASSERTED, voiced=False) == ("2026-03-20", "clause")  # the plan itself


def test_event_dates_then_takes_the_time_last_named(make_doc) -> None:
    doc = make_doc("Xi met Biden on March 2. Xi warned then that China would act.")
    text = doc.text
    dates = EventDates(_refs(doc, {"March 2": "2026-03-02"}), published=PUBLISHED, text=text, until_marks=())
    second = text.index("Xi warned")
    cue = (text.index("warned"), text.index("warned") + 6)
    clause = Clause(second, len(text) - 1, 1)
    assert dates.find(cue, clause, (second, len(text)), Modality.ASSERTED, voiced=True, anaphoric=lambda: True) == ("2026-03-02", "paragraph")
    assert dates.find(cue, clause, (second, len(text)), Modality.ASSERTED, voiced=True)[1] == "statement"


def test_event_dates_a_date_of_an_earlier_verb_joined_by_and_is_left_to_the_last(make_doc) -> None:
    doc = make_doc("Yellen arrived on March 5 and held talks with He on March 6.")
    text = doc.text
    dates = EventDates(_refs(doc, {"March 5": "2026-03-05", "March 6": "2026-03-06"}), published=PUBLISHED, text=text, until_marks=())
    cue = (text.index("held talks"), text.index("held talks") + 10)
    assert dates.find(cue, Clause(0, len(text) - 1, 0), (0, len(text)), Modality.ASSERTED, voiced=False) == ("2026-03-06", "clause")


def test_event_dates_a_date_after_until_ends_a_period(make_doc) -> None:
    text, dates = _dates(make_doc, "暂停加征关税至3月20日。", {"3月20日": "2026-03-20"})
    clause = Clause(0, len(text) - 1, 0)
    assert dates.ends_period("2026-03-20", clause)
    assert dates.is_future("2026-03-20") and not dates.is_future("2026-03-14")


@pytest.mark.parametrize(
    ("rule", "first", "last", "published", "expected"),
    [
        (0, "2026-03-01", "2026-03-01", PUBLISHED, True),  # any date
        (1, "2026-03-01", "2026-03-31", PUBLISHED, True),  # a plan may take a period still running
        (1, "2026-03-01", "2026-03-13", PUBLISHED, False),  # but no period already past
        (2, "2026-03-14", "2026-03-14", PUBLISHED, True),  # a voiced act may take the publication day
        (2, "2026-03-15", "2026-03-15", PUBLISHED, False),  # but no day still to come
        (1, "2026-03-01", "2026-03-13", None, False),  # without a publication day no rule holds
    ],
)
def test_event_dates_fits_keeps_the_dates_an_act_may_take(
    rule: int, first: str, last: str, published: dt.date | None, expected: bool
) -> None:
    dated = _Dated(0, 1, first, dt.date.fromisoformat(first), dt.date.fromisoformat(last))
    assert _fits(dated, rule, published) is expected
