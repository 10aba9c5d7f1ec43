"""Antecedents a pronoun takes beyond a speaking subject: what a pronoun statement's speaker
becomes once the description it points to was resolved (``roles.resolve_roles``), when it still
fits the pronoun; the owner of a thing that says nothing ("Trump's attempt …", for "he"); and a
document that did something ("The staff letter noted …", for "it")."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from onrecord.extraction.narration import narrated_sentences_before, sentence_subject
from onrecord.extraction.role_context import Context, Resolved
from onrecord.extraction.speaker_classes import speaker_class

PERSONAL = {"he", "she", "him", "her"}


def described_next(pronoun: Span, name: str, described: list[tuple[int, str, Resolved | None]]
                   ) -> Resolved | None:
    """What the description a pronoun points forward to became ("He said …" before "the head of
    the Office said …"): none when the same description was written before the pronoun (that one
    is its antecedent, and what a later one became is another's), else the next one's.
    ``described``: each definite description as read, in order, with what it became."""
    if any(start < pronoun.start and n == name for start, n, _ in described):
        return None
    return next((result for start, n, result in described if start > pronoun.start and n == name), None)


def fitting_antecedent(pronoun: Span, became: Resolved, ctx: Context) -> Resolved:
    """What a pronoun's antecedent became, when it still fits the pronoun; "he" whose antecedent
    turned out a document or an organisation ("a review found … he said") takes the latest
    person or role spoken before it instead."""
    word = pronoun.root.lower_
    wanted = {"person", "role"} if word in PERSONAL else {"organization"} if word == "it" else None
    if wanted is None or became.type in wanted:
        return became
    for f in reversed(ctx.found):
        if f.speaker_type in wanted and f.speaker_name and not f.members:
            return Resolved(f.speaker_name, f.speaker_type)
    return became


def possessor_named(subject: Token, namer: Callable[[Span], tuple[str, str] | None]) -> tuple[str, str] | None:
    """A thing the subject's person possesses ("Trump's attempt not to engage … did not last long.
    Within minutes, he called …"): the thing says nothing, and its possessor, a name, is the topic
    "he" or "she" goes on with.  Only a thing that can never speak and a person's name."""
    if speaker_class(subject) != "never":
        return None
    # a name, whatever the tagger made of it before "’s" ("Trump" is a common noun there at times)
    owner = next((c for c in subject.children if c.dep_ == "poss" and c.is_title and c.pos_ != "PRON"), None)
    if owner is None:
        return None
    named = namer(owner.doc[owner.left_edge.i : owner.i + 1])
    return named if named is not None and named[1] == "person" else None


def carrier_before(token: Token) -> bool:
    """The subject of the narrated sentence before the token's is a document or broadcast that
    does something ("The post showed …", "the staff letter noted …"); one that only is something
    ("Ryan's statement was a stark reminder …", "The Silk Road slogan may be new, but …") is the
    topic of a description, and the "it" after it is often another's."""
    prev = next(iter(narrated_sentences_before(token)), None)
    subject = sentence_subject(prev) if prev is not None else None
    return subject is not None and speaker_class(subject) == "carrier" and subject.head.lemma_ != "be"

