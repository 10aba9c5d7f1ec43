"""Statements: kinds, cues, contents and speakers, on small texts we write."""

import pytest


def only(statements, kind=None):
    found = [s for s in statements if kind is None or s.kind == kind]
    assert len(found) == 1, [(s.kind, s.quote.text) for s in statements]
    return found[0]


def test_direct_quote_with_trailing_attribution(statements_of):
    s = only(statements_of("“The border stays closed,” Minister Anna Berg said on Monday."))
    assert s.kind == "direct"
    assert s.quote.text == "The border stays closed,"
    assert s.cue.text == "said" and s.cue.cls == "assert"
    assert s.speaker.name == "Anna Berg" and s.speaker.type == "person"


def test_inverted_attribution(statements_of):
    s = only(statements_of("“We are ready to talk,” said Foreign Minister Tomas Varga."))
    assert s.speaker.name == "Tomas Varga"
    assert s.speaker.mention.text.endswith("Tomas Varga")


def test_colon_introduced_quote(statements_of):
    s = only(statements_of("Mayor Elena Costa said: “The repairs will take two years.”"))
    assert s.kind == "direct" and s.speaker.name == "Elena Costa"


def test_split_quote_is_one_statement_with_two_segments(statements_of):
    text = "“The talks went well,” Karl Jensen said. “We meet again in March.”"
    s = only(statements_of(text))
    assert [text[g.start : g.end] for g in s.quote.segments] == ["The talks went well,", "We meet again in March."]
    assert s.speaker.name == "Karl Jensen"
    # each segment as written, the cut shown: never "went well, We meet" as if said in one breath
    assert s.quote.text == "The talks went well, … We meet again in March."


def test_indirect_that_clause(statements_of):
    s = only(statements_of("The foreign minister, Lina Park, said that the ceasefire would hold."), "indirect")
    assert s.quote.text == "that the ceasefire would hold"
    assert s.speaker.name == "Lina Park"


def test_indirect_bare_clause(statements_of):
    s = only(statements_of("Omar Haddad said other countries have offered to mediate."), "indirect")
    assert s.quote.text == "other countries have offered to mediate"


def test_according_to(statements_of):
    s = only(statements_of("According to the ministry, the convoy reached the city at noon."))
    assert s.cue.cls == "according_to"
    assert "convoy reached the city" in s.quote.text
    assert s.speaker.mention.text == "the ministry"


def test_mixed_quote_calling(statements_of):
    s = only(statements_of("Greta Holm criticised the plan, calling it “a gift to the aggressor.”"), "mixed")
    assert "a gift to the aggressor" in s.quote.text
    assert s.cue.text == "calling" and s.cue.cls == "call"
    assert s.speaker.name == "Greta Holm"


def test_mixed_quote_saying(statements_of):
    s = only(statements_of("Ivan Petrov seemed doubtful, saying any deal must “stop the shelling first.”"), "mixed")
    assert s.quote.text.startswith("any deal must")
    assert s.speaker.name == "Ivan Petrov"


def test_vow_takes_infinitive(statements_of):
    s = only(statements_of("President Maria Lind has vowed to rebuild every school."))
    assert s.cue.cls == "vow" and s.quote.text == "to rebuild every school"


def test_wouldnt_say_is_declined(statements_of):
    s = only(statements_of("Paul Novak wouldn’t say whether he would run again."))
    assert s.cue.cls == "decline"
    assert s.quote.text.startswith("whether")


def test_hedged_cue(statements_of):
    s = only(statements_of("Nadia Sørensen hinted that the sanctions could be lifted."))
    assert s.cue.cls == "hedge" and s.hedged


def test_negated_cue(statements_of):
    s = only(statements_of("Lars Berg did not say that the army would withdraw."))
    assert s.negated


def test_several_speakers(statements_of):
    s = only(statements_of("Both Anna Berg and Tomas Varga said they welcomed the offer."))
    assert s.speaker.members == ["Anna Berg", "Tomas Varga"]


def test_scare_quotes_are_not_statements(statements_of):
    assert statements_of("The so-called “peace plan” was published on Monday.") == []


def test_offsets_index_the_text(statements_of):
    text = "Intro line.\n\n“Nothing is agreed,” the envoy, Sara Malik, told reporters."
    for s in statements_of(text):
        for g in s.quote.segments:
            assert text[g.start : g.end] in s.quote.text
        assert text[s.cue.start : s.cue.end] == s.cue.text
        assert text[s.speaker.mention.start : s.speaker.mention.end] == s.speaker.mention.text


@pytest.mark.parametrize("text", ["", "   ", "No quotes and no speech at all here."])
def test_texts_without_statements(statements_of, text):
    assert statements_of(text) == []


def test_reported_clause_stops_at_the_paragraph_break(statements_of):
    text = ('The ministry said its forces had "fully respected" the deal, calling the rebels "armed groups."\n\n'
            '"We have kept every promise," said the minister, Farid Okonjo. "We will not be lectured."')
    found = statements_of(text)
    last = found[-1]
    assert last.kind == "direct" and last.speaker.name == "Farid Okonjo"
    parts = [text[g.start : g.end] for g in last.quote.segments]
    assert parts == ["We have kept every promise,", "We will not be lectured."]
    assert all(s.quote.end <= text.index("\n\n") for s in found[:-1])


def test_object_control_keeps_the_infinitive(statements_of):
    s = only(statements_of("She called on both governments to publish the routes of the corridors."), "indirect")
    assert s.quote.text == "both governments to publish the routes of the corridors"


def test_quotation_signed_with_a_dash(statements_of):
    text = "“Peace is built one village at a time, and nobody can skip the work.” ― Maria Lopez\n\nThe forum closed."
    s = only(statements_of(text))
    assert s.kind == "direct" and s.speaker.name == "Maria Lopez" and s.cue.text == "―"


@pytest.mark.parametrize("text", [
    # a hyphen with a space on each side, as plain-text pages set a dash
    "The mayor spoke last.\n\n\"We will rebuild every bridge in this valley.\"  - Lena Ortiz.\n\nThe forum closed.",
    # the signature on a line of its own below the quotation (a fact-check's claims)
    "The mayor spoke last.\n\n\"We will rebuild every bridge in this valley.\"\n\n- Lena Ortiz.\n\nThe forum closed.",
])
def test_quotation_signed_with_a_hyphen_or_on_the_line_below(statements_of, text):
    s = only(statements_of(text))
    assert s.kind == "direct" and s.speaker.name == "Lena Ortiz" and s.cue.text == "-"


def test_a_line_below_a_quotation_that_is_no_name_signs_nothing(statements_of):
    assert statements_of("\"We will win.\"\n\n- The crowd chanted for hours.\n\nLater it rained.") == []


def test_a_fronted_according_to_ends_at_its_comma(statements_of):
    s = only(statements_of("According to the Danish minister, Norway, along with Sweden, had been trying to help."))
    assert s.speaker.mention.text == "the Danish minister"
    assert s.quote.text.startswith("Norway, along with Sweden")


def test_a_trailing_according_to_is_not_part_of_the_content(statements_of):
    s = only(statements_of("The border will stay closed until May, according to a spokesman for the ministry."))
    assert s.quote.text == "The border will stay closed until May"


def test_a_trailing_according_to_vouches_for_every_conjoined_clause(statements_of):
    text = "Lind received 41 percent, Okafor had 35 percent and Brandt took 12 percent, according to the count."
    s = only(statements_of(text))
    assert s.quote.text == "Lind received 41 percent, Okafor had 35 percent and Brandt took 12 percent"


