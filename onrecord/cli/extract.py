"""The extraction commands: ``extract`` (articles → statements) and ``speakers`` (the speaker
registry of a corpus).  Thin: each reads articles, runs ``extraction.pipeline`` and prints."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import Annotated, Any

import typer
from rich.markup import escape

from onrecord.cli.common import (
    AliasesOption,
    Engine,
    EngineOption,
    FormatOption,
    ModelOption,
    OutputFormat,
    RayAddressOption,
    StanceModelOption,
    StanceReaderOption,
    StanceUrlOption,
    TaxonomyOption,
    WorkersOption,
    emit,
    err,
    extraction_settings,
    fail,
    note,
    ray_engine,
)

PathsArgument = Annotated[list[str], typer.Argument(help="files, folders, or - for standard input")]
STATEMENT_COLUMNS = ["speaker", "kind", "cue", "quote", "venue", "said on", "issues"]
SPEAKER_COLUMNS = ["name", "type", "statements", "aliases", "roles", "organization", "wikidata", "id"]
SUSPECT_COLUMNS = ["name", "type", "statements", "reasons", "id"]


def report_errors(result: dict[str, Any]) -> bool:
    """Print a result's document errors on stderr; True when there were any."""
    for e in result["errors"]:
        err.print(f"[red]error[/red] {escape(result['id'])}: {escape(e)}", highlight=False)
    return bool(result["errors"])


def statement_row(s: dict[str, Any]) -> dict[str, Any]:
    """One statement as a table row: speaker, kind, cue, quote, venue (marked when translated),
    the date it was said (when the article names one) and issue:stance pairs."""
    venue = s["venue"]["name"] if s.get("venue") else ""
    if s.get("via_translator"):
        venue = f"{venue} (translated)".strip()
    said_on = s.get("said_on") or {}
    stances = s.get("stances") or {}
    return {
        "speaker": s["speaker"]["name"], "kind": s["kind"], "cue": s["cue"]["text"] if s.get("cue") else "",
        "quote": s["quote"]["text"], "venue": venue,
        "said on": "" if not said_on or said_on.get("assumed") else said_on["date"],
        "issues": ", ".join(f"{i}:{stances.get(i, {}).get('label', '?')}" for i in s.get("issues", [])),
    }


