"""What the web app reads from the ledger: pages of articles, statements, speakers and quote
clusters with stable cursors, and one article with its statements.

Cursors are keyset cursors: the last row's key, opaque to clients (base64 of JSON). A page after
a cursor is the same whatever was ingested since, except for the new rows themselves."""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from onrecord.errors import BadCursor, NotFound
from onrecord.ledger import query
from onrecord.ledger.clusters import translations_of
from onrecord.ledger.records import Report, statement_dict
from onrecord.ledger.schema import articles, quote_clusters, speaker_aliases, speakers, statements

a, s, c = articles, statements, quote_clusters
SLUG = re.compile(r"[A-Za-z0-9_-]{1,64}")  # an issue name the SQL cut can look for as it is


def encode_cursor(key: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(key).encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> Any:
    if not cursor:
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        return json.loads(base64.urlsafe_b64decode(padded.encode()).decode())
    except (binascii.Error, ValueError, UnicodeDecodeError) as e:
        raise BadCursor(f"not a cursor of this API: {cursor[:40]!r}") from e


@dataclass
class Page:
    items: list[dict[str, Any]]
    next_cursor: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"items": self.items, "next_cursor": self.next_cursor}


def _is_id(x: Any) -> bool:
    """A row id or count as a cursor may carry: an int a database column can hold."""
    return isinstance(x, int) and not isinstance(x, bool) and -(2**62) < x < 2**62


def _int_key(cursor: str | None) -> int | None:
    key = decode_cursor(cursor)
    if key is None:
        return None
    if not _is_id(key):
        raise BadCursor("not a cursor of this listing")
    return key


# --- articles --------------------------------------------------------------------------------


def article_summary(row: Any) -> dict[str, Any]:
    m = row._mapping
    return {
        "key": m["key"], "title": m["title"], "outlet": m["outlet"], "author": m["author"],
        "date": m["date"], "published": m["published"], "url": m["url"],
        "statements": m.get("n_statements", None),
    }


def list_articles(conn: Connection, *, limit: int, cursor: str | None = None, outlet: str | None = None,
                  since: str | None = None, until: str | None = None) -> Page:
    """Articles, most recently stored first."""
    after = _int_key(cursor)
    n = sa.select(sa.func.count()).where(s.c.article_id == a.c.id).scalar_subquery()
    q = sa.select(a.c.id, a.c.key, a.c.title, a.c.outlet, a.c.author, a.c.date, a.c.published, a.c.url,
                  n.label("n_statements"))
    if after is not None:
        q = q.where(a.c.id < after)
    if outlet:
        q = q.where(a.c.outlet.ilike(query._like(outlet), escape="\\"))
    if since:
        q = q.where(a.c.date >= since)
    if until:
        q = q.where(a.c.date <= until)
    rows = list(conn.execute(q.order_by(a.c.id.desc()).limit(limit + 1)))
    more = len(rows) > limit
    rows = rows[:limit]
    return Page([article_summary(r) for r in rows], encode_cursor(rows[-1].id) if more and rows else None)


def get_article(conn: Connection, key: str) -> dict[str, Any]:
    """An article with its text and every statement (offsets index ``text``), in text order."""
    row = conn.execute(sa.select(a).where(a.c.key == key)).first()
    if row is None:
        raise NotFound(f"no article {key!r}")
    m = row._mapping
    rows = conn.execute(sa.select(*query.STATEMENT_COLUMNS, *query.CLUSTER_COLUMNS)
                        .select_from(s.outerjoin(c, c.c.id == s.c.cluster_id))
                        .where(s.c.article_id == m["id"]).order_by(s.c.seq))
    found = []
    for r in rows:
        d = statement_dict(r._mapping)
        d["id"] = r.id
        d["cluster_id"] = r.cluster_id
        d["reports"] = r.cluster_reports or 1
        found.append(d)
    return {
        "key": m["key"], "title": m["title"], "outlet": m["outlet"], "author": m["author"], "date": m["date"],
        "published": m["published"], "url": m["url"], "caption": m["caption"], "text": m["text"],
        "body_start": m["body_start"] or 0, "body_end": m["body_end"], "statements": found,
    }


