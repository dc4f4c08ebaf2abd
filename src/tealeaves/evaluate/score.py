"""Score predictions against gold readings: tp/fp/fn per field, micro-averaged over a corpus.

Counts are additive (as in spaCy's scorer), so a corpus score is the sum of document scores. Event
date, modality and evidence are scored as accuracies over the matched events.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from tealeaves.evaluate.gold import FIELDS_NAMES, Gold, GoldItem, fold_name
from tealeaves.evaluate.match import (
    date_agrees,
    event_preference,
    evidence_agrees,
    match_one_to_one,
    same_date,
    same_event,
    same_quantity,
    same_signal,
)

FIELDS = (*FIELDS_NAMES, "dates", "quantities", "events", "signals")


@dataclass
class Tally:
    """True positives, false positives and false negatives of one field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        """Add the counts of one more document."""
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def prf(self) -> tuple[float, float, float]:
        """Precision, recall and F1 (0.0 where undefined)."""
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


@dataclass
class Accuracy:
    """Correct out of scored."""

    ok: int = 0
    n: int = 0

    def value(self) -> float | None:
        """The accuracy, or None when nothing was scored."""
        return self.ok / self.n if self.n else None


@dataclass
class Mistake:
    """One miss or false alarm, for ``tealeaves eval --errors``."""

    document: str
    field: str
    kind: str  # "miss", "false alarm", or "wrong date"/"wrong modality" on a matched event
    item: Any
    expected: Any = None


@dataclass
class Report:
    """Scores of a corpus: per field, per event type, event accuracies, and the mistakes."""

    fields: dict[str, Tally] = field(default_factory=lambda: {f: Tally() for f in FIELDS})
    event_types: dict[str, Tally] = field(default_factory=dict)
    event_date: Accuracy = field(default_factory=Accuracy)
    event_modality: Accuracy = field(default_factory=Accuracy)
    event_evidence: Accuracy = field(default_factory=Accuracy)
    documents: int = 0
    mistakes: list[Mistake] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """The scores rounded to 3 decimals, in the layout of the reference scorer's --json."""

        def prf(t: Tally) -> dict[str, float]:
            return dict(zip(("p", "r", "f1"), (round(v, 3) for v in t.prf())))

        def acc(a: Accuracy) -> float | None:
            v = a.value()
            return round(v, 3) if v is not None else None

        out: dict[str, Any] = {f: prf(t) for f, t in self.fields.items()}
        out["events_by_type"] = {k: prf(t) for k, t in sorted(self.event_types.items()) if t.tp + t.fp + t.fn}
        out["event_date_accuracy"] = acc(self.event_date)
        out["event_modality_accuracy"] = acc(self.event_modality)
        out["event_evidence_accuracy"] = acc(self.event_evidence)
        out["documents"] = self.documents
        return out


def _dicts(items: Iterable[Any]) -> list[dict[str, Any]]:
    return [x for x in items if isinstance(x, dict)]


def _objects(items: Iterable[GoldItem]) -> list[tuple[dict[str, Any], bool]]:
    """Gold objects (quantities, events, signals) with their optional flags."""
    return [(g.value, g.optional) for g in items if isinstance(g.value, dict)]


def score_document(name: str, gold: Gold, prediction: dict[str, Any], report: Report, names: dict[str, str]) -> None:
    """Add one document's counts and mistakes to ``report``.

    ``prediction`` is the SCHEMA.md prediction object (``to_prediction`` output or a NAME.json);
    ``names`` maps folded names to their group's first name (aliases.json).
    """
    report.documents += 1

    def canonical(value: str) -> str:
        folded = fold_name(value)
        return names.get(folded, folded)

    def note(fld: str, result: Any) -> None:
        report.fields[fld].add(result.tp, result.fp, result.fn)
        report.mistakes += [Mistake(name, fld, "miss", g) for g in result.missed]
        report.mistakes += [Mistake(name, fld, "false alarm", p) for p in result.false_alarms]

    for fld in FIELDS_NAMES:
        golds = [(canonical(str(g.value)), g.optional) for g in getattr(gold, fld)]
        raw = prediction.get(fld) or []
        preds = sorted({canonical(str(x.get("name", "")) if isinstance(x, dict) else str(x)) for x in raw})
        note(fld, match_one_to_one(golds, preds, lambda a, b: a == b))

    gold_dates = [(str(g.value), g.optional) for g in gold.dates]
    raw_dates = prediction.get("dates") or []
    pred_dates = sorted({str(x.get("value", "")) if isinstance(x, dict) else str(x) for x in raw_dates})
    note("dates", match_one_to_one(gold_dates, pred_dates, same_date, prefer=lambda a, b: int(a == b)))

    gold_q = _objects(gold.quantities)
    note("quantities", match_one_to_one(gold_q, _dicts(prediction.get("quantities") or []), same_quantity))

    gold_e = _objects(gold.events)
    pred_e = _dicts(prediction.get("events") or [])
    events = match_one_to_one(gold_e, pred_e, same_event, prefer=event_preference)
    note("events", events)
    for typ in sorted({str(g["type"]) for g, _ in gold_e} | {str(p.get("type")) for p in pred_e}):
        of_type = match_one_to_one(
            [(g, o) for g, o in gold_e if g["type"] == typ], [p for p in pred_e if p.get("type") == typ], same_event
        )
        report.event_types.setdefault(typ, Tally()).add(of_type.tp, of_type.fp, of_type.fn)
    for g, p in events.pairs:
        if g.get("evidence"):
            report.event_evidence.n += 1
            report.event_evidence.ok += evidence_agrees(g, p)
        if g.get("date"):
            report.event_date.n += 1
            if date_agrees(g, p):
                report.event_date.ok += 1
            else:
                report.mistakes.append(Mistake(name, "events", "wrong date", p, expected=g))
        if g.get("modality"):
            report.event_modality.n += 1
            if g["modality"] == p.get("modality"):
                report.event_modality.ok += 1
            else:
                report.mistakes.append(Mistake(name, "events", "wrong modality", p, expected=g))

    gold_s = _objects(gold.signals)
    note("signals", match_one_to_one(gold_s, _dicts(prediction.get("signals") or []), same_signal))

