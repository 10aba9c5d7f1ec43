"""The polarity rule: the signs of the words that scope over the issue, multiplied.

Markers ("ready to" +1, "never" -1, "unacceptable" -1, "thank … for" +1), negations (-1), "we
will" (a commitment, +1), the cue ("urged" +1, "criticized" -1), predicate judgements ("the
talks were constructive" +1) and the direction of the issue's content ("give up" +1, "get back"
-1).  Positive is support, negative oppose; without a marker, cue or commitment there is no
stance.  The confidence says how directly the words decide: a marker on the issue in the
speaker's own clause is surest; a double negation, a hedge, a cue alone, a side the article does
not place, or an issue named only outside the sentence each make it less sure.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from onrecord.extraction.stances.columns import Columns, columns
from onrecord.extraction.stances.effects import announced, effects, own_deeds, progressed
from onrecord.extraction.stances.holders import can_hold, compelled_in_fact, done_to_own_side
from onrecord.extraction.stances.negations import otherwise_not, unchanged, unheeded
from onrecord.extraction.stances.purposes import purposes
from onrecord.extraction.stances.reading import (
    ARGUMENT_DEPS,
    MARKERS,
    OPERATOR_DEPS,
    PREDICATE_DEPS,
    Reading,
    among,
    memo,
)
from onrecord.extraction.stances.scare_quotes import scare_quoted
from onrecord.extraction.stances.sign import Sign
from onrecord.model.stance import Stance

# what "as" heads when it says what something is called: "as [productive]", "as [a breakthrough]";
# "as" itself a preposition, or "dep" where a statement cut from its sentence lost the verb it hung
# from ("[describing] the talks as constructive": ``docindex.span_doc`` rewires it to the object)
AS_PREDICATE_DEPS = {"pobj", "amod", "acomp", "attr"}
AS_DEPS = {"prep", "dep"}

# How sure a decided polarity is (see the module docstring); each is a rule's judgement, measured
# against the dev annotation of benchmarks/positions.py.
BASE = 0.8
OWN_CLAUSE = 0.1  # "we", "I", "our state": the speaker's own words about their own side
CUE_ONLY = 0.65  # only the cue decides ("welcomed it")
DOUBLE_NEGATION = 0.15  # litotes ("we do not rule out talks") commit less than the plain word
HEDGE = 0.2  # "may", "could", "perhaps"
UNPLACED_SIDE = 0.25  # "Ukraine is ready …" from a speaker the article does not place
NOT_NAMED = 0.3  # the issue is named outside the sentence

PERSONAL_RELATIVES = {"who", "whom", "whose"}


def is_own_clause(token: Token) -> bool:
    """Clause rule: the operators of a clause do not reach into another clause that hangs from it.
    A conjoined verb with its own subject is a separate assertion ("I don't know about Russia, but
    we expect a ceasefire"); without its own subject it shares them ("will not give up land or
    cede Crimea").  A relative clause is its own clause too: in "We, who want to join NATO, will
    not wait forever" the "not" of "wait" says nothing about joining.  Boundary rule: the object
    of "despite", "during", "after" is not what the main clause takes a stance on ("shelling goes
    on despite the truce"), nor is a clause of time ("while negotiations are underway")."""
    if token.dep_ == "relcl":
        # "a mechanism that will guarantee our security" describes what is wanted; a holder's
        # relative clause ("Russia, which does not want …") is its own, and "who" says the head
        # is a person ("the militants, who keep deploying equipment", whatever the noun)
        return can_hold(token.head) or any(c.lower_ in PERSONAL_RELATIVES for c in token.children)
    if token.dep_ == "prep" and token.lower_ in MARKERS.boundary_preps:
        return True
    if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in MARKERS.boundary_preps for c in token.children):
        return True  # "we will not use force while negotiations are underway": the talks are a time
    return token.dep_ == "conj" and token.pos_ in {"VERB", "AUX"} and any(
        c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in token.children)


def path_of(anchors: Sequence[Token]) -> set[int]:
    """The issue's path up the parse: from each mention to the root of its clause (found once
    per Doc and mentions: do not change the set)."""
    if not anchors:
        return set()
    return memo(anchors[0].doc, ("onrecord.path", tuple(a.i for a in anchors)), lambda: _path_of(anchors))


# the relations under which ``is_own_clause`` can say yes: it is asked only of those words
OWN_CLAUSE_CANDIDATES = {"relcl", "prep", "advcl", "conj"}


def _path_of(anchors: Sequence[Token]) -> set[int]:
    if not anchors:
        return set()
    doc = anchors[0].doc
    cols = columns(doc)
    path: set[int] = set()
    ids = {a.i for a in anchors}
    for anchor in anchors:
        i = anchor.i
        while i not in path:
            path.add(i)
            head, dep = cols.head[i], cols.dep[i]
            # a boundary inside the issue's own words ("at the negotiating table") is no boundary
            if head == i or (dep in OWN_CLAUSE_CANDIDATES and i not in ids and is_own_clause(doc[i])):
                break
            if dep in {"ccomp", "parataxis"} and head > i and _colon_between(doc, cols, i, head):
                break  # "the position on negotiations remains tough: Ukraine will not …": the clause after
                # the colon says what that position is, it does not negate the clause before it
            if dep == "conj" and cols.pos[i] == "ADP":
                i = cols.head[head]  # "against war and for talks": the first preposition is not ours
                continue
            i = head
    return path


def _colon_between(doc: Doc, cols: Columns, clause: int, head: int) -> bool:
    """A colon stands between a clause and the later verb the parse hangs it from (not a dash:
    "the fact that you started the dialogue — I want to commend you for this" is one sentence)."""
    return any(cols.lower[k] == ":" for k in range(doc[clause].right_edge.i + 1, head))


def scope_of(anchors: Sequence[Token]) -> tuple[set[int], set[int]]:
    """The words that operate on the issue: its path up the parse to the root and the
    operators hanging from that path ("not", "will", "ready"); and, wider, the arguments of the
    path's words, where content words sit ("accept [neutrality]").  Found once per Doc and
    mentions (several rules of a sentence ask): do not change the sets."""
    if not anchors:
        return set(), set()
    return memo(anchors[0].doc, ("onrecord.scope", tuple(a.i for a in anchors)), lambda: _scope_of(anchors))


def _scope_of(anchors: Sequence[Token]) -> tuple[set[int], set[int]]:
    if not anchors:
        return set(), set()
    path = path_of(anchors)
    cols = columns(anchors[0].doc)
    operators = set(path)
    arguments = set(path)
    for i in path:
        for child in cols.children[i]:
            dep = cols.dep[child]
            if dep in OPERATOR_DEPS:
                operators.add(child)
            if dep in OPERATOR_DEPS or dep in ARGUMENT_DEPS:
                arguments.add(child)
            if dep in AS_DEPS and cols.lower[child] == "as":
                # a predicate after "as" ("described the talks as [productive]", "hailed the meeting
                # as [a breakthrough]"): what the path's noun is called, as a copula's predicate is
                predicates = [c for c in cols.children[child] if cols.dep[c] in AS_PREDICATE_DEPS]
                operators.update(predicates)
                arguments.update(predicates)
            if dep == "xcomp" and cols.lemma[child] == "be":
                # a copula down a chain ("peace is going to [be] good", "the talks proved to [be]
                # useful"): its predicate speaks of the path's subject as a predicate of its own verb
                predicates = [c for c in cols.children[child] if cols.dep[c] in {"acomp", "attr"}]
                operators.update([child, *predicates])
                arguments.update([child, *predicates])
        operators.update(_existential_negation(cols, i))
    return operators, arguments


def existential_negation(token: Token) -> list[int]:
    """Existential rule: in "there is no sign that X is not our goal" the "no" of what there is
    (not) negates the whole clause, the that-clause with it."""
    return _existential_negation(columns(token.doc), token.i)


def _existential_negation(cols: Columns, i: int) -> list[int]:
    kids = cols.children[i]
    if not any(cols.dep[c] == "expl" for c in kids):
        return []
    return [d for c in kids if cols.dep[c] in {"attr", "nsubj"}
            for d in cols.children[c] if cols.dep[d] == "det" and cols.lower[d] in MARKERS.negators]


def surrendered(span: Span, sign: int, content: Sequence[tuple[Span, int]]) -> bool:
    """Object rule: what a relinquishing phrase governs is what is given up, not a second
    direction.  In "never give up our territorial integrity" the contrary content ("territorial
    integrity") is the object of the content ("give up"): it must not flip the sign again."""
    if sign >= 0:
        return False

    def governed_by(other: Span) -> bool:
        # the parser sometimes makes the relinquishing noun the subject of the preposition-like
        # verb that holds the object ("[compromises] concerning our territorial integrity"); a verb
        # of effect is no such verb: "concessions would undermine our territorial integrity" says
        # what the one does to the other (the effect rule), not what is given up
        head = other.root.head if other.root.dep_ in {"nsubj", "nsubjpass"} else other.root
        if head.i != other.root.i and head.lemma_.lower() in MARKERS.harming_verbs | MARKERS.helping_verbs:
            return False
        return span.root.i != other.root.i and span.root.i in {t.i for t in head.subtree} and other.start < span.start

    return any(other_sign > 0 and governed_by(other) for other, other_sign in content)


def is_commitment(token: Token) -> bool:
    """Commitment rule: "we will" / "I will" is a promise (a prediction with any other subject)."""
    if token.lemma_.lower() not in {"will", "shall"} or token.dep_ != "aux":
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in MARKERS.first_person for c in token.head.children)


