"""The made-clear rule (made_clear.py) and the relay phrase after it, on sentences we wrote."""

import pytest


def made(statements):
    return [s for s in statements if s.cue is not None and s.cue.text.endswith("made")]


@pytest.mark.parametrize(("text", "content", "mention"), [
    # the clause hung on the adjective of the small clause "it clear"
    ("Mayor Lena Ortiz made it clear that the bridge would stay closed.",
     "that the bridge would stay closed", "Mayor Lena Ortiz"),
    # after the one it was made clear to: the parser hangs the clause on "partners"
    ("The envoy has made it very clear to his partners that the border will not move.",
     "that the border will not move", "The envoy"),
    # no "that": the clause opens with its subject
    ("Governor Ruth Ambler made it plain she would veto the bill.", "she would veto the bill", "Governor Ruth Ambler"),
    # who relayed the words is no part of them
    ("The minister made clear that the talks would resume, according to Interfax.",
     "that the talks would resume", "The minister"),
])
def test_making_it_clear_asserts_the_clause(statements_of, text, content, mention):
    (found,) = made(statements_of(text))
    assert found.quote.text == content
    assert found.speaker.mention.text == mention
    assert found.cue.cls == "assert"


@pytest.mark.parametrize("text", [
    "It was made clear that the talks were over.",  # a passive names no one
    "The vote made it clear that the party had split.",  # an event: the writer's inference
])
def test_making_clear_with_no_one_to_say_it_is_no_statement(statements_of, text):
    assert statements_of(text) == []
