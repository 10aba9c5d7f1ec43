"""Ingest ``many_articles(n)`` slowly in a process of its own, for the kill -9 test.

    python ledger_ingest_worker.py URL N DELAY

The fake extractor sleeps DELAY per article, and the article's transaction sleeps DELAY between
writing the article row and its statements, so a kill often lands inside a transaction.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ledger_fakes import fake_extract, many_articles  # noqa: E402

import onrecord.ledger.ingest as ingest  # noqa: E402
from onrecord.ledger import Ledger  # noqa: E402


def main(url: str, n: int, delay: float) -> None:
    insert = ingest.insert_statements

    def slow_insert(conn, article_id, rows):  # type: ignore[no-untyped-def]
        time.sleep(delay)  # the article row is written, its statements not yet
        insert(conn, article_id, rows)

    ingest.insert_statements = slow_insert
    with Ledger(url) as ledger:
        ledger.ingest_articles(many_articles(n), extractor=lambda items: fake_extract(items, delay=delay))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), float(sys.argv[3]))