def as_predicate(token: Token) -> bool:
    """As-predicate rule: a word after "as" that hangs from a verb or its object ("described the
    talks as productive", "calling it a failure": Quirk et al. 1985, 16.47, the object predicative
    with "as") is a predicate of that object, not a modifier."""
    head = token.head
    return token.dep_ in AS_PREDICATE_DEPS and head.lower_ == "as" and head.dep_ in AS_DEPS and head.head.i != head.i


def _judgements(reading: Reading, sent: Span) -> list[tuple[Span, int, bool]]:
    """Judgement rule: "constructive", "useless" decide as the predicate of the issue ("the talks
    were constructive"), not as a modifier ("no effective guarantees were offered")."""
    out = []
    for key, sign in (("good", 1), ("bad", -1)):
        for span in reading.in_sent(key, sent):
            if span.root.dep_ in PREDICATE_DEPS or as_predicate(span.root):
                out.append((span, sign, True))
    return out


def _stance_prepositions(sent: Span, path: set[int], used: set[int]) -> list[Sign]:
    """Preposition rule: "we are against war", "we stand for talks": after "be" or "stand" the
    preposition is the stance of its subject, when that subject can hold one ("this is against
    our sovereignty" describes a thing); elsewhere ("sanctions against Russia") it only relates."""
    out = []
    dep = columns(sent.doc).dep  # the words on the path that may say it, not every word of the sentence
    for token in among(sent, [i for i in path if i not in used and dep[i] in {"prep", "conj"}]):
        head = token.head.head if token.dep_ == "conj" else token.head
        if head.lemma_.lower() not in MARKERS.stance_copulas:
            continue
        subject = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None and not can_hold(subject):
            continue  # "this is [an act of aggression] against our sovereignty": a thing, no stance
        if token.lower_ in MARKERS.against_words:
            out.append(Sign(token.text, -1, token.i, True))
        elif token.lower_ in MARKERS.for_words:
            out.append(Sign(token.text, 1, token.i, True))
    return out


