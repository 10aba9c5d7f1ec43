"""Speed benchmark: articles/s, words/s and peak memory of the extractor, next to baselines
measured in the same run on the same articles.

    .venv/bin/python benchmarks/speed.py [--corpus ../shared/corpus] [--repeat 1] [--n-process 1]

Each configuration runs in a fresh subprocess, so its peak resident memory (ru_maxrss) is its own:
- spacy-model:  the English pipeline alone (tokenizer, tagger, parser, NER) via nlp.pipe: the
                floor any spaCy-based extractor pays;
- textacy:      the model plus textacy's direct_quotations (the accuracy benchmark's baseline);
- onrecord:     the whole OnRecord pipeline (extract_articles);
- onrecord-nN:  the same in N worker processes (ledger.workers: what ``extract --workers N`` and
                ``ingest --workers N`` use), when --n-process N > 1; its peak MB is the largest
                worker's (the parent only reads and collects) and "vs 1 process" its speed-up.
Figures are printed, nothing is asserted; timing excludes loading the model (for onrecord-nN: the
pool is started and warmed up on the same articles before the timed run).  ``--repeat R`` times R
runs in each process and keeps the fastest; ``--rounds N`` runs every configuration N times,
interleaved, prints each round's ratios and the table of the median round: two single runs on one
day, on this 2-core machine, gave onrecord ÷ textacy 0.86x and 1.41x.  "CPU s" is the timed
run's CPU time (for onrecord-nN: the busiest worker's), which a machine shared with other work
stretches much less than wall time: the ratios of CPU time are what the run would show on free cores.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))


def load_texts(paths: list[str]) -> list[tuple[str, str]]:
    from onrecord.readers import iter_articles

    return [(a.body, a.date or "") for a in iter_articles(paths) if not a.errors and a.body.strip()]


def run_one(config: str, paths: list[str], repeat: int) -> dict:
    texts = load_texts(paths)
    words = sum(len(t.split()) for t, _ in texts)
    from onrecord.config import DEFAULT_MODEL, Config
    from onrecord.extraction.pipeline import load_nlp

    if config == "spacy-model":
        import spacy

        nlp = spacy.load(DEFAULT_MODEL)

        def work() -> int:
            return sum(1 for _ in nlp.pipe([t for t, _ in texts], batch_size=16))
    elif config == "textacy":
        import spacy
        from textacy.extract import direct_quotations

        nlp = spacy.load(DEFAULT_MODEL)

        def work() -> int:
            n = 0
            for doc in nlp.pipe([t for t, _ in texts], batch_size=16):
                try:
                    n += len(list(direct_quotations(doc)))
                except ValueError:  # textacy refuses unbalanced quotation marks
                    pass
            return n
    elif "-n" in config:
        from onrecord.ledger.workers import in_order, spacy_batch, spacy_workers
        from onrecord.model import Article

        n_process = int(config.split("-n")[1])
        pool = spacy_workers(Config(), n_process)

        def work() -> int:
            arts = (Article(id=str(i), text=t, date=d or None) for i, (t, d) in enumerate(texts))
            return sum(len(r["statements"]) for r in in_order(pool, arts, spacy_batch, n_process))
    else:
        from onrecord.extraction.pipeline import extract_articles
        from onrecord.model import Article

        nlp = load_nlp(Config())

        def work() -> int:
            arts = (Article(id=str(i), text=t, date=d or None) for i, (t, d) in enumerate(texts))
            return sum(len(r["statements"]) for r in extract_articles(arts, nlp=nlp))

    work_items = work()  # warm-up: lazy loads and caches out of the timing
    workers = [p.pid for p in pool._pool] if "-n" in config else []  # noqa: SLF001  (the pool's processes)
    cpu_before = [cpu_seconds(pid) for pid in workers] or [cpu_seconds()]
    # each repetition timed on its own, the least disturbed one kept (timeit's rule: noise only
    # ever adds time); CPU seconds of the same repetition: of this process, or of the busiest
    # worker (what the run would take with a free core per worker)
    seconds = cpu = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        work_items = work()
        elapsed = time.perf_counter() - start
        cpu_after = [cpu_seconds(pid) for pid in workers] or [cpu_seconds()]
        used = max(after - before for after, before in zip(cpu_after, cpu_before, strict=True))
        cpu_before = cpu_after
        if elapsed < seconds:
            seconds, cpu = elapsed, used
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if "-n" in config:
        pool.close()
        pool.join()  # the workers are waited for: RUSAGE_CHILDREN then holds the largest one's peak
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"config": config, "articles": len(texts), "words": words, "seconds": seconds,
            "items": work_items, "peak_mb": peak_mb, "cpu": cpu}


def _ratio(rows: list[dict], a: str, b: str) -> float | None:
    by = {r["config"]: r for r in rows}
    return by[b]["seconds"] / by[a]["seconds"] if a in by and b in by else None


def print_rounds(rounds: list[list[dict]], n_process: int) -> None:
    """One line per round: the ratios that round measured, so that the spread is seen (a machine
    shared with other work moves one round's figures by tens of percent)."""
    for i, rows in enumerate(rounds, 1):
        parts = [f"onrecord ÷ textacy {_ratio(rows, 'onrecord', 'textacy') or 0:.2f}x",
                 f"onrecord time ÷ model {_ratio(rows, 'spacy-model', 'onrecord') or 0:.2f}x",
                 f"textacy time ÷ model {_ratio(rows, 'spacy-model', 'textacy') or 0:.2f}x"]
        many = _ratio(rows, f"onrecord-n{n_process}", "onrecord")
        if many is not None:
            parts.append(f"{n_process} workers ÷ one process {many:.2f}x")
        print(f"round {i}: " + ", ".join(parts))


def median_round(rounds: list[list[dict]]) -> list[dict]:
    """The round whose onrecord ÷ textacy ratio is the median of the rounds' (all of one round's
    figures, so that its table is one consistent measurement)."""
    ranked = sorted(rounds, key=lambda rows: _ratio(rows, "onrecord", "textacy") or 0)
    return ranked[(len(ranked) - 1) // 2]


def cpu_seconds(pid: int | None = None) -> float:
    """User and system CPU seconds of this process or of process ``pid`` (/proc/PID/stat)."""
    if pid is None:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return usage.ru_utime + usage.ru_stime
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", nargs="+", default=[str(REPO.parent / "shared" / "corpus")])
    ap.add_argument("--repeat", type=int, default=1, help="timed runs per process; the fastest is kept")
    ap.add_argument("--rounds", type=int, default=1,
                    help="run every configuration this many times, interleaved; the median round's ratios are printed")
    ap.add_argument("--n-process", type=int, default=1)
    ap.add_argument("--one", help=argparse.SUPPRESS)  # internal: run one configuration
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.corpus, args.repeat)))
        return
    configs = ["spacy-model", "textacy", "onrecord"]
    if args.n_process > 1:
        configs.append(f"onrecord-n{args.n_process}")
    rounds: list[list[dict]] = []
    for _ in range(args.rounds):
        rows = []
        for config in configs:
            cmd = [sys.executable, __file__, "--one", config, "--repeat", str(args.repeat), "--corpus", *args.corpus]
            out = subprocess.run(cmd, capture_output=True, text=True, env=dict(os.environ))
            if out.returncode != 0:
                print(f"{config}: failed\n{out.stderr[-2000:]}", file=sys.stderr)
                continue
            rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
        if rows:
            rounds.append(rows)
    if not rounds:
        sys.exit("no configuration ran")
    if len(rounds) > 1:
        print_rounds(rounds, args.n_process)
    rows = median_round(rounds)
    base = rows[0]
    print(f"== speed: {base['articles']} articles, {base['words']:,} words ({', '.join(args.corpus)}); "
          f"{os.cpu_count()} CPUs, repeat {args.repeat}, rounds {args.rounds}"
          f"{' (the median round by onrecord ÷ textacy)' if args.rounds > 1 else ''} ==")
    print(f"{'config':<14} {'articles/s':>11} {'words/s':>10} {'peak MB':>9} {'time vs model':>14} {'output':>8} "
          f"{'CPU s':>7} {'CPU vs model':>13}")
    for r in rows:
        print(f"{r['config']:<14} {r['articles'] / r['seconds']:>11.2f} {r['words'] / r['seconds']:>10,.0f} "
              f"{r['peak_mb']:>9.0f} {r['seconds'] / base['seconds']:>13.2f}x {r['items']:>8} {r['cpu']:>7.1f} "
              f"{r['cpu'] / base['cpu']:>12.2f}x")
    print("(output: statements for onrecord, quotations for textacy, docs for the model alone)")
    by = {r["config"]: r for r in rows}
    if "textacy" in by and "onrecord" in by:
        print(f"onrecord throughput ÷ textacy's: {by['textacy']['seconds'] / by['onrecord']['seconds']:.2f}x "
              f"(by CPU time: {by['textacy']['cpu'] / by['onrecord']['cpu']:.2f}x)")
    many = by.get(f"onrecord-n{args.n_process}")
    if many and "onrecord" in by:
        speedup = by["onrecord"]["seconds"] / many["seconds"]
        print(f"onrecord-n{args.n_process} throughput ÷ one process: {speedup:.2f}x "
              f"(by CPU time, one process ÷ busiest worker: {by['onrecord']['cpu'] / many['cpu']:.2f}x); "
              f"peak MB per worker {many['peak_mb']:.0f}")


if __name__ == "__main__":
    main()
