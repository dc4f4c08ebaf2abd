"""Save analyses to the store and read back what the CLI and services need.

Documents are keyed by ``doc_id`` and carry the ``(analyzer_version, kb_version)`` that produced
their rows. Saving is replace-by-document: the rows of every document being saved are deleted and
written again inside one transaction, so saving the same analysis twice leaves the same rows as
saving it once, and a re-analysis after a knowledge change never leaves old and new rows side by
side.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from tealeaves.model import Analysis, Document
from tealeaves.store.db import Store
from tealeaves.store.rows import COLUMNS, ITEM_TABLES, Row, analysis_rows

TABLES = (*COLUMNS, "failures")
"""Every data table of the store (``schema_migrations`` aside)."""


class StoredKey(NamedTuple):
    """The versions a stored document was analysed with; equal keys mean there is nothing to redo."""

    analyzer_version: str
    kb_version: str


class Failure(NamedTuple):
    """An input that could not be stored, and why (one line, as the CLI prints it)."""

    path: str
    reason: str


def _insert(store: Store, table: str, rows: Sequence[Row]) -> None:
    """Append ``rows`` to ``table`` in one statement.

    The rows go in as one list per column, unnested by DuckDB: about twenty times faster than
    ``executemany``, which binds one row at a time.
    """
    if not rows:
        return
    columns = COLUMNS[table]
    lists = [list(col) for col in zip(*rows, strict=True)]
    select = ", ".join("unnest(?)" for _ in columns)
    store.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT * FROM (SELECT {select})", lists)


def _delete_documents(store: Store, doc_ids: Sequence[str]) -> None:
    """Delete every row of the given documents that are stored (the others cost one index probe)."""
    if not doc_ids:
        return
    stored = [r[0] for r in store.execute(
        "SELECT doc_id FROM documents WHERE doc_id IN (SELECT unnest(?))", [list(doc_ids)]
    ).fetchall()]
    if not stored:
        return
    for table in (*ITEM_TABLES, "documents"):
        store.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest(?))", [stored])


def save_analyses(store: Store, results: Sequence[tuple[Document, Analysis]]) -> None:
    """Write each ``(document, analysis)`` pair, replacing whatever is stored for its doc_id, in
    one transaction (or inside the caller's open one).

    A doc_id given twice is written once (the first pair wins). Raises StoreError when DuckDB
    refuses a row; the transaction then rolls back and nothing of this call is kept.

    Example::

        with open_store(Path("tealeaves.duckdb")) as store:
            save_analyses(store, [(doc, analyse(doc, kb))])
    """
    save_rows(store, [analysis_rows(doc, analysis) for doc, analysis in results])


def save_rows(store: Store, documents: Sequence[Mapping[str, Sequence[Row]]]) -> None:
    """Write documents already flattened by ``rows.analysis_rows``, as ``save_analyses`` does.

    This is the form a batch worker can hand to the writing process cheaply: plain tuples pickle
    about thirty times faster than the pydantic models they come from.
    """
    seen: set[str] = set()
    tables: dict[str, list[Row]] = {t: [] for t in COLUMNS}
    for rows in documents:
        doc_id = rows["documents"][0][0]
        if doc_id in seen:
            continue
        seen.add(doc_id)
        for table, table_rows in rows.items():
            tables[table].extend(table_rows)
    if not seen:
        return
    with store.transaction():
        _delete_documents(store, list(seen))
        for table in COLUMNS:
            _insert(store, table, tables[table])


def get_stored_keys(store: Store) -> dict[str, StoredKey]:
    """Every stored doc_id with its versions, read in one query so that a batch run can skip what
    is stored before running the pipeline."""
    rows = store.execute("SELECT doc_id, analyzer_version, kb_version FROM documents").fetchall()
    return {doc_id: StoredKey(av, kv) for doc_id, av, kv in rows}


def get_analysis(store: Store, doc_id: str) -> Analysis | None:
    """The stored Analysis of ``doc_id``, exactly as it was saved; None when it is not stored."""
    row = store.execute("SELECT analysis FROM documents WHERE doc_id = ?", [doc_id]).fetchone()
    return Analysis.model_validate_json(row[0]) if row else None


def get_document(store: Store, doc_id: str) -> Document | None:
    """The stored Document of ``doc_id`` (body, metadata, sentences), so that it can be analysed
    again without its file; None when it is not stored."""
    row = store.execute("SELECT body, analysis FROM documents WHERE doc_id = ?", [doc_id]).fetchone()
    if row is None:
        return None
    analysis = Analysis.model_validate_json(row[1])
    return Document(doc_id=doc_id, meta=analysis.meta, text=row[0], sentences=analysis.sentences)


def save_failures(store: Store, failures: Iterable[Failure]) -> None:
    """Record failed inputs; a path that fails again keeps only its latest reason."""
    latest = {f.path: f.reason for f in failures}
    if not latest:
        return
    with store.transaction():
        paths = list(latest)
        store.execute("DELETE FROM failures WHERE path IN (SELECT unnest(?))", [paths])
        store.execute(
            "INSERT INTO failures (path, reason) SELECT * FROM (SELECT unnest(?), unnest(?))",
            [paths, [latest[p] for p in paths]],
        )


def clear_failures(store: Store, paths: Iterable[str]) -> None:
    """Forget earlier failures of inputs that have now been read."""
    wanted = sorted(set(paths))
    if wanted:
        store.execute("DELETE FROM failures WHERE path IN (SELECT unnest(?))", [wanted])


def get_failures(store: Store) -> list[Failure]:
    """Recorded failures, by path."""
    return [Failure(p, r) for p, r in store.execute("SELECT path, reason FROM failures ORDER BY path").fetchall()]


def count_rows(store: Store) -> dict[str, int]:
    """Row count of every data table, for summaries and consistency checks."""
    counts: dict[str, int] = {}
    for table in TABLES:
        row = store.execute(f"SELECT count(*) FROM {table}").fetchone()
        counts[table] = int(row[0]) if row else 0
    return counts


# --- events --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EventFilter:
    """Which stored events to list; a None field does not filter.

    ``actor`` matches, case-insensitively: the event's source or target alpha-3 (``USA``); or a
    person or organization mentioned in the event's evidence sentence, by actor id
    (``scott_bessent``), full name (``Scott Bessent``) or one whole word of the name
    (``Bessent``). ``since``/``until`` keep events whose period overlaps the range; an event
    without its own date is placed on its article's publication day, and one with neither is
    left out by a date filter.
    """

    type: str | None = None
    actor: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    limit: int | None = None


@dataclass(frozen=True)
class StoredEvent:
    """One stored event with the article it comes from."""

    doc_id: str
    published: dt.date | None
    title: str | None
    path: str | None
    type: str
    source: str | None
    target: str | None
    modality: str
    date: str | None
    place: str | None
    cue: str
    sentence: int
    span_start: int
    span_end: int
    evidence: str


_EVENT_SELECT = """
SELECT e.doc_id, d.published, d.title, d.path, e.type, e.source, e.target, e.modality, e.date, e.place, e.cue,
       e.sentence, e.span_start, e.span_end, e.evidence
FROM events e JOIN documents d USING (doc_id)
"""

_ACTOR_MATCH = """(
    upper(e.source) = upper(?) OR upper(e.target) = upper(?)
    OR EXISTS (
        SELECT 1 FROM mentions m
        WHERE m.doc_id = e.doc_id AND m.sentence = e.sentence AND m.kind IN ('person', 'organization')
          AND (lower(m.actor_id) = lower(?) OR lower(m.name) = lower(?)
               OR list_contains(string_split(lower(m.name), ' '), lower(?)))
    )
)"""


def query_events(store: Store, filters: EventFilter) -> list[StoredEvent]:
    """Stored events matching ``filters`` (see EventFilter for what each field matches), ordered
    by date (undated last), then article and position.

    Example::

        query_events(store, EventFilter(type="SANCTION", actor="CHN", since=date(2025, 1, 1)))
    """
    where: list[str] = []
    params: list[Any] = []
    if filters.type is not None:
        where.append("upper(e.type) = upper(?)")
        params.append(filters.type)
    if filters.actor is not None:
        where.append(_ACTOR_MATCH)
        params.extend([filters.actor] * 5)
    if filters.since is not None:
        where.append("coalesce(e.date_to, d.published) >= ?")
        params.append(filters.since)
    if filters.until is not None:
        where.append("coalesce(e.date_from, d.published) <= ?")
        params.append(filters.until)
    sql = _EVENT_SELECT
    if where:
        sql += "WHERE " + " AND ".join(where) + "\n"
    sql += "ORDER BY coalesce(e.date_from, d.published) NULLS LAST, e.doc_id, e.seq"
    if filters.limit is not None:
        sql += " LIMIT ?"
        params.append(filters.limit)
    return [StoredEvent(*row) for row in store.execute(sql, params).fetchall()]
