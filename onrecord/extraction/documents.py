"""Documents are not speakers: "Hunter Biden released a statement saying …" is Hunter Biden's; "a
review found …", with no author named, is an organisation's word, never a person's.  One rule of
``extraction.roles`` (``document_author``), kept here with the reading of a document's author.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from onrecord.extraction.mentions import noun_phrase
from onrecord.extraction.named import common_head, plural, singular
from onrecord.extraction.role_context import (
    Context,
    Resolved,
    description_of,
    entity_name,
    speaker_at,
    titles_of_surname,
)

ISSUING_VERBS = {"release", "issue", "publish", "put", "post", "send", "write", "give", "make", "file", "share"}
AUTHOR_PREPS = {"from", "by"}


def _author(document: Token, ctx: Context) -> Token | None:
    """Who issued a document: its possessor ("the ministry's statement"), "from"/"by" X, or the
    subject of the verb that issues it ("X released a statement")."""
    for child in document.children:
        if child.dep_ == "poss" and child.pos_ in {"PROPN", "NOUN"}:
            return child
        if child.dep_ == "prep" and child.lower_ in AUTHOR_PREPS:
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects:
                return objects[0]
    verb = document.head
    if document.dep_ == "dobj" and verb.lemma_.lower() in ISSUING_VERBS:
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects and subjects[0].pos_ in {"PROPN", "NOUN"}:
            return subjects[0]
    return None


def document_author(mention: Span, name: str, type: str, ctx: Context) -> Resolved | None:
    """Documents: the speaker of "X released a statement saying …" is X (the mention moves to X);
    a document with no author named ("a review found") is no person: it stays, typed as an
    organisation's word."""
    head = mention.root
    if singular(head.lower_) not in ctx.lexicon.document_nouns or not common_head(mention, ctx.lexicon.document_nouns):
        return None
    author = _author(head, ctx)
    if author is not None:
        named = entity_name(author, ctx) or speaker_at(author, ctx)
        if named is not None:
            person = titles_of_surname(named[0], mention, ctx) or any(
                p.split()[-1:] == named[0].split()[-1:] for p in ctx.names.people)
            return Resolved(named[0], "person" if person else named[1], mention=noun_phrase(author))
    if plural(head):
        return Resolved(description_of(mention, ctx.lexicon), "group")
    return Resolved(description_of(mention, ctx.lexicon), "organization")
