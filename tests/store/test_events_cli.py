"""``tealeaves events``: filters, the three output formats, and errors as exit codes."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tealeaves.cli import app
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.model import Analysis, DocumentMeta, Event, EventType, Mention, MentionKind, Modality
from tealeaves.store.db import open_store
from tealeaves.store.repository import save_analyses
from tealeaves.text.document import build_document
from tealeaves.text.evidence import evidence_at

runner = CliRunner()

TEXT = "贝森特将于3月14日在巴黎会见中方代表。美方宣布对中国商品加征关税。中方对此表示坚决反对。"


@pytest.fixture()
def db(tmp_path: Path, kb: KnowledgeBase) -> Path:
    doc = build_document(TEXT, DocumentMeta(published=dt.date(2026, 3, 12), lang="zh", title="ours"), kb)

    def at(phrase: str) -> tuple[int, int]:
        return doc.text.index(phrase), doc.text.index(phrase) + len(phrase)

    analysis = Analysis(
        doc_id=doc.doc_id, meta=doc.meta, analyzer_version="test", kb_version="kb", sentences=doc.sentences,
        mentions=(Mention(kind=MentionKind.PERSON, actor_id="scott_bessent", name="Scott Bessent", state="USA",
                          evidence=evidence_at(doc, *at("贝森特"))),),
        events=(
            Event(type=EventType.CONSULT, source="USA", target="CHN", modality=Modality.PLANNED, date="2026-03-14",
                  place="Paris", evidence=evidence_at(doc, *at("贝森特将于3月14日在巴黎会见中方代表"))),
            Event(type=EventType.SANCTION, source="USA", target="CHN", evidence=evidence_at(doc, *at("加征关税"))),
            Event(type=EventType.ACCUSE, source="CHN", target="USA", date="2026-04",
                  evidence=evidence_at(doc, *at("表示坚决反对"))),
        ),
    )
    path = tmp_path / "t.duckdb"
    with open_store(path) as store:
        save_analyses(store, [(doc, analysis)])
    return path


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ([], ["SANCTION", "CONSULT", "ACCUSE"]),
        (["--type", "sanction"], ["SANCTION"]),
        (["--actor", "Bessent"], ["CONSULT"]),
        (["--actor", "usa", "--since", "2026-03-13"], ["CONSULT", "ACCUSE"]),
        (["--since", "2026-04"], ["ACCUSE"]),
        (["--until", "2026-03"], ["SANCTION", "CONSULT"]),
        (["--since", "2027"], []),
        (["--limit", "1"], ["SANCTION"]),
    ],
)
def test_cli_events_json_filters(db: Path, options: list[str], expected: list[str]) -> None:
    result = runner.invoke(app, ["events", "--db", str(db), "--format", "json", *options])
    assert result.exit_code == 0, result.output
    assert [e["type"] for e in json.loads(result.stdout)] == expected


def test_cli_events_json_carries_evidence_offsets(db: Path) -> None:
    result = runner.invoke(app, ["events", "--db", str(db), "--format", "json", "--type", "CONSULT"])
    (event,) = json.loads(result.stdout)
    assert TEXT[event["span_start"]:event["span_end"]] == event["evidence"]
    assert (event["source"], event["target"], event["modality"], event["date"], event["place"], event["published"]) == (
        "USA", "CHN", "planned", "2026-03-14", "Paris", "2026-03-12")


def test_cli_events_csv_parses_with_header(db: Path) -> None:
    result = runner.invoke(app, ["events", "--db", str(db), "--format", "csv"])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["type"] for r in rows] == ["SANCTION", "CONSULT", "ACCUSE"]
    assert rows[1]["evidence"] == "贝森特将于3月14日在巴黎会见中方代表"


def test_cli_events_csv_without_matches_is_header_only(db: Path) -> None:
    result = runner.invoke(app, ["events", "--db", str(db), "--format", "csv", "--type", "AID"])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].startswith("doc_id,published,") and len(result.stdout.splitlines()) == 1


def test_cli_events_table_shows_dyad_and_evidence(db: Path) -> None:
    result = runner.invoke(app, ["events", "--db", str(db)], terminal_width=200)
    assert result.exit_code == 0
    assert "3 events" in result.stdout and "USA → CHN" in result.stdout and "加征关税" in result.stdout


def test_cli_events_missing_store_exits_1_with_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1
    assert result.stderr.strip().count("\n") == 0 and "no store here" in result.stderr


@pytest.mark.parametrize("options", [["--type", "HUG"], ["--since", "March"], ["--until", "2026-13"], ["--since", "2026/2027"]])
def test_cli_events_bad_option_is_usage_error(db: Path, options: list[str]) -> None:
    assert runner.invoke(app, ["events", "--db", str(db), *options]).exit_code == 2
