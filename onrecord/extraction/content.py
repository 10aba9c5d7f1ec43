"""What a cue reports: the content of a statement, its extent and its kind.

Each rule is one function:

* ``content_of_cue``         — the complement that carries what was said: a that-/bare clause
                               (ccomp), a to-infinitive (xcomp) for vows and refusals, a noun-phrase
                               object for verbs such as "call", "deny", "criticize";
* "according to X, …" is in ``according.py``;
* ``statement_from_cue``     — a cue's statement: its content kept to the cue's paragraph
                               (``clip_to_paragraph``), started at its complementizer, run on to the
                               end of the sentence, widened to whole quotations; the speaker is the
                               cue's subject (``subjects.subject_of``);
* ``parenthetical_statement``— "X, he said, Y" and "As he said, Y": the clause around a cue set off
                               inside it or qualifying it (``asides``: ``as_clause``, the parse's
                               noun host climbed to its clause, ``clause_of_host``, a clause fronted
                               before the cue kept in, ``fronted_clause``);
* ``cue_extent``             — the cue phrase: the verb with its auxiliaries, negation and particle.

The kind follows from how the content relates to the quotation marks (``kinds.classify_kind``): wholly
quoted is ``direct``, reported speech holding a quoted fragment is ``mixed``, otherwise ``indirect``.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from onrecord.extraction.asides import as_clause, clause_of_host, fronted_clause
from onrecord.extraction.content_ends import (
    across_a_semicolon,
    at_the_quotation_end,
    before_another_statement,
    before_conjunction,
    before_the_main_clause,
    extend_to_sentence_end,
    split_before_a_framed_quotation,
    start_with_clitic_host,
    to_the_quotation_end,
    trim_range,
    trim_saying_adjuncts,
    trim_trailing_participle,
    with_stranded_conjunct,
)
from onrecord.extraction.docindex import doc_text, line_bounds, quote_ends, quotes_over
from onrecord.extraction.found import Found
from onrecord.extraction.hung_clauses import (
    after_the_addressee,
    clause_core_start,
    clause_of_an_earlier_cue,
    clause_on_addressee,
    clause_on_adjunct,
    clause_taken_for_object,
    frames_it,
    has_complementizer,
    nearer_cue,
    unmarked_clause_after_adjunct,
)
from onrecord.extraction.inverted_frames import inverted_subject, subject_taken_for_a_clause
from onrecord.extraction.kinds import classify_kind
from onrecord.extraction.made_clear import MADE_CLEAR, made_clear_clause
from onrecord.extraction.mentions import noun_phrase
from onrecord.extraction.questions import agent_of, asked_passively, inside_a_question
from onrecord.extraction.quotes import QuoteSpan
from onrecord.extraction.state_cues import held_passive_cue, owner_of, that_clause_of
from onrecord.extraction.subjects import FINITE_TAGS, denier_of, subject_of
from onrecord.lexicons.cues import CueEntry
from onrecord.lexicons.venues import load_venue_lexicon

CLAUSE_DEPS = {"ccomp", "parataxis"}
# "criticized the plan AT a rally", "BECAUSE OF the cuts": the saying's setting or its reason
CIRCUMSTANCE_PREPS = {"at", "in", "during", "while", "amid", "because", "despite"}


# --- content -----------------------------------------------------------------------------


def _span_chars(tokens: list[Token]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def subtree_chars(token: Token, exclude: set[int] | None = None) -> tuple[int, int]:
    """The character range of a token's subtree (contiguous by projectivity), trimmed."""
    tokens = [t for t in token.subtree if not exclude or t.i not in exclude]
    start, end = _span_chars(tokens)
    return trim_range(token.doc, start, end)


# a clause the parser hung on the cue beside its content, that draws the content's consequence, is
# part of what was said ("noted that sanctions have ruined the economy, so the Russian side seeks …")
CONSEQUENCE = {"so", "therefore", "hence", "thus", "consequently"}


