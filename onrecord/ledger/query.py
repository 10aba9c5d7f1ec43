"""Reading the ledger: search, speaker timelines, clusters, statistics, export rows."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from onrecord.ledger.records import (
    QuoteCluster,
    Report,
    Results,
    SpeakerQuote,
    StatementRecord,
    speaker_slug,
    statement_dict,
)
from onrecord.ledger.report_words import passages_text
from onrecord.ledger.schema import (
    PG_FTS_CONFIG,
    SQLITE_FTS_TABLE,
    articles,
    ingest_runs,
    quote_clusters,
    quote_passages,
    speaker_aliases,
    speakers,
    statements,
)

s, a, c = statements, articles, quote_clusters
STATEMENT_COLUMNS = list(s.c)
ARTICLE_COLUMNS = [
    a.c.key.label("article_key"),
    a.c.outlet.label("article_outlet"),
    a.c.date.label("article_date"),
    a.c.published.label("article_published"),
    a.c.title.label("article_title"),
    a.c.url.label("article_url"),
]
CLUSTER_COLUMNS = [c.c.n_reports.label("cluster_reports"), c.c.outlets.label("cluster_outlets")]
_FROM = s.join(a, a.c.id == s.c.article_id).outerjoin(c, c.c.id == s.c.cluster_id)
# A speaker is shown by the speakers table's name: one display name per id, however each article
# wrote it ("President of Ukraine Volodymyr Zelenskyy", "Zelensky"); the statement keeps its own.
_shown = speakers.alias("shown")
DISPLAY_NAME = sa.func.coalesce(_shown.c.name, s.c.speaker_name).label("speaker_display")
FROM_SHOWN = _FROM.outerjoin(_shown, _shown.c.id == s.c.speaker_id)
# an undated article sorts after every dated one, on both backends
_NEWEST_FIRST = (
    a.c.date.desc().nulls_last(),
    a.c.published.desc().nulls_last(),
    s.c.article_id.desc(),
    s.c.seq,
)


# --- full-text queries -----------------------------------------------------------------------

_TERM = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w+")


def parse_query(query: str) -> list[tuple[list[str], bool]]:
    """Terms of a search: ``(words, prefix)`` where several words form a phrase ("quoted" in
    the query) and prefix is a trailing ``*``.  Every term must match."""
    terms = []
    for m in _TERM.finditer(query):
        phrase, word = m.group(1), m.group(2)
        text = phrase if phrase is not None else word
        words = _WORD.findall(text)
        if words:
            terms.append((words, phrase is None and text.endswith("*")))
    return terms


def fts5_expression(terms: list[tuple[list[str], bool]]) -> str:
    # every word quoted: the user's text is never read as FTS5 syntax (AND, NEAR, column:)
    return " ".join('"' + " ".join(words) + '"' + ("*" if prefix else "") for words, prefix in terms)


def websearch_expression(terms: list[tuple[list[str], bool]]) -> str:
    # every term quoted, so "or" is a word, not the operator; no prefix search: * is dropped
    return " ".join('"' + " ".join(words) + '"' for words, _ in terms)


def text_condition(conn: Connection, query: str) -> sa.ColumnElement[bool] | None:
    terms = parse_query(query)
    if not terms:
        return None
    if conn.dialect.name == "sqlite":
        return s.c.id.in_(
            sa.text(f"SELECT rowid FROM {SQLITE_FTS_TABLE} WHERE {SQLITE_FTS_TABLE} MATCH :fts").bindparams(
                fts=fts5_expression(terms)
            )
        )
    # the same expression as the GIN index, so the index serves it
    return sa.text(
        f"to_tsvector('{PG_FTS_CONFIG}'::regconfig, statements.quote_text)"
        f" @@ websearch_to_tsquery('{PG_FTS_CONFIG}'::regconfig, :fts)"
    ).bindparams(fts=websearch_expression(terms))


# --- filters ---------------------------------------------------------------------------------


def _like(value: str) -> str:
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def speaker_ids(name: str) -> sa.Select[Any]:
    """Ids of the speakers a name picks: by id, canonical name or any name seen (substring,
    any case: "Zelensky" finds "Volodymyr Zelenskyy")."""
    pat = _like(name)
    by_name = sa.select(speakers.c.id).where(
        sa.or_(
            speakers.c.id == speaker_slug(name),
            speakers.c.id == name,
            speakers.c.name.ilike(pat, escape="\\"),
        )
    )
    by_alias = sa.select(speaker_aliases.c.speaker_id).where(speaker_aliases.c.alias.ilike(pat, escape="\\"))
    return sa.union(by_name, by_alias)  # type: ignore[return-value]


def filters(
    conn: Connection,
    query: str = "",
    speaker: str | None = None,
    since: str | None = None,
    until: str | None = None,
    kind: str | None = None,
    venue: str | None = None,
    outlet: str | None = None,
) -> list[sa.ColumnElement[bool]]:
    """Conditions on statements joined with articles.  Dates compare with when it was said,
    where the article tells, else the article's date; both bounds are inclusive."""
    conds: list[sa.ColumnElement[bool]] = []
    text_cond = text_condition(conn, query)
    if text_cond is not None:
        conds.append(text_cond)
    if speaker:
        conds.append(s.c.speaker_id.in_(speaker_ids(speaker)))
    when = sa.func.coalesce(s.c.said_on_date, a.c.date)
    if since:
        conds.append(when >= since)
    if until:
        # "2024-11-30T..." sorts after "2024-11-30": compare the date part only
        conds.append(sa.func.substr(when, 1, 10) <= until)
    if kind:
        conds.append(s.c.kind == kind)
    if venue:
        conds.append(
            sa.or_(
                s.c.venue_name.ilike(_like(venue), escape="\\"),
                s.c.venue_text.ilike(_like(venue), escape="\\"),
            )
        )
    if outlet:
        conds.append(a.c.outlet.ilike(_like(outlet), escape="\\"))
    return conds


