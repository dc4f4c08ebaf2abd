"""The benchmarks keep running: each bench returns the figures the runner's contract promises.

Sizes are tiny, so no figure here means anything; times are never asserted.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.common import LANGUAGES, generate_corpus  # noqa: E402
from benchmarks.peers import parse_options  # noqa: E402


def test_generated_corpus_rotates_the_three_scripts() -> None:
    docs = generate_corpus(6)
    assert [d.name.removesuffix(".txt").split("-", 2)[2] for d in docs] == [*LANGUAGES, *LANGUAGES]
    hant = docs[1].text
    assert "lang: zh-Hant" in hant
    assert len({d.text for d in docs}) == 6


def test_options_default_and_parse() -> None:
    options = parse_options("x", ["--n", "7", "--corpus", "some/dir", "--unknown", "1"], default_n=3)
    assert (options.n, options.corpus, options.jieba_mb) == (7, Path("some/dir"), 0.5)
    assert parse_options("x", [], default_n=3).corpus is None


@pytest.mark.slow
@pytest.mark.parametrize("bench", ["pipeline", "extract"])
def test_bench_reports_every_language_and_the_mix(bench: str) -> None:
    pytest.importorskip("jieba")
    import importlib

    module = importlib.import_module(f"benchmarks.bench_{bench}")
    result = module.main(["--n", "6", "--jieba-seconds", "0.05", "--jieba-mb", "0.001"])
    assert result["n"] == 6
    for lang in LANGUAGES:
        assert result[f"{lang}_ratio_to_jieba_posseg"] > 0
    assert result["min_ratio_to_jieba_posseg"] <= result["mix_ratio_to_jieba_posseg"]
    assert result["peak_rss_mb"] > 0
    if bench == "extract":  # names, dates and amounts alone are a part of all the extractors: faster
        for lang in LANGUAGES:
            assert result[f"{lang}_entities_dates_quantities_ratio_to_jieba_posseg"] >= result[f"{lang}_ratio_to_jieba_posseg"]


def test_corpus_folder_is_repeated_to_the_size_asked(tmp_path: Path) -> None:
    from benchmarks.peers import Options, corpus_paths

    source = tmp_path / "src"
    source.mkdir()
    (source / "a.txt").write_text("中美双方在日内瓦举行会谈。", encoding="utf-8")
    (source / "b.txt").write_text("Talks were held in Geneva.", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    paths = corpus_paths(out, Options(n=5, corpus=source, jieba_mb=0.1, jieba_s=0.1))
    assert [p.name for p in paths] == ["00000-a.txt", "00001-b.txt", "00002-a.txt", "00003-b.txt", "00004-a.txt"]
