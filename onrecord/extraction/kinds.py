"""The kind of a statement: how its content relates to the quotation marks.

Wholly quoted is ``direct``, reported speech holding a quoted fragment is ``mixed``, otherwise
``indirect`` (``classify_kind``).  Kept apart from ``content.py``, which finds the content.
"""

from __future__ import annotations

from spacy.tokens import Doc

from onrecord.extraction.docindex import doc_text, quotes_over
from onrecord.extraction.quotes import QuoteSpan


def is_reference_back(doc: Doc, quote: QuoteSpan, quotes: list[QuoteSpan]) -> bool:
    """A short quoted term that repeats words quoted earlier in the article ('the "NATO
    umbrella"') refers back to that quotation; it is not new quoted speech."""
    words = doc_text(doc)[quote.inner_start : quote.inner_end].lower().split()
    if len(words) > 2:
        return False
    term = " ".join(words)
    text = doc_text(doc)
    return any(
        q.end <= quote.start and term in " ".join(text[q.inner_start : q.inner_end].lower().split()) for q in quotes
    )


def classify_kind(start: int, end: int, quotes: list[QuoteSpan], doc: Doc) -> tuple[str, QuoteSpan | None]:
    """direct: the content is the quotation (give or take its marks and punctuation);
    mixed: the content holds a quotation and words of the reporter; indirect: no quotation."""
    inside = [q for q in quotes_over(doc, quotes, start, end) if not is_reference_back(doc, q, quotes)]
    if not inside:
        return "indirect", None
    q = inside[0]
    outside = doc_text(doc)[start : q.start] + doc_text(doc)[q.end : end]
    for other in inside[1:]:
        outside = outside.replace(doc_text(doc)[other.start : other.end], "")
    if len(inside) == 1 and not any(ch.isalnum() for ch in only_words_of_the_frame(outside)):
        return "direct", q
    return "mixed", q


def only_words_of_the_frame(outside: str) -> str:
    """Conjunction rule: in '"A," he said, but "B."' the second part's content is 'but "B."': a
    conjunction that joins the parts of one utterance is the frame's, not words of the reporter's
    about what was said; the part is wholly quoted."""
    words = outside.split()
    return "" if len(words) == 1 and words[0].strip(",;:—–-").lower() in {"and", "but"} else outside