def _record(row: Any) -> StatementRecord:
    m = row._mapping
    d = statement_dict(m)
    return StatementRecord(
        id=m["id"],
        quote=m["quote_text"],
        kind=m["kind"],
        speaker=m.get("speaker_display") or m["speaker_name"],
        speaker_id=m["speaker_id"],
        outlet=m["article_outlet"],
        date=m["article_date"],
        published=m["article_published"],
        said_on=m["said_on_date"],
        venue=m["venue_name"],
        title=m["article_title"],
        url=m["article_url"],
        article=m["article_key"],
        negated=bool(m["negated"]),
        hedged=bool(m["hedged"]),
        cluster_id=m["cluster_id"],
        reports=m["cluster_reports"] or 1,
        outlets=list(m["cluster_outlets"] or ([m["article_outlet"]] if m["article_outlet"] else [])),
        statement=d,
    )


def find_statements(
    conn: Connection, *, limit: int | None = 50, offset: int = 0, article: str | None = None, **kw: Any
) -> Results[StatementRecord]:
    """Statements matching ``filters(**kw)``, newest article first."""
    conds = filters(conn, **kw)
    if article is not None:
        conds.append(a.c.key == article)
    q = (sa.select(*STATEMENT_COLUMNS, *ARTICLE_COLUMNS, *CLUSTER_COLUMNS, DISPLAY_NAME)
         .select_from(FROM_SHOWN).where(*conds))
    q = q.order_by(*_NEWEST_FIRST).offset(offset)
    if limit is not None:
        q = q.limit(limit)
    return Results(_record(r) for r in conn.execute(q))


def count_statements(conn: Connection, *, article: str | None = None, **kw: Any) -> int:
    """How many statements ``find_statements`` with the same filters finds without a limit."""
    conds = filters(conn, **kw)
    if article is not None:
        conds.append(a.c.key == article)
    return conn.execute(sa.select(sa.func.count()).select_from(FROM_SHOWN).where(*conds)).scalar_one()


def count_clusters(conn: Connection, *, speaker: str | None = None, min_reports: int = 2) -> int:
    """How many quote clusters ``find_clusters`` with the same filters finds without a limit."""
    q = sa.select(sa.func.count()).select_from(c).where(c.c.n_reports >= min_reports)
    if speaker:
        q = q.where(c.c.speaker_id.in_(speaker_ids(speaker)))
    return conn.execute(q).scalar_one()


