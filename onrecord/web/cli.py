"""``onrecord serve``: the web app over a ledger, with uvicorn."""

from __future__ import annotations

from typing import Annotated

import typer

from onrecord.ledger.cli import Db


def serve(
    db: Db = None,
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
) -> None:
    """Serve the JSON API (/api, docs at /docs) and the pages over the ledger."""
    import uvicorn

    from onrecord.web.app import create_app

    uvicorn.run(create_app(db), host=host, port=port, log_level="info")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
