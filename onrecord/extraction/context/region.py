"""The attribution region of a statement and what is linked to its cue.

The *attribution region* is the sentence(s) holding the cue less the content, so a date or a
place inside the quoted words never counts.  A phrase in the region belongs to the statement
when the parse links it to the cue (``attachment``): directly ("said ON FRIDAY"), through a noun
("in an interview ... ON FRIDAY"), through a verb that carries the statement ("SPEAKING to
students ..., the mayor said"), or as a fronted adverbial of a clause that governs the cue ("IN
2022, Putin annexed ..., calling them ...").  Below that, the helpers that turn linked phrases
into text.  All character offsets index ``doc.text``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from spacy.tokens import Doc, Span, Token

from onrecord.extraction.docindex import once
from onrecord.lexicons.venues import VenueLexicon, load_venue_lexicon

CharRange = tuple[int, int]

# --- the attribution region ----------------------------------------------------------------


@dataclass
class Region:
    """The sentences that attribute a statement, the tokens of its content (excluded), and the
    anchors: the cue's head token, or without a cue the roots of the sentences."""

    doc: Doc
    sents: list[Span]
    excluded: set[int]
    anchors: list[Token]
    lexicon: VenueLexicon
    # matches per (matcher, sentence start), shared by the regions of one doc: a sentence of
    # several statements is matched once
    matches: dict[tuple[str, int], list[tuple[int, int, int]]] = field(default_factory=dict)
    # what several rules of one statement ask of its region (``once``), computed the first time
    answers: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def once(self, key: str, compute: Callable[[Region], Any]) -> Any:
        """``compute(self)``, computed once per region under ``key`` (do not change the answer):
        the venue, addressee and time rules each asked for the same linked verbs and times."""
        if key not in self.answers:
            self.answers[key] = compute(self)
        return self.answers[key]

    def matched(self, key: str, sent: Span, matcher: Callable[[Span], Any]) -> list[tuple[int, int, int]]:
        """``matcher``'s (match_id, start, end) in ``sent``, sentence-relative, run once."""
        held = self.matches.get((key, sent.start))
        if held is None:
            held = self.matches[(key, sent.start)] = list(matcher(sent))
        return held

    def holds(self, token: Token) -> bool:
        return token.i not in self.excluded and any(s.start <= token.i < s.end for s in self.sents)

    def tokens(self) -> list[Token]:
        """The region's words, less the content's, in order: listed once per region (three rules
        walk them), from each sentence's words listed once per Doc (statements share sentences)."""
        return self.once("tokens", _region_tokens)  # type: ignore[no-any-return]


def _region_tokens(region: Region) -> list[Token]:
    doc = region.doc
    words = [once(doc, ("sentence_tokens", sent.start, sent.end), partial(list, sent)) for sent in region.sents]
    return [t for sentence in words for t in sentence if t.i not in region.excluded]


def _indices_in(doc: Doc, start: int, end: int) -> list[int]:
    """``[t.i for t in _tokens_in(doc, start, end)]`` without making the Tokens: of the tokens the
    expanded span holds, only the first and the last can fail to overlap [start, end) (one that
    starts in the whitespace after ``start``'s token, one that the span's end only touches)."""
    span = doc.char_span(start, end, alignment_mode="expand") if start < end else None
    if span is None or not len(span):
        return []
    first, last = doc[span.start], doc[span.end - 1]
    lo = span.start if first.idx < end and first.idx + len(first) > start else span.start + 1
    hi = span.end if last.idx < end and last.idx + len(last) > start else span.end - 1
    return list(range(lo, hi))


def _tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    """The tokens that overlap [start, end) (found by offset, not by a scan of the doc: a
    statement costs the same in a long article)."""
    span = doc.char_span(start, end, alignment_mode="expand") if start < end else None
    return [t for t in span if t.idx < end and t.idx + len(t) > start] if span is not None else []


def _cue_head(tokens: Sequence[Token]) -> Token:
    """The token of a cue phrase whose head lies outside it: "say" of "wouldn't say"."""
    inside = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    verbs = [t for t in heads if t.pos_ in {"VERB", "AUX"}]
    return (verbs or heads or list(tokens))[0]


def attribution_region(doc: Doc, cue: CharRange | None, content: Sequence[CharRange],
                       lexicon: VenueLexicon | None = None,
                       matches: dict[tuple[str, int], list[tuple[int, int, int]]] | None = None,
                       speaker: CharRange | None = None) -> Region:
    """The cue's sentence(s) (without a cue: the content's), less the content's tokens and the
    speaker's mention (``speaker``, in a cue's sentence); ``matches`` (the doc's matches so far)
    is shared with the other regions of the doc."""
    lexicon = lexicon or load_venue_lexicon()
    excluded = {i for start, end in content for i in _indices_in(doc, start, end)}
    cue_tokens = _tokens_in(doc, *cue) if cue is not None else []
    if cue_tokens:
        sents = _sentences_of(cue_tokens)
        head = _cue_head(cue_tokens)
        anchors = [head, *occasion_of_cue(head, excluded, lexicon)]
        if speaker is not None:
            excluded |= {i for i in _indices_in(doc, *speaker) if i != head.i}
    else:
        sents = _sentences_of([doc[i] for i in excluded])
        anchors = [s.root for s in sents if s.root.i not in excluded]
    return Region(doc, sents, excluded, anchors, lexicon, matches if matches is not None else {})


