"""Titles and roles: a mention splits into its title and its name, and a title names its
organisation or country."""

from __future__ import annotations

import pytest

from onrecord.identity.titles import (
    is_acronym_of,
    office_fits,
    office_head,
    office_words,
    organization_of,
    split_title,
)


@pytest.mark.parametrize("text, expected", [
    ("Ukraine's President Volodymyr Zelensky", ("Ukraine's President", "Volodymyr Zelensky")),
    ("President-elect Donald Trump", ("President-elect", "Donald Trump")),
    ("Denmark's prime minister", ("Denmark's prime minister", None)),
    ("Foreign Minister Dmytro Kuleba", ("Foreign Minister", "Dmytro Kuleba")),
    ("the Russian president", ("the Russian president", None)),
    ("Russian President Vladimir Putin", ("Russian President", "Vladimir Putin")),
    ("President of Ukraine Volodymyr Zelenskyy", ("President of Ukraine", "Volodymyr Zelenskyy")),
    ("Head of the Office of the President of Ukraine Andriy Yermak",
     ("Head of the Office of the President of Ukraine", "Andriy Yermak")),
    ("Kremlin spokesman Dmitry Peskov", ("Kremlin spokesman", "Dmitry Peskov")),
    ("Dmitry Peskov, the Kremlin spokesman", ("the Kremlin spokesman", "Dmitry Peskov")),
    ("NATO Secretary General Mark Rutte", ("NATO Secretary General", "Mark Rutte")),
    ("Secretary of State Marco Rubio", ("Secretary of State", "Marco Rubio")),
    ("former President Donald Trump", ("former President", "Donald Trump")),
    ("Mr. Putin", ("Mr.", "Putin")),
    ("Volodymyr Zelensky", (None, "Volodymyr Zelensky")),
    ("Zelensky's", (None, "Zelensky")),
    ("Ursula von der Leyen", (None, "Ursula von der Leyen")),
    ("the Kremlin", (None, "the Kremlin")),
    ("Western leaders", (None, "Western leaders")),
    ("", (None, None)),
])
def test_split_title(text: str, expected: tuple[str | None, str | None]) -> None:
    assert split_title(text) == expected


@pytest.mark.parametrize("title, organization", [
    ("Ukraine's President", "Ukraine"),
    ("President of Ukraine", "Ukraine"),
    ("German Chancellor", "Germany"),
    ("US President", "United States"),
    ("Kremlin spokesman", "Kremlin"),
    ("NATO Secretary General", "NATO"),
    ("Head of the Office of the President of Ukraine", "Office of the President of Ukraine"),
    ("Secretary of State", None),
    ("Putin's spokesman", None),
    ("President-elect", None),
])
def test_organization_of_a_title(title: str, organization: str | None) -> None:
    assert organization_of(title) == organization


@pytest.mark.parametrize("text, words", [
    ("Mr Justice", ["judge"]),
    ("the judge", ["judge"]),
    ("the top Russian diplomat", ["russia", "foreign-minister"]),
    ("Secretary of State", ["foreign-minister"]),
    ("CrowdStrike CEO", ["crowdstrike", "chief-executive"]),
    ("the company's chief executive", ["company", "chief-executive"]),
    ("the director-general", ["head"]),
    ("the deputy director", ["deputy", "director"]),
])
def test_office_words_read_each_wording_as_its_office(text: str, words: list[str]) -> None:
    assert office_words(text) == words


@pytest.mark.parametrize("description, titles, fits", [
    ("the judge", ["Mr Justice"], True),
    ("the Iranian minister", ["Iranian Foreign Minister"], True),
    ("the top U.S. diplomat", ["Secretary of State"], True),
    ("the company's chief executive", ["Vexor CEO"], True),
    ("the top Russian diplomat", ["Russian Foreign Ministry"], True),  # a title naming only the body
    ("the Russian president", ["US President"], False),  # another country
    ("the director", ["the deputy director of the Survey Office"], False),  # another office
    ("the Labour leader", ["the Senate leader"], False),  # another body
    ("the Conservative health minister", ["Health Minister"], True),  # "Health" is in both
    ("the Conservative health minister", ["the Labour health minister"], False),
    ("the health minister", ["Labour's shadow health minister"], False),  # a shadow minister is another office
    ("the Kremlin's top foreign policy adviser", ["Putin's foreign policy adviser"], True),
    ("the Kremlin's top foreign policy adviser", ["Kremlin aide"], True),
    ("the director-general", ["WHO Director-General"], True),
    ("the judge", ["Defence Minister"], False),
    ("the top Russian diplomat", ["a city in southern Russia"], False),  # no office at all
])
def test_a_description_fits_the_titles_of_the_same_office(description: str, titles: list[str], fits: bool) -> None:
    assert bool(office_fits(description, titles)) is fits


def test_the_same_office_fits_better_than_its_general_word() -> None:
    assert office_fits("the Iranian foreign minister", ["Iranian Foreign Minister"]) > office_fits(
        "the Iranian minister", ["Iranian Foreign Minister"])


@pytest.mark.parametrize("acronym, name, linked", [
    ("FAA", "the Federal Aviation Administration", True),
    ("WHO", "World Health Organization", True),
    ("CDC", "Centers for Disease Control and Prevention", True),  # the last word left out
    ("DSHS", "Department of State Health Services", True),
    ("FAA", "Food and Agriculture Organization", False),
    ("WHO", "Who", False),
    ("EU", "European", False),
])
def test_an_acronym_is_linked_to_the_name_it_abbreviates(acronym: str, name: str, linked: bool) -> None:
    assert is_acronym_of(acronym, name) is linked


