"""The whole analysis (every stage) in MB/s and articles/s on one core, against jieba.posseg tagging
of the same text and the raw limit (read + decode + one regex pass), all in the same run.

The timed work starts from the files: read, decode, build the document (sentences) and run
``pipeline.analyse``. Options: ``--n`` documents (default 1000), ``--jieba-mb`` (default 0.5).
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from benchmarks.common import generate_corpus, peak_rss_mb, time_median, write_corpus
from benchmarks.peers import jieba_mb_per_s, megabytes, parse_size, raw_limit_seconds, ready_knowledge


def main(argv: list[str]) -> dict[str, Any]:
    """Run the pipeline benchmark and return its figures (see the module docstring)."""
    from tealeaves.ingest import read_input
    from tealeaves.pipeline import analyse
    from tealeaves.settings import Settings

    n, jieba_mb = parse_size("bench_pipeline", argv, default_n=1000)
    kb = ready_knowledge()
    settings = Settings()
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_corpus(Path(tmp), generate_corpus(n))
        texts = [d.text for p in paths for d in read_input(p, kb, settings)]
        text_mb = sum(megabytes(t) for t in texts)

        def run() -> int:
            return sum(len(analyse(d, kb).events) for p in paths for d in read_input(p, kb, settings))

        seconds = time_median(run).median_s
        raw_s = raw_limit_seconds(paths)
    jieba_mb_s = jieba_mb_per_s(texts, jieba_mb)
    pipeline_mb_s = text_mb / seconds
    return {
        "n": len(texts),
        "text_mb": round(text_mb, 3),
        "pipeline_mb_per_s": round(pipeline_mb_s, 2),
        "articles_per_s": round(len(texts) / seconds, 1),
        "jieba_posseg_mb_per_s": round(jieba_mb_s, 3),
        "raw_limit_mb_per_s": round(text_mb / raw_s, 2),
        "ratio_to_jieba_posseg": round(pipeline_mb_s / jieba_mb_s, 1),
        "ratio_to_raw_limit": round(pipeline_mb_s / (text_mb / raw_s), 3),
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }
