"""Stances: a ``stances`` column on statements, and a person's stance labels in ``stance_labels``.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25

``statements.stances`` holds what extraction found (issue id → label, evidence, source); under
0001 it was kept in ``extra``, and upgrading moves it from there into the column (downgrading
moves it back).  ``stance_labels`` holds the labels people give: one per statement and issue.
Downgrading drops the labels.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_BATCH = 2000
# only the columns the data move needs, as they are in this revision
_statements = sa.table(
    "statements", sa.column("id", sa.Integer), sa.column("extra", sa.JSON), sa.column("stances", sa.JSON)
)


def _rows(conn: sa.Connection, column: Any) -> list[tuple[int, Any, Any]]:
    """(id, extra, stances) of every statement whose ``column`` is set, read in id order."""
    out: list[tuple[int, Any, Any]] = []
    last = 0
    s = _statements.c
    while True:
        batch = conn.execute(
            sa.select(s.id, s.extra, s.stances)
            .where(s.id > last, column.isnot(None))
            .order_by(s.id)
            .limit(_BATCH)
        ).all()
        if not batch:
            return out
        out.extend((r.id, r.extra, r.stances) for r in batch)
        last = batch[-1].id


def _update(conn: sa.Connection, changes: list[dict[str, Any]]) -> None:
    s = _statements.c
    q = sa.update(_statements).where(s.id == sa.bindparam("sid")).values(
        extra=sa.bindparam("new_extra", type_=sa.JSON), stances=sa.bindparam("new_stances", type_=sa.JSON)
    )
    for start in range(0, len(changes), _BATCH):
        conn.execute(q, changes[start : start + _BATCH])


def upgrade() -> None:
    op.add_column("statements", sa.Column("stances", sa.JSON(), nullable=True))
    op.create_table(
        "stance_labels",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("statement_id", sa.Integer(), nullable=False),
        sa.Column("issue", sa.String(length=64), nullable=False),
        sa.Column("label", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("labelled_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["statement_id"], ["statements.id"], name=op.f("fk_stance_labels_statement_id_statements"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stance_labels")),
        sa.UniqueConstraint("statement_id", "issue", name=op.f("uq_stance_labels_statement_id_issue")),
    )
    # stances that 0001 kept among the extra keys move to their column
    conn = op.get_bind()
    changes = []
    for sid, extra, _ in _rows(conn, _statements.c.extra):
        if isinstance(extra, dict) and "stances" in extra:
            rest = {k: v for k, v in extra.items() if k != "stances"}
            changes.append({"sid": sid, "new_extra": rest or None, "new_stances": extra["stances"] or {}})
    _update(conn, changes)


def downgrade() -> None:
    # the stances go back among the extra keys, as 0001 stored them; the labels are dropped
    conn = op.get_bind()
    changes = []
    for sid, extra, stances in _rows(conn, _statements.c.stances):
        if stances is not None:
            changes.append({"sid": sid, "new_extra": {**(extra or {}), "stances": stances}, "new_stances": None})
    _update(conn, changes)
    op.drop_table("stance_labels")
    op.drop_column("statements", "stances")
