"""Ingest many inputs into the store on this machine, resumably, with one writer.

The run reads each input, skips documents already stored with the same analyzer and knowledge
versions *before* analysing them (the stored keys are loaded once), analyses the rest and commits
them ``settings.batch_size`` documents per transaction. So:

- a second run over the same inputs reads them and adds nothing (no pipeline, no writes);
- the same article in two files is stored once (documents are keyed by content hash);
- a document stored with another knowledge version is analysed again and its rows replaced in
  the same transaction that writes the new ones;
- Ctrl-C rolls back the open batch and raises ``IngestInterrupted`` with what was committed; a
  killed process leaves the last committed batch; in both cases running again resumes.

A bad input or a document whose analysis fails is recorded as a ``Failure`` (and in the store's
``failures`` table) and the run goes on: this is one of the three places where we catch broadly.

With ``workers > 1`` a process pool reads and analyses (``prepare_input``) while this process,
the only one that opens the store (DuckDB allows one writer), writes. Workers hand back rows, not
Analysis models: pickling the models costs more than analysing them.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from tealeaves.errors import StoreError, TealeavesError
from tealeaves.ingest import expand_inputs, read_input
from tealeaves.knowledge.base import KnowledgeBase
from tealeaves.pipeline import ANALYZER_VERSION, analyse
from tealeaves.settings import Settings
from tealeaves.store.db import Store, open_store
from tealeaves.store.repository import (
    Failure,
    StoredKey,
    clear_failures,
    get_stored_keys,
    save_failures,
    save_rows,
)
from tealeaves.store.rows import Row, analysis_rows

log = logging.getLogger(__name__)

DocRows = dict[str, list[Row]]


@dataclass(frozen=True)
class IngestSummary:
    """What a run did: documents newly stored, skipped because already stored, replaced after a
    version change, and inputs or documents that failed (with their one-line reasons).

    After an interrupt it counts only what was committed."""

    files: int = 0
    new: int = 0
    already_stored: int = 0
    replaced: int = 0
    failures: tuple[Failure, ...] = ()

    @property
    def failed(self) -> int:
        """How many inputs or documents failed."""
        return len(self.failures)

    @property
    def saved(self) -> int:
        """Documents written by this run (new plus replaced)."""
        return self.new + self.replaced


@dataclass(frozen=True)
class IngestProgress:
    """Reported after each input: how far the run is and the failures not reported before."""

    files_done: int
    files_total: int
    saved: int
    already_stored: int
    failed: int
    failures: tuple[Failure, ...] = ()


ProgressCallback = Callable[[IngestProgress], None]


class IngestInterrupted(KeyboardInterrupt):
    """Ctrl-C stopped the run; the open batch was rolled back and ``summary`` counts what was
    committed before it. Still a KeyboardInterrupt, so code that does not know it stops as usual."""

    def __init__(self, summary: IngestSummary) -> None:
        super().__init__(f"interrupted after {summary.saved} documents were saved")
        self.summary = summary


@dataclass(frozen=True)
class Prepared:
    """One input after reading and analysis: everything the writer needs, as plain values.

    ``read`` is False when the input itself failed; ``skipped`` counts documents that were already
    stored; ``documents`` holds ``(doc_id, label, rows)`` for the others.
    """

    path: str
    read: bool
    skipped: int = 0
    documents: tuple[tuple[str, str, DocRows], ...] = ()
    failures: tuple[Failure, ...] = ()


def prepare_input(path: Path, kb: KnowledgeBase, settings: Settings, stored: Callable[[str], bool]) -> Prepared:
    """Read ``path`` and analyse each document for which ``stored(doc_id)`` is False.

    Never raises for a bad input or a failing analysis: both come back as failures (the batch
    boundary of STYLE.md section 5), so one file cannot stop a run.
    """
    label = str(path)
    try:
        docs = read_input(path, kb, settings)
    except TealeavesError as exc:
        return Prepared(label, False, failures=(Failure(str(exc.path or path), exc.reason),))
    skipped = 0
    done: list[tuple[str, str, DocRows]] = []
    failures: list[Failure] = []
    seen: set[str] = set()
    for doc in docs:
        if doc.doc_id in seen or stored(doc.doc_id):
            skipped += 1
            continue
        seen.add(doc.doc_id)
        try:
            rows = analysis_rows(doc, analyse(doc, kb))
        except Exception as exc:  # the batch boundary: one document's bug must not stop the run
            log.debug("analysis of %s failed", label, exc_info=True)
            failures.append(Failure(label, f"analysis failed ({doc.doc_id[:12]}): {type(exc).__name__}: {exc}"))
            continue
        done.append((doc.doc_id, label, rows))
    return Prepared(label, True, skipped, tuple(done), tuple(failures))


@dataclass
class _Writer:
    """The writing side of a run: stored keys, the open batch, the counters."""

    store: Store
    settings: Settings
    stored: dict[str, StoredKey]
    key: StoredKey
    files_total: int
    on_progress: ProgressCallback | None = None
    pending: list[tuple[str, str, DocRows]] = field(default_factory=list)
    pending_failures: list[Failure] = field(default_factory=list)
    pending_ok_paths: list[str] = field(default_factory=list)
    in_batch: set[str] = field(default_factory=set)
    files: int = 0
    new: int = 0
    replaced: int = 0
    already_stored: int = 0
    failures: list[Failure] = field(default_factory=list)
    reported: int = 0

    def is_stored(self, doc_id: str) -> bool:
        """Whether ``doc_id`` is stored (or about to be) with the current versions."""
        return doc_id in self.in_batch or self.stored.get(doc_id) == self.key

    def summary(self) -> IngestSummary:
        return IngestSummary(self.files, self.new, self.already_stored, self.replaced, tuple(self.failures))

    def fail(self, failure: Failure) -> None:
        log.info("%s: %s", failure.path, failure.reason)
        self.failures.append(failure)
        self.pending_failures.append(failure)

    def take(self, prepared: Prepared) -> None:
        """Queue one prepared input for writing; commit when the batch is full; report progress."""
        if prepared.read:
            self.pending_ok_paths.append(prepared.path)
        for failure in prepared.failures:
            self.fail(failure)
        self.already_stored += prepared.skipped
        for doc_id, label, rows in prepared.documents:
            if self.is_stored(doc_id):  # the same article from another input of this run
                self.already_stored += 1
                continue
            self.pending.append((doc_id, label, rows))
            self.in_batch.add(doc_id)
            if len(self.pending) >= self.settings.batch_size:
                self.flush()
        self.files += 1
        self.report()

    def report(self) -> None:
        """Tell ``on_progress`` where the run is, with the failures not reported yet."""
        if self.on_progress is None:
            return
        fresh = tuple(self.failures[self.reported:])
        self.reported = len(self.failures)
        self.on_progress(
            IngestProgress(self.files, self.files_total, self.new + self.replaced, self.already_stored,
                           len(self.failures), fresh)
        )

    def flush(self) -> None:
        """Commit the open batch; if DuckDB refuses it, retry one document per transaction so that a
        bad document fails alone and the others are kept."""
        if not (self.pending or self.pending_failures or self.pending_ok_paths):
            return
        try:
            with self.store.transaction():
                save_rows(self.store, [rows for _, _, rows in self.pending])
                self._write_failures()
            committed = [doc_id for doc_id, _, _ in self.pending]
        except StoreError as exc:
            log.warning("batch of %d documents refused (%s); saving them one by one", len(self.pending), exc.reason)
            committed = []
            for doc_id, label, rows in self.pending:
                try:
                    save_rows(self.store, [rows])
                except StoreError as one:
                    self.fail(Failure(label, f"cannot store ({doc_id[:12]}): {one.reason}"))
                    continue
                committed.append(doc_id)
            with self.store.transaction():
                self._write_failures()
        for doc_id in committed:
            if doc_id in self.stored:
                self.replaced += 1
            else:
                self.new += 1
            self.stored[doc_id] = self.key
        self.pending.clear()
        self.in_batch.clear()
        self.pending_failures.clear()
        self.pending_ok_paths.clear()

    def _write_failures(self) -> None:
        clear_failures(self.store, self.pending_ok_paths)
        save_failures(self.store, self.pending_failures)


def default_workers() -> int:
    """One reading and analysing process per CPU this process may use, at most 4: beyond that the
    single writer is the limit."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(cpus, 4))


