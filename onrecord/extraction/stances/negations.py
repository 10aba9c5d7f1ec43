"""What a negation reaches beyond its own word.

Three that reverse nothing: "the proposals did not address our demand for non-expansion" complains
that the demand was ignored; "NATO will not change its policy on freedom of accession" keeps the
open door; "otherwise I wouldn't have set up the meeting" says the meeting was set up. In each the
negation sits on a verb between the speaker and the issue, and the issue keeps the sign the rest of
the sentence gives it (``polarity.polarity_factors`` asks these before it counts a negation). One
that reverses a whole clause: its subject is no one ("no country has the right to undermine …":
``rules.consequence_valence`` asks it).
"""

from __future__ import annotations

from spacy.tokens import Token

from onrecord.extraction.stances.reading import MARKERS


def unheeded(negation: Token) -> bool:
    """Unheeded rule: a negation of a verb of heeding ("address", "take up", "answer") whose subject
    is not the speaker ("these proposals did not address our demand for non-expansion", "they have
    not answered our proposals") says what was ignored — the speaker's complaint, no refusal of
    what is named; with "we" or "I" ("we will not consider it") it is the speaker's own refusal."""
    verb = negation.head
    if verb.lemma_.lower() not in MARKERS.heeding_verbs:
        return False
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return subject is not None and subject.lower_ not in MARKERS.first_person


def unchanged(negation: Token) -> bool:
    """Unchanged rule: a negation of a verb of changing ("NATO will not change its policy on
    freedom of accession", "we will not abandon the course to membership"), or a refusal made of
    one ("will not", "never" on it), keeps what would be changed: it does not reverse the issue
    below it."""
    return negation.dep_ in {"neg", "aux", "advmod"} and negation.head.lemma_.lower() in MARKERS.changing_verbs


NOBODY = {"nobody", "nothing", "none", "neither"}


def nobody_does(token: Token) -> bool:
    """The word is in a clause whose subject is no one: "no country has the right to undermine
    …", "nobody will accept …" (the subject's "no" negates its clause)."""
    for word in (token, *token.ancestors):
        for child in word.children:
            if child.dep_ in {"nsubj", "nsubjpass"} and (
                    child.lower_ in NOBODY or any(d.dep_ == "det" and d.lower_ == "no" for d in child.children)):
                return True
        if word.dep_ in {"ROOT", "conj"} and word.pos_ in {"VERB", "AUX"}:
            return False  # its clause's verb reached: the clauses above are other assertions
    return False


COUNTERFACTUAL_MODALS = frozenset({"would", "'d", "’d", "could", "might"})


def counterfactual_past(verb: Token) -> bool:
    """Counterfactual rule: a modal, "have" and a past participle (Quirk et al. 1985, 14.23, the
    hypothetical past) after "otherwise" or "without" ("otherwise I wouldn't have set up the
    meeting", "without him, this deadlock would not have been broken") explains a past act by what
    would have happened instead, and puts no condition on anything now."""
    auxiliaries = [c for c in verb.children if c.dep_ == "aux"]
    return (verb.tag_ == "VBN" and any(c.lower_ in COUNTERFACTUAL_MODALS for c in auxiliaries)
            and any(c.lemma_.lower() == "have" for c in auxiliaries))


def otherwise_not(negation: Token) -> bool:
    """Counterfactual negation: "otherwise I wouldn't have set up the meeting" says the meeting was
    set up (the negation is of what would have happened instead): it reverses nothing."""
    verb = negation.head
    return counterfactual_past(verb) and any(c.lower_ in {"otherwise", "else"} for c in verb.children)
