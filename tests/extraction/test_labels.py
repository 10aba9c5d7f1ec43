"""Speaker labels: "Name: words" paragraphs in transcripts and quote round-ups."""

from __future__ import annotations


def test_round_up_of_quotes_under_labels(statements_of):
    text = ("Support came from across the alliance.\n\n"
            "Foreign Minister Ana Silva: “We stand with the mission and we will pay our share.”\n\n"
            "Senator Karl Berg: “This is the right call at the right time.”")
    found = statements_of(text)
    assert [(s.kind, s.speaker.name) for s in found] == [("direct", "Ana Silva"), ("direct", "Karl Berg")]
    assert found[0].quote.text == "We stand with the mission and we will pay our share."
    assert found[0].cue is not None and found[0].cue.text == ":"


def test_transcript_turns_go_on_until_the_next_label(statements_of):
    text = ("KERR: Will you sign the agreement this week?\n\n"
            "President Lidia Varga: We are close. The text is nearly ready.\n\n"
            "There are two questions left, and both are about the border.\n\n"
            "Q: And if they refuse?\n\n"
            "Nobody knows.")
    found = statements_of(text)
    speakers = [(s.speaker.name, s.quote.text[:20]) for s in found]
    assert speakers[:3] == [("KERR", "Will you sign the ag"), ("Lidia Varga", "We are close. The te"),
                            ("Lidia Varga", "There are two questi")]
    assert all(s.cue is not None and s.cue.cls == "transcript" for s in found[:3])
    # the interviewer's turn asks; the answers are unquoted, so indirect
    assert [s.kind for s in found[:3]] == ["question", "indirect", "indirect"]
    assert not any("Nobody knows" in s.quote.text for s in found), "a questioner's label ends the turn"


def test_headings_datelines_and_speech_cues_are_not_labels(statements_of):
    assert statements_of("Update: the talks resume on Monday in Geneva after a short break.") == []
    assert statements_of("WASHINGTON: The talks resume on Monday in Geneva after a short break.") == []
    found = statements_of("He said: “We will be back in Geneva on Monday.”\n\n")
    assert [s.cue.text for s in found if s.cue] == ["said"]


def test_section_words_and_headings_are_not_speakers(statements_of):
    assert statements_of("Flashback: the mayor was under investigation for two years before the vote.") == []
    assert statements_of("Little Relief for Farmers: The drought is the sort of crisis the fund was made for.") == []
    # a newsletter's section in capitals names no one; a title in capitals before "of" does
    text = ("The show has run since 2013.\n\nSTAT OF THE WEEK: $43 million, the subsidy the port approved for the "
            "move, Dana Rubin at the Harbour Post reports.")
    assert all(s.speaker.name != "STAT OF THE WEEK" for s in statements_of(text))
    found = statements_of("MINISTER OF FOREIGN AFFAIRS: We will be back in Geneva on Monday.")
    assert [s.speaker.type for s in found] == ["role"]


def test_a_colon_inside_a_sentence_is_no_label(statements_of):
    text = "Mr. Holm never tires of telling the story of Oslo: In 2009 the talks were about to fail."
    assert not any(s.cue is not None and s.cue.text == ":" for s in statements_of(text))


def test_a_transcript_label_after_an_opening_quotation_mark(statements_of):
    text = "“DORN: Well, look, the question is why the vote was moved at all."
    found = statements_of(text)
    assert [s.speaker.name for s in found] == ["DORN"]


def test_the_article_before_a_title_label_and_a_bare_q_paragraph(statements_of):
    text = ("THE CHAIR: The meeting is open. We will vote on the budget today.\n\n"
            "Q Madam Chair, will the vote be public?\n\n"
            "THE CHAIR: It will be public.")
    found = statements_of(text)
    assert [s.quote.text for s in found] == ["The meeting is open. We will vote on the budget today.",
                                             "It will be public."]
    assert all(s.cue is not None and s.cue.cls == "transcript" for s in found)


def test_a_transcript_run_together_into_one_block_has_its_labels_at_sentence_starts(statements_of):
    text = ("President of Finland Mikko Laine: Colleagues, the ministry will report on the port today. "
            "Foreign Minister Maria Ivanova: Mr President, we have worked on it since May. They said that the "
            "answer would come in June. I think that the answer will come soon. Mikko Laine: Thank you.")
    turns = [(s.speaker.name, s.quote.text) for s in statements_of(text) if s.cue.text == ":"]
    assert [name for name, _ in turns] == ["Mikko Laine", "Maria Ivanova", "Mikko Laine"]
    # her narration and her "I think" are in her turn: her words, not a statement of no one's
    assert turns[1][1].startswith("Mr President") and turns[1][1].endswith("the answer will come soon.")


