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

A ``StanceClassifier`` can replace the rules: ``OpenAICompatibleStance`` asks an
OpenAI-compatible chat endpoint (a local vLLM or Ollama server), only when configured, and falls
back to the rules on any error.  A human label always wins (``choose_stance``).
"""

from __future__ import annotations

import json
import re
import urllib.request
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol, runtime_checkable

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from onrecord.components.issues import (
    STANCE_LABELS,
    Issue,
    IssueHit,
    Taxonomy,
    issue_hits,
    load_taxonomy,
    parse_only,
    phrase_patterns,
)

StanceLabel = Literal["support", "oppose", "conditional", "unclear"]
Source = Literal["rules", "model", "human"]


@dataclass
class Stance:
    label: StanceLabel
    evidence: list[str] = field(default_factory=list)
    source: Source = "rules"
    note: str | None = None  # e.g. why a model's answer was not used

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"label": self.label, "evidence": list(self.evidence), "source": self.source}
        if self.note:
            d["note"] = self.note
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Stance:
        label = d["label"]
        if label not in STANCE_LABELS:
            raise ValueError(f"unknown stance label {label!r}; one of {list(STANCE_LABELS)}")
        return cls(label, list(d.get("evidence", [])), d.get("source", "rules"), d.get("note"))


# --- the words the rules look for ------------------------------------------------------------
# Matched on lemmas (``phrase_patterns``): "won't" is "will not", "cannot" is "can not".

# Modality and attitude that take the issue's content as wanted.
SUPPORT_MARKERS = (
    "ready to", "ready for", "willing to", "prepared to", "open to", "must", "need", "should",
    "have to", "want", "support", "welcome", "agree", "accept", "favor", "favour", "call for",
    "push for", "insist", "adamant", "determined to", "committed to", "necessary", "essential",
    "endorse", "choose", "goal", "aim", "strive", "seek", "aspire", "aspiration", "priority",
    "positive", "willingness", "importance", "important", "first step", "step toward", "step towards",
    # pursuit and hope: the holder works for the content or counts on it
    "stand for", "try to", "look for", "work for", "work towards", "work toward", "strive for", "hope",
    "expect", "effort", "in favor of", "in favour of", "advocate", "propose", "count on", "call on",
)
# Categorical refusals: each one alone reverses the content.
OPPOSE_MARKERS = (
    "never", "will not", "can not", "refuse", "reject", "oppose", "unacceptable",
    "no concessions", "out of the question", "rule out", "red line", "impossible",
    "not negotiable", "non-negotiable", "under no circumstances", "there will be no",
    "there can be no",
)
# Conditions: the stance holds only if the condition is met.
CONDITION_MARKERS = (
    "if", "only if", "unless", "until", "in exchange for", "in return for", "provided that",
    "providing that", "as long as", "on condition that", "on the condition that", "once",
    "as soon as",
)
# Concessive "even if" keeps the stance whatever happens: not a condition.
CONCESSIVE_MARKERS = ("even if", "even though")
# "otherwise" = "if not": a condition only on what follows it.
OTHERWISE_MARKERS = ("otherwise", "or else")
# "a deal must guarantee / include …": a requirement put on the deal.
REQUIREMENT_VERBS = {"guarantee", "ensure", "include", "provide", "respect", "contain", "mean"}
REQUIREMENT_MODALS = {"must", "should", "need"}
DEAL_NOUNS = {"deal", "agreement", "settlement", "plan", "ceasefire", "truce", "accord", "treaty",
              "arrangement", "peace"}
SUBJECT_PRONOUNS = {"it", "this", "that", "they", "which", "any"}
# "then" opening a consequence whose modal makes it depend on what came before.
CONTINGENT_MODALS = {"can", "could", "will", "would", "may", "might"}
# Negations that flip the sign of what they govern.
NEGATORS = {"not", "n't", "n’t", "no", "never"}
FIRST_PERSON = {"i", "we"}
# Dependency relations of words that operate on the word they hang from (auxiliaries, negation,
# adverbs, predicative adjectives, determiners such as "no"): they scope over the issue.
OPERATOR_DEPS = {"aux", "auxpass", "neg", "advmod", "acomp", "attr", "det", "amod", "prt", "npadvmod",
                 "oprd", "expl"}
# Arguments of the words on the issue's path: content words ("accept neutrality") live here.
ARGUMENT_DEPS = {"dobj", "attr", "oprd", "pobj", "xcomp", "prep", "compound", "nsubj", "nsubjpass"}

# The cue's class as a sign: a vow commits to its content, praise welcomes it, criticism
# rejects it.  "call" only with "for" ("called for a truce"; "called them citizens" is naming).
CUE_SIGNS = {"vow": 1, "praise": 1, "criticize": -1}
DECLINED = {"decline", "declined"}
DENIED = {"deny", "denied"}
ASKED = {"ask", "asked"}

# "will definitely not", "can simply not": adverbs between a modal and its negation keep the
# refusal ("will not" with words inside).
MODAL_NEGATION = [
    {"LEMMA": {"IN": ["will", "can", "shall", "would", "could"]}},
    {"POS": "ADV", "LOWER": {"NOT_IN": ["not", "n't", "n’t", "never"]}, "OP": "{1,2}"},
    {"LOWER": {"IN": ["not", "n't", "n’t"]}},
]

_MARKERS: dict[int, tuple[Language, Matcher]] = {}


def marker_matcher(nlp: Language) -> Matcher:
    """The marker lists compiled for a pipeline, once."""
    cached = _MARKERS.get(id(nlp))
    if cached is not None and cached[0] is nlp:
        return cached[1]
    matcher = Matcher(nlp.vocab)
    for key, words in (("support", SUPPORT_MARKERS), ("oppose", OPPOSE_MARKERS),
                       ("condition", CONDITION_MARKERS), ("concessive", CONCESSIVE_MARKERS),
                       ("otherwise", OTHERWISE_MARKERS)):
        matcher.add(key, phrase_patterns(nlp, words))
    matcher.add("oppose", [MODAL_NEGATION])
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
    if cue_class in DECLINED:
        return Stance("unclear", [cue_text or "declined"])
    return None


def rule_asked_cue(cue_class: str | None, cue_text: str | None) -> Stance | None:
    """Asking cue: "asked whether Kyiv would accept a truce" states no position."""
    if cue_class in ASKED:
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
    if cue_class not in DENIED:
        return stance
    label: StanceLabel = "support" if stance.label == "oppose" else "oppose"
    return Stance(label, [cue_text or "denied", *stance.evidence])


def cue_sign(cue_class: str | None, cue_text: str | None) -> int:
    if cue_class == "call" and cue_text and re.search(r"\bfor\b", cue_text.lower()):
        return 1
    return CUE_SIGNS.get(cue_class or "", 0)


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
        modal = any(c.dep_ == "aux" and c.lemma_.lower() in CONTINGENT_MODALS for c in token.head.children)
        if before.lower_ in {"and", ","} and modal:
            out.append(f"{before.text} then" if before.lower_ == "and" else "then")
    return out


def rule_requirement(sent: Span, anchors: Sequence[Token]) -> Stance | None:
    """Requirement rule: "it must guarantee Putin will not come back", "any deal should include
    …": a requirement put on the deal makes the stance on it conditional."""
    anchor_ids = {a.i for a in anchors}
    for token in sent:
        if token.lemma_.lower() not in REQUIREMENT_VERBS or token.i in anchor_ids:
            continue
        modals = [c for c in token.children if c.dep_ == "aux" and c.lemma_.lower() in REQUIREMENT_MODALS]
        modal = modals[0] if modals else None
        subject = next((c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if modal is None or subject is None:
            continue
        about_deal = (subject.lower_ in SUBJECT_PRONOUNS or subject.lemma_.lower() in DEAL_NOUNS
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
        if token.lower_ in NEGATORS or token.dep_ == "neg":
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
    return any(c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON for c in token.head.children)


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
    if any(h.lower_ in FIRST_PERSON or h.lower_ in {"us", "me", "our", "my"} for h in holders):
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


def _default_nlp() -> Language:
    from onrecord.pipeline import load_nlp  # late: the pipeline may import this module

    return load_nlp()


def stance_for(
    statement_text: str,
    issue_id: str,
    cue_class: str | None = None,
    negated: bool = False,
    taxonomy: Taxonomy | None = None,
    *,
    cue_text: str | None = None,
    nlp: Language | None = None,
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
    reading = read(nlp or _default_nlp(), statement_text, issue, taxonomy, doc)
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


# --- classifiers ----------------------------------------------------------------------------


@runtime_checkable
class StanceClassifier(Protocol):
    def classify(
        self,
        statement_text: str,
        issue_id: str,
        cue_class: str | None,
        negated: bool,
        taxonomy: Taxonomy,
        *,
        cue_text: str | None = None,
    ) -> Stance: ...


class RuleStance:
    """The default classifier: the rules above, offline."""

    def __init__(self, nlp: Language | None = None) -> None:
        self.nlp = nlp

    def classify(
        self,
        statement_text: str,
        issue_id: str,
        cue_class: str | None,
        negated: bool,
        taxonomy: Taxonomy,
        *,
        cue_text: str | None = None,
    ) -> Stance:
        return stance_for(
            statement_text, issue_id, cue_class, negated, taxonomy, cue_text=cue_text, nlp=self.nlp
        )


SYSTEM_PROMPT = (
    "You label the stance a statement takes on a proposition. Reply with one JSON object and "
    'nothing else: {"label": "support" | "oppose" | "conditional" | "unclear", "evidence": '
    "[the statement's own words that decide the label]}. support: the speaker wants the "
    "proposition; oppose: the speaker rejects it; conditional: accepts it only under a condition; "
    "unclear: no position, or not enough to tell."
)


class OpenAICompatibleStance:
    """Stance from an OpenAI-compatible chat endpoint (``POST {base_url}/chat/completions``),
    e.g. a local vLLM (``http://localhost:8000/v1``) or Ollama (``http://localhost:11434/v1``).
    Called only when configured; on any error or malformed answer it falls back to the rules."""

    def __init__(
        self,
        base_url: str,
        model: str,
        api_key: str | None = None,
        timeout: float = 30.0,
        fallback: StanceClassifier | None = None,
        max_failures: int = 3,
    ) -> None:
        self.url = base_url.rstrip("/") + "/chat/completions"
        self.model = model
        self.api_key = api_key
        self.timeout = timeout
        self.fallback: StanceClassifier = fallback or RuleStance()
        self.failures = 0  # in a row; after max_failures the endpoint is not asked again
        self.max_failures = max_failures

    def request_body(
        self, statement_text: str, issue: Issue, cue_class: str | None, negated: bool
    ) -> dict[str, Any]:
        cue = (cue_class or "unknown") + (" (negated)" if negated else "")
        user = (f"Issue: {issue.label}\nProposition: {issue.proposition}\nSpeech cue class: {cue}\n"
                f"Statement: {statement_text}")
        return {
            "model": self.model,
            "temperature": 0,
            "messages": [{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": user}],
        }

    def ask(self, body: dict[str, Any]) -> str:
        headers = {"Content-Type": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        request = urllib.request.Request(self.url, data=json.dumps(body).encode("utf-8"), headers=headers)
        with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 (user's URL)
            reply = json.loads(response.read().decode("utf-8"))
        return str(reply["choices"][0]["message"]["content"])

    def classify(
        self,
        statement_text: str,
        issue_id: str,
        cue_class: str | None,
        negated: bool,
        taxonomy: Taxonomy,
        *,
        cue_text: str | None = None,
    ) -> Stance:
        issue = taxonomy[issue_id]
        if self.failures >= self.max_failures:
            # circuit breaker: a server that is down would otherwise cost a timeout per statement
            return self._fallback(statement_text, issue_id, cue_class, negated, taxonomy, cue_text,
                                  f"model not used (endpoint failed {self.failures} times in a row); rules decided")
        try:
            content = self.ask(self.request_body(statement_text, issue, cue_class, negated))
            stance = parse_model_answer(content, statement_text)
        except (OSError, ValueError, KeyError, IndexError, TypeError) as exc:
            # URLError and timeouts are OSErrors; bad JSON is a ValueError
            self.failures += 1
            return self._fallback(statement_text, issue_id, cue_class, negated, taxonomy, cue_text,
                                  f"model not used ({type(exc).__name__}: {exc}); rules decided")
        self.failures = 0
        return stance

    def _fallback(self, statement_text: str, issue_id: str, cue_class: str | None, negated: bool,
                  taxonomy: Taxonomy, cue_text: str | None, note: str) -> Stance:
        stance = self.fallback.classify(statement_text, issue_id, cue_class, negated, taxonomy, cue_text=cue_text)
        stance.note = note
        return stance


def parse_model_answer(content: str, statement_text: str) -> Stance:
    """The model's JSON answer as a Stance; evidence keeps only words found in the statement.
    A ValueError when the answer has no valid label."""
    match = re.search(r"\{.*\}", content, re.S)
    if match is None:
        raise ValueError(f"no JSON object in the answer: {content[:80]!r}")
    answer = json.loads(match.group(0))
    label = str(answer.get("label", "")).strip().lower()
    if label not in STANCE_LABELS:
        raise ValueError(f"unknown label {label!r} in the answer")
    lowered = statement_text.lower()
    evidence = [str(w) for w in answer.get("evidence") or [] if str(w).strip() and str(w).lower() in lowered]
    return Stance(label, evidence, "model")  # type: ignore[arg-type]


# --- precedence -----------------------------------------------------------------------------


def choose_stance(
    rules: Stance, model: Stance | None = None, human: Stance | Mapping[str, Any] | str | None = None
) -> Stance:
    """Human label wins over both; then the model's answer (when it was not itself a fallback
    to the rules); then the rules."""
    if human is not None:
        if isinstance(human, str):
            chosen = Stance.from_dict({"label": human})
        elif isinstance(human, Stance):
            chosen = Stance(human.label, list(human.evidence), note=human.note)
        else:
            chosen = Stance.from_dict(human)
        chosen.source = "human"
        return chosen
    if model is not None and model.source == "model":
        return model
    if model is not None and model.note:
        # the endpoint was asked and failed: the rules answer, and say why
        return Stance(rules.label, list(rules.evidence), rules.source, model.note)
    return rules


def stances_for(
    statement_text: str,
    issues: Iterable[str],
    cue_class: str | None,
    negated: bool,
    taxonomy: Taxonomy,
    *,
    cue_text: str | None = None,
    classifier: StanceClassifier | None = None,
    human: Mapping[str, Stance | Mapping[str, Any] | str] | None = None,
    nlp: Language | None = None,
    parsed: Doc | None = None,
) -> dict[str, Stance]:
    """The stance on each issue of a statement: the rules, a configured classifier's answer
    over them, and a human label over both.  ``parsed``: the statement's text already parsed
    (cut from the article's parse), else it is parsed here.  ``dict`` keyed by issue id, ready for JSON via
    ``Stance.to_dict``."""
    human = human or {}
    nlp = nlp or _default_nlp()
    doc = parsed if parsed is not None and parsed.text.rstrip() == statement_text.rstrip() else None
    if doc is None and statement_text.strip():
        doc = parse_only(nlp, [statement_text])[0]
    out: dict[str, Stance] = {}
    for issue_id in issues:
        rules = stance_for(statement_text, issue_id, cue_class, negated, taxonomy, cue_text=cue_text, nlp=nlp,
                           doc=doc)
        model = None
        if classifier is not None and not isinstance(classifier, RuleStance) and issue_id not in human:
            model = classifier.classify(
                statement_text, issue_id, cue_class, negated, taxonomy, cue_text=cue_text
            )
        out[issue_id] = choose_stance(rules, model, human.get(issue_id))
    return out