def extract(
    ctx: typer.Context,
    paths: PathsArgument,
    format: FormatOption = OutputFormat.jsonl,
    model: ModelOption = None,
    workers: WorkersOption = 1,
    taxonomy: TaxonomyOption = None,
    aliases: AliasesOption = None,
    stance_url: StanceUrlOption = None,
    stance_model: StanceModelOption = None,
    stance_reader: StanceReaderOption = None,
    engine: EngineOption = Engine.local,
    output: Annotated[str | None, typer.Option(
        "--output", "-o", help="with --engine ray: a folder (or s3://…) for Parquet, one row per statement, "
        "partitioned by article date", show_default=False)] = None,
    ray_address: RayAddressOption = None,
) -> None:
    """Extract attributed statements from articles and print them.

    jsonl prints one line per article (records keep their ids); json prints one object for
    one article and an array for several; table and csv print one row per statement.  Problems
    with a document are reported on stderr and in its "errors"; the exit code is 1 if any failed.
    With --engine ray (and --output DIR) the statements go to Parquet instead, extracted by
    --workers Ray actors."""
    config = extraction_settings(ctx, model=model, taxonomy=taxonomy, aliases=aliases,
                                 stance_url=stance_url, stance_model=stance_model,
                                 stance_reader=stance_reader, ray_address=ray_address)
    if engine is Engine.ray:
        extract_on_ray(paths, config, output, workers)
        return
    if output:
        raise typer.BadParameter("--output is for --engine ray (the local engine prints)", param_hint="--output")
    from onrecord.ledger.workers import keep_torch_out

    keep_torch_out(config.model)  # before spaCy is imported: 210 MB less, for a model that never uses it
    from onrecord.extraction.pipeline import extract_articles
    from onrecord.readers import iter_articles

    failed = 0
    collected: list[dict[str, Any]] = []
    out = sys.stdout
    if workers > 1:
        from onrecord.ledger.workers import spacy_pool

        results = spacy_pool(config, workers)(iter_articles(paths))
    else:
        results = extract_articles(iter_articles(paths), config)
    for result in results:
        failed += report_errors(result)
        if format is OutputFormat.jsonl:
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
            out.flush()
        else:
            collected.append(result)
    if format is OutputFormat.json:
        doc = collected[0] if len(collected) == 1 else collected
        out.write(json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
    elif format is OutputFormat.csv:
        emit([{"article": r["id"], **statement_row(s)} for r in collected for s in r["statements"]], format,
             ["article", *STATEMENT_COLUMNS])
    elif format is OutputFormat.table:
        for r in collected:
            meta = r["article"]
            title = " · ".join(str(x) for x in (r["id"], meta.get("outlet"), meta.get("date")) if x)
            emit([statement_row(s) for s in r["statements"]], format, STATEMENT_COLUMNS, title=title)
            if not r["statements"]:
                note(f"{title}: no statements found")
    if failed:
        raise typer.Exit(code=1)


def extract_on_ray(paths: list[str], config: Any, output: str | None, workers: int) -> None:
    """``extract --engine ray``: Parquet under ``output``; the counts and errors on stderr."""
    if not output:
        raise typer.BadParameter("--engine ray writes Parquet: give --output DIR", param_hint="--output")
    from onrecord.errors import ConfigError

    distributed = ray_engine()
    try:
        done = distributed.extract_paths(paths, config, output, address=config.ray_address, workers=workers,
                                         batch_size=config.ray_batch_size)
    except ConfigError as e:
        fail(str(e))
    for article, message in done["errors"]:
        err.print(f"[red]error[/red] {escape(article)}: {escape(message)}", highlight=False)
    note(f"{done['statements']} statements of {done['articles']} articles (with statements or errors) "
         f"written to {output}")
    if done["errors"]:
        raise typer.Exit(code=1)


def speakers(
    ctx: typer.Context,
    paths: PathsArgument,
    aliases: AliasesOption = None,
    taxonomy: TaxonomyOption = None,
    format: FormatOption = OutputFormat.table,
    dump: Annotated[str | None, typer.Option(help="write the registry as an aliases file to edit")] = None,
    model: ModelOption = None,
    check: Annotated[bool, typer.Option("--check", help="list only the suspicious identities, with the reason; "
                                        "exit code 1 if there are any")] = False,
) -> None:
    """The speaker registry of a corpus: one row per person, organisation, group or role, spelling
    variants merged, with aliases, roles as stated, and statement counts.

    --check lists the identities that look wrong, each with its reasons (a one-word name, a title
    without a name, a place, a pronoun, a time, a number, a list of names, a fragment, the type
    unknown, a name another identity has too), to fix in an aliases file; the exit code is then 1
    if it lists any (or a document failed), 0 if none."""
    config = extraction_settings(ctx, model=model, taxonomy=taxonomy, aliases=aliases)
    from rich.progress import Progress

    from onrecord.errors import AliasesError
    from onrecord.extraction.pipeline import extract_articles
    from onrecord.identity.corpus import register_results
    from onrecord.identity.registry import SpeakerRegistry
    from onrecord.readers import iter_articles

    try:
        registry = SpeakerRegistry.load(config.aliases)
    except AliasesError as e:
        fail(str(e))
    failed = 0

    def results() -> Iterator[dict[str, Any]]:
        nonlocal failed
        with Progress(console=err, transient=True) as progress:
            task = progress.add_task("extracting", total=None)
            for result in extract_articles(iter_articles(paths), config):
                progress.advance(task)
                failed += report_errors(result)
                yield result

    register_results(results(), registry)
    rows = [r for r in registry.to_rows() if r["statements"]]
    if dump:
        registry.dump(dump)
    if check:
        from onrecord.identity.hygiene import suspects

        found = suspects(rows)
        emit(found, format, SUSPECT_COLUMNS, title=f"suspicious identities ({len(found)} of {len(rows)})")
        if not found and format is OutputFormat.table:
            note(f"no suspicious identities among {len(rows)}")
        failed += len(found)
    else:
        emit(rows, format, SPEAKER_COLUMNS, title=f"speakers ({len(rows)})")
    if failed:
        raise typer.Exit(code=1)


COMMANDS = (extract, speakers)
