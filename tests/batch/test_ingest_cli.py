"""``tealeaves ingest``: summary and exit codes, per-file errors, Ctrl-C and SIGKILL leave a resumable store."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import psutil
import pytest
from typer.testing import CliRunner

from tealeaves.cli import app
from tealeaves.store.db import open_store
from tealeaves.store.rows import COLUMNS

runner = CliRunner()

SENTENCES = {
    "zh": "美国财政部宣布,财长贝森特将于3月14日在巴黎会见中方代表。中方承诺今年采购1200万吨美国大豆。",
    "en": "Treasury Secretary Scott Bessent will meet Chinese officials in Paris on March 14. "
          "China pledged to buy 12 million tonnes of US soybeans this year.",
}


def write_corpus(folder: Path, n: int) -> Path:
    """``n`` short articles of ours, alternating zh and en, each made distinct by its number."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        lang = "zh" if i % 2 == 0 else "en"
        (folder / f"a{i:04d}.txt").write_text(
            f"---\ntitle: t{i}\npublished: 2026-03-14\nlang: {lang}\n---\nNo. {i}. {SENTENCES[lang]}\n", encoding="utf-8"
        )
    return folder


def dump(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    with open_store(db, read_only=True) as store:
        return {t: sorted(store.execute(f"SELECT {', '.join(c)} FROM {t}").fetchall(), key=repr) for t, c in COLUMNS.items()}


def duplicate_items(db: Path) -> int:
    """Rows that repeat a (doc_id, position) key in any table: 0 in a consistent store."""
    keys = {"documents": "doc_id", "sentences": "doc_id, sentence"}
    total = 0
    with open_store(db, read_only=True) as store:
        for table in COLUMNS:
            key = keys.get(table, "doc_id, seq")
            row = store.execute(f"SELECT count(*) - count(DISTINCT ({key})) FROM {table}").fetchone()
            total += row[0] if row else 0
    return total


def test_cli_ingest_twice_reports_new_then_already_stored(tmp_path: Path) -> None:
    corpus, db = write_corpus(tmp_path / "in", 4), tmp_path / "t.duckdb"
    first = runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    assert first.exit_code == 0, first.output
    assert first.stdout.startswith("4 new, 0 already stored, 0 replaced, 0 failed")
    second = runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    assert second.exit_code == 0
    assert second.stdout.startswith("0 new, 4 already stored, 0 replaced, 0 failed")


def test_cli_ingest_bad_file_prints_path_and_reason_and_exits_1(tmp_path: Path) -> None:
    corpus, db = write_corpus(tmp_path / "in", 3), tmp_path / "t.duckdb"
    empty = corpus / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    assert result.exit_code == 1
    (line,) = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert line.startswith(f"{empty}: ")
    assert result.stdout.startswith("3 new, 0 already stored, 0 replaced, 1 failed")


def test_cli_ingest_newer_store_is_one_line_error(tmp_path: Path) -> None:
    corpus, db = write_corpus(tmp_path / "in", 1), tmp_path / "t.duckdb"
    with open_store(db) as store:
        store.execute("INSERT INTO schema_migrations (version, name) VALUES (9999, 'future')")
    result = runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    assert result.exit_code == 1
    assert result.stderr.strip().count("\n") == 0 and "newer than this tealeaves" in result.stderr


def test_cli_analyze_does_not_import_duckdb(tmp_path: Path) -> None:
    one = write_corpus(tmp_path / "in", 1) / "a0000.txt"
    code = (
        "import sys\nfrom tealeaves.cli import app\n"
        f"try:\n    app(['analyze', {str(one)!r}, '--format', 'json'])\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
        "print('duckdb' in sys.modules, file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stderr.strip().splitlines()[-1] == "False"


# --- interrupted runs, in a real process ---------------------------------------------------------


def _start(corpus: Path, db: Path, workers: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tealeaves", "ingest", str(corpus), "--db", str(db), "--batch-size", "2",
         "--workers", str(workers)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def _wait_for_commits(proc: subprocess.Popen[str], db: Path, documents: int = 4, timeout_s: float = 60) -> None:
    """Wait until the write-ahead log holds the paths of ``documents`` stored articles (with
    ``--batch-size 2``, at least one whole batch is committed): the store is then mid-run, with
    commits behind it and more to come. Growth of the log alone is no sign: creating the schema
    writes to it too, and a run killed then has committed nothing."""
    wal = db.with_name(db.name + ".wal")
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        assert proc.poll() is None, "the run ended before it could be interrupted"
        try:
            logged = wal.read_bytes()
        except FileNotFoundError:
            logged = b""
        if len(set(_STORED_NAME.findall(logged))) >= documents:
            return
        time.sleep(0.005)
    raise AssertionError("no commits seen in time")


_STORED_NAME = re.compile(rb"a\d{4}\.txt")
"""A stored article's file name (write_corpus names them a0000.txt ...) as the log records its path."""


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sig", "workers"), [(signal.SIGKILL, 1), (signal.SIGKILL, 2), (signal.SIGINT, 2)],
    ids=["sigkill-1-process", "sigkill-2-workers", "sigint-2-workers"],
)
def test_cli_ingest_interrupted_run_resumes_to_the_clean_result(tmp_path: Path, sig: signal.Signals, workers: int) -> None:
    corpus, db, clean = write_corpus(tmp_path / "in", 300), tmp_path / "t.duckdb", tmp_path / "clean.duckdb"
    proc = _start(corpus, db, workers)
    _wait_for_commits(proc, db)
    children = psutil.Process(proc.pid).children()
    assert len(children) == (workers if workers > 1 else 0)
    os.kill(proc.pid, sig)
    _, stderr = proc.communicate(timeout=60)
    _, alive = psutil.wait_procs(children, timeout=10)
    assert alive == [], "workers outlived the writer"
    if sig == signal.SIGKILL:
        assert proc.returncode == -signal.SIGKILL
    else:
        assert proc.returncode == 130
        assert "Run the same command again to resume" in stderr
    with open_store(db, read_only=True) as store:
        row = store.execute("SELECT count(*) FROM documents").fetchone()
    saved = row[0] if row else 0
    assert 0 < saved < 300

    resumed = subprocess.run(
        [sys.executable, "-m", "tealeaves", "ingest", str(corpus), "--db", str(db)], capture_output=True, text=True
    )
    assert resumed.returncode == 0, resumed.stderr
    assert resumed.stdout.startswith(f"{300 - saved} new, {saved} already stored, 0 replaced, 0 failed")
    subprocess.run([sys.executable, "-m", "tealeaves", "ingest", str(corpus), "--db", str(clean)], check=True,
                   capture_output=True)
    assert dump(db) == dump(clean)
    assert duplicate_items(db) == 0
