"""Statements from the parse: a cue, its content and its speaker mention.

Each rule is one function:

* ``content_of_cue``      — the complement that carries what was said: a that-/bare clause
                            (ccomp), a to-infinitive (xcomp) for vows and refusals, a noun-phrase
                            object for verbs such as "call", "deny", "criticize";
* ``according_to``        — "according to X, …": X is the source, the rest of the clause the content;
* ``attribute_quotation`` — a direct quotation and the cue in its sentence ("…," he said /
                            He said: "…" / said Zelensky);
* ``continue_quotation``  — a quotation with no cue in its sentence continues the utterance of
                            the statement just before it (the news convention);
* ``subject_of``          — the speaker mention: the cue's subject, inverted or not, the
                            subject of the governing verb for participles ("…, saying …") and
                            conjuncts, the agent of a passive ("denounced by X").

The kind follows from how the content relates to the quotation marks: wholly quoted is
``direct``, reported speech holding a quoted fragment is ``mixed``, otherwise ``indirect``.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from onrecord.extraction.found import Found
from onrecord.extraction.labels import merge_label_statements
from onrecord.extraction.quotes import QuoteSpan, paragraphs
from onrecord.lexicons.cues import CueEntry

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
CLAUSE_DEPS = {"ccomp", "parataxis"}
MIN_QUOTE_WORDS = 4  # shorter quotations without a cue of their own are scare quotes or titles


# --- content -----------------------------------------------------------------------------


def _span_chars(tokens: list[Token]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Strip spaces and sentence-final or leading punctuation that is not a quotation mark."""
    text = doc.text
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-."):
        end -= 1
    return start, end


def subtree_chars(token: Token, exclude: set[int] | None = None) -> tuple[int, int]:
    """The character range of a token's subtree (contiguous by projectivity), trimmed."""
    tokens = [t for t in token.subtree if not exclude or t.i not in exclude]
    start, end = _span_chars(tokens)
    return _trim(token.doc, start, end)


def content_of_cue(cue: Token, entry: CueEntry) -> Token | list[Token] | None:
    """The head of the complement that carries the content, by the cue's complement types."""
    children = list(cue.children)
    if "clause" in entry.complements:
        for c in children:
            if c.dep_ in CLAUSE_DEPS:
                return c
    if "to" in entry.complements:
        for c in children:
            if c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children):
                return c
    if "np" in entry.complements:
        objects = [c for c in children if c.dep_ in {"dobj", "oprd"}]
        if objects:
            return objects + controlled_infinitive(cue, objects)
    for c in children:
        # "called for X", "pointed to X": the object of the verb's preposition
        if c.dep_ in {"prep", "prt"} and f"prep:{c.lower_}" in entry.complements:
            objects = [g for g in c.children if g.dep_ in {"pobj", "pcomp"}]
            if objects:
                return objects + controlled_infinitive(cue, objects)
    if "clause" in entry.complements:
        # "said on Friday that …" parses the clause as an adverbial clause or as the object
        for c in children:
            if (
                c.dep_ in {"advcl", "dobj"}
                and c.pos_ in {"VERB", "AUX"}
                and any(m.dep_ == "mark" and m.lower_ in {"that", "whether", "if"} for m in c.children)
            ):
                return c
    return None


def controlled_infinitive(cue: Token, objects: list[Token]) -> list[Token]:
    """Object control: "called on both governments TO PUBLISH the routes", "urged Kyiv TO
    ACCEPT": what is asked is the object together with the infinitive it controls."""
    last = max(o.i for o in objects)
    return [c for c in cue.children
            if c.dep_ == "xcomp" and c.i > last and any(a.lower_ == "to" for a in c.children)]


def content_range(head: Token | list[Token], cue: Token) -> tuple[int, int]:
    heads = head if isinstance(head, list) else [head]
    ranges = [subtree_chars(h) for h in heads]
    return min(s for s, _ in ranges), max(e for _, e in ranges)


def _quote_overlap(start: int, end: int, quotes: list[QuoteSpan]) -> list[QuoteSpan]:
    return [q for q in quotes if q.start < end and start < q.end]


def extend_to_quotes(start: int, end: int, quotes: list[QuoteSpan]) -> tuple[int, int]:
    """A content that cuts a quotation in two takes the whole quotation: quoted words are
    one unit, whatever the parser attached them to."""
    for q in _quote_overlap(start, end, quotes):
        if q.start < start < q.end or q.start < end < q.end:
            if q.start >= start - 2 or q.end <= end + 2 or len(q.segments) == 1:
                start, end = min(start, q.start), max(end, q.end)
    return start, end


