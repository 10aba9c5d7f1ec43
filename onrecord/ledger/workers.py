"""Extraction in several processes for ``ingest --workers N``.

Each worker process builds the pipeline once, in its initializer, from the ``Config`` it is given,
and turns batches of Articles into result dicts (plain data, cheap to send back).  This does not
rely on spaCy's own ``n_process``, which has to serialise whole Docs with our extension
attributes.  Articles are read from the input in the calling thread, ``LOOKAHEAD`` per worker
ahead, so the reading (and the ledger's "stored already?" check) stays in order and memory stays
bounded; the longest read go first (``in_order``), and results come back in input order.

Batches are small (``BATCH_SIZE`` articles): the articles of a corpus differ in length by 50x, and
with a few large batches the last one keeps one worker busy while the others wait (measured on the
corpus with 2 workers, before the longest were sent first: batches of 8 gave 1.38x one process).
Not the smallest, though: each batch costs a round trip and a pass of the pipeline's setup, which
weighs more as extraction gets faster (timed on the corpus with 2 workers: batches of 4 took less
time than batches of 2, and about the time of batches of 8 with a lower peak).  A worker's memory
is the model plus the batch it parses, so small batches also keep its peak down.
"""

from __future__ import annotations

import importlib.util
import multiprocessing
import queue
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.pool import Pool
from pathlib import Path
from typing import Any

from onrecord.config import Config
from onrecord.model.article import Article

BatchFn = Callable[[list[Article]], list[dict[str, Any]]]
BATCH_SIZE = 4  # articles sent to a worker at a time
# Articles read ahead per worker, to send the longest first: the corpus's longest release (9,739
# words, 14% of its words) comes 76th of 84; read in order, one worker parsed it at the end while
# the other waited (2 workers: busiest 7.9 s CPU, the other 6.7 s).
LOOKAHEAD = 16
_END = object()  # the input is read to its end

_CONFIG: Config | None = None  # the settings of this worker process, from its initializer


def needs_torch(model: str) -> bool:
    """The spaCy model's config names a PyTorch or transformer layer (or cannot be read)."""
    path = Path(model)
    if not path.is_dir():
        spec = importlib.util.find_spec(model.replace("-", "_"))
        if spec is None or not spec.submodule_search_locations:
            return True
        package = Path(next(iter(spec.submodule_search_locations)))
        path = next((p.parent for p in package.glob("*/config.cfg")), package)
    try:
        text = (path / "config.cfg").read_text(encoding="utf-8").lower()
    except OSError:
        return True
    return "torch" in text or "transformer" in text


def keep_torch_out(model: str) -> None:
    """thinc imports torch whenever it is installed (``thinc.compat``), about 250 MB of a worker's
    memory, though a CPU model without PyTorch layers never calls it: for such a model, a worker
    that has not imported it yet marks it absent (``import torch`` then raises ImportError, which
    thinc expects and handles)."""
    if "torch" not in sys.modules and "thinc" not in sys.modules and not needs_torch(model):
        sys.modules["torch"] = None  # type: ignore[assignment]


def default_sigterm() -> None:
    """SIGTERM back to the system's default in a worker: a forked worker inherits its parent's
    Python handlers (``ray.init`` installs one in the driver), and a Python handler runs only
    between bytecodes, so ``Pool.terminate`` could not end a worker waiting for its next task on
    the pool's queue lock, and the pool's exit waited for it forever."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def start_worker(config: Config) -> None:
    """Pool initializer: keep the settings and build the pipeline before the first batch."""
    global _CONFIG
    keep_torch_out(config.model)
    from onrecord.extraction.pipeline import load_nlp

    _CONFIG = config
    load_nlp(config)


def spacy_batch(articles: list[Article]) -> list[dict[str, Any]]:
    """Extract a batch in a worker process, with the pipeline its initializer built."""
    from onrecord.extraction.pipeline import extract_articles

    return list(extract_articles(articles, _CONFIG))


def _length(item: Any) -> int:
    """How much work an item is: its text's length (an Article), else nothing to tell apart."""
    return len(getattr(item, "text", "") or "")


def in_order(pool: Pool, items: Iterable[Article], fn: BatchFn, workers: int,
             batch_size: int = BATCH_SIZE, lookahead: int = LOOKAHEAD) -> Iterator[dict[str, Any]]:
    """``fn`` over batches of ``items`` in a running ``pool``; results in input order.

    Longest first within a read-ahead buffer (LPT scheduling, Graham 1969): ``lookahead`` articles
    per worker are read ahead and the longest go to the next free worker, so a long article met
    late in the input does not keep one worker busy at the end while the others wait. An article
    passed over until ``2 * lookahead * workers`` later ones were read goes next, which bounds the
    results held back for the input order.  ``fn`` gives one result per item."""
    completed: queue.SimpleQueue[tuple[list[int], Any]] = queue.SimpleQueue()
    source = iter(items)
    buffer: dict[int, Article] = {}  # read, not yet sent: input position -> article
    done: dict[int, dict[str, Any]] = {}  # results held back until those before them are out
    read = sent_batches = next_out = 0
    window = max(lookahead, 2 * batch_size) * workers  # enough to keep every worker busy
    exhausted = False

    def send(positions: list[int]) -> None:
        batch = [buffer.pop(i) for i in positions]
        pool.apply_async(fn, (batch,), callback=lambda res: completed.put((positions, res)),
                         error_callback=lambda err: completed.put((positions, err)))

    while True:
        while not exhausted and len(buffer) < window:
            item = next(source, _END)
            exhausted = item is _END
            if not exhausted:
                buffer[read] = item
                read += 1
        while buffer and sent_batches < 2 * workers:
            if read - min(buffer) > 2 * window:
                chosen = sorted(buffer)[:batch_size]
            else:
                chosen = sorted(buffer, key=lambda i: _length(buffer[i]), reverse=True)[:batch_size]
            send(chosen)
            sent_batches += 1
        while next_out in done:
            yield done.pop(next_out)
            next_out += 1
        if not sent_batches and not buffer and exhausted:
            return
        positions, results = completed.get()
        sent_batches -= 1
        if isinstance(results, BaseException):
            raise results
        done.update(zip(positions, results, strict=True))


def pooled(
    items: Iterable[Article], fn: BatchFn, workers: int, batch_size: int = BATCH_SIZE,
    initializer: Callable[..., None] | None = None, initargs: tuple[Any, ...] = (),
) -> Iterator[dict[str, Any]]:
    """``fn`` over batches of ``items`` in ``workers`` processes; results in input order.
    ``fn`` must be a module-level function (it is sent to the workers by name)."""
    with multiprocessing.get_context().Pool(workers, initializer=_start, initargs=(initializer, initargs)) as pool:
        yield from in_order(pool, items, fn, workers, batch_size)


def _start(initializer: Callable[..., None] | None, initargs: tuple[Any, ...]) -> None:
    """Every worker's start: SIGTERM as the system has it, then the caller's initializer."""
    default_sigterm()
    if initializer is not None:
        initializer(*initargs)


def spacy_workers(config: Config, workers: int) -> Pool:
    """A pool of ``workers`` processes, each with the pipeline of ``config`` built (for a caller
    that runs several inputs through one pool, as the speed benchmark does)."""
    return multiprocessing.get_context().Pool(workers, initializer=_start, initargs=(start_worker, (config,)))


def spacy_pool(config: Config, workers: int) -> Callable[[Iterable[Article]], Iterator[dict[str, Any]]]:
    def run(items: Iterable[Article]) -> Iterator[dict[str, Any]]:
        return pooled(items, spacy_batch, workers, initializer=start_worker, initargs=(config,))

    return run
