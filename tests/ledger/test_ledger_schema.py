"""The schema: migrations build exactly what schema.py describes, on both backends."""

from __future__ import annotations

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from onrecord.ledger import Ledger, db
from onrecord.ledger.schema import include_object, metadata


def test_migrations_build_the_declared_schema(ledger: Ledger) -> None:
    with ledger.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"include_object": include_object, "compare_type": True})
        assert compare_metadata(ctx, metadata) == []


def test_opening_again_keeps_the_schema_at_head(db_url: str) -> None:
    for _ in range(2):
        with Ledger(db_url) as led, led.engine.connect() as conn:
            assert db.current_revision(conn) == db.head_revision()


def test_revisions_read_without_alembic_are_alembics(ledger: Ledger) -> None:
    # opening a ledger reads them itself, to leave alembic unimported; alembic must agree
    from alembic.script import ScriptDirectory

    assert db.head_revision() == ScriptDirectory.from_config(db.alembic_config()).get_current_head()
    with ledger.engine.connect() as conn:
        assert db.current_revision(conn) == MigrationContext.configure(conn).get_current_revision() is not None
    with db.writing(ledger.engine) as conn:  # a database alembic has not reached yet: no revision
        conn.execute(sa.text(f"DELETE FROM {db.VERSION_TABLE}"))
    with ledger.engine.connect() as conn:
        assert db.current_revision(conn) is None is MigrationContext.configure(conn).get_current_revision()


def test_downgrade_removes_everything_and_upgrade_restores_it(ledger: Ledger) -> None:
    from alembic import command

    with db.writing(ledger.engine) as conn:
        command.downgrade(db.alembic_config(conn), "base")
    with ledger.engine.connect() as conn:
        left = set(sa.inspect(conn).get_table_names()) - {"alembic_version"}
    assert left == set()
    db.migrate(ledger.engine)
    with ledger.engine.connect() as conn:
        assert set(metadata.tables) <= set(sa.inspect(conn).get_table_names())


def test_full_text_index_exists(ledger: Ledger) -> None:
    with ledger.engine.connect() as conn:
        if ledger.backend == "sqlite":
            names = set(sa.inspect(conn).get_table_names())
            assert "statements_fts" in names
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        else:
            q = (
                "SELECT indexdef FROM pg_indexes"
                " WHERE schemaname = current_schema() AND tablename = 'statements'"
            )
            indexes = conn.execute(sa.text(q)).scalars()
            assert any("gin" in d and "to_tsvector" in d for d in indexes)


def test_urls_are_resolved() -> None:
    assert db.resolve_url("postgresql://u@h/d") == "postgresql+psycopg://u@h/d"
    assert db.resolve_url("postgres://u@h/d") == "postgresql+psycopg://u@h/d"
    assert db.resolve_url("ledger.db") == "sqlite:///ledger.db"
    assert db.resolve_url("sqlite:////tmp/x.db") == "sqlite:////tmp/x.db"


def test_default_url_comes_from_the_settings() -> None:
    from onrecord.config import Config

    assert Config.load(environ={"ONRECORD_DB": "sqlite:///elsewhere.db"}).db == "sqlite:///elsewhere.db"
    assert db.resolve_url(Config.load(environ={}).db) == db.resolve_url(None) == "sqlite:///onrecord.db"
