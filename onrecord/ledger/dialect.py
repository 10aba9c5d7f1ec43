"""The few statements that differ between SQLite and PostgreSQL."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection


def insert_ignore(conn: Connection, table: sa.Table, keys: list[str]) -> sa.Insert:
    """INSERT that leaves an existing row (same ``keys``) alone."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(table).on_conflict_do_nothing(index_elements=keys)
    if conn.dialect.name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        return sqlite_insert(table).on_conflict_do_nothing(index_elements=keys)
    raise NotImplementedError(f"unsupported database: {conn.dialect.name}")
