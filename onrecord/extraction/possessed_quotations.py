"""Possessed quotations: "Putin's “next time in Moscow” quip", "his “no deal until there's a deal” line".

A quotation between a possessive and a noun of saying is its owner's words, named by the noun
— as "the senator's claim that …" is the senator's (``state_cues.owned_claim_cue``): the noun is
the statement's cue, the possessor its speaker, the quotation what was said.  The small model
often takes such a noun right after a closing quotation mark for a verb ("quip", "remarks"),
with the quoted words as its subject and the sentence before them as its clause; a possessive
before the quotation shows it is the noun a possessive needs, so it is no verb cue
(``noun_after_possessed_quotation``).  Vocabulary: the nouns of ``lexicons/data/noun_cues.tsv``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from onrecord.extraction.docindex import doc_text, quotes_over, token_at
from onrecord.extraction.found import Found
from onrecord.extraction.quotes import QuoteSpan
from onrecord.extraction.state_cues import speaks_for_itself
from onrecord.lexicons.cues import load_state_cues

POSSESSIVE_MARKERS = {"'s", "’s", "'", "’"}  # "Putin's", "the allies'"
POSSESSIVE_PRONOUNS = {"his", "her", "their", "its"}
NAME_MODIFIERS = {"compound", "amod", "det", "nmod", "poss", "case"}  # "the Russian President Vladimir" of "… Putin"


def quotation_before(doc: Doc, token: Token, quotes: list[QuoteSpan]) -> QuoteSpan | None:
    """The quotation that closes right before ``token`` (only spaces between them)."""
    text = doc_text(doc)
    for quote in quotes_over(doc, quotes, max(0, token.idx - 3), token.idx):
        if quote.closed and quote.end <= token.idx and not text[quote.end : token.idx].strip():
            return quote
    return None


def possessor_before(doc: Doc, quote: QuoteSpan) -> Token | None:
    """Whose possessive stands right before the quotation's opening mark: "Putin" of "Putin's
    “…”", "his" of "his “…”"; None when that owner cannot speak."""
    opening = token_at(doc, quote.start)
    if opening < 1 or doc[opening].idx != quote.start:
        return None
    marker = doc[opening - 1]
    if marker.lower_ in POSSESSIVE_PRONOUNS and marker.tag_ == "PRP$":
        owner = marker
    elif marker.lower_ in POSSESSIVE_MARKERS and opening >= 2 and doc[opening - 2].pos_ in {"PROPN", "NOUN"} \
            and not doc[opening - 2].whitespace_:
        owner = doc[opening - 2]  # tagged POS, or as a closing mark ("Putin’s “…”"); "he’s “…”" is "he is"
    else:
        return None
    return owner if speaks_for_itself(owner) else None


def saying_noun(token: Token) -> bool:
    """A noun of saying ("quip", "remark", "line"), whatever part of speech the parse gave it."""
    return token.lemma_.lower() in load_state_cues("noun") or token.lower_ in load_state_cues("noun")


def noun_after_possessed_quotation(token: Token, quotes: list[QuoteSpan]) -> bool:
    """The word is the noun of a possessed quotation ("Putin's “next time in Moscow” QUIP"), not a
    verb whose subject the quotation is."""
    if not saying_noun(token):
        return False
    quote = quotation_before(token.doc, token, quotes)
    return quote is not None and possessor_before(token.doc, quote) is not None


def possessed_quotation(doc: Doc, quote: QuoteSpan) -> Found | None:
    """Possessed-quotation rule: a quotation between its owner's possessive and a noun of saying
    is a direct statement of the owner's, the noun its cue."""
    owner = possessor_before(doc, quote)
    if owner is None:
        return None
    after = token_at(doc, quote.end)
    while after < len(doc) and doc[after].idx < quote.end:
        after += 1
    if after >= len(doc) or doc_text(doc)[quote.end : doc[after].idx].strip() or not saying_noun(doc[after]):
        return None
    noun = doc[after]
    entry = load_state_cues("noun").get(noun.lemma_.lower()) or load_state_cues("noun")[noun.lower_]
    # the owner's name and the words before it ("President Vladimir Putin"), not the possessive
    # marker or the quotation a misparse hangs on it
    first = owner.i
    while first > 0 and doc[first - 1].dep_ in NAME_MODIFIERS and first <= doc[first - 1].head.i <= owner.i:
        first -= 1
    mention = doc[first : owner.i + 1]
    cue_span = (noun.idx, noun.idx + len(noun))
    return Found("direct", list(quote.segments), noun, cue_span, entry.cls, mention, quote=quote)