def test_a_phrase_inside_its_clause_leaves_the_words_around_it(statements_of):
    text = "The border, according to the ministry, will stay closed until May."
    s = only(statements_of(text))
    assert [text[g.start : g.end] for g in s.quote.segments] == ["The border", "will stay closed until May"]


def test_what_follows_a_trailing_according_to_tells_of_the_source(statements_of):
    text = "Top earners would see incomes rise by 20 percent, according to the Tax Institute, twice its earlier figure."
    s = only(statements_of(text))
    assert s.quote.text == "Top earners would see incomes rise by 20 percent"


def test_a_fronted_according_to_parsed_as_the_root_vouches_for_the_rest(statements_of):
    s = only(statements_of("According to conservative radio host Ed Brandt, the move reeks of “fear” and desperation."))
    assert s.quote.text == "the move reeks of “fear” and desperation" and s.speaker.name == "Ed Brandt"


def test_an_outlet_that_relays_someone_s_words_is_not_their_speaker(statements_of):
    s = only(statements_of("According to the Daily Ledger, the minister said the border would stay closed."))
    assert s.cue.text == "said" and s.speaker.name == "minister"


# --- contents: addressee clauses, relative objects, charges, conjuncts ------------------------------


@pytest.mark.parametrize(
    "text, said",
    [
        ("The mayor said at a press briefing that the bridge would reopen in June.",
         "that the bridge would reopen in June"),
        ("Ines Duarte said on Friday during a news conference that she may wait until spring to decide.",
         "that she may wait until spring to decide"),
        ("The minister said in an interview with the broadcaster on Sunday that talks would resume.",
         "that talks would resume"),
        ("Senator Hale said following a vote in 2001 that he had serious concerns about the industry.",
         "that he had serious concerns about the industry"),
        ("The minister said ahead of the summit that sanctions would stay.", "that sanctions would stay"),
    ],
)
def test_that_clause_hung_on_the_setting_is_what_was_said(statements_of, text, said):
    s = only(statements_of(text))
    assert s.quote.text == said and s.cue.text == "said"


@pytest.mark.parametrize(
    "text, cue, said",
    [
        ("The governor claimed without evidence that the election had been rigged.", "claimed",
         "that the election had been rigged"),
        ("The senator was just as blunt, claiming without any evidence that the refugees were dangerous.",
         "claiming", "that the refugees were dangerous"),
        ("The envoy asserted without offering proof that the militia was planning an attack.", "asserted",
         "that the militia was planning an attack"),
    ],
)
def test_a_that_clause_hung_on_the_missing_evidence_is_what_was_claimed(statements_of, text, cue, said):
    s = only(statements_of(text))
    assert (s.cue.text, s.quote.text) == (cue, said)


def test_a_row_of_verbs_the_parse_subordinated_shares_the_first_verbs_subject(statements_of):
    # the parse makes "summed" a clause under "denounced", which has no subject; "said" hangs on
    # "denounced": the speaker is the row's subject, not the nearest noun ("secretary of state")
    text = ('Trump further summed up Clinton as "terrible," denounced her record as secretary of state and said '
            'she should not even be allowed to run for office.')
    found = [s for s in statements_of(text) if s.quote.text.startswith("she should")]
    assert [s.speaker.name for s in found] == ["Donald Trump"]


def test_a_that_clause_hung_on_the_setting_with_its_that_hung_lower_is_what_was_said(statements_of):
    # the parse makes "that" the object of "continue"; it is the complementizer (tagged IN)
    s = only(statements_of("The White House said in a readout that the two leaders had agreed to continue talks."))
    assert (s.speaker.name, s.cue.text, s.venue.name) == ("The White House", "said", "readout")
    assert s.quote.text.endswith("the two leaders had agreed to continue talks")


def test_a_relative_clause_of_the_setting_says_nothing(statements_of):
    assert statements_of("The mayor spoke at a meeting that took place on Friday.") == []


@pytest.mark.parametrize(
    "text, said",
    [
        ("And as Menendez pointed out, court rulings and new laws have a real impact on tenants.",
         "court rulings and new laws have a real impact on tenants"),
        ("Court rulings have a lasting impact on tenants, as the senator noted on Tuesday.",
         "Court rulings have a lasting impact on tenants"),
    ],
)
def test_an_as_clause_reports_the_clause_it_qualifies(statements_of, text, said):
    s = only(statements_of(text))
    assert s.quote.text == said and s.kind == "indirect"


@pytest.mark.parametrize("text", ["As he spoke, the crowd cheered.", "As expected, the council approved the budget."])
def test_an_as_clause_without_a_verb_of_saying_reports_nothing(statements_of, text):
    assert statements_of(text) == []


def test_noted_takes_a_noun_phrase(statements_of):
    s = only(statements_of("Clara Voss noted the budget cuts and her work on the rail line."))
    assert s.quote.text == "the budget cuts and her work on the rail line" and s.speaker.name == "Clara Voss"


def test_told_someone_to_is_what_was_told(statements_of):
    s = only(statements_of("Mayor Holt told the councillor to quiet down during the debate."))
    assert s.quote.text == "to quiet down during the debate" and s.speaker.name == "Holt"


def test_that_clause_hung_on_the_addressee_is_what_was_told(statements_of):
    text = "An aide had earlier told the agency Newswire that the minister rejected a “watered-down” plan."
    found = statements_of(text)
    assert [s.quote.text for s in found] == ["that the minister rejected a “watered-down” plan"]
    assert found[0].kind == "mixed"


@pytest.mark.parametrize("text, content", [
    ("Governor Alan Pike told reporters relations with Ottawa have changed.", "relations with Ottawa have changed"),
    ("Pike told reporters talks with the union have stalled.", "talks with the union have stalled"),
])
def test_whom_it_was_told_parsed_as_a_modifier_is_the_addressee(statements_of, text, content):
    # the parse makes "reporters relations" one noun: the object before a clause with no subject,
    # or the subject of the cue's clause
    s = only(statements_of(text))
    assert (s.quote.text, s.addressee) == (content, "reporters")


def test_a_clause_whose_verb_was_taken_for_a_noun_is_what_was_told(statements_of):
    # the parse hangs "that he had … hope" on "Dayton" as an apposition, "hope" its head
    text = ('Governor Alan Pike closed his campaign on Friday, telling volunteers in Dayton, Ohio, that he had '
            '"renewed hope" in the party.')
    s = only(statements_of(text))
    assert (s.quote.text, s.addressee) == ('that he had "renewed hope" in the party', "volunteers")


def test_a_clause_taken_for_a_noun_before_a_second_clause_opens_what_was_told(statements_of):
    # "faith" is the cue's second object, and "that … will show us the way" its clause: one content
    text = ('Governor Alan Pike closed his campaign on Friday, telling volunteers in Dayton, Ohio, that he had '
            '"renewed faith" that "the voters will show us the way."')
    s = only(statements_of(text))
    assert (s.quote.text, s.addressee) == (
        'that he had "renewed faith" that "the voters will show us the way."', "volunteers")


def test_a_relative_object_is_no_content(statements_of):
    found = statements_of("The envoy added that the draft held conclusions that the council would not support.")
    assert [(s.cue.text, s.quote.text) for s in found] == [
        ("added", "that the draft held conclusions that the council would not support")]


def test_a_weak_verb_inside_what_was_said_does_not_cut_it(statements_of):
    found = statements_of("The president adds that he intends to meet the premier and discuss the pipeline.")
    assert [s.quote.text for s in found] == ["that he intends to meet the premier and discuss the pipeline"]


