"""Extraction in several processes for ``ingest --workers N``.

Each worker process builds the pipeline once, in its initializer, from the ``Config`` it is given,
and turns batches of Articles into result dicts (plain data, cheap to send back).  This does not
rely on spaCy's own ``n_process``, which has to serialise whole Docs with our extension
attributes.  Batches are read from the input in the calling thread, at most two per worker ahead,
so the reading (and the ledger's "stored already?" check) stays in order and memory stays
bounded; results come back in input order.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any

from onrecord.config import Config
from onrecord.model.article import Article

BatchFn = Callable[[list[Article]], list[dict[str, Any]]]

_CONFIG: Config | None = None  # the settings of this worker process, from its initializer


def start_worker(config: Config) -> None:
    """Pool initializer: keep the settings and build the pipeline before the first batch."""
    global _CONFIG
    from onrecord.extraction.pipeline import load_nlp

    _CONFIG = config
    load_nlp(config)


def spacy_batch(articles: list[Article]) -> list[dict[str, Any]]:
    """Extract a batch in a worker process, with the pipeline its initializer built."""
    from onrecord.extraction.pipeline import extract_articles

    return list(extract_articles(articles, _CONFIG))


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def pooled(
    items: Iterable[Article], fn: BatchFn, workers: int, batch_size: int = 8,
    initializer: Callable[..., None] | None = None, initargs: tuple[Any, ...] = (),
) -> Iterator[dict[str, Any]]:
    """``fn`` over batches of ``items`` in ``workers`` processes; results in input order.
    ``fn`` must be a module-level function (it is sent to the workers by name)."""
    with multiprocessing.get_context().Pool(workers, initializer=initializer, initargs=initargs) as pool:
        pending: deque[Any] = deque()
        for batch in _batches(items, batch_size):
            pending.append(pool.apply_async(fn, (batch,)))
            while len(pending) >= 2 * workers:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


def spacy_pool(config: Config, workers: int) -> Callable[[Iterable[Article]], Iterator[dict[str, Any]]]:
    def run(items: Iterable[Article]) -> Iterator[dict[str, Any]]:
        return pooled(items, spacy_batch, workers, initializer=start_worker, initargs=(config,))

    return run
