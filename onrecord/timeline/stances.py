"""Stance timelines: a speaker's stance on an issue, statement by statement, and its shifts.

Works on plain statement dicts (``Statement.to_dict()`` plus ``"article_id"``, optionally
``"article_date"``, and ``"stances": {issue: {"label", "evidence", ...}}``), so the ledger, the
CLI and the tests all feed it the same way.

Ordering: by ``said_on`` date ("2022" sorts at the start of 2022, "2024-11" at the start of
November); a statement without a date takes its article's date.  On the same date a reported
earlier position (``time: "before"``) comes before the statements of that day, then the input
order decides.  Statements with no date at all come last, in input order.

A shift is a change from the speaker's previous informative stance (support, oppose or
conditional) on the issue; "unclear" neither makes nor breaks a shift.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

INFORMATIVE = ("support", "conditional", "oppose")


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

    def to_dict(self) -> dict[str, Any]:
        keys = ("speaker_id", "issue", "label", "evidence", "date", "kind", "time", "article_id", "quote")
        return {k: getattr(self, k) for k in (*keys, "index")}


@dataclass
class Shift:
    """A change of stance between two statements of one speaker on one issue."""

    speaker_id: str
    issue: str
    before: StanceEntry
    after: StanceEntry

    @property
    def from_label(self) -> str:
        return self.before.label

    @property
    def to_label(self) -> str:
        return self.after.label

    def to_dict(self) -> dict[str, Any]:
        return {
            "speaker_id": self.speaker_id,
            "issue": self.issue,
            "from": self.from_label,
            "to": self.to_label,
            "before": self.before.to_dict(),
            "after": self.after.to_dict(),
            "articles": [self.before.article_id, self.after.article_id],
        }


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
    ("Putin and Zelensky said …"), each member."""
    speaker = statement.get("speaker") or {}
    if isinstance(speaker, str):
        return [speaker]
    ids = [str(speaker.get("id") or speaker.get("name") or "")]
    ids += [str(m) for m in speaker.get("members") or []]
    return [i for i in dict.fromkeys(ids) if i]


def _same_speaker(a: str, b: str) -> bool:
    return a.casefold() == b.casefold()


# --- timelines and shifts ------------------------------------------------------------------


def _entry(statement: Mapping[str, Any], index: int, speaker_id: str, issue: str,
           article_dates: Mapping[str, str] | None) -> StanceEntry | None:
    stance = (statement.get("stances") or {}).get(issue)
    if not stance:
        return None
    if isinstance(stance, str):
        stance = {"label": stance}
    quote = statement.get("quote") or {}
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


def shifts_in(entries: Sequence[StanceEntry]) -> list[Shift]:
    """Shift rule: an informative stance that differs from the previous informative one."""
    out = []
    previous: StanceEntry | None = None
    for entry in entries:
        if entry.label not in INFORMATIVE:
            continue
        if previous is not None and entry.label != previous.label:
            out.append(Shift(entry.speaker_id, entry.issue, previous, entry))
        previous = entry
    return out


def find_shifts(
    statements: Sequence[Mapping[str, Any]], article_dates: Mapping[str, str] | None = None
) -> list[Shift]:
    """Every shift of every speaker on every issue, by speaker, issue and time."""
    pairs: dict[tuple[str, str], None] = {}
    for statement in statements:
        for issue in statement.get("stances") or {}:
            for speaker in speaker_ids(statement):
                pairs[(speaker, issue)] = None
    out = []
    for speaker, issue in pairs:
        out.extend(shifts_in(timeline(statements, speaker, issue, article_dates)))
    return out


def timelines_by_issue(
    statements: Sequence[Mapping[str, Any]], speaker_id: str, article_dates: Mapping[str, str] | None = None
) -> dict[str, list[StanceEntry]]:
    """One timeline per issue the speaker took a stance on (for ``charts.plot_timelines``)."""
    issues: dict[str, None] = {}
    for statement in statements:
        if any(_same_speaker(s, speaker_id) for s in speaker_ids(statement)):
            issues.update(dict.fromkeys(statement.get("stances") or {}))
    return {issue: timeline(statements, speaker_id, issue, article_dates) for issue in issues}
