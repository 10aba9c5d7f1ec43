"""Output never changes what was said: every table shows quote text exactly (brackets, backslashes,
markup-like text), control characters and ANSI escapes are shown escaped and never reach the
terminal, words are not split at 80 columns, and the least valuable columns give way first."""

from __future__ import annotations

import io
import re

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from typer.testing import CliRunner

from onrecord.cli import app
from onrecord.cli.extract import STATEMENT_COLUMNS
from onrecord.cli.ledger import CLUSTER_COLUMNS, RUN_COLUMNS, SEARCH_COLUMNS, TIMELINE_COLUMNS
from onrecord.cli.stances import POSITION_COLUMNS, SHIFT_COLUMNS, SHIFT_QUOTE_COLUMNS
from onrecord.cli.tables import shown, table

EVERY_TABLE = [STATEMENT_COLUMNS, SEARCH_COLUMNS, TIMELINE_COLUMNS, CLUSTER_COLUMNS, POSITION_COLUMNS,
               SHIFT_QUOTE_COLUMNS, RUN_COLUMNS]
HOSTILE = ["[the]", "[it]", "[bilateral]", "[bold]loud[/bold]", "[/]", "\\", "\\[x]", "[link=http://e.x]y[/link]",
           ":smile:", "$x", "<b>", "%s", "{0}"]


def render(rows, columns, width: int, terminal: bool = False) -> str:
    out = io.StringIO()
    console = Console(file=out, width=width, force_terminal=terminal, color_system="standard" if terminal else None,
                      legacy_windows=False)
    console.print(table(rows, columns, width=width))
    return out.getvalue()


def row_with(columns, quote: str) -> dict:
    text_column = next(c for c in columns if c in ("quote", "after_quote", "errors"))
    return {c: f"v{i}" for i, c in enumerate(columns)} | {text_column: quote}


printable = st.text(st.characters(codec="utf-8", categories=["L", "N", "P", "S", "Zs"], exclude_characters="\u3000"),
                    min_size=1, max_size=120)
quotes = st.lists(st.one_of(printable, st.sampled_from(HOSTILE)), min_size=1, max_size=6).map(" ".join).map(
    lambda s: re.sub(r"\s+", " ", s).strip()).filter(bool)


@settings(max_examples=60, deadline=None)
@given(quote=quotes, which=st.sampled_from(EVERY_TABLE))
def test_any_quote_round_trips_through_every_table(quote: str, which) -> None:
    output = render([row_with(which, quote)], which, width=2000)
    assert quote in output


def test_seed_brackets_survive_at_80_columns() -> None:
    quote = "If we want to stop the hot stage of the war, we should take under [the] NATO umbrella"
    output = render([row_with(STATEMENT_COLUMNS, quote), row_with(STATEMENT_COLUMNS, "[it] could be possible")],
                    STATEMENT_COLUMNS, width=80)
    assert "[the]" in output and "[it]" in output


def test_control_characters_and_ansi_escapes_never_reach_the_terminal() -> None:
    quote = "clear\x1b[2Jscreen, bell\x07, back\rover, \x9b31m C1, \u202eevil"
    output = render([row_with(SEARCH_COLUMNS, quote)], SEARCH_COLUMNS, width=2000, terminal=True)
    assert "\x1b[2J" not in output and "\x07" not in output and "\r" not in output and "\u202e" not in output
    assert "\x9b" not in output
    assert "clear\\x1b[2Jscreen" in output and "\\x07" in output and "\\u202e" in output
    assert shown("tab\tand\nnewline") == "tab\tand\nnewline"


words = st.text(st.characters(categories=["Ll"], max_codepoint=0x7A), min_size=2, max_size=14)


@settings(max_examples=30, deadline=None)
@given(quote=st.lists(words, min_size=5, max_size=60), speaker=st.lists(words, min_size=1, max_size=3))
def test_no_word_is_split_at_80_columns(quote, speaker) -> None:
    rows = [{"speaker": " ".join(speaker), "kind": "reported_position", "cue": "said", "quote": " ".join(quote),
             "venue": "interview", "said on": "2024-11-29", "issues": "nato:support"}]
    output = render(rows, STATEMENT_COLUMNS, width=80)
    shown_words = set(re.findall(r"[a-z]+", output))
    assert set(quote) <= shown_words and set(speaker) <= shown_words
    assert max(len(line) for line in output.splitlines()) <= 80


def test_narrow_terminals_leave_out_low_value_columns_not_the_quote() -> None:
    rows = [row_with(SEARCH_COLUMNS, "we will hold the line " * 5)]
    output = render(rows, SEARCH_COLUMNS, width=80)
    assert "left out at 80 columns" in output
    body = [line for line in output.splitlines() if "we will" in line]
    assert body and all(line.count("we will") >= 1 for line in body)
    assert "reports" not in output.splitlines()[1]  # the last-listed column went first


