"""The ledger's commands: ingest, search, speaker, clusters, stats, runs, export, positions,
shifts, label.

Thin: each calls ``Ledger`` and prints.  ``register(app)`` adds them to the ``onrecord`` app."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
import time
from collections import Counter
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from onrecord.cli_options import EmbeddingsOption, StanceModelOption, StanceUrlOption
from onrecord.ledger.db import DEFAULT_URL

err = Console(stderr=True)


class ListFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


class Kind(StrEnum):
    direct = "direct"
    indirect = "indirect"
    mixed = "mixed"
    reported_position = "reported_position"


def _iso_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date like 2024-11-01") from None


Db = Annotated[
    str | None,
    typer.Option(
        "--db", envvar="ONRECORD_DB", help=f"database URL (default {DEFAULT_URL})", show_default=False
    ),
]
Format = Annotated[ListFormat, typer.Option("--format", "-f", help="output format")]
Since = Annotated[str | None, typer.Option(help="from this date (YYYY-MM-DD)", callback=_iso_date)]
Until = Annotated[str | None, typer.Option(help="up to this date, inclusive", callback=_iso_date)]


def _open(db: str | None) -> Any:
    from onrecord.ledger import Ledger

    try:
        return Ledger(db)
    except Exception as e:  # a bad URL or an unreachable server: one line, not a traceback
        err.print(f"[red]error[/red] cannot open the ledger {db or ''}: {e}", highlight=False)
        raise typer.Exit(code=2) from None


# --- output ----------------------------------------------------------------------------------


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


WIDE = ("quote", "errors")
NAMES = ("speaker", "venue", "outlet", "outlets", "first_outlet", "name", "value")
FIXED = {"date": 10, "first_date": 10, "before_date": 10, "after_date": 10, "started": 11, "kind": 8, "status": 8}


def emit(
    rows: list[dict[str, Any]], format: ListFormat, columns: list[str], title: str | None = None
) -> None:
    """Print records as a table, a JSON array, or CSV (lists joined with "; ")."""
    if format is ListFormat.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
    elif format is ListFormat.csv:
        names = list(rows[0]) if rows else columns
        writer = csv.DictWriter(sys.stdout, fieldnames=names, extrasaction="ignore")
        writer.writeheader()
        for r in rows:
            writer.writerow({k: _cell(v) for k, v in r.items()})
    else:
        table = Table(title=title, expand=True, show_lines=False)
        for col in columns:
            # dates and counts stay whole, names are capped: the quote keeps room to wrap in
            table.add_column(
                col,
                overflow="fold",
                no_wrap=col in FIXED,
                min_width=FIXED.get(col),
                max_width=18 if col in NAMES else None,
            )
        for r in rows:
            table.add_row(*(_cell(r.get(col)) for col in columns))
        Console().print(table)


# --- commands --------------------------------------------------------------------------------


def ingest(
    paths: Annotated[list[str], typer.Argument(help="files and folders: text, HTML, JSON, JSON Lines")],
    db: Db = None,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="extraction processes")] = 1,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline (default: the packaged one)")] = None,
    force: Annotated[bool, typer.Option("--force", help="extract again what is stored already")] = False,
    taxonomy: Annotated[str | None, typer.Option(help="your issue taxonomy (YAML)", show_default=False)] = None,
    aliases: Annotated[str | None, typer.Option(help="your aliases.yaml", show_default=False)] = None,
    embeddings: EmbeddingsOption = None,
    stance_url: StanceUrlOption = None,
    stance_model: StanceModelOption = None,
) -> None:
    """Extract statements from articles and store them.

    Idempotent (an article stored with the same content is skipped) and resumable (stop it
    any way, run it again: nothing lost, nothing twice).  Documents that fail are recorded in
    the runs table and summarised at the end; the exit code is then 1."""
    from onrecord.cli import use_files
    from onrecord.cli_options import use_options

    use_files(taxonomy, aliases)
    use_options(embeddings, stance_url, stance_model)
    ledger = _open(db)
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
            report = ledger.ingest(paths, workers=workers, model=model, force=force, on_progress=on_progress)
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
            err.print(f"[red]error[/red] {key}: {message}", highlight=False)
        more = len(report.errors) - 10
        err.print(
            f"{f'… and {more} more; ' if more > 0 else ''}all in: onrecord runs --db …", highlight=False
        )
        raise typer.Exit(code=1)


SEARCH_COLUMNS = ["date", "speaker", "quote", "kind", "venue", "outlet", "reports"]


def search(
    query: Annotated[str, typer.Argument(help='words of the quote; "a phrase" in quotes; prefix*')] = "",
    speaker: Annotated[str | None, typer.Option(help="part of the speaker's name")] = None,
    since: Since = None,
    until: Until = None,
    kind: Annotated[Kind | None, typer.Option(help="kind of statement")] = None,
    venue: Annotated[str | None, typer.Option(help="part of the venue's name")] = None,
    outlet: Annotated[str | None, typer.Option(help="part of the outlet's name")] = None,
    limit: Annotated[int, typer.Option(min=1)] = 50,
    db: Db = None,
    format: Format = ListFormat.table,
) -> None:
    """Search quotes: speaker, outlet, date and venue of each, newest first."""
    ledger = _open(db)
    t0 = time.perf_counter()
    hits = ledger.search(
        query, speaker=speaker, since=since, until=until, kind=kind.value if kind else None,
        venue=venue, outlet=outlet, limit=limit,
    )  # fmt: skip
    ms = (time.perf_counter() - t0) * 1000
    emit(hits.to_dicts(), format, SEARCH_COLUMNS)
    if format is ListFormat.table:
        err.print(f"{len(hits)} statements in {ms:.0f} ms", highlight=False)


TIMELINE_COLUMNS = ["date", "quote", "kind", "venue", "outlets", "reports"]


def speaker(
    name: Annotated[str, typer.Argument(help="part of the speaker's name, or the speaker id")],
    since: Since = None,
    until: Until = None,
    kind: Annotated[Kind | None, typer.Option(help="kind of statement")] = None,
    limit: Annotated[int, typer.Option(min=1)] = 50,
    db: Db = None,
    format: Format = ListFormat.table,
) -> None:
    """A speaker's timeline: each statement once, newest first, with venue and outlets."""
    ledger = _open(db)
    entries = ledger.timeline(name, since=since, until=until, kind=kind.value if kind else None, limit=limit)
    if not entries and format is ListFormat.table:
        err.print(f"no statements by a speaker matching {name!r}", highlight=False)
        raise typer.Exit(code=1)
    names = sorted({e.speaker for e in entries})
    emit(entries.to_dicts(), format, TIMELINE_COLUMNS, title=", ".join(names))


