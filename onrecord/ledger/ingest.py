"""Ingest: articles in, statements stored, idempotent and safe to kill at any moment.

Within one run an id is read once: a second document with an id read before is an error that
names both sources, and the first is kept.

Per article: hash its content; skip it if that content is stored already (before the slow
extraction); extract; then write the article row and all its statements in ONE transaction.
An article row therefore never exists without its statements, so a run killed at any point
and started again loses nothing and duplicates nothing.  A changed article (same key, new
content) has its statements replaced in that same single transaction.

People's stance labels (``stance_labels``) belong to statement rows.  An unchanged article is
skipped, so its labels stay.  When an article's statements are replaced (a changed version, or
``force``), each label moves to the new statement with the same speaker and the same quote
text (the n-th such statement to the n-th); a label whose statement is gone is dropped with it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
import os
import socket
import time
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError

from onrecord.config import Config
from onrecord.errors import ExtractorOrderError
from onrecord.identity.hygiene import display_name
from onrecord.ledger import clusters, db
from onrecord.ledger.dialect import insert_ignore
from onrecord.ledger.records import IngestReport, statement_row
from onrecord.ledger.schema import (
    articles,
    ingest_errors,
    ingest_runs,
    speaker_aliases,
    speakers,
    stance_labels,
    statements,
)
from onrecord.model.article import Article

Extractor = Callable[[Iterable[Article]], Iterable[dict[str, Any]]]
Progress = Callable[[IngestReport], None]

_HASHED = (
    "text",
    "date",
    "outlet",
    "author",
    "published",
    "title",
    "url",
    "caption",
    "body_start",
    "body_end",
)


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def content_hash(article: Article) -> str:
    """sha256 of what the statements depend on: the text, its body bounds and the metadata."""
    payload = json.dumps({k: getattr(article, k) for k in _HASHED}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()


def default_extractor(config: Config, workers: int = 1) -> Extractor:
    """The spaCy pipeline of ``config``, in this process or (workers > 1) in a pool of processes."""
    if workers > 1:
        from onrecord.ledger.workers import spacy_pool

        return spacy_pool(config, workers)

    def run(items: Iterable[Article]) -> Iterator[dict[str, Any]]:
        # the pipeline loads (seconds) only once an article needs it: a re-run or a watch round
        # with nothing new loads none
        pending = iter(items)
        first = next(pending, None)
        if first is None:
            return
        from onrecord.ledger.workers import keep_torch_out

        keep_torch_out(config.model)  # as a worker does (workers.py)
        from onrecord.extraction.pipeline import extract_articles

        yield from extract_articles(itertools.chain([first], pending), config)

    return run


# --- runs ------------------------------------------------------------------------------------


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def start_run(engine: Engine, paths: list[str]) -> int:
    host = socket.gethostname()
    with db.writing(engine) as conn:
        # runs of this host whose process is gone were killed: say so
        stale = conn.execute(
            sa.select(ingest_runs.c.id, ingest_runs.c.pid).where(
                ingest_runs.c.status == "running", ingest_runs.c.host == host
            )
        ).all()
        dead = [rid for rid, pid in stale if pid is None or not _alive(pid)]
        if dead:
            conn.execute(
                sa.update(ingest_runs).where(ingest_runs.c.id.in_(dead)).values(status="interrupted")
            )
        return conn.execute(
            sa.insert(ingest_runs).values(
                started_at=now(), status="running", paths=paths, host=host, pid=os.getpid(),
                n_read=0, n_stored=0, n_replaced=0, n_skipped=0, n_failed=0, n_statements=0,
            )
        ).inserted_primary_key[0]  # fmt: skip


def _run_counts(report: IngestReport) -> dict[str, int]:
    return {
        "n_read": report.read,
        "n_stored": report.stored,
        "n_replaced": report.replaced,
        "n_skipped": report.skipped,
        "n_failed": report.failed,
        "n_statements": report.statements,
    }


def _update_run(conn: Connection, report: IngestReport, **values: Any) -> None:
    conn.execute(
        sa.update(ingest_runs)
        .where(ingest_runs.c.id == report.run_id)
        .values(**_run_counts(report), **values)
    )


def finish_run(engine: Engine, report: IngestReport, status: str = "finished", message: str | None = None) -> None:
    """Write the run's final counts and status ('finished', 'failed', 'interrupted')."""
    with db.writing(engine) as conn:
        _update_run(conn, report, status=status, finished_at=now(), message=message)


def record_error(engine: Engine, report: IngestReport, article: Article, message: str) -> None:
    report.failed += 1
    report.errors.append((article.id, message))
    with db.writing(engine) as conn:
        conn.execute(
            sa.insert(ingest_errors).values(
                run_id=report.run_id, article_key=article.id, source=article.source, message=message
            )
        )
        _update_run(conn, report)


# --- articles --------------------------------------------------------------------------------


