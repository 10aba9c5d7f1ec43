"""Statements from the parse: the component, the order its rules run in, and the rules that
settle statements over the same words.

``build_statements`` runs the rules in this order: a statement for each cue with a content
(``content.statement_from_cue``; a verb of appearance, "X seems to …", gives one with no speaker:
``appearances.py``), one for each "according to X" (``according.according_to``), then one for each
direct quotation no statement holds yet (``quotations``: attributed to its cue, a
fragment that makes its cue's statement mixed, or the continuation of the statement before it:
``uncued_quotations``), then the labelled paragraphs (``labels``).  The statements are then settled:

* ``yield_to_owned_claims``    — a reaction to someone's owned claim ("dismissed Lavrov's comments
                                 that …") gives way to the claim, whose words are its owner's;
* ``drop_embedded_weak_cues``  — a verb inside someone's reported words starts no statement unless
                                 it is a verb of saying proper, or the reporter's own second
                                 predicate that the parser hung inside (``reporters_conjunct``);
* ``trim_nested_attributions`` — a content that ends in another attribution stops before it;
* ``_drop_nested``             — two statements over the same words are one;
* ``merge_split_quotations``   — a quotation split by its attribution is one utterance
                                 (``only_the_frame_between`` its parts, a participle of the frame
                                 and its statement included: ``in_the_frame_phrase``,
                                 ``part_before``);
* ``mark_questions``           — what a speaker asked is kind ``question`` (``questions.py``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Span, Token

from onrecord.extraction.according import according_to, according_to_statement, opinion_of
from onrecord.extraction.appearances import appearance_statement, is_appearance
from onrecord.extraction.content import (
    statement_from_cue,
    trim_range,
)
from onrecord.extraction.content_ends import before_conjunction
from onrecord.extraction.cues import marked_cues
from onrecord.extraction.docindex import doc_text, paragraph_bounds
from onrecord.extraction.found import Found
from onrecord.extraction.intervals import Ranges, holders
from onrecord.extraction.inverted_asides import inverted_aside
from onrecord.extraction.labels import merge_label_statements
from onrecord.extraction.questions import mark_questions
from onrecord.extraction.quotations import (
    attribute_quotation,
    ends_like_utterance,
    extend_into_quotation,
    governed_fragment,
    is_fragment,
    is_title,
    mixed_from_cue,
    paragraph_of,
    quote_words,
)
from onrecord.extraction.quotes import QuoteSpan
from onrecord.extraction.referred_back import pointing_object, referred_statement
from onrecord.extraction.speaker_classes import can_speak
from onrecord.extraction.uncued_quotations import FINITE_TAGS, MIN_QUOTE_WORDS, ByStart, uncued_quotation

# the statements found just before a cue that may hold the sentence before it (statements are found
# in the order of their cues; one on the sentence before has its cue there or in the cue's own)
RECENT_STATEMENTS = 8


# --- the component -------------------------------------------------------------------------


def build_statements(doc: Doc) -> list[Found]:
    quotes: list[QuoteSpan] = doc._.quotes or []
    found: list[Found] = []
    used_cues: set[int] = set()
    quote_ranges = Ranges((q.inner_start, q.inner_end) for q in quotes)
    inside_a_quote, quoted = quote_ranges.hold, quote_ranges.overlap
    for token in marked_cues(doc):  # the cue tokens, not a walk over every token
        entry = token._.cue
        if entry is None or inside_a_quote(token.idx):
            continue
        if is_appearance(token):  # "the plan seems to have stalled": no speaker (appearances.py)
            st = appearance_statement(token)
        else:  # "NP, said X, VP" read as written (inverted_asides.py), else by the cue's parse
            st = inverted_aside(token, entry, quotes) or statement_from_cue(token, entry, quotes)
        if st is None and pointing_object(token) is not None:
            # "This was stated by X", "X said this": the sentence before (referred_back.py); a
            # statement there of the speaker's own side ("our state wants …") is part of it
            # (``within_the_claim``)
            st = referred_statement(token, quotes, lambda a, b: quoted(a, b) or any(
                f.start < b and a < f.end and not within_the_claim(f) for f in found[-RECENT_STATEMENTS:]))
            if st is not None:
                found[-RECENT_STATEMENTS:] = [f for f in found[-RECENT_STATEMENTS:]
                                              if not (within_the_claim(f) and st.start <= f.start and f.end <= st.end)]
        if st is not None:
            found.append(st)
            used_cues.add(token.i)
    for acc, source, head in according_to(doc):
        st = according_to_statement(acc, source, head, quotes)
        if st is not None:
            found.append(st)
    for opening, owner, head, noun in opinion_of(doc):
        st = according_to_statement(opening, owner, head, quotes)
        if st is not None:
            st.cue_span = (opening.idx, noun.idx + len(noun))
            st.mention = doc[owner.left_edge.i : owner.i + 1]  # "his", "Lavrov('s)": the owner alone
            found.append(st)
    covered = _covered_quotes(found)
    paragraph_starts = [s for s, _ in paragraph_bounds(doc)]
    found.sort(key=lambda f: f.start)
    by_cue = {f.cue.i: f for f in found if f.cue is not None}
    sorted_found = ByStart(found)
    for quote in quotes:
        if id(quote) in covered:
            continue
        st = attribute_quotation(doc, quote)
        if sorted_found.hold(quote.inner_start, quote.inner_end):
            continue  # already part of a statement's content
        if st is not None and st.cue is not None and (governed_fragment(st.cue, quote) or is_fragment(doc, quote)):
            existing = by_cue.get(st.cue.i)
            if existing is not None and existing.end <= st.cue.sent.start_char:
                continue  # the cue reports the sentence before ("This was stated by X … for the TV
                # channel "Ukraine 24""): a quotation in its own sentence belongs to the attribution
            if extend_into_quotation(existing, quote, quotes, doc):
                sorted_found.grew(existing)
                continue
            st = mixed_from_cue(st, quote, quotes, doc)
        if st is None:
            st = uncued_quotation(doc, quote, sorted_found, paragraph_starts)
        elif (
            quote_words(doc, quote) < MIN_QUOTE_WORDS
            and not _cue_governs(st.cue, quote)
            and not ends_like_utterance(doc, quote)
        ) or is_title(doc, quote):
            continue
        if st is not None:
            sorted_found.add(st)
            if st.cue is not None and st.continues is None:
                # the cue's statement for a later quotation in its frame ('said on "The Late Show With
                # Stephen Colbert"'): a title there is no second statement of the cue
                by_cue.setdefault(st.cue.i, st)
    found = merge_label_statements(doc, found, paragraph_bounds(doc))
    # weak cues inside reported words go first: a verb that is part of what was said must not
    # cut the statement that holds it ("said he would hold a meeting and discuss X")
    found = drop_embedded_weak_cues(yield_to_owned_claims(found))
    conjuncts = reporters_conjuncts(found)
    trim_nested_attributions(found)
    for second, first in conjuncts:
        second.mention = first.mention
    found = merge_split_quotations(_drop_nested(found), paragraph_starts)
    mark_questions(doc, found)
    return found


def within_the_claim(f: Found) -> bool:
    """A statement inside a release's claim before "This was stated by X" that is part of the
    claim, not another speaker's: its speaker is the first person plural or "our state" (X's
    side), a relative pronoun ("a mechanism that will guarantee …"), or a country named as the
    subject of the claim ("Ukraine wants to sign a treaty … Mykhailo Podolyak emphasized this"):
    what a state wants, as someone states it, is that someone's claim."""
    mention = f.mention
    return mention is not None and (mention.root.lower_ in {"we", "us", "that", "which"}
                                    or any(t.lower_ == "our" and t.dep_ == "poss" for t in mention)
                                    or (len(mention) == 1 and mention.root.ent_type_ == "GPE"))