def test_a_characterisation_inside_what_was_said_does_not_cut_it(statements_of):
    text = "Ivo Marek said that he did not want to lose the support of Norway, which he called “a true friend.”"
    found = statements_of(text)
    assert found[0].quote.text.endswith("which he called “a true friend.”")


def test_the_reporters_second_predicate_is_a_statement_of_its_own(statements_of):
    text = "Governor Alma Diaz said she would order a review of the dams and warned against further delays."
    found = statements_of(text)
    assert [(s.cue.text, s.quote.text, s.speaker.name) for s in found] == [
        ("said", "she would order a review of the dams", "Alma Diaz"),
        ("warned", "further delays", "Alma Diaz"),
    ]


def test_a_participle_after_a_clause_whose_subject_cannot_speak_is_the_reporters(statements_of):
    # "remarking" hangs on "foreshadow": the incident remarks nothing, the senator does
    text = ("Senator Ana Ortiz warned that the incident could foreshadow a wider war, remarking that it "
            "showed the need to scrap the agreement.")
    found = statements_of(text)
    assert [(s.cue.text, s.speaker.name) for s in found] == [("warned", "Ana Ortiz"), ("remarking", "Ana Ortiz")]
    # a subject that can speak may be the one who goes on: "the minister resigned, citing his health"
    found = statements_of("The mayor said the minister had resigned, citing his health.")
    assert [(s.cue.text, s.speaker.name) for s in found] == [("said", "mayor"), ("citing", "minister")]


def test_a_participle_right_after_an_object_is_the_objects(statements_of):
    # no comma: the voters say it (with a comma, the subject would: a free adjunct)
    found = statements_of("The killings have left 62 percent of voters saying race relations are growing worse.")
    assert [(s.cue.text, s.speaker.name) for s in found] == [("saying", "62 percent of voters")]


def test_the_next_verb_of_a_row_shares_the_subject_not_the_object_before_it(statements_of):
    text = ('The candidate has mocked a disabled reporter, referred to migrants as "rapists" and '
            'pointed to a man in the crowd.')
    assert {s.speaker.name for s in statements_of(text)} == {"candidate"}
    # after "as NAME, DESCRIPTION," the comma closes a name: no row
    text = ("The chorus of old party names grew louder on Wednesday as Ana Ortiz, the governor's daughter, "
            "attacked the nominee for his remarks.")
    assert [s.speaker.name for s in statements_of(text)] == ["Ana Ortiz"]


def test_a_name_set_off_before_the_cue_is_its_speaker_when_the_parse_took_it_into_the_clause(statements_of):
    # the parse hangs "Keane" on "storage" as its apposition: not the addressee after the cue
    text = ("Two emails sent to the envoy have been placed in secure storage, Patrick F. Kennedy, the undersecretary "
            "for management, wrote in a memo to Inspector General Daniel Marsh.")
    s = only(statements_of(text))
    assert (s.speaker.name, s.quote.text) == (
        "Patrick F. Kennedy", "Two emails sent to the envoy have been placed in secure storage")


def test_a_reported_clause_never_ends_in_the_comma_that_set_off_what_followed(statements_of):
    found = statements_of("The foreign minister said the attack could derail the talks, noting that it came "
                          "hours after the truce began.")
    assert [s.quote.text for s in found] == ["the attack could derail the talks",
                                            "that it came hours after the truce began"]


def test_a_second_predicate_in_the_tense_of_what_was_said_is_the_reporters_when_its_subject_cannot_speak(
        statements_of):
    # "added" hangs on "were", in the same tense: the reported clause's subject, "the talks", says nothing
    text = "Governor Alma Diaz said the talks were useful and added that more meetings would follow."
    found = statements_of(text)
    assert [(s.cue.text, s.kind, s.quote.text, s.speaker.name) for s in found] == [
        ("said", "indirect", "the talks were useful", "Alma Diaz"),
        ("added", "indirect", "that more meetings would follow", "Alma Diaz"),
    ]
    # the first statement, cut before the second, is no longer mixed when its quotation went with it
    found = statements_of('The ministry said that was not its view and dismissed the reports as "fake news".')
    assert [(s.cue.text, s.kind) for s in found] == [("said", "indirect"), ("dismissed", "mixed")]


def test_a_second_predicate_whose_subject_can_speak_stays_in_what_was_said(statements_of):
    text = "Governor Alma Diaz said the mayor spoke for an hour and added nothing new."
    (said,) = [s for s in statements_of(text) if s.cue.text == "said"]
    assert said.quote.text == "the mayor spoke for an hour and added nothing new"


def test_accused_of_keeps_the_charge(statements_of):
    found = statements_of("The senator accused the agency of hiding the report from Congress.")
    assert [s.quote.text for s in found] == ["the agency of hiding the report from Congress"]


def test_parenthetical_cue_reports_the_clause_around_it(statements_of):
    text = "The new bridge, Mayor Ines Roth said, would open to traffic in the spring."
    found = statements_of(text)
    assert len(found) == 1
    s = found[0]
    segments = [text[g.start : g.end] for g in s.quote.segments]
    assert segments == ["The new bridge", "would open to traffic in the spring"]
    assert s.kind == "indirect" and s.speaker.name == "Ines Roth"


@pytest.mark.parametrize("text", [
    "The new bridge, said Ines Roth, a planner in Oslo, would open to traffic in the spring.",
    "The new bridge, said Ines Roth, would open to traffic in the spring.",
    "Any ''sensible'' reading of the new bridge plan, said Ines Roth, would open it to traffic in the spring.",
])
def test_an_inverted_aside_reports_the_clause_around_it_in_the_named_speakers_voice(statements_of, text):
    # "NP, said X, VP": the parser makes "said" the root with the clause's subject as its own;
    # the speaker is the name after the cue, what was said the words around the aside
    found = statements_of(text)
    assert [(s.speaker.name, s.quote.segments[0].start) for s in found] == [("Ines Roth", 0)]
    assert found[0].quote.text.endswith("in the spring")


def test_a_feeling_voiced_over_something_keeps_what_it_is_about(statements_of):
    found = statements_of("The new government has voiced skepticism over the aid package.")
    assert [s.quote.text for s in found] == ["skepticism over the aid package"]


@pytest.mark.parametrize("text, content", [
    ("The senator attacked her rival as a fraud.", "her rival as a fraud"),
    ("The governor mocked the mayor for skipping the vote.", "the mayor for skipping the vote"),
    ("The minister praised the rescuers on Tuesday.", "the rescuers"),
    ("The premier cited remarks the envoy had made about the treaty.", "remarks the envoy had made about the treaty"),
])
def test_what_is_said_of_the_object_runs_on_over_its_prepositions(statements_of, text, content):
    assert [s.quote.text for s in statements_of(text)] == [content]


def test_a_closing_participle_after_a_comma_tells_the_saying(statements_of):
    found = statements_of("The footage shows that the driver had stopped, contradicting the company's account.")
    assert [s.quote.text for s in found] == ["that the driver had stopped"]


def test_a_participle_inside_the_clause_stays(statements_of):
    text = "The chief executive stressed that the outage, affecting banks and airlines, was not an attack."
    found = statements_of(text)
    assert [s.quote.text for s in found] == ["that the outage, affecting banks and airlines, was not an attack"]


def test_the_subject_of_a_bare_clause_parsed_as_an_object(statements_of):
    found = statements_of("The senator is demanding Governor Ruth Olsen make a pledge not to raise taxes.")
    assert [s.quote.text for s in found] == ["Governor Ruth Olsen make a pledge not to raise taxes"]


def test_called_for_with_a_clause(statements_of):
    found = statements_of("The mayor is calling for the state to close the old bridge.")
    assert [s.quote.text for s in found] == ["the state to close the old bridge"]