CLUSTER_COLUMNS = ["first_date", "speaker", "quote", "n_reports", "outlets", "first_outlet"]


def clusters(
    speaker: Annotated[str | None, typer.Option(help="part of the speaker's name")] = None,
    min_reports: Annotated[int, typer.Option("--min-reports", min=1)] = 2,
    limit: Annotated[int, typer.Option(min=1)] = 50,
    db: Db = None,
    format: Format = ListFormat.table,
) -> None:
    """Quotes reported by several articles: the first report and every outlet."""
    ledger = _open(db)
    found = ledger.clusters(speaker=speaker, min_reports=min_reports, limit=limit)
    emit(found.to_dicts(), format, CLUSTER_COLUMNS)


def stats(db: Db = None, format: Format = ListFormat.table) -> None:
    """Counts: articles, statements by kind, speakers, outlets, quote clusters, runs."""
    ledger = _open(db)
    s = ledger.stats()
    flat = {k: v for k, v in s.items() if k not in ("by_kind", "last_run")}
    flat.update({f"statements.{k}": v for k, v in s["by_kind"].items()})
    if s["last_run"]:
        flat.update({f"last_run.{k}": v for k, v in s["last_run"].items()})
    if format is ListFormat.json:
        sys.stdout.write(json.dumps(s, ensure_ascii=False, indent=1) + "\n")
    else:
        emit([{"name": k, "value": v} for k, v in flat.items()], format, ["name", "value"])


RUN_COLUMNS = ["id", "status", "started", "read", "stored", "replaced", "skipped", "failed", "errors"]


def runs(
    limit: Annotated[int, typer.Option(min=1)] = 10,
    db: Db = None,
    format: Format = ListFormat.table,
) -> None:
    """The latest ingest runs with their counts and the documents that failed."""
    ledger = _open(db)
    rows = ledger.runs(limit=limit).to_dicts()
    if format is ListFormat.table:
        for r in rows:
            r.update({k[2:]: v for k, v in r.items() if k.startswith("n_")})
            r["started"] = (r["started_at"] or "")[5:16].replace("T", " ")  # MM-DD HH:MM
            r["errors"] = [f"{e['article_key']}: {e['message']}" for e in r["errors"]]
    emit(rows, format, RUN_COLUMNS)


def export(
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="file format")] = ExportFormat.jsonl,
    output: Annotated[
        str | None, typer.Option("--output", "-o", help="file (default: standard output)")
    ] = None,
    db: Db = None,
) -> None:
    """Every statement joined with its article and speaker, one row each."""
    ledger = _open(db)
    if format is ExportFormat.parquet and not output:
        raise typer.BadParameter("parquet needs --output FILE", param_hint="--output")
    try:
        n = ledger.export(output, format=format.value)
    except RuntimeError as e:  # a missing optional dependency
        err.print(f"[red]error[/red] {e}", highlight=False)
        raise typer.Exit(code=2) from None
    err.print(f"{n} statements exported", highlight=False)