REACTION_OBJECT_DEPS = {"dobj", "pobj", "nsubjpass"}


def yield_to_owned_claims(found: list[Found]) -> list[Found]:
    """Owned-claim object rule: in "the Secretary General dismissed Lavrov's comments that NATO's
    targets would 'bankrupt' members" the words reported are Lavrov's (the noun cue's owner,
    ``state_cues.owned_claim_cue``); the Secretary General's verb takes the claim as its object
    and reports no words of his.  Such an outer statement, whose cue governs the claim noun and
    whose content holds the claim's, gives way to the claim's own statement when the owner is
    named ("expressed his conviction that …" reports the speaker's own view: it stays); elsewhere
    an owned claim inside someone's words stays part of them (``drop_embedded_weak_cues``)."""
    # a pronoun owner is most often the reporter's own ("expressed his conviction that …"): his words
    claims = [f for f in found if f.cue is not None and f.cue.pos_ == "NOUN" and f.mention is not None
              and f.mention.root.pos_ != "PRON"]
    if not claims:
        return found
    yielded: set[int] = set()
    for claim in claims:
        noun = claim.cue
        assert noun is not None
        reaction = noun.head if noun.dep_ != "pobj" else noun.head.head
        if noun.dep_ not in REACTION_OBJECT_DEPS:
            continue
        for f in found:
            if f is not claim and f.cue is not None and f.cue.i == reaction.i \
                    and f.start <= claim.start and claim.end <= f.end:
                yielded.add(id(f))
    return [f for f in found if id(f) not in yielded]


