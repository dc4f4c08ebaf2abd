"""Shared helpers of the benchmarks: a generated corpus, timing, peak memory, reporting.

The corpus is built from sentences we wrote for this purpose (never third-party article text),
mixed with a fixed seed, a third each in simplified Chinese, traditional Chinese and English, in
the ``---`` front-matter format of SCHEMA.md. Sentences name real actors, dates, amounts and
actions so that the extractors have work to do; their content is invented. They are denser in
such items than real news (every sentence has several), so figures on real articles
(``--corpus DIR``) are higher.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SEED = 20260314
"""The seed of every generated corpus, so runs compare like with like."""

ZH_SENTENCES = (
    "美国财政部3月12日对外通报,财长贝森特将于3月14日在巴黎会见中方代表。",
    "商务部新闻发言人表示,中方坚决反对美方将多家中国企业列入实体清单。",
    "美方宣布自下月起对价值2000亿美元的中国商品加征25%的关税。",
    "中方承诺今年采购1200万吨美国大豆,并在未来三年每年采购2500万吨。",
    "外交部发言人说,台湾问题是中国核心利益中的核心,是不可逾越的红线。",
    "双方同意于3月底到4月初举行新一轮经贸磋商。",
    "海关总署数据显示,去年10月中国自美进口农产品同比增长12.5%。",
    "如果美方执意升级贸易摩擦,中方将不得不采取必要的反制措施。",
    "美国贸易代表办公室宣布对中国半导体产业启动301调查。",
    "国务院关税税则委员会决定暂停对部分美国商品加征的关税,为期一年。",
    "中美双方在日内瓦发表联合声明,同意大幅降低双边关税。",
    "商务部表示,中方对美方出口管制措施提出严正交涉。",
    "据报道,被中方制裁的国务卿卢比奥拟随同访问北京。",
    "美方称中方未履行第一阶段协议中的采购承诺,中方对此予以驳斥。",
    "美国农民和企业希望两国尽快达成协议,恢复对华出口。",
    "中方宣布对原产于美国的部分稀土相关物项实施出口管制。",
    "去年中国自美国进口的大豆总量约为2200万吨。",
    "美国总统特朗普表示,他计划在4月访华并与中国领导人会晤。",
    "中方恢复对美国猪肉和禽肉企业的出口注册。",
    "双方将于今年年底前就市场准入问题继续沟通。",
)

EN_SENTENCES = (
    "Treasury Secretary Scott Bessent will meet Chinese officials in Paris on March 14.",
    "The Commerce Department added 12 Chinese companies to the Entity List on Tuesday.",
    "Washington said it would impose a 25% tariff on $200 billion of Chinese goods from next month.",
    "China pledged to buy 12 million tonnes of US soybeans this year and 25 million tonnes a year after that.",
    "A foreign ministry spokesperson said Taiwan is a red line that must not be crossed.",
    "The two sides agreed to hold a new round of trade talks in late March or early April.",
    "Customs data showed imports of US farm goods rose 12.5% in October last year.",
    "Beijing warned that it would retaliate if Washington escalated the dispute.",
    "The US Trade Representative opened a Section 301 investigation into China's chip industry.",
    "China suspended the additional tariffs on some US goods for one year.",
    "After talks in Geneva, both governments issued a joint statement cutting tariffs sharply.",
    "The Ministry of Commerce lodged stern representations over the new export controls.",
    "Secretary of State Marco Rubio, who is under Chinese sanctions, may join the delegation.",
    "US officials accused China of failing to meet its purchase commitments, a claim Beijing rejected.",
    "Farmers in Iowa urged the administration to reach a deal and reopen the Chinese market.",
    "China announced export controls on several rare earth items of US origin.",
    "China imported about 22 million tonnes of American soybeans last year.",
    "President Donald Trump said he planned to visit Beijing in April.",
    "Beijing restored the export registrations of US pork and poultry plants.",
    "Both sides will keep talking about market access before the end of the year.",
)


@dataclass(frozen=True)
class GeneratedDoc:
    """One generated article: a file name and its full text (front matter and body)."""

    name: str
    text: str


LANGUAGES = ("zh-Hans", "zh-Hant", "en")
"""The three scripts of the generated corpus, in turn: the mix tealeaves reads (simplified Chinese,
traditional Chinese as Taiwan and Hong Kong outlets write it, English)."""


def generate_corpus(n: int, *, seed: int = SEED, min_sentences: int = 8, max_sentences: int = 30) -> list[GeneratedDoc]:
    """``n`` articles, a third in each of :data:`LANGUAGES` in turn, each a seeded shuffle of our
    sentences in paragraphs. The traditional-Chinese articles are our simplified sentences converted
    with OpenCC's ``s2tw`` profile, as a Taiwanese outlet would print them.

    Every article is distinct (its number is in the title and the first line), so that ingest
    stores ``n`` documents; published dates spread over 2025-2026 so relative dates resolve. The
    language is the last part of the file name stem (``bench-00001-zh-Hant.txt``).
    """
    import opencc

    to_hant = opencc.OpenCC("s2tw")
    pools = {
        "zh-Hans": ZH_SENTENCES,
        "zh-Hant": tuple(to_hant.convert(s) for s in ZH_SENTENCES),
        "en": EN_SENTENCES,
    }
    rng = random.Random(seed)
    docs: list[GeneratedDoc] = []
    start = dt.date(2025, 1, 1)
    for i in range(n):
        lang = LANGUAGES[i % len(LANGUAGES)]
        pool = pools[lang]
        zh = lang != "en"
        k = rng.randint(min_sentences, max_sentences)
        chosen = [pool[rng.randrange(len(pool))] for _ in range(k)]
        joiner = "" if zh else " "
        paragraphs = [joiner.join(chosen[j:j + 3]) for j in range(0, k, 3)]
        lead = to_hant.convert(f"第{i}号测试稿。") if lang == "zh-Hant" else f"第{i}号测试稿。" if zh else f"Test dispatch number {i}."
        published = start + dt.timedelta(days=rng.randrange(730))
        front = (
            f"---\nurl: https://example.org/bench/{i}\ntitle: bench {i}\npublished: {published.isoformat()}\n"
            f"source: tealeaves benchmark\nlang: {lang}\n---\n"
        )
        docs.append(GeneratedDoc(f"bench-{i:05d}-{lang}.txt", front + lead + "\n" + "\n".join(paragraphs) + "\n"))
    return docs


def write_corpus(folder: Path, docs: Sequence[GeneratedDoc]) -> list[Path]:
    """Write ``docs`` as UTF-8 files in ``folder`` (created) and return their paths in order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for doc in docs:
        path = folder / doc.name
        path.write_text(doc.text, encoding="utf-8")
        paths.append(path)
    return paths


