"""Stance rules for conditions: "only if", "in exchange for", "unless", "until", "otherwise",
"impossible without", "…, and then X can …", and requirements put on a deal ("any deal must
include …", "negotiations must be based on …")."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from spacy.tokens import Span, Token

from onrecord.extraction.heads import governing_verb
from onrecord.extraction.stances.columns import columns
from onrecord.extraction.stances.holders import can_hold
from onrecord.extraction.stances.negations import counterfactual_past
from onrecord.extraction.stances.reading import MARKERS, Reading, memo, spelled
from onrecord.model.stance import Stance

# A condition named by one of these is explicit; a bare "if" may be a supposition.
STRONG_CONDITIONS = {"only if", "unless", "until", "in exchange for", "in return for", "provided that",
                     "providing that", "as long as", "on condition that", "on the condition that",
                     "only after", "only when", "only with", "once", "as soon as"}
# Conditions only when they open a clause ("once the lists are agreed"): "was once" and "as long
# as necessary" say when, not on what condition.
CLAUSE_CONDITIONS = {"once", "as long as", "as soon as"}


def _opens_clause(word: Token) -> bool:
    """The word introduces a clause: marks it, or hangs from a verb that follows ("once a
    ceasefire holds"), not inside a verb group ("that was once made") nor from a word before it
    ("fight as long as necessary")."""
    before = word.doc[word.i - 1] if word.i > 0 else None
    # "was once made": the auxiliary before it belongs to the same verb
    inside_verb = before is not None and before.pos_ == "AUX" and before.head.i == word.head.i
    return word.dep_ == "mark" or (word.head.i > word.i and word.head.pos_ in {"VERB", "AUX"} and not inside_verb)


def protasis_of(marker: Span) -> Span:
    """The condition a marker introduces: the clause it marks ("if [we want to stop …]"), the
    object of a preposition ("in exchange for [NATO membership]"), else up to the next comma."""
    doc = marker.doc
    last = marker[-1]
    if last.dep_ == "mark" and last.head.i != last.i:
        tokens = list(last.head.subtree)
        end = tokens[-1].i + 1
        if marker.start < marker.sent.root.i:
            # a condition put first ends at its comma ("if A, if B, we …"), whatever the parse
            end = max(end, next((t.i for t in doc[marker.end : marker.sent.root.i] if t.text == ","), end))
        return doc[min(tokens[0].i, marker.start) : end]
    if last.dep_ in {"prep", "agent"} or last.pos_ == "ADP":
        tokens = list(last.subtree)
        if len(tokens) > 1:
            return doc[tokens[0].i : tokens[-1].i + 1]
    end = marker.end
    sent_end = marker.sent.end
    while end < sent_end and doc[end].text not in {",", ";", ":", ".", "?", "!"}:
        end += 1
    return doc[marker.start : end]


def _inside(span: Span, outer: Span) -> bool:
    return outer.start <= span.start and span.end <= outer.end


def _path(anchors: Sequence[Token]) -> set[int]:
    out: set[int] = set()
    for anchor in anchors:
        out.add(anchor.i)
        out.update(columns(anchor.doc).ancestors(anchor.i))
    return out


def _negated_in_clause(token: Token) -> bool:
    """The word a preposition hangs from, or its clause, is negative ("impossible without",
    "cannot … without", "no deal without")."""
    for word in (token, *token.ancestors):
        if word.lower_ in MARKERS.negative_predicates:
            return True
        for child in word.children:
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
                return True
            if child.dep_ in {"acomp", "attr"} and child.lower_ in MARKERS.negative_predicates:
                return True
        if word.dep_ in {"ROOT", "ccomp", "advcl", "relcl"} or word.pos_ in {"VERB", "AUX"}:
            break
    return False


def rule_without(sent: Span, anchors: Sequence[Token], contrary: Sequence[Span] = (),
                 content: Sequence[Span] | None = None) -> Stance | None:
    """Double-negative condition rule: "impossible without the United States", "no deal without
    Ukraine" mean "only with it", "we cannot talk about a ceasefire before the withdrawal" means
    "only after it": what depends on it is conditional, and what it names is required, so wanted
    ("peace is impossible without security guarantees" supports the guarantees) — unless what it
    names is the proposition's contrary (``contrary``: its ``against`` phrases; "no ceasefire
    before the withdrawal of the troops" requires the land back: oppose to giving it up).  For an
    issue whose triggers name only its topic (``content``: its for and against phrases, given when
    the taxonomy says ``content_decides``), what is required must say which way ("cannot sign
    without settling the territorial issues" requires a settlement, not that land be given up).  The
    preposition must bear on the issue: hang from its path, or hold it."""
    path = _path(anchors)
    for token in spelled(sent, ("without", "before")):
        if token.dep_ != "prep" or not _negated_in_clause(token.head):
            continue
        if counterfactual_past(token.head):
            continue  # "without him, this deadlock would not have been broken": credit for the past, no condition
        required = {t.i for t in token.subtree}
        if anchors and token.head.i not in path and not any(a.i in required for a in anchors):
            continue
        if anchors and all(a.i in required for a in anchors):
            if content is not None and not any(span.start in required for span in content):
                return None  # the topic required, no direction of it
            if any(span.start in required for span in contrary):
                return Stance("oppose", [token.text], confidence=0.7,
                              reason="its contrary is named as what cannot be done without: required")
            return Stance("support", [token.text], confidence=0.7,
                          reason="named as what cannot be done without: required, so wanted")
        return Stance("conditional", [token.text], confidence=0.8,
                      reason=f"only with what follows '{token.text}' (a double negative)")
    return None


# the words that say what a clause is about: who or what it is, has or does something to
CORE_DEPS = {"nsubj", "nsubjpass", "attr", "dobj"}


def restated(protasis: Span) -> bool:
    """Restatement rule: a condition that names again what its main clause names ("there's no
    deal until there's a deal", "no peace until there is peace") sets no condition: it says the
    thing is not there yet.  The condition's verb and the verb it hangs from have a subject,
    object or predicate noun of the same lemma."""
    verb = protasis.root
    main = verb.head
    if main.i == verb.i:
        return False

    def core(token: Token) -> set[str]:
        return {c.lemma_.lower() for c in token.children
                if c.dep_ in CORE_DEPS and c.pos_ in {"NOUN", "PROPN"} and c.is_alpha}

    return bool(core(verb) & core(main))


def rule_condition(reading: Reading, sent: Span, anchors: Sequence[Token]) -> Stance | None:
    """Condition rule: a condition in the sentence makes the stance conditional ("only if",
    "in exchange for", "until", "once").  Maximal-demand sub-rule: when the condition is the
    contrary of the proposition ("fight until the country is returned to its 1991 borders"),
    nothing short of it is accepted, so the stance is oppose.  Protasis sub-rule: when the issue
    is named only inside the condition, it is what the speaker's plan depends on, not what
    depends on something: a condition on its absence ("if partners are not ready to see Ukraine
    in NATO, …") is conditional, with low confidence; a condition on its presence ("if they agree
    to a ceasefire, we are in good shape") is left to the other rules."""
    concessive = reading.in_sent("concessive", sent)
    against = [span for span, sign in reading.content(sent) if sign < 0]
    found: list[str] = []
    strong = False
    # the issue named only inside conditions is what the sentence depends on: no other condition
    # binds it ("if our people are killed, if a referendum is held in the occupied territories, …")
    only_supposed = in_protasis(reading, sent, anchors)
    unset = reading.in_sent("not_condition", sent)
    for marker in reading.in_sent("condition", sent):
        if any(c.start <= marker.start < c.end for c in concessive):
            continue  # "even if": the stance holds whatever happens
        if any(c.start <= marker.start < c.end for c in unset):
            continue  # "until now", "once again", "if possible": no condition
        if len(marker) == 1 and marker.root.dep_ in {"pcomp", "pobj"}:
            continue  # "at once", "for once": no condition
        if marker.text.lower() in CLAUSE_CONDITIONS and not _opens_clause(marker[-1]):
            continue  # "that was once …", "fight as long as necessary": a time, no clause, no condition
        after = marker.doc[marker.end] if marker.end < len(marker.doc) else None
        if after is not None and after.lower_ == "possible":
            continue  # "as soon as possible": urgency, no condition
        protasis = protasis_of(marker)
        demanded = [a for a in against if _inside(a, protasis)]
        if demanded and (marker.text.lower() in STRONG_CONDITIONS or not forecast_under(marker)):
            return Stance("oppose", [marker.text, *(a.text for a in demanded)], confidence=0.8,
                          reason="nothing short of the contrary is accepted (a maximal demand)")
        if demanded:
            continue  # "a treaty can be annulled if they do not withdraw": a forecast, no demand
        if anchors and all(protasis.start <= a.i < protasis.end for a in anchors) and persists_until(marker):
            return Stance("support", [marker.text], confidence=0.75,
                          reason="not stopping until it happens: it is what is worked for")
        if restated(protasis):
            # "there's no deal until there's a deal": not there yet; no condition, and no refusal
            return Stance("unclear", [marker.text], confidence=0.6,
                          reason=f"the condition ({marker.text}) names again what it conditions: not there yet")
        if anchors and all(protasis.start <= a.i < protasis.end for a in anchors):
            if _negated_in_protasis(protasis, anchors, reading):
                return Stance("conditional", [marker.text], confidence=0.5,
                              reason="the issue is named only in a condition on its absence")
            continue
        if only_supposed:
            continue
        if marker.text.lower() == "until" and not _refused(_main_verb(marker)):
            continue  # "we will continue to supply weapons until Ukraine wins": how long, not on what condition
        if anchors and not _conditions_mention(marker, anchors):
            continue  # "we need a ceasefire, and if it happens, the talks can start": not on the ceasefire
        found.append(marker.text)
        strong = strong or marker.text.lower() in STRONG_CONDITIONS
    # "otherwise" = "if not …": conditional for an issue named after it
    for marker in reading.in_sent("otherwise", sent):
        if any(a.i >= marker.end for a in anchors) and not counterfactual_past(marker.root.head):
            found.append(marker.text)
    # the mentions and its content's words ('we can get the rest back')
    named = [*anchors, *(span.root for span, _ in reading.content(sent))]
    then = contingent_then(sent, named)
    found.extend(then)
    if not found:
        return None
    # a bare "if" is often a supposition ("if this happens, there will be …"): below the
    # confidence positions need (timeline.stances.CONFIDENT); an explicit condition is surer
    confidence = 0.8 if strong else 0.6 if found == then else 0.65
    return Stance("conditional", found, confidence=confidence,
                  reason=f"accepted under a condition ({', '.join(found)})")


def _main_verb(marker: Span) -> Token:
    """The verb a condition is put on: the head of the clause the marker opens, or of the
    preposition ("until victory")."""
    last = marker[-1]
    return last.head.head if last.dep_ == "mark" else last.head


def _conditions_mention(marker: Span, anchors: Sequence[Token]) -> bool:
    """Scope rule for conditions: a condition binds the clause it hangs from and what that clause
    holds; the clause holding a mention of the issue ("we need a ceasefire, and if it happens,
    the talks can start" puts the condition on the talks, not on the ceasefire).  A sentence read
    from its root (the issue named elsewhere) is bound by any condition in it, and a condition put
    before the main verb binds the whole sentence, whatever the parse ("if A, if B, Ukraine will
    withdraw from the negotiation process")."""
    if marker.start < marker.sent.root.i:
        return True
    last = marker[-1]
    verb = governing_verb(last.head)  # "[accept] peacekeepers as long as they come …"
    if last.dep_ in {"mark", "advmod"} and last.head.i == verb.i and verb.head.i != verb.i:
        # the marker opens the condition's own clause ("once a ceasefire [holds]", "but only if all
        # members [agree]"): the condition is put on the verb that clause hangs from
        verb = governing_verb(verb.head)
    cols = columns(marker.doc)
    return any(a.i == verb.i or a.i == a.sent.root.i or verb.i in cols.ancestors(a.i) for a in anchors)


def _refused(verb: Token) -> bool:
    """Until rule: "until" sets a condition on a refusal ("no talks until the troops withdraw",
    "we will not sign anything until …", "impossible until …"); on an assertion it says how long
    ("we will support Ukraine until it wins", "sanctions stay until Russia withdraws")."""
    if _negated_in_clause(verb):
        return True
    return any(c.dep_ in {"nsubj", "nsubjpass", "attr", "dobj"}
               and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children) for c in verb.children)


def forecast_under(marker: Span) -> bool:
    """Forecast rule for conditions: a bare condition on what a thing will do ("a treaty can be
    annulled if the troops do not withdraw") forecasts; it is no demand of anyone's.  The clause
    it conditions has a subject that cannot hold a position."""
    verb = _main_verb(marker)
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return subject is not None and not can_hold(subject) and subject.lower_ not in MARKERS.first_person \
        and subject.lower_ not in MARKERS.subject_pronouns


def persists_until(marker: Span) -> bool:
    """Persistence rule: "he will not stop until there is a peace agreement", "we will never rest
    until the prisoners are home": refusing to stop before something happens is working for it,
    so what the until-clause names is wanted (a double negative, not a refusal)."""
    if marker.text.lower() != "until":
        return False
    verb = _main_verb(marker)
    return verb.lemma_.lower() in MARKERS.persistence_verbs and any(
        c.dep_ == "neg" or c.lower_ == "never" for c in verb.children)


def outside_conditions(reading: Reading, sent: Span, anchors: Sequence[Token]) -> list[Token]:
    """The mentions of the issue that are not inside a condition ("if partners are not ready to
    see Ukraine in NATO, …" is a supposition, not anyone's stated position)."""
    spans = [protasis_of(m) for m in reading.in_sent("condition", sent)]
    return [a for a in anchors if not any(p.start <= a.i < p.end for p in spans)]


def in_protasis(reading: Reading, sent: Span, anchors: Sequence[Token]) -> bool:
    """Every mention of the issue sits inside a condition."""
    return bool(anchors) and not outside_conditions(reading, sent, anchors)


def _negated_in_protasis(protasis: Span, anchors: Sequence[Token], reading: Reading | None = None) -> bool:
    ids = {a.i for a in anchors}
    for anchor in anchors:
        for word in (anchor, *anchor.ancestors):
            if not protasis.start <= word.i < protasis.end:
                break
            unnegated = {t.i for span in reading.in_sent("not_negation", protasis.sent) for t in span} \
                if reading is not None else set()
            if any((c.dep_ == "neg" or c.lower_ in MARKERS.negators) and c.i not in unnegated
                   for c in word.children if c.i not in ids):
                return True
    return False


def contingent_then(sent: Span, named: Sequence[Token]) -> list[str]:
    """Contingent-sequence rule: "X, and then Ukraine can get back Y" makes Y depend on X
    first: a "then" after "and" or a comma, over a modal verb.  What comes first is no condition
    on itself ("first steps must be taken to stop the war, and then diplomacy will be in place"
    wants the war stopped): the issue (its mentions or its content's words, ``named``) must be
    named after the "then"."""
    out = []
    for token in spelled(sent, ("then",)):  # found in the column, not by a walk
        if token.i == sent.start or not any(a.i > token.i for a in named):
            continue
        before = token.doc[token.i - 1]
        modal = any(c.dep_ == "aux" and c.lemma_.lower() in MARKERS.contingent_modals for c in token.head.children)
        if before.lower_ in {"and", ","} and modal:
            out.append(f"{before.text} then" if before.lower_ == "and" else "then")
    return out


def _about_deal(subject: Token, anchor_ids: set[int]) -> bool:
    return (subject.lower_ in MARKERS.subject_pronouns or subject.lemma_.lower() in MARKERS.deal_nouns
            or any(t.i in anchor_ids for t in subject.subtree))


def _modal_predicates(sent: Span) -> list[tuple[Token, list[Token], Token]]:
    """The words of a sentence with a requirement modal ("must", "should") and a subject, each with
    its modals and its subject, in order: the same for every issue the sentence is read for."""
    doc = sent.doc
    cols = columns(doc)  # every word's children read as numbers: Tokens only for what is found
    out = []
    for i in range(sent.start, sent.end):
        kids = cols.children[i]
        modals = [c for c in kids if cols.dep[c] in {"aux", "auxpass"} and cols.lemma[c] in MARKERS.requirement_modals]
        subject = next((c for c in kids if cols.dep[c] in {"nsubj", "nsubjpass"}), None) if modals else None
        if subject is not None:
            out.append((doc[i], [doc[m] for m in modals], doc[subject]))
    return out


def rule_requirement(reading: Reading, sent: Span, anchors: Sequence[Token]) -> Stance | None:
    """Requirement rule: a deontic modal over a deal or the issue as subject that sets the terms
    it rests on or the way it goes ("negotiations must be based on common sense", "talks should
    take place through dialogue") puts a requirement on it: conditional.  That the deal must
    happen at all ("negotiations must be held", "sanctions must stay") is a demand for it, what
    the requirement names ("must include security guarantees") is wanted, and so is the deal that
    must bring it ("peace agreements must provide a mechanism of guarantees", "the treaty must
    contain a provision": a reader takes the speaker to want the deal, with that in it — every
    such statement of the development sets was read so): all are left to the polarity rule."""
    anchor_ids = {a.i for a in anchors}
    content = {i for span, _ in reading.content(sent) for i in range(span.start, span.end)}
    for token, modals, subject in memo(sent.doc, ("onrecord.required", sent.start, sent.end),
                                       partial(_modal_predicates, sent)):
        if token.i in anchor_ids or token.i in content or not _about_deal(subject, anchor_ids):
            continue
        required = {t.i for t in token.subtree} - {t.i for t in subject.subtree}
        if anchors and all(a.i in required for a in anchors):
            continue  # the issue is what is required: wanted
        if token.lemma_.lower() in MARKERS.occurrence_verbs and not _manner(token):
            continue  # it must happen: wanted
        if token.lemma_.lower() == "be" and any(c.dep_ == "acomp" for c in token.children) and not _manner(token):
            continue  # "guarantees must be legally binding", "peace must be just": wanted, of that quality
        if token.lemma_.lower() == "be" and any(c.dep_ == "attr" and c.lemma_.lower() in MARKERS.stage_nouns
                                                for c in token.children):
            continue  # "a ceasefire should be the beginning of negotiations": wanted, as a step
        if not _manner(token) and token.lemma_.lower() not in MARKERS.terms_verbs:
            continue  # what it must bring ("must provide", "must include"): the deal is wanted with it
        return Stance("conditional", [modals[0].text, token.text], confidence=0.65,
                      reason=f"a requirement put on it ({modals[0].text} {token.text})")
    return None


def _manner(token: Token) -> bool:
    """The predicate says how, on what terms or with whom ("through dialogue", "on the basis of",
    "without ultimatums", "with Ukraine at the table", "within the Normandy format").  A time is no
    term: "within three days" says when ("the treaty must contain a provision according to which,
    within three days …": the deal is wanted with it)."""
    return any(c.dep_ == "prep" and c.lower_ in {"through", "on", "with", "without", "under", "within"}
               and not (c.lower_ == "within" and _is_time(c)) for c in token.children)


# the nouns of a span of time: "within three days" says when, not on what terms
TIME_NOUNS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "period", "time", "timeframe"})


def _is_time(preposition: Token) -> bool:
    """The preposition's first noun is a span of time ("within three days", "within a month"); read
    from the words after it, as the parser does not always make the noun its object."""
    after = preposition.doc[preposition.i + 1:preposition.i + 4]
    noun = next((t for t in after if t.pos_ in {"NOUN", "PROPN"}), None)
    return noun is not None and noun.lemma_.lower() in TIME_NOUNS


# what a precondition is called: "needed", "necessary", "a precondition" (to start the talks)
NECESSARY_WORDS = frozenset({"necessary", "needed", "required", "essential", "indispensable", "prerequisite",
                             "precondition", "condition"})
# verbs that start a process: what must come before them is its precondition
STARTING_VERBS = frozenset({"start", "begin", "launch", "open", "resume", "restart", "commence", "hold"})


def _starting_clause(word: Token) -> Token | None:
    """The infinitive of starting under a word ("needed [to start the dialogue]", "necessary [for
    talks to begin]", "a precondition [to start negotiations]")."""
    return next((c for c in word.children if c.dep_ in {"xcomp", "advcl", "acl"} and c.lemma_.lower() in STARTING_VERBS
                 and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)), None)


