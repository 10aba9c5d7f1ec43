"""Polarity rules of the stance classifier added for what the issue meets (stances/polarity.py),
on sentences we wrote.  Adversary rule (``_adversaries``): what is worked against — the object of
"against", of a reaction, of a countering verb — takes the contrary of the marker above it; what
only meets it ("air defence against missiles", "a positive response") does not.  Effect rule
(``_effects``) and wishes ("would like"): what the issue does, helps or harms says how it is
valued."""

from __future__ import annotations

import pytest

from onrecord.extraction.stances.rules import stance_for
from onrecord.lexicons.taxonomy import load_taxonomy


@pytest.fixture(scope="module")
def stance(nlp):
    tax = load_taxonomy()

    def run(text: str, issue: str, quoted: bool = False) -> str:
        return stance_for(text, issue, "assert", False, tax, nlp=nlp, quoted=quoted).label

    return run


@pytest.mark.parametrize(("text", "issue"), [
    ("We will provide a firm response to any further NATO expansion.", "nato"),
    ("We will vote against NATO membership for that country.", "nato"),
    ("We will continue our fight against the expansion of NATO.", "nato"),
    ("We must resist any NATO enlargement towards our borders.", "nato"),
])
def test_a_marker_over_what_is_worked_against_opposes_it(stance, text, issue):
    assert stance(text, issue) == "oppose"


@pytest.mark.parametrize("text", [
    # a countering verb as a passive works against its subject
    "Each state's right to choose alliances is limited by its commitments to its neighbours.",
    "The right of every nation to choose its alliances must be restricted by the security of others.",
    "Any further expansion of NATO must be resisted.",
    # and a verb that holds something back, active
    "We must curb the eastward expansion of NATO.",
])
def test_what_a_countering_verb_holds_back_is_opposed(stance, text):
    assert stance(text, "nato") == "oppose"


@pytest.mark.parametrize(("text", "issue", "label"), [
    ("We confirmed our opposition to NATO membership for that country.", "nato", "oppose"),
    ("We have objections to a ceasefire on these terms.", "ceasefire", "oppose"),
    ("We have no objection to a ceasefire.", "ceasefire", "support"),  # the refusal denied
])
def test_a_refusal_named_as_a_noun_opposes(stance, text, issue, label):
    assert stance(text, issue) == label


def test_a_held_back_right_of_someone_elses_stays_unsaid(stance):
    # no marker of the speaker's decides: a report of what was limited takes no stance
    assert stance("The treaty limited the eastward expansion of NATO in 1997.", "nato") == "unclear"


def test_resisting_pressure_towards_the_contrary_supports(stance):
    # resist (-1) × accept (+1) × neutrality (the contrary, -1) × must (+1): support
    assert stance("We must resist the pressure to accept neutrality.", "nato") == "support"


@pytest.mark.parametrize(("text", "issue"), [
    ("We will give a positive response to the proposal of NATO membership.", "nato"),
    ("We need more air defence against the missiles.", "weapons_permissions"),
    ("We are against the expansion of NATO.", "nato"),  # the preposition rule's, counted once
])
def test_what_only_meets_the_issue_keeps_the_marker(stance, text, issue):
    expected = "oppose" if text.startswith("We are against") else "support"
    assert stance(text, issue) == expected


def test_an_item_coordinated_after_the_adversary_is_not_worked_against(stance):
    text = "We welcome support in the fight against aggression and assistance on the path to NATO membership."
    assert stance(text, "nato") == "support"


def test_what_people_of_a_who_clause_do_is_not_the_speakers_stance(stance):
    # the relative clause of a person ("who") is their own clause: "continue" does not reach it
    text = "We will continue the fight against the gunmen, who keep bringing heavy weapons into towns."
    assert stance(text, "weapons_permissions") == "unclear"


@pytest.mark.parametrize(("text", "issue"), [
    # someone else's working against, and a thing that "is against": no stance of the speaker's
    ("Kell Harbor condemned the act of aggression against Ukraine's territorial integrity.", "territory"),
    ("This is against our sovereignty and our territorial integrity.", "territory"),
])
def test_what_others_do_against_the_issue_takes_no_marker(stance, text, issue):
    assert stance(text, issue) == "unclear"