def drop_embedded_weak_cues(found: list[Found]) -> list[Found]:
    """A verb inside someone's reported words ("said other countries have offered to …",
    "saying it must guarantee …") is part of what was said.  Only a verb of saying proper
    (one that can introduce a quotation) starts a nested statement there."""

    holding = holders(found)

    def embedded(f: Found) -> bool:
        return f.cue is not None and any(
            g is not f
            and (f.mention is None or g.start <= f.mention.start_char or subject_within(f.cue, g.start, g.end))
            and not reporters_conjunct(f.cue, g.cue)
            for g in holding(f.cue.idx)
        )

    return [
        f
        for f in found
        if not (
            embedded(f) and f.cue is not None and f.cue._.cue is not None and "quote" not in f.cue._.cue.complements
        )
    ]


def only_the_frame_between(prev: Found, f: Found) -> bool:
    """'"A," she said. "B."' is one utterance; '"A," Sanders said, suggesting a few questions,
    including, "B"' is not: between the parts of one utterance stands its frame (the cue, its
    subject, the addressee, a time), no verb of the reporter's besides the cue."""
    assert f.cue is not None
    doc = f.cue.doc
    span = doc.char_span(prev.end, f.start, alignment_mode="contract")
    return span is None or not any(
        t.pos_ == "VERB" and t.i != f.cue.i and not in_the_frame_phrase(t, f) for t in span
    )


def in_the_frame_phrase(verb: Token, f: Found) -> bool:
    """Frame-phrase rule: in '"A," Ms. Lind said, referring to the budget figure, "B."' the participle
    hangs on the cue and its phrase ends before the second part: it tells how the words were
    said (a statement of its own, about the excuse), and the parts around it are one utterance.
    A phrase that runs on into the second part ('said, suggesting a few questions, including:
    "B"') frames that part as what the phrase introduces; so may a verb of saying proper ('said,
    adding that he had warned the council. "B."': "B" is what he added)."""
    cue = f.cue
    assert cue is not None
    if reports_a_clause(verb):
        return False
    node = verb
    while node.head.i != node.i and node.head.i != cue.i:
        node = node.head
    if node.head.i != cue.i or node.dep_ not in {"advcl", "prep", "npadvmod"}:
        return False
    return node.right_edge.idx + len(node.right_edge) <= f.start


