"""Cue senses: a cue lemma used in a sense other than saying starts no statement (sentences we wrote)."""

from __future__ import annotations

import pytest


def cues(statements):
    return [s.cue.text for s in statements if s.cue is not None]


# --- naming, telephoning, convening: "call" ------------------------------------------------


@pytest.mark.parametrize("text", [
    "A new strain called Vexa spread through three provinces last winter.",
    "The rebels, a militia calling itself the Northern Front, took the bridge.",
    "That is what the two treaties are called in the capital.",
])
def test_naming_call_is_no_statement(statements_of, text):
    assert statements_of(text) == []


@pytest.mark.parametrize("text", [
    "Prime Minister Ola Brandt called a snap election for September.",
    "The chairwoman called an emergency meeting of the board on Sunday.",
    "Mayor Ines Roth called Governor Paul Weir on Tuesday evening.",
])
def test_call_with_a_lone_object_is_an_act(statements_of, text):
    assert statements_of(text) == []


@pytest.mark.parametrize("text, content", [
    ("Senator Dana Cole called the budget a betrayal of the farmers.", "the budget a betrayal of the farmers"),
    ("Dana Cole called it “a gift to the smugglers.”", "it “a gift to the smugglers.”"),
    ("The union called for an independent inquiry into the crash.", "an independent inquiry into the crash"),
    ("The envoy called on both sides to open the crossing.", "both sides to open the crossing"),
    ("Rina Patel, who's called for a wealth tax, spoke first.", "a wealth tax"),
])
def test_speech_call_is_kept(statements_of, text, content):
    found = [s for s in statements_of(text) if s.cue is not None and s.cue.lemma == "call"]
    assert [s.quote.text for s in found] == [content]


def test_called_with_an_agent_is_someone_speaking(statements_of):
    found = statements_of("The plan was called reckless by the opposition leader, Marta Lind.")
    assert cues(found) == ["was called"]


# --- verdicts, displays, feelings ------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "The jury found the former mayor guilty on two counts of fraud.",
    "A federal judge found the company liable for the spill.",
    "The defendant was found guilty of perjury in March.",
])
def test_a_verdict_is_no_statement(statements_of, text):
    assert statements_of(text) == []


def test_a_study_finding_is_still_reported(statements_of):
    found = statements_of("A review by the inspectors found that the dam had been neglected for years.")
    assert cues(found) == ["found"]


@pytest.mark.parametrize("text", [
    "The defendant showed little emotion as the sentence was read.",
    "Despite the evidence, the banker has never shown any remorse.",
])
def test_a_display_is_no_statement(statements_of, text):
    assert statements_of(text) == []


@pytest.mark.parametrize("text", [
    "The general showed off the captured tanks to reporters on Tuesday.",
    'One voter, Ann Reyes, 35, showed up in the "green beret" gear of a veterans\' group.',
])
def test_a_phrasal_verb_is_no_statement(statements_of, text):
    assert statements_of(text) == []


def test_a_particle_after_the_object_is_what_was_shown(statements_of):
    # "up" is what the polls show of her, not "show up" (to appear)
    found = statements_of("Polls show Rivera up by 10 points in the next contest.")
    assert cues(found) == ["show"]


def test_a_poll_shows_is_still_reported(statements_of):
    found = statements_of("A new poll shows that most voters back the treaty.")
    assert cues(found) == ["shows"]


@pytest.mark.parametrize("text", [
    "The coach expressed disappointment after the match on Sunday.",
    "Several ministers voiced concern.",
])
def test_a_bare_feeling_is_no_statement(statements_of, text):
    assert statements_of(text) == []


@pytest.mark.parametrize("text, content", [
    ("The minister expressed concern that the ferry link would close.", "concern that the ferry link would close"),
    ("Farmers voiced support for the new water plan.", "support for the new water plan"),
])
def test_a_feeling_about_something_is_kept(statements_of, text, content):
    assert [s.quote.text for s in statements_of(text)] == [content]


# --- infinitives nobody spoke -----------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "The new rule requires all candidates to disclose their assets.",
    "The council urged residents to report damaged roads.",
    "The compromise allowed a single member to call a vote on the leadership.",
    "Officials asked the families to discuss the findings with a counsellor.",
])
def test_an_infinitive_someone_else_asks_for_is_no_statement_of_the_one_asked(statements_of, text):
    found = statements_of(text)
    assert all(s.cue.lemma not in {"disclose", "report", "call", "discuss"} for s in found if s.cue), cues(found)


