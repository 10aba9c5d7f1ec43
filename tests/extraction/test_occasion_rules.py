"""The occasion of one statement, on sentences we wrote: venues framed by another noun ("on the
sidelines of a summit"), places ("outside the courthouse"), venues a cue's clause hangs on
("released a statement saying", "an interview in which she said"), times a participle keeps ("a
statement released on Tuesday"), "that evening", and the times that name no date (an aside)."""

from __future__ import annotations

import datetime as dt

import pytest

from onrecord.extraction.context.occasion import own_occasion, statement_context
from onrecord.lexicons.venues import parse_venue_lexicon

FRIDAY = dt.date(2024, 11, 29)  # the articles below are dated Friday, 29 November 2024


def span(text: str, part: str) -> tuple[int, int]:
    start = text.find(part)
    assert start >= 0, f"{part!r} not in {text!r}"
    return start, start + len(part)


@pytest.fixture(scope="module")
def occasion_of(nlp):
    """The (context, occasion) of a statement in a literal text: cue and content as text."""

    def run(text: str, cue: str, content: str, date: dt.date = FRIDAY):
        return own_occasion(nlp(text), span(text, cue), [span(text, content)], date)

    return run


# --- venues --------------------------------------------------------------------------------


def test_a_venue_framed_by_sidelines(occasion_of) -> None:
    text = "The minister said on the sidelines of a summit of the Nordic Council in Bergen that the pact held."
    ctx, _ = occasion_of(text, "said", "that the pact held.")
    assert ctx.venue is not None and ctx.venue.type == "meeting"
    assert ctx.venue.name.startswith("sidelines of a summit of the Nordic Council")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The miners spoke to the press outside the courthouse, saying the verdict was unfair.",
         "outside the courthouse"),
        ("The miners spoke in front of the courthouse on Wednesday, saying the verdict was unfair.",
         "in front of the courthouse"),
    ],
)
def test_a_place_keeps_its_preposition(occasion_of, text: str, name: str) -> None:
    ctx, _ = occasion_of(text, "saying", "the verdict was unfair.")
    assert ctx.venue is not None and (ctx.venue.name, ctx.venue.type) == (name, "place")


def test_a_participle_cue_hangs_on_the_issuing_verb(occasion_of) -> None:
    ctx, _ = occasion_of("Karl Berg released a statement on Friday saying that the port was shut.",
                         "saying", "that the port was shut.")
    assert ctx.venue is not None and (ctx.venue.name, ctx.venue.type) == ("statement", "statement")
    assert ctx.said_on is not None and ctx.said_on.date == "2024-11-29"


def test_a_statement_released_on_a_day_is_of_that_day(occasion_of) -> None:
    ctx, _ = occasion_of("In a statement released on Tuesday, Karl Berg said the port was shut.",
                         "said", "the port was shut.")
    assert ctx.venue is not None and ctx.venue.name == "statement"
    assert ctx.said_on is not None and ctx.said_on.date == "2024-11-26"


def test_a_when_clause_of_a_statement_takes_its_day(occasion_of) -> None:
    ctx, _ = occasion_of("This follows Ana Silva's statement on Monday when she stressed that the port "
                         "will stay shut.", "stressed", "that the port will stay shut.")
    assert ctx.said_on is not None and ctx.said_on.date == "2024-11-25"
    assert ctx.venue is not None and ctx.venue.name == "statement"  # the owner is not the venue's name


def test_speaking_during_question_time(occasion_of) -> None:
    ctx, _ = occasion_of("Speaking during PMQs, the opposition leader said the port would reopen.",
                         "said", "the port would reopen.")
    assert ctx.venue is not None and (ctx.venue.name, ctx.venue.type) == ("PMQs", "meeting")


@pytest.mark.parametrize(
    ("text", "cue", "word"),
    [
        ("Lawyers for the miners said in closing arguments that the mine was unsafe.", "said", "closing"),
        ("The senator wrote in an opinion piece published on Sunday that the mine was unsafe.", "wrote", "opinion"),
        ("The spokesman told a media briefing that the mine was unsafe.", "told", "briefing"),
        ("The judge told the court that the mine was unsafe.", "told", "court"),
    ],
)
def test_venue_nouns_of_courts_and_papers(occasion_of, text: str, cue: str, word: str) -> None:
    ctx, _ = occasion_of(text, cue, "that the mine was unsafe.")
    assert ctx.venue is not None and word in ctx.venue.name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ana Silva said during a Monday interview at Bergen University that the port would reopen.",
         "interview at Bergen University"),
        ("Ana Silva said at a press conference in Tromsø that the port would reopen.", "press conference in Tromsø"),
        ("Ana Silva said at Friday's press conference that the port would reopen.", "press conference"),
    ],
)
def test_a_venue_is_named_as_a_reader_expects(occasion_of, text: str, name: str) -> None:
    ctx, _ = occasion_of(text, "said", "that the port would reopen.")
    assert ctx.venue is not None and ctx.venue.name == name


# --- times ---------------------------------------------------------------------------------


def test_that_evening_is_the_day_named_before(occasion_of) -> None:
    text = ("The two leaders met at the palace on Tuesday. In an interview that evening, Ana Silva said "
            "the talks had gone well.")
    ctx, occasion = occasion_of(text, "said", "the talks had gone well.")
    assert ctx.said_on is not None and ctx.said_on.date == "2024-11-26" and not ctx.said_on.assumed
    assert not occasion.aside


