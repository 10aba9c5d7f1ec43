"""Semicolon rule (content.py): a semicolon outside quotation marks ends a reported clause, and
no cue reports a clause on the other side of one."""


def by_cue(statements, cue):
    return [s for s in statements if s.cue is not None and s.cue.text == cue]


def test_a_reported_clause_ends_at_a_semicolon(statements_of):
    text = "Officials said the delay was not deliberate; they learned of the fault on Friday and reported it at once."
    (said,) = by_cue(statements_of(text), "said")
    assert said.quote.text == "the delay was not deliberate"


def test_a_semicolon_inside_a_quotation_is_the_speakers(statements_of):
    (said,) = by_cue(statements_of('She said the plan "works; it always has."'), "said")
    assert "it always has" in said.quote.text


def test_no_cue_reports_the_clause_before_a_semicolon(statements_of):
    found = statements_of("World leaders denounce the missile test; Obama, others vow consequences.")
    assert not any("denounce" in s.quote.text for s in by_cue(found, "vow"))
    (denounce,) = by_cue(found, "denounce")
    assert denounce.quote.text == "the missile test"
