"""The writer's sentences around a word: which paragraph an offset is in, whether a word is inside
someone's quotation, the subject of a sentence's main clause, and the narrated sentence before a
word's own (read by the pronoun rules, ``pronouns.py`` and ``exchanges.py``)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from onrecord.extraction.docindex import break_runs, in_quotes

PARAGRAPH_BREAK = re.compile(r"\n+")


def quoted(token: Token) -> bool:
    """The word is inside a quotation (of ``doc._.quotes``)."""
    return in_quotes(token.doc, token.idx)


def paragraph_index(doc: Doc, offset: int) -> int:
    """The number of paragraph breaks (runs of line breaks) before an offset."""
    # len(PARAGRAPH_BREAK.findall(text, 0, offset)): each run of line breaks that starts before
    # the offset, counted by bisection over the runs found once per Doc
    return bisect_left(break_runs(doc, PARAGRAPH_BREAK), offset)


def sentence_subject(sent: Span) -> Token | None:
    """The subject of a sentence's main clause, outside quotation marks."""
    root = sent.root
    for c in root.children:
        if c.dep_ in {"nsubj", "nsubjpass"} and not quoted(c):
            return c
    return None


def narrated_sentences_before(token: Token) -> Iterator[Span]:
    """The sentences before the token's, nearest first, skipping those wholly inside quotation
    marks, and asides wholly inside parentheses, which do not change whom the narration is about
    ("Trump … doubled down. (Although, as with most of Trump's statements, it was not clear what
    he meant.) An economic downturn, he said, …"); the callers stop where the paragraphs grow too
    far: ``paragraph_index``."""
    doc = token.doc
    start = token.sent.start
    while start > 0:
        prev = doc[start - 1].sent
        start = prev.start
        if not all(quoted(t) or t.is_punct or t.is_space for t in prev) and not parenthesized(prev):
            yield prev


def parenthesized(sent: Span) -> bool:
    """A sentence wholly inside one pair of parentheses: "(It was not clear what he meant.)"."""
    text = sent.text.strip()
    return text.startswith("(") and text.rstrip(".!?").endswith(")") and text.count("(") == 1 == text.count(")")


def narrated_sentence_before(token: Token) -> Span | None:
    """The nearest of ``narrated_sentences_before``, in the same or the previous paragraph; else None."""
    prev = next(narrated_sentences_before(token), None)
    if prev is None or paragraph_index(token.doc, token.idx) - paragraph_index(token.doc, prev.start_char) > 1:
        return None
    return prev


def joint_key(pronoun: Token) -> tuple[str, int]:
    """Where a rule that read "they" as two people keeps them, per Doc (``docindex.once``)."""
    return ("joint members", pronoun.i)
