"""Precision rules of the stance classifier, each on sentences we wrote: double negation and
litotes, conditions, questions, positions attributed to others, quoting an opponent, praise of a
person against a stance on the issue, cue words, topics; and the confidence and reason every
stance carries."""

from __future__ import annotations

import pytest

from onrecord.extraction.stances.reading import Speaker
from onrecord.extraction.stances.rules import stance_for
from onrecord.lexicons.taxonomy import load_taxonomy
from onrecord.model.stance import Stance

UKRAINIAN = Speaker("Ana Kovalenko", frozenset({"Ukraine"}))
GERMAN = Speaker("Claire Martin", frozenset({"Germany"}))
RUSSIAN = Speaker("Ivan Sokolov", frozenset({"Russia"}))


@pytest.fixture(scope="module")
def tax():
    return load_taxonomy()


@pytest.fixture(scope="module")
def stance(nlp, tax):
    def run(text: str, issue: str, cue_class: str | None = "assert", cue_text: str | None = None,
            speaker: Speaker | None = None) -> Stance:
        return stance_for(text, issue, cue_class, False, tax, cue_text=cue_text, nlp=nlp, speaker=speaker)

    return run


def test_every_stance_has_a_confidence_and_a_reason(stance):
    for text, issue in [("We are ready for talks.", "negotiations"), ("The talks took place in May.", "negotiations"),
                        ("Would anyone agree to a truce now?", "ceasefire")]:
        s = stance(text, issue)
        assert s.confidence is not None and 0 < s.confidence <= 1 and s.reason, (text, s)


# --- double negation and litotes ---------------------------------------------------------


def test_no_signal_that_it_is_not_our_goal_is_support(stance):
    s = stance("There is no sign from us that membership in NATO is not our goal.", "nato")
    assert s.label == "support" and "double negation" in s.reason


@pytest.mark.parametrize("text", [
    "We do not rule out direct talks with Moscow.",
    "We are not against negotiations.",
    "We have never refused to negotiate.",
])
def test_litotes_support_with_less_confidence_than_the_plain_word(stance, text):
    plain = stance("We want direct talks with Moscow.", "negotiations")
    s = stance(text, "negotiations")
    assert s.label == "support", s
    assert s.confidence < plain.confidence


def test_against_after_be_opposes_and_for_supports(stance):
    assert stance("We are against any truce with the occupiers.", "ceasefire").label == "oppose"
    # "and for talks": the first preposition does not reach into the second
    assert stance("We are against war and for talks.", "negotiations").label == "support"
    # a preposition that only relates is no stance
    assert stance("They imposed sanctions against Moscow.", "sanctions").label == "unclear"


# --- conditions ----------------------------------------------------------------------------


def test_a_condition_on_the_issue_absence_is_conditional_not_oppose(stance):
    s = stance("If our partners are not ready to see Ukraine in NATO, we need other guarantees.", "nato")
    assert s.label == "conditional" and s.confidence < 0.7


def test_impossible_without_is_a_condition_and_what_it_names_is_wanted(stance):
    assert stance("Such guarantees are impossible without Washington.", "security_guarantees").label == "conditional"
    assert stance("There will be no deal without Ukraine at the table.", "negotiations").label == "conditional"
    assert stance("Peace is impossible without security guarantees.", "security_guarantees").label == "support"


def test_a_topic_required_without_its_direction_takes_no_stance(stance):
    # territory's triggers name only the topic: settling it says nothing of giving up land
    text = "We cannot sign a document on security guarantees without settling the territorial issues."
    assert stance(text, "territory").label == "unclear"
    text = "There can be no peace without territorial concessions from Ukraine."
    assert stance(text, "territory").label == "support"


def test_what_cannot_be_done_without_the_contrary_of_the_proposition_opposes_it(stance):
    # the withdrawal is the contrary of giving up land: requiring it rejects the proposition
    assert stance("No truce before the withdrawal of Russian troops.", "territory").label == "oppose"
    assert stance("There will be no peace without the return of Crimea.", "territory").label == "oppose"


@pytest.mark.parametrize("text", [
    "A complete ceasefire is needed to start the dialogue.",
    "The withdrawal of Russian troops is a precondition to start negotiations.",
    "A ceasefire is necessary for talks to begin.",
])
def test_what_must_come_before_the_talks_start_makes_them_conditional(stance, text):
    s = stance(text, "negotiations")
    assert s.label == "conditional" and "before it starts" in s.reason


@pytest.mark.parametrize("text", [
    "Negotiations are needed to end the war.",  # the issue is what is needed
    "We need to start the dialogue.",  # a person's need
    "It is necessary to start the dialogue now.",  # an empty "it"
])
def test_the_talks_themselves_needed_are_wanted(stance, text):
    assert stance(text, "negotiations").label == "support"


@pytest.mark.parametrize("text", [
    "A ceasefire is not needed to start the dialogue.",
    "The withdrawal of troops is not a precondition to start negotiations.",
])
def test_a_precondition_denied_wants_the_talks_without_it(stance, text):
    # the "not" denies the precondition, not the talks in the clause below it
    s = stance(text, "negotiations")
    assert s.label == "support" and "no precondition" in s.reason


