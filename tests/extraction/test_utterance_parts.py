"""The parts of one utterance and the words around a set-off cue, on sentences we write:
full-stop rule, frame-phrase rule, frame-between rule (quotations.py), nominal-host and
fronted-clause rules (asides.py), the as-clause rule and "made clear that" (content.py)."""

import pytest


def by_cue(statements, cue):
    return [s for s in statements if s.cue is not None and s.cue.text == cue]


def segments(text, statement):
    return [text[g.start : g.end] for g in statement.quote.segments]


def test_a_reported_clause_ends_at_the_full_stop_before_a_quotation(statements_of):
    text = (
        "He said the new library filled a gap in the town. ''We have waited twenty years for this,'' he said. "
        "''Now the children have somewhere to go.''"
    )
    found = statements_of(text)
    (indirect,) = [s for s in found if s.kind == "indirect"]
    assert indirect.quote.text == "the new library filled a gap in the town"
    (direct,) = [s for s in found if s.kind == "direct"]
    assert segments(text, direct) == ["We have waited twenty years for this,", "Now the children have somewhere to go."]


def test_a_participle_of_the_frame_stands_between_the_parts_of_one_utterance(statements_of):
    text = (
        "“Every time you repeat that,” Ms. Lind said, referring to the budget figure, "
        "“you hand your critics another argument.”"
    )
    found = statements_of(text)
    (said,) = by_cue(found, "said")
    assert segments(text, said) == ["Every time you repeat that,", "you hand your critics another argument."]
    (referring,) = by_cue(found, "referring")
    assert referring.quote.text == "the budget figure"


def test_a_verb_of_saying_with_its_own_clause_is_not_the_frame(statements_of):
    text = (
        "“The bridge was never safe,” Mr. Olsen said, adding that he had warned the council twice. "
        "“Nobody listened to the engineers.”"
    )
    found = statements_of(text)
    assert not any(len(s.quote.segments) > 1 for s in found)
    assert any(s.quote.text == "The bridge was never safe," for s in found)


def test_a_quotation_after_the_frame_and_a_conjunction_is_a_second_part(statements_of):
    text = "“We will win this county,” the governor said, but “nobody should take it for granted.”"
    (said,) = by_cue(statements_of(text), "said")
    assert said.kind == "direct"
    assert segments(text, said) == ["We will win this county,", "nobody should take it for granted."]
    assert said.speaker.mention.text == "the governor"


def test_a_quoted_title_after_the_frame_is_no_second_part(statements_of):
    text = "“We need better schools,” Pence said on the program “State of Affairs.”"
    found = statements_of(text)
    assert not any(s.kind == "direct" and len(s.quote.segments) > 1 for s in found)


def test_a_cue_hung_on_the_subject_reports_the_whole_clause_around_it(statements_of):
    text = "The difference now, he told me on Friday, is that the station has a second owner."
    (told,) = by_cue(statements_of(text), "told")
    assert segments(text, told) == ["The difference now", "is that the station has a second owner"]


def test_a_clause_fronted_before_a_set_off_cue_is_part_of_what_was_said(statements_of):
    text = "Though the first merger went smoothly, the director said, a second one would be much harder."
    (said,) = by_cue(statements_of(text), "said")
    assert segments(text, said) == ["Though the first merger went smoothly", "a second one would be much harder"]


def test_according_to_before_a_quotation_reports_the_whole_quotation(statements_of):
    text = "According to Ms. Berg, “if it were up to the council, the bridge would reopen in May. Nobody asked us.”"
    (according,) = by_cue(statements_of(text), "According to")
    assert according.kind == "direct"
    assert according.quote.text == "if it were up to the council, the bridge would reopen in May. Nobody asked us."


def test_a_conjunction_between_the_parts_is_the_frames(statements_of):
    text = (
        "Ms. Ruiz dismissed the report as the work of a rival firm. "
        '"You know, I admire Paul," she said, but "when it comes to budgets, Paul has a history of overspending."'
    )
    (said,) = by_cue(statements_of(text), "said")
    assert said.kind == "direct"
    assert segments(text, said) == [
        "You know, I admire Paul,", "when it comes to budgets, Paul has a history of overspending."]


def test_an_inner_attribution_after_a_dash_cuts_the_content_at_the_dash(statements_of):
    text = (
        "Rep. Ana Ruiz called on President Lee to retaliate against Norway for interference in the fishing talks "
        "-- meddling the Oregon congresswoman said is designed to sow discord in the industry."
    )
    (called,) = by_cue(statements_of(text), "called")
    assert called.quote.text == "President Lee to retaliate against Norway for interference in the fishing talks"


def test_a_time_opening_a_bare_reported_clause_is_when_it_was_said(statements_of):
    text = "The mayor told residents this weekend she would resign if the council did not pass the budget."
    (told,) = by_cue(statements_of(text), "told")
    assert told.quote.text == "she would resign if the council did not pass the budget"


