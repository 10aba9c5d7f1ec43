"""Statement context: venue, addressee, translator and said_on, on sentences we wrote; a
property test that said_on is never after the article's date; and the seed article."""

from __future__ import annotations

import datetime as dt
import json
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shared_path import SHARED

from onrecord.errors import VenueLexiconError
from onrecord.extraction.context.dates import resolve_said_on
from onrecord.extraction.context.occasion import statement_context
from onrecord.extraction.found import StatementContext, default_said_on
from onrecord.lexicons.venues import VENUE_TYPES, load_venue_lexicon, parse_venue_lexicon
from onrecord.model.statement import SaidOn

SEED = SHARED / "seed"
FRIDAY = dt.date(2024, 11, 29)  # the articles below are dated Friday, 29 November 2024


def span(text: str, part: str, after: str = "") -> tuple[int, int]:
    start = text.find(part, text.find(after) if after else 0)
    assert start >= 0, f"{part!r} not in {text!r}"
    return start, start + len(part)


@pytest.fixture(scope="module")
def context_of(nlp):
    """The context of a statement in a literal text: the cue and the content given as text."""

    def run(text: str, cue: str | None, content: list[str], date: dt.date | None = FRIDAY,
            published: dt.datetime | None = None) -> StatementContext:
        doc = nlp(text)
        cue_span = span(text, cue) if cue else None
        return statement_context(doc, cue_span, [span(text, c) for c in content], date, published)

    return run


# --- resolve_said_on: one phrase at a time --------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "date", "precision"),
    [
        # weekdays: the latest such day not after the article's date
        ("on Friday", "2024-11-29", "day"),
        ("Friday", "2024-11-29", "day"),
        ("on Tuesday night", "2024-11-26", "day"),
        ("on Monday morning", "2024-11-25", "day"),
        ("late Wednesday", "2024-11-27", "day"),
        ("earlier on Thursday", "2024-11-28", "day"),
        ("on Saturday", "2024-11-23", "day"),
        ("on Sunday", "2024-11-24", "day"),
        ("last Friday", "2024-11-22", "day"),
        # the day of the article and the days before
        ("today", "2024-11-29", "day"),
        ("earlier today", "2024-11-29", "day"),
        ("this morning", "2024-11-29", "day"),
        ("yesterday", "2024-11-28", "day"),
        ("yesterday afternoon", "2024-11-28", "day"),
        ("last night", "2024-11-28", "day"),
        ("the day before yesterday", "2024-11-27", "day"),
        # so long ago
        ("two days ago", "2024-11-27", "day"),
        ("3 weeks ago", "2024-11-08", "week"),
        ("a week ago", "2024-11-22", "week"),
        ("a month ago", "2024-10-01", "month"),
        ("two years ago", "2022-01-01", "year"),
        # periods
        ("last week", "2024-11-22", "week"),
        ("late last week", "2024-11-22", "week"),
        ("this week", "2024-11-25", "week"),
        ("earlier this week", "2024-11-25", "week"),
        ("over the weekend", "2024-11-23", "week"),
        ("this month", "2024-11-01", "month"),
        ("earlier this month", "2024-11-01", "month"),
        ("last month", "2024-10-01", "month"),
        ("this year", "2024-01-01", "year"),
        ("last year", "2023-01-01", "year"),
        # calendar dates
        ("in 2022", "2022-01-01", "year"),
        ("in late 2021", "2021-01-01", "year"),
        ("in March 2022", "2022-03-01", "month"),
        ("in March", "2024-03-01", "month"),
        ("in December", "2023-12-01", "month"),
        ("November 19", "2024-11-19", "day"),
        ("Nov. 19", "2024-11-19", "day"),
        ("on Nov 19th", "2024-11-19", "day"),
        ("on 19 November 2024", "2024-11-19", "day"),
        ("November 19, 2024", "2024-11-19", "day"),
        ("the 19th of November", "2024-11-19", "day"),
        ("Sept. 3, 2023", "2023-09-03", "day"),
        # a month and day still to come this year: last year's
        ("December 5", "2023-12-05", "day"),
        ("on 30 November", "2023-11-30", "day"),
    ],
)
def test_resolve_said_on(phrase: str, date: str, precision: str) -> None:
    said_on = resolve_said_on(phrase, FRIDAY)
    assert said_on == SaidOn(date, precision, phrase, assumed=False)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "phrase",
    ["in 2025", "December 5, 2024", "next week", "tomorrow", "next Friday", "a week after",
     "the two-year war", "April 31", "soon", "", "in 0000", "March 0000"],
)
def test_resolve_said_on_refuses_the_future_and_non_dates(phrase: str) -> None:
    assert resolve_said_on(phrase, FRIDAY) is None


