"""Made-clear rule: "Devine made it clear that his boss wanted to see something firmer", "Putin
made clear that …", "she made it plain that …", "Zelensky has made it abundantly clear to
partners that …": "make" with an adjective of plainness and a clause after it asserts the clause;
the subject of "make" is the speaker and the clause the content.

The parser reads "made it clear" as a small clause ("it" the adjective's subject, the adjective
a ``ccomp`` of "made") and hangs the reported clause on the adjective, on "made", or, after an
addressee ("clear to partners that …"), on the addressee as a relative clause; so the clause is
found by where it starts — right after the adjective (or after its "to" phrase), opened by "that"
or by its own subject — not by its label.  A passive ("it was made clear that …") names no one and
is no cue.
"""

from __future__ import annotations

from spacy.tokens import Token

from onrecord.extraction.speaker_classes import speaker_class
from onrecord.extraction.state_cues import CLAUSE_SUBJECTS
from onrecord.lexicons.cues import CueEntry

# the adjectives that with "make" put a statement on record: "made it clear/plain/known that …"
PLAINNESS = {"clear", "plain", "known", "evident"}
ADJECTIVE_DEPS = {"ccomp", "oprd", "acomp", "xcomp"}
MADE_CLEAR = CueEntry("make clear", "assert", frozenset({"clause"}))


def plainness_adjective(verb: Token) -> Token | None:
    """The adjective of plainness "make" takes after it ("made [it] CLEAR"), or None."""
    if verb.lemma_.lower() != "make":
        return None
    return next((c for c in verb.children
                 if c.dep_ in ADJECTIVE_DEPS and c.i > verb.i and c.lower_ in PLAINNESS), None)


def made_clear_clause(verb: Token) -> Token | None:
    """The head of the clause "make … clear" asserts: the clause starting right after the
    adjective (or after the adjective's "to" phrase, "clear to partners that …"), opened by
    "that" with a subject of its own, or by its subject ("made it clear he would not run")."""
    adjective = plainness_adjective(verb)
    if adjective is None:
        return None
    doc = verb.doc
    start = adjective.i + 1
    addressee = next((c for c in adjective.children if c.dep_ == "prep" and c.i == start and c.lower_ == "to"), None)
    told = next((c for c in addressee.children if c.dep_ == "pobj"), None) if addressee is not None else None
    if told is not None:
        start = told.i + 1  # "made it clear to partners that …" (the clause may hang on "partners")
    if start >= len(doc):
        return None
    first = doc[start]
    if first.lower_ == "that":
        # the parser may read "that" as a relative pronoun of the addressee's clause: the clause
        # still has a subject of its own
        clause = first.head
        if not any(c.dep_ in CLAUSE_SUBJECTS and c.i != first.i for c in clause.children):
            return None
    elif first.dep_ in {"nsubj", "nsubjpass"}:
        clause = first.head
    else:
        return None
    if clause.pos_ not in {"VERB", "AUX"} or clause.left_edge.i != start or not verb.is_ancestor(clause):
        return None
    return clause


def made_clear_cue(token: Token) -> CueEntry | None:
    """The cue entry of an active "make … clear" with a clause (``made_clear_clause``), or None.
    A subject that is a common noun of no speaker ("the New York primary made clear that …", "the
    vote made it clear that …") makes the clause the writer's inference from an event, not
    anyone's statement; a name, a body, a document ("the report made it clear") may speak."""
    if any(c.dep_ == "nsubjpass" for c in token.children) or made_clear_clause(token) is None:
        return None
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.pos_ == "NOUN" and speaker_class(subject) in {"unknown", "never"}:
        return None
    return MADE_CLEAR
