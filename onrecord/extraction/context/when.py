"""When a statement was made: time phrases in the attribution region, found with token patterns
and the model's DATE/TIME entities, attached to the cue, and resolved by ``dates.py``."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from spacy.tokens import Span
from spacy.vocab import Vocab

from onrecord.extraction.anchored import AnchoredMatcher
from onrecord.extraction.built import built_once
from onrecord.extraction.context.dates import (
    MODIFIERS,
    NOT_A_TIME_OF_SAYING,
    NUMBER_WORDS,
    resolve_said_on,
)
from onrecord.extraction.context.region import Region, attachment, distance, linked_verbs
from onrecord.extraction.context.venue import LexiconHit
from onrecord.extraction.docindex import once
from onrecord.extraction.earlier import EARLIER_ADVERBS
from onrecord.lexicons.calendar import MONTH_ABBREVIATIONS, MONTHS, PARTS_OF_DAY, WEEKDAYS
from onrecord.model.statement import SaidOn

_WEEKDAY_TOKEN = {"LOWER": {"IN": list(WEEKDAYS)}}
_MONTH_TOKEN = {"ORTH": {"IN": [m.capitalize() for m in MONTHS]
                         + [a.capitalize() + dot for a in MONTH_ABBREVIATIONS for dot in ("", ".")]}}
_DAY_TOKEN = {"TEXT": {"REGEX": r"^([1-9]|[12]\d|3[01])(st|nd|rd|th)?$"}}
_YEAR_TOKEN = {"TEXT": {"REGEX": r"^(1[89]\d\d|2\d\d\d)$"}}
_MOD = {"LOWER": {"IN": list(MODIFIERS)}, "OP": "?"}
_PART_TOKEN = {"LOWER": {"IN": list(PARTS_OF_DAY)}, "OP": "?"}
_THE = {"LOWER": "the", "OP": "?"}
_OF = {"LOWER": "of", "OP": "?"}
_UNIT = {"LOWER": {"IN": ["day", "days", "week", "weeks", "month", "months", "year", "years"]}}

TIME_PATTERNS: dict[str, list[list[dict[str, Any]]]] = {
    "weekday": [
        [_MOD, {"LOWER": {"IN": ["last", "this", "past"]}, "OP": "?"}, _WEEKDAY_TOKEN, _PART_TOKEN],
        [_MOD, {"LOWER": "on"}, _WEEKDAY_TOKEN, _PART_TOKEN],
    ],
    "relative_day": [
        [_MOD, {"LOWER": {"IN": ["yesterday", "today", "tonight", "overnight"]}}, _PART_TOKEN],
        [_MOD, {"LOWER": {"IN": ["this", "last"]}}, {"LOWER": {"IN": list(PARTS_OF_DAY)}}],
        [{"LOWER": "the"}, {"LOWER": "day"}, {"LOWER": "before"}, {"LOWER": "yesterday"}],
        # "that evening", "later that day", "the same day": the day named before (``that_day``)
        [_MOD, {"LOWER": "that"}, {"LOWER": {"IN": ["day", *PARTS_OF_DAY]}}],
        [_MOD, {"LOWER": "the"}, {"LOWER": "same"}, {"LOWER": {"IN": ["day", *PARTS_OF_DAY]}}],
    ],
    "period": [
        [_MOD, {"LOWER": {"IN": ["last", "this", "past", "previous"]}},
         {"LOWER": {"IN": ["week", "month", "year", "weekend"]}}],
        [{"LOWER": {"IN": ["over", "at", "during"]}}, {"LOWER": "the"}, {"LOWER": "weekend"}],
    ],
    "ago": [
        [{"LIKE_NUM": True}, _UNIT, {"LOWER": "ago"}],
        [{"LOWER": {"IN": list(NUMBER_WORDS)}}, _UNIT, {"LOWER": "ago"}],
    ],
    "date": [
        [_MOD, _MONTH_TOKEN, _DAY_TOKEN, {"ORTH": ",", "OP": "?"}, _YEAR_TOKEN, _PART_TOKEN],
        [_MOD, _MONTH_TOKEN, _DAY_TOKEN, _PART_TOKEN],
        [_MOD, _THE, _DAY_TOKEN, _OF, _MONTH_TOKEN, _YEAR_TOKEN],
        [_MOD, _THE, _DAY_TOKEN, _OF, _MONTH_TOKEN],
        [_MOD, _MONTH_TOKEN, {"ORTH": ",", "OP": "?"}, _YEAR_TOKEN],
        [{"LOWER": {"IN": ["in", "during"]}}, _MOD, _MONTH_TOKEN],
        [{"LOWER": {"IN": ["in", "during"]}}, _MOD, _YEAR_TOKEN],
    ],
}


def time_matcher(vocab: Vocab) -> AnchoredMatcher:
    """The time-phrase Matcher for a vocabulary, built once."""
    return built_once("time phrases", (vocab,), lambda: AnchoredMatcher(vocab, TIME_PATTERNS))


@dataclass(frozen=True)
class TimeHit:
    span: Span
    said_on: SaidOn
    rank: int


def time_entities(sent: Span) -> list[Span]:
    """The model's DATE and TIME entities in a sentence, read off its tokens (``Span.ents``
    would go through every entity of the doc); once per sentence and Doc, as the sentence is
    read for each statement it attributes (do not change the list)."""
    return once(sent.doc, ("time_entities", sent.start, sent.end), partial(_time_entities, sent))


def _time_entities(sent: Span) -> list[Span]:
    found = []
    start = None
    for token in sent:
        inside = token.ent_type_ in {"DATE", "TIME"}
        if start is not None and (not inside or token.ent_iob_ == "B"):
            found.append(sent.doc[start: token.i])
            start = None
        if inside and start is None:
            start = token.i
    if start is not None:
        found.append(sent.doc[start: sent.end])
    return found


def time_candidates(region: Region) -> list[list[Span]]:
    """Time phrases in the region: the time patterns' matches and the model's DATE and TIME
    entities (a time in the content never counts).  Overlapping ones make one candidate: a list
    of their union ("in March" + "March 2022") and then each of them, longest first.  Found once
    per region (do not change the lists)."""
    return region.once("time_candidates", _time_candidates)  # type: ignore[no-any-return]


def _time_candidates(region: Region) -> list[list[Span]]:
    doc = region.doc
    spans = []
    matcher = time_matcher(doc.vocab)
    for sent in region.sents:
        for _, start, end in region.matched("times", sent, matcher):
            spans.append(Span(doc, sent.start + start, sent.start + end))
        spans.extend(time_entities(sent))
    groups: list[list[Span]] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if any(i in region.excluded for i in range(span.start, span.end)):
            continue
        if groups and span.start < max(s.end for s in groups[-1]):
            groups[-1].append(span)
        else:
            groups.append([span])
    out = []
    for group in groups:
        union = doc[min(s.start for s in group): max(s.end for s in group)]
        before = doc[union.start - 1].lower_ if union.start > 0 else ""
        if before in NOT_A_TIME_OF_SAYING or union[0].lower_ in NOT_A_TIME_OF_SAYING:
            continue
        out.append([union, *sorted(group, key=len, reverse=True)])
    return out


# Rule: the statement's own time — a time phrase of the region, attached to the cue (see
# ``attachment``), that resolves to a date (by itself, or as "that evening" by the day the
# text named before); the most closely attached, then the nearest.
def said_on_rule(region: Region, article_date: dt.date | None, published: dt.datetime | None,
                 names: Sequence[LexiconHit] = ()) -> TimeHit | None:
    found = []
    for candidate in _own_times(region, names):
        resolved = ((s, resolve_said_on(s.text, article_date, published)) for s in candidate)
        span, said_on = next(((s, r) for s, r in resolved if r is not None), (candidate[0], None))
        if said_on is None:
            said_on = that_day(candidate[0], region, article_date, published)
        if said_on is None or not _time_of_saying(span, names):
            continue
        rank = attachment(span.root, region)
        if rank is None:
            continue
        found.append(TimeHit(span, said_on, rank))
    if not found:
        return None
    return min(found, key=lambda h: (h.rank, distance(h.span.root, region)))


def _own_times(region: Region, names: Sequence[LexiconHit]) -> list[list[Span]]:
    """The time candidates of the region that are not part of a name ("Sunday Morning
    Futures", "Fox News Sunday")."""
    return [c for c in time_candidates(region)
            if not any(overlaps(c[0], hit.span) for hit in names if hit.kind != "NOUN")]


# Rule: a time of its own that names no date — "on the first day of the trial", "in recent
# days", "previously", "had told", "having said": a time phrase that resolves to no date, an
# adverb of an earlier time attached to the cue, or a cue in the pluperfect or the perfect
# participle.  The statement is of another time than the scene before it, though the article
# does not date it.
def other_time_rule(region: Region, article_date: dt.date | None, published: dt.datetime | None,
                    names: Sequence[LexiconHit] = ()) -> bool:
    for verb in region.anchors:
        if any(c.dep_ == "aux" and c.lower_ in {"had", "having"} for c in verb.children):
            return True
    verbs = {v.i for v in linked_verbs(region)}
    for token in region.tokens():
        if token.dep_ in {"advmod", "npadvmod"} and token.lemma_.lower() in EARLIER_ADVERBS and token.head.i in verbs:
            return True  # on the verb, not on a name: "a post on X (formerly Twitter)"
    for candidate in _own_times(region, names):
        if any(resolve_said_on(s.text, article_date, published) is not None for s in candidate):
            continue
        if that_day(candidate[0], region, article_date, published) is not None:
            continue
        if _time_of_saying(candidate[0], names) and attachment(candidate[0].root, region) is not None:
            return True
    return False


BACKGROUND_DAYS = 7  # a day named further back than a week is the story's background


# Rule: the story's background — a time of a month or a year only ("in 2022", "in March"), or
# a day more than a week before the article's date ("on June 27" in an article of July 6): the
# article tells what was said then as background, not as one of its scenes.
def background_time(said_on: SaidOn | None, article_date: dt.date | None, published: dt.datetime | None) -> bool:
    if said_on is None:
        return False
    if said_on.precision in {"month", "year"}:
        return True
    reference = article_date or (published.date() if published is not None else None)
    return reference is not None and (reference - dt.date.fromisoformat(said_on.date)).days > BACKGROUND_DAYS


THAT_DAY_REACH = 10  # sentences back to look for the day "that day" means
_THAT_DAY = re.compile(rf"(?:(?:later|earlier) )?(?:that|the same) (?:day|{'|'.join(PARTS_OF_DAY)})")


# Rule: that day — "that evening", "later that day", "the same day" is the day the text named
# last before it ("a meeting on Friday ... In an interview that evening"): the latest time
# phrase of the preceding sentences that resolves to a day.
def that_day(span: Span, region: Region, article_date: dt.date | None,
             published: dt.datetime | None) -> SaidOn | None:
    if not _THAT_DAY.fullmatch(span.text.lower().strip()):
        return None
    doc = region.doc
    matcher = time_matcher(doc.vocab)
    start = span.sent.start
    for _ in range(THAT_DAY_REACH):  # sentence by sentence back, so a long article costs no more
        if start == 0:
            break
        sent = doc[start - 1].sent
        start = sent.start
        spans = [sent[s:e] for _, s, e in matcher(sent)] + time_entities(sent)
        for earlier in sorted(spans, key=lambda s: s.end, reverse=True):
            said_on = resolve_said_on(earlier.text, article_date, published)
            if said_on is not None and said_on.precision == "day":
                return SaidOn(said_on.date, "day", span.text)
    return None


def overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _time_of_saying(span: Span, names: Sequence[LexiconHit]) -> bool:
    """A time that modifies a noun (a possessive or a compound) qualifies only a venue: "at
    Friday's press conference", "during a Tuesday interview", but not "yesterday's event" or
    "the Sept. 11 attacks", "the May 3 primary"."""
    if span.root.dep_ not in {"poss", "compound", "nmod", "amod"} or span.root.head.pos_ not in {"NOUN", "PROPN"}:
        return True
    return any(hit.kind == "NOUN" and hit.span.root.i == span.root.head.i for hit in names)

