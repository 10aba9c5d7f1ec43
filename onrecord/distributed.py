"""Extraction and ingest on Ray Data: the same pipeline and the same ledger writes as the
single-machine path, on a laptop's local Ray or on a cluster, with no change of code.

The only module that imports Ray (the optional extra ``onrecord[ray]``).  Three stages:

- input rows are files (``paths_dataset``), bytes (``ray.data.read_binary_files`` with
  ``include_paths=True``) or records (``id``, ``text``, optional metadata, as ``ray.data.read_json``
  / ``read_parquet`` / ``read_text`` give them); an actor reads them into Articles through the
  readers the CLI uses (``readers.read_path``, ``read_bytes``, ``article_from_record``), so a
  document that cannot be read is an Article with its error, as on one machine;
- ``extract_dataset``: an actor pool (``workers`` actors, ``num_cpus`` each) in which every actor
  builds the spaCy pipeline once from the ``Config`` and turns batches into statement rows: one
  row per statement, one row with ``error`` for an article that failed;
- ``ingest_dataset``: the same actors also hash each article, skip what is stored, and write each
  article with its statements through ``ledger.ingest.write_article`` (one transaction per
  article, keyed by article key and content hash).  A task Ray retries (an actor killed, a
  connection lost) writes again only what the lost attempt had not written: nothing twice.

Reading happens in the actors rather than in a stage of its own: a reading task would need a CPU
that the actors hold (or, given none, Ray starts a process per queued task).

Everything streams (Ray Data's streaming executor; no ``materialize()``), so memory is bounded
by the blocks in flight, not by the corpus.  The idea of a map over an actor pool holding a
loaded model is Ray Data's own pattern for batch inference
(https://docs.ray.io/en/latest/data/batch_inference.html).
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import ray
import ray.data
import sqlalchemy as sa

from onrecord import readers
from onrecord.config import Config
from onrecord.errors import ConfigError
from onrecord.identity.hygiene import display_name
from onrecord.ledger import Ledger, clusters, db
from onrecord.ledger.ingest import content_hash, finish_run, record_error, start_run, write_article
from onrecord.ledger.records import IngestReport, statement_row
from onrecord.ledger.schema import articles as articles_table
from onrecord.ledger.schema import speakers as speakers_table
from onrecord.ledger.schema import statements as statements_table
from onrecord.model.article import Article

META = ("date", "outlet", "author", "published", "title", "url", "caption")
_INT = ("quote_start", "quote_end", "cue_start", "cue_end", "mention_start", "mention_end", "venue_start", "venue_end")
_BOOL = ("negated", "hedged", "via_translator", "said_on_assumed")
_JSON = ("stances", "extra")  # maps whose keys vary between rows: JSON text, so one schema holds every batch


def _statement_field(name: str) -> pa.Field:
    if name in _INT:
        return pa.field(name, pa.int64())
    if name in _BOOL:
        return pa.field(name, pa.bool_())
    if name == "quote_segments":
        return pa.field(name, pa.list_(pa.list_(pa.int64())))
    if name in ("speaker_members", "issues"):
        return pa.field(name, pa.list_(pa.string()))
    return pa.field(name, pa.string())


# the ledger's flat statement columns (records.statement_row), in its order
_FLAT = list(statement_row({"kind": "", "quote": {"text": "", "start": 0, "end": 0}, "speaker": {}}))
STATEMENT_SCHEMA = pa.schema(
    [("article_id", pa.string()), ("error", pa.string()), *[(f"article_{k}", pa.string()) for k in META],
     ("seq", pa.int64()), *[_statement_field(n) for n in _FLAT],
     ("statement", pa.string()),  # the statement exactly as `extract --format jsonl` gives it, as JSON
     ("article_day", pa.string())]  # the partition: article_date, or "undated"
)
UNDATED = "undated"
OUTCOME_SCHEMA = pa.schema(
    [("article_id", pa.string()), ("source", pa.string()), ("outcome", pa.string()), ("statements", pa.int64()),
     ("error", pa.string())]
)
DEFAULT_BATCH = 16
MAX_BLOCKS = 4096  # blocks of the file list: enough to keep a cluster's actors busy


# --- Ray ---------------------------------------------------------------------------------------


def connect(address: str | None = None, num_cpus: int | None = None) -> None:
    """Join the Ray cluster at ``address`` ('auto', 'ray://host:10001'), or start a local one
    (``num_cpus`` of this machine) when there is none; once per process."""
    if ray.is_initialized():
        return
    ray.init(address=address, num_cpus=num_cpus if not address else None, include_dashboard=False,
             logging_level=logging.WARNING, configure_logging=True)


# Faults Ray retries.  A dead actor (killed, its node lost) Ray Data restarts and its task runs
# again by default; of the exceptions that escape a batch (a document's own problems never do:
# they become error rows), these are the transient ones, worth the task again.  Any other is a
# bug, which would only fail again: it ends the run.
TRANSIENT: list[type[BaseException]] = [sa.exc.OperationalError, ConnectionError, TimeoutError]


def _actor_stage(ds: ray.data.Dataset, actor: type, kwargs: dict[str, Any], workers: int, num_cpus: float,
                 batch_size: int) -> ray.data.Dataset:
    """``actor`` over ``ds`` in a pool of ``workers`` actors, ``batch_size`` rows a call."""
    out = ds.map_batches(actor, fn_constructor_kwargs=kwargs, compute=ray.data.ActorPoolStrategy(size=workers),
                         num_cpus=num_cpus, batch_size=batch_size, batch_format="pyarrow")
    out.context.actor_task_retry_on_errors = TRANSIENT
    return out


# --- input rows: files, bytes, records --------------------------------------------------------


def paths_dataset(paths: Iterable[str | Path]) -> ray.data.Dataset:
    """One row per file under ``paths`` (files and folders, as ``onrecord extract`` reads them;
    ids are the same); the files are read by the workers, so they must see the same paths (a
    shared file system on a cluster)."""
    items: list[dict[str, Any]] = []
    for p in paths:
        if str(p) == "-":
            raise ConfigError("standard input cannot be read by Ray workers: give files or folders")
        path = Path(p)
        if path.is_dir():
            files = readers.folder_files(path)
            if not files:
                failed = readers.empty_folder(path)
                items.append({"path": failed.source, "given": None, "name": failed.id, "failed": failed.errors[0]})
            items += [{"path": str(f.absolute()), "given": str(f), "name": f.relative_to(path).as_posix(),
                       "failed": None} for f in files]
        else:
            items.append({"path": str(path.absolute()), "given": str(path), "name": path.name, "failed": None})
    # a block a file (up to a bound): Ray Data hands whole blocks to an actor, so small blocks
    # are what spreads a small corpus over the pool (it bundles them up to the batch size)
    return ray.data.from_items(items, override_num_blocks=max(1, min(len(items), MAX_BLOCKS)))


def _default_id(record: dict[str, Any]) -> str:
    # a record without an id gets one from its text: the same on every run, so a rerun is idempotent
    text = record.get("text") if isinstance(record.get("text"), str) else json.dumps(record, default=str)
    return "row-" + hashlib.sha256(text.encode()).hexdigest()[:16]


def articles_of_row(row: dict[str, Any]) -> Iterator[Article]:
    """The articles of one input row: a file to read, a file's bytes, or a record."""
    if "failed" in row and row.get("failed"):
        yield Article.failed(row["name"], row["failed"], row.get("path"))
    elif "bytes" in row and "path" in row:
        name = Path(row["path"]).name
        yield from readers.read_bytes(row["bytes"], name, row["path"], readers.SUFFIXES.get(Path(name).suffix.lower()))
    elif "path" in row and "text" not in row:
        # read by the whole path (a worker's directory is not the driver's), sourced as given
        path, given = row["path"], row.get("given") or row["path"]
        for a in readers.read_path(path, row.get("name")):
            if a.source and a.source.startswith(path):
                a.source = given + a.source[len(path):]
            yield a
    else:
        yield readers.article_from_record(row, _default_id(row), row.get("source"))


