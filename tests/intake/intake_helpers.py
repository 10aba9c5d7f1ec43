"""What the intake tests share: settings with tiny waits, and a sleep that only records."""

from __future__ import annotations

# no test waits for real: intervals and backoffs are milliseconds, timeouts a fraction of a second
FAST = {
    "web_host_interval": 0.0, "web_backoff": 0.001, "web_timeout": 0.5, "web_retries": 2,
    "web_max_retry_after": 5.0, "web_max_bytes": 2_000_000, "web_contact": "tests@example.org",
}


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
