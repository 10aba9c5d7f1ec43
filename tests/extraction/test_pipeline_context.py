"""The whole pipeline: reported earlier positions, the occasion of each statement (venue,
translator, date) carried along one utterance, speaker ids, issues and stances."""

from __future__ import annotations

import pytest

from onrecord.extraction.pipeline import extract_article
from onrecord.model import Article


@pytest.fixture(scope="module")
def run(nlp):
    def extract(text: str, date: str = "2025-03-07"):  # a Friday
        return extract_article(Article(id="t", text=text, date=date), nlp)

    return extract


def only(statements, kind=None):
    chosen = [s for s in statements if kind is None or s.kind == kind]
    assert len(chosen) == 1, [(s.kind, s.quote.text) for s in statements]
    return chosen[0]


# --- reported earlier positions -------------------------------------------------------------


def test_perfect_adjective_is_an_earlier_position(run):
    s = only(run("Mayor Ana Silva has been adamant about keeping the harbour closed to warships."))
    assert s.kind == "reported_position" and s.time == "before"
    assert s.speaker.name == "Ana Silva"
    assert s.quote.text.endswith("closed to warships")


def test_long_insisted_is_an_earlier_position(run):
    s = only(run("Minister Omar Haddad has long insisted on a full withdrawal of foreign troops."))
    assert s.kind == "reported_position" and s.time == "before"
    assert "full withdrawal" in s.quote.text


def test_previously_rejected(run):  # the council is what officials noted: indirect
    s = only(run("The council previously rejected any talks with the rebels, officials noted. Karl Berg "
                 "has previously rejected any talks with the rebels."), "reported_position")
    assert s.speaker.name == "Karl Berg"


def test_relative_clause_position(run):
    s = only(run("Neutral status is something Karl Berg has rejected for years."), "reported_position")
    assert s.speaker.name == "Karl Berg"
    assert s.quote.text.startswith("something")


def test_present_opinion_is_not_an_earlier_position(run):
    found = run("Karl Berg is adamant that the border stays open.")
    assert not any(s.kind == "reported_position" or s.time == "before" for s in found)


def test_position_inside_quotation_is_not_reported_by_the_reporter(run):
    kinds = [s.kind for s in run('"We have long rejected any talks with them," Karl Berg said.')]
    assert kinds == ["direct"]


def test_speech_cue_with_earlier_adverb_is_said_before(run):
    s = only(run("Karl Berg previously said that the border would stay open."))
    assert s.kind == "indirect" and s.time == "before"


# --- the occasion, carried along one utterance ------------------------------------------------


def test_venue_translator_and_date(run):
    s = only(run('"We will hold the line," Mayor Ana Silva told Radio Nord on Tuesday through a translator.'))
    assert s.venue is not None and s.venue.name == "Radio Nord"
    assert s.via_translator is True
    assert s.said_on is not None and s.said_on.date == "2025-03-04" and not s.said_on.assumed


def test_venue_carries_to_the_added_part(run):
    text = ('"We will hold the line," Ana Silva said in an interview with Radio Nord on Tuesday. '
            '"Nobody is leaving," she added.')
    first, second = run(text)
    assert first.venue is not None and second.venue == first.venue
    assert second.said_on is not None and second.said_on.date == "2025-03-04"


def test_venue_does_not_carry_to_another_occasion(run):
    text = ('"We will hold the line," Ana Silva said in an interview with Radio Nord on Tuesday. '
            'Last month she said that the port would reopen.')
    first, second = run(text)
    assert first.venue is not None
    assert second.venue is None
    assert second.said_on is not None and second.said_on.precision == "month"


def test_date_without_time_words_is_the_article_date_assumed(run):
    s = only(run('"The port stays shut," Ana Silva said.'))
    assert s.said_on is not None and s.said_on.date == "2025-03-07" and s.said_on.assumed


def test_offsets_of_venue_index_the_article_text(nlp):
    text = ' date 2025-03-07 A caption.\nRadio Staff Ivo Kerr\n\n"We hold," Ana Silva told Radio Nord on Tuesday.'
    from onrecord.readers import read_text

    article = read_text(text, "t")
    s = only(extract_article(article, nlp))
    assert s.venue is not None and text[s.venue.start : s.venue.end] == s.venue.text
    assert text[s.quote.start : s.quote.end] == s.quote.text


# --- speaker ids, issues, stances -------------------------------------------------------------


def test_spelling_variants_share_a_speaker_id(run):
    a = only(run('"We are ready," President Zelenskyy said.'))
    b = only(run('"We are ready," President Zelensky said.'))
    assert a.speaker.id == b.speaker.id and a.speaker.id


def test_different_people_have_different_ids(run):
    a = only(run('"We are ready," Karl Berg said.'))
    b = only(run('"We are ready," Karla Berger said.'))
    assert a.speaker.id != b.speaker.id


def test_conditional_territory_stance(run):
    s = only(run('"If we want to stop the war, we should take under the NATO umbrella the territory '
                 'that we control," Ana Silva said.'))
    assert "territory" in s.issues
    assert s.stances["territory"]["label"] == "conditional"


def test_statements_without_issues_have_no_stances(run):
    s = only(run('"The weather was lovely," Ana Silva said.'))
    assert s.issues == [] and s.stances == {}


def test_role_as_stated_and_surname_of_a_pinned_person(run):
    text = ('Ukrainian President Volodymyr Zelensky spoke in Kyiv. "We are ready," Zelensky said. '
            '"Not yet," Putin said.')
    first, second = run(text)
    assert first.speaker.role == "Ukrainian President"
    assert second.speaker.name == "Vladimir Putin" and second.speaker.id == "person:v-putin"