def content_of_cue(cue: Token, entry: CueEntry) -> Token | list[Token] | None:
    """The head of the complement that carries the content, by the cue's complement types."""
    if cue.pos_ in {"NOUN", "ADJ"}:
        return that_clause_of(cue)  # a noun or adjective cue: its that-clause (state_cues.py)
    if entry == MADE_CLEAR:
        return made_clear_clause(cue)  # "made it clear that …": the clause after the adjective (made_clear.py)
    children = list(cue.children)
    if "clause" in entry.complements:
        # not a time ("before he died") nor the verb's own adjective ("made CLEAR that …")
        clauses = [c for c in children if c.dep_ in CLAUSE_DEPS and not is_time_clause(c)
                   and not (c.pos_ == "ADJ" and c.i == cue.i + 1 and not any(c.children)) and not frames_it(c, cue)]
        # a clause another cue right before it reports is that one's (``nearer_cue``)
        clauses = [c for c in clauses if nearer_cue(cue, c) is None]
        clause = reported_clause(cue, clauses) if clauses else None
        if clause is not None and not spliced_before(cue, clause):
            more = [c for c in clauses if c.i > clause.i > cue.i
                    and next(t for t in c.subtree if not t.is_punct).lower_ in CONSEQUENCE]
            if more:  # "noted that sanctions have ruined the economy, so the Russian side seeks …"
                return [clause, *more]
            taken = clause_taken_for_object(cue)
            if taken is not None and cue.i < taken.i < clause.i:  # "… that he had "renewed faith" that …"
                return [taken, clause]
            return subject_parsed_as_object(cue, clause)
        broken = that_as_preposition(cue) or gerund_subject_clause(cue) or clause_of_an_earlier_cue(cue)
        if broken is not None:
            return broken
    if "to" in entry.complements:
        for c in children:
            if c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children):
                asked_for = for_objects(cue, before=c.i)
                return [*asked_for, c] if asked_for else c
    if "clause" in entry.complements and (taken := clause_taken_for_object(cue)) is not None:
        return taken
    if "np" in entry.complements:
        objects = [c for c in children if c.dep_ in {"dobj", "oprd"}]
        if objects:
            return objects + controlled_infinitive(cue, objects) + object_preposition(cue, objects, entry)
    for c in children:
        # "called for the United States to step up": the preposition parsed as the mark of a clause
        if c.dep_ in {"advcl", "ccomp", "xcomp"} and any(
            m.dep_ == "mark" and m.i == c.left_edge.i and f"prep:{m.lower_}" in entry.complements for m in c.children
        ):
            return c
    for c in children:
        # "called for X", "pointed to X": the object of the verb's preposition
        if c.dep_ in {"prep", "prt"} and f"prep:{c.lower_}" in entry.complements:
            objects = [g for g in c.children if g.dep_ in {"pobj", "pcomp"}]
            if objects:
                return objects + controlled_infinitive(cue, objects)
    if "clause" in entry.complements:
        # "said on Friday that …" parses the clause as an adverbial clause or as the object
        for c in children:
            if c.dep_ in {"advcl", "dobj"} and c.pos_ in {"VERB", "AUX"} and (
                    has_complementizer(c) or unmarked_clause_after_adjunct(c, cue)):
                return c
        return clause_on_addressee(cue) or clause_on_adjunct(cue)
    return None


TIME_MARKS = {"before", "after", "until", "till", "while", "once", "since"}
# prepositions of time that may open a bare reported clause as the time it was said
TIME_PREPS = {"after", "before", "during", "following"}



def is_time_clause(clause: Token) -> bool:
    """Time-clause rule: "as the fisherman said BEFORE HE DIED" parsed with the time clause as the
    verb's complement: a clause opened by a conjunction of time tells when, not what, was said."""
    return any(m.dep_ == "mark" and m.lower_ in TIME_MARKS and m.i == clause.left_edge.i for m in clause.children)