def test_without_an_article_date_only_absolute_phrases_resolve() -> None:
    assert resolve_said_on("on Friday", None) is None
    assert resolve_said_on("last week", None) is None
    assert resolve_said_on("November 19", None) is None
    assert resolve_said_on("in 2022", None) == SaidOn("2022-01-01", "year", "in 2022")
    assert resolve_said_on("in March 2022", None) == SaidOn("2022-03-01", "month", "in March 2022")
    assert resolve_said_on("on 19 November 2024", None) == SaidOn("2024-11-19", "day", "on 19 November 2024")


def test_published_stands_in_for_a_missing_article_date() -> None:
    published = dt.datetime(2024, 11, 29, 15, 49)
    assert resolve_said_on("yesterday", None, published) == SaidOn("2024-11-28", "day", "yesterday")
    # the article's date, when there is one, is the reference
    assert resolve_said_on("yesterday", dt.date(2024, 11, 20), published).date == "2024-11-19"


def test_calendar_edges() -> None:
    new_year = dt.date(2024, 1, 3)
    assert resolve_said_on("last month", new_year).date == "2023-12-01"
    assert resolve_said_on("December 30", new_year).date == "2023-12-30"
    assert resolve_said_on("last week", new_year).date == "2023-12-27"
    # February 29 without a year: the latest one before the article
    assert resolve_said_on("February 29", dt.date(2023, 3, 1)).date == "2020-02-29"
    assert resolve_said_on("February 29", dt.date(2024, 3, 1)).date == "2024-02-29"
    # a weekday on that very weekday is the article's date; "last" is the week before
    monday = dt.date(2024, 11, 25)
    assert resolve_said_on("on Monday", monday).date == "2024-11-25"
    assert resolve_said_on("last Monday", monday).date == "2024-11-18"
    assert resolve_said_on("this weekend", dt.date(2024, 11, 24)).date == "2024-11-23"
    assert resolve_said_on("last weekend", dt.date(2024, 11, 24)).date == "2024-11-16"


def test_default_said_on_is_the_article_date_assumed() -> None:
    assert default_said_on(FRIDAY) == SaidOn("2024-11-29", "day", "", assumed=True)
    assert StatementContext().said_on_or_default(FRIDAY) == default_said_on(FRIDAY)
    assert StatementContext().said_on_or_default(None) is None


# --- the property: never after the article's date --------------------------------------------

WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December", "Jan.", "Feb", "Sept.", "Nov."]

