"""A ``Config`` given to ``Ledger`` works from Python exactly like the command line: the same
user taxonomy and aliases give the same stored statements, speakers and issues, in one process
or in worker processes (which get the Config through their initializer).  Real spaCy pipeline."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from onrecord.cli import app
from onrecord.config import Config
from onrecord.ledger import Ledger

TAXONOMY = """taxonomy: local_works
label: Local works
version: 1
issues:
  - id: bridges
    label: Bridges
    proposition: The old bridge should reopen.
    triggers:
      lemmas: [bridge]
"""
ALIASES = """version: 1
identities:
  - name: Ana Maria Silva
    aliases: [Ana Silva, A. M. Silva]
    wikidata: Q123
"""
# The second article names Silva by surname only: without the aliases file she would be
# "Silva" (person:silva); pinned, she is Ana Maria Silva, the mayor of the first article.
ARTICLES = [
    {"id": "harbour-1", "outlet": "Harbour Post", "date": "2024-05-02",
     "text": "Bridge vote\n\nMayor Ana Silva spoke at the council on Tuesday. \"We will reopen the old bridge "
             "before the winter,\" Silva said. Councillor Tom Reyes disagreed. \"The bridge is not safe and it "
             "should stay closed,\" Reyes told reporters."},
    {"id": "courier-2", "outlet": "Valley Courier", "date": "2024-06-10",
     "text": "Repairs begin\n\n\"The bridge will carry buses again by October,\" Silva said on Monday. She added "
             "that the repairs would cost less than planned."},
]
# columns that differ between two ingests of the same articles (none is exported today)
RUN_SPECIFIC = ("ingested_at", "run_id")


@pytest.fixture
def user_files(tmp_path: Path) -> dict[str, Path]:
    """A user's taxonomy and aliases file, and a folder with the two articles."""
    (tmp_path / "taxonomy.yaml").write_text(TAXONOMY, encoding="utf-8")
    (tmp_path / "aliases.yaml").write_text(ALIASES, encoding="utf-8")
    folder = tmp_path / "articles"
    folder.mkdir()
    for record in ARTICLES:
        (folder / f"{record['id']}.json").write_text(json.dumps(record), encoding="utf-8")
    return {"taxonomy": tmp_path / "taxonomy.yaml", "aliases": tmp_path / "aliases.yaml", "articles": folder}


def user_config(files: dict[str, Path], **more: Any) -> Config:
    return Config(taxonomy=str(files["taxonomy"]), aliases=str(files["aliases"]), **more)


def exported(ledger: Ledger) -> list[dict[str, Any]]:
    out = io.StringIO()
    ledger.export(out)
    return [without_run(json.loads(line)) for line in out.getvalue().splitlines()]


def without_run(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k not in RUN_SPECIFIC}


def test_python_api_ingests_like_the_cli(user_files: dict[str, Path], tmp_path: Path) -> None:
    with Ledger(f"sqlite:///{tmp_path / 'python.db'}", config=user_config(user_files)) as ledger:
        report = ledger.ingest([user_files["articles"]])
        from_python = exported(ledger)
    assert (report.stored, report.failed) == (2, 0)

    cli_db = f"sqlite:///{tmp_path / 'cli.db'}"
    runner = CliRunner()
    ingest = runner.invoke(app, ["ingest", str(user_files["articles"]), "--db", cli_db,
                                 "--taxonomy", str(user_files["taxonomy"]), "--aliases", str(user_files["aliases"])])
    assert ingest.exit_code == 0, ingest.output
    export = runner.invoke(app, ["export", "--db", cli_db])
    assert export.exit_code == 0, export.output
    from_cli = [without_run(json.loads(line)) for line in export.stdout.splitlines()]

    assert from_python == from_cli
    # and the user's files were used: their issue, their pinned person
    assert from_python and all(row["issues"] == ["bridges"] for row in from_python)
    silva = [row for row in from_python if row["article"] == "courier-2"]
    assert silva and {(row["speaker_name"], row["speaker_id"]) for row in silva} == {("Ana Maria Silva",
                                                                                      "person:a-silva")}
    assert {row["speaker_id"] for row in from_python if "Silva" in row["speaker_name"]} == {"person:a-silva"}


def test_ledger_opens_the_database_of_its_config(user_files: dict[str, Path], db_url: str, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # the default database would be ./onrecord.db
    with Ledger(config=user_config(user_files, db=db_url)) as ledger:
        assert ledger.url == Ledger(db_url, migrate=False).url
        assert ledger.ingest([user_files["articles"]]).stored == 2
    with Ledger(db_url) as reopened:
        assert len(reopened.statements()) == 4
    assert not (tmp_path / "onrecord.db").exists()


def test_url_given_wins_over_the_config(tmp_path: Path) -> None:
    with Ledger(f"sqlite:///{tmp_path / 'given.db'}", config=Config(db=f"sqlite:///{tmp_path / 'config.db'}")):
        pass
    assert (tmp_path / "given.db").exists() and not (tmp_path / "config.db").exists()


def test_workers_extract_with_the_config(user_files: dict[str, Path], tmp_path: Path) -> None:
    # more articles than one batch (8), so that both workers get some
    folder = tmp_path / "more"
    folder.mkdir()
    for n in range(5):
        for record in ARTICLES:
            copy = {**record, "id": f"{record['id']}-{n}", "date": f"2024-0{n + 5}-1{n}"}
            (folder / f"{copy['id']}.json").write_text(json.dumps(copy), encoding="utf-8")
    config = user_config(user_files)
    rows = {}
    for workers in (1, 2):
        with Ledger(f"sqlite:///{tmp_path / f'workers{workers}.db'}", config=config) as ledger:
            assert ledger.ingest([folder], workers=workers).stored == 10
            rows[workers] = exported(ledger)
    assert rows[2] == rows[1]
    assert all(row["issues"] == ["bridges"] for row in rows[2])  # the workers had the user's taxonomy
    assert "Ana Maria Silva" in {row["speaker_name"] for row in rows[2]}  # and the aliases