@pytest.mark.parametrize("title, head", [
    ("Iranian Foreign Minister", "foreign-minister"),
    ("Head of the Office of the President of Ukraine", "head"),
    ("Minister of Foreign Affairs", "foreign-minister"),  # one wording across the "of"
    ("Climate scientist at the Survey Office", "scientist"),
    ("the conservative donors who have become allies of the candidate", None),
    ("Russian Foreign Ministry", None),
])
def test_the_office_of_a_title_is_named_before_its_of(title: str, head: str | None) -> None:
    assert office_head(title) == head


def test_a_deputy_or_an_adviser_of_a_head_is_not_the_head():
    from onrecord.identity.titles import match_role, role_tokens

    roles = {"Head of the Mayor's Office": "Anna Berg"}
    assert match_role(role_tokens("Adviser to the Head of the Mayor's Office"), roles) is None
    assert match_role(role_tokens("Deputy Head of the Mayor's Office"), roles) is None
    # a qualifier only (a nationality) still finds the holder
    found = match_role(role_tokens("the Finnish Head of the Mayor's Office"), roles)
    assert found == ("Head of the Mayor's Office", "Anna Berg")


def test_a_mention_run_over_a_list_gives_each_name_its_own_title():
    from onrecord.identity.titles import article_roles_from, titled_names

    mention = ("President of the Republic of Poland Andrzej Duda and President of the Republic of Lithuania "
               "Gitanas Nausėda, President of Ukraine Volodymyr Zelenskyy")
    assert titled_names(mention)[-1] == ("President of Ukraine", "Volodymyr Zelenskyy")
    roles = article_roles_from([mention])
    assert roles["President of the Republic of Poland"] == "Andrzej Duda"
    assert roles["President of Ukraine"] == "Volodymyr Zelenskyy"


def test_a_mention_that_is_no_list_is_read_as_before():
    from onrecord.identity.titles import split_title, titled_names

    for mention in ("Ukraine's President Volodymyr Zelensky", "Secretary of Health and Human Services Jane Doe"):
        assert titled_names(mention) == [split_title(mention)]


@pytest.mark.parametrize("text, expected", [
    # Object rule: the name after "to"/"for" and an office holder's title is someone else's
    ("a spokesman for President Lidia Varga", ("a spokesman for President Lidia Varga", None)),
    ("an aide to Karl Berg", ("an aide to Karl Berg", None)),
    ("an aide to Prime Minister Karl Berg", ("an aide to Prime Minister Karl Berg", None)),
    ("a spokesman for the Moldovan President Lidia Varga",
     ("a spokesman for the Moldovan President Lidia Varga", None)),
    # ... but after "the President" (the article and the title alone, as the Kremlin writes) the
    # name is the secretary's
    ("Press Secretary of the President Oleg Marin", ("Press Secretary of the President", "Oleg Marin")),
    # "to" phrases belong to an adviser's title
    ("Adviser to the Head of the President's Office Oleg Marin",
     ("Adviser to the Head of the President's Office", "Oleg Marin")),
    ("Ambassador of Moldova to the United States Ana Silva",
     ("Ambassador of Moldova to the United States", "Ana Silva")),
    # a title word in the possessive before more words is a modifier, not the title's end
    ("the President's Office Oleg Marin", (None, "the President's Office Oleg Marin")),
    ("the President's adviser Oleg Marin", ("the President's adviser", "Oleg Marin")),
    # two titles of one person joined by "and"; portfolios joined by "and"
    ("Deputy Prime Minister and Minister for the Reintegration of the Temporarily Occupied Territories Ana Silva",
     ("Deputy Prime Minister and Minister for the Reintegration of the Temporarily Occupied Territories", "Ana Silva")),
    ("Secretary of Health and Human Services Ana Silva", ("Secretary of Health and Human Services", "Ana Silva")),
    ("Minister of Trade and Industry Ana Silva", ("Minister of Trade and Industry", "Ana Silva")),
    # a long title that goes on past a "to" phrase to the person's own title before the name
    ("The First Deputy Head of the Moldovan Delegation to the Trilateral Contact Group MP Oleg Marin",
     ("The First Deputy Head of the Moldovan Delegation to the Trilateral Contact Group MP", "Oleg Marin")),
])
def test_split_title_knows_whose_name_follows(text: str, expected: tuple[str | None, str | None]) -> None:
    assert split_title(text) == expected


@pytest.mark.parametrize("title, written", [
    ("SECRETARY GENERAL", "Secretary General"), ("NATO SECRETARY GENERAL", "NATO Secretary General"),
    ("THE PRESIDENT", "The President"), ("SECRETARY OF STATE", "Secretary of State"),
    ("President of Moldova", "President of Moldova"),
])
def test_a_title_in_capitals_is_written_as_in_running_text(title: str, written: str) -> None:
    from onrecord.identity.titles import title_in_case

    assert title_in_case(title) == written


@pytest.mark.parametrize("title, parts", [
    ("Deputy Prime Minister and Minister for the Reintegration of the Territories",
     ["Deputy Prime Minister", "Minister for the Reintegration of the Territories"]),
    ("Minister of Trade and Industry", ["Minister of Trade and Industry"]),
    ("President and Chief Executive", ["President", "Chief Executive"]),
])
def test_a_title_joining_two_titles_is_read_as_both(title: str, parts: list[str]) -> None:
    from onrecord.identity.titles import joined_titles

    assert joined_titles(title) == parts


def test_a_description_fits_either_of_two_joined_titles() -> None:
    from onrecord.identity.titles import office_fits

    # "the Minister" is the minister, though the deputy prime minister's "deputy" is another office
    joined = "Deputy Prime Minister and Minister for the Reintegration of the Territories"
    assert office_fits("the Minister", [joined]) > 0
    assert office_fits("the Minister", ["Deputy Prime Minister"]) == 0