def _expand(paths: Sequence[str]) -> tuple[list[Path], list[Failure]]:
    """Every input file under ``paths``; an argument that cannot be expanded is a failure."""
    files: list[Path] = []
    failures: list[Failure] = []
    for arg in paths:
        try:
            files.extend(expand_inputs([arg]))
        except TealeavesError as exc:
            failures.append(Failure(str(exc.path or arg), exc.reason))
    return files, failures


def ingest_paths(
    paths: Sequence[str],
    db_path: Path,
    kb: KnowledgeBase,
    settings: Settings,
    on_progress: ProgressCallback | None = None,
    *,
    workers: int = 1,
) -> IngestSummary:
    """Store the analysis of every document under ``paths`` in the store at ``db_path``.

    Idempotent and resumable (see the module docstring). ``on_progress`` is called after each
    input file. ``workers`` > 1 reads and analyses in that many processes while this one writes.
    Raises StoreError when the store cannot be opened (locked, newer schema) and IngestInterrupted
    on Ctrl-C; input and analysis failures are returned, not raised.

    Example::

        summary = ingest_paths(["news/"], Path("tealeaves.duckdb"), load_knowledge(), Settings())
        summary.new, summary.already_stored, summary.failed  # (40, 0, 0)
    """
    files, failures = _expand(paths)
    key = StoredKey(ANALYZER_VERSION, kb.version)
    with open_store(db_path) as store:
        stored = get_stored_keys(store)
    pool: _Pool | None = None
    if workers > 1 and len(files) > _CHUNK:
        # started while the store is closed: a forked child must not inherit DuckDB's threads and locks
        pool = _Pool(files, kb, settings, frozenset(d for d, k in stored.items() if k == key), workers)
    try:
        with open_store(db_path) as store:
            writer = _Writer(store, settings, stored, key, len(files), on_progress)
            for failure in failures:
                writer.fail(failure)
            try:
                prepared: Iterable[Prepared] = (
                    pool if pool is not None else (prepare_input(p, kb, settings, writer.is_stored) for p in files)
                )
                for one in prepared:
                    writer.take(one)
                writer.flush()
                if writer.reported < len(writer.failures):
                    writer.report()
            except KeyboardInterrupt as exc:
                raise IngestInterrupted(writer.summary()) from exc
    finally:
        if pool is not None:
            pool.close()
    return writer.summary()


