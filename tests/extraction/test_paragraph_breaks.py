"""A line break starts a sentence (paragraph_breaks.py), on texts we wrote."""

from __future__ import annotations

# the model parses these two paragraphs as one tree when nothing marks the break
TWO_PARAGRAPHS = ("Dean Morrow, a 55-year-old salesman from Sumter, South Carolina, says Cruz will “leave here with "
                  "momentum.”\n\nJoe Bateman, who traveled from Illinois to help the campaign in South Carolina, says "
                  "there’s a “long road ahead” but he feels confident that Cruz will “blow away people’s "
                  "expectations.”")


def test_the_first_word_after_a_line_break_starts_a_sentence(nlp):
    doc = nlp(TWO_PARAGRAPHS)
    joe = next(t for t in doc if t.text == "Joe")
    assert joe.is_sent_start
    # no arc of the parse crosses the break
    assert all((t.i < joe.i) == (t.head.i < joe.i) for t in doc if not t.is_space)


def test_a_pronoun_follows_its_own_paragraphs_speaker(statements_of):
    # one tree over both paragraphs made the second "says" a clause of the first, and "he" Dean's
    found = {s.cue.text: s for s in statements_of(TWO_PARAGRAPHS)}
    assert found["confident"].speaker.name == "Joe Bateman"


def test_a_sentence_without_a_line_break_is_left_to_the_parser(nlp):
    doc = nlp("The minister said the talks were over. Then he left the room.")
    assert [s.text for s in doc.sents] == ["The minister said the talks were over.", "Then he left the room."]