def test_a_time_is_no_term_put_on_the_deal(stance):
    # "within the framework of the UN" is a term; "within three days" only says when
    assert stance("Security guarantees must work within the framework of the UN.",
                  "security_guarantees").label == "conditional"
    assert stance("The security guarantees must work within three days of an attack.",
                  "security_guarantees").label == "support"


def test_a_requirement_on_the_talks_is_conditional_but_their_happening_is_wanted(stance):
    assert stance("Negotiations must be based on mutual respect.", "negotiations").label == "conditional"
    assert stance("Talks should take place through dialogue, not ultimatums.", "negotiations").label == "conditional"
    assert stance("Negotiations must be held at once.", "negotiations").label == "support"
    # what the deal must bring: the deal is wanted, with it
    assert stance("Peace agreements must provide a mechanism of effective guarantees.", "negotiations").label \
        == "support"
    assert stance("Any deal should include the return of our children.", "negotiations").label == "support"
    assert stance("The sanctions must be tightened.", "sanctions").label == "support"
    # a quality it must have is no term put on it: it is wanted, of that quality
    assert stance("Security guarantees must be legally binding.", "security_guarantees").label == "support"
    assert stance("The sanctions policy should be such that no one could think of war.", "sanctions").label \
        != "conditional"


# --- questions -----------------------------------------------------------------------------


def test_a_rhetorical_question_is_unclear(stance):
    s = stance("What security can there be in Europe without ending the war?", "ceasefire")
    assert s.label == "unclear" and "question" in s.reason


@pytest.mark.parametrize(("text", "label"), [
    ("Will we give up Crimea? Never.", "oppose"),
    ("Should we talk to them? Of course, we should.", "support"),
])
def test_a_question_answered_in_the_statement_takes_the_answer(stance, text, label):
    issue = "territory" if "Crimea" in text else "negotiations"
    assert stance(text, issue).label == label


def test_an_open_question_is_unclear(stance):
    s = stance("Whether we will ever give up Crimea is not a question for today.", "territory")
    assert s.label == "unclear" and "whether" in s.reason


# --- positions attributed to others ----------------------------------------------------------


def test_a_relative_clause_is_its_antecedents_position_recorded_as_reported(stance):
    s = stance("Moscow, which does not want Ukraine to join NATO, keeps threatening us.", "nato",
               speaker=UKRAINIAN)
    assert s.label == "unclear" and "Russia" in s.reason  # a capital stands for its side
    assert s.reported is not None and s.reported.holder == "Russia" and s.reported.label == "oppose"


def test_another_sides_refusal_is_reported_not_the_speakers(stance):
    text = "Russia refused to hold the meeting of the contact group on the ceasefire."
    s = stance(text, "ceasefire", speaker=UKRAINIAN)
    assert s.label == "unclear" and s.reported is not None and s.reported.label == "oppose"
    # said by someone on Russia's side, it is their own position
    assert stance(text, "ceasefire", speaker=RUSSIAN).label == "oppose"
    # from a speaker the article does not place on a side: labelled, with little confidence
    unplaced = stance(text, "ceasefire")
    assert unplaced.label == "oppose" and unplaced.confidence < 0.7 and "side is not stated" in unplaced.reason


def test_a_demand_on_another_side_is_the_speakers_own(stance):
    s = stance("Russia must withdraw its troops from our territory.", "territory", speaker=UKRAINIAN)
    assert s.label == "oppose"  # wants the land back: rejects giving it up
    assert stance("Russia must stop the shelling at once.", "ceasefire", speaker=UKRAINIAN).label == "support"


def test_our_state_is_our_own_side_and_our_partners_are_not(stance):
    assert stance("Our state wants a mechanism that will guarantee its security.", "security_guarantees",
                  speaker=UKRAINIAN).label == "support"
    assert stance("Our partners are ready to send more tanks.", "weapons_permissions",
                  speaker=UKRAINIAN).label == "unclear"


@pytest.mark.parametrize(("text", "issue", "label"), [
    ("Russia is trying to move the borders in Europe by force, and this is unacceptable.", "territory", "oppose"),
    ("Russia is trying to change the borders by force. That is unacceptable.", "territory", "oppose"),
    ("Moscow wants to start the talks, and this is good.", "negotiations", "support"),
    ("Moscow refuses to start the talks, and this is unacceptable.", "negotiations", "support"),
])
def test_the_speakers_verdict_on_a_reported_position_is_the_speakers_stance(stance, text, issue, label):
    s = stance(text, issue, speaker=UKRAINIAN)
    assert s.label == label and s.reported is not None and "judges the position of Russia" in s.reason
    assert s.confidence is not None and s.confidence < 0.7  # read through a pronoun: not sure enough for shifts


@pytest.mark.parametrize("text", [
    "Russia is trying to change the borders by force, and this decision is unacceptable.",  # a noun of its own
    "Russia is trying to change the borders by force, and this is not unacceptable to them.",  # negated
    "This is unacceptable: Russia is trying to change the borders by force.",  # before the report
])
def test_no_verdict_without_a_demonstrative_predicate_after_the_report(stance, text):
    assert stance(text, "territory", speaker=UKRAINIAN).label == "unclear"


