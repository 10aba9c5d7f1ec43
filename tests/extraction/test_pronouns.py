"""Pronoun speakers (pronouns.py) and one name per speaker (speakers.py): sentences written for
these tests."""

import pytest


def by_quote(statements, words):
    found = [s for s in statements if words in s.quote.text]
    assert found, [(s.quote.text, s.speaker.name) for s in statements]
    return found[0]


def test_a_pronoun_takes_the_possessor_of_the_clause_it_hangs_from(statements_of):
    text = ("“We are not leaving,” Mayor Paul Dorn told reporters.\n\n"
            "This came after Senator Lina Ortiz's speech on Friday, when she stressed that the deal was dead.")
    assert by_quote(statements_of(text), "the deal was dead").speaker.name == "Lina Ortiz"


def test_a_pronoun_takes_the_object_that_controls_the_infinitive_above_it(statements_of):
    # "she" is the rival who is forced to distance herself, not a person spoken of before
    text = ("“We lost everything here,” said Jennifer Hale, a welder at the plant.\n\n"
            "Opposition to trade deals has galvanized the senator's supporters. It has forced his rival, Maria Lopez, "
            "to distance herself from trade deals she once supported.")
    assert by_quote(statements_of(text), "trade deals she once supported").speaker.name == "Maria Lopez"


def test_a_pronoun_in_a_fronted_phrase_takes_the_subject_after_it(statements_of):
    text = ("Mayor Paul Dorn opened the hall on Monday.\n\n"
            "At a rally where he said the vote had been stolen, Governor Karl Ruiz signed the bill.")
    assert by_quote(statements_of(text), "the vote had been stolen").speaker.name == "Karl Ruiz"


def test_a_pronoun_takes_the_subject_of_the_sentence_before(statements_of):
    text = ("“We are ready,” the union leader Karl Berg said.\n\n"
            "The prime minister ruled out a vote in May.\n\n"
            "He repeated on Monday that the vote would come in the autumn.")
    assert by_quote(statements_of(text), "the vote would come").speaker.name != "Karl Berg"


def test_a_document_is_never_the_antecedent_of_he_or_she(statements_of):
    text = ("Minister Eva Lund spoke in Oslo on Monday.\n\n"
            "A review found the plan was sound.\n\n"
            "“We will go ahead,” she said.")
    assert by_quote(statements_of(text), "We will go ahead").speaker.name == "Eva Lund"


def test_it_takes_the_organisation_that_was_the_subject_before(statements_of):
    text = ("The company pushed out its chief executive after a review found he had misled the board.\n\n"
            "“The board no longer has confidence in him,” it added.")
    s = by_quote(statements_of(text), "no longer has confidence")
    assert s.speaker.name == "company" and s.speaker.type == "organization"


def test_first_person_in_a_transcript_turn_is_the_turn_s_speaker(statements_of):
    text = "MAYOR TOM HALE: Look, I said last week that the bridge would reopen in May, and it will."
    nested = [s for s in statements_of(text) if s.cue is not None and s.cue.text == "said"]
    assert nested and all("HALE" in s.speaker.name.upper() for s in nested)


def test_first_person_outside_anyone_s_words_is_unknown(statements_of):
    s = statements_of("I said last week that the bridge would reopen in May.")[0]
    assert s.speaker.type == "unknown"


def test_a_shared_surname_goes_to_the_person_the_sentence_before_names(statements_of):
    text = ("President Hale said he was proud of his son on Tuesday.\n\n"
            "“We love our son and we are proud of him,” Hale said in a statement.\n\n"
            "Tom was calm as the verdict was read.\n\n"
            "Later, Tom Hale released a statement of his own.\n\n"
            "“I am grateful for the support of my family,” Hale said.")
    found = statements_of(text)
    assert by_quote(found, "We love our son").speaker.name == "Hale"
    assert by_quote(found, "I am grateful").speaker.name == "Tom Hale"