def that_as_preposition(cue: Token) -> Token | None:
    """Broken-clause rule: English has no preposition "that"; a "that" right after a verb of
    saying that the parser hung as a preposition over a noun ("reiterated that the alliance's
    Article V, committing members to …, as the best way …", a sentence without a finite verb)
    opens the reported clause all the same: its subtree is the content."""
    doc = cue.doc
    if cue.i + 1 >= len(doc):
        return None
    that = doc[cue.i + 1]
    if that.lower_ != "that" or that.dep_ != "prep" or that.head.i != cue.i:
        return None
    return that if any(c.dep_ == "pobj" for c in that.children) else None


def gerund_subject_clause(cue: Token) -> Token | None:
    """Gerund-subject rule: "He said LEGALIZING IT could put thousands of people to work" is parsed
    with the gerund as the cue's open complement and the finite verb under it: a gerund right after
    a verb of saying opens the reported clause (its subject), and its subtree is the content.  A
    gerund that is a cue itself ("continued saying …") reports on its own."""
    doc = cue.doc
    if cue.i + 1 >= len(doc):
        return None
    gerund = doc[cue.i + 1]
    if gerund.dep_ != "xcomp" or gerund.head.i != cue.i or gerund.tag_ != "VBG" or gerund._.cue is not None:
        return None
    return gerund if any(c.dep_ in {"ccomp", "conj"} and c.pos_ in {"VERB", "AUX"} for c in gerund.children) else None


def for_objects(cue: Token, before: int) -> list[Token]:
    """For-to rule: "asked FOR more air defence systems to protect its cities": the object of the
    cue's "for" before its to-infinitive is what the infinitive is for (a for-to complement the
    parse split in two), and part of what was asked."""
    return [g for p in cue.children if p.dep_ == "prep" and p.lower_ == "for" and cue.i < p.i < before
            for g in p.children if g.dep_ == "pobj"]


def spliced_before(cue: Token, clause: Token) -> bool:
    """Comma-splice rule: "Zelenskyy asked for more air defence, Trump agreed to work with him":
    the parser hangs the clause before the comma on the later verb as what it reports, but a verb
    with a to-infinitive of its own after it ("agreed TO WORK") reports that, and the clause before
    is a sentence of its own."""
    return clause.i < cue.i and any(c.dep_ == "xcomp" and c.i > cue.i and any(a.lower_ == "to" for a in c.children)
                                    for c in cue.children)


def reported_clause(cue: Token, clauses: list[Token]) -> Token:
    """Clause-after-the-cue rule: "The news set off fireworks: Republicans said they were
    convinced …", "(her campaign later disclosed that she has pneumonia)": a cue with a clause
    on either side reports the one after it; the parser hung the sentence before the colon or
    the parenthesis on the cue as its clause."""
    after = [c for c in clauses if c.i > cue.i]
    if after and len(after) < len(clauses) and any(c.i < cue.i for c in clauses) \
            and inverted_subject(cue) is not None and subject_taken_for_a_clause(cue) is not None:
        return clauses[0]  # '"…," said Jon Ralston, who watched …': the quotation, before the inverted frame
    return after[0] if after and len(after) < len(clauses) else clauses[0]


def subject_parsed_as_object(cue: Token, clause: Token) -> Token | list[Token]:
    """Bare-clause rule: "demanding President Obama make a pledge" is parsed with "Obama" as the
    cue's object and "make a pledge" as its clause; a clause with no subject right after the
    object takes it back as its subject."""
    if any(c.dep_ in {"nsubj", "nsubjpass", "mark"} for c in clause.children):
        return clause
    obj = next((c for c in cue.children if c.dep_ == "dobj" and c.i < clause.i), None)
    if obj is None or max(t.i for t in obj.subtree) + 1 != clause.left_edge.i:
        return clause
    return [obj, clause]