POSITION_COLUMNS = ["date", "issue", "stance", "evidence", "kind/time", "quote", "outlet"]
SHIFT_COLUMNS = [
    "after_date", "speaker", "issue", "shift", "before_date", "before_quote", "after_quote", "before_article",
    "after_article",
]  # fmt: skip
Issue = Annotated[str | None, typer.Option(help="an issue id of the taxonomy (territory, nato, ...)")]


def _chart_path(value: str | None) -> str | None:
    if value is not None and not value.lower().endswith((".svg", ".png")):
        raise typer.BadParameter(f"{value!r}: the chart is written as FILE.svg or FILE.png")
    return value


def _speaker_names(rows: list[dict[str, Any]]) -> list[str]:
    """One name per speaker: the one most of its statements give ("Volodymyr Zelenskyy", not also
    "President of Ukraine Volodymyr Zelenskyy")."""
    by_id: dict[str, Counter[str]] = {}
    for r in rows:
        by_id.setdefault(r["speaker_id"] or "", Counter())[r["speaker"] or r["speaker_id"] or ""] += 1
    return sorted(names.most_common(1)[0][0] for names in by_id.values())


def positions(
    speaker: Annotated[str, typer.Option(help="part of the speaker's name, an alias, or the speaker id")],
    issue: Issue = None,
    plot: Annotated[
        str | None, typer.Option(help="also draw the timeline: FILE.svg or FILE.png", callback=_chart_path)
    ] = None,
    db: Db = None,
    format: Format = ListFormat.table,
) -> None:
    """A speaker's stance per issue over time: each statement once, oldest first; a person's
    label (onrecord label) wins over the rules and is marked "(human)"."""
    from onrecord.ledger.positions import entry_row
    from onrecord.positions import plot_positions

    ledger = _open(db)
    timelines = ledger.positions(speaker, issue)
    rows = [entry_row(e) for entries in timelines.values() for e in entries]
    if not rows:
        what = f"no stances of a speaker matching {speaker!r}" + (f" on {issue!r}" if issue else "")
        what += f": no chart written to {plot}" if plot else ""
        err.print(f"[red]error[/red] {escape(what)}", highlight=False)
        raise typer.Exit(code=1)
    names = _speaker_names(rows)
    if format is ListFormat.table:
        for r in rows:
            r["kind/time"] = f"{r['kind']}/{r['time']}"
            if r["source"] == "human":
                r["stance"] = f"{r['stance']} (human)"
                r["evidence"] = [r["note"]] if r["note"] else []
    emit(rows, format, POSITION_COLUMNS, title=", ".join(names) + (f" · {issue}" if issue else ""))
    if plot:
        by_issue: dict[str, list[Any]] = {}
        for (_, i), entries in timelines.items():
            by_issue.setdefault(i, []).extend(entries)
        try:
            plot_positions(by_issue, plot, title=", ".join(names))
        except (ValueError, RuntimeError, OSError) as e:
            err.print(f"[red]error[/red] {e}", highlight=False)
            raise typer.Exit(code=2) from None
        err.print(f"chart written to {plot}", highlight=False)


def shifts(
    since: Since = None,
    speaker: Annotated[str | None, typer.Option(help="part of the speaker's name, an alias, or the id")] = None,
    issue: Issue = None,
    db: Db = None,
    format: Format = ListFormat.table,
) -> None:
    """Changes of stance, newest first: the speaker's previous stance on the issue and the new one,
    with both quotes and both articles."""
    from onrecord.ledger.positions import shift_row

    ledger = _open(db)
    rows = [shift_row(s) for s in ledger.shifts(since=since, speaker=speaker, issue=issue)]
    if format is ListFormat.table:
        for r in rows:
            r["shift"] = f"{r['from']} → {r['to']}"
    emit(rows, format, SHIFT_COLUMNS)
    if format is ListFormat.table:
        err.print(f"{len(rows)} shifts", highlight=False)


def label(
    statement_id: Annotated[int, typer.Argument(help="the statement's id (search --format json shows it)")],
    issue: Annotated[str, typer.Argument(help="the issue id")],
    stance: Annotated[str, typer.Argument(help="support, oppose, conditional or unclear")],
    note: Annotated[str | None, typer.Option(help="why")] = None,
    db: Db = None,
) -> None:
    """Store a person's reading of a statement's stance on an issue; it wins over the rules."""
    ledger = _open(db)
    try:
        ledger.label_stance(statement_id, issue, stance, note)
    except (ValueError, KeyError) as e:
        err.print(f"[red]error[/red] {e.args[0]}", highlight=False)
        raise typer.Exit(code=2) from None
    err.print(f"statement {statement_id}: {issue} labelled {stance}", highlight=False)


def register(app: typer.Typer) -> None:
    """Add the ledger's commands to the ``onrecord`` app."""
    for fn in (ingest, search, speaker, clusters, stats, runs, export, positions, shifts, label):
        app.command(fn.__name__)(fn)