def test_an_acronym_takes_the_name_it_abbreviates(statements_of):
    text = ("The Nordic Board of Water Safety (NBWS) said the lake was clean.\n\n"
            "The lake will reopen in June, according to NBWS.")
    assert {s.speaker.name for s in statements_of(text)} == {"Nordic Board of Water Safety"}


def test_a_body_in_a_modifier_of_a_person_noun_is_not_the_speaker(statements_of):
    s = statements_of("A climate scientist at the Nordic Weather Institute said the summer was the hottest.")[0]
    assert s.speaker.name == "climate scientist at the Nordic Weather Institute"


def test_a_leading_quantifier_is_not_part_of_the_description(statements_of):
    s = statements_of("Several Danish newspapers reported that the deal was off.")[0]
    assert s.speaker.name == "Danish newspapers"


def test_a_list_of_speakers_is_several_members(statements_of):
    s = statements_of("Lund, the Danish side, Norway and Finland said the talks should resume.")[0]
    assert s.speaker.type == "group" and len(s.speaker.members) == 4


@pytest.mark.parametrize("time", ["5:17 p.m.", "Tuesday"])
def test_a_time_is_never_a_speaker(statements_of, time):
    for s in statements_of(f"{time}\n\nThe talks, officials said, would resume on Friday."):
        assert s.speaker.name != time.rstrip(".")


def test_coordinated_descriptions_in_apposition_are_one_person(statements_of):
    s = statements_of("“We will win,” said Tom Hale, the head of the campaign and a close aide to the mayor.")[0]
    assert s.speaker.name == "Tom Hale" and not s.speaker.members


def test_a_noun_the_lexicon_does_not_know_is_no_identity_and_no_antecedent(statements_of):
    text = ("Mayor Ana Ruiz opened the hall on Monday.\n\n"
            "A phone conversation with Governor Karl Berg is also planned. He noted that the bridge was safe.")
    s = by_quote(statements_of(text), "the bridge was safe")
    assert s.speaker.name != "phone conversation with Governor Karl Berg"


def test_someone_and_our_state_are_kept_but_are_not_identities(statements_of):
    for text in ("Has anyone thought that the talks could fail?",
                 "Mr Holm said on Monday: “Some of our allies have said that they are worried.”",
                 "Our state wants a firm guarantee for its security, the adviser said."):
        for s in statements_of(text):
            if s.speaker.mention is not None and s.speaker.mention.text.lower() in {"anyone", "some of our allies",
                                                                                    "our state"}:
                assert s.speaker.type == "unknown"


def test_a_transcript_label_in_capitals_takes_the_full_name(statements_of):
    text = ("Interior Secretary Doug Burgum spoke to reporters.\n\n"
            "BURGUM: We will open more land for drilling this year.")
    assert statements_of(text)[-1].speaker.name == "Doug Burgum"


def test_according_to_takes_the_whole_source_before_its_comma(statements_of):
    s = statements_of("According to the Adviser to the Head of the Office, the talks will go on next week.")[0]
    assert s.speaker.mention.text == "the Adviser to the Head of the Office"
    assert s.quote.text == "the talks will go on next week"


def test_he_is_not_a_person_named_only_inside_the_quotation(statements_of):
    # rule 5 reads the narration: the person quoted about is not the reporter's "he"
    s = statements_of("The position of the harbour board remains firm. This was stated by harbour adviser Tomas "
                      "Holm at a briefing in Turku. \"Mayor Anna Berg will definitely not sell the ferry,\" he said.")
    assert [x.speaker.name for x in s if x.cue.text == "said"] == ["Tomas Holm"]


def test_he_is_never_the_speaker_whose_given_name_is_a_womans(statements_of):
    text = ("“The numbers do not add up,” Leonard Burman of the Tax Policy Center said. “We will cut taxes,” "
            "Hillary Clinton said at the rally. “It is a gamble,” he added.")
    assert statements_of(text)[-1].speaker.name == "Leonard Burman"


