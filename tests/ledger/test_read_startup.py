"""A read command opens a ledger and answers: what it must not import to start fast (issue
"Linear time": search answers in under 1 s end to end, most of it Python starting)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from ledger_fakes import corpus, fake_extract

from onrecord.ledger import Ledger

REPO = Path(__file__).resolve().parents[2]
# what search, speaker and stats need no part of: migrations that are not due, the writing, the
# clustering and its linking, the stances (ledger.py imports each where it is used), the pipeline
NOT_FOR_READING = ("alembic", "onrecord.ledger.ingest", "onrecord.ledger.clusters", "onrecord.ledger.linking",
                   "onrecord.ledger.stances", "onrecord.timeline.shifts", "spacy")


def test_read_commands_load_no_writer_module(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    with Ledger(url) as ledger:  # made, migrated and filled here, so that the probe only reads
        ledger.ingest_articles(corpus(), extractor=fake_extract)
    probe = ("import json, sys\n"
             "from onrecord.cli import app\n"
             "for args in (['search', 'valleys'], ['speaker', 'Kovalenko'], ['stats']):\n"
             "    try:\n"
             f"        app([*args, '--db', {url!r}], prog_name='onrecord')\n"
             "    except SystemExit as e:\n"
             "        assert not e.code, (args, e.code)\n"
             f"print(json.dumps([m for m in {NOT_FOR_READING!r} if m in sys.modules]))")
    done = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Kovalenko" in done.stdout and "valleys" in done.stdout  # each command answered
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
