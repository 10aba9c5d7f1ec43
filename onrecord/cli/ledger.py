"""The ledger's commands: ingest, search, speaker, clusters, stats, runs, export.

Thin: each calls ``Ledger`` and prints with ``common.emit``."""

from __future__ import annotations

import json
import sys
import time
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from onrecord.cli.common import (
    AliasesOption,
    DbOption,
    EmbeddingsOption,
    Engine,
    EngineOption,
    FormatOption,
    LimitOption,
    ModelOption,
    OutputFormat,
    RayAddressOption,
    SinceOption,
    StanceModelOption,
    StanceUrlOption,
    TaxonomyOption,
    UntilOption,
    WorkersOption,
    emit,
    err,
    extraction_settings,
    fail,
    note,
    open_ledger,
    ray_engine,
)


class ExportFormat(StrEnum):
    """File formats of ``export`` (a whole table, not a listing)."""

    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


class Kind(StrEnum):
    direct = "direct"
    indirect = "indirect"
    mixed = "mixed"
    reported_position = "reported_position"


def ingest(
    ctx: typer.Context,
    paths: Annotated[list[str], typer.Argument(help="files and folders: text, HTML, JSON, JSON Lines")],
    db: DbOption = None,
    workers: WorkersOption = 1,
    engine: EngineOption = Engine.local,
    ray_address: RayAddressOption = None,
    model: ModelOption = None,
    force: Annotated[bool, typer.Option("--force", help="extract again what is stored already")] = False,
    taxonomy: TaxonomyOption = None,
    aliases: AliasesOption = None,
    embeddings: EmbeddingsOption = None,
    stance_url: StanceUrlOption = None,
    stance_model: StanceModelOption = None,
) -> None:
    """Extract statements from articles and store them.

    Idempotent (an article stored with the same content is skipped) and resumable (stop it
    any way, run it again: nothing lost, nothing twice).  Documents that fail are recorded in
    the runs table and summarised at the end; the exit code is then 1.  With --engine ray the
    workers are Ray actors (a local Ray, or the cluster of --ray-address) that write to the
    database themselves: on a cluster, a PostgreSQL one."""
    config = extraction_settings(ctx, db=db, model=model, taxonomy=taxonomy, aliases=aliases, embeddings=embeddings,
                                 stance_url=stance_url, stance_model=stance_model, ray_address=ray_address)
    distributed = ray_engine() if engine is Engine.ray else None
    ledger = open_ledger(ctx, db, config)
    columns = (
        SpinnerColumn(),
        TextColumn("[bold]ingest"),
        BarColumn(),
        TextColumn("{task.completed} articles · {task.fields[rate]:.1f}/s"),
        TextColumn("· {task.fields[statements]} statements · {task.fields[skipped]} skipped"),
        TextColumn("· [red]{task.fields[failed]} failed"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=err, transient=False) as progress:
        task = progress.add_task("ingest", total=None, rate=0.0, statements=0, skipped=0, failed=0)

        def on_progress(r: Any) -> None:
            progress.update(
                task,
                completed=r.read,
                rate=r.rate,
                statements=r.statements,
                skipped=r.skipped,
                failed=r.failed,
            )

        try:
            if distributed is not None:
                report = distributed.ingest_paths(
                    paths, ledger, address=config.ray_address, workers=workers, batch_size=config.ray_batch_size,
                    force=force, on_progress=on_progress)
            else:
                report = ledger.ingest(paths, workers=workers, force=force, on_progress=on_progress)
        except KeyboardInterrupt:
            err.print("[yellow]interrupted[/yellow]: what was stored stays stored; run again to go on")
            raise typer.Exit(code=130) from None
    summary = Table(title=f"ingest run {report.run_id}", show_header=False)
    for label, value in (
        ("read", report.read),
        ("stored (new)", report.stored),
        ("replaced (changed)", report.replaced),
        ("skipped (unchanged)", report.skipped),
        ("failed", report.failed),
        ("statements stored", report.statements),
        ("quote clusters", "unchanged" if report.clusters is None else report.clusters),
        ("time", f"{report.seconds:.1f} s ({report.rate:.1f} articles/s)"),
    ):
        summary.add_row(label, str(value))
    err.print(summary)
    if report.errors:
        for key, message in report.errors[:10]:
            note(f"error {key}: {message}")
        more = len(report.errors) - 10
        note(f"{f'… and {more} more; ' if more > 0 else ''}all in: onrecord runs --db …")
        raise typer.Exit(code=1)


SEARCH_COLUMNS = ["date", "speaker", "quote", "kind", "venue", "outlet", "reports"]


def search(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help='words of the quote; "a phrase" in quotes; prefix*')] = "",
    speaker: Annotated[str | None, typer.Option(help="part of the speaker's name")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    kind: Annotated[Kind | None, typer.Option(help="kind of statement")] = None,
    venue: Annotated[str | None, typer.Option(help="part of the venue's name")] = None,
    outlet: Annotated[str | None, typer.Option(help="part of the outlet's name")] = None,
    limit: LimitOption = 50,
    db: DbOption = None,
    format: FormatOption = OutputFormat.table,
) -> None:
    """Search quotes: speaker, outlet, date and venue of each, newest first."""
    ledger = open_ledger(ctx, db)
    t0 = time.perf_counter()
    hits = ledger.search(
        query, speaker=speaker, since=since, until=until, kind=kind.value if kind else None,
        venue=venue, outlet=outlet, limit=limit,
    )  # fmt: skip
    ms = (time.perf_counter() - t0) * 1000
    emit(hits.to_dicts(), format, SEARCH_COLUMNS)
    if format is OutputFormat.table:
        note(f"{len(hits)} statements in {ms:.0f} ms")


