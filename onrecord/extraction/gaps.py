"""Phrases with gaps ("freeze ... front line"), found by hash instead of by the ``Matcher``.

``issue_tags.phrase_patterns`` writes a gapped phrase as Matcher tokens: each word a set of
lemmas (``{"LEMMA": {"IN": [...]}}``), each gap ``{"OP": "{0,3}"}``.  The Matcher tries every
pattern at every token and calls a Python predicate per set (the slowest part of tagging issues,
on the whole article and again on each statement).  Here each part between gaps is a phrase of a
``PhraseMatcher`` on lemmas (each spelling one phrase: the same matches, by hash), and the parts
are joined afterwards: a match is a run of parts, each starting within the gap's reach of the
previous one's end.  That gives every (start, end) the Matcher gives for such a pattern (all of
them: the callers keep a set of matches, ``IssueMatcher.hits``).  Any other pattern is not taken
(``add`` says False) and stays with the Matcher.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import product
from math import prod
from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

GAP_OP = re.compile(r"\{(\d+),(\d+)\}")

Pattern = list[dict[str, Any]]


def gapped_parts(pattern: Pattern) -> tuple[list[list[list[str]]], list[tuple[int, int]]] | None:
    """A pattern of lemma sets and ``{m,n}`` gaps, as its parts (each a list of lemma sets) and its
    gaps (m, n); None for any other pattern, or one without a gap."""
    parts: list[list[list[str]]] = [[]]
    gaps: list[tuple[int, int]] = []
    for spec in pattern:
        if list(spec) == ["OP"] and isinstance(spec["OP"], str) and (m := GAP_OP.fullmatch(spec["OP"])):
            if not parts[-1]:
                return None  # a gap at the start, or two in a row
            gaps.append((int(m.group(1)), int(m.group(2))))
            parts.append([])
        elif list(spec) == ["LEMMA"] and isinstance(spec["LEMMA"], dict) and list(spec["LEMMA"]) == ["IN"]:
            parts[-1].append([str(v) for v in spec["LEMMA"]["IN"]])
        else:
            return None
    if not gaps or not parts[-1] or any(lo > hi for lo, hi in gaps):
        return None
    return parts, gaps


class GapPhrases:
    """Gapped lemma phrases under keys; ``(doc)`` gives their matches as labelled Spans."""

    def __init__(self, vocab: Vocab, max_forms: int) -> None:
        self.vocab = vocab
        self.max_forms = max_forms
        self.phrases = PhraseMatcher(vocab, attr="LEMMA")
        self.patterns: list[tuple[str, list[str], list[tuple[int, int]]]] = []  # key, part keys, gaps
        # the same patterns with their part keys as the PhraseMatcher's match ids, by the id of their
        # first part: a Doc is joined only for the patterns whose first part it holds (trying all of
        # them on every statement was most of the time of tagging a short Doc)
        self._by_first: dict[int, list[tuple[str, list[int], list[tuple[int, int]]]]] = {}

    def __len__(self) -> int:
        return len(self.patterns)

    def add(self, key: str, pattern: Pattern) -> bool:
        """Take the pattern when it is a gapped lemma phrase (with few enough spellings)."""
        split = gapped_parts(pattern)
        if split is None or any(prod(len(f) for f in part) > self.max_forms for part in split[0]):
            return False
        parts, gaps = split
        number = len(self.patterns)
        part_keys = [f"{number}:{k}" for k in range(len(parts))]
        for part_key, part in zip(part_keys, parts, strict=True):
            self.phrases.add(part_key, [lemma_doc(self.vocab, words) for words in product(*part)])
        self.patterns.append((key, part_keys, gaps))
        ids = [self.vocab.strings.add(k) for k in part_keys]
        self._by_first.setdefault(ids[0], []).append((key, ids, gaps))
        return True

    def __call__(self, doclike: Doc | Span) -> list[Span]:
        if not self.patterns:
            return []
        doc = doclike.doc if isinstance(doclike, Span) else doclike
        ends_at: dict[int, dict[int, list[int]]] = {}  # part key (match id) -> start -> ends
        for part, start, end in self.phrases(doclike):  # offsets in ``doc``, as the Spans would have
            ends_at.setdefault(part, {}).setdefault(start, []).append(end)
        found: set[tuple[str, int, int]] = set()
        for first in list(ends_at):
            for key, part_ids, gaps in self._by_first.get(first, ()):
                runs = {(start, end) for start, ends in ends_at[first].items() for end in ends}
                for part_id, (low, high) in zip(part_ids[1:], gaps, strict=True):
                    following = ends_at.get(part_id, {})
                    runs = {(start, after) for start, end in runs for skip in range(low, high + 1)
                            for after in following.get(end + skip, [])}
                found |= {(key, start, end) for start, end in runs}
        return [Span(doc, start, end, label=key) for key, start, end in sorted(found)]


def lemma_doc(vocab: Vocab, lemmas: Sequence[str]) -> Doc:
    """A Doc whose tokens have these lemmas: a phrase for a ``PhraseMatcher`` on ``LEMMA``."""
    doc = Doc(vocab, words=list(lemmas))
    for token, lemma in zip(doc, lemmas, strict=True):
        token.lemma_ = lemma
    return doc
