"""Fixtures of the ledger's tests: every storage test runs on SQLite and on PostgreSQL.

PostgreSQL runs when $ONRECORD_TEST_PG_URL is set (``eval "$(scripts/start-postgres.sh)"``);
each test gets its own schema there, dropped afterwards, so tests never see each other's rows.
"""

from __future__ import annotations

import os
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parent))  # ledger_fakes, for tests and workers

from ledger_fakes import corpus, fake_extract  # noqa: E402

from onrecord.ledger import Ledger  # noqa: E402
from onrecord.ledger.db import resolve_url  # noqa: E402

PG_URL = os.environ.get("ONRECORD_TEST_PG_URL")
BACKENDS = [
    "sqlite",
    pytest.param(
        "postgresql",
        marks=pytest.mark.skipif(
            not PG_URL, reason='ONRECORD_TEST_PG_URL unset: eval "$(scripts/start-postgres.sh)"'
        ),
    ),
]


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL to an empty database of each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'ledger.db'}"
        return
    assert PG_URL
    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(resolve_url(PG_URL))
    with admin.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in PG_URL else "?"
    yield f"{PG_URL}{sep}options={quote(f'-csearch_path={schema}')}"
    with admin.begin() as conn:
        conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture
def ledger(db_url: str) -> Iterator[Ledger]:
    led = Ledger(db_url)
    yield led
    led.close()


@pytest.fixture
def filled(ledger: Ledger) -> Ledger:
    """The ledger with the small test corpus ingested."""
    ledger.ingest_articles(corpus(), extractor=fake_extract)
    return ledger
