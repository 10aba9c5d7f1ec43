"""Initial schema: articles, speakers, statements, quote clusters, ingest runs; full-text search.

Revision ID: 0001
Revises:
Create Date: 2026-11-25

Written out in full (not built from schema.py) so that it stays what it was when schema.py
changes; a test checks that the migrations and schema.py agree.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# FTS5 over statements.quote_text as external content (the text is stored once), kept in step
# by triggers so that every writer, not only ours, keeps it right.  porter: "umbrellas" finds
# "umbrella", as the english configuration does on PostgreSQL.
SQLITE_FTS = [
    "CREATE VIRTUAL TABLE statements_fts USING fts5(quote_text, content='statements',"
    " content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER statements_fts_ai AFTER INSERT ON statements BEGIN"
    " INSERT INTO statements_fts(rowid, quote_text) VALUES (new.id, new.quote_text); END",
    "CREATE TRIGGER statements_fts_ad AFTER DELETE ON statements BEGIN"
    " INSERT INTO statements_fts(statements_fts, rowid, quote_text)"
    " VALUES ('delete', old.id, old.quote_text); END",
    "CREATE TRIGGER statements_fts_au AFTER UPDATE OF quote_text ON statements BEGIN"
    " INSERT INTO statements_fts(statements_fts, rowid, quote_text)"
    " VALUES ('delete', old.id, old.quote_text);"
    " INSERT INTO statements_fts(rowid, quote_text) VALUES (new.id, new.quote_text); END",
]
PG_FTS = [
    "CREATE INDEX ix_statements_quote_tsv ON statements"
    " USING gin (to_tsvector('english'::regconfig, quote_text))",
]


def upgrade() -> None:
    op.create_table(
        "ingest_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.String(length=32), nullable=False),
        sa.Column("finished_at", sa.String(length=32), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("paths", sa.JSON(), nullable=True),
        sa.Column("host", sa.String(length=255), nullable=True),
        sa.Column("pid", sa.Integer(), nullable=True),
        sa.Column("n_read", sa.Integer(), nullable=False),
        sa.Column("n_stored", sa.Integer(), nullable=False),
        sa.Column("n_replaced", sa.Integer(), nullable=False),
        sa.Column("n_skipped", sa.Integer(), nullable=False),
        sa.Column("n_failed", sa.Integer(), nullable=False),
        sa.Column("n_statements", sa.Integer(), nullable=False),
        sa.Column("message", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ingest_runs")),
    )
    op.create_table(
        "quote_clusters",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("speaker_id", sa.String(length=255), nullable=True),
        sa.Column("speaker_name", sa.Text(), nullable=False),
        sa.Column("quote_text", sa.Text(), nullable=False),
        sa.Column("first_statement_id", sa.Integer(), nullable=False),
        sa.Column("first_article_id", sa.Integer(), nullable=False),
        sa.Column("first_date", sa.String(length=10), nullable=True),
        sa.Column("first_published", sa.String(length=16), nullable=True),
        sa.Column("last_date", sa.String(length=10), nullable=True),
        sa.Column("n_reports", sa.Integer(), nullable=False),
        sa.Column("n_outlets", sa.Integer(), nullable=False),
        sa.Column("outlets", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quote_clusters")),
    )
    op.create_index(op.f("ix_quote_clusters_n_reports"), "quote_clusters", ["n_reports"])
    op.create_index(op.f("ix_quote_clusters_speaker_id"), "quote_clusters", ["speaker_id"])
    op.create_table(
        "speakers",
        sa.Column("id", sa.String(length=255), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_speakers")),
    )
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("outlet", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("author", sa.Text(), nullable=True),
        sa.Column("date", sa.String(length=10), nullable=True),
        sa.Column("published", sa.String(length=16), nullable=True),
        sa.Column("caption", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("body_start", sa.Integer(), nullable=False),
        sa.Column("body_end", sa.Integer(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.Column("ingested_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"], ["ingest_runs.id"], name=op.f("fk_articles_run_id_ingest_runs"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_articles")),
        sa.UniqueConstraint("content_hash", name=op.f("uq_articles_content_hash")),
        sa.UniqueConstraint("key", name=op.f("uq_articles_key")),
    )
    op.create_index(op.f("ix_articles_date"), "articles", ["date"])
    op.create_index(op.f("ix_articles_outlet"), "articles", ["outlet"])
    op.create_table(
        "ingest_errors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("article_key", sa.Text(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("message", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["ingest_runs.id"],
            name=op.f("fk_ingest_errors_run_id_ingest_runs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ingest_errors")),
    )
    op.create_index(op.f("ix_ingest_errors_run_id"), "ingest_errors", ["run_id"])
    op.create_table(
        "speaker_aliases",
        sa.Column("speaker_id", sa.String(length=255), nullable=False),
        sa.Column("alias", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["speaker_id"],
            ["speakers.id"],
            name=op.f("fk_speaker_aliases_speaker_id_speakers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("speaker_id", "alias", name=op.f("pk_speaker_aliases")),
    )
    op.create_table(
        "speaker_roles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("speaker_id", sa.String(length=255), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("organization", sa.Text(), nullable=True),
        sa.Column("start_date", sa.String(length=10), nullable=True),
        sa.Column("end_date", sa.String(length=10), nullable=True),
        sa.ForeignKeyConstraint(
            ["speaker_id"],
            ["speakers.id"],
            name=op.f("fk_speaker_roles_speaker_id_speakers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_speaker_roles")),
    )
    op.create_index(op.f("ix_speaker_roles_speaker_id"), "speaker_roles", ["speaker_id"])
    op.create_table(
        "statements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("quote_text", sa.Text(), nullable=False),
        sa.Column("quote_start", sa.Integer(), nullable=False),
        sa.Column("quote_end", sa.Integer(), nullable=False),
        sa.Column("quote_segments", sa.JSON(), nullable=True),
        sa.Column("cue_text", sa.Text(), nullable=True),
        sa.Column("cue_start", sa.Integer(), nullable=True),
        sa.Column("cue_end", sa.Integer(), nullable=True),
        sa.Column("cue_lemma", sa.Text(), nullable=True),
        sa.Column("cue_class", sa.String(length=64), nullable=True),
        sa.Column("speaker_id", sa.String(length=255), nullable=True),
        sa.Column("speaker_name", sa.Text(), nullable=False),
        sa.Column("speaker_type", sa.String(length=16), nullable=False),
        sa.Column("mention_text", sa.Text(), nullable=True),
        sa.Column("mention_start", sa.Integer(), nullable=True),
        sa.Column("mention_end", sa.Integer(), nullable=True),
        sa.Column("speaker_members", sa.JSON(), nullable=True),
        sa.Column("negated", sa.Boolean(), nullable=False),
        sa.Column("hedged", sa.Boolean(), nullable=False),
        sa.Column("venue_name", sa.Text(), nullable=True),
        sa.Column("venue_type", sa.String(length=64), nullable=True),
        sa.Column("venue_text", sa.Text(), nullable=True),
        sa.Column("venue_start", sa.Integer(), nullable=True),
        sa.Column("venue_end", sa.Integer(), nullable=True),
        sa.Column("addressee", sa.Text(), nullable=True),
        sa.Column("via_translator", sa.Boolean(), nullable=False),
        sa.Column("said_on_date", sa.String(length=10), nullable=True),
        sa.Column("said_on_precision", sa.String(length=8), nullable=True),
        sa.Column("said_on_text", sa.Text(), nullable=True),
        sa.Column("said_on_assumed", sa.Boolean(), nullable=True),
        sa.Column("time", sa.String(length=8), nullable=False),
        sa.Column("issues", sa.JSON(), nullable=True),
        sa.Column("extra", sa.JSON(), nullable=True),
        sa.Column("minhash", sa.LargeBinary(), nullable=True),
        sa.Column("cluster_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_statements_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["speaker_id"], ["speakers.id"], name=op.f("fk_statements_speaker_id_speakers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_statements")),
        sa.UniqueConstraint("article_id", "seq", name=op.f("uq_statements_article_id_seq")),
    )
    op.create_index(op.f("ix_statements_cluster_id"), "statements", ["cluster_id"])
    op.create_index(op.f("ix_statements_speaker_id"), "statements", ["speaker_id"])
    op.create_table(
        "quote_bands",
        sa.Column("bucket", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("statement_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.PrimaryKeyConstraint("bucket", "statement_id", name=op.f("pk_quote_bands")),
        sqlite_with_rowid=False,
    )
    dialect = op.get_bind().dialect.name
    for ddl in SQLITE_FTS if dialect == "sqlite" else PG_FTS if dialect == "postgresql" else []:
        op.execute(ddl)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name in ("statements_fts_ai", "statements_fts_ad", "statements_fts_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS statements_fts")
    for table in (
        "statements",
        "speaker_roles",
        "speaker_aliases",
        "ingest_errors",
        "articles",
        "speakers",
        "quote_clusters",
        "quote_bands",
        "ingest_runs",
    ):
        op.drop_table(table)  # their indexes go with them