def test_forced_to_admit_is_an_admission(statements_of):
    found = statements_of("The committee forced the banker to admit that the bonuses were paid.")
    assert [s.cue.lemma for s in found if s.cue] == ["admit"]


@pytest.mark.parametrize("text", [
    "It is worth noting that the treaty was never ratified.",
    "It is important to stress that nobody was hurt.",
    "The candidate is free to disclose his tax returns at any time.",
    "The aide, who is not authorized to discuss the talks, left the building.",
    "A new force to defend the eastern border will be set up.",
    "Talks are expected to resume on Friday.",
    "The fugitive is believed to have crossed the border.",
])
def test_asides_possibilities_and_forecasts_are_no_statements(statements_of, text):
    assert statements_of(text) == []


def test_went_on_to_say_is_a_statement(statements_of):
    found = statements_of("Ruth Abel thanked the volunteers, going on to say that the shelter would stay open.")
    assert any(s.cue.lemma == "say" and "shelter would stay open" in s.quote.text for s in found)


# --- relays, negations, inversion -------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "The talks collapsed on Monday, the station reported, citing a senior official.",
    "The columnist repeated the claim, echoing the defence minister.",
])
def test_citing_a_source_is_a_relay_not_a_statement(statements_of, text):
    found = statements_of(text)
    assert all(s.cue.lemma not in {"cite", "echo"} for s in found if s.cue), cues(found)


def test_citing_a_reason_is_kept(statements_of):
    found = statements_of("The airline cancelled the flights, citing a shortage of pilots.")
    assert [s.quote.text for s in found if s.cue and s.cue.lemma == "cite"] == ["a shortage of pilots"]


def test_a_negated_mention_says_nothing(statements_of):
    assert statements_of("In her speech the president did not mention the border dispute.") == []


def test_a_negated_clause_is_a_negated_statement(statements_of):
    found = statements_of("The minister did not say that the border would reopen.")
    assert len(found) == 1 and found[0].negated


def test_an_inverted_cue_after_a_quotation_has_no_object_content(statements_of):
    found = statements_of("“They crossed every red line,” accused the foreign minister.")
    assert [(s.kind, s.quote.text) for s in found] == [("direct", "They crossed every red line,")]


# --- acts of war and goals --------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "The briefing raised fears that the army would soon attack the town.",
    "Rebel fighters attacked the airport before dawn.",
    "Ruritanian forces attacked Kessel overnight.",
])
def test_an_attack_on_a_place_or_a_force_is_no_statement(statements_of, text):
    assert statements_of(text) == []


def test_attacking_a_person_is_speech(statements_of):
    found = statements_of("The senator attacked the governor in a late-night post.")
    assert [s.quote.text for s in found] == ["the governor"]


def test_seeking_damages_is_no_statement(statements_of):
    assert statements_of("The two election workers are seeking more than $40 million in damages.") == []


def test_a_document_calling_something_speaks(statements_of):
    found = statements_of("The council's letter calling the plan a disgrace was read aloud.")
    assert [s.cue.text for s in found if s.cue] == ["calling"]


@pytest.mark.parametrize("text", [
    "The treaty's Article V, committing members to defend each other, was signed in 1949.",
])
def test_commit_with_an_object_binds_or_sends_it(statements_of, text):
    assert not [s for s in statements_of(text) if s.cue is not None and s.cue.lemma == "commit"]


@pytest.mark.parametrize("text", [
    "The minister committed to hold elections next spring.",
    "The alliance committed itself to defend every member.",
])
def test_commit_without_an_object_or_with_a_reflexive_is_no_binding(nlp, text):
    from onrecord.extraction.senses import binds_an_object
    from onrecord.lexicons.cues import load_cue_senses

    doc = nlp(text)
    commit = next(t for t in doc if t.lemma_ == "commit")
    assert not binds_an_object(commit, load_cue_senses()["binding"])


