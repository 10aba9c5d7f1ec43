"""The scene carried through an article: a venue and a time set once hold for the speaker's
following statements until the article changes scene, speaker or time.  The rules one by one
(``Scenes``, on plain data) and the whole pipeline on articles we wrote."""

from __future__ import annotations

import pytest

from onrecord.extraction.context.scene import Occasion, Scenes, same_person, same_venue
from onrecord.extraction.found import StatementContext
from onrecord.extraction.pipeline import extract_article
from onrecord.model import Article
from onrecord.model.statement import SaidOn, Venue

RADIO = Venue("Radio Nord", "interview", "an interview with Radio Nord", 0, 10)
PAPER = Venue("statement", "statement", "a statement", 0, 10)
TUESDAY = SaidOn("2025-03-04", "day", "on Tuesday")
WEDNESDAY = SaidOn("2025-03-05", "day", "on Wednesday")


def said(scenes: Scenes, speaker: str, occasion: Occasion | None = None, group: frozenset[str] = frozenset(),
         description: frozenset[str] = frozenset()) -> StatementContext:
    """A statement through the scenes: its own context is its occasion; returns the context."""
    occasion = occasion or Occasion()
    context = StatementContext(venue=occasion.venue, said_on=occasion.said_on, time_text=occasion.time_text)
    scenes.statement(speaker, group, occasion, context, set(description))
    return context


# --- the rules, on plain data --------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Ana Silva", "Ana Silva", True),
        ("Silva", "Ana Silva", True),
        ("Ana", "Ana Silva", True),
        ("Robert Lee, Jr.", "Robert Lee", True),
        ("Ana Silva", "Anna Silva", False),
        ("Ana Silva", "Karl Silva", False),
        ("Silva", "Karl Berg and Ana Silva", False),
        ("", "Ana Silva", False),
    ],
)
def test_same_person(a: str, b: str, same: bool) -> None:
    assert same_person(a, b) is same and same_person(b, a) is same


def test_same_venue() -> None:
    bare = Venue("interview", "interview", "the interview", 0, 3)
    briefing = Venue("news briefing", "press_conference", "the news briefing", 0, 3)
    conference = Venue("press conference", "press_conference", "a press conference", 0, 3)
    x, facebook = (Venue(n, "social_media", n, 0, 1) for n in ("X", "Facebook"))
    assert same_venue(RADIO, bare) and same_venue(PAPER, PAPER) and same_venue(briefing, conference)
    assert not same_venue(RADIO, PAPER) and not same_venue(x, facebook)


def test_the_scene_holds_for_the_speakers_later_statements() -> None:
    scenes = Scenes()
    said(scenes, "Ana Silva", Occasion(RADIO, TUESDAY))
    later = said(scenes, "Silva")
    assert later.venue == RADIO and later.said_on == TUESDAY


def test_the_scene_holds_across_another_speaker() -> None:
    scenes = Scenes()
    said(scenes, "Ana Silva", Occasion(RADIO, TUESDAY))
    other = said(scenes, "Karl Berg")
    later = said(scenes, "Ana Silva")
    assert other.venue is None and other.said_on is None
    assert later.venue == RADIO


def test_another_time_drops_the_venue() -> None:
    scenes = Scenes()
    said(scenes, "Ana Silva", Occasion(RADIO, TUESDAY))
    said(scenes, "Ana Silva", Occasion(said_on=WEDNESDAY))
    later = said(scenes, "Ana Silva")
    assert later.venue is None and later.said_on == WEDNESDAY


def test_another_venue_keeps_the_time() -> None:
    scenes = Scenes()
    said(scenes, "Ana Silva", Occasion(RADIO, TUESDAY))
    said(scenes, "Ana Silva", Occasion(PAPER))
    later = said(scenes, "Ana Silva")
    assert later.venue == PAPER and later.said_on == TUESDAY


def test_a_scene_named_later_completes_the_run_before_it() -> None:
    scenes = Scenes()
    first = said(scenes, "Ana Silva", Occasion(said_on=TUESDAY))
    second = said(scenes, "Ana Silva")
    said(scenes, "Ana Silva", Occasion(RADIO, TUESDAY))
    assert first.venue == RADIO and second.venue == RADIO and second.said_on == TUESDAY