def test_a_member_states_speaker_speaks_for_its_bloc(stance):
    text = "The countries of the European Union will intensify their military support to Ukraine."
    french = Speaker("Claire Martin", frozenset({"France"}))
    assert stance(text, "weapons_permissions", speaker=french).label == "support"
    # a speaker of the bloc does not speak for one of its members, nor a Ukrainian for the bloc
    brussels = Speaker("Anna Berg", frozenset({"European Union"}))
    text = "France will intensify its military support to Ukraine."
    assert stance(text, "weapons_permissions", speaker=brussels).label == "unclear"
    text = "The countries of the European Union will intensify their military support to us."
    assert stance(text, "weapons_permissions", speaker=UKRAINIAN).label == "unclear"


def test_what_a_subject_is_aimed_at_is_not_who_holds_it(stance):
    # "the ban on the Russian fleet" is no Russian: the speaker's own demand
    text = "A ban on the Russian fleet and an embargo on any trade with Russia are needed."
    assert stance(text, "sanctions", speaker=UKRAINIAN).label == "support"
    # the leaders of Russia are Russian, whatever they want
    text = "The leaders of Russia want an embargo on trade with Ukraine's partners lifted."
    assert stance(text, "sanctions", speaker=UKRAINIAN).label == "unclear"


def test_quoting_an_opponent_is_not_the_speakers_position(stance):
    s = stance("They say that we refuse to negotiate.", "negotiations", speaker=UKRAINIAN)
    assert s.label == "unclear"
    assert s.reported is None  # a claim they make about us, not their position on talks


def test_a_supposition_about_partners_is_no_report(stance):
    s = stance("If our partners are not ready to see Ukraine in NATO, we need other guarantees.", "nato",
               speaker=UKRAINIAN)
    assert s.reported is None and s.label == "conditional"


# --- praise of a person and praise of the issue ----------------------------------------------


def test_thanks_for_the_issue_supports_it(stance):
    s = stance("Thank you for starting the dialogue with Moscow.", "negotiations")
    assert s.label == "support" and "Thank" in s.evidence


def test_praise_of_a_person_is_no_stance_on_the_issue(stance):
    text = "He brought everyone to the negotiating table. He deserves all the praise."
    assert stance(text, "negotiations").label == "unclear"


def test_a_judgement_decides_as_predicate_not_as_modifier(stance):
    assert stance("The talks were constructive.", "negotiations").label == "support"
    assert stance("The talks in Geneva were useless.", "negotiations").label == "oppose"
    assert stance("No effective guarantees were offered.", "security_guarantees").label == "unclear"
    assert stance("Nothing good will come of these talks.", "negotiations").label == "unclear"
    # the predicate of a copula down a chain of verbs is the subject's predicate too
    assert stance("A lasting peace between Ukraine and Russia is going to be good for everyone.",
                  "negotiations").label == "support"
    assert stance("The talks proved to be useful.", "negotiations").label == "support"


def test_a_judgement_after_as_is_the_predicate_of_what_it_is_said_of(stance):
    assert stance("We described the talks as extremely productive.", "negotiations").label == "support"
    assert stance("I regard these negotiations as useless.", "negotiations").label == "oppose"
    # a statement cut from its sentence ("describing [the talks as constructive]") keeps the reading
    assert stance("the talks as “constructive”", "negotiations").label == "support"
    # "as" in another sense sets no predicate
    assert stance("As productive as the week was, the talks are stalled.", "negotiations").label != "support"


@pytest.mark.parametrize(("text", "label"), [
    ("Our key demands concern the prevention of NATO's expansion.", "oppose"),
    ("We need to ensure NATO's non-expansion.", "oppose"),
    # what others did not address is what the speaker wants; what "we" will not consider is refused
    ("These proposals did not address the key elements of our initiative on NATO's non-expansion.", "oppose"),
    ("We will not consider any demand for NATO's non-expansion.", "support"),
])
def test_wanting_the_alliance_kept_out_opposes_membership(stance, text, label):
    assert stance(text, "nato", speaker=RUSSIAN).label == label


def test_a_statement_given_the_issue_by_its_article_is_read_at_the_words_that_name_it_there(stance):
    # under a title on the talks: "meeting" and "progress" name them here
    assert stance("That was a very positive meeting.", "negotiations").label == "support"
    assert stance("This is very positive progress.", "negotiations").label == "support"
    # a trigger, where there is one, is the mention: "meeting" is only the occasion
    assert stance("It was a good meeting, but the talks were useless.", "negotiations").label == "oppose"


@pytest.mark.parametrize(("text", "label"), [
    ("NATO must not change its policy on freedom of accession.", "support"),
    ("We will not abandon our course towards NATO membership.", "support"),
    ("We will not seek NATO membership.", "oppose"),
])
def test_not_changing_a_course_keeps_it(stance, text, label):
    assert stance(text, "nato", speaker=UKRAINIAN).label == label


def test_a_supposition_protected_by_the_main_clause_is_wanted(stance):
    text = "No country has the right to undermine the sovereignty of a state if it wishes to join the Alliance."
    assert stance(text, "nato", speaker=UKRAINIAN).label == "support"


def test_what_it_wants_is_someone_elses_position(stance):
    text = "It is written into Ukraine's doctrines that it wants to take Crimea back."
    said = stance(text, "territory", speaker=RUSSIAN)
    assert said.label == "unclear" and said.reported is not None
    # "it" in an assertion is still the speaker's own
    assert stance("It is impossible to give up our land.", "territory").label == "oppose"


