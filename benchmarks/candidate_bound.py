"""How much a candidate-only parse could save: the bound behind issue "Linear time"'s 1.5x.

    .venv/bin/python benchmarks/candidate_bound.py [--corpus ../shared/corpus]

A statement needs a quotation mark or a cue word (``cues.tsv`` and the noun and adjective cues) in
its sentence; the speaker and pronoun rules also read the sentence before.  On the articles, in
one process, this prints: the share of the words in candidate sentences (alone, and with the
sentence before); the CPU time of each component of the pipeline on the whole articles; the NER's
time on the candidate windows alone (each window cut out with ``Span.as_doc``, timed apart); and
the bound: the pipeline's time over what it would be if the NER and the parser cost nothing
outside the candidates (their time times the share of words outside, no cost to cut, no loss).
Prints; asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def windows(doc, marks: set[str], lemmas: set[str], before: int) -> list[tuple[int, int]]:
    """Token ranges of the candidate sentences (and ``before`` sentences before each), merged."""
    sents = list(doc.sents)
    hit = [any(any(c in marks for c in t.text) or t.lemma_.lower() in lemmas for t in s) for s in sents]
    out: list[list[int]] = []
    for i, sent in enumerate(sents):
        if not any(hit[i:i + before + 1]):
            continue
        if out and out[-1][1] == sent.start:
            out[-1][1] = sent.end
        else:
            out.append([sent.start, sent.end])
    return [(a, b) for a, b in out]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", nargs="+", default=[str(REPO.parent / "shared" / "corpus")])
    args = ap.parse_args()
    from benchmarks.speed import load_texts
    from onrecord.config import Config
    from onrecord.extraction.pipeline import load_nlp, make_doc
    from onrecord.lexicons.cues import load_cue_lexicon, load_state_cues
    from onrecord.lexicons.quote_marks import ALL_MARKS
    from onrecord.model import Article

    texts = load_texts(args.corpus)
    nlp = load_nlp(Config())
    articles = [Article(id=str(i), text=t, date=d or None) for i, (t, d) in enumerate(texts)]
    list(nlp.pipe([make_doc(nlp, a) for a in articles[:5]]))  # warm-up
    docs = [make_doc(nlp, a) for a in articles]
    seconds: dict[str, float] = {}
    for name, component in nlp.pipeline:  # each component over all the articles, in batches as nlp.pipe does
        start = time.process_time()
        docs = list(component.pipe(docs, batch_size=16)) if hasattr(component, "pipe") else [component(d) for d in docs]
        seconds[name] = time.process_time() - start
    total = sum(seconds.values())
    marks = set(ALL_MARKS) - {"'", "’"}  # an apostrophe is no quotation
    lemmas = set(load_cue_lexicon()) | set(load_state_cues("noun")) | set(load_state_cues("adjective"))
    words = sum(len(d) for d in docs)
    print(f"== candidate-only parse bound: {len(docs)} articles, {words:,} tokens; CPU seconds, one process ==")
    print("  ".join(f"{name.removeprefix('onrecord_')} {s:.2f}" for name, s in seconds.items()))
    ner = nlp.get_pipe("ner")
    for before in (0, 1):
        spans = [(d, a, b) for d in docs for a, b in windows(d, marks, lemmas, before)]
        share = sum(b - a for _, a, b in spans) / words
        start = time.process_time()
        cut = [d[a:b].as_doc() for d, a, b in spans]
        cutting = time.process_time() - start
        start = time.process_time()
        list(ner.pipe(cut, batch_size=16))
        on_windows = time.process_time() - start
        saved = (1 - share) * (seconds["ner"] + seconds["parser"])
        print(f"candidate sentences{' + the one before' if before else ''}: {share:.1%} of the tokens; "
              f"NER on them {on_windows:.2f} s + cutting {cutting:.2f} s vs {seconds['ner']:.2f} s on all; "
              f"bound: pipeline {total:.2f} s -> {total - saved:.2f} s, at most {total / (total - saved):.2f}x faster")


if __name__ == "__main__":
    main()
