"""Corpus scoring on gold readings and predictions we wrote."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tealeaves.errors import GoldError
from tealeaves.evaluate.gold import load_gold, load_name_groups, parse_gold
from tealeaves.evaluate.score import Report, score_document

GOLD: dict[str, Any] = {
    "persons": ["Scott Bessent", {"name": "He Lifeng", "optional": True}],
    "organizations": ["Ministry of Commerce (China)"],
    "places": ["Geneva"],
    "dates": ["2025-05-12", "2025-05-10/2025-05-11"],
    "quantities": [{"value": 115, "unit": "%"}, {"value": 90, "unit": "day", "optional": True}],
    "events": [
        {"type": "CONSULT", "source": "USA", "target": "CHN", "date": "2025-05-10/2025-05-11", "place": "Geneva",
         "modality": "asserted", "evidence": "在日内瓦举行会谈"},
        {"type": "RETREAT", "source": "USA", "target": "CHN", "date": "2025-05-14", "modality": "planned",
         "evidence": "下调关税"},
    ],
    "signals": [{"kind": "round_resumed", "round": 1}, {"kind": "dual_track", "actor": "USA", "optional": True}],
}


def _score(gold: dict[str, Any], pred: dict[str, Any], names: dict[str, str] | None = None) -> dict[str, Any]:
    report = Report()
    score_document("doc", parse_gold(gold, Path("doc.gold.json")), pred, report, names or {})
    return report.as_dict()


def test_score_gold_against_itself_is_perfect() -> None:
    pred = json.loads(json.dumps(GOLD))
    scores = _score(GOLD, pred)
    for field in ("persons", "organizations", "places", "dates", "quantities", "events", "signals"):
        assert scores[field]["f1"] == 1.0, field
    assert scores["event_date_accuracy"] == scores["event_modality_accuracy"] == 1.0


def test_score_name_groups_map_equivalent_titles() -> None:
    names = {"ministry of commerce (china)": "mofcom-group", "mofcom": "mofcom-group"}
    pred = {"organizations": ["MOFCOM"]}
    assert _score(GOLD, pred, names)["organizations"]["f1"] == 1.0
    assert _score(GOLD, pred)["organizations"]["f1"] == 0.0


def test_score_event_accuracies_among_matches() -> None:
    pred = {"events": [
        {"type": "CONSULT", "source": "CHN", "target": "USA", "date": "2025-05-10", "modality": "planned", "evidence": "在日内瓦举行会谈"},
    ]}
    scores = _score(GOLD, pred)
    assert scores["events"] == {"p": 1.0, "r": 0.5, "f1": 0.667}
    assert scores["event_date_accuracy"] == 1.0  # one day of a two-day gold interval is half of it
    assert scores["event_modality_accuracy"] == 0.0
    assert scores["event_evidence_accuracy"] == 1.0


def test_score_spurious_items_are_false_alarms() -> None:
    pred = {"persons": ["Scott Bessent", "Jamieson Greer"], "quantities": [{"value": 115, "unit": "%"}, {"value": 115, "unit": "%"}]}
    scores = _score(GOLD, pred)
    assert scores["persons"] == {"p": 0.5, "r": 1.0, "f1": 0.667}
    assert scores["quantities"]["p"] == 0.5  # the same amount twice: one is a false alarm


def test_gold_malformed_file_raises_with_path(tmp_path: Path) -> None:
    bad = tmp_path / "x.gold.json"
    bad.write_text('{"events": [{"source": "USA"}]}', encoding="utf-8")
    with pytest.raises(GoldError, match=r"x\.gold\.json: events\[0\]: missing 'type'"):
        load_gold(bad)
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(GoldError, match="not valid JSON"):
        load_gold(bad)


def test_gold_name_groups_reject_malformed_file(tmp_path: Path) -> None:
    f = tmp_path / "aliases.json"
    f.write_text('{"groups": [[]]}', encoding="utf-8")
    with pytest.raises(GoldError, match="non-empty list"):
        load_name_groups(f)


names_st = st.lists(st.sampled_from(["A B", "C D", "E F", "G H"]), unique=True, max_size=4)
events_st = st.lists(
    st.fixed_dictionaries({
        "type": st.sampled_from(["CONSULT", "SANCTION", "AGREE"]),
        "source": st.sampled_from(["USA", "CHN"]),
        "target": st.sampled_from(["USA", "CHN", "EUR"]),
        "modality": st.sampled_from(["asserted", "planned"]),
    }),
    max_size=5,
)


@settings(max_examples=60, deadline=None)
@given(gp=names_st, pp=names_st, ge=events_st, pe=events_st)
def test_score_f1_bounded_and_order_independent(gp: list[str], pp: list[str], ge: list[dict], pe: list[dict]) -> None:
    gold = {"persons": gp, "events": ge}
    a = _score(gold, {"persons": pp, "events": pe})
    b = _score(gold, {"persons": list(reversed(pp)), "events": pe})
    assert a["persons"] == b["persons"]
    for field in ("persons", "events"):
        assert 0.0 <= a[field]["f1"] <= 1.0
    assert _score(gold, {"persons": gp, "events": ge})["events"]["f1"] == (1.0 if ge else 0.0)