def stored_state(conn: Connection, article: Article, digest: str) -> str:
    """'same' (this content is stored), 'changed' (the key is stored with other content) or 'new'."""
    rows = conn.execute(
        sa.select(articles.c.key, articles.c.content_hash).where(
            sa.or_(articles.c.key == article.id, articles.c.content_hash == digest)
        )
    ).all()
    if any(h == digest for _, h in rows):
        # the same content under another key is the same article read twice: stored once
        return "same"
    return "changed" if rows else "new"


def _article_values(article: Article, digest: str, run_id: int) -> dict[str, Any]:
    return {
        "key": article.id,
        "content_hash": digest,
        **article.meta(),
        "text": article.text,
        "body_start": article.body_start,
        "body_end": article.body_end,
        "source": article.source,
        "run_id": run_id,
        "ingested_at": now(),
    }


def _upsert_speakers(conn: Connection, rows: list[dict[str, Any]]) -> None:
    people: dict[str, dict[str, Any]] = {}
    aliases: set[tuple[str, str]] = set()
    for r in rows:
        sid = r["speaker_id"]
        if sid is None:
            continue
        if sid not in people:
            # shown by one name: the first statement's, without its title ("Minister ... Dmytro Kuleba")
            shown = display_name(r["speaker_name"], r["speaker_type"])
            people[sid] = {"id": sid, "name": shown, "type": r["speaker_type"]}
        aliases.add((sid, r["speaker_name"]))
    if not people:
        return
    conn.execute(insert_ignore(conn, speakers, ["id"]), list(people.values()))
    # the first statement may not have known the type: learn it from a later one (one statement
    # executed for all of them, not one round trip per speaker)
    typed = [{"sid": sid, "known": p["type"]} for sid, p in people.items() if p["type"] != "unknown"]
    if typed:
        conn.execute(
            sa.update(speakers)
            .where(speakers.c.id == sa.bindparam("sid"), speakers.c.type == "unknown")
            .values(type=sa.bindparam("known")),
            typed,
        )
    conn.execute(
        insert_ignore(conn, speaker_aliases, ["speaker_id", "alias"]),
        [{"speaker_id": s, "alias": a} for s, a in sorted(aliases)],
    )


def insert_statements(conn: Connection, article_id: int, rows: list[dict[str, Any]]) -> None:
    """The article's statements (clustering gives them their fingerprints and clusters)."""
    if rows:
        conn.execute(sa.insert(statements), [{**r, "article_id": article_id, "seq": i} for i, r in enumerate(rows)])


LabelKey = tuple[str | None, str]  # (speaker id, quote text): what a label judged


def labels_of_article(conn: Connection, article_id: int) -> list[tuple[LabelKey, list[dict[str, Any]]]]:
    """The stance labels of an article's statements, per statement in order: what to carry over
    when its statements are replaced."""
    q = (
        sa.select(
            statements.c.seq, statements.c.speaker_id, statements.c.quote_text,
            stance_labels.c.issue, stance_labels.c.label, stance_labels.c.note, stance_labels.c.labelled_at,
        )
        .select_from(stance_labels.join(statements, statements.c.id == stance_labels.c.statement_id))
        .where(statements.c.article_id == article_id)
        .order_by(statements.c.seq, stance_labels.c.issue)
    )  # fmt: skip
    by_seq: dict[int, tuple[LabelKey, list[dict[str, Any]]]] = {}
    for r in conn.execute(q):
        key = (r.speaker_id, r.quote_text)
        label = {"issue": r.issue, "label": r.label, "note": r.note, "labelled_at": r.labelled_at}
        by_seq.setdefault(r.seq, (key, []))[1].append(label)
    return list(by_seq.values())


def carry_labels(
    conn: Connection, article_id: int, rows: list[dict[str, Any]], kept: list[tuple[LabelKey, list[dict[str, Any]]]]
) -> int:
    """Give the new statements of an article the labels of the old ones with the same speaker and
    quote text.  Returns how many labels had no statement left to go to (they are dropped)."""
    waiting: dict[LabelKey, deque[list[dict[str, Any]]]] = defaultdict(deque)
    for key, labels in kept:
        waiting[key].append(labels)
    ids = dict(
        conn.execute(sa.select(statements.c.seq, statements.c.id).where(statements.c.article_id == article_id)).all()
    )
    carried = []
    for seq, r in enumerate(rows):
        queue = waiting.get((r["speaker_id"], r["quote_text"]))
        if queue and seq in ids:
            carried.extend({**label, "statement_id": ids[seq]} for label in queue.popleft())
    if carried:
        conn.execute(sa.insert(stance_labels), carried)
    return sum(len(labels) for _, labels in kept) - len(carried)


def _statement_rows(result: dict[str, Any]) -> list[dict[str, Any]]:
    return [statement_row(d) for d in result["statements"]]


def _count(report: IngestReport, outcome: str, n_statements: int, sign: int = 1) -> None:
    if outcome == "stored":
        report.stored += sign
    else:
        report.replaced += sign
    report.statements += sign * n_statements


