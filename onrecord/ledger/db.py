"""Connecting to a ledger: URLs, engines with the settings each backend needs, migrations."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from onrecord.config import DEFAULT_DB
from onrecord.errors import NoLedger

DEFAULT_URL = DEFAULT_DB
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# any constant will do: it names the lock that serialises migrations on PostgreSQL
_MIGRATION_LOCK = 7_240_412


def resolve_url(url: str | None = None) -> str:
    """The SQLAlchemy URL of a database setting (default ./onrecord.db).

    ``postgresql://`` and ``postgres://`` get the psycopg (v3) driver, since SQLAlchemy would
    otherwise pick psycopg2; a bare file path means a SQLite file."""
    url = url or DEFAULT_URL
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    if "://" not in url:
        return "sqlite:///" + url
    return url


def require_sqlite_file(url: str) -> None:
    """NoLedger when ``url`` is a SQLite file that does not exist (connecting would create it)."""
    parsed = sa.engine.make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return
    if parsed.database.startswith("file:") or parsed.query.get("uri"):
        return  # a URI filename: sqlite decides (mode=ro refuses to create)
    if not Path(parsed.database).is_file():
        raise NoLedger(f"no ledger at {Path(parsed.database).absolute()}: the file does not exist "
                       "(a mistyped --db? onrecord ingest creates one)")


def require_schema(engine: Engine, url: str) -> None:
    """NoLedger when the database holds no ledger (no migration was ever applied)."""
    with engine.connect() as conn:
        if current_revision(conn) is None:
            shown = sa.engine.make_url(url).render_as_string(hide_password=True)
            raise NoLedger(f"no ledger in {shown}: the database has no OnRecord tables (onrecord ingest creates them)")


def make_engine(url: str | None = None, *, busy_timeout_ms: int = 30_000, **kwargs: Any) -> Engine:
    """An engine for ``url``; on SQLite a writer waits ``busy_timeout_ms`` for the write lock."""
    engine = sa.create_engine(resolve_url(url), **kwargs)
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine, busy_timeout_ms)
    return engine


def _configure_sqlite(engine: Engine, busy_timeout_ms: int = 30_000) -> None:
    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # SQLAlchemy's own BEGIN (below) replaces pysqlite's implicit one, which starts a
        # transaction only at the first write: with it, reads and DDL would escape it.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        # WAL: readers never block the writer, and a killed process loses only its open
        # transaction; synchronous=NORMAL stays safe against process death (not power loss).
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cur.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # writers take the write lock at BEGIN: a deferred transaction that reads first and
        # writes later can fail with SQLITE_BUSY at once instead of waiting for the lock
        immediate = conn.get_execution_options().get("immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """A connection inside one write transaction, committed on success."""
    with engine.connect() as conn:
        conn.execution_options(immediate=True)
        with conn.begin():
            yield conn


def alembic_config(connection: Connection | None = None) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


# Opening a ledger asks whether its schema is the newest.  Alembic answers by importing itself
# and loading every migration script, about a sixth of a read command's time (`onrecord search`
# end to end: benchmarks/search_speed.py); the answer is two lines of each script and one row of
# the database, so it is read here and alembic is imported only to upgrade.  Anything these lines
# cannot settle (a merge of two revisions, a script of another form, two rows) goes to alembic as
# before; tests/ledger check both against alembic's own.
_REVISION_LINE = re.compile(r"""^(revision|down_revision)\s*(?::[^=\n]*)?=\s*(?:None|"([^"]*)"|'([^']*)')\s*$""",
                            re.M)
VERSION_TABLE = "alembic_version"  # alembic's default, which env.py keeps


@cache
def _scripted_head() -> str | None:
    """The newest revision as the scripts' own ``revision``/``down_revision`` lines give it, or
    None when they do not settle it (read once a process: the scripts ship with the package)."""
    revisions: set[str] = set()
    revised: set[str] = set()
    for script in sorted((MIGRATIONS / "versions").glob("*.py")):
        if script.name == "__init__.py":
            continue
        found = {name: (a or b or None) for name, a, b in _REVISION_LINE.findall(script.read_text(encoding="utf-8"))}
        if "revision" not in found or "down_revision" not in found or not found["revision"]:
            return None
        revisions.add(found["revision"])
        if found["down_revision"]:
            revised.add(found["down_revision"])
    heads = revisions - revised
    return next(iter(heads)) if len(heads) == 1 and revised <= revisions else None


def head_revision() -> str | None:
    """The newest revision of the migrations (read from the scripts; alembic's when they do not
    settle it)."""
    head = _scripted_head()
    if head is not None:
        return head
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(conn: Connection) -> str | None:
    """The revision the database was last migrated to (None: never), read from alembic's
    version table; alembic decides when the table holds more than one row."""
    if not sa.inspect(conn).has_table(VERSION_TABLE):
        return None
    rows = conn.execute(sa.text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars().all()
    if len(rows) <= 1:
        return rows[0] if rows else None
    from alembic.migration import MigrationContext

    return MigrationContext.configure(conn).get_current_revision()


def migrate(engine: Engine) -> None:
    """Bring the schema up to the newest revision (creating it in an empty database)."""
    head = head_revision()
    with engine.connect() as conn:
        if current_revision(conn) == head:
            return
    from alembic import command

    with writing(engine) as conn:
        if conn.dialect.name == "postgresql":
            # two processes opening a fresh database at once must not both create the tables
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": _MIGRATION_LOCK})
        command.upgrade(alembic_config(conn), "head")