def test_a_transcripts_turn_goes_on_over_paragraphs_with_statements_of_their_own(statements_of):
    text = ("JOHN PETERSON: What about the port?\n\n"
            "THE PRESIDENT: We will talk about the port.\n\n"
            "And I think we will have a very strong day. They told me the ships are ready.\n\n"
            "(Laughter.)\n\n"
            "SECRETARY HALVORSEN: Thank you, sir. I believe the port opens in May.")
    found = statements_of(text)
    turn = next(s for s in found if s.quote.text.startswith("And I think"))
    assert turn.cue.text == ":" and turn.speaker.name == found[1].speaker.name
    assert not any(s.speaker.type == "unknown" and "I think" in s.quote.text for s in found)
    assert not any(s.quote.text.startswith("(Laughter") for s in found)  # a stage direction says nothing


def test_a_labels_name_is_not_conjoined_with_the_words_after_its_colon(statements_of):
    text = "John Peterson: What about the ferry?\n\nSergei Volkov: And the Minsk agreements. What will happen to them?"
    found = statements_of(text)
    assert [(s.speaker.name, s.speaker.type) for s in found if s.cue.text == ":"][-1] == ("Sergei Volkov", "person")


def test_a_run_together_label_after_an_ellipsis_or_a_closing_bracket(statements_of):
    text = ("Vladimir Putin: Is the reply ready? Sergei Lavrov: Yes, it is nearly… Vladimir Putin: I see. "
            "(The minister handed over a folder.) Sergei Lavrov: It runs to ten pages.")
    turns = [(s.speaker.name, s.quote.text) for s in statements_of(text) if s.cue.text == ":"]
    assert turns == [("Vladimir Putin", "Is the reply ready?"), ("Sergei Lavrov", "Yes, it is nearly…"),
                     ("Vladimir Putin", "I see."),  # the transcriber's note is not his
                     ("Sergei Lavrov", "It runs to ten pages.")]


def test_a_heading_run_into_the_first_label(statements_of):
    text = ("Speech at the expanded meeting of the Port Board President of Russia Vladimir Putin: Colleagues, "
            "I would like to welcome everyone here. We should proceed from the premise that the port stays open.")
    turn = next(s for s in statements_of(text) if s.cue.text == ":")
    assert turn.speaker.name == "Vladimir Putin" and turn.quote.text.startswith("Colleagues, I would like")
    # a sentence before the colon is no heading: no label
    assert all(s.cue.text != ":" for s in statements_of(
        "The plan was described by President of Russia Vladimir Putin: the port stays open until May."))


def test_a_long_turn_is_cut_at_sentence_ends_into_statements_of_about_a_paragraph(statements_of):
    sentence = "We will keep the northern port open for grain ships through the whole of the coming winter season. "
    text = "John Peterson: Will the port stay open?\n\nVladimir Putin: " + sentence * 30
    turns = [s for s in statements_of(text) if s.cue.text == ":" and s.speaker.name == "Vladimir Putin"]
    assert len(turns) > 2 and all(len(s.quote.text) <= 300 for s in turns)
    assert " ".join(s.quote.text for s in turns) == (sentence * 30).strip()


def test_a_questioner_label_run_into_a_turn_ends_it(statements_of):
    # rule 4 inline: the reporter's question is nobody's turn, and not the speaker's before it
    text = ("President of Finland Mikko Laine: Colleagues, the port opens in May. "
            "Question: Good afternoon. Will the port open to foreign ships as well? "
            "Mikko Laine: Yes, to every ship.")
    turns = [(s.speaker.name, s.quote.text) for s in statements_of(text) if s.cue.text == ":"]
    assert turns == [("Mikko Laine", "Colleagues, the port opens in May."), ("Mikko Laine", "Yes, to every ship.")]


def test_a_dateline_is_no_speaker_label(statements_of):
    text = "KYIV: The mayor of the city said on Monday that the bridge would reopen.\n\nTraffic was heavy."
    found = statements_of(text)
    assert [s.speaker.name for s in found] == ["mayor of the city"]


