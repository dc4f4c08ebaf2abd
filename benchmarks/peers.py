"""Baselines that the extraction benchmarks are stated against, measured in the same run.

- jieba's ``posseg`` part-of-speech tagging of the same text: the tool most users reach for first.
  Articles are tagged one by one, as a user would: one long concatenated string makes jieba's
  Viterbi pass super-linear and would understate its speed thirtyfold. Its speed depends on the
  script (measured here: about 0.2-0.3 MB/s on simplified Chinese, 0.5-0.6 on English, 0.003 on
  traditional Chinese), so every figure is given per language.
- The raw limit: read the files, decode them and make one compiled-regex pass (what no analysis can
  beat in Python).
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks.common import generate_corpus, time_median, write_corpus

if TYPE_CHECKING:
    from tealeaves.knowledge.base import KnowledgeBase
    from tealeaves.model import Document

_ANY_DIGIT_OR_CJK = re.compile(r"[0-9\u4e00-\u9fff]+")


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


@dataclass(frozen=True)
class Options:
    """The options the extraction benchmarks share.

    ``n``: generated documents; ``corpus``: a folder of real articles to use instead (any format
    tealeaves reads, e.g. ``../shared/eval/dev``), repeated until it reaches ``n`` documents;
    ``jieba_mb`` and ``jieba_s``: jieba tags each language's texts in order until it has done
    ``jieba_mb`` MB or spent ``jieba_s`` seconds, whichever comes first (it runs at 0.003 MB/s on
    traditional Chinese, where a fixed size would take minutes).
    """

    n: int
    corpus: Path | None
    jieba_mb: float
    jieba_s: float


def parse_options(prog: str, argv: list[str], *, default_n: int) -> Options:
    """Parse ``--n``, ``--corpus``, ``--jieba-mb`` and ``--jieba-seconds`` (see Options)."""
    import argparse

    parser = argparse.ArgumentParser(prog=prog)
    parser.add_argument("--n", type=int, default=default_n)
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--jieba-mb", type=float, default=0.5)
    parser.add_argument("--jieba-seconds", type=float, default=8.0)
    args, _ = parser.parse_known_args(argv)
    return Options(args.n, args.corpus, args.jieba_mb, args.jieba_seconds)


def corpus_paths(folder: Path, options: Options) -> list[Path]:
    """The article files to time: the generated corpus written into ``folder``, or the files of
    ``options.corpus`` copied into it as often as needed to reach ``options.n`` documents."""
    import shutil

    from tealeaves.ingest import expand_inputs

    if options.corpus is None:
        return write_corpus(folder, generate_corpus(options.n))
    found = list(expand_inputs([str(options.corpus)]))
    if not found:
        raise SystemExit(f"{options.corpus}: no article files")
    paths: list[Path] = []
    for i in range(max(options.n, len(found))):
        source = found[i % len(found)]
        target = folder / f"{i:05d}-{source.name}"
        shutil.copyfile(source, target)
        paths.append(target)
    return paths


def language_of(doc: Document) -> str:
    """``zh-Hans``, ``zh-Hant``, ``en`` or another language code: the key of per-language figures."""
    if doc.meta.lang == "zh":
        return doc.meta.script or "zh-Hans"
    return doc.meta.lang


def by_language(paths: Sequence[Path], docs_of: Callable[[Path], list[Document]]) -> dict[str, list[Path]]:
    """Group ``paths`` by the language of their first document, languages in a stable order."""
    groups: dict[str, list[Path]] = {}
    for path in paths:
        docs = docs_of(path)
        if docs:
            groups.setdefault(language_of(docs[0]), []).append(path)
    return dict(sorted(groups.items()))


def ready_knowledge() -> KnowledgeBase:
    """The bundled knowledge base with every lazy index built and frozen out of the collector's
    generations, as the CLI does (``cli._load_kb``)."""
    import gc

    from tealeaves.knowledge.loader import load_knowledge

    kb = load_knowledge()
    analyse_once(kb)
    gc.freeze()
    return kb


def jieba_mb_per_s(texts: Sequence[str], mb: float, budget_s: float) -> float:
    """jieba.posseg's speed in MB/s, tagging ``texts`` article by article in order until ``mb`` MB
    are done or ``budget_s`` seconds spent (at least one article)."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    list(jieba.posseg.cut("预热一下分词器"))
    done_mb = 0.0
    spent = 0.0
    for text in texts:
        if done_mb and (done_mb >= mb or spent >= budget_s):
            break
        t0 = time.perf_counter()
        for _ in jieba.posseg.cut(text):
            pass
        spent += time.perf_counter() - t0
        done_mb += megabytes(text)
    return done_mb / spent


def analyse_once(kb: KnowledgeBase) -> None:
    """Analyse one short article of ours, so every lazily built index exists before timing starts."""
    import datetime as dt

    from tealeaves.model import DocumentMeta
    from tealeaves.pipeline import analyse
    from tealeaves.text.document import build_document

    for lang, body in (("zh", "2026年3月14日"), ("en", "Talks were held in Paris on March 14, 2026.")):
        analyse(build_document(body, DocumentMeta(published=dt.date(2026, 3, 15), lang=lang), kb), kb)
