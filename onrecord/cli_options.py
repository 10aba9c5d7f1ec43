"""Command-line options shared by `extract` and `ingest`: how the positions stages run."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

err = Console(stderr=True)

EmbeddingsOption = Annotated[bool | None, typer.Option(
    "--embeddings/--no-embeddings",
    help="refine issue tags with sentence embeddings (pip install 'onrecord\\[embeddings]'); "
         "default: $ONRECORD_EMBEDDINGS", show_default=False)]
StanceUrlOption = Annotated[str | None, typer.Option(
    "--stance-url", help="an OpenAI-compatible endpoint for stance, e.g. http://localhost:11434/v1 "
    "(key from $ONRECORD_STANCE_API_KEY); the rules answer when it fails", show_default=False)]
StanceModelOption = Annotated[str | None, typer.Option(
    "--stance-model", help="the model name the stance endpoint serves", show_default=False)]


def use_options(embeddings: bool | None = None, stance_url: str | None = None,
                stance_model: str | None = None) -> None:
    """Make the positions options the pipeline's, also in worker processes (through the
    environment); a missing extra or half a stance endpoint is an error before any work."""
    from onrecord.components.positions import stance_classifier
    from onrecord.embeddings import INSTALL_HINT, embeddings_available
    from onrecord.pipeline import Options

    options = Options.from_env(embeddings=embeddings, stance_url=stance_url, stance_model=stance_model)
    if options.embeddings and not embeddings_available():
        err.print(f"[red]error[/red] {INSTALL_HINT}", highlight=False)
        raise typer.Exit(code=2)
    try:
        stance_classifier(options.stance_url, options.stance_model)  # the component's own check
    except ValueError as e:
        err.print(f"[red]error[/red] {e}", highlight=False)
        raise typer.Exit(code=2) from None
    options.export()
