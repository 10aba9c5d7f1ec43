"""The model's matrix products on numpy's BLAS (blas.py) give the model's own annotation."""

from __future__ import annotations

import numpy
import pytest
import spacy
from thinc.api import Model, NumpyOps
from threadpoolctl import threadpool_info

from onrecord.config import DEFAULT_MODEL
from onrecord.extraction.blas import NumpyBlasOps, one_thread, use_numpy_blas

TEXT = ("The minister told reporters in Geneva on Tuesday that the talks would resume next week. "
        "\"We are not there yet,\" she said, adding that Maria Lopez of the Red Cross had asked for more time.\n\n"
        "Officials in Brussels did not comment.")


def annotation(doc) -> list:
    return [[(t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_, t.lemma_) for t in doc]]


@pytest.fixture(scope="module")
def models():
    stock = spacy.load(DEFAULT_MODEL)
    ours = spacy.load(DEFAULT_MODEL)
    return stock, ours, use_numpy_blas(ours)


def test_every_cpu_layer_gets_the_numpy_blas_ops(models) -> None:
    _, ours, changed = models
    assert changed > 0
    models = [proc.model for _, proc in ours.pipeline if isinstance(getattr(proc, "model", None), Model)]
    layers = [layer for model in models for layer in model.walk()]
    assert {"tok2vec", "ner"} <= {name for name, proc in ours.pipeline if getattr(proc, "model", None) in models}
    assert all(isinstance(layer.ops, NumpyBlasOps) for layer in layers)
    assert use_numpy_blas(ours) == 0  # a second call finds nothing left to change


def test_same_annotation_as_the_stock_model(models) -> None:
    stock, ours, _ = models
    assert annotation(ours(TEXT)) == annotation(stock(TEXT))


def test_the_product_is_the_product() -> None:
    rng = numpy.random.default_rng(0)
    x = rng.standard_normal((50, 30), dtype=numpy.float32)
    y = rng.standard_normal((40, 30), dtype=numpy.float32)
    blis = NumpyOps(use_blis=True).gemm(x, y, trans2=True)
    ours = NumpyBlasOps().gemm(x, y, trans2=True)
    assert ours.shape == (50, 40) and numpy.allclose(ours, blis, atol=1e-4)
    out = numpy.empty((30, 30), dtype=numpy.float32)
    assert NumpyBlasOps().gemm(x, x, out=out, trans1=True) is out and numpy.allclose(out, x.T @ x, atol=1e-4)


def test_one_thread_only_inside_the_block() -> None:
    before = [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"]
    with one_thread():
        assert all(lib["num_threads"] == 1 for lib in threadpool_info() if lib["user_api"] == "blas")
    assert [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"] == before


def test_the_loaded_pipeline_is_left_out_of_full_collections(nlp) -> None:
    import gc

    # pipeline.settle: the model's objects in the permanent generation, which collections skip
    assert gc.get_freeze_count() > 100_000


@pytest.mark.parametrize("pieces", [1, 2, 3, 4])
def test_maxout_picks_what_thincs_loop_picks(pieces: int) -> None:
    rng = numpy.random.default_rng(pieces)
    X = rng.standard_normal((257, 96, pieces)).astype("float32")
    if pieces > 1:  # ties, and signed zeros, where the first of equal pieces must win
        X[::3, :, 1] = X[::3, :, 0]
        X[1::7, :, 0], X[1::7, :, 1] = -0.0, 0.0
    best, kept = NumpyBlasOps().maxout(X)
    stock_best, which = NumpyOps().maxout(X)
    assert best.dtype == stock_best.dtype and best.shape == stock_best.shape
    assert numpy.array_equal(best.view(numpy.int32), stock_best.view(numpy.int32))  # bit for bit
    dY = rng.standard_normal(best.shape).astype("float32")
    # training asks which piece won: found then, the same as thinc's
    assert numpy.array_equal(NumpyBlasOps().backprop_maxout(dY, kept, pieces),
                             NumpyOps().backprop_maxout(dY, which, pieces))


def test_maxout_of_no_rows() -> None:
    best, _ = NumpyBlasOps().maxout(numpy.zeros((0, 4, 3), dtype="float32"))
    assert best.shape == (0, 4)


def test_layernorm_predicts_what_thincs_forward_does() -> None:
    from thinc.api import LayerNorm
    from thinc.layers.layernorm import forward as thinc_layernorm

    from onrecord.extraction.blas import layernorm_forward

    rng = numpy.random.default_rng(7)
    layer = LayerNorm(96)
    layer.initialize(X=numpy.zeros((2, 96), dtype="float32"))
    layer.set_param("G", rng.random(96, dtype=numpy.float32) + 0.5)
    layer.set_param("b", rng.standard_normal(96).astype("float32"))
    X = (rng.standard_normal((513, 96)) * 3 + 1).astype("float32")
    ours, _ = layernorm_forward(layer, X, False)
    theirs, _ = thinc_layernorm(layer, X, False)
    assert numpy.array_equal(ours.view(numpy.int32), theirs.view(numpy.int32))  # bit for bit
    trained, backprop = layernorm_forward(layer, X, True)  # training: thinc's own, with its backprop
    assert numpy.array_equal(trained, theirs) and backprop(numpy.ones_like(X)).shape == X.shape


def test_the_pipelines_layernorms_predict_with_ours(models) -> None:
    from onrecord.extraction.blas import layernorm_forward

    _, ours, _ = models
    layers = [layer for _, proc in ours.pipeline if isinstance(getattr(proc, "model", None), Model)
              for layer in proc.model.walk() if layer.name == "layernorm"]
    assert layers and all(layer._func is layernorm_forward for layer in layers)