def test_an_honorific_picks_the_surnames_bearer_of_that_gender(statements_of):
    text = ("Ivana Trump, his first wife, spoke to reporters. Donald J. Trump replied by email. "
            "Mr. Trump said the friendship was strictly business.")
    assert statements_of(text)[-1].speaker.name == "Donald J. Trump"


def test_she_whose_antecedent_became_a_man_of_that_surname_is_no_one(statements_of):
    # "Ebeling" alone goes to the article's one full name, Tom Ebeling; "she" cannot be him, and
    # no one else of the name is in the article: unknown rather than his name
    text = ("Tom Ebeling runs the hardware store on Main Street. The street was quiet on Monday. "
            "“We are busy,” Ebeling said. “It is hard to watch,” she said.")
    found = statements_of(text)
    assert [(s.speaker.name, s.speaker.type) for s in found] == [("Tom Ebeling", "person"), ("unknown", "unknown")]


def test_he_with_no_man_of_that_name_in_the_article_is_unknown_not_a_woman(statements_of):
    text = ("Senator Peter Novak wants higher taxes; Mrs. Clinton seeks less revenue. "
            "He calls for a single-payer health care system, the paper said. “We will see,” Clinton said. "
            "“It is a gamble,” he said.")
    found = statements_of(text)
    assert found[-1].speaker.name != "Clinton"


def test_a_subject_pronoun_after_a_fronted_clause_takes_up_its_subject(statements_of):
    # the object of the fronted clause ("to Lena Ellis", "Karl Berg") is named last, but the
    # pronoun subject of the main clause takes up the fronted clause's subject
    found = statements_of("Question: If President Ana Silva knew that she was going to talk to Lena Ellis on "
                          "the phone, why did she announce an invasion on Monday?")
    assert [s.speaker.name for s in found if s.cue.text == "announce"] == ["Ana Silva"]
    found = statements_of("When Dan Pike met Karl Berg in May, he said the deal was done.")
    assert [s.speaker.name for s in found if s.cue.text == "said"] == ["Dan Pike"]


def test_the_agent_of_a_passive_that_points_back_is_the_topic(statements_of):
    # "This was stated by X in an interview for <a newspaper the model may take for a person>"
    found = statements_of("The talks need a system of guarantees. This was stated by Adviser Dan Pike in an "
                          "interview for the German newspaper Frankfurter Allgemeine Zeitung. “The port insists on "
                          "a system of guarantees,” he stressed.")
    assert [s.speaker.name for s in found if s.cue.text == "stressed"] == ["Dan Pike"]


def test_a_coordinated_subject_is_no_antecedent_of_he(statements_of):
    found = statements_of("“This does not threaten the format,” Karl Berg said. Mayor Dan Pike and the leadership "
                          "of the port are now taking a very active position. “We are in a strong position,” he said.")
    assert [s.speaker.name for s in found] == ["Karl Berg", "Karl Berg"]


def test_a_chain_of_the_same_pronoun_keeps_its_topic(statements_of):
    # "He married … He wrote …": the pronoun subjects before name no one yet; the sentence before
    # them does (not the last speaker, Ana Silva's colleague)
    found = statements_of("Karl Berg said the law was unfair. Dan Pike, a onetime lawyer, later moved to the "
                          "coast. He married last year. He opened a firm in the port. “The politics are just so "
                          "blatant,” he said in an interview.")
    assert [s.speaker.name for s in found] == ["Karl Berg", "Dan Pike"]


def test_he_is_not_someone_named_in_his_own_clause(statements_of):
    # Principle C: "he" would have fallen back to the last speaker, Rubio
    text = ("“He is always calling me names,” Marco Rubio said on Sunday. The debate went on for hours. "
            "Within minutes, he called Rubio “Little Marco” again.")
    assert statements_of(text)[-1].speaker.name != "Marco Rubio"


