"""The ``onrecord`` command: who said what, when, where, about which issue, from news articles.

The commands are a thin layer over the Python API.
Each command group is a module (``extract``, ``ledger``, ``intake``, ``stances``, ``web``) listing its
``COMMANDS``; ``common`` holds what they share.  Importing this loads neither spaCy nor the
database nor the settings machinery: they load inside the command that needs them.
"""

from __future__ import annotations

from typing import Annotated

import typer

from onrecord.cli import extract, intake, ledger, stances, web

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode="markdown")


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            found = version("onrecord")
        except PackageNotFoundError:  # a checkout run without installing it
            found = "unknown (not installed)"
        typer.echo(f"onrecord {found}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="print the version and exit")] = False,
    config: Annotated[str | None, typer.Option(
        "--config", help="a settings file (TOML or YAML; default $ONRECORD_CONFIG): any setting, e.g. taxonomy, "
                         "aliases, db, model", show_default=False)] = None,
) -> None:
    """OnRecord: who said what, when, where, to whom, about which issue, from news articles.

    extract reads articles; ingest stores them in a ledger that the other commands read; serve shows it."""


for _module in (extract, ledger, intake, stances, web):
    for _command in _module.COMMANDS:
        app.command(_command.__name__)(_command)

if __name__ == "__main__":
    app()
