"""A ``Matcher`` that skips the sentences its patterns cannot match: ``AnchoredMatcher``.

spaCy's ``Matcher`` tests set (``IN``) and ``REGEX`` predicates in Python at every token of what
it is given; a sentence that holds none of the words a pattern requires can hold no match of it.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.matcher import Matcher
from spacy.tokens import Span
from spacy.vocab import Vocab

_AT_LEAST_ONE = re.compile(r"\{([1-9]\d*)(,\d*)?\}")  # "{2}", "{1,3}", "{1,}": the token is required


def _required(op: str | None) -> bool:
    """Whether a token with this ``OP`` must be in every match: none, "+", or a range from one up;
    not "?", "*", "!" (a token that must not be there) nor "{0,3}"."""
    return op is None or op == "+" or bool(_AT_LEAST_ONE.fullmatch(op))


class AnchoredMatcher:
    """A ``Matcher`` of ``patterns`` that runs only on a sentence holding an anchor: for every
    pattern, one token it cannot match without (a month name, "ago", a year, "yesterday").  Most
    sentences name no time (``context/when.py`` matches each sentence of a statement's region).
    The matches are the Matcher's own (a sentence without an anchor has none); a pattern with no
    usable required token turns the filter off."""

    def __init__(self, vocab: Vocab, patterns: dict[str, list[list[dict[str, Any]]]]) -> None:
        self.matcher = Matcher(vocab)
        for key, group in patterns.items():
            self.matcher.add(key, group, greedy="LONGEST")
        self.lowers: set[str] = set()
        self.orths: set[str] = set()
        self.regexes: list[re.Pattern[str]] = []
        chosen = [_anchor(pattern) for group in patterns.values() for pattern in group]
        self.filtered = all(c is not None for c in chosen)
        for attr, values in (c for c in chosen if c is not None):
            if attr == "LOWER":
                self.lowers |= set(values)
            elif attr == "ORTH":
                self.orths |= set(values)
            else:
                self.regexes.extend(re.compile(v) for v in values)

    def anchored(self, sent: Span) -> bool:
        return any(t.lower_ in self.lowers or t.text in self.orths or any(r.search(t.text) for r in self.regexes)
                   for t in sent)

    def __call__(self, sent: Span) -> list[tuple[int, int, int]]:
        if self.filtered and not self.anchored(sent):
            return []
        return self.matcher(sent)  # type: ignore[no-any-return]


def _anchor(pattern: list[dict[str, Any]]) -> tuple[str, tuple[str, ...]] | None:
    """The pattern's most telling required token as (attribute, values): an ORTH or LOWER word or
    list of them, or a TEXT regex, the one with the smallest share of stop words ("the", "in",
    "may": a month list is 1/36 stop words, a regex counts as half).  None when no required token
    is one of these."""
    found = []
    for spec in pattern:
        if not _required(spec.get("OP")):
            continue
        for attr in ("ORTH", "LOWER", "TEXT"):
            value = spec.get(attr)
            if attr == "TEXT" and isinstance(value, dict) and set(value) == {"REGEX"}:
                found.append((0.5, attr, (value["REGEX"],)))
            elif attr != "TEXT" and isinstance(value, str):
                found.append((float(value.lower() in STOP_WORDS), attr, (value,)))
            elif attr != "TEXT" and isinstance(value, dict) and set(value) == {"IN"}:
                words = tuple(value["IN"])
                found.append((sum(w.lower() in STOP_WORDS for w in words) / max(len(words), 1), attr, words))
    if not found:
        return None
    _, attr, values = min(found, key=lambda f: (f[0], len(f[2])))
    return attr, values
