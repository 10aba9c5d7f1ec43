"""The gender a surname has in an article (genders.given_name_genders, article_genders) and the
pronoun rules that use it to set aside a candidate of the other gender: sentences written for
these tests."""

import pytest

from onrecord.extraction.genders import given_name_genders


@pytest.mark.parametrize("text, genders", [
    ("Bernie Sanders met Hillary Clinton. Later Sanders spoke.", {"Sanders": "male", "Clinton": "female"}),
    # two bearers of one surname give it none, even where one given name marks no gender
    ("Bill Clinton and Hillary Clinton arrived. Then Clinton spoke.", {}),
    ("Chris Murphy and Marie Murphy arrived. Then Murphy spoke.", {}),
    # a bearer the model did not label still counts: "Frank Fiorina" beside "Carly Fiorina"
    ("Carly Fiorina spoke to Frank Fiorina on Monday about the merger.", {}),
])
def test_a_surname_has_the_gender_of_its_one_bearer_named_in_full(nlp, text, genders):
    found = given_name_genders(nlp(text))
    assert {k: v for k, v in found.items() if k in {"Sanders", "Clinton", "Murphy", "Fiorina"}} == genders


def test_she_is_not_the_man_named_as_the_subject_of_the_clause_before_it(statement_with):
    text = ("Bernie Sanders and Hillary Clinton met in Brooklyn for their ninth debate.\n\n"
            "When Sanders accused Clinton of being too reliant on Wall Street, she said she had stood up "
            "to the banks.")
    assert statement_with(text, "stood up to the banks").speaker.name == "Hillary Clinton"


def test_the_one_person_of_the_pronouns_gender_the_sentence_before_names(statement_with):
    # a speaker quoted just before ("Ms. Epstein") is not whom "she" means when the sentence before
    # names one woman, beside a man and under an empty subject
    text = ("Lee Epstein, a law professor, said the court was at stake.\n\n"
            "There is also the possibility that Hillary Clinton, if elected, might nominate Barack Obama himself. "
            "“Wow, what a great idea,” she said in Iowa.")
    assert statement_with(text, "what a great idea").speaker.name == "Hillary Clinton"


def test_a_subject_of_the_other_gender_leaves_the_one_person_who_agrees(statement_with):
    text = ("Hillary Clinton was not at the convention in Cleveland.\n\n"
            "Clinton made an appearance of sorts, courtesy of Wes Nakagiri, a delegate from Michigan who wore "
            "a rubber Hillary mask and a prison outfit.\n\n"
            "“I thought it would be funny,” he said.")
    statement = statement_with(text, "I thought it would be funny")
    assert statement.speaker.name == "Wes Nakagiri"


def test_a_person_a_subject_only_mentions_is_not_the_topic(statement_with):
    text = ("President Volodymyr Zelenskyy said he had discussed the situation with the chancellor. "
            "A phone conversation with Turkish President Recep Tayyip Erdoğan is also planned. "
            "He noted that the ministry had sent a request to the Security Council.")
    assert statement_with(text, "sent a request").speaker.name == "Volodymyr Zelenskyy"
