"""Cues: the words that introduce a statement ("said", "wouldn't say", "according to").

The lexicon is data (``lexicons/data/cues.tsv``).  This component marks cue tokens with
``token._.cue`` (a ``CueEntry``), after checking that the token is used as a verb of saying here
(a verb, not a noun; and not in another sense: ``senses.py``, vocabulary in
``lexicons/data/cue_senses.tsv``), and records negation and hedging (``token._.cue_negated``,
``token._.cue_hedged``).
"""

from __future__ import annotations

from bisect import bisect_left

import numpy
from spacy.attrs import POS, TAG
from spacy.tokens import Doc, Token

from onrecord.extraction.appearances import appearance_cue
from onrecord.extraction.docindex import token_starts
from onrecord.extraction.made_clear import made_clear_cue, plainness_adjective
from onrecord.extraction.possessed_quotations import noun_after_possessed_quotation
from onrecord.extraction.senses import other_sense, sense_rules
from onrecord.extraction.state_cues import held_passive_cue, state_cue
from onrecord.lexicons.cues import CueEntry, CueSense, load_cue_senses

HEDGE_WORDS = {"seem", "appear", "reportedly", "apparently", "allegedly", "may", "might", "could"}
NEGATIONS = {"not", "n't", "n’t", "never", "no"}


VERB_POS = {"VERB", "AUX"}
VERB_TAGS = {"VBD", "VBN", "VBG", "VBZ", "VBP", "VB"}
STATE_POS = {"NOUN", "ADJ"}  # the parts of speech of noun and adjective cues (``state_cue``)


def is_verb_use(token: Token) -> bool:
    """The lemma is used as a verb (or a participle heading a clause), not as a noun ("the
    call", "a report") or an adjective."""
    return token.pos_ in VERB_POS or token.tag_ in VERB_TAGS


def cue_candidates(doc: Doc) -> list[Token]:
    """The tokens ``mark_cues`` may mark, in order: a noun or adjective (``state_cue``) or a
    verb use (``is_verb_use``, which every other cue needs), read from the Doc's POS and TAG
    columns rather than by asking every token (most words of an article are neither)."""
    if not len(doc):
        return []
    strings = doc.vocab.strings
    array = doc.to_array([POS, TAG])
    keep = numpy.isin(array[:, 0], [strings[p] for p in STATE_POS | VERB_POS]) | numpy.isin(
        array[:, 1], [strings[t] for t in VERB_TAGS])
    return [doc[int(i)] for i in numpy.flatnonzero(keep)]


def is_negated(token: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in NEGATIONS for c in token.children if c.i < token.i)


def is_hedged(token: Token) -> bool:
    """Hedging: a modal or a seem/appear verb over the cue ("appeared to suggest")."""
    if any(c.lower_ in HEDGE_WORDS for c in token.children if c.dep_ in {"aux", "advmod"}):
        return True
    head = token.head
    return token.dep_ == "xcomp" and head.lemma_ in {"seem", "appear"}


def declined_by_negated_say(token: Token) -> bool:
    """'wouldn't say' / 'could not say' / 'did not say whether': a refusal to state, not a
    negated statement.  'did not say that …' stays a negated statement."""
    if token.lemma_ not in {"say", "comment", "disclose", "reveal", "confirm"}:
        return False
    children = [c.lower_.replace("’", "'") for c in token.children if c.i < token.i]
    if not any(c in {"n't", "not"} for c in children):
        return False
    if any(c in {"would", "wo", "could", "ca", "can", "will"} for c in children):
        return True
    complements = [c for c in token.children if c.dep_ in {"ccomp", "xcomp"}]
    if not complements:
        return True
    marks = {m.lower_ for c in complements for m in c.subtree if m.i <= c.left_edge.i + 1}
    return bool(marks & {"whether", "if", "how", "when", "why", "what", "who"})


def next_to_punctuation(token: Token) -> bool:
    """Nothing but punctuation (or the end) after the verb and its particle: "he continued:",
    "…," Smith went on."""
    doc = token.doc
    i = token.i + 1
    if i < len(doc) and doc[i].dep_ == "prt" and doc[i].head.i == token.i:
        i += 1
    return i >= len(doc) or doc[i].is_punct