def read_articles(batch: pa.Table, chunk: int = DEFAULT_BATCH) -> Iterator[list[Article]]:
    """Input rows → Articles, ``chunk`` at a time (a JSON Lines file gives many)."""
    out: list[Article] = []
    for row in batch.to_pylist():
        for article in articles_of_row(row):
            out.append(article)
            if len(out) >= chunk:
                yield out
                out = []
    if out:
        yield out


# --- extraction -------------------------------------------------------------------------------


class Extractor:
    """An actor of the pool: the pipeline built once, then batches of Article rows in, one row
    per statement out (and one row per failed article, with its ``error``)."""

    def __init__(self, config: Config, batch_size: int = DEFAULT_BATCH) -> None:
        from onrecord.extraction.pipeline import load_nlp

        self.config = config
        self.batch_size = batch_size
        self.nlp = load_nlp(config)

    def results(self, articles: list[Article]) -> list[dict[str, Any]]:
        """``extract_articles`` over a batch.  Should the pipeline raise on one document, the batch
        is done again one by one, so that document alone becomes an error."""
        from onrecord.extraction.pipeline import extract_articles, result_dict

        try:
            return list(extract_articles(articles, nlp=self.nlp))
        except Exception:  # a bug met by one document must not fail the batch's other documents
            out = []
            for a in articles:
                try:
                    out += extract_articles([a], nlp=self.nlp)
                except Exception as e:
                    out.append(result_dict(a, [], [f"extraction failed: {e!r}"]))
            return out

    def __call__(self, batch: pa.Table) -> Iterator[pa.Table]:
        for articles in read_articles(batch, self.batch_size):
            yield pa.Table.from_pylist([row for r in self.results(articles) for row in statement_rows(r)],
                                       schema=STATEMENT_SCHEMA)