def test_a_colon_at_the_end_of_a_paragraph_introduces_the_next_quotation(statements_of):
    text = "The senator was not done. Ruth Abel continued:\n\n“We will vote against this bill every time.”"
    found = statements_of(text)
    assert [(s.kind, s.cue.text, s.speaker.name) for s in found] == [("direct", "continued", "Ruth Abel")]


def test_a_short_quotation_after_its_speakers_own_goes_on_with_it(statements_of):
    text = "“I agree,” Ana Ruiz told the panel. “I do, Tom.”"
    found = statements_of(text)
    assert [[text[g.start : g.end] for g in s.quote.segments] for s in found] == [["I agree,", "I do, Tom."]]


def test_only_the_frame_stands_between_the_parts_of_one_utterance(nlp):
    from onrecord.extraction.found import Found
    from onrecord.extraction.pieces import ours
    from onrecord.extraction.statements import only_the_frame_between

    def parts(text: str, first: str, second: str) -> tuple[Found, Found]:
        doc = nlp.make_doc(text)
        after_model = set(ours(nlp))
        for name, proc in nlp.pipeline:  # the model's parse is enough
            if name in after_model:
                break
            doc = proc(doc)
        cue = next(t for t in doc if t.lower_ == "said")
        a, b = text.index(first), text.index(second)
        return (Found("direct", [(a, a + len(first))], cue, None, "assert", None),
                Found("direct", [(b, b + len(second))], cue, None, "assert", None))

    assert only_the_frame_between(*parts("“We agree,” Ana Ruiz said on Monday. “We do.”", "We agree,", "We do."))
    assert not only_the_frame_between(*parts(
        "“We agree,” Ana Ruiz said, suggesting a few questions, including: “Do we?”", "We agree,", "Do we?"))


def test_a_quoted_sub_heading_is_no_statement(statements_of):
    text = "“We will rebuild the port,” the governor said.\n\n‘Harbour of Hope.’\n\nThe works start in May."
    found = statements_of(text)
    assert [s.quote.text for s in found] == ["We will rebuild the port,"]


def test_a_verb_right_before_a_quotation_frames_it(statements_of):
    found = statements_of('The director further informed, "At noon the board met and voted to dismiss him."')
    assert [(s.kind, s.cue.text, s.speaker.name) for s in found] == [("direct", "informed", "director")]


def test_a_quoted_term_as_an_object_is_not_framed(statements_of):
    assert statements_of("The minister considers the plan “smart” and the budget fair.") == []


def test_what_was_said_never_holds_its_speaker(statements_of):
    text = "“We will rebuild every school,” Texas delegate Bill Eastland, wearing a cowboy hat, said at the rally."
    s = only(statements_of(text))
    assert s.kind == "direct" and s.quote.text == "We will rebuild every school,"



def test_a_cue_that_opens_the_next_quotation_is_that_ones(statements_of):
    # "remark" (as near as "responded") introduces the second quotation; the first is the reply
    text = ("Closing the event, Tom Hale thanked Lena Ward. Ward responded with, “Next time in Oslo,” prompting Hale "
            "to remark, “That is an interesting one.”")
    found = {s.quote.text.strip(" ,."): s for s in statements_of(text)}
    assert found["Next time in Oslo"].speaker.name == "Lena Ward"
    assert found["That is an interesting one"].speaker.name == "Tom Hale"


def test_a_quotation_split_around_its_cue_keeps_that_cue(statements_of):
    text = "“The harbour stays open,” Tom Hale said, “for every ship that keeps the rules.”"
    s = only(statements_of(text))
    assert s.speaker.name == "Tom Hale" and s.cue.text == "said"


def test_a_preposition_after_the_cue_leaves_the_quotation_whole(statements_of):
    # "with" belongs to the cue: the quotation is a sentence of the speaker's, not a fragment
    s = only(statements_of("Ward responded with, “Next time in Oslo,” and left the stage."))
    assert (s.kind, s.speaker.name, s.quote.text) == ("direct", "Ward", "Next time in Oslo,")

@pytest.mark.parametrize("text, content", [
    # the parser hangs the object's modifiers on the verb: they are still what was described
    ("The senator described reckless spending by the agency behind closed doors.",
     "reckless spending by the agency behind closed doors"),
    # a predicate of the reporter's own, a means, a venue: not what was said of the object
    ("The mayor praised the firefighters and visited the burned homes.", "the firefighters"),
    ("The senator criticized the new law by pointing out that it had never been funded.", "the new law"),
    ("The judge rejected that argument in a ruling released Thursday.", "that argument"),
])
def test_a_noun_phrase_object_runs_on_over_what_the_parser_hung_on_the_verb(statements_of, text, content):
    found = [s for s in statements_of(text) if s.cue is not None and s.quote.start < 40]
    assert [s.quote.text for s in found] == [content]


@pytest.mark.parametrize("text, content", [
    ("The vote set off a storm in the capital: lawmakers said the agency had hidden the losses.",
     "the agency had hidden the losses"),
    ("Officials were slow to respond (the company later disclosed that the plant had closed).",
     "that the plant had closed"),
])
def test_a_cue_with_a_clause_on_either_side_reports_the_one_after_it(statements_of, text, content):
    assert [s.quote.text for s in statements_of(text)] == [content]


@pytest.mark.parametrize("text, content, speaker", [
    ("The inspectors knew that the bridge was unsafe.", "that the bridge was unsafe", "inspectors"),
    ("The appeals court ruled that the ban was void.", "that the ban was void", "appeals court"),
])
def test_a_verb_with_a_that_clause_reports_what_its_subject_holds(statements_of, text, content, speaker):
    found = only(statements_of(text))
    assert (found.quote.text, found.speaker.name) == (content, speaker)


@pytest.mark.parametrize("text", [
    "This ensures that the bridge will stay open.",  # a demonstrative holds nothing
    "Knowing that the bridge was unsafe, the crews stayed away.",  # whose knowledge: a guess
    "The residents were frustrated that the council had waited.",  # a passive: the same
])
def test_a_that_clause_without_a_holder_of_its_own_is_no_statement(statements_of, text):
    assert statements_of(text) == []


@pytest.mark.parametrize("text, content", [
    ("The senator acknowledged the reality of the budget gap, which makes her an outlier in her party.",
     "the reality of the budget gap"),
    ("The minister praised the new harbour, the largest in the region.", "the new harbour"),
    # an aside that holds the speaker's own words stays
    ("The mayor said she would keep the council, which she called “our best partner.”",
     "she would keep the council, which she called “our best partner.”"),
])
def test_a_trailing_aside_on_the_last_noun_is_the_reporters(statements_of, text, content):
    found = [s for s in statements_of(text) if s.cue is not None and s.cue.text in {"acknowledged", "praised", "said"}]
    assert [s.quote.text for s in found] == [content]


@pytest.mark.parametrize("phrase", ["according to plan", "according to schedule", "according to tradition"])
def test_according_to_a_bare_plan_is_no_attribution(statements_of, phrase):
    # conformity: the clause went as foreseen; "plan" is never a speaker
    assert statements_of(f"The repairs on the northern bridge are proceeding {phrase}, the crews finished early.") == []


def test_according_to_the_way_is_how_not_who(statements_of):
    # manner: "the way we are supposed to" says how the fund is run; the quotation stays whole
    text = ("“We have no violations, and we are running the fund exactly according to the way we are supposed "
            "to,” Ruth Dane said.")
    s = only(statements_of(text))
    assert s.speaker.name == "Ruth Dane" and s.quote.text.endswith("supposed to,")


