"""A ledger with the sample articles, the seed article, two reports of one quote and a hostile
article, and the web app over it: on SQLite always, on PostgreSQL too when
$ONRECORD_TEST_PG_URL is set (``eval "$(scripts/start-postgres.sh)"``)."""

from __future__ import annotations

import os
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # web_support, for the tests

from web_support import extra_articles, make_app, sources  # noqa: E402

from onrecord.extraction.pipeline import extract_articles  # noqa: E402
from onrecord.ledger import Ledger  # noqa: E402
from onrecord.readers import iter_articles  # noqa: E402

PG_URL = os.environ.get("ONRECORD_TEST_PG_URL")


@pytest.fixture(scope="session")
def web_articles() -> list:
    return [*iter_articles(sources()), *extra_articles()]


@pytest.fixture(scope="session")
def extractor(nlp):
    """The spaCy pipeline, each article extracted once per session whichever ledger asks."""
    done: dict[tuple[str, str], dict] = {}

    def run(articles):
        for article in articles:
            key = (article.id, article.text)
            if key not in done:
                done[key] = next(iter(extract_articles([article], nlp=nlp)))
            yield done[key]

    return run


@pytest.fixture(scope="session")
def web_ledger(tmp_path_factory: pytest.TempPathFactory, web_articles, extractor) -> Ledger:
    ledger = Ledger(f"sqlite:///{tmp_path_factory.mktemp('web') / 'ledger.db'}")
    report = ledger.ingest_articles(web_articles, extractor=extractor)
    assert not report.errors, report.errors
    return ledger


@pytest.fixture(scope="session")
def pg_ledger(web_articles, extractor) -> Iterator[Ledger]:
    """The same articles in a PostgreSQL schema of its own, dropped afterwards."""
    if not PG_URL:
        pytest.skip('ONRECORD_TEST_PG_URL unset: eval "$(scripts/start-postgres.sh)"')
    import sqlalchemy as sa

    from onrecord.ledger.db import resolve_url

    schema = f"test_web_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(resolve_url(PG_URL))
    with admin.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in PG_URL else "?"
    ledger = Ledger(f"{PG_URL}{sep}options={quote(f'-csearch_path={schema}')}")
    try:
        report = ledger.ingest_articles(web_articles, extractor=extractor)
        assert not report.errors, report.errors
        yield ledger
    finally:
        ledger.close()
        with admin.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(scope="session")
def app(web_ledger: Ledger):
    return make_app(web_ledger)


@pytest.fixture(scope="session")
def client(app):
    from fastapi.testclient import TestClient

    return TestClient(app)


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def backend_client(request: pytest.FixtureRequest):
    """A client of the app on each backend (PostgreSQL skips without $ONRECORD_TEST_PG_URL)."""
    from fastapi.testclient import TestClient

    ledger = request.getfixturevalue("web_ledger" if request.param == "sqlite" else "pg_ledger")
    return TestClient(make_app(ledger))
