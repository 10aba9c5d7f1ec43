"""A noun-phrase content goes on over a second object the parser hung elsewhere.

"started off by emphasizing job security, and a need to raise wages": the parser hangs "a need"
as a conjunct of "started", a verb, though a noun conjoined to a verb is no clause of its own;
it is the cue's second object, and part of what was said (coordination, Huddleston & Pullum
2002, ch. 15: conjuncts are of like category).
"""

from __future__ import annotations

from spacy.tokens import Token

NOUN_TAGS = {"NOUN", "PROPN"}


def stranded_object_conjunct(cue: Token, last: Token) -> Token | None:
    """Object-conjunct rule: the noun conjunct right after a noun-phrase content's last token
    ``last`` (past a comma and "and"/"or" only) that the parser hung on the cue or on a verb
    above it, not on the content: the cue's second object.  None when there is none."""
    doc = cue.doc
    i = last.i + 1
    while i < len(doc) and doc[i].is_punct and doc[i].text == ",":
        i += 1
    if i >= len(doc) or doc[i].lower_ not in {"and", "or"} or doc[i].dep_ != "cc":
        return None
    above = set()
    token = cue
    for _ in range(8):
        above.add(token.i)
        if token.head.i == token.i:
            break
        token = token.head
    for conj in doc[i + 1 : i + 4]:
        on_a_verb = conj.head.i in above and conj.head.pos_ in {"VERB", "AUX"}
        if conj.dep_ == "conj" and conj.pos_ in NOUN_TAGS and on_a_verb and conj.left_edge.i == i + 1:
            if not any(c.dep_ in {"nsubj", "nsubjpass"} for c in conj.children):
                return conj
    return None
