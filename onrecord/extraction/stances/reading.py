"""A statement read for one issue: its parse, the issue's matches, the stance markers, and who
speaks (the speaker's name and the sides they speak for).  Every stance rule reads a ``Reading``."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from typing import Any, TypeVar

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from onrecord.extraction.built import built_once
from onrecord.extraction.issue_tags import (
    IssueHit,
    by_spelling,
    issue_hits,
    parse_only,
    parse_parts,
    phrase_patterns,
    spelled_out,
)
from onrecord.lexicons.stance_markers import load_stance_markers
from onrecord.lexicons.taxonomy import Issue, Taxonomy

# Data: lexicons/data/stance_markers.yaml (matched on lemmas, "won't" is "will not").
MARKERS = load_stance_markers()

# Dependency relations of words that operate on the word they hang from (auxiliaries, negation,
# adverbs, predicative adjectives, determiners such as "no"): they scope over the issue.
OPERATOR_DEPS = {"aux", "auxpass", "neg", "advmod", "acomp", "attr", "det", "amod", "prt", "npadvmod",
                 "oprd", "expl"}
# Arguments of the words on the issue's path: content words ("accept neutrality") live here.
ARGUMENT_DEPS = {"dobj", "attr", "oprd", "pobj", "xcomp", "prep", "compound", "nsubj", "nsubjpass"}
# Where a judgement ("constructive", "useless") decides: as the predicate, not as a modifier.
PREDICATE_DEPS = {"acomp", "attr", "oprd", "ROOT"}

class MarkerMatcher:
    """The marker lists compiled for a pipeline, as the taxonomy is (``issue_tags.IssueMatcher``):
    the phrases by a ``PhraseMatcher`` on lemmas, the raw patterns by a ``Matcher``."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = Matcher(nlp.vocab)
        self.phrases = PhraseMatcher(nlp.vocab, attr="LEMMA")
        phrases = MARKERS.phrases()
        parsed = parse_parts(nlp, [w for words in phrases.values() for w in words])  # one pass of the model
        for key, words in phrases.items():
            rest, spelled = by_spelling(nlp.vocab, phrase_patterns(nlp, words, parsed))
            rest = [spelling for pattern in rest for spelling in spelled_out(pattern)]
            if rest:
                self.matcher.add(key, rest)
            if spelled:
                self.phrases.add(key, spelled)
        self.matcher.add("oppose", [spelling for pattern in MARKERS.oppose_patterns
                                    for spelling in spelled_out([dict(t) for t in pattern])])

    def __call__(self, doc: Doc) -> list[Span]:
        return [*self.matcher(doc, as_spans=True), *self.phrases(doc, as_spans=True)]


def marker_matcher(nlp: Language) -> MarkerMatcher:
    """The marker lists compiled for a pipeline, once."""
    return built_once("stance markers", (nlp,), lambda: MarkerMatcher(nlp))


@dataclass(frozen=True)
class Speaker:
    """Who speaks: the name (to know "he" from another person), the sides the speaker speaks
    for ("President of Ukraine …" → Ukraine; empty when the article does not say) and whether
    the speaker is a group."""

    name: str = ""
    sides: frozenset[str] = frozenset()
    group: bool = False  # "Putin and Zelensky …": "they" is the speakers themselves
    quoting: bool = False  # the words are the speaker's own, quoted: "he" and "she" are someone else