def test_a_condition_that_restates_its_clause_sets_none(stance):
    assert stance("There's no deal until there's a deal.", "negotiations").label == "unclear"
    assert stance("There will be no peace deal until there is a peace deal.", "negotiations").label == "unclear"
    assert stance("There will be no ceasefire until Russia withdraws its troops.", "ceasefire").label == "conditional"


def test_a_marker_on_the_setting_of_the_issue_does_not_count(stance):
    assert stance("The most important issues in the negotiations are guarantees.", "negotiations").label == "unclear"
    assert stance("A necessary step towards talks is a ceasefire.", "negotiations").label == "support"


def test_the_object_of_during_or_despite_is_not_what_the_clause_judges(stance):
    assert stance("During the negotiations, we rejected the demand.", "negotiations").label == "unclear"
    assert stance("Shelling goes on despite the truce.", "ceasefire").label == "unclear"


def test_an_issue_named_as_a_topic_is_no_position(stance):
    s = stance("The issue of the status of Crimea is proposed to be included in a separate item.", "territory")
    assert s.label == "unclear" and "topic" in s.reason
    # a topic that names the content still counts
    assert stance("The issue of territorial integrity is extremely important for us.", "territory").label == "oppose"


# --- cue words -------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "cue_class", "cue_text", "label"), [
    ("to resume the talks", "ask", "urged", "support"),
    ("to send more tanks", "ask", "asked", "support"),
    ("whether Kyiv would accept a truce", "ask", "asked", "unclear"),
    ("about the talks", "ask", "asked", "unclear"),
    ("to join the talks", "decline", "refused", "oppose"),
    ("to comment on the talks", "decline", "declined", "unclear"),
    ("the prisoner swap", "praise", "welcomed", "support"),
    ("the peace talks", "criticize", "condemned", "oppose"),
])
def test_the_cue_word_signs_its_content(stance, text, cue_class, cue_text, label):
    issue = {"tanks": "weapons_permissions", "truce": "ceasefire", "swap": "prisoners_humanitarian"}
    chosen = next((i for word, i in issue.items() if word in text), "negotiations")
    assert stance(text, chosen, cue_class, cue_text).label == label


def test_stance_rows_stored_before_confidences_still_load():
    old = Stance.from_dict({"label": "support", "evidence": ["ready to"], "source": "rules"})
    assert old.confidence is None and old.reason is None and old.reported is None
    new = Stance("unclear", [], confidence=0.8, reason="r")
    assert Stance.from_dict(new.to_dict()) == new
    assert "confidence" not in old.to_dict()


# --- claims, forecasts, topics and conditions that bind nothing --------------------------------


def test_a_claim_the_speaker_reports_is_not_the_speakers(stance):
    s = stance("Their comments that we allegedly refused to negotiate are part of their tactics.", "negotiations",
               speaker=UKRAINIAN)
    assert s.label == "unclear"


def test_allegedly_distances_the_speaker(stance):
    s = stance("Kyiv allegedly refused to negotiate.", "negotiations")
    assert s.label == "unclear" and "allegedly" in s.reason


def test_a_refusal_needs_someone_who_refuses(stance):
    # no one refuses here; what is (not) helped is valued: the settlement is wanted
    assert stance("I believe this will not benefit the diplomatic settlement.", "negotiations").label == "support"
    assert stance("We will not join the talks.", "negotiations").label == "oppose"


def test_not_before_is_a_condition(stance):
    s = stance("We cannot talk about a ceasefire before the withdrawal of the troops.", "ceasefire")
    assert s.label == "conditional" and "before" in s.evidence


def test_as_soon_as_possible_is_no_condition(stance):
    s = stance("We need humanitarian corridors to be opened as soon as possible.", "prisoners_humanitarian")
    assert s.label == "support"


def test_what_something_is_about_is_a_topic(stance):
    assert stance("We expect de-escalation in relation to the occupied territories.", "territory").label == "unclear"


def test_the_content_counts_once_per_direction(stance):
    s = stance("Territorial integrity within internationally recognized borders is our priority.", "territory")
    assert s.label == "oppose"


def test_an_issue_named_only_in_conditions_is_not_conditioned(stance):
    text = ("If our people are killed, if a referendum is held in the occupied territories, "
            "Ukraine will leave the talks.")
    assert stance(text, "territory", speaker=UKRAINIAN).label != "conditional"
    assert stance(text, "negotiations", speaker=UKRAINIAN).label == "conditional"


def test_a_bare_if_over_no_proposal_decides_nothing(stance):
    # weak condition: from a speaker on no stated side, "if …, X will …" may be a supposition
    s = stance("If the shelling goes on, Kyiv will leave the talks.", "negotiations")
    assert s.label == "unclear" and "weak condition" in s.reason
    # over the speaker's own proposal, put with a modal, it decides
    s = stance("We can discuss the status of Crimea if the shelling stops.", "territory")
    assert s.label == "conditional" and s.confidence >= 0.7, s


@pytest.mark.parametrize("text", [
    "The prisoners will be released once the lists are agreed.",
    "We will sign the ceasefire as soon as the troops pull back.",
])
def test_once_and_as_soon_as_are_explicit_conditions(stance, text):
    issue = "prisoners_humanitarian" if "prisoners" in text else "ceasefire"
    s = stance(text, issue, speaker=UKRAINIAN)
    assert s.label == "conditional" and s.confidence >= 0.7, s


