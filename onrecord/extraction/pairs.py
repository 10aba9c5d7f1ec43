"""A pair taken up again: "Both vowed to be tougher", "both oppose the chained CPI".

News that has just set two people or bodies side by side ("a debate between Cruz and Rubio",
"Republican Trump and Democrat Clinton have criticized Nabisco") goes on about the two of them
with a bare "both" (or "the two") as the subject.  That names no one; the pair it takes up is the
last two names the text joined with "and" before it (the most recent antecedent that fits, as for
"they": Hobbs 1978, "Resolving pronoun references").
"""

from __future__ import annotations

from spacy.tokens import Span

from onrecord.extraction.docindex import in_quotes
from onrecord.extraction.narration import paragraph_index

# sentences read back, before the one of "both", for the pair it takes up: a paragraph may go on
# about the two for a few ("Both are committed progressives. Both want … Both think …")
PAIR_REACH = 3
NAMED = {"PERSON", "ORG", "GPE", "NORP"}


def bare_both(mention: Span) -> bool:
    """The mention is "both" alone, "both of them" or "the two": no noun says who."""
    words = [t.lower_ for t in mention]
    return words in (["both"], ["both", "of", "them"], ["the", "two"])


def pair_before(mention: Span) -> tuple[Span, Span] | None:
    """The two names last joined with "and" before a bare "both" ("Cruz and Rubio", "Republican
    Donald Trump and Democrat Hillary Clinton": two entities of one kind with "and" and at most two
    words of description between them), in its sentence or the ``PAIR_REACH`` sentences before
    it, in its paragraph or the one before; None when there are none."""
    if not bare_both(mention):
        return None
    doc = mention.doc
    first = mention.root.sent.start
    for _ in range(PAIR_REACH):
        if first == 0:
            break
        first = doc[first - 1].sent.start
    here = paragraph_index(doc, mention.start_char)
    names = [e for e in doc.ents if first <= e.start and e.end <= mention.start and e.label_ in NAMED
             and not in_quotes(doc, e.start_char) and here - paragraph_index(doc, e.start_char) <= 1]
    for k in range(len(names) - 1, 0, -1):
        other = names[k]
        for one in reversed(names[max(0, k - 2) : k]):  # a party word may stand between them
            between = doc[one.end : other.start]
            if one.label_ == other.label_ and 1 <= len(between) <= 3 and between[0].lower_ == "and" \
                    and all(t.is_alpha for t in between):
                return one, other
    return None
