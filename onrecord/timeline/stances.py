"""Stance timelines: a speaker's stance on an issue, statement by statement.

Works on plain statement dicts (``Statement.to_dict()`` plus ``"article_id"``, optionally
``"article_date"``, and ``"stances": {issue: {"label", "evidence", "confidence", ...}}``), so the
ledger, the CLI and the tests all feed it the same way.

Ordering: by ``said_on`` date ("2022" sorts at the start of 2022, "2024-11" at the start of
November); a statement without a date takes its article's date.  On the same date a reported
earlier position (``time: "before"``) comes before the statements of that day, then the input
order decides.  Statements with no date at all come last, in input order.

Positions and shifts are built from these entries in ``shifts.py``: only confident entries
count (``StanceEntry.confident``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

INFORMATIVE = ("support", "conditional", "oppose")
# An entry counts for positions and shifts from this confidence on; a person's label always
# counts; a stance stored before confidences existed (None) does not, until it is extracted again.
CONFIDENT = 0.7


@dataclass
class StanceEntry:
    speaker_id: str
    issue: str
    label: str
    evidence: list[str]
    date: str | None  # as given: "2024-11-29", "2024-11", "2022"; None when unknown
    kind: str
    time: str  # "now" | "before"
    article_id: str | None
    quote: str
    index: int  # the statement's position in the input list
    statement: dict[str, Any] = field(repr=False, default_factory=dict)
    confidence: float | None = None
    source: str = "rules"
    reason: str | None = None
    precision: str = "day"  # of the date: day, week, month, year

    @property
    def confident(self) -> bool:
        """An informative stance sure enough to make a position: a person's label, or a
        confidence of at least ``CONFIDENT``."""
        if self.label not in INFORMATIVE:
            return False
        return self.source == "human" or (self.confidence is not None and self.confidence >= CONFIDENT)

    def to_dict(self) -> dict[str, Any]:
        keys = ("speaker_id", "issue", "label", "evidence", "date", "kind", "time", "article_id", "quote",
                "confidence", "reason")
        return {k: getattr(self, k) for k in (*keys, "index")}


# --- dates and order -----------------------------------------------------------------------

DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def date_key(value: str | None) -> date | None:
    """A partial ISO date as the first day it can mean ("2022" → 2022-01-01); None if unknown."""
    if not value:
        return None
    m = DATE_RE.match(value)
    if m is None:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def statement_date(
    statement: Mapping[str, Any], article_dates: Mapping[str, str] | None = None
) -> str | None:
    """When a statement was made: its said_on date, else its article's date."""
    said_on = statement.get("said_on")
    if isinstance(said_on, Mapping) and said_on.get("date"):
        return str(said_on["date"])
    if isinstance(said_on, str) and said_on:
        return said_on
    if statement.get("article_date"):
        return str(statement["article_date"])
    if article_dates and statement.get("article_id") in article_dates:
        return article_dates[statement["article_id"]]
    return None


def order_key(entry: StanceEntry) -> tuple[int, date, int, int]:
    """Dated before undated; by date; a reported earlier position before that day's statements;
    then input order."""
    d = date_key(entry.date)
    return (d is None, d or date.min, 0 if entry.time == "before" else 1, entry.index)


# --- speakers ------------------------------------------------------------------------------


def speaker_ids(statement: Mapping[str, Any]) -> list[str]:
    """Who a statement speaks for: its speaker's id (or name) and, for a joint statement
    ("Putin and Zelensky said …"), each member.  A speaker the registry refused (typed
    ``unknown``, no id: "unknown", "anyone", "our state") speaks for no one whose positions can
    be followed: its statements under one name would make shifts between different people."""
    speaker = statement.get("speaker") or {}
    if isinstance(speaker, str):
        return [speaker]
    if speaker.get("type") == "unknown" and not speaker.get("id"):
        return [str(m) for m in speaker.get("members") or []]
    ids = [str(speaker.get("id") or speaker.get("name") or "")]
    ids += [str(m) for m in speaker.get("members") or []]
    return [i for i in dict.fromkeys(ids) if i]


def _same_speaker(a: str, b: str) -> bool:
    return a.casefold() == b.casefold()


# --- timelines -----------------------------------------------------------------------------


def _entry(statement: Mapping[str, Any], index: int, speaker_id: str, issue: str,
           article_dates: Mapping[str, str] | None) -> StanceEntry | None:
    stance = (statement.get("stances") or {}).get(issue)
    if not stance:
        return None
    if isinstance(stance, str):
        stance = {"label": stance}
    quote = statement.get("quote") or {}
    said_on = statement.get("said_on")
    has_said_on = isinstance(said_on, Mapping) and said_on.get("date")
    precision = str(said_on.get("precision") or "day") if has_said_on else "day"  # type: ignore[union-attr]
    confidence = stance.get("confidence")
    return StanceEntry(
        speaker_id=speaker_id,
        issue=issue,
        label=str(stance.get("label", "unclear")),
        evidence=list(stance.get("evidence") or []),
        date=statement_date(statement, article_dates),
        kind=str(statement.get("kind", "")),
        time=str(statement.get("time") or "now"),
        article_id=statement.get("article_id"),
        quote=quote.get("text", "") if isinstance(quote, Mapping) else str(quote),
        index=index,
        statement=dict(statement),
        confidence=float(confidence) if confidence is not None else None,
        source=str(stance.get("source") or "rules"),
        reason=stance.get("reason"),
        precision=precision,
    )


def timeline(
    statements: Sequence[Mapping[str, Any]],
    speaker_id: str,
    issue: str,
    article_dates: Mapping[str, str] | None = None,
) -> list[StanceEntry]:
    """The speaker's statements with a stance on the issue, in the order they were made."""
    entries = []
    for index, statement in enumerate(statements):
        if not any(_same_speaker(s, speaker_id) for s in speaker_ids(statement)):
            continue
        entry = _entry(statement, index, speaker_id, issue, article_dates)
        if entry is not None:
            entries.append(entry)
    return sorted(entries, key=order_key)


def timelines_by_issue(
    statements: Sequence[Mapping[str, Any]], speaker_id: str, article_dates: Mapping[str, str] | None = None
) -> dict[str, list[StanceEntry]]:
    """One timeline per issue the speaker took a stance on (for ``charts.plot_timelines``)."""
    issues: dict[str, None] = {}
    for statement in statements:
        if any(_same_speaker(s, speaker_id) for s in speaker_ids(statement)):
            issues.update(dict.fromkeys(statement.get("stances") or {}))
    return {issue: timeline(statements, speaker_id, issue, article_dates) for issue in issues}
