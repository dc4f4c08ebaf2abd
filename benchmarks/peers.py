"""Baselines that the extraction benchmarks are stated against, measured in the same run.

- jieba's ``posseg`` part-of-speech tagging of the same text: the tool most users reach for first.
- The raw limit: read the files, decode them and make one compiled-regex pass (what no analysis can
  beat in Python).
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks.common import time_median

if TYPE_CHECKING:
    from tealeaves.knowledge.base import KnowledgeBase

_ANY_DIGIT_OR_CJK = re.compile(r"[0-9\u4e00-\u9fff]+")


def jieba_posseg_seconds(texts: Sequence[str], *, repeats: int = 1) -> float:
    """Median seconds for jieba.posseg to tag each of ``texts`` (its dictionary loaded beforehand,
    untimed). Articles are tagged one by one, as a user would: one long concatenated string makes
    jieba's Viterbi pass super-linear and would understate its speed thirtyfold."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    list(jieba.posseg.cut("预热一下分词器"))
    return time_median(lambda: sum(1 for t in texts for _ in jieba.posseg.cut(t)), repeats=repeats, warmup=0).median_s


def first_megabytes(texts: Sequence[str], mb: float) -> list[str]:
    """The leading texts of ``texts`` that together reach ``mb`` MB (at least one)."""
    out: list[str] = []
    total = 0.0
    for t in texts:
        if out and total >= mb:
            break
        out.append(t)
        total += megabytes(t)
    return out


def raw_limit_seconds(paths: Sequence[Path]) -> float:
    """Median seconds to read, decode and scan ``paths`` once with a compiled regex."""

    def run() -> int:
        n = 0
        for p in paths:
            n += len(_ANY_DIGIT_OR_CJK.findall(p.read_bytes().decode("utf-8")))
        return n

    return time_median(run).median_s


def megabytes(text: str) -> float:
    """Size of ``text`` in UTF-8, in MB (10^6 bytes)."""
    return len(text.encode("utf-8")) / 1e6


def now() -> float:
    """A monotonic clock in seconds."""
    return time.perf_counter()


def parse_size(prog: str, argv: list[str], *, default_n: int) -> tuple[int, float]:
    """The ``--n`` (documents) and ``--jieba-mb`` options shared by the extraction benchmarks."""
    import argparse

    parser = argparse.ArgumentParser(prog=prog)
    parser.add_argument("--n", type=int, default=default_n)
    parser.add_argument("--jieba-mb", type=float, default=0.5)
    args, _ = parser.parse_known_args(argv)
    return args.n, args.jieba_mb


def ready_knowledge() -> KnowledgeBase:
    """The bundled knowledge base with every lazy index built and frozen out of the collector's
    generations, as the CLI does (``cli._load_kb``)."""
    import gc

    from tealeaves.knowledge.loader import load_knowledge

    kb = load_knowledge()
    analyse_once(kb)
    gc.freeze()
    return kb


def jieba_mb_per_s(texts: Sequence[str], mb: float) -> float:
    """jieba.posseg's speed in MB/s over the leading ``mb`` MB of ``texts``, article by article."""
    sample = first_megabytes(texts, mb)
    return sum(megabytes(t) for t in sample) / jieba_posseg_seconds(sample)


def analyse_once(kb: KnowledgeBase) -> None:
    """Analyse one short article of ours, so every lazily built index exists before timing starts."""
    import datetime as dt

    from tealeaves.model import DocumentMeta
    from tealeaves.pipeline import analyse
    from tealeaves.text.document import build_document

    for lang, body in (("zh", "2026年3月14日"), ("en", "Talks were held in Paris on March 14, 2026.")):
        analyse(build_document(body, DocumentMeta(published=dt.date(2026, 3, 15), lang=lang), kb), kb)
