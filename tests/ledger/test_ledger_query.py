"""Search, speaker timelines, statistics and export, on both backends."""

from __future__ import annotations

import csv
import io
import json

import pytest

from onrecord.ledger import Ledger
from onrecord.ledger.query import fts5_expression, parse_query, websearch_expression


def quotes(records) -> list[str]:
    return [r.quote for r in records]


def test_search_finds_quotes_with_speaker_outlet_date_and_venue(filled: Ledger) -> None:
    (hit,) = filled.search("umbrella ships")
    assert (hit.speaker, hit.outlet, hit.date, hit.venue, hit.kind) == (
        "Ilse Brandt",
        "Coastal Courier",
        "2024-11-20",
        "Sky News",
        "direct",
    )
    assert hit.quote == "A protection umbrella without ships is only a promise."
    assert hit.outlets == ["Coastal Courier"] and hit.reports == 1


def test_every_word_must_match_and_words_are_stemmed(filled: Ledger) -> None:
    assert quotes(filled.search("umbrella")) == [
        "A protection umbrella without ships is only a promise.",
        "Our umbrella of protection must cover the whole coast.",
    ]
    assert quotes(filled.search("umbrellas coast")) == [
        "Our umbrella of protection must cover the whole coast."
    ]
    assert filled.search("umbrella valleys") == []


def test_phrases_and_prefixes(filled: Ledger) -> None:
    assert len(filled.search('"protection umbrella"')) == 1
    assert len(filled.search('"umbrella protection"')) == 0
    if filled.backend == "sqlite":  # PostgreSQL's websearch syntax has no prefix search
        assert quotes(filled.search("harv*")) == ["the harvest would be exported by sea"]


def test_query_syntax_is_never_passed_through(filled: Ledger) -> None:
    for q in ['NEAR("a" b)', "quote_text:umbrella", '"unbalanced', "AND OR NOT", "-", "'; DROP TABLE x; --"]:
        filled.search(q)  # no error; the words are just words
    # "or" is a word to find (or, on PostgreSQL, a stop word to ignore), never the operator
    assert filled.search("umbrella OR valleys") == []


def test_filters(filled: Ledger) -> None:
    assert {r.speaker for r in filled.search(speaker="brandt")} == {"Ilse Brandt"}
    assert len(filled.search(speaker="ilse-brandt")) == 2  # by id too
    assert filled.search(speaker="Nobody Known") == []
    assert quotes(filled.search(since="2024-11-12", until="2024-11-12")) == [
        "Nobody in this room wants a frozen conflict.",
        "the harvest would be exported by sea",
    ]
    assert {r.date for r in filled.search(since="2024-11-05")} == {"2024-11-05", "2024-11-12", "2024-11-20"}
    assert {r.kind for r in filled.search(kind="indirect")} == {"indirect"}
    assert len(filled.search(kind="indirect")) == 2
    assert quotes(filled.search(venue="sky news")) == [
        "A protection umbrella without ships is only a promise."
    ]
    assert {r.outlet for r in filled.search(outlet="lumen")} == {"Lumen Daily"}
    assert quotes(filled.search("umbrella", speaker="Brandt", until="2024-11-10")) == [
        "Our umbrella of protection must cover the whole coast."
    ]


def test_like_wildcards_in_names_are_literal(filled: Ledger) -> None:
    assert filled.search(speaker="%") == []
    assert filled.search(venue="_") == []


def test_listing_is_newest_first_and_limited(filled: Ledger) -> None:
    dates = [r.date for r in filled.search()]
    assert dates == sorted(dates, reverse=True) and len(dates) == 7
    assert len(filled.search(limit=2)) == 2
    assert [r.id for r in filled.search(limit=2, offset=2)] == [r.id for r in filled.search()][2:4]


def test_speaker_timeline(filled: Ledger) -> None:
    entries = filled.timeline("Kovalenko")
    assert [(e.date, e.kind, e.venue) for e in entries] == [
        ("2024-11-12", "indirect", None),
        ("2024-11-05", "direct", None),
        ("2024-11-02", "direct", "Radio Lumen"),
    ]
    assert entries[2].outlets == ["Lumen Daily"] and entries[2].negated
    assert filled.timeline("Kovalenko", limit=1)[0].date == "2024-11-12"
    assert filled.timeline("nobody by this name") == []


def test_stats(filled: Ledger) -> None:
    s = filled.stats()
    assert s["backend"] == filled.backend
    assert (s["articles"], s["statements"], s["speakers"], s["outlets"]) == (5, 7, 3, 3)
    assert s["by_kind"] == {"direct": 5, "indirect": 2}
    assert (s["quotes"], s["clusters"]) == (7, 0)
    assert (s["first_date"], s["last_date"]) == ("2024-11-02", "2024-11-21")
    assert s["runs"] == 1 and s["last_run"]["status"] == "finished"


def test_export_jsonl_and_csv(filled: Ledger) -> None:
    out = io.StringIO()
    assert filled.export(out, format="jsonl") == 7
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    first = rows[0]
    assert (first["article"], first["outlet"], first["speaker_canonical"], first["venue_name"]) == (
        "a1",
        "Lumen Daily",
        "Anna Kovalenko",
        "Radio Lumen",
    )
    assert first["quote_segments"] == [[first["quote_start"], first["quote_end"]]]
    assert "minhash" not in first and "text" not in first
    out = io.StringIO()
    assert filled.export(out, format="csv") == 7
    table = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(table) == 7 and list(table[0]) == list(first)
    assert json.loads(table[0]["quote_segments"]) == first["quote_segments"]


def test_export_parquet_and_frames(filled: Ledger, tmp_path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "statements.parquet"
    assert filled.export(path, format="parquet") == 7
    table = pq.read_table(path)
    assert table.num_rows == 7 and "speaker_canonical" in table.column_names
    pytest.importorskip("pandas")
    frame = filled.search("umbrella").to_frame()
    assert list(frame["speaker"]) == ["Ilse Brandt", "Ilse Brandt"]
    assert len(filled.export_frame()) == 7
    assert len(filled.clusters(min_reports=1).to_frame()) == 7


def test_parse_query() -> None:
    terms = parse_query('NATO "security guarantees" umbrel* -x')
    assert terms == [
        (["NATO"], False),
        (["security", "guarantees"], False),
        (["umbrel"], True),
        (["x"], False),
    ]
    assert fts5_expression(terms) == '"NATO" "security guarantees" "umbrel"* "x"'
    assert websearch_expression(terms) == '"NATO" "security guarantees" "umbrel" "x"'
    assert parse_query("  ,,, ") == []


def test_missing_optional_packages_are_named() -> None:
    from onrecord.ledger.records import require

    with pytest.raises(RuntimeError, match=r"pip install"):
        require("surely_not_installed_module", "DataFrames")
