"""Ray engine benchmark: ingest articles/s with 1 and 2 Ray actors next to the local ``--workers``
path on the same articles, and Ray's overhead at 2 workers.

    .venv/bin/python benchmarks/ray_speed.py [--corpus ../shared/corpus] [--repeat 1] [--batch-size 16]

Every configuration ingests the corpus into a fresh SQLite ledger in a fresh subprocess:
- local-w1, local-w2:  ``Ledger.ingest(workers=N)`` (``onrecord ingest --workers N``);
- ray-a1, ray-a2:      ``distributed.ingest_dataset(workers=N)`` (``--engine ray --workers N``) on a
                       local Ray of as many CPUs as actors.
Times are from the call to its return: the pipeline load in each worker, extraction, writes and
the quote clustering at the end, as a user waits for them; starting Ray itself (``ray.init``, once
per machine or cluster) is printed apart.  "steady" is the rate between the first and the last
stored article, the load excluded: the per-actor figure for sizing a cluster.  Figures are
printed, nothing is asserted; the fastest of --repeat runs counts.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
CONFIGS = ("local-w1", "local-w2", "ray-a1", "ray-a2")


def run_one(config: str, corpus: str, batch_size: int) -> dict:
    from onrecord.ledger import Ledger

    engine, workers = config.split("-")
    n = int(workers[1:])
    stamps: list[float] = []

    def tick(report) -> None:  # noqa: ANN001
        while len(stamps) < report.read:
            stamps.append(time.perf_counter())

    startup = 0.0
    if engine == "ray":
        from onrecord import distributed

        t = time.perf_counter()
        distributed.connect(num_cpus=n)
        startup = time.perf_counter() - t
    with tempfile.TemporaryDirectory() as tmp:
        ledger = Ledger(f"sqlite:///{tmp}/bench.db")
        t0 = time.perf_counter()
        if engine == "ray":
            report = distributed.ingest_dataset(distributed.paths_dataset([corpus]), ledger, workers=n,
                                                batch_size=batch_size, on_progress=tick)
        else:
            report = ledger.ingest([corpus], workers=n, on_progress=tick)
        seconds = time.perf_counter() - t0
        stats = ledger.stats()
    steady = (len(stamps) - 1) / (stamps[-1] - stamps[0]) if len(stamps) > 1 and stamps[-1] > stamps[0] else 0.0
    return {"config": config, "articles": report.read, "stored": report.stored, "statements": stats["statements"],
            "seconds": seconds, "rate": report.read / seconds, "steady": steady, "ray_start": startup}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=str(REPO.parent / "shared" / "corpus"))
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--configs", default=",".join(CONFIGS))
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.corpus, args.batch_size)))
        return
    best: dict[str, dict] = {}
    for _ in range(args.repeat):
        for config in args.configs.split(","):
            done = subprocess.run([sys.executable, __file__, "--one", config, "--corpus", args.corpus,
                                   "--batch-size", str(args.batch_size)], capture_output=True, text=True, check=True)
            r = json.loads(done.stdout.strip().splitlines()[-1])
            if config not in best or r["seconds"] < best[config]["seconds"]:
                best[config] = r
    print(f"{'config':10} {'articles':>8} {'statements':>10} {'seconds':>8} {'articles/s':>10} "
          f"{'steady/s':>9} {'ray start s':>11}")
    for r in best.values():
        print(f"{r['config']:10} {r['articles']:8} {r['statements']:10} {r['seconds']:8.1f} {r['rate']:10.2f} "
              f"{r['steady']:9.2f} {r['ray_start']:11.1f}")
    if "local-w2" in best and "ray-a2" in best:
        overhead = best["ray-a2"]["seconds"] / best["local-w2"]["seconds"] - 1
        print(f"Ray's overhead at 2 workers: {overhead:+.1%} of the local path's time")
    if "ray-a1" in best:
        per_actor = best["ray-a1"]["steady"]
        print(f"1,000,000 articles at {per_actor:.2f} articles/s per actor: "
              f"{1e6 / per_actor / 3600:,.0f} actor-hours")


if __name__ == "__main__":
    main()