# --- the process pool ------------------------------------------------------------------------------

_CHUNK = 16
"""Inputs per task: large enough that pickling and scheduling cost little, small enough to keep
every worker busy to the end."""

_worker_context: tuple[KnowledgeBase, Settings, frozenset[str]] | None = None
"""Set once in each worker process by ``_init_worker``; never set in the writing process."""


def _init_worker(kb: KnowledgeBase, settings: Settings, stored: frozenset[str], parent: int) -> None:
    global _worker_context
    _worker_context = (kb, settings, stored)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the writer's to handle; it stops the pool

    def exit_when_orphaned() -> None:  # a killed writer must not leave workers behind
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=exit_when_orphaned, daemon=True).start()


def _prepare_chunk(paths: list[Path]) -> list[Prepared]:
    if _worker_context is None:
        raise RuntimeError("_prepare_chunk runs only in a worker started by _Pool")
    kb, settings, stored = _worker_context
    return [prepare_input(p, kb, settings, stored.__contains__) for p in paths]


class _Pool:
    """Workers preparing inputs in chunks; iterating yields Prepared inputs in input order.

    The workers start (fork) in the constructor, and at most two chunks per worker are in flight,
    so memory stays bounded however far the workers could run ahead of the writer.
    """

    def __init__(
        self, files: list[Path], kb: KnowledgeBase, settings: Settings, stored: frozenset[str], workers: int
    ) -> None:
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        chunks = [files[i:i + _CHUNK] for i in range(0, len(files), _CHUNK)]
        workers = min(workers, len(chunks))
        self._chunks = iter(chunks)
        self._executor = ProcessPoolExecutor(
            workers, mp_context=multiprocessing.get_context(method), initializer=_init_worker,
            initargs=(kb, settings, stored, os.getpid()),
        )
        self._inflight: deque[Future[list[Prepared]]] = deque()
        for chunk in self._chunks:
            self._inflight.append(self._executor.submit(_prepare_chunk, chunk))
            if len(self._inflight) >= 2 * workers:
                break

    def __iter__(self) -> Iterator[Prepared]:
        while self._inflight:
            results = self._inflight.popleft().result()
            following = next(self._chunks, None)
            if following is not None:
                self._inflight.append(self._executor.submit(_prepare_chunk, following))
            yield from results

    def close(self) -> None:
        """Stop the workers, dropping chunks not started (idempotent)."""
        self._executor.shutdown(wait=True, cancel_futures=True)