phrases = st.one_of(
    st.builds(lambda pre, d, post: f"{pre}{d}{post}",
              st.sampled_from(["", "on ", "last ", "late ", "earlier on "]),
              st.sampled_from(WEEKDAY_NAMES), st.sampled_from(["", " night", " morning"])),
    st.builds(lambda m, d: f"{m} {d}", st.sampled_from(MONTH_NAMES), st.integers(1, 31)),
    st.builds(lambda d, m: f"on {d} {m}", st.integers(1, 31), st.sampled_from(MONTH_NAMES)),
    st.builds(lambda m, d, y: f"{m} {d}, {y}", st.sampled_from(MONTH_NAMES), st.integers(1, 31),
              st.integers(1890, 2110)),
    st.builds(lambda m, y: f"in {m} {y}", st.sampled_from(MONTH_NAMES), st.integers(1890, 2110)),
    st.builds(lambda m: f"in {m}", st.sampled_from(MONTH_NAMES)),
    st.builds(lambda y: f"in {y}", st.integers(1890, 2110)),
    st.builds(lambda n, u: f"{n} {u} ago", st.sampled_from(["a", "two", "3", "12", "40"]),
              st.sampled_from(["day", "days", "weeks", "months", "years"])),
    st.builds(lambda p, u: f"{p} {u}", st.sampled_from(["last", "this", "earlier this", "past"]),
              st.sampled_from(["week", "month", "year", "weekend"])),
    st.sampled_from(["yesterday", "today", "tonight", "last night", "the day before yesterday",
                     "over the weekend", "this morning"]),
)


@settings(max_examples=400, deadline=None)
@given(article=st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)), phrase=phrases)
def test_said_on_is_never_after_the_article_date(article: dt.date, phrase: str) -> None:
    said_on = resolve_said_on(phrase, article)
    if said_on is None:
        return
    day = dt.date.fromisoformat(said_on.date)
    assert len(said_on.date) == 10 and day <= article
    assert said_on.precision in {"day", "week", "month", "year"} and said_on.text == phrase
    assert not said_on.assumed


@settings(max_examples=200, deadline=None)
@given(article=st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)), weekday=st.sampled_from(WEEKDAY_NAMES))
def test_a_weekday_is_the_latest_such_day(article: dt.date, weekday: str) -> None:
    said_on = resolve_said_on(f"on {weekday}", article)
    assert said_on is not None
    day = dt.date.fromisoformat(said_on.date)
    assert day.strftime("%A") == weekday and 0 <= (article - day).days < 7


TEMPLATES = [
    "The mayor said on Friday that the bridge would reopen.",
    "The mayor told reporters last week that the bridge would reopen.",
    "The mayor said on 30 November that the bridge would reopen.",
    "The mayor said in March that the bridge would reopen.",
    "The mayor said earlier this month that the bridge would reopen.",
]


@settings(max_examples=60, deadline=None)
@given(article=st.dates(dt.date(1950, 1, 1), dt.date(2080, 12, 31)), which=st.integers(0, len(TEMPLATES) - 1))
def test_statement_context_never_dates_after_the_article(parsed_templates, article: dt.date,
                                                         which: int) -> None:
    text, doc = parsed_templates[which]
    content = span(text, "that the bridge would reopen.")
    ctx = statement_context(doc, span(text, "said" if "said" in text else "told"), [content], article)
    assert ctx.said_on is not None and dt.date.fromisoformat(ctx.said_on.date) <= article


@pytest.fixture(scope="module")
def parsed_templates(nlp):
    return [(t, nlp(t)) for t in TEMPLATES]


# --- venue and medium -----------------------------------------------------------------------


def test_interview_with_an_outlet(context_of) -> None:
    text = "“The bridge stays shut,” the governor said in an interview with Sky News on Friday."
    ctx = context_of(text, "said", ["“The bridge stays shut,”"])
    assert (ctx.venue.name, ctx.venue.type) == ("Sky News", "interview")
    assert ctx.venue.text == "an interview with Sky News"
    assert text[ctx.venue.start:ctx.venue.end] == ctx.venue.text
    assert ctx.said_on == SaidOn("2024-11-29", "day", "on Friday")
    assert ctx.time_text == "on Friday" and text[slice(*ctx.time_span)] == "on Friday"


def test_told_an_outlet_is_venue_and_addressee(context_of) -> None:
    ctx = context_of("“We need more shells,” the minister told Fox News last week.", "told",
                     ["“We need more shells,”"])
    assert (ctx.venue.name, ctx.venue.type) == ("Fox News", "interview")
    assert ctx.addressee == "Fox News"
    assert (ctx.said_on.date, ctx.said_on.precision) == ("2024-11-22", "week")


