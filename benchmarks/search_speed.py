"""Search speed of the ledger, and how clustering grows with the number of statements.

    .venv/bin/python benchmarks/search_speed.py                  # corpus, extracted with spaCy
    .venv/bin/python benchmarks/search_speed.py --scale 1,10,50  # also 10x and 50x copies
    .venv/bin/python benchmarks/search_speed.py --db postgresql://...  # another backend

After the 1x corpus it runs the read commands a user types (search, speaker, stats) as new
processes, each several times, and prints their wall time end to end (Python's start and every
import included).

It also times clustering on synthetic quotes of growing number (--cluster-sizes, 10k to 100k),
in memory and in a SQLite ledger (a full rebuild, then an incremental run over statements
added), and one remark reported again and again (--widely-reported: 500 to 4,000 reports, then
a run adding 100 more, beside the same with every cluster computed again), to show that its cost
per statement stays about flat:

    .venv/bin/python benchmarks/search_speed.py --no-search             # clustering only

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
from itertools import accumulate
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


def synthetic_quotes(n: int, seed: int) -> list[tuple[str, int]]:
    """``n`` (quote, speaker) pairs: remarks of one to three sentences whose words follow a Zipf
    law (so common phrases recur, as in real quotes), from 300 speakers; one remark in five is
    reported again two to five times the way outlets do (a trimmed end, "[the]" inserted, words
    left out for an ellipsis, or one sentence of the remark alone)."""
    import random

    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(20_000)]
    # cumulative once: choices() with plain weights sums all 20,000 of them on every call
    cum = list(accumulate(1 / (i + 1) ** 1.05 for i in range(len(vocab))))

    def sentence() -> str:
        return " ".join(rng.choices(vocab, cum_weights=cum, k=rng.randint(6, 22))).capitalize() + "."

    quotes: list[tuple[str, int]] = []
    while len(quotes) < n:
        remark = [sentence() for _ in range(rng.randint(1, 3))]
        speaker = rng.randrange(300)
        quotes.append((" ".join(remark), speaker))
        if rng.random() < 0.2:
            words = remark[0][:-1].split()
            for k in range(rng.randint(1, 4)):
                variant = [
                    " ".join(words[:-1]),
                    " ".join(words[:2] + ["[the]"] + words[2:]),
                    " ".join(words[:3]) + " … " + " ".join(words[4:]),
                    remark[-1],
                ][k % 4]
                quotes.append((variant, speaker))
    return quotes[:n]


def synthetic_members(n: int, seed: int) -> list[Any]:
    from onrecord.ledger.linking import Member

    return [
        Member(i, i, f"person:s-{sp}", f"Speaker Number{sp}", "person", q, date="2025-01-01")
        for i, (q, sp) in enumerate(synthetic_quotes(n, seed))
    ]


def bench_clustering(sizes: list[int]) -> None:
    """Clustering alone, in memory (``linking.find_clusters``: passages, fingerprints, refining,
    linking, gluing), on synthetic quotes: the time per statement should stay flat."""
    from onrecord.ledger.linking import find_clusters

    print("\n== clustering in memory, synthetic quotes (Zipf words; 1 remark in 5 reported again)")
    print("   (CPU time of this process: other work on the machine does not count)")
    print(f"{'statements':>10} {'clustering':>12} {'per statement':>14} {'quotes reported twice or more':>30}")
    for n in sizes:
        members = synthetic_members(n, seed=n)
        t0 = time.process_time()
        groups = find_clusters(members)
        took = time.process_time() - t0
        multi = sum(1 for g in groups if len({p.member.id for p in g.pieces}) > 1)
        print(f"{n:>10} {took:>10.1f} s {took / n * 1e6:>11.0f} µs {multi:>30}")


def bench_incremental(sizes: list[int], added: int = 1000) -> None:
    """Clustering in the ledger (SQLite): a full rebuild of ``n`` synthetic statements, then one
    incremental run over ``added`` new ones; both per statement, flat if the work is local."""


    print(f"\n== clustering in the ledger (SQLite), synthetic quotes; then {added} statements added")
    print("   (CPU time of this process, SQLite's included)")
    print(f"{'statements':>10} {'full rebuild':>13} {'per statement':>14} {'incremental':>12} {'per added':>10}")
    for n in sizes:
        quotes = synthetic_quotes(n + added, seed=n)
        with tempfile.TemporaryDirectory() as tmp:
            ledger = Ledger(f"sqlite:///{Path(tmp) / 'clusters.db'}")
            _store_synthetic(ledger, quotes[:n], 1)
            t0 = time.process_time()
            ledger.recluster(full=True)
            full = time.process_time() - t0
            _store_synthetic(ledger, quotes[n:], n + 1)
            t0 = time.process_time()
            ledger.recluster()
            more = time.process_time() - t0
            ledger.close()
        print(f"{n:>10} {full:>11.1f} s {full / n * 1e6:>11.0f} µs {more:>10.2f} s {more / added * 1e3:>7.1f} ms")


def _store_synthetic(ledger: Ledger, part: list[tuple[str, int]], first: int, outlets: int = 40) -> None:
    """Store (quote, speaker) pairs as statements of new articles with ids from ``first``."""
    import sqlalchemy as sa

    from onrecord.ledger.schema import articles, statements

    rows_a = [{"id": first + i, "key": f"a{first + i}", "content_hash": f"{first + i:064d}",
               "outlet": f"Outlet {(first + i) % outlets}", "date": "2025-01-01", "text": q,
               "body_start": 0, "ingested_at": "2025-01-01T00:00:00"} for i, (q, _) in enumerate(part)]
    rows_s = [{"id": first + i, "article_id": first + i, "seq": 0, "kind": "direct", "quote_text": q,
               "quote_start": 0, "quote_end": len(q), "speaker_id": None, "speaker_name": f"Speaker {sp}",
               "speaker_type": "person", "negated": False, "hedged": False, "via_translator": False,
               "time": "now"} for i, (q, sp) in enumerate(part)]
    with ledger.engine.begin() as conn:
        for start in range(0, len(part), 5000):
            conn.execute(sa.insert(articles), rows_a[start : start + 5000])
            conn.execute(sa.insert(statements), rows_s[start : start + 5000])


REMARK = ("We will never accept the occupation of our land, and we will defend every village and every city. "
          "Our partners know what is at stake this winter.")


def widely_reported(n: int) -> list[tuple[str, int]]:
    """``n`` reports of one remark of two sentences by one speaker, printed the ways outlets do:
    whole, the first sentence trimmed at its end, "[the]" inserted, the second sentence alone."""
    first, second = REMARK.split(". ", 1)
    words = first.split()
    ways = [REMARK, " ".join(words[:-2]), " ".join(words[:3] + ["[the]"] + words[3:]), second]
    return [(ways[i % len(ways)], 1) for i in range(n)]


def bench_widely_reported(sizes: list[int], step: int = 100) -> None:
    """One remark reported again and again, ``step`` new reports a run (as ingests come): the
    time of a run per report added, when the quote has ``sizes`` reports already; beside it the
    same with every cluster computed again from all its reports (``clusters.SETTLED`` out of
    reach: how each run went before settled quotes), in the same process.  And the time to read
    the remark's page (``/api/clusters/ID``: its headline, wordings, outlets and its first 100
    reports), wall time, best of three."""
    from onrecord.ledger import clusters

    print(f"\n== one remark reported widely, {step} reports added a run (SQLite; CPU time a report added)")
    print(f"{'reports':>10} {'settled':>10} {'every run recomputes':>21} {'clusters':>9} {'its page':>9}")
    rows: dict[int, list[str]] = {n: [] for n in sizes}
    settled_at = clusters.SETTLED
    for mode in ("settled", "recomputed"):
        clusters.SETTLED = settled_at if mode == "settled" else 10**12
        quotes = widely_reported(max(sizes) + step)
        with tempfile.TemporaryDirectory() as tmp, Ledger(f"sqlite:///{Path(tmp) / 'wide.db'}") as ledger:
            stored = 0
            while stored < max(sizes):
                _store_synthetic(ledger, quotes[stored : stored + step], stored + 1)
                stored += step
                if stored in rows:
                    _store_synthetic(ledger, quotes[stored : stored + step], stored + 1)  # the run timed
                    t0 = time.process_time()
                    ledger.recluster()
                    took = time.process_time() - t0
                    rows[stored].append(f"{took / step * 1e3:.1f} ms")
                    if mode == "settled":
                        rows[stored].append(str(ledger.stats()["clusters"]))
                        rows[stored].append(f"{_page_ms(ledger):.0f} ms")
                    stored += step
                else:
                    ledger.recluster()
    clusters.SETTLED = settled_at
    for n in sizes:
        settled, count, page, recomputed = rows[n]
        print(f"{n:>10} {settled:>10} {recomputed:>21} {count:>9} {page:>9}")


def _page_ms(ledger: Ledger) -> float:
    """Milliseconds to read the most reported cluster's page as the API does (best of three)."""
    from onrecord.web import data

    with ledger.engine.connect() as conn:
        top = data.list_clusters(conn, limit=1).items[0]["id"]
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            data.get_cluster(conn, top, limit=100)
            best = min(best, time.perf_counter() - t0)
    return best * 1e3


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", help="ledger URL (default: a new SQLite file in a temporary folder)")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--scale", default="1", help="comma-separated copies of the corpus to measure at")
    ap.add_argument("--repeat", type=int, default=50, help="timed runs per query")
    ap.add_argument(
        "--cluster-sizes",
        default="10000,20000,50000,100000",
        help="synthetic statements to cluster, in memory and in the ledger ('' skips)",
    )
    ap.add_argument("--no-search", action="store_true", help="only the clustering benchmarks")
    ap.add_argument("--widely-reported", default="500,1000,2000,4000",
                    help="reports of one remark before a timed run of 100 more ('' skips)")
    args = ap.parse_args(argv)
    scales = sorted({int(s) for s in args.scale.split(",")})
    if not args.no_search:
        bench_search_scales(args, scales)
    if args.cluster_sizes:
        sizes = [int(x) for x in args.cluster_sizes.split(",")]
        bench_clustering(sizes)
        bench_incremental(sizes)
    if args.widely_reported:
        bench_widely_reported([int(x) for x in args.widely_reported.split(",")])