def test_a_scene_named_later_does_not_reach_back_across_another_speaker() -> None:
    scenes = Scenes()
    first = said(scenes, "Ana Silva", Occasion(said_on=TUESDAY))
    said(scenes, "Karl Berg")
    said(scenes, "Ana Silva", Occasion(RADIO))
    assert first.venue is None


def test_an_aside_takes_no_scene_and_ends_none() -> None:
    scenes = Scenes()
    said(scenes, "Ana Silva", Occasion(RADIO, TUESDAY))
    aside = said(scenes, "Ana Silva", Occasion(other_time=True))
    year = said(scenes, "Ana Silva", Occasion(said_on=SaidOn("2019-01-01", "year", "in 2019"), background=True))
    later = said(scenes, "Ana Silva")
    assert aside.venue is None and aside.said_on is None and year.venue is None
    assert later.venue == RADIO and later.said_on == TUESDAY


def test_a_groups_scene_holds_for_its_members_only() -> None:
    scenes = Scenes()
    scenes.setting("", frozenset({"family", "father", "mother"}), Occasion(PAPER))
    member = said(scenes, "Ivo Kerr", description=frozenset({"father"}))
    stranger = said(scenes, "Lena Ortiz", description=frozenset({"mayor"}))
    again = said(scenes, "Kerr")
    assert member.venue == PAPER and stranger.venue is None and again.venue == PAPER


def test_a_group_statement_sets_the_groups_scene() -> None:
    scenes = Scenes()
    said(scenes, "lawyers for the miners", Occasion(PAPER, TUESDAY), group=frozenset({"lawyer", "lawyers"}))
    member = said(scenes, "Ivo Kerr", description=frozenset({"lawyer"}))
    assert member.venue == PAPER and member.said_on == TUESDAY


def test_a_new_venue_ends_the_groups_scene() -> None:
    scenes = Scenes()
    scenes.setting("", frozenset({"father"}), Occasion(PAPER))
    said(scenes, "Lena Ortiz", Occasion(RADIO))
    late = said(scenes, "Ivo Kerr", description=frozenset({"father"}))
    assert late.venue is None


def test_a_member_with_an_occasion_of_his_own_stays_out() -> None:
    scenes = Scenes()
    scenes.setting("", frozenset({"father"}), Occasion(PAPER))
    told = said(scenes, "Ivo Kerr", Occasion(addressee="reporters"), description=frozenset({"father"}))
    assert told.venue is None


def test_a_setting_opens_a_scene_for_what_follows() -> None:
    scenes = Scenes()
    before = said(scenes, "Karl Berg")
    scenes.setting("Berg", frozenset(), Occasion(said_on=WEDNESDAY))
    after = said(scenes, "Karl Berg")
    assert before.said_on is None and after.said_on == WEDNESDAY


# --- the whole pipeline ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def run(nlp):
    def extract(text: str, date: str = "2025-03-07"):  # a Friday
        return extract_article(Article(id="t", text=text, date=date), nlp)

    return extract


def occasions(statements) -> list[tuple[str | None, str | None, bool]]:
    return [(s.venue.name if s.venue else None, s.said_on.date if s.said_on else None,
             bool(s.said_on and s.said_on.assumed)) for s in statements]


def test_an_interview_holds_through_the_paragraphs(run) -> None:
    text = ("In an interview with Radio Nord on Tuesday, Mayor Ana Silva said the port would stay shut.\n\n"
            '"We will not give in," she said.\n\n'
            "Silva also said that the ferry would run again in May.")
    assert occasions(run(text)) == [("Radio Nord", "2025-03-04", False)] * 3


def test_the_interview_holds_after_another_speaker(run) -> None:
    text = ("In an interview with Radio Nord on Tuesday, Mayor Ana Silva said the port would stay shut.\n\n"
            "The harbour master, Karl Berg, said the ships were waiting.\n\n"
            '"We will not give in," Silva said.')
    assert occasions(run(text)) == [("Radio Nord", "2025-03-04", False), (None, "2025-03-07", True),
                                     ("Radio Nord", "2025-03-04", False)]


def test_a_lede_gets_the_interview_named_in_the_next_paragraph(run) -> None:
    text = ("Mayor Ana Silva said on Tuesday that the port would stay shut.\n\n"
            '"We will not give in," Silva said in an interview with Radio Nord on Tuesday.')
    assert occasions(run(text)) == [("Radio Nord", "2025-03-04", False)] * 2