TIMELINE_COLUMNS = ["date", "quote", "kind", "venue", "outlets", "reports"]


def speaker(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="part of the speaker's name, or the speaker id")],
    since: SinceOption = None,
    until: UntilOption = None,
    kind: Annotated[Kind | None, typer.Option(help="kind of statement")] = None,
    limit: LimitOption = 50,
    db: DbOption = None,
    format: FormatOption = OutputFormat.table,
) -> None:
    """A speaker's timeline: each statement once, newest first, with venue and outlets."""
    ledger = open_ledger(ctx, db)
    entries = ledger.timeline(name, since=since, until=until, kind=kind.value if kind else None, limit=limit)
    if not entries and format is OutputFormat.table:
        fail(f"no statements by a speaker matching {name!r}", code=1)
    names = sorted({e.speaker for e in entries})
    emit(entries.to_dicts(), format, TIMELINE_COLUMNS, title=", ".join(names))


CLUSTER_COLUMNS = ["first_date", "speaker", "quote", "n_reports", "outlets", "first_outlet"]


def clusters(
    ctx: typer.Context,
    speaker: Annotated[str | None, typer.Option(help="part of the speaker's name")] = None,
    min_reports: Annotated[int, typer.Option("--min-reports", min=1)] = 2,
    limit: LimitOption = 50,
    db: DbOption = None,
    format: FormatOption = OutputFormat.table,
) -> None:
    """Quotes reported by several articles: the first report and every outlet."""
    ledger = open_ledger(ctx, db)
    found = ledger.clusters(speaker=speaker, min_reports=min_reports, limit=limit)
    emit(found.to_dicts(), format, CLUSTER_COLUMNS)


def stats(ctx: typer.Context, db: DbOption = None, format: FormatOption = OutputFormat.table) -> None:
    """Counts: articles, statements by kind, speakers, outlets, quote clusters, runs."""
    ledger = open_ledger(ctx, db)
    s = ledger.stats()
    flat = {k: v for k, v in s.items() if k not in ("by_kind", "last_run")}
    flat.update({f"statements.{k}": v for k, v in s["by_kind"].items()})
    if s["last_run"]:
        flat.update({f"last_run.{k}": v for k, v in s["last_run"].items()})
    if format is OutputFormat.json:
        sys.stdout.write(json.dumps(s, ensure_ascii=False, indent=1) + "\n")
    else:
        emit([{"name": k, "value": v} for k, v in flat.items()], format, ["name", "value"])


RUN_COLUMNS = ["id", "status", "started", "read", "stored", "replaced", "skipped", "failed", "errors"]


def runs(
    ctx: typer.Context,
    limit: LimitOption = 10,
    db: DbOption = None,
    format: FormatOption = OutputFormat.table,
) -> None:
    """The latest ingest runs with their counts and the documents that failed."""
    ledger = open_ledger(ctx, db)
    rows = ledger.runs(limit=limit).to_dicts()
    if format is OutputFormat.table:
        for r in rows:
            r.update({k[2:]: v for k, v in r.items() if k.startswith("n_")})
            r["started"] = (r["started_at"] or "")[5:16].replace("T", " ")  # MM-DD HH:MM
            r["errors"] = [f"{e['article_key']}: {e['message']}" for e in r["errors"]]
    emit(rows, format, RUN_COLUMNS)


def export(
    ctx: typer.Context,
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="file format")] = ExportFormat.jsonl,
    output: Annotated[
        str | None, typer.Option("--output", "-o", help="file (default: standard output)")
    ] = None,
    db: DbOption = None,
) -> None:
    """Every statement joined with its article and speaker, one row each."""
    from onrecord.errors import MissingExtra

    ledger = open_ledger(ctx, db)
    if format is ExportFormat.parquet and not output:
        raise typer.BadParameter("parquet needs --output FILE", param_hint="--output")
    try:
        n = ledger.export(output, format=format.value)
    except MissingExtra as e:
        fail(str(e))
    note(f"{n} statements exported")


COMMANDS = (ingest, search, speaker, clusters, stats, runs, export)
