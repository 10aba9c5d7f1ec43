"""What the stages find about one statement, before it becomes a ``Statement`` record.

``Found`` is made by ``onrecord_statements`` (and ``onrecord_earlier``) and filled in by each later
stage, one field group per stage: the speaker (``onrecord_speakers``), the occasion
(``onrecord_context``: a ``StatementContext``), the issues (``onrecord_statement_issues``) and the
stances (``onrecord_stances``).  ``onrecord_records`` turns it into a ``Statement``.  It holds
spaCy tokens and spans, so it never leaves the process.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Literal

from spacy.tokens import Span, Token

from onrecord.extraction.quotes import QuoteSpan
from onrecord.model.stance import Stance
from onrecord.model.statement import SaidOn, SpeakerType, Statement, Venue

CharRange = tuple[int, int]


def default_said_on(article_date: dt.date) -> SaidOn:
    """The said_on assumed when the attribution names no time: the article's date."""
    day = article_date.date() if isinstance(article_date, dt.datetime) else article_date
    return SaidOn(day.isoformat(), "day", "", assumed=True)



@dataclass
class StatementContext:
    """Where, to whom, through whom and when a statement was made.  ``said_on`` is None when
    the attribution names no time (see ``said_on_or_default``); spans index ``doc.text``."""

    venue: Venue | None = None
    addressee: str | None = None
    addressee_span: CharRange | None = None
    via_translator: bool = False
    said_on: SaidOn | None = None
    time_text: str | None = None
    time_span: CharRange | None = None

    def said_on_or_default(self, article_date: dt.date | None) -> SaidOn | None:
        """The statement's own time, else the article's date (assumed), else None."""
        if self.said_on is not None:
            return self.said_on
        return default_said_on(article_date) if article_date is not None else None

    def apply_to(self, statement: Statement, article_date: dt.date | None, offset: int = 0) -> Statement:
        """Write this context into ``statement`` and return it.  ``offset`` is where the parsed
        text starts in the article (``Article.body_start``): the venue's offsets are shifted by
        it.  said_on falls back to the article's date, marked assumed."""
        if self.venue is not None:
            venue = self.venue
            statement.venue = replace(venue, start=venue.start + offset, end=venue.end + offset)
        statement.addressee = self.addressee
        statement.via_translator = self.via_translator
        statement.said_on = self.said_on_or_default(article_date)
        return statement




@dataclass
class Found:
    """A statement found in a Doc: its words and cue (``onrecord_statements``), then what the
    later stages add."""

    kind: str
    content: list[CharRange]
    cue: Token | None
    cue_span: CharRange | None
    cue_class: str
    mention: Span | None
    negated: bool = False
    hedged: bool = False
    quote: QuoteSpan | None = None
    continues: Found | None = None  # the statement this one goes on from (a split quotation)
    time: Literal["now", "before"] = "now"  # "before": the article reports it as said or held earlier
    # onrecord_speakers
    speaker_name: str = ""
    speaker_type: SpeakerType = "unknown"
    members: list[str] = field(default_factory=list)
    # onrecord_context
    context: StatementContext | None = None
    # onrecord_statement_issues
    issues: list[str] = field(default_factory=list)
    issue_notes: dict[str, str] = field(default_factory=dict)  # how an issue was found, when not by a trigger
    # onrecord_stances
    stances: dict[str, Stance] = field(default_factory=dict)

    @property
    def verbatim(self) -> bool:
        """The words are the speaker's own: quoted, or a transcript's turn (verbatim, unmarked), in
        which "he" and "she" are others."""
        return self.kind == "direct" or self.cue_class == "transcript"

    @property
    def start(self) -> int:
        return min(s for s, _ in self.content)

    @property
    def end(self) -> int:
        return max(e for _, e in self.content)
