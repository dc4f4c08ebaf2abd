"""Rendering for the ``tealeaves`` command with rich: an article's reading beside its highlighted
evidence, the evaluation tables, and each evaluation mistake with the sentence behind it.

``out`` is standard output and ``err`` standard error; every command prints through them.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:
    from tealeaves.model import Analysis, Document, Evidence

out = Console(highlight=False, soft_wrap=False)
err = Console(stderr=True, highlight=False, soft_wrap=True)

def _quote(doc: Document, ev: Evidence) -> Text:
    """The evidence's sentence with the quoted span highlighted (trimmed around long sentences)."""
    sent = doc.sentences[ev.sentence].span if doc.sentences else ev.span
    a, b = ev.span.start - sent.start, ev.span.end - sent.start
    s = sent.text
    left, right = max(0, a - 40), min(len(s), b + 40)
    text = Text("…" if left else "", style="dim")
    text.append(s[left:a], style="dim")
    text.append(s[a:b], style="bold yellow")
    text.append(s[b:right], style="dim")
    if right < len(s):
        text.append("…", style="dim")
    return text


def _amount(value: float) -> str:
    """A base-unit amount for people: 12,000,000 rather than 1.2e+07."""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.4g}"


def render_report(analysis: Analysis, doc: Document, console: Console | None = None) -> None:
    """Print one article's reading as rich tables, each item beside its highlighted evidence."""
    c = console or out
    meta = analysis.meta
    c.rule(Text(meta.title or meta.path or analysis.doc_id[:12], style="bold"))
    published = str(meta.published) if meta.published else "unknown (relative dates left unresolved)"
    c.print(
        Text.assemble(
            ("published ", "dim"), (published, ""), ("  lang ", "dim"), (meta.lang, ""),
            ("  source ", "dim"), (meta.source or "-", ""), ("  sentences ", "dim"), (str(len(analysis.sentences)), ""),
        )
    )

    def table(title: str, rows: list[tuple[str, Evidence]]) -> None:
        if not rows:
            return
        t = Table(title=f"{title} ({len(rows)})", title_justify="left", expand=True, show_header=False, show_lines=False)
        t.add_column("reading", ratio=2, overflow="fold")
        t.add_column("evidence", ratio=3, overflow="fold")
        for reading, evidence in rows:
            t.add_row(Text(reading), _quote(doc, evidence))
        c.print(t)

    grouped: dict[tuple[str, str], list[Evidence]] = {}
    for m in analysis.mentions:
        label = f"{m.kind.value}: {m.name or m.evidence.quote}" + (f" [{m.state}]" if m.state else "")
        grouped.setdefault((label, m.via), []).append(m.evidence)
    table("Entities", [
        (label + (f" ×{len(evs)}" if len(evs) > 1 else "") + (f" (by {via})" if via != "alias" else ""), evs[0])
        for (label, via), evs in grouped.items()
    ])
    table("Dates", [(f"{d.value or 'unresolved'} ({d.granularity.value})", d.evidence) for d in analysis.dates])
    table("Quantities", [(f"{_amount(q.value_base)} {q.unit}" + (f" {q.commodity}" if q.commodity else ""), q.evidence)
                         for q in analysis.quantities])
    table("Events", [
        (f"{e.type.value} {e.source or '?'}→{e.target or '?'} {e.modality.value}"
         + (f" {e.date}" if e.date else "") + (f" @{e.place}" if e.place else ""), e.evidence)
        for e in analysis.events
    ])
    table("Signals", [
        (s.kind.value + " " + ", ".join(f"{k}={v}" for k, v in s.model_dump(exclude={"kind", "evidence"}).items()
                                        if v is not None), s.evidence[0])
        for s in analysis.signals
    ])
    if not (analysis.mentions or analysis.dates or analysis.quantities or analysis.events or analysis.signals):
        c.print(Text("nothing found", style="dim"))


