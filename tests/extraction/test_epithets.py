"""Epithets (extraction/epithets.py): a definite description of what a person is ("the retired
neurosurgeon", "the Texan", "the billionaire businessman") is the named person the narration is
about just before it, unless the sentence names that person too or what the article says of them
contradicts it; "the man", "the President" are no epithets.  Sentences we wrote."""

from __future__ import annotations

import pytest


def speakers(statements_of, text: str) -> list[tuple[str, str]]:
    return [(s.speaker.name, s.speaker.type) for s in statements_of(text)]


def test_an_epithet_is_the_subject_just_before(statements_of):
    text = ("Dr. Helen Marsh visited the clinic on Monday. Marsh rejected the idea that the ward should close. "
            "The retired neurosurgeon said that the staff had done their best.")
    assert speakers(statements_of, text)[-1] == ("Helen Marsh", "person")


def test_a_demonym_needs_the_place_in_a_title(statements_of):
    text = ("Former Texas Gov. Rick Perry spoke in Dallas. \"They will find a way to work with him,\" Perry said. "
            "\"Those are very skilled governors,\" the Texan said.")
    assert speakers(statements_of, text)[-1] == ("Rick Perry", "person")
    text = ("Former Gov. Rick Perry spoke in Dallas. \"They will find a way to work with him,\" Perry said. "
            "\"Those are very skilled governors,\" the Floridian said.")
    assert speakers(statements_of, text)[-1][0] != "Rick Perry"


def test_the_owner_of_the_subject_is_in_focus(statements_of):
    text = ("Comedian Gary Lund visited the studio this year. Lund's show was cancelled after a two-year run. "
            "The star noted that late-night shows rarely last.")
    assert speakers(statements_of, text)[-1] == ("Gary Lund", "person")


@pytest.mark.parametrize(("text", "not_them"), [
    # Principle C: "the cautious candidate … of running against Mr. Ward" is not Ward
    ("Mr. Ward attacked her record on Monday. He said she had failed the state. "
     "\"It doesn't make me nervous,\" the cautious candidate said of running against Mr. Ward.", "Ward"),
    # no epithet: these bring in someone else
    *((f"Senator Mark Hale spoke in Reno on Monday. Hale rejected the plan. {description} said that the vote "
       "would be held in May.", "Mark Hale") for description in ("The man", "The moderator", "The President")),
    # the gender of the description must agree
    ("Mary Collins opened the store on Monday. Collins said sales were slow. "
     "The businessman said that the rent was too high.", "Mary Collins"),
])
def test_a_description_that_is_not_the_person_in_focus(statements_of, text, not_them):
    assert speakers(statements_of, text)[-1][0] != not_them


def test_a_sentence_about_another_person_stops_the_walk(statements_of):
    text = ("\"It was offensive,\" said Ari Lamb. More troubling was Tom Grell's refusal to answer. "
            "Instead, the businessman has insisted that his position is strongest if he keeps quiet.")
    assert speakers(statements_of, text)[-1][0] == "Tom Grell"


def test_a_pronoun_follows_its_own_description_not_a_later_one(statements_of):
    # two different actors in one article: the first stays a description, the second is named
    text = ("The actor discussed the play. \"It is about history,\" he said. "
            "Later, star Jon Pike took the stage. With a friend, the actor asked the crowd to sing.")
    found = speakers(statements_of, text)
    assert found[1][0] != "Jon Pike"


def test_a_party_member_of_a_state_is_the_legislator_just_named(statements_of):
    text = ("Rep. Tom Hale released a statement on Wednesday. “There is only one reason,” said Hale. "
            "The South Carolina Republican admitted that the server was never central to the inquiry.")
    assert statements_of(text)[-1].speaker.name == "Tom Hale"



def test_two_descriptions_under_one_the_are_one_person(statements_of):
    text = ("“They are desperate to change the rules,” Morton Hale, the party committeeman from Ohio, told "
            "reporters.\n\nThe influential delegate and conservative activist, who backs the governor, warned of a "
            "ferocious battle ahead.")
    found = statements_of(text)
    assert [s.speaker.name for s in found] == ["Morton Hale", "Morton Hale"]
    # "the Florida senator and Republican presidential candidate" after his name: him, not the one he attacked
    text = ("Sen. Marco Ruiz responded first, ripping into President Ben Hale.\n\n"
            "“I have been warning that the regime is run by a lunatic while President Hale has stood idly by,” the "
            "Florida senator and Republican presidential candidate said in a statement.")
    assert [s.speaker.name for s in statements_of(text)] == ["Marco Ruiz"]


@pytest.mark.parametrize("text", [
    "The husband and wife said they would appeal.",  # a pair
    "The actor and the director said the film was done.",  # a determiner each: two people
])
def test_a_pair_or_two_determiners_are_two_people(statements_of, text):
    assert [s.speaker.type for s in statements_of(text)] == ["group"]


def test_the_author_after_the_one_who_wrote_the_book(statements_of):
    text = ("Gary Holt, a former agent, has written a book about his years at the embassy.\n\n"
            "A newspaper has released an excerpt of the book. In the excerpt, the author wrote, “The ambassador "
            "had a different sort of liveliness.”")
    assert [s.speaker.name for s in statements_of(text) if s.quote.text.startswith("The ambassador")] == ["Gary Holt"]


def test_a_person_named_by_a_participle_is_that_name(statements_of):
    text = ("The plant is new. Outside the plant, a worker named Antonio Arroyo has nothing but positive things to "
            "say about his job. “The atmosphere is relaxed,” he said.")
    assert [s.speaker.name for s in statements_of(text)] == ["Antonio Arroyo"]
    assert [s.speaker.name for s in statements_of("A farmer named Ivan Petrov said the harvest was lost.")] == [
        "Ivan Petrov"]


def test_a_description_under_a_clause_whose_subject_describes_the_person_in_focus_is_someone_else(statements_of):
    # the person in focus (Lindqvist) is the main clause's subject, "the island senator"; the mogul
    # in the clause under it is someone else, left unresolved rather than given her name
    found = statements_of("Sen. Anna Lindqvist said Karl Berg was wrong. Lindqvist has been critical of Berg since "
                          "they both ran for governor. In June, the island senator called on fellow Republicans to "
                          "drop Berg after the billionaire shipping mogul claimed that a judge was biased.")
    assert [s.speaker.name for s in found if s.cue.text == "claimed"] != ["Anna Lindqvist"]
    assert [s.speaker.name for s in found if s.cue.text == "called on"] == ["Anna Lindqvist"]


def test_a_line_with_no_verb_is_no_narration_about_a_person(statements_of):
    # a photo's credit between paragraphs ("Mark Wilson.") names no one the story is about
    text = ("Tom Hale spoke to farmers in Ames on Monday.\n\nMark Wilson.\n\n"
            "Later the candidate said the farm bill would pass.")
    assert speakers(statements_of, text)[-1] == ("Tom Hale", "person")


@pytest.mark.parametrize("epithet", ["the Acme engineer", "the economist", "the columnist", "the speechwriter"])
def test_an_occupation_is_an_epithet(statements_of, epithet):
    text = ("Dana Whitfield said she built the bot to make a point. In her post, Whitfield said, "
            "\"The bot proved it.\" "
            f"\"In fact, his words sound like the dictator's,\" {epithet} wrote.")
    assert speakers(statements_of, text)[-1] == ("Dana Whitfield", "person")

