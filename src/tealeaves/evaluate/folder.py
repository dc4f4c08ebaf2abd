"""Score a whole gold folder (SCHEMA.md: NAME.txt beside NAME.gold.json): read and analyse each
article, or take its saved prediction, and add its score to one corpus Report.

The CLI's ``eval`` only renders what this returns, so the same run can be scripted or tested
without a terminal. Reading and analysing an article is the caller's (``read``): scoring depends
on the model only, not on the pipeline it scores. A bad gold file, article or prediction is one
failure naming its file; the other documents are still scored, so one broken file never hides the
figures of the rest.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tealeaves.errors import GoldError, TealeavesError
from tealeaves.evaluate.gold import load_gold, read_json
from tealeaves.evaluate.prediction import to_prediction
from tealeaves.evaluate.score import Report, score_document

if TYPE_CHECKING:
    from tealeaves.model import Analysis, Document

Reader = Callable[[Path], "tuple[Document | None, Analysis | None]"]
"""Reads and analyses one article file: its Document and Analysis, or (None, None) when it holds
no article; raises a TealeavesError naming the file when it cannot be read."""

GOLD_SUFFIX = ".gold.json"


@dataclass
class FolderScore:
    """The corpus Report of a folder, what each document was read as (for ``--errors``, which
    shows the sentence of every miss: None where a saved prediction was scored) and the files
    that could not be scored."""

    report: Report = field(default_factory=Report)
    readings: dict[str, tuple[Document | None, Analysis | None]] = field(default_factory=dict)
    failures: list[TealeavesError] = field(default_factory=list)


def gold_files(gold_dir: Path) -> list[Path]:
    """The NAME.gold.json files of ``gold_dir``, sorted by name; raises GoldError when the folder
    is missing or holds none, because scoring nothing would print a table of zeros that reads
    like a result."""
    if not gold_dir.is_dir():
        raise GoldError("not a folder", gold_dir)
    golds = sorted(gold_dir.glob(f"*{GOLD_SUFFIX}"))
    if not golds:
        raise GoldError(f"no NAME{GOLD_SUFFIX} files here", gold_dir)
    return golds


def score_folder(
    gold_dir: Path,
    names: dict[str, str],
    *,
    read: Reader | None = None,
    pred_dir: Path | None = None,
    save_dir: Path | None = None,
    on_failure: Callable[[TealeavesError], None] | None = None,
) -> FolderScore:
    """Score every document of ``gold_dir``.

    With ``pred_dir``, NAME.json there is the prediction (a missing one predicts nothing);
    otherwise NAME.txt is read and analysed by ``read``, which is then required.
    ``save_dir`` also receives each prediction as NAME.json. ``on_failure`` hears of each file that
    could not be scored as it happens (the CLI prints it at once).

    Example::

        result = score_folder(Path("gold"), {}, read=read_and_analyse)
        result.report.as_dict()["events"]["f1"]
    """
    if pred_dir is None and read is None:
        raise ValueError("analysing the articles needs a reader")
    if save_dir is not None:
        save_dir.mkdir(parents=True, exist_ok=True)
    result = FolderScore()
    for gold_path in gold_files(gold_dir):
        name = gold_path.name[: -len(GOLD_SUFFIX)]
        try:
            gold = load_gold(gold_path)
            if pred_dir is not None:
                doc, analysis, prediction = None, None, _saved_prediction(pred_dir / f"{name}.json")
            else:
                assert read is not None
                doc, analysis = read(gold_dir / f"{name}.txt")
                prediction = to_prediction(analysis) if analysis is not None else {}
        except TealeavesError as exc:
            result.failures.append(exc)
            if on_failure is not None:
                on_failure(exc)
            continue
        if save_dir is not None:
            text = json.dumps(prediction, ensure_ascii=False, indent=1) + "\n"
            (save_dir / f"{name}.json").write_text(text, encoding="utf-8")
        result.readings[name] = (doc, analysis)
        score_document(name, gold, prediction, result.report, names)
    return result


def _saved_prediction(path: Path) -> dict[str, Any]:
    """A prediction saved as JSON; none at all when the file is missing (everything gold is then
    missed, which is the fair score of a system that said nothing)."""
    if not path.exists():
        return {}
    raw = read_json(path)
    if not isinstance(raw, dict):
        raise GoldError("expected a JSON object at the top", path)
    return raw