def statement_rows(result: dict[str, Any]) -> list[dict[str, Any]]:
    """One extraction result (a line of ``extract --format jsonl``) as flat rows."""
    meta = {f"article_{k}": result["article"].get(k) for k in META}
    meta["article_day"] = meta["article_date"] or UNDATED
    if result["errors"]:
        return [{"article_id": result["id"], "error": "; ".join(result["errors"]), **meta}]
    rows = []
    for seq, s in enumerate(result["statements"]):
        flat = statement_row(s)
        for key in _JSON:
            flat[key] = json.dumps(flat[key], ensure_ascii=False, sort_keys=True) if flat[key] else None
        rows.append({"article_id": result["id"], "error": None, **meta, "seq": seq, **flat,
                     "statement": json.dumps(s, ensure_ascii=False)})
    return rows


def extract_dataset(ds: ray.data.Dataset, config: Config, *, workers: int = 1, num_cpus: float = 1,
                    batch_size: int = DEFAULT_BATCH, actor: type[Extractor] = Extractor) -> ray.data.Dataset:
    """Statement rows (``STATEMENT_SCHEMA``) of the articles in ``ds`` (rows of files, bytes or
    records), extracted by ``workers`` actors of ``num_cpus`` each, ``batch_size`` rows a call."""
    return _actor_stage(ds, actor, {"config": config, "batch_size": batch_size}, workers, num_cpus, batch_size)


def write_parquet(ds: ray.data.Dataset, output: str) -> None:
    """Statement rows as Parquet under ``output``, partitioned by article date
    (``article_day=2021-11-08/…``, ``article_day=undated/…``)."""
    # a partition of its own, never null: a null partition value (Hive's __HIVE_DEFAULT_PARTITION__)
    # makes pyarrow's dictionary columns unreadable by pandas ("Cannot yet unify dictionaries with nulls")
    ds.write_parquet(output, partition_cols=["article_day"])


# --- the ledger -------------------------------------------------------------------------------


