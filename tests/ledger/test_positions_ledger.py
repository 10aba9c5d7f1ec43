"""Positions in the ledger: stances stored with statements, timelines per speaker and issue,
shifts newest first, a human label winning over the rules; the CLI over them."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from typer.testing import CliRunner

from onrecord.cli import app
from onrecord.extraction.pipeline import extract_articles
from onrecord.ledger import Ledger, db
from onrecord.ledger.schema import stance_labels, statements
from onrecord.model import Article

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


SILVA = ("person:a-silva", "territory")
runner = CliRunner(env={"COLUMNS": "220"})  # tables wide enough not to wrap the words checked


def ingest(ledger: Ledger, nlp, articles: list[Article], force: bool = False) -> None:
    ledger.ingest_articles(articles, extractor=lambda arts: extract_articles(arts, nlp=nlp), force=force)


@pytest.fixture
def positions_ledger(ledger: Ledger, nlp) -> Ledger:
    ingest(ledger, nlp, ARTICLES)
    return ledger


def statement_ids(ledger: Ledger, article: str) -> list[int]:
    return [r.id for r in sorted(ledger.statements(article=article), key=lambda r: r.id)]


def label_count(ledger: Ledger) -> int:
    with ledger.engine.connect() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(stance_labels)).scalar_one()


def test_stances_are_stored_in_their_column_and_exported(positions_ledger: Ledger, tmp_path: Path) -> None:
    with positions_ledger.engine.connect() as conn:
        rows = conn.execute(
            sa.select(statements.c.quote_text, statements.c.stances, statements.c.extra).order_by(statements.c.id)
        ).all()
    assert len(rows) == 4
    for r in rows:
        assert r.stances["territory"]["source"] == "rules"
        assert "stances" not in (r.extra or {})
    assert [r.stances["territory"]["label"] for r in rows] == ["oppose", "conditional", "conditional", "oppose"]
    # read back as the pipeline wrote them
    (spring,) = positions_ledger.statements(article="spring")
    assert spring.statement["stances"]["territory"]["label"] == "oppose"
    assert "never" in spring.statement["stances"]["territory"]["evidence"]

    buf = io.StringIO()
    positions_ledger.export(buf, format="jsonl")
    exported = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert [e["stances"]["territory"]["label"] for e in exported] == ["oppose", "conditional", "conditional",
                                                                     "oppose"]
    buf = io.StringIO()
    positions_ledger.export(buf, format="csv")
    first = next(csv.DictReader(io.StringIO(buf.getvalue())))
    assert json.loads(first["stances"])["territory"]["label"] == "oppose"  # JSON text in CSV
    pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    positions_ledger.export(tmp_path / "all.parquet", format="parquet")
    column = pq.read_table(tmp_path / "all.parquet").column("stances").to_pylist()
    assert json.loads(column[0])["territory"]["label"] == "oppose"


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
    with pytest.raises(LookupError):
        positions_ledger.label_stance(10**9, "territory", "oppose")


def test_a_label_on_another_report_of_the_quote_counts(positions_ledger: Ledger) -> None:
    (copy,) = statement_ids(positions_ledger, "summer-copy")  # the second outlet's report, not listed
    positions_ledger.label_stance(copy, "territory", "support", note="an offer, plainly")
    entries = positions_ledger.positions("Silva", "territory")[SILVA]
    assert [(e.label, e.article_id) for e in entries] == [("oppose", "spring"), ("support", "summer")]
    assert entries[-1].statement["stances"]["territory"]["note"] == "an offer, plainly"


def test_labels_survive_an_unchanged_reingest(positions_ledger: Ledger, nlp) -> None:
    sid = positions_ledger.positions("Silva", "territory")[SILVA][-1].statement["statement_id"]
    positions_ledger.label_stance(sid, "territory", "unclear")
    ingest(positions_ledger, nlp, ARTICLES)  # unchanged: skipped, the rows stay
    assert positions_ledger.positions("Silva", "territory")[SILVA][-1].label == "unclear"
    ingest(positions_ledger, nlp, ARTICLES[1:2], force=True)  # extracted again: new rows, label carried
    entries = positions_ledger.positions("Silva", "territory")[SILVA]
    assert entries[-1].label == "unclear" and entries[-1].statement["statement_id"] != sid
    assert label_count(positions_ledger) == 1


def test_a_changed_article_keeps_the_labels_of_the_quotes_still_there(positions_ledger: Ledger, nlp) -> None:
    (spring,) = statement_ids(positions_ledger, "spring")
    (other,) = statement_ids(positions_ledger, "other")
    positions_ledger.label_stance(spring, "territory", "oppose", note="checked")
    positions_ledger.label_stance(other, "territory", "unclear")
    changed = [
        Article(id="spring", date="2025-04-02", outlet="Nordpost",
                text=ARTICLES[0].text + ' "Neutrality is not on the table," Ana Silva added.'),
        Article(id="other", date="2025-07-12", outlet="Eastwire",
                text='"We will defend every village," Karl Berg said.'),
    ]
    ingest(positions_ledger, nlp, changed)
    new_spring = statement_ids(positions_ledger, "spring")
    assert len(new_spring) == 2 and spring not in new_spring
    with positions_ledger.engine.connect() as conn:
        kept = conn.execute(sa.select(stance_labels.c.statement_id, stance_labels.c.note)).all()
    # the same words by the same speaker keep their label; Berg's changed quote lost his
    assert [tuple(k) for k in kept] == [(new_spring[0], "checked")]


def test_upgrade_from_the_first_schema_keeps_the_data(db_url: str, nlp) -> None:
    led = Ledger(db_url)
    ingest(led, nlp, ARTICLES[:2])
    with db.writing(led.engine) as conn:
        command.downgrade(db.alembic_config(conn), "0001")
    with led.engine.connect() as conn:
        inspector = sa.inspect(conn)
        assert "stance_labels" not in inspector.get_table_names()
        assert "stances" not in {c["name"] for c in inspector.get_columns("statements")}
        # 0001 kept the stances among the extra keys
        extras = conn.execute(sa.text("SELECT extra FROM statements ORDER BY id")).scalars().all()
    extras = [json.loads(e) if isinstance(e, str) else e for e in extras]
    assert [e["stances"]["territory"]["label"] for e in extras] == ["oppose", "conditional"]
    led.close()
    led = Ledger(db_url)  # opening upgrades it
    with led.engine.connect() as conn:
        assert db.current_revision(conn) == db.head_revision()
        rows = conn.execute(sa.select(statements.c.stances, statements.c.extra).order_by(statements.c.id)).all()
    assert [r.stances["territory"]["label"] for r in rows] == ["oppose", "conditional"]
    assert all("stances" not in (r.extra or {}) for r in rows)
    assert led.stats()["statements"] == 2
    assert [e.label for e in led.positions("Silva", "territory")[SILVA]] == ["oppose", "conditional"]
    assert len(led.shifts()) == 1
    led.close()


def test_cli_positions_shifts_label_and_plot(positions_ledger: Ledger, tmp_path) -> None:
    url = positions_ledger.url
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


def test_cli_tables_and_a_clear_error_for_an_empty_chart(positions_ledger: Ledger, tmp_path: Path) -> None:
    url = positions_ledger.url
    result = runner.invoke(app, ["shifts", "--db", url])
    assert result.exit_code == 0, result.output
    for words in ("Ana Silva", "territory", "oppose → conditional", "2025-04-01", "2025-07-10", "spring", "summer"):
        assert words in result.stdout
    assert "never give up" not in result.stdout  # one line a shift: the quotes with --quotes
    assert "never give up" in runner.invoke(app, ["shifts", "--quotes", "--db", url]).stdout
    result = runner.invoke(app, ["shifts", "--db", url, "--since", "2025-08-01", "--format", "json"])
    assert json.loads(result.stdout) == []
    assert runner.invoke(app, ["shifts", "--db", url, "--since", "August"]).exit_code == 2

    sid = positions_ledger.positions("Silva", "territory")[SILVA][-1].statement["statement_id"]
    result = runner.invoke(app, ["label", str(sid), "territory", "oppose", "--note", "a tactical offer",
                                 "--db", url])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["positions", "ana silva", "--db", url])  # any case, any part
    assert result.exit_code == 0, result.output
    for words in ("oppose (human)", "a tactical offer", "direct/now", "Nordpost"):
        assert words in result.stdout

    chart = tmp_path / "nobody.svg"
    result = runner.invoke(app, ["positions", "--speaker", "Nobody", "--plot", str(chart), "--db", url])
    assert result.exit_code == 1
    assert "no stances of a speaker matching 'Nobody'" in result.output and "no chart" in result.output
    assert not chart.exists()
    result = runner.invoke(app, ["positions", "--speaker", "Silva", "--plot", str(tmp_path / "x.pdf"), "--db", url])
    assert result.exit_code == 2


def test_an_issue_alias_names_the_issue(positions_ledger: Ledger, tmp_path: Path) -> None:
    from importlib import resources

    from onrecord.config import Config

    text = resources.files("onrecord.lexicons.data").joinpath("taxonomy_war.yaml").read_text(encoding="utf-8")
    own = tmp_path / "taxonomy.yaml"
    own.write_text(text.replace("    label: Territory\n", "    label: Territory\n    aliases: [land_question]\n", 1),
                   encoding="utf-8")
    assert positions_ledger.positions("Silva", "land_question") == {}  # the bundled taxonomy has no such alias
    with Ledger(positions_ledger.url, config=Config.load(environ={}, taxonomy=str(own))) as ledger:
        by_alias = ledger.positions("Silva", "land_question")
        assert list(by_alias) == [("person:a-silva", "territory")]
        assert [s.issue for s in ledger.shifts(issue="land_question")] == ["territory"]
        assert ledger.positions("Silva", "no_such_issue") == {}


def test_a_shift_row_says_when_the_earlier_position_was_held_before_its_date() -> None:
    from onrecord.ledger.stances import shift_row
    from onrecord.timeline.shifts import find_shifts

    def said(label: str, time: str, article: str) -> dict:
        return {"kind": "direct", "quote": {"text": label, "start": 0, "end": 1, "segments": []},
                "speaker": {"name": "Ana Silva", "type": "person", "id": "person:a-silva", "members": []},
                "said_on": {"date": "2025-07-10", "precision": "day", "text": "", "assumed": False},
                "time": time, "issues": ["territory"], "article_id": article,
                "stances": {"territory": {"label": label, "evidence": [], "source": "rules", "confidence": 0.9}}}

    (shift,) = find_shifts([said("oppose", "before", "a"), said("conditional", "now", "a")])
    row = shift_row(shift)
    # the article's own account of a change: one date, but the earlier position is not that day's
    assert row["before_date"] == row["after_date"] and row["before_time"] == "before"