def test_told_an_unlisted_outlet_known_by_its_name(context_of) -> None:
    ctx = context_of("The mayor told the Harbour Evening News that the ferry would run.", "told",
                     ["that the ferry would run."])
    assert ctx.venue.name == "Harbour Evening News" and ctx.addressee == "Harbour Evening News"


def test_an_interviewer_of_an_outlet(context_of) -> None:
    ctx = context_of("The envoy said in an interview with Fox News' Bret Baier that talks had stalled.",
                     "said", ["that talks had stalled."])
    assert ctx.venue.name == "Fox News" and ctx.addressee == "Bret Baier"


def test_told_reporters_is_only_an_addressee(context_of) -> None:
    ctx = context_of("The minister told reporters on Tuesday night that talks would resume.", "told",
                     ["that talks would resume."])
    assert ctx.venue is None and ctx.addressee == "reporters"
    assert ctx.said_on.date == "2024-11-26"


def test_told_lawmakers(context_of) -> None:
    ctx = context_of("The general told lawmakers earlier this week that reserves were low.", "told",
                     ["that reserves were low."])
    assert ctx.addressee == "lawmakers" and ctx.venue is None
    assert (ctx.said_on.date, ctx.said_on.precision) == ("2024-11-25", "week")


def test_joint_press_conference(context_of) -> None:
    ctx = context_of("The premier said at a joint press conference with Norway's foreign minister on "
                     "19 November 2024 that the pipeline was safe.", "said", ["that the pipeline was safe."])
    assert ctx.venue.type == "press_conference" and ctx.venue.name == "joint press conference"
    assert ctx.addressee is None  # a partner at the podium is not whom the speaker addressed
    assert ctx.said_on == SaidOn("2024-11-19", "day", "19 November 2024")


def test_in_a_statement(context_of) -> None:
    ctx = context_of("The ministry said in a statement on Nov. 19 that the dam had held.", "said",
                     ["that the dam had held."])
    assert (ctx.venue.name, ctx.venue.type) == ("statement", "statement")
    assert ctx.said_on.date == "2024-11-19"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The governor said on X yesterday that the roads were closed.", "X"),
        ("The governor said on Telegram yesterday that the roads were closed.", "Telegram"),
        ("The governor wrote in a post on Facebook yesterday that the roads were closed.", "Facebook"),
        ("In a statement on Telegram yesterday, the ministry said that the roads were closed.", "Telegram"),
    ],
)
def test_social_media(context_of, text: str, name: str) -> None:
    cue = "wrote" if "wrote" in text else "said"
    ctx = context_of(text, cue, ["that the roads were closed."])
    assert (ctx.venue.name, ctx.venue.type) == (name, "social_media")
    assert ctx.said_on.date == "2024-11-28"


@pytest.mark.parametrize("text", [
    "The governor calls for more shelters, saying the winter will be hard.",
    "The new report shows that the sanctions are working.",
    "The president addresses the nation tonight, saying the war will end soon.",
])
def test_a_venue_word_used_as_a_verb_is_no_venue(statements_of, text: str) -> None:
    assert [s.venue for s in statements_of(text)] == [None] * len(statements_of(text))


def test_a_venue_noun_is_found_beside_a_venue_word_used_as_a_verb(statements_of) -> None:
    (s,) = statements_of("In a statement, the ministry calls the strikes a war crime.")
    assert s.venue.name == "statement"
    # the tagger may call a plural noun a verb ("talk shows" as VBZ); the parse hangs it as a noun
    found = statements_of('In a series of appearances on Sunday talk shows, the senator said the bill "will pass."')
    assert [s.venue.name for s in found] == ["talk shows"]