def test_according_to_the_plan_with_an_owner_still_names_a_source(statements_of):
    s = only(statements_of("Kell Harbor would lose its ferry by 2030, according to Mayor Ruth Dane's plan."))
    assert s.cue.text.startswith("according to")


@pytest.mark.parametrize("text", [
    "The two ports signed a protocol according to which the ferries will run again in May.",
    "The treaty must contain a provision according to which the guarantors consult within three days.",
])
def test_according_to_which_opens_a_relative_clause_not_a_source(statements_of, text):
    # relative: "which" is the protocol; the clause before it is no one's words
    assert statements_of(text) == []


def test_a_relative_according_to_inside_a_content_stays_in_it(statements_of):
    text = ("Ruth Dane spoke on Tuesday. According to her, the future treaty must contain a provision "
            "according to which the guarantors consult within three days.")
    s = only(statements_of(text))
    assert (s.speaker.name, s.quote.text) == (
        "Ruth Dane", "the future treaty must contain a provision according to which the guarantors consult "
        "within three days")


def test_a_set_phrase_of_saying_is_no_attribution(statements_of):
    # aside: "to say nothing of" is the writer's, and no one speaks
    assert statements_of("The harbour was flooded for days, to say nothing of the farms around it.") == []


def test_an_infinitive_of_saying_with_its_speaker_stays(statements_of):
    assert [s.cue.text for s in statements_of("The mayor wants to say that the ferry runs again.")]


@pytest.mark.parametrize("phrase", ["according to NATO standards", "according to international norms"])
def test_according_to_a_norm_is_no_attribution(statements_of, phrase):
    # norms: what the clause conforms to, even with a modifier; a standard never speaks
    assert statements_of(f"The new crews of the harbour are trained {phrase}.") == []


def test_according_to_the_criteria_of_an_owner_still_names_a_source(statements_of):
    assert statements_of("The harbour is unsafe, according to the inspectors' criteria.")


@pytest.mark.parametrize("text", [
    "The mayor of Kell Harbor must also publicly declare that the ferry will not be sold.",
    "The council should announce the new timetable before May.",
    # counterfactual: what he should have insisted on is what he did not say
    "The mayor should have insisted on getting all the ferries back.",
])
def test_what_someone_is_to_say_is_no_statement(statements_of, text):
    # obligation: a verb of saying under "must"/"should" has not been said
    assert statements_of(text) == []


@pytest.mark.parametrize("text", [
    "I must say that the ferry runs better than ever.",
    "The mayor must have said that the ferry would be sold.",
])
def test_a_performative_or_an_inferred_saying_stays(statements_of, text):
    assert statements_of(text)


def test_a_that_clause_parsed_as_a_relative_of_the_audience_is_the_content(statements_of):
    # "that" cannot be the object of a clause that has a subject and an object of its own
    s = statements_of("Harbour spokesperson Daniel Hagari told a media briefing that Kell Harbor is examining "
                      "the ferry proposal.")
    assert [(x.speaker.name, x.quote.text) for x in s] == [
        ("Daniel Hagari", "that Kell Harbor is examining the ferry proposal")]


def test_a_relative_clause_of_the_object_is_no_content(statements_of):
    assert statements_of("The mayor told a story that everyone had heard before.") == []


def test_that_parsed_as_a_preposition_still_opens_the_reported_clause(statements_of):
    # a sentence without a finite verb in its clause: the parser hangs "that" as a preposition
    text = ("Secretary of State Antony Blinken arrived in Brussels on Wednesday. He reiterated that the "
            "alliance's Article V, committing members to defend each other against external aggression, "
            "as the best way to ensure European security.")
    found = [s for s in statements_of(text) if s.cue is not None and s.cue.text == "reiterated"]
    assert len(found) == 1
    assert found[0].quote.text.startswith("that the alliance's Article V")
    assert "Blinken" in found[0].speaker.name


def test_a_comma_splice_is_not_what_the_later_verb_reports(statements_of):
    # the parser hangs the clause before the comma on "agreed", which has its own to-infinitive:
    # the first clause is Marta Ortega's request, not Dan Pike's words
    found = statements_of("Marta Ortega asked for more generators to heat the hospitals, Dan Pike agreed to "
                          "work with her to find what was available in Europe.")
    said = {(s.speaker.name, s.cue.text): s.quote.text for s in found}
    assert said[("Marta Ortega", "asked")] == "more generators to heat the hospitals"
    assert said[("Dan Pike", "agreed")].startswith("to work with her")
    assert not any("Ortega" in s.quote.text for s in found)
    # without a complement of its own the later verb reports the clause before it
    s = only(statements_of("The two sides must meet soon, the minister said."))
    assert s.quote.text == "The two sides must meet soon"


def test_the_owner_of_an_opinion_is_its_source(statements_of):
    # "In his opinion, …" vouches for the clause as "according to him" would; "his" takes up the
    # person named before, and the event that "has shown" something is nobody's speaker
    found = statements_of("Dan Pike spoke on Monday. In his opinion, the war in Kell has shown that the "
                          "ferry treaty must be revised.")
    assert [(s.speaker.name, s.cue.text) for s in found] == [("Dan Pike", "In his opinion")]
    assert found[0].quote.text.startswith("the war in Kell has shown")
    s = only(statements_of("The ferry treaty is dead, in Pike's view."))
    assert (s.speaker.name, s.quote.text) == ("Pike", "The ferry treaty is dead")
    # the speaker's own hedge, an opinion with no owner, and words that are no opinion of anyone
    assert [s.cue.text for s in statements_of("“In my opinion, the ferry is late,” the mayor said.")] == ["said"]
    assert statements_of("In the opinion of experts, the ferry is late.") == []
    assert statements_of("The same thing showed in Pike's blank stare and robotic words.") == []


def test_talks_that_show_something_are_nobodys_speaker(statements_of):
    # a joint statement: "The discussions showed meaningful progress" is the statement's own claim;
    # the discussions are not a speaker (they had stood in the ledger as "discussions")
    found = statements_of("Both sides agreed the consultations were highly productive. The discussions showed "
                          "meaningful progress toward aligning positions.")
    assert not any(s.speaker.name.lower() in {"discussions", "discussion"} for s in found)
    assert not any(s.speaker.name.lower() == "negotiations" for s in statements_of(
        "The negotiations showed that both delegations wanted a deal."))


def test_this_was_stated_by_reports_the_sentence_before(statements_of):
    # a release's claim first, its source after it: "this" points back across the sentence's start
    found = statements_of("The global goal is to restore the borders of the port district. This was stated by "
                          "Head of the Office of the President of Ukraine Dan Pike commenting on the talks.")
    assert [(s.speaker.name, s.quote.text) for s in found if s.cue.text == "was stated"] == [
        ("Dan Pike", "The global goal is to restore the borders of the port district")]
    # a quoted name in the attribution sentence is not what was said
    found = statements_of("The port will reopen in May. This was stated by Adviser to the Head of the Office of the "
                          "President of Ukraine Dan Pike in an interview for the TV channel \"Harbour 24\" on Monday.")
    assert [s.quote.text for s in found if s.cue.text == "was stated"] == ["The port will reopen in May"]
    found = statements_of("The war can only end through diplomacy. The Head of State said this during a "
                          "conversation with media representatives.")
    assert [s.quote.text for s in found if s.cue.text == "said"] == ["The war can only end through diplomacy"]