def controlled_infinitive(cue: Token, objects: list[Token]) -> list[Token]:
    """Object control: "called on both governments TO PUBLISH the routes", "urged Kyiv TO
    ACCEPT": what is asked is the object together with the infinitive it controls."""
    last = max(o.i for o in objects)
    return [c for c in cue.children
            if c.dep_ == "xcomp" and c.i > last and any(a.lower_ == "to" for a in c.children)]


def object_preposition(cue: Token, objects: list[Token], entry: CueEntry) -> list[Token]:
    """Object-extent rule: what the speaker says of a noun-phrase object runs on over what the
    parser hung on the cue after it, up to a comma: "accused Holt OF BEING a Democrat", "blamed the
    workers FOR the losses", "revealed a gulf IN the way the candidates approach the issue",
    "described crass behavior BY the host", "complained about his mic THE MORNING AFTER the debate",
    "cited her work after the attacks AND her record" (PolNeAR annotates the whole phrase the
    object heads, Newell et al. 2018).  It stops at what tells the saying, not what was said: a
    time ("on Tuesday", ``DATE``/``TIME`` entities), a venue ("in an interview", the venue
    lexicon's nouns), the addressee of "to".  A relative clause without "that" parsed as the cue's
    clause ("cited remarks Trump had made") belongs to the object."""
    last = max(t.i for o in objects for t in o.subtree)
    doc = cue.doc
    out: list[Token] = []
    for c in sorted(cue.children, key=lambda t: t.i):
        if c.i <= last or c.dep_ not in {"prep", "ccomp", "npadvmod", "cc", "conj"}:
            continue
        if any(t.is_punct and t.text in {",", ";", "—", "–", "(", ":"} or "\n" in t.text for t in doc[last + 1 : c.i]):
            break
        if c.dep_ == "ccomp":
            if c.left_edge.i != last + 1 or has_complementizer(c):
                break
        elif c.dep_ == "cc":
            continue
        elif c.dep_ == "conj":
            if has_own_predicate(c):
                break
        elif c.dep_ == "npadvmod" and c.ent_type_ in {"DATE", "TIME"}:
            continue  # "blasted the FBI Tuesday for its decision": the day, between object and charge
        elif tells_the_saying(c, entry):
            break
        out.append(c)
        last = max(t.i for t in c.subtree)
    return out


def has_own_predicate(conj: Token) -> bool:
    """"… and said …", "… and boycotted the debate", "… and has appeared at rallies": a conjoined
    cue or finite verb (or one with its own subject or auxiliary) is a predicate of the reporter's."""
    return (
        conj._.cue is not None
        or conj.tag_ in FINITE_TAGS
        or any(g.dep_ in {"nsubj", "nsubjpass", "aux"} for g in conj.children)
    )


def tells_the_saying(adjunct: Token, entry: CueEntry) -> bool:
    """A time, a venue, a setting, a reason or a means after the object tells when, where, why or
    how it was said, not what."""
    objects = [g for g in adjunct.children if g.dep_ in {"pobj", "pcomp"}] or [adjunct]
    if adjunct.dep_ == "prep" and f"prep:{adjunct.lower_}" in entry.complements:
        return False
    if adjunct.lower_ in CIRCUMSTANCE_PREPS and adjunct.dep_ == "prep":
        return True
    if adjunct.lower_ == "by" and any(g.dep_ == "pcomp" for g in adjunct.children):
        return True  # "… by pointing out that …": how it was said
    return any(g.ent_type_ in {"DATE", "TIME"} or (g.pos_ != "PROPN" and g.lower_ in venue_nouns()) for g in objects)


@lru_cache(maxsize=1)
def venue_nouns() -> frozenset[str]:
    return load_venue_lexicon().noun_heads


def content_range(head: Token | list[Token], cue: Token) -> tuple[int, int]:
    heads = head if isinstance(head, list) else [head]
    ranges = [subtree_chars(h) for h in heads]
    return min(s for s, _ in ranges), max(e for _, e in ranges)


