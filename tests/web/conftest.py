"""A ledger with the sample articles and the seed article, and the web app over it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # web_support, for the tests

from web_support import HOSTILE, TOKEN, sources  # noqa: E402

from onrecord.article import iter_articles  # noqa: E402
from onrecord.ledger import Ledger  # noqa: E402
from onrecord.pipeline import extract_articles  # noqa: E402


@pytest.fixture(scope="session")
def web_ledger(tmp_path_factory: pytest.TempPathFactory, nlp) -> Ledger:
    from onrecord.article import Article

    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'ledger.db'}"
    ledger = Ledger(url)
    articles = list(iter_articles(sources()))
    articles.append(Article(id="hostile", text=HOSTILE, date="2025-03-07", outlet="<b>Evil</b> Wire",
                            title='<img src=x onerror="alert(2)">'))
    ledger.ingest_articles(articles, extractor=lambda arts: extract_articles(arts, nlp=nlp))
    return ledger


@pytest.fixture(scope="session")
def app(web_ledger: Ledger):
    from onrecord.web.app import WebSettings, create_app

    return create_app(settings=WebSettings(api_token=TOKEN, max_body_bytes=200_000), ledger=web_ledger)


@pytest.fixture(scope="session")
def client(app):
    from fastapi.testclient import TestClient

    return TestClient(app)
