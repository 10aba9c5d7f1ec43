"""The remembering lemmatizer (lemmas.py) gives what the model's own lemmatizer gives."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import LEMMA

from onrecord.config import DEFAULT_MODEL
from onrecord.extraction import factories  # noqa: F401  (registers onrecord_lemmatizer)
from onrecord.extraction.lemmas import MemoLemmatizer, speed_up

SENTENCES = [
    "The ministers were saying that the talks had failed, and she went home.",
    "Better offers came later; the best ones were rejected by both sides' negotiators.",
    "He'd been told they're leaving.  Leaves fell as the leaves of the treaty were signed.\n\nGone.",
    "Saying nothing, the spokesmen of the UN and NATO left.",
]


@pytest.fixture(scope="module")
def models():
    stock = spacy.load(DEFAULT_MODEL, exclude=["ner"])
    ours = spacy.load(DEFAULT_MODEL, exclude=["ner"])
    speed_up(ours)
    return stock, ours


@pytest.mark.parametrize("text", SENTENCES)
def test_same_lemmas_as_the_models_lemmatizer(models, text: str) -> None:
    stock, ours = models
    assert ours(text).to_array([LEMMA]).tolist() == stock(text).to_array([LEMMA]).tolist()


def test_a_row_is_asked_once_and_remembered(models) -> None:
    _, ours = models
    memo = ours.get_pipe("lemmatizer")
    assert isinstance(memo, MemoLemmatizer) and ours.pipe_names == spacy.load(DEFAULT_MODEL, exclude=["ner"]).pipe_names
    memo.memo.clear()
    asked = []
    inner_lemmatize = memo.inner.lemmatize
    memo.inner.lemmatize = lambda token: asked.append(token.text) or inner_lemmatize(token)
    try:
        ours("The talks failed. The talks failed.")
    finally:
        memo.inner.lemmatize = inner_lemmatize
    # "The" and "the" are distinct rows; the second sentence asks nothing new
    assert sorted(asked) == sorted(["The", "talks", "failed", "."])


def test_lemmas_the_attribute_ruler_set_are_kept(models) -> None:
    stock, ours = models
    text = "I'm gonna say it: y'all ain't ready."
    assert [t.lemma_ for t in ours(text)] == [t.lemma_ for t in stock(text)]


def test_speed_up_twice_changes_nothing(models) -> None:
    _, ours = models
    memo = ours.get_pipe("lemmatizer")
    speed_up(ours)
    assert ours.get_pipe("lemmatizer") is memo
