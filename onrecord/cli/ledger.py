"""The ledger's commands: ingest, search, speaker, clusters, recluster, stats, runs, export.

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
    AllOption,
    DbOption,
    Engine,
    EngineOption,
    FormatOption,
    LimitOption,
    ModelOption,
    OutputFormat,
    RayAddressOption,
    SinceOption,
    StanceModelOption,
    StanceReaderOption,
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
    say_how_many,
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
    question = "question"
    reported_position = "reported_position"


def ingest(
    ctx: typer.Context,
    paths: Annotated[list[str], typer.Argument(
        help="files and folders (text, HTML, JSON, JSON Lines) and web addresses: article pages, RSS/Atom feeds, "
             "sitemaps")],
    db: DbOption = None,
    workers: WorkersOption = 1,
    engine: EngineOption = Engine.local,
    ray_address: RayAddressOption = None,
    model: ModelOption = None,
    force: Annotated[bool, typer.Option("--force", help="extract again what is stored already")] = False,
    taxonomy: TaxonomyOption = None,
    aliases: AliasesOption = None,
    stance_url: StanceUrlOption = None,
    stance_model: StanceModelOption = None,
    stance_reader: StanceReaderOption = None,
) -> None:
    """Extract statements from articles and store them.

    Idempotent (an article stored with the same content is skipped) and resumable (stop it
    any way, run it again: nothing lost, nothing twice).  Documents that fail are recorded in
    the runs table and summarised at the end; the exit code is then 1.  With --engine ray the
    workers are Ray actors (a local Ray, or the cluster of --ray-address) that write to the
    database themselves: on a cluster, a PostgreSQL one."""
    config = extraction_settings(ctx, db=db, model=model, taxonomy=taxonomy, aliases=aliases,
                                 stance_url=stance_url, stance_model=stance_model,
                                 stance_reader=stance_reader, ray_address=ray_address)
    distributed = ray_engine() if engine is Engine.ray else None
    ledger = open_ledger(ctx, db, config, create=True)
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
        ("quote clusters (≥ 2 reports)", ledger.stats()["clusters"]),
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
    all_rows: AllOption = False,
    db: DbOption = None,
    format: FormatOption = OutputFormat.table,
) -> None:
    """Search quotes: speaker, outlet, date and venue of each, newest first."""
    ledger = open_ledger(ctx, db)
    t0 = time.perf_counter()
    where = {"speaker": speaker, "since": since, "until": until, "kind": kind.value if kind else None,
             "venue": venue, "outlet": outlet}
    hits = ledger.search(query, limit=None if all_rows else limit, **where)
    ms = (time.perf_counter() - t0) * 1000
    emit(hits.to_dicts(), format, SEARCH_COLUMNS)
    total = len(hits) if all_rows or len(hits) < limit else ledger.count(query_text=query, **where)
    say_how_many(len(hits), total, f"statements ({ms:.0f} ms)")


TIMELINE_COLUMNS = ["date", "quote", "kind", "venue", "outlets", "reports"]


def speaker(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="part of the speaker's name, or the speaker id")],
    since: SinceOption = None,
    until: UntilOption = None,
    kind: Annotated[Kind | None, typer.Option(help="kind of statement")] = None,
    limit: LimitOption = 50,
    all_rows: AllOption = False,
    db: DbOption = None,
    format: FormatOption = OutputFormat.table,
) -> None:
    """A speaker's timeline: each statement once, newest first, with venue and outlets."""
    ledger = open_ledger(ctx, db)
    every = ledger.timeline(name, since=since, until=until, kind=kind.value if kind else None)
    if not every and format is OutputFormat.table:
        fail(f"no statements by a speaker matching {name!r}", code=1)
    entries = every if all_rows else every[:limit]
    names = sorted({e.speaker for e in entries})
    emit([e.to_dict() for e in entries], format, TIMELINE_COLUMNS, title=", ".join(names))
    say_how_many(len(entries), len(every), "statements")


# five columns, so that the quote keeps room on an 80-column terminal
CLUSTER_COLUMNS = ["outlets", "speaker", "quote", "first report", "said on"]


