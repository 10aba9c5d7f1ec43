"""Whole-quotation rule (content_ends.at_the_quotation_end): a reported clause that is one
quotation opened right after its cue ends at the closing mark, and the time or place after the
mark is the saying's (context/region.cut_from_the_content).  Sentences written for these tests."""

import pytest


def said(statements):
    (s,) = [s for s in statements if s.cue is not None]
    return s


WORDS = "We will keep the corridor open for every ship"


@pytest.mark.parametrize("after", ["on Monday", "during a visit to Odesa", "in an interview with CNN",
                                   "at a news conference", "yesterday"])
def test_the_time_or_place_after_the_closing_mark_is_no_part_of_the_quotation(statements_under, after):
    s = said(statements_under("Grain", f"Anna Kovalenko said “{WORDS}” {after}.", date="2025-06-04"))
    assert (s.kind, s.quote.text) == ("direct", WORDS)


def test_the_time_after_the_closing_mark_dates_the_saying(statements_under):
    s = said(statements_under("Grain", f"Anna Kovalenko said “{WORDS}” on Monday.", date="2025-06-04"))
    assert (s.said_on.date, s.said_on.text) == ("2025-06-02", "on Monday")


def test_the_broadcaster_after_the_closing_mark_is_the_venue(statements_under):
    s = said(statements_under("Grain", f"Anna Kovalenko told reporters “{WORDS}” on CNN.", date="2025-06-04"))
    assert s.venue is not None and s.venue.name == "CNN"


def test_a_venue_hung_on_the_quoted_words_is_the_statements(statements_under):
    # the parser hangs "in a Facebook post" on "met", inside the quotation
    text = "A friend referred to him as “the most beautiful soul I’ve ever met in my life” in a Facebook post."
    s = said(statements_under("Flight", text))
    assert s.venue is not None and s.venue.name == "Facebook post"


@pytest.mark.parametrize("text", [
    "Lena Ward said “the talks” with Russia would resume soon.",  # the clause's verb is outside the marks
    "Lena Ward said “we will win” if the allies help.",  # a condition goes on with what was said
    "Lena Ward said “the fear is as high as it has ever been” in the ministry.",  # no venue, no time
    "“People were celebrating” before the incident, Lena Ward said.",  # the cue comes after: its words
])
def test_words_that_go_on_with_what_was_said_stay(statements_under, text):
    s = said(statements_under("Talks", text))
    assert s.kind == "mixed"