def _may_work_against(cols: Columns, i: int) -> bool:
    # a word ``_adversaries`` may keep: "against" or "to" as a preposition, or a countering verb
    return ((cols.dep[i] == "prep" and (cols.lower[i] == "to" or cols.lower[i] in MARKERS.against_words))
            or (cols.lemma[i] in MARKERS.countering_verbs and cols.pos[i] == "VERB"))


# what a countering verb works against: its object ("resist pressure"), or the subject it has as a
# passive ("each state's right to choose alliances is limited by its commitments")
COUNTERED_DEPS = {"dobj", "nsubjpass"}


def _adversaries(sent: Span, anchors: Sequence[Token], path: set[int]) -> list[Sign]:
    """Adversary rule: what is worked against takes the contrary of the marker above it.  The
    object of "against" ("we will vote against NATO membership"), of a reaction ("we will provide
    a response to NATO's expansion") or of a countering verb ("we must resist pressure to accept
    neutrality"; as a passive, its subject: "each state's right to choose alliances is limited by
    its commitments") is opposed by whoever wants the working against: one -1 factor that decides
    nothing alone.  It counts only when every mention of the issue lies under it ("air defence
    against missiles" wants the air defence), not after "be"/"stand" (the preposition rule's), and
    not when a favourable word qualifies the reaction ("a positive response to the proposal").
    "Against" counts after a verb ("vote against") or a noun of one's own struggle ("our fight
    against"), not after a noun of what others do ("an act of aggression against our sovereignty")."""
    out = []
    anchor_ids = {a.i for a in anchors}
    cols = columns(sent.doc)  # a Token only of the words a branch below may keep
    for token in among(sent, [i for i in path if i not in anchor_ids and _may_work_against(cols, i)]):
        lemma = token.lemma_.lower()
        if token.dep_ == "prep" and token.lower_ in MARKERS.against_words:
            head = token.head
            if head.lemma_.lower() in MARKERS.stance_copulas:
                continue
            if head.pos_ != "VERB" and head.lemma_.lower() not in MARKERS.struggle_nouns:
                continue  # "an act of aggression against our integrity": someone else's working against
        elif token.dep_ == "prep" and token.lower_ == "to" and token.head.lemma_.lower() in MARKERS.reaction_words:
            if any(c.lower_ in MARKERS.favourable_words for c in token.head.children):
                continue
        elif not (lemma in MARKERS.countering_verbs and token.pos_ == "VERB"
                  and any(c.dep_ in COUNTERED_DEPS and c.i in path for c in token.children)):
            continue
        if all(_worked_against(anchor, token, anchor_ids) for anchor in anchors):
            out.append(Sign(token.text, -1, token.i, False))
    return out