def test_a_transcript_in_capitals_keeps_its_labels(statements_of):
    text = "PETROV: Good afternoon, colleagues.\n\nVARGA: Thank you, we are glad to be here."
    assert [s.cue.text for s in statements_of(text)] == [":", ":"]


def test_a_translators_note_before_the_colon_is_not_part_of_the_label(statements_of):
    # "Question(retranslated):" ends the turn before it like "Question:"; a note in lower case
    # between a name and its colon leaves the name, and says the turn was translated
    text = ("President of Finland Mikko Laine: Colleagues, the port opens in May. "
            "Question(retranslated): Good afternoon. Will the port open to foreign ships as well? "
            "Mikko Laine: Yes, to every ship.\n\n"
            "Karl Berg (through an interpreter): We will send our ships in June.")
    turns = [(s.speaker.name, s.quote.text, s.via_translator) for s in statements_of(text) if s.cue.text == ":"]
    assert turns == [("Mikko Laine", "Colleagues, the port opens in May.", False),
                     ("Mikko Laine", "Yes, to every ship.", False),
                     ("Karl Berg", "We will send our ships in June.", True)]


def test_a_transcribers_note_inside_a_turn_is_not_the_speakers(statements_of):
    # the note names another speaker: left in the turn, her words were under his name
    text = ("Vladimir Putin: The court ruled on it. Do you agree with this?(Anna Berg noted that the council "
            "did not recognise the ruling). (Laughter.) Vladimir Putin: Yes, but the court did.")
    found = [(s.speaker.name, s.cue.text, s.quote.text) for s in statements_of(text)]
    assert found == [("Vladimir Putin", ":", "The court ruled on it. Do you agree with this?"),
                     ("Anna Berg", "noted", "that the council did not recognise the ruling"),
                     ("Vladimir Putin", ":", "Yes, but the court did.")]


def test_notes_inside_a_turns_paragraph_leave_its_words_in_order(statements_of):
    text = "Vladimir Putin: Thank you. (Applause.) We will open the port. (Laughter) And that is all."
    [s] = statements_of(text)
    assert s.quote.text == "Thank you. … We will open the port. … And that is all."
    parts = [text[a.start:a.end] for a in s.quote.segments]
    assert parts == ["Thank you.", "We will open the port.", "And that is all."]


def test_a_label_a_pages_markup_doubled_gives_the_name_before_the_seam(statements_of):
    # the page printed the title and name, the surname and first name again, and the first name
    # glued to the title; the model may find no person in such a label
    text = ("President of Finland Mikko Laine: Colleagues, the port opens in May. Thank you. "
            "Prime Minister of Norway Oskar Dahl Dahl OskarPrime Minister of Norway(retranslated): "
            "Thank you, Mr President. We will send our ships in June.")
    turns = [(s.speaker.name, s.quote.text[:20], s.via_translator) for s in statements_of(text) if s.cue.text == ":"]
    assert turns == [("Mikko Laine", "Colleagues, the port", False), ("Oskar Dahl", "Thank you, Mr Presid", True)]


def test_a_headline_after_a_label_opens_no_turn(statements_of):
    # "Speaker: Headline In Title Case" credits the gist; the article's paragraphs are its own
    text = ("Dan Pike: Ferry Deal Is ‘Nearly Done,’ Talks Go On.\n\n"
            "The harbour board met on Monday after weeks of delay.\n\n"
            "Its members did not vote.")
    found = statements_of(text)
    assert not any(s.quote.text.startswith(("The harbour board", "Its members")) for s in found)


def test_labels_that_each_open_one_section_are_no_transcript(statements_of):
    # a round-up by candidate: each name labels one section once, in title case; narration with
    # someone else's statement ends the section's turn
    text = ("Dan Pike: Finish second.\n\n"
            "Dan Pike is following what strategists call a simple plan, the mayor said.\n\n"
            "Karl Berg: A closing surge.\n\n"
            "Karl Berg has held more town halls than anyone, his aide said.")
    found = statements_of(text)
    turns = [(s.speaker.name, s.quote.text[:20]) for s in found
             if s.cue.text == ":" and s.quote.text.startswith(("Dan Pike", "Karl Berg"))]
    assert turns == [], turns


