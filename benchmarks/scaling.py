"""Scaling benchmark (issue 13): does the pipeline's cost grow with the article, not its square?

    .venv/bin/python benchmarks/scaling.py [--corpus ../shared/corpus] [--words 1000 5000 25000 100000]
                                           [--kb 5 20 50 200] [--big-chars 999000 | --big-chars 0]

Three tables, each measured in one process, in the same run (the machine may be shared and
loaded: only figures of one run compare):

1. one article of N words, made by joining corpus releases (paragraph breaks between them):
   the model alone, as ``spacy.load`` gives it (tokenizer, tagger, parser, NER: the floor any
   spaCy-based extractor pays, as speed.py's "spacy-model"), against the whole OnRecord pipeline on
   the same text, and the ratio onrecord ÷ model; beside them OnRecord's own model part (its
   pipeline with its own stages disabled: the same annotation, faster, by the model components it
   replaces, extraction/attributes.py, lemmas.py and blas.py) and onrecord ÷ that, what our stages
   add to it.  Each is timed twice, interleaved, and the faster of each taken: one spike of a
   loaded machine's load does not decide the ratio;
2. adversarial texts of K kilobytes: quote-dense (a short quotation and its attribution,
   repeated) and mark-only (``"a" `` repeated: every word a quotation): OnRecord's time per
   character, and the ratio largest ÷ smallest (flat is linear); then the ledger's part, the
   clustering of one quote of K kilobytes (a single sentence with an ellipsis every few words)
   reported by three outlets, per character the same way, and the quote-dense article stored and
   clustered in a new SQLite ledger (its thousands of repeats of one quote are one cluster),
   beside the same with every cluster computed again from all its passages;
3. one article just under the 1 M-character limit, the model alone and OnRecord each in a
   fresh subprocess: the time and the process's peak resident memory (VmHWM).

Figures are printed, nothing is asserted; timing excludes loading the model.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

QUOTE_DENSE = '"We will not give up this land," the minister said. '
MARK_ONLY = '"a" '


def joined_corpus(paths: list[str], words: int = 0, chars: int = 0) -> str:
    """Corpus releases joined (in order, again from the first when they run out) until the text
    has ``words`` words or, with ``chars``, is cut to ``chars`` characters."""
    from onrecord.readers import iter_articles

    bodies = [a.body for a in iter_articles(paths) if not a.errors and a.body.strip()]
    if not bodies:
        sys.exit(f"no articles in {paths}")
    out: list[str] = []
    count = length = 0
    i = 0
    while (words and count < words) or (chars and length < chars):
        body = bodies[i % len(bodies)]
        out.append(body)
        count += len(body.split())
        length += len(body) + 2
        i += 1
    text = "\n\n".join(out)
    if chars:
        return text[:chars]
    # cut to the word count, at a word boundary
    pieces = text.split(" ")
    kept, seen = [], 0
    for piece in pieces:
        kept.append(piece)
        seen += len(piece.split())
        if seen >= words:
            break
    return " ".join(kept)


def repeated(unit: str, kb: int) -> str:
    return unit * max(1, kb * 1000 // len(unit))


def timed_extract(nlp, text: str) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    """Seconds and statements of OnRecord on one text."""
    start = time.perf_counter()
    found = extract(nlp, text)
    return time.perf_counter() - start, found


def model_seconds(nlp, ours: list[str], text: str) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    list(nlp.pipe([text], disable=ours))
    return time.perf_counter() - start


def pipeline():  # type: ignore[no-untyped-def]
    from onrecord.config import Config
    from onrecord.extraction import pieces
    from onrecord.extraction.pipeline import load_nlp

    nlp = load_nlp(Config())
    nlp.max_length = max(nlp.max_length, 1_100_000)
    return nlp, pieces.ours(nlp)  # after the model (the paragraph-break rule runs inside it)


def extract(nlp, text: str) -> int:  # type: ignore[no-untyped-def]
    from onrecord.extraction.pipeline import extract_article
    from onrecord.model import Article

    return len(extract_article(Article(id="scaling", text=text), nlp=nlp))


def stock_model():  # type: ignore[no-untyped-def]
    """The model as ``spacy.load`` gives it, without OnRecord's replacements."""
    import spacy

    from onrecord.config import DEFAULT_MODEL

    stock = spacy.load(DEFAULT_MODEL)
    stock.max_length = max(stock.max_length, 1_100_000)
    return stock


