"""Raw Matcher patterns with their small sets spelled out (issue_tags.spelled_out): the same spans,
found by exact values the Matcher checks in C."""

from __future__ import annotations

from spacy.matcher import Matcher

from onrecord.extraction.issue_tags import MAX_SPELLED_OUT, spelled_out
from onrecord.extraction.pieces import ours

TERRITORY = [{"LOWER": {"IN": ["our", "its", "their"]}}, {"POS": "ADJ", "OP": "*"}, {"LEMMA": "land"}]
GUARANTEE = [{"LEMMA": "guarantee", "POS": {"IN": ["NOUN", "PROPN"]}}]
OPTIONAL = [{"LOWER": {"IN": ["early", "late"]}, "OP": "?"}, {"LOWER": "talks"}]
TEXTS = ["They will never give up their own ancestral land, he said.",
         "Security guarantees must come first; we guarantee nothing else.",
         "Early talks failed. The talks resumed late. Late talks went on.",
         "Our land is not for sale, and its land neither."]


def test_a_set_becomes_one_pattern_per_value():
    assert spelled_out(TERRITORY) == [[{"LOWER": w}, TERRITORY[1], {"LEMMA": "land"}] for w in ("our", "its", "their")]
    assert spelled_out(GUARANTEE) == [[{"LEMMA": "guarantee", "POS": "NOUN"}], [{"LEMMA": "guarantee", "POS": "PROPN"}]]
    assert spelled_out(OPTIONAL) == [[{"LOWER": "early", "OP": "?"}, {"LOWER": "talks"}],
                                     [{"LOWER": "late", "OP": "?"}, {"LOWER": "talks"}]]


def test_a_set_under_star_plus_or_not_is_kept_and_so_is_a_large_product():
    for op in ("*", "+", "!"):
        pattern = [{"LOWER": {"IN": ["a", "b"]}, "OP": op}, {"LOWER": "c"}]
        assert spelled_out(pattern) == [pattern]
    big = [{"LOWER": {"IN": [str(i) for i in range(MAX_SPELLED_OUT + 1)]}}]
    assert spelled_out(big) == [big]
    assert spelled_out([{"LOWER": {"NOT_IN": ["a"]}}]) == [[{"LOWER": {"NOT_IN": ["a"]}}]]


def test_the_same_spans_as_the_sets(nlp):
    with_sets, spelled = Matcher(nlp.vocab), Matcher(nlp.vocab)
    for key, pattern in (("territory", TERRITORY), ("guarantee", GUARANTEE), ("talks", OPTIONAL)):
        with_sets.add(key, [pattern])
        spelled.add(key, spelled_out(pattern))
    skip = ours(nlp)
    found = 0
    for doc in nlp.pipe(TEXTS, disable=skip):
        expected = {(m, s, e) for m, s, e in with_sets(doc)}
        assert {(m, s, e) for m, s, e in spelled(doc)} == expected, doc.text
        found += len(expected)
    assert found >= 8
