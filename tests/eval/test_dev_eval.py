"""`tealeaves eval` and `analyze --format eval` end to end on the shared articles (skipped without them).

These tests check that the commands run and report every field, and that every quoted evidence is a
substring of its article; they never assert expected items for a specific shared article.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tealeaves.cli import app

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
DEV = SHARED / "eval" / "dev"
SAMPLE = SHARED / "samples" / "paris-round6-commentary.txt"
pytestmark = pytest.mark.skipif(not DEV.is_dir() or not SAMPLE.is_file(), reason="../shared absent")
runner = CliRunner()

FIELDS = ("persons", "organizations", "places", "dates", "quantities", "events", "signals")


@pytest.mark.slow
def test_eval_dev_reports_every_field(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", str(DEV), "--json", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["documents"] == len(list(DEV.glob("*.gold.json")))
    for field in FIELDS:
        assert set(scores[field]) == {"p", "r", "f1"}
        assert 0.0 <= scores[field]["f1"] <= 1.0
    for key in ("event_date_accuracy", "event_modality_accuracy", "event_evidence_accuracy", "events_by_type"):
        assert key in scores
    assert len(list(tmp_path.glob("*.json"))) == scores["documents"]


@pytest.mark.slow
def test_eval_errors_lists_mistakes_with_sentences() -> None:
    result = runner.invoke(app, ["eval", str(DEV), "--errors"])
    assert result.exit_code == 0, result.output
    assert "persons" in result.stdout and "events by type" in result.stdout


def test_analyze_sample_eval_evidence_is_substring_of_article() -> None:
    result = runner.invoke(app, ["analyze", str(SAMPLE), "--format", "eval"])
    assert result.exit_code == 0, result.output
    prediction = json.loads(result.stdout)
    article = SAMPLE.read_text(encoding="utf-8")
    assert set(prediction) == set(FIELDS)
    quoted = [item["evidence"] for f in ("quantities", "events", "signals") for item in prediction[f]]
    assert quoted, "the sample should yield items with evidence"
    for evidence in quoted:
        assert evidence and evidence in article
