"""Readers: plain text (and the seed's header layout), HTML, JSON, JSON Lines, folders, standard
input, and every kind of bad input, on small texts we write."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from onrecord import readers as article_module
from onrecord.model import Article
from onrecord.readers import (
    article_from_record,
    iter_articles,
    read_html,
    read_json,
    read_jsonl,
    read_text,
    sniff,
)
from onrecord.readers.header import parse_header

SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "000_4318a879f6337696.txt"

SEED_LAYOUT = (
    " date 2025-02-14 Delegates arrive for the second day of talks in Vienna on February 13, 2025."
    " (Photo by Ana Ruiz/Example Wire)\n"
    "\n"
    "HNS Staff Paula Brenner\n"
    "\n"
    "11:05 AM – Friday, February 14, 2025\n"
    "\n"
    "The two delegations agreed on a prisoner list late on Thursday, officials said.\n"
    "\n"
    "“We are not there yet,” the mediator said.\n"
)

HTML = """<!DOCTYPE html>
<html><head><title>Border talks resume | Lakeside Courier</title>
<meta property="og:site_name" content="Lakeside Courier">
<meta name="author" content="Jonas Ekberg">
<meta property="article:published_time" content="2025-04-02T08:30:00Z">
<link rel="canonical" href="https://courier.example/border-talks">
</head><body><nav>Home | World | Sport</nav>
<article><h1>Border talks resume</h1>
<p>Negotiators from the two neighbouring states met again on Wednesday after a pause of a month.</p>
<p>"We have a calendar now, and that is new," the mediator told reporters outside the hall.</p>
<p>The foreign ministry said in a statement that it expected a draft agreement before the summer.</p>
</article><footer>All rights reserved.</footer></body></html>
"""


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


def read_one(path: Path | str) -> Article:
    articles = list(iter_articles([path]))
    assert len(articles) == 1, [(a.id, a.errors) for a in articles]
    return articles[0]


def jsonl(*records: object) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


# --- plain text and the seed layout ------------------------------------------------------------


def test_seed_layout_fills_metadata_and_moves_the_body_past_the_header(tmp_path):
    a = read_one(write(tmp_path, "vienna.txt", SEED_LAYOUT))
    assert a.text == SEED_LAYOUT  # kept exactly: offsets index it
    assert (a.date, a.outlet, a.author) == ("2025-02-14", "HNS", "Paula Brenner")
    assert a.published == "2025-02-14T11:05"
    assert a.caption == (
        "Delegates arrive for the second day of talks in Vienna on February 13, 2025."
        " (Photo by Ana Ruiz/Example Wire)"
    )
    assert a.body.startswith("The two delegations agreed")
    assert "Staff" not in a.body and "11:05" not in a.body and "Vienna" not in a.body
    assert a.id == "vienna" and a.source == str(tmp_path / "vienna.txt") and a.errors == []


def test_seed_layout_with_crlf_line_ends():
    text = SEED_LAYOUT.replace("\n", "\r\n")
    a = read_text(text)
    assert a.text == text
    assert a.author == "Paula Brenner" and a.published == "2025-02-14T11:05"
    assert a.body.startswith("The two delegations agreed")


def test_plain_by_byline_and_a_title_above_it():
    text = "Talks resume in Vienna\n\nBy Paula Brenner and Omar Haddad\n\nThe delegations met again.\n"
    a = read_text(text)
    assert a.title == "Talks resume in Vienna"
    assert a.author == "Paula Brenner and Omar Haddad" and a.outlet is None
    assert a.body == "The delegations met again.\n"


def test_date_only_and_day_first_time_lines():
    assert parse_header("By Paula Brenner\nFebruary 14, 2025\n\nBody.").date == "2025-02-14"
    h = parse_header("By Paula Brenner\n16:20 - 14 February 2025\n\nBody.")
    assert (h.date, h.published) == ("2025-02-14", "2025-02-14T16:20")


def test_text_without_a_header_is_all_body():
    text = "Talks resume in Vienna\n\nThe delegations met again on Friday, officials said.\n"
    a = read_text(text)
    assert a.body_start == 0 and a.body == text
    assert all(v is None for v in a.meta().values())


def test_a_body_sentence_starting_with_by_is_not_a_byline():
    text = "By Tuesday, the talks had stalled.\n\nNegotiators left Vienna.\n"
    assert read_text(text).body_start == 0


@pytest.mark.skipif(not SEED.exists(), reason="the shared seed article is not checked out")
def test_the_real_seed_article():
    a = read_one(SEED)
    assert (a.date, a.outlet, a.author) == ("2024-11-29", "OAN", "James Meyers")
    assert a.published == "2024-11-29T15:49"
    assert a.caption and a.caption not in a.body
    assert "OAN Staff" not in a.body and "3:49 PM" not in a.body
    assert a.text == SEED.read_text(encoding="utf-8")


def test_markdown_files_are_plain_text(tmp_path):
    a = read_one(write(tmp_path, "note.md", "The envoy said the talks would resume.\n"))
    assert a.text == "The envoy said the talks would resume.\n" and a.errors == []


def test_a_byte_order_mark_is_dropped(tmp_path):
    a = read_one(write(tmp_path, "bom.txt", "\ufeffThe envoy spoke.".encode()))
    assert a.text == "The envoy spoke."


# --- HTML --------------------------------------------------------------------------------------


def test_html_text_and_metadata_come_from_trafilatura(tmp_path):
    a = read_one(write(tmp_path, "border.html", HTML))
    assert "We have a calendar now" in a.text and "<p>" not in a.text
    assert "All rights reserved" not in a.text and "Sport" not in a.text
    assert a.title == "Border talks resume"
    assert (a.outlet, a.author, a.date) == ("Lakeside Courier", "Jonas Ekberg", "2025-04-02")
    assert a.url == "https://courier.example/border-talks"
    assert a.id == "border"


def test_html_is_sniffed_without_a_suffix(tmp_path):
    assert read_one(write(tmp_path, "page", HTML)).title == "Border talks resume"
    assert sniff(HTML) == "html"


def test_html_without_article_text_is_an_error():
    a = read_html(
        "<html><head><title>Nothing</title></head><body><script>go();</script></body></html>", id="x"
    )
    assert a.text == "" and a.errors == ["no article text found in HTML"]


# --- JSON --------------------------------------------------------------------------------------


def test_json_single_record_keeps_its_id_and_reads_publisher_as_outlet(tmp_path):
    record = {"id": "r-17", "text": "The envoy spoke.", "publisher": "Lakeside Courier", "date": "2025-04-02"}
    a = read_one(write(tmp_path, "one.json", json.dumps(record)))
    assert (a.id, a.text, a.outlet, a.date) == ("r-17", "The envoy spoke.", "Lakeside Courier", "2025-04-02")


def test_json_record_without_id_is_named_after_its_file(tmp_path):
    record = {"text": "The envoy spoke.", "outlet": "Courier", "title": "T", "url": "https://x.example/a"}
    a = read_one(write(tmp_path, "speech.json", json.dumps(record, indent=2)))
    assert (a.id, a.outlet, a.title, a.url) == ("speech", "Courier", "T", "https://x.example/a")


def test_json_list_of_records(tmp_path):
    records = [{"id": "a", "text": "One."}, {"text": "Two.", "author": ["Ana Ruiz", "Omar Haddad"]}]
    articles = list(iter_articles([write(tmp_path, "batch.json", json.dumps(records))]))
    assert [a.id for a in articles] == ["a", "batch.json#2"]
    assert articles[1].author == "Ana Ruiz, Omar Haddad"


def test_json_date_time_fills_date_and_published():
    a = article_from_record({"id": "x", "text": "T.", "date": "2025-04-02T08:30:00Z"}, "d")
    assert (a.date, a.published) == ("2025-04-02", "2025-04-02T08:30")


def test_json_dates_not_in_iso_form_are_left_out():
    a = article_from_record({"id": "x", "text": "T.", "date": "April 2nd"}, "d")
    assert a.date is None and a.errors == []


# --- JSON Lines --------------------------------------------------------------------------------


def test_jsonl_records_keep_ids_and_unnamed_ones_get_file_and_line(tmp_path):
    content = jsonl({"id": "first", "text": "One."}) + "\n" + jsonl({"text": "Two.", "publisher": "Courier"})
    articles = list(iter_articles([write(tmp_path, "feed.jsonl", content)]))
    assert [a.id for a in articles] == ["first", "feed.jsonl:3"]  # the blank line 2 is skipped
    assert articles[1].outlet == "Courier"
    assert articles[1].source == f"{tmp_path / 'feed.jsonl'}:3"


def test_jsonl_is_read_lazily():
    consumed = []

    def lines():
        for line in (jsonl({"id": "a", "text": "One."}), "not json at all\n"):
            consumed.append(line)
            yield line

    articles = read_jsonl(lines(), "feed.jsonl")
    assert next(articles).id == "a"
    assert len(consumed) == 1


def test_a_long_jsonl_line_is_reported_and_the_next_one_read(tmp_path, monkeypatch):
    monkeypatch.setattr(article_module, "MAX_BYTES", 60)
    content = jsonl({"id": "big", "text": "x" * 200}, {"id": "small", "text": "Short."})
    articles = list(iter_articles([write(tmp_path, "feed.jsonl", content)]))
    assert articles[0].errors == ["line 1 is too large: over 60 bytes (not read)"]
    assert (articles[1].id, articles[1].text) == ("small", "Short.")


# --- folders -----------------------------------------------------------------------------------


def test_folders_are_walked_recursively_in_order_with_relative_ids(tmp_path):
    write(tmp_path, "b.txt", "Second.")
    write(tmp_path, "a.txt", "First.")
    write(tmp_path, "sub/a.txt", "Third.")
    write(tmp_path, "sub/c.jsonl", jsonl({"text": "Fourth."}))
    write(tmp_path, "notes.csv", "not,an,article")
    write(tmp_path, ".cache/x.txt", "hidden")
    write(tmp_path, "README.md", "About this folder.")
    write(tmp_path, "SOURCES.md", "Where these came from.")
    write(tmp_path, "LICENSE.txt", "Licence terms.")
    articles = list(iter_articles([tmp_path]))
    assert [a.id for a in articles] == ["a", "b", "sub/a", "sub/c.jsonl:1"]
    assert [a.text for a in articles] == ["First.", "Second.", "Third.", "Fourth."]


def test_an_empty_folder_is_reported(tmp_path):
    a = read_one(tmp_path)
    assert a.errors and a.errors[0].startswith("no article files")


# --- standard input ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data, ids",
    [
        (b"The envoy spoke on Friday.\n", ["stdin"]),
        (jsonl({"id": "a", "text": "One."}, {"text": "Two."}).encode(), ["a", "stdin:2"]),
        (json.dumps([{"id": "a", "text": "One."}], indent=1).encode(), ["a"]),
        (json.dumps({"id": "solo", "text": "One."}, indent=1).encode(), ["solo"]),
        (HTML.encode(), ["stdin"]),
    ],
)
def test_stdin_is_sniffed(monkeypatch, data, ids):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(data))))
    articles = list(iter_articles(["-"]))
    assert [a.id for a in articles] == ids
    assert all(a.text and not a.errors for a in articles)


# --- bad input: one Article with empty text and one clear error, and the batch goes on ---------


def only_error(a: Article) -> str:
    assert a.text == "" and len(a.errors) == 1, (a.text[:50], a.errors)
    return a.errors[0]


@pytest.mark.parametrize(
    "name, content, error",
    [
        ("empty.txt", b"", "empty article"),
        ("blank.txt", b"  \n\n", "empty article"),
        ("empty.jsonl", b"", "empty article"),
        ("empty.json", b"", "empty article"),
        ("picture.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary content (not text)"),
        ("data.jsonl", b"\x00\x01\x02\x03binary\x00", "binary content (not text)"),
        ("latin1.txt", "Caf\u00e9 talks".encode("latin-1"), "not valid UTF-8 at byte 3"),
        ("broken.json", b'{"id": "a",\n "text": }', "invalid JSON on line 2: Expecting value (column 10)"),
        ("number.json", b"42", "JSON must be an object or a list of objects, not a number"),
        ("none.json", b"[]", "empty article (the JSON list has no records)"),
    ],
)
def test_bad_files(tmp_path, name, content, error):
    assert only_error(read_one(write(tmp_path, name, content))) == error


def test_a_missing_path(tmp_path):
    a = read_one(tmp_path / "gone.txt")
    assert only_error(a) == f"no such file: {tmp_path / 'gone.txt'}"
    assert a.id == "gone"


def test_a_file_over_the_size_limit_is_not_read(tmp_path, monkeypatch):
    monkeypatch.setattr(article_module, "MAX_BYTES", 100)
    a = read_one(write(tmp_path, "long.txt", "word " * 100))
    assert only_error(a) == "file too large: over 100 bytes (not read)"


@pytest.mark.parametrize(
    "line, error",
    [
        ('{"id": "x", "text": "One."', "invalid JSON on line 2: Expecting ',' delimiter (column 27)"),
        ('{"id": "x"}', "record has no 'text'"),
        ('{"id": "x", "text": 12}', "record 'text' is not a string but a number"),
        ('{"id": "x", "text": ["a"]}', "record 'text' is not a string but a list"),
        ('{"id": "x", "text": " "}', "empty article"),
        ('["not", "a", "record"]', "record is not a JSON object but a list"),
    ],
)
def test_bad_jsonl_lines_are_reported_per_record(tmp_path, line, error):
    content = jsonl({"id": "before", "text": "One."}) + line + "\n" + jsonl({"id": "after", "text": "Two."})
    before, bad, after = iter_articles([write(tmp_path, "feed.jsonl", content)])
    assert only_error(bad) == error
    assert (before.text, after.text) == ("One.", "Two.")


def test_a_jsonl_line_with_bad_utf8(tmp_path):
    content = b'{"id": "a", "text": "One."}\n{"id": "b", "text": "Caf\xe9"}\n'
    good, bad = iter_articles([write(tmp_path, "feed.jsonl", content)])
    assert good.text == "One."
    assert (bad.id, only_error(bad)) == ("feed.jsonl:2", "not valid UTF-8 at byte 24 of line 2")


def test_a_batch_goes_on_past_bad_documents(tmp_path):
    paths = [
        write(tmp_path, "a.txt", b""),
        tmp_path / "missing.txt",
        write(tmp_path, "b.json", b"{oops"),
        write(tmp_path, "c.txt", "The envoy spoke."),
    ]
    articles = list(iter_articles(paths))
    assert [bool(a.errors) for a in articles] == [True, True, True, False]
    assert articles[-1].text == "The envoy spoke."


def test_a_bad_json_document_read_directly():
    (a,) = read_json("[1,", "x.json")
    assert only_error(a).startswith("invalid JSON on line 1:") and a.id == "x"


# --- headlines and datelines are not body ------------------------------------------------------


def test_record_text_opening_with_its_title_has_its_body_after_it():
    from onrecord.readers import article_from_record

    record = {"id": "t", "title": "Envoy says talks will resume",
              "text": "Envoy says talks will resume.\n\nThe envoy said on Monday that talks would resume."}
    a = article_from_record(record, "t")
    assert a.text == record["text"] and a.body == "The envoy said on Monday that talks would resume."


def test_a_title_split_over_two_lines_is_skipped_whole():
    from onrecord.readers import article_from_record

    record = {"id": "t", "title": "Ferry link saved; Council votes to keep the night crossing",
              "text": "Ferry link saved; \nCouncil votes to keep the night crossing.\n\nThe council voted on Monday."}
    assert article_from_record(record, "t").body == "The council voted on Monday."


def test_a_record_whose_text_is_only_its_title_keeps_it():
    from onrecord.readers import article_from_record

    a = article_from_record({"id": "t", "title": "Envoy speaks", "text": "Envoy speaks."}, "t")
    assert a.body == "Envoy speaks."


@pytest.mark.parametrize("text, body", [
    ("OSLO (Reuters) — The minister said the talks would resume.", "The minister said the talks would resume."),
    ("SPRINGFIELD, Ill. — The governor said the bridge would reopen.", "The governor said the bridge would reopen."),
    ("LISBON: The head of the agency urged states to act.", "The head of the agency urged states to act."),
    ("VIENNA - Delegates met again.", "Delegates met again."),
])
def test_a_dateline_opens_no_statement(text, body):
    from onrecord.readers import article_from_record

    assert article_from_record({"id": "d", "text": text}, "d").body == body
    assert read_text(text).body == body


def test_a_transcript_label_is_not_a_dateline():
    text = "KERR: Will you sign?\n\nVARGA: We are close."
    assert read_text(text).body_start == 0


def test_a_name_with_a_colon_is_not_a_dateline():
    assert read_text("Varga: We are close to a deal.").body_start == 0
