"""The model's tokenizer as onrecord adapts it (``extraction.tokenizer_rules``)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "tokens"), [
    ("Orban(retranslated): Thank you.", ["Orban", "(", "retranslated", ")", ":", "Thank", "you", "."]),
    ("the Red Cross(ICRC) said", ["the", "Red", "Cross", "(", "ICRC", ")", "said"]),
    ("Question (through an interpreter): Good", ["Question", "(", "through", "an", "interpreter", ")", ":", "Good"]),
    # what the model's own rules split stays as it was
    ("ex-minister 3:30 (AP)", ["ex", "-", "minister", "3:30", "(", "AP", ")"]),
])
def test_a_glued_bracket_and_a_bracket_before_a_colon_are_split(nlp, text, tokens):
    assert [t.text for t in nlp.tokenizer(text)] == tokens
