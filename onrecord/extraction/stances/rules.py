"""Stance: where a statement stands on an issue's proposition.

Labels: ``support`` (the speaker wants the proposition), ``oppose`` (rejects it),
``conditional`` (accepts it only under a condition), ``unclear``.  Every label comes with the
words that decided it.

The default classifier is rule-based and works offline.  The rules run in this order, each one
a function below:

1. ``rule_declined_cue``   — "wouldn't say whether …": the speaker declined, so unclear;
2. ``rule_asked_cue``      — "asked whether …": a question states no position;
3. ``rule_negated_cue``    — "did not claim that …": the content is not the speaker's;
4. per sentence that mentions the issue (or every sentence, when none does):
   0. ``rule_other_holder`` — "Russia, which does not want …": a relative clause holds its
      antecedent's position, not the speaker's: unclear;
   a. ``rule_condition``   — "if", "only if", "unless", "until", "in exchange for", "once",
      "otherwise" (before the issue), "…, and then X can …"; a condition that demands the
      contrary of the proposition ("fight until the 1991 borders") is a refusal: oppose;
   b. ``rule_requirement`` — "it must guarantee …": a requirement put on the deal, conditional;
   c. ``rule_question``    — a question asserts nothing: unclear;
   d. ``rule_polarity``    — signs multiplied along the issue's path in the parse: markers
      ("ready to" +, "never" −, "unacceptable" −, "no concessions" −), negations (−), the
      content's direction from the taxonomy ("give up" +, "get back" −), the cue's class
      (vowed +, criticized −); without a marker the stance is unclear;
5. ``rule_denied_cue``     — "denied that …": the content's stance reversed (oppose by default).

A ``StanceClassifier`` can replace the rules (``classify.py``; ``llm.py`` asks an
OpenAI-compatible endpoint), and a human label always wins (``model.stance.choose_stance``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from onrecord.extraction.issue_tags import IssueHit, issue_hits, parse_only, phrase_patterns
from onrecord.lexicons.stance_markers import load_stance_markers
from onrecord.lexicons.taxonomy import Issue, Taxonomy, load_taxonomy
from onrecord.model.stance import Stance, StanceLabel

# --- the words the rules look for ------------------------------------------------------------
# Data: lexicons/data/stance_markers.yaml (matched on lemmas, "won't" is "will not").
MARKERS = load_stance_markers()

# Dependency relations of words that operate on the word they hang from (auxiliaries, negation,
# adverbs, predicative adjectives, determiners such as "no"): they scope over the issue.
OPERATOR_DEPS = {"aux", "auxpass", "neg", "advmod", "acomp", "attr", "det", "amod", "prt", "npadvmod",
                 "oprd", "expl"}
# Arguments of the words on the issue's path: content words ("accept neutrality") live here.
ARGUMENT_DEPS = {"dobj", "attr", "oprd", "pobj", "xcomp", "prep", "compound", "nsubj", "nsubjpass"}

_MARKERS: dict[int, tuple[Language, Matcher]] = {}


def marker_matcher(nlp: Language) -> Matcher:
    """The marker lists compiled for a pipeline, once."""
    cached = _MARKERS.get(id(nlp))
    if cached is not None and cached[0] is nlp:
        return cached[1]
    matcher = Matcher(nlp.vocab)
    for key, words in MARKERS.phrases().items():
        matcher.add(key, phrase_patterns(nlp, words))
    matcher.add("oppose", [[dict(t) for t in pattern] for pattern in MARKERS.oppose_patterns])
    _MARKERS[id(nlp)] = (nlp, matcher)
    return matcher


@dataclass
class Sign:
    """One factor of the polarity product: a word, its sign, and whether it alone can decide
    (a marker or the cue) or only modifies (a negation, the content's direction)."""

    text: str
    sign: int
    start: int  # token index, for evidence in text order
    decides: bool


@dataclass
class Reading:
    """A statement parsed for one issue: its sentences, the issue's matches and the markers."""

    doc: Doc
    issue: Issue
    hits: list[IssueHit]
    markers: dict[str, list[Span]]

    def anchors(self, sent: Span) -> list[Token]:
        """The tokens where the issue is mentioned in a sentence."""
        return [self.doc[i] for h in self.hits if h.role == "trigger" and sent.start <= h.start < sent.end
                for i in range(h.start, h.end)]

    def content(self, sent: Span) -> list[tuple[Span, int]]:
        """The issue's content phrases in a sentence with their direction (+1 for, -1 against)."""
        return [(self.doc[h.start:h.end], 1 if h.role == "for" else -1) for h in self.hits
                if h.role in ("for", "against") and sent.start <= h.start < sent.end]

    def in_sent(self, key: str, sent: Span) -> list[Span]:
        return [m for m in self.markers.get(key, []) if sent.start <= m.start < sent.end]


def read(nlp: Language, text: str, issue: Issue, taxonomy: Taxonomy, doc: Doc | None = None) -> Reading:
    """Parse the statement (unless already parsed) and find the issue's matches and the markers."""
    if doc is None or doc.text.rstrip() != text.rstrip():
        doc = parse_only(nlp, [text])[0]
    hits = [h for h in issue_hits(doc, taxonomy, nlp) if h.issue == issue.id]
    markers: dict[str, list[Span]] = {}
    for span in marker_matcher(nlp)(doc, as_spans=True):
        markers.setdefault(span.label_, []).append(span)
    for key in markers:  # "only if" over "if", "will not" over "not"
        markers[key] = sorted(filter_spans(markers[key]), key=lambda s: s.start)
    return Reading(doc, issue, hits, markers)


# --- rules on the cue ------------------------------------------------------------------------


def rule_declined_cue(cue_class: str | None, cue_text: str | None) -> Stance | None:
    """Declined cue: "wouldn't say whether he'd give up territory" takes no position."""
    if cue_class in MARKERS.declined_cues:
        return Stance("unclear", [cue_text or "declined"])
    return None


def rule_asked_cue(cue_class: str | None, cue_text: str | None) -> Stance | None:
    """Asking cue: "asked whether Kyiv would accept a truce" states no position."""
    if cue_class in MARKERS.asked_cues:
        return Stance("unclear", [cue_text or "asked"])
    return None


def rule_negated_cue(negated: bool, cue_text: str | None) -> Stance | None:
    """Negated cue: "never claimed that …" reports what the speaker did not say."""
    if negated:
        return Stance("unclear", [cue_text or "negated cue"])
    return None


def rule_denied_cue(stance: Stance, cue_class: str | None, cue_text: str | None) -> Stance:
    """Denied cue: "denied that Kyiv would cede land" rejects the content; denying a refusal
    ("denied that Kyiv would never negotiate") supports it."""
    if cue_class not in MARKERS.denied_cues:
        return stance
    label: StanceLabel = "support" if stance.label == "oppose" else "oppose"
    return Stance(label, [cue_text or "denied", *stance.evidence])


def cue_sign(cue_class: str | None, cue_text: str | None) -> int:
    if cue_class == "call" and cue_text and re.search(r"\bfor\b", cue_text.lower()):
        return 1
    return MARKERS.cue_signs.get(cue_class or "", 0)


# --- rules on a sentence ---------------------------------------------------------------------


def protasis_of(marker: Span) -> Span:
    """The condition a marker introduces: the clause it marks ("if [we want to stop …]"), the
    object of a preposition ("in exchange for [NATO membership]"), else up to the next comma."""
    doc = marker.doc
    last = marker[-1]
    if last.dep_ == "mark" and last.head.i != last.i:
        tokens = list(last.head.subtree)
        return doc[tokens[0].i : tokens[-1].i + 1]
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


def rule_condition(reading: Reading, sent: Span, anchors: Sequence[Token]) -> Stance | None:
    """Condition rule: a condition in the sentence makes the stance conditional ("only if",
    "in exchange for", "until", "once").  Maximal-demand sub-rule: when the condition is the
    contrary of the proposition ("fight until the country is returned to its 1991 borders"),
    nothing short of it is accepted, so the stance is oppose."""
    concessive = reading.in_sent("concessive", sent)
    against = [span for span, sign in reading.content(sent) if sign < 0]
    found: list[str] = []
    for marker in reading.in_sent("condition", sent):
        if any(c.start <= marker.start < c.end for c in concessive):
            continue  # "even if": the stance holds whatever happens
        protasis = protasis_of(marker)
        demanded = [a for a in against if _inside(a, protasis)]
        if demanded:
            return Stance("oppose", [marker.text, *(a.text for a in demanded)])
        if anchors and all(protasis.start <= a.i < protasis.end for a in anchors):
            # the issue is the condition, not what is conditioned ("if Putin agrees to a
            # ceasefire, we are in good shape"): no condition on it
            continue
        found.append(marker.text)
    # "otherwise" = "if not …": conditional for an issue named after it
    for marker in reading.in_sent("otherwise", sent):
        if any(a.i >= marker.end for a in anchors):
            found.append(marker.text)
    found.extend(contingent_then(sent))
    return Stance("conditional", found) if found else None


def contingent_then(sent: Span) -> list[str]:
    """Contingent-sequence rule: "X, and then Ukraine can get back Y" makes Y depend on X
    first: a "then" after "and" or a comma, over a modal verb."""
    out = []
    for token in sent:
        if token.lower_ != "then" or token.i == sent.start:
            continue
        before = token.doc[token.i - 1]
        modal = any(c.dep_ == "aux" and c.lemma_.lower() in MARKERS.contingent_modals for c in token.head.children)
        if before.lower_ in {"and", ","} and modal:
            out.append(f"{before.text} then" if before.lower_ == "and" else "then")
    return out


def rule_requirement(sent: Span, anchors: Sequence[Token]) -> Stance | None:
    """Requirement rule: "it must guarantee Putin will not come back", "any deal should include
    …": a requirement put on the deal makes the stance on it conditional."""
    anchor_ids = {a.i for a in anchors}
    for token in sent:
        if token.lemma_.lower() not in MARKERS.requirement_verbs or token.i in anchor_ids:
            continue
        modals = [c for c in token.children if c.dep_ == "aux" and c.lemma_.lower() in MARKERS.requirement_modals]
        modal = modals[0] if modals else None
        subject = next((c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if modal is None or subject is None:
            continue
        about_deal = (subject.lower_ in MARKERS.subject_pronouns or subject.lemma_.lower() in MARKERS.deal_nouns
                      or any(t.i in anchor_ids for t in subject.subtree))
        if about_deal:
            return Stance("conditional", [modal.text, token.text])
    return None


def rule_question(sent: Span, anchors: Sequence[Token]) -> Stance | None:
    """Question rule: a question ("Would we ever cede Crimea?") asserts no position.  The
    question starts at a wh-word that opens a clause ("…, how are we going to …?"), else at the
    sentence start; the issue must be named inside it."""
    words = [t for t in sent if not t.is_space and t.text not in {"”", "\"", "’", "'"}]
    if not words or words[-1].text != "?":
        return None
    start = sent.start
    for t in words:
        before = t.doc[t.i - 1] if t.i > sent.start else None
        opens_clause = (before is None or before.is_punct or before.pos_ in {"CCONJ", "SCONJ"}
                        or before.lower_ == "so")
        if t.tag_ in {"WRB", "WP", "WDT"} and opens_clause:
            start = t.i
    if anchors and not any(a.i >= start for a in anchors):
        return None
    return Stance("unclear", ["?"])


def scope_of(anchors: Sequence[Token]) -> tuple[set[int], set[int]]:
    """The words that operate on the issue: its path up the parse to the root and the
    operators hanging from that path ("not", "will", "ready"); and, wider, the arguments of the
    path's words, where content words sit ("accept [neutrality]")."""
    path: set[int] = set()
    for anchor in anchors:
        token = anchor
        while token.i not in path:
            path.add(token.i)
            if token.head.i == token.i or is_own_clause(token):
                break
            token = token.head
    operators = set(path)
    arguments = set(path)
    for i in path:
        for child in anchors[0].doc[i].children:
            if child.dep_ in OPERATOR_DEPS:
                operators.add(child.i)
            if child.dep_ in OPERATOR_DEPS | ARGUMENT_DEPS:
                arguments.add(child.i)
    return operators, arguments


def is_own_clause(token: Token) -> bool:
    """Clause rule: the operators of a clause do not reach into another clause that hangs from it.
    A conjoined verb with its own subject is a separate assertion ("I don't know about Russia, but
    we expect a ceasefire"); without its own subject it shares them ("will not give up land or
    cede Crimea").  A relative clause is its own clause too: in "We, who want to join NATO, will
    not wait forever" the "not" of "wait" says nothing about joining."""
    if token.dep_ == "relcl":
        return True
    return token.dep_ == "conj" and token.pos_ in {"VERB", "AUX"} and any(
        c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in token.children)


def rule_polarity(reading: Reading, sent: Span, anchors: Sequence[Token], cue: tuple[str, int] | None
                  ) -> Stance | None:
    """Polarity rule: multiply the signs of the words that scope over the issue — markers
    ("ready to" +1, "never" -1), negations (-1), "we will" (a commitment, +1), the cue's class
    (vowed +1) and the direction of the content ("give up" +1, "get back" -1).  Positive is
    support, negative oppose; with no marker, cue or commitment there is no stance (unclear)."""
    operators, arguments = scope_of(anchors)
    spans = [(s, 1, True) for s in reading.in_sent("support", sent)]
    spans += [(s, -1, True) for s in reading.in_sent("oppose", sent)]
    content = list(reading.content(sent))
    spans += [(s, sign, False) for s, sign in content if not surrendered(s, sign, content)]
    # one word counts once: the longest phrase wins ("no concessions" over "concession")
    kept = {(s.start, s.end) for s in filter_spans([s for s, _, _ in spans])}
    factors: list[Sign] = []
    used: set[int] = set()
    for span, sign, decides in spans:
        if (span.start, span.end) not in kept:
            continue
        # markers and content may sit on an argument of the path ("offer [no concessions] on
        # our land"); bare negations only count as operators (below)
        if any(t.i in arguments for t in span):
            factors.append(Sign(span.text, sign, span.start, decides))
            used.update(range(span.start, span.end))
            kept.discard((span.start, span.end))
    for token in sent:
        if token.i in used or token.i not in operators:
            continue
        if token.lower_ in MARKERS.negators or token.dep_ == "neg":
            factors.append(Sign(token.text, -1, token.i, False))
        elif is_commitment(token):
            factors.append(Sign(token.text, 1, token.i, True))
    if cue is not None:
        factors.append(Sign(cue[0], cue[1], -1, True))
    if not any(f.decides for f in factors):
        return None
    product = 1
    for f in factors:
        product *= f.sign
    evidence = [f.text for f in sorted(factors, key=lambda f: f.start)]
    return Stance("support" if product > 0 else "oppose", evidence)


def surrendered(span: Span, sign: int, content: Sequence[tuple[Span, int]]) -> bool:
    """Object rule: what a relinquishing phrase governs is what is given up, not a second
    direction.  In "never give up our territorial integrity" the contrary content ("territorial
    integrity") is the object of the content ("give up"): it must not flip the sign again."""
    if sign >= 0:
        return False
    def governed_by(other: Span) -> bool:
        # the parser sometimes makes the relinquishing noun the subject of the preposition-like
        # verb that holds the object ("[compromises] concerning our territorial integrity")
        head = other.root.head if other.root.dep_ in {"nsubj", "nsubjpass"} else other.root
        return span.root.i != other.root.i and span.root.i in {t.i for t in head.subtree} and other.start < span.start

    return any(other_sign > 0 and governed_by(other) for other, other_sign in content)


def is_commitment(token: Token) -> bool:
    """Commitment rule: "we will" / "I will" is a promise (a prediction with any other subject)."""
    if token.lemma_.lower() not in {"will", "shall"} or token.dep_ != "aux":
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in MARKERS.first_person for c in token.head.children)


# --- putting the rules together -------------------------------------------------------------


def _combine(stances: list[Stance]) -> Stance:
    """One stance from the sentences: a condition anywhere makes it conditional; sentences that
    agree give their label; sentences that disagree leave it unclear."""
    conditional = [s for s in stances if s.label == "conditional"]
    if conditional:
        return Stance("conditional", [w for s in conditional for w in s.evidence])
    decided = [s for s in stances if s.label in ("support", "oppose")]
    labels = {s.label for s in decided}
    if len(labels) == 1:
        return Stance(decided[0].label, [w for s in decided for w in s.evidence])
    if len(labels) > 1:
        return Stance("unclear", [w for s in decided for w in s.evidence], note="sentences disagree")
    return Stance("unclear", [w for s in stances for w in s.evidence])


def relative_clause_of(token: Token) -> Token | None:
    """The head of the relative clause a token sits in ("which does not want …"), or None."""
    for ancestor in (token, *token.ancestors):
        if ancestor.dep_ == "relcl":
            return ancestor
    return None


def rule_other_holder(anchors: Sequence[Token]) -> Stance | None:
    """Holder rule: a relative clause describes the noun it hangs from — in "Russia, which does not
    want Ukraine to be a member of NATO" the position is Russia's, not the speaker's.  When every
    mention of the issue sits in a relative clause whose antecedent is not "we" or "I", the
    sentence takes no stance of the speaker's."""
    if not anchors:
        return None
    holders = []
    for anchor in anchors:
        clause = relative_clause_of(anchor)
        if clause is None:
            return None
        holders.append(clause.head)  # the antecedent: whose position the clause states
    if any(h.lower_ in MARKERS.first_person or h.lower_ in {"us", "me", "our", "my"} for h in holders):
        return None
    return Stance("unclear", [])


def sentence_stance(
    reading: Reading, sent: Span, anchors: Sequence[Token], cue: tuple[str, int] | None, named: bool
) -> Stance:
    """The rules in order for one sentence; ``named`` is False when the issue is not named in
    the statement and the anchors are the sentence's root."""
    rules = (
        lambda: rule_other_holder(anchors if named else []),
        lambda: rule_condition(reading, sent, anchors),
        lambda: rule_requirement(sent, anchors if named else []),
        lambda: rule_question(sent, anchors),
        lambda: rule_polarity(reading, sent, anchors, cue),
    )
    for rule in rules:
        stance = rule()
        if stance is not None:
            return stance
    return Stance("unclear", [])



def stance_for(
    statement_text: str,
    issue_id: str,
    cue_class: str | None = None,
    negated: bool = False,
    taxonomy: Taxonomy | None = None,
    *,
    nlp: Language,
    cue_text: str | None = None,
    doc: Doc | None = None,
) -> Stance:
    """The rule-based stance of a statement (its quote, or the reporter's sentence for a
    reported position) on one issue, with the words that decided it.  ``doc``: the text
    already parsed by ``nlp``, to parse once for several issues."""
    taxonomy = taxonomy or load_taxonomy()
    issue = taxonomy[issue_id]
    for early in (rule_declined_cue(cue_class, cue_text), rule_asked_cue(cue_class, cue_text),
                  rule_negated_cue(negated, cue_text)):
        if early is not None:
            return early
    if not statement_text.strip():
        return Stance("unclear", [])
    reading = read(nlp, statement_text, issue, taxonomy, doc)
    sign = cue_sign(cue_class, cue_text)
    cue = (cue_text or cue_class or "", sign) if sign else None
    sents = list(reading.doc.sents)
    mentioned = [(s, reading.anchors(s)) for s in sents]
    mentioned = [(s, a) for s, a in mentioned if a]
    named = bool(mentioned)
    if not named:
        # the issue is named outside the quote (in the attribution sentence, or a statement
        # before): every sentence counts, from its root
        mentioned = [(s, [s.root]) for s in sents]
    stance = _combine([sentence_stance(reading, s, a, cue, named) for s, a in mentioned])
    return rule_denied_cue(stance, cue_class, cue_text)

