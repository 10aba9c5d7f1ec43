"""kill -9 an ingest at several points, start it again: every article once, all statements."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import sqlalchemy as sa
from ledger_fakes import fake_extract, many_articles

from onrecord.ledger import Ledger
from onrecord.ledger.db import make_engine

WORKER = Path(__file__).resolve().parent / "ledger_ingest_worker.py"
REPO = Path(__file__).resolve().parents[2]
N = 40
DELAY = 0.03  # per article in the extractor, and again inside its transaction


def start(url: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.Popen(
        [sys.executable, str(WORKER), url, str(N), str(DELAY)], env=env, stderr=subprocess.PIPE
    )


def stored(engine: sa.Engine) -> dict[str, int]:
    """Statements per stored article; empty while the schema does not exist yet."""
    q = (
        "SELECT a.key, COUNT(s.id) FROM articles a"
        " LEFT JOIN statements s ON s.article_id = a.id GROUP BY a.key"
    )
    try:
        with engine.connect() as conn:
            return dict(conn.execute(sa.text(q)).all())
    except sa.exc.DBAPIError:
        return {}


def test_killed_ingest_loses_and_duplicates_nothing(db_url: str, tmp_path: Path) -> None:
    with Ledger(f"sqlite:///{tmp_path / 'clean.db'}") as clean:
        clean.ingest_articles(many_articles(N), extractor=fake_extract)
        expected = {a.id: 0 for a in many_articles(N)}
        for r in clean.statements():
            expected[r.article] += 1
        clean_stats = {
            k: clean.stats()[k] for k in ("articles", "statements", "speakers", "quotes", "clusters")
        }

    rng = random.Random(9)
    engine = make_engine(db_url)
    kills = 0
    # stored articles to wait for before the kill; 0: during start-up and schema creation
    for target in (0, 5, 14, 26):
        proc = start(db_url)
        if target == 0:
            time.sleep(rng.uniform(0.2, 0.8))
        else:
            deadline = time.monotonic() + 60
            while len(stored(engine)) < target and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.01)
            time.sleep(rng.uniform(0, 2 * DELAY))  # anywhere: extracting, or inside a transaction
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert proc.returncode == -signal.SIGKILL, "the run ended before the kill: make it slower"
        kills += 1
        # whatever is stored is whole: no article without all its statements
        now = stored(engine)
        assert all(now[key] == expected[key] for key in now), f"a partial article after kill {kills}"

    proc = start(db_url)
    _, errors = proc.communicate(timeout=120)
    assert proc.returncode == 0, errors.decode()

    assert stored(engine) == expected
    with engine.connect() as conn:
        dupes = conn.execute(sa.text("SELECT key FROM articles GROUP BY key HAVING COUNT(*) > 1")).all()
        assert dupes == []
        statuses = conn.execute(sa.text("SELECT status FROM ingest_runs ORDER BY id")).scalars().all()
    engine.dispose()
    # each killed run that got as far as starting is marked interrupted by the next start
    assert statuses[-1] == "finished" and set(statuses[:-1]) <= {"interrupted"}
    assert len(statuses) >= kills  # the first kill may come before its run began
    with Ledger(db_url) as ledger:
        got = ledger.stats()
        assert {k: got[k] for k in clean_stats} == clean_stats
