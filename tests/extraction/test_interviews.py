"""Question-and-answer interviews: the answers under "A:" are the interviewee's words."""

from __future__ import annotations

INTERVIEW = (
    "A conversation with Mayor Dana Holm.\n\n"
    "Mayor Dana Holm has run the port city for six years. She sat down this week with Herald reporter "
    "Karl Berg to talk about the bridge. Holm said the city would finish it by spring. Questions and "
    "answers have been edited for length.\n\n"
    "Q: You said last year that the bridge would open in March. What happened?\n\n"
    "A: The steel came late. I think we will open it in May, and the council agrees.\n\n"
    "The contractor told me the crews are ready. We are close.\n\n"
    "QWhat about the tolls? Some drivers say they are too high.\n\n"
    "A: The tolls stay where they are until the bridge is paid for.")


def test_answers_are_the_interviewees_words(statements_of):
    found = statements_of(INTERVIEW)
    answers = [s for s in found if s.quote.text.startswith(("The steel came", "The tolls stay"))]
    assert [s.speaker.name for s in answers] == ["Dana Holm", "Dana Holm"]
    assert all(s.cue is not None and s.cue.cls == "transcript" for s in answers)


def test_an_answer_goes_on_over_its_next_paragraph_but_not_into_the_next_question(statements_of):
    found = statements_of(INTERVIEW)
    by_start = {s.quote.text[:20]: s.speaker.name for s in found}
    assert by_start["The contractor told "] == "Dana Holm"
    # a question glued to its "Q" ends the answer's turn: the drivers' complaint is not the mayor's
    assert not any(s.quote.text.startswith("What about") and s.speaker.name == "Dana Holm" for s in found)
    assert [s.speaker.name for s in found if "too high" in s.quote.text] == ["drivers"]


def test_first_person_inside_an_answer_and_you_inside_a_question(statements_of):
    found = statements_of(INTERVIEW)
    said_last_year = [s for s in found if s.quote.text.startswith("that the bridge would open")
                      or s.quote.text.startswith("the bridge would open")]
    assert [s.speaker.name for s in said_last_year] == ["Dana Holm"], "the question's 'you' is the interviewee"
    told = [s for s in found if s.quote.text.startswith("the crews are ready")]
    assert [s.speaker.name for s in told] == ["contractor"], "another's words inside an answer stay theirs"


def test_no_interviewee_when_the_introduction_names_no_one_clearly(statements_of):
    # two people named once each: the answers are nobody's rather than the interviewer's
    text = ("Mayor Dana Holm spoke with reporter Karl Berg.\n\n"
            "Q: What happened?\n\nA: The steel came late, and the crews waited for weeks.\n\n"
            "Q: And now?\n\nA: The crews are back at work on the east side.")
    found = statements_of(text)
    assert not any(s.speaker.name in {"Dana Holm", "Karl Berg"} for s in found)


def test_one_a_label_is_no_interview(statements_of):
    # a list's "A:" item after a question heading is no answer of anyone named above
    text = ("Mayor Dana Holm opened the bridge. Holm thanked the crews.\n\n"
            "Q: Which lane is open?\n\nA: The east lane, from Monday.")
    found = statements_of(text)
    assert not any(s.quote.text.startswith("The east lane") and s.speaker.name == "Dana Holm" for s in found)