def test_he_inside_a_speakers_own_words_is_someone_else(statements_of):
    # in a turn, the speaker is "I": "He told me" is another's words, reported
    text = ("SECRETARY GENERAL HALE: But you did, and it —\n\n"
            "PRESIDENT MILLER: It started out very rough.\n\n"
            "SECRETARY GENERAL HALE: Yeah. Yeah.\n\n"
            "PRESIDENT MILLER: And he would not meet with Berg. Would not take his calls. I said, "
            "“How many times did you call?” They called a lot. He would not take their call. He told me, "
            "“I would not take his call.”")
    found = statements_of(text)
    inner = next(s for s in found if s.quote.text.startswith("I would not take"))
    assert inner.speaker.name != "MILLER"


def test_he_in_reported_words_may_be_the_speaker(statements_of):
    text = "Karl Berg said he told the council that the port would stay open."
    found = statements_of(text)
    assert all(s.speaker.name == "Karl Berg" for s in found)


def test_he_takes_the_one_person_the_sentence_before_names_when_its_subject_is_no_person(statements_of):
    # the last speaker, Karl Berg, was quoted a paragraph earlier; the sentence before "He" is
    # about Dan Pike's statement (its subject "That" names no one)
    text = ("“It would have been a long shot,” said Karl Berg of the law school. “I don’t think so.”\n\n"
            "That might sound strange to anyone listening to Police Chief Dan Pike’s statement on Tuesday. "
            "He called her handling of the files “extremely careless,” and said the rules were clear.")
    found = statements_of(text)
    assert [s.speaker.name for s in found if s.cue.text in {"called", "said"} and "Berg" not in s.speaker.name
            ] == ["Dan Pike", "Dan Pike"]
    text = ("“You campaign actively,” Karl Berg said. “Normal rules don't apply.”\n\n"
            "For Dan Pike and the others whose names are being floated, that means it is best to deflect questions.\n\n"
            "“I leave that to others,” he says during a car ride.")
    assert statements_of(text)[-1].speaker.name == "Dan Pike"


def test_he_keeps_the_last_speaker_when_the_sentence_before_names_a_person_as_its_subject_or_several(statements_of):
    # a subject that can be "he" ("The adviser" is, by the rule before), or two people named: the
    # rule does not choose the one named in the sentence
    text = ("“We are ready,” Karl Berg said.\n\nThe adviser to Dan Pike left early. “It is done,” he added.")
    assert statements_of(text)[-1].speaker.name == "adviser to Dan Pike"
    text = ("“We are ready,” Karl Berg said.\n\nThe vote split Dan Pike and Ana Silva. “It is done,” he added.")
    assert statements_of(text)[-1].speaker.name == "Karl Berg"


@pytest.mark.parametrize("middle", [
    # an agent noun the lexicon does not list is a person "he" may continue
    "The radio talker has filled his rally speeches for Dan Pike with religious imagery.",
    # the person is inside the subject's own phrase: the topic stays whoever made the call
    "A phone conversation with Mayor Dan Pike is also planned.",
    # a copula that names its referent ("Warren", which the model may label anything)
    "One possibility is Warren, who until Dan Pike decided to run was the favourite.",
])
def test_he_keeps_the_speaker_when_the_sentence_before_is_not_about_one_named_person(statements_of, middle):
    text = f"“We are ready,” Karl Berg said. {middle} He noted that the vote would come in May."
    assert statements_of(text)[-1].speaker.name != "Dan Pike"


def test_it_after_a_fronted_clause_takes_up_its_object_when_its_subject_is_a_person(statements_of):
    found = statements_of("When the mayor asked the union to end the strike, it refused, saying the talks had failed.")
    assert [s.speaker.name for s in found if s.cue.text == "saying"] == ["union"]


