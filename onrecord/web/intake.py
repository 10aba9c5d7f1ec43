"""POST /api/articles without holding up anything else.

A request to ingest waits on the event loop, never on a thread of the pool that serves the reads
(Starlette runs every sync route on one shared pool of 40 threads: ingests that each held a thread
while waiting for the write lock made GET and /healthz wait seconds behind them).  The work runs on
threads of its own:

* reading and extracting on the one extraction thread (spaCy's pipeline is not shared between
  threads), outside any lock: other writes go on meanwhile;
* writing on the one writer thread, under the write lock for the write only;
* at most ``ingest_queue`` requests waiting or working; one more is answered 503 with Retry-After
  at once, so a burst is refused instead of piling up;
* a time budget per document (``ingest_budget_s``, from when its extraction starts): past it the
  document is an error (422).  A Python thread cannot be stopped, so the extraction goes on in the
  background and its result is dropped; it keeps its place in the queue until it ends, so that
  runaway documents fill the queue and get 503s instead of starting more work.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from onrecord.config import Config
from onrecord.ledger import Ledger
from onrecord.ledger.ingest import Extractor, content_hash, default_extractor, ingest_articles, stored_state
from onrecord.ledger.records import IngestReport
from onrecord.model.article import Article


class Busy(Exception):
    """Every place in the ingest queue is taken."""


class OverBudget(Exception):
    """The document's extraction ran past the time budget."""


class Intake:
    """The ingest queue of one app: its extraction thread, its writer thread, the write lock."""

    def __init__(self, ledger: Ledger, config: Config, *, queue: int, budget_s: float,
                 extractor: Extractor | None = None) -> None:
        self.ledger = ledger
        self.queue = queue
        self.budget_s = budget_s
        self._extractor = extractor
        self._config = config
        self._slots = threading.BoundedSemaphore(queue)
        self._extracting = ThreadPoolExecutor(1, thread_name_prefix="onrecord-extract")
        self._writing = ThreadPoolExecutor(1, thread_name_prefix="onrecord-write")
        self.write_lock = threading.Lock()

    @property
    def extractor(self) -> Extractor:
        if self._extractor is None:  # spaCy loads at the first POST, not when the app starts
            self._extractor = default_extractor(self._config)
        return self._extractor

    async def ingest(self, prepare: Callable[[], Article]) -> tuple[IngestReport, Article]:
        """Read (``prepare``), extract and store one article; Busy when the queue is full,
        OverBudget past the time budget."""
        if not self._slots.acquire(blocking=False):
            raise Busy()
        started: list[float] = []
        try:
            job = self._extracting.submit(self._extract, prepare, started)
        except BaseException:
            self._slots.release()
            raise
        job.add_done_callback(lambda _: self._slots.release())
        article, result = await self._within_budget(job, started)
        loop = asyncio.get_running_loop()
        report = await loop.run_in_executor(self._writing, self._write, article, result)
        return report, article

    async def _within_budget(self, job: Future[Any], started: list[float]) -> Any:
        waiting = asyncio.wrap_future(job)
        while True:
            done, _ = await asyncio.wait({waiting}, timeout=0.05)
            if done:
                return waiting.result()
            if started and time.monotonic() - started[0] > self.budget_s:
                raise OverBudget()

    def _extract(self, prepare: Callable[[], Article], started: list[float]) -> tuple[Article, dict[str, Any] | None]:
        started.append(time.monotonic())
        article = prepare()
        with self.ledger.engine.connect() as conn, conn.begin():
            if stored_state(conn, article, content_hash(article)) == "same":
                return article, None  # stored already: nothing to extract
        return article, next(iter(self.extractor([article])))

    def _write(self, article: Article, result: dict[str, Any] | None) -> IngestReport:
        def extracted(items: Iterable[Article]) -> Iterator[dict[str, Any]]:
            for _ in items:
                if result is None:  # stored meanwhile? ingest_articles looks again and skips it
                    yield next(iter(self.extractor([article])))
                else:
                    yield result

        with self.write_lock:
            return ingest_articles(self.ledger.engine, [article], extracted)

    def close(self) -> None:
        self._extracting.shutdown(wait=False, cancel_futures=True)
        self._writing.shutdown(wait=False, cancel_futures=True)
