"""``onrecord ingest URL`` and ``onrecord watch`` end to end, with the real pipeline, against the
loopback site; ``watch`` in a process of its own, stopped by SIGINT and SIGTERM."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from intake_helpers import FAST
from loopsite import Site
from typer.testing import CliRunner

from onrecord.cli import app

REPO = Path(__file__).resolve().parents[2]
runner = CliRunner(env={"COLUMNS": "200"})


@pytest.fixture
def settings(tmp_path: Path) -> Path:
    """A settings file with the tests' tiny waits (the command line reads settings from files)."""
    path = tmp_path / "settings.yaml"
    path.write_text(yaml.safe_dump(FAST), encoding="utf-8")
    return path


def run(settings: Path, *args: str):
    return runner.invoke(app, ["--config", str(settings), *args], catch_exceptions=False)


def count(settings: Path, db: str) -> int:
    result = run(settings, "stats", "--db", db, "--format", "json")
    return json.loads(result.stdout)["articles"]


def sources_file(tmp_path: Path, sources: list[dict], interval: str = "15m") -> Path:
    path = tmp_path / "sources.yaml"
    path.write_text(yaml.safe_dump({"interval": interval, "sources": sources}), encoding="utf-8")
    return path


def test_ingest_a_feed_then_watch_feed_and_sitemap(site: Site, settings: Path, tmp_path: Path) -> None:
    feed = site.atom("/feed.xml", [site.page(f"/news/{i}.html", i) for i in range(5)])
    sitemap = site.sitemap("/sitemap.xml", [site.page(f"/more/{i}.html", 100 + i) for i in range(3)])
    db = str(tmp_path / "ingest.db")
    result = run(settings, "ingest", feed, "--db", db)
    assert result.exit_code == 0, result.output
    assert count(settings, db) == 5

    watched = str(tmp_path / "watch.db")
    sources = sources_file(tmp_path, [{"outlet": "Loopback News", "feed": feed},
                                      {"outlet": "Loopback News", "sitemap": sitemap}])
    result = run(settings, "watch", str(sources), "--db", watched, "--once")
    assert result.exit_code == 0, result.output
    assert "round 1" in result.stderr and "8 new" in result.stderr
    assert count(settings, watched) == 8
    site.atom("/feed.xml", [site.page(f"/news/{i}.html", i) for i in range(6)])
    result = run(settings, "watch", str(sources), "--db", watched, "--once")
    assert "1 new" in result.stderr and count(settings, watched) == 9
    result = run(settings, "watch", str(sources), "--db", watched, "--once")  # a restart: nothing new
    assert "0 read · 0 new" in result.stderr and count(settings, watched) == 9


def test_ingest_reports_failed_urls_and_exits_1(site: Site, settings: Path, tmp_path: Path) -> None:
    site.robots("User-agent: *\nDisallow: /private/\n")
    feed = site.atom("/feed.xml", [site.page("/news/1.html", 1), site.page("/private/2.html", 2)])
    db = str(tmp_path / "l.db")
    result = run(settings, "ingest", feed, "--db", db)
    assert result.exit_code == 1
    assert "disallowed by robots.txt for OnRecord" in result.stderr
    runs = json.loads(run(settings, "runs", "--db", db, "--format", "json").stdout)
    assert [e["message"] for e in runs[0]["errors"]] == ["disallowed by robots.txt for OnRecord"]
    assert count(settings, db) == 1


def test_a_bad_sources_file_is_one_line(settings: Path, tmp_path: Path) -> None:
    bad = sources_file(tmp_path, [{"outlet": "X", "feed": "ftp://example.org/feed"}])
    result = run(settings, "watch", str(bad), "--db", str(tmp_path / "l.db"), "--once")
    assert result.exit_code == 2
    assert "sources.0: not an http(s) address: 'ftp://example.org/feed'" in result.stderr


# SIGTERM with articles to extract (the process loads spaCy: some seconds); SIGINT on a feed with
# nothing new, which needs no pipeline, to keep the suite fast
@pytest.mark.parametrize(("signum", "n"), [(signal.SIGTERM, 2), (signal.SIGINT, 0)])
def test_watch_stops_cleanly_on_a_signal(signum: int, n: int, site: Site, settings: Path, tmp_path: Path) -> None:
    feed = site.atom("/feed.xml", [site.page(f"/news/{i}.html", i) for i in range(n)])
    sources = sources_file(tmp_path, [{"outlet": "Loopback News", "feed": feed}], interval="0.2s")
    db = tmp_path / "watch.db"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "onrecord", "--config", str(settings), "watch", str(sources), "--db", str(db)]
    proc = subprocess.Popen(command, cwd=tmp_path, env=env, stderr=subprocess.PIPE, text=True)
    lines = []
    deadline = time.monotonic() + 120
    assert proc.stderr is not None
    while time.monotonic() < deadline:  # two rounds: it keeps polling
        line = proc.stderr.readline()
        lines.append(line)
        if line.startswith("round 2") or not line:
            break
    proc.send_signal(signum)
    try:
        rest = proc.communicate(timeout=30)[1]
    except subprocess.TimeoutExpired:
        proc.kill()
        raise
    output = "".join(lines) + rest
    assert proc.returncode == 0, output
    assert "round 1" in output and f"{n} new" in output and "round 2" in output and "stopped after" in output
    import sqlite3

    with sqlite3.connect(db) as conn:
        statuses = [s for (s,) in conn.execute("SELECT status FROM ingest_runs")]
        assert conn.execute("SELECT count(*) FROM articles").fetchone() == (n,)
    assert statuses and set(statuses) == {"finished"}
