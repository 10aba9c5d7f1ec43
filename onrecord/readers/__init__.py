"""Readers: documents in, ``Article``s out, one reader per format.

``read_text`` (plain text, with the seed's header layout), ``read_html`` (trafilatura),
``read_json`` (one record or a list) and ``read_jsonl`` (one record a line, streamed).
``READERS`` maps a format to its reader and ``SUFFIXES`` a file suffix to its format;
``iter_articles`` walks files, folders and standard input over them.

Bad input never raises: a document that cannot be read becomes an Article with empty text and
one message in ``errors``, so a batch goes on and reports the problem per document.
"""

from __future__ import annotations

import codecs
import itertools
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO

from onrecord.model.article import Article
from onrecord.readers.header import dateline_end, furniture_end, iso_date, iso_minute, parse_header

# Whole-file reads stop here: a larger file is reported, not loaded (JSON Lines are streamed,
# so there the limit is per line).  Read at call time, so tests can lower it.
MAX_BYTES = 20_000_000
SNIFF_BYTES = 8192  # how much of a file decides "binary or text"

SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
}


# --- readers, one per format -----------------------------------------------------------------


def read_text(text: str, id: str = "text", source: str | None = None) -> Article:
    """A plain-text article.  ``text`` is kept exactly; a header (the seed layout, a byline, a
    time line) fills the metadata and moves ``body_start`` past it."""
    if not text.strip():
        return Article.failed(id, "empty article", source)
    h = parse_header(text)
    return Article(
        id=id,
        text=text,
        date=h.date,
        outlet=h.outlet,
        author=h.author,
        published=h.published,
        title=h.title,
        caption=h.caption,
        body_start=dateline_end(text, h.body_start),
        source=source,
    )


def read_html(html: str, id: str = "html", source: str | None = None) -> Article:
    """An HTML page: trafilatura extracts the article text and its metadata; ``text`` is the
    extracted text (the offsets index it, not the HTML)."""
    import trafilatura  # slow to import, and only HTML needs it

    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    except Exception as e:  # a parser failure on one page must not stop the batch
        return Article.failed(id, f"could not extract text from HTML: {e}", source)
    if doc is None or not (doc.text or "").strip():
        depth = nesting_depth(html)
        why = (f": its elements nest {depth:,} levels deep, past the HTML parser's limit of {PARSER_DEPTH}"
               if depth > PARSER_DEPTH else "")
        return Article.failed(id, f"no article text found in HTML{why}", source)
    return Article(
        id=id,
        text=doc.text,
        date=iso_date(doc.date),
        outlet=doc.sitename or None,
        author=doc.author or None,
        title=doc.title or None,
        url=doc.url or None,
        body_start=furniture_end(doc.text, doc.title),
        source=source,
    )


PARSER_DEPTH = 255  # libxml2's nesting limit (lxml, hence trafilatura): deeper elements are dropped
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)[^>]*?(/?)>")
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())


def nesting_depth(html: str) -> int:
    """How deep the elements of ``html`` nest, counted from its tags (a rough count, for an
    error message: unclosed paragraphs and the like count as open)."""
    depth = deepest = 0
    for closing, name, self_closing in _TAG.findall(html):
        if name.lower() in _VOID or self_closing:
            continue
        depth = max(depth - 1, 0) if closing else depth + 1
        deepest = max(deepest, depth)
    return deepest


