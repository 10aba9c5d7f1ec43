"""Absolute constructions: "The conversation ended with Maddow asking Clinton whether …".

A participle right after "with" (or "without") and a noun phrase has that noun phrase as its
subject: "with the crowd cheering", "with Maddow asking …" (the absolute construction, Quirk et
al. 1985, §15.58).  The small model often hangs the participle on the main verb (``advcl``) and
the noun phrase on the preposition (``pobj``), so the participle seems to have no subject of its
own and the speaker rules took the main clause's ("the conversation").  ``absolute_subject``
finds the noun phrase back; ``subjects.controller`` asks it before climbing the parse.  So with
the person a record shows doing something ("footage of Clinton asking …": ``depicted_subject``).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

ABSOLUTE_PREPS = {"with", "without"}
PARTICIPLE_TAGS = {"VBG", "VBN"}


def absolute_subject(cue: Token, can_speak: Callable[[Token], bool]) -> Token | None:
    """The head of the noun phrase between "with" and a participle cue the parse hung beside it
    (both on the same word, the phrase ending right before the participle) when ``can_speak``
    says it can, or None."""
    if cue.tag_ not in PARTICIPLE_TAGS or cue.dep_ not in {"advcl", "xcomp", "conj"} or cue.i == 0:
        return None
    for prep in cue.head.children:
        if prep.dep_ != "prep" or prep.lower_ not in ABSOLUTE_PREPS or prep.i > cue.i:
            continue
        for noun in prep.children:
            if noun.dep_ == "pobj" and noun.right_edge.i == cue.i - 1 and can_speak(noun):
                return noun
    return None


# verbs of showing and perceiving whose object can be shown doing something ("shows X saying …")
DEPICTING_VERBS = {"show", "feature", "depict", "capture", "hear", "see", "watch", "air", "play", "include"}


def depicted_subject(cue: Token, speaker_class: Callable[[Token], str]) -> Token | None:
    """Depiction rule: "The ad uses footage of Hillary Clinton asking, “Why aren't I 50 points
    ahead?”", "The video shows Clinton saying …": a participle right after the person a record
    shows (the object of "of" after a document, or of a verb of showing) has that person as its
    subject (the participle complement of perception, Quirk et al. 1985, §16.52), not the subject
    of the clause above ("the ad"), which the parse makes control it."""
    if cue.tag_ != "VBG" or cue.i == 0:
        return None
    person = cue.doc[cue.i - 1]
    if person.pos_ != "PROPN" or person.ent_type_ != "PERSON" or speaker_class(person) != "person":
        return None
    shown_by = person.head
    if person.dep_ == "pobj" and shown_by.lower_ == "of" and speaker_class(shown_by.head) == "carrier":
        return person
    if person.dep_ == "dobj" and shown_by.lemma_.lower() in DEPICTING_VERBS:
        return person
    return None