@pytest.mark.parametrize(("text", "speaker"), [
    # a floating quantifier after the pronoun leaves the pronoun the mention
    ("The two senators met on Monday. They both said the bill would pass.", "two senators"),
    ("The ministers met in Paris. They each said the plan was fair.", "ministers"),
    # "they" after a fronted clause whose subject cannot be "they": the one spoken to
    ("When Lavrov spoke to the ambassadors, they said the talks had failed.", "ambassadors"),
    ("After the minister met with the farmers, they said prices were too low.", "farmers"),
])
def test_they_with_a_quantifier_or_after_a_fronted_clause(statements_of, text, speaker):
    assert [s.speaker.name for s in statements_of(text)] == [speaker]


def test_they_after_two_people_in_turn_is_the_two(statements_of):
    text = ("President Ana Varga thanked President Karl Berg for his help with the exchange. She noted they had "
            "just had a successful exchange. President Berg asked President Varga about the missing children. "
            "President Berg promised to work closely with both parties.\n\n"
            "They agreed all parties must continue the effort to make a ceasefire work.")
    found = [s for s in statements_of(text) if s.quote.text.startswith("all parties")]
    assert [(s.speaker.type, sorted(s.speaker.members)) for s in found] == [("group", ["Ana Varga", "Karl Berg"])]


def test_they_after_descriptions_in_turn_joins_no_one(statements_of):
    text = ("The admiral spoke first. The security contractors waited. The admiral left.\n\n"
            "They said the base had been ordered to wait.")
    assert all(" and " not in s.speaker.name for s in statements_of(text))


def test_an_age_is_an_epithet_of_the_person_just_named(statements_of):
    text = 'Ann Pell, a teacher from Dover, waited in line for hours. "I came for the truth," said the 34-year-old.'
    assert by_quote(statements_of(text), "I came for the truth").speaker.name == "Ann Pell"


def test_an_age_no_one_was_named_before_is_a_description_not_an_identity(statements_of):
    text = 'The former model delivered a defense of her husband. "He is an amazing leader," said the 46-year-old.'
    speaker = by_quote(statements_of(text), "amazing leader").speaker
    assert (speaker.name, speaker.type, speaker.id) == ("46-year-old", "unknown", None)


def test_he_inside_a_parenthesis_is_the_subject_just_before_it(statements_of):
    # the parse hangs the parenthesis on the main clause, whose subject is no person; the sentence
    # before names another man, who is not whom the aside is about
    found = statements_of("In the most telling sign, Senator Karl Berg reversed himself and opposed the bill.\n\n"
                          "The shift was complete when Mayor Anna Lindqvist's rival Tomas Ek in his first speech "
                          "called the ferry owners “pirates” (although he allowed that some might be honest) and "
                          "promised to build a new pier.")
    assert {s.cue.text: s.speaker.name for s in found}["allowed"] == "Tomas Ek"


def test_she_inside_a_dash_aside_is_the_subject_just_before_it(statements_of):
    # the parse hangs the reporting clause over the sentence; the aside between dashes comments on
    # the clause before it, and the content of the verb before the aside ends at its dash
    found = statements_of("Anna Lindqvist spoke after Karl Berg. Lindqvist suggested that Berg's latest plan was "
                          "unserious - \"Again, we need to get into the details,\" she said - and charged that Berg "
                          "would sink the ferry budget.")
    assert [(s.cue.text, s.speaker.name, s.quote.text) for s in found] == [
        ("suggested", "Anna Lindqvist", "that Berg's latest plan was unserious"),
        ("said", "Anna Lindqvist", "Again, we need to get into the details,"),
        ("charged", "Anna Lindqvist", "that Berg would sink the ferry budget")]


def test_a_surname_two_people_share_is_told_apart_from_one_persons_two_spellings(nlp):
    # the aside rule leaves "Mr. Berg" of two named Bergs to the role rules; "Karl Berg" and "Karl
    # J. Berg" are one person, and "a June Berg rally" is no second one
    from onrecord.extraction.pronouns import surname_of_two

    two = nlp("John Berg campaigned for his sister Mary Berg on Monday. Mr. Berg praised her.")
    assert surname_of_two([t for t in two if t.text == "Berg"][-1])
    one = nlp("Karl Berg spoke on Monday. Karl J. Berg then left a June Berg rally early. Mr. Berg praised it.")
    assert not surname_of_two([t for t in one if t.text == "Berg"][-1])


