"""Run the benchmarks: ``python -m benchmarks [--only NAME] [BENCH OPTIONS...]``.

Convention: every module ``benchmarks/bench_NAME.py`` defines

    def main(argv: list[str]) -> dict[str, object]

which parses its own options from ``argv`` (ignoring options it does not know, so that one
command line can feed several benches; ``--n 1000`` is the common one), runs its measurements
and returns a flat dict of JSON-able figures with units in the key names: at least ``n``
(documents), one or more ``*_docs_per_s``, ``*_ratio`` figures (seconds of the work divided by
seconds of its baseline measured in the same run, so machines can be compared) and
``peak_rss_mb``. It prints nothing on stdout itself (log to stderr if needed). Timings are the
median of 5 after one warm-up (``benchmarks.common.time_median``) on the corpus of
``benchmarks.common.generate_corpus``. This runner imports each module, calls ``main`` with the options that follow the
runner's own, and prints one JSON line per bench on stdout (``{"bench": NAME, ...}``) and a rich
table on stderr (``benchmarks/common.py: emit``).

``--only NAME`` runs one bench (``--only ingest`` runs ``bench_ingest.py``); it may be repeated.
Benchmarks are not collected by pytest and no test asserts a time.

Examples::

    .venv/bin/python -m benchmarks                       # every bench at its default size
    .venv/bin/python -m benchmarks --only ingest --n 1000
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from benchmarks.common import emit

HERE = Path(__file__).resolve().parent


def available() -> list[str]:
    """Names of the benches present: ``bench_NAME.py`` gives ``NAME``."""
    return sorted(p.stem.removeprefix("bench_") for p in HERE.glob("bench_*.py"))


def run(argv: list[str]) -> int:
    """Run the selected benches; bench options after the runner's own are passed to each ``main``."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description="Run the tealeaves benchmarks.")
    parser.add_argument("--only", action="append", metavar="NAME", help=f"run only this bench: {', '.join(available())}")
    args, rest = parser.parse_known_args(argv)
    names = args.only or available()
    unknown = sorted(set(names) - set(available()))
    if unknown:
        parser.error(f"no such bench: {', '.join(unknown)} (have {', '.join(available())})")
    for name in names:
        module = importlib.import_module(f"benchmarks.bench_{name}")
        emit(name, module.main(list(rest)))
    return 0


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
