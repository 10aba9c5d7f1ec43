"""Positions in the ledger: stances stored with statements, timelines per speaker and issue,
shifts newest first, a human label winning over the rules; the CLI over them."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa
from alembic import command
from typer.testing import CliRunner

from onrecord.article import Article
from onrecord.cli import app
from onrecord.ledger import Ledger, db
from onrecord.pipeline import extract_articles

ARTICLES = [
    Article(id="spring", date="2025-04-02", outlet="Nordpost",
            text='"We will never give up our land," Defence Minister Ana Silva said on Tuesday.'),
    Article(id="summer", date="2025-07-10", outlet="Nordpost",
            text='"If it ends the war, we are ready to hand over the occupied land in exchange for '
                 'security guarantees," Ana Silva told Radio Nord on Thursday.'),
    Article(id="summer-copy", date="2025-07-11", outlet="Eastwire",
            text='"If it ends the war, we are ready to hand over the occupied land in exchange for '
                 'security guarantees," Ana Silva told Radio Nord.'),
    Article(id="other", date="2025-07-12", outlet="Eastwire",
            text='"We will never give up our land," Karl Berg said.'),
]


@pytest.fixture
def positions_ledger(ledger: Ledger, nlp) -> Ledger:
    ledger.ingest_articles(ARTICLES, extractor=lambda arts: extract_articles(arts, nlp=nlp))
    return ledger


def test_timeline_in_order_each_quote_once(positions_ledger: Ledger) -> None:
    timelines = positions_ledger.positions("Silva", "territory")
    assert list(timelines) == [("person:a-silva", "territory")]
    entries = timelines[("person:a-silva", "territory")]
    assert [e.label for e in entries] == ["oppose", "conditional"]  # the second outlet's copy is not repeated
    assert [e.date for e in entries] == ["2025-04-01", "2025-07-10"]


def test_shift_found_and_other_speakers_apart(positions_ledger: Ledger) -> None:
    shifts = positions_ledger.shifts()
    assert [(s.speaker_id, s.issue, s.from_label, s.to_label) for s in shifts] == [
        ("person:a-silva", "territory", "oppose", "conditional")]
    assert positions_ledger.shifts(since="2025-08-01") == []


def test_human_label_wins_and_changes_the_shifts(positions_ledger: Ledger) -> None:
    entries = positions_ledger.positions("Silva", "territory")[("person:a-silva", "territory")]
    later = entries[-1].statement["statement_id"]
    positions_ledger.label_stance(later, "territory", "oppose", note="read as a tactical offer")
    entries = positions_ledger.positions("Silva", "territory")[("person:a-silva", "territory")]
    assert entries[-1].label == "oppose"
    assert entries[-1].statement["stances"]["territory"]["source"] == "human"
    assert positions_ledger.shifts(issue="territory") == []
    with pytest.raises(ValueError):
        positions_ledger.label_stance(later, "territory", "maybe")
    with pytest.raises(KeyError):
        positions_ledger.label_stance(10**9, "territory", "oppose")


def test_labels_survive_an_unchanged_reingest(positions_ledger: Ledger, nlp) -> None:
    sid = positions_ledger.positions("Silva", "territory")[("person:a-silva", "territory")][-1].statement[
        "statement_id"]
    positions_ledger.label_stance(sid, "territory", "unclear")
    positions_ledger.ingest_articles(ARTICLES, extractor=lambda arts: extract_articles(arts, nlp=nlp))
    entries = positions_ledger.positions("Silva", "territory")[("person:a-silva", "territory")]
    assert entries[-1].label == "unclear"


def test_upgrade_from_the_first_schema_keeps_the_data(db_url: str, nlp) -> None:
    led = Ledger(db_url)
    led.ingest_articles(ARTICLES[:1], extractor=lambda arts: extract_articles(arts, nlp=nlp))
    with db.writing(led.engine) as conn:
        command.downgrade(db.alembic_config(conn), "0001")
    with led.engine.connect() as conn:
        assert "stance_labels" not in sa.inspect(conn).get_table_names()
    led.close()
    led = Ledger(db_url)  # opening upgrades it
    with led.engine.connect() as conn:
        assert db.current_revision(conn) == db.head_revision()
    assert led.stats()["statements"] == 1
    led.close()


def test_cli_positions_shifts_label_and_plot(positions_ledger: Ledger, tmp_path) -> None:
    url = positions_ledger.url
    runner = CliRunner()
    result = runner.invoke(app, ["positions", "--speaker", "Silva", "--issue", "territory", "--db", url,
                                 "--format", "json", "--plot", str(tmp_path / "silva.svg")])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [r["stance"] for r in rows] == ["oppose", "conditional"]
    svg = (tmp_path / "silva.svg").read_text(encoding="utf-8")
    assert svg.startswith("<svg") and svg.count("<circle") >= 2
    result = runner.invoke(app, ["shifts", "--db", url, "--format", "csv"])
    assert result.exit_code == 0 and "oppose" in result.stdout and "conditional" in result.stdout
    sid = rows[-1]["statement_id"]
    result = runner.invoke(app, ["label", str(sid), "territory", "oppose", "--db", url])
    assert result.exit_code == 0, result.output
    assert json.loads(runner.invoke(app, ["shifts", "--db", url, "--format", "json"]).stdout) == []
    assert runner.invoke(app, ["label", str(sid), "territory", "perhaps", "--db", url]).exit_code == 2
    assert runner.invoke(app, ["positions", "--speaker", "Nobody", "--db", url]).exit_code == 1
