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
    import gc

    from tealeaves.knowledge.loader import load_knowledge

    kb = load_knowledge(settings.knowledge_dir)
    # The knowledge base lives as long as the command: moving it out of the collector's generations
    # spares a rescan of its many thousand objects at every collection (a quarter of analysis time).
    gc.freeze()
    return kb


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
            sys.stdout.write(analysis.model_dump_json(indent=1) + "\n")
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


# --- the store: ingest and events ------------------------------------------------------------------

DbOpt = Annotated[Path, typer.Option("--db", help="The store file (DuckDB); created when missing.")]


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files or folders to analyze into the store.")],
    db: DbOpt = DEFAULT_DB,
    batch_size: Annotated[int | None, typer.Option("--batch-size", min=1, help="Documents per transaction.")] = None,
    workers: Annotated[
        int | None, typer.Option("--workers", min=1, help="Processes that read and analyze (default: CPUs, at most 4).")
    ] = None,
    knowledge: KnowledgeOpt = None,
    encoding: EncodingOpt = None,
    max_mb: MaxMbOpt = None,
) -> None:
    """Analyze articles into the store. Already stored articles are skipped, so running again resumes."""
    import time

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from tealeaves.batch.local import IngestInterrupted, IngestProgress, default_workers, ingest_paths

    settings = _settings(max_mb, encoding, knowledge)
    if batch_size is not None:
        settings = settings.model_copy(update={"batch_size": batch_size})
    try:
        kb = _load_kb(settings)
    except TealeavesError as exc:
        _fail(exc)
        raise typer.Exit(1) from exc
    progress = Progress(
        TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("files"),
        TextColumn("{task.fields[saved]} saved, {task.fields[skipped]} already stored, {task.fields[rate]:.0f} docs/s"),
        TextColumn("[red]{task.fields[failed]} failed"), TimeElapsedColumn(),
        console=err, disable=not err.is_terminal,
    )
    task = progress.add_task("ingest", total=None, saved=0, skipped=0, failed=0, rate=0.0)
    started = time.monotonic()

    def report(p: IngestProgress) -> None:
        for failure in p.failures:
            progress.console.print(Text(f"{failure.path}: {failure.reason}"), style="red")
        rate = (p.saved + p.already_stored) / max(time.monotonic() - started, 1e-9)
        progress.update(task, total=p.files_total, completed=p.files_done, saved=p.saved,
                        skipped=p.already_stored, failed=p.failed, rate=rate)

    try:
        with progress:
            summary = ingest_paths(paths, db, kb, settings, on_progress=report, workers=workers or default_workers())
    except IngestInterrupted as exc:
        err.print(
            f"interrupted: {exc.summary.saved} documents saved to {db}; the open batch was rolled back. "
            "Run the same command again to resume."
        )
        raise typer.Exit(130) from exc
    except TealeavesError as exc:
        _fail(exc)
        raise typer.Exit(1) from exc
    out.print(
        Text(
            f"{summary.new} new, {summary.already_stored} already stored, {summary.replaced} replaced, "
            f"{summary.failed} failed ({summary.files} files, {time.monotonic() - started:.1f} s, store {db})"
        ),
        soft_wrap=True,
    )
    if summary.failed:
        raise typer.Exit(1)


class EventsFormat(StrEnum):
    """Output formats of ``events``."""

    table = "table"
    json = "json"
    csv = "csv"


def _period_option(value: str | None, name: str, *, end: bool) -> Any:
    """The first (or, with ``end``, last) day of a YYYY, YYYY-MM or YYYY-MM-DD option value."""
    from tealeaves.store.rows import period_bounds

    if value is None:
        return None
    bounds = period_bounds(value)
    if bounds[0] is None or "/" in value:
        raise typer.BadParameter("expected YYYY, YYYY-MM or YYYY-MM-DD", param_hint=name)
    return bounds[1] if end else bounds[0]


