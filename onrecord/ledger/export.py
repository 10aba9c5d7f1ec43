"""Writing statement rows (``query.export_rows``) as JSON Lines, CSV or Parquet."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO, Any

from onrecord.ledger.query import EXPORT_JSON
from onrecord.ledger.records import require

FORMATS = ("jsonl", "csv", "parquet")
_BATCH = 5000


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    # CSV and Parquet get lists and objects as JSON text: one flat, stable column type each
    return {
        k: (json.dumps(v, ensure_ascii=False) if k in EXPORT_JSON and v is not None else v)
        for k, v in row.items()
    }


def write_jsonl(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for n, row in enumerate(rows, 1):  # noqa: B007
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return n


def write_csv(rows: Iterable[dict[str, Any]], out: IO[str], columns: list[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    n = 0
    for n, row in enumerate(rows, 1):  # noqa: B007
        writer.writerow(_flat(row))
    return n


def parquet_schema(columns: list[str]) -> Any:
    pa = require("pyarrow", "Parquet export")
    ints = {
        "statement_id", "quote_start", "quote_end", "cue_start", "cue_end", "mention_start", "mention_end",
        "venue_start", "venue_end", "cluster_id", "cluster_reports", "seq",
    }  # fmt: skip
    bools = {"negated", "hedged", "via_translator", "said_on_assumed"}
    return pa.schema(
        [(c, pa.int64() if c in ints else pa.bool_() if c in bools else pa.string()) for c in columns]
    )


def write_parquet(rows: Iterable[dict[str, Any]], path: str | IO[bytes], columns: list[str]) -> int:
    """Parquet to a path or a binary stream; Parquet writes its footer last and never seeks back,
    so a pipe will do."""
    pa = require("pyarrow", "Parquet export")
    pq = require("pyarrow.parquet", "Parquet export")
    schema = parquet_schema(columns)
    n = 0
    with pq.ParquetWriter(path, schema) as writer:
        batch: list[dict[str, Any]] = []
        for row in rows:
            batch.append(_flat(row))
            if len(batch) >= _BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
                batch = []
        # an empty export still writes a valid file with the columns
        writer.write_table(pa.Table.from_pylist(batch, schema=schema))
        n += len(batch)
    return n
