"""Tables on a narrow terminal: the quote keeps room, the other columns wrap."""

from rich.console import Console

from onrecord.cli.common import table

ROW = {"outlets": 3, "speaker": "Anna Kovalenko-Brandt", "quote": "We will keep the northern crossing open all winter.",
       "first report": "Lumen Daily Evening Edition, 2025-09-02", "said on": "2025-09-01 (press conference in Tallinn)"}
COLUMNS = list(ROW)


def _widths(width: int) -> list[int]:
    console = Console(width=width, record=True, color_system=None)
    console.print(table([ROW], COLUMNS, width=console.width))
    header = next(line for line in console.export_text().splitlines() if line.startswith("┏"))
    return [len(part) for part in header.strip("┏┓").split("┳")]


def test_the_quote_keeps_room_at_eighty_columns() -> None:
    widths = _widths(80)
    assert sum(widths) + len(widths) + 1 <= 80
    assert widths[2] >= 24 and widths[2] == max(widths)


def test_names_are_capped_on_a_wide_terminal() -> None:
    widths = _widths(200)
    assert max(widths[:2] + widths[3:]) <= 20 and widths[2] > 100
