"""Exchange rule for pronouns: in an interview told as narration ("Hannity asked Trump how high
the wall would be. '…,' he told Hannity"), a pronoun whose own verb is addressed to the subject of
the sentence before is that sentence's other party: the person its verb addressed.  The binding
rule (``pronouns.named_in_own_clause``) only says who "he" is not; this one says who it is."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from onrecord.extraction.mentions import noun_phrase
from onrecord.extraction.narration import narrated_sentence_before, quoted, sentence_subject

Named = tuple[str, str]  # (name, type)
ADDRESSEE_DEPS = {"dobj", "dative"}


def addressees(verb: Token) -> list[Token]:
    """The persons a verb addresses: its object ("asked Trump") or the object of its "to" ("said
    to Trump"), outside quotation marks."""
    out = [c for c in verb.children if c.dep_ in ADDRESSEE_DEPS]
    out += [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "to" for o in p.children if o.dep_ == "pobj"]
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
