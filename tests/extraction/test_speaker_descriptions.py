"""Descriptions of one speaker: two nouns under one determiner or none, a description shared by
"and", and a title someone of a kind holds (never the person the article gave that title)."""


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
