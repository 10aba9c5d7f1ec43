"""Direct quotations: who said them, and how they join the statements around them.

Each rule is one function:

* ``attribute_quotation`` — a direct quotation and the cue in its sentence ("…," he said /
                            He said: "…" / said Zelensky, ``cue_near_quote``), or the name it
                            is signed with after a dash (``dash_attribution``);
* ``mixed_from_cue``      — a quoted fragment inside reported speech (``governed_fragment``,
                            ``is_fragment``) makes its cue's statement mixed;
* ``continue_quotation``  — a quotation with no cue in its sentence continues the utterance of
                            the statement just before it (the news convention);
* ``is_title``, ``ends_like_utterance``, ``quote_words`` — the tests that tell a short quotation
                            spoken by someone from a term or a title.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Span, Token

from onrecord.extraction.content import cued_statement
from onrecord.extraction.content_ends import trim_range
from onrecord.extraction.docindex import doc_text, in_quotes, token_starts
from onrecord.extraction.found import Found
from onrecord.extraction.kinds import classify_kind
from onrecord.extraction.quotes import QuoteSpan
from onrecord.extraction.speaker_classes import can_speak


def tokens_of(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def cue_near_quote(doc: Doc, quote: QuoteSpan) -> Token | None:
    """The cue of a quotation: a cue in its sentence(s), outside any quotation, nearest to
    the quotation ("…," he said / He said: "…"); verbs that introduce quoted speech (say,
    tell, add) win over verbs that only take reported content (believe, call), and the frame
    after the quotation wins a tie."""
    span = tokens_of(doc, quote.start, quote.end)
    if span is None:
        return None
    first_sent = doc[span.start].sent
    last_sent = doc[span.end - 1].sent

    def outside(t: Token) -> bool:
        return t._.cue is not None and not in_quotes(doc, t.idx)

    def cost(t: Token, distance: int) -> int:
        speech = t._.cue.complements & {"quote", "clause"}
        # a cue whose object is a thing of its own ("his memo to employees explaining the deal,
        # '…'") reports that object, not the quotation; an addressee ("told reporters") is no such object
        owned = any(c.dep_ == "dobj" and c.pos_ in {"NOUN", "PROPN"} and not can_speak(c) for c in t.children)
        return distance + (0 if "quote" in t._.cue.complements else 6 if speech else 12) + (12 if owned else 0)

    candidates: list[tuple[int, int, Token]] = []
    # a quotation in parentheses ("citing Exodus 18:21 ('select out of all the people …'), endorsed
    # X") is the words before it cite: the sentence after the closing parenthesis is no frame of it
    parenthesised = doc_text(doc)[max(0, quote.start - 3) : quote.start].rstrip(" '`").endswith("(")
    # the frame after the quotation ends at the next quotation or the end of the sentence
    # (a full stop outside quotation marks), whatever the sentence splitter thought; a fragment
    # that ends the reporter's sentence has none
    after = [] if closes_the_reporters_sentence(doc, quote) else doc[span.end : min(last_sent.end + 12, len(doc))]
    for t in after:
        if in_quotes(doc, t.idx) or t.text in {".", "!", "?"} or "\n" in t.text or (parenthesised and t.text == ")"):
            break
        if outside(t) and not (reports_a_clause_after(t) and not ends_in_a_comma(doc, quote)
                               and not opens_its_sentence(doc, quote)) \
                and not (ends_in_a_full_stop(doc, quote) and opens_quotation(doc, t)):
            candidates.append((cost(t, t.i - span.end), 0, t))
    # the frame before it, back to the previous full stop or quotation
    for t in reversed(doc[max(first_sent.start - 12, 0) : span.start]):
        if in_quotes(doc, t.idx) or t.text in {".", "!", "?"} or "\n" in t.text:
            break
        if outside(t) and not another_clause_between(t, span):
            candidates.append((cost(t, span.start - t.i), 1, t))
    if not candidates:
        return None
    before = [c for c in candidates if c[1] == 1]
    if before:  # Rule: a cue that opens the next quotation is that one's (``opens_quotation``)
        candidates = [c for c in candidates if c[1] == 1 or not opens_quotation(doc, c[2])]
    return min(candidates, key=lambda c: (c[0], c[1]))[2]


def another_clause_between(cue: Token, quotation: Span) -> bool:
    """Rule: a cue before a quotation that lies outside the cue's phrase, with another verb and its
    own subject between them, is not its cue ('Boos rained down when Trump MENTIONED her, and the
    crowd reprised the chant "Lock her up!"': the crowd's words, not Trump's)."""
    inside = {t.i for t in cue.subtree}
    if any(t.i in inside for t in quotation if not t.is_punct):
        return False
    if any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children):
        return False  # "as Mr. Bown observed, in the early days …, 'what would you pick?'": the as-clause frames it
    # a verb the cue hangs from is the clause the cue frames ("But, Carson added, he did not
    # support quarantines "willy-nilly.""); a clause of the cue's own runs on without ", and"
    # or a colon ('saying he would abdicate …, his world view is "dangerously wrong"', 'said that
    # he could get by without it but it was a "great luxury"')
    above = {a.i for a in cue.ancestors}
    doc = cue.doc
    for t in doc[cue.i + 1 : quotation.start]:
        if t.pos_ in {"VERB", "AUX"} and t.i not in inside and t.i not in above \
                and any(c.dep_ in {"nsubj", "nsubjpass"} for c in t.children) \
                and any(w.text in {":", ";"} or (w.tag_ == "CC" and doc[w.i - 1].text == ",")
                        for w in doc[cue.i + 1 : t.left_edge.i + 1]):
            return True
    return False


