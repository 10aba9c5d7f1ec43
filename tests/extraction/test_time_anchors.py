"""The time-phrase matcher runs only on sentences holding an anchor (context/when.py,
``AnchoredMatcher``): the same matches as the plain Matcher on every sentence."""

from __future__ import annotations

from spacy.matcher import Matcher

from onrecord.extraction.anchored import AnchoredMatcher, _anchor
from onrecord.extraction.context.when import TIME_PATTERNS
from onrecord.extraction.pieces import ours

SENTENCES = [
    "He said on Monday morning that the talks would go on.",
    "Two weeks ago the minister said so.",
    "Speaking in March 2022, she said it was over.",
    "On the 5th of May the ministry said that.",
    "The ministry said in 2023 that it would not sign.",
    "Later that day he told reporters it was a trap.",
    "The minister told reporters the talks would go on.",
    "We may never know what he said.",
    "He said over the weekend that it was over.",
    "It was said yesterday evening, and again today.",
]


def plain_matcher(vocab):
    matcher = Matcher(vocab)
    for key, patterns in TIME_PATTERNS.items():
        matcher.add(key, patterns, greedy="LONGEST")
    return matcher


def test_every_time_pattern_has_an_anchor():
    assert all(_anchor(p) is not None for group in TIME_PATTERNS.values() for p in group)


def test_an_anchor_list_of_stop_words_is_chosen_last():
    # "in"/"during" are stop words; the month names (one stop word, "May", in 36) are required too
    pattern = [{"LOWER": {"IN": ["in", "during"]}}, {"ORTH": {"IN": ["May", "June", "July"]}}]
    assert _anchor(pattern) == ("ORTH", ("May", "June", "July"))
    assert _anchor([{"LOWER": "the", "OP": "?"}, {"LIKE_NUM": True}]) is None


def test_same_matches_as_the_plain_matcher(nlp):
    anchored = AnchoredMatcher(nlp.vocab, TIME_PATTERNS)
    plain = plain_matcher(nlp.vocab)
    assert anchored.filtered
    found = 0
    for doc in nlp.pipe(SENTENCES, disable=ours(nlp)):
        for sent in doc.sents:
            assert sorted(anchored(sent)) == sorted(plain(sent)), sent.text
            found += bool(plain(sent))
    assert found >= 8


def test_a_sentence_without_an_anchor_is_not_matched(nlp, monkeypatch):
    anchored = AnchoredMatcher(nlp.vocab, TIME_PATTERNS)
    doc = nlp.make_doc("The minister told reporters the talks would go on.")
    calls = []
    monkeypatch.setattr(anchored, "matcher", lambda sent: calls.append(sent) or [])
    assert anchored(doc[:]) == [] and calls == []
    assert anchored(nlp.make_doc("He said it on Monday.")[:]) == [] and len(calls) == 1


def test_a_pattern_without_an_anchor_turns_the_filter_off(nlp):
    anchored = AnchoredMatcher(nlp.vocab, {"num": [[{"LIKE_NUM": True}, {"IS_PUNCT": True}]]})
    assert not anchored.filtered
    doc = nlp.make_doc("Ten, they said.")
    assert [(s, e) for _, s, e in anchored(doc[:])] == [(0, 2)]


def test_only_a_token_every_match_holds_is_an_anchor():
    # "!" is a token that must not be there, "{0,3}" may be absent; "+" and "{1,2}" are required
    assert _anchor([{"LOWER": "not", "OP": "!"}, {"LOWER": "ago"}]) == ("LOWER", ("ago",))
    assert _anchor([{"LOWER": "soon", "OP": "{0,3}"}, {"LOWER": "ago"}]) == ("LOWER", ("ago",))
    assert _anchor([{"LOWER": "very", "OP": "+"}]) == ("LOWER", ("very",))
    assert _anchor([{"LOWER": "very", "OP": "{1,2}"}]) == ("LOWER", ("very",))
    assert _anchor([{"LOWER": "not", "OP": "!"}, {"IS_DIGIT": True}]) is None