def lengths_table(paths: list[str], sizes: list[int]) -> None:
    nlp, ours = pipeline()
    stock = stock_model()
    warm = joined_corpus(paths, words=300)
    extract(nlp, warm)  # warm-up: lazy loads and caches out of the timing
    model_seconds(stock, [], warm)
    print(f"{'words':>9} {'chars':>10} {'model s':>9} {'onrecord s':>11} {'onrecord ÷ model':>17} "
          f"{'own model s':>12} {'onrecord ÷ own':>15} {'statements':>11}")
    for words in sizes:
        text = joined_corpus(paths, words=words)
        # each timed twice, interleaved, and the faster of each taken: a loaded machine's noise
        model = model_seconds(stock, [], text)
        own = model_seconds(nlp, ours, text)
        ours_s, found = timed_extract(nlp, text)
        model = min(model, model_seconds(stock, [], text))
        own = min(own, model_seconds(nlp, ours, text))
        ours_s = min(ours_s, timed_extract(nlp, text)[0])
        print(f"{len(text.split()):>9,} {len(text):>10,} {model:>9.2f} {ours_s:>11.2f} {ours_s / model:>16.2f}x "
              f"{own:>12.2f} {ours_s / own:>14.2f}x {found:>11}", flush=True)


def adversarial_table(kbs: list[int]) -> None:
    nlp, _ = pipeline()
    extract(nlp, QUOTE_DENSE * 3)
    print(f"{'text':<12} {'KB':>5} {'seconds':>9} {'µs/char':>9} {'statements':>11}")
    for name, unit in (("quote-dense", QUOTE_DENSE), ("mark-only", MARK_ONLY)):
        per_char = []
        for kb in kbs:
            text = repeated(unit, kb)
            seconds, found = timed_extract(nlp, text)
            per_char.append(seconds / len(text))
            print(f"{name:<12} {kb:>5} {seconds:>9.2f} {per_char[-1] * 1e6:>9.1f} {found:>11}", flush=True)
        print(f"{name:<12} time per character, largest ÷ smallest: {per_char[-1] / per_char[0]:.2f}x", flush=True)


LONG_QUOTE = "we will keep the corridor {} open for every ship, … "  # one sentence that goes on and on


