"""Which spaCy build runs the model, and what its parser and NER cost: the check behind the pin.

    .venv/bin/python benchmarks/model_build.py [--corpus ../shared/corpus]

spaCy's wheels from 3.8.8 on are built with Cython 3.2 or later, and their transition loop (the
parser's and the NER's ``_parseC``, run without the GIL) takes the GIL back several times per
action: ``perf`` shows a third of the NER's time in ``pthread_mutex_lock``/``unlock`` under
``StateC::B_`` -> ``PyGILState_Ensure``.  The tok2vec networks before the loop are numpy and BLAS
and do not change with the build.  pyproject.toml therefore pins the releases built before
(3.8.2-3.8.6 with Cython 0.29, 3.8.7 with Cython 3.1).

On the articles, in one process, this prints the spaCy version and the Cython that built it (read
from the compiled parser module), then for the parser and the NER: the CPU seconds of the whole
component, of its own tok2vec (the NER has one; the parser listens to the shared one, timed apart),
and the rest, the transition loop, in microseconds per token; and the shared tok2vec again with
thinc's own maxout (``blas.NumpyBlasOps.maxout`` is numpy's).  Run it in a virtual environment
with another spaCy to compare builds.  Prints; asserts nothing.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def cython_build() -> str:
    """The Cython version that compiled spaCy's parser, as its shared types record it
    ("3.3.0"), or "0.29 or earlier" when the module names none (Cython 0.29 does not)."""
    import spacy.pipeline.transition_parser as parser

    data = Path(parser.__file__).read_bytes()
    found = sorted({m.decode() for m in re.findall(rb"_cython_(3_\d+_\d+)", data)})
    return ", ".join(v.replace("_", ".") for v in found) if found else "0.29 or earlier"


def cpu(fn) -> float:  # type: ignore[no-untyped-def]
    start = time.process_time()
    fn()
    return time.process_time() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", nargs="+", default=[str(REPO.parent / "shared" / "corpus")])
    ap.add_argument("--batch-size", type=int, default=16)
    args = ap.parse_args()
    import spacy

    from benchmarks.speed import load_texts
    from onrecord.config import Config
    from onrecord.extraction.pieces import ours
    from onrecord.extraction.pipeline import load_nlp, make_doc
    from onrecord.model import Article

    texts = load_texts(args.corpus)
    nlp = load_nlp(Config())
    docs = [make_doc(nlp, Article(id=str(i), text=t, date=d or None)) for i, (t, d) in enumerate(texts)]
    batches = range(0, len(docs), args.batch_size)
    after_model = set(ours(nlp))
    for name, component in nlp.pipeline:  # the model's components up to the NER, as nlp.pipe runs them
        if name in after_model:
            break
        if name == "ner":
            continue
        if hasattr(component, "pipe"):
            docs = [d for i in batches for d in component.pipe(docs[i:i + args.batch_size])]
        else:  # a plain function component (the paragraph-break rule)
            docs = [component(d) for d in docs]
    tokens = sum(len(d) for d in docs)
    print(f"== model build: spaCy {spacy.__version__}, built with Cython {cython_build()}; "
          f"{len(docs)} articles, {tokens:,} tokens; CPU seconds, one process ==")
    shared = nlp.get_pipe("tok2vec").model
    shared.predict(docs[: args.batch_size])  # warm-up: the first call's allocations out of the timing
    encode_shared = cpu(lambda: [shared.predict(docs[i:i + args.batch_size]) for i in batches])
    print(f"shared tok2vec {encode_shared:6.2f} s (the parser reads its output)")
    # the maxout of every tok2vec layer: numpy's (blas.NumpyBlasOps.maxout) against thinc's loop
    from thinc.api import NumpyOps

    from onrecord.extraction.blas import NumpyBlasOps

    numpy_maxout = NumpyBlasOps.maxout
    NumpyBlasOps.maxout = NumpyOps.maxout  # type: ignore[method-assign]
    try:
        thinc_maxout = cpu(lambda: [shared.predict(docs[i:i + args.batch_size]) for i in batches])
    finally:
        NumpyBlasOps.maxout = numpy_maxout  # type: ignore[method-assign]
    print(f"shared tok2vec {thinc_maxout:6.2f} s with thinc's maxout instead of numpy's")
    for name in ("parser", "ner"):
        component = nlp.get_pipe(name)
        whole = cpu(lambda: [component.predict(docs[i:i + args.batch_size]) for i in batches])  # noqa: B023
        # the NER has a tok2vec of its own, run inside its predict; the parser listens to the shared one
        own = component.model.get_ref("tok2vec")
        encode = cpu(lambda: [own.predict(docs[i:i + args.batch_size]) for i in batches]) if name == "ner" else 0.0  # noqa: B023
        rest = whole - encode
        print(f"{name:14} {whole:6.2f} s   own tok2vec {encode:5.2f} s   the rest (first layer and transition "
              f"loop) {rest:5.2f} s = {rest / tokens * 1e6:5.1f} us per token")


if __name__ == "__main__":
    main()