def _without_over(span: Span) -> Token | None:
    """Absence rule: the issue's content as the object of "without" is its absence ("ready for
    talks without ultimatums", "peace without territorial concessions"): the preposition negates
    it, as "no" would.  Only within the content's own clause; "impossible without" (a double
    negative) is the condition rule's (``conditions.rule_without``)."""
    for token in span.root.ancestors:
        if token.lower_ == "without" and token.dep_ == "prep":
            return token
        if token.pos_ in {"VERB", "AUX"} or token.dep_ in {"ROOT", "ccomp", "advcl", "relcl"}:
            return None
    return None


def _worked_against(anchor: Token, link: Token, anchor_ids: set[int]) -> bool:
    """The anchor is what the link works against: its object's own words ("against the expansion
    of NATO") or a clause the object governs ("pressure to accept neutrality"), not a coordinated
    item or a prepositional phrase hung from the object ("support in the fight against aggression
    and assistance on the path to NATO": the parser often hangs both from "aggression", where the
    second is neither worked against nor its twin)."""
    token = anchor
    while token.i != link.i:
        if token.head.i == token.i or (token.dep_ == "conj" and token.head.i not in anchor_ids):
            return False  # a coordination inside the issue's own mentions ("LPR and DPR") is no other item
        if token.dep_ == "prep" and token.lower_ != "of" and token.i not in anchor_ids:
            return False
        token = token.head
    return True


GOAL_PREPS = {"for", "to", "toward", "towards", "of", "on"}


def _describes_issue(span: Span, path: set[int], anchor_ids: set[int]) -> bool:
    """Modifier rule: a marker that modifies a word on the issue's path counts when it modifies
    the issue itself or a word the issue is the goal of ("a necessary step towards talks"), not a
    word the issue is only the setting of ("the most important issues in the negotiations")."""
    root = span.root
    if root.dep_ != "amod" or root.head.i in anchor_ids or as_predicate(root):
        return True
    below = [t for t in root.head.children if t.i in path]
    return any(t.dep_ == "prep" and t.lower_ in GOAL_PREPS for t in below)


# how a clause hangs from the issue's path when it is a purpose or a further step of its own
OWN_CLAUSE_DEPS = {"xcomp", "advcl", "acl"}


def _takes_own_object(span: Span, path: set[int], anchor_ids: set[int]) -> bool:
    """Own-object rule: a marker verb in a clause hung from the issue's path that governs an
    object of its own ("to obtain guarantees [to prevent such wars]", "talks to stop the
    killing") takes its position on that object, not on the issue: "prevent" there wants the
    guarantees that prevent wars.  A marker whose object is the issue ("to block Ukraine's
    membership") is on the path itself and still counts."""
    verb = span.root
    if verb.pos_ != "VERB" or verb.i in path or verb.dep_ not in OWN_CLAUSE_DEPS or verb.head.i not in path:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(objects) and not any(t.i in anchor_ids for o in objects for t in o.subtree)