def reporters_conjunct(cue: Token, outer: Token | None) -> bool:
    """Conjunct rule: in "said he would order a review and warned against hackers" the parser
    hangs "warned" on "order", inside what was said; its tense, the same as the outer cue's and
    not that of the verb it hangs on, shows it is the reporter's second predicate ("said … and
    warned …"), a statement of its own.  "said he would hold a meeting and discuss X" keeps
    "discuss" inside."""
    if outer is None or cue.dep_ != "conj" or cue.i < outer.i:
        return False
    if not (cue.tag_ == outer.tag_ and cue.tag_ in FINITE_TAGS):
        return False
    return cue.head.tag_ != cue.tag_ or not clause_subject_can_say(cue)


def clause_subject_can_say(cue: Token) -> bool:
    """Same-tense conjunct rule: "said the talks were useful and added that …" hangs "added" on
    "were", in the same tense, so tense cannot tell; but the subject the parse would give it, the
    reported clause's ("the talks"), cannot say anything: the verb is the reporter's second
    predicate.  A subject that can speak ("said the president spoke for an hour and added …")
    keeps the verb inside what was said."""
    head = cue.head
    subject = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return subject is None or can_speak(subject)


def merge_split_quotations(found: list[Found], paragraph_starts: list[int]) -> list[Found]:
    """A quotation split by its attribution ("…," he said. "…" / "…," he added, "…") is one
    utterance: the second part joins the first as a further segment when both are direct,
    in the same paragraph, and the second has no cue of its own."""
    out: list[Found] = []
    for f in found:
        prev = part_before(out, f)
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
                    and only_the_frame_between(prev, f)
                )
            )
        ):
            prev.content = prev.content + f.content
            continue
        out.append(f)
    return out


def reports_a_clause(verb: Token) -> bool:
    """A verb of saying proper (one that can introduce a quotation) with a clause of its own
    ("adding that he had warned the council"): what follows may be its words.  "asking for anonymity"
    reports none."""
    entry = verb._.cue
    return entry is not None and "quote" in entry.complements and any(c.dep_ == "ccomp" for c in verb.children)


def part_before(out: list[Found], f: Found) -> Found | None:
    """The statement that ``f`` may continue: the last one kept, or, past statements of the
    frame between them ('"A," Ms. Lind said, referring to the budget figure, "B."': the statement about
    the excuse lies between the parts, its cue inside the first part's frame), the last one
    whose cue is ``f``'s.  A verb of saying proper in between ('said, adding that …. "B."') may
    have said the second part itself: the parts are not joined across it."""
    if not out:
        return None
    if f.cue is None:
        return out[-1]
    k = len(out) - 1
    while k > 0 and (cue := out[k].cue) is not None and cue.i != f.cue.i and cue.idx > f.cue.idx:
        if reports_a_clause(cue):
            return out[-1]
        k -= 1
    return out[k] if k < len(out) - 1 and out[k].cue is not None and out[k].cue.i == f.cue.i else out[-1]


