"""Bad input never stops a batch: each bad document gets a clear error of its own, the others
are extracted, the exit code says whether any failed; and no text makes the extractor raise."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from onrecord.cli import app
from onrecord.extraction.pipeline import extract_article, extract_articles
from onrecord.model import Article

GOOD = '"We will reopen the bridge," Mayor Ana Silva said on Monday.'


def write_batch(folder):
    (folder / "a_good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "b_empty.txt").write_text("", encoding="utf-8")
    (folder / "c_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00")
    (folder / "d_latin1.txt").write_bytes("Caf\xe9 owners said the \xabbridge\xbb matters.".encode("latin-1"))
    (folder / "e_huge.txt").write_text("The council met again. " * 230_000, encoding="utf-8")  # ~5 MB
    (folder / "f_records.jsonl").write_text(
        json.dumps({"id": "no-text", "title": "nothing here"}) + "\n"
        + json.dumps({"id": "unbalanced", "text": '"We will hold, Ana Silva said. "Nobody leaves," she added.'})
        + "\n" + "{not json\n",
        encoding="utf-8",
    )


def test_cli_batch_reports_each_bad_document_and_goes_on(tmp_path):
    write_batch(tmp_path)
    result = CliRunner().invoke(app, ["extract", str(tmp_path)])
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    by_id = {r["id"]: r for r in lines}
    good = by_id["a_good"]
    assert not good["errors"] and good["statements"][0]["speaker"]["name"] == "Ana Silva"
    assert by_id["unbalanced"]["statements"], "unbalanced quotes are handled locally"
    errors = {i: r["errors"] for i, r in by_id.items() if r["errors"]}
    assert {"b_empty", "c_binary", "d_latin1", "e_huge", "no-text", "f_records.jsonl:3"} <= set(errors)
    assert any("UTF-8" in e for e in errors["d_latin1"])
    assert any("empty" in e for e in errors["b_empty"])
    assert any("binary" in e for e in errors["c_binary"])
    assert any("too large" in e or "limit" in e for e in errors["e_huge"])
    assert any("text" in e for e in errors["no-text"])
    # every document is accounted for, once
    assert len(lines) == len(by_id)


def test_good_batch_exits_zero(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    assert CliRunner().invoke(app, ["extract", str(tmp_path)]).exit_code == 0


def test_a_failed_article_keeps_its_place_in_the_stream(nlp):
    arts = [Article(id="1", text=GOOD), Article(id="2", text="   "), Article(id="3", text=GOOD)]
    results = list(extract_articles(arts, nlp=nlp))
    assert [r["id"] for r in results] == ["1", "2", "3"]
    assert [bool(r["errors"]) for r in results] == [False, True, False]


quote_chars = st.sampled_from(['"', "“", "”", "‘", "’", "'", "«", "»", "\n\n", ", ", " said ", " he ", "."])
words = st.sampled_from(["Ana Silva", "She", "they", "the minister", "told", "Radio Nord", "on Friday",
                         "that", "the war", "NATO", "never", "if", "has long insisted", "Crimea", "added"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(quote_chars, words, st.text(max_size=8)), max_size=40))
def test_no_text_makes_the_extractor_raise(nlp, parts):
    text = " ".join(parts)
    if not text.strip():
        return
    for s in extract_article(Article(id="h", text=text, date="2025-03-07"), nlp):
        assert 0 <= s.quote.start <= s.quote.end <= len(text)
        for g in s.quote.segments:
            assert text[g.start : g.end] in s.quote.text or not text[g.start : g.end].strip()
        if s.said_on is not None:
            assert s.said_on.date <= "2025-03-07"