def extend_to_quotes(doc: Doc, start: int, end: int, quotes: list[QuoteSpan]) -> tuple[int, int]:
    """A content that cuts a quotation in two takes the whole quotation: quoted words are
    one unit, whatever the parser attached them to."""
    for q in quotes_over(doc, quotes, start, end):
        if q.start < start < q.end or q.start < end < q.end:
            if q.start >= start - 2 or q.end <= end + 2 or len(q.segments) == 1:
                start, end = min(start, q.start), max(end, q.end)
    return start, end


# --- statements from cues ------------------------------------------------------------------


def clip_to_paragraph(doc: Doc, cue: Token, start: int, end: int) -> tuple[int, int]:
    """Paragraph rule: what a cue reports lies in the cue's own paragraph.  A parse whose clause
    runs over a paragraph break (a closing quotation, then a new paragraph opening with a
    quotation) is cut at the break; quotations that run over paragraphs are joined later, by
    the news convention, not by the parse."""
    para_start, para_end = line_bounds(doc, cue.idx)
    if start >= para_start and end <= para_end:
        return start, end
    return trim_range(doc, max(start, para_start), min(end, para_end))


def cued_statement(kind: str, content: list[tuple[int, int]], cue: Token, quote: QuoteSpan | None) -> Found:
    """A statement whose speaker is the subject of its cue (``subject_of``); for a passive
    "ask" the asker, not the one asked (``questions.asked_passively``)."""
    if cue.pos_ in {"NOUN", "ADJ"} or held_passive_cue(cue) is not None:
        subject = owner_of(cue)  # "Trump's claim that …", "X is convinced that …" (state_cues.py)
    else:
        subject = agent_of(cue) if asked_passively(cue) else subject_of(cue)
    mention = noun_phrase(subject) if subject is not None else None
    return Found(kind, content, cue, cue_extent(cue), cue._.cue.cls, mention,
                 negated=cue._.cue_negated, hedged=cue._.cue_hedged, quote=quote)


def statement_from_cue(cue: Token, entry: CueEntry, quotes: list[QuoteSpan]) -> Found | None:
    if inside_a_question(cue):
        return None  # "did not explain which reforms he promised to deliver" (questions.py)
    head = content_of_cue(cue, entry)
    if head is None:
        return parenthetical_statement(cue, entry, quotes)
    doc = cue.doc
    start, end = after_the_addressee(cue, content_range(head, cue))
    if not isinstance(head, list) and head.dep_ == "ccomp" and head.head.i != cue.i and start <= cue.idx < end \
            and cue.i < (core := clause_core_start(head)):
        start = doc[core].idx  # "after he admitted under her grilling | he hadn't been held …" (``nearer_cue``)
    if start >= end or (cue.idx >= start and cue.idx < end):
        # a content that contains its own cue is a parse error, not a statement
        start, end = _clip_at_cue(doc, cue, start, end)
        if start >= end:
            return None
    start, end = clip_to_paragraph(doc, cue, start, end)
    if start >= end:
        return None
    gap = doc_text(doc)[min(cue.idx, end) : max(cue.idx, start)]
    if "\n" in gap or (cue.idx > start and across_a_semicolon(doc, quotes, start, cue.idx)):
        # a parse that links a cue to words in another paragraph, or to a clause before it on the
        # other side of a semicolon ("X denounce Y; Z vow consequences"), is wrong (semicolon rule)
        return None
    if isinstance(head, list) and all(is_bare_pronoun(t) for t in head):
        return None  # "welcomed it", "conclusions that Israel would not support": nothing said on its own
    if negated_object(cue, head) or (isinstance(head, list) and inverted_after_quotation(cue, quotes)):
        return None
    if not isinstance(head, list):
        start = start_with_clitic_host(cue, start_after_time_of_saying(head, start_at_complementizer(head, start)))
    if cue.i < head_index(head) and not isinstance(head, list) and cue.pos_ not in {"NOUN", "ADJ"}:
        end = extend_to_sentence_end(cue, end)
        start, end = clip_to_paragraph(doc, cue, start, end)
    end = with_stranded_conjunct(cue, end) if isinstance(head, list) else trim_saying_adjuncts(doc, start, end)
    end = trim_trailing_aside(doc, start, end, noun_phrase=isinstance(head, list))
    if isinstance(head, list):
        end = trim_trailing_participle(doc, cue, start, end)
    end = before_another_statement(doc, start, end, quotes)
    start, end = extend_to_quotes(doc, start, end, quotes)
    start, end = split_before_a_framed_quotation(doc, cue, start, end, quotes)
    if not isinstance(head, list):
        end = at_the_quotation_end(doc, cue, head, start, end, quotes)
    end = before_conjunction(doc_text(doc), start, before_the_main_clause(doc, cue, start, end))
    kind, quote = classify_kind(start, end, quotes, doc)
    if kind == "direct" and quote is not None:
        start, end = quote.inner_start, quote.inner_end
    return without_its_speaker(cued_statement(kind, [(start, end)], cue, quote), quotes)


