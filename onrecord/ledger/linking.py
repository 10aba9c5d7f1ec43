"""Same words, many outlets: the reports of one quote found across articles, in memory.

Input: statements (``Member``), each split into passages (``passages.split_passages``).  Output:
quote clusters (``QuoteGroup``), each a set of passages; a statement belongs to every cluster one of
its passages is in.  Four steps:

1. **Candidates.**  Passages sharing a fingerprint (``passages.fingerprints``) are candidates; each
   fingerprint keeps at most ``CAP`` passages, and each passage looks at its ``MAX_CANDIDATES``
   best, so the work per passage is bounded however large the ledger grows.
2. **Refining.**  Where one report prints two sentences ("…elsewhere. And we will…") that another
   runs into one ("…elsewhere, and we will…"), the long sentence is cut between them: they are two
   quotes that happen to be printed together, not one.
3. **Linking.**  A passage contained in another, in order, is the same words (``passages.relation``)
   and joins its *atom* — if the speakers can be one speaker (``quote_speakers``).  Speakers that
   conflict are linked only when the passage is long enough to be nobody else's words and the
   reports are from the same days (an attribution conflict, kept visible on the cluster).  A
   short passage (fewer than ``DISTINCT_MIN_TOKENS`` words or ``DISTINCT_MIN_CONTENT`` content
   words: "At the same time", "We don't know") is the speaker's habit as often as a report of one
   remark, and an indirect statement's words are the reporter's, so these link only reports of
   the same days.  Two atoms are joined only when their longest passages are one quote — the same
   words, or two trims of one sentence that overlap (``BRIDGE``) — never by a short report whose
   words two different quotes hold, nor when they are another translation of each other: a
   translation is shown apart, never merged.
4. **Gluing.**  Consecutive atoms of one report are one quote unless some report starts or ends
   between them: an outlet that quotes only the first sentence shows where a quote ends.  So the
   three sentences every outlet prints together stay one quote, and a quote that one outlet runs
   into the next remark is still two.

Clusters and passages get stable ids: a cluster's id is that of its first passage in storage
order, ``statement id * 2**20 + start``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher
from functools import cached_property

from onrecord.ledger.passages import LONG_PASSAGE, Passage, contained_at, passage_at, relation, split_passages
from onrecord.ledger.quote_speakers import Who, all_compatible, compatible, who

CAP = 32  # passages kept per fingerprint (the rest of a very common phrase's passages are not)
MAX_CANDIDATES = 40  # candidates a passage is compared with, most fingerprints shared first
MIN_SHARED = 2  # fingerprints a candidate shares (or all of a passage that has fewer)
TRIES = 3  # passages of one atom compared with a passage at most
# a passage this long, with this many content words, is nobody else's words nor a phrase the
# speaker says every week: shorter ones (and an attribution conflict) link only reports this close
# in time.  On the corpus and PolNeAR such phrases recur in one speaker's statements weeks apart:
# "At the same time", "We don't know" (4 words), "I am grateful to you", "As president, I will not
# be neutral" (7 words, 2 content words); a remark's reports by many outlets are of one to three
# days.  Three content words keep "What difference at this point does it make?" one quote months
# apart (as it keeps "We're going to build a wall", said again and again in the same words)
DISTINCT_MIN_TOKENS = 7
DISTINCT_MIN_CONTENT = 3
SAME_DAYS = 3
# two atoms' longest passages that share, in order, at least this share of the shorter one's
# words are two trims of one sentence ("… pivot our trade relationships" / "pivot our trade
# relationships elsewhere, and …"); less ("at the same time" in two remarks) is two quotes
BRIDGE = 0.5
_START_BITS = 20  # a passage starts within its quote before 2**20 characters (ids stay below 2**52)


def passage_key(statement_id: int, start: int) -> int:
    """The stable id of a passage: its statement and where it starts in the quote."""
    return (statement_id << _START_BITS) + min(start, (1 << _START_BITS) - 1)


@dataclass(eq=False)
class Member:
    """A statement as clustering sees it."""

    id: int
    article_id: int
    speaker_id: str | None
    speaker_name: str
    speaker_type: str
    quote: str
    kind: str = "direct"
    outlet: str | None = None
    date: str | None = None
    published: str | None = None
    said_on: str | None = None
    venue: str | None = None
    said_on_assumed: bool | None = None  # the article's date taken, no time stated for the words
    speaker_members: tuple[str, ...] = ()
    cluster_id: int | None = None  # the stored main cluster, if any
    _who: Who | None = field(default=None, repr=False)

    @property
    def who(self) -> Who:
        if self._who is None:
            self._who = who(self.speaker_id, self.speaker_name, self.speaker_type, self.speaker_members)
        return self._who

    @property
    def order(self) -> tuple[str, int, int]:
        """First report first: by publication time; a report with only a date counts as late in
        that day, since one with a time is known to be at least that early."""
        when = self.published or (self.date + "T24:00" if self.date else "9999")
        return (when, self.article_id, self.id)

    @cached_property
    def day(self) -> date | None:
        text = self.said_on or self.date
        try:
            return date.fromisoformat(text[:10]) if text else None
        except ValueError:
            return None


@dataclass(eq=False)
class Piece:
    """A passage of a member; ``fixed`` is the stored cluster of a passage that is context only
    (its cluster is outside what is being clustered).  A ``settled`` one is a passage of a quote
    too widely reported to be clustered again (``clusters.SETTLED``): new passages may join its
    cluster, which keeps its id and its other passages."""

    member: Member
    passage: Passage
    seq: int = 0
    fixed: int | None = None
    settled: bool = False

    @property
    def key(self) -> int:
        return passage_key(self.member.id, self.passage.start)

    @property
    def words(self) -> tuple[str, ...]:
        return self.passage.words


@dataclass
class QuoteGroup:
    """One quote: its passages, first report first."""

    id: int
    pieces: list[Piece]
    settled: bool = False  # new passages of the stored, settled cluster ``id`` (its others not here)

    def reports(self) -> list[tuple[Member, list[Piece]]]:
        """Each reporting statement with its passages in this quote, first report first."""
        by_member: dict[int, tuple[Member, list[Piece]]] = {}
        for p in self.pieces:
            by_member.setdefault(p.member.id, (p.member, []))[1].append(p)
        return sorted(by_member.values(), key=lambda mp: mp[0].order)

    @property
    def members(self) -> list[Member]:
        return [m for m, _ in self.reports()]


# --- candidates ----------------------------------------------------------------------------------


class _Index:
    """Fingerprint → passages (at most CAP each), and each passage's ranked candidates."""

    def __init__(self, pieces: list[Piece]) -> None:
        self.prints = [p.passage.prints if p.fixed is None or p.settled else frozenset() for p in pieces]
        self.found: dict[int, list[int]] = {}  # candidates asked for already (refining, then linking)
        self.postings: dict[int, list[int]] = {}
        for i, prints in enumerate(self.prints):
            for f in prints:
                posting = self.postings.setdefault(f, [])
                if len(posting) < CAP:
                    posting.append(i)

    def candidates(self, i: int) -> list[int]:
        """Passages sharing fingerprints with passage ``i``, most first: two fingerprints at
        least, or all of the smaller one's (one phrase in common makes no candidate)."""
        if i not in self.found:
            self.found[i] = self._candidates(i)
        return self.found[i]

    def _candidates(self, i: int) -> list[int]:
        shared: Counter[int] = Counter()
        for f in self.prints[i]:
            shared.update(self.postings.get(f, ()))
        shared.pop(i, None)
        need = min(MIN_SHARED, len(self.prints[i]))
        found = [(j, n) for j, n in shared.items() if n >= min(need, len(self.prints[j]))]
        return [j for j, _ in sorted(found, key=lambda x: (-x[1], x[0]))[:MAX_CANDIDATES]]


