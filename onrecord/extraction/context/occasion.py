"""The occasion of each statement: where (venue and medium), to whom (addressee), through whom
(an interpreter) and when (``said_on``) it was said.

``statement_context`` puts the rules of ``venue.py``, ``addressee.py`` and ``when.py`` together
for one statement, over its attribution region (``region.py``).  The ``onrecord_context``
component runs it for each statement, resolved against the article's date
(``doc._.article_date`` and ``doc._.published``, set before the pipe runs), and applies the
carrying rule of one utterance (``carry_occasion``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from spacy.tokens import Doc

from onrecord.extraction.context.addressee import addressed_object_rule, to_object_rule, translator_rule
from onrecord.extraction.context.dates import parse_day, parse_moment
from onrecord.extraction.context.region import CharRange, attribution_region
from onrecord.extraction.context.venue import best_venue, lexicon_hits, medium_rule, told_outlet_rule, venue_noun_rule
from onrecord.extraction.context.when import said_on_rule
from onrecord.extraction.found import Found, StatementContext
from onrecord.lexicons.venues import VenueLexicon


def statement_context(doc: Doc, cue: CharRange | None, content: Sequence[CharRange],
                      article_date: dt.date | None, published: dt.datetime | None = None,
                      lexicon: VenueLexicon | None = None) -> StatementContext:
    """The context of one statement: ``cue`` is the cue phrase's (start, end) in ``doc.text``
    or None, ``content`` the ranges of its quoted or reported words."""
    if len(doc) and not doc.has_annotation("DEP"):
        raise ValueError("statement_context needs a Doc parsed with dependencies (sentences, heads)")
    region = attribution_region(doc, cue, content, lexicon)
    context = StatementContext()
    if not region.sents:
        return context
    hits = lexicon_hits(region)
    venues = told_outlet_rule(region, hits) + venue_noun_rule(region, hits) + medium_rule(region, hits)
    best = best_venue(venues)
    told = best.addressee if best is not None and best.told else None
    addressee = told or addressed_object_rule(region) or to_object_rule(region)
    if best is not None:
        context.venue = best.venue
        addressee = addressee or best.addressee
    if addressee is not None:
        context.addressee, context.addressee_span = addressee
    context.via_translator = translator_rule(region)
    time = said_on_rule(region, article_date, published, hits)
    if time is not None:
        context.said_on = time.said_on
        context.time_text = time.span.text
        context.time_span = (time.span.start_char, time.span.end_char)
    return context


# cues that continue the utterance just reported ("he added", "he went on")
CONTINUING_LEMMAS = {"add", "continue", "go"}
MAX_CARRY_GAP = 600  # characters between two parts of one utterance


def same_utterance(previous: Found, current: Found, doc: Doc) -> bool:
    """Carrying rule: two statements are one utterance when the later one continues the
    earlier (second half of a split quote, a paragraph with no cue of its own) or is cued by
    "added"/"went on", by the same speaker, close by in the text."""
    if current.continues is previous:
        return True
    if current.speaker_name != previous.speaker_name or not current.speaker_name:
        return False
    if current.start - previous.end > MAX_CARRY_GAP:
        return False
    lemma = current.cue.lemma_.lower() if current.cue is not None else None
    return lemma is None or lemma in CONTINUING_LEMMAS


def carry_occasion(previous: StatementContext, current: StatementContext) -> None:
    """A venue, translator and date given once carry to the later parts of the same utterance,
    unless the later part names its own occasion (its own venue or its own time)."""
    if current.venue is not None or current.said_on is not None:
        return
    current.venue = previous.venue
    current.via_translator = current.via_translator or previous.via_translator
    current.addressee = current.addressee or previous.addressee
    current.said_on = previous.said_on
    current.time_text = previous.time_text


def add_context(doc: Doc, lexicon: VenueLexicon | None = None) -> None:
    found: list[Found] = doc._.statements or []
    article_date = parse_day(doc._.article_date)
    published = parse_moment(doc._.published)
    previous: Found | None = None
    for f in found:
        ctx = statement_context(doc, f.cue_span, f.content, article_date, published, lexicon)
        if previous is not None and f.kind != "reported_position" and same_utterance(previous, f, doc):
            carry_occasion(previous.context, ctx)  # type: ignore[arg-type]
        f.context = ctx
        if f.kind != "reported_position":
            previous = f


class ContextFinder:
    """The ``onrecord_context`` component."""

    def __init__(self, lexicon: VenueLexicon) -> None:
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        add_context(doc, self.lexicon)
        return doc
