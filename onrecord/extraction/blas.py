"""The model's matrix products through numpy's BLAS on one thread, instead of the BLIS build that
thinc bundles: the same products, a quarter less of the model's CPU time; and its maxout and
layer normalisation with the same bits, faster.

thinc's ``NumpyOps.gemm`` multiplies with the ``blis`` package unless told ``use_blis=False``,
when it calls ``numpy.dot`` (https://thinc.ai/docs/api-backends#ops: "use_blis").  Every
convolution layer of the model's two tok2vec networks (the shared one and the NER's own) and the
first layer of the parser and NER (computed for every token before the transition loop) is one
such product.  Measured on the corpus (one process, an AMD EPYC with AVX-512): a (2000 × 288) ·
(288 × 288) float32 product took 2.9x less CPU time with numpy's OpenBLAS on one thread than with
BLIS, and the model alone 9.2-10.0 s instead of 12.9-14.1 s; the tags, heads, labels, entities and
lemmas of the corpus were identical (the sums differ in the last bits, never enough to change a
decision there; ``benchmarks/accuracy.py`` and the news scorer check the rest).

One thread: OnRecord's parallelism is processes (``--n-process``), one per core; a BLAS thread
pool in each would compete with the other workers (and spin on a shared machine), so each product
runs with the BLAS limited to one thread (threadpoolctl, https://github.com/joblib/threadpoolctl)
and the limit is lifted after it, leaving the rest of the process as it was (threads that multiply
at the same moment may leave the count at one: a matter of speed, never of the result).

The same ops take each maxout layer's best piece with ``numpy.maximum`` (``NumpyBlasOps.maxout``),
the same bits as thinc's compiled loop, which walks the (tokens × 96 units × 3 pieces) array one
unit at a time and took several times longer.  Every layer of both tok2vec networks has one:
``benchmarks/model_build.py`` prints the shared tok2vec's CPU time with each.  And each LayerNorm
layer predicts by ``layernorm_forward``: thinc's arithmetic, each step once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

import numpy
from spacy.language import Language
from thinc.api import Model, NumpyOps
from thinc.layers.layernorm import forward as thinc_layernorm
from threadpoolctl import ThreadpoolController


@cache
def _controller() -> ThreadpoolController:
    """The process's BLAS libraries, found once (finding them walks the loaded libraries)."""
    return ThreadpoolController()


@contextmanager
def one_thread() -> Iterator[None]:
    """The BLAS on one thread for the block (about 16 µs)."""
    with _controller().limit(limits=1, user_api="blas"):
        yield


class NumpyBlasOps(NumpyOps):
    """``NumpyOps`` whose matrix product is numpy's (``use_blis=False``) on one BLAS thread, and
    whose maxout is numpy's."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(use_blis=False, **kwargs)

    def gemm(self, x: Any, y: Any, *, out: Any = None, trans1: bool = False, trans2: bool = False) -> Any:
        with one_thread():
            return super().gemm(x, y, out=out, trans1=trans1, trans2=trans2)

    def maxout(self, X: Any) -> tuple[Any, Any]:
        """The best of each unit's pieces by ``numpy.maximum``, piece after piece, and the same
        bits as thinc's loop: where pieces tie at zero (+0.0 and -0.0, which ``maximum`` may take
        either of) the first wins, as in thinc's loop (a later piece wins only when greater).
        Which piece won is only read when training (``backprop_maxout``): ``X`` is kept for it."""
        pieces = X.shape[2]
        if pieces < 2:
            return X[:, :, 0].copy(), X
        best = numpy.maximum(X[:, :, 0], X[:, :, 1])
        for piece in range(2, pieces):
            numpy.maximum(best, X[:, :, piece], out=best)
        zeros = numpy.flatnonzero(best == 0)
        if len(zeros):
            candidates = X.reshape(-1, pieces)[zeros]
            first = candidates[:, 0].copy()
            for piece in range(1, pieces):
                greater = candidates[:, piece] > first
                first[greater] = candidates[greater, piece]
            best.reshape(-1)[zeros] = first
        return best, X

    def backprop_maxout(self, dY: Any, which: Any, P: int) -> Any:
        if which.dtype != numpy.int32:  # the pieces ``maxout`` kept: which won, found now
            which = super().maxout(which)[1]
        return super().backprop_maxout(dY, which, P)


def use_numpy_blas(nlp: Language) -> int:
    """Give every layer of the pipeline's models that runs on thinc's plain ``NumpyOps`` a
    ``NumpyBlasOps`` instead (a GPU's or another backend's ops are left alone).  Returns the
    number of layers changed."""
    ops = NumpyBlasOps()
    changed = 0
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if not isinstance(model, Model):
            continue
        for layer in model.walk():
            if type(layer.ops) is NumpyOps:  # exactly thinc's default CPU ops
                layer.ops = ops
                changed += 1
                if layer._func is thinc_layernorm:  # thinc keeps a layer's forward there
                    layer._func = layernorm_forward
    return changed


def layernorm_forward(model: Model, X: Any, is_train: bool) -> tuple[Any, Callable[[Any], Any]]:
    """thinc's ``LayerNorm`` forward (``thinc/layers/layernorm.py``) when predicting, with its
    arithmetic done once: the mean, the distance from it (thinc subtracts it twice, once inside
    ``numpy.var``), the variance as ``numpy.var`` sums it, the scale and shift in place; the same
    operations in the same order, so the same bits (tested), with fewer passes over the array.
    Training (``is_train``) goes to thinc's own, which keeps what its backprop needs."""
    if is_train:
        return thinc_layernorm(model, X, is_train)
    mean = X.mean(axis=1, keepdims=True)
    dist = X - mean
    var = numpy.add.reduce(dist * dist, axis=1, keepdims=True) / X.shape[1] + 1e-08
    Y = dist * var ** (-1.0 / 2.0)
    Y *= model.get_param("G")
    Y += model.get_param("b")
    return Y, _prediction_only


def _prediction_only(dY: Any) -> Any:
    raise RuntimeError("layernorm_forward predicts only: train with thinc's forward (is_train=True)")
