"""Tables for a terminal of any width: every cell plain ``Text`` (never markup, controls escaped),
words never split (a column is at least as wide as its longest word, up to a cap), and when the
terminal is narrow the columns of least value left out, the last listed first, before a quote is
squeezed.  The quote columns take what is left and wrap on spaces.

Column widths are chosen here rather than by Rich's own measuring because Rich gives no-wrap
columns their whole content and leaves a quote one character wide at 80 columns."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from rich import box
from rich.cells import cell_len
from rich.table import Table
from rich.text import Text

# What must never reach a terminal raw: C0 and C1 control characters but tab and newline (ESC
# starts the ANSI sequences that clear the screen, move the cursor or retitle the window; CR
# overwrites a line) and the bidirectional overrides that reorder what is shown ("Trojan Source",
# Boucher & Anderson 2021).  Stored text keeps them; only what is shown escapes them.
_UNSHOWABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
NAMES = ("speaker", "venue", "outlet", "outlets", "first_outlet", "name")

WIDE = ("quote", "errors", "before_quote", "after_quote")  # the text itself: wraps, takes what is left
FIXED = ("date", "first_date", "before_date", "after_date", "started", "kind", "status", "said on", "id", "read",
         "stored", "replaced", "skipped", "failed", "reports", "n_reports", "statements")  # short: never wrapped
NAME_CAP = 18  # names wrap on spaces inside this; longer single words are folded
OTHER_CAP = 24
MIN_WIDE = 28  # below this a quote reads badly: columns are left out first
EDGE = 3  # a column's border and padding in box.SIMPLE_HEAD


def shown(text: str) -> str:
    """``text`` as a terminal may show it: control characters and bidirectional overrides as
    visible escapes (``\\x1b``, ``\\u202e``), everything else as it is."""
    return _UNSHOWABLE.sub(lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100 else f"\\u{ord(m[0]):04x}", text)


def cell(value: Any) -> str:
    """A value as one cell of text: lists joined with "; ", mappings as JSON, None empty."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _longest_word(texts: list[str]) -> int:
    return max((cell_len(w) for t in texts for w in t.split()), default=0)


def layout(texts: dict[str, list[str]], columns: Sequence[str], width: int,
           keep: Sequence[str] = ()) -> tuple[list[str], dict[str, int]]:
    """(the columns shown, the width of each narrow one) for a table ``width`` cells wide; the wide
    columns share what is left.  Columns in ``keep`` are never left out: without them a row says
    nothing (a position's stance), so the quote is narrower instead."""
    natural, least, whole = {}, {}, {}
    for col in columns:
        values = texts[col]
        longest = max((cell_len(line) for v in values for line in v.split("\n")), default=0)
        whole[col] = max(cell_len(col), longest)
        if col in FIXED:
            natural[col] = least[col] = whole[col]
            continue
        cap = NAME_CAP if col in NAMES else OTHER_CAP
        natural[col] = max(min(cell_len(col), cap), min(longest, cap))
        least[col] = max(min(cell_len(col), cap), min(_longest_word(values), cap))
    shown_cols = list(columns)
    wide = [c for c in shown_cols if c in WIDE]
    if not wide and sum(whole[c] + EDGE for c in columns) + 1 <= width:
        return shown_cols, whole  # no quote to leave room for: the caps only keep a cell from wrapping

    def room() -> int:
        narrow = sum(natural[c] + EDGE for c in shown_cols if c not in WIDE)
        return width - narrow - EDGE * len(wide) - 1

    # a quote needs MIN_WIDE cells to read well; one shorter than that (an empty errors column) less
    need = sum(min(MIN_WIDE, max(cell_len(c), max((cell_len(v) for v in texts[c]), default=0))) for c in wide)
    # first narrow the widest columns, one cell at a time, never below their longest word
    while room() < need:
        slack = max((c for c in shown_cols if c not in WIDE), key=lambda c: natural[c] - least[c], default=None)
        if slack is None or natural[slack] <= least[slack]:
            break
        natural[slack] -= 1
    # then leave out the last-listed narrow columns (the least valuable) until the rest fits
    droppable = [c for c in reversed(columns) if c not in WIDE and c != columns[0] and c not in keep]
    while room() < need and droppable:
        shown_cols.remove(droppable.pop(0))
    return shown_cols, {c: natural[c] for c in shown_cols if c not in WIDE}


def table(rows: Sequence[dict[str, Any]], columns: Sequence[str], title: str | None = None,
          width: int = 80, keep: Sequence[str] = ()) -> Table:
    """A Rich table of ``rows`` fitted to ``width`` (``keep``: columns never left out); every cell
    plain Text with its control characters escaped, so brackets stay brackets and nothing reaches
    the terminal raw."""
    texts = {col: [shown(cell(r.get(col))) for r in rows] for col in columns}
    kept, widths = layout(texts, columns, width, keep)
    left_out = [c for c in columns if c not in kept]
    caption = f"left out at {width} columns: {', '.join(left_out)} (wider terminal, or --format csv)" if left_out \
        else None
    t = Table(title=Text(shown(title)) if title else None, caption=Text(caption) if caption else None,
              box=box.SIMPLE_HEAD, expand=any(c in WIDE for c in kept), show_lines=False)
    for col in kept:
        if col in WIDE:
            t.add_column(col, overflow="fold", ratio=1, min_width=8)
        else:
            t.add_column(col, overflow="fold", no_wrap=col in FIXED, width=widths[col])
    for i in range(len(rows)):
        t.add_row(*(Text(texts[col][i]) for col in kept))
    return t
