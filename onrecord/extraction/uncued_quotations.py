"""Quotations with no cue of their own: whose words they go on, or what frames them.

News puts a speaker's next quotation after the first without a new cue ('"…," said X. "…"'); a
quotation inside a reporter's sentence is framed by its verb; a quotation after a paragraph that
ends with a colon was introduced by that paragraph's cue.  Rules, each a function:

* ``uncued_quotation``          — the statement a quotation with no cue goes on from, or frames it;
* ``outside_brackets``          — not a statement inside the writer's bracketed aside;
* ``framed_direct``             — past a participle of the first quotation's frame ("…," said X,
                                  asking not to be named);
* ``described_speaker``         — past a relative clause on its speaker ("…," said X, who …);
* ``framed_by_a_verb``          — 'He further informed, "…"': the verb before the comma frames it;
* ``possessed_quotation``       — 'Putin's "next time in Moscow" quip' (possessed_quotations.py);
* ``cue_of_introducing_paragraph`` — a paragraph ending "… said:" introduces the next quotation.
``ByStart`` finds the statement just before an offset by bisection, not by a scan.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Token

from onrecord.extraction.content import cue_extent, cued_statement
from onrecord.extraction.docindex import doc_text, in_quotes, line_bounds
from onrecord.extraction.found import Found
from onrecord.extraction.mentions import noun_phrase
from onrecord.extraction.possessed_quotations import possessed_quotation
from onrecord.extraction.quotations import (
    continue_quotation,
    is_title,
    opens_its_sentence,
    paragraph_of,
    quote_words,
)
from onrecord.extraction.quotes import QuoteSpan
from onrecord.extraction.subjects import subject_of

FINITE_TAGS = {"VBD", "VBZ", "VBP"}
MIN_QUOTE_WORDS = 4  # shorter quotations without a cue of their own are scare quotes or titles

class ByStart:
    """The statements found so far, kept in order of their starts as statements are added (the
    place a stable sort by start would give them), with the longest statement's length: the
    questions the quotation rules ask of them look back no further than that length, by
    bisection over the starts, not through every statement for each quotation."""

    def __init__(self, found: list[Found]) -> None:
        self.found = found  # sorted by start; kept sorted in place
        self.starts = [f.start for f in found]
        self.longest = max((f.end - f.start for f in found), default=0)

    def add(self, f: Found) -> None:
        k = bisect_right(self.starts, f.start)
        self.found.insert(k, f)
        self.starts.insert(k, f.start)
        self.grew(f)

    def grew(self, f: Found | None) -> None:
        """``f`` (one of them) now ends further on (its start is the same)."""
        if f is not None:
            self.longest = max(self.longest, f.end - f.start)

    def hold(self, start: int, end: int) -> bool:
        """``any(f.start <= start and end <= f.end for f in found)``."""
        lo, hi = bisect_left(self.starts, end - self.longest), bisect_right(self.starts, start)
        return any(self.found[k].end >= end for k in range(lo, hi))

    def last_before(self, offset: int) -> Found | None:
        """``max((f for f in found if f.end <= offset), key=end)`` (the first of equals): from
        the last statement starting at or before ``offset`` back, until no earlier one can end
        as late as the best so far."""
        best: Found | None = None
        best_end = -1
        for k in range(bisect_right(self.starts, offset) - 1, -1, -1):
            if best is not None and self.starts[k] + self.longest < best_end:
                break
            f = self.found[k]
            f_end = f.end
            if f_end <= offset and f_end >= best_end:
                best, best_end = f, f_end
        return best


def uncued_quotation(doc: Doc, quote: QuoteSpan, found: ByStart, paragraph_starts: list[int]) -> Found | None:
    """A quotation with no cue in its sentence goes on with the statement just before it (the
    news convention, ``continue_quotation``), when it opens its sentence.  One inside a sentence
    of the reporter's ("However, he characterized her as, “…”") is framed by other words: they
    say whose it is, not the last speaker (kept with no speaker, these cost more cue and source
    accuracy than they found content on PolNeAR dev), or named as its owner's by a possessive and a
    noun of saying ("Putin's “next time in Moscow” quip").  A quoted sub-heading alone in its paragraph
    ("'Legend in the Coal Fields.'") is no one's words.  A short quotation (under
    ``MIN_QUOTE_WORDS``) goes on only with a direct statement of its own paragraph ("“I would,”
    she said. “I would, Donald.”"); elsewhere it is a term."""
    if is_title(doc, quote) and alone_in_paragraph(doc, quote):
        return None
    if not opens_its_sentence(doc, quote):
        named = possessed_quotation(doc, quote) if quote_words(doc, quote) >= MIN_QUOTE_WORDS else None
        return named or framed_by_a_verb(doc, quote)  # Romney's “47 percent” comment: a term
    introduced = cue_of_introducing_paragraph(doc, quote)
    if introduced is not None:
        return cued_statement("direct", list(quote.segments), introduced, quote)
    previous = framed_direct(found, outside_brackets(doc, found, quote.start))
    if quote_words(doc, quote) < MIN_QUOTE_WORDS and not (
        previous is not None
        and previous.kind == "direct"
        and paragraph_of(paragraph_starts, previous.end) == paragraph_of(paragraph_starts, quote.start)
    ):
        return None
    return continue_quotation(quote, previous, paragraph_starts)


def outside_brackets(doc: Doc, found: ByStart, offset: int) -> Found | None:
    """The last statement before ``offset`` that is not inside a bracketed aside of the writer's:
    in "Richards spoke about the case. (The law requires … for women who want to obtain …)
    “Roe v. Wade is the law of the land …”" the quotation goes on with Richards, not with a verb
    inside the brackets."""
    text = doc_text(doc)
    previous = found.last_before(offset)
    while previous is not None:
        opened = text.rfind("(", 0, previous.start)
        closed = text.find(")", previous.end, offset)
        if opened < 0 or text.rfind(")", opened, previous.start) >= 0 or closed < 0:
            return previous
        previous = found.last_before(opened)
    return None


def framed_direct(found: ByStart, previous: Found | None) -> Found | None:
    """Frame-participle rule: in '"…," said X, asking not to be named. "…"' the statement just
    before the second quotation is the participle's ("asking …"), part of the first quotation's
    frame; the quotation goes on with the direct statement whose cue the participle hangs on."""
    if previous is None or previous.kind == "direct" or previous.cue is None:
        return previous
    cue = previous.cue
    k = bisect_right(found.starts, previous.start)
    if cue.tag_ != "VBG" or cue.dep_ not in {"advcl", "xcomp", "conj"} or cue.head._.cue is None:
        return described_speaker(found.found[:k], previous)
    for f in reversed(found.found[:k]):
        if f.cue is not None and f.cue.i == cue.head.i:
            return f if f.kind == "direct" else previous
    return previous


def described_speaker(before: list[Found], previous: Found) -> Found:
    """Relative-frame rule: in '"…," said Robert Reich, who … endorsed Bernie Sanders. "…"' the
    statement just before the second quotation is the relative clause's, which describes the
    first quotation's speaker; the quotation goes on with that speaker's direct statement."""
    assert previous.cue is not None
    for f in reversed(before):
        if f is previous:
            continue
        if f.kind == "direct" and f.mention is not None and _in_relative_clause_on(previous.cue, f.mention.root):
            return f
        break
    return previous


def _in_relative_clause_on(token: Token, noun: Token) -> bool:
    """``token`` is inside a relative clause on ``noun`` or on a noun set beside it ("Robert Reich,
    a commentator who …")."""
    node = token
    while node.head.i != node.i:
        if node.dep_ in {"relcl", "acl"} and (node.head.i == noun.i or noun in node.head.ancestors):
            return True
        node = node.head
    return False


def framed_by_a_verb(doc: Doc, quote: QuoteSpan) -> Found | None:
    """Frame rule: 'He further informed, "At 12:19 pm, Greg got a text …"': a verb with a subject
    right before the quotation (past a comma or a colon) frames it, whether or not the lexicon
    knows it as a verb of saying; the verb is its cue.  Without that comma or colon ("Obama
    sees 'personal insult'") the quotation is the verb's object, a term."""
    i = last = tokens_before(doc, quote.start)
    while i is not None and i >= 0 and doc[i].text in {",", ":"}:
        i -= 1
    if i is None or i < 0 or i == last or quote_words(doc, quote) < MIN_QUOTE_WORDS:
        return None
    verb = doc[i]
    if verb.pos_ != "VERB" or verb.tag_ not in FINITE_TAGS or verb._.cue is not None:
        return None
    subject = subject_of(verb)
    if subject is None or subject.i > verb.i:
        return None
    return Found("direct", list(quote.segments), verb, cue_extent(verb), "assert", noun_phrase(subject), quote=quote)


def tokens_before(doc: Doc, offset: int) -> int | None:
    """The index of the last token that ends at or before ``offset``."""
    span = doc.char_span(0, offset, alignment_mode="contract")
    return span.end - 1 if span is not None and len(span) else None


def cue_of_introducing_paragraph(doc: Doc, quote: QuoteSpan) -> Token | None:
    """Colon rule: "Cruz continued:" / "The website notes:" closing a paragraph introduces the
    quotation that opens the next one; its cue is the last cue before that colon."""
    text = doc_text(doc)
    para_start = line_bounds(doc, quote.start)[0]
    for i in range(quote.start - 1, para_start - 1, -1):  # words before it on its line: not introduced
        if not text[i].isspace():
            return None
    before_end = para_start  # the text before the line, its trailing whitespace stripped
    while before_end > 0 and text[before_end - 1].isspace():
        before_end -= 1
    if text[before_end - 1 : before_end] != ":":
        return None
    span = doc.char_span(line_bounds(doc, before_end)[0], before_end, alignment_mode="expand")
    cues = [t for t in span or [] if t._.cue is not None and t._.cue.complements & {"quote", "clause"}
            and not in_quotes(doc, t.idx)]
    return cues[-1] if cues else None


def alone_in_paragraph(doc: Doc, quote: QuoteSpan) -> bool:
    text = doc_text(doc)
    start, end = line_bounds(doc, quote.start)[0], line_bounds(doc, quote.end)[1]
    return not any(ch.isalnum() for ch in text[start : quote.start] + text[quote.end : end])


# how the object of a reaction is hung from its verb: "dismissed [Lavrov's comments] that …",
# "took issue with [his claim] that …"