def _preconditions(sent: Span) -> list[tuple[Token, Token, Token, bool]]:
    """The sentence's predicates of necessity with a subject and an infinitive of starting, each as
    (the word that names the necessity, its subject, the starting verb, whether it is denied): the
    same for every issue the sentence is read for.  Only "need" and "be" are made Tokens (the
    columns say which)."""
    doc = sent.doc
    cols = columns(doc)
    out = []
    for i in range(sent.start, sent.end):
        if cols.lemma[i] not in {"need", "be"}:
            continue
        token = doc[i]
        if token.lemma_.lower() == "need":
            if token.tag_ != "VBN":
                continue  # "we need to start talks": a need, no precondition
            words = [token]
        else:
            words = [c for c in token.children if c.dep_ in {"acomp", "attr"} and c.lower_ in NECESSARY_WORDS]
            words += [token] if words else []
        subject = next((c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        start = next((s for w in words if (s := _starting_clause(w)) is not None), None)
        if subject is not None and start is not None and subject.pos_ != "PRON" and not can_hold(subject):
            out.append((words[0], subject, start, any(c.dep_ == "neg" for c in token.children)))
    return out


def rule_precondition(sent: Span, anchors: Sequence[Token]) -> Stance | None:
    """Precondition rule: something other than the issue named as needed for the issue to start
    ("a complete ceasefire is needed to start the dialogue", "the withdrawal of the troops is a
    precondition to start negotiations") makes the issue wait on it: conditional.  Not when the
    subject is the issue itself ("negotiations are needed to end the war": wanted), a person or an
    empty "it" ("we need to start talks", "it is necessary to start the dialogue": wanted).
    Denied ("a ceasefire is not needed to start the dialogue"), the issue waits on nothing: it is
    wanted without it — the negation is of the precondition, not of the issue in its clause."""
    if not anchors:
        return None
    anchor_ids = {a.i for a in anchors}
    for word, subject, start, denied in memo(sent.doc, ("onrecord.preconditions", sent.start, sent.end),
                                     partial(_preconditions, sent)):
        if any(t.i in anchor_ids for t in subject.subtree) or not anchor_ids <= {t.i for t in start.subtree}:
            continue
        if denied:
            return Stance("support", ["not", word.text, start.text], confidence=0.6,
                          reason=f"no precondition before it starts (not {word.text} to {start.text})")
        return Stance("conditional", [word.text, start.text], confidence=0.65,
                      reason=f"named as what must come before it starts ({word.text} to {start.text})")
    return None