def test_shift_table_is_compact() -> None:
    rows = [{"after_date": "2024-11-29", "speaker": "Volodymyr Zelensky", "issue": "nato", "shift":
             "oppose → conditional", "before_date": "2023-02-01", "after_article": f"corpus/{i:03}",
             "after_quote": "long " * 80} for i in range(10)]
    assert len(render(rows, SHIFT_COLUMNS, width=80).splitlines()) <= 2 * 10 + 5  # two lines a shift at most
    assert len(render(rows, SHIFT_COLUMNS, width=120).splitlines()) <= 10 + 5  # one line a shift


def test_cli_version_and_help() -> None:
    from importlib.metadata import version

    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"onrecord {version('onrecord')}"
    help_text = CliRunner().invoke(app, ["--help"]).stdout
    assert "who said what" in help_text.lower() and "thin Typer" not in help_text


def test_help_lists_each_command_as_one_paragraph() -> None:
    """A docstring's line breaks are no line breaks of the help: each command's summary fills the
    panel's column, only its last line is short ("with the" / "stance's confidence;" was a
    ragged list)."""
    text = CliRunner().invoke(app, ["--help"], env={"COLUMNS": "100", "TERMINAL_WIDTH": "100"}).stdout
    panel = text[text.index("Commands"):].splitlines()[1:]
    entries: list[list[str]] = []
    for line in panel:
        inner = line.strip("│ ").rstrip()
        if not inner or line.lstrip().startswith("╰"):
            continue
        head = re.match(r"│ (\w+)\s{2,}(.*)", line)
        if head:
            entries.append([head.group(2).rstrip(" │")])
        elif entries:
            entries[-1].append(line.strip("│ ").strip())
    assert len(entries) >= 10, text
    column = max(len(x) for lines in entries for x in lines)
    for lines in entries:
        for x in lines[:-1]:
            assert len(x) >= column - 15, f"a short line inside a command's summary: {x!r}\n{text}"


def test_stderr_is_not_wrapped_when_a_program_reads_it(tmp_path) -> None:
    missing = tmp_path / ("a-long-folder-name-" * 6) / "missing.db"
    result = CliRunner().invoke(app, ["stats", "--db", f"sqlite:///{missing}"])
    assert result.exit_code == 2
    (line,) = [x for x in result.stderr.splitlines() if x.strip()]
    assert str(missing) in line and len(line) > 80


def test_the_runs_table_gives_errors_room() -> None:
    rows = [{"id": 1, "status": "finished", "started": "11-30 11:24", "read": 84, "stored": 80, "replaced": 0,
             "skipped": 2, "failed": 2, "errors": "corpus/017: not valid UTF-8 at byte 3; corpus/018: empty article"}]
    output = render(rows, RUN_COLUMNS, width=80)
    errors_lines = [line[line.index("corpus/017") if "corpus/017" in line else 0:] for line in output.splitlines()]
    assert "failed" in output.splitlines()[1] and "corpus/017: not valid UTF-8" in output
    assert set("not valid UTF-8 at byte 3; corpus/018: empty article".split()) <= set(" ".join(errors_lines).split())


def test_a_run_without_errors_keeps_its_counts() -> None:
    """An empty errors column needs no room for text: the counts stay at 80 columns."""
    rows = [{"id": 1, "status": "finished", "started": "11-30 11:24", "read": 84, "stored": 84, "replaced": 0,
             "skipped": 0, "failed": 0, "errors": ""}]
    header = render(rows, RUN_COLUMNS, width=80).splitlines()[1].split()
    assert {"read", "stored", "replaced", "failed"} <= set(header)


def test_a_table_without_quotes_shows_names_and_values_whole() -> None:
    """`stats`: nothing to leave room for, so no name or timestamp is folded into two lines."""
    rows = [{"name": "statements.indirect", "value": 1342},
            {"name": "last_run.finished_at", "value": "2026-12-03T23:35:56+00:00"}]
    lines = render(rows, ["name", "value"], width=80).splitlines()
    assert any("statements.indirect" in x and "1342" in x for x in lines)
    assert any("last_run.finished_at" in x and "2026-12-03T23:35:56+00:00" in x for x in lines)
    assert len([x for x in lines if x.strip()]) == 4  # header, rule, two rows


def test_a_narrow_terminal_keeps_a_positions_stance() -> None:
    """At 80 columns a position's date, issue and stance stay (the quote is narrower instead):
    a positions table without its stance said nothing."""
    from onrecord.cli.stances import POSITION_KEEP

    rows = [{"date": "2021-12-10", "issue": "security_guarantees", "stance": "conditional", "confidence": 0.6,
             "evidence": ["only if"], "kind/time": "indirect/now", "quote": "long words " * 30, "outlet": "UNW"}]
    out = io.StringIO()
    Console(file=out, width=80).print(table(rows, POSITION_COLUMNS, width=80, keep=POSITION_KEEP))
    header = out.getvalue().splitlines()[1].split()
    assert header[:3] == ["date", "issue", "stance"] and "quote" in header
    assert "conditional" in out.getvalue()
