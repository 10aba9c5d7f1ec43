"""Shares of a population as speakers: "three-fourths say …", "Among Republicans, 42 percent said …".

A poll's finding is written with a share for its subject ("73 percent said", "two-thirds say"); the
share is of a population the sentence names elsewhere, and a share alone ("42 percent") is no one a
reader can place.  A rule of ``extraction.roles`` (``share_of_population``): a share with no "of"
phrase of its own is named with the population its sentence gives it, when it gives one:

* ``among``     — "Among Republicans, 42 percent said …": the object of "among" on its verb;
* ``conjoined`` — "By 2-1, Millennials see police violence as a problem, and three-fourths say …":
  the plural subject of the clause its own clause is joined to.

Otherwise the share stays as written (a group named by its share).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from onrecord.extraction.mentions import noun_phrase
from onrecord.extraction.role_context import Context, Resolved
from onrecord.extraction.speaker_classes import speaker_class

# nouns of a share ("half", "two-thirds", "a majority"); percentages are the model's (a bare number,
# "hundreds just like it", counts things as often as people)
FRACTIONS = {"half", "third", "thirds", "quarter", "quarters", "fourth", "fourths", "fifth", "fifths",
             "majority", "plurality", "minority"}
SHARE_ENTITIES = {"PERCENT"}


def is_share(head: Token) -> bool:
    """A share of people: a percentage the model found, or a fraction noun."""
    return head.ent_type_ in SHARE_ENTITIES or head.lower_ in FRACTIONS


def share_of_population(mention: Span, name: str, type: str, ctx: Context) -> Resolved | None:
    """The share named with its population ("three-fourths of Millennials"); None when the mention
    is no bare share or its sentence names no population."""
    head = mention.root
    if not is_share(head) or any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
        return None
    population = among(head) or conjoined(head)
    if population is None:
        return None
    share = mention.text.strip(" ,;:")
    return Resolved(f"{share} of {noun_phrase(population).text}", "group")


def among(share: Token) -> Token | None:
    """"Among Republicans, 42 percent said": the object of "among" on the share's verb."""
    verb = share.head
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "among":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def conjoined(share: Token) -> Token | None:
    """"Millennials see …, and three-fourths say": the plural subject of the clause the share's
    clause is joined to."""
    verb = share.head
    if share.dep_ not in {"nsubj", "nsubjpass"} or verb.dep_ != "conj":
        return None
    subject = next((c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.tag_ not in {"NNS", "NNPS"} or is_share(subject) \
            or speaker_class(subject) not in {"person", "group", "unknown"}:
        return None  # "Early results of exit polls show …, and nearly 8 in 10 support …": no people
    return subject
