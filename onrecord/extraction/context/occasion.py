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
from dataclasses import replace

from spacy.tokens import Doc

from onrecord.extraction.context.addressee import (
    addressed_object_rule,
    to_object_rule,
    translation_note_rule,
    translator_rule,
)
from onrecord.extraction.context.dates import parse_day, parse_moment, warm_up
from onrecord.extraction.context.region import CharRange, attribution_region
from onrecord.extraction.context.scene import Occasion, Scenes
from onrecord.extraction.context.setting import Setting, group_words, scene_settings
from onrecord.extraction.context.venue import best_venue, lexicon_hits, venue_rules
from onrecord.extraction.context.when import background_time, other_time_rule, said_on_rule
from onrecord.extraction.found import Found, StatementContext
from onrecord.lexicons.venues import VenueLexicon, load_venue_lexicon


def statement_context(doc: Doc, cue: CharRange | None, content: Sequence[CharRange],
                      article_date: dt.date | None, published: dt.datetime | None = None,
                      lexicon: VenueLexicon | None = None) -> StatementContext:
    """The context of one statement: ``cue`` is the cue phrase's (start, end) in ``doc.text``
    or None, ``content`` the ranges of its quoted or reported words."""
    return own_occasion(doc, cue, content, article_date, published, lexicon)[0]


def own_occasion(doc: Doc, cue: CharRange | None, content: Sequence[CharRange],
                 article_date: dt.date | None, published: dt.datetime | None = None,
                 lexicon: VenueLexicon | None = None,
                 matches: dict[tuple[str, int], list[tuple[int, int, int]]] | None = None,
                 speaker: CharRange | None = None,
                 ) -> tuple[StatementContext, Occasion]:
    """The context of one statement (see ``statement_context``) and the occasion it names of
    its own, for the scene (with a time phrase that names no date).  ``matches``: the doc's
    lexicon and time matches so far, to share between its statements; ``speaker``: the range of
    a mention that is never part of a venue or an addressee (a transcript's label after a
    heading glued before it: "… meeting of the Board [President of Russia Vladimir Putin]: …")."""
    if len(doc) and not doc.has_annotation("DEP"):
        raise ValueError("statement_context needs a Doc parsed with dependencies (sentences, heads)")
    region = attribution_region(doc, cue, content, lexicon, matches, speaker)
    context = StatementContext()
    if not region.sents:
        return context, Occasion()
    hits = lexicon_hits(region)
    venues = venue_rules(region, hits)
    best = best_venue(venues)
    told = best.addressee if best is not None and best.told else None
    addressee = told or addressed_object_rule(region) or to_object_rule(region)
    if best is not None:
        context.venue = best.venue
        addressee = addressee or best.addressee
    if addressee is not None:
        context.addressee, context.addressee_span = addressee
    context.via_translator = translator_rule(region) or translation_note_rule(doc, cue, region.lexicon)
    time = said_on_rule(region, article_date, published, hits)
    if time is not None:
        context.said_on = time.said_on
        context.time_text = time.span.text
        context.time_span = (time.span.start_char, time.span.end_char)
    other_time = time is None and other_time_rule(region, article_date, published, hits)
    return context, Occasion.of(context, other_time, background_time(context.said_on, article_date, published))


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
    lexicon = lexicon or load_venue_lexicon()
    found: list[Found] = doc._.statements or []
    article_date = parse_day(doc._.article_date)
    published = parse_moment(doc._.published)
    occasions: list[Occasion] = []
    matches: dict[tuple[str, int], list[tuple[int, int, int]]] = {}
    previous: tuple[Found, Occasion] | None = None
    for f in found:
        # a transcript's label is no venue ("… meeting of the Board [President of Russia Vladimir
        # Putin]:"); a mention in running text may hold one ("Clinton, in a 2008 interview with NBC,")
        labelled = f.mention is not None and f.cue is not None and f.cue.text == ":"
        speaker = (f.mention.start_char, f.mention.end_char) if labelled else None
        ctx, occasion = own_occasion(doc, f.cue_span, f.content, article_date, published, lexicon, matches, speaker)
        if previous is not None and f.kind != "reported_position" and same_utterance(previous[0], f, doc):
            carry_occasion(previous[0].context, ctx)  # type: ignore[arg-type]
            if previous[1].aside and not occasion.named:
                occasion = replace(occasion, other_time=True)  # the utterance goes on in the aside
        f.context = ctx
        occasions.append(occasion)
        if f.kind != "reported_position":
            previous = f, occasion
    carry_scenes(doc, found, occasions, article_date, published, lexicon)


def _position(f: Found) -> int:
    return min(f.start, f.cue_span[0]) if f.cue_span is not None else f.start


def carry_scenes(doc: Doc, found: Sequence[Found], occasions: Sequence[Occasion], article_date: dt.date | None,
                 published: dt.datetime | None, lexicon: VenueLexicon) -> None:
    """The scene rules (``scene.py``) over the statements and the scene-setting sentences of
    the article, in the order of the text.  A statement reported as said or held before is
    of no scene."""
    taken = {i for f in found for i in _token_ids(doc, f)}
    settings = list(scene_settings(doc, taken, article_date, published, lexicon))
    events: list[tuple[int, int, Setting | int]] = [(s.start, 0, s) for s in settings]
    events += [(_position(f), 1, i) for i, f in enumerate(found)]
    scenes = Scenes()
    for _, _, event in sorted(events, key=lambda e: (e[0], e[1])):
        if isinstance(event, Setting):
            scenes.setting(event.speaker, event.group_words, event.occasion)
            continue
        f = found[event]
        if f.kind == "reported_position" or f.time == "before" or f.context is None:
            continue
        group = group_words(f.mention.root, lexicon) if f.speaker_type == "group" and f.mention is not None else None
        scenes.statement(f.speaker_name, group or frozenset(), occasions[event], f.context, description(f))


def _token_ids(doc: Doc, f: Found) -> list[int]:
    """The indices of the tokens of a statement's content and cue (their spans' ranges, without a
    Token made per word)."""
    ranges = [*f.content, *([f.cue_span] if f.cue_span is not None else [])]
    spans = [doc.char_span(start, end, alignment_mode="expand") for start, end in ranges]
    return [i for span in spans if span is not None for i in range(span.start, span.end)]


def description(f: Found) -> set[str]:
    """The words that describe a statement's speaker where the text names them: the nouns of
    its mention ("Ann Lee, the MOTHER of ...", "Giuliani LAWYER Joe Sib") and of a relative
    clause on it ("Bo Ek, who lost his WIFE in the fire")."""
    if f.mention is None:
        return set()
    tokens = list(f.mention)
    tokens += [t for c in f.mention.root.children if c.dep_ in {"relcl", "appos"} for t in c.subtree]
    return {w for t in tokens if t.pos_ == "NOUN" for w in (t.lemma_.lower(), t.lower_)}


class ContextFinder:
    """The ``onrecord_context`` component."""

    def __init__(self, lexicon: VenueLexicon) -> None:
        self.lexicon = lexicon
        warm_up()  # dateparser, before the first article

    def __call__(self, doc: Doc) -> Doc:
        add_context(doc, self.lexicon)
        return doc