# Rule: the occasion a cue's clause hangs on — the cue's clause may hang on the occasion
# rather than name it: a participle of a verb that carries or issues the statement ("SPOKE to
# reporters outside the courthouse, saying ...", "RELEASED a statement on Friday saying ..."),
# or a relative or "when" clause of a venue noun or a time ("in an INTERVIEW in which she
# said ...", "her statement on FRIDAY, when she stressed ...").  That verb or noun links to
# the cue's occasion too: it is an anchor.
def occasion_of_cue(cue: Token, excluded: set[int], lexicon: VenueLexicon) -> list[Token]:
    head = cue.head
    if head.i == cue.i or head.i in excluded:
        return []
    if cue.dep_ in {"advcl", "xcomp"} and cue.tag_ == "VBG" and is_clause_verb(head):
        lemma = head.lemma_.lower()
        return [head] if lemma in lexicon.carrier_verbs or lemma in lexicon.issuing_verbs else []
    if cue.dep_ in {"relcl", "acl"} and _occasion_noun(head, lexicon):
        return [head]
    if any(c.dep_ == "advmod" and c.lower_ == "when" for c in cue.children):
        before = _noun_before(cue, excluded)
        if before is not None and _occasion_noun(before, lexicon):
            return [before]
    return []


def _occasion_noun(token: Token, lexicon: VenueLexicon) -> bool:
    """A venue noun's head word ("statement", "conference") or a time ("Friday")."""
    return token.lower_ in lexicon.noun_heads or token.ent_type_ in {"DATE", "TIME"}


def _noun_before(clause: Token, excluded: set[int]) -> Token | None:
    """The head noun of the phrase just before a clause ("her statement on Friday, when ..."):
    the nearest noun before the clause's first word, climbed through "of"/"on" phrases to the
    noun they modify."""
    first = min(t.i for t in clause.subtree)
    doc = clause.doc
    i = first - 1
    while i >= clause.sent.start and (doc[i].is_punct or doc[i].i in excluded):
        i -= 1
    if i < clause.sent.start or doc[i].pos_ not in {"NOUN", "PROPN", "NUM"}:
        return None
    token = doc[i]
    while token.dep_ in {"pobj", "compound", "nummod"} and token.head.i < first and token.head.pos_ != "VERB":
        if token.dep_ == "pobj" and token.head.head.pos_ not in {"NOUN", "PROPN"}:
            break
        token = token.head.head if token.dep_ == "pobj" else token.head
    return token


def _sentences_of(tokens: Sequence[Token]) -> list[Span]:
    """The sentences holding the tokens, in order, each once."""
    sents: dict[int, Span] = {}
    for token in tokens:
        if not any(s.start <= token.i < s.end for s in sents.values()):
            sent = token.sent
            sents[sent.start] = sent
    return [sents[k] for k in sorted(sents)]


def is_clause_verb(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} and token.dep_ not in {"aux", "auxpass"}


# Rule: attachment — a phrase belongs to the statement when its head chain reaches the cue
# through nouns and prepositions (rank 0), also through a verb that carries the statement,
# "SPEAKING on BBC radio" (rank 1), or when it is a fronted adverbial of a clause that governs
# the cue, "IN 2022, Putin annexed ..., CALLING them ..." (rank 2).  Any other verb on the way
# (a relative clause's: "who met Biden ON FRIDAY") cuts the link, and so does the content.
def attachment(token: Token, region: Region) -> int | None:
    anchors = {a.i for a in region.anchors}
    rank = 0
    current = token
    for _ in range(len(region.doc)):
        if current.i in anchors:
            return rank
        if not region.holds(current):  # outside the sentence, or in the content
            return None
        head = current.head
        if head.i == current.i:
            return None
        if head.i in region.excluded and cut_from_the_content(current, region):
            return rank
        if is_clause_verb(head) and head.i not in anchors:
            if head.lemma_.lower() in region.lexicon.carrier_verbs and head.i not in region.excluded:
                rank = 1
            elif _issued(head, region):
                pass  # "in a statement RELEASED on Friday": the statement's own time
            else:
                return 2 if _fronted(token, current, head, region) else None
        current = head
    return None


def cut_from_the_content(top: Token, region: Region) -> bool:
    """Rule: a time or place that the content's end was cut before (``content_ends``: 'said “We
    will keep the corridor open” on Monday'; ``trim_saying_adjuncts``: '…, moments after the
    verdict') hangs in the parse on the content's verb, but tells when or where the words were
    said: an adverbial right after the content, with nothing but punctuation between."""
    if top.dep_ not in ADVERBIAL or top.i < top.head.i:
        return False
    last = region.once("content_end", lambda r: max(r.excluded))  # the content's last token, found once
    doc = region.doc
    return top.left_edge.i > last and all(doc[k].is_punct for k in range(last + 1, top.left_edge.i))


