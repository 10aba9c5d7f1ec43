"""Quote clusters of passages: ``quote_passages`` links statements to the clusters their passages
are in; clusters say when and where the words were said and who the reports name.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30

Clusters are rebuilt, not converted: upgrading empties ``quote_clusters`` and ``quote_bands``
(the buckets were MinHash bands; now they are passage fingerprints) and marks every statement
unclustered, so the next ingest, or ``onrecord recluster``, clusters the whole ledger again.
``statements.minhash`` goes: fingerprints are computed from the quote text.  Cluster ids become
64-bit on PostgreSQL (SQLite's INTEGER already is).  Downgrading does the same in reverse: the
old clustering rebuilds from the MinHash signatures the next ingest computes for new statements.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _reset_clusters() -> None:
    op.execute("DELETE FROM quote_clusters")
    op.execute("DELETE FROM quote_bands")
    op.execute("UPDATE statements SET cluster_id = NULL")


def upgrade() -> None:
    _reset_clusters()
    op.create_table(
        "quote_passages",
        sa.Column("statement_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("char_start", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("char_end", sa.Integer(), nullable=False),
        sa.Column("boundary", sa.String(length=8), nullable=False),
        sa.Column("cluster_id", BIG_ID, nullable=True),
        sa.ForeignKeyConstraint(
            ["statement_id"], ["statements.id"], name=op.f("fk_quote_passages_statement_id_statements"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("statement_id", "char_start", name=op.f("pk_quote_passages")),
    )
    op.create_index(op.f("ix_quote_passages_cluster_id"), "quote_passages", ["cluster_id"])
    op.drop_column("statements", "minhash")
    op.add_column("quote_clusters", sa.Column("said_on", sa.String(length=10), nullable=True))
    op.add_column("quote_clusters", sa.Column("venue", sa.Text(), nullable=True))
    op.add_column("quote_clusters", sa.Column("attributions", sa.JSON(), nullable=True))
    op.create_index(op.f("ix_quote_clusters_n_outlets"), "quote_clusters", ["n_outlets"])
    if op.get_bind().dialect.name == "postgresql":
        op.alter_column("statements", "cluster_id", type_=sa.BigInteger(), existing_nullable=True)
        op.alter_column("quote_clusters", "id", type_=sa.BigInteger(), existing_nullable=False)


def downgrade() -> None:
    _reset_clusters()
    if op.get_bind().dialect.name == "postgresql":
        op.alter_column("quote_clusters", "id", type_=sa.Integer(), existing_nullable=False)
        op.alter_column("statements", "cluster_id", type_=sa.Integer(), existing_nullable=True)
    op.drop_index(op.f("ix_quote_clusters_n_outlets"), table_name="quote_clusters")
    op.drop_column("quote_clusters", "attributions")
    op.drop_column("quote_clusters", "venue")
    op.drop_column("quote_clusters", "said_on")
    op.add_column("statements", sa.Column("minhash", sa.LargeBinary(), nullable=True))
    op.drop_index(op.f("ix_quote_passages_cluster_id"), table_name="quote_passages")
    op.drop_table("quote_passages")