# --- effects and wishes ---------------------------------------------------------------------


@pytest.mark.parametrize(("text", "issue", "label"), [
    ("Membership in NATO would contribute to the security of our country.", "nato", "support"),
    ("Membership in NATO would not help our country now.", "nato", "oppose"),
    ("Any further NATO expansion only contributes to escalation.", "nato", "oppose"),
    ("Further NATO expansion would undermine stability in the region.", "nato", "oppose"),
])
def test_what_the_issue_does_says_how_it_is_valued(stance, text, issue, label):
    assert stance(text, issue) == label


@pytest.mark.parametrize("text", [
    # the issue on both sides of the harm: what is harmed is valued, read once
    "Territorial concessions would violate our sovereignty and territorial integrity.",
    "Any concession of land would undermine our territorial integrity.",
    "Giving up land would erode our territorial integrity.",
    # a harming verb between the contents is no preposition-like verb: nothing is given up below it
    "This step would undermine our territorial integrity.",
])
def test_what_harms_our_land_is_refused(stance, text):
    assert stance(text, "territory") == "oppose"


def test_a_wish_is_wanted(stance):
    assert stance("We would like to see a ceasefire by the end of the month.", "ceasefire") == "support"


def test_an_effect_of_something_else_on_the_issue_decides_nothing_alone(stance):
    # the issue is neither the subject nor the object of the helping verb (helping the talks'
    # delegations would value them: what is helped is valued)
    assert stance("The weather helped the farmers during the talks in May.", "negotiations") == "unclear"
    # the issue as the setting of what is helped ("our position in the talks"), not a part of it
    assert stance("Our position in the negotiation process is strengthened by our partners.",
                  "negotiations") == "unclear"
    assert stance("The start of the negotiation process would strengthen our security.", "negotiations") == "support"


@pytest.mark.parametrize("text", [
    "We must protect our territory.",
    "We will defend every town of the occupied territories.",
    "We support the people living in the occupied territories.",
])
def test_a_marker_on_the_topic_alone_takes_no_territory_stance(stance, text):
    # content rule (Issue.content_decides): "territory" names the topic of "give up territory";
    # wanting the topic is no position on giving it up
    assert stance(text, "territory") == "unclear"


@pytest.mark.parametrize(("text", "label"), [
    ("We will never give up our land.", "oppose"),
    ("We offer no concessions on our territory.", "oppose"),
    ("We will return all our territories.", "oppose"),
    ("We are ready to trade land for peace.", "support"),
])
def test_a_for_or_against_phrase_still_decides_the_territory_stance(stance, text, label):
    assert stance(text, "territory") == label


@pytest.mark.parametrize("text", [
    "The next round of peace talks will take place in Istanbul in a few days.",
    "The negotiations will be difficult, but the peace talks will resume next week.",
    "The dialogue can begin with the release of detainees.",
    "A meeting of the Trilateral Contact Group will be convened on Monday.",
    "Peace talks will be held in Geneva.",
])
def test_announcing_that_talks_go_ahead_supports_them(stance, text):
    # announcement rule: an event the issue proposes, as the subject of a going-ahead verb
    assert stance(text, "negotiations") == "support"


@pytest.mark.parametrize("text", [
    "The next round of peace talks will not take place this month.",  # a forecast, no refusal
    "I do not think the peace talks will take place soon.",
    "The peace talks took place in Istanbul.",  # a report of what happened
    "The Russian delegation will start to leave the hall.",  # what someone does, not the event
    "The peace talks will be difficult.",
])
def test_what_is_no_announcement_takes_no_stance_by_it(stance, text):
    assert stance(text, "negotiations") == "unclear"


@pytest.mark.parametrize(("text", "label"), [
    # a pronoun subject takes up the issue the sentence before had as its subject
    ("Therefore, the negotiations will be difficult. But they will continue.", "support"),
    ("The peace talks were hard. They will resume on Monday.", "support"),
    # "it" does not take up a plural, nor a pronoun a sentence whose subject is not the issue
    ("The negotiations will be difficult. But it will continue.", "unclear"),
    ("We discussed the negotiations at length. But they will continue.", "unclear"),
])
def test_a_pronoun_that_takes_up_the_issue_is_read_as_the_issue(stance, text, label):
    assert stance(text, "negotiations") == label


