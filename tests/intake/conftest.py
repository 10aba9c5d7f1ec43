"""Fixtures of the intake tests: the loopback news site, settings with tiny waits, a ledger."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # loopsite
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "ledger"))  # ledger_fakes

from loopsite import Site  # noqa: E402

from onrecord.config import Config  # noqa: E402
from onrecord.ledger import Ledger  # noqa: E402

# no test waits for real: intervals and backoffs are milliseconds, timeouts a fraction of a second
FAST = {
    "web_host_interval": 0.0, "web_backoff": 0.001, "web_timeout": 0.5, "web_retries": 2,
    "web_max_retry_after": 5.0, "web_max_bytes": 2_000_000, "web_contact": "tests@example.org",
}


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


class Waits:
    """A sleep that records and does not wait (the clock it goes with moves by what it was told)."""

    def __init__(self) -> None:
        self.waits: list[float] = []
        self.now = 1000.0

    def sleep(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.now += seconds

    def clock(self) -> float:
        return self.now


@pytest.fixture
def waits() -> Waits:
    return Waits()
