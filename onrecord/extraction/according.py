"""'According to X': X is the source, the rest of its clause the content.

Each rule is one function:

* ``according_to``            — the phrases: (the "according" token, the source token, the clause head);
* ``follows_a_plan``          — "according to plan": conformity, no source (``cue_senses.tsv``);
* ``meets_a_norm``            — "according to NATO standards": a norm, no source (``cue_senses.tsv``);
* ``opens_a_relative``        — "a provision according to which …": a relative clause, no source;
* ``according_to_statement``  — the statement: X the source (``source_phrase``), the rest of the clause
                                the content, fronted, trailing (``first_conjunct``: all the clauses
                                before it) or inside the clause (two segments); none when the clause
                                is itself someone's reported speech and X only relayed it (``relayed``);
* ``fronted_over_a_fragment`` — a phrase the parse made the root vouches for the rest of its sentence;
* ``opinion_of``              — "In his opinion, …", "in Lavrov's view": the owner of the opinion is
                                the source, as of "according to".
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from onrecord.extraction.content import extend_to_quotes, subtree_chars
from onrecord.extraction.content_ends import trim_range
from onrecord.extraction.docindex import tokens_spelled
from onrecord.extraction.found import Found
from onrecord.extraction.hung_clauses import frames_it
from onrecord.extraction.kinds import classify_kind
from onrecord.extraction.mentions import noun_phrase
from onrecord.extraction.quotes import QuoteSpan
from onrecord.extraction.speaker_classes import can_speak
from onrecord.lexicons.cues import CueSense, load_cue_senses


def according_to(doc: Doc, conformity: CueSense | None = None) -> list[tuple[Token, Token, Token]]:
    """'according to X' phrases: (the 'according' token, the source token, the clause head); not
    the phrases of conformity (``follows_a_plan``)."""
    senses = load_cue_senses()
    conformity = conformity if conformity is not None else senses["conformity"]
    norms = senses["norms"]
    found = []
    for t in tokens_spelled(doc, "according", lower=True):  # found in the text, not by a walk
        if t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            to = doc[t.i + 1]
            objs = [c for c in to.children if c.dep_ == "pobj"] or [c for c in t.children if c.dep_ == "pobj"]
            if objs and not follows_a_plan(objs[0], conformity) and not meets_a_norm(objs[0], norms) \
                    and not opens_a_relative(objs[0]) and objs[0].lower_ not in MANNER_NOUNS:
                found.append((t, objs[0], t.head))
    return found


# "according to the way we are supposed to", "according to the manner prescribed": how something is
# done, never who said it, with a determiner or without
MANNER_NOUNS = {"way", "ways", "manner"}

OPINION_NOUNS = {"opinion", "view", "words", "estimation", "assessment", "judgment", "judgement"}


def opinion_of(doc: Doc) -> list[tuple[Token, Token, Token, Token]]:
    """Opinion rule: "In his opinion, Russia's invasion has shown that …", "in Lavrov's view":
    (the "in" token, the opinion's owner, the clause head, the opinion noun).  The owner is the
    source as of "according to X" (Biber et al., *Longman Grammar*, 1999, §10.2: stance adverbials
    of source); an opinion without an owner ("in my opinion" is the speaker's own hedge, "in the
    opinion of experts" is a described source left to the cue rules) is none."""
    found = []
    nouns = sorted((t for word in OPINION_NOUNS for t in tokens_spelled(doc, word, lower=True)), key=lambda t: t.i)
    for noun in nouns:  # found in the text, not by a walk over every token
        if noun.dep_ != "pobj" or noun.head.lower_ != "in":
            continue
        owner = next((c for c in noun.children if c.dep_ == "poss" and c.lower_ not in {"my", "our", "your"}), None)
        if owner is None or noun.head.i + 1 != owner.left_edge.i \
                or any(t.dep_ != "case" for t in noun.doc[owner.i + 1 : noun.i]):
            continue  # "in Christie's blank stare and robotic words": no opinion of his
        found.append((noun.head, owner, noun.head.head, noun))
    return found


def follows_a_plan(source: Token, sense: CueSense) -> bool:
    """Conformity rule: "the operation is proceeding according to plan", "according to
    schedule": a bare noun of plan or custom (no determiner, no owner, no modifier) says the
    clause went as foreseen; no one said it.  With a determiner or an owner ("according to the
    plan", "according to Smith's plan") the phrase may name a document as a source and stays."""
    if source.lemma_.lower() not in sense.words and source.lower_ not in sense.words:
        return False
    return not any(c.dep_ in {"det", "poss", "compound", "amod", "nummod"} for c in source.children)


def meets_a_norm(source: Token, sense: CueSense) -> bool:
    """Norm rule: "trained according to NATO standards", "according to international norms": a
    standard or a norm, named by its kind or its owner's name, is what something conforms to; it
    says nothing.  With a determiner or an owner ("according to the standards", "according to
    its criteria") it may name a document and is read as a source."""
    if source.lemma_.lower() not in sense.words and source.lower_ not in sense.words:
        return False
    return not any(c.dep_ in {"det", "poss"} for c in source.children)


def opens_a_relative(source: Token) -> bool:
    """Relative rule: "the treaty must contain a provision according to which, within three days,
    the guarantors …", "a protocol according to whom …": the relative pronoun stands for the
    noun before it (a document's terms), and the clause after it is what that says, in the
    writer's sentence; no one is its source, and the clause before it is not its content."""
    return source.tag_ in {"WDT", "WP", "WP$"} or source.lower_ in {"which", "whom", "whose"}


def according_to_statement(acc: Token, source: Token, head: Token, quotes: list[QuoteSpan]) -> Found | None:
    """The statement of an "according to X" phrase: X the source (``source_phrase``), the rest of
    its clause the content.  None when the clause is itself someone's reported speech ("According
    to CNN, the minister said …"): the outlet only relayed the words; the cue's statement has
    them, with its own speaker."""
    doc = acc.doc
    sent = acc.sent
    if head.i == acc.i or head.dep_ == "punct":
        head = sent.root
    if head.i == acc.i:
        return fronted_over_a_fragment(acc, source, quotes)
    if head.i < acc.i:
        head = first_conjunct(head)
    first, last = source_phrase(acc, source, head)
    phrase = set(range(first, last + 1))
    inside = parenthesis_around(acc, last)
    if inside is not None:
        # "… killed 81 percent of victims (the actual number is closer to 15 percent, according
        # to Factcheck.org)": the source vouches for the words in the parentheses only
        opening, closing = inside
        before = trim_range(doc, doc[opening].idx + 1, doc[first].idx)
        after = trim_range(doc, doc[last].idx + len(doc[last]), doc[closing].idx)
        segment = before if before[1] > before[0] else after
        return according_found(acc, source, (first, last), [segment], quotes, fronted=segment == after)
    if head.i in phrase or relayed(head):
        return None
    trailing = last >= head.right_edge.i - 1 or (head.i < acc.i and head.pos_ in {"VERB", "AUX"})
    if first > head.left_edge.i and trailing:
        # a trailing phrase ("…, according to X, a spokesman", "…, according to X, more than
        # twice what …"): the content stops before it; what follows it tells of the source
        start, end = trim_range(doc, head.left_edge.idx, doc[first].idx)
    elif first <= head.left_edge.i:
        # a fronted phrase ("According to X, …"): the content starts after it
        after = doc[last + 1] if last + 1 < len(doc) else doc[last]
        start, end = subtree_chars(head, exclude=phrase | {t.i for t in head.subtree if t.i < after.i})
    else:
        # a phrase inside its clause ("The border, according to X, will stay closed"): the words
        # around it
        start, end = subtree_chars(head, exclude=phrase)
        before, after = trim_range(doc, start, doc[first].idx), trim_range(doc, doc[last].idx + len(doc[last]), end)
        if before[1] > before[0] and after[1] > after[0]:
            return according_found(acc, source, (first, last), [before, after], quotes, fronted=acc.i < head.i)
    return according_found(acc, source, (first, last), [(start, end)], quotes, fronted=acc.i < head.i)


def parenthesis_around(acc: Token, last: int) -> tuple[int, int] | None:
    """The opening and closing parenthesis around an "according to" phrase in its sentence, or None."""
    sent = acc.sent
    opening = next((t.i for t in reversed(sent.doc[sent.start : acc.i]) if t.text in {"(", ")"}), None)
    if opening is None or sent.doc[opening].text != "(":
        return None
    closing = next((t.i for t in sent.doc[last + 1 : sent.end] if t.text in {"(", ")"}), None)
    return (opening, closing) if closing is not None and sent.doc[closing].text == ")" else None


def fronted_over_a_fragment(acc: Token, source: Token, quotes: list[QuoteSpan]) -> Found | None:
    """Fragment rule: "According to radio host Ed Brandt, the move reeks of fear" parsed with
    "according" as the root and the clause after the comma as a noun in apposition to the source:
    a phrase that opens its sentence and closes with a comma vouches for the rest of the sentence."""
    doc = acc.doc
    sent = acc.sent
    if any(not (t.is_punct or t.is_space or t.dep_ == "cc") for t in doc[sent.start : acc.i]):
        return None
    comma = next((t.i for t in doc[source.i : sent.end] if t.text == ","), None)
    if comma is None or comma + 1 >= sent.end:
        return None
    start, end = trim_range(doc, doc[comma + 1].idx, sent.end_char)
    return according_found(acc, source, (acc.i, comma - 1), [(start, end)], quotes, fronted=True)


def according_found(
    acc: Token, source: Token, phrase: tuple[int, int], content: list[tuple[int, int]], quotes: list[QuoteSpan],
    fronted: bool,
) -> Found | None:
    """The Found of an "according to" phrase: its content (at least 10 characters, in one or two
    segments), its cue, and the source's words kept inside the phrase."""
    doc = acc.doc
    first, last = phrase
    start, end = content[0][0], content[-1][1]
    if sum(e - s for s, e in content) < 10:
        return None
    if len(content) == 1:
        # 'According to X, “A, B.”' parsed with the clause ending inside the quotation: the quoted
        # words are one unit, and a wholly quoted content is the quotation (as for a cue's content)
        start, end = extend_to_quotes(doc, start, end, quotes)
        content = [(start, end)]
    kind, quote = classify_kind(start, end, quotes, doc)
    if kind == "direct" and quote is not None and len(content) == 1:
        content = [(quote.inner_start, quote.inner_end)]
    cue_span = (acc.idx, doc[acc.i + 1].idx + 2)
    mention = noun_phrase(source)
    if mention.end > last + 1 or mention.start < first:
        mention = doc[max(mention.start, first + 2) : min(mention.end, last + 1)]
    elif fronted and mention.end < last + 1:
        mention = doc[mention.start : last + 1]  # the source's words the parse hung elsewhere
    return Found(kind, content, acc, cue_span, "according_to", mention, quote=quote)


def first_conjunct(head: Token) -> Token:
    """Conjunct rule: "Trump received 37 percent, Clinton 36 percent and Bloomberg snagged 13
    percent, according to the results": a phrase after conjoined clauses vouches for all of
    them, though the parse hangs it on the last; the content starts with the first."""
    while head.dep_ == "conj" and head.head.i < head.i and head.head.pos_ in {"VERB", "AUX"}:
        head = head.head
    return head


def source_phrase(acc: Token, source: Token, head: Token) -> tuple[int, int]:
    """The token range of "according to X": from "according" to the end of its source's words.  A
    phrase before its clause ends at the comma that closes it (the parse may hang the clause's
    subject from the source: "According to the minister, Russia, along with China, had …"); one
    at the end of the sentence runs to it, appositions included ("…, according to a spokesman for
    the ministry, Lena Berg.")."""
    doc = acc.doc
    sent = acc.sent
    words = [t.i for t in source.subtree] + [acc.i, acc.i + 1]
    last = max(words)
    if acc.i < head.i:
        comma = next((t.i for t in doc[source.i : sent.end] if t.text == ","), None)
        if comma is not None and comma < head.i:
            last = comma - 1  # "According to the Adviser to the Head of the Office, …": all of it
    else:
        tail = [t.i for t in doc[acc.i : sent.end] if not (t.is_punct or t.is_space)]
        if tail and not any(t._.cue is not None for t in doc[acc.i + 2 : tail[-1] + 1]):
            last = max(last, tail[-1])
    return acc.i, last


def relayed(head: Token) -> bool:
    """The clause an "according to" phrase qualifies is itself reported speech with its own
    speaker ("the minister said …"): the phrase names who relayed it, not who said it."""
    def has_a_speaker(verb: Token) -> bool:
        return any(c.dep_ == "nsubj" and can_speak(c) for c in verb.children)

    # and "Moscow will answer the strike, Peskov said, according to Interfax": the frame set off
    # after the clause is its speaker; the phrase names who relayed it
    return head._.cue is not None and has_a_speaker(head) \
        or any(frames_it(c, head) and has_a_speaker(c) for c in head.children)