def bench_search_scales(args: argparse.Namespace, scales: list[int]) -> None:
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
            if scale == 1:
                bench_end_to_end(url)
        ledger.close()
        if args.db and args.db.startswith("postgres"):
            _schema_sql(args.db, url, "DROP SCHEMA {} CASCADE")


# the read commands a user types, timed as a user meets them: a new process each time
END_TO_END = (["search", "NATO", "--limit", "5"], ["search", "ceasefire", "--speaker", "Zelensky"],
              ["speaker", "Putin", "--limit", "5"], ["stats"])


def bench_end_to_end(url: str, repeat: int = 7) -> None:
    """Each read command run ``repeat`` times as a new process (``onrecord ... --db URL``, the
    console script the install made): wall time from start to exit, Python's start and every
    import included — issue "Linear time": search answers in under 1 s end to end."""
    import subprocess

    script = Path(sys.executable).parent / "onrecord"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "onrecord"]
    print(f"\n== read commands end to end (a new process each, {repeat} runs; wall seconds)")
    print(f"{'command':<44} {'best':>7} {'median':>7} {'worst':>7}")
    for args in END_TO_END:
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            done = subprocess.run([*command, *args, "--db", url], capture_output=True, text=True, timeout=120)
            times.append(time.perf_counter() - t0)
            if done.returncode != 0:
                raise SystemExit(f"onrecord {' '.join(args)} failed: {done.stderr[-500:]}")
        print(f"{' '.join(args):<44} {min(times):>6.2f}s {statistics.median(times):>6.2f}s {max(times):>6.2f}s")


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
