"""Positions and shifts: what a speaker held on an issue per occasion, and where it changed.

A position is held on an occasion — a day (or the week, month or year a date names) — and
built from the speaker's confident statements of that occasion only (``StanceEntry.confident``).
Statements that agree give the position; support and a conditional support give the
conditional; any other mix means the speaker said different things that day, and the occasion
has no position.  A position the article reports as held before (``time: "before"``, "has been
adamant that …") is an occasion of its own, before the day of the article.

A shift is a change between two positions whose occasions are strictly ordered in time (never
two statements of one day, nor of overlapping vague dates), from different articles — except a
position the article itself reports as held before, which is the article's own account of the
change.  Positions that are not informative, or that no statement is sure of, neither make nor
break a shift.  Two kinds:

- ``reversal``: between accepting (support, conditional) and rejecting (oppose);
- ``qualification``: between support and conditional support — weaker, shown apart, and only
  when the support was said to have no condition ("ready at any moment", "without
  preconditions"): a support that says nothing of conditions does not contradict a condition
  stated another day.

Shifts are ranked: reversals first, then by confidence (the lower of the two positions'), then
by distance in time (further apart first), then newest first.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Literal

from onrecord.lexicons.stance_markers import load_stance_markers
from onrecord.timeline.stances import StanceEntry, date_key, speaker_ids, timeline

ShiftKind = Literal["reversal", "qualification"]
ACCEPTING = {"support", "conditional"}


@dataclass(frozen=True)
class Occasion:
    """When a position was held: the first and last day the date can mean, and whether the
    article reports it as held before that date."""

    first: date
    last: date
    before: bool = False

    @property
    def key(self) -> str:
        day = self.first.isoformat() if self.first == self.last else f"{self.first}…{self.last}"
        return f"before {self.last + timedelta(days=1)}" if self.before else day

    def precedes(self, other: Occasion) -> bool:
        """Strictly earlier: every day this can mean is before every day the other can."""
        return self.last < other.first


def occasion_of(entry: StanceEntry) -> Occasion | None:
    """The occasion of an entry from its date and the date's precision; None when undated."""
    first = date_key(entry.date)
    if first is None:
        return None
    parts = (entry.date or "").count("-")
    if parts == 0 or entry.precision == "year":
        last = date(first.year, 12, 31)
    elif parts == 1 or entry.precision == "month":
        last = date(first.year, first.month, calendar.monthrange(first.year, first.month)[1])
    elif entry.precision == "week":
        last = first + timedelta(days=6)
    else:
        last = first
    if entry.time == "before":
        # held before the day it is reported on: its own occasion, ending the day before
        return Occasion(date.min, first - timedelta(days=1), before=True)
    return Occasion(first, last)


@dataclass
class Position:
    """A speaker's position on an issue on one occasion; ``label`` None when that occasion's
    statements disagree."""

    speaker_id: str
    issue: str
    occasion: Occasion
    label: str | None
    entries: list[StanceEntry]

    @property
    def confidence(self) -> float:
        return max((1.0 if e.source == "human" else e.confidence or 0.0) for e in self.entries)

    @property
    def articles(self) -> set[str | None]:
        return {e.article_id for e in self.entries}

    @property
    def best(self) -> StanceEntry:
        """The statement that stands for the position: the surest of those with its label."""
        same = [e for e in self.entries if e.label == self.label] or self.entries
        return max(same, key=lambda e: (1.0 if e.source == "human" else e.confidence or 0.0, -e.index))


def position_label(labels: set[str]) -> str | None:
    """One occasion's labels as a position: one label; support with a conditional support is
    the conditional; anything else disagrees."""
    if len(labels) == 1:
        return next(iter(labels))
    if labels == ACCEPTING:
        return "conditional"
    return None