NOT_HOLDERS = {"it", "this", "that", "which", "what", "there"}
COPULAS = {"be", "seem", "appear", "become", "mean"}
# verbs of striking that with "back" are a retort ("shot back", "hit back", "fired back")
RETORT_VERBS = {"shoot", "fire", "hit", "strike", "snap", "push", "punch"}


def in_a_list_of_acts(token: Token) -> bool:
    """List rule: "Ukraine is forced to defend itself, maintain a strong army during the war": a bare
    verb after a comma with no subject, auxiliary or "to" of its own, which the parse made the
    sentence's root, goes on with a list of what someone does (the infinitives before it); it says
    nothing, and its "complement" is the sentence before it."""
    doc = token.doc
    return token.tag_ == "VB" and token.dep_ == "ROOT" and token.i > 0 and doc[token.i - 1].text == "," \
        and not any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "mark"} for c in token.children)


def purpose_of_an_act(token: Token, lexicon: dict[str, CueEntry]) -> bool:
    """Purpose rule: "Leaders from Russia and Iran are heading to Beijing TO DISCUSS nuclear
    programs", "arrived in Kyiv TO SUPPORT Ukraine": an infinitive of purpose hung on a verb that
    is no cue tells what someone went to do, not what anyone said; "agreed to discuss", "refused
    to support" (the infinitive of a cue) stay with their cue; so does a verb that can report words
    or a clause ("to tell him, “…”")."""
    entry = lexicon.get(token.lemma_.lower())
    if entry is None or entry.complements & {"quote", "clause"}:
        return False  # "switching to English TO TELL the U.S. leader, “Next time in Moscow”": words said
    first = token
    while first.dep_ == "conj" and first.head.i != first.i:  # "to sign a deal and to discuss …"
        first = first.head
    if first.dep_ != "advcl" or not any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children):
        return False
    head = first.head
    if any(c.dep_ == "prt" and c.lower_ == "on" for c in head.children):
        return False  # "went on to discuss the polls": what came next, not what for
    return head.i != first.i and head.pos_ in {"VERB", "AUX"} and head.lemma_.lower() not in lexicon


def retort_cue(token: Token) -> CueEntry | None:
    """Retort rule: "Hillary shot back, “I suppose …”", "the minister hit back at critics, saying
    …": a verb of striking with "back" right after it answers someone in words; without "back"
    ("shot the suspect", "hit the city") it is the act itself, and no cue."""
    if token.lemma_.lower() not in RETORT_VERBS or token.i + 1 >= len(token.doc):
        return None
    after = token.doc[token.i + 1]
    if after.lower_ != "back" or after.head.i != token.i:
        return None
    return CueEntry(token.lemma_.lower(), "assert", frozenset({"quote", "clause"}))


# verbs that with "on" and nothing after it go on speaking ("…," Smith went on; she carried on: …)
GOING_ON_VERBS = {"go", "carry"}


def going_on_cue(token: Token) -> CueEntry | None:
    """Going-on rule: '"It is a long road," Smith went on.', 'She went on: "…"': "go on" with
    nothing after the particle but punctuation continues what its subject was saying, as
    "continued" does (the lexicon's quote-only "add" cue), so the quotation is the subject's and
    not the last speaker's.  With more after it, it is another verb: "went on to say …" leaves the
    cue to "say", "went on a tour", "went on television" say nothing."""
    doc = token.doc
    if token.lemma_.lower() not in GOING_ON_VERBS or token.i + 1 >= len(doc):
        return None
    particle = doc[token.i + 1]
    if particle.lower_ != "on" or particle.head.i != token.i or particle.n_lefts + particle.n_rights:
        return None
    after = doc[token.i + 2] if token.i + 2 < len(doc) else None
    if after is not None and not after.is_punct:
        return None
    return CueEntry(f"{token.lemma_.lower()} on", "add", frozenset({"quote"}))


def put_it_cue(token: Token) -> CueEntry | None:
    """Phrasing rule: "As Jeff Weiner put it, '…'", "as the minister put it on Monday, …": "put
    it" with "as" over it frames the words that follow as the subject's (the way they said it).
    Only with its object "it" and "as": "put the bill to a vote" says nothing."""
    if token.lemma_.lower() != "put" or not any(c.dep_ == "dobj" and c.lower_ == "it" for c in token.children):
        return None
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children):
        return None
    return CueEntry("put", "assert", frozenset({"quote", "clause"}))


