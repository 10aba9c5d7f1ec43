"""``onrecord watch``: poll each source on its interval, ingest what is new, until stopped.

A round takes every source that is due, in one ingest run (so its pages are fetched together,
within the per-host limits), and the next round waits for the next source to come due.  What was
seen lives in the ledger, so a watch stopped and started again goes on where it was: nothing
stored twice, nothing fetched again before ``web_recheck_after``.

Stopping: SIGINT or SIGTERM (Ctrl-C, ``systemctl stop``, ``kill``) sets the stop flag; a round
in progress stops between pages, finishes its ingest run (status 'finished', every article
written so far kept) and the watch returns.  A second signal interrupts at once (the run is
then marked 'interrupted'; nothing is lost either, see ``ledger.ingest``).  A failure of a round
(the database gone away, a bug) is reported and the watch goes on with the next round: one
outlet's trouble never stops the others.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from onrecord.ledger import IngestReport, Ledger
from onrecord.ledger.ingest import Extractor
from onrecord.readers.web import Fetcher, WebSource


@dataclass
class Round:
    """One poll: the sources it took, and its ingest report (None when it failed as a whole)."""

    number: int
    sources: list[WebSource]
    report: IngestReport | None
    error: str | None = None


class Watch:
    """Polls ``sources`` into ``ledger`` (its config gives the web settings and the default
    interval).  ``clock`` and the stop flag's wait are what time it uses (tests make it short)."""

    def __init__(self, ledger: Ledger, sources: Sequence[WebSource], *, workers: int = 1,
                 extractor: Extractor | None = None, fetcher: Fetcher | None = None,
                 on_round: Callable[[Round], None] | None = None, clock: Callable[[], float] = time.monotonic,
                 options: dict[str, Any] | None = None) -> None:
        self.ledger = ledger
        self.sources = list(sources)
        self.workers = workers
        self.extractor = extractor
        self.fetcher = fetcher or Fetcher(ledger.config)
        self.on_round = on_round
        self.clock = clock
        self.options = options or {}
        self.stopped = threading.Event()
        self.rounds = 0

    def interval(self, source: WebSource) -> float:
        return source.interval or self.ledger.config.web_interval

    def stop(self) -> None:
        self.stopped.set()

    def run(self, once: bool = False) -> int:
        """Poll until stopped (``once``: one round of every source).  Returns the rounds made."""
        next_at = [0.0] * len(self.sources)  # every source is due at the start
        try:
            while not self.stopped.is_set():
                now = self.clock()
                due = [i for i, at in enumerate(next_at) if at <= now]
                if due:
                    for i in due:  # the interval runs from the start of the poll
                        next_at[i] = now + self.interval(self.sources[i])
                    self._round([self.sources[i] for i in due])
                if once:
                    break
                self.stopped.wait(max(0.0, min(next_at) - self.clock()))
        finally:
            self.fetcher.close()
        return self.rounds

    def _round(self, sources: list[WebSource]) -> None:
        self.rounds += 1
        try:
            report = self.ledger.ingest_web(sources, fetcher=self.fetcher, stop=self.stopped.is_set,
                                            workers=self.workers, extractor=self.extractor, **self.options)
            done = Round(self.rounds, sources, report)
        except Exception as e:  # one bad round must not end the watch
            done = Round(self.rounds, sources, None, f"{type(e).__name__}: {e}")
        if self.on_round:
            self.on_round(done)

    @contextmanager
    def signals(self) -> Iterator[None]:
        """SIGINT and SIGTERM stop the watch (a second one interrupts), while inside."""
        if threading.current_thread() is not threading.main_thread():
            yield  # only the main thread may set signal handlers
            return

        def handle(signum: int, frame: Any) -> None:
            if self.stopped.is_set():
                raise KeyboardInterrupt
            # set from another thread: the signal may come while this one holds the Event's lock
            threading.Thread(target=self.stop, daemon=True).start()

        previous = {s: signal.signal(s, handle) for s in (signal.SIGINT, signal.SIGTERM)}
        try:
            yield
        finally:
            for s, h in previous.items():
                signal.signal(s, h)
