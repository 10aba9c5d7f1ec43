"""What the ledger stores and shows of a quote cluster: its row (first report, outlets, when and
where the words were said, who the reports name), each report's words, and each statement's
main cluster."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from onrecord.ledger.quote_speakers import compatible
from onrecord.ledger.report_words import passages_text

if TYPE_CHECKING:
    from onrecord.ledger.linking import Member, Piece, QuoteGroup


def report_text(member: Member, pieces: list[Piece]) -> str:
    """A report's words in one cluster (its pieces, in order)."""
    ordered = sorted(pieces, key=lambda x: x.passage.start)
    return passages_text(member.quote, (
        (x.passage.start, x.passage.end, i > 0 and x.seq == ordered[i - 1].seq + 1) for i, x in enumerate(ordered)
    ))


def attributions(members: list[Member]) -> list[dict[str, Any]]:
    """Every speaker the reports name, one entry per speaker (names that can be one person are
    one), most reports first, then the first named first; unnamed reports count for none."""
    found: list[tuple[Member, list[Member]]] = []
    for m in members:
        if not m.who.named:
            continue
        for head, same in found:
            if compatible(head.who, m.who):
                same.append(m)
                break
        else:
            found.append((m, [m]))
    out = []
    for head, same in sorted(found, key=lambda hs: -len(hs[1])):  # stable: the first named first on ties
        names = Counter(x.speaker_name for x in same)
        # the name most reports give, the fullest of a tie ("Volodymyr Zelenskyy" over "Zelensky")
        name = max(names, key=lambda n: (names[n], len(n.split())))
        out.append({"speaker": name, "speaker_id": head.speaker_id, "reports": len({x.article_id for x in same})})
    return out


def _commonest(values: list[str | None], earliest: bool = False) -> str | None:
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    top = max(counts.values())
    tied = [v for v in counts if counts[v] == top]
    return min(tied) if earliest else tied[0]


def said_on_of(members: list[Member]) -> str | None:
    """When the words were said: the date most reports state, the earliest of a tie.  A date a
    report only assumes (its article's own, no time given for the words) counts only when no
    report states one, and then the earliest: reprints a day later do not outvote the report
    that says 'on Sunday', and the words were said by the first report."""
    stated = [m.said_on for m in members if m.said_on and not m.said_on_assumed]
    if stated:
        return _commonest(stated, earliest=True)
    assumed = [m.said_on for m in members if m.said_on]
    return min(assumed) if assumed else None


def cluster_row(group: QuoteGroup) -> dict[str, Any]:
    """The quote_clusters row of a group."""
    reports = group.reports()
    first, first_pieces = reports[0]
    return quote_row(group.id, [m for m, _ in reports], report_text(first, first_pieces))


def quote_row(cluster_id: int, members: list[Member], quote_text: str) -> dict[str, Any]:
    """The quote_clusters row of a cluster whose reports are ``members`` (first report first)
    and whose first report printed ``quote_text``."""
    first = members[0]
    outlets: list[str] = []
    for m in members:
        if m.outlet and m.outlet not in outlets:
            outlets.append(m.outlet)
    dates = [m.date for m in members if m.date]
    named = attributions(members)
    speaker_name, speaker_id = (named[0]["speaker"], named[0]["speaker_id"]) if named else (
        first.speaker_name, first.speaker_id)
    return {
        "id": cluster_id,
        "speaker_id": speaker_id,
        "speaker_name": speaker_name,
        "quote_text": quote_text,
        "first_statement_id": first.id,
        "first_article_id": first.article_id,
        "first_date": first.date,
        "first_published": first.published,
        "last_date": max(dates) if dates else None,
        "n_reports": len({m.article_id for m in members}),
        "n_outlets": len(outlets),
        "outlets": outlets,
        "said_on": said_on_of(members),
        "venue": _commonest([m.venue for m in members]),
        "attributions": named,
    }


def main_clusters(groups: list[QuoteGroup], fixed: list[Piece]) -> dict[int, int]:
    """Each statement's main cluster: the one holding most of its words (the first of a tie)."""
    words: dict[int, Counter[int]] = {}
    first: dict[tuple[int, int], int] = {}
    for cid, pieces in [(g.id, g.pieces) for g in groups] + [(x.fixed, [x]) for x in fixed]:
        for x in pieces:
            words.setdefault(x.member.id, Counter())[cid] += len(x.words)  # type: ignore[index]
            key = (x.member.id, cid)  # type: ignore[assignment]
            first[key] = min(first.get(key, x.passage.start), x.passage.start)  # type: ignore[index]
    return {
        sid: max(counts, key=lambda cid, sid=sid: (counts[cid], -first[(sid, cid)]))
        for sid, counts in words.items()
    }
