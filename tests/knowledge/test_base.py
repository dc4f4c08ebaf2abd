"""KnowledgeBase look-ups that depend on the day: the state an official stands for."""

from __future__ import annotations

import datetime as dt

from tealeaves.knowledge.base import KnowledgeBase


def test_an_official_stands_for_the_body_whose_office_they_hold_that_day(kb: KnowledgeBase) -> None:
    assert kb.acts_for("kaja_kallas", dt.date(2025, 3, 1)) == "EUR"
    assert kb.acts_for("kaja_kallas", dt.date(2024, 6, 1)) == "EST"
    assert kb.acts_for("maros_sefcovic", dt.date(2025, 7, 4)) == "EUR"


def test_own_state_when_the_office_is_theirs_or_the_day_unknown(kb: KnowledgeBase) -> None:
    assert kb.acts_for("scott_bessent", dt.date(2025, 7, 4)) == "USA"
    assert kb.acts_for("maros_sefcovic", None) == "SVK"
    assert kb.acts_for("nobody_listed", dt.date(2025, 7, 4)) is None
