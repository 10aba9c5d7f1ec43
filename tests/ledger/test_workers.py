"""Worker processes (ledger/workers.py): which models may run without torch, and small batches in order."""

from __future__ import annotations

import subprocess
import sys

import pytest

from onrecord.config import DEFAULT_MODEL
from onrecord.ledger.workers import in_order, needs_torch


def test_a_model_with_pytorch_layers_needs_torch(tmp_path) -> None:
    (tmp_path / "config.cfg").write_text('[components.transformer.model]\n@architectures = "spacy-transformers.'
                                         'TransformerModel.v3"\n', encoding="utf-8")
    assert needs_torch(str(tmp_path))


def test_a_cpu_model_does_not(tmp_path) -> None:
    (tmp_path / "config.cfg").write_text('[components.tok2vec.model]\n@architectures = "spacy.Tok2Vec.v2"\n',
                                         encoding="utf-8")
    assert not needs_torch(str(tmp_path))
    assert not needs_torch(DEFAULT_MODEL)


def test_an_unknown_model_is_left_alone() -> None:
    assert needs_torch("no_such_model_package")


def test_a_worker_builds_the_pipeline_without_torch() -> None:
    code = ("import sys; from onrecord.config import Config; from onrecord.ledger.workers import start_worker; "
            "start_worker(Config()); from onrecord.extraction.pipeline import load_nlp; "
            "doc = load_nlp(Config())('Anna Berg said no.'); print(sys.modules.get('torch'), doc[2].pos_)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["None", "VERB"]


class Recording:
    """A pool that runs each batch at once and records what was sent, in the order sent."""

    def __init__(self) -> None:
        self.sent: list[list] = []

    def apply_async(self, fn, args, callback=None, error_callback=None):
        self.sent.append(list(args[0]))
        try:
            result = fn(*args)
        except Exception as err:  # noqa: BLE001  (handed to the caller, as multiprocessing does)
            error_callback(err)
        else:
            callback(result)


class Doc:  # an item with a text, as an Article has
    def __init__(self, name: str, words: int) -> None:
        self.name, self.text = name, "word " * words


def names(batch):
    return [{"id": d.name} for d in batch]


def test_results_come_back_in_input_order() -> None:
    items = list(range(7))
    got = list(in_order(Recording(), items, lambda batch: [{"id": i} for i in batch], workers=2, batch_size=2))
    assert [r["id"] for r in got] == items


def test_the_longest_article_read_ahead_goes_first_and_results_keep_the_input_order() -> None:
    items = [Doc(f"a{i}", 10) for i in range(6)] + [Doc("long", 5000)] + [Doc(f"b{i}", 10) for i in range(3)]
    pool = Recording()
    got = list(in_order(pool, items, names, workers=1, batch_size=1, lookahead=16))
    assert pool.sent[0][0].name == "long"  # read ahead with the rest, it is parsed first
    assert [r["id"] for r in got] == [d.name for d in items]


def test_a_short_article_does_not_wait_for_ever_behind_longer_ones() -> None:
    # every later article is longer than the first: after 2 x lookahead x workers of them it goes
    items = [Doc("first", 1)] + [Doc(f"x{i}", 10 + i) for i in range(40)]
    pool = Recording()
    got = list(in_order(pool, items, names, workers=1, batch_size=1, lookahead=4))
    position = [b[0].name for b in pool.sent].index("first")
    assert 0 < position <= 2 * 4 + 1
    assert [r["id"] for r in got] == [d.name for d in items]


def test_an_error_in_a_batch_reaches_the_caller() -> None:
    def broken(batch):
        raise RuntimeError("worker died")

    with pytest.raises(RuntimeError, match="worker died"):
        list(in_order(Recording(), [Doc("a", 1)], broken, workers=2))


def test_a_worker_can_be_terminated_whatever_handler_its_parent_had() -> None:
    # ray.init installs a Python SIGTERM handler in the driver; a forked worker inherits it, and a
    # Python handler cannot run while the worker waits on the pool's queue lock
    import signal

    from onrecord.ledger.workers import default_sigterm

    before = signal.signal(signal.SIGTERM, lambda signum, frame: None)
    try:
        default_sigterm()
        assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL
    finally:
        signal.signal(signal.SIGTERM, before)


def test_every_pool_worker_starts_with_the_default_sigterm() -> None:
    import signal

    from onrecord.ledger import workers

    called = []
    before = signal.signal(signal.SIGTERM, lambda signum, frame: None)
    try:
        workers._start(lambda *args: called.append(args), ("config",))  # what pooled gives its Pool
        assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL and called == [("config",)]
    finally:
        signal.signal(signal.SIGTERM, before)