@pytest.mark.parametrize("text", [
    "The deputy minister told the state news agency TASS that Moscow saw no basis for a deal.",
    "The spokesman told the RIA news agency that the summit was off.",
])
def test_an_outlet_told_by_its_description_and_name(statements_of, text: str) -> None:
    (s,) = statements_of(text)
    assert s.venue is not None and s.venue.name in {"TASS", "RIA"} and s.venue.type == "interview"


@pytest.mark.parametrize("text, outlet", [
    ("The spokesman was quoted by the RIA news agency as saying that the summit was off.", "RIA"),
    ("The minister was quoted by TASS as saying the talks had failed.", "TASS"),
])
def test_the_outlet_that_quoted_is_the_venue(statements_of, text: str, outlet: str) -> None:
    (s,) = statements_of(text)
    assert (s.venue.name, s.venue.type) == (outlet, "interview")


def test_a_one_letter_platform_at_the_sentence_end(statements_of) -> None:
    # "X." is one token, as an initial is: the platform all the same, without the full stop
    for text in ("“We will hold the line,” the governor wrote on X.", "The roads are closed, the governor wrote on X."):
        (s,) = statements_of(text)
        assert (s.venue.name, s.venue.text, s.venue.type) == ("X", "X", "social_media")
        assert text[s.venue.start : s.venue.end] == "X"


def test_nightly_video_address(context_of) -> None:
    ctx = context_of("“We will hold the line,” the president said in his nightly video address.", "said",
                     ["“We will hold the line,”"])
    assert (ctx.venue.name, ctx.venue.type) == ("nightly video address", "speech")
    assert ctx.said_on is None


def test_at_the_general_assembly(context_of) -> None:
    ctx = context_of("The chancellor said at the UN General Assembly last year that the war must end.",
                     "said", ["that the war must end."])
    assert (ctx.venue.name, ctx.venue.type) == ("UN General Assembly", "speech")
    assert ctx.said_on == SaidOn("2023-01-01", "year", "last year")


def test_told_the_general_assembly_is_venue_and_addressee(context_of) -> None:
    ctx = context_of("The chancellor told the UN General Assembly in 2022 that the war must end.", "told",
                     ["that the war must end."])
    assert ctx.venue.name == "UN General Assembly" and ctx.addressee == "UN General Assembly"
    assert ctx.said_on.date == "2022-01-01"


def test_during_a_meeting_with(context_of) -> None:
    ctx = context_of("The president said during a meeting with farm leaders in March 2022 that prices "
                     "would fall.", "said", ["that prices would fall."])
    assert ctx.venue.type == "meeting" and ctx.addressee == "farm leaders"
    assert ctx.said_on == SaidOn("2022-03-01", "month", "in March 2022")


def test_in_a_call_with(context_of) -> None:
    ctx = context_of("The premier said in a call with Scholz two days ago that aid would continue.", "said",
                     ["that aid would continue."])
    assert ctx.addressee == "Scholz" and ctx.venue.type == "meeting"
    assert ctx.said_on.date == "2024-11-27"


def test_on_a_broadcast_programme(context_of) -> None:
    ctx = context_of("The secretary said on CNN's State of the Union this month that the talks were serious.",
                     "said", ["that the talks were serious."])
    assert ctx.venue.type == "broadcast" and ctx.venue.name == "CNN's State of the Union"
    assert ctx.said_on == SaidOn("2024-11-01", "month", "this month")


def test_speaking_on_the_radio(context_of) -> None:
    ctx = context_of("Speaking on BBC radio 3 weeks ago, the minister said sanctions were working.", "said",
                     ["sanctions were working."])
    assert ctx.venue.type == "broadcast" and "BBC" in ctx.venue.name
    assert (ctx.said_on.date, ctx.said_on.precision) == ("2024-11-08", "week")


def test_an_interview_on_an_outlet_stays_an_interview(context_of) -> None:
    ctx = context_of("In an interview on Sky News, the minister said the war would go on.", "said",
                     ["the war would go on."])
    assert (ctx.venue.name, ctx.venue.type) == ("Sky News", "interview")