# --- statements ------------------------------------------------------------------------------


def statement_item(record: Any) -> dict[str, Any]:
    d = record.to_dict()
    d["statement"] = record.statement
    return d


def list_statements(conn: Connection, *, limit: int, cursor: str | None = None, q: str = "",
                    speaker: str | None = None, issue: str | None = None, kind: str | None = None,
                    venue: str | None = None, outlet: str | None = None, since: str | None = None,
                    until: str | None = None) -> Page:
    """Statements matching the filters, most recently stored first (``issue``: an issue id as
    statements carry it, see ``Ledger.issue_id``)."""
    after = _int_key(cursor)
    conds = query.filters(conn, query=q, speaker=speaker, since=since, until=until, kind=kind, venue=venue,
                          outlet=outlet)
    if after is not None:
        conds.append(s.c.id < after)
    if issue and SLUG.fullmatch(issue):
        # a first cut in SQL: the issue's name, quoted, in the JSON list (text on both backends);
        # the exact test below keeps only the statements whose list holds it
        conds.append(sa.cast(s.c.issues, sa.Text).like(query._like(f'"{issue}"'), escape="\\"))
    select = (sa.select(*query.STATEMENT_COLUMNS, *query.ARTICLE_COLUMNS, *query.CLUSTER_COLUMNS, query.DISPLAY_NAME)
              .select_from(query.FROM_SHOWN).where(*conds).order_by(s.c.id.desc()))
    if not issue:
        records = [query._record(r) for r in conn.execute(select.limit(limit + 1))]
    else:
        # the issue filter reads each statement's JSON list in Python, the same on both
        # backends; rows are read in batches until the page is full
        records = []
        for offset in range(0, 10**9, 500):
            rows = list(conn.execute(select.offset(offset).limit(500)))
            for r in rows:
                record = query._record(r)
                if issue in (record.statement.get("issues") or []):
                    records.append(record)
            if len(records) > limit or len(rows) < 500:
                break
    more = len(records) > limit
    records = records[:limit]
    items = [statement_item(rec) for rec in records]
    last_id = records[-1].id if records else None
    return Page(items, encode_cursor(last_id) if more and last_id is not None else None)


# --- speakers --------------------------------------------------------------------------------


def list_speakers(conn: Connection, *, limit: int, cursor: str | None = None, q: str | None = None) -> Page:
    """Speakers by id, with their statement counts."""
    after = decode_cursor(cursor)
    if after is not None and not (isinstance(after, str) and len(after) <= 255 and "\x00" not in after):
        raise BadCursor("not a cursor of this listing")
    n = sa.select(sa.func.count()).where(s.c.speaker_id == speakers.c.id).scalar_subquery()
    sel = sa.select(speakers.c.id, speakers.c.name, speakers.c.type, n.label("statements"))
    if after is not None:
        sel = sel.where(speakers.c.id > after)
    if q:
        sel = sel.where(speakers.c.id.in_(query.speaker_ids(q)))
    rows = list(conn.execute(sel.order_by(speakers.c.id).limit(limit + 1)))
    more = len(rows) > limit
    rows = rows[:limit]
    items = [dict(r._mapping) for r in rows]
    return Page(items, encode_cursor(rows[-1].id) if more and rows else None)


def get_speaker(conn: Connection, speaker_id: str) -> dict[str, Any]:
    row = conn.execute(sa.select(speakers).where(speakers.c.id == speaker_id)).first()
    if row is None:
        raise NotFound(f"no speaker {speaker_id!r}")
    aliases = [r.alias for r in conn.execute(
        sa.select(speaker_aliases.c.alias).where(speaker_aliases.c.speaker_id == speaker_id)
        .order_by(speaker_aliases.c.alias))]
    count = conn.execute(sa.select(sa.func.count()).where(s.c.speaker_id == speaker_id)).scalar_one()
    return {**dict(row._mapping), "aliases": aliases, "statements": count}


# --- clusters --------------------------------------------------------------------------------


