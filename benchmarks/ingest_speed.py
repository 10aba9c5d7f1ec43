"""Ingest throughput against extract throughput (issue 13: ingest >= 0.9x extract), one process.

    .venv/bin/python benchmarks/ingest_speed.py [--corpus ../shared/corpus] [--db URL] [--rounds 2]

In one run, on the same articles, with the pipeline loaded once (and warmed up) before any timing,
``--rounds`` rounds of:

1. extract: ``extract_articles`` over every article (what ``onrecord extract`` does);
2. ingest: ``Ledger.ingest_articles`` of the same articles into a new, empty ledger (extraction,
   the "stored already?" checks, the writes, the clustering at the end);

the two in turned order every other round (what runs first pays for caches the second finds
filled).  Then writes alone: the same ingest into another new ledger with the extraction replayed
from the last extract's results, so that what is left is the ledger's own cost.

It prints articles per second for each, and ingest ÷ extract per round and their median.
``--db`` is a PostgreSQL URL to measure there (each step empties the database's tables first);
the default is a new SQLite file in a temporary folder.  Figures are printed, nothing is
asserted; only figures of one run compare.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))


def fresh_ledger(url: str | None, folder: str, name: str):  # type: ignore[no-untyped-def]
    from onrecord.config import Config
    from onrecord.ledger import Ledger

    if url is None:
        url = f"sqlite:///{folder}/{name}.db"
    else:
        import sqlalchemy as sa

        from onrecord.ledger.schema import metadata

        engine = sa.create_engine(url)
        metadata.drop_all(engine)
        with engine.begin() as conn:
            conn.execute(sa.text("DROP TABLE IF EXISTS alembic_version"))
        engine.dispose()
    return Ledger(config=Config(db=url), create=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", nargs="+", default=[str(REPO.parent / "shared" / "corpus")])
    ap.add_argument("--db", help="a PostgreSQL URL (default: a new SQLite file)")
    ap.add_argument("--rounds", type=int, default=2,
                    help="rounds of extract and ingest, the order turned each round (default 2)")
    args = ap.parse_args()

    from onrecord.config import Config
    from onrecord.extraction.pipeline import extract_articles, load_nlp
    from onrecord.readers import iter_articles

    articles = [a for a in iter_articles(args.corpus) if not a.errors]
    config = Config()
    load_nlp(config)
    list(extract_articles(articles[:2], config))  # warm-up: lazy loads and caches out of the timing

    def extractor(items: Iterable[Any]) -> Iterator[dict[str, Any]]:
        yield from extract_articles(items, config)

    def timed_extract() -> tuple[float, list[dict[str, Any]]]:
        start = time.perf_counter()
        results = list(extract_articles(articles, config))
        return time.perf_counter() - start, results

    def timed_ingest(folder: str, name: str, extract: Any) -> tuple[float, int]:
        ledger = fresh_ledger(args.db, folder, name)
        start = time.perf_counter()  # the clustering at the end included (report.seconds leaves it out)
        report = ledger.ingest_articles(articles, extractor=extract)
        seconds = time.perf_counter() - start
        ledger.close()
        return seconds, report.stored

    n = len(articles)
    ratios, results = [], []
    with tempfile.TemporaryDirectory() as folder:
        for round_ in range(args.rounds):
            # whichever runs first in a round meets caches the other finds filled (the vocabulary's
            # new strings, lru caches): the order turns each round so that neither gains by it
            if round_ % 2 == 0:
                extract_s, results = timed_extract()
                ingest_s, stored = timed_ingest(folder, f"ingest{round_}", extractor)
            else:
                ingest_s, stored = timed_ingest(folder, f"ingest{round_}", extractor)
                extract_s, results = timed_extract()
            ratios.append(extract_s / ingest_s)
            order = "extract first" if round_ % 2 == 0 else "ingest first"
            print(f"round {round_ + 1} ({order}): extract {extract_s:5.1f} s ({n / extract_s:5.2f} articles/s), "
                  f"ingest {ingest_s:5.1f} s ({n / ingest_s:5.2f} articles/s, stored {stored}), "
                  f"ingest ÷ extract {ratios[-1]:.2f}x", flush=True)
        by_id = {r["id"]: r for r in results}

        def replay(items: Iterable[Any]) -> Iterator[dict[str, Any]]:
            for article in items:
                yield by_id[article.id]

        writes_s, _ = timed_ingest(folder, "writes", replay)
    n_statements = sum(len(r["statements"]) for r in results)
    print(f"== {n} articles, {n_statements} statements, one process, {args.db and 'PostgreSQL' or 'SQLite'} ==")
    print(f"writes alone      {writes_s:7.1f} s  {n / writes_s:6.2f} articles/s  "
          f"({writes_s / n * 1000:.0f} ms per article)")
    shown = " / ".join(f"{x:.2f}x" for x in ratios)
    print(f"ingest ÷ extract throughput: {shown} (median {statistics.median(ratios):.2f}x)")


if __name__ == "__main__":
    main()