class Ingester(Extractor):
    """An actor that extracts and stores: per article one outcome row ('stored', 'replaced',
    'skipped', 'failed') with its statement count.  It writes through ``write_article`` (one
    transaction per article), so a retried batch finds what its lost attempt wrote and writes
    only the rest; what an earlier attempt of this run stored counts as stored, as in a clean run."""

    def __init__(self, config: Config, url: str, run_id: int, force: bool = False,
                 batch_size: int = DEFAULT_BATCH) -> None:
        super().__init__(config, batch_size)
        self.engine = db.make_engine(url)
        self.run_id = run_id
        self.force = force

    def stored_by(self, article: Article, digest: str) -> tuple[int | None, int] | None:
        """(run id, statements) of this content when it is stored, else None."""
        with self.engine.connect() as conn:
            found = conn.execute(sa.select(articles_table.c.id, articles_table.c.run_id).where(
                articles_table.c.content_hash == digest)).first()
            if found is None:
                return None
            n = conn.execute(sa.select(sa.func.count()).select_from(statements_table).where(
                statements_table.c.article_id == found.id)).scalar()
            return found.run_id, int(n or 0)

    def __call__(self, batch: pa.Table) -> Iterator[pa.Table]:
        for articles in read_articles(batch, self.batch_size):
            yield self.store(articles)

    def store(self, articles: list[Article]) -> pa.Table:
        """Extract and write a chunk of articles; their outcome rows."""
        out: list[dict[str, Any]] = []
        todo: list[tuple[Article, str]] = []
        for a in articles:
            if a.errors:
                out.append(self.outcome(a, "failed", error="; ".join(a.errors)))
                continue
            digest = content_hash(a)
            stored = self.stored_by(a, digest)
            if stored is not None and stored[0] == self.run_id:
                out.append(self.outcome(a, "stored", stored[1]))  # by a lost attempt of this batch
            elif stored is not None and not self.force:
                out.append(self.outcome(a, "skipped"))
            else:
                todo.append((a, digest))
        report = IngestReport(run_id=self.run_id)  # write_article's counts; the driver keeps the run's
        for (a, digest), result in zip(todo, self.results([a for a, _ in todo]), strict=True):
            if result["errors"]:
                out.append(self.outcome(a, "failed", error="; ".join(result["errors"])))
                continue
            try:
                done = write_article(self.engine, a, digest, result, report, self.force, update_run=False)
            except tuple(TRANSIENT):
                raise  # the database is away: the task is retried
            except Exception as e:  # a row the database refuses is this article's error, not the batch's
                out.append(self.outcome(a, "failed", error=f"not stored: {e!r}"[:2000]))
                continue
            out.append(self.outcome(a, done, len(result["statements"]) if done != "skipped" else 0))
        return pa.Table.from_pylist(out, schema=OUTCOME_SCHEMA)

    @staticmethod
    def outcome(a: Article, what: str, statements: int = 0, error: str | None = None) -> dict[str, Any]:
        return {"article_id": a.id, "source": a.source, "outcome": what, "statements": statements, "error": error}


def ingest_dataset(
    ds: ray.data.Dataset, ledger: Ledger, *, workers: int = 1, num_cpus: float = 1,
    batch_size: int = DEFAULT_BATCH, force: bool = False, paths: Iterable[str | Path] = (),
    on_progress: Callable[[IngestReport], None] | None = None, actor: type[Ingester] = Ingester,
) -> IngestReport:
    """Extract the articles of ``ds`` on Ray and store them in ``ledger``, as ``Ledger.ingest``
    does on one machine: the same run record, counts, errors and quote clusters.  The workers
    write to the ledger's database themselves, so on a cluster it must be one they all reach
    (PostgreSQL; a SQLite file only serves workers on its own machine)."""
    engine = ledger.engine
    url = engine.url.render_as_string(hide_password=False)
    report = IngestReport(run_id=start_run(engine, [str(p) for p in paths]))
    t0 = time.monotonic()
    kwargs = {"config": ledger.config, "url": url, "run_id": report.run_id, "force": force, "batch_size": batch_size}
    stored = _actor_stage(ds, actor, kwargs, workers, num_cpus, batch_size)
    try:
        for batch in stored.iter_batches(batch_format="pyarrow", batch_size=None):
            for r in batch.to_pylist():
                _count(engine, report, r)
            report.seconds = time.monotonic() - t0
            if on_progress:
                on_progress(report)
    except BaseException as e:
        report.seconds = time.monotonic() - t0
        finish_run(engine, report, "interrupted" if isinstance(e, KeyboardInterrupt) else "failed", repr(e)[:2000])
        raise
    name_new_speakers(engine, report.run_id)
    report.seconds = time.monotonic() - t0
    finish_run(engine, report)
    report.clusters = clusters.recluster(engine)
    return report


