"""What cannot be a person's name (pronouns, places, times, numbers, lists, fragments), the name
recovered from a mention that says more, and the identities ``speakers --check`` lists."""

from __future__ import annotations

import pytest

from onrecord.errors import LexiconError
from onrecord.identity.hygiene import (
    COUNTRY,
    FRAGMENT,
    LIST,
    NUMBER,
    ONE_WORD,
    PLACE,
    PRONOUN,
    TIME,
    TITLE,
    UNKNOWN,
    collective_type,
    display_name,
    identity_problems,
    is_body,
    looks_like_person,
    name_problem,
    person_core,
    suspects,
    title_phrase,
)
from onrecord.lexicons.not_names import fold, parse_not_names


@pytest.mark.parametrize("text, problem", [
    ("I", PRONOUN), ("And I", PRONOUN), ("which", PRONOUN), ("Some", PRONOUN), ("no one", PRONOUN),
    ("They", PRONOUN),
    ("Kyiv", PLACE), ("the West", PLACE), ("Anchorage", PLACE), ("New York", PLACE), ("Donbas", PLACE),
    ("Ukraine", COUNTRY), ("the United States", COUNTRY), ("U.S.", COUNTRY), ("Türkiye", COUNTRY),
    ("5:17 p.m.", TIME), ("10am", TIME), ("Friday", TIME), ("last week", TIME), ("August 15", TIME),
    ("2", NUMBER), ("three", NUMBER), ("1,500", NUMBER),
    ("Joe Biden, the French side and Germany", LIST), ("the FBI and the CIA", LIST), ("Smith & Jones", LIST),
    ("Anna Berg in Vienna", FRAGMENT), ("what should both parties", FRAGMENT), ("Karl Berg and team", FRAGMENT),
])
def test_mentions_that_name_no_one_person(text: str, problem: str) -> None:
    assert name_problem(text) == problem


@pytest.mark.parametrize("text", [
    "Karl Berg", "Ursula von der Leyen", "Bashar al-Assad", "Mohammed bin Salman", "J.D. Vance",
    "Jean-Pierre Martin", "Sam Bankman-Fried", "Martin Luther King, Jr.", "Theresa May", "Berg",
    "Charles de Gaulle", "Donald J. Trump",
])
def test_names_of_people_pass(text: str) -> None:
    assert name_problem(text) is None


def test_organisations_and_groups_may_be_lowercase_and_countries() -> None:
    assert name_problem("Ukrainian officials", person=False) is None
    assert name_problem("Russia", person=False) is None
    assert name_problem("Kyiv", person=False) == PLACE
    assert name_problem("they", person=False) == PRONOUN


@pytest.mark.parametrize("mention, name", [
    ("Ukraine Andrzej Duda", "Andrzej Duda"),  # what is left of "President of Ukraine Andrzej Duda"
    ("Anna Berg in Vienna", "Anna Berg"),
    ("Karl Berg on Friday", "Karl Berg"),
    ("Ursula von der Leyen", "Ursula von der Leyen"),
    ("Berg in Vienna", "Berg in Vienna"),  # one word left: nothing recovered
    ("Karl Berg", "Karl Berg"),
])
def test_person_core_drops_a_place_before_and_a_phrase_after(mention: str, name: str) -> None:
    assert person_core(mention) == name


@pytest.mark.parametrize("name, type, problems", [
    ("Karl Berg", "person", []),
    ("Berg", "person", [ONE_WORD]),
    ("the President", "person", [TITLE]),
    ("President", "role", [TITLE]),
    ("Kyiv", "person", [PLACE]),
    ("Ukraine", "person", [COUNTRY]),
    ("Ukraine", "organization", []),
    ("Ukrainian officials", "group", []),
    # a plural noun described by the list of those it speaks for is one group; the list itself is not
    ("representatives of Austria, Chile and Peru", "group", []),
    ("Austria, Chile and Peru", "group", [LIST]),
    ("previous aid", "unknown", [UNKNOWN]),
    ("it", "unknown", [UNKNOWN, PRONOUN]),
])
def test_identity_problems(name: str, type: str, problems: list[str]) -> None:
    assert identity_problems(name, type) == problems


