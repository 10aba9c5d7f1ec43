"""Stances in the ledger: each speaker's stance per issue over time, shifts, human labels.

The statements come from the ledger (stances as the pipeline stored them), one per quote however
many outlets reported it (the first report), with a human label winning over the stored stance;
``onrecord.timeline`` orders them and finds the shifts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from onrecord.errors import NotFound
from onrecord.ledger import query
from onrecord.ledger.schema import stance_labels, statements
from onrecord.model.stance import Stance, check_label, choose_stance
from onrecord.timeline.shifts import Shift, find_shifts
from onrecord.timeline.stances import StanceEntry, statement_date, timeline


def label_stance(conn: Connection, statement_id: int, issue: str, label: str, note: str | None = None) -> None:
    """Store (or replace) a person's stance label for one statement and issue."""
    check_label(label)
    if conn.execute(sa.select(statements.c.id).where(statements.c.id == statement_id)).first() is None:
        raise NotFound(f"no statement {statement_id} in the ledger")
    conn.execute(stance_labels.delete().where(
        stance_labels.c.statement_id == statement_id, stance_labels.c.issue == issue))
    conn.execute(stance_labels.insert().values(
        statement_id=statement_id, issue=issue, label=label, note=note,
        labelled_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds")))


def _labels(conn: Connection, ids: Iterable[int]) -> dict[int, dict[str, dict[str, Any]]]:
    out: dict[int, dict[str, dict[str, Any]]] = {}
    ids = list(ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = conn.execute(sa.select(stance_labels).where(stance_labels.c.statement_id.in_(chunk)))
        for r in rows:
            out.setdefault(r.statement_id, {})[r.issue] = {
                "label": r.label, "note": r.note, "order": (r.labelled_at, r.id)}
    return out


def _quote_labels(records: list[Any], labels: dict[int, dict[str, dict[str, Any]]]
                  ) -> dict[int, dict[str, dict[str, Any]]]:
    """Per quote cluster, the latest label of any of its reports on each issue: a person may label
    whichever report they found, and the quote is listed once (its first report)."""
    out: dict[int, dict[str, dict[str, Any]]] = {}
    for r in records:
        if r.cluster_id is None:
            continue
        for issue, human in labels.get(r.id, {}).items():
            held = out.setdefault(r.cluster_id, {})
            if issue not in held or human["order"] > held[issue]["order"]:
                held[issue] = human
    return out


def position_statements(conn: Connection, speaker: str | None = None, issue: str | None = None
                        ) -> list[dict[str, Any]]:
    """Statement dicts with stances, oldest first, each quote once (its first report), human
    labels applied; each carries ``statement_id``, ``article_id``, ``article_date``, ``outlet``."""
    records = query.find_statements(conn, speaker=speaker, limit=None)
    labels = _labels(conn, (r.id for r in records))
    quote_labels = _quote_labels(records, labels)
    seen_clusters: set[int] = set()
    out: list[dict[str, Any]] = []
    for r in sorted(records, key=lambda r: (r.published or r.date or "", r.id)):
        d = dict(r.statement)
        stances = {k: dict(v) for k, v in (d.get("stances") or {}).items()}
        human_labels = quote_labels.get(r.cluster_id, {}) if r.cluster_id is not None else labels.get(r.id, {})
        for label_issue, human in human_labels.items():
            rules = Stance.from_dict(stances[label_issue]) if label_issue in stances else Stance("unclear")
            stances[label_issue] = choose_stance(rules, human=human).to_dict()
        if issue is not None:
            stances = {k: v for k, v in stances.items() if k == issue}
        if not stances:
            continue
        if r.cluster_id is not None:
            if r.cluster_id in seen_clusters:
                continue  # the same quote in another outlet: the first report stands for it
            seen_clusters.add(r.cluster_id)
        d.update(stances=stances, statement_id=r.id, article_id=r.article, article_date=r.date,
                 outlet=r.outlet, url=r.url)
        out.append(d)
    return out


def speaker_timelines(conn: Connection, speaker: str, issue: str | None = None
                      ) -> dict[tuple[str, str], list[StanceEntry]]:
    """(speaker id, issue) → the speaker's statements on the issue in the order they were made."""
    rows = position_statements(conn, speaker, issue)
    pairs: dict[tuple[str, str], None] = {}
    for d in rows:
        sid = (d.get("speaker") or {}).get("id") or (d.get("speaker") or {}).get("name")
        for i in d["stances"]:
            pairs[(sid, i)] = None
    return {(sid, i): timeline(rows, sid, i) for sid, i in pairs}


def shifts(conn: Connection, since: str | None = None, speaker: str | None = None, issue: str | None = None,
           weaker: bool = False) -> list[Shift]:
    """Shifts of position, ranked: reversals, then by confidence and distance in time
    (``timeline.shifts``); ``weaker`` adds the qualifications (support ↔ conditional) after
    them; ``since`` keeps those whose later position is on or after that date."""
    found = find_shifts(position_statements(conn, speaker, issue))
    if not weaker:
        found = [s for s in found if s.kind == "reversal"]
    if since:
        found = [s for s in found if (s.after.date or "") >= since]
    return found


def entry_row(e: StanceEntry) -> dict[str, Any]:
    """A timeline entry as a flat row for tables, JSON and CSV."""
    st = e.statement
    return {
        "date": e.date, "issue": e.issue, "stance": e.label, "evidence": e.evidence,
        "confidence": e.confidence, "reason": e.reason,
        "source": ((st.get("stances") or {}).get(e.issue) or {}).get("source"),
        "note": ((st.get("stances") or {}).get(e.issue) or {}).get("note"),
        "kind": e.kind, "time": e.time, "speaker": (st.get("speaker") or {}).get("name"),
        "speaker_id": e.speaker_id, "quote": e.quote, "outlet": st.get("outlet"),
        "article": e.article_id, "statement_id": st.get("statement_id"),
    }


def shift_row(s: Shift) -> dict[str, Any]:
    """A shift as a flat row: its kind (reversal, or the weaker qualification), confidence and
    distance in days, and both statements with their dates, quotes and articles."""
    return {
        "speaker": (s.after.statement.get("speaker") or {}).get("name"), "speaker_id": s.speaker_id,
        "issue": s.issue, "from": s.from_label, "to": s.to_label, "kind": s.kind,
        "confidence": round(s.confidence, 2), "days_apart": s.days_apart,
        "before_date": s.before.date, "after_date": s.after.date,
        # "before": a position the article reports as held before its date (not that day's)
        "before_time": s.before.time,
        "before_quote": s.before.quote, "after_quote": s.after.quote,
        "before_article": s.before.article_id, "after_article": s.after.article_id,
        "before_statement_id": s.before.statement.get("statement_id"),
        "after_statement_id": s.after.statement.get("statement_id"),
    }


__all__ = ["entry_row", "label_stance", "position_statements", "shift_row", "shifts", "speaker_timelines",
           "statement_date"]