def test_a_closing_participle_with_an_adverb_first_is_the_reporters(statements_of):
    text = (
        "The mayor said she would resign if the council did not pass the budget, "
        "implicitly staking her career on the vote."
    )
    (said,) = by_cue(statements_of(text), "said")
    assert said.quote.text == "she would resign if the council did not pass the budget"


def test_a_cue_hung_on_a_fronted_clause_reports_the_clause_it_opens(nlp):
    # the parse a longer article gave: "said" hung on the fronted clause's verb, not on the main one
    from spacy.tokens import Doc

    from onrecord.extraction.asides import clause_of_host

    words = ["Though", "it", "was", "smooth", ",", "he", "said", ",", "this", "would", "be", "bitter", "."]
    heads = [2, 2, 10, 2, 6, 6, 2, 6, 10, 10, 10, 10, 10]
    deps = ["mark", "nsubj", "advcl", "acomp", "punct", "nsubj", "parataxis", "punct", "nsubj", "aux", "ROOT",
            "acomp", "punct"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps)
    said = doc[6]
    assert clause_of_host(said.head, said).text == "be"
    assert clause_of_host(doc[10], said).text == "be"  # hung on the main verb: that verb's clause


def test_a_time_clause_after_the_cue_is_not_what_was_said(nlp):
    # the parse an article gave: "said before he died" with the time clause as the verb's complement
    from spacy.tokens import Doc

    from onrecord.extraction.content import is_time_clause

    words = ["as", "Lind", "said", "before", "she", "died", "."]
    heads = [2, 2, 2, 5, 5, 2, 2]
    deps = ["mark", "nsubj", "ROOT", "mark", "nsubj", "ccomp", "punct"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps)
    assert is_time_clause(doc[5])
    words = ["Lind", "said", "that", "she", "left", "."]
    deps = ["nsubj", "ROOT", "mark", "nsubj", "ccomp", "punct"]
    doc = Doc(nlp.vocab, words=words, heads=[1, 1, 4, 4, 1, 1], deps=deps)
    assert not is_time_clause(doc[4])


@pytest.mark.parametrize(("text", "content"), [
    # an "as" clause with a thing for its object tells what was done then: no report
    ("As the two leaders concluded their remarks at the base, Hale thanked Varga and said they would meet again.",
     ["they would meet again"]),
    ("The rebels lost ground as the army claims more territory from them, officials said.",
     ["The rebels lost ground as the army claims more territory from them"]),
    # one addressed, or the aside's own "it", still reports the clause it qualifies
    ("As Hale told the Daily News, tax relief is given in exchange for creating jobs.",
     ["tax relief is given in exchange for creating jobs"]),
    # "made clear that …": the clause, not the adjective of the phrase
    ("Varga made clear that she did not seek only economic decoupling from Kessa.",
     ["that she did not seek only economic decoupling from Kessa"]),
])
def test_as_clauses_with_an_object_and_made_clear(statements_of, text, content):
    assert [s.quote.text for s in statements_of(text)] == content


@pytest.mark.parametrize("text", [
    '"This is a historic day," Lena Ward told CBS News\' "Face the Nation" on Sunday.',
    "“This is a historic day,” Lena Ward said in an interview with “Morning Edition.”",
    "“This is a historic day,” Lena Ward said, showing off a “Peace Now” cap.",
])
def test_a_quotation_in_the_frame_after_the_cue_is_no_part_of_what_was_said(statements_of, text):
    # frame rule (quotations.extend_into_quotation): a title or a term the frame quotes after the
    # cue; the content never runs over its own cue
    said = [s for s in statements_of(text) if s.cue is not None and s.cue.text in {"told", "said"}]
    assert [(s.kind, s.quote.text) for s in said] == [("direct", "This is a historic day,")]


def test_a_second_part_opened_by_two_apostrophes_joins_the_first(statements_of):
    # a pair of apostrophes printed for the opening mark after the frame's comma
    text = "The streets were empty, he added, ''but people need to connect somehow.''"
    (added,) = by_cue(statements_of(text), "added")
    assert added.kind == "mixed" and len(added.quote.segments) == 2
    assert "somehow" in added.quote.text and "he added" not in added.quote.text


@pytest.mark.parametrize("text, content", [
    ("The council will respond, Anna Berg said, according to Interfax.", "The council will respond"),
    ("Lundby will answer the strike, Anna Berg said, according to Interfax.", "Lundby will answer the strike"),
])
def test_a_frame_after_a_clause_whose_verb_is_a_cue_reports_that_clause(statements_of, text, content):
    # "respond"/"answer" are cues, but the frame set off after their clause is its speaker, not
    # their words, and "according to" then names the agency that relayed it (frame rule)
    assert [(s.speaker.name, s.cue.text, s.quote.text) for s in statements_of(text)] == [
        ("Anna Berg", "said", content)]
