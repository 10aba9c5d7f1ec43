"""Who an apposition names: the rules that keep the body or place an apposition mentions from
standing for the speaker it describes ("Nebenzia, Russia's envoy to the United Nations"; "The
Institute for the Study of War, a Washington-based think tank").  Used by ``speakers.name_in_mention``
and ``name_before_description``.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from onrecord.extraction.speaker_classes import speaker_class
from onrecord.lexicons.not_names import load_not_names

PLACE_OR_BODY = {"ORG", "GPE", "NORP", "LOC", "FAC"}


def misread_person(head: Token) -> bool:
    """A surname the model took for a place or a body ("Nebenzia, Russia's envoy to the United
    Nations", tagged GPE): a proper noun, no country or place we know, with a noun for a person in
    apposition ("envoy", "head", "delegate")."""
    if head.pos_ != "PROPN" or head.ent_type_ not in PLACE_OR_BODY or not head.is_title:
        return False
    names = load_not_names()
    if head.lower_ in names.countries or head.lower_ in names.places:
        return False
    return any(c.dep_ == "appos" and c.pos_ == "NOUN" and speaker_class(c) == "person" for c in head.children)


def described_body(mention: Span, ents: list[Span]) -> Span | None:
    """Described-body rule: "The Institute for the Study of War, a Washington-based think tank",
    "Russia, a permanent member of the Security Council": a body or a country named at the head and
    described by an apposition is the speaker, by its name alone (not the description, nor a body
    the description names): the body's name, as the model marked it.  Not a surname the model took
    for a body (``misread_person``)."""
    head = mention.root
    if not any(c.dep_ == "appos" for c in head.children) or misread_person(head):
        return None
    named = next((e for e in ents if e.start <= head.i < e.end and e.label_ in {"ORG", "GPE", "NORP"}), None)
    if named is None:
        return None
    start = named.start + 1 if named[0].lower_ == "the" else named.start  # "the Associated Press"
    return named.doc[start : named.end] if start < named.end else None


def in_apposition_of_a_name(entity: Span, mention: Span) -> bool:
    """Apposition-body rule: in "Medvedev, deputy head of Russia's Security Council" (a surname the
    model tagged as no entity) the organisation is where the named person works, in the
    apposition that describes them, not the speaker."""
    head = mention.root
    if head.pos_ != "PROPN" or (head.ent_type_ in PLACE_OR_BODY and not misread_person(head)):
        return False
    node = entity.root
    while node.i != head.i and node.head.i != node.i:
        if node.dep_ == "appos" and node.head.i == head.i:
            return True
        node = node.head
    return False