# --- addressee and translator ---------------------------------------------------------------


def test_speaking_to_students(context_of) -> None:
    ctx = context_of("Speaking to students in Leeds on Monday morning, the mayor said the city was ready.",
                     "said", ["the city was ready."])
    assert ctx.addressee == "students"
    assert ctx.said_on == SaidOn("2024-11-25", "day", "on Monday morning")


def test_a_pronoun_object_names_no_addressee(context_of) -> None:
    ctx = context_of("“The talks are over,” the envoy told him.", "told", ["“The talks are over,”"])
    assert ctx.addressee is None


def test_according_to_is_no_addressee(context_of) -> None:
    ctx = context_of("The port will reopen, according to the harbour master.", "according to",
                     ["The port will reopen"])
    assert ctx.addressee is None


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The general said through a translator today that troops had withdrawn.", "said"),
        ("Speaking through an interpreter, the general said today that troops had withdrawn.", "said"),
        ("The general, speaking via an interpreter, said today that troops had withdrawn.", "said"),
        ("The general said through his interpreter today that troops had withdrawn.", "said"),
    ],
)
def test_through_a_translator(context_of, text: str, cue: str) -> None:
    ctx = context_of(text, cue, ["that troops had withdrawn." if "that" in text else "troops had withdrawn."])
    assert ctx.via_translator is True
    assert ctx.said_on.date == "2024-11-29"


def test_a_translator_who_speaks_is_not_a_channel(context_of) -> None:
    ctx = context_of("The translator said today that troops had withdrawn.", "said",
                     ["that troops had withdrawn."])
    assert ctx.via_translator is False


# --- what is not the statement's context ----------------------------------------------------


def test_a_date_inside_the_content_never_counts(context_of) -> None:
    ctx = context_of("The mayor said that on Friday the river burst its banks.", "said",
                     ["that on Friday the river burst its banks."])
    assert ctx.said_on is None and ctx.time_text is None


def test_a_venue_inside_the_content_never_counts(context_of) -> None:
    ctx = context_of("The mayor said that the interview with Sky News had been a mistake.", "said",
                     ["that the interview with Sky News had been a mistake."])
    assert ctx.venue is None


def test_a_time_in_a_relative_clause_is_not_the_statements(context_of) -> None:
    ctx = context_of("The mayor, who met the minister on Friday, said that the aid was vital.", "said",
                     ["that the aid was vital."])
    assert ctx.said_on is None


def test_a_bound_is_not_a_time_of_saying(context_of) -> None:
    ctx = context_of("The mayor said at the summit since Monday that the bloc was divided.", "said",
                     ["that the bloc was divided."])
    assert ctx.said_on is None and ctx.venue.type == "meeting"


def test_a_fronted_time_reaches_a_participle_cue(context_of) -> None:
    text = "In 2019, the mayor closed the old port, calling it “a relic of another age” in a short speech."
    ctx = context_of(text, "calling", ["“a relic of another age”"])
    assert ctx.said_on == SaidOn("2019-01-01", "year", "In 2019")
    assert ctx.venue.type == "speech"


def test_a_possessive_time_dates_only_a_venue(context_of) -> None:
    ctx = context_of("The mayor said at Friday's press conference that the port would reopen.", "said",
                     ["that the port would reopen."])
    assert ctx.said_on.date == "2024-11-29" and ctx.venue.type == "press_conference"
    ctx = context_of("In fact, yesterday's vote was called because the council had publicly declared that "
                     "it would not pay.", "declared", ["that it would not pay."])
    assert ctx.said_on is None


def test_a_day_inside_a_programme_name_is_no_time(context_of) -> None:
    ctx = context_of("The senator said on Fox News Sunday that the bill was dead.", "said",
                     ["that the bill was dead."])
    assert ctx.said_on is None and ctx.venue.type == "broadcast"