def reports_a_clause_after(cue: Token) -> bool:
    """Rule: a cue after a quotation that reports a clause of its own after it ('"15%!" Her
    father worried THAT too many voters …') has its content; the quotation before it is not its
    words, unless it ends in a comma, as the first part of the words does ('"We are gravely
    concerned," the members wrote, that …': ``ends_in_a_comma``), or opens its sentence ('"Fed
    members have been laying down sign posts." Greene added that …': the words before the frame).
    A quotation within the reporter's sentence ('hoisted a sign that read "15%!"') is not the
    next sentence's."""
    return any(c.dep_ == "ccomp" and c.i > cue.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
               for c in cue.children)


def opens_its_sentence(doc: Doc, quote: QuoteSpan) -> bool:
    """No words of the reporter's between the quotation and the end of the sentence before it
    (read back from the quotation to the last line break or full stop, stopping at a word)."""
    text = doc_text(doc)
    i = quote.start - 1
    while i >= 0 and text[i] not in "\n.!?":
        if text[i].isalnum():
            return False
        i -= 1
    return True


def ends_in_a_comma(doc: Doc, quote: QuoteSpan) -> bool:
    """The quotation's words end in a comma (inside the marks or right after them)."""
    text = doc_text(doc)
    return text[quote.inner_start : quote.inner_end].rstrip().endswith(",") or text[quote.end : quote.end + 1] == ","


def ends_in_a_full_stop(doc: Doc, quote: QuoteSpan) -> bool:
    """Rule: a quotation whose words end in a full stop inside the marks closes its sentence, so
    a frame after it that opens the next quotation is a sentence of its own, introducing that one
    ('I had to change my answer: "Of course I believe in the devil." To which she said, "Thank
    God …"': her words are the second quotation only).  A quotation split around its cue ends
    its first part in a comma ('"…," he said, "…"'), and one ending in "!" or "?" may run on into
    its frame ('"Wrong!" Trump said, "…"')."""
    return doc_text(doc)[quote.inner_start : quote.inner_end].rstrip().endswith(".")


def closes_the_reporters_sentence(doc: Doc, quote: QuoteSpan) -> bool:
    """Rule: a fragment quoted inside the reporter's sentence that ends in its full stop ('…
    pivoting to the dangers of a "rigged economy." Ben Carson struggled to answer …') ends that
    sentence: the words after it are the next sentence, no frame of it."""
    return is_fragment(doc, quote) and ends_in_a_full_stop(doc, quote)


OPENING_PUNCT = {",", ":", "—", "–", "-"}


def opens_quotation(doc: Doc, cue: Token) -> bool:
    """Rule: a cue followed by nothing but a comma or colon and then a quotation introduces that
    quotation ('Putin replied, “Next time in Moscow,” prompting Trump to remark, “…”': "remark" is
    the second quotation's cue, and the first is Putin's).  Only a cue *after* a quotation is
    tested, and only where a cue before it can take the quotation instead, so a quotation split
    around its cue ('“…,” he said, “…”') keeps its one cue.  An adverb or particle of the cue may
    come first ('Mills then writes BACK, “You look cute.”', 'he added LATER: “…”')."""
    for t in doc[cue.i + 1 : cue.i + 5]:
        if in_quotes(doc, t.idx):
            return True
        if t.text not in OPENING_PUNCT and not (t.head.i == cue.i and t.tag_ in {"RB", "RP"}):
            return False
    return False