def test_a_new_day_is_a_new_scene(run) -> None:
    text = ("In an interview with Radio Nord on Tuesday, Mayor Ana Silva said the port would stay shut.\n\n"
            "On Wednesday, Silva said that the ferry would run again.\n\n"
            '"We will not give in," Silva said.')
    assert occasions(run(text)) == [("Radio Nord", "2025-03-04", False), (None, "2025-03-05", False),
                                    (None, "2025-03-05", False)]


def test_a_sentence_with_no_statement_sets_the_scene(run) -> None:
    text = ("Karl Berg, the miners' lawyer, spoke to reporters outside the courthouse on Monday.\n\n"
            '"We will appeal," Berg said.')
    assert occasions(run(text)) == [("outside the courthouse", "2025-03-03", False)]


def test_the_day_of_arrival_dates_what_follows(run) -> None:
    text = ("Mayor Ana Silva arrived in Oslo on Wednesday for talks with the minister.\n\n"
            '"We are ready," Silva said.')
    assert occasions(run(text)) == [(None, "2025-03-05", False)]


def test_the_families_scene_holds_for_their_members(run) -> None:
    text = ("The families of the miners spoke outside the courthouse after the verdict.\n\n"
            '"Justice was done," said Ivo Kerr, the father of one of the miners.\n\n'
            '"We waited ten years," said Marta Lund, whose son died in the mine.\n\n'
            "Mayor Lena Ortiz said the city would help the families.")
    venues = [o[0] for o in occasions(run(text))]
    assert venues == ["outside the courthouse", "outside the courthouse", None]


def test_an_earlier_remark_is_an_aside(run) -> None:
    text = ("In an interview with Radio Nord on Tuesday, Mayor Ana Silva said the port would stay shut.\n\n"
            "Silva previously said that the port would reopen in spring.\n\n"
            '"We will not give in," Silva said.')
    first, aside, last = occasions(run(text))
    assert first == last == ("Radio Nord", "2025-03-04", False)
    assert aside[0] is None and aside[2]  # nothing in the article dates it: assumed


@pytest.mark.parametrize(
    "setting",
    [
        "Mayor Ana Silva will speak outside the courthouse on Wednesday.",  # a future
        "Mayor Ana Silva was scheduled to address the council on Wednesday.",  # a plan
        "Mayor Ana Silva did not speak outside the courthouse on Wednesday.",  # a denial
        "Mayor Ana Silva spoke at a rally in 2019.",  # background: a year
    ],
)
def test_what_did_not_happen_sets_no_scene(run, setting: str) -> None:
    (statement,) = run(setting + '\n\n"We are ready," Silva said.')
    assert statement.venue is None and statement.said_on is not None and statement.said_on.assumed


def test_a_plural_that_is_no_group_of_speakers_sets_no_scene(run) -> None:
    text = ("The talks resumed at the summit in Oslo.\n\n"
            '"We are ready," said Ivo Kerr, a member of the talks team.')
    (statement,) = run(text)
    assert statement.venue is None


def test_a_day_long_before_the_article_is_background(run) -> None:
    text = ("In an interview with Radio Nord on Tuesday, Mayor Ana Silva said the port would stay shut.\n\n"
            "She announced on February 20 that the ferry had stopped.\n\n"
            '"We will not give in," Silva said.')
    first, background, last = occasions(run(text))
    assert background == (None, "2025-02-20", False)  # its own date, but no scene of the article's
    assert first == last == ("Radio Nord", "2025-03-04", False)


def test_an_aside_ends_the_run_a_later_venue_completes() -> None:
    # "Beck on Friday declared …" / "Beck last week said …" (an aside: no date in the article) /
    # "… Beck said during a recent appearance on CNN": CNN is the occasion of the last one only
    scenes = Scenes()
    first = said(scenes, "Glenn Beck")
    said(scenes, "Glenn Beck", Occasion(other_time=True))
    last = said(scenes, "Glenn Beck", Occasion(venue=RADIO))
    assert first.venue is None and last.venue == RADIO


def test_without_an_aside_a_later_venue_completes_the_run() -> None:
    scenes = Scenes()
    first = said(scenes, "Glenn Beck")
    said(scenes, "Glenn Beck", Occasion(venue=RADIO))
    assert first.venue == RADIO
