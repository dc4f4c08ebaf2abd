"""Time each extractor on a few MB of generated text; state it against jieba.posseg and the raw limit.

Documents are built (NFC, sentences) before timing: that is the baseline part of the work. Each
extractor then runs over every document; events run with the mentions, dates and quantities found
beforehand, so each row times one stage alone. Options: ``--n`` documents (default 2000, about
2 MB), ``--jieba-mb`` how much of the text jieba tags (default 0.5 MB; its speed is per MB).
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from benchmarks.common import generate_corpus, peak_rss_mb, time_median, write_corpus
from benchmarks.peers import jieba_mb_per_s, megabytes, parse_size, raw_limit_seconds, ready_knowledge


def main(argv: list[str]) -> dict[str, Any]:
    """Run the extraction benchmark and return its figures (see the module docstring)."""
    from tealeaves.extract.cues import extract_cues
    from tealeaves.extract.dates import extract_dates
    from tealeaves.extract.entities import extract_entities
    from tealeaves.extract.events import extract_events
    from tealeaves.extract.quantities import extract_quantities
    from tealeaves.ingest import read_input
    from tealeaves.settings import Settings

    n, jieba_mb = parse_size("bench_extract", argv, default_n=2000)
    kb = ready_knowledge()
    settings = Settings()
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_corpus(Path(tmp), generate_corpus(n))
        docs = [d for p in paths for d in read_input(p, kb, settings)]
        raw_s = raw_limit_seconds(paths)
    text_mb = sum(megabytes(d.text) for d in docs)
    mentions = {d.doc_id: extract_entities(d, kb) for d in docs}
    dates = {d.doc_id: extract_dates(d, kb) for d in docs}
    quantities = {d.doc_id: extract_quantities(d, kb) for d in docs}

    stages = {
        "entities": lambda: [extract_entities(d, kb) for d in docs],
        "dates": lambda: [extract_dates(d, kb) for d in docs],
        "quantities": lambda: [extract_quantities(d, kb) for d in docs],
        "cues": lambda: [extract_cues(d, kb) for d in docs],
        "events": lambda: [
            extract_events(d, kb, mentions=mentions[d.doc_id], dates=dates[d.doc_id], quantities=quantities[d.doc_id])
            for d in docs
        ],
    }
    result: dict[str, Any] = {"n": len(docs), "text_mb": round(text_mb, 3)}
    total_s = 0.0
    for name, run in stages.items():
        seconds = time_median(run).median_s
        total_s += seconds
        result[f"{name}_mb_per_s"] = round(text_mb / seconds, 2)
    jieba_mb_s = jieba_mb_per_s([d.text for d in docs], jieba_mb)
    extract_mb_s = text_mb / total_s
    result.update(
        {
            "extractors_mb_per_s": round(extract_mb_s, 2),
            "jieba_posseg_mb_per_s": round(jieba_mb_s, 3),
            "raw_limit_mb_per_s": round(text_mb / raw_s, 2),
            "ratio_to_jieba_posseg": round(extract_mb_s / jieba_mb_s, 1),
            "ratio_to_raw_limit": round(extract_mb_s / (text_mb / raw_s), 3),
            "peak_rss_mb": round(peak_rss_mb(), 1),
        }
    )
    return result
