"""Intake from the web: ``web_pages``, what was seen at each address.

Revision ID: 0004
Revises: 0002
Create Date: 2026-12-02

One row per address in key form (a feed, a sitemap, a page): its validators for conditional
requests, the article key and content hash a page gave, the links a feed or sitemap held, and
when it was last asked.  Downgrading drops it (the articles stay; a later watch fetches again).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "web_pages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("article_key", sa.Text(), nullable=True),
        sa.Column("content_hash", sa.String(length=64), nullable=True),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.Text(), nullable=True),
        sa.Column("links", sa.JSON(), nullable=True),
        sa.Column("first_seen", sa.String(length=32), nullable=False),
        sa.Column("checked_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_web_pages")),
        sa.UniqueConstraint("url", name=op.f("uq_web_pages_url")),
    )


def downgrade() -> None:
    op.drop_table("web_pages")
