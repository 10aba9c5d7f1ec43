"""Exchange rules for pronouns, where two people deal with each other in the sentence before:
in an interview told as narration ("Hannity asked Trump how high the wall would be. '…,' he told
Hannity"), a pronoun whose own verb is addressed to the subject of the sentence before is that
sentence's other party (the binding rule, ``pronouns.named_in_own_clause``, only says who "he" is
not); in a readout ("President Trump fully briefed President Zelenskyy on … They reviewed the
situation in Kursk and agreed …"), "they" is the two of them."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from onrecord.extraction.agreement import Named
from onrecord.extraction.docindex import once
from onrecord.extraction.mentions import noun_phrase
from onrecord.extraction.narration import joint_key, narrated_sentence_before, quoted, sentence_subject

ADDRESSEE_DEPS = {"dobj", "dative"}
# verbs of two people meeting or talking, after which "they" is both of them ("Ted Cruz accuses
# Obama … Yet they're proposing …" is no such pair)
MEETING_VERBS = {"meet", "brief", "speak", "talk", "call", "phone", "telephone", "host", "receive", "welcome",
                 "visit", "join", "hold", "have", "discuss"}


def addressees(verb: Token, prepositions: frozenset[str] = frozenset({"to"})) -> list[Token]:
    """The persons a verb addresses: its object ("asked Trump") or the object of its "to" ("said
    to Trump"; or of other ``prepositions``: "met with"), outside quotation marks."""
    out = [c for c in verb.children if c.dep_ in ADDRESSEE_DEPS]
    out += [o for p in verb.children if p.dep_ == "prep" and p.lower_ in prepositions
            for o in p.children if o.dep_ == "pobj"]
    return [t for t in out if t.pos_ == "PROPN" and not quoted(t)]


def other_party(pronoun: Token, namer: Callable[[Span], Named | None], spoken: dict[int, Named]) -> Named | None:
    """Exchange rule (see the module): the person the sentence before addressed, when the pronoun's
    verb addresses that sentence's subject; else None."""
    if pronoun.lower_ not in {"he", "she"} or pronoun.dep_ != "nsubj":
        return None
    addressed = {t.text for t in addressees(pronoun.head)}
    prev = narrated_sentence_before(pronoun)
    subject = sentence_subject(prev) if prev is not None else None
    if not addressed or subject is None or subject.text not in addressed:
        return None
    others = addressees(subject.head)
    if len(others) != 1:
        return None
    mention = noun_phrase(others[0])
    named = spoken.get(mention.start_char) or namer(mention)
    return named if named is not None and named[1] == "person" else None


def both_parties(pronoun: Token, namer: Callable[[Span], Named | None], spoken: dict[int, Named]) -> Named | None:
    """Readout rule (see the module): "they" after a sentence whose subject, a person, met or talked
    with one other person (``MEETING_VERBS``: "briefed President Zelenskyy", "spoke with
    Chancellor Scholz") is the two of them, the subject first; else None."""
    if pronoun.lower_ != "they" or pronoun.dep_ != "nsubj":
        return None
    prev = narrated_sentence_before(pronoun)
    subject = sentence_subject(prev) if prev is not None else None
    if subject is None or subject.pos_ != "PROPN" or subject.head.lemma_.lower() not in MEETING_VERBS:
        return None
    others = addressees(subject.head, frozenset({"to", "with"}))
    if len(others) != 1:
        return None
    first = spoken.get(noun_phrase(subject).start_char) or namer(noun_phrase(subject))
    second = namer(noun_phrase(others[0]))
    if first is None or second is None or first[1] != "person" or second[1] != "person" or first[0] == second[0]:
        return None
    members = [first[0], second[0]]
    once(pronoun.doc, joint_key(pronoun), lambda: members)  # the speaker stage names each member
    return " and ".join(members), "group"
