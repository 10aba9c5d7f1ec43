"""The ledger's tables, in SQLAlchemy Core: one schema for SQLite and PostgreSQL.

This is the target Alembic compares migrations with (``tests/ledger`` checks they agree).
Full-text search is backend-specific and lives in the migrations only: an FTS5 table kept in
step by triggers on SQLite, a GIN index over ``to_tsvector`` on PostgreSQL.

Dates are ISO strings (``YYYY-MM-DD``, ``YYYY-MM-DDTHH:MM``) as in ``Article``: they compare
correctly as text and read back identically on both backends.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

# names of the full-text objects, for the migrations and the queries
SQLITE_FTS_TABLE = "statements_fts"
PG_FTS_INDEX = "ix_statements_quote_tsv"
PG_FTS_CONFIG = "english"

# quote cluster ids are passage ids (statement id * 2**20 + start, see ledger/linking.py): 64-bit
# on PostgreSQL; SQLite's INTEGER is 64-bit already
BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

ingest_runs = sa.Table(
    "ingest_runs",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("started_at", sa.String(32), nullable=False),
    sa.Column("finished_at", sa.String(32)),
    # running | finished | interrupted | failed
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("paths", sa.JSON),
    sa.Column("host", sa.String(255)),
    sa.Column("pid", sa.Integer),
    sa.Column("n_read", sa.Integer, nullable=False, default=0),
    sa.Column("n_stored", sa.Integer, nullable=False, default=0),
    sa.Column("n_replaced", sa.Integer, nullable=False, default=0),
    sa.Column("n_skipped", sa.Integer, nullable=False, default=0),
    sa.Column("n_failed", sa.Integer, nullable=False, default=0),
    sa.Column("n_statements", sa.Integer, nullable=False, default=0),
    sa.Column("message", sa.Text),
)

# one row per document that could not be read or extracted, for the run that met it
ingest_errors = sa.Table(
    "ingest_errors",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("run_id", sa.Integer, sa.ForeignKey("ingest_runs.id", ondelete="CASCADE"), nullable=False),
    sa.Column("article_key", sa.Text),
    sa.Column("source", sa.Text),
    sa.Column("message", sa.Text, nullable=False),
    sa.Index(None, "run_id"),
)

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    # the reader's id of the article: the identity that a changed version replaces
    sa.Column("key", sa.Text, nullable=False, unique=True),
    # sha256 of text and metadata: the same content is never stored twice
    sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("url", sa.Text),
    sa.Column("outlet", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("author", sa.Text),
    sa.Column("date", sa.String(10)),
    sa.Column("published", sa.String(16)),
    sa.Column("caption", sa.Text),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("body_start", sa.Integer, nullable=False, default=0),
    sa.Column("body_end", sa.Integer),
    sa.Column("source", sa.Text),
    sa.Column("run_id", sa.Integer, sa.ForeignKey("ingest_runs.id", ondelete="SET NULL")),
    sa.Column("ingested_at", sa.String(32), nullable=False),
    sa.Index(None, "date"),
    sa.Index(None, "outlet"),
)

speakers = sa.Table(
    "speakers",
    metadata,
    # the registry's stable id, or a slug of the name until it has one
    sa.Column("id", sa.String(255), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("type", sa.String(16), nullable=False, default="unknown"),
)

speaker_aliases = sa.Table(
    "speaker_aliases",
    metadata,
    sa.Column(
        "speaker_id", sa.String(255), sa.ForeignKey("speakers.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column("alias", sa.Text, primary_key=True),
)

speaker_roles = sa.Table(
    "speaker_roles",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("speaker_id", sa.String(255), sa.ForeignKey("speakers.id", ondelete="CASCADE"), nullable=False),
    sa.Column("role", sa.Text, nullable=False),
    sa.Column("organization", sa.Text),
    sa.Column("start_date", sa.String(10)),
    sa.Column("end_date", sa.String(10)),
    sa.Index(None, "speaker_id"),
)

# every field of Statement.to_dict() has a column; "extra" keeps keys a later extractor adds
statements = sa.Table(
    "statements",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    sa.Column("seq", sa.Integer, nullable=False),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("quote_text", sa.Text, nullable=False),
    sa.Column("quote_start", sa.Integer, nullable=False),
    sa.Column("quote_end", sa.Integer, nullable=False),
    sa.Column("quote_segments", sa.JSON),
    sa.Column("cue_text", sa.Text),
    sa.Column("cue_start", sa.Integer),
    sa.Column("cue_end", sa.Integer),
    sa.Column("cue_lemma", sa.Text),
    sa.Column("cue_class", sa.String(64)),
    sa.Column("speaker_id", sa.String(255), sa.ForeignKey("speakers.id")),
    sa.Column("speaker_name", sa.Text, nullable=False),
    sa.Column("speaker_type", sa.String(16), nullable=False),
    sa.Column("mention_text", sa.Text),
    sa.Column("mention_start", sa.Integer),
    sa.Column("mention_end", sa.Integer),
    sa.Column("speaker_members", sa.JSON),
    sa.Column("negated", sa.Boolean, nullable=False),
    sa.Column("hedged", sa.Boolean, nullable=False),
    sa.Column("venue_name", sa.Text),
    sa.Column("venue_type", sa.String(64)),
    sa.Column("venue_text", sa.Text),
    sa.Column("venue_start", sa.Integer),
    sa.Column("venue_end", sa.Integer),
    sa.Column("addressee", sa.Text),
    sa.Column("via_translator", sa.Boolean, nullable=False),
    sa.Column("said_on_date", sa.String(10)),
    sa.Column("said_on_precision", sa.String(8)),
    sa.Column("said_on_text", sa.Text),
    sa.Column("said_on_assumed", sa.Boolean),
    sa.Column("time", sa.String(8), nullable=False),
    sa.Column("issues", sa.JSON),
    # issue id → {"label", "evidence", "source": rules|model, "note"?} as extracted; a person's
    # label is kept apart, in stance_labels, so that a new extraction never overwrites it
    sa.Column("stances", sa.JSON),
    sa.Column("extra", sa.JSON),
    # derived: the quote cluster holding most of the statement's words (a statement is in every
    # cluster one of its passages is in: quote_passages); rebuilt by clustering, so no foreign key
    sa.Column("cluster_id", BIG_ID),
    sa.UniqueConstraint("article_id", "seq"),
    sa.Index(None, "speaker_id"),
    sa.Index(None, "cluster_id"),
)

# a person's reading of a statement's stance on an issue: wins over the rules and any model.
# Tied to the statement row.  Re-ingesting an unchanged article does not touch its statements,
# so their labels stay.  When an article's statements are replaced (a changed version, or
# ingest --force) each label moves to the new statement with the same speaker and the same
# quote text; the labels of statements that are gone are deleted with them.
stance_labels = sa.Table(
    "stance_labels",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("statement_id", sa.Integer, sa.ForeignKey("statements.id", ondelete="CASCADE"), nullable=False),
    sa.Column("issue", sa.String(64), nullable=False),
    sa.Column("label", sa.String(16), nullable=False),
    sa.Column("note", sa.Text),
    sa.Column("labelled_at", sa.String(32), nullable=False),
    sa.UniqueConstraint("statement_id", "issue"),
)

quote_clusters = sa.Table(
    "quote_clusters",
    metadata,
    # the id of its first passage in storage order: stable while that report stays
    sa.Column("id", BIG_ID, primary_key=True, autoincrement=False),
    sa.Column("speaker_id", sa.String(255)),
    sa.Column("speaker_name", sa.Text, nullable=False),
    sa.Column("quote_text", sa.Text, nullable=False),
    sa.Column("first_statement_id", sa.Integer, nullable=False),
    sa.Column("first_article_id", sa.Integer, nullable=False),
    sa.Column("first_date", sa.String(10)),
    sa.Column("first_published", sa.String(16)),
    sa.Column("last_date", sa.String(10)),
    sa.Column("n_reports", sa.Integer, nullable=False),
    sa.Column("n_outlets", sa.Integer, nullable=False),
    # in order of first report
    sa.Column("outlets", sa.JSON, nullable=False),
    # when and where the words were said, as most reports that tell have it
    sa.Column("said_on", sa.String(10)),
    sa.Column("venue", sa.Text),
    # every speaker the reports name, [{"speaker", "speaker_id", "reports"}], most reports first:
    # more than one is an attribution conflict
    sa.Column("attributions", sa.JSON),
    sa.Index(None, "n_reports"),
    sa.Index(None, "n_outlets"),
    sa.Index(None, "speaker_id"),
)

# The passages of each statement (sentences, or the pieces between cuts; see ledger/passages.py)
# and the quote cluster each is in: a statement belongs to every cluster one of its passages is
# in.  char_start/char_end index the statement's quote_text.
quote_passages = sa.Table(
    "quote_passages",
    metadata,
    sa.Column(
        "statement_id", sa.Integer, sa.ForeignKey("statements.id", ondelete="CASCADE"),
        primary_key=True, autoincrement=False,
    ),
    sa.Column("char_start", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("char_end", sa.Integer, nullable=False),
    # what comes before the passage in its quote: start | sent (a sentence end) | cut
    sa.Column("boundary", sa.String(8), nullable=False),
    sa.Column("cluster_id", BIG_ID),
    sa.Index(None, "cluster_id"),
)

# The fingerprints of each statement's passages (see ledger/passages.py): statements sharing a
# bucket are candidates for the same quote; a bucket keeps at most linking.CAP statements.  No
# foreign key: rows are deleted by their key when their statement is (a cascade would need a
# second index, on statement_id).
quote_bands = sa.Table(
    "quote_bands",
    metadata,
    sa.Column("bucket", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("statement_id", sa.Integer, primary_key=True, autoincrement=False),
    sqlite_with_rowid=False,
)


# what intake from the web has seen, one row per address in key form (a feed, a sitemap, a page
# as linked, a page's canonical address): how to ask for it again (ETag, Last-Modified), what it
# held (a page: its article's key and content hash; a feed or sitemap: its links) and when it was
# last asked.  See ledger/pages.py.
web_pages = sa.Table(
    "web_pages",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("url", sa.Text, nullable=False, unique=True),
    # page | feed | sitemap
    sa.Column("kind", sa.String(16), nullable=False),
    # ok | unchanged | failed | robots | skipped
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("reason", sa.Text),
    sa.Column("article_key", sa.Text),
    sa.Column("content_hash", sa.String(64)),
    sa.Column("etag", sa.Text),
    sa.Column("last_modified", sa.Text),
    # a feed's or sitemap's links: {"pages": [...], "sitemaps": [...]}
    sa.Column("links", sa.JSON),
    sa.Column("first_seen", sa.String(32), nullable=False),
    sa.Column("checked_at", sa.String(32), nullable=False),
)


def include_object(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    """For Alembic's comparisons: the full-text objects are backend-specific, made by hand in
    the migrations, and not part of the metadata."""
    if type_ == "table" and name and name.startswith(SQLITE_FTS_TABLE):
        return False
    return not (type_ == "index" and name == PG_FTS_INDEX)
