"""Ingest throughput against extract throughput (issue 13: ingest >= 0.9x extract), one process.

    .venv/bin/python benchmarks/ingest_speed.py [--corpus ../shared/corpus] [--db URL] [--repeat 1]

In one run, on the same articles, with the pipeline loaded once (and warmed up) before any timing:

1. extract: ``extract_articles`` over every article (what ``onrecord extract`` does);
2. ingest: ``Ledger.ingest_articles`` of the same articles into a new, empty ledger (extraction,
   the "stored already?" checks, the writes, the clustering at the end);
3. writes alone: the same ingest into another new ledger with the extraction replayed from the
   results of step 1, so that what is left is the ledger's own cost.

It prints articles per second for each and ingest ÷ extract.  ``--db`` is a PostgreSQL URL to
measure there (each step empties the database's tables first); the default is a new SQLite file
in a temporary folder.  Figures are printed, nothing is asserted; only figures of one run compare.
"""

from __future__ import annotations

import argparse
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
    args = ap.parse_args()

    from onrecord.config import Config
    from onrecord.extraction.pipeline import extract_articles, load_nlp
    from onrecord.readers import iter_articles

    articles = [a for a in iter_articles(args.corpus) if not a.errors]
    config = Config()
    load_nlp(config)
    list(extract_articles(articles[:2], config))  # warm-up: lazy loads and caches out of the timing

    start = time.perf_counter()
    results = list(extract_articles(articles, config))
    extract_s = time.perf_counter() - start
    n_statements = sum(len(r["statements"]) for r in results)

    def extractor(items: Iterable[Any]) -> Iterator[dict[str, Any]]:
        yield from extract_articles(items, config)

    by_id = {r["id"]: r for r in results}

    def replay(items: Iterable[Any]) -> Iterator[dict[str, Any]]:
        for article in items:
            yield by_id[article.id]

    with tempfile.TemporaryDirectory() as folder:
        ledger = fresh_ledger(args.db, folder, "ingest")
        start = time.perf_counter()  # the clustering at the end included (report.seconds leaves it out)
        report = ledger.ingest_articles(articles, extractor=extractor)
        ingest_s = time.perf_counter() - start
        ledger.close()
        ledger = fresh_ledger(args.db, folder, "writes")
        start = time.perf_counter()
        ledger.ingest_articles(articles, extractor=replay)
        writes_s = time.perf_counter() - start
        ledger.close()
    n = len(articles)
    print(f"== {n} articles, {n_statements} statements, one process, {args.db and 'PostgreSQL' or 'SQLite'} ==")
    print(f"extract           {extract_s:7.1f} s  {n / extract_s:6.2f} articles/s")
    print(f"ingest            {ingest_s:7.1f} s  {n / ingest_s:6.2f} articles/s  (stored {report.stored})")
    print(f"writes alone      {writes_s:7.1f} s  {n / writes_s:6.2f} articles/s  "
          f"({writes_s / n * 1000:.0f} ms per article)")
    print(f"ingest ÷ extract throughput: {extract_s / ingest_s:.2f}x")


if __name__ == "__main__":
    main()
