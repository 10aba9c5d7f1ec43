"""The ledger's commands, end to end through the real readers, with the fake extractor."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from ledger_fakes import corpus, fake_extract
from typer.testing import CliRunner

import onrecord.ledger.ingest
from onrecord.cli import app

runner = CliRunner(env={"COLUMNS": "200"})  # tables wide enough not to wrap the words checked


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The test corpus as JSON files, and the fake extractor in place of spaCy."""
    monkeypatch.setattr(onrecord.ledger.ingest, "default_extractor", lambda model, workers: fake_extract)
    root = tmp_path / "articles"
    root.mkdir()
    for a in corpus():
        record = {"id": a.id, "text": a.text, "outlet": a.outlet, "date": a.date, "published": a.published}
        (root / f"{a.id}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    return root


def run(*args: str):
    result = runner.invoke(app, list(args), catch_exceptions=False)
    return result


def stats(db: str) -> dict:
    s = json.loads(run("stats", "--db", db, "--format", "json").stdout)
    return {k: v for k, v in s.items() if k not in ("runs", "last_run")}


def test_ingest_twice_stores_nothing_new(folder: Path, db_url: str) -> None:
    first = run("ingest", str(folder), "--db", db_url)
    assert first.exit_code == 0, first.output
    before = stats(db_url)
    assert (before["articles"], before["statements"]) == (5, 7)
    second = run("ingest", str(folder), "--db", db_url)
    assert second.exit_code == 0
    assert "skipped (unchanged)" in second.stderr
    assert stats(db_url) == before
    runs = json.loads(run("runs", "--db", db_url, "--format", "json").stdout)
    assert [(r["n_stored"], r["n_skipped"]) for r in runs] == [(0, 5), (5, 0)]


def test_search_formats(folder: Path, db_url: str) -> None:
    run("ingest", str(folder), "--db", db_url)
    hits = json.loads(run("search", "umbrella", "--db", db_url, "--format", "json").stdout)
    assert [(h["speaker"], h["outlet"], h["date"], h["venue"]) for h in hits] == [
        ("Ilse Brandt", "Coastal Courier", "2024-11-20", "Sky News"),
        ("Ilse Brandt", "Harbour Post", "2024-11-05", None),
    ]
    rows = list(csv.DictReader(io.StringIO(run("search", "umbrella", "--db", db_url, "-f", "csv").stdout)))
    assert [r["outlets"] for r in rows] == ["Coastal Courier", "Harbour Post"]
    table = run("search", "umbrella", "--venue", "Sky News", "--since", "2024-11-01", "--db", db_url)
    assert "only a promise" in table.stdout and "1 statements (" in table.stderr
    only = json.loads(
        run("search", "", "--speaker", "Kovalenko", "--kind", "direct", "--db", db_url, "-f", "json").stdout
    )
    assert {h["kind"] for h in only} == {"direct"} and len(only) == 2


def test_speaker_clusters_stats_runs(folder: Path, db_url: str) -> None:
    run("ingest", str(folder), "--db", db_url)
    timeline = json.loads(run("speaker", "Kovalenko", "--db", db_url, "--format", "json").stdout)
    assert [e["date"] for e in timeline] == ["2024-11-12", "2024-11-05", "2024-11-02"]
    assert timeline[-1]["venue"] == "Radio Lumen" and timeline[-1]["outlets"] == ["Lumen Daily"]
    assert "Anna Kovalenko" in run("speaker", "Kovalenko", "--db", db_url).stdout
    missing = run("speaker", "Nobody", "--db", db_url)
    assert missing.exit_code == 1 and "no statements" in missing.stderr
    assert json.loads(run("clusters", "--min-reports", "1", "--db", db_url, "-f", "json").stdout)
    table = list(csv.DictReader(io.StringIO(run("stats", "--db", db_url, "-f", "csv").stdout)))
    assert {"name": "statements.direct", "value": "5"} in table
    assert "finished" in run("runs", "--db", db_url).stdout


def test_clusters_and_recluster(folder: Path, db_url: str) -> None:
    words = "Every ship that respects the rules of the sea may use the northern corridor."
    for i, outlet in enumerate(["Lumen Daily", "Harbour Post", "Wire Service"]):
        record = {"id": f"q{i}", "text": f"Anna Kovalenko said on Radio Lumen: “{words}”", "outlet": outlet,
                  "date": f"2024-12-0{i + 1}"}
        (folder / f"q{i}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    run("ingest", str(folder), "--db", db_url)
    (top, *_) = json.loads(run("clusters", "--db", db_url, "-f", "json").stdout)
    assert top["headline"] == "3 outlets · first: Lumen Daily, 2024-12-01 · said (Radio Lumen)"
    assert [r["outlet"] for r in top["reports"]] == ["Lumen Daily", "Harbour Post", "Wire Service"]
    table = run("clusters", "--db", db_url).stdout
    assert table.index("outlets") < table.index("speaker") < table.index("quote")  # the count of outlets first
    assert "northern corridor" in table and "Radio Lumen" in table
    assert "nothing to cluster" in run("recluster", "--db", db_url).stderr
    full = run("recluster", "--full", "--db", db_url)
    assert full.exit_code == 0 and "quote clusters" in full.stderr
    assert json.loads(run("clusters", "--db", db_url, "-f", "json").stdout)[0] == top


def test_export(folder: Path, db_url: str, tmp_path: Path) -> None:
    run("ingest", str(folder), "--db", db_url)
    out = tmp_path / "out.jsonl"
    result = run("export", "--format", "jsonl", "-o", str(out), "--db", db_url)
    assert result.exit_code == 0 and "7 statements exported" in result.stderr
    assert len(out.read_text().splitlines()) == 7
    assert len(run("export", "--format", "csv", "--db", db_url).stdout.splitlines()) == 8
    if pytest.importorskip("pyarrow"):
        assert (
            run("export", "-f", "parquet", "-o", str(tmp_path / "o.parquet"), "--db", db_url).exit_code == 0
        )
        piped = run("export", "--format", "parquet", "--db", db_url)  # standard output is not a terminal here
        assert piped.exit_code == 0 and piped.stdout_bytes.startswith(b"PAR1")


def test_document_errors_are_summarised_and_kept(folder: Path, db_url: str) -> None:
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    result = run("ingest", str(folder), "--db", db_url)
    assert result.exit_code == 1
    assert "broken" in result.stderr and "invalid JSON" in result.stderr
    (last,) = json.loads(run("runs", "--db", db_url, "--limit", "1", "-f", "json").stdout)
    assert last["n_failed"] == 1 and last["errors"][0]["article_key"] == "broken"


def test_database_from_the_environment(folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ONRECORD_DB", f"sqlite:///{tmp_path / 'env.db'}")
    assert run("ingest", str(folder)).exit_code == 0
    assert (tmp_path / "env.db").exists()
    assert json.loads(run("stats", "-f", "json").stdout)["articles"] == 5


def test_bad_input_is_refused(db_url: str) -> None:
    assert run("search", "x", "--since", "last week", "--db", db_url).exit_code == 2
    bad = run("stats", "--db", "nosuchdriver://x")
    assert bad.exit_code == 2 and "cannot open the ledger" in bad.stderr


def test_export_parquet_to_a_redirected_stdout_as_the_readme_writes_it(folder: Path, tmp_path: Path) -> None:
    """`onrecord export --format parquet > statements.parquet`, in a real shell."""
    import os
    import subprocess
    import sys

    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    db = f"sqlite:///{tmp_path / 'x.db'}"
    assert run("ingest", str(folder), "--db", db).exit_code == 0
    out = tmp_path / "statements.parquet"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    done = subprocess.run(f"'{sys.executable}' -m onrecord export --format parquet --db '{db}' > '{out}'",
                          shell=True, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert len(pd.read_parquet(out)) == 7


def test_reads_never_create_a_database(tmp_path: Path) -> None:
    missing = tmp_path / "missing.db"
    for command in (["search", "x"], ["stats"], ["speaker", "X"], ["clusters"], ["positions", "X"], ["shifts"],
                    ["runs"], ["export"], ["label", "1", "nato", "support"]):
        result = run(*command, "--db", f"sqlite:///{missing}")
        assert result.exit_code == 2, (command, result.output)
        assert str(missing) in result.stderr and "no ledger" in result.stderr
        assert not missing.exists(), command
        assert not list(tmp_path.iterdir()), command


def test_reads_refuse_a_database_without_a_ledger(db_url: str) -> None:
    result = run("stats", "--db", db_url)  # the fixture's database exists but holds no tables
    assert result.exit_code == 2 and "no ledger" in result.stderr


def test_a_cut_listing_says_so(folder: Path, db_url: str) -> None:
    run("ingest", str(folder), "--db", db_url)
    cut = run("search", "", "--limit", "2", "--db", db_url)
    assert "showing 2 of 7 statements" in cut.stderr and "--all" in cut.stderr
    every = run("search", "", "--limit", "2", "--all", "--db", db_url, "-f", "json")
    assert len(json.loads(every.stdout)) == 7
    timeline = run("speaker", "Kovalenko", "--limit", "1", "--db", db_url)
    assert "showing 1 of 3 statements" in timeline.stderr


def test_one_meaning_of_cluster_everywhere(folder: Path, db_url: str) -> None:
    ingest = run("ingest", str(folder), "--db", db_url)
    shown = json.loads(run("clusters", "--all", "--db", db_url, "-f", "json").stdout)
    counted = json.loads(run("stats", "--db", db_url, "-f", "json").stdout)["clusters"]
    assert len(shown) == counted
    line = next(x for x in ingest.stderr.splitlines() if "quote clusters (≥ 2 reports)" in x)
    assert re.findall(r"\d+", line.replace("≥ 2", "")) == [str(counted)]
    none = run("clusters", "--min-reports", "50", "--db", db_url)
    assert none.exit_code == 0 and "no quote reported by 50 or more articles" in none.stderr
