"""Quotation spans: marks, splits, paragraphs, nesting, imbalance."""

from hypothesis import given
from hypothesis import strategies as st

from onrecord.extraction.quotes import find_quotes


def inner(text: str) -> list[list[str]]:
    return [[text[s:e] for s, e in q.segments] for q in find_quotes(text)]


def test_curly_double_quotes():
    t = "“We will not give up,” the minister said."
    assert inner(t) == [["We will not give up,"]]


def test_straight_double_quotes():
    t = 'The mayor said: "The bridge opens in May." Then she left.'
    assert inner(t) == [["The bridge opens in May."]]


def test_guillemets():
    t = "Il a dit «nous restons ici» hier."
    assert inner(t) == [["nous restons ici"]]


def test_low_marks_close_with_the_marks_their_languages_use():
    # German and Czech „…“ and ‚…‘; Polish and Romanian „…”
    assert inner("Scholz said „we will not send Taurus missiles“ to Ukraine.") == [["we will not send Taurus missiles"]]
    assert inner("Tusk said: „Poland will stand with Ukraine.” Then he left.") == [["Poland will stand with Ukraine."]]
    assert inner("He called the talks ‚productive‘ and left.") == [["productive"]]
    both = inner("Merz said „we are ready“ and „we will not wait“ for Moscow.")
    assert both == [["we are ready"], ["we will not wait"]]


def test_a_low_mark_never_closed_runs_to_the_end_of_its_paragraph_only():
    t = "Scholz said „we will not send them.\nThe chancellor left."
    assert inner(t) == [["we will not send them."]]


def test_single_quote_quotation_but_not_apostrophes():
    t = "She called the plan ‘a road to nowhere’ and didn’t say more about the leaders’ talks."
    assert inner(t) == [["a road to nowhere"]]


def test_straight_single_quotes():
    t = "He called it 'a first step' on Monday."
    assert inner(t) == [["a first step"]]


def test_split_quotation_gives_two_spans():
    t = "“The talks are over,” he said. “We go home now.”"
    assert inner(t) == [["The talks are over,"], ["We go home now."]]


def test_quotation_running_over_paragraphs():
    t = "“The first part of the speech goes on\n\n“and the second paragraph ends it,” she said."
    assert inner(t) == [["The first part of the speech goes on", "and the second paragraph ends it,"]]


def test_nested_quotes_belong_to_the_outer_quotation():
    t = "“He told me ‘never again’ last year,” she said."
    assert inner(t) == [["He told me ‘never again’ last year,"]]


def test_straight_inner_marks_nest_in_a_straight_quotation():
    # some sites print the inner marks as the outer ones: the outer goes on to the mark after
    t = 'They said "the so-called "red lines" are theirs, not ours," the minister said. "Next," he added.'
    assert inner(t) == [['the so-called "red lines" are theirs, not ours,'], ["Next,"]]


def test_an_unclosed_straight_quotation_then_a_new_one_does_not_nest():
    t = '"We will hold, the mayor said. "Nobody leaves," she added.'
    assert inner(t)[0][0].endswith("Nobody leaves,")


def test_two_straight_quotations_side_by_side_do_not_nest():
    t = 'He called it "a trap" and "a farce" on Monday.'
    assert inner(t) == [["a trap"], ["a farce"]]


def test_unclosed_quotation_runs_to_end_of_paragraph_only():
    t = "He said “this never ends\n\nA new paragraph with “a closed one” here."
    quotes = inner(t)
    assert quotes[0] == ["this never ends"]
    assert quotes[1] == ["a closed one"]


def test_stray_closing_mark_is_ignored():
    t = "A stray mark” here, then “a real quotation” there."
    assert inner(t) == [["a real quotation"]]


def test_a_quotation_whose_opening_mark_was_lost_runs_back_over_first_person_sentences():
    t = ("According to the mayor, the bridge was a gift to the city. We do not close it. I said so "
         'to the council. For us, it stays open," the mayor said.')
    assert inner(t) == [["We do not close it. I said so to the council. For us, it stays open,"]]


def test_a_split_quotation_whose_first_opening_mark_was_lost_starts_at_its_sentence():
    t = 'The bridge was closed on Monday.\n\nAs for the bridge, it opens in May," she told reporters, "Not before."'
    assert inner(t) == [["As for the bridge, it opens in May,"], ["Not before."]]


def test_a_stray_mark_after_narration_stays_ignored():
    t = 'The bridge was closed for repairs," the mayor said.'
    assert inner(t) == []


def test_two_apostrophes_as_double_quotes():
    t = "He said, ''We are ready,'' and left."
    assert inner(t) == [["We are ready,"]]


@given(st.text(alphabet="ab “”\"'‘’\n .,", max_size=80))
def test_scanner_never_fails_and_spans_are_inside_the_text(text):
    for q in find_quotes(text):
        assert 0 <= q.start <= q.inner_start <= q.inner_end <= q.end <= len(text)
        for s, e in q.segments:
            assert q.start <= s <= e <= q.end


def test_a_space_between_an_inner_and_the_outer_closing_mark_still_closes():
    # the AP sets a space between the closing marks of an inner and an outer quotation
    t = "\"We cannot say 'trust us,' \" Mayor Lena Ortiz said. \"Not now.\""
    assert inner(t) == [["We cannot say 'trust us,'"], ["Not now."]]
    # a mark opening a word after a plural possessive still opens
    t = "The leaders' \"red lines\" were discussed."
    assert inner(t) == [["red lines"]]


def test_a_fragment_that_ends_the_reporters_sentence_has_no_frame_after_it(statements_of):
    # the next sentence's cue ("to answer") frames nothing of the sentence before
    text = ("Bernie Sanders dispensed with the threat in two sentences before abruptly pivoting to the dangers of a "
            "''rigged economy.'' Ben Carson struggled to answer a simple question.")
    assert [s.speaker.name for s in statements_of(text)] == []
    text = ("Early in his campaign, Donald Trump attacked Mitt Romney, calling him, among other things, “a failed "
            "candidate.” Romney fired back at the rally.")
    assert {s.speaker.name for s in statements_of(text)} == {"Donald Trump"}
