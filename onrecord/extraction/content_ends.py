"""Where a content ends, besides its parse subtree: at a semicolon (semicolon rule), at a full stop
before a quotation the parse ran on into (full-stop rule), before a
second statement of the speaker's after a noun-phrase content (own-statement rule), and after a
second object the parser hung elsewhere (object-conjunct rule, ``conjuncts.py``).

Kept apart from ``content.py`` (which calls these from ``statement_from_cue`` and the
parenthetical rule) so that module stays readable.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from onrecord.extraction.conjuncts import stranded_object_conjunct
from onrecord.extraction.docindex import doc_text, quotes_over
from onrecord.extraction.quotes import QuoteSpan


def end_before(doc: Doc, start: int, cut: int) -> int:
    """``cut`` with the spaces and the comma, semicolon or dash before it stripped."""
    text = doc_text(doc)
    while cut > start and (text[cut - 1].isspace() or text[cut - 1] in ",;:—–-"):
        cut -= 1
    return cut


def across_a_semicolon(doc: Doc, quotes: list[QuoteSpan], start: int, end: int) -> bool:
    """A semicolon outside quotation marks between ``start`` and ``end``."""
    text = doc_text(doc)
    return any(text[i] == ";" and not quotes_over(doc, quotes, i, i + 1) for i in range(start, end))


def before_semicolon(doc: Doc, start: int, end: int, quotes: list[QuoteSpan]) -> int:
    """Semicolon rule: "said the timing was not intentional; they only learned of it on Friday":
    a semicolon outside quotation marks ends the reported clause; what follows is a sentence of
    its own (the reporter's, or a statement with its own cue), as a full stop would end it."""
    text = doc_text(doc)
    i = text.find(";", start, end)
    while i != -1:
        if not any(q.start <= i < q.end for q in quotes):
            cut = end_before(doc, start, i)
            return cut if cut > start else end
        i = text.find(";", i + 1, end)
    return end


def past_a_full_stop(token: Token) -> bool:
    """Full-stop rule: "He said the library filled a gap. ''We waited twenty years,'' he
    said.": the parser may run a sentence on over a full stop into the quotation mark that opens
    the next one (the marks '' and " are not read as a sentence start); a reported clause ends at
    the full stop, and the quotation after it is a statement of its own."""
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    # a space between the full stop and the mark: it opens a quotation ('"done."' closes one)
    return before is not None and before.text in {".", "!", "?"} and bool(before.whitespace_) and token.is_quote


def trim_trailing_participle(doc: Doc, cue: Token, start: int, end: int) -> int:
    """Own-statement rule: after a noun-phrase content, a participle of saying set off by a comma
    ("mocked the complaint, SAYING anybody who …") is a second statement of the speaker's, with
    its own content: the first content ends before the comma (as a relative clause whose verb is
    a cue does after a noun-phrase content: ``trim_trailing_aside``)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) < 3:
        return end
    for t in span[1:]:
        if t.tag_ != "VBG" or t._.cue is None or doc[t.i - 1].text != "," or t.left_edge.i != t.i:
            continue
        if t.head.i == cue.i or span.start <= t.head.i < t.i:
            return end_before(doc, start, doc[t.i - 1].idx)
    return end


def with_stranded_conjunct(cue: Token, end: int) -> int:
    """A noun-phrase content runs on over the cue's second object that the parser hung on a verb
    ("emphasizing job security, and a need to …": ``conjuncts.stranded_object_conjunct``)."""
    doc = cue.doc
    span = doc.char_span(end - 1, end, alignment_mode="expand")
    if span is None:
        return end
    conj = stranded_object_conjunct(cue, span[-1])
    if conj is None or "\n" in doc_text(doc)[end : conj.idx]:
        return end
    last = max(t.i for t in conj.subtree)
    while last > conj.i and doc[last].is_punct:
        last -= 1
    return doc[last].idx + len(doc[last])
