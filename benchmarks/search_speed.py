"""Search speed of the ledger, and how clustering grows with the number of statements.

    .venv/bin/python benchmarks/search_speed.py                  # corpus, extracted with spaCy
    .venv/bin/python benchmarks/search_speed.py --scale 1,10,50  # also 10x and 50x copies
    .venv/bin/python benchmarks/search_speed.py --db postgresql://...  # another backend

It also times clustering alone on synthetic quotes of growing number (--cluster-sizes), to show
that its cost per statement stays about flat.

The corpus (../shared/corpus) is extracted once; larger ledgers hold copies of its articles
(each with its own key and text, the statements replayed), so the searches run over 10x, 50x
as many statements.  Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from onrecord.ledger import Ledger
from onrecord.model import Article
from onrecord.readers import iter_articles

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"

QUERIES: list[tuple[str, dict[str, Any]]] = [
    ("NATO", {}),
    ("security guarantees", {}),
    ('"Normandy format"', {}),
    ("ceasefire", {"speaker": "Zelensky"}),
    ("negotiations", {"since": "2022-02-01", "until": "2022-03-31"}),
    ("peace", {"kind": "direct"}),
    ("Russia", {"outlet": "kremlin"}),
    ("", {"speaker": "Putin", "limit": 20}),
]


def extract_once(corpus: Path) -> tuple[list[Article], dict[str, dict[str, Any]]]:
    from onrecord.extraction.pipeline import extract_articles

    articles = [a for a in iter_articles([corpus]) if not a.errors]
    t0 = time.perf_counter()
    results = {r["id"]: r for r in extract_articles(articles)}
    print(f"extracted {len(articles)} articles in {time.perf_counter() - t0:.1f} s (spaCy)")
    return articles, results


def copies(articles: list[Article], k: int) -> Iterator[Article]:
    """Copy k of each article: its own key and content, the same statements."""
    for a in articles:
        yield a if k == 0 else dataclasses.replace(a, id=f"{a.id}#copy{k}", text=a.text + f"\n[copy {k}]")


def replay(results: dict[str, dict[str, Any]]):  # noqa: ANN201
    def run(items: Iterable[Article]) -> Iterator[dict[str, Any]]:
        for a in items:
            yield {**results[a.id.split("#copy")[0]], "id": a.id}

    return run


def timed(fn: Any, repeat: int) -> tuple[list[float], Any]:
    fn()  # warm the caches once
    times, out = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return times, out


def bench_search(ledger: Ledger, repeat: int) -> None:
    print(f"{'query':<44} {'hits':>5} {'median':>8} {'p95':>8} {'max':>8}   first hit")
    worst = 0.0
    for q, kw in QUERIES:
        kw = {"limit": 50, **kw}
        times, hits = timed(lambda q=q, kw=kw: ledger.search(q, **kw), repeat)
        p95 = statistics.quantiles(times, n=20)[18] if len(times) >= 20 else max(times)
        worst = max(worst, p95)
        label = (q or "''") + "".join(f" --{k} {v}" for k, v in kw.items() if k != "limit")
        first = ""
        if hits:
            h = hits[0]
            first = f"{h.speaker} · {h.outlet} · {h.date} · venue: {h.venue or '-'}"
        print(
            f"{label[:44]:<44} {len(hits):>5} {statistics.median(times):>6.1f}ms {p95:>6.1f}ms "
            f"{max(times):>6.1f}ms   {first[:70]}"
        )
    print(f"slowest p95: {worst:.1f} ms ({'under' if worst < 100 else 'OVER'} 100 ms)")


def bench_clustering(sizes: list[int]) -> None:
    """Clustering alone, in memory, on synthetic quotes: 1 in 5 reported 2 to 5 times with the
    usual differences (trimmed end, an insertion, an ellipsis), from 200 speakers."""
    import random

    from onrecord.ledger.clusters import Member, find_clusters, signatures

    print("\n== clustering, synthetic quotes")
    print(f"{'statements':>10} {'signatures':>12} {'clustering':>12} {'per statement':>14} {'clusters':>9}")
    for n in sizes:
        rng = random.Random(n)
        vocab = [f"w{i}" for i in range(20_000)]
        quotes: list[tuple[str, int]] = []
        while len(quotes) < n:
            words = [rng.choice(vocab) for _ in range(rng.randint(6, 40))]
            speaker = rng.randrange(200)
            quotes.append((" ".join(words), speaker))
            if rng.random() < 0.2:
                for k in range(rng.randint(1, 4)):
                    variant = [
                        words[:-1],
                        words[:2] + ["[the]"] + words[2:],
                        words[:3] + ["…"] + words[4:],
                        words[1:],
                    ][k % 4]
                    quotes.append((" ".join(variant), speaker))
        quotes = quotes[:n]
        t0 = time.perf_counter()
        sigs = signatures(q for q, _ in quotes)
        t1 = time.perf_counter()
        members = [
            Member(i, i, f"s{sp}", f"Speaker {sp}", "person", q, sig, None, "O", None, None)
            for i, ((q, sp), sig) in enumerate(zip(quotes, sigs, strict=True))
        ]
        groups = find_clusters(members)
        t2 = time.perf_counter()
        print(
            f"{n:>10} {t1 - t0:>10.2f} s {t2 - t1:>10.2f} s {(t2 - t0) / n * 1e6:>11.0f} µs "
            f"{sum(1 for g in groups if len(g) > 1):>9}"
        )


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", help="ledger URL (default: a new SQLite file in a temporary folder)")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--scale", default="1", help="comma-separated copies of the corpus to measure at")
    ap.add_argument("--repeat", type=int, default=50, help="timed runs per query")
    ap.add_argument(
        "--cluster-sizes",
        default="10000,20000,40000,80000",
        help="synthetic statements to cluster ('' skips)",
    )
    args = ap.parse_args(argv)
    scales = sorted({int(s) for s in args.scale.split(",")})

    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or f"sqlite:///{Path(tmp) / 'bench.db'}"
        if args.db and args.db.startswith("postgres"):
            # a fresh schema, so that the figures are for this corpus only
            sep = "&" if "?" in args.db else "?"
            url = f"{args.db}{sep}options=-csearch_path%3Dbench_{uuid.uuid4().hex[:8]}"
            _schema_sql(args.db, url, "CREATE SCHEMA {}")
        ledger = Ledger(url)
        print(f"backend: {ledger.backend}   python {sys.version.split()[0]}")
        articles, results = extract_once(args.corpus)
        stored = 0
        for scale in scales:
            last_run = 0.0
            t0 = time.perf_counter()
            for k in range(stored, scale):
                t1 = time.perf_counter()
                ledger.ingest_articles(copies(articles, k), extractor=replay(results))
                last_run = time.perf_counter() - t1
            stored = max(stored, scale)
            load = time.perf_counter() - t0
            s = ledger.stats()
            t0 = time.perf_counter()
            ledger.recluster(full=True)
            cluster_s = time.perf_counter() - t0
            print(
                f"\n== {scale}x corpus: {s['articles']} articles, {s['statements']} statements, "
                f"{s['clusters']} multi-report clusters\n"
                f"   stored in {load:.1f} s (the last run of {len(articles)} articles, with its incremental "
                f"clustering: {last_run:.2f} s)\n"
                f"   full re-clustering: {cluster_s:.2f} s = {cluster_s / max(s['statements'], 1) * 1e6:.0f}"
                " µs/statement"
            )
            bench_search(ledger, args.repeat)
        ledger.close()
        if args.db and args.db.startswith("postgres"):
            _schema_sql(args.db, url, "DROP SCHEMA {} CASCADE")
    if args.cluster_sizes:
        bench_clustering([int(x) for x in args.cluster_sizes.split(",")])


def _schema_sql(admin_url: str, url: str, sql: str) -> None:
    """Create or drop the benchmark's own schema (named in ``url``)."""
    import sqlalchemy as sa

    from onrecord.ledger.db import resolve_url

    schema = url.rsplit("%3D", 1)[1]
    engine = sa.create_engine(resolve_url(admin_url))
    with engine.begin() as conn:
        conn.execute(sa.text(sql.format(f'"{schema}"')))
    engine.dispose()


if __name__ == "__main__":
    main()