def test_a_tally_after_a_label_and_a_heading_in_capitals_say_nothing(statements_of):
    text = ("Lidia Varga: 1,769.\n\nMikko Laine: 1,501.\n\nRep. Jim Hale: We will win the vote. It is clear.\n\n"
            "THE TOTAL.\n\nThese delegates can change their minds.")
    found = [(s.speaker.name, s.quote.text) for s in statements_of(text)]
    assert found == [("Jim Hale", "We will win the vote. It is clear.")]


def test_a_transcripts_short_answer_in_figures_is_an_answer(statements_of):
    text = "PRESIDENT VARGA: I gave them nothing —\n\nSECRETARY GENERAL BERG: 2019.\n\nPRESIDENT VARGA: And then, yes."
    assert [s.quote.text for s in statements_of(text)] == ["I gave them nothing —", "2019.", "And then, yes."]


def test_a_heading_glued_before_a_label_is_not_the_speakers_title(statements_of):
    text = ("The meeting was devoted to the harbour.\n\n"
            "Speech at the expanded meeting of the Harbour Safety Board President of Finland John Miller: "
            "Colleagues, I would like to welcome everyone here. We will rebuild the port.")
    found = statements_of(text)
    assert found and found[0].speaker.name == "John Miller"
    assert found[0].speaker.role == "President of Finland"
    assert found[0].speaker.mention is not None and found[0].speaker.mention.text == "President of Finland John Miller"


def test_a_transcript_label_in_capitals_gives_a_title_as_written_in_text(statements_of):
    text = ("Secretary General Tom Hale met the press in Brussels.\n\n"
            "SECRETARY GENERAL HALE: We will keep the mission going.\n\n"
            "Q: For how long?\n\n"
            "SECRETARY GENERAL HALE: As long as it takes.")
    found = statements_of(text)
    assert found[0].speaker.name == "Tom Hale" and found[0].speaker.role == "Secretary General"


def test_a_label_is_no_part_of_the_venue_around_it(nlp):
    from onrecord.extraction.context.region import attribution_region

    text = ("Speech at the expanded meeting of the Harbour Safety Board President of Finland John Miller: "
            "Colleagues, welcome.")
    doc = nlp(text)
    colon = text.index(":")
    label = (text.index("President of Finland"), colon)
    content = [(colon + 2, len(text))]
    miller = next(t for t in doc if t.text == "Miller")
    board = next(t for t in doc if t.text == "Board")
    assert attribution_region(doc, (colon, colon + 1), content).holds(miller)
    region = attribution_region(doc, (colon, colon + 1), content, speaker=label)
    assert not region.holds(miller) and region.holds(board)


def test_a_long_note_with_brackets_of_its_own_in_a_long_turn_is_not_the_speakers(statements_of):
    # a turn run together into one block is cut into pieces; the transcriber's note, several
    # sentences long and holding "(OCHA)", is taken out of the whole turn first
    speech = " ".join(f"We have worked on the harbour plan for the {n} time this year." for n in
                      ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                       "ninth", "tenth", "eleventh", "twelfth"])
    text = ("Meeting with the Secretary General.\n\n"
            f"President of Finland John Miller: {speech} Welcome to Helsinki.(In his remarks, the "
            "Secretary General expressed concern over the harbour. He also presented two proposals. "
            "These proposals concern the Office for the Coordination of Humanitarian Affairs (OCHA) "
            "and the port authority, which would work together.) Tom Hale: Thank you.")
    found = statements_of(text)
    miller = " ".join(s.quote.text for s in found if s.speaker.name == "John Miller")
    assert "harbour plan" in miller and "Welcome to Helsinki" in miller
    assert "proposals" not in miller and "OCHA" not in miller


def test_a_colon_after_an_abbreviated_title_inside_a_sentence_is_no_label(statements_of):
    # "Mr." ends no sentence: "Mr. Trump:" inside it opens no turn over the column's next paragraphs
    text = ("The banks were quiet.\n\n"
            "It's worth noting there is little love lost between the biggest banks and Mr. Hale: Most of the "
            "banks haven't lent money to him in years.\n\n"
            "This column has spilled a lot of ink on the topic over the years.")
    assert statements_of(text) == []


def test_a_label_after_an_initial_or_a_newsletters_heading_and_dash(statements_of):
    # the initial's full stop ends no sentence; a heading in capitals and a dash end one
    text = ("The polls were many.\n\n"
            "TURNOUT IN THE NORTH DOES NOT RAISE HOPES ELSEWHERE - Dana K. Holm: “At long last the contests have "
            "started, and we now have the first solid numbers.”")
    found = statements_of(text)
    assert [(s.speaker.name, s.quote.text[:12]) for s in found] == [("Dana K. Holm", "At long last")]