def without_its_speaker(found: Found, quotes: list[QuoteSpan]) -> Found:
    """Speaker rule: '“We will rebuild,” delegate Bill Eastland, wearing a hat, said' parsed with
    the speaker inside the quotation's clause: what someone said never holds the one who said it;
    a content that runs over its own speaker's mention stops before it."""
    mention = found.mention
    if mention is None or len(found.content) != 1:
        return found
    start, end = found.content[0]
    if not (start < mention.start_char and mention.end_char <= end):
        return found
    doc = mention.doc
    start, end = trim_range(doc, start, mention.start_char)
    if end - start < 2:
        return found
    kind, quote = classify_kind(start, end, quotes, doc)
    if kind == "direct" and quote is not None:
        start, end = quote.inner_start, quote.inner_end
    found.kind, found.quote, found.content = kind, quote, [(start, end)]
    return found


def parenthetical_statement(cue: Token, entry: CueEntry, quotes: list[QuoteSpan]) -> Found | None:
    """Parenthetical rule: "The museum, Mr. Obama said, would make visitors face the past": a cue
    set off inside the clause it reports (parsed as a parataxis of that clause's verb) reports
    the clause around it, in two segments: the words before the cue's phrase and after it.
    Quoted clauses are left to the quotation rules ('"The museum," he said, "would …"'), but
    not a clause with the reporter's subject and quoted words after the cue ('African-Americans, he
    said, can "rock like Jimi" and "stir the pot"': a mixed statement whose verb is quoted)."""
    if not (cue.dep_ == "parataxis" or as_clause(cue)) or "clause" not in entry.complements:
        return None
    head = clause_of_host(cue.head, cue) if cue.dep_ == "parataxis" else cue.head
    if head._.cue is not None and not frames_it(cue, head):
        return None  # (a clause whose verb is a cue is reported by this one only when this one frames it)
    inner = {t.i for t in cue.subtree} - fronted_clause(cue)
    inner |= {c.i for c in head.children if c.dep_ == "cc" and c.i < cue.i}
    # "…, Peskov said, according to Interfax": who relayed the words is no part of them
    inner |= {t.i for c in head.children if c.lower_ == "according" and c.i > cue.i for t in c.subtree}
    runs: list[list[Token]] = []
    for t in head.subtree:
        if t.i in inner:
            continue
        if runs and t.i == runs[-1][-1].i + 1:
            runs[-1].append(t)
        else:
            runs.append([t])
    doc = cue.doc
    ranges = [trim_range(doc, *_span_chars(run)) for run in runs]
    ranges = [clip_to_paragraph(doc, cue, s, e) for s, e in ranges]
    ranges = [(s, e) for s, e in ranges if e > s and any(ch.isalnum() for ch in doc_text(doc)[s:e])]
    if not ranges or sum(e - s for s, e in ranges) < 10:
        return None
    if any(q.start <= head.idx < q.end for q in quotes) and not reporters_subject(head, cue, quotes):
        return None
    ranges[-1] = to_the_quotation_end(doc, *ranges[-1], quotes)
    if across_a_semicolon(doc, quotes, ranges[0][0], cue.idx):
        return None  # "X denounce Y; Z vow consequences": two sentences, not an aside (semicolon rule)
    kind, quote = classify_kind(ranges[0][0], ranges[-1][1], quotes, doc)
    return cued_statement("indirect" if kind == "direct" else kind, ranges, cue, quote)