REFUSALS = {"will", "would", "can", "could", "shall", "never"}


def _is_prediction(span: Span) -> bool:
    """Prediction rule: a modal refusal ("will not", "cannot", "never") refuses only when someone
    who can hold a position is its subject ("we will not", "Kyiv will never"); with a thing as
    subject ("this will not help the settlement") it forecasts."""
    if not any(t.lemma_.lower() in REFUSALS or t.lower_ == "never" for t in span):
        return False
    verb = span.root if span.root.pos_ in {"VERB", "AUX"} and span.root.dep_ not in {"aux", "neg"} else span.root.head
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "expl"}), None)
    if subject is None:
        return False  # "there will be no talks", an imperative, a bare infinitive: the speaker's
    if subject.dep_ == "expl":
        return no_chance(verb)
    return not can_hold(subject)


def no_chance(verb: Token) -> bool:
    """Likelihood rule: "there will be no chance that negotiations will be held" forecasts how
    likely the talks are; it refuses them only when someone who can hold a position is the
    subject of what has no chance ("there is no chance that we will give up Crimea")."""
    nouns = [c for c in verb.children if c.dep_ in {"attr", "nsubj"} and c.lemma_.lower() in MARKERS.likelihood_nouns]
    if not nouns:
        return False  # "there will be no talks": the speaker's refusal
    for noun in nouns:
        for word in noun.subtree:
            if word.dep_ in {"nsubj", "nsubjpass"} and word.head.i != verb.i and can_hold(word):
                return False
    return True


def polarity_factors(reading: Reading, sent: Span, anchors: Sequence[Token], cue: tuple[str, int] | None
                     ) -> tuple[list[Sign], set[int]]:
    """The factors of the polarity product for the issue in a sentence, and the operators' scope."""
    operators, arguments = scope_of(anchors)
    path = path_of(anchors)
    anchor_ids = {a.i for a in anchors}
    # "not only … but also", "no doubt", "as never before": no negation, no refusal
    unnegated = {i for span in reading.in_sent("not_negation", sent) for i in range(span.start, span.end)}
    spans = [(s, 1, True) for s in reading.in_sent("support", sent)]
    spans += [(s, -1, True) for s in reading.in_sent("oppose", sent)]
    spans += _judgements(reading, sent)
    content_spans = list(reading.content(sent))
    spans += [(s, sign, False) for s, sign in content_spans if not surrendered(s, sign, content_spans)]
    # one word counts once: the longest phrase wins ("no concessions" over "concession")
    kept = {(s.start, s.end) for s in filter_spans([s for s, _, _ in spans])}
    # how far the talks got, and its denial, are read once, by the progress rule
    progress, used = progressed(reading, sent, anchors, path)
    factors: list[Sign] = list(progress)
    directions: set[int] = set()
    for span, sign, decides in spans:
        if (span.start, span.end) not in kept or any(i in used for i in range(span.start, span.end)):
            continue
        if sign < 0 and decides and any(i in unnegated for i in range(span.start, span.end)):
            continue
        if sign < 0 and decides and any(unchanged(t) for t in span):
            continue  # "we will not abandon our course to NATO": kept, not refused
        if sign > 0 and decides:
            expectation = negated_expectation(span)
            if expectation:
                used.update(expectation)  # "I do not expect results": a forecast, its "not" no refusal
                kept.discard((span.start, span.end))
                continue
        if not decides and sign in directions and any(i in arguments for i in range(span.start, span.end)):
            # content rule: the issue's content counts once per direction ("territorial integrity
            # within internationally recognized borders" says "against" once, not twice)
            kept.discard((span.start, span.end))
            continue
        # markers and content may sit on an argument of the path ("offer [no concessions] on
        # our land"); bare negations only count as operators (below)
        if decides and (done_to_own_side(reading.speaker, span, anchor_ids) or compelled_in_fact(span)
                        or _takes_own_object(span, path, anchor_ids)):
            continue
        if any(i in arguments for i in range(span.start, span.end)) and _describes_issue(span, path, anchor_ids):
            content = not decides
            forecast = decides and sign < 0 and _is_prediction(span)
            own = any(c.dep_ == "poss" and c.lower_ in {"our", "my"} for c in span.root.children)
            # "this will not help the talks": a forecast, no refusal
            # a marker that holds the content ("no concessions") says it too
            says_content = content or any(span.start <= c.start and c.end <= span.end for c, _ in content_spans)
            factors.append(Sign(span.text, sign, span.start, decides and not forecast, own=own, forecast=forecast,
                                content=says_content))
            if content:
                directions.add(sign)
                absence = _without_over(span)
                if absence is not None and absence.i not in used:
                    factors.append(Sign(absence.text, -1, absence.i, False))  # "without ultimatums": none of them
                    used.add(absence.i)
            used.update(range(span.start, span.end))
            kept.discard((span.start, span.end))
    factors += _stance_prepositions(sent, operators, used)
    factors += _adversaries(sent, anchors, path)
    factors += [f for f in effects(anchors, reading.speaker.sides) if f.start not in used]
    factors += [f for f in announced(reading, anchors) if f.start not in used]
    factors += [f for f in purposes(sent, path) if f.start not in used]
    cols = columns(sent.doc)  # a Token only of an operator that may be a negation or a commitment
    for token in among(sent, [i for i in operators if i not in used and i not in unnegated
                              and (cols.lower[i] in MARKERS.negators or cols.dep[i] in {"neg", "aux"})]):
        if (token.lower_ in MARKERS.negators or token.dep_ == "neg") and not _corrected(token, path) \
                and not unheeded(token) and not unchanged(token) and not otherwise_not(token):
            factors.append(Sign(token.text, -1, token.i, False))
        elif is_commitment(token):
            factors.append(Sign(token.text, 1, token.i, True))
    if cue is not None:
        factors.append(Sign(cue[0], cue[1], -1, True, cue=True))
    return _shielded(sent, anchors, factors), operators