def is_reference_back(doc: Doc, quote: QuoteSpan, quotes: list[QuoteSpan]) -> bool:
    """A short quoted term that repeats words quoted earlier in the article ('the "NATO
    umbrella"') refers back to that quotation; it is not new quoted speech."""
    words = doc.text[quote.inner_start : quote.inner_end].lower().split()
    if len(words) > 2:
        return False
    term = " ".join(words)
    return any(
        q.end <= quote.start and term in " ".join(doc.text[q.inner_start : q.inner_end].lower().split()) for q in quotes
    )


def classify_kind(start: int, end: int, quotes: list[QuoteSpan], doc: Doc) -> tuple[str, QuoteSpan | None]:
    """direct: the content is the quotation (give or take its marks and punctuation);
    mixed: the content holds a quotation and words of the reporter; indirect: no quotation."""
    inside = [q for q in _quote_overlap(start, end, quotes) if not is_reference_back(doc, q, quotes)]
    if not inside:
        return "indirect", None
    q = inside[0]
    outside = doc.text[start : q.start] + doc.text[q.end : end]
    for other in inside[1:]:
        outside = outside.replace(doc.text[other.start : other.end], "")
    if len(inside) == 1 and not any(ch.isalnum() for ch in outside):
        return "direct", q
    return "mixed", q


# --- speakers ------------------------------------------------------------------------------


def noun_phrase(token: Token) -> Span:
    """The mention: the subject's subtree without relative clauses and trailing punctuation
    ("Zelensky, who …," → "Zelensky"; "Ukraine's President Volodymyr Zelensky" whole)."""
    drop = set()
    for c in token.children:
        if c.dep_ in {"relcl", "acl", "advcl", "cc", "conj"} and c.i > token.i:
            drop.update(t.i for t in c.subtree)
    first_dropped = min(drop, default=10**9)
    keep = [t for t in token.subtree if t.i < first_dropped]
    start, end = keep[0].i, keep[-1].i + 1
    doc = token.doc
    while start < end - 1 and doc[start].is_punct:
        start += 1
    while end - 1 > start and doc[end - 1].is_punct:
        end -= 1
    return doc[start:end]


def subject_of(cue: Token) -> Token | None:
    """The speaker token of a cue.  Rules, in order:
    1. its own subject (nsubj, inverted or not; the agent of a passive);
    2. a participle or infinitive cue ("…, saying …", "vowed to say") takes the subject of
       the verb it depends on;
    3. a conjoined cue ("said … and added …") takes the subject of its first conjunct;
    4. a cue in a relative clause ("Zelensky, who said …") takes the noun it modifies, and so
       does a relative pronoun subject ("the union, which said …");
    5. failing all that (a parse that lost the link), the subject of the sentence's root."""
    quoted = cue.doc._.quotes or []

    def in_quotation(t: Token) -> bool:
        return any(q.start <= t.idx < q.end for q in quoted)

    token: Token | None = cue
    for _ in range(5):
        if token is None:
            break
        for c in token.children:
            if c.dep_ in {"nsubj", "csubj"} and not (in_quotation(c) and not in_quotation(cue)):
                return c  # a relative pronoun ("who said") is named later from its noun
            if c.dep_ == "agent":
                objs = [g for g in c.children if g.dep_ == "pobj"]
                if objs:
                    return objs[0]
        if any(c.dep_ == "nsubjpass" for c in token.children) and token.i == cue.i:
            return None
        if token.dep_ in {"relcl", "acl"} and token.head.pos_ in {"NOUN", "PROPN", "PRON"}:
            return token.head
        if token.dep_ in {"advcl", "xcomp", "conj", "pcomp", "ccomp", "dobj"} and token.head.i != token.i:
            token = token.head
            continue
        break
    return nearest_noun_phrase(cue)


def nearest_noun_phrase(cue: Token) -> Token | None:
    """Rule 5, for parses that lost the subject link ("…," the governor, Pavel Orlov, said):
    the nearest noun phrase to the cue in its sentence, outside quotation marks, that is not a
    date or a number."""
    doc = cue.doc
    quoted = doc._.quotes or []
    best: tuple[int, Token] | None = None
    for chunk in cue.sent.noun_chunks:
        root = chunk.root
        if any(q.start <= root.idx < q.end for q in quoted) or root.ent_type_ in {"DATE", "TIME", "CARDINAL"}:
            continue
        distance = cue.i - chunk.end + 1 if chunk.end <= cue.i else chunk.start - cue.i
        if 0 <= distance <= 6 and (best is None or distance < best[0]):
            best = (distance, root)
    return best[1] if best else None


