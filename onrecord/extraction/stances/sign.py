"""One factor of the polarity product (``polarity.py``, ``effects.py``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Sign:
    """One factor of the polarity product: a word, its sign, and whether it alone can decide
    (a marker or the cue) or only modifies (a negation, the content's direction)."""

    text: str
    sign: int
    start: int  # token index, for evidence in text order
    decides: bool
    cue: bool = False
    own: bool = False  # the speaker's own: "our goal", "my hope"
    forecast: bool = False  # a modal negation over a thing ("this will not help"): no stance
    content: bool = False  # the content phrase ("give up", "get back"), not a marker
    shields: bool = False  # a harm regretted ("attempts to undermine X"): words above it speak of the harm