def that_clause_cue(token: Token) -> CueEntry | None:
    """That-clause rule: a verb the lexicon does not list that takes a clause opened by "that"
    with a subject of its own reports what its subject knows, holds or found ("knew that the
    plant was unsafe", "ruled that the law was void", "recognized that the talks had failed"):
    PolNeAR annotates these as attributions (Pareti 2016: attribution covers beliefs and
    knowledge, not speech alone).  Not a copula ("the problem is that …", "this means that …")
    nor a verb whose subject is an expletive or a demonstrative ("it ensures that …"); only an
    active verb with its own subject: a participle ("…, knowing that …") or a passive ("were
    frustrated that …") leaves whose knowledge it is to a guess, and a wrong speaker costs more
    than a missed statement."""
    if token.pos_ != "VERB" or token.lemma_.lower() in COPULAS or plainness_adjective(token) is not None:
        return None  # ("made clear that …" is the made-clear rule's: ``made_clear.py``)
    subject = next((c for c in token.children if c.dep_ in {"nsubj", "nsubjpass", "expl"}), None)
    if subject is None or subject.dep_ != "nsubj" or subject.lower_ in NOT_HOLDERS:
        return None  # a participle or a passive leaves the holder to a guess
    for c in token.children:
        if c.dep_ == "ccomp" and c.i > token.i and any(
            m.dep_ == "mark" and m.lower_ == "that" for m in c.children
        ) and any(s.dep_ in {"nsubj", "nsubjpass", "expl"} for s in c.children):
            return CueEntry(token.lemma_.lower(), "believe", frozenset({"clause"}))
    return None


def marked_cues(doc: Doc) -> list[Token]:
    """The tokens ``mark_cues`` gave a ``_.cue``, in order, read from where spaCy keeps token
    extensions (``doc.user_data``, keyed ``("._.", name, token.idx, None)``) rather than by asking
    every token of the Doc for its ``_.cue``, which makes a Token and its Underscore per word."""
    starts = token_starts(doc)
    out = []
    for offset in sorted(k[2] for k, v in doc.user_data.items() if isinstance(k, tuple) and len(k) == 4
                         and k[0] == "._." and k[1] == "cue" and k[3] is None and v is not None):
        i = bisect_left(starts, offset)
        if i < len(starts) and starts[i] == offset:
            out.append(doc[i])
    return out


def mark_cues(doc: Doc, lexicon: dict[str, CueEntry], senses: dict[str, CueSense] | None = None) -> None:
    rules = sense_rules(senses if senses is not None else load_cue_senses())
    for token in cue_candidates(doc):  # the others can be no cue
        if token.pos_ in STATE_POS:
            entry = state_cue(token)  # "his claim that …", "was confident that …"
            if entry is not None:
                token._.cue = entry
                token._.cue_negated = is_negated(token)
            continue
        entry = lexicon.get(token.lemma_.lower()) or made_clear_cue(token) or that_clause_cue(token) \
            or appearance_cue(token, lexicon) or retort_cue(token) or held_passive_cue(token) or put_it_cue(token) \
            or going_on_cue(token)
        if entry is None or not is_verb_use(token) or other_sense(token, rules) is not None \
                or in_a_list_of_acts(token) or purpose_of_an_act(token, lexicon) \
                or noun_after_possessed_quotation(token, doc._.quotes or []):
            continue
        if entry.complements == {"quote"} and not next_to_punctuation(token):
            # "continued to fight" is no cue; only "he continued: …" / "…," he continued; a
            # that-clause of its own still reports ("pressing that the rival is not qualified")
            entry = that_clause_cue(token)
            if entry is None:
                continue
        token._.cue = entry
        token._.cue_hedged = is_hedged(token) or entry.cls == "hedge"
        if declined_by_negated_say(token):
            token._.cue = CueEntry(entry.lemma, "decline", entry.complements | {"clause"})
        else:
            token._.cue_negated = is_negated(token)


class CueMarker:
    """The ``onrecord_cues`` component."""

    def __init__(self, lexicon: dict[str, CueEntry], senses: dict[str, CueSense] | None = None) -> None:
        self.lexicon = lexicon
        self.senses = senses if senses is not None else load_cue_senses()

    def __call__(self, doc: Doc) -> Doc:
        mark_cues(doc, self.lexicon, self.senses)
        return doc
