"""Data loss at the edges, and clearer errors: an oversized first JSON Lines record on standard
input, UTF-16 and UTF-32 files, an unreadable subfolder, HTML nested past the parser's limit."""

from __future__ import annotations

import io
import json
import os

import onrecord.readers as readers
from onrecord.readers import iter_articles, read_html, read_path, read_stream

GOOD = '"We will reopen the bridge," Mayor Ana Silva said on Monday.'


def test_an_oversized_first_record_on_stdin_is_one_error_and_the_rest_is_read(monkeypatch) -> None:
    monkeypatch.setattr(readers, "MAX_BYTES", 300)
    big = json.dumps({"id": "big", "text": "x" * 400})
    data = "\n".join([big, json.dumps({"id": "a", "text": GOOD}), json.dumps({"id": "b", "text": GOOD})]) + "\n"
    found = list(read_stream(io.BufferedReader(io.BytesIO(data.encode())), "stdin", "<stdin>"))
    assert [a.id for a in found] == ["stdin:1", "a", "b"]
    assert "too large" in found[0].errors[0] and not found[1].errors and not found[2].errors


def test_utf16_and_utf32_files_are_read(tmp_path) -> None:
    for encoding in ("utf-16", "utf-16-be", "utf-32"):
        path = tmp_path / f"{encoding}.txt"
        bom = "\ufeff" if encoding.endswith("-be") else ""  # utf-16 and utf-32 write their own BOM
        path.write_bytes((bom + GOOD).encode(encoding))
        (article,) = read_path(path)
        assert not article.errors and article.text == GOOD, (encoding, article.errors)
        (piped,) = read_stream(io.BufferedReader(io.BytesIO(path.read_bytes())), "stdin")
        assert piped.text == GOOD


def test_an_unreadable_subfolder_is_reported(tmp_path, monkeypatch) -> None:
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.txt").write_text(GOOD, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text(GOOD, encoding="utf-8")
    real = os.scandir

    def scandir(path="."):  # as if permission were denied (tests may run as root, who reads anything)
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(locked))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = list(iter_articles([tmp_path]))
    assert [a.id for a in found if not a.errors] == ["ok/a"]
    (error,) = [a for a in found if a.errors]
    assert error.id == "locked" and "cannot read folder" in error.errors[0] and "Permission denied" in error.errors[0]


def test_html_nested_past_the_parser_limit_says_why() -> None:
    html = "<html><body>" + "<div>" * 400 + f"<p>{GOOD}</p>" + "</div>" * 400 + "</body></html>"
    article = read_html(html, "deep")
    if article.errors:  # the parser's limit: the error names it
        assert "levels deep" in article.errors[0] and "255" in article.errors[0]
    else:
        assert "Ana Silva" in article.text
    assert readers.nesting_depth(html) == 403  # html, body, 400 divs, p
