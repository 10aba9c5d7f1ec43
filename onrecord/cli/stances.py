"""The commands on positions over time: ``positions`` (a speaker's stance per issue), ``shifts``
and ``label`` (a person's reading of a stance, which wins over the rules)."""

from __future__ import annotations

from collections import Counter
from typing import Annotated, Any

import typer

from onrecord.cli.common import (
    DbOption,
    FormatOption,
    IssueOption,
    OutputFormat,
    SinceOption,
    emit,
    fail,
    note,
    open_ledger,
)

POSITION_COLUMNS = ["date", "issue", "stance", "confidence", "evidence", "kind/time", "quote", "outlet"]
# one line a shift; --quotes adds what was said before and after (json and csv carry every field)
SHIFT_COLUMNS = ["after_date", "speaker", "issue", "shift", "after_article", "before_date", "before_article"]
SHIFT_QUOTE_COLUMNS = ["after_date", "speaker", "issue", "shift", "before_quote", "after_quote"]
# what a row of each says nothing without: never left out of a narrow terminal's table
POSITION_KEEP = ["date", "issue", "stance"]
SHIFT_KEEP = ["after_date", "speaker", "issue", "shift"]
SHIFT_TITLES = {"reversal": "reversals (between accepting and rejecting)",
                "qualification": "qualifications (support ↔ conditional, a weaker kind)"}
SpeakerArgument = Annotated[str | None, typer.Argument(
    help="part of the speaker's name, an alias, or the speaker id", show_default=False)]
# the earlier spelling, kept working: `positions --speaker NAME` is `positions NAME`
OldSpeakerOption = Annotated[str | None, typer.Option("--speaker", hidden=True)]


def _chart_path(value: str | None) -> str | None:
    if value is not None and not value.lower().endswith((".svg", ".png")):
        raise typer.BadParameter(f"{value!r}: the chart is written as FILE.svg or FILE.png")
    return value


def _speaker_names(rows: list[dict[str, Any]]) -> list[str]:
    """One name per speaker: the one most of its statements give ("Volodymyr Zelenskyy", not also
    "President of Ukraine Volodymyr Zelenskyy")."""
    by_id: dict[str, Counter[str]] = {}
    for r in rows:
        by_id.setdefault(r["speaker_id"] or "", Counter())[r["speaker"] or r["speaker_id"] or ""] += 1
    return sorted(names.most_common(1)[0][0] for names in by_id.values())


def positions(
    ctx: typer.Context,
    name: SpeakerArgument = None,
    issue: IssueOption = None,
    plot: Annotated[
        str | None, typer.Option(help="also draw the timeline: FILE.svg or FILE.png", callback=_chart_path)
    ] = None,
    db: DbOption = None,
    format: FormatOption = OutputFormat.table,
    speaker: OldSpeakerOption = None,
) -> None:
    """A speaker's stance per issue over time: each statement once, oldest first, with the
    stance's confidence; a person's label (onrecord label) wins over the rules and is marked
    "(human)"."""
    from onrecord.errors import OnRecordError
    from onrecord.ledger.stances import entry_row
    from onrecord.timeline.charts import plot_timelines

    speaker = name or speaker
    if not speaker:
        fail("name the speaker: onrecord positions NAME")
    ledger = open_ledger(ctx, db)
    timelines = ledger.positions(speaker, issue)
    rows = [entry_row(e) for entries in timelines.values() for e in entries]
    if not rows:
        what = f"no stances of a speaker matching {speaker!r}" + (f" on {issue!r}" if issue else "")
        what += f": no chart written to {plot}" if plot else ""
        fail(what, code=1)
    names = _speaker_names(rows)
    if format is OutputFormat.table:
        for r in rows:
            r["kind/time"] = f"{r['kind']}/{r['time']}"
            if r["source"] == "human":
                r["stance"] = f"{r['stance']} (human)"
                r["evidence"] = [r["note"]] if r["note"] else []
    emit(rows, format, POSITION_COLUMNS, title=", ".join(names) + (f" · {issue}" if issue else ""),
         keep=POSITION_KEEP)
    if plot:
        by_issue: dict[str, list[Any]] = {}
        for (_, i), entries in timelines.items():
            by_issue.setdefault(i, []).extend(entries)
        try:
            plot_timelines(by_issue, plot, title=", ".join(names))
        except (OnRecordError, OSError) as e:
            fail(str(e))
        note(f"chart written to {plot}")


def shifts(
    ctx: typer.Context,
    since: SinceOption = None,
    speaker: Annotated[str | None, typer.Option(help="part of the speaker's name, an alias, or the id")] = None,
    issue: IssueOption = None,
    weaker: Annotated[bool, typer.Option("--weaker", help="also the weaker kind: support ↔ conditional")] = False,
    quotes: Annotated[bool, typer.Option("--quotes", help="the table shows both quotes too")] = False,
    db: DbOption = None,
    format: FormatOption = OutputFormat.table,
) -> None:
    """Changes of position: a speaker's position on an issue on one day against an earlier day's,
    from confident statements only, never two statements of one day or one article.  Reversals
    (between accepting and rejecting), ranked by confidence and distance in time; with --weaker
    also the qualifications (support ↔ conditional), shown apart; both quotes and articles."""
    from onrecord.ledger.stances import shift_row

    ledger = open_ledger(ctx, db)
    rows = [shift_row(s) for s in ledger.shifts(since=since, speaker=speaker, issue=issue, weaker=weaker)]
    if format is not OutputFormat.table:
        emit(rows, format, SHIFT_COLUMNS + ["confidence", "before_quote", "after_quote"])
        return
    for r in rows:
        r["shift"] = f"{r['from']} → {r['to']}"
    columns = SHIFT_QUOTE_COLUMNS if quotes else SHIFT_COLUMNS
    for kind, title in SHIFT_TITLES.items():
        shown = [r for r in rows if r["kind"] == kind]
        if shown:
            emit(shown, format, columns, title=title, keep=SHIFT_KEEP)
    if not rows:
        note("no shifts: no speaker's position on an issue changed between two days"
             + (" in what matches the filters" if since or speaker or issue else ""))
    else:
        note(f"{sum(r['kind'] == 'reversal' for r in rows)} reversals, "
             f"{sum(r['kind'] == 'qualification' for r in rows)} qualifications")


def label(
    ctx: typer.Context,
    statement_id: Annotated[int, typer.Argument(help="the statement's id (search --format json shows it)")],
    issue: Annotated[str, typer.Argument(help="the issue id")],
    stance: Annotated[str, typer.Argument(help="support, oppose, conditional or unclear")],
    why: Annotated[str | None, typer.Option("--note", help="why")] = None,
    db: DbOption = None,
) -> None:
    """Store a person's reading of a statement's stance on an issue; it wins over the rules."""
    from onrecord.errors import OnRecordError

    ledger = open_ledger(ctx, db)
    try:
        ledger.label_stance(statement_id, issue, stance, why)
    except OnRecordError as e:
        fail(str(e))
    note(f"statement {statement_id}: {issue} labelled {stance}")


COMMANDS = (positions, shifts, label)
