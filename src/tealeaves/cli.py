"""The ``tealeaves`` command: parse options, call the library, render with rich, map errors to exit codes.

Exit codes: 0 success, 1 when any input failed or a TealeavesError stopped the command, 2 a usage
error (typer), 130 an interrupt. Heavy libraries (DuckDB, trafilatura, feedparser) are imported
inside the commands that need them, so that ``tealeaves analyze one.txt`` starts fast.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from tealeaves.errors import TealeavesError
from tealeaves.settings import Settings

if TYPE_CHECKING:
    from tealeaves.knowledge.base import KnowledgeBase
    from tealeaves.model import Analysis, Document, Evidence

app = typer.Typer(
    help="Read news about a bilateral relationship into evidence-linked records.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(highlight=False, soft_wrap=False)
err = Console(stderr=True, highlight=False, soft_wrap=True)

DEFAULT_DB = Path("tealeaves.duckdb")


class AnalyzeFormat(StrEnum):
    """Output formats of ``analyze``."""

    report = "report"
    json = "json"
    jsonl = "jsonl"
    eval = "eval"


def _fail(exc: TealeavesError) -> None:
    err.print(Text(str(exc)), style="red")


def _settings(max_mb: float | None = None, encoding: str | None = None, knowledge: Path | None = None) -> Settings:
    values: dict[str, Any] = {"encoding": encoding, "knowledge_dir": knowledge}
    if max_mb is not None:
        values["max_bytes"] = int(max_mb * 1024 * 1024)
    return Settings(**values)


def _load_kb(settings: Settings) -> KnowledgeBase:
    from tealeaves.knowledge.loader import load_knowledge

    return load_knowledge(settings.knowledge_dir)


def _documents(paths: list[str], kb: KnowledgeBase, settings: Settings, failures: list[str]) -> Iterator[Document]:
    """Every document of every input; a bad input is reported on stderr and counted, the rest go on."""
    from tealeaves.ingest import expand_inputs, read_input

    for source in expand_inputs(paths):
        try:
            docs = read_input(source, kb, settings)
        except TealeavesError as exc:
            _fail(exc)
            failures.append(str(exc))
            continue
        yield from docs


KnowledgeOpt = Annotated[Path | None, typer.Option("--knowledge", help="Use this knowledge data folder.")]
EncodingOpt = Annotated[str | None, typer.Option("--encoding", help="Force this input encoding (e.g. gb18030).")]
MaxMbOpt = Annotated[float | None, typer.Option("--max-mb", help="Refuse input files larger than this (MB).")]


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(help="Files, folders or - for standard input.")],
    fmt: Annotated[AnalyzeFormat, typer.Option("--format", "-f", help="report, json, jsonl or eval.")] = AnalyzeFormat.report,
    out_dir: Annotated[Path | None, typer.Option("--out", help="With --format eval: write NAME.json files here.")] = None,
    knowledge: KnowledgeOpt = None,
    encoding: EncodingOpt = None,
    max_mb: MaxMbOpt = None,
) -> None:
    """Analyze articles and print their reading: entities, dates, quantities, events, signals, with evidence."""
    from tealeaves.evaluate.prediction import to_prediction
    from tealeaves.pipeline import analyse

    settings = _settings(max_mb, encoding, knowledge)
    try:
        kb = _load_kb(settings)
    except TealeavesError as exc:
        _fail(exc)
        raise typer.Exit(1) from exc
    failures: list[str] = []
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    for doc in _documents(paths, kb, settings, failures):
        analysis = analyse(doc, kb)
        if fmt is AnalyzeFormat.report:
            render_report(analysis, doc)
        elif fmt is AnalyzeFormat.json:
            out.print_json(analysis.model_dump_json())
        elif fmt is AnalyzeFormat.jsonl:
            sys.stdout.write(analysis.model_dump_json() + "\n")
        else:
            prediction = json.dumps(to_prediction(analysis), ensure_ascii=False, indent=1)
            if out_dir is not None:
                name = _prediction_name(doc)
                (out_dir / f"{name}.json").write_text(prediction + "\n", encoding="utf-8")
            else:
                sys.stdout.write(prediction + "\n")
    if failures:
        raise typer.Exit(1)


def _prediction_name(doc: Document) -> str:
    """NAME of NAME.txt for a file; the short document id for an entry of a feed or JSONL file."""
    path = doc.meta.path
    if path and doc.meta.format in ("frontmatter", "text", "html"):
        return Path(path).stem
    return doc.doc_id[:16]


@app.command()
def schema() -> None:
    """Print the JSON Schema of the analysis output (``analyze --format json``)."""
    from tealeaves.model import Analysis

    sys.stdout.write(json.dumps(Analysis.model_json_schema(), indent=2, ensure_ascii=False) + "\n")


# --- the report ----------------------------------------------------------------------------------


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

    def table(title: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
        if not rows:
            return
        t = Table(title=title, title_justify="left", expand=True, show_lines=False)
        for col in columns:
            t.add_column(col, overflow="fold", ratio=3 if col == "evidence" else 1)
        for row in rows:
            t.add_row(*row)
        c.print(t)

    table(
        "Entities", ("kind", "name", "state", "evidence"),
        [(m.kind.value, m.name or "?", m.state or "", _quote(doc, m.evidence)) for m in analysis.mentions],
    )
    table(
        "Dates", ("value", "granularity", "evidence"),
        [(d.value or "unresolved", d.granularity.value, _quote(doc, d.evidence)) for d in analysis.dates],
    )
    table(
        "Quantities", ("value", "unit", "commodity", "evidence"),
        [(f"{q.value_base:,.6g}", q.unit, q.commodity or "", _quote(doc, q.evidence)) for q in analysis.quantities],
    )
    table(
        "Events", ("type", "dyad", "modality", "date", "place", "evidence"),
        [
            (e.type.value, f"{e.source or '?'} → {e.target or '?'}", e.modality.value, e.date or "", e.place or "",
             _quote(doc, e.evidence))
            for e in analysis.events
        ],
    )
    table(
        "Signals", ("kind", "reading", "evidence"),
        [
            (s.kind.value, ", ".join(f"{k}={v}" for k, v in s.model_dump(exclude={"kind", "evidence"}).items() if v is not None),
             _quote(doc, s.evidence[0]))
            for s in analysis.signals
        ],
    )
    if not (analysis.mentions or analysis.dates or analysis.quantities or analysis.events or analysis.signals):
        c.print(Text("nothing found", style="dim"))


# --- eval ------------------------------------------------------------------------------------------


@app.command("eval")
def eval_command(
    gold_dir: Annotated[Path, typer.Argument(help="A folder of NAME.txt + NAME.gold.json (SCHEMA.md).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as one JSON object.")] = False,
    errors: Annotated[bool, typer.Option("--errors", help="List every miss and false alarm with its sentence.")] = False,
    pred_dir: Annotated[Path | None, typer.Option("--pred", help="Score NAME.json predictions from here instead of analysing.")] = None,
    save_dir: Annotated[Path | None, typer.Option("--out", help="Also write the predictions (NAME.json) here.")] = None,
    aliases: Annotated[Path | None, typer.Option("--aliases", help="Name equivalence groups (default: aliases.json beside the folder).")] = None,
    knowledge: KnowledgeOpt = None,
) -> None:
    """Score tealeaves on a gold folder: P/R/F1 per field and event type, event date/modality accuracy."""
    from tealeaves.evaluate.gold import find_name_groups, load_gold, load_name_groups
    from tealeaves.evaluate.prediction import to_prediction
    from tealeaves.evaluate.score import Report, score_document

    settings = _settings(knowledge=knowledge)
    if not gold_dir.is_dir():
        _fail(TealeavesError("not a folder", gold_dir))
        raise typer.Exit(1)
    golds = sorted(gold_dir.glob("*.gold.json"))
    if not golds:
        _fail(TealeavesError("no NAME.gold.json files here", gold_dir))
        raise typer.Exit(1)
    try:
        kb = _load_kb(settings) if pred_dir is None else None
        names = load_name_groups(aliases or find_name_groups(gold_dir))
    except TealeavesError as exc:
        _fail(exc)
        raise typer.Exit(1) from exc
    if save_dir is not None:
        save_dir.mkdir(parents=True, exist_ok=True)
    report = Report()
    context: dict[str, tuple[Document | None, Analysis | None]] = {}
    failed = 0
    for gold_path in golds:
        name = gold_path.name[: -len(".gold.json")]
        doc: Document | None = None
        analysis: Analysis | None = None
        try:
            gold = load_gold(gold_path)
            if pred_dir is not None:
                pred_path = pred_dir / f"{name}.json"
                prediction = json.loads(pred_path.read_text(encoding="utf-8")) if pred_path.exists() else {}
            else:
                from tealeaves.ingest import read_input
                from tealeaves.pipeline import analyse

                assert kb is not None
                docs = read_input(gold_dir / f"{name}.txt", kb, settings)
                doc = docs[0] if docs else None
                analysis = analyse(doc, kb) if doc is not None else None
                prediction = to_prediction(analysis) if analysis is not None else {}
        except TealeavesError as exc:
            _fail(exc)
            failed += 1
            continue
        except json.JSONDecodeError as exc:
            _fail(TealeavesError(f"not valid JSON: {exc.msg}", pred_dir / f"{name}.json" if pred_dir else gold_path))
            failed += 1
            continue
        if save_dir is not None:
            (save_dir / f"{name}.json").write_text(json.dumps(prediction, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        context[name] = (doc, analysis)
        score_document(name, gold, prediction, report, names)
    scores = report.as_dict()
    if as_json:
        sys.stdout.write(json.dumps(scores, ensure_ascii=False) + "\n")
    else:
        render_scores(scores)
    if errors:
        render_mistakes(report, context)
    if failed:
        raise typer.Exit(1)


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
        line = Text.assemble((f"{m.kind:<14}", style), (f"{m.field:<14}", "dim"), (_describe(m.item), "bold"))
        if m.expected is not None:
            line.append(f"   expected: {_describe(m.expected)}", style="dim")
        out.print(line)
        phrase = _evidence_of(m.item, analysis)
        sentence = _sentence_with(doc, phrase)
        if sentence:
            out.print(Text("    " + sentence, style="dim"))
