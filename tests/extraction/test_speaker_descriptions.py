"""Descriptions of one speaker: two nouns under one determiner or none, a description shared by
"and", and a title someone of a kind holds (never the person the article gave that title)."""

import pytest


def _speakers(statements_of, text: str) -> list[tuple[str, str]]:
    return [(s.speaker.name, s.speaker.type) for s in statements_of(text)]


def test_two_descriptions_before_a_name_are_one_person(statements_of):
    text = "Real estate mogul and reality television star Donald Marchetti said he would win."
    assert _speakers(statements_of, text) == [("Donald Marchetti", "person")]


def test_the_actor_and_the_director_are_two(statements_of):
    [(name, kind)] = _speakers(statements_of, "The president and the prime minister said they would meet.")
    assert kind == "group"


def test_a_description_shared_by_and_describes_the_name(statements_of):
    text = "Kim Wells, a schoolteacher and Trump supporter in North Augusta, said she would vote."
    assert _speakers(statements_of, text) == [("Kim Wells", "person")]


def test_someone_of_a_title_is_not_the_person_the_article_gave_it(statements_of):
    text = ("Pastor Joseph Brown spoke in Iowa.\n\nAnother pastor said he would vote for the senator. "
            "“We pray,” he said.\n\nThe next day, Pastor Brown said the church would stay open.")
    speakers = [s.speaker for s in statements_of(text)]
    assert [s.name for s in speakers] == ["pastor", "pastor", "Joseph Brown"]
    assert speakers[0].id == speakers[1].id != speakers[2].id


def test_an_aside_that_adds_to_a_description_is_no_part_of_it(statements_of):
    text = ("According to him, during the negotiation process, the Georgian side, along with the so-called "
            "neutrality, rejected the demand for demilitarization.")
    assert _speakers(statements_of, text) == [("Georgian side", "group")]


def test_a_title_of_capitalised_words_alone_is_no_name(statements_of):
    [(name, kind)] = _speakers(statements_of, "In his remarks, the NATO Secretary General expressed concern over the "
                                              "situation.")
    assert name == "NATO Secretary General" and kind == "role"


@pytest.mark.parametrize("title", ["UN Secretary General", "UN Secretary-General", "United Nations Secretary-General"])
def test_the_un_secretary_general_is_the_pinned_holder(nlp, title):
    from onrecord.extraction.pipeline import make_doc, statements_of
    from onrecord.model import Article

    article = Article(id="x", text=f"In his remarks, the {title} expressed concern over the situation.",
                      date="2022-04-26")
    [statement] = statements_of(nlp(make_doc(nlp, article)))
    assert statement.speaker.id == "person:a-guteres"


def test_the_un_and_the_united_nations_are_one_body(statements_of):
    ids = {s.speaker.id for s in statements_of("The United Nations said the convoy was safe. The UN said it would "
                                               "send another. The U.N. said the roads were open.")}
    assert ids == {"org:un"}
