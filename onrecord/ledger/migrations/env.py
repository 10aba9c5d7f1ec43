"""Alembic environment: runs on the connection ``onrecord.ledger.db.migrate`` hands over, or,
from the alembic command line, on $ONRECORD_DB."""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from onrecord.ledger.db import make_engine
from onrecord.ledger.schema import include_object, metadata


def run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        include_object=include_object,
        # SQLite cannot ALTER most things: later migrations rebuild tables instead
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("offline (--sql) migrations are not supported; run against a database")

_conn = context.config.attributes.get("connection")
if _conn is not None:
    run(_conn)
else:
    with make_engine(context.config.get_main_option("sqlalchemy.url") or None).begin() as _c:
        run(_c)