@pytest.mark.parametrize(("text", "never", "speaker"), [
    # given names the curated list lacks and the census list has: "Rhonda" a woman, "Trevor" a man
    ("Rhonda Vale criticized Trevor Dane. He said the port was unsafe.", "Rhonda Vale", "Trevor Dane"),
    ("Colleen Varga met Marvin Hale on Monday. Hale thanked the crews. “We will reopen the port in May,” she said.",
     "Marvin Hale", None),
])
def test_a_pronoun_agrees_with_a_census_given_name(statements_of, text, never, speaker):
    said = statements_of(text)[-1]
    assert said.speaker.name != never
    if speaker is not None:
        assert said.speaker.name == speaker


@pytest.mark.parametrize("text, speaker", [
    # a brand the model may take for a person: nothing shows it is a name, so no "she" of it
    ("My uncle spent the profit stocking up on Beehive freeze-dried food for the winter.\n\n"
     "Years later, when my mother mentioned the devil to me on the highway, I laughed. She became so upset that I "
     "changed my answer. To which she said, “Thank God you still believe in the devil.”", "unknown"),
    # a one-word name the article shows is one: a listed given name, or after an honorific
    ("Q: Bernie’s a socialist. He wants a revolution; it’s understandable that he’s saying everything is awful.",
     "Bernie"),
    ("Mr. Okafor opened the session on Monday. The vote was delayed by a storm. The hall was quiet. "
     "He said the budget would pass.", "Okafor"),
])
def test_a_one_word_person_is_an_antecedent_only_when_it_reads_as_a_name(statements_of, text, speaker):
    s = next(s for s in statements_of(text) if s.cue is not None and s.cue.text.endswith(("said", "saying")))
    assert s.speaker.name == speaker


def test_a_lone_given_name_keeps_its_gender_for_a_pronoun(statements_of):
    text = ("My father, James, kept a farm with my mother.\n\nOnce, when my mother mentioned the devil to me on the "
            "highway, I laughed. She became so upset that I changed my answer. To which she said, “Thank God you "
            "still believe.”")
    s = next(s for s in statements_of(text) if s.cue is not None and s.cue.text == "said")
    assert s.speaker.name != "James"


def test_a_document_with_a_title_word_before_it_is_no_person_for_he(statements_of):
    # "national" can open a title ("National Security Adviser"), but "a national poll" is a document
    text = ("A national poll released Sunday shows the billionaire Tom Hale keeping his lead among voters.\n\n"
            "Hale's response to the attacks has been controversial. He has proposed closing the border to visitors.")
    s = next(s for s in statements_of(text) if s.cue.text == "has proposed")
    assert s.speaker.name == "Tom Hale"


def test_they_after_a_group_named_by_its_members_is_that_group(statements_of):
    # "Secretary Rubio and his team reiterated … They emphasized …": one group, named by its members
    # both times (it had been two identities: the members once, a registry group the second time)
    text = ("Secretary Dan Pike and his team reiterated the firm commitment to the talks. They emphasized that "
            "the work would go on.")
    found = statements_of(text)
    by_cue = {s.cue.text: s.speaker for s in found}
    assert by_cue["emphasized"].members == by_cue["reiterated"].members != []
    assert by_cue["emphasized"].name == by_cue["reiterated"].name


