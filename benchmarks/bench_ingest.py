"""Ingest throughput against reading the same files, re-ingest against a read-only scan, peak
memory, and the cold start of ``tealeaves analyze``.

Figures (all measured in this run, on the same generated corpus; median of ``--repeats`` after
one warm-up; ``*_ratio`` = seconds of the work / seconds of its baseline):

- ``read_*``: the baseline, reading and decoding every file (``bytes.decode("utf-8")``);
- ``scan_*``: reading the files through the readers into Documents (decode, front matter, NFC,
  sentences, content hash), no pipeline and no store: what a re-ingest cannot avoid;
- ``ingest_*``: ``ingest_paths`` into a fresh store in one process (read, analyse, write), and
  ``ingest_wN_*`` the same with N worker processes (``--workers``, default as the CLI's);
- ``pipeline_docs_per_s`` / ``store_docs_per_s``: the two halves of ingest on their own
  (``analyse`` only; ``save_analyses`` only), on up to 2000 documents held in memory;
- ``reingest_*``: ``ingest_paths`` again over the stored corpus (everything is skipped);
  ``reingest_vs_scan`` should stay close to 1;
- ``cli_*``: one ``tealeaves ingest`` process over the corpus (default workers); ``peak_rss_mb``
  is that writer process's peak resident memory, ``cli_peak_tree_pss_mb`` the peak of the writer
  and its workers together (PSS, so pages shared after fork count once);
- ``cold_start_s``: ``tealeaves analyze`` of one short article in a fresh interpreter, against
  ``python_startup_s`` (an interpreter that does nothing); ``analyze_imports_duckdb`` must be False.

Options: ``--n`` documents (default 10000; ``--n 1000`` for a quick run), ``--repeats``, ``--workers``.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.common import generate_corpus, peak_rss_mb, run_measured, time_median, write_corpus

SHORT_ARTICLE = "---\ntitle: cold start\npublished: 2026-03-14\nlang: zh\n---\n贝森特将于3月14日在巴黎会见中方代表。\n"


def main(argv: list[str]) -> dict[str, Any]:
    """Run the ingest benchmark and return its figures (see the module docstring)."""
    from tealeaves.batch.local import default_workers

    parser = argparse.ArgumentParser(prog="bench_ingest")
    parser.add_argument("--n", type=int, default=10_000, help="documents in the generated corpus")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--workers", type=int, default=default_workers())
    args, _ = parser.parse_known_args(argv)

    from tealeaves.batch.local import ingest_paths
    from tealeaves.ingest import read_input
    from tealeaves.knowledge.loader import load_knowledge
    from tealeaves.settings import Settings

    kb = load_knowledge()
    settings = Settings()
    n, workers = args.n, args.workers
    work = Path(tempfile.mkdtemp(prefix="tealeaves-bench-"))
    try:
        corpus_dir = work / "corpus"
        files = write_corpus(corpus_dir, generate_corpus(n))
        mb = sum(p.stat().st_size for p in files) / 1e6
        db = work / "store.duckdb"

        def read_all() -> None:
            for p in files:
                p.read_bytes().decode("utf-8")

        def scan_all() -> None:
            for p in files:
                read_input(p, kb, settings)

        def fresh_store() -> None:
            for leftover in (db, db.with_name(db.name + ".wal")):
                leftover.unlink(missing_ok=True)

        def ingest_with(k: int) -> None:
            summary = ingest_paths([str(corpus_dir)], db, kb, settings, workers=k)
            assert summary.new == n and summary.failed == 0, summary

        def reingest_all() -> None:
            summary = ingest_paths([str(corpus_dir)], db, kb, settings)
            assert summary.new == 0 and summary.already_stored == n, summary

        parts = _parts(files[: min(n, 2000)], work / "parts.duckdb", kb, settings, args.repeats)
        pooled = time_median(lambda: ingest_with(workers), repeats=args.repeats, setup=fresh_store)
        ingest = time_median(lambda: ingest_with(1), repeats=args.repeats, setup=fresh_store)
        # the baselines right before the re-ingest, in the same process state (heap size, caches)
        read = time_median(read_all, repeats=args.repeats)
        scan = time_median(scan_all, repeats=args.repeats)
        reingest = time_median(reingest_all, repeats=args.repeats)
        bench_peak = peak_rss_mb()
        store_mb = db.stat().st_size / 1e6

        cli = run_measured([sys.executable, "-m", "tealeaves", "ingest", str(corpus_dir), "--db", str(work / "cli.duckdb")])
        if cli.code != 0:
            raise RuntimeError(f"tealeaves ingest failed ({cli.code}): {cli.stderr.strip()[-300:]}")
        cold, python_startup, imports_duckdb = _cold_start(work, args.repeats)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    return {
        "n": n,
        "corpus_mb": round(mb, 2),
        "read_docs_per_s": n / read.median_s,
        "scan_docs_per_s": n / scan.median_s,
        "scan_ratio": scan.median_s / read.median_s,
        "ingest_docs_per_s": n / ingest.median_s,
        "ingest_mb_per_s": mb / ingest.median_s,
        "ingest_ratio": ingest.median_s / read.median_s,
        f"ingest_w{workers}_docs_per_s": n / pooled.median_s,
        f"ingest_w{workers}_mb_per_s": mb / pooled.median_s,
        f"ingest_w{workers}_ratio": pooled.median_s / read.median_s,
        **parts,
        "reingest_docs_per_s": n / reingest.median_s,
        "reingest_ratio": reingest.median_s / read.median_s,
        "reingest_vs_scan": reingest.median_s / scan.median_s,
        "store_mb": round(store_mb, 2),
        "cli_ingest_s": cli.seconds,
        "cli_ingest_docs_per_s": n / cli.seconds,
        "peak_rss_mb": round(cli.peak_rss_mb, 1),
        "cli_peak_tree_pss_mb": round(cli.peak_tree_pss_mb, 1),
        "bench_process_peak_rss_mb": round(bench_peak, 1),
        "cold_start_s": cold,
        "python_startup_s": python_startup,
        "analyze_imports_duckdb": imports_duckdb,
    }


def _parts(files: list[Path], db: Path, kb: Any, settings: Any, repeats: int) -> dict[str, float]:
    """Where ingest time goes, on a subset held in memory: the pipeline alone, and the store alone
    (``save_analyses`` of the analysed documents into a fresh store, in batches as ingest does)."""
    from tealeaves.ingest import read_input
    from tealeaves.pipeline import analyse
    from tealeaves.store.db import open_store
    from tealeaves.store.repository import save_analyses

    docs = [doc for p in files for doc in read_input(p, kb, settings)]
    analysed = [(doc, analyse(doc, kb)) for doc in docs]

    def analyse_all() -> None:
        for doc in docs:
            analyse(doc, kb)

    def fresh() -> None:
        for leftover in (db, db.with_name(db.name + ".wal")):
            leftover.unlink(missing_ok=True)

    def save_all() -> None:
        with open_store(db) as store:
            for i in range(0, len(analysed), settings.batch_size):
                save_analyses(store, analysed[i:i + settings.batch_size])

    pipeline = time_median(analyse_all, repeats=repeats)
    store = time_median(save_all, repeats=repeats, setup=fresh)
    items = sum(
        len(a.mentions) + len(a.dates) + len(a.quantities) + len(a.events) + len(a.cues) + len(a.signals)
        for _, a in analysed
    )
    return {
        "parts_n": len(docs),
        "pipeline_docs_per_s": len(docs) / pipeline.median_s,
        "store_docs_per_s": len(docs) / store.median_s,
        "items_per_doc": items / max(len(analysed), 1),
    }


def _cold_start(work: Path, repeats: int) -> tuple[float, float, bool]:
    """Median seconds of ``python -m tealeaves analyze`` on one short article and of a bare
    interpreter, and whether analyze imported duckdb (it must not)."""
    article = work / "short.txt"
    article.write_text(SHORT_ARTICLE, encoding="utf-8")

    def run(argv: list[str]) -> float:
        t0 = time.perf_counter()
        done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        seconds = time.perf_counter() - t0
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(argv)} failed ({done.returncode}): {done.stderr.strip()[-300:]}")
        return seconds

    analyze = [sys.executable, "-m", "tealeaves", "analyze", str(article), "--format", "json"]
    bare = [sys.executable, "-c", "pass"]
    run(analyze)  # warm-up: file cache, .pyc files
    cold = statistics.median(run(analyze) for _ in range(repeats))
    startup = statistics.median(run(bare) for _ in range(repeats))
    probe = (
        "import sys\nfrom tealeaves.cli import app\n"
        f"try:\n    app(['analyze', {str(article)!r}, '--format', 'json'])\nexcept SystemExit:\n    pass\n"
        "print('duckdb' in sys.modules, file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    imports_duckdb = done.stderr.strip().splitlines()[-1:] == ["True"]
    return cold, startup, imports_duckdb


if __name__ == "__main__":
    from benchmarks.common import emit

    emit("ingest", main(sys.argv[1:]))