def test_the_announcement_rule_is_for_events_only(stance):
    # sanctions are no event: that they take effect is a forecast, not a wish
    assert stance("The sanctions against Russia will take effect in May.", "sanctions") == "unclear"
    assert stance("New sanctions against Russia will be held back.", "sanctions") == "unclear"


def test_a_request_for_the_issue_wants_it(stance):
    assert stance("Ukraine has submitted a request for an urgent meeting of the Trilateral Contact Group.",
                  "negotiations") == "support"


@pytest.mark.parametrize("text", [
    "Our country is being opposed on the path to NATO membership.",
    "We were blocked by Hungary on the path to NATO.",
])
def test_a_passive_event_done_to_our_side_is_not_our_stance(stance, text):
    # passive rule: the opposing is someone else's, and the speaker's side is its target
    assert stance(text, "nato") == "unclear"


def test_a_passive_of_state_is_still_the_subjects_stance(stance):
    assert stance("We are opposed to NATO membership.", "nato") == "oppose"


def test_a_marker_with_its_own_object_is_no_stance_on_the_issue(stance):
    # own-object rule: "prevent" takes its position on "wars", not on the guarantees
    assert stance("We will seek international guarantees to prevent such wars.", "security_guarantees") == "support"
    assert stance("We want to block any security guarantees for that country.", "security_guarantees") == "oppose"


@pytest.mark.parametrize(("text", "expected"), [
    ("Our goal is not a bilateral agreement but multilateral security guarantees.", "support"),
    ("Our goal is not security guarantees but a bilateral agreement.", "oppose"),
    ("We do not want security guarantees, but we want money.", "oppose"),
])
def test_not_x_but_y_asserts_y(stance, text, expected):
    # correction rule: the "not" denies the first item only
    assert stance(text, "security_guarantees") == expected


@pytest.mark.parametrize(("text", "issue", "expected"), [
    # supposition rule: the supposed position's sign times how the main clause values it
    ("If Europe supports forcing Ukraine to make territorial concessions, it will mean that Europe is dying.",
     "territory", "oppose"),
    ("Everything could be upset if our partners continue to supply heavy weapons to Kyiv.",
     "weapons_permissions", "oppose"),
    ("If President Putin agrees to a ceasefire, we're going to be in very good shape.", "ceasefire", "support"),
    # a consequence that values nothing: another's supposed position, not the speaker's
    ("If they want us to make territorial concessions, we will fight.", "territory", "unclear"),
    ("If Russia agrees to a ceasefire, the talks will move to Geneva.", "ceasefire", "unclear"),
])
def test_a_supposition_about_another_is_read_through_its_consequence(stance, text, issue, expected):
    assert stance(text, issue) == expected


@pytest.mark.parametrize("text", [
    "We made great progress in the talks.",
    "At the talks in Istanbul we managed to make an impressive breakthrough.",
    "He had quite optimistic impressions of the face-to-face round of the talks.",
    "The talks brought progress.",
])
def test_progress_made_in_the_talks_values_them(stance, text):
    assert stance(text, "negotiations") == "support"


@pytest.mark.parametrize("text", [
    "There was no breakthrough at the negotiations.",
    "The talks did not bring any progress.",
    "We made no progress in the talks.",
    "Despite the lack of progress in the talks, the delegations met again.",
])
def test_progress_denied_is_a_report_not_a_refusal(stance, text):
    assert stance(text, "negotiations") == "unclear"


def test_progress_denied_leaves_the_other_words_to_decide(stance):
    text = "There was no breakthrough at the talks, and we will never negotiate with terrorists."
    assert stance(text, "negotiations") == "oppose"


@pytest.mark.parametrize(("text", "issue"), [
    ("It's time to impose a full embargo on Russian energy.", "sanctions"),
    ("It is high time to start peace talks.", "negotiations"),
])
def test_what_its_time_has_come_for_is_wanted(stance, text, issue):
    assert stance(text, issue) == "support"