@dataclass(frozen=True)
class Timing:
    """Seconds of each timed repeat (the warm-up excluded) and their median."""

    runs: tuple[float, ...]

    @property
    def median_s(self) -> float:
        """The median of the repeats."""
        return statistics.median(self.runs)


def time_median(fn: Callable[[], Any], *, repeats: int = 5, warmup: int = 1, setup: Callable[[], Any] | None = None) -> Timing:
    """Run ``fn`` ``warmup`` times untimed, then ``repeats`` times timed; ``setup`` runs untimed
    before every call (for example to give each run a fresh database)."""
    for _ in range(warmup):
        if setup is not None:
            setup()
        fn()
    runs = []
    for _ in range(repeats):
        if setup is not None:
            setup()
        t0 = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t0)
    return Timing(tuple(runs))


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MiB (Linux reports kB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


@dataclass(frozen=True)
class Measured:
    """A finished command: exit code, wall seconds, memory, and what it wrote on stderr.

    ``peak_rss_mb`` is the main process's own high-water mark (``VmHWM``); ``peak_tree_pss_mb``
    the largest sum of proportional set sizes over the process and its children seen while polling
    (shared copy-on-write pages of forked workers counted once), 0.0 where PSS is unavailable.
    """

    code: int
    seconds: float
    peak_rss_mb: float
    peak_tree_pss_mb: float
    stderr: str


def run_measured(argv: Sequence[str], *, cwd: Path | None = None, poll_s: float = 0.05) -> Measured:
    """Run a command to completion, polling its memory (see Measured).

    ``ru_maxrss`` from ``wait4`` would not do for the peak: on Linux a forked child inherits the
    parent's high-water mark across ``exec``, so every child would look as large as the benchmark.
    """
    import psutil

    errors = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # a pipe could fill up while we poll
    t0 = time.perf_counter()
    proc = subprocess.Popen(list(argv), cwd=cwd, stdout=subprocess.DEVNULL, stderr=errors, text=True)
    status = Path(f"/proc/{proc.pid}/status")
    main = psutil.Process(proc.pid)
    peak_kb = 0
    peak_tree = 0
    while proc.poll() is None:
        try:
            if status.exists():
                for line in status.read_text().splitlines():
                    if line.startswith("VmHWM:"):
                        peak_kb = max(peak_kb, int(line.split()[1]))
            else:
                peak_kb = max(peak_kb, main.memory_info().rss // 1024)
            tree = [main, *main.children(recursive=True)]
            peak_tree = max(peak_tree, sum(getattr(p.memory_full_info(), "pss", 0) for p in tree))
        except (OSError, ValueError, psutil.Error):  # a process exited between poll() and the read
            pass
        time.sleep(poll_s)
    seconds = time.perf_counter() - t0
    with errors:
        errors.seek(0)
        stderr = errors.read()
    return Measured(proc.returncode, seconds, peak_kb / 1024, peak_tree / 2**20, stderr)


def emit(name: str, result: dict[str, Any]) -> None:
    """Print one JSON line ``{"bench": name, ...}`` on stdout and a rich table of it on stderr."""
    from rich.console import Console
    from rich.table import Table

    sys.stdout.write(json.dumps({"bench": name, **result}, ensure_ascii=False, default=str) + "\n")
    sys.stdout.flush()
    table = Table(title=f"bench {name}", title_justify="left")
    table.add_column("figure")
    table.add_column("value", justify="right")
    for key, value in result.items():
        table.add_row(key, f"{value:,.4g}" if isinstance(value, float) else str(value))
    Console(stderr=True).print(table)