def test_a_condition_on_a_forecast_is_no_stance(stance):
    s = stance("If it stays as it is, in a year it will invade someone's territory again.", "territory")
    assert s.label == "unclear"


def test_rejecting_one_form_of_talks_is_not_rejecting_talks(stance):
    s = stance("We will not make do with the Normandy format alone.", "negotiations")
    assert s.label == "unclear" and "one form" in s.reason
    assert stance("We do not want another Budapest Memorandum.", "security_guarantees").label == "unclear"
    # wanting one form is wanting talks
    assert stance("We are ready for the Normandy format.", "negotiations").label == "support"


def test_a_mention_in_a_forms_noun_phrase_names_that_form(stance):
    # "dialogue" heads no phrase of its own: the format through mediators is judged, not talks
    s = stance("He insisted on direct talks with Russia, as any format of dialogue through mediators is "
               "ineffective.", "negotiations", speaker=UKRAINIAN)
    assert s.label == "support", s
    failed = stance("The talks in the Normandy format have failed.", "negotiations")
    assert failed.label == "unclear", failed
    assert stance("We are ready for talks in any format.", "negotiations").label == "support"
    # a form outside the mention's phrase leaves the mention plain
    assert stance("We reject talks, whatever the format.", "negotiations").label == "oppose"


def test_a_bare_if_is_sure_only_over_the_speakers_own_proposal(stance):
    own = stance("If we want peace, we should put the land we hold under NATO protection.", "nato")
    supposed = stance("If this happens, there will be an understanding on NATO protection.", "nato")
    assert own.label == "conditional" and own.confidence >= 0.7
    assert supposed.label != "conditional" or supposed.confidence < 0.7


def test_a_proponent_of_the_issue_supports_it(stance):
    assert stance("He has always been a proponent of diplomacy.", "negotiations").label == "support"
    # a supporter of someone else names no position on what they say
    assert stance("Trump supporters say the talks are a waste of time.", "negotiations").label == "unclear"


def test_a_condition_binds_the_clause_it_hangs_from(stance):
    # the condition is put on the talks; the ceasefire is wanted outright
    s = stance("We need a ceasefire, and if it happens, the talks can start.", "ceasefire", speaker=UKRAINIAN)
    assert s.label == "support", s
    assert stance("We need a ceasefire, and then, if it holds, we will hold talks.", "negotiations",
                  speaker=UKRAINIAN).label == "conditional"
    # conditions put first bind the main clause, however they chain
    chained = stance("If our people are killed, if a referendum is announced, Ukraine will withdraw from the "
                     "negotiation process.", "negotiations", speaker=UKRAINIAN)
    assert chained.label == "conditional", chained


@pytest.mark.parametrize(("text", "issue", "label"), [
    # a condition on the saying, not on what is said
    ("If I'm not mistaken, we have always called for a ceasefire.", "ceasefire", "support"),
    ("If you ask me, we need a ceasefire now.", "ceasefire", "support"),
    # a commitment with no end set, and "until" on an assertion: how long, not on what condition
    ("We will supply weapons for as long as it takes.", "weapons_permissions", "support"),
    ("We will continue to supply weapons to Ukraine until it wins.", "weapons_permissions", "support"),
    # "until" on a refusal is a condition
    ("There will be no talks until Russia withdraws.", "negotiations", "conditional"),
    ("We will not negotiate until Russia withdraws its troops.", "negotiations", "conditional"),
])
def test_words_of_condition_that_set_none_on_the_issue(stance, text, issue, label):
    s = stance(text, issue, speaker=UKRAINIAN)
    assert s.label == label, s


def test_a_condition_on_a_forecast_about_guarantors_is_no_stance(stance):
    assert stance("The guarantors will not sign anything if the troops stay.", "security_guarantees").label == "unclear"


def test_words_that_look_like_negations_or_conditions_but_are_not(stance):
    assert stance("Until now, we have been ready for talks.", "negotiations").label == "support"
    assert stance("Once again, we call for a ceasefire.", "ceasefire").label == "support"
    # the plan going well is no demand put on the issue; an agreement is
    assert stance("If all goes well, the talks will resume next week.", "negotiations").label == "support"
    assert stance("If everything is agreed, we will hold talks.", "negotiations").label == "conditional"
    assert stance("We need not only weapons but also money.", "weapons_permissions").label == "support"
    assert stance("There is no doubt that we need security guarantees.", "security_guarantees").label == "support"
    assert stance("Partners help our army as never before.", "weapons_permissions").label != "oppose"


def test_a_place_is_not_what_is_wanted(stance):
    s = stance("We expect de-escalation along the front line.", "territory")
    assert s.label == "unclear"


def test_an_item_of_a_list_of_topics_is_an_agenda_not_a_stance(stance):
    s = stance("The issues of security guarantees, neutrality and nuclear-free status remain the most important.",
               "nato")
    assert s.label == "unclear" and "topic" in s.reason, s
    # named alone, the content still counts: neutrality called important is no wish to join
    assert stance("The issue of neutrality is important.", "nato").label == "oppose"


@pytest.mark.parametrize(("text", "issue"), [
    ("We will fight for our territorial integrity as long as necessary.", "territory"),
    ("We want guarantees that work, not the mistake that was once made in the Budapest Memorandum.",
     "security_guarantees"),
])
def test_once_and_as_long_as_without_a_clause_set_no_condition(stance, text, issue):
    s = stance(text, issue, speaker=UKRAINIAN)
    assert s.label != "conditional", s