def test_suspects_name_the_reason_and_two_identities_with_one_name() -> None:
    rows = [
        {"id": "person:k-berg", "name": "Karl Berg", "type": "person", "statements": 4},
        {"id": "org:karl-berg", "name": "Karl Berg", "type": "organization", "statements": 1},
        {"id": "person:kyiv", "name": "Kyiv", "type": "person", "statements": 2},
        {"id": "role:president@1", "name": "President", "type": "role", "statements": 2},
        {"id": "role:president@2", "name": "President", "type": "role", "statements": 1},
        {"id": "group:ukraine-officials", "name": "Ukrainian officials", "type": "group", "statements": 1},
    ]
    found = {f["id"]: f["reasons"] for f in suspects(rows)}
    assert found == {
        "person:k-berg": "same name as org:karl-berg",
        "org:karl-berg": "same name as person:k-berg",
        "person:kyiv": PLACE,
        # roles are one identity per article by design: two "President"s are no conflict
        "role:president@1": TITLE,
        "role:president@2": TITLE,
    }


def test_the_word_lists_fold_and_reject_a_word_listed_twice() -> None:
    assert fold("The Hague") == "hague" and fold("U.S.") == "us" and fold("Türkiye") == "turkiye"
    text = "pronouns: [i]\ntimes: [today]\nnumbers: [two]\ncountries: [chad]\nplaces: [kyiv, Kyiv]\nbodies: [side]\n"
    with pytest.raises(LexiconError, match="line 5.*listed twice"):
        parse_not_names(text)


@pytest.mark.parametrize("name, type, expected", [
    ("Norway", "group", "organization"), ("the Nordic Council", "group", "organization"),
    ("Nordic officials", "group", "group"), ("Greens", "group", "group"), ("the FBI and the CIA", "group", "group"),
    ("Analysts in Oslo", "group", "group"), ("the Bank of Norway", "group", "organization"),
    ("the ministry", "unknown", "unknown"),
])
def test_collective_type(name: str, type: str, expected: str) -> None:
    assert collective_type(name, type) == expected


@pytest.mark.parametrize("name, expected", [
    ("Oleksiy Danylenko", True), ("Mykhailo Berg", True), ("Nordic Council", False), ("Karl Berg", False),
    ("Joseph Berg Foundation", False),
])
def test_looks_like_person_by_a_known_first_name(name: str, expected: bool) -> None:
    assert looks_like_person(name) is expected


@pytest.mark.parametrize("name, type, shown", [
    ("President of Norway Karl Berg", "person", "Karl Berg"),
    ("Minister for Foreign Affairs of Norway Anna Berg", "person", "Anna Berg"),
    ("Norway Karl Berg", "person", "Karl Berg"),
    ("the Nordic Council", "organization", "Nordic Council"),
    ("the president", "person", "the president"),
])
def test_display_name(name: str, type: str, shown: str) -> None:
    assert display_name(name, type) == shown


@pytest.mark.parametrize("name", ["Other people", "colleagues in the West", "Karl Berg and team", "TRUMP and"])
def test_a_group_that_is_no_proper_name_stays_a_group(name: str) -> None:
    assert collective_type(name, "group") == "group"


def test_a_mention_starting_with_a_preposition_is_a_fragment() -> None:
    assert name_problem("of the Danish Republic") == FRAGMENT
    assert name_problem("and I") == PRONOUN


@pytest.mark.parametrize("name", ["Colleagues, the points that I made here", "what should both parties",
                                  "the Nordic army - its funding, training and more"])
def test_a_clause_is_no_organisation_or_group(name: str) -> None:
    assert name_problem(name, person=False) == FRAGMENT


@pytest.mark.parametrize("name", ["our colleagues in the West", "Nordic Council", "Ukrainian officials",
                                  "US officials"])
def test_organisations_and_groups_with_no_clause_pass(name: str) -> None:
    assert name_problem(name, person=False) is None


@pytest.mark.parametrize("name, expected", [
    ("Adviser to the Head of the Office", True), ("head of the Danish state", True),
    ("Karl Berg", False), ("President Karl Berg", False), ("leader of the Nordic talks", False),
])
def test_a_title_made_of_two_titles(name: str, expected: bool) -> None:
    assert title_phrase(name) is expected


@pytest.mark.parametrize("name, expected", [
    ("the government", True), ("the Danish side", True), ("the ministry of defence", True),
    ("the plan", False), ("sovereignty", False),
])
def test_bodies_that_speak(name: str, expected: bool) -> None:
    assert is_body(name) is expected