def test_a_title_with_to_is_no_addressee(context_of) -> None:
    text = "“The proposals are on the table,” said the adviser to the head of the delegation."
    ctx = context_of(text, "said", ["“The proposals are on the table,”"])
    assert ctx.addressee is None


def test_an_interview_to_an_outlet(context_of) -> None:
    ctx = context_of("The envoy said in an interview to the BBC that the talks had stalled.", "said",
                     ["that the talks had stalled."])
    assert (ctx.venue.name, ctx.venue.type) == ("BBC", "interview")


def test_a_time_in_another_sentence_is_not_the_statements(context_of) -> None:
    text = "The mayor's remarks come just a week after the floods. “We rebuild,” she said."
    ctx = context_of(text, "said", ["“We rebuild,”"])
    assert ctx.said_on is None


def test_no_cue_and_nothing_but_the_quote(context_of) -> None:
    ctx = context_of("“We rebuild.”", None, ["“We rebuild.”"])
    assert ctx == StatementContext()


def test_no_article_date_keeps_absolute_times_only(context_of) -> None:
    ctx = context_of("The mayor said on Friday that the bridge would reopen.", "said",
                     ["that the bridge would reopen."], date=None)
    assert ctx.said_on is None
    ctx = context_of("The mayor said in March 2022 that the bridge would reopen.", "said",
                     ["that the bridge would reopen."], date=None)
    assert ctx.said_on.date == "2022-03-01"


def test_apply_to_a_statement(context_of) -> None:
    from onrecord.model.statement import Cue, Quote, Speaker, Statement

    text = "“We hold,” the governor told Fox News."
    ctx = context_of(text, "told", ["“We hold,”"])
    cue = Cue("told", 24, 28, "tell", "assert")
    statement = Statement("direct", Quote("We hold,", 1, 9), cue, Speaker("x"))
    ctx.apply_to(statement, FRIDAY, offset=100)
    assert statement.venue.name == "Fox News" and statement.venue.start == ctx.venue.start + 100
    assert statement.addressee == "Fox News" and statement.said_on == default_said_on(FRIDAY)


def test_odd_input_gives_an_empty_context(nlp) -> None:
    assert statement_context(nlp(""), None, [], FRIDAY) == StatementContext()
    doc = nlp("The mayor said so.")
    assert statement_context(doc, (500, 504), [], FRIDAY) == StatementContext()
    assert statement_context(doc, (10, 14), [(10, 14), (900, 950)], FRIDAY).said_on is None


def test_an_unparsed_doc_is_refused(nlp) -> None:
    with pytest.raises(ValueError, match="parsed"):
        statement_context(nlp.make_doc("The mayor said so on Friday."), (10, 14), [], FRIDAY)


def test_datetimes_count_by_their_date() -> None:
    noon = dt.datetime(2024, 11, 29, 12, 0)
    assert resolve_said_on("yesterday", noon).date == "2024-11-28"
    assert resolve_said_on("yesterday", None, dt.date(2024, 11, 29)).date == "2024-11-28"
    assert default_said_on(noon).date == "2024-11-29"


# --- the lexicon ----------------------------------------------------------------------------


def test_packaged_lexicon_loads() -> None:
    lexicon = load_venue_lexicon()
    assert {n.type for n in lexicon.nouns} <= set(VENUE_TYPES)
    assert "Sky News" in lexicon.outlets and "Telegram" in lexicon.platforms
    assert lexicon.noun("interview").with_role == "venue"


MINIMAL = """\
venue_nouns:
  interview: {type: interview, with: venue}
  statement: statement
venue_preps: [in]
outlets: [Harbour Radio]
outlet_words: [Radio]
platforms: [Pigeon]
programs: [Morning Tide]
addressing_verbs: [tell]
carrier_verbs: [speak]
translator_nouns: [interpreter]
translator_preps: [through]
"""


def test_minimal_lexicon_parses() -> None:
    lexicon = parse_venue_lexicon(MINIMAL)
    assert [n.phrase for n in lexicon.nouns] == ["interview", "statement"]
    assert lexicon.noun("statement").with_role == "none"