def is_title(doc: Doc, quote: QuoteSpan) -> bool:
    """A short quotation in Title Case ("Face the Nation") names a work or a show."""
    words = [w for w in doc_text(doc)[quote.inner_start : quote.inner_end].strip(" ,.").split() if w[:1].isalpha()]
    small = {"the", "a", "an", "of", "and", "in", "on", "to", "for", "at", "with"}
    return 0 < len(words) <= 5 and all(w[0].isupper() or w in small for w in words) and words[0][0].isupper()


def ends_like_utterance(doc: Doc, quote: QuoteSpan) -> bool:
    """'"I would," she said': punctuation inside the closing mark shows a short quotation
    is a sentence someone spoke, not a term."""
    inner = doc_text(doc)[quote.inner_start : quote.inner_end].rstrip()
    return inner[-1:] in {",", ".", "!", "?"}


def quote_words(doc: Doc, quote: QuoteSpan) -> int:
    return sum(len(doc_text(doc)[s:e].split()) for s, e in quote.segments)


# the dash that signs a quotation: a dash, or a hyphen with a space on each side ('"…"  - Sanders.',
# as plain-text pages set a dash)
SIGNATURE = re.compile(r"(?:[ \t\u00a0]*(?P<dash>―|—|–|--)|[ \t\u00a0]+(?P<hyphen>-)(?=[ \t\u00a0]))"
                       r"[ \t\u00a0]*(?P<name>[^\n,(;]{2,60})")
# or a line of its own after the quotation's paragraph, the dash and the name and nothing else
# ('"…"\n\n- Hillary Clinton.\n\nClinton has …': a fact-check's claims, each signed below it)
SIGNATURE_LINE = re.compile(r"[ \t\u00a0]*\n\s*(?P<dash>―|—|–|--|-)[ \t\u00a0]*"
                            r"(?P<name>[^\n,(;.]{2,60}?)[ \t\u00a0.]*(?=\n|$)")


def dash_attribution(doc: Doc, quote: QuoteSpan) -> Found | None:
    """'"…" ― Maria Lopez', '"…"  - Sanders.': a quotation signed with a dash and a name closing
    its paragraph (readers' comments, epigraphs, a fact-check's claims).  The dash is the cue, the
    name the speaker."""
    m = SIGNATURE.match(doc_text(doc), quote.end) or SIGNATURE_LINE.match(doc_text(doc), quote.end)
    if m is None:
        return None
    mark = "dash" if m.group("dash") else "hyphen"  # (a signature line has only a "dash" group)
    name_start, name_end = m.start("name"), m.start("name") + len(m.group("name").rstrip(" .\u00a0"))
    mention = doc.char_span(name_start, name_end, alignment_mode="expand")
    if mention is None or len(mention) > 8 or not any(t.pos_ == "PROPN" for t in mention):
        return None
    dash = doc.char_span(m.start(mark), m.end(mark), alignment_mode="expand")
    if dash is None:
        return None
    return Found("direct", list(quote.segments), dash[0], (m.start(mark), m.end(mark)), "assert", mention, quote=quote)


def attribute_quotation(doc: Doc, quote: QuoteSpan) -> Found | None:
    signed = dash_attribution(doc, quote)
    if signed is not None:
        return signed
    cue = cue_near_quote(doc, quote)
    if cue is None:
        return None
    return cued_statement("direct", list(quote.segments), cue, quote)


def governed_fragment(cue: Token, quote: QuoteSpan) -> bool:
    """The quotation follows the cue inside the cue's own phrase, with words of the reporter
    between them ('blasted the media for being "…"'): quoted words inside reported speech."""
    doc = cue.doc
    if quote.start < cue.idx:
        return False
    between = doc_text(doc)[cue.idx + len(cue) : quote.start]
    if not any(ch.isalnum() for ch in between) or introducing_preposition(doc, cue, quote):
        return False
    span = tokens_of(doc, quote.inner_start, quote.inner_end)
    subtree = {t.i for t in cue.subtree}
    return span is not None and all(t.i in subtree for t in span if not t.is_punct) and cue.sent == doc[span.start].sent


def introducing_preposition(doc: Doc, cue: Token, quote: QuoteSpan) -> bool:
    """Rule: only a preposition and a comma or colon between the cue and a quotation that opens
    with a capital ('responded with, “Next time in Moscow”') make the quotation the cue's own
    words, whole: the preposition belongs to the cue phrase, not to the reporter's sentence."""
    # the tokens from the cue up to the quotation, by bisection (not a walk to the Doc's end)
    words = list(doc[cue.i + 1 : bisect_left(token_starts(doc), quote.start, lo=cue.i + 1)])
    inner = doc_text(doc)[quote.inner_start : quote.inner_end].lstrip()
    return len(words) == 2 and words[0].pos_ == "ADP" and words[1].text in {",", ":"} and inner[:1].isupper()


