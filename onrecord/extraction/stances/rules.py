"""Stance: where a statement stands on an issue's proposition.

Labels: ``support`` (the speaker wants the proposition), ``oppose`` (rejects it),
``conditional`` (accepts it only under a condition), ``unclear``.  Precision first: a label only
where the statement takes one; otherwise ``unclear``, with the reason.  Every stance comes with
the words that decided it, a confidence and a reason.

The default classifier is rule-based and works offline.  The rules run in this order, each one
a function:

1. on the cue (``cue_rules.py``): ``rule_declined_cue`` ("wouldn't say whether …"),
   ``rule_asked_cue`` ("asked whether …"), ``rule_negated_cue`` ("never claimed that …");
2. per sentence that mentions the issue (or every sentence, when none does):
   a. ``rule_holder``      — a clause whose subject is someone else states their position
      ("Russia, which does not want …", "Russia refused to …"): unclear for the speaker, and
      the position is recorded as ``reported`` for that holder (``holders.py``);
   b. ``rule_distanced``   — "allegedly", "so-called": a claim the speaker does not take on;
      ``rule_unsure``      — "it is not clear that …", "I doubt …": not the speaker's position;
      ``rule_without``     — "impossible without X": conditional; X itself is required, so wanted;
   c. ``rule_condition``   — "only if", "unless", "until", "in exchange for", "once",
      "otherwise" (before the issue), "…, and then X can …"; a condition that demands the
      contrary of the proposition ("fight until the 1991 borders") is a refusal: oppose; a
      condition on a forecast is no stance (``rule_stated_condition``), nor is one that names
      again what it conditions ("no deal until there's a deal": ``conditions.restated``);
   d. ``rule_requirement`` — "talks must be based on …", "through dialogue": conditional;
   e. ``rule_question``    — a question asserts nothing, unless the statement answers it
      ("Will we give up Crimea? Never."); ``rule_open_question``: nor does "whether …";
      ``rule_topic``: nor what is said of "the issue of Crimea";
   f. ``rule_polarity``    — signs multiplied along the issue's path (``polarity.py``); then
      ``rule_aspect``: rejecting one form of it ("the Normandy format") is no oppose;
3. ``combine``: sentences that agree give their label, a condition anywhere makes it conditional,
   sentences that disagree leave it unclear; when the statement names the issue nowhere and
   its sentences' roots say nothing, the words that name the issue in its article's context are
   read as its mentions (context-word rule, ``Reading.in_context``: "That was a very positive
   meeting" under a title on the summit);
4. ``rule_denied_cue``     — "denied that …": the content's stance reversed.

A ``StanceClassifier`` can replace the rules (``classify.py``; ``llm.py`` asks an
OpenAI-compatible endpoint), and a human label always wins (``model.stance.choose_stance``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import partial

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from onrecord.extraction.stances.columns import columns
from onrecord.extraction.stances.conditions import (
    in_protasis,
    outside_conditions,
    protasis_of,
    rule_condition,
    rule_precondition,
    rule_requirement,
    rule_without,
)
from onrecord.extraction.stances.cue_rules import (
    cue_lemma_of,
    cue_sign,
    rule_asked_cue,
    rule_declined_cue,
    rule_denied_cue,
    rule_negated_cue,
)
from onrecord.extraction.stances.holders import CLAIM_VERBS, Holder, holder_of
from onrecord.extraction.stances.judged import judged_report
from onrecord.extraction.stances.negations import nobody_does
from onrecord.extraction.stances.polarity import (
    NOT_NAMED,
    UNPLACED_SIDE,
    distanced,
    polarity_factors,
    rule_polarity,
)
from onrecord.extraction.stances.reading import MARKERS, Reading, Speaker, memo, read
from onrecord.lexicons.taxonomy import Taxonomy, load_taxonomy
from onrecord.model.stance import Reported, Stance

NO_MARKER = "no word in the statement takes a position on the issue"



QUOTE_MARKS = {"”", "\"", "’", "'"}


def _words(sent: Span) -> list[Token]:
    return [t for t in sent if not t.is_space and t.text not in QUOTE_MARKS]


def _last_word(sent: Span) -> Token | None:
    """The last of ``_words(sent)``, found from the end."""
    return next((t for t in reversed(sent) if not t.is_space and t.text not in QUOTE_MARKS), None)


def question_start(sent: Span) -> int | None:
    """Where the question of a sentence ending in "?" starts: at a wh-word that opens a clause
    ("…, how are we going to …?"), else at the sentence start; None if it is no question."""
    last = _last_word(sent)
    if last is None or last.text != "?":
        return None  # most sentences: no list of their words made
    words = _words(sent)
    if not words or words[-1].text != "?":
        return None
    start = sent.start
    for t in words:
        before = t.doc[t.i - 1] if t.i > sent.start else None
        opens_clause = (before is None or before.is_punct or before.pos_ in {"CCONJ", "SCONJ"}
                        or before.lower_ == "so")
        if t.tag_ in {"WRB", "WP", "WDT"} and opens_clause:
            start = t.i
    return start


def answer_sign(sent: Span) -> tuple[str, int] | None:
    """A short answer opening the sentence after a question ("Never.", "Of course, …")."""
    words = [t.lower_ for t in _words(sent)[:3]]
    for n in (3, 2, 1):
        phrase = " ".join(words[:n])
        if phrase in MARKERS.answers:
            return phrase, MARKERS.answers[phrase]
    return None


def rule_question(reading: Reading, sent: Span, anchors: Sequence[Token]) -> Stance | None:
    """Question rule: a question ("Would we ever cede Crimea?") asserts no position, rhetorical
    or not; the issue must be named inside it.  Answer rule: when the statement answers it at
    once ("Will we give up Crimea? Never."), the answer's sign times the question's content
    decides."""
    start = question_start(sent)
    if start is None or (anchors and not any(a.i >= start for a in anchors)):
        return None
    following = [s for s in reading.doc.sents if s.start == sent.end]
    answer = answer_sign(following[0]) if following else None
    if answer is not None:
        factors, _ = polarity_factors(reading, sent, anchors, None)
        sign = answer[1]
        for f in factors:
            sign *= f.sign
        label = "support" if sign > 0 else "oppose"
        return Stance(label, ["?", answer[0]], confidence=0.75, reason=f"a question answered '{answer[0]}': {label}")
    return Stance("unclear", ["?"], confidence=0.85, reason="a question states no position")


def rule_open_question(anchors: Sequence[Token]) -> Stance | None:
    """Open-question rule: an embedded question ("whether we will ever give up Crimea is not for
    today", "the question of whether to join the talks") asks, it does not assert: when every
    mention of the issue sits in one, no position."""
    if not anchors:
        return None
    cols = columns(anchors[0].doc)  # the climb and the children read as numbers
    for anchor in anchors:
        if not any(cols.dep[c] == "mark" and cols.lower[c] == "whether"
                   for w in (anchor.i, *cols.ancestors(anchor.i)) for c in cols.children[w]):
            return None
    return Stance("unclear", ["whether"], confidence=0.8, reason="an open question ('whether …') states no position")


def topic_of(anchor: Token) -> Token | None:
    """The topic noun or preposition an issue mention is named under ("the issue of [Crimea]",
    "the [NATO] question", "talks about [Crimea]", "in relation to [the occupied territories]"),
    or None."""
    cols = columns(anchor.doc)  # climbed in the columns: a Token only of the word returned
    dep, lower, lemma, up = cols.dep, cols.lower, cols.lemma, cols.head
    a = anchor.i
    for w in (a, *cols.ancestors(a)):
        if dep[w] not in {"pobj", "prep", "compound", "amod", "nmod", "pcomp"} and w != a:
            break
        if dep[w] == "prep" and (lower[w] in MARKERS.topic_prepositions
                                 or lemma[up[w]] in MARKERS.topic_relations):
            return anchor.doc[w]
    h = a
    # through coordination too: "the issues of the end of the war, [deoccupation] of territories"
    while dep[h] in {"compound", "amod", "pobj", "prep", "nmod", "poss", "conj"} or h == a:
        if h != a and cols.pos[h] in {"NOUN", "PROPN"} and lemma[h] in MARKERS.topic_nouns:
            return anchor.doc[h]
        if up[h] == h:
            return None
        if dep[h] == "pobj" and lower[up[h]] != "of":
            return None
        h = up[h]
    return anchor.doc[h] if lemma[h] in MARKERS.topic_nouns else None


def _listed(anchor: Token) -> bool:
    """The mention is one item of a coordination ("guarantees, neutrality and status")."""
    return anchor.dep_ == "conj" or any(c.dep_ == "conj" for c in anchor.children)


def rule_topic(reading: Reading, sent: Span, anchors: Sequence[Token]) -> Stance | None:
    """Topic rule: an issue named as a topic ("the issue of the status of Crimea is proposed for
    the talks", "we discussed the NATO question") is what is talked about; what is said of the
    topic is no position on the proposition.  A topic that names the proposition's content ("the
    issue of territorial integrity is important") is left to the other rules — unless it is one
    item of a list of topics ("the issues of guarantees, neutrality and status remain the most
    important"): an agenda, which says what is discussed, not what is wanted."""
    if not anchors or any(topic_of(a) is None for a in anchors):
        return None
    content = {i for span, _ in reading.content(sent) for i in range(span.start, span.end)}
    if any(a.i in content and not _listed(a) for a in anchors):
        return None
    return Stance("unclear", [], confidence=0.7, reason="the issue is named as a topic, not as what is wanted")


def rule_holder(reading: Reading, sent: Span, anchors: Sequence[Token], holder: Holder,
                cue: tuple[str, int] | None) -> Stance | None:
    """Holder rule: when every mention of the issue sits in a clause whose subject is someone
    else ("Russia, which does not want Ukraine in NATO", "Russia refused to hold the meeting"),
    the sentence states that holder's position, not the speaker's: unclear for the speaker, and
    the holder's position (by the same rules) is kept as ``reported``."""
    if holder.kind != "other" or in_protasis(reading, sent, anchors):
        return None  # a supposition about someone ("if partners are not ready …") is no report
    theirs = (rule_condition(reading, sent, anchors) or rule_question(reading, sent, anchors)
              or rule_polarity(reading, sent, anchors, None))
    # "they say that we refuse to talk": a claim they make, not their position on the issue
    claimed = holder.verb in CLAIM_VERBS
    reported = Reported(holder.name, theirs.label, list(theirs.evidence)) \
        if theirs is not None and theirs.label != "unclear" and not claimed else None
    return Stance("unclear", [], confidence=0.8, reported=reported,
                  reason=f"the position of {holder.name}, which the statement reports, not the speaker's")


def _not_named(stance: Stance) -> Stance:
    """A label decided on a sentence that does not name the issue is less sure (see polarity)."""
    if stance.label != "unclear" and stance.confidence is not None:
        stance.confidence = round(max(0.1, stance.confidence - NOT_NAMED), 2)
        stance.reason = f"{stance.reason} (the issue is named outside this sentence)"
    return stance


def rule_distanced(reading: Reading, sent: Span, anchors: Sequence[Token]) -> Stance | None:
    """Distancing rule: "their claims that we allegedly refused to talk" reports a claim the
    speaker does not take on: no position of the speaker's."""
    words = distanced(reading, sent, anchors) if anchors else []
    if not words:
        return None
    return Stance("unclear", words, confidence=0.75, reason=f"the speaker distances themself ('{words[0]}')")


def unsure(anchors: Sequence[Token]) -> list[str]:
    """The words by which the speaker says they are not sure of the issue's clause: "it is not
    clear that he wants to stop the fighting", "I doubt they want talks"."""
    if not anchors:
        return []
    doc = anchors[0].doc
    cols = columns(doc)  # the climb reads numbers: a Token only for the words returned

    def doubted(i: int) -> bool:  # "no doubt", "not uncertain": certainty
        return cols.lemma[i] in MARKERS.doubt_words and not any(
            cols.dep[c] == "neg" or cols.lower[c] in MARKERS.negators for c in cols.children[i])

    for anchor in anchors:
        for word in cols.ancestors(anchor.i):
            if doubted(word):
                return [doc[word].text]
            for child in cols.children[word]:
                if cols.dep[child] in {"acomp", "attr"} and doubted(child):
                    return [doc[child].text]
                if cols.lemma[child] in MARKERS.certainty_words and cols.dep[child] in {"acomp", "attr"}:
                    negation = [c for c in (*cols.children[word], *cols.children[child]) if cols.dep[c] == "neg"]
                    if negation:
                        return [doc[negation[0]].text, doc[child].text]
    return []


def rule_unsure(anchors: Sequence[Token]) -> Stance | None:
    """Uncertainty rule: a position the speaker says they are not sure of ("it is not clear that
    Kyiv wants a truce", "I doubt they want talks") is neither wanted nor rejected by them: the
    negation of the frame is no negation of the content."""
    # the same mentions (a sentence's root, for every issue it does not name) are read once
    words = memo(anchors[0].doc, ("onrecord.unsure", tuple(a.i for a in anchors)), partial(unsure, anchors)) \
        if anchors else []
    if not words:
        return None
    return Stance("unclear", words, confidence=0.75, reason=f"the speaker is not sure of it ('{' '.join(words)}')")


MODALS = {"can", "could", "will", "would", "should", "must", "may", "might", "shall"}


def _modal_clause(anchors: Sequence[Token]) -> bool:
    """The issue's clause is put with a modal ("we can talk about the land if …")."""
    for anchor in anchors:
        verb = next((w for w in (anchor, *anchor.ancestors) if w.pos_ in {"VERB", "AUX"}), None)
        if verb is not None and any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children):
            return True
    return False


def rule_stated_condition(reading: Reading, sent: Span, anchors: Sequence[Token], holder: Holder,
                          cue: tuple[str, int] | None) -> Stance | None:
    """A condition binds a stance, not a forecast: the clause it conditions must state one — a
    marker, a negation or the issue's content on the issue, a cue that takes a position, or a
    subject who holds one ("we", a side).  "If it stays as it is, in a year it will invade
    someone's territory again" conditions a forecast: no conditional stance.  A bare "if" over
    the speaker's own proposal ("if we want to stop the war, we should …") is as sure as an
    explicit condition; over anything else it may be a supposition, and stays below the
    confidence positions need."""
    stance = rule_condition(reading, sent, anchors)
    if stance is None or stance.label != "conditional" or (stance.confidence or 0) <= 0.5:
        return stance
    factors, _ = polarity_factors(reading, sent, outside_conditions(reading, sent, anchors) or anchors, None)
    # a forecast over the issue ("the guarantors will not sign … if …") is no stance to condition
    bearing = [] if any(f.forecast for f in factors) else factors
    own_proposal = holder.explicit and (any(f.decides for f in bearing) or _modal_clause(anchors))
    if own_proposal and (stance.confidence or 0) < 0.75:
        stance.confidence = 0.75
        stance.reason = f"{stance.reason}: the speaker's own proposal"
    if holder.explicit or holder.kind in {"own_side", "unknown"} or cue is not None or bearing:
        return stance
    return None


# the links inside one noun phrase: "any format of dialogue through mediators", "talks in the
# Normandy format"; not a relative clause ("talks, which the Minsk format never brought") nor an
# apposition, which corrects ("real guarantees, not another Budapest Memorandum")
FORM_PHRASE_LINKS = {"prep", "pobj", "compound", "amod", "nmod", "poss", "det"}


def in_form(anchor: Token, forms: Sequence[Span]) -> bool:
    """A mention of the issue names one form of it when it is inside a form's phrase, or a form
    is in its noun phrase: "any format of dialogue through mediators is ineffective" judges the
    mediated format, "talks in the Normandy format" are talks in that form."""
    if not forms:
        return False
    if any(f.start <= anchor.i < f.end for f in forms):
        return True
    top = anchor
    while top.dep_ in FORM_PHRASE_LINKS and top.head.i != top.i and top.head.pos_ in {"NOUN", "PROPN", "ADP"}:
        top = top.head
    if top.pos_ == "ADP":
        top = top.head if top.head.pos_ in {"NOUN", "PROPN"} else top
    phrase, todo = set(), [top]
    while todo:
        token = todo.pop()
        phrase.add(token.i)
        todo.extend(c for c in token.children if c.dep_ in FORM_PHRASE_LINKS)
    return any(f.root.i in phrase for f in forms)


def rule_aspect(reading: Reading, sent: Span, anchors: Sequence[Token], stance: Stance) -> Stance:
    """Aspect rule: rejecting one form of the proposition ("we will not make do with the Normandy
    format", "not another Budapest Memorandum") is not rejecting the proposition; wanting one is
    wanting it.  Applies when every mention of the issue is inside such a form."""
    if stance.label != "oppose" or not anchors:
        return stance
    forms = reading.aspects(sent)
    if not all(in_form(a, forms) for a in anchors):
        return stance
    names = ", ".join(dict.fromkeys(f.text for f in forms))
    return Stance("unclear", stance.evidence, confidence=0.7,
                  reason=f"rejects one form of it ({names}), not the proposition")


BARE_CONDITIONS = {"if"}


def rule_supposition(reading: Reading, sent: Span, anchors: Sequence[Token], holder: Holder) -> Stance | None:
    """Supposition rule: when every mention of the issue sits in a condition whose subject is
    someone else, the words inside it suppose that other's position; they state neither theirs
    (the holder rule's report needs an assertion) nor, by themselves, the speaker's.  The
    speaker's view is in how the main clause values what is supposed: "if President Putin agrees
    to a ceasefire, we're going to be in very good shape" wants it; "if Europe supports forcing
    Ukraine into territorial concessions, it will mean that Europe is dying" rejects it (the
    supposed position's sign times the consequence's).  A consequence that values nothing
    ("a treaty can be annulled if …") leaves the speaker's stance unclear."""
    if holder.kind not in {"other", "unknown"} or not in_protasis(reading, sent, anchors):
        return None
    who = holder.name or "someone else"
    protasis = next((p for p in (protasis_of(m) for m in reading.in_sent("condition", sent))
                     if all(p.start <= a.i < p.end for a in anchors)), None)
    supposed = rule_polarity(reading, sent, anchors, None) if protasis is not None else None
    inside = protasis is not None and supposed is not None and all(
        protasis.start <= i < protasis.end for i in _decider_positions(reading, sent, anchors))
    valence = consequence_valence(sent, protasis) if inside and protasis is not None else 0
    if supposed is None or not valence or supposed.label not in {"support", "oppose"}:
        return Stance("unclear", [], confidence=0.7, reason=f"a supposition about {who}, not the speaker's position")
    sign = (1 if supposed.label == "support" else -1) * valence
    label = "support" if sign > 0 else "oppose"
    return Stance(label, list(supposed.evidence), confidence=0.7,
                  reason=f"what is supposed of {who} ({supposed.label}) is valued as "
                         f"{'good' if valence > 0 else 'bad'} by the main clause: {label}")


def _decider_positions(reading: Reading, sent: Span, anchors: Sequence[Token]) -> list[int]:
    factors, _ = polarity_factors(reading, sent, anchors, None)
    return [f.start for f in factors if f.decides]


def consequence_valence(sent: Span, protasis: Span) -> int:
    """+1 when the words of the sentence outside the condition value it as good ("we are in very
    good shape"), -1 as bad ("Europe is dying", "everything could be upset"), 0 when they say
    neither or both.  A negated word counts the other way ("it will not be good"), as does one in a
    clause whose subject is no one ("no country has the right to undermine the sovereignty of a
    state if it wishes to join the Alliance": the wish is protected)."""
    signs = set()
    for token in sent:
        if protasis.start <= token.i < protasis.end:
            continue
        lemma = token.lemma_.lower()
        sign = 1 if lemma in MARKERS.good_consequences else -1 if lemma in MARKERS.bad_consequences else 0
        if not sign:
            continue
        negated = any(c.dep_ == "neg" for w in (token, token.head) for c in w.children) or nobody_does(token)
        signs.add(-sign if negated else sign)
    return signs.pop() if len(signs) == 1 else 0


def is_weak_condition(stance: Stance) -> bool:
    """Weak-condition rule: a bare "if" over no proposal of the speaker's may be a supposition
    ("if Russia has questions, it is necessary to meet and talk"): noted, but it does not decide;
    the other rules do (precision first: such conditionals were wrong more often than right on our
    dev annotation).  An explicit condition ("only if", "once", "unless", "otherwise", "…, and
    then") still decides, as does a condition on the issue's absence ("if partners are not ready
    to see Ukraine in NATO, …": conditional, not the oppose its negation would give)."""
    return (stance.label == "conditional" and stance.confidence is not None and 0.5 < stance.confidence < 0.7
            and bool(stance.evidence) and all(w.lower() in BARE_CONDITIONS for w in stance.evidence))


def contrary_of(reading: Reading, sent: Span) -> list[Span]:
    """The phrases of the sentence that state the contrary of the issue's proposition."""
    return [span for span, sign in reading.content(sent) if sign < 0]


def sentence_stance(reading: Reading, sent: Span, anchors: Sequence[Token], cue: tuple[str, int] | None,
                    named: bool) -> Stance:
    """The rules in order for one sentence; ``named`` is False when the issue is not named in
    the statement and the anchors are the sentence's root."""
    holder = holder_of(outside_conditions(reading, sent, anchors) or anchors, reading.speaker)
    if named and holder.kind in {"speaker", "own_side"}:
        # a mention in someone else's clause ("…, as Russia calls NATO enlargement a reason") is
        # theirs: the speaker's stance is read from the mentions in the speaker's own clauses
        own = [a for a in anchors if holder_of([a], reading.speaker).kind in {"speaker", "own_side"}]
        anchors = own or anchors
    if named:
        # one form of it named beside the proposition itself ("a treaty signed by all guarantors,
        # so as not to repeat the mistake of the Budapest Memorandum"): the proposition's mentions
        # decide; the form's own words ("not … repeat") are about that form (aspect rule)
        forms = reading.aspects(sent)
        plain = [a for a in anchors if not in_form(a, forms)]
        anchors = plain or anchors
    weak: Stance | None = None
    for rule in (
        lambda: rule_holder(reading, sent, anchors, holder, cue),
        lambda: rule_distanced(reading, sent, anchors if named else []),
        lambda: rule_unsure(anchors if named else []),
        lambda: rule_without(sent, anchors if named else [], contrary_of(reading, sent),
                             [span for span, _ in reading.content(sent)] if reading.issue.content_decides else None),
        lambda: rule_stated_condition(reading, sent, anchors, holder, cue),
        lambda: rule_requirement(reading, sent, anchors if named else []),
        lambda: rule_precondition(sent, anchors if named else []),
        lambda: rule_question(reading, sent, anchors),
        lambda: rule_open_question(anchors if named else []),
        lambda: rule_topic(reading, sent, anchors if named else []),
    ):
        stance = rule()
        if stance is not None and is_weak_condition(stance):
            weak = weak or stance  # noted, but it does not decide
            continue
        if stance is not None:
            return _not_named(stance) if not named else stance
    supposition = rule_supposition(reading, sent, anchors if named else [], holder)
    if supposition is not None:
        return supposition  # the speaker's view of another's supposed position: no side to place
    stance = rule_polarity(reading, sent, anchors, cue, named=named, own_clause=holder.explicit)
    if stance is None:
        reason = f"{NO_MARKER}; a weak condition ({', '.join(weak.evidence)}) decides nothing" if weak else NO_MARKER
        return Stance("unclear", [], confidence=0.6, reason=reason)
    if weak is not None:
        stance.reason = f"{stance.reason}; a weak condition ({', '.join(weak.evidence)}) left aside"
    stance = rule_aspect(reading, sent, anchors, stance)
    if holder.kind == "unknown":
        # "Ukraine will not give up …" from a speaker the article does not place on a side
        stance.confidence = round(max(0.1, (stance.confidence or 0.5) - UNPLACED_SIDE), 2)
        stance.reason = f"{stance.reason} (as the position of {holder.name}; the speaker's side is not stated)"
    return stance


def combine(stances: list[Stance]) -> Stance:
    """One stance from the sentences: a condition anywhere makes it conditional (unless it is a
    weak one beside a sure label); sentences that agree give their label; sentences that disagree
    leave it unclear.  Positions reported for others are kept."""
    reported = next((s.reported for s in stances if s.reported is not None), None)
    decided = [s for s in stances if s.label != "unclear"]
    sure = [s for s in decided if (s.confidence or 0) > 0.5]
    conditional = [s for s in decided if s.label == "conditional"]
    if conditional and (len(conditional) == len(decided) or any(s.confidence and s.confidence > 0.5
                                                                for s in conditional) or not sure):
        return _merged("conditional", conditional, reported)
    decided = [s for s in decided if s.label != "conditional"]
    labels = {s.label for s in decided}
    if len(labels) == 1:
        return _merged(decided[0].label, decided, reported)
    if len(labels) > 1:
        return Stance("unclear", [w for s in decided for w in s.evidence], note="sentences disagree",
                      confidence=0.5, reason="its sentences disagree: "
                      + "; ".join(s.reason or s.label for s in decided), reported=reported)
    unclear = [s for s in stances if s.reason and s.reason != NO_MARKER] or stances
    first = unclear[0] if unclear else Stance("unclear", confidence=0.6, reason=NO_MARKER)
    return Stance("unclear", [w for s in stances for w in s.evidence], confidence=first.confidence,
                  reason=first.reason, reported=reported)


def _merged(label: str, stances: list[Stance], reported: Reported | None) -> Stance:
    best = max(stances, key=lambda s: s.confidence or 0)
    confidence = min(0.95, (best.confidence or 0.5) + 0.05 * (len(stances) - 1))  # sentences agreeing
    return Stance(label, [w for s in stances for w in s.evidence], confidence=round(confidence, 2),  # type: ignore[arg-type]
                  reason=best.reason, reported=reported)


def stance_for(
    statement_text: str,
    issue_id: str,
    cue_class: str | None = None,
    negated: bool = False,
    taxonomy: Taxonomy | None = None,
    *,
    nlp: Language,
    cue_text: str | None = None,
    cue_lemma: str | None = None,
    speaker: Speaker | None = None,
    doc: Doc | None = None,
    quoted: bool = False,
) -> Stance:
    """The rule-based stance of a statement (its quote, or the reporter's sentence for a
    reported position) on one issue, with the words that decided it, a confidence and a reason.
    ``doc``: the text already parsed by ``nlp``, to parse once for several issues; ``speaker``:
    who speaks and for which side (``holders.speaker_sides``); ``cue_lemma``: the cue's verb, else
    read from ``cue_text``; ``quoted``: a direct quotation, which a cue of rejecting or denying
    frames and does not negate."""
    taxonomy = taxonomy or load_taxonomy()
    issue = taxonomy[issue_id]
    for early in (rule_declined_cue(cue_class, cue_text, statement_text),
                  rule_asked_cue(cue_class, cue_text, statement_text), rule_negated_cue(negated, cue_text)):
        if early is not None:
            return early
    if not statement_text.strip():
        return Stance("unclear", [], confidence=0.9, reason="no words to read")
    if quoted:
        # in the speaker's own words "he" and "she" are others (in a report they are the speaker)
        speaker = replace(speaker or Speaker(), quoting=True)
    reading = read(nlp, statement_text, issue, taxonomy, doc, speaker)
    lemma = cue_lemma or cue_lemma_of(nlp, cue_text)
    sign = cue_sign(cue_class, cue_text, lemma, statement_text)
    if quoted and sign < 0:
        # framing rule: a direct quote is the speaker's own words, which a cue of rejecting frames
        # ("rejected the plan: 'we will never cede land'"); what is rejected is the cue's object
        sign = 0
    cue = (cue_text or cue_class or "", sign) if sign else None
    sents = list(reading.doc.sents)
    mentioned = [(s, reading.anchors(s)) for s in sents]
    mentioned = [(s, a) for s, a in mentioned if a]
    named = bool(mentioned)
    if not named:
        # the issue is named outside the quote (in the attribution sentence, or a statement
        # before): every sentence counts, from its root
        mentioned = [(s, [s.root]) for s in sents]

    def read_sentences(pairs: list[tuple[Span, list[Token]]], mentions: bool) -> Stance:
        return combine([continued_report(s) or sentence_stance(reading, s, a, cue, mentions) for s, a in pairs])

    stance = read_sentences(mentioned, named)
    if named:
        # "Russia is trying to move borders, and this is unacceptable": the verdict on a reported position
        stance = judged_report(reading, stance, max(a.i for _, anchors in mentioned for a in anchors) + 1) or stance
    if not named and stance.label == "unclear":
        # context-word rule: nothing said from the sentences' roots; what is said of the words that
        # name the issue in the article around ("a very positive meeting") is said of the issue
        context = [(s, a) for s in sents if (a := reading.in_context(s))]
        if context:
            said = read_sentences(context, True)
            stance = said if said.label != "unclear" else stance
    # a denying cue whose own word is a factor already ("rejected" -1) is not reversed a second time
    return stance if sign or quoted else rule_denied_cue(stance, cue_class, cue_text)


REPORTERS = {"they", "you", "some", "others", "he", "she", "people", "critics"}  # subjects of another's claim
CONTINUING = {"it", "they", "he", "she", "this"}  # subjects that carry the claim on


def continued_report(sent: Span) -> Stance | None:
    """Continued-report rule: after "they say [Ukraine is the next step]", a sentence whose subject
    is a pronoun ("It should be admitted into NATO") goes on in their voice (free indirect speech:
    the report's words, not the speaker's): unclear for the speaker."""
    if sent.start == 0:
        return None
    before = sent.doc[sent.start - 1].sent.root
    reporter = next((c for c in before.children if c.dep_ == "nsubj"), None)
    if before.lemma_.lower() not in CLAIM_VERBS or reporter is None or reporter.lower_ not in REPORTERS:
        return None
    subject = next((c for c in sent.root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.lower_ not in CONTINUING:
        return None
    return Stance("unclear", [], confidence=0.7,
                  reason=f"goes on with what {reporter.text.lower()} {before.text.lower()}, not the speaker's position")
