"""Following outlets: ``watch`` (``ingest URL…`` is the ledger's ``ingest``).

Thin: it reads the sources file, starts ``intake.Watch`` and prints a line per round."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from onrecord.cli.common import (
    AliasesOption,
    DbOption,
    ModelOption,
    StanceModelOption,
    StanceReaderOption,
    StanceUrlOption,
    TaxonomyOption,
    extraction_settings,
    fail,
    note,
    open_ledger,
)

MAX_ERRORS_SHOWN = 10  # per round; all of them are in `onrecord runs`


def watch(
    ctx: typer.Context,
    sources: Annotated[str, typer.Argument(help="the sources file (YAML): feeds, sitemaps, pages; see README")],
    db: DbOption = None,
    once: Annotated[bool, typer.Option("--once", help="poll every source once and exit (for cron)")] = False,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="extraction processes")] = 1,
    model: ModelOption = None,
    taxonomy: TaxonomyOption = None,
    aliases: AliasesOption = None,
    stance_url: StanceUrlOption = None,
    stance_model: StanceModelOption = None,
    stance_reader: StanceReaderOption = None,
) -> None:
    """Follow outlets: poll feeds, sitemaps and pages on their intervals and ingest what is new.

    What was seen lives in the ledger, so a restart goes on where it stopped.  SIGINT or SIGTERM
    stops it cleanly (a poll in progress stores what it fetched).  Failed URLs are recorded in
    the runs table with their reason (onrecord runs) and never stop the watch."""
    from onrecord.errors import SourcesError
    from onrecord.intake import Watch
    from onrecord.readers.web import read_sources

    config = extraction_settings(ctx, db=db, model=model, taxonomy=taxonomy, aliases=aliases,
                                 stance_url=stance_url, stance_model=stance_model,
                                 stance_reader=stance_reader)
    try:
        found = read_sources(sources)
    except SourcesError as e:
        fail(str(e))
    ledger = open_ledger(ctx, db, config, create=True)
    runner = Watch(ledger, found, workers=workers, on_round=_print_round)
    note(f"watching {len(found)} source(s) into {ledger!r}" + (" once" if once else "; stop with Ctrl-C or SIGTERM"))
    try:
        with runner.signals():
            rounds = runner.run(once=once)
    except KeyboardInterrupt:
        note("interrupted: what was stored stays stored; run again to go on")
        raise typer.Exit(code=130) from None
    finally:
        ledger.close()
    note(f"stopped after {rounds} round(s)")


def _print_round(done: Any) -> None:
    r = done.report
    if r is None:
        note(f"round {done.number}: failed ({done.error}); the watch goes on")
        return
    note(f"round {done.number} (run {r.run_id}): {len(done.sources)} source(s) · {r.read} read · {r.stored} new · "
         f"{r.replaced} changed · {r.skipped} unchanged · {r.failed} failed · {r.seconds:.1f} s")
    for key, message in r.errors[:MAX_ERRORS_SHOWN]:
        note(f"  {key}: {message}")
    if len(r.errors) > MAX_ERRORS_SHOWN:
        note(f"  … and {len(r.errors) - MAX_ERRORS_SHOWN} more: onrecord runs")


COMMANDS = (watch,)
