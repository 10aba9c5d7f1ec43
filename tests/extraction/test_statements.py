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


def test_a_fronted_according_to_ends_at_its_comma(statements_of):
    s = only(statements_of("According to the Danish minister, Norway, along with Sweden, had been trying to help."))
    assert s.speaker.mention.text == "the Danish minister"
    assert s.quote.text.startswith("Norway, along with Sweden")


def test_a_trailing_according_to_is_not_part_of_the_content(statements_of):
    s = only(statements_of("The border will stay closed until May, according to a spokesman for the ministry."))
    assert s.quote.text == "The border will stay closed until May"


def test_an_outlet_that_relays_someone_s_words_is_not_their_speaker(statements_of):
    s = only(statements_of("According to the Daily Ledger, the minister said the border would stay closed."))
    assert s.cue.text == "said" and s.speaker.name == "minister"
