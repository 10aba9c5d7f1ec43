"""The learned stance reader: its features and probabilities are scikit-learn's, it fills in only
what the rules leave unclear and only the labels it was shown to give right, and a filled label
never carries the confidence a position needs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from onrecord.config import Config
from onrecord.errors import ConfigError
from onrecord.extraction.stances.learned import LearnedReader, load_reader, reader_text, terms
from onrecord.model.stance import STANCE_LABELS, Reported, Stance
from onrecord.timeline.stances import CONFIDENT

HELD_OUT = {"heldout", "heldout2", "heldout3", "heldout4"}
GUARANTORS = '"Ukraine is consulting its future security guarantors every day," Ana Silva said.'


def tiny_model(**changes: Any) -> dict[str, Any]:
    """A model by hand: "guarantors" and "consulting" weigh for support, "never" for oppose."""
    vocabulary = {"consulting": 0, "guarantors": 1, "never": 2, "security_guarantees": 3}
    data = {
        "vocabulary": vocabulary, "idf": [1.0, 1.0, 1.0, 1.0], "rule_labels": [],
        "classes": ["oppose", "support", "unclear"],
        "coef": [[0.0, 0.0, 6.0, 0.0], [4.0, 4.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0]],
        "intercept": [0.0, 0.0, 0.5], "floor": 0.7, "issues": ["security_guarantees", "territory"],
        "trained_on": {"dev": 10}, "fill_confidence": 0.6, "fills": {"security_guarantees": ["support"]},
    }
    data.update(changes)
    return data


@pytest.mark.parametrize("text", [
    "We are ready for talks — today, not tomorrow.",
    "Zelenskyy's “peace formula”: 10 points, I'd say.",
    "Ceasefire NOW; a 30-day truce, then talks in Istanbul (Türkiye).",
])
def test_terms_are_scikit_learns_words_and_word_pairs(text):
    sklearn = pytest.importorskip("sklearn.feature_extraction.text")
    assert terms(text) == sklearn.TfidfVectorizer(ngram_range=(1, 2)).build_analyzer()(text)


def test_probabilities_are_scikit_learns():
    """The features (sublinear tf, smoothed idf, unit length, the rules' label after them) and
    the softmax read back what scikit-learn's model gives, on text it has not seen."""
    text_module = pytest.importorskip("sklearn.feature_extraction.text")
    linear = pytest.importorskip("sklearn.linear_model")
    sparse = pytest.importorskip("scipy.sparse")
    train = [("negotiations we are ready for talks", "unclear", "support"),
             ("negotiations no talks with the aggressor", "oppose", "oppose"),
             ("negotiations talks only if troops leave", "conditional", "conditional"),
             ("negotiations the talks lasted three hours", "unclear", "unclear"),
             ("negotiations we want talks now and talks again", "support", "support"),
             ("negotiations never talks with them", "oppose", "oppose")]
    vectorizer = text_module.TfidfVectorizer(ngram_range=(1, 2), min_df=1, sublinear_tf=True)
    words = vectorizer.fit_transform([t for t, _, _ in train])
    onehot = sparse.csr_matrix([[1.0 if rule == label else 0.0 for label in STANCE_LABELS] for _, rule, _ in train])
    model = linear.LogisticRegression(C=10).fit(sparse.hstack([words, onehot]).tocsr(), [g for _, _, g in train])
    reader = LearnedReader(tiny_model(
        vocabulary={str(k): int(v) for k, v in vectorizer.vocabulary_.items()}, idf=list(vectorizer.idf_),
        rule_labels=list(STANCE_LABELS), classes=[str(c) for c in model.classes_],
        coef=model.coef_.tolist(), intercept=model.intercept_.tolist()))
    text, rule = "negotiations we are ready for talks talks, never with them", "unclear"
    row = sparse.hstack([vectorizer.transform([text]),
                         sparse.csr_matrix([[1.0 if rule == label else 0.0 for label in STANCE_LABELS]])]).tocsr()
    expected = dict(zip(model.classes_, model.predict_proba(row)[0], strict=True))
    got = reader.probabilities(text, rule)
    assert got == pytest.approx(expected, abs=1e-9)


def test_fills_in_a_label_where_the_rules_read_none():
    reader = LearnedReader(tiny_model())
    rules = Stance("unclear", [], confidence=0.6, reason="no word in the statement takes a position on the issue",
                   reported=Reported("Russia", "oppose", ["refused"]))
    stance = reader.revise(rules, "security_guarantees", "we are consulting the guarantors")
    assert (stance.label, stance.source, stance.confidence) == ("support", "model", 0.6)
    assert set(stance.evidence) == {"consulting", "guarantors"}  # the words that weigh for it, not the issue
    assert "the rules read no position (no word in the statement" in (stance.reason or "")
    assert stance.reported == rules.reported  # someone else's position, as the rules found it


@pytest.mark.parametrize(("stance", "issue", "text"), [
    # a label of the rules is never overruled
    (Stance("oppose", ["never"], confidence=0.8), "security_guarantees", "we are consulting the guarantors"),
    # a label it was not shown to give right on the issue is not given
    (Stance("unclear", []), "security_guarantees", "never never never"),
    (Stance("unclear", []), "territory", "we are consulting the guarantors"),
    # an issue it was not trained on, a person's label, a model's label
    (Stance("unclear", []), "nato", "we are consulting the guarantors"),
    (Stance("unclear", [], source="human"), "security_guarantees", "we are consulting the guarantors"),
    (Stance("unclear", [], source="model"), "security_guarantees", "we are consulting the guarantors"),
])
def test_leaves_alone(stance, issue, text):
    assert LearnedReader(tiny_model()).revise(stance, issue, text) is stance


def test_below_the_floor_the_rules_unclear_stays():
    reader = LearnedReader(tiny_model(floor=0.99))
    probabilities = reader.probabilities(reader_text("security_guarantees", "consulting the guarantors"), "unclear")
    assert 0.5 < probabilities["support"] < 0.99
    stance = Stance("unclear", [])
    assert reader.revise(stance, "security_guarantees", "consulting the guarantors") is stance


def test_the_packaged_reader_was_trained_on_development_sets_only_and_makes_no_position():
    reader = load_reader()
    assert reader.trained_on and not set(reader.trained_on) & HELD_OUT
    # a filled label is shown, but a position (and so a shift) never rests on one
    assert reader.fill_confidence < CONFIDENT
    assert all(labels <= {"support", "oppose", "conditional"} for labels in reader.fills.values())
    assert set(reader.fills) <= reader.issues


@pytest.mark.parametrize("change", [{"coef": [[1.0]]}, {"classes": ["maybe", "support", "unclear"]}, {"idf": None}])
def test_a_broken_model_file_is_a_clear_error(tmp_path, change):
    path = tmp_path / "reader.json"
    path.write_text(json.dumps(tiny_model(**change)), encoding="utf-8")
    with pytest.raises(ConfigError, match="stance reader"):
        load_reader(path)


def test_an_unreadable_model_file_is_a_clear_error(tmp_path):
    with pytest.raises(ConfigError, match="cannot read the stance reader"):
        load_reader(tmp_path / "missing.json")


def _stance(reader: str) -> dict[str, Any]:
    from onrecord.extraction.pipeline import build_nlp, statements_of

    statements = statements_of(build_nlp(Config.load(environ={}, stance_reader=reader))(GUARANTORS))
    return statements[0].stances["security_guarantees"]


def test_pipeline_reads_with_a_model_file_and_not_when_off(tmp_path: Path):
    path = tmp_path / "reader.json"
    path.write_text(json.dumps(tiny_model()), encoding="utf-8")
    assert _stance("off")["label"] == "unclear" and _stance("off")["source"] == "rules"
    read = _stance(str(path))
    assert (read["label"], read["source"], read["confidence"]) == ("support", "model", 0.6)


def test_reader_text_puts_the_issue_first():
    assert reader_text("nato", "We want in.") == "nato We want in."
