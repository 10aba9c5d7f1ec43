"""Official titles written before a name, "<nationality> leader", and the people a headline names:
a role the body states is the person the article names in it (sentences we wrote)."""

from __future__ import annotations

import pytest

from onrecord.extraction.official_titles import offices_of


def speakers(statements_of, text: str) -> list[tuple[str, str]]:
    return [(s.speaker.name, s.speaker.type) for s in statements_of(text)]


def speakers_with_headline(statements_under, headline: str, text: str) -> list[tuple[str, str]]:
    return [(s.speaker.name, s.speaker.type) for s in statements_under(headline, text)]


def test_a_long_official_title_before_a_name_is_that_persons(statements_of):
    text = ("Head of the Office of the President of Moldova Andrei Rusu met the ambassadors in Balti. "
            "The head of the Office of the President said that the talks had been difficult.")
    assert speakers(statements_of, text)[-1] == ("Andrei Rusu", "person")


def test_a_title_before_a_name_the_model_saw_no_person_in(statements_of):
    text = ("The plan was praised by Press Secretary of the President of Moldova Ana Rusu at a briefing. "
            "“The talks go on,” Ana Rusu said. “We will hold them in May,” said the President's Press Secretary.")
    assert speakers(statements_of, text)[-1] == ("Ana Rusu", "person")


def test_two_offices_joined_by_and_are_each_a_title(statements_of):
    text = ("Deputy Prime Minister and Minister for Reconstruction Maria Kowalski visited Irpin. “The road is "
            "open,” Maria Kowalski said. The Minister said that the bridge would open in June.")
    assert speakers(statements_of, text)[-1] == ("Maria Kowalski", "person")
    assert offices_of("Deputy Prime Minister and Minister for Reconstruction") == [
        "Deputy Prime Minister", "Minister for Reconstruction"]
    one = "Secretary of the Security and Defence Council"
    assert offices_of(one) == [one]


def test_a_long_title_that_ends_in_a_name_is_that_person(statements_of):
    text = ("The First Deputy Head of the Delegation to the Contact Group MP Oleh Marchenko said that the "
            "talks had been hard.")
    assert speakers(statements_of, text)[0] == ("Oleh Marchenko", "person")


@pytest.mark.parametrize("leader, expected", [("The French leader", ("Marc Duval", "person")),
                                              ("The Polish leader", ("Jan Nowak", "person"))])
def test_a_countrys_leader_is_the_one_the_article_gives_its_top_office(statements_of, leader, expected):
    text = ("President of France Marc Duval met Prime Minister of Poland Jan Nowak in Warsaw on Monday. “We "
            f"agree,” Marc Duval said. {leader} said that the talks had been useful.")
    assert speakers(statements_of, text)[-1] == expected


def test_a_leader_of_a_country_no_one_leads_in_the_article_stays_a_role(statements_of):
    text = ("President of France Marc Duval met reporters in Lyon on Monday. "
            "The Spanish leader said that the talks had been useful.")
    assert speakers(statements_of, text)[-1][1] == "role"


def test_a_title_in_the_headline_is_the_persons(statements_under):
    body = "Tom Harlow and Ivan Petrov spoke by phone on Monday. The Prime Minister noted the progress made."
    headline = "Telephone conversation with British Prime Minister Tom Harlow"
    found = speakers_with_headline(statements_under, headline, body)
    assert found[-1] == ("Tom Harlow", "person")


def test_the_person_a_headline_credits_is_the_title_no_one_else_holds(statements_under):
    body = "Ivan Petrov met reporters in Odesa on Monday. The President said that the talks would go on."
    for headline in ("The talks will go on - Ivan Petrov", "Ivan Petrov: the talks will go on"):
        assert speakers_with_headline(statements_under, headline, body)[-1] == ("Ivan Petrov", "person")
    # a headline that credits no one leaves the title a role
    assert speakers_with_headline(statements_under, "The talks will go on", body)[-1][1] == "role"


def test_a_first_name_alone_is_the_one_person_of_the_article_with_it(statements_of):
    text = ("Secretary General Lena Brandt met the ministers in Oslo. “We are ready,” Lena Brandt said. "
            "Later Lena said that the plan was sound.")
    assert speakers(statements_of, text)[-1] == ("Lena Brandt", "person")


