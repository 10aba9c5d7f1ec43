"""Groups of the people an article names ("the two presidents"), on texts we write."""


def speakers(statements_of, text: str) -> list[tuple[str, str, list[str]]]:
    return [(s.speaker.name, s.speaker.type, list(s.speaker.members)) for s in statements_of(text)]


READOUT = ("President Ana Lindqvist of Finland spoke by telephone with Estonian President Tomas Berg. "
           "The two presidents said that the ferry link would reopen in May. "
           "Berg noted that the port was ready.")


def test_the_two_presidents_are_the_two_the_article_calls_president(statements_of):
    found = speakers(statements_of, READOUT)
    assert found[0] == ("Ana Lindqvist and Tomas Berg", "group", ["Ana Lindqvist", "Tomas Berg"])
    assert found[1][0] == "Tomas Berg"


def test_the_leaders_are_the_heads_of_state_or_government_named(statements_of):
    text = ("Prime Minister Olav Dahl met Chancellor Greta Vogt in Oslo on Monday. "
            "Both leaders said that the pipeline deal was close.")
    assert speakers(statements_of, text)[0][2] == ["Olav Dahl", "Greta Vogt"]


def test_a_count_that_does_not_match_leaves_the_group(statements_of):
    text = ("President Ana Lindqvist of Finland met Estonian President Tomas Berg and President Ivo Kask. "
            "The two presidents said that the ferry link would reopen in May.")
    name, kind, members = speakers(statements_of, text)[0]
    assert members == [] and kind == "group"


def test_a_described_group_is_not_the_principals(statements_of):
    text = ("President Ana Lindqvist of Finland met Estonian President Tomas Berg. "
            "The European leaders said that the ferry link would reopen in May.")
    assert speakers(statements_of, text)[0][2] == []


def readout_speakers(statements_under, headline: str, text: str) -> list[list[str]]:
    return [list(s.speaker.members) for s in statements_under(headline, text)]


BODY = ("President Ana Lindqvist of Finland met Foreign Minister Greta Vogt of Germany in Helsinki. "
        "During the meeting, the parties noted that the pipeline deal was close. "
        "The interlocutors stressed that the ferry link would reopen in May.")


def test_the_parties_of_a_readout_are_its_two_titled_people(statements_under):
    found = readout_speakers(statements_under, "President of Finland met the Foreign Minister of Germany", BODY)
    assert found == [["Ana Lindqvist", "Greta Vogt"]] * 2


def test_the_parties_outside_a_readout_stay_a_group(statements_under):
    found = readout_speakers(statements_under, "Budget fight goes on", BODY)
    assert found[0] == [] and found[1] == ["Ana Lindqvist", "Greta Vogt"]  # "interlocutors" are always the two


def test_the_leaders_of_a_wider_gathering_stay_a_group(statements_of):
    text = ("Prime Minister Olav Dahl met Chancellor Greta Vogt and President Ana Lindqvist in Oslo. "
            "The leaders said that the pipeline deal was close.")
    assert speakers(statements_of, text)[0][2] == []


def test_the_two_leaders_take_up_the_two_people_just_joined(statements_of):
    # the article names more leaders than two, and none by a title: the pair its text has just
    # joined with "and" is the group
    text = ("Lena Ellis and Tomas Berg struck an optimistic tone after their summit in Tallinn, which "
            "Angela Merkel did not attend.\n\n"
            "The two leaders met for three hours before emerging together to say the talks had advanced.")
    assert speakers(statements_of, text)[0][2] == ["Lena Ellis", "Tomas Berg"]
    # three people joined are no pair
    three = text.replace("Lena Ellis and Tomas Berg", "Lena Ellis, Tomas Berg and Angela Merkel")
    assert speakers(statements_of, three)[0][2] == []


def test_the_parties_of_one_of_several_meetings_are_the_two_who_just_met(statements_under):
    text = ("During a meeting with Chancellor Karl Berg, President Ana Lindqvist stressed that aid mattered. "
            "During the conversation with President of the European Commission Ursula von der Leyen, "
            "President Ana Lindqvist informed her of the situation. The parties reaffirmed their commitment "
            "to the peace process.")
    found = readout_speakers(statements_under, "President held a number of meetings in Munich", text)
    assert found[-1] == ["Ana Lindqvist", "Ursula von der Leyen"]


def test_the_presidents_are_the_two_a_readout_just_named_together_beside_a_third(statements_under):
    text = ("President Ana Lindqvist spoke with President Karl Berg today. President Lindqvist also noted that "
            "President Ivan Marchenko had refused a truce. President Lindqvist asked President Berg about the "
            "missing children. They agreed all parties must continue the effort. The Presidents noted the "
            "work of their advisors. The Presidents instructed their teams to move ahead. The Presidents "
            "emphasized that the teams can agree on all aspects.")
    found = readout_speakers(statements_under, "Statement on the call between the presidents", text)
    assert found[-2:] == [["Ana Lindqvist", "Karl Berg"]] * 2  # "noted …", and "emphasized …" three sentences on


def test_both_sides_of_a_joint_statement_are_the_two_states_that_met(statements_under):
    # no two people are its principals: "both sides" are the states whose representatives met
    # (they had stood as "sides", one description for every joint statement's sides)
    body = ("On 23 November, representatives of Finland and Estonia met in Tallinn for discussions on the ferry "
            "link. The talks were constructive. Both sides agreed the consultations were productive.")
    found = readout_speakers(statements_under, "Joint Statement on Finland-Estonia Meeting", body)
    assert found == [["Finland", "Estonia"]]
    # outside a readout, or with no meeting said, they stay a group
    assert readout_speakers(statements_under, "Budget fight goes on", body) == [[]]
    other = "Finland and Estonia traded barbs over the ferry link. Both sides agreed the talks were productive."
    assert readout_speakers(statements_under, "Joint Statement on Finland-Estonia Meeting", other) == [[]]
