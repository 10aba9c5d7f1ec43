"""Scene-setting sentences: a sentence that is no statement but sets the occasion of the
statements that follow it — "X spoke to reporters outside the courthouse.", "X arrived at
NATO headquarters in Brussels on Wednesday.", "The families spoke in front of the
courthouse." (``scene.py`` holds the scene).  Its venue and time are found by the venue and
time rules, linked to the sentence's main verb instead of a cue."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from onrecord.extraction.context.region import Region, is_clause_verb
from onrecord.extraction.context.scene import Occasion
from onrecord.extraction.context.venue import best_venue, lexicon_hits, venue_rules
from onrecord.extraction.context.when import background_time, said_on_rule
from onrecord.lexicons.venues import VenueLexicon


@dataclass(frozen=True)
class Setting:
    """A scene-setting sentence: who it is about (a person's name, or a group's member words)
    and the occasion it names."""

    start: int  # where the sentence starts in doc.text
    speaker: str
    group_words: frozenset[str]
    occasion: Occasion


def group_words(noun: Token, lexicon: VenueLexicon) -> frozenset[str]:
    """The words that describe a member of a group noun: its lemma, and the lexicon's member
    words of it ("families" -> family, father, mother, ...)."""
    lemma = noun.lemma_.lower()
    return frozenset({lemma, noun.lower_, *lexicon.members_of(lemma)})


def _who(subject: Token, lexicon: VenueLexicon) -> tuple[str, frozenset[str]]:
    """Whom a sentence's subject names: a person (the name as written) or a group of people
    speaking (a plural noun subject of a verb of speaking or attending: its member words).  A
    pronoun names no one here: the person it stands for is the speakers stage's to find."""
    root = subject.head
    if subject.ent_type_ == "PERSON":
        return _entity_of(subject).text, frozenset()
    verb = root.lemma_.lower()
    speaking = verb in lexicon.carrier_verbs or verb in lexicon.issuing_verbs
    if subject.pos_ == "NOUN" and subject.tag_ == "NNS" and speaking:
        return "", group_words(subject, lexicon)
    return "", frozenset()


def _entity_of(token: Token) -> Span:
    """The named entity a token is part of, read off the tokens around it."""
    doc = token.doc
    start, end = token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I" and doc[start - 1].ent_type_ == token.ent_type_:
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def _told_as_done(verb: Token) -> bool:
    """The main verb tells what happened: not a state ("is due to ..."), a plan ("was
    scheduled to address"), a future, a possibility or a denial ("will speak", "may attend",
    "did not speak")."""
    if verb.lemma_.lower() == "be":
        return False
    return not any((c.dep_ == "aux" and c.tag_ == "MD") or c.dep_ in {"neg", "xcomp"} for c in verb.children)


# Rule: a scene-setting sentence — a sentence with no statement in it whose main verb tells
# what happened, has a person or a group as its subject and, linked to it, a venue ("spoke to
# reporters OUTSIDE THE COURTHOUSE") or a time of a day ("arrived in Brussels ON WEDNESDAY").
# A group sets only a venue (its members' occasion), a person either; a time of the story's
# background ("in 2019", "on June 27" in an article of July 6) sets no scene.
def scene_settings(doc: Doc, taken: set[int], article_date: dt.date | None, published: dt.datetime | None,
                   lexicon: VenueLexicon) -> Iterator[Setting]:
    """The scene-setting sentences of ``doc``: ``taken`` holds the tokens of every statement's
    cue and content (a sentence with one is a statement's)."""
    for sent in doc.sents:
        if any(i in taken for i in range(sent.start, sent.end)):
            continue
        setting = _setting(sent, article_date, published, lexicon)
        if setting is not None:
            yield setting


def _setting(sent: Span, article_date: dt.date | None, published: dt.datetime | None,
             lexicon: VenueLexicon) -> Setting | None:
    root = sent.root
    if not is_clause_verb(root) or not _told_as_done(root):
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)  # the doer, not a passive's patient
    if subject is None:
        return None
    speaker, group = _who(subject, lexicon)
    if not speaker and not group:
        return None
    region = Region(sent.doc, [sent], {t.i for t in subject.subtree}, [root], lexicon)
    hits = lexicon_hits(region)
    best = best_venue(venue_rules(region, hits))
    time = said_on_rule(region, article_date, published, hits)
    if time is not None and background_time(time.said_on, article_date, published):
        return None
    occasion = Occasion(best.venue if best is not None else None, time.said_on if time else None,
                        time.span.text if time else None)
    if occasion.venue is None and (group or occasion.said_on is None):
        return None
    return Setting(sent.start_char, speaker, group, occasion)