def according_to(doc: Doc) -> list[tuple[Token, Token, Token]]:
    """'according to X' phrases: (the 'according' token, the source token, the clause head)."""
    found = []
    for t in doc:
        if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            to = doc[t.i + 1]
            objs = [c for c in to.children if c.dep_ == "pobj"] or [c for c in t.children if c.dep_ == "pobj"]
            if objs:
                found.append((t, objs[0], t.head))
    return found


def according_to_statement(acc: Token, source: Token, head: Token, quotes: list[QuoteSpan]) -> Found | None:
    doc = acc.doc
    phrase = {t.i for t in acc.subtree} | {acc.i, acc.i + 1} | {t.i for t in source.subtree}
    sent = acc.sent
    if head.i == acc.i or head.dep_ == "punct":
        head = sent.root
    if head.i in phrase:
        return None
    start, end = subtree_chars(head, exclude=phrase)
    if end - start < 10:
        return None
    kind, quote = classify_kind(start, end, quotes, doc)
    cue_span = (acc.idx, doc[acc.i + 1].idx + 2)
    return Found(kind, [(start, end)], acc, cue_span, "according_to", noun_phrase(source), quote=quote)


# --- statements from cues ------------------------------------------------------------------


def clip_to_paragraph(doc: Doc, cue: Token, start: int, end: int) -> tuple[int, int]:
    """Paragraph rule: what a cue reports lies in the cue's own paragraph.  A parse whose clause
    runs over a paragraph break (a closing quotation, then a new paragraph opening with a
    quotation) is cut at the break; quotations that run over paragraphs are joined later, by
    the news convention, not by the parse."""
    text = doc.text
    para_start = text.rfind("\n", 0, cue.idx) + 1
    para_end = text.find("\n", cue.idx)
    para_end = len(text) if para_end < 0 else para_end
    if start >= para_start and end <= para_end:
        return start, end
    return _trim(doc, max(start, para_start), min(end, para_end))


def cued_statement(kind: str, content: list[tuple[int, int]], cue: Token, quote: QuoteSpan | None) -> Found:
    """A statement whose speaker is the subject of its cue (``subject_of``)."""
    subject = subject_of(cue)
    mention = noun_phrase(subject) if subject is not None else None
    return Found(kind, content, cue, cue_extent(cue), cue._.cue.cls, mention,
                 negated=cue._.cue_negated, hedged=cue._.cue_hedged, quote=quote)


def statement_from_cue(cue: Token, entry: CueEntry, quotes: list[QuoteSpan]) -> Found | None:
    head = content_of_cue(cue, entry)
    if head is None:
        return None
    doc = cue.doc
    start, end = content_range(head, cue)
    if start >= end or (cue.idx >= start and cue.idx < end):
        # a content that contains its own cue is a parse error, not a statement
        start, end = _clip_at_cue(doc, cue, start, end)
        if start >= end:
            return None
    start, end = clip_to_paragraph(doc, cue, start, end)
    if start >= end:
        return None
    gap = doc.text[min(cue.idx, end) : max(cue.idx, start)]
    if "\n" in gap:
        return None  # a parse that links a cue to words in another paragraph is wrong
    if isinstance(head, list) and all(t.pos_ == "PRON" and t.n_lefts + t.n_rights == 0 for t in head):
        return None  # "welcomed it": a pronoun object says nothing on its own
    if not isinstance(head, list):
        start = start_at_complementizer(head, start)
    if cue.i < head_index(head) and not isinstance(head, list):
        end = extend_to_sentence_end(cue, end)
        start, end = clip_to_paragraph(doc, cue, start, end)
    start, end = extend_to_quotes(start, end, quotes)
    kind, quote = classify_kind(start, end, quotes, doc)
    if kind == "direct" and quote is not None:
        start, end = quote.inner_start, quote.inner_end
    return cued_statement(kind, [(start, end)], cue, quote)


def head_index(head: Token | list[Token]) -> int:
    return head[0].i if isinstance(head, list) else head.i