def timeline(
    conn: Connection, speaker: str, *, limit: int | None = None, **kw: Any
) -> Results[SpeakerQuote]:
    """What a speaker said, newest first, each quote once with every outlet that reported it."""
    records = find_statements(conn, speaker=speaker, limit=None, **kw)
    entries: dict[Any, SpeakerQuote] = {}
    firsts: dict[int, int] = {}
    ids = {r.cluster_id for r in records if r.cluster_id is not None}
    for chunk in _chunks(sorted(ids)):
        firsts.update(conn.execute(sa.select(c.c.id, c.c.first_statement_id).where(c.c.id.in_(chunk))).all())
    for r in records:
        key = ("c", r.cluster_id) if r.cluster_id is not None else ("s", r.id)
        if key in entries and firsts.get(r.cluster_id or -1) != r.id:
            continue  # a later report of a quote already listed
        entries[key] = SpeakerQuote(
            date=r.date, quote=r.quote, kind=r.kind, venue=r.venue, said_on=r.said_on, outlets=r.outlets,
            reports=r.reports, negated=r.negated, hedged=r.hedged, speaker=r.speaker,
            speaker_id=r.speaker_id, statement_id=r.id, cluster_id=r.cluster_id, url=r.url,
        )  # fmt: skip
    # newest first; within a day in the order the statements were stored (sorting is stable)
    by_id = sorted(entries.values(), key=lambda e: e.statement_id)
    out = sorted(by_id, key=lambda e: e.said_on or e.date or "", reverse=True)
    return Results(out[:limit] if limit is not None else out)


def _chunks(items: list[Any], size: int = 500) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


CLUSTER_ORDER = (c.c.n_outlets.desc(), c.c.n_reports.desc(), c.c.first_date.desc().nulls_last(), c.c.id)


def find_clusters(
    conn: Connection,
    *,
    speaker: str | None = None,
    min_reports: int = 2,
    limit: int | None = 50,
    offset: int = 0,
    translations: bool = True,
) -> Results[QuoteCluster]:
    """Quote clusters, reported by most outlets first, each with its reports (first report
    first) and, with ``translations``, the clusters that are probably the same words in another
    translation."""
    first = a.alias("first")
    shown = sa.func.coalesce(_shown.c.name, c.c.speaker_name).label("speaker_display")
    q = (
        sa.select(c, first.c.outlet.label("first_outlet"), first.c.key.label("first_key"), shown)
        .select_from(c.join(first, first.c.id == c.c.first_article_id)
                     .outerjoin(_shown, _shown.c.id == c.c.speaker_id))
        .where(c.c.n_reports >= min_reports)
        .order_by(*CLUSTER_ORDER)
        .offset(offset)
    )
    if speaker:
        q = q.where(c.c.speaker_id.in_(speaker_ids(speaker)))
    if limit is not None:
        q = q.limit(limit)
    found = [
        QuoteCluster(
            id=r.id, speaker=r.speaker_display, speaker_id=r.speaker_id, quote=r.quote_text,
            first_date=r.first_date, first_published=r.first_published, first_outlet=r.first_outlet,
            first_article=r.first_key, n_reports=r.n_reports, outlets=list(r.outlets), n_outlets=r.n_outlets,
            said_on=r.said_on, venue=r.venue, attributions=list(r.attributions or []),
        )  # fmt: skip
        for r in conn.execute(q)
    ]
    reports = cluster_reports(conn, [k.id for k in found])
    for k in found:
        # the first report first (as clustering chose it), then by time, like clustering
        k.reports = sorted(reports.get(k.id, []),
                           key=lambda p, k=k: (p.article != k.first_article, report_when(p), p.statement_id))
    if translations:
        # the linking that finds translations is imported here, not by the searches (ledger.py)
        from onrecord.ledger.clusters import translations_of

        for k, others in zip(found, translations_of(conn, [k.id for k in found]), strict=True):
            k.translations = others
    return Results(found)


def cluster_reports(conn: Connection, cluster_ids: list[int]) -> dict[int, list[Report]]:
    """Each cluster's reports: every statement with a passage in it, with the words of those
    passages as its article gives them."""
    p = quote_passages
    mine: dict[int, dict[int, list[tuple[int, int]]]] = {}
    for chunk in _chunks(sorted(cluster_ids)):
        q = sa.select(p.c.cluster_id, p.c.statement_id, p.c.char_start, p.c.char_end).where(p.c.cluster_id.in_(chunk))
        for cid, sid, start, end in conn.execute(q):
            mine.setdefault(cid, {}).setdefault(sid, []).append((start, end))
    sids = sorted({sid for by_sid in mine.values() for sid in by_sid})
    starts: dict[int, list[int]] = {}  # every passage of each statement, in order: which follow which
    rows: dict[int, Any] = {}
    for chunk in _chunks(sids):
        for sid, start in conn.execute(sa.select(p.c.statement_id, p.c.char_start).where(p.c.statement_id.in_(chunk))
                                       .order_by(p.c.statement_id, p.c.char_start)):
            starts.setdefault(sid, []).append(start)
        q = (sa.select(s.c.id, s.c.quote_text, s.c.speaker_name, s.c.speaker_id, s.c.said_on_date, s.c.venue_name,
                       *ARTICLE_COLUMNS)
             .select_from(s.join(a, a.c.id == s.c.article_id)).where(s.c.id.in_(chunk)))
        rows.update((r.id, r) for r in conn.execute(q))
    out: dict[int, list[Report]] = {}
    for cid, by_sid in mine.items():
        for sid, spans in sorted(by_sid.items()):
            r, order = rows[sid], starts[sid]
            spans.sort()
            follows = [i > 0 and order.index(x) == order.index(spans[i - 1][0]) + 1 for i, (x, _) in enumerate(spans)]
            out.setdefault(cid, []).append(Report(
                article=r.article_key, outlet=r.article_outlet, date=r.article_date, published=r.article_published,
                title=r.article_title, url=r.article_url, statement_id=sid,
                quote=passages_text(r.quote_text, ((x, y, f) for (x, y), f in zip(spans, follows, strict=True))),
                speaker=r.speaker_name, speaker_id=r.speaker_id, said_on=r.said_on_date, venue=r.venue_name,
                statement_quote=r.quote_text,
            ))  # fmt: skip
    return out