@pytest.mark.parametrize(
    ("change", "line", "message"),
    [
        (("statement: statement", "statement: rumour"), 3, "type 'rumour'"),
        (("{type: interview, with: venue}", "{type: interview, with: host}"), 2, "'with' must be one of"),
        (("{type: interview, with: venue}", "{kind: interview}"), 2, "unknown key 'kind'"),
        (("venue_preps: [in]", "venue_prep: [in]"), 4, "unknown key 'venue_prep'"),
        (("outlets: [Harbour Radio]", "outlets: Harbour Radio"), 5, "must be a list"),
        (("platforms: [Pigeon]", "platforms: [Pigeon, Pigeon]"), 7, "listed twice"),
        (("programs: [Morning Tide]", "programs: [Morning Tide"), 9, "not valid YAML"),
    ],
)
def test_lexicon_errors_name_the_line(change: tuple[str, str], line: int, message: str) -> None:
    text = MINIMAL.replace(*change)
    with pytest.raises(VenueLexiconError) as info:
        parse_venue_lexicon(text, source="venues.yaml")
    assert f"venues.yaml, line {line}" in str(info.value) and message in str(info.value)


def test_lexicon_missing_section_and_empty_file() -> None:
    text = textwrap.dedent(MINIMAL).replace("translator_preps: [through]\n", "")
    with pytest.raises(VenueLexiconError, match="translator_preps"):
        parse_venue_lexicon(text)
    with pytest.raises(VenueLexiconError, match="empty"):
        parse_venue_lexicon("")


# --- the seed article -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed(nlp):
    path = SEED / "000_4318a879f6337696.txt"
    if not path.exists() or not (SEED / "gold.json").exists():
        pytest.skip("the seed article is not here")
    text = path.read_text(encoding="utf-8")
    gold = json.loads((SEED / "gold.json").read_text(encoding="utf-8"))
    return text, nlp(text), dt.date.fromisoformat(gold["article"]["date"])


def _seed_context(seed, sentence_start: str, cue: str, quotes: list[str]) -> StatementContext:
    text, doc, date = seed
    anchor = text.find(sentence_start)
    assert anchor >= 0
    cue_start = text.find(cue, anchor)
    content = [span(text, q) for q in quotes]
    return statement_context(doc, (cue_start, cue_start + len(cue)), content, date)


def test_seed_s1_sky_news_through_a_translator(seed) -> None:
    ctx = _seed_context(seed, "Zelensky said through", "said", [
        "“If we want to stop the hot stage of the war",
        "“That’s what we need to do fast",
    ])
    assert (ctx.venue.name, ctx.venue.type) == ("Sky News", "interview")
    assert ctx.via_translator is True
    assert ctx.said_on.date == "2024-11-29" and ctx.said_on.precision == "day"


def test_seed_s15_fox_news_last_week(seed) -> None:
    ctx = _seed_context(seed, "Zelensky told Fox", "told", [
        "“All our partners always look for permission from the United States,”",
    ])
    assert ctx.venue.name == "Fox News" and ctx.addressee == "Fox News"
    said = dt.date.fromisoformat(ctx.said_on.date)
    assert ctx.said_on.precision == "week"
    assert dt.date(2024, 11, 18) <= said <= dt.date(2024, 11, 24)  # the week before 2024-11-29


def test_seed_s3_fronted_year_reaches_calling(seed) -> None:
    ctx = _seed_context(seed, "In 2022, Putin", "calling", ["“our citizens forever”"])
    assert ctx.said_on.date.startswith("2022") and ctx.said_on.precision == "year"


def test_seed_statements_without_a_time_of_their_own(seed) -> None:
    ctx = _seed_context(seed, "Zelensky wouldn’t say", "wouldn’t say", [
        "whether he’d be willing to give up more territory in exchange for full NATO membership",
    ])
    assert ctx.said_on is None and ctx.venue is None
