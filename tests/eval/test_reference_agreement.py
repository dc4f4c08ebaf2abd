"""`tealeaves eval` agrees with the reference scorer of ../shared/eval to 3 decimals.

Predictions are the dev gold files perturbed at random (items dropped, types and dyads changed, dates
shifted, spurious items added), so the check covers misses, false alarms, optional items and
preferences. Skips cleanly when ../shared is absent.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tealeaves.cli import app

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "eval"
DEV = SHARED / "dev"
pytestmark = pytest.mark.skipif(not (DEV.is_dir() and (SHARED / "reference_score.py").is_file()), reason="../shared/eval absent")


def _perturb(gold: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    def plain(items: list[Any], key: str) -> list[Any]:
        out = [x[key] if isinstance(x, dict) else x for x in items if rng.random() > 0.25]
        if rng.random() < 0.3:
            out.append({"name": "Somebody Else", "value": "2019-07"}[key])
        return out

    events = []
    for e in gold.get("events", []):
        if rng.random() < 0.2:
            continue
        e = {k: v for k, v in e.items() if k != "optional"}
        roll = rng.random()
        if roll < 0.15:
            e["type"] = rng.choice(["ACCUSE", "SANCTION", "CONSULT"])
        elif roll < 0.3:
            e["source"], e["target"] = e.get("target"), e.get("source")
        elif roll < 0.4:
            e["date"] = "2020-01"
        elif roll < 0.5:
            e["modality"] = "planned"
        elif roll < 0.6:
            e["evidence"] = "unrelated words"
        events.append(e)
        if rng.random() < 0.15:
            events.append(dict(e))
    quantities = [
        {k: v for k, v in q.items() if k != "optional"} | ({"value": q["value"] * 1.02} if rng.random() < 0.2 else {})
        for q in gold.get("quantities", []) if rng.random() > 0.2
    ]
    signals = [{k: v for k, v in s.items() if k != "optional"} for s in gold.get("signals", []) if rng.random() > 0.3]
    return {
        "persons": plain(gold.get("persons", []), "name"),
        "organizations": plain(gold.get("organizations", []), "name"),
        "places": plain(gold.get("places", []), "name"),
        "dates": plain(gold.get("dates", []), "value"),
        "quantities": quantities,
        "events": events,
        "signals": signals,
    }


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_eval_agrees_with_reference_scorer(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    for gold_file in sorted(DEV.glob("*.gold.json")):
        name = gold_file.name[: -len(".gold.json")]
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        if rng.random() < 0.05:
            continue  # a missing prediction file counts as empty
        (tmp_path / f"{name}.json").write_text(json.dumps(_perturb(gold, rng), ensure_ascii=False), encoding="utf-8")
    reference = subprocess.run(
        [sys.executable, str(SHARED / "reference_score.py"), str(DEV), str(tmp_path), "--json"],
        capture_output=True, text=True, check=True,
    )
    expected = json.loads(reference.stdout)
    result = CliRunner().invoke(app, ["eval", str(DEV), "--pred", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    ours = json.loads(result.stdout)
    assert ours == expected