def test_as_long_as_with_a_clause_is_a_condition(stance):
    s = stance("We will support the talks as long as Russia stops the shelling.", "negotiations", speaker=UKRAINIAN)
    assert s.label == "conditional", s


def test_an_item_of_a_list_named_deeper_in_the_topic_is_still_an_agenda(stance):
    text = "The issues of prisoners, sanctions and the deoccupation of Ukrainian territories remain the most important."
    assert stance(text, "territory", speaker=UKRAINIAN).label == "unclear"


def test_a_clause_of_time_is_no_object_of_the_main_clause(stance):
    text = "We will not use force to resolve the Crimean issue while negotiations are underway."
    assert stance(text, "negotiations", speaker=UKRAINIAN).label == "unclear"
    # the issue in the main clause is still read
    assert stance("We will not negotiate while the shelling goes on.", "negotiations",
                  speaker=UKRAINIAN).label == "oppose"


def test_a_mention_in_anothers_clause_is_left_out_of_the_speakers_stance(stance):
    text = ("The issues of guarantees, neutrality and the status of our country remain the most important, "
            "as Russia calls NATO enlargement a reason for the invasion.")
    for speaker in (UKRAINIAN, None):  # whether or not the article places the speaker on a side
        s = stance(text, "nato", speaker=speaker)
        assert s.label == "unclear" and "topic" in s.reason, (speaker, s)


# --- likelihood: what has no chance is forecast, not refused -------------------------------


@pytest.mark.parametrize("text", [
    "The more towns they destroy, there will be no chance that negotiations will be held.",
    "There is no chance of talks this year.",
])
def test_no_chance_of_talks_is_a_forecast_not_a_refusal(stance, text):
    s = stance(text, "negotiations", speaker=UKRAINIAN)
    assert s.label == "unclear", s


def test_no_chance_that_we_give_it_up_is_a_refusal(stance):
    s = stance("There is no chance that we will give up Crimea.", "territory", speaker=UKRAINIAN)
    assert s.label == "oppose", s
    assert stance("There will be no negotiations with the aggressor.", "negotiations").label == "oppose"


# --- expectations, doubt, persistence, forecasts under a condition --------------------------


@pytest.mark.parametrize(("text", "issue"), [
    ("We do not expect a ceasefire this month.", "ceasefire"),
    ("Frankly, we have no hope for talks this year.", "negotiations"),
])
def test_a_negated_expectation_is_a_forecast_not_a_refusal(stance, text, issue):
    assert stance(text, issue, speaker=UKRAINIAN).label == "unclear"
    assert stance("We expect a ceasefire this month.", "ceasefire", speaker=UKRAINIAN).label == "support"


@pytest.mark.parametrize("text", [
    "It is not clear that the general really wants a truce.",
    "I doubt that anyone here wants a truce.",
])
def test_what_the_speaker_is_not_sure_of_is_no_position(stance, text):
    s = stance(text, "ceasefire", speaker=UKRAINIAN)
    assert s.label == "unclear", s
    assert stance("It is clear that we want a truce.", "ceasefire", speaker=UKRAINIAN).label == "support"


def test_not_stopping_until_it_happens_is_working_for_it(stance):
    s = stance("She will not stop until there is a peace agreement.", "negotiations", speaker=UKRAINIAN)
    assert s.label == "support", s
    # the contrary of the proposition as the goal stays a maximal demand
    assert stance("We will not stop until we regain all our land.", "territory", speaker=UKRAINIAN).label == "oppose"


def test_a_bare_condition_on_what_a_thing_will_do_is_no_maximal_demand(stance):
    text = "The accord can be cancelled if the invaders do not withdraw their troops from our territory."
    assert stance(text, "territory", speaker=UKRAINIAN).label != "oppose"
    assert stance("We will fight until the invaders withdraw from our territory.", "territory",
                  speaker=UKRAINIAN).label == "oppose"


# --- another's words in their own voice after a colon ---------------------------------------


@pytest.mark.parametrize("text", [
    "Russia is an aggressive state, which offers its neighbours one idea: we will enter any territory and keep it.",
    "The Kremlin has one message: we will take the whole region.",
])
def test_words_a_noun_announces_after_a_colon_are_anothers_voice(stance, text):
    s = stance(text, "territory", speaker=UKRAINIAN)
    assert s.label == "unclear" and s.reported is not None and "Russia" in s.reported.holder, (text, s)


def test_the_speakers_own_words_after_a_colon_stay_theirs(stance):
    s = stance("Our position is clear: we will never give up any territory.", "territory", speaker=UKRAINIAN)
    assert s.label == "oppose", s


def test_what_the_addressee_says_is_not_the_speakers(stance):
    s = stance("You say that the talks are pointless.", "negotiations", speaker=UKRAINIAN)
    assert s.label == "unclear"
    assert stance("The talks are pointless.", "negotiations", speaker=UKRAINIAN).label == "oppose"


def test_a_sentence_going_on_with_what_others_say_is_not_the_speakers(stance):
    text = "Now they say the neighbour is the next step. It should be admitted into NATO."
    assert stance(text, "nato", speaker=UKRAINIAN).label == "unclear"
    assert stance("The neighbour is the next step. It should be admitted into NATO.", "nato",
                  speaker=UKRAINIAN).label == "support"


