"""A noun-phrase content runs on over a second object the parser hung on a verb (conjuncts.py)."""

import pytest


def content_of(statements_of, text, cue):
    found = [s for s in statements_of(text) if s.cue is not None and s.cue.text == cue]
    assert len(found) == 1, [(s.cue, s.quote.text) for s in statements_of(text)]
    return found[0].quote.text


def test_a_second_object_hung_on_the_verb_above_is_part_of_the_content(statements_of):
    text = "The senator started off by emphasizing job security, and a need to raise wages and close tax loopholes."
    assert content_of(statements_of, text, "emphasizing") == (
        "job security, and a need to raise wages and close tax loopholes"
    )


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("She praised the nurses and thanked the doctors.", "praised", "the nurses"),  # a verb: its own predicate
        ("He called for new roads and a ban on tolls.", "called", "new roads and a ban on tolls"),
    ],
)
def test_a_conjoined_verb_stays_out_and_a_parsed_conjunct_stays_in(statements_of, text, cue, content):
    assert content_of(statements_of, text, cue) == content
