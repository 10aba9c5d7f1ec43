"""Effect rule and wishes of the stance classifier (stances/polarity.py ``_effects``; the marker
"would like"), on sentences we wrote: what the issue does, helps or harms says how it is valued."""

from __future__ import annotations

import pytest

from onrecord.extraction.stances.rules import stance_for
from onrecord.lexicons.taxonomy import load_taxonomy


@pytest.fixture(scope="module")
def stance(nlp):
    tax = load_taxonomy()

    def run(text: str, issue: str) -> str:
        return stance_for(text, issue, "assert", False, tax, nlp=nlp).label

    return run


@pytest.mark.parametrize(("text", "issue", "label"), [
    ("Membership in NATO would contribute to the security of our country.", "nato", "support"),
    ("Membership in NATO would not help our country now.", "nato", "oppose"),
    ("Any further NATO expansion only contributes to escalation.", "nato", "oppose"),
    ("Further NATO expansion would undermine stability in the region.", "nato", "oppose"),
])
def test_what_the_issue_does_says_how_it_is_valued(stance, text, issue, label):
    assert stance(text, issue) == label


def test_a_wish_is_wanted(stance):
    assert stance("We would like to see a ceasefire by the end of the month.", "ceasefire") == "support"


def test_an_effect_of_something_else_on_the_issue_decides_nothing_alone(stance):
    # the issue is neither the subject nor the object of the helping verb
    assert stance("The weather helped the delegations at the talks in May.", "negotiations") == "unclear"
