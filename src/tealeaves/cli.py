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
