"""A statement's parse as plain lists, read once per Doc: each word's head, relation, spelling,
lemma and part of speech, and its children.

spaCy makes a new ``Token`` at every ``doc[i]``, ``token.head`` and ``token.children``, and looks
each attribute's string up again at every ``token.dep_``; the rules that climb from a mention to
its clause's root, or look at every word's children, asked them hundreds of thousands of times
per corpus.  They read these lists instead, and make a ``Token`` only of the words they return.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.attrs import DEP, HEAD, LEMMA, LOWER, POS
from spacy.tokens import Doc

from onrecord.extraction.heads import absolute_heads


@dataclass(frozen=True)
class Columns:
    """The parse of one Doc, by token index (do not change the lists)."""

    head: list[int]  # ``token.head.i``
    dep: list[str]  # ``token.dep_``
    lower: list[str]  # ``token.lower_``
    lemma: list[str]  # ``token.lemma_.lower()``
    pos: list[str]  # ``token.pos_``
    children: list[list[int]]  # ``[c.i for c in token.children]``, in order

    def ancestors(self, i: int) -> list[int]:
        """``[t.i for t in doc[i].ancestors]``: the heads up to the root."""
        out = []
        head = self.head
        while head[i] != i and len(out) < len(head):  # spaCy's guard against a cycle
            i = head[i]
            out.append(i)
        return out


def columns(doc: Doc) -> Columns:
    """The Doc's ``Columns``, read once (kept in its ``user_data``; ``memo``'s work without a
    closure made at each of the rules' many calls)."""
    held: Columns | None = doc.user_data.get(_KEY)
    if held is None:
        held = doc.user_data[_KEY] = _read(doc)
    return held


_KEY = ("onrecord.columns",)


class _Names(dict[int, str]):
    """Strings by hash, for every Doc of the process: a hash names the same string in any store,
    and a dict answers faster than ``StringStore`` (filled from the Doc's store on a miss)."""

    def __init__(self, lowered: bool = False) -> None:
        super().__init__()
        self.lowered = lowered
        self.store: Any = None

    def __missing__(self, key: int) -> str:
        text = self.store[key]
        value = self[key] = text.lower() if self.lowered else text
        return value


_NAMES = _Names()
_LOWER_LEMMAS = _Names(lowered=True)


def _read(doc: Doc) -> Columns:
    table = doc.to_array([HEAD, DEP, LOWER, LEMMA, POS])
    _NAMES.store = _LOWER_LEMMAS.store = doc.vocab.strings
    head = absolute_heads(table[:, 0]).tolist()
    dep, lower, pos = ([_NAMES[k] for k in table[:, c].tolist()] for c in (1, 2, 4))
    lemma = [_LOWER_LEMMAS[k] for k in table[:, 3].tolist()]
    children: list[list[int]] = [[] for _ in head]
    for i, h in enumerate(head):
        if h != i:
            children[h].append(i)
    return Columns(head, dep, lower, lemma, pos, children)
