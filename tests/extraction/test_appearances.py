"""Appearance rule (appearances.py): "X seems to …" reports how X appears to the writer, with no
speaker; sentences we write."""


def by_cue(statements, cue):
    return [s for s in statements if s.cue is not None and s.cue.text == cue]


def test_a_subject_that_seems_to_be_something_is_a_statement_without_a_speaker(statements_of):
    text = "The new mayor seems to have forgotten her promise to the fishermen."
    (seems,) = by_cue(statements_of(text), "seems")
    assert [text[g.start : g.end] for g in seems.quote.segments] == [
        "The new mayor", "to have forgotten her promise to the fishermen"]
    assert seems.speaker.type == "unknown" and seems.speaker.mention is None
    assert seems.kind == "indirect"


def test_appear_with_an_infinitive_ends_before_an_aside(statements_of):
    text = "The shortage of nurses appears to be a real problem for the hospital, which opened in May."
    (appears,) = by_cue(statements_of(text), "appears")
    assert appears.quote.segments[1].end == text.index(", which")


def test_an_infinitive_of_saying_is_the_cue_not_the_appearance(statements_of):
    found = statements_of("The minister appeared to suggest that the tax would rise next year.")
    assert not by_cue(found, "appeared")
    assert any("the tax would rise" in s.quote.text for s in found)


def test_no_appearance_without_a_subject_or_an_infinitive(statements_of):
    assert not by_cue(statements_of("It seems to be raining again in the valley."), "seems")
    assert not by_cue(statements_of("The singer appeared on stage at nine."), "appeared")
    assert not by_cue(statements_of("The host asked about what appeared to be a reference to the mayor."), "appeared")


def test_an_appearance_inside_reported_words_is_part_of_them(statements_of):
    text = "The senator said the talks appear to have stalled."
    found = statements_of(text)
    assert not by_cue(found, "appear")
    (said,) = by_cue(found, "said")
    assert said.quote.text == "the talks appear to have stalled"


def test_an_adjective_or_a_likeness_is_what_the_subject_appears(statements_of):
    text = "The delegates seemed deeply unhappy with the compromise."
    (seemed,) = by_cue(statements_of(text), "seemed")
    assert [text[g.start : g.end] for g in seemed.quote.segments] == [
        "The delegates", "deeply unhappy with the compromise"]
    text = "From abroad, the network can seem like just another broadcaster."
    (seem,) = by_cue(statements_of(text), "can seem")
    assert text[seem.quote.segments[1].start : seem.quote.segments[1].end] == "like just another broadcaster"


def test_it_appears_that_reports_the_clause(statements_of):
    text = "It appears that the final vote was closer than the count suggested."
    (appears,) = by_cue(statements_of(text), "appears")
    assert appears.quote.text == "that the final vote was closer than the count suggested"
    assert appears.speaker.mention is None


def test_to_whom_it_appears_is_the_source(statements_of):
    text = "The new timetable seemed reasonable to the mayor."
    (seemed,) = by_cue(statements_of(text), "seemed")
    assert seemed.speaker.mention.text == "the mayor"
    assert [text[g.start : g.end] for g in seemed.quote.segments] == ["The new timetable", "reasonable"]