@dataclass
class Reading:
    """A statement parsed for one issue: its sentences, the issue's matches and the markers."""

    doc: Doc
    issue: Issue
    hits: list[IssueHit]
    markers: dict[str, list[Span]]
    speaker: Speaker = field(default_factory=Speaker)

    def anchors(self, sent: Span) -> list[Token]:
        """The tokens where the issue is mentioned in a sentence: its triggers, else a pronoun
        subject that takes up the issue the sentence before has as its subject (``taken_up``).
        The words that name it only in context (``in_context``) are read where neither is found
        and the sentences' roots say nothing (``rules.stance_for``)."""
        return self._mentions(sent, "trigger") or self.taken_up(sent)

    def _mentions(self, sent: Span, role: str) -> list[Token]:
        """The tokens of the sentence's hits of one role ("trigger", "context")."""
        return [self.doc[i] for h in self.hits if h.role == role and sent.start <= h.start < sent.end
                for i in range(h.start, h.end)]

    def in_context(self, sent: Span) -> list[Token]:
        """Context-word rule: a statement given the issue by the article around it (under a title
        on the talks, "That was a very positive meeting") names it by the words that name it there
        ("meeting", the taxonomy's ``in_context``): what is said of them is said of the issue.
        ``rules.stance_for`` asks only of a statement that holds no trigger of the issue: a
        trigger, where there is one, is the mention."""
        return self._mentions(sent, "context")

    def taken_up(self, sent: Span) -> list[Token]:
        """Anaphor rule: "Negotiations will be difficult. But they will continue": the subject
        pronoun of a sentence that names no trigger refers back to the subject of the sentence
        before when that subject is the issue's trigger and agrees in number ("they" a plural,
        "it" a singular), so the sentence is about the issue (the subject keeps the topic:
        centering, Grosz, Joshi & Weinstein 1995)."""
        if sent.start == 0:
            return []
        subject = next((c for c in sent.root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None or subject.lower_ not in {"they", "it"}:
            return []
        before = self.doc[sent.start - 1].sent
        topic = next((c for c in before.root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if topic is None or not any(h.role == "trigger" and h.start <= topic.i < h.end for h in self.hits):
            return []
        return [subject] if (subject.lower_ == "they") == (topic.tag_ in {"NNS", "NNPS"}) else []

    def content(self, sent: Span) -> list[tuple[Span, int]]:
        """The issue's content phrases in a sentence with their direction (+1 for, -1 against)."""
        return [(self.doc[h.start:h.end], 1 if h.role == "for" else -1) for h in self.hits
                if h.role in ("for", "against") and sent.start <= h.start < sent.end]

    def aspects(self, sent: Span) -> list[Span]:
        """The spans that name one form of the proposition ("the Normandy format")."""
        return [self.doc[h.start:h.end] for h in self.hits if h.role == "aspect" and sent.start <= h.start < sent.end]

    def in_sent(self, key: str, sent: Span) -> list[Span]:
        return [m for m in self.markers.get(key, []) if sent.start <= m.start < sent.end]


def hits_key(taxonomy: Taxonomy) -> tuple[str, int]:
    """Where a statement's Doc keeps its issue hits when they were read from its article's
    matches (``component.statement_doc``), not matched again in the statement."""
    return ("onrecord.issue_hits", id(taxonomy))


def matches_of(nlp: Language, doc: Doc, taxonomy: Taxonomy) -> tuple[list[IssueHit], list[Span]]:
    """Every issue match and stance marker in a statement's Doc, matched once per Doc and kept in
    its ``user_data``: a statement is read once per issue it names, and the matchers, not the
    rules, were most of that reading's time."""
    key = ("onrecord.stance_matches", id(taxonomy))
    if key not in doc.user_data:
        hits = doc.user_data.get(hits_key(taxonomy))
        if hits is None:
            hits = issue_hits(doc, taxonomy, nlp)
        doc.user_data[key] = (hits, marker_matcher(nlp)(doc))
    return doc.user_data[key]


# where a Doc cut for a statement keeps its text (``component.statement_doc``): ``Doc.text`` joins
# every token at each access, and a statement's Doc was asked for it once per issue
TEXT_KEY = "onrecord.text"
LOWER_KEY = "onrecord.lower"  # the Doc's LOWER column (``spelled``)
_MISSING = object()
T = TypeVar("T")


def text_of(doc: Doc) -> str:
    """``doc.text``, as kept under ``TEXT_KEY`` when the Doc was cut, else joined once and kept
    there (a Doc's words do not change)."""
    kept = doc.user_data.get(TEXT_KEY)
    if not isinstance(kept, str):
        kept = doc.user_data[TEXT_KEY] = doc.text
    return kept


def among(sent: Span, ids: Iterable[int]) -> list[Token]:
    """``[t for t in sent if t.i in ids]``, in order, without making a Token of every word of the
    sentence: the rules that read only the words on the issue's path or in its scope."""
    doc = sent.doc
    return [doc[i] for i in sorted(set(ids)) if sent.start <= i < sent.end]


def spelled(sent: Span, lowers: Iterable[str]) -> list[Token]:
    """``[t for t in sent if t.lower_ in lowers]``, in order, read from the Doc's ``LOWER`` column
    (kept in its ``user_data`` once per Doc) rather than by asking every word: the rules that look
    for one or two words ("then", "without") in every sentence of every issue."""
    doc = sent.doc
    column = doc.user_data.get(LOWER_KEY)
    if column is None or len(column) != len(doc):
        column = doc.user_data[LOWER_KEY] = doc.to_array("LOWER").tolist()  # hashes, as a plain list
    strings = doc.vocab.strings
    wanted = {strings[word] for word in lowers}  # a sentence's walk over plain ints: no numpy per call
    return [doc[i] for i in range(sent.start, sent.end) if column[i] in wanted]


def memo(doc: Doc, key: tuple[Any, ...], compute: Callable[[], T]) -> T:
    """``compute()``, once per Doc and key (kept in the Doc's ``user_data``; do not change the
    answer): the scope of the same mentions is asked by several rules of a sentence."""
    held = doc.user_data.get(key, _MISSING)
    if held is _MISSING:
        held = doc.user_data[key] = compute()
    return held  # type: ignore[no-any-return]


def read(nlp: Language, text: str, issue: Issue, taxonomy: Taxonomy, doc: Doc | None = None,
         speaker: Speaker | None = None) -> Reading:
    """Parse the statement (unless already parsed) and find the issue's matches and the markers."""
    if doc is None or text_of(doc).rstrip() != text.rstrip():
        doc = parse_only(nlp, [text])[0]
    all_hits, spans = matches_of(nlp, doc, taxonomy)
    hits = [h for h in all_hits if h.issue == issue.id]
    # the markers are the statement's, whatever the issue: grouped once per Doc (do not change them)
    markers = memo(doc, ("onrecord.markers", id(taxonomy)), partial(markers_by_kind, spans))
    return Reading(doc, issue, hits, markers, speaker or Speaker())


def markers_by_kind(spans: list[Span]) -> dict[str, list[Span]]:
    """The stance markers by kind, each kind's longest first where two overlap ("only if" over
    "if", "will not" over "not"), in text order."""
    markers: dict[str, list[Span]] = {}
    for span in spans:
        markers.setdefault(span.label_, []).append(span)
    for key in markers:
        markers[key] = sorted(filter_spans(markers[key]), key=lambda s: s.start)
    return markers