def write_article(
    engine: Engine,
    article: Article,
    digest: str,
    result: dict[str, Any],
    report: IngestReport,
    force: bool = False,
    update_run: bool = True,
) -> str:
    """Store one extracted article with all its statements, atomically.  Returns what happened:
    'stored', 'replaced' (its statements replaced), or 'skipped' (this content is stored, by
    another writer meanwhile or under another key).  ``update_run`` False leaves the run's counts
    to the caller (a distributed worker holds only its own part of them)."""
    rows = _statement_rows(result)
    outcome = ""
    kept: list[tuple[LabelKey, list[dict[str, Any]]]] = []
    try:
        with db.writing(engine) as conn:
            # looked up again, now under the write lock
            found = conn.execute(
                sa.select(articles.c.id, articles.c.key, articles.c.content_hash).where(
                    sa.or_(articles.c.key == article.id, articles.c.content_hash == digest)
                )
            ).all()
            same = next((r.id for r in found if r.content_hash == digest), None)
            if same is not None and not force:
                return "skipped"
            target = same if same is not None else next((r.id for r in found if r.key == article.id), None)
            _upsert_speakers(conn, rows)
            if target is None:
                values = _article_values(article, digest, report.run_id)
                target = conn.execute(sa.insert(articles).values(**values)).inserted_primary_key[0]
                outcome = "stored"
            else:
                kept = labels_of_article(conn, target)
                clusters.unlink_statements(conn, target)
                conn.execute(sa.delete(statements).where(statements.c.article_id == target))
                if same is None:
                    values = _article_values(article, digest, report.run_id)
                    conn.execute(sa.update(articles).where(articles.c.id == target).values(**values))
                outcome = "replaced"
            insert_statements(conn, target, rows)
            if kept:
                carry_labels(conn, target, rows, kept)
            _count(report, outcome, len(rows))
            if update_run:
                _update_run(conn, report)
    except IntegrityError:
        # a concurrent writer (several ingests on PostgreSQL) stored this key or content first
        if outcome:
            _count(report, outcome, len(rows), -1)
        return "skipped"
    return outcome


# --- the run ---------------------------------------------------------------------------------


def ingest_articles(
    engine: Engine,
    items: Iterable[Article],
    extractor: Extractor,
    *,
    paths: Iterable[str | Path] = (),
    force: bool = False,
    on_progress: Progress | None = None,
    recluster: bool = True,
) -> IngestReport:
    """Ingest articles with ``extractor``; ``force`` extracts again what is stored already."""
    run_id = start_run(engine, [str(p) for p in paths])
    report = IngestReport(run_id=run_id)
    t0 = time.monotonic()
    pending: deque[tuple[Article, str]] = deque()

    def tick() -> None:
        report.seconds = time.monotonic() - t0
        if on_progress:
            on_progress(report)

    first_read: dict[str, str | None] = {}  # id -> where it was read first in this run
    first_digest: dict[str, str] = {}  # id -> the content hash read first

    def to_extract() -> Iterator[Article]:
        with engine.connect() as reader:
            for article in items:
                report.read += 1
                if article.errors:
                    record_error(engine, report, article, "; ".join(article.errors))
                    tick()
                    continue
                digest = content_hash(article)
                if article.id in first_read and first_digest.get(article.id) == digest:
                    report.skipped += 1  # one document reached twice (two URLs of one article): stored once
                    tick()
                    continue
                if article.id in first_read:
                    # two documents with one id in one run: the first is kept, the second reported
                    # (naming both), never silently stored over the first
                    record_error(engine, report, article, f"duplicate id {article.id!r} in this run: read from "
                                 f"{article.source or '?'} and before from {first_read[article.id] or '?'}; "
                                 "the first is kept")
                    tick()
                    continue
                first_read[article.id] = article.source
                first_digest[article.id] = digest
                with reader.begin():
                    state = stored_state(reader, article, digest)
                if state == "same" and not force:
                    report.skipped += 1
                    tick()
                    continue
                pending.append((article, digest))
                yield article

    try:
        for result in extractor(to_extract()):
            article, digest = pending.popleft()
            if result.get("id", article.id) != article.id:
                raise ExtractorOrderError(
                    f"extractor out of order: got {result.get('id')!r}, expected {article.id!r}"
                )
            if result.get("errors"):
                record_error(engine, report, article, "; ".join(result["errors"]))
            elif write_article(engine, article, digest, result, report, force) == "skipped":
                report.skipped += 1
            tick()
    except BaseException as e:
        # KeyboardInterrupt included: the run is marked, what was written stays written
        status = "interrupted" if isinstance(e, KeyboardInterrupt) else "failed"
        report.seconds = time.monotonic() - t0
        finish_run(engine, report, status, repr(e)[:2000])
        raise
    report.seconds = time.monotonic() - t0
    finish_run(engine, report)
    if recluster:
        report.clusters = clusters.recluster(engine)
    return report
