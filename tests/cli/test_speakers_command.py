"""`onrecord speakers PATH`: the corpus registry, spelling variants merged, people kept apart."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from onrecord.cli import app


def test_spelling_variants_merge_and_different_people_stay_apart(tmp_path):
    (tmp_path / "a.txt").write_text(
        '"We will not give up," President Volodymyr Zelenskyy said on Monday. '
        '"The talks are over," Karl Berg said.', encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        '"We need guarantees," Zelensky said. "We are ready," Karla Berger told reporters. '
        '"It is late," Berg added.', encoding="utf-8")
    result = CliRunner().invoke(app, ["speakers", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = {r["name"]: r for r in json.loads(result.stdout)}
    assert rows["Volodymyr Zelenskyy"]["statements"] == 2
    assert "Zelensky" in rows["Volodymyr Zelenskyy"]["aliases"]
    assert rows["Karl Berg"]["statements"] == 2
    assert rows["Karla Berger"]["statements"] == 1
    assert rows["Karl Berg"]["id"] != rows["Karla Berger"]["id"]


def test_table_output_has_counts(tmp_path):
    (tmp_path / "a.txt").write_text('"We are ready," Karl Berg said.', encoding="utf-8")
    result = CliRunner().invoke(app, ["speakers", str(tmp_path)], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "Karl Berg" in result.stdout and "statements" in result.stdout


def test_check_lists_suspicious_identities_with_the_reason_and_exits_1(tmp_path):
    (tmp_path / "a.txt").write_text('"We are ready," Karl Berg said.', encoding="utf-8")
    # no governor named in the article: "the governor" stays a role (see extraction/roles.py)
    (tmp_path / "b.txt").write_text('"The talks are over," the governor said.', encoding="utf-8")
    result = CliRunner().invoke(app, ["speakers", str(tmp_path), "--check", "--format", "json"])
    assert result.exit_code == 1, result.output
    found = json.loads(result.stdout)
    assert [(f["name"], f["type"], f["reasons"]) for f in found] == [("governor", "role", "title without a name")]


def test_check_of_a_clean_corpus_exits_0(tmp_path):
    (tmp_path / "a.txt").write_text('"We are ready," Karl Berg said.', encoding="utf-8")
    result = CliRunner().invoke(app, ["speakers", str(tmp_path), "--check", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == []
