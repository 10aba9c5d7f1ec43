"""Addressee and translator rules: to whom ("told reporters", "speaking to students") and
through whom ("through a translator") a statement was made."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from onrecord.extraction.context.region import CharRange, Region, attachment, linked_verbs, object_of, object_phrase
from onrecord.extraction.docindex import doc_text
from onrecord.extraction.hung_clauses import addressee_taken_for_modifier
from onrecord.lexicons.venues import VenueLexicon


# Rule: the object of an addressing verb — "told reporters", "told lawmakers", "briefed
# allies": the direct object of an addressing verb linked to the cue (no pronouns: "told him"
# names nobody).
def addressed_object_rule(region: Region) -> tuple[str, CharRange] | None:
    for verb in linked_verbs(region):
        if verb.lemma_.lower() not in region.lexicon.addressing_verbs:
            continue
        for obj in verb.children:
            if obj.dep_ in {"dobj", "dative"} and region.holds(obj) and obj.pos_ != "PRON":
                phrase = object_phrase(obj, region)
                if phrase[0]:
                    return phrase
        # "telling reporters relations … have changed": whom it was told, parsed as a modifier
        # of the clause's subject (``hung_clauses.addressee_taken_for_modifier``)
        told = addressee_taken_for_modifier(verb)
        if told is not None and region.holds(told):
            return told.text, (told.idx, told.idx + len(told.text))
    return None


# Rule: the object of "to" — "speaking to students", "said to reporters", "wrote to
# Congress" ("according to" names the speaker, not an addressee).
def to_object_rule(region: Region) -> tuple[str, CharRange] | None:
    for verb in linked_verbs(region):
        if verb.lemma_.lower() == "accord":
            continue
        obj = object_of(verb, "to", region)
        if obj is not None and _after_the_subject(obj.head, verb):
            continue  # "said the adviser TO the president": the parse took the noun's "to"
        if obj is not None and obj.pos_ != "PRON" and obj.ent_type_ not in {"DATE", "TIME"}:
            phrase = object_phrase(obj, region)
            if phrase[0]:
                return phrase
    return None


def _after_the_subject(preposition: Token, verb: Token) -> bool:
    """The preposition follows a word of the verb's subject or agent ("said the adviser to ...",
    "stated by the adviser to ...")."""
    subject = {t.i for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "agent"} for t in c.subtree}
    return preposition.i - 1 in subject


# Rule: an interpreter — "through a translator", "speaking through an interpreter", "via an
# interpreter": a translator noun that is the object of "through" or "via" attached to the cue.
def translator_rule(region: Region) -> bool:
    for token in region.tokens():
        if token.lemma_.lower() not in region.lexicon.translator_nouns or token.dep_ != "pobj":
            continue
        if token.head.lower_ in region.lexicon.translator_preps and attachment(token, region) is not None:
            return True
    return False


# Rule: a transcript's note on a turn — "Question(retranslated):", "Viktor Orban (through an
# interpreter):": a bracketed note right before the label's colon (the statement's cue) whose
# words say the turn was translated.
TRANSCRIPT_NOTE = re.compile(r"\(([^()]{1,40})\)\s*$")


def translation_note_rule(doc: Doc, cue: CharRange | None, lexicon: VenueLexicon) -> bool:
    text = doc_text(doc)
    if cue is None or text[cue[0] : cue[1]] != ":":
        return False
    note = TRANSCRIPT_NOTE.search(text, max(0, cue[0] - 42), cue[0])
    if note is None:
        return False
    words = set(re.findall(r"[a-z]+", note.group(1).lower()))
    return bool(words & (lexicon.translation_notes | lexicon.translator_nouns))