def test_a_label_of_a_given_name_and_surname_the_model_missed_and_a_title_with_to(statements_of):
    found = statements_of("Meeting notes.\n\nYury Ushakov: The talks lasted an hour.")
    assert [s.speaker.name for s in found] == ["Yury Ushakov"]
    # "Aide to the President" is the aide's title, not "President"
    found = statements_of("Aide to the President Yury Ushakov: The talks lasted an hour.")
    assert [(s.speaker.name, s.speaker.role) for s in found] == [("Yury Ushakov", "Aide to the President")]
    # a salutation is no speaker
    assert statements_of("Best Regards: The talks lasted an hour.") == []


def test_it_can_be_said_inside_a_turn_is_the_speakers_own_claim(statements_of):
    text = ("Nina Varga: The talks lasted an hour. Coming back to the conversation, it can be said that the tone "
            "was rather balanced and business-like.\n\nQuestion: Was it useful?\n\nNina Varga: Yes.")
    found = [s for s in statements_of(text) if s.quote.text.startswith("that the tone")]
    assert [s.speaker.name for s in found] == ["Nina Varga"]
    # outside anyone's words the impersonal names no one
    found = statements_of("It was emphasised that the goals would be attained.")
    assert [s.speaker.type for s in found] == ["unknown"]


def test_the_last_turn_of_an_exchange_quoted_in_an_article_ends_at_the_writers_narration(statements_of):
    # two people trade turns (a transcript), then the writer goes on in their own words: no later
    # label bounds the last turn, so a paragraph of narration with a statement of its own ends it,
    # and the paragraphs after it are no one's turn
    text = ("The panel was blunt.\n\n"
            "Karl Berg: The ferry tax sounds great. We will make the owners pay.\n\n"
            "Anna Lindqvist: Saying that to people is easy.\n\n"
            "Karl Berg: Well, taxes are never popular.\n\n"
            "The harbour office, however, said the tax would raise four million a year.\n\n"
            "The ferries still leave late, and the old pier is closed.")
    found = statements_of(text)
    assert [s.speaker.name for s in found if s.cue.text == ":"] == ["Karl Berg", "Anna Lindqvist", "Karl Berg"]
    assert [s.speaker.name for s in found if s.cue.text == "said"] == ["harbour office"]
    assert not any("ferries" in s.quote.text for s in found)


def test_he_and_she_in_a_transcripts_turn_are_others(statements_of):
    # a turn is the speaker's own words, unmarked: as in a quotation, "he said he supports" is
    # another's position, reported, never the speaker's (in an indirect statement "he" is the speaker)
    text = ("Question: What did the two presidents discuss?\n\n"
            "Aide Petra Lund: He said he was a firm supporter of the peace talks with Moscow.")
    (turn,) = [s for s in statements_of(text) if s.quote.text.startswith("He said")]
    assert turn.cue is not None and turn.cue.cls == "transcript"
    stance = turn.stances["negotiations"]
    assert stance["label"] == "unclear"
    assert (stance["reported"]["holder"], stance["reported"]["label"]) == ("he", "support")


def test_a_capitals_label_typed_with_a_period_is_a_label_of_the_transcript(statements_of):
    text = ("MAYOR SILVA: Good morning. The bridge will reopen in May.\n\n"
            "GOVERNOR PIKE: That is good news for the valley.\n\n"
            "MAYOR SILVA: It is. We worked hard on it.\n\n"
            "GOVERNOR PIKE. Yes. And the money came from the state —\n\n"
            "MAYOR SILVA: From the state, exactly.")
    found = statements_of(text)
    assert [(s.speaker.name, s.quote.text) for s in found][3:] == [
        ("Pike", "Yes. And the money came from the state —"), ("Silva", "From the state, exactly.")]


def test_a_period_after_capitals_no_turn_uses_is_no_label(statements_of):
    text = ("MAYOR SILVA: Good morning. The bridge will reopen in May.\n\n"
            "GOVERNOR PIKE: That is good news for the valley.\n\n"
            "MAYOR SILVA: It is. We worked hard on it.\n\n"
            "NASA. They helped with the survey, too.")
    found = statements_of(text)
    assert (found[-1].speaker.name, found[-1].quote.text) == ("Silva", "NASA. They helped with the survey, too.")
