"""Relative clauses on a speaker: "Sanders, who said …" is Sanders's.

A relative pronoun is the cue's subject in the parse, but the speaker is the noun phrase the
clause hangs on: the copula's subject when that noun is a predicate ("Trump is a … birther who
has pledged …"), the whole name when the parser hung the clause on a name's last word.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from onrecord.extraction.docindex import entity_at
from onrecord.extraction.mentions import is_indefinite, noun_phrase
from onrecord.extraction.speaker_classes import can_speak, speaker_class

PERSONAL_RELATIVES = {"who", "whom", "whose"}  # one word for a clause's person, as subject, object, owner


def relative_clause_of(pronoun: Token) -> Token | None:
    """The verb of the relative clause a relative pronoun ("who", "which", "that") is the subject
    of, as the parse hangs it on its noun (``relcl``, ``acl``); None when it hangs on no noun.

    Coordination rule: "Senator Ted Cruz of Texas, who last year threatened to shut down the
    government …, and who has been hoping to carve evangelical support away …": the second clause
    is said of Cruz too, but the parser hangs its verb on the first clause's verb as a conjunct,
    so the clause is the first of the verbs joined — when that clause is opened by the same
    relative word ("which" … "and which"): "A president who authorized the raid that killed Osama
    bin Laden and who hoped …", parsed with "hoped" joined to "killed", is no raid's.  And where
    the parser joined a "who" clause to the noun itself ("Rep. Beto O'Rourke, a Clinton endorser
    whose district went strongly for her but who suggested …": "suggested" a conjunct of
    "O'Rourke"), the clause is on that noun: a "who" joined to a noun opens no clause of its own."""
    if pronoun.tag_ not in {"WP", "WDT"} and not _that_tagged_otherwise(pronoun):
        return None
    clause = pronoun.head
    while clause.dep_ == "conj" and clause.head.i != clause.i and clause.head.pos_ in {"VERB", "AUX"}:
        clause = clause.head
    if clause.dep_ in {"relcl", "acl"}:
        if clause.i == pronoun.head.i or _opened_by(clause, pronoun.lower_):
            return clause
        return None
    if (pronoun.lower_ == "who" and clause.dep_ == "conj" and clause.head.i != clause.i
            and clause.head.pos_ in {"NOUN", "PROPN"}):
        return clause
    return None


def _that_tagged_otherwise(pronoun: Token) -> bool:
    """"a statement THAT, while condemning violence, accused …": the tagger may take a relative
    "that" for a conjunction; right after the noun its clause hangs on, as that clause's subject,
    it is the relative pronoun."""
    clause = pronoun.head
    return pronoun.lower_ == "that" and pronoun.dep_ in {"nsubj", "nsubjpass"} and clause.dep_ in {"relcl", "acl"} \
        and clause.head.i == pronoun.i - 1


def _opened_by(clause: Token, word: str) -> bool:
    """The relative clause of verb ``clause`` is opened by the relative word ``word`` (or, for
    "who", by "whom" or "whose"): "who threatened", "in which Blocher played", "whose district went"."""
    same = PERSONAL_RELATIVES if word in PERSONAL_RELATIVES else {word}
    return any(t.lower_ in same and t.tag_ in {"WP", "WDT", "WP$"} for t in clause.subtree if t.i < clause.i)


def antecedent_of_relative(mention: Span) -> Span:
    """'Sanders, who said …': a relative pronoun is the mention in the text, but the speaker
    is named by the noun phrase the relative clause modifies."""
    root = mention.root
    clause = relative_clause_of(root) if len(mention) == 1 else None
    if clause is not None:
        noun = clause.head
        while noun.dep_ == "conj" and noun.head.i != noun.i and is_indefinite(noun):
            noun = noun.head  # "Sosa, a consultant and an influential Republican who said": the apposition
        if root.lower_ == "who" and noun.ent_type_ in PLACES_AND_BODIES:
            noun = person_described_by(noun) or noun
        elif root.lower_ == "who" and not can_speak(noun):
            noun = speaker_above(noun) or noun
        if noun.dep_ == "appos" and noun.head.ent_type_ == "PERSON" and noun.ent_type_ != "PERSON":
            noun = noun.head  # "Lionel Sosa, an influential Republican, who said": Sosa, not "Republican"
        subject = predicated_of(noun)
        if subject is not None:
            return noun_phrase(subject)
        first = first_of_plural_antecedent(noun, root.head)
        if first is not None:
            return noun_phrase(first)
        return named_whole(noun) or noun_phrase(noun)
    return mention


PLACES_AND_BODIES = {"ORG", "GPE", "FAC", "LOC", "NORP"}


def person_described_by(noun: Token) -> Token | None:
    """Person rule for "who": a clause the parse hung on the body or place that ends the
    apposition describing a person is that person's ("Matt Duss, the president of the Foundation
    for Middle East Peace, who frequently criticizes …": Duss), since "who" is said of people and a
    body takes "which"; None when the phrase describes no one named."""
    up = noun
    while up.dep_ in {"pobj", "prep", "compound"} and up.head.i != up.i:
        up = up.head
    if up.dep_ == "appos" and up.head.ent_type_ == "PERSON":
        return up.head
    return None


def speaker_above(noun: Token) -> Token | None:
    """Misplaced-relative rule: a "who" clause the parse hung on a noun that cannot speak ("one
    Democrat familiar with the discussion, who added that …": on "discussion") is said of the
    nearest noun above it, within its phrase, that names a person or a group (not a body, which
    takes "which"): "who" is said of people."""
    node = noun
    for _ in range(4):
        if node.head.i == node.i or node.dep_ not in {"pobj", "prep", "amod", "compound"}:
            return None
        node = node.head
        if node.pos_ in {"NOUN", "PROPN"} and can_speak(node) and speaker_class(node) != "organization":
            return node
    return None


def first_of_plural_antecedent(noun: Token, verb: Token) -> Token | None:
    """Agreement rule: "Govs. Jeb Bush and Chris Christie, who say …": a relative clause whose verb
    is plural ("say", "have said", "are") hangs on the whole coordination of named people the
    parser ended with its last name, so the speaker is the group, named from its first member; a
    verb that shows no number ("who said") leaves the last name.  The first conjunct, or None."""
    if noun.dep_ != "conj":
        return None
    plural = verb.tag_ == "VBP" or any(c.dep_ in {"aux", "auxpass"} and c.tag_ == "VBP" for c in verb.children)
    if not plural:
        return None
    members = [noun]
    while members[-1].dep_ == "conj" and members[-1].head.i != members[-1].i:
        members.append(members[-1].head)
    # named people only: a coordination of common nouns ("pundits and analysts who claim …")
    # would name the group by its words, relative clause and all
    return members[-1] if all(m.ent_type_ == "PERSON" for m in members) else None


def predicated_of(noun: Token) -> Token | None:
    """Predicate-nominal rule: "Trump is a rampant xenophobe and racist and birther who has
    repeatedly pledged to ban all Muslims": the noun a relative clause hangs on is said of the
    copula's subject (or is one of the nouns joined to the one that is, or set beside it), and the one who pledged
    is that subject, when it can speak."""
    if noun.ent_type_:
        return None  # "Trump was out-brutalizing Ted Cruz, who said …": a name is no predicate
    while noun.dep_ in {"conj", "appos"} and noun.head.i != noun.i and not noun.head.ent_type_:
        noun = noun.head  # "a serial liar, rampant xenophobe, …": the parser may hang a list as appositions
    if noun.dep_ != "attr" or noun.head.lemma_ != "be" or noun.pos_ != "NOUN" or noun.ent_type_:
        return None
    copula = noun.head
    while copula.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in copula.children):
        copula = copula.head  # "Trump regularly incites violence and is a … birther": the shared subject
    subject = next((c for c in copula.children if c.dep_ == "nsubj"), None)
    return subject if subject is not None and subject.pos_ != "PRON" and can_speak(subject) else None


def named_whole(noun: Token) -> Span | None:
    """The parser hangs a relative clause on the last word of a name ("Citizens for [Trump],
    which expects …", "the Latino Partnership for Conservative [Principles], who …"): the
    antecedent is the whole name the word is part of, its entity; None when the word heads its
    name or is in none."""
    entity = entity_at(noun.doc, noun.i)
    if entity is None or len(entity) < 2 or entity.root.i == noun.i or entity.label_ not in {"ORG", "PERSON", "NORP"}:
        return None
    return entity