def test_it_after_a_document_that_spoke_is_that_document(statements_of):
    # "The staff letter noted … It also pointed up …": a document carries words, and "it" takes it
    # up (it had stood under no one); a document that only is something is no antecedent
    found = statements_of("The staff letter noted that the surveys showed a crisis of leadership.\n\n"
                          "It also pointed up a core complaint: that the director was prone to sudden changes.")
    assert [s.speaker.name for s in found] == ["staff letter", "staff letter"]
    found = statements_of("The report said the bank was in trouble. It added that morale had suffered.")
    assert [s.speaker.name for s in found] == ["report", "report"]
    found = statements_of("Ryan's statement was a stark reminder of the rift. And it wasn't an accident — it told "
                          "reporters that the speaker gave Priebus a heads up.")
    assert not any(s.speaker.name.endswith("statement") for s in found if s.cue.text == "told")


def test_he_after_a_things_owner_is_the_owner(statements_of):
    # "Trump's attempt … did not last long. Within minutes, he called Rubio …": the attempt says
    # nothing; its owner is the topic "he" goes on with (it had been no one)
    text = ("Dan Pike and Karl Berg spoke in Oslo on Sunday.\n\n"
            "Mr. Pike's attempt not to engage in personal attacks on Karl Berg did not last long, however. "
            "Within minutes, he called Berg “Little Karl” several times.")
    [s] = [s for s in statements_of(text) if s.cue.text == "called"]
    assert s.speaker.name == "Dan Pike"
    # a subject that can speak is the antecedent itself, not its owner
    text = ("Dan Pike and Karl Berg spoke in Oslo on Sunday.\n\n"
            "Pike's spokesman Ivo Kask did not answer at first. Within minutes, he said that the talks were over.")
    [s] = [s for s in statements_of(text) if s.cue.text == "said"]
    assert s.speaker.name != "Dan Pike"


def test_an_aside_in_parentheses_does_not_change_whom_he_means(statements_of):
    text = ("“We will see,” said Mayor Karl Berg.\n\n"
            "Donald Trump seemed to like that idea in a Wednesday interview, in which he doubled down on the "
            "nickname. (Although, as with most of his statements, it was not entirely clear what he meant.)\n\n"
            "An economic downturn, he said, “could be a good time to borrow.”")
    assert by_quote(statements_of(text), "good time to borrow").speaker.name == "Donald Trump"


def test_a_reporting_aside_before_the_pronoun_names_whom_it_means(statements_of):
    text = ("“It was hard to get ahead,” said Sandra Ripert, a former assistant at the bank.\n\n"
            "Instead, she said, her boss told her he had booked a room for them.\n\n"
            "Back then, Ms. Ripert said, she found Ms. Sherry “very professional and very quiet.”")
    assert by_quote(statements_of(text), "very professional").speaker.name == "Sandra Ripert"


def test_they_in_a_transcript_turn_is_no_speaker_of_an_earlier_turn(statements_of):
    # the unions spoke in a reporter's question two turns before; the mayor's "they" is others
    text = ("Q Mayor, the unions have said if there is a strike, bad things happen.\n\n"
            "MAYOR SILVA: The council has approved the budget, and now the unions have to approve it. "
            "I hope they will.\n\n"
            "Q On the harbour, Mayor. You have talked about the ferry. Do you have plans for it?\n\n"
            "MAYOR SILVA: Yes. I had a great plan for the ferry. And they said, “Oh, it will cost millions.” "
            "No, it cost far less.")
    found = [s for s in statements_of(text) if s.quote.text == "Oh, it will cost millions."]
    assert [(s.speaker.name, s.speaker.mention.text) for s in found] == [("unknown", "they")]



@pytest.mark.parametrize(("text", "words", "speaker"), [
    ("\"There is a clear need for action,\" Arturo Salinas added. An ambassador's job, he said, should be to "
     "counter lies with facts.", "should be to counter lies", "Arturo Salinas"),
    ("Maria Lopez spoke last. A good leader, she argued, must listen first.", "must listen first", "Maria Lopez"),
])
def test_the_subject_of_the_clause_an_aside_reports_is_not_its_pronoun(statements_of, text, words, speaker):
    # aside rule (pronouns.reported_subject): "X, he said, Y" — X is part of what was said
    assert by_quote(statements_of(text), words).speaker.name == speaker
