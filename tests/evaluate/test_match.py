"""Matching rules of SCHEMA.md, on items we wrote."""

from __future__ import annotations

import pytest

from tealeaves.evaluate.match import match_one_to_one, same_date, same_event, same_quantity, same_signal


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        ("2026-03-14", "2026-03-14", True),
        ("2026-03", "2026-03-14", False),  # a month is not matched by a day inside it
        ("2026-03", "2026-03-01/2026-03-31", True),  # the same range written as an interval
        ("2026-03-21/2026-04-10", "2026-03-25/2026-04-05", True),  # 15 of 21 days overlap
        ("2026-03-21/2026-04-10", "2026-04-01/2026-04-30", False),  # 10 of 21 days: below half
        ("2026-03-21/2026-04-10", "2026-04-05/2026-04-30", False),
        ("2026", "2026-01-01/2026-12-31", True),
        ("2026-13", "2026-13", True),  # equal strings match even when malformed
        ("2026-13", "2026-12", False),
    ],
)
def test_match_same_date_follows_overlap_rule(gold: str, pred: str, expected: bool) -> None:
    assert same_date(gold, pred) is expected


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        ({"value": 12000000, "unit": "t", "commodity": "soybeans"}, {"value": 12100000, "unit": "t", "commodity": "soybeans"}, True),
        ({"value": 12000000, "unit": "t", "commodity": "soybeans"}, {"value": 12200000, "unit": "t", "commodity": "soybeans"}, False),
        ({"value": 12000000, "unit": "t", "commodity": "soybeans"}, {"value": 12000000, "unit": "t"}, False),
        ({"value": 155, "unit": "%"}, {"value": 155, "unit": "%", "commodity": "steel"}, True),
        ({"value": 155, "unit": "%"}, {"value": 155, "unit": "pp"}, False),
        ({"value": 155, "unit": "%"}, {"value": "n/a", "unit": "%"}, False),
    ],
)
def test_match_same_quantity_tolerance_unit_commodity(gold: dict, pred: dict, expected: bool) -> None:
    assert same_quantity(gold, pred) is expected


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        ({"type": "CONSULT", "source": "USA", "target": "CHN"}, {"type": "CONSULT", "source": "CHN", "target": "USA"}, True),
        ({"type": "AGREE", "source": "USA", "target": "CHN"}, {"type": "AGREE", "source": "CHN", "target": "USA"}, True),
        ({"type": "SANCTION", "source": "USA", "target": "CHN"}, {"type": "SANCTION", "source": "CHN", "target": "USA"}, False),
        ({"type": "SANCTION", "source": "USA", "target": "CHN"}, {"type": "THREATEN", "source": "USA", "target": "CHN"}, False),
    ],
)
def test_match_same_event_symmetry_only_for_three_types(gold: dict, pred: dict, expected: bool) -> None:
    assert same_event(gold, pred) is expected


def test_match_same_signal_compares_key_fields_only() -> None:
    gold = {"kind": "stance_shift", "person": "Marco Rubio", "direction": "softer"}
    assert same_signal(gold, {"kind": "stance_shift", "person": "marco rubio", "direction": "Softer", "evidence": "x"})
    assert not same_signal(gold, {"kind": "stance_shift", "person": "Marco Rubio", "direction": "harder"})
    assert same_signal({"kind": "commitment_progress", "party": "CHN"}, {"kind": "commitment_progress", "party": "CHN", "commodity": "soybeans"})


def test_match_optional_items_neither_missed_nor_false_alarms() -> None:
    result = match_one_to_one([("a", False), ("b", True), ("c", True)], ["a", "b"], lambda g, p: g == p)
    assert (result.tp, result.fp, result.fn) == (1, 0, 0)


def test_match_required_gold_matched_before_optional() -> None:
    # one prediction that fits both an optional and a required gold item goes to the required one
    result = match_one_to_one([("x", True), ("x", False)], ["x"], lambda g, p: g == p)
    assert (result.tp, result.fp, result.fn) == (1, 0, 0)


def test_match_prefers_candidate_with_right_evidence() -> None:
    golds = [({"e": "b"}, False)]
    preds = [{"e": "a"}, {"e": "b"}]
    result = match_one_to_one(golds, preds, lambda g, p: True, prefer=lambda g, p: int(g["e"] == p["e"]))
    assert result.pairs == [({"e": "b"}, {"e": "b"})]
    assert result.false_alarms == [{"e": "a"}]
