"""The whole analysis (every stage) in MB/s and articles/s on one core, against jieba.posseg tagging
of the same text and the raw limit (read + decode + one regex pass), all in the same run.

The timed work starts from the files: read, decode, build the document (sentences) and run
``pipeline.analyse``. Every figure is given per language (``zh-Hans_*``, ``zh-Hant_*``, ``en_*``),
because jieba's speed differs a hundredfold between scripts, and for the whole mix (``mix_*``:
total MB over total seconds, jieba's seconds being each language's MB at its own speed);
``min_ratio_to_jieba_posseg`` is the worst language. Options (``benchmarks.peers.parse_options``):
``--n`` documents (default 1200), ``--corpus DIR`` real articles instead of the generated ones,
``--jieba-mb``, ``--jieba-seconds``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from benchmarks.common import peak_rss_mb, time_median
from benchmarks.peers import by_language, corpus_paths, jieba_mb_per_s, megabytes, parse_options, raw_limit_seconds, ready_knowledge


def main(argv: list[str]) -> dict[str, Any]:
    """Run the pipeline benchmark and return its figures (see the module docstring)."""
    from tealeaves.ingest import read_input
    from tealeaves.pipeline import analyse
    from tealeaves.settings import Settings

    options = parse_options("bench_pipeline", argv, default_n=1200)
    kb = ready_knowledge()
    settings = Settings()
    result: dict[str, Any] = {"corpus": str(options.corpus or "generated")}
    with tempfile.TemporaryDirectory() as tmp:
        paths = corpus_paths(Path(tmp), options)
        groups = by_language(paths, lambda p: list(read_input(p, kb, settings)))
        total_mb = total_s = jieba_s = 0.0
        total_docs = 0
        ratios = []
        for lang, group in groups.items():
            texts = [d.text for p in group for d in read_input(p, kb, settings)]
            mb = sum(megabytes(t) for t in texts)

            def run(group: list[Path] = group) -> int:
                return sum(len(analyse(d, kb).events) for p in group for d in read_input(p, kb, settings))

            seconds = time_median(run).median_s
            jieba_rate = jieba_mb_per_s(texts, options.jieba_mb, options.jieba_s)
            ratio = (mb / seconds) / jieba_rate
            ratios.append(ratio)
            result.update(
                {
                    f"{lang}_n": len(texts),
                    f"{lang}_mb": round(mb, 3),
                    f"{lang}_pipeline_mb_per_s": round(mb / seconds, 2),
                    f"{lang}_articles_per_s": round(len(texts) / seconds, 1),
                    f"{lang}_jieba_posseg_mb_per_s": round(jieba_rate, 4),
                    f"{lang}_ratio_to_jieba_posseg": round(ratio, 1),
                }
            )
            total_mb += mb
            total_s += seconds
            jieba_s += mb / jieba_rate
            total_docs += len(texts)
        raw_s = raw_limit_seconds(paths)
    result.update(
        {
            "n": total_docs,
            "text_mb": round(total_mb, 3),
            "mix_pipeline_mb_per_s": round(total_mb / total_s, 2),
            "mix_articles_per_s": round(total_docs / total_s, 1),
            "mix_jieba_posseg_mb_per_s": round(total_mb / jieba_s, 4),
            "mix_ratio_to_jieba_posseg": round(jieba_s / total_s, 1),
            "min_ratio_to_jieba_posseg": round(min(ratios), 1),
            "raw_limit_mb_per_s": round(total_mb / raw_s, 2),
            "ratio_to_raw_limit": round(raw_s / total_s, 3),
            "peak_rss_mb": round(peak_rss_mb(), 1),
        }
    )
    return result
