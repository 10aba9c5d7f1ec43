"""Two documents with one id in one run: the first is kept and the second reported, naming both
(before, the second silently replaced the first)."""

from __future__ import annotations

import json
from pathlib import Path

from ledger_fakes import fake_extract

from onrecord.ledger import Ledger


def test_duplicate_ids_in_one_batch_are_reported_not_replaced(db_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.json").write_text(json.dumps({"id": "same", "text": 'Ana Silva said: "First."'}), encoding="utf-8")
    (folder / "b.json").write_text(json.dumps({"id": "same", "text": 'Ana Silva said: "Second."'}), encoding="utf-8")
    ledger = Ledger(db_url)
    report = ledger.ingest([folder], extractor=fake_extract)
    assert (report.stored, report.failed) == (1, 1)
    ((key, message),) = report.errors
    assert key == "same" and "a.json" in message and "b.json" in message and "first is kept" in message
    assert [s.quote for s in ledger.search("")] == ["First."]
    # a later run with the changed article replaces it, as before
    (folder / "a.json").unlink()
    again = ledger.ingest([folder], extractor=fake_extract)
    assert again.replaced == 1 and [s.quote for s in ledger.search("")] == ["Second."]
