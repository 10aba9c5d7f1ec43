"""Questions: what a speaker asked is kind ``question``, not a claim.

A question asserts nothing, so it must not count as a position the speaker holds.  Rules, each
a function below:

* ``quoted_question``   — a quotation (or a transcript turn) whose every sentence ends in a
                          question mark: '"Why is the minister so scared to call an election?"
                          she said';
* ``reported_question`` — a cue of asking with an interrogative content: "asked whether the
                          talks would resume", "asked why the border was closed";
* ``asked_passively``   — "Asked whether …, Netanyahu said", "she was asked if …": the subject of
                          a passive "ask" is the one asked; the asker is its agent, or unknown;
* ``inside_a_question`` — "did not explain which reforms he promised to deliver": a cue inside an
                          indirect question reports nothing said.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from onrecord.extraction.docindex import doc_text, in_quotes
from onrecord.extraction.found import Found

INTERROGATIVES = {"whether", "if", "why", "how", "what", "who", "whom", "whose", "when", "where", "which"}
QUESTION_CLASSES = {"ask"}
# a sentence end inside a quotation: the mark and what closes it (a quotation mark, a bracket)
SENTENCE_END = re.compile(r"[.!?…]+[\"”’'»)\]]*(?=\s|$)")
VERBATIM_CLASSES = {"transcript"}  # a transcript turn is the speaker's own words, unquoted


def quoted_question(doc: Doc, f: Found) -> bool:
    """Quoted-question rule: every sentence of the quotation (of each of its segments) ends in
    a question mark.  "Are we ready? Absolutely." answers itself: not a question."""
    if f.kind != "direct" and f.cue_class not in VERBATIM_CLASSES:
        return False
    for start, end in f.content:
        text = doc_text(doc)[start:end].strip().rstrip(",;:—–- ")
        ends = SENTENCE_END.findall(text)
        if not ends or not text.endswith(ends[-1]) or any("?" not in e for e in ends):
            return False
    return True


def reported_question(doc: Doc, f: Found) -> bool:
    """Reported-question rule: a cue of asking ("asked", "wondered", "inquired") whose content
    opens with an interrogative word ("whether", "if", "why", "how" …).  "asked Kyiv to accept"
    is a request: it stays what it was."""
    if f.cue_class not in QUESTION_CLASSES or f.kind == "direct":
        return False
    start = f.start
    words = doc_text(doc)[start : start + 40].lstrip(" \"“‘'").split()
    return bool(words) and words[0].lower().strip(",") in INTERROGATIVES


def mark_questions(doc: Doc, found: list[Found]) -> None:
    """Give kind ``question`` to the statements either rule finds asking."""
    for f in found:
        if f.kind in {"direct", "indirect", "mixed"} and (quoted_question(doc, f) or reported_question(doc, f)):
            f.kind = "question"


def asked_passively(cue: Token) -> bool:
    """Asker rule: a passive "ask" ("Asked whether there is a deal, Netanyahu said …", "he was
    asked if …"): its subject is the one asked, not the asker."""
    entry = cue._.cue
    if entry is None or entry.cls not in QUESTION_CLASSES or cue.tag_ != "VBN":
        return False
    if any(c.dep_ in {"auxpass", "nsubjpass"} for c in cue.children):
        return True
    if cue.dep_ == "acl" and frames_a_quotation(cue.head):
        return False  # '"What if …?" the 43-year-old asked': the asker, in a past tense taken for a participle
    return cue.dep_ in {"advcl", "acl"} and not any(c.dep_ in {"aux", "nsubj"} for c in cue.children)


NOUN_MODIFIERS = {"det", "amod", "nummod", "npadvmod", "compound", "poss"}


def frames_a_quotation(noun: Token) -> bool:
    """The noun phrase opens the frame right after a quotation ('"…?" the 43-year-old asked'): a
    participle after it is no passive ("the voters asked in the poll"), the parse has taken a past
    tense for one."""
    first = min((c.left_edge.i for c in noun.lefts if c.dep_ in NOUN_MODIFIERS), default=noun.i)
    before = first - 1  # the words of the phrase, not the quotation the parse may hang on its head
    doc = noun.doc
    return before > 0 and doc[before].is_quote and in_quotes(doc, doc[before].idx) \
        and doc[before - 1].text in {",", "?", "!"}


def agent_of(cue: Token) -> Token | None:
    """The asker of a passive "ask": its agent ("was asked by reporters"), else no one named."""
    for c in cue.children:
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


WH_TAGS = {"WDT", "WP", "WP$"}


def inside_a_question(cue: Token) -> bool:
    """Embedded-question rule: "He did not specify what partners he hoped to fill the void with",
    "did not explain which reforms he promised to deliver": the cue's object — its own or its
    infinitive's — is a phrase of "what" or "which" and a noun set before it, and the cue heads a
    clause under another verb: an indirect question, whose content has a gap where the wh-phrase
    was; it tells what was not said.  A relative clause ("the reforms that he promised to
    deliver") reports a promise, and is not one — but "which reforms he promised …", parsed as
    one, is: a relative clause's noun takes no "which" or "what" before it."""
    if cue.dep_ == "relcl":  # with no relative word of its own ("… bill that Christie said")
        return any(c.dep_ == "det" and c.tag_ in WH_TAGS for c in cue.head.children) and not any(
            c.i < cue.i and (c.tag_ in WH_TAGS or c.lower_ == "that") for c in cue.children)
    if cue.dep_ not in {"ccomp", "xcomp", "advcl"}:
        return False
    heads = [cue, *(c for c in cue.children if c.dep_ == "xcomp")]
    for head in heads:
        for obj in head.children:
            # "what partners", "which reforms": not a bare "what", which may open a free relative
            # that names what was said ("in what he called “a brazen breach”")
            if obj.dep_ in {"dobj", "dative"} and obj.i < cue.i and any(
                    c.tag_ in WH_TAGS and c.dep_ == "det" for c in obj.children):
                return True
    return False
