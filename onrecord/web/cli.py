"""``onrecord serve``: the web app over a ledger, with uvicorn."""

from __future__ import annotations

from typing import Annotated

import typer

from onrecord.ledger.cli import Db


def serve(
    db: Db = None,
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="port to listen on")] = 8000,
    config: Annotated[str | None, typer.Option(
        "--config", help="settings file (TOML or YAML; default $ONRECORD_WEB_CONFIG): api_token, read_token, "
                         "protect_reads, max_body_bytes, page_size", show_default=False)] = None,
    workers: Annotated[int, typer.Option(min=1, max=64, help="uvicorn worker processes")] = 1,
) -> None:
    """Serve the JSON API (/api, docs at /docs) and the pages over the ledger.

    Reading is open unless a read token is set; POST /api/articles needs $ONRECORD_API_TOKEN."""
    import os

    import uvicorn

    from onrecord.web.app import SettingsError, WebSettings, create_app

    try:
        settings = WebSettings.load(config)
    except SettingsError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(code=2) from None
    if host not in {"127.0.0.1", "localhost", "::1"} and not (settings.reads_protected or settings.api_token):
        typer.echo(f"note: serving on {host} with reading open to all and writing switched off", err=True)
    if workers > 1:
        # each worker process builds its own app from the environment
        if db:
            os.environ["ONRECORD_DB"] = db
        if config:
            os.environ["ONRECORD_WEB_CONFIG"] = os.path.abspath(config)
        uvicorn.run("onrecord.web.app:create_app", factory=True, host=host, port=port, workers=workers,
                    log_level="info")
        return
    uvicorn.run(create_app(db, settings), host=host, port=port, log_level="info")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
