"""The ``tealeaves`` command: parse options, call the library, render with rich, map errors to exit codes.

Exit codes: 0 success, 1 when any input failed or a TealeavesError stopped the command, 2 a usage
error (typer), 130 an interrupt. Heavy libraries (DuckDB, trafilatura, feedparser) are imported
inside the commands that need them, so that ``tealeaves analyze one.txt`` starts fast.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from tealeaves.cli.render import err, out, render_mistakes, render_report, render_scores
from tealeaves.errors import TealeavesError
from tealeaves.settings import Settings

if TYPE_CHECKING:
    from tealeaves.knowledge.base import KnowledgeBase
    from tealeaves.model import Analysis, Document

app = typer.Typer(
    help="Read news about a bilateral relationship into evidence-linked records.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

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
    from tealeaves.evaluate.folder import gold_files, score_folder
    from tealeaves.evaluate.gold import find_name_groups, load_name_groups

    settings = _settings(knowledge=knowledge)
    try:
        gold_files(gold_dir)
        kb = _load_kb(settings) if pred_dir is None else None
        names = load_name_groups(aliases or find_name_groups(gold_dir))
    except TealeavesError as exc:
        _fail(exc)
        raise typer.Exit(1) from exc
    result = score_folder(
        gold_dir, names, read=_reader(kb, settings) if kb is not None else None,
        pred_dir=pred_dir, save_dir=save_dir, on_failure=_fail,
    )
    scores = result.report.as_dict()
    if as_json:
        sys.stdout.write(json.dumps(scores, ensure_ascii=False) + "\n")
    else:
        render_scores(scores)
    if errors:
        render_mistakes(result.report, result.readings)
    if result.failures:
        raise typer.Exit(1)


def _reader(kb: KnowledgeBase, settings: Settings) -> Callable[[Path], tuple[Document | None, Analysis | None]]:
    """Read and analyse one gold folder article (its first document) for ``eval``."""
    from tealeaves.ingest import read_input
    from tealeaves.pipeline import analyse

    def read(path: Path) -> tuple[Document | None, Analysis | None]:
        docs = read_input(path, kb, settings)
        return (docs[0], analyse(docs[0], kb)) if docs else (None, None)

    return read


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