def same_days(a: Piece, b: Piece) -> bool:
    """Whether two passages' reports are of the same days (SAME_DAYS); an unknown day is not."""
    da, db = a.member.day, b.member.day
    return da is not None and db is not None and abs((da - db).days) <= SAME_DAYS


def _distinct(p: Piece) -> bool:
    if p.member.kind == "indirect":
        return False  # the reporter's words: a paraphrase shares stock phrases with other reports
    return len(p.words) >= DISTINCT_MIN_TOKENS and p.passage.content_words >= DISTINCT_MIN_CONTENT


def distinct(a: Piece, b: Piece) -> bool:
    """Whether both passages are long and full enough to be one remark's words alone (an indirect
    statement's never are: "a ban on Muslims entering the United States" is how every reporter
    writes it)."""
    return _distinct(a) and _distinct(b)


def conflict_allowed(a: Piece, b: Piece) -> bool:
    """Rule: two named speakers who cannot be one person share words only by an attribution error
    when the passage is long enough to be nobody else's words and the reports are of the same days."""
    return distinct(a, b) and same_days(a, b)


def may_link(a: Piece, b: Piece) -> bool:
    """Whether the speakers and days of two passages allow linking them (before the atoms'
    speakers count).  Short-words rule: a short passage links only reports of the same days."""
    long_enough, close = distinct(a, b), same_days(a, b)
    if not (long_enough or close):
        return False
    return compatible(a.member.who, b.member.who) or (long_enough and close)  # (conflict_allowed)


