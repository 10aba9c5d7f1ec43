"""The README and the commands agree (as sqlite-utils checks its docs): every command is documented,
and every `onrecord …` line of the README's shell blocks parses as written (its options exist and
take the values given)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import click
import pytest
import typer

from onrecord.cli import app

README = Path(__file__).resolve().parents[2] / "README.md"


def commands_in_readme() -> list[list[str]]:
    text = README.read_text(encoding="utf-8")
    found = []
    for block in re.findall(r"```(?:sh|bash)\n(.*?)```", text, re.DOTALL):
        for line in block.splitlines():
            line = re.sub(r"\s#.*$", "", line)  # a comment
            for part in re.split(r"[;|]", line):
                part = part.split(">")[0].strip()  # a redirection
                part = re.sub(r"^(?:[A-Z_]+=\S+\s+)+", "", part)  # VAR=value before the command
                part = part.replace(".venv/bin/onrecord", "onrecord")
                if part.startswith("onrecord "):
                    part = re.sub(r"\[([^\]]*)\]", r"\1", part)  # [--optional things] as given
                    found.append(shlex.split(part)[1:])
    return found


def test_every_command_is_documented() -> None:
    text = README.read_text(encoding="utf-8")
    group = typer.main.get_command(app)
    missing = [name for name in group.list_commands(click.Context(group)) if f"onrecord {name}" not in text]
    assert not missing, f"commands the README does not show: {missing}"


@pytest.mark.parametrize("args", commands_in_readme(), ids=lambda a: " ".join(a)[:60])
def test_every_readme_command_parses_as_written(args: list[str]) -> None:
    if args == ["--version"]:
        return
    group = typer.main.get_command(app)
    root = group.make_context("onrecord", list(args), resilient_parsing=False)
    name, *rest = [*getattr(root, "_protected_args", getattr(root, "protected_args", [])), *root.args]
    command = group.get_command(root, name)
    assert command is not None, f"no command {name!r}"
    command.make_context(name, rest, parent=root)  # raises on an unknown option or a bad value


def test_the_readme_shows_enough_commands() -> None:
    assert len(commands_in_readme()) >= 15
