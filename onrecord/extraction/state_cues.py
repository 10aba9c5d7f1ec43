"""Cues that are not verbs: a noun or an adjective that takes a that-clause reports what its
owner claimed or holds ("the senator's claim that …", "the mayor was confident that …").

PolNeAR annotates these as attributions (Pareti 2016: the cue of an attribution may be a noun
or an adjective, and attribution covers beliefs and knowledge as well as speech).  Vocabulary:
``lexicons/data/noun_cues.tsv`` and ``adjective_cues.tsv``.  Only a clause opened by "that"
with a subject of its own counts ("his claim to the throne", "sure of victory" report nothing),
and only with an owner who can speak: whose view it is is never left to a guess.
"""

from __future__ import annotations

from spacy.tokens import Token

from onrecord.extraction.speaker_classes import can_speak
from onrecord.extraction.subjects import FINITE_TAGS
from onrecord.lexicons.cues import CueEntry, load_state_cues

CLAUSE_SUBJECTS = {"nsubj", "nsubjpass", "expl"}


def that_clause_of(token: Token) -> Token | None:
    """The head of the clause opened by "that" right after ``token`` (a noun cue's: after its
    agent too, ``agent_phrase``: "a statement by the Kremlin that …") with a subject of its own
    ("claim that the budget would shrink").  The parser hangs it as an ``acl``, a ``ccomp`` or
    (for an adjective) a ``ccomp``; it sometimes reads "that" as the clause's object, so the
    test is the clause's first word, not its dependency label, and it may hang the clause (and
    the agent) on the verb above the noun ("knocked a statement by George Clooney that …").  When
    the parse broke the clause (its head a noun without a subject), a "that" read as a conjunction
    with a finite verb or a modal below it still opens one; a relative "that" (the clause's
    subject or object) never."""
    doc = token.doc
    agent = agent_phrase(token) if token.pos_ == "NOUN" else None
    that = (agent.right_edge.i if agent is not None else token.i) + 1
    if that >= len(doc) or doc[that].lower_ != "that":
        return None
    hosts = [token] if agent is None else [token, agent.head, agent, token.head]
    for c in (c for host in hosts for c in host.children):
        if c.dep_ in {"acl", "ccomp"} and c.i > token.i and c.left_edge.i == that:
            if any(s.dep_ in CLAUSE_SUBJECTS and s.i != that for s in c.children):
                return c
            if doc[that].dep_ == "mark" and any(t.tag_ in FINITE_TAGS for t in c.subtree):
                return c  # a clause the parser broke: "comments that NATO's targets would
                # 'bankrupt' members" hangs "targets" as the clause's head, its verb lower down
    return None


AGENT_PREPOSITIONS = {"by", "from"}


def agent_phrase(noun: Token) -> Token | None:
    """Agent rule: the one whose statement or claim a noun cue names, in a phrase right after it
    ("a statement BY the Kremlin", "the claim BY Ukrainian officials", "reports FROM Russian
    media"): the object of "by"/"from", when it can speak (or is a country, which speaks as its
    government).  The parser may hang the phrase on the verb above the noun."""
    doc = noun.doc
    k = noun.i + 1
    if k >= len(doc) or doc[k].lower_ not in AGENT_PREPOSITIONS or doc[k].head.i not in {noun.i, noun.head.i}:
        return None
    agent = next((c for c in doc[k].children if c.dep_ == "pobj"), None)
    return agent if agent is not None and speaks_for_itself(agent) else None


def speaks_for_itself(owner: Token) -> bool:
    """Who can own a claim: one who can speak, or a country, whose claim is its government's
    ("Russia's claim that …"; a place speaks only so, never by a guess)."""
    return can_speak(owner) or owner.ent_type_ == "GPE"


def owner_of(cue: Token) -> Token | None:
    """Whose claim or view: a noun cue's possessor ("Trump's claim", "his argument", "Russia's
    claim") or agent (``agent_phrase``: "a statement by the Kremlin"); an
    adjective cue's the subject of the copula it completes ("the mayor was confident").  None
    when that owner cannot speak or there is none."""
    if cue.pos_ == "NOUN":
        owner = next((c for c in cue.children if c.dep_ == "poss"), None) or agent_phrase(cue)
        return owner if owner is not None and speaks_for_itself(owner) else None
    if cue.dep_ == "acomp":
        owner = next((c for c in cue.head.children if c.dep_ == "nsubj"), None)
    elif cue.tag_ == "VBN":
        owner = next((c for c in cue.children if c.dep_ == "nsubjpass"), None)  # "is convinced that"
    else:
        owner = None
    return owner if owner is not None and can_speak(owner) else None


def owned_claim_cue(token: Token) -> CueEntry | None:
    """Owned-claim rule: a noun of saying or believing with a possessor who can speak and a
    that-clause ("the senator's claim that …", "his argument that …", "her acknowledgment that
    …") is a cue; the clause is the content, the possessor the source."""
    if token.pos_ != "NOUN" or token.dep_ == "ROOT":
        return None  # a noun the parse made the root of a sentence with a verb: a misparse
    entry = load_state_cues("noun").get(token.lemma_.lower())
    if entry is None or "clause" not in entry.complements or owner_of(token) is None or that_clause_of(token) is None:
        return None
    return entry


def held_state_cue(token: Token) -> CueEntry | None:
    """Held-state rule: an adjective of knowing or believing completing a copula whose subject
    can speak, with a that-clause ("was confident that …", "is aware that …"), is a cue; the
    clause is the content, the copula's subject the source."""
    if token.pos_ != "ADJ" or token.dep_ != "acomp":
        return None
    entry = load_state_cues("adjective").get(token.lemma_.lower())
    if entry is None or owner_of(token) is None or that_clause_of(token) is None:
        return None
    return entry


def held_passive_cue(token: Token) -> CueEntry | None:
    """Held-state rule, passive: "Mykhailo Podolyak is convinced that …", "the minister was
    concerned that …": the participle the parser tags as a passive verb, not an adjective, holds
    the same view; its subject can speak and a that-clause follows.  The form is looked up (the
    adjective list's "convinced"), not the verb's lemma ("convinced him that" persuades).  The
    parser may also hang the participle on the copula as its complement (``acomp``)."""
    if token.tag_ != "VBN":
        return None
    if any(c.dep_ == "auxpass" for c in token.children):
        owner = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
    elif token.dep_ == "acomp":
        # the same participle parsed as completing the copula ("is" the root, "convinced" its
        # acomp): the copula's subject holds the view, as for an adjective
        owner = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
    else:
        return None
    entry = load_state_cues("adjective").get(token.lower_)
    if entry is None or owner is None or not can_speak(owner) or that_clause_of(token) is None:
        return None
    return entry


def state_cue(token: Token) -> CueEntry | None:
    """The entry of a noun or adjective cue (``owned_claim_cue``, ``held_state_cue``), or None."""
    return owned_claim_cue(token) or held_state_cue(token)