# --- bringing it about, desire, and whose desire -------------------------------------------
@pytest.mark.parametrize("text, issue", [
    ("He arranged a meeting between the two presidents to negotiate an end to the war.", "negotiations"),
    ("We have initiated an emergency summit of the Normandy Four.", "negotiations"),
    ("Experts were gathered to work out recommendations on long-term sanctions against Russia.", "sanctions"),
    ("He spoke of his desire for a ceasefire.", "ceasefire"),
])
def test_bringing_it_about_or_desiring_it_is_wanting_it(stance, text, issue):
    assert stance(text, issue).label == "support", text


@pytest.mark.parametrize("text", [
    "He has not yet seen Russia's desire to cease fire.",
    "We do not see the Kremlin's readiness for a ceasefire.",
    "We have not seen Moscow's readiness for a ceasefire.",
    # a noun of wanting as the subject of the clause is its possessor's too
    "Their goal is to block any ceasefire.",
])
def test_a_desire_belongs_to_its_possessor(stance, text):
    s = stance(text, "ceasefire", speaker=UKRAINIAN)
    assert s.label == "unclear" and "position of" in s.reason, (text, s)


def test_a_clause_after_a_colon_does_not_negate_the_clause_before_it(stance):
    text = ("The position of the President on negotiations with Russia remains tough: Ukraine will not make "
            "any concessions.")
    assert stance(text, "negotiations", speaker=UKRAINIAN).label == "unclear"
    assert stance(text, "territory", speaker=UKRAINIAN).label == "oppose"


def test_he_in_a_direct_quote_is_someone_else(nlp, tax):
    # in a report "he" is the speaker ("Zelensky said he is ready"); in the speaker's own words, another
    text = "He wants peace talks, but not at any price."
    reported = stance_for(text, "negotiations", "assert", False, tax, nlp=nlp, speaker=UKRAINIAN)
    quoted = stance_for(text, "negotiations", "assert", False, tax, nlp=nlp, speaker=UKRAINIAN, quoted=True)
    assert reported.label == "support", reported
    assert quoted.label == "unclear" and "position of He" in quoted.reason, quoted
    assert stance_for("I want talks.", "negotiations", "assert", False, tax, nlp=nlp, speaker=UKRAINIAN,
                      quoted=True).label == "support"


def test_our_goal_as_the_subject_is_the_speakers(stance):
    assert stance("Our goal is to join NATO.", "nato", speaker=UKRAINIAN).label == "support"


def test_a_pronoun_possessor_points_back_to_the_subject(stance):
    s = stance("The war could end if Russia demonstrates its commitment to a ceasefire.", "ceasefire",
               speaker=UKRAINIAN)
    assert s.label == "unclear" and "Russia" in s.reason, s
    assert stance("Ukraine reaffirms its readiness for a ceasefire.", "ceasefire", speaker=UKRAINIAN).label == "support"


def test_the_registry_places_a_pinned_speaker_the_article_names_by_post_alone():
    from onrecord.extraction.stances.component import registry_sides
    from onrecord.identity.registry import SpeakerRegistry

    registry = SpeakerRegistry.load()
    assert registry_sides("Mykhailo Podoliak", registry) == {"Ukraine"}  # organisation: the President's Office
    assert registry_sides("Sergey Lavrov", registry) == {"Russia"}  # role: Foreign Minister of Russia
    assert registry_sides("Anna Berg", registry) == frozenset()  # no pin: the article's words alone


@pytest.mark.parametrize("text, label", [
    ("I hope Russia will agree to negotiations.", "support"),
    ("We hope that Moscow is ready for talks.", "support"),
    ("We hope Russia will not block the talks.", "support"),
    ("I think Putin will agree to negotiations.", "unclear"),  # a belief about another: their position
    ("They hope Russia will agree to talks.", "unclear"),  # someone else's hope
])
def test_what_the_speaker_hopes_another_will_do_is_the_speakers_position(stance, text, label):
    assert stance(text, "negotiations", speaker=UKRAINIAN).label == label, text


def test_content_without_is_its_absence(stance):
    # "without" negates the content it governs, as "no" would; "impossible without" stays a double negative
    assert stance("We want peace without territorial concessions.", "territory").label == "oppose"
    assert stance("Ukraine does not refuse to negotiate, yet is ready only for a negotiation process without "
                  "unacceptable conditions and ultimatums.", "negotiations").label == "support"
    assert stance("Peace is impossible without the return of Crimea.", "territory").label == "oppose"


@pytest.mark.parametrize("text, label", [
    ("The messages read: don't worry, the dialogue must continue.", "unclear"),  # the messages' words
    ("Putin told me: we will never negotiate.", "unclear"),  # Putin's "we"
    ("I told them: we are ready for talks.", "support"),  # the speaker's own words
])
def test_words_after_a_colon_are_the_voice_of_the_verb_before_it(stance, text, label):
    assert stance(text, "negotiations", speaker=UKRAINIAN).label == label, text