def test_a_retort_with_back_is_a_cue(statements_of):
    text = "After the senator criticized her, Ana Ruiz shot back, “I chose to fulfil my profession.”"
    found = [s for s in statements_of(text) if s.cue is not None and s.cue.text == "shot"]
    assert len(found) == 1 and found[0].speaker.name == "Ana Ruiz"


def test_shooting_back_without_words_is_no_statement(statements_of):
    assert not statements_of("Police shot back at the gunmen on Monday.")


def test_a_name_with_a_passive_participle_after_it_is_still_naming(statements_of):
    text = "“They think I will win,” Ana Ruiz said, referencing a group called Future45 funded by two donors."
    assert [s.cue.text for s in statements_of(text)] == ["said"]


# --- hypotheses, displayed qualities and common sayings ---------------------------------------


@pytest.mark.parametrize("text", [
    "Dan Pike is convinced that if Europe supports any such concept, it will mean that Europe is dying.",
    "Unless the council announces a new timetable, the ferry will stop in May.",
    "The harbour needs a plan in case the ministry does not dare to show determination.",
])
def test_a_supposed_saying_or_a_shown_quality_is_no_statement(statements_of, text):
    # hypothesis: a verb of saying in a clause of condition is supposed, not said; display:
    # "to show determination" shows a quality and says nothing
    found = statements_of(text)
    assert not any(s.cue.text in {"supports", "announces", "to show"} for s in found), \
        [(s.cue.text, s.quote.text) for s in found]


def test_a_first_person_condition_is_the_speakers_own_hedge(statements_of):
    found = statements_of("“If I may say so, the ferry is late,” the mayor said.")
    assert any(s.speaker.name == "mayor" for s in found)


@pytest.mark.parametrize("text", [
    "As people say, they flaked out on us.",
    "As they say, the devil is in the details.",
])
def test_a_common_saying_reports_no_one(statements_of, text):
    assert statements_of(text) == []


def test_as_someone_said_still_reports_them(statements_of):
    assert [s.speaker.name for s in statements_of("As the minister said, the port is open.")] == ["minister"]


@pytest.mark.parametrize("text", [
    "That said, I think our chances are far from exhausted.",
    "That being said, the ferry will run on Sunday.",
    "Having said that, we will keep the border open.",
])
def test_a_connective_of_saying_reports_no_one(statements_of, text):
    assert "said" not in cues(statements_of(text))  # "I think …" may be a statement of its own


def test_saying_that_with_a_subject_of_its_own_is_kept(statements_of):
    assert cues(statements_of("The mayor said that the ferry is late.")) == ["said"]


# --- appointments: "confirm" ---------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "The Senate voted to confirm the judicial nominees on Thursday.",
    "The council confirmed Dana Cole as treasurer.",
])
def test_confirming_a_person_is_an_appointment(statements_of, text):
    assert statements_of(text) == []


def test_confirming_a_report_is_still_a_statement(statements_of):
    assert cues(statements_of("The ministry confirmed the report.")) == ["confirmed"]


@pytest.mark.parametrize("text", [
    "All told, the group, whose members met last week to discuss how to escalate their efforts, raised $4 million.",
    "All told, up to 5 million undocumented people could be eligible for the programs.",
])
def test_a_connective_reports_no_one(statements_of, text):
    assert statements_of(text) == []


@pytest.mark.parametrize("text", [
    "Courted by most of the Republican candidates and widely expected to be the party's top donor, Adelson said "
    "that he may wait.",
    "In a campaign expected to produce record turnout among Hispanic voters, the party spent more.",
])
def test_a_participle_of_belief_without_its_own_agent_is_a_forecast(statements_of, text):
    # forecast rule (senses.participle_phrase): the agent of "courted" is not the one who expects
    assert "expected" not in cues(statements_of(text))


@pytest.mark.parametrize("text", [
    "Officials denied him entry to the country.",
    "Closed primaries deny many energized independents the right to vote.",
])
def test_withholding_something_from_someone_is_no_statement(statements_of, text):
    # withholding rule (senses.withholds): two objects, no claim denied
    assert [s for s in statements_of(text) if s.cue is not None and s.cue.lemma == "deny"] == []


def test_a_denial_of_a_claim_is_still_reported(statements_of):
    assert cues(statements_of("The ministry denied that troops had crossed the border.")) == ["denied"]