def test_that_evening_with_no_day_before_names_no_date(occasion_of) -> None:
    ctx, occasion = occasion_of("In an interview that evening, Ana Silva said the talks had gone well.",
                                "said", "the talks had gone well.")
    assert ctx.said_on is None and occasion.aside


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("On the first day of the trial, the defendant told reporters he regretted nothing.", "told"),
        ("Ana Silva previously said that the port would reopen.", "said"),
        ("Ana Silva had told the council that the port would reopen.", "told"),
        ("Both leaders, having said the port would reopen, left the hall.", "having said"),
        ("In 2019, Ana Silva said the port would reopen.", "said"),
    ],
)
def test_a_time_of_another_day_is_an_aside(occasion_of, text: str, cue: str) -> None:
    content = next(c for c in ("he regretted nothing.", "that the port would reopen.", "the port would reopen")
                   if c in text)
    _, occasion = occasion_of(text, cue, content)
    assert occasion.aside


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Ana Silva said during a Tuesday interview that the port would reopen.", "2024-11-26"),
        ("Ana Silva said ahead of the Nov. 27 vote that the port would reopen.", None),
        ("Ana Silva said at the Nov. 27 rally that the port would reopen.", "2024-11-27"),
    ],
)
def test_a_time_on_a_noun_dates_only_a_venue(occasion_of, text: str, date: str | None) -> None:
    ctx, _ = occasion_of(text, "said", "that the port would reopen.")
    assert (ctx.said_on.date if ctx.said_on else None) == date
    if ctx.venue is not None:  # the day is the said_on, not part of the venue's name
        assert ctx.venue.name in {"interview", "rally"}


def test_formerly_on_a_name_is_no_time(occasion_of) -> None:
    _, occasion = occasion_of("In a post on X (formerly Twitter), Ana Silva wrote that the port would reopen.",
                              "wrote", "that the port would reopen.")
    assert not occasion.aside and occasion.venue is not None and occasion.venue.name == "X"


def test_statement_context_is_the_own_occasions_context(nlp) -> None:
    text = "Karl Berg released a statement on Friday saying that the port was shut."
    doc = nlp(text)
    args = (doc, span(text, "saying"), [span(text, "that the port was shut.")], FRIDAY)
    assert statement_context(*args) == own_occasion(*args)[0]


# --- the lexicon's later sections ----------------------------------------------------------


LEXICON = """\
venue_nouns:
  statement: statement
  courthouse: place
  summit: meeting
venue_preps: [in, outside]
outlets: [Harbour Radio]
outlet_words: [Radio]
platforms: [Pigeon]
programs: [Morning Tide]
addressing_verbs: [tell]
carrier_verbs: [speak]
translator_nouns: [interpreter]
translator_preps: [through]
venue_frames: [sidelines]
issuing_verbs: [release]
group_members:
  family: [father, mother]
"""


def test_frames_issuing_verbs_and_group_members_load() -> None:
    lexicon = parse_venue_lexicon(LEXICON)
    assert lexicon.venue_frames == {"sidelines"} and lexicon.issuing_verbs == {"release"}
    assert lexicon.members_of("family") == {"father", "mother"} and lexicon.members_of("crew") == frozenset()
    assert lexicon.noun("courthouse").type == "place"
    assert {"statement", "statements", "summit"} <= lexicon.noun_heads


# --- found by offset, read off the tokens --------------------------------------------------


def test_region_tokens_by_offset(nlp) -> None:
    from onrecord.extraction.context.region import attribution_region

    text = "The mayor said on Friday that the port was shut. The harbour master agreed."
    doc = nlp(text)
    region = attribution_region(doc, (span(text, "said")[0] + 1, span(text, "said")[1]), [span(text, "port was")])
    assert [a.text for a in region.anchors] == ["said"]  # a range inside a word still finds the word
    assert [s.text for s in region.sents] == ["The mayor said on Friday that the port was shut."]
    assert {doc[i].text for i in region.excluded} == {"port", "was"}
    assert attribution_region(doc, None, [(5, 5)]).sents == []  # an empty range holds no token


def test_time_entities_of_a_sentence(nlp) -> None:
    from onrecord.extraction.context.when import time_entities

    doc = nlp("The mayor spoke on Friday, March 1, and again last night in Oslo.")
    found = [e.text for e in time_entities(next(iter(doc.sents)))]
    assert found == [e.text for e in doc.ents if e.label_ in {"DATE", "TIME"}] and found


@pytest.mark.parametrize(
    ("said_on", "background"),
    [
        (("2024-11-22", "day"), False),  # a week before: the article's own week
        (("2024-11-21", "day"), True),  # further back: background
        (("2024-11-22", "week"), False),  # last week
        (("2024-11-01", "month"), True),
        (("2022-01-01", "year"), True),
    ],
)
def test_background_time(said_on: tuple[str, str], background: bool) -> None:
    from onrecord.extraction.context.when import background_time
    from onrecord.model.statement import SaidOn

    assert background_time(SaidOn(*said_on), FRIDAY, None) is background
    assert background_time(SaidOn(*said_on), None, None) is (said_on[1] in {"month", "year"})


def test_a_second_object_of_an_addressing_verb_is_no_venue(occasion_of) -> None:
    # "informed her of …, recent events in the east": the one addressed is the first object; the
    # parser's second "object" is what she was told of, not where it was said (a corpus release)
    text = ("During the conversation with President of the European Commission Ursula von der Leyen, "
            "Volodymyr Zelenskyy informed her of the current security situation around Ukraine, recent events "
            "in the east of our country, as well as Ukraine's initiatives to intensify the peace process.")
    ctx, _ = occasion_of(text, "informed", "of the current security situation around Ukraine")
    assert ctx.venue is None or "events" not in ctx.venue.name
