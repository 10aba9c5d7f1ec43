""""This was stated by X": a cue whose only content is a demonstrative reports the sentence before.

Official releases put the claim first and its source after it: "Today, the top priority is the
expulsion of Russian troops, but the global goal is to restore the territorial integrity of our
state. This was stated by President of Ukraine Volodymyr Zelenskyy …", "… The Head of State said
this during a conversation with media representatives."  The cue's own content is "this", which
the content rules leave out (a bare pronoun says nothing by itself, ``content.is_bare_pronoun``);
"this" points back to the sentence before (discourse deixis: Webber, "Discourse deixis: reference
to discourse segments", ACL 1988), which is the statement, and its speaker is the cue's subject, or
the agent of a passive cue.  Rules, each a function:

* ``pointing_object`` — the demonstrative that stands for what was said: the object of an active
  cue ("said this"), or the subject of a passive one with an agent ("This was stated by X");
* ``sentence_before`` — the sentence before the cue's, in its paragraph or, when the cue's sentence
  opens a paragraph, the last sentence of the paragraph before; none when that sentence is
  already someone's statement (a quotation "He said this …" follows is its own statement);
* ``referred_statement`` — the statement: that sentence, the cue's subject or the person its "by"
  names (``name_after_by``) as the mention.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from onrecord.extraction.content import cued_statement
from onrecord.extraction.content_ends import trim_range
from onrecord.extraction.docindex import index_of_sentence, paragraph_bounds, paragraph_number, sentences
from onrecord.extraction.found import Found
from onrecord.extraction.kinds import classify_kind
from onrecord.extraction.mentions import noun_phrase
from onrecord.extraction.pronouns import name_after_by, named_in_phrase
from onrecord.extraction.quotes import QuoteSpan

DEMONSTRATIVES = {"this"}


def pointing_object(cue: Token) -> Token | None:
    """The demonstrative standing for what was said: "said THIS", "THIS was stated by X" — of a
    verb of stating (cue class ``assert``) that heads its sentence's first clause, so that "this"
    can only point across the sentence's start ("Prigozhin claimed …, but the ministry denied
    this" points inside its own sentence); a passive names its agent."""
    entry = cue._.cue
    if entry is None or entry.cls != "assert" or cue.dep_ != "ROOT":
        return None
    if any(t.dep_ in {"advcl", "ccomp", "parataxis"} and t.i < cue.i for t in cue.children):
        return None  # a clause before the cue's in its sentence: "this" may point to it
    passive = any(c.dep_ == "auxpass" for c in cue.children)
    if passive and not any(c.dep_ == "agent" for c in cue.children):
        return None  # "This is written in their documents": by no one named
    wanted = "nsubjpass" if passive else "dobj"
    for c in cue.children:
        if c.dep_ == wanted and c.lower_ in DEMONSTRATIVES and not (c.n_lefts + c.n_rights):
            return c
    return None


def sentence_before(cue: Token, holds: Callable[[int, int], bool]) -> Span | None:
    """The sentence before the cue's, in the same paragraph or the one before (when the cue's
    sentence opens its paragraph); None when there is none or a statement already holds it."""
    doc = cue.doc
    sents = sentences(doc)
    k = index_of_sentence(doc, cue.i)
    if k == 0:
        return None
    before = sents[k - 1]
    here, there = paragraph_number(doc, sents[k].start_char), paragraph_number(doc, before.start_char)
    if here - there > 1 or (here != there and sents[k].start_char != paragraph_bounds(doc)[here][0]):
        return None
    if holds(before.start_char, before.end_char):
        return None  # already someone's words (a quotation the cue's sentence goes on from)
    return before


def referred_statement(cue: Token, quotes: list[QuoteSpan], holds: Callable[[int, int], bool]) -> Found | None:
    """The statement a cue with a demonstrative content refers back to, or None; ``holds(start,
    end)`` says whether a quotation or a statement already holds words of that range."""
    pointer = pointing_object(cue)
    if pointer is None:
        return None
    before = sentence_before(cue, holds)
    if before is None:
        return None
    start, end = trim_range(cue.doc, before.start_char, before.end_char)
    if end - start < 10:
        return None
    kind, quote = classify_kind(start, end, quotes, cue.doc)
    if kind == "direct" and quote is not None:
        start, end = quote.inner_start, quote.inner_end
    found = cued_statement(kind, [(start, end)], cue, quote)
    if pointer.dep_ == "nsubjpass":  # "This was stated by X": the agent said it
        agent = next((a for a in cue.children if a.dep_ == "agent"), None)
        found.mention = name_after_by(agent) if agent is not None else None
        if found.mention is None:
            return None  # "This is tweeted by several people who heard it": no one the words name
    else:
        speaker = next((c for c in cue.children if c.dep_ == "nsubj"), None)
        found.mention = (named_in_phrase(speaker) or noun_phrase(speaker)) if speaker is not None else None
    return found