def test_time_in_a_phrase_of_frequency_is_no_marker(stance):
    assert stance("From time to time, the talks stall.", "negotiations") == "unclear"


@pytest.mark.parametrize(("text", "issue"), [
    ("We are doing everything to end the war.", "ceasefire"),
    ("I'm just doing this to get the war stopped.", "ceasefire"),
    ("We are working to bring peace through negotiations.", "negotiations"),
    ("We did everything possible in order to stop the war.", "ceasefire"),
    ("Ukraine will do its utmost to obtain reliable international guarantees.", "security_guarantees"),
])
def test_what_is_acted_for_is_wanted(stance, text, issue):
    assert stance(text, issue) == "support"


@pytest.mark.parametrize(("text", "issue"), [
    ("We are too weak to negotiate now.", "negotiations"),  # a measure, not an aim
    ("We were surprised to learn about the talks.", "negotiations"),  # an adjective's complement
    # the errand of an object who can act, not the subject's aim
    ("This can be done by compelling its allies in Europe to impose tough sanctions on us.", "sanctions"),
])
def test_an_infinitive_that_is_no_aim_takes_no_stance(stance, text, issue):
    assert stance(text, issue) == "unclear"


@pytest.mark.parametrize(("text", "issue"), [
    ("Ukraine is suggesting a new agreement on security guarantees.", "security_guarantees"),
    ("I pray for peace talks soon.", "negotiations"),
])
def test_suggesting_and_praying_for_want(stance, text, issue):
    assert stance(text, issue) == "support"


@pytest.mark.parametrize(("text", "issue", "label"), [
    ("Respect for sovereignty. Respect for territorial integrity.", "territory", "oppose"),
    ("Russia must respect the ceasefire.", "ceasefire", "support"),
    ("We will work within the Crimea Platform to end the occupation of Crimea.", "territory", "oppose"),
])
def test_respect_keeps_and_ending_the_occupation_takes_the_land_back(stance, text, issue, label):
    assert stance(text, issue) == label


def test_a_deal_that_must_be_a_step_is_wanted_not_conditioned(stance):
    assert stance("A ceasefire should be the beginning of negotiations to end the war.", "ceasefire") == "support"
    assert stance("The agreement must be a legally binding document.", "negotiations") != "support"


def test_otherwise_with_a_counterfactual_past_sets_no_condition_and_negates_nothing(stance):
    text = "They are getting along better than I thought, otherwise I wouldn't have set up the bilateral meeting."
    assert stance(text, "negotiations") == "support"
    assert stance("We need a fair deal, otherwise there will be no talks.", "negotiations") == "conditional"


def test_what_comes_before_then_is_no_condition_on_itself(stance):
    text = "First, appropriate steps must be taken to stop the war, and then diplomacy will be in place."
    assert stance(text, "ceasefire") == "support"
    assert stance(text, "negotiations") == "conditional"


def test_without_in_a_counterfactual_past_credits_and_sets_no_condition(stance):
    text = "Without President Trump, this deadlock with Putin would not have been broken."
    assert stance(text, "negotiations") != "conditional"
    assert stance("There will be no peace talks without Ukraine.", "negotiations") == "conditional"


@pytest.mark.parametrize(("text", "issue"), [
    ('We welcome their "peace plan", which is a plan for our surrender.', "negotiations"),
    ("We will never accept their ‘ceasefire’, which is a pause to rearm.", "ceasefire"),
])
def test_scare_quotes_in_the_speakers_words_take_no_stance(stance, text, issue):
    assert stance(text, issue, quoted=True) == "unclear"


def test_marks_in_a_report_quote_the_speakers_own_word(stance):
    assert stance('We welcome their "peace plan".', "negotiations") == "support"


@pytest.mark.parametrize("text", [
    'We are ready for talks in the "Normandy format" and any other.',  # a name in marks, and a plain mention
    'We are ready for talks in the "new format" and any other.',  # a plain mention beside the marks
])
def test_a_name_in_marks_or_a_plain_mention_beside_them_keeps_the_stance(stance, text):
    assert stance(text, "negotiations", quoted=True) == "support"