def test_a_first_name_two_people_of_the_article_share_stays_as_written(statements_of):
    text = ("Lena Brandt and Lena Koss met the ministers in Oslo. “We are ready,” Lena Brandt said. "
            "Later Lena said that the plan was sound.")
    assert speakers(statements_of, text)[-1][0] == "Lena"


def test_a_title_two_people_hold_is_the_one_speaking_just_before(statements_of):
    text = ("President of France Marc Duval spoke by phone with President of Poland Jan Nowak. “We agree,” "
            "Jan Nowak said. “We will keep the border open,” Marc Duval said. The Head of State noted that the "
            "talks had been useful.")
    assert speakers(statements_of, text)[-1] == ("Marc Duval", "person")


def test_a_capitalised_title_in_apposition_after_the_name_is_the_persons(statements_of):
    text = ("Maria Kowalski, Adviser to the Head of the Office of the Mayor of Gdansk, spoke in an interview. "
            "“We cannot accept any of the options,” the Adviser said.")
    assert speakers(statements_of, text)[-1] == ("Maria Kowalski", "person")


def test_a_pronoun_before_the_title_it_stands_for_follows_the_title(statements_of):
    text = ("Maria Kowalski, head of the Mayor's Office, met the journalists on Monday. The head of the Mayor's "
            "Office was asked about the port. She said that the city was working every day. The head of the "
            "Mayor's Office said that the port was open.")
    found = speakers(statements_of, text)
    assert found == [("Maria Kowalski", "person")] * 2


def test_the_head_of_a_countrys_state_is_its_president(statements_of):
    text = ("This was stated by President of France Marc Duval in an interview. “We agree,” Marc Duval said. "
            "The head of the French state said that he did not consider such an approach correct.")
    assert speakers(statements_of, text)[-1] == ("Marc Duval", "person")


@pytest.mark.parametrize("label, name", [("MAYOR HOLT", "Holt"), ("GOVERNOR PRICE", "Price"), ("MR. OKAFOR", "Okafor"),
                                         ("SECRETARY HALVORSEN", "Halvorsen"), ("MS. O'DELL-RAY", "O'Dell-Ray")])
def test_a_transcript_label_of_an_office_and_a_name_is_a_person(statements_of, label: str, name: str):
    found = speakers(statements_of, f"{label}: We will reopen the bridge in May.")
    assert found == [(name, "person")]


def test_a_transcript_label_of_a_title_is_the_one_the_headline_credits_by_by(statements_under):
    body = ("PRIME MINISTER HALE: Thank you. We are glad to be here and we will keep working on the port deal.\n\n"
            "THE PRESIDENT: Well, thank you. The alliance has never been stronger.\n\n"
            "Q Mr. President, will you send more ships?\n\n"
            "THE PRESIDENT: We will send what is needed.")
    headline = "Remarks by President Orlan Dace and Prime Minister Hale Before Talks"
    found = speakers_with_headline(statements_under, headline, body)
    assert found == [("Hale", "person"), ("Orlan Dace", "person"), ("Orlan Dace", "person")]
    # a headline that credits no one by "by" leaves the label a role, and two fitting titles no one
    assert speakers_with_headline(statements_under, "Talks at the port", body)[1][1] == "role"
    two = speakers_with_headline(statements_under, "Remarks by President Orlan Dace and President Ina Vell", body)
    assert two[1][1] == "role"


def test_the_speakers_a_headline_credits_by_by():
    from onrecord.extraction.headline import credited_by

    assert credited_by("Remarks by President Orlan Dace and Prime Minister Hale Before Talks") == [
        ("President", "Orlan Dace"), ("Prime Minister", "Hale")]
    assert credited_by("Remarks by Vice President Ross, Secretary Lind and Governor Pike at a Roundtable") == [
        ("Vice President", "Ross"), ("Secretary", "Lind"), ("Governor", "Pike")]
    assert credited_by("Remarks by Secretary of State Ana Lind in Press Availability") == [
        ("Secretary of State", "Ana Lind")]
    assert credited_by("Telephone conversation with President of Moldova Ana Rusu") == []