@app.command()
def events(
    event_type: Annotated[str | None, typer.Option("--type", help="Only this PLOVER type (e.g. SANCTION).")] = None,
    actor: Annotated[
        str | None,
        typer.Option(
            "--actor",
            help="A state (USA) as source or target, or a person or organization (id, name or surname) "
            "named in the event's sentence.",
        ),
    ] = None,
    since: Annotated[str | None, typer.Option("--since", help="Events from this YYYY[-MM[-DD]] on.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Events up to this YYYY[-MM[-DD]].")] = None,
    db: DbOpt = DEFAULT_DB,
    fmt: Annotated[EventsFormat, typer.Option("--format", "-f", help="table, json or csv.")] = EventsFormat.table,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="At most this many events.")] = None,
) -> None:
    """List stored events, filtered by type, actor and date (undated events count from their article's date)."""
    import csv
    import dataclasses

    from rich import box

    from tealeaves.model import EventType
    from tealeaves.store.db import open_store
    from tealeaves.store.repository import EventFilter, StoredEvent, query_events

    if event_type is not None and event_type.upper() not in EventType.__members__:
        raise typer.BadParameter(f"not a PLOVER type; one of {', '.join(EventType.__members__)}", param_hint="--type")
    filters = EventFilter(
        type=event_type, actor=actor, since=_period_option(since, "--since", end=False),
        until=_period_option(until, "--until", end=True), limit=limit,
    )
    try:
        with open_store(db, read_only=True) as store:
            found = query_events(store, filters)
    except TealeavesError as exc:
        _fail(exc)
        raise typer.Exit(1) from exc
    rows = [dataclasses.asdict(e) for e in found]
    for row in rows:
        row["published"] = row["published"].isoformat() if row["published"] else None
    if fmt is EventsFormat.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
        return
    if fmt is EventsFormat.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=[f.name for f in dataclasses.fields(StoredEvent)], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return
    table = Table(
        title=f"{len(rows)} events", caption=f"{db}; a date in brackets is the article's (the event has none)",
        title_justify="left", expand=True, box=box.SIMPLE_HEAD,
    )
    table.add_column("date", no_wrap=True)
    table.add_column("event", no_wrap=True)
    table.add_column("dyad", no_wrap=True)
    table.add_column("place", overflow="fold")
    table.add_column("evidence", overflow="fold", ratio=1, min_width=16)
    table.add_column("doc", no_wrap=True)
    for e in found:
        when = Text(e.date) if e.date else Text(f"({e.published})" if e.published else "", style="dim")
        what = Text(e.type)
        if e.modality != "asserted":
            what.append(f" {e.modality}", style="dim")
        table.add_row(
            when, what, f"{e.source or '?'} → {e.target or '?'}", e.place or "", Text(e.evidence), e.doc_id[:8],
        )
    out.print(table)


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
        line = Text.assemble((f"{m.kind:<16}", style), (f"{m.field:<14}", "dim"), (_describe(m.item), "bold"))
        if m.expected is not None:
            line.append(f"   expected: {_describe(m.expected)}", style="dim")
        out.print(line)
        phrase = _evidence_of(m.item, analysis)
        sentence = _sentence_with(doc, phrase)
        if sentence:
            out.print(Text("    " + sentence, style="dim"))


# --- demo ------------------------------------------------------------------------------------------


@app.command()
def demo(
    db: Annotated[Path, typer.Option("--db", help="The demo store; replaced by a fresh one.")] = Path("tealeaves-demo.duckdb"),
) -> None:
    """Ingest the bundled demo corpus into a fresh store and print the reading of every article."""
    from tealeaves.batch.local import ingest_paths
    from tealeaves.demo import DEMO_DIR
    from tealeaves.ingest import expand_inputs, read_input
    from tealeaves.store.db import open_store
    from tealeaves.store.repository import count_rows, get_analysis

    settings = _settings()
    try:
        kb = _load_kb(settings)
        for stale in (db, db.with_name(db.name + ".wal")):
            stale.unlink(missing_ok=True)
        summary = ingest_paths([str(DEMO_DIR)], db, kb, settings)
        with open_store(db) as store:
            for path in expand_inputs([str(DEMO_DIR)]):
                for doc in read_input(path, kb, settings):
                    analysis = get_analysis(store, doc.doc_id)
                    if analysis is not None:
                        render_report(analysis, doc)
            rows = count_rows(store)
    except TealeavesError as exc:
        _fail(exc)
        raise typer.Exit(1) from exc
    out.rule("store")
    out.print(Text(
        f"{summary.new} articles stored in {db} ("
        + ", ".join(f"{n} {table}" for table, n in rows.items())
        + f"). Query it: tealeaves events --db {db}",
    ), soft_wrap=True)
    if summary.failed:
        for failure in summary.failures:
            err.print(Text(f"{failure.path}: {failure.reason}"), style="red")
        raise typer.Exit(1)