def name_new_speakers(engine: sa.engine.Engine, run_id: int) -> int:
    """Give each speaker first met in this run the name of its first statement in article-key
    order.  The ledger shows a speaker by the name of the first statement written for it
    (``ingest._upsert_speakers``); one machine writes a folder's articles in key order, Ray's actors
    in the order they finish, so without this the same corpus would show "Donald J. Trump" on one
    engine and "Donald Trump" on the other.  Streams the run's statements once, keeping one row
    per speaker; returns how many names changed."""
    s, a = statements_table, articles_table
    of_run = s.join(a, a.c.id == s.c.article_id)
    with engine.connect() as conn:
        older = set(conn.execute(sa.select(s.c.speaker_id).distinct().select_from(of_run).where(
            a.c.run_id != run_id, s.c.speaker_id.isnot(None))).scalars())
        first: dict[str, tuple[str, int, str, str]] = {}
        rows = conn.execute(sa.select(s.c.speaker_id, a.c.key, s.c.seq, s.c.speaker_name, s.c.speaker_type)
                            .select_from(of_run).where(a.c.run_id == run_id, s.c.speaker_id.isnot(None))
                            .execution_options(yield_per=10_000))
        for sid, key, seq, name, type_ in rows:
            if sid not in older and (sid not in first or (key, seq) < first[sid][:2]):
                first[sid] = (key, seq, name, type_)
    changed = 0
    with db.writing(engine) as conn:
        for sid, (_, _, name, type_) in first.items():
            changed += conn.execute(sa.update(speakers_table).where(
                speakers_table.c.id == sid, speakers_table.c.name != display_name(name, type_)).values(
                name=display_name(name, type_))).rowcount
    return changed


def _count(engine: sa.engine.Engine, report: IngestReport, r: dict[str, Any]) -> None:
    report.read += 1
    if r["outcome"] == "failed":
        record_error(engine, report, Article.failed(r["article_id"], r["error"], r["source"]), r["error"])
        return
    setattr(report, r["outcome"], getattr(report, r["outcome"]) + 1)
    report.statements += r["statements"]


def ingest_paths(paths: list[str], ledger: Ledger, *, address: str | None = None, workers: int = 1,
                 batch_size: int = DEFAULT_BATCH, force: bool = False,
                 on_progress: Callable[[IngestReport], None] | None = None) -> IngestReport:
    """``onrecord ingest PATH… --engine ray``: files and folders into the ledger."""
    connect(address)
    return ingest_dataset(paths_dataset(paths), ledger, workers=workers, batch_size=batch_size, force=force,
                          paths=paths, on_progress=on_progress)


def extract_paths(paths: list[str], config: Config, output: str, *, address: str | None = None,
                  workers: int = 1, batch_size: int = DEFAULT_BATCH) -> dict[str, Any]:
    """``onrecord extract PATH… --engine ray --output DIR``: Parquet under ``output``.  Returns
    what was written (articles, statements, the failed articles and their errors), read back
    from the Parquet files' two small columns."""
    connect(address)
    write_parquet(extract_dataset(paths_dataset(paths), config, workers=workers, batch_size=batch_size), output)
    return summary(output)


def summary(output: str) -> dict[str, Any]:
    import pyarrow.dataset as pads

    table = pads.dataset(output, format="parquet", partitioning="hive").to_table(columns=["article_id", "error"])
    rows = table.to_pylist()
    errors = sorted({(r["article_id"], r["error"]) for r in rows if r["error"]})
    return {"articles": len({r["article_id"] for r in rows}), "statements": sum(not r["error"] for r in rows),
            "errors": errors}
