"""Flatten an Analysis (and its Document) into the rows of each store table.

The column order here is the insert order of ``store/repository.py`` and must name columns of
``migrations/*.sql``; a test writes every kind of item and reads it back. Every row ends with the
analyzer and knowledge versions, so each one says which code and data produced it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from typing import Any

from tealeaves.model import Analysis, Document, Evidence

Row = tuple[Any, ...]

_STAMP = ("analyzer_version", "kb_version")
_SPAN = ("sentence", "span_start", "span_end")

COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": (
        "doc_id", "analyzer_version", "kb_version", "path", "url", "title", "published", "source", "lang",
        "script", "encoding", "encoding_source", "format", "n_chars", "body", "analysis",
    ),
    "sentences": ("doc_id", "sentence", "span_start", "span_end", "text", *_STAMP),
    "mentions": ("doc_id", "seq", "kind", "actor_id", "name", "state", "via", *_SPAN, "text", *_STAMP),
    "dates": ("doc_id", "seq", "value", "granularity", "relative", "date_from", "date_to", *_SPAN, "text", *_STAMP),
    "quantities": (
        "doc_id", "seq", "value_base", "unit", "value", "unit_text", "commodity", "low_base", "high_base", "bound",
        *_SPAN, "text", *_STAMP,
    ),
    "events": (
        "doc_id", "seq", "type", "source", "target", "modality", "date", "date_from", "date_to", "place", "cue",
        *_SPAN, "evidence", "more_evidence", *_STAMP,
    ),
    "cues": ("doc_id", "seq", "family", "key", *_SPAN, "text", *_STAMP),
    "signals": ("doc_id", "seq", "kind", "fields", *_SPAN, "evidence", "all_evidence", *_STAMP),
}
"""Columns written per table, in insert order; ``documents`` first (the parent of every other row)."""

ITEM_TABLES = tuple(t for t in COLUMNS if t != "documents")

_PART = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def period_bounds(value: str | None) -> tuple[dt.date | None, dt.date | None]:
    """First and last day of a SCHEMA.md date value (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or
    ``START/END``), so that periods of any granularity can be compared in SQL.

    ``2026-03`` is 2026-03-01..2026-03-31 and ``2026-03-21/2026-04-10`` is those two days. Returns
    ``(None, None)`` for None or a value that is not one of those forms (it is then never matched by
    a date filter, rather than guessed).

    Example::

        period_bounds("2025")  # (date(2025, 1, 1), date(2025, 12, 31))
    """
    if not value:
        return None, None
    parts = value.split("/")
    if len(parts) > 2:
        return None, None
    first = _part_bounds(parts[0])
    last = _part_bounds(parts[-1])
    if first is None or last is None or first[0] > last[1]:
        return None, None
    return first[0], last[1]


def _part_bounds(part: str) -> tuple[dt.date, dt.date] | None:
    m = _PART.match(part.strip())
    if m is None:
        return None
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if month is None:
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        mon = int(month)
        if day is None:
            return dt.date(year, mon, 1), dt.date(year, mon, calendar.monthrange(year, mon)[1])
        one = dt.date(year, mon, int(day))
    except ValueError:  # 2026-13 or 2026-02-30: not a date, so not a period
        return None
    return one, one


def _span(ev: Evidence) -> tuple[int, int, int]:
    return ev.sentence, ev.span.start, ev.span.end


def _evidence_json(evidence: tuple[Evidence, ...]) -> str:
    return json.dumps([e.model_dump(mode="json") for e in evidence], ensure_ascii=False)


def analysis_rows(doc: Document, analysis: Analysis) -> dict[str, list[Row]]:
    """The rows of every table for one analysed document, keyed by table name (see ``COLUMNS``).

    ``doc`` supplies the body (an Analysis holds sentences, not the text between them); its
    ``doc_id`` must equal the analysis's. Items get ``seq`` numbers in their Analysis order, which
    is deterministic, so saving the same analysis twice writes identical rows.
    """
    if doc.doc_id != analysis.doc_id:
        raise ValueError(f"document {doc.doc_id[:12]} and analysis {analysis.doc_id[:12]} differ")
    a = analysis
    stamp = (a.analyzer_version, a.kb_version)
    meta = a.meta
    rows: dict[str, list[Row]] = {t: [] for t in COLUMNS}
    rows["documents"].append(
        (
            a.doc_id, *stamp, meta.path, meta.url, meta.title, meta.published, meta.source, meta.lang, meta.script,
            meta.encoding, meta.encoding_source, meta.format, len(doc.text), doc.text, a.model_dump_json(),
        )
    )
    rows["sentences"] = [(a.doc_id, s.index, s.span.start, s.span.end, s.span.text, *stamp) for s in a.sentences]
    rows["mentions"] = [
        (a.doc_id, i, m.kind.value, m.actor_id, m.name, m.state, m.via, *_span(m.evidence), m.evidence.quote, *stamp)
        for i, m in enumerate(a.mentions)
    ]
    rows["dates"] = [
        (a.doc_id, i, d.value, d.granularity.value, d.relative, *period_bounds(d.value), *_span(d.evidence),
         d.evidence.quote, *stamp)
        for i, d in enumerate(a.dates)
    ]
    rows["quantities"] = [
        (a.doc_id, i, q.value_base, q.unit, q.value, q.unit_text, q.commodity, q.low_base, q.high_base, q.bound,
         *_span(q.evidence), q.evidence.quote, *stamp)
        for i, q in enumerate(a.quantities)
    ]
    rows["events"] = [
        (a.doc_id, i, e.type.value, e.source, e.target, e.modality.value, e.date, *period_bounds(e.date), e.place,
         e.cue, *_span(e.evidence), e.evidence.quote, _evidence_json(e.more_evidence), *stamp)
        for i, e in enumerate(a.events)
    ]
    rows["cues"] = [
        (a.doc_id, i, c.family, c.key, *_span(c.evidence), c.evidence.quote, *stamp) for i, c in enumerate(a.cues)
    ]
    rows["signals"] = [
        (a.doc_id, i, s.kind.value,
         json.dumps(s.model_dump(mode="json", exclude={"kind", "evidence"}), ensure_ascii=False),
         *_span(s.evidence[0]), s.evidence[0].quote, _evidence_json(s.evidence), *stamp)
        for i, s in enumerate(a.signals)
    ]
    return rows