def trim_nested_attributions(found: list[Found]) -> None:
    """A content that ends in another attribution with its own speaker ("vowed to end the
    war, with both Putin and Zelensky having said they welcomed it") stops before it: the
    inner clause is a statement of its own, by someone else."""
    # an inner cue cuts at or before itself (at the left edge of a phrase that holds it), and only
    # a cut more than 10 characters into the content counts: the inner statements worth looking
    # at have their cues inside the content, found by bisection over the cues' offsets
    cues = sorted((f.cue.idx, k) for k, f in enumerate(found) if f.cue is not None)
    cue_offsets = [idx for idx, _ in cues]
    for outer in found:
        if outer.cue is None or len(outer.content) != 1 or outer.cue_class == "transcript":
            continue  # a transcript's turn is all the speaker's words, their narration included
        start, end = outer.content[0]
        lo, hi = bisect_right(cue_offsets, start + 10), bisect_left(cue_offsets, end)
        for inner in [found[k] for k in sorted(k for _, k in cues[lo:hi])]:
            if inner is outer or inner.cue is None or not (inner.cue.idx < end and inner.end <= end + 2):
                continue
            conjunct = reporters_conjunct(inner.cue, outer.cue)
            second_predicate = conjunct and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in inner.cue.children)
            speaker_inside = (inner.mention is not None and start <= inner.mention.start_char
                              and not controlled_by_the_content(inner.cue, inner.mention)) or (
                subject_within(inner.cue, start, end) is not None or conjunct)
            if not speaker_inside:
                continue
            # climb from the inner cue to the child of the outer content that holds it; the reporter's
            # second predicate ("said the warning was indicative that …, and accused …") is cut off
            # where it begins, whatever clause of the content the parser hung it on
            node = inner.cue
            # (tokens compare by index: spaCy makes a new Token object at every access)
            while (
                not second_predicate and node.head.i != node.i and start <= node.head.idx < end
                and node.head.i != outer.cue.i
            ):
                if node.head.left_edge.idx <= start:
                    break
                node = node.head
            cut = max(node.left_edge.idx, dash_before(doc_text(outer.cue.doc), start, inner.cue.idx))
            if cut > start + 10:
                new_start, new_end = trim_range(outer.cue.doc, start, cut)
                new_end = before_conjunction(doc_text(outer.cue.doc), new_start, new_end)
                if new_end > new_start:
                    outer.content = [(new_start, new_end)]
                    end = new_end
                    if outer.kind == "mixed" and outer.quote is not None and outer.quote.start >= new_end:
                        outer.kind, outer.quote = "indirect", None  # its quotation went with the inner statement


def dash_before(text: str, start: int, cue_at: int) -> int:
    """Dash rule: 'called on President Lee to retaliate for the interference -- meddling the
    congresswoman said is designed to sow discord': an inner attribution set off by a dash starts after it, however
    high the parse hung it; the offset of the last dash before the inner cue (``start`` if none)."""
    at = max(text.rfind(" -- ", start, cue_at), text.rfind("—", start, cue_at), text.rfind(" – ", start, cue_at))
    return at if at > start else start


def controlled_by_the_content(cue: Token, mention: Span) -> bool:
    """Control rule: a cue with no subject of its own whose speaker is the subject or the object of a
    verb above it ("said the campaign remained committed to persuading superdelegates BY ARGUING that
    …": the campaign argues) is part of the predicate the content says, not a statement of someone
    else's inside it: the content keeps it."""
    if any(c.dep_ in {"nsubj", "nsubjpass"} for c in cue.children):
        return False
    controller = mention.root
    return controller.dep_ in {"nsubj", "nsubjpass", "dobj"} and any(a.i == controller.head.i for a in cue.ancestors)


def subject_within(cue: Token, start: int, end: int) -> Token | None:
    """The grammatical subject of a cue found inside the words ``start``–``end``: its own, or that
    of the verb it is conjoined to or is the infinitive of ("he intended to hold a meeting and
    discuss X"), climbing no further than those words; None when there is none there.  (The speaker
    stage may name the speaker from further away; this is about where the words are.)"""
    token = cue
    for _ in range(6):
        subject = next((c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None:
            return subject if start <= subject.idx < end else None
        head = token.head
        if head.i == token.i or token.dep_ not in {"conj", "xcomp"} or not start <= head.idx < end:
            return None
        token = head
    return None


def reporters_conjuncts(found: list[Found]) -> list[tuple[Found, Found]]:
    """(second, first) for each reporter's second predicate inside a first statement's words
    ("Trump said … and warned against hackers"): the second has the first's subject, though
    the parse, which hung it inside what was said, gives it the reported clause's."""
    holding = holders(found)
    return [
        (f, g)
        for f in found
        if f.cue is not None
        for g in holding(f.cue.idx)
        if g is not f and g.cue is not None and reporters_conjunct(f.cue, g.cue)
    ]


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
    seen: set[tuple[tuple[int, int], ...]] = set()
    for f in found:
        if tuple(f.content) not in seen:
            seen.add(tuple(f.content))
            out.append(f)
    return out


def statements_component(doc: Doc) -> Doc:
    doc._.statements = build_statements(doc)
    return doc
