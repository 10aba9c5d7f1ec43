"""Worker processes (ledger/workers.py): which models may run without torch, and small batches in order."""

from __future__ import annotations

import subprocess
import sys

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


def test_results_come_back_in_input_order() -> None:
    class Now:  # a pool that runs each batch at once
        def apply_async(self, fn, args):
            result = fn(*args)
            return type("Done", (), {"get": lambda self: result})()

    items = list(range(7))
    got = list(in_order(Now(), items, lambda batch: [{"id": i} for i in batch], workers=2, batch_size=2))
    assert [r["id"] for r in got] == items