def start_at_complementizer(head: Token, start: int) -> int:
    """'tweeted in the early hours that X was …': the content starts at its complementizer;
    what the parser hung before it describes the saying, not what was said."""
    for c in head.children:
        if c.dep_ == "mark" and c.lower_ in {"that", "whether", "if"} and c.idx > start:
            return c.idx
    return start


def extend_to_sentence_end(cue: Token, end: int) -> int:
    """Reported speech runs to the end of its sentence: a clause the parser attached to the
    cue after the content ("said X, because Y") still belongs to what was said.  It stops at
    a conjoined verb ("… and added …"), which is a statement of its own."""
    doc = cue.doc
    sent = cue.sent
    subtree = {t.i for t in cue.subtree}
    last = None
    for t in doc[0:0] if end >= sent.end_char else sent:
        if t.idx < end:
            continue
        if t.i not in subtree or (t.head.i == cue.i and t.dep_ in {"conj", "cc"}) or t._.cue is not None:
            break
        last = t
    if last is None:
        return end
    return _trim(doc, end, last.idx + len(last))[1] if last.idx + len(last) > end else end


def _clip_at_cue(doc: Doc, cue: Token, start: int, end: int) -> tuple[int, int]:
    if cue.idx - start > end - cue.idx:
        return _trim(doc, start, cue.idx)
    return _trim(doc, cue.idx + len(cue), end)


def cue_extent(cue: Token) -> tuple[int, int]:
    """The cue phrase: the verb with its auxiliaries and negation directly before it
    ("wouldn't say", "has said"), and a particle after it ("pointed out", "called for")."""
    doc = cue.doc
    first = cue.i
    while first - 1 >= 0 and doc[first - 1].head.i == cue.i and doc[first - 1].dep_ in {"aux", "neg", "auxpass"}:
        first -= 1
    last = cue.i
    if cue.i + 1 < len(doc) and doc[cue.i + 1].dep_ == "prt":
        last = cue.i + 1
    return doc[first].idx, doc[last].idx + len(doc[last])


# --- direct quotations ---------------------------------------------------------------------


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
    quoted = doc._.quotes or []

    def outside(t: Token) -> bool:
        return t._.cue is not None and not any(q.start <= t.idx < q.end for q in quoted)

    def cost(t: Token, distance: int) -> int:
        speech = t._.cue.complements & {"quote", "clause"}
        return distance + (0 if "quote" in t._.cue.complements else 6 if speech else 12)

    candidates: list[tuple[int, int, Token]] = []
    # the frame after the quotation ends at the next quotation or the end of the sentence
    # (a full stop outside quotation marks), whatever the sentence splitter thought
    for t in doc[span.end : min(last_sent.end + 12, len(doc))]:
        if any(q.start <= t.idx < q.end for q in quoted) or t.text in {".", "!", "?"} or "\n" in t.text:
            break
        if outside(t):
            candidates.append((cost(t, t.i - span.end), 0, t))
    # the frame before it, back to the previous full stop or quotation
    for t in reversed(doc[max(first_sent.start - 12, 0) : span.start]):
        if any(q.start <= t.idx < q.end for q in quoted) or t.text in {".", "!", "?"} or "\n" in t.text:
            break
        if outside(t):
            candidates.append((cost(t, span.start - t.i), 1, t))
    if not candidates:
        return None
    return min(candidates, key=lambda c: (c[0], c[1]))[2]


def is_title(doc: Doc, quote: QuoteSpan) -> bool:
    """A short quotation in Title Case ("Face the Nation") names a work or a show."""
    words = [w for w in doc.text[quote.inner_start : quote.inner_end].strip(" ,.").split() if w[:1].isalpha()]
    small = {"the", "a", "an", "of", "and", "in", "on", "to", "for", "at", "with"}
    return 0 < len(words) <= 5 and all(w[0].isupper() or w in small for w in words) and words[0][0].isupper()


def ends_like_utterance(doc: Doc, quote: QuoteSpan) -> bool:
    """'"I would," she said': punctuation inside the closing mark shows a short quotation
    is a sentence someone spoke, not a term."""
    inner = doc.text[quote.inner_start : quote.inner_end].rstrip()
    return inner[-1:] in {",", ".", "!", "?"}


def quote_words(doc: Doc, quote: QuoteSpan) -> int:
    return sum(len(doc.text[s:e].split()) for s, e in quote.segments)


