"""After a noun-phrase content, a participle of saying or a relative clause whose verb is a cue
is a statement of its own, and the first content ends before it (content.py)."""

import pytest


@pytest.mark.parametrize(
    ("text", "cue", "content", "second_cue"),
    [
        ('The mayor mocked the proposal, saying anyone who backs it "has never ridden a bus."', "mocked",
         "the proposal", "saying"),
        ("The minister praised the nurses, saying they had worked through the storm.", "praised", "the nurses",
         "saying"),
        ("The union endorses Rivera, who says she is grateful for the support.", "endorses", "Rivera", "says"),
    ],
)
def test_a_second_statement_after_a_noun_phrase_content_is_cut_off(statements_of, text, cue, content, second_cue):
    found = statements_of(text)
    first = [s for s in found if s.cue is not None and s.cue.text == cue]
    assert len(first) == 1 and first[0].quote.text == content
    assert any(s.cue is not None and s.cue.text == second_cue for s in found)


def test_a_participle_that_is_no_cue_stays_in_the_content(statements_of):
    found = statements_of("The mayor praised the crews working through the storm, she said.")
    assert not any(s.quote.text == "the crews" for s in found)


def test_a_quotation_after_a_frame_participle_goes_on_with_the_direct_statement(statements_of):
    text = '"We will not wait," said Lou Rivera, asking not to be named. "The council has had two years."'
    found = statements_of(text)
    # one utterance: the participle's phrase is its frame (frame-phrase rule, statements.py)
    (second,) = [s for s in found if "The council" in s.quote.text]
    parts = [text[g.start : g.end] for g in second.quote.segments]
    assert parts == ["We will not wait,", "The council has had two years."]
    assert second.cue.text == "said"
    assert second.speaker.name == "Lou Rivera"