def report_when(p: Report) -> str:
    """When a report came out, as its cluster orders them: the publication time, else the date
    (after every report timed that day), else last."""
    return p.published or (p.date + "T24:00" if p.date else "9999")


def stats(conn: Connection) -> dict[str, Any]:
    def one(q: Any) -> Any:
        return conn.execute(q).scalar()

    by_kind = dict(
        conn.execute(sa.select(s.c.kind, sa.func.count()).group_by(s.c.kind).order_by(s.c.kind)).all()
    )
    last = conn.execute(
        sa.select(ingest_runs.c.id, ingest_runs.c.status, ingest_runs.c.started_at, ingest_runs.c.finished_at)
        .order_by(ingest_runs.c.id.desc())
        .limit(1)
    ).first()
    return {
        "articles": one(sa.select(sa.func.count()).select_from(a)),
        "statements": one(sa.select(sa.func.count()).select_from(s)),
        "by_kind": by_kind,
        "speakers": one(sa.select(sa.func.count()).select_from(speakers)),
        "outlets": one(sa.select(sa.func.count(sa.distinct(a.c.outlet)))),
        "quotes": one(sa.select(sa.func.count()).select_from(c)),
        "clusters": one(sa.select(sa.func.count()).select_from(c).where(c.c.n_reports >= 2)),
        "first_date": one(sa.select(sa.func.min(a.c.date))),
        "last_date": one(sa.select(sa.func.max(a.c.date))),
        "runs": one(sa.select(sa.func.count()).select_from(ingest_runs)),
        "last_run": dict(last._mapping) if last else None,
    }


# --- export ----------------------------------------------------------------------------------

EXPORT_ARTICLE = [
    a.c.key.label("article"),
    a.c.outlet,
    a.c.title,
    a.c.author,
    a.c.date,
    a.c.published,
    a.c.url,
    a.c.source,
]
EXPORT_SPEAKER = [speakers.c.name.label("speaker_canonical"), speakers.c.type.label("speaker_canonical_type")]
EXPORT_CLUSTER = [c.c.n_reports.label("cluster_reports"), c.c.outlets.label("cluster_outlets")]
EXPORT_JSON = ("quote_segments", "speaker_members", "issues", "stances", "extra", "cluster_outlets")


def export_rows(conn: Connection, batch: int = 5000) -> Iterator[dict[str, Any]]:
    """Every statement joined with its article and speaker, flat, in storage order."""
    statement_cols = [col for col in STATEMENT_COLUMNS if col.name not in ("id", "article_id")]
    q = (
        sa.select(
            s.c.id.label("statement_id"), *EXPORT_ARTICLE, *statement_cols, *EXPORT_SPEAKER, *EXPORT_CLUSTER
        )
        .select_from(_FROM.outerjoin(speakers, speakers.c.id == s.c.speaker_id))
        .order_by(s.c.article_id, s.c.seq)
    )
    for row in conn.execute(q.execution_options(yield_per=batch)):
        yield dict(row._mapping)


def export_columns() -> list[str]:
    statement_cols = [col.name for col in STATEMENT_COLUMNS if col.name not in ("id", "article_id")]
    return (
        ["statement_id"]
        + [col.name for col in EXPORT_ARTICLE]
        + statement_cols
        + [col.name for col in EXPORT_SPEAKER + EXPORT_CLUSTER]
    )