def positions(entries: Sequence[StanceEntry]) -> list[Position]:
    """The positions of one speaker on one issue, in time order, from confident entries only."""
    by_occasion: dict[Occasion, list[StanceEntry]] = {}
    for entry in entries:
        occasion = occasion_of(entry)
        if entry.confident and occasion is not None:
            by_occasion.setdefault(occasion, []).append(entry)
    out = [Position(group[0].speaker_id, group[0].issue, occasion, position_label({e.label for e in group}), group)
           for occasion, group in by_occasion.items()]
    # a position held "before" a day stands just before that day
    return sorted(out, key=lambda p: (p.occasion.last if p.occasion.before else p.occasion.first,
                                      not p.occasion.before, p.occasion.last, min(e.index for e in p.entries)))


@dataclass
class Shift:
    """A change of position between two occasions of one speaker on one issue."""

    speaker_id: str
    issue: str
    before: StanceEntry  # the statement that stands for each position
    after: StanceEntry
    kind: ShiftKind
    confidence: float
    days_apart: int | None  # None when the earlier position is only known as "before"
    from_label: str
    to_label: str
    before_position: Position | None = None
    after_position: Position | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "speaker_id": self.speaker_id,
            "issue": self.issue,
            "from": self.from_label,
            "to": self.to_label,
            "kind": self.kind,
            "confidence": round(self.confidence, 2),
            "days_apart": self.days_apart,
            "before": self.before.to_dict(),
            "after": self.after.to_dict(),
            "articles": [self.before.article_id, self.after.article_id],
        }


def shift_kind(a: str, b: str) -> ShiftKind:
    """Across the line between accepting and rejecting, a reversal; within accepting, a
    qualification (support ↔ conditional)."""
    return "qualification" if {a, b} <= ACCEPTING else "reversal"


def unconditional(position: Position) -> bool:
    """The position's supporting statements say it has no condition ("at any moment",
    "without preconditions")."""
    words = load_stance_markers().unconditional
    return any(w in e.quote.lower() for e in position.entries if e.label == "support" for w in words)


def may_compare(earlier: Position, later: Position) -> bool:
    """Shift rule: two positions may make a shift when their occasions are strictly ordered and
    they come from different articles — unless the earlier is a position the article reports as
    held before (the article's own account of a change)."""
    if not earlier.occasion.precedes(later.occasion):
        return False
    return earlier.occasion.before or not (earlier.articles & later.articles)


def shifts_in(entries: Sequence[StanceEntry]) -> list[Shift]:
    """The shifts of one speaker on one issue: between consecutive positions that differ."""
    out = []
    previous: Position | None = None
    for position in positions(entries):
        if position.label is None:
            continue  # that day's statements disagree: no position, and no break either
        if previous is not None and position.label != previous.label and may_compare(previous, position):
            kind = shift_kind(previous.label, position.label)  # type: ignore[arg-type]
            supporting = previous if previous.label == "support" else position
            if kind == "qualification" and not unconditional(supporting):
                previous = position
                continue  # "we want talks" one day and "only if …" another: no contradiction
            days = None if previous.occasion.before else (position.occasion.first - previous.occasion.last).days
            out.append(Shift(position.speaker_id, position.issue, previous.best, position.best, kind,
                             min(previous.confidence, position.confidence), days,
                             previous.label, position.label, previous, position))  # type: ignore[arg-type]
        previous = position
    return out


def rank_key(shift: Shift) -> tuple[Any, ...]:
    """Reversals first; then surer; then further apart in time; then newer."""
    newest = date_key(shift.after.date) or date.min
    return (shift.kind != "reversal", -round(shift.confidence, 2), -(shift.days_apart or 0),
            -newest.toordinal(), shift.speaker_id, shift.issue)


def find_shifts(
    statements: Sequence[Mapping[str, Any]], article_dates: Mapping[str, str] | None = None
) -> list[Shift]:
    """Every shift of every speaker on every issue, ranked (``rank_key``)."""
    pairs: dict[tuple[str, str], None] = {}
    for statement in statements:
        for issue in statement.get("stances") or {}:
            for speaker in speaker_ids(statement):
                pairs[(speaker, issue)] = None
    out = []
    for speaker, issue in pairs:
        out.extend(shifts_in(timeline(statements, speaker, issue, article_dates)))
    return sorted(out, key=rank_key)