@pytest.mark.parametrize("text", [
    # "this" inside its own sentence, a verb of denial, a passive by no one named, an earlier quotation
    "Dan Pike claimed the port was attacked, but the ministry denied this.",
    "The port is open. This is written in their documents.",
    "“We will not give up,” Dan Pike said. He said this during a speech in Kell.",
])
def test_this_points_back_only_across_a_sentence_start_to_unclaimed_words(statements_of, text):
    found = statements_of(text)
    assert not any(s.cue.text in {"denied", "is written"} for s in found), [(s.cue.text, s.quote.text) for s in found]
    assert sum(1 for s in found if "give up" in s.quote.text) <= 1  # the quotation is not taken twice


def test_a_second_description_of_the_subject_is_no_second_speaker(statements_of):
    found = statements_of("Dan Pike, Adviser to the Head of the Harbour Office and a member of the harbour "
                          "delegation, said that the port would reopen.")
    assert [s.speaker.name for s in found] == ["Dan Pike"]


def test_a_quotation_after_a_bracketed_aside_goes_on_with_the_speaker_before_it(statements_of):
    text = ("Cecile Richards also spoke about the case before the Supreme Court. (The laws require that doctors "
            "have admitting privileges. The legislation also mandates three appointments for women who want to "
            "obtain medication abortions.)\n\n“Roe v. Wade is the law of the land, is a constitutional right. But "
            "I believe very firmly that it is not a right if you cannot access it.”")
    assert statements_of(text)[-1].speaker.name == "Cecile Richards"


def test_a_release_lede_with_our_sides_wish_is_the_named_speakers(statements_of):
    text = ("A ceasefire is among the key aspects of a peace agreement. But strategically, our state wants to "
            "have a concrete mechanism that will guarantee its security in the future. This was stated by "
            "Adviser to the Head of the Office Mykhailo Podolyak in an interview.")
    [s] = [s for s in statements_of(text) if "mechanism" in s.quote.text]
    assert s.speaker.name == "Mykhailo Podolyak"
    assert s.quote.text.startswith("But strategically, our state wants")


def test_a_release_lede_with_a_countrys_wish_is_the_named_speakers(statements_of):
    # what a state wants, as the sentence after credits it ("X emphasized this"), is X's claim
    text = ("Ukraine wants to sign an international treaty on security guarantees, which will give it reliable "
            "allies. Adviser to the Head of the Office Mykhailo Podolyak emphasized this during an online briefing.")
    found = statements_of(text)
    assert [(s.speaker.name, s.quote.text[:13]) for s in found] == [("Mykhailo Podolyak", "Ukraine wants")]


def test_a_consequence_the_parser_hung_beside_the_content_is_part_of_it(statements_of):
    text = ("Adviser Tomas Berg noted that sanctions have already ruined the Russian economy, so the Russian side "
            "seeks to reach some solutions in the negotiations.")
    [s] = statements_of(text)
    assert s.speaker.name == "Tomas Berg" and s.quote.text.endswith("so the Russian side seeks to reach some "
                                                                      "solutions in the negotiations")


@pytest.mark.parametrize(("text", "speaker", "content"), [
    # "as X put it" frames the words after it as X's
    ('As Mayor Dan Pike put it, "The bridge will open in May."', "Dan Pike", "The bridge will open in May."),
    ("As Ann Wood put it on Monday, the bridge will open in May.", "Ann Wood", "the bridge will open in May"),
])
def test_as_x_put_it_reports_what_follows(statements_of, text, speaker, content):
    found = statements_of(text)
    assert [(s.speaker.name, s.quote.text) for s in found] == [(speaker, content)]


def test_put_without_as_and_it_says_nothing(statements_of):
    assert statements_of("They put the bill to a vote on Monday.") == []


def test_reported_words_stop_before_another_cues_own_words(statements_of):
    # "… ,'' as she put it": the words run to the end of the sentence, but not over "as she"
    found = statements_of("Mrs. Ruiz pledges to ''make sure our economy works for everyone, not just those at the "
                          "top,'' as she put it on Monday.")
    assert [s.quote.text for s in found] == ["to ''make sure our economy works for everyone, not just those at the "
                                             "top,''"]


def test_a_cue_with_an_object_of_its_own_does_not_take_the_quotation_after_it(statements_of):
    # "explaining the deal" reports its object; the quotation is framed by "as … put it"
    found = statements_of("As the chief executive, Ann Wood, put it in her memo to employees explaining the deal, "
                          "\"Imagine a world where we lead.\"")
    assert [(s.speaker.name, s.quote.text) for s in found] == [("Ann Wood", "Imagine a world where we lead.")]


# --- whose quotation: the cue before it, the cue after it ------------------------------------------


def test_a_cue_with_an_adverb_before_the_next_quotation_opens_that_one(statements_of):
    text = ('Ortiz responds to Lopez with, "Why now? That was on my way to Lima?" Lopez then writes back, '
            '"You look great."')
    found = statements_of(text)
    assert [(s.speaker.name, s.quote.text) for s in found] == [
        ("Ortiz", "Why now? That was on my way to Lima?"), ("Lopez", "You look great.")]


def test_a_cue_that_reports_its_own_clause_does_not_take_the_quotation_in_the_sentence_before(statements_of):
    text = ('At a rally in Concord, 14-year-old Ann Pell hoisted a sign that read "15%!" Her father, Brad, 39, '
            "worried that too many voters limit themselves.")
    assert [s.quote.text for s in statements_of(text)] == ["that too many voters limit themselves"]
    # a quotation that opens its sentence, or ends in a comma, is the words before the frame
    found = statements_of('"The Fed has been laying down sign posts everywhere." Greene added that the bank '
                          "wants to move before the election.")
    assert {s.speaker.name for s in found} == {"Greene"} and len(found) == 2


def test_a_cue_in_another_clause_before_a_quotation_is_not_its_cue(statements_of):
    text = ("Boos rained down when Ruiz mentioned the former governor, and at one point the crowd reprised "
            'the chant "Lock her up! Lock her up!" that rang through the arena.')
    assert all("Lock her up" not in s.quote.text for s in statements_of(text))
    # a clause of the cue's own that runs on, or one the cue frames, keeps it
    found = statements_of('Ortiz went on offense on Monday, saying he would abdicate leadership, his world view '
                          'is "dangerously wrong" and he is a "bully."')
    assert any("dangerously wrong" in s.quote.text for s in found)
    found = statements_of('But, Carson added, he did not support issuing quarantines "willy-nilly."')
    assert [s.cue.text for s in found if "willy-nilly" in s.quote.text] == ["added"]


def test_a_name_the_tagger_took_for_an_adverb_after_an_inverted_cue_speaks(statements_of):
    # "Skelly" is tagged an adverb; the text named him in full before; "explaining" goes on from him
    text = ("But Bill Skelly, a longtime data operative, vouched for both men. “Having access to the file is "
            "valuable,” said Skelly, explaining he worked more closely with one of them.")
    assert [(s.cue.text, s.speaker.name) for s in statements_of(text)] == [
        ("said", "Bill Skelly"), ("explaining", "Bill Skelly")]


def test_a_quotation_after_demurred_is_the_demurral(statements_of):
    found = statements_of("Asked which county was his favorite, he demurred: “Whichever one I’m in at the moment.”")
    assert [s.cue.text for s in found if s.kind == "direct"] == ["demurred"]


@pytest.mark.parametrize("text, said, participle, speaker", [
    ("Moscow accused Kyiv of shelling the plant, a claim Kyiv rejected, saying Russian troops had mined the site.",
     "Kyiv of shelling the plant", "saying", "Kyiv"),
    ("The governor said the vote had been rigged, a charge that party leaders strongly denied, noting that they "
     "had used the same system since 2004.", "the vote had been rigged", "noting", "party leaders"),
])
def test_a_participle_after_a_claim_someone_denied_is_the_deniers(statements_of, text, said, participle, speaker):
    found = statements_of(text)
    assert found[0].quote.text == said  # "a claim Kyiv rejected" is the reporter's, not what was said
    assert [s.speaker.name for s in found if s.cue.text == participle] == [speaker]