def read_json(text: str, name: str = "stdin", source: str | None = None) -> Iterator[Article]:
    """A JSON document: one record object, or a list of them.  A record without an id gets
    ``<name>#<n>`` (its place in the list, from 1), a lone record the file's stem."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        yield Article.failed(
            stem(name), f"invalid JSON on line {e.lineno}: {e.msg} (column {e.colno})", source
        )
        return
    if isinstance(data, dict):
        yield article_from_record(data, stem(name), source)
    elif isinstance(data, list) and data:
        for n, record in enumerate(data, 1):
            yield article_from_record(record, f"{name}#{n}", f"{source or name}#{n}")
    elif isinstance(data, list):
        yield Article.failed(stem(name), "empty article (the JSON list has no records)", source)
    else:
        yield Article.failed(
            stem(name), f"JSON must be an object or a list of objects, not {_json_type(data)}", source
        )


def read_jsonl(
    lines: Iterable[str | bytes], name: str = "stdin", source: str | None = None
) -> Iterator[Article]:
    """JSON Lines, one record a line, read lazily: each line is parsed when its article is
    asked for.  Blank lines are skipped; a record without an id gets ``<name>:<line>``."""
    found = False
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        found = True
        yield _jsonl_record(line, number, name, source)
    if not found:
        yield Article.failed(stem(name), "empty article", source)


def _jsonl_record(line: str | bytes, number: int, name: str, source: str | None) -> Article:
    where = f"{name}:{number}"
    at = f"{source}:{number}" if source else where
    if len(line) > MAX_BYTES:
        return Article.failed(where, f"line {number} is too large: over {MAX_BYTES:,} bytes (not read)", at)
    if isinstance(line, bytes):
        try:
            line = line.decode("utf-8")
        except UnicodeDecodeError as e:
            return Article.failed(where, f"not valid UTF-8 at byte {e.start} of line {number}", at)
    try:
        # without its line end, so an error's column counts within the line
        record = json.loads(line.lstrip("\ufeff").rstrip("\r\n"))
    except json.JSONDecodeError as e:
        return Article.failed(where, f"invalid JSON on line {number}: {e.msg} (column {e.colno})", at)
    return article_from_record(record, where, at)


def article_from_record(record: Any, default_id: str, source: str | None = None) -> Article:
    """An Article from one JSON record: ``id``, ``text`` and optional ``date``, ``published``,
    ``outlet`` (or ``publisher``), ``title``, ``url``, ``author``; other keys are ignored."""
    if not isinstance(record, dict):
        return Article.failed(default_id, f"record is not a JSON object but {_json_type(record)}", source)
    rid = record.get("id")
    id = str(rid) if isinstance(rid, str | int) and not isinstance(rid, bool) and str(rid) else default_id
    text = record.get("text")
    if text is None:
        return Article.failed(id, "record has no 'text'", source)
    if not isinstance(text, str):
        return Article.failed(id, f"record 'text' is not a string but {_json_type(text)}", source)
    if not text.strip():
        return Article.failed(id, "empty article", source)
    date, published = _field(record, "date"), _field(record, "published")
    title = _field(record, "title")
    return Article(
        id=id,
        text=text,
        date=iso_date(date) or iso_date(published),
        outlet=_field(record, "outlet", "publisher"),
        author=_field(record, "author"),
        published=iso_minute(published) or iso_minute(date),
        title=title,
        url=_field(record, "url"),
        body_start=furniture_end(text, title),  # a headline or dateline is never a statement
        source=source,
    )


def _field(record: dict[str, Any], *keys: str) -> str | None:
    """The first of ``keys`` holding a non-empty string (a list of strings, e.g. several
    authors, is joined); anything else counts as absent."""
    for key in keys:
        value = record.get(key)
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            value = ", ".join(value)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")


# --- the registry: format → reader, and the dispatch over bytes ------------------------------

Reader = Callable[[str, str, str | None], Iterable[Article]]

# Every reader takes (decoded text, name, source).  JSON Lines from a stream do not come through
# here: read_stream hands them to read_jsonl line by line instead of decoding the whole file.
READERS: dict[str, Reader] = {
    "text": lambda text, name, source: [read_text(text, stem(name), source)],
    "html": lambda text, name, source: [read_html(text, stem(name), source)],
    "json": read_json,
    "jsonl": lambda text, name, source: read_jsonl(text.split("\n"), name, source),
}

_HTML_START = re.compile(
    r"(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|article|div|p)\b",
    re.IGNORECASE | re.DOTALL,
)


def stem(name: str) -> str:
    """The id of a whole-file document: its name without a known suffix ('sub/a.txt' → 'sub/a')."""
    suffix = PurePosixPath(name).suffix
    return name[: -len(suffix)] if suffix.lower() in SUFFIXES else name


def sniff(text: str) -> str:
    """The format of a text that came without a telling suffix (standard input, 'notes')."""
    head = text.lstrip()
    if head.startswith("["):
        return "json"
    if head.startswith("{"):
        # one record a line if the first line is a record by itself, else one (indented) document
        try:
            json.loads(head.split("\n", 1)[0])
            return "jsonl"
        except json.JSONDecodeError:
            return "json"
    return "html" if _HTML_START.match(head[:4096]) else "text"


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))  # UTF-32 first: its little-endian BOM starts like UTF-16's


def _wide_encoding(head: bytes) -> str | None:
    """UTF-16 or UTF-32 when ``head`` starts with its byte-order mark (their NUL bytes are not
    binary content)."""
    return next((name for bom, name in _BOMS if head.startswith(bom)), None)


def _is_binary(head: bytes) -> bool:
    """NUL bytes, or many control characters, in the first bytes: not a text file."""
    if _wide_encoding(head):
        return False
    controls = sum(b < 9 or 13 < b < 32 for b in head)
    return b"\0" in head or controls > len(head) // 10


def _skip_rest_of_line(line: bytes, stream: BinaryIO) -> None:
    """After a line cut at MAX_BYTES + 1 bytes: read past the rest of it without keeping it."""
    if len(line) > MAX_BYTES and not line.endswith(b"\n"):
        while (rest := stream.readline(MAX_BYTES)) and not rest.endswith(b"\n"):
            pass


def _capped_lines(stream: BinaryIO) -> Iterator[bytes]:
    """The lines of a stream, one at a time.  A line over MAX_BYTES comes out cut to
    MAX_BYTES + 1 bytes, so that read_jsonl reports it."""
    while line := stream.readline(MAX_BYTES + 1):
        _skip_rest_of_line(line, stream)
        yield line


def read_bytes(
    data: bytes, name: str, source: str | None = None, fmt: str | None = None
) -> Iterator[Article]:
    """Articles from the whole content of a file: checked (size, empty, binary, UTF-8), decoded,
    and handed to the reader of ``fmt`` (sniffed when None)."""
    id = stem(name)
    if len(data) > MAX_BYTES:
        yield Article.failed(id, f"file too large: over {MAX_BYTES:,} bytes (not read)", source)
    elif not data.strip():
        yield Article.failed(id, "empty article", source)
    elif _is_binary(data[:SNIFF_BYTES]):
        yield Article.failed(id, "binary content (not text)", source)
    else:
        encoding = _wide_encoding(data[:4]) or "utf-8"
        try:
            text = data.decode(encoding)  # utf-16 and utf-32 read their byte-order mark and drop it
        except UnicodeDecodeError as e:
            yield Article.failed(id, f"not valid {encoding.upper()} at byte {e.start}", source)
            return
        text = text.removeprefix("\ufeff")  # a byte-order mark is an encoding detail, not text
        yield from READERS[fmt or sniff(text)](text, name, source)


def _peek(stream: BinaryIO) -> bytes:
    """The first bytes of a stream without consuming them (files and stdin are buffered)."""
    peek = getattr(stream, "peek", None)
    return peek(SNIFF_BYTES)[:SNIFF_BYTES] if peek else b""


def read_stream(
    stream: BinaryIO, name: str, source: str | None = None, fmt: str | None = None
) -> Iterator[Article]:
    """Articles from an open binary stream.  JSON Lines (by ``fmt``, or sniffed from a first
    line that is a record by itself) are read line by line; other formats whole, at most
    MAX_BYTES."""
    if _is_binary(_peek(stream)):  # before streaming lines: a binary file is one error, not thousands
        yield Article.failed(stem(name), "binary content (not text)", source)
        return
    if _wide_encoding(_peek(stream)):  # read whole and decoded (lines of UTF-16 are not lines of bytes)
        yield from read_bytes(stream.read(MAX_BYTES + 1), name, source, fmt)
        return
    first = stream.readline(MAX_BYTES + 1)
    # a first line over the limit that starts a record is one oversized record of JSON Lines: it is
    # reported and the lines after it are read (sniffing it would fail, and make the whole stream
    # one "too large" document)
    if fmt is None and first.lstrip().startswith(b"{") and (
            len(first) > MAX_BYTES or sniff(first.decode("utf-8", "replace")) == "jsonl"):
        fmt = "jsonl"
    if fmt == "jsonl":
        _skip_rest_of_line(first, stream)
        yield from read_jsonl(itertools.chain([first], _capped_lines(stream)), name, source)
        return
    yield from read_bytes(first + stream.read(MAX_BYTES + 1 - len(first)), name, source, fmt)


def read_path(path: str | Path, name: str | None = None) -> Iterator[Article]:
    """The articles in one file, read by its suffix's format (sniffed for an unknown suffix).
    ``name`` (default: the file name) makes the ids."""
    path = Path(path)
    name = name or path.name
    try:
        with path.open("rb") as stream:
            yield from read_stream(stream, name, str(path), SUFFIXES.get(path.suffix.lower()))
    except FileNotFoundError:
        yield Article.failed(stem(name), f"no such file: {path}", str(path))
    except OSError as e:
        yield Article.failed(stem(name), f"cannot read {path}: {e.strerror or e}", str(path))


def _is_folder_documentation(path: Path) -> bool:
    """README.md, SOURCES.md, LICENSE.txt, TITLES.md: by convention a file named in capitals
    describes the folder it sits in; it is not one of the articles."""
    stem = path.stem.replace("_", "").replace("-", "")
    return path.name.lower().startswith("readme.") or (stem.isalpha() and stem.isupper())


def folder_files(folder: Path) -> list[Path]:
    """The article files under ``folder``: recursive, sorted, hidden files and READMEs skipped."""
    return sorted(
        p
        for p in folder.rglob("*")
        if p.suffix.lower() in SUFFIXES
        and p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
        and not _is_folder_documentation(p)
    )


def empty_folder(folder: Path) -> Article:
    """The error of a folder that holds no article file."""
    kinds = ", ".join(SUFFIXES)
    return Article.failed(folder.name or str(folder), f"no article files ({kinds}) in folder {folder}", str(folder))


def _read_folder(folder: Path) -> Iterator[Article]:
    """Every article file under ``folder`` (recursive, sorted; hidden files and READMEs
    skipped); ids are paths relative to it, so same-named files in subfolders stay apart.  A
    subfolder that cannot be read is an error of its own, like a file that cannot be read."""
    found: list[Path] = []
    unreadable: list[OSError] = []
    for root, dirs, names in os.walk(folder, onerror=unreadable.append):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for n in names:
            p = Path(root) / n
            if (p.suffix.lower() in SUFFIXES and not n.startswith(".") and p.is_file()
                    and not _is_folder_documentation(p)):
                found.append(p)
    for e in sorted(unreadable, key=lambda e: str(e.filename)):
        where = Path(str(e.filename))
        name = where.relative_to(folder).as_posix() if where.is_relative_to(folder) else str(where)
        yield Article.failed(name, f"cannot read folder {where}: {e.strerror or e}", str(where))
    files = sorted(found)
    if not files and not unreadable:
        kinds = ", ".join(SUFFIXES)
        yield Article.failed(
            folder.name or str(folder), f"no article files ({kinds}) in folder {folder}", str(folder)
        )
    for p in files:
        yield from read_path(p, p.relative_to(folder).as_posix())


def _read_stdin() -> Iterator[Article]:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        yield Article.failed("stdin", "standard input is not available", "<stdin>")
        return
    yield from read_stream(stream, "stdin", "<stdin>")


def iter_articles(paths: Iterable[str | Path]) -> Iterator[Article]:
    """Articles from files, folders (recursive, sorted, only the suffixes in SUFFIXES) and "-"
    (standard input, format sniffed), lazily and in order.  Never raises for bad input: every
    path gives at least one Article, and one that cannot be read carries its error."""
    for p in paths:
        if str(p) == "-":
            yield from _read_stdin()
        elif Path(p).is_dir():
            yield from _read_folder(Path(p))
        else:
            yield from read_path(p)
