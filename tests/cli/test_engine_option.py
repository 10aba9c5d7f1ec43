"""``--engine ray`` without Ray installed: one line naming the extra to install, before any work;
and ``--output`` belongs to the Ray engine.  These run with or without Ray."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import onrecord
from onrecord.cli import app

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.mark.parametrize("command", [["extract", "--output", "out"], ["ingest", "--db", "sqlite:///x.db"]])
def test_without_ray_the_engine_names_the_extra(command: list[str], monkeypatch: pytest.MonkeyPatch,
                                                tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    for name in [m for m in sys.modules if m == "ray" or m.startswith("ray.")]:
        monkeypatch.delitem(sys.modules, name)  # loaded by the Ray tests of this session
    monkeypatch.setitem(sys.modules, "ray", None)  # what an install without the extra looks like
    monkeypatch.delitem(sys.modules, "onrecord.distributed", raising=False)
    monkeypatch.delattr(onrecord, "distributed", raising=False)
    done = CliRunner().invoke(app, [command[0], str(SAMPLES), "--engine", "ray", *command[1:]])
    assert done.exit_code == 2, done.output
    assert "pip install 'onrecord[ray]'" in done.output
    assert not (tmp_path / "out").exists()


def test_output_is_for_the_ray_engine() -> None:
    done = CliRunner().invoke(app, ["extract", str(SAMPLES / "01_oslo_truce.txt"), "--output", "out"])
    assert done.exit_code == 2 and "--engine ray" in done.output


def test_extract_with_workers_prints_what_one_process_prints() -> None:
    # --workers is the one worker flag of extract and ingest; on the local engine, processes
    runner = CliRunner()
    one = runner.invoke(app, ["extract", str(SAMPLES)])
    two = runner.invoke(app, ["extract", str(SAMPLES), "--workers", "2"])
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout and one.stdout.count("\n") == 6
