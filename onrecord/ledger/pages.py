"""What intake from the web has seen, kept in the ledger (``web_pages``): the ``Memory`` of a
``readers.web.Crawl``, so that a watch survives restarts and a story is fetched once.

A page is due to be fetched again when it was never asked for, when it was last asked more
than ``web_recheck_after`` seconds ago (then conditionally: an unchanged page answers 304), or
when it was fetched but its article is not in the ledger (the process stopped between the
fetch and the write, or the article's extraction failed): the ``articles`` table is the truth
of what is stored, this table only of what was asked.  Validators are sent only for what the
ledger holds, for the same reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError

from onrecord.ledger import db
from onrecord.ledger.ingest import content_hash
from onrecord.ledger.schema import articles, web_pages
from onrecord.model.article import Article
from onrecord.readers.web.http import Response

_HELD = ("ok", "unchanged")  # statuses whose row describes a document we have


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class LedgerMemory:
    """``readers.web.Memory`` over a ledger's engine."""

    def __init__(self, engine: Engine, recheck_after: float, clock: Callable[[], dt.datetime] = _utcnow) -> None:
        self.engine = engine
        self.recheck_after = recheck_after
        self.clock = clock

    def _row(self, url: str) -> Any:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(web_pages).where(web_pages.c.url == url)).first()

    def _stored(self, row: Any) -> bool:
        """Whether the article a page row gave is in the ledger (under its key or its content)."""
        if not row.article_key and not row.content_hash:
            return False
        with self.engine.connect() as conn:
            found = conn.execute(sa.select(articles.c.id).where(sa.or_(
                articles.c.key == row.article_key, articles.c.content_hash == row.content_hash)).limit(1)).first()
        return found is not None

    def validators(self, url: str) -> tuple[str | None, str | None]:
        row = self._row(url)
        if row is None or row.status not in _HELD:
            return None, None
        if row.kind == "page" and not self._stored(row):
            return None, None
        if row.kind != "page" and row.links is None:
            return None, None
        return row.etag, row.last_modified

    def links(self, url: str) -> tuple[list[str], list[str]] | None:
        row = self._row(url)
        if row is None or row.kind == "page" or not isinstance(row.links, dict):
            return None
        return list(row.links.get("pages", [])), list(row.links.get("sitemaps", []))

    def due(self, url: str) -> bool:
        row = self._row(url)
        if row is None:
            return True
        age = (self.clock() - dt.datetime.fromisoformat(row.checked_at)).total_seconds()
        if age >= self.recheck_after:
            return True
        return row.status in _HELD and row.kind == "page" and not self._stored(row)

    def remember(self, url: str, *, kind: str, status: str, reason: str | None = None,
                 response: Response | None = None, article: Article | None = None,
                 links: tuple[list[str], list[str]] | None = None) -> None:
        now = self.clock().isoformat(timespec="seconds")
        values: dict[str, Any] = {"kind": kind, "status": status, "reason": reason, "checked_at": now}
        if status == "unchanged":  # a 304 says nothing new about what the document is
            del values["kind"]
        if response is not None and not response.not_modified:
            values.update(etag=response.etag, last_modified=response.last_modified)
        if article is not None and not article.errors:
            values.update(article_key=article.id, content_hash=content_hash(article))
        if links is not None:
            values["links"] = {"pages": links[0], "sitemaps": links[1]}
        try:
            with db.writing(self.engine) as conn:
                self._upsert(conn, url, values, now)
        except IntegrityError:  # another watcher wrote the row first: update theirs
            with db.writing(self.engine) as conn:
                self._upsert(conn, url, values, now)

    @staticmethod
    def _upsert(conn: Connection, url: str, values: dict[str, Any], now: str) -> None:
        done = conn.execute(sa.update(web_pages).where(web_pages.c.url == url).values(**values))
        if not done.rowcount:
            conn.execute(sa.insert(web_pages).values(**{"kind": "page", **values, "url": url, "first_seen": now}))


def seen(engine: Engine, limit: int | None = None) -> list[dict[str, Any]]:
    """The rows of ``web_pages``, latest checked first (for reports and tests)."""
    with engine.connect() as conn:
        q = sa.select(web_pages).order_by(web_pages.c.checked_at.desc(), web_pages.c.id.desc()).limit(limit)
        return [dict(r._mapping) for r in conn.execute(q)]