def test_the_first_person_of_a_briefing_is_the_one_speaker_its_headline_credits(statements_under):
    body = "The call lasted an hour. I want to note that the talks will go on next week in Geneva."
    headline = "Briefing by Aide to the President Oleg Sorin following the call"
    credited = speakers_with_headline(statements_under, headline, body)
    assert credited and set(credited) == {("Oleg Sorin", "person")}
    # two credited: the first person stays no one's
    two = speakers_with_headline(statements_under, "Remarks by President Ana Dace and Prime Minister Ivo Hale", body)
    assert two and set(two) == {("unknown", "unknown")}


def test_a_former_holder_is_not_the_title_said_alone(statements_of):
    # "former Prime Minister Olaf Brandt": the word before the capitalised title is part of it, so
    # "the new prime minister" is the one who holds the office now
    text = ("Newly elected Liberal Norwegian Prime Minister Ada Lenz said on Thursday that taxes would fall. "
            "Lenz, who won the party vote after former Prime Minister Olaf Brandt stepped down, spoke in Oslo. "
            "The new prime minister added, “We will cut the fuel levy.”")
    assert [s.speaker.name for s in statements_of(text)][-1] == "Ada Lenz"


def test_a_nationality_before_a_capitalised_office_is_no_name(statements_of):
    text = ("President of Ukraine Andrii Koval met the leaders of four states in Kyiv. "
            "“This visit proves our unity,” the Ukrainian Head of State said.")
    assert speakers(statements_of, text)[-1] == ("Andrii Koval", "person")


def test_an_apposition_across_a_clause_is_not_the_named_persons(statements_of):
    # the parser hangs "the Ukrainian Head of State" on "Ivan Petrov" as an apposition; the
    # article's titles give the office to Andrii Koval
    text = ("President of Ukraine Andrii Koval gave an interview on Monday. Commenting on the words of some "
            "leaders that it is necessary to look for approaches to Ivan Petrov, the Ukrainian Head of State "
            "stressed that the search should not be at the cost of lives.")
    assert speakers(statements_of, text)[-1] == ("Andrii Koval", "person")


def test_a_body_word_ending_a_title_is_no_first_name(statements_of):
    # "the President's Office [Mykhailo Podoliak]": the model leaves "Office" outside the entity,
    # and it is the end of the title, not a first name the entity missed
    text = ("Ukraine will not make any concessions. This was stated by Adviser to the Head of the "
            "President's Office Mykhailo Podoliak during a briefing in Lviv.")
    assert speakers(statements_of, text)[-1] == ("Mykhailo Podoliak", "person")


def test_a_surname_that_looks_plural_is_the_person(statements_of):
    # the model tags a headline's "Sanders" an organisation, and its "-s" made it a group
    text = ("Sanders says he's riding momentum; Takes Wisconsin, but Clinton still has the math.\n\n"
            "Bernie Sanders prevailed in Wisconsin's Democratic primary Tuesday.")
    assert speakers(statements_of, text)[0] == ("Bernie Sanders", "person")


def test_a_group_names_each_member_once(statements_of):
    text = ("But she doesn’t like “surprises,” in the words of one top staffer, and bristled when top aides "
            "John Podesta and Howard Wolfson, playing Obama and John Edwards respectively, attacked her harshly "
            "in a closed-door session. “She didn’t like that,” said one adviser.")
    names = [s.speaker.name for s in statements_of(text)]
    assert any("Howard Wolfson" in n for n in names)
    assert all(n.count("John Podesta") <= 1 for n in names)


def test_a_surname_the_model_took_for_a_plural_body_keeps_its_pronoun(statements_of):
    # the model tags this "Sanders" a plural organisation; "he" after it is Sanders, not the last
    # person spoken before him
    text = ("Bernie Sanders has supported stem cell research. Dr. Harold Varmus said that he was concerned. "
            "While serving in the House, Sanders voted to ban cloning in 2001.\n\n"
            "Sanders said following a vote in 2001 that he had “very serious concerns about the long-term goals "
            "of an increasingly powerful and profit-motivated biotechnology industry.” In a later vote, he warned "
            "of the dangers of “owners of technology” who are “primarily interested in how much money they can "
            "make.”")
    warned = [s.speaker.name for s in statements_of(text) if s.cue.text == "warned"]
    assert warned == ["Bernie Sanders"]
