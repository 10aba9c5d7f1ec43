"""Fixtures of the intake tests: the loopback news site, settings with tiny waits, a ledger."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # loopsite
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "ledger"))  # ledger_fakes

from intake_helpers import FAST, Waits  # noqa: E402
from loopsite import Site  # noqa: E402

from onrecord.config import Config  # noqa: E402
from onrecord.ledger import Ledger  # noqa: E402


@pytest.fixture
def site() -> Iterator[Site]:
    with Site() as s:
        yield s


@pytest.fixture
def config(tmp_path: Path) -> Config:
    return Config(db=f"sqlite:///{tmp_path / 'ledger.db'}", **FAST)


@pytest.fixture
def ledger(config: Config) -> Iterator[Ledger]:
    with Ledger(config=config) as led:
        yield led


@pytest.fixture
def waits() -> Waits:
    return Waits()