def _cluster_row(c: dict[str, Any]) -> dict[str, Any]:
    """A cluster as a table row: the count of outlets first, then who, what, the first report and
    when (and where) the words were said; other translations and attributions under the quote."""
    quote = c["quote"]
    if len(c["attributions"]) > 1:
        named = "; ".join(f"{a['speaker']} ×{a['reports']}" for a in c["attributions"])
        quote += f"\n(attributed to {named})"
    for t in c["translations"]:
        quote += f"\n≈ another translation, {t['n_outlets']} outlets: “{t['quote_text']}”"
    said = " ".join(x for x in (c["said_on"], f"({c['venue']})" if c["venue"] else None) if x)
    return {"outlets": c["n_outlets"], "speaker": c["speaker"], "quote": quote,
            "first report": f"{c['first_outlet'] or '?'}, {c['first_published'] or c['first_date'] or '?'}",
            "said on": said}


def clusters(
    ctx: typer.Context,
    speaker: Annotated[str | None, typer.Option(help="part of the speaker's name")] = None,
    min_reports: Annotated[int, typer.Option("--min-reports", min=1, help="reported by at least this many "
                                             "articles")] = 2,
    limit: LimitOption = 50,
    all_rows: AllOption = False,
    db: DbOption = None,
    format: FormatOption = OutputFormat.table,
) -> None:
    """Quote clusters: quotes reported by at least two articles (--min-reports), most reported
    first, with the first report and every outlet.  `stats` counts the same clusters."""
    ledger = open_ledger(ctx, db)
    found = ledger.clusters(speaker=speaker, min_reports=min_reports, limit=None if all_rows else limit)
    rows = found.to_dicts()
    emit([_cluster_row(c) for c in rows] if format is OutputFormat.table else rows, format, CLUSTER_COLUMNS)
    total = len(found) if all_rows or len(found) < limit else ledger.count(
        "clusters", speaker=speaker, min_reports=min_reports)
    if total:
        say_how_many(len(found), total, f"quote clusters (reported by {min_reports} or more articles)")
    else:
        quotes = ledger.stats()["quotes"]
        note(f"no quote reported by {min_reports} or more articles"
             + (f" of a speaker matching {speaker!r}" if speaker else "")
             + f": the ledger's {quotes} distinct quotes were each reported fewer times")


def recluster(
    ctx: typer.Context,
    full: Annotated[bool, typer.Option("--full", help="every statement again, from scratch: after a rule changed")]
    = False,
    db: DbOption = None,
) -> None:
    """Cluster the statements that have no quote cluster yet (ingest does it after each run);
    --full rebuilds every cluster, for a changed rule."""
    ledger = open_ledger(ctx, db)
    t0 = time.perf_counter()
    n = ledger.recluster(full=full)
    note(f"{'nothing to cluster' if n is None else f'{n} quote clusters'} ({time.perf_counter() - t0:.1f} s)")


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


RUN_COLUMNS = ["id", "status", "started", "failed", "stored", "read", "replaced", "skipped", "errors"]


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
    if not rows and format is OutputFormat.table:
        note("no ingest runs yet: onrecord ingest stores articles")


def export(
    ctx: typer.Context,
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="file format")] = ExportFormat.jsonl,
    output: Annotated[
        str | None, typer.Option("--output", "-o", help="file (default: standard output, for parquet too "
                                 "when it is a file or a pipe)")
    ] = None,
    db: DbOption = None,
) -> None:
    """Every statement joined with its article and speaker, one row each."""
    from onrecord.errors import MissingExtra

    binary_to_terminal = format is ExportFormat.parquet and not output and sys.stdout.isatty()
    if binary_to_terminal:  # checked before opening anything
        fail("parquet is binary: not for a terminal; --output FILE, or > FILE")
    ledger = open_ledger(ctx, db)
    target: Any = output
    if format is ExportFormat.parquet and not output:
        sys.stdout.flush()
        target = sys.stdout.buffer
    try:
        n = ledger.export(target, format=format.value)
    except MissingExtra as e:
        fail(str(e))
    note(f"{n} statements exported")


COMMANDS = (ingest, search, speaker, clusters, recluster, stats, runs, export)
