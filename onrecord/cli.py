"""The `onrecord` command: a thin Typer layer over the Python API."""

from __future__ import annotations

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)


@app.callback()
def main() -> None:
    """OnRecord: who said what, when, where, to whom, about which issue."""


if __name__ == "__main__":
    app()
