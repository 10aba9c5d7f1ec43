"""Plain data: what goes in (``Article``) and what comes out (``Statement`` and its parts, ``Stance``).

Dataclasses with their JSON form; nothing here imports spaCy, a database or the web stack.
"""

from onrecord.model.article import Article
from onrecord.model.stance import STANCE_LABELS, Stance, StanceLabel, choose_stance
from onrecord.model.statement import (
    KINDS,
    Cue,
    Kind,
    Mention,
    Quote,
    SaidOn,
    Segment,
    Speaker,
    SpeakerType,
    Statement,
    Venue,
)

__all__ = [
    "KINDS", "STANCE_LABELS", "Article", "Cue", "Kind", "Mention", "Quote", "SaidOn", "Segment", "Speaker",
    "SpeakerType", "Stance", "StanceLabel", "Statement", "Venue", "choose_stance",
]