def test_a_participle_after_a_relative_clause_on_a_thing_is_the_subjects(statements_of):
    found = statements_of("The minister praised the deal, which the opposition criticized, saying it would help "
                          "farmers.")
    assert [s.speaker.name for s in found if s.cue.text == "saying"] == ["minister"]


def test_a_reaction_the_reporter_notes_after_the_clause_is_no_part_of_it(statements_of):
    s = only(statements_of("The commission president said the union would present its sanctions package next week, "
                           "a move welcomed by Kyiv."))
    assert s.quote.text == "the union would present its sanctions package next week"


def test_a_contrasting_clause_after_the_words_is_someone_elses_statement(statements_of):
    found = statements_of('The president said the meeting was "very good," while the visiting chancellor described '
                          'it as "productive."')
    assert [(s.cue.text, s.quote.text) for s in found] == [
        ("said", 'the meeting was "very good,"'), ("described", 'it as "productive."')]
    # fronted, it is part of what was said
    found = statements_of("The poll found that, while 37 percent of voters say the mayor is responsible, 39 percent "
                          "blame his supporters.")
    assert any(s.cue.text == "found" and "39 percent blame his supporters" in s.quote.text for s in found)


def test_going_on_continues_the_named_speaker_not_the_last_one(statements_of):
    found = statements_of('Anna Lindqvist spoke first. "We will win this," Karl Berg said.\n\n'
                          '"It is a long road," Lindqvist went on. "But we will get there."\n\n'
                          'She went on: "It is like a house on fire."')
    assert [(s.cue.text, s.speaker.name) for s in found] == [
        ("said", "Karl Berg"), ("went on", "Anna Lindqvist"), ("went on", "Anna Lindqvist")]


@pytest.mark.parametrize(("text", "cue"), [
    ('"It is a long road," Karl Berg went on.', True),
    ("The ferry went on a tour of the islands.", False),
    ("Berg went on television on Monday.", False),
    ("Berg went on to say the port was safe.", False),
])
def test_going_on_is_a_cue_only_with_nothing_after_its_particle(nlp, text, cue):
    # read on the parse: a quote-only cue never makes a statement without a quotation, so the
    # sentences without one could not show a cue too many
    from onrecord.extraction.cues import going_on_cue

    went = next(t for t in nlp(text) if t.lower_ == "went")
    assert (going_on_cue(went) is not None) is cue


def test_a_long_show_title_after_the_cue_is_no_second_statement(statements_of):
    found = statements_of('"Ferries, ferries, ferries," Karl Berg said on "The Late Hour With Anna Lindqvist" '
                          'last month.')
    assert [(s.kind, s.quote.text) for s in found] == [("direct", "Ferries, ferries, ferries,")]


def test_an_interviewer_pressing_asks_the_question_quoted_before(statements_of):
    found = statements_of('Karl Berg answered the first question at length. "Will the ferry be paid for by the '
                          'port?" Anna Lindqvist pressed. "Or by the islanders?"')
    assert [(s.kind, s.cue.text, s.speaker.name) for s in found] == [("question", "pressed", "Anna Lindqvist")]


def test_a_quote_only_cue_with_a_that_clause_of_its_own_still_reports_it(statements_of):
    # "continued" and "pressed" frame quotations; with a that-clause they report it as any verb does
    found = statements_of("Mayor Karl Berg continued that the ferry would be paid for by the port.")
    assert [(s.cue.text, s.speaker.name, s.quote.text) for s in found] == [
        ("continued", "Karl Berg", "that the ferry would be paid for by the port")]


def test_a_retort_after_a_quotation_is_the_one_who_retorts(statements_of):
    found = statements_of('Karl Berg said the port had lost its way: "The port is no longer a port," he claimed. '
                          '"The port will always be the port," an angry Anna Lindqvist retaliated. "It never '
                          'gives up."\n\n"That is false," Tomas Ek countered. Ines Halvorsen retorted that the '
                          'figures were old.')
    named = [(s.cue.text, s.speaker.name) for s in found]
    assert ("retaliated", "Anna Lindqvist") in named and ("countered", "Tomas Ek") in named
    assert ("retorted", "Ines Halvorsen") in named
    assert [s.speaker.name for s in found if "always be the port" in s.quote.text] == ["Anna Lindqvist"]


@pytest.mark.parametrize(("text", "statements"), [
    # the frame after the quotation reports the quotation alone, not the reporter's words before the colon
    ('Karl Berg was defiant on Tuesday: "I will win this vote," he said.',
     [("said", "direct", "I will win this vote,")]),
    # a cue before the colon ends its content there when the quotation has a frame of its own
    ('The minister, Anna Lindqvist, repeated that the talks had failed: "There is nothing left to discuss," '
     'she said.',
     [("repeated", "indirect", "that the talks had failed"), ("said", "direct", "There is nothing left to discuss,")]),
])
def test_a_colon_parts_the_reporters_words_from_a_quotation_with_its_own_frame(statements_of, text, statements):
    assert [(s.cue.text, s.kind, s.quote.text) for s in statements_of(text)] == statements


def test_a_bare_verb_going_on_with_a_list_of_acts_says_nothing(statements_of):
    # "maintain" after "forced to defend itself," continues what the port is forced to do; the
    # parse makes it the root with the sentence before as its clause, which would be a statement
    found = statements_of("According to the Mayor, this is in fact the only option in a situation where the port "
                          "is forced to defend itself, maintain a strong fleet during the long strike.")
    assert [s.cue.text for s in found] == ["According to"]


def test_a_frame_after_a_full_stop_introduces_only_the_next_quotation(statements_of):
    # the first quotation closes its sentence: "To which she said," is a new sentence, and its cue
    # introduces the quotation after it, never both (they are two people's words)
    text = ("My aunt was upset, so I had to change my answer: “The ships will come back. I am sure of it.” To which "
            "she said, “Then we wait another year.”")
    found = [s for s in statements_of(text) if s.cue is not None and s.cue.text == "said"]
    assert [s.quote.text for s in found] == ["Then we wait another year."]


def test_a_parenthetical_cue_in_a_clause_with_quoted_words_is_a_mixed_statement(statements_of):
    # the subject is the reporter's, the verb and its objects quoted: the clause around the cue
    s = only(statements_of("Farmers, the minister said, can “weather the storm” and “plant again next spring.”"))
    assert s.kind == "mixed" and s.cue.text == "said" and s.speaker.name == "minister"
    assert s.quote.text == "Farmers … can “weather the storm” and “plant again next spring.”"


def test_a_parenthetical_clause_takes_the_rest_of_a_quotation_it_cuts(statements_of):
    text = "The port, Tom Hale wrote, “has never been busier. Ships wait for days. Crews sleep on deck.”"
    s = only(statements_of(text))
    assert (s.kind, s.speaker.name) == ("mixed", "Tom Hale")
    assert s.quote.text == "The port … has never been busier. Ships wait for days. Crews sleep on deck.”"


def test_a_parenthetical_clause_leaves_the_next_quotation_and_its_mark(statements_of):
    text = "The answer, Lena Ward said, was simple. ''Sell the boat,'' she said."
    first, second = statements_of(text)
    assert (first.speaker.name, first.quote.text) == ("Lena Ward", "The answer … was simple")
    assert second.quote.text == "Sell the boat,"