def reporters_subject(head: Token, cue: Token, quotes: list[QuoteSpan]) -> bool:
    """The quoted clause's subject in the reporter's words, before the cue ("African-Americans, he
    said, can "rock like Jimi""): the clause is the reporter's, with quoted words in it.  A
    quoted subject ('Asked what …, he said, "They have got to …"', 'In a statement, she said,
    "We are not …"') leaves the quotation to the quotation rules."""
    subject = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return subject is not None and subject.i < cue.i and not any(
        q.start <= t.idx < q.end for q in quotes for t in (subject, subject.left_edge))


def negated_object(cue: Token, head: Token | list[Token]) -> bool:
    """Negated-object rule: "did not mention the war", "didn't name the company", "did not
    reveal details": a negated cue whose content is only a noun phrase reports nothing said.
    A negated clause ("did not say that …") stays a negated statement."""
    return isinstance(head, list) and cue._.cue_negated


def inverted_after_quotation(cue: Token, quotes: list[QuoteSpan]) -> bool:
    """Inversion rule: in '"… a major red line," accused the foreign minister' the cue follows
    the quotation and the noun phrase after it is its subject, not its object: the statement is
    the quotation (``quotations.attribute_quotation``), and the cue has no noun-phrase content."""
    text = doc_text(cue.doc)
    before = cue.idx  # back over whitespace and the punctuation between quotation and cue
    while before > 0 and (text[before - 1].isspace() or text[before - 1] in ",;:—–-"):
        before -= 1
    return before in quote_ends(cue.doc, quotes)


RELATIVE_WORDS = {"that", "which", "who", "whom", "whose", "what"}


def is_bare_pronoun(token: Token) -> bool:
    """Pronoun-object rule: a pronoun object ("welcomed it") or a relative word standing for
    its antecedent ("the conclusions that Israel would not support") carries no content of
    its own: what it refers to lies outside the cue's phrase."""
    if token.n_lefts + token.n_rights:
        return False
    return token.pos_ == "PRON" or token.lower_ in RELATIVE_WORDS


def head_index(head: Token | list[Token]) -> int:
    return head[0].i if isinstance(head, list) else head.i


def start_at_complementizer(head: Token, start: int) -> int:
    """'tweeted in the early hours that X was …': the content starts at its complementizer;
    what the parser hung before it describes the saying, not what was said.  A preposition
    parsed as the clause's mark ("called FOR the army to withdraw") is the cue's, not said."""
    for c in head.children:
        if c.dep_ == "mark" and c.lower_ in {"that", "whether", "if"} and c.idx > start:
            return c.idx
        if c.dep_ == "mark" and c.lower_ in {"for"} and c.idx == start and c.i + 1 < len(head.doc):
            return head.doc[c.i + 1].idx
    return start


def start_after_time_of_saying(head: Token, start: int) -> int:
    """Time-of-saying rule: "told residents THIS WEEKEND she would resign if the budget failed":
    a time that opens a bare reported clause, right before its subject, is when it was said (the
    parse hangs it on the clause); the content starts at the subject.  So with a phrase of time
    ("said AFTER THE CONVENTION he would not accept …")."""
    subject = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    for c in head.children:
        if c.left_edge.idx == start and (
            (c.dep_ == "npadvmod" and c.ent_type_ in {"DATE", "TIME"}) or (c.dep_ == "prep" and c.lower_ in TIME_PREPS)
        ):
            if subject is not None and subject.left_edge.i == c.right_edge.i + 1:
                return subject.left_edge.idx
    return start


