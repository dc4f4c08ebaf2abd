"""Scoring a gold folder: every document counted once, saved predictions scored as they are, and a
broken file named without hiding the scores of the others."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tealeaves.errors import GoldError
from tealeaves.evaluate.folder import Reader, gold_files, score_folder
from tealeaves.ingest import read_input
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.model import Analysis, Document
from tealeaves.pipeline import analyse
from tealeaves.settings import Settings

ARTICLE = "---\ntitle: t\npublished: 2026-03-15\nlang: zh\n---\n美国财长贝森特3月14日在巴黎会见了中国国务院副总理何立峰。\n"
GOLD = {
    "persons": ["Scott Bessent", "He Lifeng"],
    "places": ["Paris"],
    "dates": ["2026-03-14"],
    "events": [{"type": "CONSULT", "source": "USA", "target": "CHN", "modality": "asserted", "date": "2026-03-14"}],
}


def _reader(kb: KnowledgeBase) -> Reader:
    def read(path: Path) -> tuple[Document | None, Analysis | None]:
        docs = read_input(path, kb, Settings())
        return (docs[0], analyse(docs[0], kb)) if docs else (None, None)

    return read


def _folder(tmp_path: Path, *names: str) -> Path:
    folder = tmp_path / "gold"
    folder.mkdir()
    for name in names:
        (folder / f"{name}.txt").write_text(ARTICLE, encoding="utf-8")
        (folder / f"{name}.gold.json").write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    return folder


def test_folder_analyses_every_article_and_saves_its_prediction(tmp_path: Path, kb: KnowledgeBase) -> None:
    folder = _folder(tmp_path, "a", "b")
    result = score_folder(folder, {}, read=_reader(kb), save_dir=tmp_path / "pred")
    persons = result.report.fields["persons"]
    assert not result.failures and result.report.documents == 2
    assert set(result.readings) == {"a", "b"}
    assert (persons.tp, persons.fp, persons.fn) == (4, 0, 0)
    assert result.report.as_dict()["events"]["f1"] == 1.0
    saved = json.loads((tmp_path / "pred" / "a.json").read_text(encoding="utf-8"))
    assert "Scott Bessent" in saved["persons"]


def test_folder_scores_saved_predictions_and_a_missing_one_as_empty(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "a", "b")
    preds = tmp_path / "pred"
    preds.mkdir()
    (preds / "a.json").write_text(json.dumps({"persons": ["Scott Bessent"]}), encoding="utf-8")
    fields = score_folder(folder, {}, pred_dir=preds).report.fields
    assert (fields["persons"].tp, fields["persons"].fn) == (1, 3)  # b.json missing: all of b missed
    assert fields["events"].fn == 2


def test_folder_names_a_broken_file_and_scores_the_rest(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "a", "b")
    (folder / "b.gold.json").write_text("{not json", encoding="utf-8")
    preds = tmp_path / "pred"
    preds.mkdir()
    heard: list[str] = []
    result = score_folder(folder, {}, pred_dir=preds, on_failure=lambda exc: heard.append(str(exc)))
    assert len(result.failures) == 1 and heard == [str(result.failures[0])]
    assert heard[0].startswith(str(folder / "b.gold.json")) and "not valid JSON" in heard[0]
    assert set(result.readings) == {"a"}


def test_folder_rejects_a_prediction_that_is_not_an_object(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "a")
    preds = tmp_path / "pred"
    preds.mkdir()
    (preds / "a.json").write_text("[1, 2]", encoding="utf-8")
    result = score_folder(folder, {}, pred_dir=preds)
    assert len(result.failures) == 1 and "JSON object" in str(result.failures[0])


def test_folder_without_gold_files_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match="no NAME.gold.json"):
        gold_files(tmp_path)
    with pytest.raises(GoldError, match="not a folder"):
        gold_files(tmp_path / "missing")


def test_folder_analysing_needs_knowledge(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="reader"):
        score_folder(_folder(tmp_path, "a"), {})
