"""Given names and their gender (lexicons/given_names.py)."""

from __future__ import annotations

import pytest

from onrecord.errors import LexiconError
from onrecord.lexicons.given_names import (
    GivenNames,
    gender_of_name,
    load_given_names,
    parse_census_names,
    parse_given_names,
    with_census,
)


def test_the_packaged_lists_load():
    names = load_given_names()
    assert names.gender("Hillary") == "female" and names.gender("Volodymyr") == "male"
    assert names.gender("Jordan") is None  # used for both: not listed


@pytest.mark.parametrize(("name", "gender"), [
    ("Hillary Rodham Clinton", "female"),
    ("Donald J. Trump", "male"),
    ("Mr. Trump", "male"),  # an honorific says it
    ("Ms. Ebeling", "female"),
    ("Clinton", None),  # a surname alone says nothing
    ("Jordan Smith", None),
])
def test_the_gender_a_name_marks(name, gender):
    assert gender_of_name(name) == gender


def test_a_name_in_both_lists_is_an_error():
    with pytest.raises(LexiconError, match="both female and male: ana"):
        parse_given_names("version: 1\nfemale: [Ana, Maria]\nmale: [Ana, Ivan]\n")


def test_a_missing_list_is_an_error():
    with pytest.raises(LexiconError, match="male"):
        parse_given_names("version: 1\nfemale: [Ana]\n")


@pytest.mark.parametrize(("name", "gender"), [("former first lady", "female"), ("the congressman", "male"),
                                              ("Carrier executive", None)])
def test_a_description_marks_the_gender_its_nouns_say(name, gender):
    assert gender_of_name(name) == gender


def test_the_census_names_fill_in_what_the_curated_list_lacks():
    names = load_given_names()
    assert names.gender("Kristen") == "female"  # curated (and in the census list too)
    assert names.gender("Rhonda") == "female" and names.gender("Tyrone") == "male"  # census only
    # left out by the census script: a month and a place, a surname as often as a name
    assert names.gender("June") is None and names.gender("Georgia") is None and names.gender("Warren") is None


def test_the_curated_list_wins_over_the_census():
    curated = GivenNames(frozenset({"nicola"}), frozenset({"ivan"}))
    merged = with_census(curated, {"nicola": "male", "ivan": "female", "tyrone": "male", "elise": "female"})
    assert (merged.gender("Nicola"), merged.gender("Ivan")) == ("female", "male")
    assert (merged.gender("Tyrone"), merged.gender("Elise")) == ("male", "female")


def test_a_malformed_census_line_names_its_line():
    assert parse_census_names("# comment\nTyrone\tmale\n\nÉlise\tfemale\n") == {"tyrone": "male", "elise": "female"}
    with pytest.raises(LexiconError, match="line 2"):
        parse_census_names("Tyrone\tmale\nElise\twoman\n")
