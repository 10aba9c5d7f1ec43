"""Second person in a dialogue (extraction/addressed.py) and questions that ask someone to speak
(senses.asked_of_the_addressee), on transcripts and sentences we wrote."""

from __future__ import annotations

import pytest


def test_you_in_a_turn_that_answers_is_the_one_answered(statements_of):
    text = ("Peter Hansen: The port will open in May, and the ships will come. "
            "Maria Ivanova: You said that the port would open in May. It will not open before June.")
    said = [s for s in statements_of(text) if s.cue.text == "said"]
    assert [(s.speaker.name, s.quote.text) for s in said] == [("Peter Hansen", "that the port would open in May")]


def test_you_in_a_question_turn_is_the_one_who_answers(statements_of):
    text = ("Anna Berg: Thank you all. Tomas Holm: You said that the ferry would stop. When? "
            "Anna Berg: In the autumn.")
    said = [s for s in statements_of(text) if s.cue.text == "said"]
    assert [s.speaker.name for s in said] == ["Anna Berg"]


@pytest.mark.parametrize(("question", "speaker"), [
    ("Q Mayor, on the ferry. You made clear you are not backing down on the closure. What is your message?",
     "Anna Berg"),
    ("Question: A question for both of our guests. You said that the ferry would stop. When?", "unknown"),
])
def test_you_in_a_labelled_question_is_the_one_who_answers(statements_of, question, speaker):
    # question rule (addressed.answerer): a question is no turn of its own; the next turn answers it
    text = ("Anna Berg: The ferry will stop in the autumn, and the port will close.\n\n"
            f"{question}\n\nAnna Berg: The ferry will stop, and that is final.")
    (found,) = [s for s in statements_of(text) if s.cue.text in {"made", "said"}]
    assert found.speaker.name == speaker


def test_you_outside_a_transcript_stays_unnamed(statements_of):
    said = [s for s in statements_of("You said that the ferry would stop, the mayor told the council.")
            if s.cue.text == "said"]
    assert all(s.speaker.type == "unknown" for s in said)


@pytest.mark.parametrize("text", [
    "Could you tell us whether the ferry will stop in the autumn?",
    "What do you hope the mayor brings back from the summit?",
    "Did the mayors discuss the ferry at the summit?",
])
def test_a_question_that_asks_someone_to_speak_is_no_statement(statements_of, text):
    assert statements_of(text) == []


def test_a_wh_question_takes_the_saying_as_given(statements_of):
    found = statements_of("Why did the mayor announce a closure of the ferry on Monday?")
    assert [s.cue.text for s in found] == ["announce"]


def test_a_generic_you_in_a_condition_is_not_the_other_party(statements_of):
    text = ("Anna Berg: Thank you all. Tomas Holm: They paid at last. But if you said the opposite, nobody "
            "would have paid. Anna Berg: Indeed.")
    said = [s for s in statements_of(text) if s.cue.text == "said"]
    assert all(s.speaker.name != "Anna Berg" for s in said)