@pytest.mark.parametrize("text, issue, label", [
    ("We want talks, not war.", "negotiations", "support"),  # the "not" denies what follows it
    ("We need victory, not negotiations.", "negotiations", "oppose"),
    ("We want real security guarantees, not another Budapest Memorandum.", "security_guarantees", "support"),
    # the proposition named beside one form of it: the proposition's mention decides
    ("We insist that this must be a treaty signed by all guarantors, so as not to repeat the mistake of the "
     "Budapest Memorandum.", "security_guarantees", "support"),
])
def test_x_not_y_and_a_form_beside_the_proposition(stance, text, issue, label):
    assert stance(text, issue).label == label, text


@pytest.mark.parametrize("text", [
    "We will not allow anyone to undermine our territorial integrity.",
    "We condemn attempts to undermine Ukraine's territorial integrity.",
    "Ukraine does not recognize any attempt to undermine its territorial integrity.",
    # the harm describes concessions, which the refusal is of
    "Ukraine will not make any concessions that could undermine our struggle for territorial integrity.",
])
def test_words_above_a_harm_to_the_issue_speak_of_the_harm(stance, text):
    # valuing territorial integrity is rejecting the cession of land, whatever negates the harm
    assert stance(text, "territory", speaker=UKRAINIAN).label == "oppose", text


@pytest.mark.parametrize("text, issue, label", [
    ("Ukraine qualifies these actions as a violation of the sovereignty and territorial integrity of our state.",
     "territory", "oppose"),  # territorial integrity valued: no land given up
    ("The shelling is a threat to the ceasefire.", "ceasefire", "support"),
])
def test_the_object_of_a_noun_of_harm_is_valued(stance, text, issue, label):
    assert stance(text, issue, speaker=UKRAINIAN).label == label, text


@pytest.mark.parametrize(("text", "issue", "label"), [
    # the speaker's own side carrying the issue out: its deed shows where it stands
    ("Germany provides Ukraine with weapons and trains its soldiers.", "weapons_permissions", "support"),
    ("We have imposed new sanctions on Russia.", "sanctions", "support"),
    ("Our country has never supplied weapons to Ukraine.", "weapons_permissions", "oppose"),
])
def test_what_the_speakers_own_side_does_on_the_issue_decides(stance, text, issue, label):
    assert stance(text, issue, speaker=GERMAN).label == label


def test_a_deed_of_another_side_or_a_verb_of_no_content_decides_nothing(stance):
    # another side's deed is its position, reported
    assert stance("France provides Ukraine with weapons.", "weapons_permissions", speaker=GERMAN).label == "unclear"
    # the own side as subject of a verb that is not the issue's content: no deed on it
    assert stance("Germany discussed the weapons with Ukraine.", "weapons_permissions",
                  speaker=GERMAN).label == "unclear"


def test_a_deed_must_hold_the_issue_and_not_be_asked(stance):
    # "withdraw" is territory's contrary content, but here what is left is the talks, not land
    text = "Ukraine will withdraw from the talks if a pseudo-referendum is held in the occupied territories."
    assert stance(text, "territory", speaker=UKRAINIAN).label == "unclear"
    # an embedded question asks with whom; it states no deed
    text = "The question is with whom Ukraine will negotiate, with which President of Russia."
    assert stance(text, "negotiations", speaker=UKRAINIAN).label == "unclear"


@pytest.mark.parametrize("text", [
    "Victory for us means the return of all our territories.",
    "For him the victory of our state would mean territorial integrity within the recognized borders.",
])
def test_the_speakers_own_victory_defined_is_an_aim(stance, text):
    assert stance(text, "territory", speaker=UKRAINIAN).label == "oppose"


def test_the_other_sides_victory_is_not_the_speakers_aim(stance):
    assert stance("Russia's victory would mean the loss of our land.", "territory",
                  speaker=UKRAINIAN).label == "unclear"


@pytest.mark.parametrize(("text", "issue", "label"), [
    # what another side will be made to do: the speaker's demand, as "Russia must withdraw" is
    ("After the signing of the agreement, Russia will have no choice but to begin the withdrawal of its troops.",
     "territory", "oppose"),
    ("Russia will be forced to withdraw its troops from our land.", "territory", "oppose"),
    # what the speaker's own side is made to do: no wish of theirs
    ("We were forced to withdraw our troops from the city.", "territory", "unclear"),
    ("We had no choice but to withdraw our troops from the city.", "territory", "unclear"),
    # a compulsion reported as a fact: no demand
    ("Due to the sanctions, the Russian authorities are forced to enter into negotiations.", "negotiations",
     "unclear"),
    ("Russia was forced to withdraw its troops from our land.", "territory", "unclear"),
])
def test_a_compulsion_is_the_speakers_demand_only_of_another_side_and_ahead(stance, text, issue, label):
    assert stance(text, issue, speaker=UKRAINIAN).label == label


def test_a_promise_of_something_else_says_nothing_of_an_issue_named_elsewhere(stance):
    # the issue is named outside the statement: its sentences are read from their roots
    assert stance("I will reveal this dark secret to you.", "negotiations").label == "unclear"
    assert stance("We will support it.", "negotiations").label == "support"


@pytest.mark.parametrize(("text", "issue"), [
    ("The simplest thing for the soldiers is to release the civilians.", "prisoners_humanitarian"),
    ("The only way to end this war is negotiations.", "negotiations"),
    ("We asked for tanks and fighter jets.", "weapons_permissions"),
])
def test_a_recommended_course_or_a_request_is_wanted(stance, text, issue):
    assert stance(text, issue, speaker=UKRAINIAN).label == "support"
