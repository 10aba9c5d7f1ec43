"""A user's own taxonomy and aliases file, through the CLI; a bad file is a clear error."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from onrecord.cli import app

TAXONOMY = """taxonomy: local_works
label: Local works
version: 1
issues:
  - id: bridges
    label: Bridges
    proposition: The bridge should reopen.
    triggers:
      lemmas: [bridge]
"""
ALIASES = """version: 1
identities:
  - name: Ana Maria Silva
    aliases: [Ana Silva, A. M. Silva]
    wikidata: Q123
"""


def test_own_taxonomy_and_aliases(tmp_path) -> None:
    (tmp_path / "t.yaml").write_text(TAXONOMY, encoding="utf-8")
    (tmp_path / "a.yaml").write_text(ALIASES, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", "-", "--taxonomy", str(tmp_path / "t.yaml"),
                                      "--aliases", str(tmp_path / "a.yaml")],
                                input='"We will reopen the bridge," Silva said.')
    assert result.exit_code == 0, result.output
    statement = json.loads(result.stdout.splitlines()[0])["statements"][0]
    assert statement["issues"] == ["bridges"]
    assert statement["speaker"]["name"] == "Ana Maria Silva"  # a surname alone: the pinned person


def test_bad_taxonomy_names_the_line(tmp_path) -> None:
    (tmp_path / "t.yaml").write_text(TAXONOMY.replace("    triggers:\n      lemmas: [bridge]\n", "    triggers: 7\n"),
                                     encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", "-", "--taxonomy", str(tmp_path / "t.yaml")], input="x")
    assert result.exit_code == 2
    assert "line" in result.output and "t.yaml" in result.output


def test_stance_reader_off_and_a_bad_reader_file(tmp_path) -> None:
    text = '"Ukraine is consulting its future security guarantors every day," Ana Silva said.'
    off = CliRunner().invoke(app, ["extract", "-", "--stance-reader", "off"], input=text)
    assert off.exit_code == 0, off.output
    stance = json.loads(off.stdout.splitlines()[0])["statements"][0]["stances"]["security_guarantees"]
    assert stance["source"] == "rules"  # the rules alone
    (tmp_path / "reader.json").write_text('{"vocabulary": {}}', encoding="utf-8")
    bad = CliRunner().invoke(app, ["extract", "-", "--stance-reader", str(tmp_path / "reader.json")], input=text)
    assert bad.exit_code == 2 and "stance reader" in bad.output
    assert "Traceback" not in bad.output
