"""Dependency heads cut to a span, as spaCy's ``Span.as_doc`` rewires them (its
``Span._fix_dep_copy``), from the Doc's heads read once as plain numbers.

``_fix_dep_copy`` makes a Token of every word of the span and walks its head (another Token),
and the ancestors of any word whose head lies outside; cutting every statement of an article out
of its parse that way was a third of the cut.  Here only the words whose head lies outside the
span are walked, over a list of head indices.
"""

from __future__ import annotations

from typing import Any

import numpy
from spacy.attrs import DEP, HEAD
from spacy.symbols import dep as DEP_LABEL  # the label ``_fix_dep_copy`` gives a word cut from its head
from spacy.tokens import Token

UINT64 = 1 << 64  # the array holds a relative head as a uint64: -1 is 2**64 - 1
VERBAL = {"VERB", "AUX"}


def governing_verb(token: Token) -> Token:
    """The verb (or auxiliary) whose clause holds the word: the word itself if it is one, else its
    nearest verbal ancestor, else the root of its sentence."""
    word = token
    while word.head.i != word.i and word.pos_ not in VERBAL:
        word = word.head
    return word


def absolute_heads(relative: Any) -> Any:
    """Each token's head as a token index, from the ``HEAD`` column (offsets, as uint64)."""
    return relative.astype(numpy.int64) + numpy.arange(len(relative), dtype=numpy.int64)


def rewire_heads(heads: Any, start: int, end: int, attrs: list[int], array: Any) -> None:
    """What ``Span(doc, start, end)._fix_dep_copy(attrs, array)`` does to ``array`` (the span's
    rows of the Doc's attribute array), given ``heads``, the Doc's ``absolute_heads``.

    A word whose head is outside the span gets the label "dep" and, as its head, the last of its
    ancestors inside the span (spaCy walks them all and keeps the last); without one, it becomes
    an artificial root, shared by the words whose ancestors end in the same root."""
    if HEAD not in attrs:
        return
    head_col = attrs.index(HEAD)
    dep_col = attrs.index(DEP) if DEP in attrs else None
    span_heads = heads[start:end]
    outside = numpy.flatnonzero((span_heads < start) | (span_heads >= end)).tolist()
    if not outside:
        return
    limit = len(heads)  # spaCy's guard: no token has more ancestors than the Doc has tokens
    new_root: dict[int, int] = {}
    for i in outside:
        if dep_col is not None:
            array[i, dep_col] = DEP_LABEL
        word = start + i
        inside = -1
        steps = 0
        while steps < limit:
            head = int(heads[word])
            if head == word:
                break
            word = head
            steps += 1
            if start <= word < end:
                inside = word
        if inside >= 0:
            array[i, head_col] = (inside - start - i) % UINT64
            continue
        root = word - start  # the last ancestor walked: spaCy's key for the artificial root
        if root in new_root:
            array[i, head_col] = (new_root[root] - i) % UINT64
        else:
            array[i, head_col] = 0
            new_root[root] = i
