"""The command line: help for every command, README names every command, errors are one line + exit 1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from tealeaves.cli import app

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def _commands() -> list[str]:
    group = typer.main.get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


def test_cli_every_command_has_help_and_is_in_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in _commands():
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Usage" in result.output
        assert f"tealeaves {name}" in readme, f"README.md does not show `tealeaves {name}`"


def test_cli_has_the_issue_commands() -> None:
    assert {"analyze", "ingest", "events", "demo", "schema", "eval"} <= set(_commands())


def test_cli_schema_prints_json_schema_of_analysis() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "Analysis"
    assert {"events", "signals", "mentions", "dates", "quantities"} <= set(schema["properties"])


def test_cli_analyze_eval_format_evidence_is_substring(tmp_path: Path) -> None:
    article = tmp_path / "talks.txt"
    body = "美国财长贝森特3月14日在巴黎会见中方代表。双方同意继续磋商。"
    article.write_text(f"---\ntitle: t\npublished: 2026-03-15\nlang: zh\n---\n{body}\n", encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(article), "--format", "eval"])
    assert result.exit_code == 0, result.output
    prediction = json.loads(result.stdout)
    assert set(prediction) == {"persons", "organizations", "places", "dates", "quantities", "events", "signals"}
    assert "Scott Bessent" in prediction["persons"]
    for field in ("quantities", "events", "signals"):
        for item in prediction[field]:
            assert item["evidence"] in body


def test_cli_analyze_out_dir_writes_name_json(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("---\npublished: 2026-03-15\nlang: zh\n---\n中美会谈。\n", encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(tmp_path / "in"), "--format", "eval", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert json.loads((tmp_path / "out" / "a.json").read_text(encoding="utf-8"))["persons"] == []


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG")],
)
def test_cli_bad_input_is_one_line_and_exit_1(tmp_path: Path, content: bytes, reason: str) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("---\npublished: 2026-03-15\nlang: zh\n---\n中美会谈。\n", encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(bad), str(good), "--format", "jsonl"])
    assert result.exit_code == 1
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith(f"{bad}: ") and reason.lower() in lines[0].lower()
    assert len(result.stdout.strip().splitlines()) == 1  # the good file was still analysed


def test_cli_missing_path_is_reported(tmp_path: Path) -> None:
    result = runner.invoke(app, ["analyze", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert str(tmp_path / "nope.txt") in result.stderr


def test_cli_eval_rejects_folder_without_gold(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", str(tmp_path)])
    assert result.exit_code == 1
    assert "no NAME.gold.json" in result.stderr
