"""Turn an Analysis into the prediction format of SCHEMA.md (one NAME.json per article)."""

from __future__ import annotations

from typing import Any

from tealeaves.model import Analysis, MentionKind, SignalKind

_SIGNAL_FIELDS: dict[SignalKind, tuple[str, ...]] = {
    SignalKind.DUAL_TRACK: ("actor",),
    SignalKind.SANCTIONED_OFFICIAL_TRAVEL: ("person",),
    SignalKind.STANCE_SHIFT: ("person", "direction"),
    SignalKind.COMMITMENT_PROGRESS: ("party", "commodity", "subject", "promised", "delivered", "unit"),
    SignalKind.ROUND_RESUMED: ("round", "gap"),
    SignalKind.SUMMIT_PREPARATION: ("event",),
    SignalKind.RED_LINE: ("issue", "actor"),
    SignalKind.DOMESTIC_PRESSURE: ("actor", "constituency"),
}


def _sentence_of(analysis: Analysis, index: int) -> str | None:
    """The text of sentence ``index``: an event cites its sentence in a prediction, as SCHEMA.md
    checks it ("a predicted event's evidence sentence should contain" the gold phrase), while the
    Analysis keeps the exact clause for people to read."""
    return analysis.sentences[index].span.text if 0 <= index < len(analysis.sentences) else None


def _number(x: float) -> int | float:
    return int(x) if float(x).is_integer() else round(x, 6)


def to_prediction(analysis: Analysis) -> dict[str, Any]:
    """The SCHEMA.md prediction for one analysis: names as sets (sorted), every dated value once,
    quantities in base units, events and signals with the evidence they cite.

    Persons resolved only through a title, unresolved mentions (no name) and relative dates without a publication date are left out: the
    format has no way to say "a person we could not name" or "a date we could not place".

    Example::

        to_prediction(analysis)["persons"]  # ['Marco Rubio', 'Scott Bessent']
    """
    names: dict[MentionKind, set[str]] = {k: set() for k in MentionKind}
    for m in analysis.mentions:
        # SCHEMA.md lists people *named* in the article: a person reached only through a title
        # (美国贸易代表 -> the holder) stays a mention for event coding but is not listed.
        if m.name and not (m.kind is MentionKind.PERSON and m.via != "alias"):
            names[m.kind].add(m.name)
    dates = sorted({d.value for d in analysis.dates if d.value})
    quantities = []
    for q in analysis.quantities:
        item: dict[str, Any] = {"value": _number(q.value_base), "unit": q.unit}
        if q.commodity:
            item["commodity"] = q.commodity
        item["evidence"] = q.evidence.quote
        quantities.append(item)
    events = []
    for e in analysis.events:
        ev: dict[str, Any] = {"type": str(e.type), "source": e.source, "target": e.target}
        if e.date:
            ev["date"] = e.date
        if e.place:
            ev["place"] = e.place
        ev["modality"] = str(e.modality)
        ev["evidence"] = _sentence_of(analysis, e.evidence.sentence) or e.evidence.quote
        events.append(ev)
    signals = []
    for s in analysis.signals:
        sig: dict[str, Any] = {"kind": str(s.kind)}
        for field in _SIGNAL_FIELDS[s.kind]:
            value = getattr(s, field)
            if value is not None:
                sig[field] = _number(value) if isinstance(value, float) else value
        sig["evidence"] = s.evidence[0].quote
        signals.append(sig)
    return {
        "persons": sorted(names[MentionKind.PERSON]),
        "organizations": sorted(names[MentionKind.ORGANIZATION]),
        "places": sorted(names[MentionKind.PLACE]),
        "dates": dates,
        "quantities": quantities,
        "events": events,
        "signals": signals,
    }