def _shielded(sent: Span, anchors: Sequence[Token], factors: list[Sign]) -> list[Sign]:
    """Harm rule: when the issue is what a harming verb harms ("any attempt to undermine Ukraine's
    territorial integrity"), the harm is regretted and the issue valued; the words above that verb
    — "does not recognize", "will not allow", "we condemn", the cue — speak of the harm, not of
    the issue, and do not reverse the valuing.  The issue's content phrase below the harm still
    counts; one above it says the harm describes that content ("no concessions that could
    undermine our struggle for territorial integrity": the refusal is of the concessions), and
    then every word counts as ever, as it does when a mention of the issue stands outside the
    harm ("continue the mediation efforts, since there are no other mechanisms to promote a
    settlement": the main clause speaks of the mediation)."""
    harms = [f for f in factors if f.shields]
    if not harms:
        return factors
    cols = columns(sent.doc)
    if not all(any(h.start in cols.ancestors(a.i) for h in harms) for a in anchors):
        return factors
    above: set[int] = set()
    for harm in harms:
        above.add(harm.start)
        above.update(cols.ancestors(harm.start))
    first = min(h.start for h in harms)  # words before it that hang from the path are above the harm

    def is_above(f: Sign) -> bool:
        return f.start in above or (0 <= f.start < first and cols.head[f.start] in above)

    if any(f.content and is_above(f) for f in factors):
        return factors
    return [f for f in factors if f.shields or f.content or not (f.cue or is_above(f))]


# conjunctions that put the asserted item after a denied one: "not X but Y", "not X, rather Y"
CORRECTIVE_CONJUNCTIONS = {"but", "rather", "instead"}


