"""Where a content ends, besides its parse subtree: at a semicolon (semicolon rule) or before a
contrasting clause that is someone else's statement (contrast rule), at a full stop
before a quotation the parse ran on into (full-stop rule), before a second statement of the
speaker's after a noun-phrase content (own-statement rule), after a second object the parser hung
elsewhere (object-conjunct rule, ``conjuncts.py``), at the closing mark of a quotation that is the
whole reported clause, before the time or place of the saying (whole-quotation rule), before a
participle or a time that tells about the saying (saying-adjunct rule), never on a conjunction; and
where a content runs on: to the end of its sentence, and to the end of a quotation it cuts; and
where one starts: never on a contracted verb (clitic rule).

Kept apart from ``content.py`` (which calls these from ``statement_from_cue`` and the
parenthetical rule) so that module stays readable.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from onrecord.extraction.conjuncts import stranded_object_conjunct
from onrecord.extraction.docindex import doc_text, in_quotes, quotes_over, token_at
from onrecord.extraction.quotes import QuoteSpan
from onrecord.extraction.subjects import FINITE_TAGS
from onrecord.lexicons.venues import load_venue_lexicon


def start_with_clitic_host(cue: Token, start: int) -> int:
    """Clitic rule: a clause never opens on a contracted verb ("studies have shown there’s no
    link", where the parser hung "there" on the cue and the clause on "’s"): the word the clitic
    is written onto belongs to what was said."""
    doc = cue.doc
    first = doc[token_at(doc, start)]
    if first.i == 0 or first.idx != start or first.text[:1] not in {"'", "’"}:
        return start
    host = doc[first.i - 1]
    return host.idx if not host.whitespace_ and host.i != cue.i and host.is_alpha else start


def trim_range(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Strip spaces, sentence-final or leading punctuation that is not a quotation mark, and an
    unmatched closing parenthesis."""
    text = doc_text(doc)
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (
        text[end - 1].isspace() or text[end - 1] in ",;:—–-." or (text[end - 1] == ")" and "(" not in text[start:end])
    ):
        end -= 1  # a closing parenthesis without its opening one closes the reporter's aside
    return start, end


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


CONTRASTING_MARKS = {"while", "whereas"}


def before_another_statement(doc: Doc, start: int, end: int, quotes: list[QuoteSpan]) -> int:
    """Where a reported clause ends before a statement that is not part of it: at a semicolon
    (``before_semicolon``), and before a contrasting clause whose own subject says something
    (contrast rule: 'said the meeting was "very good," WHILE HIS UKRAINIAN COUNTERPART DESCRIBED it
    as "productive"': the counterpart's words, not the president's)."""
    end = before_semicolon(doc, start, end, quotes)
    span = doc.char_span(start, end, alignment_mode="expand")
    for t in span if span is not None else ():
        verb = t.head
        # a clause that follows what it contrasts with; a fronted one ("found that, while 37 percent
        # say …, 39 percent blame …") is part of what was said
        if t.dep_ == "mark" and t.lower_ in CONTRASTING_MARKS and t.i > span.start and verb._.cue is not None \
                and verb.head.i < t.i and any(c.dep_ == "nsubj" for c in verb.children) \
                and doc[t.i - 1].text in {",", '"', "”"}:
            cut = end_before(doc, start, doc[t.i - 1].idx + (len(doc[t.i - 1]) if doc[t.i - 1].is_quote else 0))
            return cut if cut > start else end
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


# prepositions that time the saying whatever their object ("… before the incident", "during a
# visit to Odesa"), and those that set it only with a time, a venue or a named broadcaster or
# building as their object ("on Monday", "in an interview", "at a news conference", "on CNN";
# not "in the legislature", "from officials", "in comparison to Obama", which go on with what was said)
TIMING_PREPOSITIONS = {"during", "before", "after", "following", "ahead", "amid"}
SETTING_PREPOSITIONS = {"on", "at", "in"}
TIME_ADVERBS = {"today", "yesterday", "tonight", "earlier", "later", "recently", "afterwards"}


def tells_when_or_where(first: Token) -> bool:
    """The words after a quotation, starting with ``first``, tell when or where it was said: a
    time, a timing preposition, or a setting preposition before a time, a venue noun ("interview",
    "conference", "remarks": ``venues.yaml``) or a named broadcaster or building."""
    if first.ent_type_ in {"DATE", "TIME"} or first.lower_ in TIME_ADVERBS:
        return True
    if first.pos_ != "ADP":
        return False
    if first.lower_ in TIMING_PREPOSITIONS:
        return True
    if first.lower_ not in SETTING_PREPOSITIONS:
        return False
    objects = [c for c in first.children if c.dep_ == "pobj"]
    return any(o.ent_type_ in {"DATE", "TIME"} or (o.pos_ != "PROPN" and o.lower_ in load_venue_lexicon().noun_heads)
               or (first.lower_ != "in" and o.ent_type_ in {"ORG", "FAC"}) for o in objects)


def at_the_quotation_end(doc: Doc, cue: Token, head: Token, start: int, end: int, quotes: list[QuoteSpan]) -> int:
    """Whole-quotation rule: a reported clause that is one quotation, opened right after the cue
    (or its "that"), ends at its closing mark; what follows it in the sentence is the reporter's
    time, place or occasion of the saying ('Kovalenko said “We will keep the corridor open” on
    Monday', 'told reporters “…” during a visit to Odesa', '… "no more baby parts" in comments to
    officials after the shooting'), which the parser hung on the quoted clause's verb.  Only when
    the clause's verb is inside the quotation (not '“the talks” with Russia would resume'), and
    what follows tells when or where (``tells_when_or_where``) and holds no verb of its own, no
    cue and no other quotation."""
    text = doc_text(doc)
    q = next((q for q in quotes_over(doc, quotes, start, end) if q.closed and q.start >= start), None)
    if q is None or q.end >= end or cue.idx > q.start or not q.start <= head.idx < q.end:
        return end
    if text[start : q.start].strip().lower() not in {"", "that", ":", ","}:
        return end
    rest = doc.char_span(q.end, end, alignment_mode="expand")
    words = [w for w in rest if not w.is_punct and not w.is_space] if rest is not None else []
    if rest is None or not words or any(w.is_quote for w in rest):
        return end
    if not tells_when_or_where(words[0]) or any(w.tag_ in FINITE_TAGS or w._.cue is not None for w in words):
        return end
    return q.end


SUBORDINATORS = {"when", "as", "after", "before", "while", "because", "if", "since", "although", "though", "once"}


def before_the_main_clause(doc: Doc, cue: Token, start: int, end: int) -> int:
    """Subordinate-frame rule: in "When Francis said Mr. Trump ''is not Christian'', the pope not
    only served up red meat …" the cue is in a clause opened by a conjunction, and what was said
    ends with that clause: at the comma after which the main clause's subject begins (the parse
    had hung the main clause inside the quoted words)."""
    first = cue.sent[0]
    if first.lower_ not in SUBORDINATORS or first.head.i != cue.i:
        return end
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return end
    for verb in span:
        if verb.pos_ not in {"VERB", "AUX"} or verb.i <= cue.i or verb.dep_ in {"relcl", "acl"}:
            continue  # (a relative clause, "…, whose support appeared steady", is part of what was said)
        for subject in verb.children:
            edge = subject.left_edge
            if subject.dep_ in {"nsubj", "nsubjpass"} and subject.i < verb.i and edge.i > span.start \
                    and edge.tag_ not in {"WP", "WP$", "WDT"} \
                    and doc[edge.i - 1].text == "," and not in_quotes(doc, edge.idx):
                return end_before(doc, start, doc[edge.i - 1].idx)
    return end


def before_conjunction(text: str, start: int, end: int) -> int:
    """'… the nation's defenses and' → '… the nation's defenses': a content cut before a conjoined
    predicate that is a statement of its own ("said the talks were useful and | added that …")
    never ends in the conjunction, nor in the comma that set off what followed it ("said the
    attack could derail the talks, | noting that …")."""
    head, _, last = text[start:end].rpartition(" ")
    if head and last.lower() in {"and", "but", "or"}:
        return start + len(head.rstrip(" ,;"))
    kept = text[start:end].rstrip(" ,")
    return start + len(kept) if kept else end


# what parts the reporter's sentence from a quotation with a frame of its own: a colon, or a dash
# that opens an aside ('… unserious - "Again, we need to get into the details," she said - and …')
PARTING_MARKS = (":", " -", " –", " —", "--")


def split_before_a_framed_quotation(doc: Doc, cue: Token, start: int, end: int,
                                     quotes: list[QuoteSpan]) -> tuple[int, int]:
    """Colon rule: in 'The minister repeated that talks had failed: "There is nothing to discuss,"
    she said' the colon (or a dash opening an aside, ``PARTING_MARKS``) parts the reporter's
    sentence from a quotation that a frame after it ("she said") reports, though the parse hangs the
    two together.  The frame's cue, after the content, takes the quotation alone ("Trump was defiant
    on Tuesday:" is no part of what he said); a cue before the colon ("repeated") ends its content
    at the colon."""
    text = doc_text(doc)
    framed = [q for q in quotes_over(doc, quotes, start, end)  # by bisection: no pass over every quotation
              if start < q.start and text[start : q.start].rstrip().endswith(PARTING_MARKS)]
    if not framed:
        return start, end
    quotation = framed[-1] if cue.idx >= end else framed[0]
    if cue.idx >= end and quotation.end >= end - 1:
        return quotation.start, end
    # the frame after the quotation: its words end in a comma, and a cue follows ('…," she said')
    after = doc.char_span(quotation.end, min(len(text), quotation.end + 40), alignment_mode="contract")
    framed_after = text[quotation.inner_start : quotation.inner_end].rstrip().endswith(",") \
        or text[quotation.end : quotation.end + 1] == ","
    if cue.idx < start and framed_after and after is not None and any(t._.cue is not None for t in after[:4]):
        return start, end_before(doc, start, len(text[:quotation.start].rstrip()) - 1)
    return start, end


def extend_to_sentence_end(cue: Token, end: int) -> int:
    """Reported speech runs to the end of its sentence: a clause the parser attached to the
    cue after the content ("said X, because Y") still belongs to what was said.  It stops at
    a conjoined verb ("… and added …"), which is a statement of its own, and at "according to"
    ("made clear that …, according to Reuters": who relayed the words is no part of them).  It
    ends on a word, not on punctuation (``past_a_full_stop``)."""
    doc = cue.doc
    sent = cue.sent
    subtree = {t.i for t in cue.subtree}
    last = None
    for t in doc[0:0] if end >= sent.end_char else sent:
        if t.idx < end:
            continue
        if t.i not in subtree or (t.head.i == cue.i and (t.dep_ in {"conj", "cc"} or t.lower_ == "according")) \
                or t._.cue is not None:
            # another cue's own words before it ("…, as she put it") are not what was said either
            last = last if t._.cue is None or last is None or t.left_edge.i > last.i else doc[t.left_edge.i - 1]
            break
        if past_a_full_stop(t):
            break
        last = t
    if last is None:
        return end
    return trim_range(doc, end, last.idx + len(last))[1] if last.idx + len(last) > end else end


TIME_WORDS = {"moments", "minutes", "hours", "days", "weeks", "shortly", "soon", "just", "right"}


def trim_saying_adjuncts(doc: Doc, start: int, end: int) -> int:
    """Saying-adjunct rule: what closes a reported clause after a comma and tells about the
    saying, not what was said, is not content: a participle with no subject of its own ("…,
    contradicting the police's account", "…, implicitly staking her career on the vote"), a time
    after or before an event ("…, moments after the verdict").  (A bare weekday at the end
    stays: "said he was proud Tuesday" dates the saying, "said talks would resume Monday" the
    talks.)"""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) < 4 or "," not in doc_text(doc)[span.start_char : span.end_char]:
        return end  # no comma: no rule below can apply (each needs a "," token inside the span)
    for t in span[2:]:
        # "…, implicitly staking her career on the vote": an adverb of the participle's may stand first
        first = t.left_edge if t.tag_ == "VBG" and t.left_edge.i < t.i and t.left_edge.dep_ == "advmod" else t
        if t.i + 1 >= span.end or first.i <= span.start or doc[first.i - 1].text != ",":
            continue
        participle = (
            t.tag_ == "VBG" and t.dep_ in {"advcl", "acl", "xcomp", "conj"}
            and not any(c.dep_ in {"nsubj", "nsubjpass", "aux"} for c in t.children)
            and max(g.i for g in t.subtree) >= span.end - 2  # it closes the clause, not "X, affecting Y, was"
        )
        timing = t.lower_ in TIME_WORDS and doc[t.i + 1].lower_ in {"after", "before"}
        if participle or timing:
            end = trim_range(doc, start, doc[first.i - 1].idx)[1]
            break
    return end


def to_the_quotation_end(doc: Doc, start: int, end: int, quotes: list[QuoteSpan]) -> tuple[int, int]:
    """Quoted words are one unit: a clause that ends inside a quotation of several sentences
    ('Cruz, Blackwell wrote, "has demonstrated … . He works hard …"') takes the rest of it.  A
    quotation whose opening mark is all the range holds of it ('was simple. "Just put …"') is
    the next sentence's, and the mark is cut off."""
    text = doc_text(doc)
    for q in quotes_over(doc, quotes, start, end):
        if not q.start < end < q.end:
            continue
        if any(ch.isalnum() for ch in text[max(q.inner_start, start) : end]):
            return start, q.end
        cut = q.start - (text[q.start - 1 : q.start] == text[q.start] in "'`")  # a doubled mark: ''
        return trim_range(doc, start, max(start, cut))
    return start, end
