"""The scare-quote rule: a word the speaker puts in quotation marks is someone else's word.

In the speaker's own words, quotation marks around the issue's word alone ("We welcome their
'peace plan', which is a plan for our surrender", "their 'ceasefire' is a pause to rearm") hold
the word at a distance — the writer's "so-called" (Quirk et al. 1985, III.21, quotation marks for
a term the writer does not endorse; Predelli 2003, "Scare quotes and their relation to other
semantic issues").  What the speaker says of it is no stance on the issue: a sneer or a report of
another's claim.  In a report, marks around a word are the reporter's quotation of the speaker's
own word, no distance (``Speaker.quoting`` tells them apart).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from onrecord.lexicons.quote_marks import ALL_MARKS

# the most words a pair of marks may hold to be a scare quote rather than a quotation
SCARE_QUOTE_WORDS = 3


def _nearest_mark(doc: Doc, positions: range) -> int | None:
    """The first of the positions where the Doc has a quotation mark of its own, or None."""
    return next((k for k in positions if len(doc[k].text) == 1 and doc[k].text in ALL_MARKS), None)


def _scare_quote(anchor: Token) -> str | None:
    """The marks and words around a mention, when a pair of marks holds it and at most
    ``SCARE_QUOTE_WORDS`` words, none of them written with a capital (a name in marks, "the
    'Normandy format'", is a title, not a sneer)."""
    doc = anchor.doc
    opening = _nearest_mark(doc, range(anchor.i - 1, max(-1, anchor.i - SCARE_QUOTE_WORDS - 1), -1))
    if opening is None:
        return None
    closing = _nearest_mark(doc, range(anchor.i + 1, min(len(doc), opening + SCARE_QUOTE_WORDS + 2)))
    if closing is None or any(t.text[:1].isupper() for t in doc[opening + 1:closing]):
        return None
    return doc[opening:closing + 1].text


def scare_quoted(anchors: Sequence[Token]) -> list[str]:
    """The scare quotes around the issue's mentions, when every mention is in them (a mention the
    speaker writes plainly is the speaker's own word: "talks in the 'new format' and any other")."""
    quotes = [_scare_quote(a) for a in anchors]
    if not quotes or any(q is None for q in quotes):
        return []
    return list(dict.fromkeys(q for q in quotes if q is not None))