SIGNATURE = re.compile(r"[ \t\u00a0]*(―|—|–|--)[ \t\u00a0]*([^\n,(;]{2,60})")


def dash_attribution(doc: Doc, quote: QuoteSpan) -> Found | None:
    """'"…" ― Maria Lopez': a quotation signed with a dash and a name closing its paragraph
    (readers' comments, epigraphs).  The dash is the cue, the name the speaker."""
    m = SIGNATURE.match(doc.text, quote.end)
    if m is None:
        return None
    name_start, name_end = m.start(2), m.start(2) + len(m.group(2).rstrip(" .\u00a0"))
    mention = doc.char_span(name_start, name_end, alignment_mode="expand")
    if mention is None or len(mention) > 8 or not any(t.pos_ == "PROPN" for t in mention):
        return None
    dash = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
    if dash is None:
        return None
    return Found("direct", list(quote.segments), dash[0], (m.start(1), m.end(1)), "assert", mention, quote=quote)


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
    between = doc.text[cue.idx + len(cue) : quote.start]
    if not any(ch.isalnum() for ch in between):
        return False
    span = tokens_of(doc, quote.inner_start, quote.inner_end)
    subtree = {t.i for t in cue.subtree}
    return span is not None and all(t.i in subtree for t in span if not t.is_punct) and cue.sent == doc[span.start].sent


def extend_into_quotation(existing: Found | None, quote: QuoteSpan, quotes: list[QuoteSpan], doc: Doc) -> bool:
    """The cue already has a content that stops short of the quotation: it reaches on to the
    end of the quotation, which makes the statement mixed."""
    if existing is None or len(existing.content) != 1:
        return False
    start, end = existing.content[0]
    if end > quote.start:
        return False
    existing.content = [(start, quote.end)]
    existing.kind, existing.quote = classify_kind(start, quote.end, quotes, doc)
    return True


def is_fragment(doc: Doc, quote: QuoteSpan) -> bool:
    """A quotation that starts in lower case, inside a sentence of the reporter ('victims "do
    need to have their day in court"'), is a fragment of reported speech, not a sentence."""
    inner = doc.text[quote.inner_start : quote.inner_end].lstrip(" .…[")
    before = doc.text[max(0, quote.start - 3) : quote.start].rstrip()
    return bool(inner) and inner[0].islower() and not before.endswith(":")


def mixed_from_cue(st: Found, quote: QuoteSpan, quotes: list[QuoteSpan], doc: Doc) -> Found:
    """A quoted fragment inside reported speech: the content runs from the word after the cue
    phrase (or, when the cue comes after it, from the start of the sentence) to the end of
    the quotation."""
    assert st.cue_span is not None and st.cue is not None
    if st.cue_span[1] <= quote.start:
        start, end = _trim(doc, st.cue_span[1], quote.end)
    else:
        sent = doc[tokens_of(doc, quote.start, quote.end).start].sent  # type: ignore[union-attr]
        start, end = _trim(doc, sent.start_char, quote.end)
    st.content = [(start, end)]
    st.kind, st.quote = classify_kind(start, end, quotes, doc)
    return st


def paragraph_of(paragraph_starts: list[int], offset: int) -> int:
    n = 0
    for i, s in enumerate(paragraph_starts):
        if s <= offset:
            n = i
    return n


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


# --- the component -------------------------------------------------------------------------


def build_statements(doc: Doc) -> list[Found]:
    quotes: list[QuoteSpan] = doc._.quotes or []
    found: list[Found] = []
    used_cues: set[int] = set()
    for token in doc:
        entry = token._.cue
        if entry is None or any(q.inner_start <= token.idx < q.inner_end for q in quotes):
            continue
        st = statement_from_cue(token, entry, quotes)
        if st is not None:
            found.append(st)
            used_cues.add(token.i)
    for acc, source, head in according_to(doc):
        st = according_to_statement(acc, source, head, quotes)
        if st is not None:
            found.append(st)
    covered = _covered_quotes(found)
    paragraph_starts = [s for s, _ in paragraphs(doc.text)]
    found.sort(key=lambda f: f.start)
    by_cue = {f.cue.i: f for f in found if f.cue is not None}
    for quote in quotes:
        if id(quote) in covered:
            continue
        st = attribute_quotation(doc, quote)
        if any(f.start <= quote.inner_start and quote.inner_end <= f.end for f in found):
            continue  # already part of a statement's content
        if st is not None and st.cue is not None and (governed_fragment(st.cue, quote) or is_fragment(doc, quote)):
            if extend_into_quotation(by_cue.get(st.cue.i), quote, quotes, doc):
                continue
            st = mixed_from_cue(st, quote, quotes, doc)
        if st is None:
            if quote_words(doc, quote) < MIN_QUOTE_WORDS:
                continue
            previous = max((f for f in found if f.end <= quote.start), key=lambda f: f.end, default=None)
            st = continue_quotation(quote, previous, paragraph_starts)
        elif (
            quote_words(doc, quote) < MIN_QUOTE_WORDS
            and not _cue_governs(st.cue, quote)
            and not ends_like_utterance(doc, quote)
        ) or is_title(doc, quote):
            continue
        if st is not None:
            found.append(st)
            found.sort(key=lambda f: f.start)
    found = merge_label_statements(doc, found, paragraphs(doc.text))
    trim_nested_attributions(found)
    found = drop_embedded_weak_cues(found)
    return merge_split_quotations(_drop_nested(found), paragraph_starts)


