"""Open the DuckDB store: connect, apply pending migrations, run transactions, turn DuckDB errors into StoreError.

This is the only module that imports duckdb, and only the store commands import it, so that
``tealeaves analyze`` never pays for loading DuckDB. DuckDB allows one writing process per file:
a second writer (or a reader while a writer is open) gets a one-line ``StoreError`` naming the
process that holds the lock.

Migrations are the numbered files ``migrations/NNNN_name.sql``. Each pending one runs inside its
own transaction together with its row in ``schema_migrations(version, name, applied_at)``, so a
failed migration leaves the database as it was. A database that records a version this code does
not know is refused ("newer than this tealeaves") rather than guessed at.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from tealeaves.errors import StoreError

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_MIGRATION_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")
_LOCK_PID = re.compile(r"\(PID (\d+)\)")

_BOOTSTRAP = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       VARCHAR NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
)
"""


@dataclass(frozen=True)
class Migration:
    """One numbered SQL file: ``0001_init.sql`` is version 1, name ``init``."""

    version: int
    name: str
    sql: str


def load_migrations(folder: Path = MIGRATIONS_DIR) -> tuple[Migration, ...]:
    """Read the migration files of ``folder`` in version order.

    Raises StoreError for a file that does not follow ``NNNN_name.sql`` or a version used twice,
    because applying an ambiguous history would be worse than not starting.
    """
    found: dict[int, Migration] = {}
    for path in sorted(folder.glob("*.sql")):
        m = _MIGRATION_NAME.match(path.name)
        if m is None:
            raise StoreError("migration file name must be NNNN_name.sql", path)
        version = int(m.group(1))
        if version in found:
            raise StoreError(f"migration version {version} is used twice", path)
        found[version] = Migration(version, m.group(2), path.read_text(encoding="utf-8"))
    return tuple(found[v] for v in sorted(found))


def _one_line(exc: BaseException) -> str:
    """The first line of a DuckDB message, which is the part a user can act on."""
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _open_error(exc: duckdb.Error, path: Path) -> StoreError:
    message = str(exc)
    if "Could not set lock" in message or "Conflicting lock" in message:
        pid = _LOCK_PID.search(message)
        holder = f" (PID {pid.group(1)})" if pid else ""
        return StoreError(
            f"the store is locked by another process{holder}; wait for it to finish or use another --db", path
        )
    if "not a valid DuckDB database" in message:
        return StoreError("not a tealeaves store (not a DuckDB database file)", path)
    return StoreError(f"cannot open the store: {_one_line(exc)}", path)


class Store:
    """An open store: one DuckDB connection, its path, and transactions.

    Use it as a context manager; closing it releases the file lock. ``execute`` turns any DuckDB
    error into a one-line StoreError, except an interrupt, which stays a KeyboardInterrupt so that
    Ctrl-C rolls back and stops.

    Example::

        with open_store(Path("tealeaves.duckdb")) as store:
            store.execute("SELECT count(*) FROM documents").fetchone()
    """

    def __init__(self, path: Path, connection: duckdb.DuckDBPyConnection, *, read_only: bool) -> None:
        self.path = path
        self.read_only = read_only
        self._conn = connection
        self._depth = 0

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> duckdb.DuckDBPyConnection:
        """Run one statement (or a script without parameters) and return the cursor for fetching."""
        try:
            if params is None:
                return self._conn.execute(sql)
            return self._conn.execute(sql, params)
        except duckdb.InterruptException as exc:
            raise KeyboardInterrupt from exc
        except duckdb.Error as exc:
            raise StoreError(_one_line(exc), self.path) from exc
        except RuntimeError as exc:
            # DuckDB 2 reports a Ctrl-C that lands inside a statement as a bare RuntimeError
            if "interrupted" in str(exc).lower():
                raise KeyboardInterrupt from exc
            raise

    @property
    def in_transaction(self) -> bool:
        """True inside a ``transaction()`` block."""
        return self._depth > 0

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        """Run the block in one transaction: commit when it ends, roll back on any exception
        (including KeyboardInterrupt) and re-raise it. A nested block joins the outer transaction,
        so a repository function called inside a batch commits with the batch."""
        if self._depth:
            self._depth += 1
            try:
                yield self
            finally:
                self._depth -= 1
            return
        self.execute("BEGIN TRANSACTION")
        self._depth = 1
        try:
            yield self
        except BaseException:
            self._depth = 0
            self._rollback()
            raise
        self._depth = 0
        try:
            self.execute("COMMIT")
        except BaseException:  # a failed or interrupted commit leaves nothing half-written behind
            self._rollback()
            raise

    def _rollback(self) -> None:
        try:
            self._conn.execute("ROLLBACK")
        except duckdb.Error:  # nothing to roll back: the failed statement already ended it
            log.debug("rollback found no open transaction in %s", self.path)

    def schema_version(self) -> int:
        """The highest migration version recorded in the database (0 for a new one)."""
        row = self.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()
        return int(row[0]) if row else 0

    def close(self) -> None:
        """Close the connection and release the file lock (idempotent)."""
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def open_store(path: Path, *, read_only: bool = False, migrations: Sequence[Migration] | None = None) -> Store:
    """Open (creating if needed) the store at ``path`` and bring its schema up to date.

    ``read_only`` opens an existing store without taking the writer lock (other readers may share
    it) and applies nothing: it raises StoreError when the file does not exist or its schema is
    older than this code. ``migrations`` defaults to the bundled files. Raises StoreError when the
    file is locked, is not a DuckDB database, records a migration newer than this code, or a
    migration fails (that migration is rolled back).

    Example::

        with open_store(Path("tealeaves.duckdb")) as store:
            save_analyses(store, [(doc, analysis)])
    """
    known = tuple(migrations) if migrations is not None else load_migrations()
    if read_only and not path.exists():
        raise StoreError("no store here; run `tealeaves ingest` first", path)
    if not read_only and not path.parent.exists():
        raise StoreError("the folder of the store does not exist", path)
    try:
        conn = duckdb.connect(str(path), read_only=read_only)
    except duckdb.Error as exc:
        raise _open_error(exc, path) from exc
    store = Store(path, conn, read_only=read_only)
    try:
        _migrate(store, known)
    except BaseException:
        store.close()
        raise
    return store


def _migrate(store: Store, known: Sequence[Migration]) -> None:
    latest = known[-1].version if known else 0
    if store.read_only:
        exists = store.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"
        ).fetchone()
        current = store.schema_version() if exists and exists[0] else 0
    else:
        store.execute(_BOOTSTRAP)
        current = store.schema_version()
    if current > latest:
        raise StoreError(
            f"the store is at schema version {current}, newer than this tealeaves (version {latest}); "
            "upgrade tealeaves",
            store.path,
        )
    pending = [m for m in known if m.version > current]
    if not pending:
        return
    if store.read_only:
        raise StoreError(
            f"the store is at schema version {current}, older than this tealeaves (version {latest}); "
            "run `tealeaves ingest` to upgrade it",
            store.path,
        )
    for migration in pending:
        try:
            with store.transaction():
                store.execute(migration.sql)
                store.execute(
                    "INSERT INTO schema_migrations (version, name) VALUES (?, ?)", [migration.version, migration.name]
                )
        except StoreError as exc:
            raise StoreError(
                f"migration {migration.version:04d}_{migration.name} failed: {exc.reason}", store.path
            ) from exc
        log.info("applied migration %04d_%s to %s", migration.version, migration.name, store.path)
