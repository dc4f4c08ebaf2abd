"""Opening the store: migrations applied once and recorded, newer or locked stores refused in one line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tealeaves.errors import StoreError
from tealeaves.store.db import Migration, load_migrations, open_store


def _tables(path: Path) -> set[str]:
    with open_store(path, read_only=True) as store:
        return {r[0] for r in store.execute("SELECT table_name FROM information_schema.tables").fetchall()}


def test_db_applies_bundled_migrations_once_across_connections(tmp_path: Path) -> None:
    db = tmp_path / "t.duckdb"
    for _ in range(3):
        with open_store(db) as store:
            rows = store.execute("SELECT version, name FROM schema_migrations ORDER BY version").fetchall()
    assert rows == [(m.version, m.name) for m in load_migrations()]
    assert {"documents", "sentences", "mentions", "dates", "quantities", "events", "cues", "signals", "failures"} <= _tables(db)


def test_db_refuses_store_newer_than_this_code(tmp_path: Path) -> None:
    db = tmp_path / "t.duckdb"
    with open_store(db) as store:
        store.execute("INSERT INTO schema_migrations (version, name) VALUES (9999, 'future')")
    for read_only in (False, True):
        with pytest.raises(StoreError, match="newer than this tealeaves") as info:
            open_store(db, read_only=read_only)
        assert "\n" not in str(info.value) and str(db) in str(info.value)


def test_db_failed_migration_rolls_back_and_names_it(tmp_path: Path) -> None:
    db = tmp_path / "t.duckdb"
    good = Migration(1, "first", "CREATE TABLE a (x INTEGER);")
    bad = Migration(2, "broken", "CREATE TABLE b (x INTEGER); INSERT INTO missing_table VALUES (1);")
    with pytest.raises(StoreError, match="migration 0002_broken failed"):
        open_store(db, migrations=[good, bad])
    with open_store(db, migrations=[good]) as store:
        assert store.schema_version() == 1
    assert "a" in _tables(db) and "b" not in _tables(db)


def test_db_read_only_store_older_than_code_asks_for_ingest(tmp_path: Path) -> None:
    db = tmp_path / "t.duckdb"
    open_store(db, migrations=[]).close()
    with pytest.raises(StoreError, match="run `tealeaves ingest` to upgrade"):
        open_store(db, read_only=True)


@pytest.mark.parametrize(
    ("content", "read_only", "message"),
    [
        (None, True, "no store here"),
        (b"this is not a database\n" * 200, False, "not a tealeaves store"),
    ],
)
def test_db_unusable_file_is_one_line_store_error(tmp_path: Path, content: bytes | None, read_only: bool, message: str) -> None:
    db = tmp_path / "t.duckdb"
    if content is not None:
        db.write_bytes(content)
    with pytest.raises(StoreError, match=message) as info:
        open_store(db, read_only=read_only)
    assert "\n" not in str(info.value)


def test_db_locked_store_is_one_line_store_error(tmp_path: Path) -> None:
    db = tmp_path / "t.duckdb"
    open_store(db).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb, sys; c = duckdb.connect({str(db)!r}); print('ready', flush=True); sys.stdin.read()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match=f"locked by another process \\(PID {holder.pid}\\)") as info:
            open_store(db)
        assert "\n" not in str(info.value)
    finally:
        holder.communicate("")
    with open_store(db) as store:  # released with the holder
        assert store.schema_version() >= 1


def test_db_transaction_rolls_back_on_interrupt(tmp_path: Path) -> None:
    db = tmp_path / "t.duckdb"
    with open_store(db) as store:
        with store.transaction():
            store.execute("INSERT INTO failures (path, reason) VALUES ('kept.txt', 'r')")
        with pytest.raises(KeyboardInterrupt), store.transaction():
            store.execute("INSERT INTO failures (path, reason) VALUES ('lost.txt', 'r')")
            raise KeyboardInterrupt
    with open_store(db, read_only=True) as store:
        assert store.execute("SELECT path FROM failures").fetchall() == [("kept.txt",)]


def test_db_bad_statement_is_store_error_naming_the_store(tmp_path: Path) -> None:
    db = tmp_path / "t.duckdb"
    with open_store(db) as store, pytest.raises(StoreError, match="no_such_table") as info:
        store.execute("SELECT * FROM no_such_table")
    assert str(info.value).startswith(str(db)) and "\n" not in str(info.value)


@pytest.mark.parametrize("name", ["init.sql", "01_init.sql", "0001-init.sql"])
def test_load_migrations_rejects_misnamed_file(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text("SELECT 1;", encoding="utf-8")
    with pytest.raises(StoreError, match="NNNN_name.sql"):
        load_migrations(tmp_path)