def one_quote(a: Passage, b: Passage) -> bool:
    """Bridge rule: whether two atoms' longest passages may be one quote — the same words, or
    sharing in order at least BRIDGE of the shorter's words — and are not another translation."""
    found = relation(a, b)
    if found is not None:
        return found == "same"
    short, long_ = sorted((a.words, b.words), key=len)
    if len(long_) > LONG_PASSAGE:
        return False  # (compared word for word: nothing shared short of that counts)
    shared = SequenceMatcher(None, short, long_, autojunk=False).get_matching_blocks()
    return sum(block.size for block in shared) >= BRIDGE * len(short)


# --- refining ------------------------------------------------------------------------------------


def _cuts(pieces: list[Piece], index: _Index) -> dict[int, set[int]]:
    """Word positions at which passages are cut: where a passage holds, one after the other, two
    consecutive sentences of another report."""
    cuts: dict[int, set[int]] = {}
    for i in range(len(pieces) - 1):
        q1, q2 = pieces[i], pieces[i + 1]
        if q1.member is not q2.member or q2.passage.boundary != "sent" or not index.prints[i + 1]:
            continue
        for j in set(index.candidates(i)) & set(index.candidates(i + 1)):
            p = pieces[j]
            if p.member is q1.member or p.fixed is not None or not (may_link(q1, p) and may_link(q2, p)):
                continue
            first, second = contained_at(q1.passage, p.passage), contained_at(q2.passage, p.passage)
            if first and second and first[1] <= second[0]:
                cuts.setdefault(j, set()).add(second[0])
    return cuts


def refine(pieces: list[Piece], index: _Index | None = None) -> list[Piece]:
    """The passages with the cuts of ``_cuts`` made (each member's pieces stay in order;
    ``index``: the pieces' ``_Index``, if at hand)."""
    cuts = _cuts(pieces, index if index is not None else _Index(pieces))
    out: list[Piece] = []
    for j, p in enumerate(pieces):
        rest = p.passage
        for at in sorted(cuts.get(j, ()), reverse=True):
            if 0 < at < len(rest.words):
                rest, tail = rest.cut(at)
                out.append(Piece(p.member, tail, fixed=None))
        out.append(Piece(p.member, rest, fixed=p.fixed, settled=p.settled))
    out.sort(key=lambda p: (p.member.id, p.passage.start))
    return out


# --- linking -------------------------------------------------------------------------------------


class _Atoms:
    """Union-find over passages; each root knows the named speakers of its atom and its longest
    passage."""

    def __init__(self, pieces: list[Piece]) -> None:
        self.parent = list(range(len(pieces)))
        self.named: dict[int, list[Who]] = {
            i: [p.member.who] for i, p in enumerate(pieces) if p.member.who.named
        }
        self.longest = list(range(len(pieces)))
        # the settled cluster an atom joins, if any: two settled quotes are never merged here
        self.quote: dict[int, int] = {i: p.fixed for i, p in enumerate(pieces) if p.settled and p.fixed is not None}

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, a: int, b: int, pieces: list[Piece]) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb or not _one_settled(self.quote.get(ra), self.quote.get(rb)):
            return
        left, right = self.named.get(ra, []), self.named.get(rb, [])
        if not (all_compatible(left, right) and compatible(pieces[a].member.who, pieces[b].member.who)):
            if not conflict_allowed(pieces[a], pieces[b]):
                return
        la, lb = pieces[self.longest[ra]], pieces[self.longest[rb]]
        if not one_quote(la.passage, lb.passage):
            # a short report contained in two remarks ("at the same time" in "ready to fight and at
            # the same time look for …" and "… and at the same time not to lose our territory") or
            # in two translations of one ("only if the root causes are eliminated" in "the hot
            # phase …" and "the hot stage …") does not merge them: they stay two quotes
            return
        keep, gone = min(ra, rb), max(ra, rb)
        self.parent[gone] = keep
        self.longest[keep] = max(self.longest[ra], self.longest[rb], key=lambda k: len(pieces[k].passage.words))
        merged = left + [w for w in right if w not in left]
        if merged:
            self.named[keep] = merged
        self.named.pop(gone, None)
        settled = self.quote.pop(gone, None)
        if settled is not None:
            self.quote[keep] = settled


def _one_settled(a: int | None, b: int | None) -> bool:
    """Whether two atoms (or quotes) that join settled clusters ``a`` and ``b`` may be one."""
    return a is None or b is None or a == b