def test_a_quoted_subject_leaves_the_quotation_to_the_quotation_rules(statements_of):
    s = only(statements_of("In a statement, the ministry said, “We will not comment on the report.”"))
    assert (s.kind, s.quote.text) == ("direct", "We will not comment on the report.")


@pytest.mark.parametrize("text, content", [
    # the parse makes the bare reported clause an adverbial clause with the time as its own adjunct
    ("Tom Hale said after the meeting he would not accept the offer.", "he would not accept the offer"),
    ("The minister said during the talks Russia would not retreat.", "Russia would not retreat"),
])
def test_a_bare_clause_after_a_time_of_saying_is_what_was_said(statements_of, text, content):
    s = only(statements_of(text))
    assert (s.kind, s.cue.text, s.quote.text) == ("indirect", "said", content)


@pytest.mark.parametrize("verb", ["proclaimed", "whispered", "muttered", "recounted", "grumbled"])
def test_more_verbs_of_saying_introduce_quotations(statements_of, verb):
    s = only(statements_of(f"“The market will hate this deal,” Lena Ward {verb}."))
    assert (s.kind, s.cue.text, s.speaker.name) == ("direct", verb, "Lena Ward")


def test_a_cue_controlled_by_the_contents_subject_stays_in_the_content(statements_of):
    # "arguing" has no subject of its own: the campaign argues, inside what he said about it
    text = ("He said the campaign remained committed to trying to persuade delegates to change their votes by "
            "arguing that Ward would be a stronger candidate.")
    s = next(s for s in statements_of(text) if s.cue.text == "said")
    assert s.quote.text.startswith("the campaign remained committed to trying to persuade delegates")


def test_a_gerund_after_a_verb_of_saying_opens_the_reported_clause(statements_of):
    s = only(statements_of("He said legalizing it could put thousands of people to work in the north."))
    assert (s.kind, s.quote.text) == ("indirect", "legalizing it could put thousands of people to work in the north")


def test_the_reporters_second_predicate_is_cut_off_where_it_begins(statements_of):
    # the parser hangs "accused" on "know", deep in the content: the content still runs to it
    text = ("Party leader Tom Hale said the warning was indicative that the minister did not know what he was "
            "talking about, and accused the government of putting words in his mouth.")
    found = {s.cue.text: s for s in statements_of(text)}
    assert found["said"].quote.text == ("the warning was indicative that the minister did not know what he was "
                                        "talking about")
    assert found["accused"].speaker.name == "Tom Hale"


@pytest.mark.parametrize("text, content", [
    ("When Francis said Mr. Trump ''is not Christian'' in answering a reporter's question on his return flight from "
     "Mexico, the Latin American pope not only served up red meat for global media but also waded into the election.",
     "Mr. Trump ''is not Christian'' in answering a reporter's question on his return flight from Mexico"),
    # a relative clause inside the content is no main clause
    ("After aides insisted that Ward would not be used to reach rural voters, whose support appeared steady for "
     "Hale, the campaign sent her to six cities.",
     "that Ward would not be used to reach rural voters, whose support appeared steady for Hale"),
])
def test_a_cue_in_a_subordinate_clause_reports_no_further_than_that_clause(statements_of, text, content):
    s = next(s for s in statements_of(text) if s.cue.text in {"said", "insisted"})
    assert s.quote.text == content


@pytest.mark.parametrize("text", [
    "Leaders from both countries are heading to Oslo tomorrow to discuss the fishing quotas.",
    "Tom Hale travelled to Bergen on Friday to sign a deal and to discuss a potential truce with the rebels.",
    "The mayor and the governor arrived in the city to support the striking workers.",
])
def test_an_infinitive_of_purpose_is_no_statement(statements_of, text):
    assert [s.cue.text for s in statements_of(text) if s.cue is not None] == []


@pytest.mark.parametrize("text, cue", [
    ("Lena Ward switched from Russian to English to tell the visitor, “Next time in Oslo,” and smiled.", "to tell"),
    ("After the vote Tom Hale went on to discuss the budget for the coming year.", "to discuss"),
    ("The two leaders agreed to discuss the fishing quotas at their next meeting.", "agreed"),
])
def test_words_said_or_what_came_next_are_still_statements(statements_of, text, cue):
    assert cue in [s.cue.text for s in statements_of(text) if s.cue is not None]


@pytest.mark.parametrize("text, cue, speaker, content", [
    # the parse hangs the quotation on "concludes"; "saying", right before it, reports it
    ("The spot concludes with footage of Trump saying during the debate last week, “That makes me smart.”",
     "saying", "Donald Trump", "That makes me smart."),
    # the parse hangs the clause on "told"; what was admitted follows "admitted" and its adjuncts
    ("“You should resign,” Warren told Stumpf, after he admitted under Warren’s grilling he hadn’t yet been held "
     "personally accountable for the actions of his employees.", "admitted", None,
     "he hadn’t yet been held personally accountable for the actions of his employees"),
])
def test_a_clause_right_after_a_nearer_cue_is_that_cues(statements_of, text, cue, speaker, content):
    s = next(s for s in statements_of(text) if s.cue.text.endswith(cue))
    assert s.quote.text == content and (speaker is None or s.speaker.name == speaker)


@pytest.mark.parametrize("text", [
    "He said, speaking at the summit, that the talks went well.",  # a frame of "said"
    "She stated that if a referendum is announced in the region, the country will leave the talks.",  # a condition
])
def test_a_frame_or_a_condition_takes_no_clause_from_its_cue(statements_of, text):
    cues = [s.cue.text for s in statements_of(text)]
    assert cues == [text.split()[1].rstrip(",")]


def test_according_to_in_parentheses_vouches_for_the_parentheses_only(statements_of):
    text = ("Trump cites his followers as the source of his claim that the rate is 81 percent (the actual number is "
            "closer to 15 percent, according to Factcheck.org). He defended his position by citing a poll.")
    found = {s.speaker.name: s.quote.text for s in statements_of(text) if s.cue.text == "according to"}
    assert found == {"Factcheck.org": "the actual number is closer to 15 percent"}


@pytest.mark.parametrize(("text", "speaker"), [
    ("Even the organizer of a pro-Trump rally said the rules increased the chance of violence.",
     "organizer of a pro-Trump rally"),
    ("Nearly half said they prefer someone with experience in politics.", "Nearly half"),
])
def test_a_linking_adverb_is_no_part_of_the_speaker(statements_of, text, speaker):
    # mentions.LINKING_ADVERBS: "even" goes, "nearly" (how many) stays
    assert [s.speaker.name for s in statements_of(text)] == [speaker]


def test_a_relative_that_tagged_as_a_conjunction_takes_its_noun(statements_of):
    text = ("Mr. Sanders showed no sign of backing down, releasing a statement that, while condemning violence, "
            "accused the leadership of abuse.")
    assert "that" not in {s.speaker.name for s in statements_of(text)}


@pytest.mark.parametrize(("text", "not_speaker", "speaker_word"), [
    ("A redacted copy of the inspector general's memo seen by Reuters said investigators were unable to determine "
     "which files had been taken.", "Reuters", "memo"),
    # the one who issued a document is its author: kept
    ("A poll of 400 voters released on Friday by Latino Decisions found that support had fallen.", None,
     "Latino Decisions"),
])
def test_who_got_hold_of_a_document_is_not_its_speaker(statements_of, text, not_speaker, speaker_word):
    # mentions.ACCESS_LEMMAS: "seen by", "obtained by" drop out of the speaker's phrase; "released by" stays
    (found,) = statements_of(text)
    assert speaker_word in found.speaker.name and (not_speaker is None or not_speaker not in found.speaker.name)
