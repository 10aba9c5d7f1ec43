"""Object relatives the parser read as subject relatives, found back for the cue they hold.

"Bannon, who Beck on Wednesday called “a horrible, despicable human being”": in speech and much
news writing "who" stands for "whom", the object of the relative clause, and a name follows it as
the clause's subject.  The small model makes "who" the subject and hangs the name and the cue
apart, so the antecedent (Bannon) would be taken for the speaker; the name between the pronoun
and the cue is who speaks (relative clauses with a subject of their own: Huddleston & Pullum 2002,
ch. 12).  With "whom" the model parses it right.
"""

from __future__ import annotations

from spacy.tokens import Token

RELATIVE_PRONOUNS = {"who", "whom", "that"}


def object_relative_subject(noun: Token, cue: Token) -> Token | None:
    """The name that speaks in a relative clause on ``noun`` whose pronoun is the cue's object:
    the relative pronoun right after the noun (a comma between them allowed), then a person's
    name before the cue; None otherwise."""
    doc = noun.doc
    at = noun.i + 1
    if at < cue.i and doc[at].text == ",":
        at += 1
    if at + 1 >= cue.i or doc[at].lower_ not in RELATIVE_PRONOUNS:
        return None
    first = doc[at + 1]
    if first.pos_ != "PROPN" or first.ent_type_ != "PERSON":
        return None
    last = first
    while last.i + 1 < cue.i and doc[last.i + 1].ent_type_ == "PERSON" and doc[last.i + 1].ent_iob_ == "I":
        last = doc[last.i + 1]
    return last