def render_scores(scores: dict[str, Any]) -> None:
    """Print the P/R/F1 table per field, the event accuracies and the per-type table."""
    t = Table(title=f"tealeaves eval — {scores['documents']} documents", title_justify="left")
    for col in ("field", "P", "R", "F1"):
        t.add_column(col, justify="left" if col == "field" else "right")
    for fld in ("persons", "organizations", "places", "dates", "quantities", "events", "signals"):
        s = scores[fld]
        t.add_row(fld, f"{s['p']:.3f}", f"{s['r']:.3f}", f"{s['f1']:.3f}")
    out.print(t)
    acc = Table(title="events among matches", title_justify="left")
    acc.add_column("accuracy")
    acc.add_column("value", justify="right")
    for key in ("event_date_accuracy", "event_modality_accuracy", "event_evidence_accuracy"):
        value = scores[key]
        acc.add_row(key.removeprefix("event_").removesuffix("_accuracy"), "-" if value is None else f"{value:.3f}")
    out.print(acc)
    by_type = Table(title="events by type", title_justify="left")
    for col in ("type", "P", "R", "F1"):
        by_type.add_column(col, justify="left" if col == "type" else "right")
    for typ, s in scores["events_by_type"].items():
        by_type.add_row(typ, f"{s['p']:.3f}", f"{s['r']:.3f}", f"{s['f1']:.3f}")
    out.print(by_type)


def _sentence_with(doc: Document | None, phrase: str) -> str:
    """The sentence of ``doc`` that contains ``phrase`` ('' when none does)."""
    if doc is None or not phrase:
        return ""
    for s in doc.sentences:
        if phrase in s.span.text:
            return s.span.text
    at = doc.text.find(phrase)
    return doc.text[max(0, at - 40) : at + len(phrase) + 40] if at >= 0 else ""


def _describe(item: Any) -> str:
    if isinstance(item, str):
        return item
    if not isinstance(item, dict):
        return str(item)
    if "type" in item:
        text = f"{item.get('type')} {item.get('source')}→{item.get('target')} {item.get('modality', '')}"
        return text + (f" date={item['date']}" if item.get("date") else "")
    if "kind" in item:
        keys = ", ".join(f"{k}={v}" for k, v in item.items() if k not in ("kind", "evidence", "optional"))
        return f"{item['kind']} {keys}"
    if "unit" in item:
        return f"{item.get('value')} {item.get('unit')} {item.get('commodity') or ''}".strip()
    return json.dumps(item, ensure_ascii=False)


def _evidence_of(item: Any, analysis: Analysis | None) -> str:
    """The quoted evidence of a predicted name or date (from the analysis), or the item's own."""
    if isinstance(item, dict):
        return str(item.get("evidence") or "")
    if analysis is None:
        return ""
    for m in analysis.mentions:
        if m.name and m.name.lower() == str(item).lower():
            return m.evidence.quote
    for d in analysis.dates:
        if d.value == item:
            return d.evidence.quote
    return ""


def render_mistakes(report: Any, context: dict[str, tuple[Document | None, Analysis | None]]) -> None:
    """List each miss, false alarm and wrong event date/modality with the sentence behind it."""
    current = None
    for m in report.mistakes:
        if m.document != current:
            current = m.document
            out.rule(Text(m.document, style="bold"))
        doc, analysis = context.get(m.document, (None, None))
        style = {"miss": "red", "false alarm": "yellow"}.get(m.kind, "magenta")
        line = Text.assemble((f"{m.kind:<16}", style), (f"{m.field:<14}", "dim"), (_describe(m.item), "bold"))
        if m.expected is not None:
            line.append(f"   expected: {_describe(m.expected)}", style="dim")
        out.print(line)
        phrase = _evidence_of(m.item, analysis)
        sentence = _sentence_with(doc, phrase)
        if sentence:
            out.print(Text("    " + sentence, style="dim"))
