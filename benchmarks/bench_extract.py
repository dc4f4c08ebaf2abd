"""Time each extractor on a few MB of text; state it against jieba.posseg and the raw limit.

Documents are built (NFC, sentences) before timing: that is the baseline part of the work. Each
extractor then runs over every document; events run with the mentions, dates and quantities found
beforehand, so each row times one stage alone. Per stage the figure is for the whole mix; the
extractors together are also given per language (``zh-Hans_*``, ``zh-Hant_*``, ``en_*``) against
jieba on that language, with ``min_ratio_to_jieba_posseg`` the worst (see bench_pipeline), and so are
entities, dates and quantities alone (``*_entities_dates_quantities_ratio_to_jieba_posseg``). Options
(``benchmarks.peers.parse_options``): ``--n`` documents (default 2400, about 4 MB), ``--corpus DIR``,
``--jieba-mb``, ``--jieba-seconds``.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from benchmarks.common import peak_rss_mb, time_median
from benchmarks.peers import corpus_paths, jieba_mb_per_s, language_of, megabytes, parse_options, raw_limit_seconds, ready_knowledge


def main(argv: list[str]) -> dict[str, Any]:
    """Run the extraction benchmark and return its figures (see the module docstring)."""
    from tealeaves.ingest import read_input
    from tealeaves.settings import Settings

    options = parse_options("bench_extract", argv, default_n=2400)
    kb = ready_knowledge()
    settings = Settings()
    with tempfile.TemporaryDirectory() as tmp:
        paths = corpus_paths(Path(tmp), options)
        docs = [d for p in paths for d in read_input(p, kb, settings)]
        raw_s = raw_limit_seconds(paths)
    text_mb = sum(megabytes(d.text) for d in docs)
    result: dict[str, Any] = {"corpus": str(options.corpus or "generated"), "n": len(docs), "text_mb": round(text_mb, 3)}
    total_s = 0.0
    for name, run in _stages(docs, kb).items():
        seconds = time_median(run).median_s
        total_s += seconds
        result[f"{name}_mb_per_s"] = round(text_mb / seconds, 2)
    extract_mb_s = text_mb / total_s
    result.update({"extractors_mb_per_s": round(extract_mb_s, 2), "raw_limit_mb_per_s": round(text_mb / raw_s, 2)})

    languages = sorted({language_of(d) for d in docs})
    jieba_s = together_s = knowledge_total_s = 0.0
    ratios = []
    for lang in languages:
        group = [d for d in docs if language_of(d) == lang]
        mb = sum(megabytes(d.text) for d in group)
        by_stage = {name: time_median(run).median_s for name, run in _stages(group, kb).items()}
        seconds = sum(by_stage.values())
        knowledge_s = sum(by_stage[name] for name in KNOWLEDGE_STAGES)
        jieba_rate = jieba_mb_per_s([d.text for d in group], options.jieba_mb, options.jieba_s)
        ratio = (mb / seconds) / jieba_rate
        ratios.append(ratio)
        together_s += seconds
        knowledge_total_s += knowledge_s
        jieba_s += mb / jieba_rate
        result.update(
            {
                f"{lang}_extractors_mb_per_s": round(mb / seconds, 2),
                f"{lang}_jieba_posseg_mb_per_s": round(jieba_rate, 4),
                f"{lang}_ratio_to_jieba_posseg": round(ratio, 1),
                f"{lang}_entities_dates_quantities_ratio_to_jieba_posseg": round((mb / knowledge_s) / jieba_rate, 1),
            }
        )
    result.update(
        {
            "mix_ratio_to_jieba_posseg": round(jieba_s / together_s, 1),
            "mix_entities_dates_quantities_ratio_to_jieba_posseg": round(jieba_s / knowledge_total_s, 1),
            "min_ratio_to_jieba_posseg": round(min(ratios), 1),
            "ratio_to_raw_limit": round(raw_s / total_s, 3),
            "peak_rss_mb": round(peak_rss_mb(), 1),
        }
    )
    return result


KNOWLEDGE_STAGES = ("entities", "dates", "quantities")
"""The extractors of names, dates and amounts (the knowledge-base issue's own), also given as one
group: cues and events (the event coder) come on top of them."""


def _stages(docs: Sequence[Any], kb: Any) -> dict[str, Callable[[], object]]:
    """One callable per extractor over ``docs``; events get the other extractors' output, found once."""
    from tealeaves.extract.cues import extract_cues
    from tealeaves.extract.dates import extract_dates
    from tealeaves.extract.entities import extract_entities
    from tealeaves.extract.events import extract_events
    from tealeaves.extract.quantities import extract_quantities

    found = [(d, extract_entities(d, kb), extract_dates(d, kb), extract_quantities(d, kb)) for d in docs]
    # each result is dropped once counted, as ingest drops an analysis once stored: keeping thousands
    # alive would time the garbage collector walking them, not the extractor
    return {
        "entities": lambda: sum(len(extract_entities(d, kb)) for d in docs),
        "dates": lambda: sum(len(extract_dates(d, kb)) for d in docs),
        "quantities": lambda: sum(len(extract_quantities(d, kb)) for d in docs),
        "cues": lambda: sum(len(extract_cues(d, kb)) for d in docs),
        "events": lambda: sum(len(extract_events(d, kb, mentions=m, dates=t, quantities=q)) for d, m, t, q in found),
    }
