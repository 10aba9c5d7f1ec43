"""Inverted frames: the speaker after the cue ('"…," warned the Iranian minister', "He had a voice
in decisions …, said a former spokesman, Oleg Voloshyn, who …").

Reporting clauses allow subject-verb inversion after what they report (Quirk et al. 1985,
§14.29); the small model then takes the speaker for the cue's object, or for the subject of a
clause the cue reports.  Kept apart from ``subjects.py``, which asks these rules first, and read by
``content.reported_clause`` too (which words were said, the ones before the inverted frame).
"""

from __future__ import annotations

from spacy.tokens import Token

from onrecord.extraction.nearest_speakers import in_quotation, same_paragraph
from onrecord.extraction.speaker_classes import can_speak


def inverted_subject(cue: Token) -> Token | None:
    """Inversion after a quotation ('"…," warned the Iranian minister'): the parse often takes
    the speaker after the cue for its object.  A cue that opens the frame right after a closing
    quotation mark, with no subject of its own, takes the noun that follows it when it can speak.
    Only a finite verb inverts: a participle there ('"fantastic," telling reporters …') goes on
    with the sentence's subject, and the noun after it is whom it addresses."""
    if cue.tag_ not in {"VBD", "VBZ", "VBP"}:
        return None
    doc = cue.doc
    i = cue.i - 1
    while i >= 0 and doc[i].is_punct and not in_quotation(doc[i]):
        if doc[i].text in {")", "]"}:
            return None  # a quotation in parentheses is no frame's: '(''…''), endorsed Y'
        i -= 1
    if (i < 0 or not in_quotation(doc[i]) or i == cue.i - 1 and not doc[i].is_punct) and not after_its_clause(cue):
        return None
    for c in cue.children:
        if c.i > cue.i and c.dep_ in {"dobj", "attr", "npadvmod", "dep", "oprd"}:
            return c if can_speak(c) and same_paragraph(c, cue) else None
        if c.i == cue.i + 1 and c.dep_ == "advmod" and can_speak(c):
            return c  # '"…," said Skelly' with the name tagged an adverb
    return subject_taken_for_a_clause(cue)


# the verbs news inverts after reported speech: "…, said X", "…, added X", "…, wrote X"
INVERTING_LEMMAS = frozenset({"say", "add", "write"})


def after_its_clause(cue: Token) -> bool:
    """Inversion after reported speech ("He also had a voice in decisions …, said a former
    spokesman, Oleg Voloshyn, who …"): "say", "add" or "write" with no subject before it, right
    after the comma that closes a clause it reports which opens the sentence, is followed by its
    speaker.  A clause whose subject is set off by a comma is no reported speech of this kind:
    "Mr. Slinker, whose start-up … uses big data …, said …" hangs a relative clause on the subject."""
    doc = cue.doc
    if cue.i < 2 or doc[cue.i - 1].text != "," or cue.lemma_.lower() not in INVERTING_LEMMAS \
            or any(c.dep_ in {"nsubj", "nsubjpass"} and c.i < cue.i for c in cue.children):
        return False
    opening = next((t for t in cue.sent if not (t.is_punct or t.is_space)), None)
    return opening is not None and any(
        c.dep_ == "ccomp" and c.i < cue.i and c.right_edge.i >= cue.i - 2 and c.left_edge.i == opening.i
        and not _set_off_subject(c) for c in cue.children)


def _set_off_subject(clause: Token) -> bool:
    """"Mr. Slinker, whose start-up … uses big data …, said": a subject set off by a comma, with
    what describes it, is the cue's own subject the parse hung on the words about it."""
    doc = clause.doc
    return any(s.dep_ in {"nsubj", "nsubjpass"} and s.i + 1 < len(doc) and doc[s.i + 1].text == ","
               for s in clause.children)


def subject_taken_for_a_clause(cue: Token) -> Token | None:
    """Inversion with a clause after the name ('"…," said Jon Ralston, who watched Tom Hale
    speak'): the parse makes "Jon Ralston … speak" a clause the cue reports.  A clause after the
    cue whose subject is the word right after it is the speaker and the words about them; the
    quotation before the cue is what was said (``content.reported_clause``)."""
    for c in cue.children:
        if c.dep_ == "ccomp" and c.i > cue.i:
            subject = next((s for s in c.children if s.dep_ == "nsubj" and s.left_edge.i == cue.i + 1), None)
            if subject is not None and can_speak(subject) and same_paragraph(subject, cue):
                return subject
    return None
