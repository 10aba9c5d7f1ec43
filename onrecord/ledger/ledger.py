"""``Ledger``: the Python API over one database, for scripts, notebooks and the CLI."""

from __future__ import annotations

import io
import itertools
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Unpack

from sqlalchemy.engine import Engine

from onrecord.config import Config, PipelineOptions
from onrecord.errors import ConfigError, NoLedger
from onrecord.ledger import db, export, query
from onrecord.ledger.records import IngestReport, QuoteCluster, Results, SpeakerQuote, StatementRecord
from onrecord.lexicons.taxonomy import canonical_issue
from onrecord.model.article import Article

# The read commands (search, speaker, stats) open a ledger and answer in under a second, most of
# it Python starting and importing: the modules that write, cluster and read stances (ingest,
# clusters with its linking, stances with the timeline) are imported where they are used.
if TYPE_CHECKING:
    from onrecord.ledger.ingest import Extractor, Progress
    from onrecord.readers.web import Fetcher, WebSource
    from onrecord.timeline.shifts import Shift
    from onrecord.timeline.stances import StanceEntry


class Ledger:
    """Attributed statements stored in SQLite (default, one file) or PostgreSQL.

    >>> ledger = Ledger("sqlite:///onrecord.db")        # or Ledger() for $ONRECORD_DB / ./onrecord.db
    >>> ledger.ingest(["articles/"])
    >>> ledger.search("NATO umbrella", speaker="Zelensky").to_frame()
    >>> Ledger("sqlite:///x.db", config=Config(taxonomy="my.yaml", aliases="a.yaml")).ingest(["articles/"])

    ``config`` holds the settings (default: ``Config()``, the ONRECORD_* variables): the database
    when ``url`` is not given, and the extraction settings ``ingest`` uses.  Opening a ledger
    creates or upgrades its schema.  Listings return ``Results``: a list of dataclasses with
    ``.to_dicts()`` and ``.to_frame()`` (pandas).  ``create=False`` opens only a ledger that
    exists (NoLedger otherwise, and nothing is created): what reading needs."""

    def __init__(self, url: str | None = None, *, config: Config | None = None, migrate: bool = True,
                 create: bool = True, **engine_kwargs: Any) -> None:
        self.config = config or Config()
        self.url = db.resolve_url(url or self.config.db)
        if not create:
            db.require_sqlite_file(self.url)  # before the engine: connecting would create the file
        self.engine: Engine = db.make_engine(self.url, **engine_kwargs)
        if not create:
            try:
                db.require_schema(self.engine, self.url)
            except NoLedger:
                self.engine.dispose()
                raise
        if migrate:
            db.migrate(self.engine)

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Ledger({self.engine.url.render_as_string(hide_password=True)!r})"

    # --- writing -----------------------------------------------------------------------------

    def ingest(
        self,
        paths: Iterable[str | Path],
        *,
        workers: int = 1,
        extractor: Extractor | None = None,
        force: bool = False,
        on_progress: Progress | None = None,
        **options: Unpack[PipelineOptions],
    ) -> IngestReport:
        """Read files and folders (text, HTML, JSON, JSON Lines) and web addresses (article
        pages, RSS/Atom feeds, sitemaps: see ``ingest_web``), extract, store.  Articles stored
        already with the same content are skipped before extraction; ``force`` extracts them
        again (and fetches pages again in full).  ``options`` are those of ``onrecord ingest``
        (model, taxonomy, aliases, stance_url, stance_model) over the ledger's config."""
        from onrecord.readers.web.urls import is_url

        paths = list(paths)
        if not any(is_url(str(p)) for p in paths):
            from onrecord import readers

            return self.ingest_articles(
                readers.iter_articles(paths),
                workers=workers, extractor=extractor, force=force, on_progress=on_progress, paths=paths, **options,
            )  # fmt: skip
        from onrecord.readers.web import WebSource

        return self.ingest_web(
            [WebSource(str(p)) if is_url(str(p)) else Path(p) for p in paths],
            workers=workers, extractor=extractor, force=force, on_progress=on_progress, **options,
        )  # fmt: skip

    def ingest_web(
        self,
        sources: Iterable[WebSource | str | Path],
        *,
        fetcher: Fetcher | None = None,
        stop: Callable[[], bool] | None = None,
        workers: int = 1,
        extractor: Extractor | None = None,
        force: bool = False,
        on_progress: Progress | None = None,
        **options: Unpack[PipelineOptions],
    ) -> IngestReport:
        """Fetch web sources (``WebSource``s, or addresses; a path among them is read as a file)
        politely, with the ``web_*`` settings of the config, and ingest what is new or changed.
        What was fetched is remembered in the ledger (``web_pages``), so a feed's articles are
        fetched once, and asked for again only after ``web_recheck_after`` seconds (with
        If-None-Match / If-Modified-Since).  A URL that fails is recorded for the run with its
        reason.  ``stop`` ends the round early (between pages) when it returns True."""
        from onrecord import readers
        from onrecord.ledger.pages import LedgerMemory
        from onrecord.readers.web import Crawl, Fetcher, WebSource

        items = [WebSource(s) if isinstance(s, str) else s for s in sources]
        own = fetcher is None
        fetcher = fetcher or Fetcher(self.config)
        memory = LedgerMemory(self.engine, self.config.web_recheck_after)
        crawl = Crawl(fetcher, memory, force=force, stop=stop or (lambda: False))

        def articles() -> Iterator[Article]:
            for group, grouped in itertools.groupby(items, key=lambda s: isinstance(s, WebSource)):
                members = list(grouped)
                yield from (crawl.articles(members) if group else readers.iter_articles(members))

        try:
            return self.ingest_articles(
                articles(), workers=workers, extractor=extractor, force=force, on_progress=on_progress,
                paths=[s.url if isinstance(s, WebSource) else str(s) for s in items], **options,
            )  # fmt: skip
        finally:
            if own:
                fetcher.close()

    def ingest_articles(
        self,
        items: Iterable[Article],
        *,
        workers: int = 1,
        extractor: Extractor | None = None,
        force: bool = False,
        on_progress: Progress | None = None,
        paths: Iterable[str | Path] = (),
        **options: Unpack[PipelineOptions],
    ) -> IngestReport:
        """Ingest Article objects (``extractor`` replaces the spaCy pipeline, e.g. in tests)."""
        from onrecord.ledger.ingest import default_extractor, ingest_articles

        if extractor is None:
            extractor = default_extractor(self.config.merged(**options), workers)
        elif options:
            raise ConfigError(f"{', '.join(options)}: extraction settings do nothing with an extractor of your own")
        return ingest_articles(self.engine, items, extractor, paths=paths, force=force, on_progress=on_progress)

    def recluster(self, full: bool = False) -> int | None:
        """Cluster the statements that have no quote cluster yet (ingest does it at the end of
        each run); ``full`` rebuilds every cluster from scratch.  Returns the number of
        clusters, or None when there was nothing to do."""
        from onrecord.ledger.clusters import recluster

        return recluster(self.engine, full=full)

    # --- reading -----------------------------------------------------------------------------

    def search(
        self,
        query_text: str = "",
        *,
        speaker: str | None = None,
        since: str | None = None,
        until: str | None = None,
        kind: str | None = None,
        venue: str | None = None,
        outlet: str | None = None,
        limit: int | None = 50,
        offset: int = 0,
    ) -> Results[StatementRecord]:
        """Statements whose quote has every word of ``query_text`` ("a phrase" in quotes,
        prefix*), newest first.  ``speaker``, ``venue`` and ``outlet`` match part of a name in
        any case; ``since``/``until`` are inclusive ISO dates."""
        with self.engine.connect() as conn:
            return query.find_statements(
                conn, query=query_text, speaker=speaker, since=since, until=until, kind=kind,
                venue=venue, outlet=outlet, limit=limit, offset=offset,
            )  # fmt: skip

    def count(self, what: str = "statements", **filters: Any) -> int:
        """How many statements (the filters of ``search``) or quote clusters (those of
        ``clusters``) there are in all: what a listing cut by its limit leaves out."""
        with self.engine.connect() as conn:
            if what == "clusters":
                return query.count_clusters(conn, **filters)
            query_text = filters.pop("query_text", "")
            return query.count_statements(conn, query=query_text, **filters)

    def statements(
        self,
        speaker: str | None = None,
        *,
        article: str | None = None,
        since: str | None = None,
        until: str | None = None,
        kind: str | None = None,
        limit: int | None = None,
    ) -> Results[StatementRecord]:
        """Stored statements, newest first; ``.to_statement()`` on one gives the Statement."""
        with self.engine.connect() as conn:
            return query.find_statements(
                conn, speaker=speaker, article=article, since=since, until=until, kind=kind, limit=limit
            )

    def timeline(
        self,
        speaker: str,
        *,
        since: str | None = None,
        until: str | None = None,
        kind: str | None = None,
        limit: int | None = None,
    ) -> Results[SpeakerQuote]:
        """What a speaker said, newest first: each quote once, with venue and every outlet."""
        with self.engine.connect() as conn:
            return query.timeline(conn, speaker, since=since, until=until, kind=kind, limit=limit)

    def clusters(
        self, *, speaker: str | None = None, min_reports: int = 2, limit: int | None = 50, offset: int = 0,
        translations: bool = True,
    ) -> Results[QuoteCluster]:
        """Quotes reported by at least ``min_reports`` articles, reported by most outlets first, each
        with its first report, every outlet, when and where the words were said and (with
        ``translations``) the quotes that are probably the same words in another translation."""
        with self.engine.connect() as conn:
            return query.find_clusters(
                conn, speaker=speaker, min_reports=min_reports, limit=limit, offset=offset, translations=translations
            )

    # --- stances over time -----------------------------------------------------------------------------

    def issue_id(self, name: str | None) -> str | None:
        """An issue named by its id or an alias, as the id statements carry (by the taxonomy of
        the ledger's config)."""
        return canonical_issue(name, self.config.taxonomy)

    def positions(self, speaker: str, issue: str | None = None) -> dict[tuple[str, str], list[StanceEntry]]:
        """(speaker id, issue) → the speaker's stances on the issue in the order they were made,
        each quote once, human labels winning."""
        from onrecord.ledger.stances import speaker_timelines

        with self.engine.connect() as conn:
            return speaker_timelines(conn, speaker, self.issue_id(issue))

    def shifts(self, since: str | None = None, speaker: str | None = None, issue: str | None = None,
               weaker: bool = False) -> list[Shift]:
        """Changes of a speaker's position on an issue, ranked by confidence and distance in time:
        reversals, and with ``weaker`` the qualifications (support ↔ conditional) after them."""
        from onrecord.ledger.stances import shifts

        with self.engine.connect() as conn:
            return shifts(conn, since=since, speaker=speaker, issue=self.issue_id(issue), weaker=weaker)

    def label_stance(self, statement_id: int, issue: str, label: str, note: str | None = None) -> None:
        """A person's stance label for one statement and issue; it wins over rules and models."""
        from onrecord.ledger.stances import label_stance

        with db.writing(self.engine) as conn:
            label_stance(conn, statement_id, self.issue_id(issue) or issue, label, note)

    def stats(self) -> dict[str, Any]:
        with self.engine.connect() as conn:
            return {"backend": self.backend, **query.stats(conn)}

    def export(self, out: str | Path | IO[str] | IO[bytes] | None = None, format: str = "jsonl") -> int:
        """Write every statement joined with its article and speaker to ``out`` (a path, an
        open file: text for jsonl and csv, binary for parquet, or standard output) as jsonl, csv or
        parquet.  Returns the row count."""
        if format not in export.FORMATS:
            raise ValueError(f"unknown export format {format!r}: one of {', '.join(export.FORMATS)}")
        columns = query.export_columns()
        with self.engine.connect() as conn:
            rows = query.export_rows(conn)
            if format == "parquet":
                if out is None or isinstance(out, io.TextIOBase):
                    raise ValueError("parquet export needs a file path or a binary file (sys.stdout.buffer)")
                return export.write_parquet(rows, str(out) if isinstance(out, Path) else out, columns)
            if isinstance(out, str | Path):
                with open(out, "w", encoding="utf-8", newline="") as f:
                    return self._write_text(rows, f, format, columns)
            return self._write_text(rows, out or sys.stdout, format, columns)

    @staticmethod
    def _write_text(rows: Iterable[dict[str, Any]], out: IO[str], format: str, columns: list[str]) -> int:
        if format == "csv":
            return export.write_csv(rows, out, columns)
        return export.write_jsonl(rows, out)

    def export_frame(self) -> Any:
        """Every statement joined with its article and speaker, as a pandas DataFrame."""
        with self.engine.connect() as conn:
            return Results(query.export_rows(conn)).to_frame()

    def runs(self, limit: int = 10) -> Results[dict[str, Any]]:
        """The latest ingest runs, newest first, each with its recorded document errors."""
        import sqlalchemy as sa

        from onrecord.ledger.schema import ingest_errors, ingest_runs

        with self.engine.connect() as conn:
            runs = [
                dict(r._mapping)
                for r in conn.execute(sa.select(ingest_runs).order_by(ingest_runs.c.id.desc()).limit(limit))
            ]
            for r in runs:
                r["errors"] = [
                    dict(e._mapping)
                    for e in conn.execute(
                        sa.select(
                            ingest_errors.c.article_key, ingest_errors.c.source, ingest_errors.c.message
                        )
                        .where(ingest_errors.c.run_id == r["id"])
                        .order_by(ingest_errors.c.id)
                    )
                ]
        return Results(runs)