WH_RELATIVES = {"which", "who", "whom", "whose"}


def sums_up_a_denial(noun: Token) -> bool:
    """"accused Ukraine of shelling the plant, A CLAIM KYIV REJECTED": a noun that sums up what was
    said, with a relative clause whose verb of saying is someone else's, is the reporter's
    (``subjects.after_a_relative_cue`` gives what follows it to that someone)."""
    return any(denier_of(c) is not None for c in noun.children)


def glosses_a_reaction(noun: Token) -> bool:
    """"said the EU would present its sanctions package next week, A MOVE WELCOMED BY KYIV": an
    indefinite noun with a passive participle and its agent, set off at the end, is the reporter's
    note of how others took it."""
    return any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in noun.children) and any(
        c.dep_ == "acl" and c.tag_ == "VBN" and any(g.dep_ == "agent" for g in c.children) for c in noun.children)


def trim_trailing_aside(doc: Doc, start: int, end: int, noun_phrase: bool = False) -> int:
    """Aside rule: a relative clause set off by a comma and opened by a wh-word at the end of the
    content ("acknowledged the reality of climate change, WHICH makes him an outlier among
    Republicans") is the reporter's gloss on the last noun, not what was said (PolNeAR's content
    ends before it, Newell et al. 2018); so is an appositive after a noun-phrase content
    ("sought to protect breaks important to real estate, THE BEDROCK of his business"), and a
    relative clause whose verb is a cue after one ("endorses Trump, WHO SAYS …": a statement of
    its own).  An
    appositive in a reported clause may be said ("temperatures were 0.7 C above average, the
    highest on record"); an aside that holds a cue or a quotation stays: its words are the
    speaker's too."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) < 4 or "," not in doc_text(doc)[span.start_char : span.end_char]:
        return end  # no comma: no rule below can apply (each needs a "," token inside the span)
    for t in span[2:]:
        opener = t.left_edge
        trailing = opener.i > span.start and doc[opener.i - 1].text == "," and t.right_edge.i >= span.end - 2
        if trailing and (sums_up_a_denial(t) or glosses_a_reaction(t)):
            return trim_range(doc, start, doc[opener.i - 1].idx)[1]
        if opener.i <= span.start or doc[opener.i - 1].text != "," or t.right_edge.i < span.end - 2:
            continue
        if not (span.start <= t.head.i < opener.i):
            continue
        if not ((t.dep_ == "relcl" and opener.lower_ in WH_RELATIVES) or (t.dep_ == "appos" and noun_phrase)):
            continue
        words = doc[opener.i : t.right_edge.i + 1]
        if not any(w._.cue is not None or w.is_quote for w in words) or (noun_phrase and t._.cue is not None):
            return trim_range(doc, start, doc[opener.i - 1].idx)[1]
    return end


def _clip_at_cue(doc: Doc, cue: Token, start: int, end: int) -> tuple[int, int]:
    if cue.idx - start > end - cue.idx:
        return trim_range(doc, start, cue.idx)
    return trim_range(doc, cue.idx + len(cue), end)


def cue_extent(cue: Token) -> tuple[int, int]:
    """The cue phrase: the verb with its auxiliaries and negation directly before it
    ("wouldn't say", "has said"), and a particle after it ("pointed out", "called for")."""
    doc = cue.doc
    first = cue.i
    while first - 1 >= 0 and doc[first - 1].head.i == cue.i and doc[first - 1].dep_ in {"aux", "neg", "auxpass"}:
        first -= 1
    last = cue.i
    if cue.i + 1 < len(doc) and (doc[cue.i + 1].dep_ == "prt" or getattr(cue._.cue, "lemma", None) == "put"):
        last = cue.i + 1  # and "it" of "as she put it" (cues.put_it_cue)
    return doc[first].idx, doc[last].idx + len(doc[last])