def clustering_table(kbs: list[int]) -> None:
    """The ledger's part for adversarial input: one sentence of K kilobytes, all of it a quote
    with an ellipsis every few words, reported by three outlets (one leaves out its first third),
    clustered in memory (``linking.find_clusters``: passages, fingerprints, candidates, the
    exact check)."""
    from onrecord.ledger.linking import Member, find_clusters

    print(f"{'text':<12} {'KB':>5} {'seconds':>9} {'µs/char':>9} {'clusters':>11}")
    per_char = []
    for kb in kbs:
        quote, i = "", 0
        while len(quote) < kb * 1000:
            quote += LONG_QUOTE.format(i)
            i += 1
        reports = [quote, quote, quote[quote.index("… ", len(quote) // 3) + 2 :]]  # trimmed at an ellipsis
        members = [Member(n + 1, n + 1, "person:a", "A Speaker", "person", q, "direct", f"outlet {n}", "2025-01-01")
                   for n, q in enumerate(reports)]
        start = time.perf_counter()
        groups = find_clusters(members)
        seconds = time.perf_counter() - start
        per_char.append(seconds / len(quote))
        print(f"{'long quote':<12} {kb:>5} {seconds:>9.2f} {per_char[-1] * 1e6:>9.1f} {len(groups):>11}", flush=True)
    print(f"{'long quote':<12} time per character, largest ÷ smallest: {per_char[-1] / per_char[0]:.2f}x", flush=True)


def peak_mb() -> float:
    """This process's peak resident memory: VmHWM (ru_maxrss keeps the parent's peak across
    fork and exec on Linux, so a child started by a big process would report the parent's)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def big_one(paths: list[str], chars: int, config: str) -> dict:
    nlp, ours = (stock_model(), []) if config == "model" else pipeline()
    text = joined_corpus(paths, chars=chars)
    before = peak_mb()
    if config == "model":
        seconds, found = model_seconds(nlp, ours, text), 0
    else:
        seconds, found = timed_extract(nlp, text)
    return {"chars": len(text), "words": len(text.split()), "seconds": seconds, "statements": found,
            "peak_mb": peak_mb(), "loaded_mb": before}


def ledger_table(kbs: list[int]) -> None:
    """The ledger's part for a quote-dense article: its statements (extracted first, untimed)
    stored and clustered in a new SQLite ledger (``Ledger.ingest_articles``); beside it the same
    with every cluster computed again from all its passages (``clusters.SETTLED`` out of reach)."""
    import tempfile

    from onrecord.extraction.pipeline import extract_articles
    from onrecord.ledger import Ledger, clusters
    from onrecord.model import Article

    nlp, _ = pipeline()
    print(f"{'text':<12} {'KB':>5} {'seconds':>9} {'µs/char':>9} {'statements':>11} {'every run recomputes':>21}")
    settled_at, per_char = clusters.SETTLED, []
    for kb in kbs:
        text = repeated(QUOTE_DENSE, kb)
        article = Article(id=f"quote-dense-{kb}", text=text, date="2025-01-01")
        result = next(extract_articles([article], nlp=nlp))
        seconds = {}
        for mode, settled in (("settled", settled_at), ("recomputed", 10**12)):
            clusters.SETTLED = settled
            with tempfile.TemporaryDirectory() as tmp, Ledger(f"sqlite:///{Path(tmp) / 'q.db'}") as ledger:
                start = time.process_time()
                ledger.ingest_articles([article], extractor=lambda items, got=result: (got for _ in items))
                seconds[mode] = time.process_time() - start
        clusters.SETTLED = settled_at
        per_char.append(seconds["settled"] / len(text))
        print(f"{'quote-dense':<12} {kb:>5} {seconds['settled']:>9.2f} {per_char[-1] * 1e6:>9.1f} "
              f"{len(result['statements']):>11} {seconds['recomputed']:>19.2f} s", flush=True)
    print(f"{'quote-dense':<12} time per character, largest ÷ smallest: {per_char[-1] / per_char[0]:.2f}x", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", nargs="+", default=[str(REPO.parent / "shared" / "corpus")])
    ap.add_argument("--words", nargs="*", type=int, default=[1000, 5000, 25000, 100000])
    ap.add_argument("--kb", nargs="*", type=int, default=[5, 20, 50, 200])
    ap.add_argument("--big-chars", type=int, default=999_000, help="0: skip the near-limit article")
    ap.add_argument("--big", help=argparse.SUPPRESS)  # internal: the subprocess (model | onrecord)
    args = ap.parse_args()
    if args.big:
        print(json.dumps(big_one(args.corpus, args.big_chars, args.big)))
        return
    if args.words:
        print(f"== one article of N words (joined releases of {', '.join(args.corpus)}), one process ==")
        lengths_table(args.corpus, args.words)
    if args.kb:
        print("== adversarial texts, one process ==")
        adversarial_table(args.kb)
        print("== adversarial quotes in the ledger: clustering, one process ==")
        clustering_table(args.kb)
        print("== a quote-dense article in the ledger: stored and clustered (CPU time), one process ==")
        ledger_table(args.kb)
    for config in ("model", "onrecord") if args.big_chars else ():
        cmd = [sys.executable, __file__, "--big", config, "--big-chars", str(args.big_chars), "--corpus", *args.corpus]
        done = subprocess.run(cmd, capture_output=True, text=True)
        if done.returncode != 0:
            print(f"near-limit article, {config}: failed\n{done.stderr[-2000:]}", file=sys.stderr)
            continue
        r = json.loads(done.stdout.strip().splitlines()[-1])
        if config == "model":
            print(f"== one article of {r['chars']:,} characters ({r['words']:,} words), each in a fresh process ==")
        print(f"{config:<9} seconds {r['seconds']:.1f}; statements {r['statements']}; peak RSS {r['peak_mb']:.0f} MB "
              f"(after loading the model: {r['loaded_mb']:.0f} MB)", flush=True)


if __name__ == "__main__":
    main()
