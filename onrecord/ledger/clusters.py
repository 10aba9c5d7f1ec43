"""Same quote, many outlets: statements whose words are (nearly) the same and whose speakers
match become one quote cluster.

Each statement gets a MinHash signature of the word bigrams of its normalised quote (datasketch)
when it is stored, and its LSH buckets (21 bands of 3 hash values) go to the ``quote_bands``
table.  Statements sharing a bucket are candidates; each candidate pair is then checked exactly,
in word order, so quotes that merely share vocabulary are not merged.

Clustering is incremental: statements without a cluster (new ones, and the remaining members
of a cluster that lost a report when an article changed) are looked up in the buckets, and only
they, their candidates and the clusters those belong to are rewritten.  A run's cost therefore
grows with what it added, and a full rebuild (``recluster(full=True)``) with the number of
statements: about linear, never pairwise.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import struct
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

import numpy as np
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from onrecord.ledger import db
from onrecord.ledger.schema import articles, quote_bands, quote_clusters, statements

NUM_PERM = 64
# 21 bands of 3 rows: a pair with bigram Jaccard 0.5 is a candidate with p = 0.94, one with 0.2
# (unrelated quotes sharing a few phrases) with p = 0.16; the exact check sorts them out
BANDS, ROWS = 21, 3
SCHEME = "affine32"  # pinned: signatures are stored, so they must not change with datasketch
SEED = 1
# shorter quotes ("No.", "We will see") are said by everyone all the time: never clustered
MIN_TOKENS = 4
# the exact check: the words in common, in order, must cover most of the shorter quote and
# a good part of the longer one (so a report that trims the ends still matches)
MIN_COVER_SHORT = 0.8
MIN_COVER_LONG = 0.6
_CHUNK = 400  # statements per bucket lookup (21 buckets each: well under SQL parameter limits)
TRIES = 3  # members of one existing cluster compared with a new statement at most

_BRACKETS = re.compile(r"\[[^\]]*\]")  # editorial insertions: "[the]", "[Ukraine]", "[...]"
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "′": "'"})
_WORD = re.compile(r"\w+(?:'\w+)*")


def quote_tokens(text: str) -> list[str]:
    """The words of a quote, as compared: case, quote marks, ellipses, punctuation and bracketed
    editorial insertions do not count."""
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).lower()
    return _WORD.findall(_BRACKETS.sub(" ", text))


def _hash32(data: bytes) -> int:
    return struct.unpack("<I", hashlib.sha1(data).digest()[:4])[0]


def _shingles(tokens: list[str]) -> list[bytes]:
    return [f"{a} {b}".encode() for a, b in zip(tokens, tokens[1:], strict=False)]


def signatures(texts: Iterable[str]) -> list[bytes | None]:
    """MinHash signatures of quotes (None for one too short to cluster), as stored."""
    from datasketch import MinHash

    texts = list(texts)
    out: list[bytes | None] = [None] * len(texts)
    todo = [(i, _shingles(t)) for i, t in enumerate(map(quote_tokens, texts)) if len(t) >= MIN_TOKENS]
    if todo:
        hashes = MinHash.bulk(
            [s for _, s in todo], num_perm=NUM_PERM, seed=SEED, hashfunc=_hash32, scheme=SCHEME
        )
        for (i, _), m in zip(todo, hashes, strict=True):
            out[i] = np.asarray(m.hashvalues, dtype="<u4").tobytes()
    return out


def buckets(signature: bytes | None) -> list[int]:
    """The LSH buckets of a signature: one signed 32-bit key per band (the band number is part
    of the key, so equal values in different bands do not meet)."""
    if signature is None:
        return []
    values = np.frombuffer(signature, dtype="<u4")
    keys = set()
    for band in range(BANDS):
        chunk = values[band * ROWS : (band + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(bytes([band]) + chunk, digest_size=4).digest()
        keys.add(int.from_bytes(digest, "little", signed=True))
    return sorted(keys)


def same_words(a: list[str], b: list[str]) -> bool:
    """Whether two token lists are the same quote, allowing trimmed ends and small changes."""
    if not a or not b:
        return False
    short, long_ = sorted((len(a), len(b)))
    if short < MIN_TOKENS:
        return False
    matched = sum(m.size for m in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())
    return matched >= MIN_COVER_SHORT * short and matched >= MIN_COVER_LONG * long_


def _fold(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()


def _surname(name: str) -> str:
    words = re.findall(r"[a-z]+", _fold(name))
    return words[-1] if words else ""


@dataclass
class Member:
    """A statement as clustering sees it."""

    id: int
    article_id: int
    speaker_id: str | None
    speaker_name: str
    speaker_type: str
    quote: str
    minhash: bytes | None
    cluster_id: int | None
    outlet: str | None
    date: str | None
    published: str | None
    _tokens: list[str] | None = field(default=None, repr=False, compare=False)

    @property
    def tokens(self) -> list[str]:
        if self._tokens is None:
            self._tokens = quote_tokens(self.quote)
        return self._tokens

    @property
    def order(self) -> tuple[str, int, int]:
        # earliest report first; a report with only a date counts as late in that day, since
        # one with a time is known to be at least that early
        when = self.published or (self.date + "T24:00" if self.date else "9999")
        return (when, self.article_id, self.id)


def speakers_match(a: Member, b: Member) -> bool:
    """Same speaker id; or, for people before the registry merges their ids, the same surname
    up to transliteration ("Zelensky", "Volodymyr Zelenskyy").  Unattributed never matches."""
    if a.speaker_id is None or b.speaker_id is None:
        return False
    if a.speaker_id == b.speaker_id:
        return True
    if a.speaker_type != "person" or b.speaker_type != "person":
        return False
    sa_, sb = _surname(a.speaker_name), _surname(b.speaker_name)
    if not sa_ or not sb:
        return False
    return sa_ == sb or (min(len(sa_), len(sb)) >= 5 and SequenceMatcher(None, sa_, sb).ratio() >= 0.85)


def same_quote(a: Member, b: Member) -> bool:
    return speakers_match(a, b) and same_words(a.tokens, b.tokens)


# --- linking ---------------------------------------------------------------------------------

Node = tuple[str, int]  # ("s", statement id) for an unclustered statement, ("c", cluster id)


class _Links:
    """Union-find over statements and existing clusters."""

    def __init__(self) -> None:
        self.parent: dict[Node, Node] = {}

    def find(self, x: Node) -> Node:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: Node, b: Node) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _node(m: Member) -> Node:
    return ("c", m.cluster_id) if m.cluster_id is not None else ("s", m.id)


def _index(members: Iterable[Member]) -> dict[int, list[int]]:
    index: dict[int, list[int]] = {}
    for m in members:
        for b in buckets(m.minhash):
            index.setdefault(b, []).append(m.id)
    return index


def _ranked(d: Member, index: dict[int, list[int]]) -> list[int]:
    """Candidates of ``d``, each once, most shared buckets (most similar) first."""
    shared: Counter[int] = Counter()
    for b in buckets(d.minhash):
        shared.update(index.get(b, ()))
    shared.pop(d.id, None)
    return [sid for sid, _ in sorted(shared.items(), key=lambda x: (-x[1], x[0]))]


def _link(links: _Links, d: Member, candidates: Iterable[Member]) -> None:
    """Link ``d`` with every cluster or statement among its candidates (best first) that is the
    same quote.  Candidates already linked with ``d`` are skipped, so a quote reported k times
    costs k cheap look-ups, not k exact comparisons; at most TRIES members of one existing
    cluster are compared, the most similar ones."""
    me = ("s", d.id)
    tried: Counter[Node] = Counter()
    for c in candidates:
        node = _node(c)
        if links.find(me) == links.find(node) or tried[node] >= TRIES:
            continue
        tried[node] += 1
        if same_quote(d, c):
            links.union(me, node)
    links.find(me)


def find_clusters(members: list[Member]) -> list[list[Member]]:
    """Cluster statements in memory (every member in exactly one cluster; existing cluster ids
    ignored), each sorted first report first, clusters by their smallest statement id."""
    fresh = [dataclasses.replace(m, cluster_id=None) for m in members]
    return [group for _, group in _components(_link_all(fresh), fresh, {})]


def _link_all(members: list[Member]) -> _Links:
    index, known, links = _index(members), {m.id: m for m in members}, _Links()
    for d in members:
        _link(links, d, (known[sid] for sid in _ranked(d, index)))
    return links


def _components(
    links: _Links, todo: list[Member], by_cluster: dict[int, list[Member]]
) -> list[tuple[list[int], list[Member]]]:
    """Each component's existing clusters and its members, first report first; components in
    order of their smallest statement id."""
    nodes: dict[Node, list[Node]] = {}
    for node in list(links.parent):
        nodes.setdefault(links.find(node), []).append(node)
    by_id = {m.id: m for m in todo}
    out = []
    for group_nodes in nodes.values():
        olds = [x for kind, x in group_nodes if kind == "c"]
        group = [by_id[x] for kind, x in group_nodes if kind == "s"]
        group += [m for x in olds for m in by_cluster.get(x, [])]
        group.sort(key=lambda m: m.order)
        out.append((olds, group))
    out.sort(key=lambda og: min(m.id for m in og[1]))
    return out


def cluster_row(group: list[Member]) -> dict[str, Any]:
    """The quote_clusters row of a group sorted first report first."""
    first = group[0]
    outlets: list[str] = []
    for m in group:
        if m.outlet and m.outlet not in outlets:
            outlets.append(m.outlet)
    dates = [m.date for m in group if m.date]
    return {
        "id": min(m.id for m in group),
        "speaker_id": first.speaker_id,
        "speaker_name": first.speaker_name,
        "quote_text": first.quote,
        "first_statement_id": first.id,
        "first_article_id": first.article_id,
        "first_date": first.date,
        "first_published": first.published,
        "last_date": max(dates) if dates else None,
        "n_reports": len({m.article_id for m in group}),
        "n_outlets": len(outlets),
        "outlets": outlets,
    }


# --- the stored clusters ---------------------------------------------------------------------


def _chunks(items: list[Any], size: int = _CHUNK) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _member_query() -> sa.Select[Any]:
    s, a = statements, articles
    return sa.select(
        s.c.id, s.c.article_id, s.c.speaker_id, s.c.speaker_name, s.c.speaker_type, s.c.quote_text,
        s.c.minhash, s.c.cluster_id, a.c.outlet, a.c.date, a.c.published,
    ).select_from(s.join(a, a.c.id == s.c.article_id))  # fmt: skip


def load_members(conn: Connection, where: sa.ColumnElement[bool]) -> list[Member]:
    # streamed; the option goes on the statement, since on the connection it would stay set
    q = _member_query().where(where).order_by(statements.c.id).execution_options(yield_per=20_000)
    return [Member(*row) for row in conn.execute(q)]


def band_rows(ids_and_signatures: Iterable[tuple[int, bytes | None]]) -> list[dict[str, int]]:
    """quote_bands rows for statements (id, signature)."""
    return [{"bucket": b, "statement_id": sid} for sid, sig in ids_and_signatures for b in buckets(sig)]


def unlink_statements(conn: Connection, article_id: int) -> None:
    """Before an article's statements are deleted: drop their buckets, and dissolve the clusters
    they were in (the other members become unclustered and are clustered again, since the
    statement that left may have been the first report, or the link between two halves)."""
    s = statements
    old = conn.execute(
        sa.select(s.c.id, s.c.minhash, s.c.cluster_id).where(s.c.article_id == article_id)
    ).all()
    rows = band_rows((sid, sig) for sid, sig, _ in old)
    if rows:
        conn.execute(
            sa.delete(quote_bands).where(
                quote_bands.c.bucket == sa.bindparam("b"), quote_bands.c.statement_id == sa.bindparam("s")
            ),
            [{"b": r["bucket"], "s": r["statement_id"]} for r in rows],
        )
    touched = sorted({cid for _, _, cid in old if cid is not None})
    for chunk in _chunks(touched):
        conn.execute(sa.update(s).where(s.c.cluster_id.in_(chunk)).values(cluster_id=None))
        conn.execute(sa.delete(quote_clusters).where(quote_clusters.c.id.in_(chunk)))


def needs_clustering(conn: Connection) -> bool:
    q = sa.select(statements.c.id).where(statements.c.cluster_id.is_(None)).limit(1)
    return conn.execute(q).first() is not None


def recluster(engine: Engine, full: bool = False) -> int | None:
    """Cluster the statements that have no cluster yet (``full``: every statement, from
    scratch), in one transaction.  Returns the number of clusters then stored, or None when
    there was nothing to do."""
    with db.writing(engine) as conn:
        if full:
            members = load_members(conn, sa.true())
            links = _link_all([dataclasses.replace(m, cluster_id=None) for m in members])
            conn.execute(sa.delete(quote_clusters))
            # members keep their old cluster ids: only the statements whose cluster changed are updated
            _write(conn, _components(links, members, {}))
        elif needs_clustering(conn):
            todo = load_members(conn, statements.c.cluster_id.is_(None))
            links, by_cluster = _link_new(conn, todo)
            _write(conn, _components(links, todo, by_cluster))
        else:
            return None
        return conn.execute(sa.select(sa.func.count()).select_from(quote_clusters)).scalar_one()


def _link_new(conn: Connection, todo: list[Member]) -> tuple[_Links, dict[int, list[Member]]]:
    """Link unclustered statements with their candidates in the stored buckets; only the few
    candidates that get compared are read in full.  Returns the links and the members of the
    existing clusters linked."""
    s = statements
    known = {m.id: m for m in todo}
    links = _Links()
    for chunk in _chunks(todo):
        index: dict[int, list[int]] = {}
        keys = sorted({b for m in chunk for b in buckets(m.minhash)})
        for part in _chunks(keys, 5000):
            q = sa.select(quote_bands.c.bucket, quote_bands.c.statement_id).where(
                quote_bands.c.bucket.in_(part)
            )
            for b, sid in conn.execute(q):
                index.setdefault(b, []).append(sid)
        ranked = {d.id: _ranked(d, index) for d in chunk}
        # which cluster each candidate is in; an unclustered one that is not ours was stored by
        # a concurrent ingest since we looked, and the next run clusters it
        cluster_of: dict[int, int] = {}
        unknown = sorted({sid for r in ranked.values() for sid in r} - known.keys())
        for part in _chunks(unknown, 5000):
            q = sa.select(s.c.id, s.c.cluster_id).where(s.c.id.in_(part), s.c.cluster_id.is_not(None))
            cluster_of.update(conn.execute(q).all())
        for d in chunk:
            per_cluster: Counter[int] = Counter()
            keep = []
            for sid in ranked[d.id]:
                if sid in known:
                    keep.append(sid)
                elif sid in cluster_of and per_cluster[cluster_of[sid]] < TRIES:
                    per_cluster[cluster_of[sid]] += 1
                    keep.append(sid)
            ranked[d.id] = keep
        wanted = sorted({sid for r in ranked.values() for sid in r} - known.keys())
        for part in _chunks(wanted, 5000):
            known.update((m.id, m) for m in load_members(conn, s.c.id.in_(part)))
        for d in chunk:
            _link(links, d, (known[sid] for sid in ranked[d.id] if sid in known))
    involved = sorted({x for kind, x in links.parent if kind == "c"})
    by_cluster: dict[int, list[Member]] = {}
    for part in _chunks(involved, 5000):
        for m in load_members(conn, s.c.cluster_id.in_(part)):
            by_cluster.setdefault(m.cluster_id, []).append(m)  # type: ignore[arg-type]
    return links, by_cluster


def _write(conn: Connection, components: list[tuple[list[int], list[Member]]]) -> None:
    """Replace the components' old clusters with their new ones, in the open transaction."""
    rows, changes, olds = [], [], []
    for old, group in components:
        row = cluster_row(group)
        rows.append(row)
        olds += old
        changes += [{"sid": m.id, "cid": row["id"]} for m in group if m.cluster_id != row["id"]]
    for part in _chunks(sorted(olds), 5000):
        conn.execute(sa.delete(quote_clusters).where(quote_clusters.c.id.in_(part)))
    for part in _chunks(rows, 5000):
        conn.execute(sa.insert(quote_clusters), part)
    if changes:
        conn.execute(
            sa.update(statements)
            .where(statements.c.id == sa.bindparam("sid"))
            .values(cluster_id=sa.bindparam("cid")),
            changes,
        )
