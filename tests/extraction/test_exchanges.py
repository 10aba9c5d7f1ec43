"""Exchange rule: the pronoun whose verb addresses the subject of the sentence before is that
sentence's other party."""


def test_he_told_the_asker_is_the_one_asked(speakers_of):
    text = ("At the town hall, the presenter Mark Delaney interviewed Senator Rosa Ibarra and Governor Paul "
            "Whitcombe.\n\nDelaney asked Whitcombe how high the wall would be.\n\n"
            "“I think the height could be 35 to 45 feet,” he told Delaney, to cheers from the crowd.")
    assert speakers_of(text)["I think the height could be 35 to 45 feet,"] == "Paul Whitcombe"


def test_a_host_the_model_tagged_an_organisation_is_named_by_the_surname(speakers_of):
    text = ("During the town hall, Fox News host Sean Hannity interviewed Donald Trump.\n\n"
            "Hannity asked Trump how high the wall would be.\n\n"
            "“I think the height could be 35 to 45 feet. Could be higher,” he told Hannity.\n\n"
            "“We will build it,” Hannity said.")
    speakers = speakers_of(text)
    assert speakers["I think the height could be 35 to 45 feet. Could be higher,"] == "Donald Trump"
    assert speakers["We will build it,"] == "Sean Hannity"


def test_they_after_one_briefed_the_other_is_the_two_of_them(statements_of):
    text = ("President Maria Aldana fully briefed Prime Minister Jonas Kessler on her call with the "
            "chancellor. They agreed to share information closely between their defense staffs.")
    [statement] = statements_of(text)
    assert statement.speaker.members == ["Maria Aldana", "Jonas Kessler"]


def test_they_after_one_accused_the_other_is_not_the_two_of_them(statements_of):
    text = ("Republican candidates blasted the president's approach.\n\n"
            "Ted Cruz accuses Obama of \"leading from behind\" and Donald Trump says he is \"losing the war.\"\n\n"
            "Yet they're mostly proposing things the administration is already doing.")
    assert all("Obama" not in s.speaker.name for s in statements_of(text))
