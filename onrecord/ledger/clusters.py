"""Same quote, many outlets, in the ledger: quote clusters kept current as articles come and go.

How reports of one quote are found is ``ledger/linking.py`` (passages, candidates, exact check,
gluing); this module feeds it from the database and stores what it finds: each statement's
passages with their cluster (``quote_passages``), one row per cluster (``quote_clusters``) and the
statement's main cluster (``statements.cluster_id``, the one holding most of its words).

Clustering is incremental.  Statements without a cluster (new ones, and those of a cluster that
lost a report when an article changed) are clustered with their *neighbourhood* only: the
statements sharing a fingerprint with them (``quote_bands``, at most ``linking.CAP`` statements
a fingerprint), every statement of the clusters those are in, and every statement of the
clusters beside those (two neighbouring clusters may now be one, or one two).  Passages of those
statements in clusters further out stay as stored, as context.  The neighbourhood is clustered
again from scratch and written back.  A run's cost therefore grows with what it added and the size
of the clusters it touched, never with the size of the ledger; a full rebuild (``recluster(full=
True)``, for a changed rule) runs the same steps over every statement in order.  A cluster of
``SETTLED`` statements or more (a widely quoted remark) is not clustered again: only its reports
among the candidates are loaded, new passages join it, and its row is made again, so that a run
touching it costs what it adds too.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from onrecord.ledger import db
from onrecord.ledger.dialect import insert_ignore
from onrecord.ledger.linking import CAP, MAX_CANDIDATES, MIN_SHARED, Member, Piece, QuoteGroup, link_pieces, pieces_of
from onrecord.ledger.passages import (
    Passage,
    fingerprints,
    passage_at,
    passages_fingerprints,
    relation,
    split_passages,
    statement_fingerprints,
    word_spans,
)
from onrecord.ledger.quote_rows import cluster_row, main_clusters, quote_row, report_text
from onrecord.ledger.quote_speakers import compatible
from onrecord.ledger.schema import articles, quote_bands, quote_clusters, quote_passages, statements

CHUNK = 1000  # unclustered statements clustered together
_IN = 500  # values per IN (...) list
_LOCK = 7_240_413  # names the PostgreSQL lock that lets one clustering run at a time
TRANSLATION_DAYS = 3  # another translation of the same words is reported within these days
# a quote in this many statements (reports, or one article's repeats of it) is settled: a new
# report joins it (linked to the reports its fingerprints find, as any report is) and the cluster
# is not computed again from all its reports, which made each run that touched a widely quoted
# remark cost as much as all its reports (``search_speed.py --widely-reported``).  Its row is made
# again from the stored reports.  Below this, a run recomputes every cluster near what it adds,
# exactly as ``recluster --full`` would; a settled quote may differ from the full rebuild where a
# new report would have merged it with another settled quote (they stay two) or cut one of its
# passages.  100: far above the reports of one remark in a corpus of news (6 on our cluster set);
# statements, not passages: one long quote of many sentences is one report, and is cut into its
# sentences' quotes as other outlets quote them one by one
SETTLED = 100

s, a, p = statements, articles, quote_passages


def _chunks(items: list[Any], size: int = _IN) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


# --- fingerprints --------------------------------------------------------------------------------


def band_rows(rows: Iterable[tuple[int, str, str]]) -> list[dict[str, int]]:
    """quote_bands rows of statements given as (id, quote text, kind)."""
    return _band_rows({sid: statement_fingerprints(text, kind) for sid, text, kind in rows})


def _band_rows(prints: dict[int, list[int]]) -> list[dict[str, int]]:
    return [{"bucket": b, "statement_id": sid} for sid, buckets in prints.items() for b in buckets]


def _postings(conn: Connection, buckets: Iterable[int]) -> dict[int, list[int]]:
    """The statements stored under each of ``buckets``."""
    postings: dict[int, list[int]] = {}
    for part in _chunks(sorted(set(buckets))):
        q = sa.select(quote_bands.c.bucket, quote_bands.c.statement_id).where(quote_bands.c.bucket.in_(part))
        for bucket, sid in conn.execute(q):
            postings.setdefault(bucket, []).append(sid)
    return postings


def insert_bands(conn: Connection, rows: list[dict[str, int]], postings: dict[int, list[int]]) -> None:
    """Store fingerprints, at most CAP statements a bucket: a phrase that common tells no quote
    apart, and reading its postings stays bounded.  ``postings`` (``_postings`` of the rows'
    buckets) is brought up to date with what is stored."""
    held = Counter({b: len(sids) for b, sids in postings.items()})
    keep = []
    for r in rows:
        if held[r["bucket"]] < CAP:
            held[r["bucket"]] += 1
            keep.append(r)
            posting = postings.setdefault(r["bucket"], [])
            if r["statement_id"] not in posting:  # stored already (a statement whose cluster dissolved)
                posting.append(r["statement_id"])
    keep.sort(key=lambda r: (r["bucket"], r["statement_id"]))  # in the index's order: fewer pages touched
    for part in _chunks(keep, 5000):
        conn.execute(insert_ignore(conn, quote_bands, ["bucket", "statement_id"]), part)


def _delete_bands(conn: Connection, rows: list[dict[str, int]]) -> None:
    if rows:
        q = sa.delete(quote_bands).where(
            quote_bands.c.bucket == sa.bindparam("b"), quote_bands.c.statement_id == sa.bindparam("s")
        )
        conn.execute(q, [{"b": r["bucket"], "s": r["statement_id"]} for r in rows])


def _candidates(conn: Connection, prints: dict[int, list[int]], postings: dict[int, list[int]]) -> set[int]:
    """Statements sharing fingerprints with the unclustered ones (``prints``: theirs; ``postings``:
    the statements stored under them): at most MAX_CANDIDATES each, those sharing most first, and
    as ``linking`` has it, two fingerprints at least or all of the smaller statement's (one common
    phrase makes no candidate)."""
    found: set[int] = set()
    one_shared: set[int] = set()  # candidates that qualify only if they have one fingerprint
    for mid, buckets in prints.items():
        shared: Counter[int] = Counter()
        for b in buckets:
            shared.update(postings.get(b, ()))
        shared.pop(mid, None)
        for sid, n in sorted(shared.items(), key=lambda x: (-x[1], x[0]))[:MAX_CANDIDATES]:
            if n >= min(MIN_SHARED, len(buckets)):
                found.add(sid)
            elif sid in prints:
                found.update([sid] if len(prints[sid]) <= n else [])
            else:
                one_shared.add(sid)
    for part in _chunks(sorted(one_shared - found)):
        q = sa.select(s.c.id, s.c.quote_text, s.c.kind).where(s.c.id.in_(part))
        # a quote of more than a few words has more than one fingerprint: no need to count them
        found.update(sid for sid, text, kind in conn.execute(q)
                     if len(text.split()) <= 3 * MIN_SHARED + 2 and len(statement_fingerprints(text, kind)) <= 1)
    return found


# --- reading -------------------------------------------------------------------------------------


def _member_query() -> sa.Select[Any]:
    return sa.select(
        s.c.id, s.c.article_id, s.c.speaker_id, s.c.speaker_name, s.c.speaker_type, s.c.quote_text, s.c.kind,
        a.c.outlet, a.c.date, a.c.published, s.c.said_on_date, s.c.venue_name, s.c.said_on_assumed,
        s.c.speaker_members, s.c.cluster_id,
    ).select_from(s.join(a, a.c.id == s.c.article_id))  # fmt: skip


def _member(row: Any) -> Member:
    *head, members, cluster_id = row
    return Member(*head, speaker_members=tuple(members or ()), cluster_id=cluster_id)


def load_members(conn: Connection, where: sa.ColumnElement[bool], limit: int | None = None) -> list[Member]:
    # streamed; the option goes on the statement, since on the connection it would stay set
    q = _member_query().where(where).order_by(s.c.id).execution_options(yield_per=20_000)
    if limit is not None:
        q = q.limit(limit)
    return [_member(row) for row in conn.execute(q)]


def _members_by_id(conn: Connection, ids: Iterable[int]) -> list[Member]:
    out = []
    for part in _chunks(sorted(set(ids))):
        out += load_members(conn, s.c.id.in_(part))
    return out


def _clusters_of(conn: Connection, statement_ids: Iterable[int]) -> set[int]:
    out: set[int] = set()
    for part in _chunks(sorted(set(statement_ids))):
        q = sa.select(p.c.cluster_id).where(p.c.statement_id.in_(part), p.c.cluster_id.is_not(None)).distinct()
        out.update(conn.execute(q).scalars())
    return out


def _statements_in(conn: Connection, cluster_ids: Iterable[int]) -> set[int]:
    out: set[int] = set()
    for part in _chunks(sorted(set(cluster_ids))):
        out.update(conn.execute(sa.select(p.c.statement_id).where(p.c.cluster_id.in_(part)).distinct()).scalars())
    return out


def _settled(conn: Connection, cluster_ids: Iterable[int]) -> set[int]:
    """Those of the stored clusters with passages of at least SETTLED statements (counted on the
    index).  A dissolved cluster (``unlink_statements``) is none: its passages keep its id until
    their statements are clustered again, and are made again with them."""
    out: set[int] = set()
    for part in _chunks(sorted(set(cluster_ids))):
        stored = sa.select(quote_clusters.c.id).where(quote_clusters.c.id.in_(part))
        q = sa.select(p.c.cluster_id).where(p.c.cluster_id.in_(stored)).group_by(p.c.cluster_id).having(
            sa.func.count(sa.distinct(p.c.statement_id)) >= SETTLED)
        out.update(conn.execute(q).scalars())
    return out


def _in_clusters(conn: Connection, statement_ids: Iterable[int], cluster_ids: set[int]) -> set[int]:
    """Those of the statements with a passage in one of the clusters."""
    out: set[int] = set()
    if cluster_ids:
        for part in _chunks(sorted(set(statement_ids))):
            q = sa.select(p.c.statement_id, p.c.cluster_id).where(p.c.statement_id.in_(part))
            out.update(sid for sid, cid in conn.execute(q) if cid in cluster_ids)
    return out


def stored_pieces(conn: Connection, members: list[Member], movable: set[int],
                  settled: set[int] | None = None) -> dict[int, list[Piece]]:
    """The stored passages of members, as pieces; those in clusters outside ``movable`` are
    fixed (context only), and those of ``settled`` clusters may be joined."""
    by_id = {m.id: m for m in members}
    spans = {m.id: word_spans(m.quote) for m in members}
    out: dict[int, list[Piece]] = {}
    for part in _chunks(sorted(by_id)):
        q = sa.select(p.c.statement_id, p.c.char_start, p.c.char_end, p.c.boundary, p.c.cluster_id).where(
            p.c.statement_id.in_(part)
        )
        for sid, start, end, boundary, cid in conn.execute(q.order_by(p.c.statement_id, p.c.char_start)):
            passage = passage_at(by_id[sid].quote, start, end, boundary, spans[sid])
            fixed = cid if cid is not None and cid not in movable else None
            out.setdefault(sid, []).append(Piece(by_id[sid], passage, fixed=fixed,
                                                 settled=fixed is not None and fixed in (settled or ())))
    return out


# --- one run -------------------------------------------------------------------------------------


def _neighbourhood(conn: Connection, prints: dict[int, list[int]],
                   postings: dict[int, list[int]]) -> tuple[set[int], set[int], set[int]]:
    """(clusters to recompute, statements to load, settled clusters) around the unclustered
    statements (``prints``: their fingerprints, ``postings``: the statements stored under those).
    Of a settled cluster only the candidates are loaded, and not the clusters around it."""
    mine = set(prints)
    candidates = _candidates(conn, prints, postings)
    near = _clusters_of(conn, candidates | mine)
    settled = _settled(conn, near)
    around = near | _clusters_of(conn, _statements_in(conn, near - settled))
    settled |= _settled(conn, around - near)
    movable = around - settled
    return movable, _statements_in(conn, movable) | mine | _in_clusters(conn, candidates, settled), settled


def _cluster_chunk(conn: Connection, todo: list[Member]) -> None:
    split = {m.id: split_passages(m.quote, m.kind) for m in todo}  # once: fingerprints and linking
    prints = {sid: passages_fingerprints(passages) for sid, passages in split.items()}
    postings = _postings(conn, (b for bs in prints.values() for b in bs))
    insert_bands(conn, _band_rows(prints), postings)
    movable, load, settled = _neighbourhood(conn, prints, postings)
    fresh = {m.id for m in todo}
    members = todo + _members_by_id(conn, load - fresh)
    given = stored_pieces(conn, [m for m in members if m.id not in fresh], movable, settled)
    groups = link_pieces(pieces_of(members, given, split))
    _write(conn, members, fresh, movable, groups, given)


def _write(conn: Connection, members: list[Member], fresh: set[int], movable: set[int],
           groups: list[QuoteGroup], given: dict[int, list[Piece]]) -> None:
    """Replace the recomputed clusters and passages, in the open transaction."""
    ids = sorted(m.id for m in members)
    for part in _chunks(ids):
        # the fresh statements' passages were made again; the others' that were recomputed too
        conn.execute(sa.delete(p).where(p.c.statement_id.in_([i for i in part if i in fresh])))
        conn.execute(sa.delete(p).where(p.c.statement_id.in_(part), sa.or_(p.c.cluster_id.is_(None),
                                                                             p.c.cluster_id.in_(sorted(movable)))))
    for part in _chunks(sorted(movable)):
        conn.execute(sa.delete(quote_clusters).where(quote_clusters.c.id.in_(part)))
    rows = [
        {"statement_id": piece.member.id, "char_start": piece.passage.start, "char_end": piece.passage.end,
         "boundary": piece.passage.boundary, "cluster_id": g.id}
        for g in groups for piece in g.pieces
    ]  # fmt: skip
    for part in _chunks(rows, 5000):
        conn.execute(sa.insert(p), part)
    for part in _chunks([cluster_row(g) for g in groups if not g.settled], 2000):
        conn.execute(sa.insert(quote_clusters), part)
    joined = sorted({g.id for g in groups if g.settled})
    for cid in joined:  # a settled quote's row, made again from its stored reports
        conn.execute(sa.update(quote_clusters).where(quote_clusters.c.id == cid).values(
            {k: v for k, v in _stored_row(conn, cid).items() if k != "id"}))
    fixed = [piece for pieces in given.values() for piece in pieces if piece.fixed is not None]
    changes = [{"sid": sid, "cid": cid} for sid, cid in main_clusters(groups, fixed).items()]
    for part in _chunks(changes, 5000):
        conn.execute(sa.update(s).where(s.c.id == sa.bindparam("sid")).values(cluster_id=sa.bindparam("cid")), part)


def _stored_row(conn: Connection, cluster_id: int) -> dict[str, Any]:
    """The quote_clusters row of a stored cluster, from its stored reports and passages."""
    reports = sa.select(p.c.statement_id).where(p.c.cluster_id == cluster_id)
    members = sorted(load_members(conn, s.c.id.in_(reports)), key=lambda m: m.order)
    first = members[0]
    q = sa.select(p.c.char_start, p.c.char_end, p.c.boundary, p.c.cluster_id).where(p.c.statement_id == first.id)
    spans = word_spans(first.quote)
    pieces = []
    for seq, (start, end, boundary, cid) in enumerate(conn.execute(q.order_by(p.c.char_start))):
        if cid == cluster_id:
            pieces.append(Piece(first, passage_at(first.quote, start, end, boundary, spans), seq=seq))
    return quote_row(cluster_id, members, report_text(first, pieces))


# --- another translation ------------------------------------------------------------------------


def _close_in_time(x: Member, y: Member) -> bool:
    dx, dy = x.day, y.day
    return dx is not None and dy is not None and abs((dx - dy).days) <= TRANSLATION_DAYS


def translations_of(conn: Connection, cluster_ids: list[int]) -> list[list[dict[str, Any]]]:
    """For each cluster, the clusters that are probably the same words in another translation:
    a passage of one is another wording of a passage of the other (``passages.relation``), by a
    speaker who can be the same, reported within TRANSLATION_DAYS; most outlets first.  Found
    when asked, so they are never stale; they are never merged."""
    if not cluster_ids:
        return []
    placed: dict[int, list[tuple[int, int, int]]] = {}  # statement → (start, end, cluster)
    for part in _chunks(sorted(set(cluster_ids))):
        q = sa.select(p.c.statement_id, p.c.char_start, p.c.char_end, p.c.cluster_id).where(p.c.cluster_id.in_(part))
        for sid, start, end, cid in conn.execute(q):
            placed.setdefault(sid, []).append((start, end, cid))
    mine = _placed_pieces(_members_by_id(conn, placed), placed)
    # by wording: a widely reported quote's thousands of passages are a few wordings (each
    # wording, speaker and day once: what a translation link reads of a passage)
    mine = list({(x.words, x.passage.gaps, x.member.who, x.member.day, cid): (x, cid) for x, cid in mine}.values())
    prints: dict[tuple[str, ...], list[int]] = {}
    for x, _ in mine:
        if x.words not in prints:
            prints[x.words] = fingerprints(x.words)
    postings: dict[int, list[int]] = {}
    for part in _chunks(sorted({b for bs in prints.values() for b in bs})):
        q = sa.select(quote_bands.c.bucket, quote_bands.c.statement_id).where(quote_bands.c.bucket.in_(part))
        for bucket, sid in conn.execute(q):
            postings.setdefault(bucket, []).append(sid)
    wanted = {words: Counter(sid for b in bs for sid in postings.get(b, ())) for words, bs in prints.items()}
    others: dict[int, list[tuple[int, int, int]]] = {}
    for part in _chunks(sorted({sid for counts in wanted.values() for sid in counts})):
        q = sa.select(p.c.statement_id, p.c.char_start, p.c.char_end, p.c.cluster_id).where(
            p.c.statement_id.in_(part), p.c.cluster_id.is_not(None))
        for sid, start, end, cid in conn.execute(q):
            others.setdefault(sid, []).append((start, end, cid))
    theirs: dict[int, list[tuple[Piece, int]]] = {}
    for y, cid in _placed_pieces(_members_by_id(conn, others), others):
        theirs.setdefault(y.member.id, []).append((y, cid))
    top = {words: [sid for sid, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_CANDIDATES]]
           for words, counts in wanted.items()}
    related: dict[tuple[Any, ...], bool] = {}  # (the two passages' words and gaps) -> another translation
    linked: dict[int, set[int]] = {}
    for x, cid in mine:
        for sid in top[x.words]:
            for y, other in theirs.get(sid, []):
                if other != cid and other not in linked.get(cid, set()) and _translation(x, y, related):
                    linked.setdefault(cid, set()).add(other)
    rows = {}
    for part in _chunks(sorted({o for os in linked.values() for o in os})):
        q = sa.select(quote_clusters.c.id, quote_clusters.c.quote_text, quote_clusters.c.speaker_name,
                      quote_clusters.c.n_outlets, quote_clusters.c.n_reports, quote_clusters.c.first_date)
        rows.update((r.id, dict(r._mapping)) for r in conn.execute(q.where(quote_clusters.c.id.in_(part))))
    return [sorted((rows[o] for o in linked.get(cid, ()) if o in rows), key=lambda r: (-r["n_outlets"], r["id"]))
            for cid in cluster_ids]


def _translation(x: Piece, y: Piece, related: dict[tuple[Any, ...], bool]) -> bool:
    if not (compatible(x.member.who, y.member.who) and _close_in_time(x.member, y.member)):
        return False
    key = (x.words, x.passage.gaps, y.words, y.passage.gaps)  # what ``relation`` reads of them
    if key not in related:
        related[key] = relation(x.passage, y.passage) == "translation"
    return related[key]


def _placed_pieces(members: list[Member], placed: dict[int, list[tuple[int, int, int]]]) -> list[tuple[Piece, int]]:
    out = []
    # the thousands of reports of a widely quoted remark are a few wordings: each passage of
    # each wording is read once (a Passage is frozen, so its reports share it)
    read: dict[tuple[str, int, int], Passage] = {}
    for m in members:
        spans = None
        for start, end, cid in placed[m.id]:
            passage = read.get((m.quote, start, end))
            if passage is None:
                spans = spans if spans is not None else word_spans(m.quote)
                passage = read[(m.quote, start, end)] = passage_at(m.quote, start, end, "start", spans)
            out.append((Piece(m, passage), cid))
    return out


# --- entry points --------------------------------------------------------------------------------


def unlink_statements(conn: Connection, article_id: int) -> None:
    """Before an article's statements are deleted: drop their fingerprints, and dissolve the
    clusters they were in (the other reports become unclustered and are clustered again, since
    the statement that left may have been the first report, or the link between two halves)."""
    old = conn.execute(sa.select(s.c.id, s.c.quote_text, s.c.kind).where(s.c.article_id == article_id)).all()
    _delete_bands(conn, band_rows(old))
    touched = sorted(_clusters_of(conn, (sid for sid, _, _ in old)))
    others = sorted(_statements_in(conn, touched))
    for part in _chunks(others):
        conn.execute(sa.update(s).where(s.c.id.in_(part)).values(cluster_id=None))
    for part in _chunks(touched):
        conn.execute(sa.delete(quote_clusters).where(quote_clusters.c.id.in_(part)))


def needs_clustering(conn: Connection) -> bool:
    q = sa.select(s.c.id).where(s.c.cluster_id.is_(None)).limit(1)
    return conn.execute(q).first() is not None


def _reset(conn: Connection) -> None:
    for table in (quote_passages, quote_clusters, quote_bands):
        conn.execute(sa.delete(table))
    conn.execute(sa.update(s).values(cluster_id=None))


def recluster(engine: Engine, full: bool = False) -> int | None:
    """Cluster the statements that have no cluster yet (``full``: every statement, from
    scratch, fingerprints included), in one transaction.  Returns the number of clusters then
    stored, or None when there was nothing to do."""
    with db.writing(engine) as conn:
        if conn.dialect.name == "postgresql":
            # two ingests finishing at once must not cluster the same statements twice
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": _LOCK})
        if full:
            _reset(conn)
        elif not needs_clustering(conn):
            return None
        last = 0
        while todo := load_members(conn, sa.and_(s.c.cluster_id.is_(None), s.c.id > last), limit=CHUNK):
            _cluster_chunk(conn, todo)
            last = todo[-1].id
        return conn.execute(sa.select(sa.func.count()).select_from(quote_clusters)).scalar_one()
