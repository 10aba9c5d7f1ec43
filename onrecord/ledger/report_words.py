"""A report's words in a quote cluster, as its article prints them: the passages of the
statement that are in the cluster, joined.  Apart from the clustering (``quote_rows``,
``linking``) because the listings read it and must not import the linking (ledger.py)."""

from __future__ import annotations

import re
from collections.abc import Iterable

# text between two passages that is not the speaker's: another cut, or words (a mixed
# statement's reporter)
_NOT_BETWEEN = re.compile(r"[\w…“”\"\n]")
CUT = " … "


def passages_text(quote: str, spans: Iterable[tuple[int, int, bool]]) -> str:
    """The words of some passages of a quote as the article prints them: (start, end, follows the
    one before in the quote) each; passages apart are joined by an ellipsis."""
    out, last = "", None
    for start, end, follows in spans:
        if last is None:
            out = quote[start:end]
        elif follows and not _NOT_BETWEEN.search(quote[last:start]):
            out += quote[last:end]
        else:
            out += CUT + quote[start:end]
        last = end
    return out