def drop_embedded_weak_cues(found: list[Found]) -> list[Found]:
    """A verb inside someone's reported words ("said other countries have offered to …",
    "saying it must guarantee …") is part of what was said.  Only a verb of saying proper
    (one that can introduce a quotation) starts a nested statement there."""

    def embedded(f: Found) -> bool:
        return f.cue is not None and any(
            g is not f and g.start <= f.cue.idx < g.end and (f.mention is None or g.start <= f.mention.start_char)
            for g in found
        )

    return [
        f
        for f in found
        if not (
            embedded(f) and f.cue is not None and f.cue._.cue is not None and "quote" not in f.cue._.cue.complements
        )
    ]


def merge_split_quotations(found: list[Found], paragraph_starts: list[int]) -> list[Found]:
    """A quotation split by its attribution ("…," he said. "…" / "…," he added, "…") is one
    utterance: the second part joins the first as a further segment when both are direct,
    in the same paragraph, and the second has no cue of its own."""
    out: list[Found] = []
    for f in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and f.kind == "direct"
            and prev.kind == "direct"
            and (
                f.continues is prev  # the news convention, over a paragraph break too
                or (
                    f.cue is not None
                    and prev.cue is not None
                    and f.cue.i == prev.cue.i
                    and paragraph_of(paragraph_starts, f.start) == paragraph_of(paragraph_starts, prev.end)
                )
            )
        ):
            prev.content = prev.content + f.content
            continue
        out.append(f)
    return out


def trim_nested_attributions(found: list[Found]) -> None:
    """A content that ends in another attribution with its own speaker ("vowed to end the
    war, with both Putin and Zelensky having said they welcomed it") stops before it: the
    inner clause is a statement of its own, by someone else."""
    for outer in found:
        if outer.cue is None or len(outer.content) != 1:
            continue
        start, end = outer.content[0]
        for inner in found:
            if inner is outer or inner.cue is None or inner.mention is None:
                continue
            if not (start <= inner.mention.start_char and inner.cue.idx < end and inner.end <= end + 2):
                continue
            # climb from the inner cue to the child of the outer content that holds it
            node = inner.cue
            # (tokens compare by index: spaCy makes a new Token object at every access)
            while (
                node.head.i != node.i and start <= node.head.idx < end and node.head.i != outer.cue.i
            ):
                if node.head.left_edge.idx <= start:
                    break
                node = node.head
            cut = node.left_edge.idx
            if cut > start + 10:
                new_start, new_end = _trim(outer.cue.doc, start, cut)
                if new_end > new_start:
                    outer.content = [(new_start, new_end)]
                    end = new_end


def _cue_governs(cue: Token | None, quote: QuoteSpan) -> bool:
    if cue is None:
        return False
    return any(quote.start <= t.idx < quote.end for t in cue.subtree)


def _covered_quotes(found: list[Found]) -> set[int]:
    return {id(f.quote) for f in found if f.quote is not None}


def _drop_nested(found: list[Found]) -> list[Found]:
    """Two statements over the same words: keep the one whose content is not inside the
    other's (the outer reported clause), unless the inner has its own cue and speaker."""
    out: list[Found] = []
    for f in found:
        dup = next((g for g in out if g.content == f.content), None)
        if dup is None:
            out.append(f)
    return out


def statements_component(doc: Doc) -> Doc:
    doc._.statements = build_statements(doc)
    return doc
