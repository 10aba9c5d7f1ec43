"""Quotation marks: which open, which close, and which close which.  Plain data, shared by the
extractor's quotation scanner (``extraction/quotes.py``) and the ledger's quoted passages
(``ledger/passages.py``), so that both read a quotation the same way.

English prints “…” and "…" (‘…’ and '…' inside, or for short quotations); French, Russian and
Ukrainian «…»; German, Czech, Slovak and Lithuanian „…“ and ‚…‘, whose closing marks are the
English opening ones; Polish, Romanian and Hungarian „…” (https://en.wikipedia.org/wiki/Quotation_mark).
"""

from __future__ import annotations

import re

OPEN_DOUBLE = "“«„"
CLOSE_DOUBLE = "”»"
STRAIGHT_DOUBLE = '"'
OPEN_SINGLE = "‘‹‚"
CLOSE_SINGLE = "’›"
STRAIGHT_SINGLE = "'"
DOUBLE_MARKS = OPEN_DOUBLE + CLOSE_DOUBLE + STRAIGHT_DOUBLE
ALL_MARKS = DOUBLE_MARKS + OPEN_SINGLE + CLOSE_SINGLE + STRAIGHT_SINGLE
# a low opening mark is closed by the mark its languages close it with, as well as by the
# closing marks above
LOW_CLOSERS = {"„": "“", "‚": "‘"}


def closes(opening: str, mark: str) -> bool:
    """Whether ``mark`` is a closing mark of a quotation opened with ``opening`` (a straight mark
    closes only a straight one)."""
    if opening == STRAIGHT_DOUBLE or mark == STRAIGHT_DOUBLE:
        return opening == mark == STRAIGHT_DOUBLE
    if opening == STRAIGHT_SINGLE or mark == STRAIGHT_SINGLE:
        return opening == mark == STRAIGHT_SINGLE
    return mark in CLOSE_DOUBLE + CLOSE_SINGLE or LOW_CLOSERS.get(opening) == mark


def shadow_text(text: str) -> str:
    """A same-length copy of the text for scanning: typewriter conventions become ordinary
    marks, so offsets stay those of the original.
    * ``''…''`` and ````…''`` (two apostrophes or backticks, as some newspapers print double
      quotation marks) → a straight double mark and a space;
    * a paragraph that starts with a closing curly mark followed by a word opens with it (a
      common typo for the opening mark)."""
    text = re.sub(r"``|''(?=[\w\[(])", ' "', text)  # an opening pair: the mark touches the word
    text = text.replace("''", '" ')
    return re.sub(r"(^|\n)(\s*)”(?=\w)", lambda m: m.group(1) + m.group(2) + "“", text)