def _link(pieces: list[Piece], index: _Index) -> _Atoms:
    atoms = _Atoms(pieces)
    for i, p in enumerate(pieces):
        if p.fixed is not None or not index.prints[i]:
            continue
        tried: Counter[int] = Counter()
        for j in index.candidates(i):
            q = pieces[j]
            ri, rj = atoms.find(i), atoms.find(j)
            if q.member is p.member or ri == rj or tried[rj] >= TRIES:
                continue
            tried[rj] += 1
            if relation(p.passage, q.passage) == "same" and may_link(p, q):
                atoms.join(i, j, pieces)
    return atoms


# --- gluing --------------------------------------------------------------------------------------


def _by_member(pieces: list[Piece]) -> Iterator[list[int]]:
    start = 0
    for i in range(1, len(pieces) + 1):
        if i == len(pieces) or pieces[i].member is not pieces[start].member:
            yield list(range(start, i))
            start = i


def _glue(pieces: list[Piece], atoms: _Atoms) -> dict[int, int]:
    """Passage index → its quote's representative: atoms glued where no report starts or ends."""
    atom = [atoms.find(i) if p.fixed is None or p.settled else -1 - p.fixed for i, p in enumerate(pieces)]
    starts, ends, pairs = set(), set(), set()
    for run in _by_member(pieces):
        starts.add(atom[run[0]])
        ends.add(atom[run[-1]])
        pairs.update((atom[x], atom[y]) for x, y in zip(run, run[1:], strict=False) if atom[x] != atom[y])
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    quote = dict(atoms.quote)  # a quote's settled cluster, by its representative
    for x, y in sorted(pairs):
        if x >= 0 and y >= 0 and x not in ends and y not in starts:
            rx, ry = find(x), find(y)
            if rx != ry and _one_settled(quote.get(rx), quote.get(ry)):
                keep, gone = min(rx, ry), max(rx, ry)
                parent[gone] = keep
                if gone in quote:
                    quote[keep] = quote.pop(gone)
    return {i: find(a) for i, a in enumerate(atom) if a >= 0}


# --- the whole -----------------------------------------------------------------------------------


def pieces_of(members: Iterable[Member], given: dict[int, list[Piece]] | None = None,
              split: dict[int, list[Passage]] | None = None) -> list[Piece]:
    """Every member's passages, in (member id, start) order: the stored ones where ``given``,
    else its quote split (``split``: the splits made already, by member id)."""
    out: list[Piece] = []
    for m in sorted(members, key=lambda m: m.id):
        if given and m.id in given:
            out += sorted(given[m.id], key=lambda p: p.passage.start)
        else:
            found = split[m.id] if split and m.id in split else split_passages(m.quote, m.kind)
            # a quote with nothing to match (no words, or only the reporter's) is one passage, alone
            out += [Piece(m, p) for p in found or [passage_at(m.quote, 0, len(m.quote), "start")]]
    return out


def _same_passages(a: list[Piece], b: list[Piece]) -> bool:
    return len(a) == len(b) and all(x.passage is y.passage and x.fixed == y.fixed for x, y in zip(a, b, strict=True))


def link_pieces(pieces: list[Piece]) -> list[QuoteGroup]:
    """The quote clusters of passages (refined first); fixed passages are context only, settled
    ones give their cluster to the new passages that join them (and are not in the groups)."""
    index = _Index(pieces)
    refined = refine(pieces, index)
    if not _same_passages(refined, pieces):
        index = _Index(refined)  # passages were cut: the index of the old ones is of no use
    pieces = refined
    for run in _by_member(pieces):
        for seq, i in enumerate(run):
            pieces[i].seq = seq
    quote_of = _glue(pieces, _link(pieces, index))
    groups: dict[int, list[Piece]] = {}
    for i, rep in quote_of.items():
        groups.setdefault(rep, []).append(pieces[i])
    out = []
    for members in groups.values():
        new = [p for p in members if not p.settled]
        if not new:
            continue  # a settled quote that nothing joined
        new.sort(key=lambda p: (p.member.order, p.passage.start))
        joined = {p.fixed for p in members if p.settled}
        if joined:
            (settled,) = joined  # (never two: ``_one_settled``)
            out.append(QuoteGroup(settled, new, settled=True))  # type: ignore[arg-type]
        else:
            out.append(QuoteGroup(min(p.key for p in new), new))
    out.sort(key=lambda g: g.id)
    return out


def find_clusters(members: list[Member]) -> list[QuoteGroup]:
    """Cluster statements in memory, from scratch (stored cluster ids ignored)."""
    return link_pieces(pieces_of(members))
