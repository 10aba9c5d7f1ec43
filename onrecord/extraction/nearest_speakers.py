"""Rule 4 of ``subjects.subject_of``, for parses that lost the subject link: the nearest noun
phrase that can speak, outside quotation marks and outside what the cue reports."""

from __future__ import annotations

from spacy.tokens import Token

from onrecord.extraction.docindex import in_quotes
from onrecord.extraction.speaker_classes import can_speak

# what a cue reports or acts on: its objects and clauses ("told REPORTERS", "recommending CHARGES")
REPORTING_DEPS = {"dobj", "dative", "ccomp", "xcomp", "pobj", "attr", "oprd", "acomp", "advcl", "conj", "parataxis"}


def same_paragraph(a: Token, b: Token) -> bool:
    lo, hi = sorted((a.i, b.i))
    return not any("\n" in t.text for t in a.doc[lo:hi])


def in_quotation(t: Token) -> bool:
    return in_quotes(t.doc, t.idx)


def _reported_by(cue: Token) -> set[int]:
    """The words the cue reports or acts on (its objects and clauses), which are never its speaker."""
    out: set[int] = set()
    for c in cue.children:
        # what follows the cue, and a reported clause before it ("The talks failed, X said")
        # (a quoted clause before the cue is left to the quotation marks: the parse may have
        # hung the speaker's name from it, '"…," Flynn, an adviser, said')
        if c.dep_ in REPORTING_DEPS and (c.i > cue.i or (c.dep_ in {"ccomp", "parataxis"} and not in_quotation(c))):
            out.update(t.i for t in c.subtree)
    return out


# prepositions that also open a clause: the parser may read the clause's subject as their object
CLAUSE_OPENING_PREPOSITIONS = {"after", "before", "since", "until", "till", "as", "while", "because", "once", "like"}


def object_of_another_verb(noun: Token, cue: Token) -> bool:
    """Taken-object rule: the object of another verb that has a subject of its own ("Mr. Trump
    has disparaged immigrants, and vowed to …"; "… railed against bankers") is that verb's, and no
    speaker of the cue: the one who did the first act is.  A verb's object, or the object of a
    preposition hanging on it.  Not an object right before the cue: "a poll showed a majority of
    voters say …" is parsed so, and the object is the cue's subject."""
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun.head
    if noun.dep_ not in {"dobj", "pobj"} or verb.i == cue.i or verb.pos_ not in {"VERB", "AUX"} \
            or noun.right_edge.i + 1 == cue.i:
        return False
    if noun.dep_ == "pobj" and noun.head.lower_ in CLAUSE_OPENING_PREPOSITIONS:
        return False  # "after Chairman Trey Gowdy (R-S.C.) earlier in the day touted …": a clause's subject
    return any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)


# subjects whose number is sure: "he", "she", "it" or a person's name; "they", "we" or a common
# plural noun.  A common singular noun may stand for many ("a majority … SAY", "38% CALL
# themselves conservative", "the government SAY" in British usage), and a plural name for one
# ("the United States SAYS"): those are left to the other rules.
SINGULAR_PRONOUNS = {"he", "she", "it"}
PLURAL_PRONOUNS = {"they", "we"}


def disagrees_in_number(noun: Token, cue: Token) -> bool:
    """Agreement rule: a present-tense cue agrees with its subject — "polls in the state he calls
    home SHOW him with a lead" is the polls', never "he"'s ("show" takes a plural subject,
    "shows" a singular one)."""
    several = any(c.dep_ == "conj" for c in noun.children)  # "Obama and Clinton"
    singular = not several and (noun.lower_ in SINGULAR_PRONOUNS or (noun.tag_ == "NNP" and noun.ent_type_ == "PERSON"))
    plural = noun.lower_ in PLURAL_PRONOUNS or noun.tag_ == "NNS"
    return (cue.tag_ == "VBP" and singular) or (cue.tag_ == "VBZ" and plural)


def nearest_noun_phrase(cue: Token) -> Token | None:
    """Rule 4, for parses that lost the subject link ('"…," the governor, Pavel Orlov, said',
    '"…," Ramos, 58, told AFP'): the nearest noun phrase to the cue in its sentence and paragraph,
    outside quotation marks and outside what the cue reports, that can speak (a name, a pronoun, a
    person or a body; not a place, which is where something happened, nor a time).  A phrase
    before the cue counts from its last word, appositions included ("Trump, the frontrunner in
    the polls, said")."""
    reported = _reported_by(cue)
    best: tuple[int, Token] | None = None
    for t in cue.sent:
        if t.pos_ not in {"NOUN", "PROPN", "PRON"} or t.dep_ in {"compound", "poss", "nmod", "amod", "flat"}:
            continue
        if t.i == cue.i or in_quotation(t) or t.i in reported or not same_paragraph(t, cue) or not can_speak(t):
            continue
        if t.pos_ == "NOUN" and cue.dep_ == "pcomp" and t.is_ancestor(cue.head):
            continue  # "the release side with respect to reporting …": a noun so qualified says nothing
        if object_of_another_verb(t, cue) or disagrees_in_number(t, cue):
            continue
        if t.i < cue.i:
            last = max((u.i for u in t.subtree if u.i < cue.i and not (u.is_punct or u.is_space)), default=t.i)
            distance = cue.i - last
        else:
            distance = min(u.i for u in t.subtree if u.i > cue.i) - cue.i  # "Said Ellis:" hangs the cue from the name
        if 0 < distance <= 6 and (best is None or distance < best[0]):
            best = (distance, t)
    return best[1] if best else None