def extend_into_quotation(existing: Found | None, quote: QuoteSpan, quotes: list[QuoteSpan], doc: Doc) -> bool:
    """The cue already has a content that stops short of the quotation: it reaches on to the
    end of the quotation, which makes the statement mixed.  True when the quotation is dealt
    with (joined, or left to the frame)."""
    if existing is None or len(existing.content) != 1:
        return False
    start, end = existing.content[0]
    if end > quote.start:
        return False
    if existing.cue is not None and end <= existing.cue.idx < quote.start:
        if not second_part_after_frame(doc, existing.cue, quote):
            # frame rule: a quotation in the frame after the cue, no second part of the utterance
            # ('"This is a historic day," Rubio told CBS's "Face the Nation"'), is the reporter's
            # title or term; a content never runs over its own cue
            return True
        # '"A," he said, but "B."': the quotation after the cue is a second part of the
        # utterance; the frame between the parts is not what was said (frame-between rule)
        if existing.kind == "direct":
            existing.content = [(start, end), (quote.inner_start, quote.inner_end)]
        else:
            existing.content = [(start, end), (quote.start, quote.end)]
            existing.kind, existing.quote = "mixed", quote
        return True
    existing.content = [(start, quote.end)]
    existing.kind, existing.quote = classify_kind(start, quote.end, quotes, doc)
    return True


SECOND_PART = re.compile(r",\s*(?:(?:and|but)\s+)?$")


def second_part_after_frame(doc: Doc, cue: Token, quote: QuoteSpan) -> bool:
    """'"A," he said, but "B."' / '…, the governor said, and "B."': after the frame a comma (and a
    conjunction) opens the utterance's second part; a quotation the frame's own words lead to
    ('said on CNN's "State of the Union"') is a title or a term, not a part."""
    # a pair of apostrophes or backticks printed for the opening mark ("he added, ''but …''") is
    # read from its second character (``quote_marks.shadow_text``): the first is no word of the frame
    between = doc_text(doc)[cue.idx : quote.start].removesuffix("'").removesuffix("`")
    return not any(q in between for q in ('"', "“", "”", "''")) and SECOND_PART.search(between) is not None


def is_fragment(doc: Doc, quote: QuoteSpan) -> bool:
    """A quotation that starts in lower case, inside a sentence of the reporter ('victims "do
    need to have their day in court"'), is a fragment of reported speech, not a sentence."""
    inner = doc_text(doc)[quote.inner_start : quote.inner_end].lstrip(" .…[")
    before = doc_text(doc)[max(0, quote.start - 3) : quote.start].rstrip()
    return bool(inner) and inner[0].islower() and not before.endswith(":")


def mixed_from_cue(st: Found, quote: QuoteSpan, quotes: list[QuoteSpan], doc: Doc) -> Found:
    """A quoted fragment inside reported speech: the content runs from the word after the cue
    phrase (or, when the cue comes after it, from the start of the sentence) to the end of
    the quotation."""
    assert st.cue_span is not None and st.cue is not None
    if st.cue_span[1] <= quote.start:
        start, end = trim_range(doc, st.cue_span[1], quote.end)
    else:
        sent = doc[tokens_of(doc, quote.start, quote.end).start].sent  # type: ignore[union-attr]
        start, end = trim_range(doc, sent.start_char, quote.end)
    st.content = [(start, end)]
    st.kind, st.quote = classify_kind(start, end, quotes, doc)
    if st.kind == "direct" and st.quote is not None:  # 'but "B."' (conjunction rule): the quotation
        st.content = [(st.quote.inner_start, st.quote.inner_end)]
    return st


def paragraph_of(paragraph_starts: list[int], offset: int) -> int:
    """The number of the paragraph that holds ``offset`` (the last one starting at or before
    it; 0 before the first): by bisection over the ascending starts, not a scan per call."""
    return max(bisect_right(paragraph_starts, offset) - 1, 0)


def continue_quotation(quote: QuoteSpan, previous: Found | None, paragraph_starts: list[int]) -> Found | None:
    """News convention: a quotation with no cue in its sentence continues the statement just
    before it, when that statement is in the same or the previous paragraph."""
    if previous is None:
        return None
    gap = paragraph_of(paragraph_starts, quote.start) - paragraph_of(paragraph_starts, previous.end)
    if gap > 1:
        return None
    return Found(
        "direct",
        list(quote.segments),
        previous.cue,
        previous.cue_span,
        previous.cue_class,
        None,
        negated=False,
        hedged=previous.hedged,
        quote=quote,
        continues=previous,
    )
