"""``onrecord serve``: the web app over a ledger, with uvicorn."""

from __future__ import annotations

from typing import Annotated

import typer

from onrecord.cli.common import DbOption, fail, note, settings


def serve(
    ctx: typer.Context,
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="port to listen on")] = 8000,
    config: Annotated[str | None, typer.Option(
        "--config", help="settings file (TOML or YAML; default $ONRECORD_WEB_CONFIG): api_token, read_token, "
                         "protect_reads, max_body_bytes, page_size, db …", show_default=False)] = None,
    workers: Annotated[int, typer.Option(min=1, max=64, help="uvicorn worker processes")] = 1,
) -> None:
    """Serve the JSON API (/api, docs at /docs) and the pages over the ledger.

    Reading is open unless a read token is set; POST /api/articles needs $ONRECORD_API_TOKEN."""
    import uvicorn

    from onrecord.config import Config, export_environment
    from onrecord.errors import ConfigError
    from onrecord.web.app import create_app
    from onrecord.web.settings import WebSettings

    loaded = settings(ctx, db=db) if config is None else None
    try:
        loaded = loaded or Config.load(config, db=db)
        web = WebSettings.from_config(loaded)  # token files read now: a missing one is an error here
    except ConfigError as e:
        fail(str(e))
    if host not in {"127.0.0.1", "localhost", "::1"} and not (web.reads_protected or web.api_token):
        note(f"note: serving on {host} with reading open to all and writing switched off")
    if workers > 1:
        # uvicorn's worker processes import the app by name and build it from the environment
        export_environment(loaded)
        uvicorn.run("onrecord.web.app:create_app", factory=True, host=host, port=port, workers=workers,
                    log_level="info")
        return
    uvicorn.run(create_app(config=loaded), host=host, port=port, log_level="info")


COMMANDS = (serve,)