def list_clusters(conn: Connection, *, limit: int, cursor: str | None = None, speaker: str | None = None,
                  min_reports: int = 2) -> Page:
    """Quote clusters with at least ``min_reports`` reports, reported by most outlets first (then
    most reports, then by id); the cursor is the last row's (outlets, reports, id)."""
    after = decode_cursor(cursor)
    if after is not None and not (isinstance(after, list) and len(after) == 3 and all(map(_is_id, after))):
        raise BadCursor("not a cursor of this listing")
    sel = sa.select(c).where(c.c.n_reports >= min_reports)
    if after is not None:
        n, r, last = after
        sel = sel.where(sa.or_(c.c.n_outlets < n, sa.and_(c.c.n_outlets == n, c.c.n_reports < r),
                               sa.and_(c.c.n_outlets == n, c.c.n_reports == r, c.c.id > last)))
    if speaker:
        sel = sel.where(c.c.speaker_id.in_(query.speaker_ids(speaker)))
    rows = list(conn.execute(sel.order_by(c.c.n_outlets.desc(), c.c.n_reports.desc(), c.c.id).limit(limit + 1)))
    more = len(rows) > limit
    rows = rows[:limit]
    key = [rows[-1].n_outlets, rows[-1].n_reports, rows[-1].id] if rows else None
    return Page([dict(r._mapping) for r in rows], encode_cursor(key) if more and key else None)


def _report_key(first_statement_id: int | None, report: Report) -> tuple[bool, str, int]:
    """Where a report stands in its cluster's listing: the first report first, then as the
    clusters listing orders them (``query.report_when``), then id."""
    return report.statement_id != first_statement_id, query.report_when(report), report.statement_id


def _report_cursor(cursor: str | None) -> tuple[bool, str, int] | None:
    after = decode_cursor(cursor)
    if after is None:
        return None
    if not (isinstance(after, list) and len(after) == 3 and isinstance(after[0], bool)
            and isinstance(after[1], str) and _is_id(after[2])):
        raise BadCursor("not a cursor of this cluster's reports")
    return after[0], after[1], after[2]


def get_cluster(conn: Connection, cluster_id: int, *, limit: int | None = None,
                cursor: str | None = None) -> dict[str, Any]:
    """One cluster: its row, the first report, its wordings and outlets (from every report), other
    translations of the words (shown apart), and its reports (first report first: by publication
    time, then date) — all of them, or ``limit`` a page after ``cursor``, with ``reports_next_cursor``
    for the next page: a remark reported thousands of times is read page by page.  The cursor names
    the last report seen, so a page stays the same when new reports arrive."""
    row = conn.execute(sa.select(c).where(c.c.id == cluster_id)).first()
    if row is None:
        raise NotFound(f"no quote cluster {cluster_id}")
    after = _report_cursor(cursor)
    found = query.cluster_reports(conn, [cluster_id]).get(cluster_id, [])
    first = row.first_statement_id
    found.sort(key=lambda r: _report_key(first, r))
    page = found if after is None else [r for r in found if _report_key(first, r) > after]
    more = limit is not None and len(page) > limit
    page = page[:limit] if limit is not None else page
    (translations,) = translations_of(conn, [cluster_id])
    # only the page and the first report become dicts: a widely reported quote has thousands
    return {**dict(row._mapping), "first_report": found[0].to_dict() if found else None,
            "variants": variants(found), "reports": [r.to_dict() for r in page],
            "reports_next_cursor": encode_cursor(list(_report_key(first, page[-1]))) if more else None,
            "translations": translations}


def _wording(quote: str) -> str:
    return " ".join(re.findall(r"\w+", quote.lower().replace("’", "'")))


def variants(reports: list[Report]) -> list[dict[str, Any]]:
    """The different wordings of one quote (case, punctuation and spacing aside), the first
    reported first, each with its reports and outlets."""
    out: dict[str, dict[str, Any]] = {}
    for r in reports:
        v = out.setdefault(_wording(r.quote), {"quote": r.quote, "reports": 0, "outlets": [],
                                               "first": r.published or r.date, "articles": []})
        v["reports"] += 1
        v["articles"].append(r.article)
        if r.outlet and r.outlet not in v["outlets"]:
            v["outlets"].append(r.outlet)
    return list(out.values())
