"""Tokens found in the text (docindex.tokens_spelled) and the cue tokens read from user_data
(cues.marked_cues) are exactly those a walk over every token finds, in order."""

from __future__ import annotations

import pytest

TEXT = ("According to Mia, ACCORDING to plan, the accordingly named Accord was signed; "
        "Hunter met Hunter's brother, and Hunters... Hunter-gatherers? gonna hunt. according")


@pytest.fixture(scope="module")
def doc(nlp):
    return nlp.make_doc(TEXT)


@pytest.mark.parametrize(("spelling", "lower"), [("according", True), ("Hunter", False), ("hunter", True),
                                                   ("na", False), ("gon", False), (",", False), ("Accord", False)])
def test_tokens_spelled_is_the_walk(doc, spelling, lower):
    from onrecord.extraction.docindex import tokens_spelled

    walk = [t.i for t in doc if (t.lower_ if lower else t.text) == spelling]
    assert [t.i for t in tokens_spelled(doc, spelling, lower=lower)] == walk
    assert walk or spelling == "Accord"  # the cases find something (Accord: a word inside none)


def test_tokens_spelled_finds_abutting_tokens(nlp):
    from onrecord.extraction.docindex import tokens_spelled

    doc = nlp.make_doc("aaa")
    assert [t.i for t in tokens_spelled(doc, "aaa")] == [0]
    assert tokens_spelled(doc, "aa") == []  # inside a token is no token


def test_marked_cues_are_the_tokens_with_a_cue(nlp):
    from onrecord.extraction.cues import marked_cues
    from onrecord.lexicons.cues import CueEntry

    doc = nlp.make_doc("She said it, he told them, and they said no.")
    for i in (7, 1, 4):
        doc[i]._.cue = CueEntry(doc[i].lower_, "speech", frozenset({"clause"}))
    doc[4]._.cue = None  # unset again: no cue
    assert [t.i for t in marked_cues(doc)] == [t.i for t in doc if t._.cue is not None] == [1, 7]


@pytest.mark.parametrize(("attr", "test"), [("ORTH", str.isupper), ("LOWER", lambda w: w in {"hunter", "to"}),
                                             ("LEMMA", lambda w: w.lower() in {"meet", "sign"})])
def test_tokens_with_is_the_walk(nlp, attr, test):
    from onrecord.extraction.docindex import tokens_with

    doc = nlp("The NATO envoy met Hunter and signed the deal; HUNTER signs too, and Mia meets her.")
    value = {"ORTH": lambda t: t.text, "LOWER": lambda t: t.lower_, "LEMMA": lambda t: t.lemma_}[attr]
    walk = [t.i for t in doc if test(value(t))]
    assert walk and [t.i for t in tokens_with(doc, attr, test)] == walk
    assert tokens_with(nlp.make_doc(""), attr, test) == []


def test_cue_candidates_are_the_nouns_adjectives_and_verb_uses(nlp):
    from onrecord.extraction.cues import STATE_POS, cue_candidates, is_verb_use

    doc = nlp("She said the claim was false, and he kept saying it: a happy dog, reportedly, barked twice.")
    walk = [t.i for t in doc if t.pos_ in STATE_POS or is_verb_use(t)]
    assert walk and len(walk) < len(doc)
    assert [t.i for t in cue_candidates(doc)] == walk
    assert cue_candidates(nlp.make_doc("")) == []
