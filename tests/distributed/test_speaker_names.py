"""Ray's actors write articles in the order they finish; the speakers they create are then named
as one machine names them, by the first statement in article-key order.  No Ray is started here
(the module only needs Ray installed to import)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("ray")

from onrecord.distributed import name_new_speakers  # noqa: E402
from onrecord.ledger import Ledger  # noqa: E402
from onrecord.model.article import Article  # noqa: E402

NAMES = {"a": "Donald Trump", "b": "Donald J. Trump"}


def said_by(items: Iterable[Article]) -> Iterator[dict[str, Any]]:
    for article in items:
        speaker = {"name": NAMES[article.id], "type": "person", "id": "person:donald-trump"}
        statement = {"kind": "direct", "quote": {"text": article.text, "start": 0, "end": len(article.text)},
                     "speaker": speaker}
        yield {"id": article.id, "article": article.meta(), "statements": [statement], "errors": []}


def shown_name(ledger: Ledger) -> str:
    with ledger.engine.connect() as conn:
        return conn.exec_driver_sql("SELECT name FROM speakers WHERE id = 'person:donald-trump'").scalar_one()


def test_speakers_of_a_run_are_named_in_key_order(tmp_path: Path) -> None:
    ledger = Ledger(f"sqlite:///{tmp_path / 'l.db'}")
    # written as actors might finish them: b before a
    report = ledger.ingest_articles([Article(id=k, text=f"quote {k}") for k in "ba"], extractor=said_by)
    assert shown_name(ledger) == "Donald J. Trump"
    assert name_new_speakers(ledger.engine, report.run_id) == 1
    assert shown_name(ledger) == "Donald Trump"  # article a's, as one machine reading a folder writes it first


def test_a_speaker_of_an_earlier_run_keeps_its_name(tmp_path: Path) -> None:
    ledger = Ledger(f"sqlite:///{tmp_path / 'l.db'}")
    ledger.ingest_articles([Article(id="b", text="quote b")], extractor=said_by)
    later = ledger.ingest_articles([Article(id="a", text="quote a")], extractor=said_by)
    assert name_new_speakers(ledger.engine, later.run_id) == 0
    assert shown_name(ledger) == "Donald J. Trump"