def _corrected(negation: Token, path: set[int]) -> bool:
    """Correction rule: in "our goal is not a bilateral agreement, but security guarantees" the
    "not" denies the first item and the item after "but" is what is asserted: the negation does
    not reach an issue on the second item's path; in "we want talks, not war" the "not" denies
    "war", not "talks".  (A conjoined verb with its own subject is its
    own clause already; "not only … but also" is no negation at all.)"""
    doc = negation.doc
    head = negation.head
    if head.i < negation.i and negation.dep_ == "neg" and head.pos_ in {"NOUN", "PROPN"} \
            and doc[negation.i - 1].text == ",":
        # "we want talks, not war": a "not" after the word it hangs from denies the item that
        # follows it ("war"), not that word; it reaches only an issue on that item's path
        denied = [c for c in head.children if c.dep_ in {"appos", "conj"} and c.i > negation.i]
        if denied and not any(c.i in path for c in denied):
            return True
    for i in path:
        item = doc[i]
        if item.dep_ != "conj" or item.i < negation.i:
            continue
        first = item.head
        if negation.head.i != first.i and negation.head not in first.ancestors:
            continue
        if any(c.dep_ == "cc" and c.lower_ in CORRECTIVE_CONJUNCTIONS and negation.i < c.i < item.i
               for c in (*first.children, *item.children)):
            return True
    return False


def negated_expectation(span: Span) -> list[int]:
    """Expectation rule: "I do not expect great results", "we have no hope for talks" forecast
    how things will go; they neither want nor reject them.  The negation's and the marker's token
    indices when the marker is a negated expectation, else empty."""
    root = span.root
    if root.lemma_.lower() not in MARKERS.expectation_verbs:
        return []
    negations = [c.i for c in root.children if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no")]
    return [*negations, *range(span.start, span.end)] if negations else []


def distanced(reading: Reading, sent: Span, anchors: Sequence[Token]) -> list[str]:
    """Distancing rule: "allegedly", "so-called" over the issue report what others claim, which
    the speaker does not take on; so do scare quotes in the speaker's own words (``scare_quotes``)."""
    operators, _ = scope_of(anchors)
    lower = columns(sent.doc).lower
    words = [t.text for t in among(sent, [i for i in operators if lower[i] in MARKERS.distancing])]
    return words + (scare_quoted(anchors) if reading.speaker.quoting else [])


def hedged(sent: Span, operators: set[int]) -> list[str]:
    """Hedge rule: "may", "could", "perhaps" over the issue say what is possible, not what is
    wanted: they lower the confidence."""
    lower = columns(sent.doc).lower
    return [t.text for t in among(sent, [i for i in operators if lower[i] in MARKERS.hedges])]


def rule_polarity(reading: Reading, sent: Span, anchors: Sequence[Token], cue: tuple[str, int] | None,
                  *, named: bool = True, own_clause: bool = False) -> Stance | None:
    """Polarity rule (see the module docstring); None when no word decides."""
    factors, operators = polarity_factors(reading, sent, anchors, cue)
    if own_clause and not any(f.decides for f in factors):
        factors = own_deeds(reading, sent, anchors, factors)
    if not any(f.decides for f in factors):
        return None
    if not named and all(f.start >= 0 and is_commitment(sent.doc[f.start]) for f in factors if f.decides):
        return None  # "I will reveal this secret to you", read for an issue named elsewhere: a promise of that
    if reading.issue.content_decides and not any(f.content for f in factors):
        return None  # content rule: "we must protect our territory" wants the topic, not its giving up
    product = 1
    for f in factors:
        product *= f.sign
    evidence = [f.text for f in sorted(factors, key=lambda f: f.start)]
    label = "support" if product > 0 else "oppose"
    confidence, notes = _confidence(factors, hedged(sent, operators), named, own_clause)
    deciders = ", ".join(f"'{f.text}'" for f in factors if f.decides)
    reason = f"{deciders} on the issue: {label}" + (f" ({'; '.join(notes)})" if notes else "")
    return Stance(label, evidence, confidence=confidence, reason=reason)


def _confidence(factors: Sequence[Sign], hedges: Sequence[str], named: bool, own_clause: bool
                ) -> tuple[float, list[str]]:
    notes: list[str] = []
    words = [f for f in factors if f.decides and not f.cue]
    confidence = BASE if words else CUE_ONLY
    if not words:
        notes.append("only the cue decides")
    if (own_clause or any(f.own for f in words)) and words:
        confidence += OWN_CLAUSE
    if sum(1 for f in factors if f.sign < 0) >= 2:
        confidence -= DOUBLE_NEGATION
        notes.append("double negation")
    if hedges:
        confidence -= HEDGE
        notes.append(f"hedged: {', '.join(hedges)}")
    if not named:
        confidence -= NOT_NAMED
        notes.append("the issue is named outside this sentence")
    return round(min(0.95, max(0.1, confidence)), 2), notes
