"""The attribute ruler by look-up (attributes.py) gives what spaCy's AttributeRuler gives."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import LEMMA, MORPH, POS, TAG
from spacy.pipeline import AttributeRuler

from onrecord.config import DEFAULT_MODEL
from onrecord.extraction import factories  # noqa: F401  (registers onrecord_attribute_ruler)
from onrecord.extraction.attributes import FastAttributeRuler, passes, speed_up, token_spec

SENTENCES = [
    "I'm gonna tell you: it ain't over, and y'all know that we've got ta try.",
    "There is no deal yet, the minister said, because they don't trust it.",
    "Let's wait.  She gave it to me and asked whether I had done it.\n\nNothin' changed.",
    "C'mon, that is what those who were there had said.",
]
ATTRS = [POS, MORPH, TAG, LEMMA]


@pytest.fixture(scope="module")
def model():
    return spacy.load(DEFAULT_MODEL, disable=["lemmatizer", "ner"])


def annotate(model, ruler, text: str):
    doc = model.make_doc(text)
    for name, proc in model.pipeline:
        if name != "attribute_ruler":
            doc = proc(doc)
    return ruler(doc).to_array(ATTRS).tolist()


def fast_copy(model, patterns) -> FastAttributeRuler:
    fast = FastAttributeRuler(model.vocab, "fast")
    fast.add_patterns(patterns)
    return fast


@pytest.mark.parametrize("text", SENTENCES)
def test_same_annotation_as_spacys_ruler(model, text: str) -> None:
    spacys = model.get_pipe("attribute_ruler")
    assert annotate(model, fast_copy(model, spacys.patterns), text) == annotate(model, spacys, text)


def test_a_pattern_with_an_operator_goes_through_a_matcher(model) -> None:
    patterns = [*model.get_pipe("attribute_ruler").patterns,
                {"patterns": [[{"LOWER": "very", "OP": "+"}, {"LOWER": "good"}]], "attrs": {"LEMMA": "fine"},
                 "index": -1}]
    spacys = AttributeRuler(model.vocab, "reference")
    spacys.add_patterns(patterns)
    text = "It was very very good news."
    ours = annotate(model, fast_copy(model, patterns), text)
    assert ours == annotate(model, spacys, text)
    assert model.vocab.strings["fine"] in [row[3] for row in ours]


def test_later_patterns_override_earlier_ones(model) -> None:
    patterns = [{"patterns": [[{"LOWER": "deal"}]], "attrs": {"POS": "VERB", "LEMMA": "x"}},
                {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "PROPN"}}]
    doc = fast_copy(model, patterns)(model("The deal holds."))
    assert (doc[1].pos_, doc[1].lemma_) == ("PROPN", "x")


def test_token_spec_tests() -> None:
    spec = token_spec({"TAG": "VBZ", "LOWER": {"IN": ["is", "'s"]}, "DEP": {"NOT_IN": [""]}})
    assert spec is not None
    assert passes(spec, {"TAG": "VBZ", "LOWER": "'s", "DEP": "aux", "IS_SPACE": False})
    assert not passes(spec, {"TAG": "VBZ", "LOWER": "'s", "DEP": "", "IS_SPACE": False})
    assert token_spec({"LOWER": "a", "OP": "?"}) is None
    assert token_spec({"ORTH": "a"}) is None


def test_speed_up_swaps_the_ruler_in_place(model) -> None:
    nlp = spacy.load(DEFAULT_MODEL, exclude=["ner"])
    names = list(nlp.pipe_names)
    speed_up(nlp)
    assert nlp.pipe_names == names and isinstance(nlp.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert len(nlp.get_pipe("attribute_ruler").patterns) == len(model.get_pipe("attribute_ruler").patterns)