def _issued(verb: Token, region: Region) -> bool:
    """A participle that issues the venue noun it modifies: "a statement RELEASED on Friday",
    "an interview PUBLISHED on July 5"."""
    return (verb.dep_ == "acl" and verb.lemma_.lower() in region.lexicon.issuing_verbs
            and verb.head.lower_ in region.lexicon.noun_heads and verb.i not in region.excluded)


ADVERBIAL = {"prep", "npadvmod", "advmod", "obl", "tmod"}


def _fronted(token: Token, top: Token, verb: Token, region: Region) -> bool:
    """``top`` (the phrase's highest token, holding ``token``) is a left dependent of ``verb``,
    and ``verb`` governs a cue that comes after the phrase."""
    if verb.i in region.excluded or top.i > verb.i or top.dep_ not in ADVERBIAL:
        return False
    return any(a.i != verb.i and a.i > token.i and verb.is_ancestor(a) for a in region.anchors)


# --- phrases as text -----------------------------------------------------------------------

KEEP_LEFT = {"compound", "amod", "nmod", "poss", "case", "nummod", "flat", "det", "quantmod"}
KEEP_RIGHT = {"compound", "flat", "cc", "conj", "case"}
LEADING_WORDS = {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that"}


def phrase_tokens(head: Token, region: Region) -> list[Token]:
    """A noun phrase without its relative clauses and prepositional modifiers (but with "of":
    "State of the Union", "a group of students")."""
    kept = [head]
    for child in head.children:
        if child.i in region.excluded:
            continue
        if child.i < head.i and child.dep_ in KEEP_LEFT:
            kept.extend(phrase_tokens(child, region))
        elif child.i > head.i and child.dep_ in KEEP_RIGHT:
            kept.extend(phrase_tokens(child, region))
        elif child.i > head.i and child.dep_ == "prep" and child.lower_ == "of":
            kept.extend(t for t in child.subtree if t.i not in region.excluded)
    return sorted(set(kept), key=lambda t: t.i)


def text_of(tokens: Sequence[Token]) -> str:
    """The text from the first to the last of ``tokens``, without leading determiners or
    possessive pronouns, nor trailing punctuation."""
    run = list(tokens)
    while run and (run[0].lower_ in LEADING_WORDS or run[0].is_punct or run[0].dep_ == "case"):
        run = run[1:]
    while run and (run[-1].is_punct or run[-1].dep_ in {"case", "cc"}):
        run = run[:-1]
    if not run:
        return ""
    text = run[0].doc[run[0].i: run[-1].i + 1].text  # not doc.text: that joins the whole doc
    last = run[-1].text
    if len(last) == 2 and last[0].isupper() and last[1] == "." and run[-1].is_sent_end:
        return text[:-1]  # "on X.": the sentence's full stop, glued to a one-letter name as to an initial
    return text


def span_of(tokens: Sequence[Token]) -> CharRange:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])




# --- phrases linked to the cue -----------------------------------------------------------


def distance(token: Token, region: Region) -> int:
    return min(abs(token.i - a.i) for a in region.anchors) if region.anchors else 0


def linked_verbs(region: Region) -> list[Token]:
    """The anchors and the carrier verbs linked to them ("speaking ..., he said"), found once per
    region (do not change the list)."""
    return region.once("linked_verbs", _linked_verbs)  # type: ignore[no-any-return]


def _linked_verbs(region: Region) -> list[Token]:
    verbs = list(region.anchors)
    for token in region.tokens():
        if token in verbs or not is_clause_verb(token) or token.head.i == token.i:
            continue
        carrier = token.lemma_.lower() in region.lexicon.carrier_verbs
        if carrier and attachment(token.head, region) is not None:
            verbs.append(token)
    return verbs


def object_of(head: Token, preposition: str, region: Region) -> Token | None:
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == preposition and region.holds(child):
            for obj in child.children:
                if obj.dep_ == "pobj" and region.holds(obj):
                    return obj
    return None


def person_name(head: Token, region: Region) -> tuple[str, CharRange] | None:
    """A person's name heading a phrase, less a possessive ("Fox News' Bret Baier")."""
    if head.ent_type_ != "PERSON":
        return None
    drop = {t.i for child in head.children if child.dep_ == "poss" for t in child.subtree}
    kept = [t for t in phrase_tokens(head, region) if t.i not in drop]
    text = text_of(kept)
    return (text, span_of(kept)) if text else None


def object_phrase(head: Token, region: Region) -> tuple[str, CharRange]:
    tokens = phrase_tokens(head, region)
    return text_of(tokens), span_of(tokens)


def with_tokens(tokens: list[Token], obj: Token, region: Region) -> list[Token]:
    """The venue's words grown to hold its "with"/"on" object: "an interview with Sky News"."""
    grown = [*tokens, obj.head, *phrase_tokens(obj, region)]
    doc = obj.doc
    return list(doc[min(t.i for t in grown): max(t.i for t in grown) + 1])

