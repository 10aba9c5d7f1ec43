"""The speaker mention of a cue (subjects.py): own subject, control, issuers, the nearest noun
phrase, and what can never speak.  Sentences written for these tests."""

import pytest


def by_cue(statements, cue):
    found = [s for s in statements if s.cue is not None and s.cue.text.endswith(cue)]
    assert found, [(s.cue.text if s.cue else None, s.speaker.name) for s in statements]
    return found[0]


@pytest.mark.parametrize(("text", "cue", "mention"), [
    # a gerund after a preposition is controlled by the subject of the verb above
    ("After saying the bridge was safe, the mayor closed it for a week.", "saying", "the mayor"),
    ("In defending his budget, Governor Lena Ellis offered few details.", "defending", "Governor Lena Ellis"),
    ("The senator stopped short of calling the vote a fraud.", "calling", "The senator"),
    ("The minister answered a farmer on Tuesday by saying the plan was working.", "saying", "The minister"),
    ("The agency decided against recommending charges against the firm.", "recommending", "The agency"),
    # a passive verb above: its subject controls the gerund
    ("She was criticised in the valley for acknowledging that the mine would close.", "acknowledging", "She"),
    # an infinitive under an adjective
    ("He was able to tout his record at every stop.", "tout", "He"),
])
def test_gerunds_and_infinitives_take_the_subject_of_the_clause_above(statements_of, text, cue, mention):
    assert by_cue(statements_of(text), cue).speaker.mention.text == mention


def test_object_control_for_and_to(statements_of):
    s = by_cue(statements_of("The panel held Marta Ortega in contempt for refusing to testify."), "refusing")
    assert s.speaker.name == "Marta Ortega"
    s = by_cue(statements_of("The chairwoman forced Dan Pike to admit that no one had been fired."), "admit")
    assert s.speaker.name == "Dan Pike"
    # "quoted X as saying": the one quoted speaks, not the outlet that quoted them
    s = by_cue(statements_of("The Daily Ledger quoted one of the mayor's advisers as saying the bridge would "
                             "close in May."), "saying")
    assert s.speaker.mention.text == "one of the mayor's advisers"
    s = by_cue(statements_of("The Associated Press quoted Marta Ortega, a local farmer, as saying that the "
                             "truck had stopped."), "saying")
    assert s.speaker.name == "Marta Ortega"


def test_a_free_adjunct_after_the_object_is_the_subjects(statements_of):
    # set off by a comma, the participle hung from the noun after "for" is what the subject did,
    # not the praised one (no object control through that noun)
    found = statements_of("Marta Ortega praised Dan Pike for a “friendly” and “results-oriented” approach, "
                          "describing the talks as “constructive” and suggesting that the strike might have "
                          "been avoided.")
    assert [by_cue(found, cue).speaker.name for cue in ("describing", "suggesting")] == ["Marta Ortega"] * 2


@pytest.mark.parametrize(("text", "speaker"), [
    ("Marta Ortega released a statement saying she was grateful for the support.", "Marta Ortega"),
    ("The council issued a statement calling the attack a clear violation.", "council"),
    ("Lawyers for the family filed papers opposing the request.", "Lawyers for the family"),
    ("Senator Paul Dorn posted a series of messages criticizing the new rules.", "Paul Dorn"),
    ("Paul Dorn's letter calling the count a fraud was read aloud.", "Paul Dorn"),
])
def test_a_document_that_says_carries_its_issuers_words(statements_of, text, speaker):
    s = [s for s in statements_of(text) if s.cue is not None and s.cue.text.endswith("ing")][0]
    assert s.speaker.name == speaker


def test_a_document_with_no_issuer_in_sight_is_not_a_person(statements_of):
    s = statements_of("The report says the river has never been this low.")[0]
    assert s.speaker.mention.text == "The report"
    assert s.speaker.type != "person"


def test_the_nearest_noun_phrase_is_never_what_the_cue_reports(statements_of):
    # the parse loses the subject of "saying" here; "the bridge" is what was said, not who said it
    s = by_cue(statements_of("After saying the bridge was safe, the mayor closed it for a week."), "saying")
    assert s.speaker.mention.text != "the bridge"


def test_a_headline_word_is_no_subject(statements_of):
    s = by_cue(statements_of("The Latest: Mayor Ana Ruiz urges voters to stay home.\n\nMore follows."), "urges")
    assert s.speaker.name == "Ana Ruiz"


def test_a_time_over_a_paragraph_break_is_no_speaker(statements_of):
    text = "The talks went on late.\n\n5:45 p.m.\n\nThe candidate’s doctor is calling the candidate “extremely fit.”"
    s = by_cue(statements_of(text), "calling")
    assert s.speaker.mention.text == "The candidate’s doctor"


@pytest.mark.parametrize("subject", ["Seventy percent", "Some", "Each of the three"])
def test_people_counted_can_speak(statements_of, subject):
    s = statements_of(f"{subject} said the tax should go.")[0]
    assert s.speaker.mention is not None and s.speaker.mention.text.startswith(subject.split()[0])


def test_speaker_class_of_common_nouns(nlp):
    from onrecord.extraction.speaker_classes import speaker_class

    doc = nlp("The officials, the ministry, the statement, the city and the aid.")
    classes = {t.text: speaker_class(t) for t in doc if t.pos_ == "NOUN"}
    assert classes == {"officials": "person", "ministry": "organization", "statement": "carrier", "city": "place",
                       "aid": "never"}


def test_what_he_called_is_named_by_the_subject_above(statements_of):
    s = by_cue(statements_of("Secretary General Ana Ruiz condemned what she called a “brazen breach” of the rules."),
               "called")
    assert s.speaker.mention.text == "Secretary General Ana Ruiz"


def test_a_pronoun_that_controls_a_participle_is_named_by_the_subject_above(statements_of):
    text = "Senator Tom Hale said he did not believe the ads hurt him, arguing that the economy mattered more."
    assert by_cue(statements_of(text), "arguing").speaker.mention.text == "Senator Tom Hale"


def test_a_pronoun_subject_of_its_own_cue_stays_for_the_pronoun_rules(statements_of):
    text = "Mayor Tom Hale spoke on Monday. “The bridge is safe,” he said."
    assert by_cue(statements_of(text), "said").speaker.mention.text == "he"


def test_a_hyphenated_name_is_kept_whole(statements_of):
    s = statements_of("Secretary General Ban Ki-moon said the test was a clear breach.")[0]
    assert s.speaker.name == "Ban Ki-moon"


@pytest.mark.parametrize(("text", "name"), [
    ("“We were wrong not to stop him at the start,” Ramos, 58, told the agency in an interview.", "Ramos"),
    ("“Very good question, very good,” Tom Hale, the mayor of the city and its best-known lawyer, said.", "Tom Hale"),
    ("Said Ellis: “I do not get the sense she is the least bit interested in reform.”", "Ellis"),
])
def test_inverted_frames_where_the_parse_lost_the_subject(statements_of, text, name):
    s = [s for s in statements_of(text) if s.kind == "direct"][0]
    assert s.speaker.name.endswith(name)


def test_the_frame_after_a_quotation_names_its_speaker(statements_of):
    text = "“We will rebuild every school,” Texas delegate Bill Eastland, wearing a cowboy hat, said at the rally."
    found = statements_of(text)
    assert [(s.kind, s.quote.text, s.speaker.name) for s in found] == [
        ("direct", "We will rebuild every school,", "Bill Eastland")]


def test_a_surname_that_is_also_a_noun_is_the_person_the_article_named(statements_of):
    found = statements_of("Kristen Day leads the group. “We need more help,” Day said.")
    assert [s.speaker.name for s in found] == ["Kristen Day"]


@pytest.mark.parametrize(("text", "cue", "speaker"), [
    # continued speech: the participle the parser hung on the reported clause is the reporter's subject's
    ("Ana Ruiz told the paper that Peter Novak “had a crazy plan,” adding, “He lost every vote.”", "adding",
     "Ana Ruiz"),
    ("Ana Ruiz argued that a registry would keep people out, saying it is “all about management.”", "saying",
     "Ana Ruiz"),
    ("Ana Ruiz said last week that Peter Novak represents “city values,” stating during the debate that they "
     "are “liberal.”", "stating", "Ana Ruiz"),
    # an inverted frame the participle goes on from: the frame's subject adds, not the one it reports
    ("Novak said Ruiz “would have no chance to win,” the source recalled, adding that Novak called her a liar.",
     "adding", "source"),
    # a second participle the parse joined to the last verb of what the first reports
    ("Ruiz pushed back on those claims, saying that the bill had the right parts but was waylaid by mistrust - and "
     "arguing that he and Novak shared \"almost all the same views.\"", "arguing", "Ruiz"),
    ("Republicans were quick to chime in, with Ana Ruiz tweeting that it was a \"disaster\" for Novak and asking, "
     "\"How can someone with such bad judgement lead us?\"", "asking", "Ana Ruiz"),
    # a participle of something the reported clause's subject did stays theirs
    ("The spokesman said the minister resigned on Monday, citing his health.", "citing", "minister"),
    # a participle after a quotation does not invert: the noun after it is whom it addresses
    ("Ana Ruiz hailed the vote as “fantastic,” telling reporters on Friday that it was “a great thing.”",
     "telling", "Ana Ruiz"),
])
def test_a_participle_of_saying_goes_on_with_the_speaker(statements_of, text, cue, speaker):
    found = [s for s in statements_of(text) if s.cue is not None and s.cue.text == cue]
    assert len(found) == 1 and speaker in found[0].speaker.mention.text


def test_he_in_a_clause_under_a_group_is_not_the_group(statements_of):
    found = statements_of("In Anaheim, the crowd booed when he told them the senator “has a number of super PACs.”")
    assert found[0].speaker.name != "crowd"


@pytest.mark.parametrize("text", [
    "“We must act,” said Jon Ralston, who watched Tom Hale speak in Reno on Monday.",
    "“We must act,” said Jon Ralston, a commentator who watched Tom Hale speak.",
])
def test_an_inverted_frame_with_a_clause_after_the_name_is_the_names(statements_of, text):
    # the parse makes "Jon Ralston … speak" a clause the cue reports
    found = [(s.speaker.name, s.quote.text) for s in statements_of(text) if s.cue.text == "said"]
    assert found == [("Jon Ralston", "We must act,")]


def test_a_quotation_after_a_relative_clause_on_the_speaker_goes_on_with_the_speaker(statements_of):
    text = ("“She needs big ideas,” said Robert Reich, who served as labor secretary yet endorsed Bernie "
            "Sanders in the primary. “Her instinct is to be incrementalist.”")
    said = by_cue(statements_of(text), "said")
    assert said.speaker.name == "Robert Reich"
    assert said.quote.text == "She needs big ideas, … Her instinct is to be incrementalist."


def test_descriptions_joined_in_an_apposition_are_one_person_not_a_group(statements_of):
    text = ("“He is,” said Lionel Sosa, a Texas media consultant and an influential Hispanic Republican "
            "who said he would not vote for Mr. Cruz.")
    assert [s.speaker.name for s in statements_of(text)] == ["Lionel Sosa", "Lionel Sosa"]


def test_he_in_a_clause_under_a_plural_subject_is_not_that_subject(statements_of):
    text = "Senator Tom Hale spoke first. Advocates cite his record when he said he supported a ban."
    s = by_cue(statements_of(text), "said")
    assert s.speaker.name == "Tom Hale"


def test_a_participle_opening_its_own_sentence_goes_on_from_the_one_before(statements_of):
    text = "Ana Ruiz stated that the report “wasn’t good.” Adding, “Now, what they actually do is never that bad.”"
    found = [s for s in statements_of(text) if s.cue is not None and s.cue.text == "Adding"]
    assert len(found) == 1 and found[0].speaker.name == "Ana Ruiz"


@pytest.mark.parametrize(("text", "speaker"), [
    ("The Vermont senator emailed supporters saying: “The struggle continues.”", "senator"),
    ("The senator wrote to members on Monday saying the vote would be close.", "senator"),
    ("The ministry quoted officials saying the talks had stalled.", "officials"),  # not addressed: theirs
])
def test_a_participle_on_whom_someone_addressed_is_the_senders(statements_of, text, speaker):
    found = [s for s in statements_of(text) if s.cue is not None and s.cue.text == "saying"]
    assert len(found) == 1 and speaker in found[0].speaker.mention.text


def test_a_participle_inside_what_a_source_reported_is_the_clause_subjects(statements_of):
    text = "Ana Ruiz welcomed the news, saying the governor was “doing the right thing,” the paper reported."
    found = [s for s in statements_of(text) if s.cue is not None and s.cue.text == "saying"]
    assert len(found) == 1 and found[0].speaker.name == "Ana Ruiz"


def test_a_relative_clause_on_a_predicate_noun_is_the_subjects(statements_of):
    # the nouns said of the subject after "is" are no speaker; the subject they describe is
    found = statements_of("Editor’s note: Dan Pike regularly incites anger and is a serial liar, rampant "
                          "schemer and birther who has repeatedly pledged to close the port to all ships.")
    assert [s.speaker.name for s in found if s.cue.text == "pledged"] == ["Dan Pike"]
    # a list of them the parser hangs as appositions of the first
    found = statements_of("Dan Pike is a serial liar, rampant schemer, racist, misogynist, birther and bully who "
                          "has repeatedly pledged to close the port to all ships.")
    assert [s.speaker.name for s in found if s.cue.text == "pledged"] == ["Dan Pike"]
    # a name there is no predicate: "outdid Karl Berg, who said …" is Berg's
    found = statements_of("Dan Pike was out-shouting Karl Berg, who said he would only close the port briefly.")
    assert [s.speaker.name for s in found if s.cue.text == "said"] == ["Karl Berg"]


def test_a_participle_after_with_and_a_name_has_that_name_as_its_subject(statements_of):
    # an absolute construction: the parse hangs "asking" on "ended" and "Dan Pike" on "with";
    # the conversation asked nothing
    found = statements_of("The interview ended with Maddow asking Warren pointedly whether she would consider a man "
                          "as a running mate.")
    assert [(s.cue.text, s.speaker.name) for s in found] == [("asking", "Maddow")]


def test_those_with_the_words_that_say_who_they_are_is_a_group(statements_of):
    # "those" alone names no one; "those surveyed" are the poll's respondents
    found = statements_of("Those surveyed say the economy should be the first priority.")
    assert [(s.speaker.mention.text, s.speaker.type) for s in found] == [("Those surveyed", "group")]


def test_a_governing_verb_joined_to_another_shares_its_subject_over_an_agent(statements_of):
    # "after telling" hangs on "shouted down", which shares "was booed"'s subject: the one booed
    # told them, not the supporters who booed
    found = statements_of("Mayor Ines Roth was booed and shouted down by the union's supporters after telling the "
                          "strikers that they were “being ridiculous.”")
    assert [s.speaker.name for s in found] == ["Ines Roth"]


@pytest.mark.parametrize("text", [
    # "who" tells a person: the noun before the set-off relative clause says it, though the parse
    # makes the relative clause what the cue reports
    "Karl Berg spoke first. Berg, meanwhile, who has never held office, said the port had been run "
    "badly for years.",
    "Ms. Anna Lindqvist, whose small firm, Nordvik, builds ferries for the islands, said the new port was "
    "too expensive to run.",
])
def test_the_noun_before_a_set_off_relative_clause_speaks(statements_of, text):
    found = [s for s in statements_of(text) if s.cue.text == "said"]
    assert [s.speaker.type for s in found] == ["person"]
    assert found[0].speaker.name in {"Karl Berg", "Anna Lindqvist"}
    assert "whose" not in found[0].speaker.mention.text


def test_a_short_quotation_inside_the_frame_is_passed_over_for_the_speaker(statements_of):
    # the quoted name on the pins is part of the frame after the quotation, not what was said
    found = statements_of('"We have seen better weeks than this one," port delegate Maria Lopez, wearing a '
                          'yellow scarf and "Vote Berg" buttons, said calmly.')
    assert [(s.kind, s.speaker.name, s.quote.text) for s in found] == [
        ("direct", "Maria Lopez", "We have seen better weeks than this one,")]


def test_an_age_asking_after_a_quotation_is_the_asker(statements_of):
    # the parse takes "asked" for a participle on "old"; after a quotation it is the asker's past
    # tense, and "the 52-year-old" is the person the narration was about
    found = statements_of('Karl Berg posted the video on Monday. "Why is the ferry late again?" the '
                          '52-year-old asked in the caption.')
    assert [(s.kind, s.speaker.name, s.speaker.mention.text) for s in found] == [
        ("question", "Karl Berg", "the 52-year-old")]


def test_a_verb_joined_by_and_to_a_first_clause_the_parse_subordinated_shares_its_subject(statements_of):
    # "stood …, and, citing …, endorsed": the parse makes "stood" a clause that "endorsed" reports,
    # so "endorsed" has no subject; the parenthesised quotation is what "citing" cites, and the
    # frame after the parenthesis (with its object right after the cue) is no inversion
    found = statements_of("On Sunday, Pastor Karl Berg stood at his pulpit in Dover, Delaware, and, citing "
                          "Proverbs 29:2 (''when the righteous are in authority, the people rejoice''), endorsed "
                          "Mayor Anna Lindqvist of Dover, urging his parishioners to also consider voting for her.")
    assert [(s.cue.text, s.speaker.name) for s in found] == [
        ("citing", "Karl Berg"), ("endorsed", "Karl Berg"), ("urging", "Karl Berg")]


def test_an_adjunct_on_a_reported_clause_about_a_thing_is_the_reporters(statements_of):
    # "before claiming" hangs on "has kept", whose subject (a delay) claims nothing: the mayor claimed
    found = statements_of("Mayor Karl Berg said the council's delay has \"kept the port safe\" on the radio "
                          "before claiming that the new ferries are \"ruining the harbour.\"")
    assert [(s.cue.text, s.speaker.name) for s in found] == [("said", "Karl Berg"), ("claiming", "Karl Berg")]


@pytest.mark.parametrize(("text", "cue", "name"), [
    # a participle aside between the name and its verb, which the parse makes the clause
    ("The issue had come up Friday after Mr. Karl Berg, asked about the deaths of sailors under Mr. Tomas Ek, "
     "had said, ''I think our port does plenty of harm also.''", "had said", "Karl Berg"),
    # a dash aside
    ("On his way out of the campaign, Mr. Walsh - in a line that seemed squarely directed at Mr. Grant's divisive "
     "brand of politics - declared that a president must tend to all corners of the country and all kinds of people.",
     "declared", "Walsh"),
])
def test_a_name_set_off_from_its_verb_by_an_aside_is_the_speaker(statements_of, text, cue, name):
    assert {s.cue.text: s.speaker.name for s in statements_of(text)}[cue] == name


def test_a_participle_after_an_aside_is_no_set_off_verb(statements_of):
    # "…, describing … but insisting": a participle goes on with the clause before it, whose
    # subject it shares; the name before the aside's comma ("Republicans") says nothing
    found = statements_of("Facing mounting criticism from Democrats and Republicans, Mr. Karl Berg released a "
                          "statement on Saturday night, describing the sailor as a hero but insisting that Mr. Ek had "
                          "no right to criticize him.")
    assert {s.cue.text: s.speaker.name for s in found}["insisting"] == "Karl Berg"


def test_a_conjoined_cue_takes_the_speaker_of_the_first_when_the_parse_lost_both_subjects(statements_of):
    # the parser hangs "Joan Miller" on "in" (a place and an age before the name): neither verb
    # has a subject; the second says what the first's speaker says, not what the first acts on
    text = ("At a May town hall in St. Cloud, Minnesota, 58-year-old Joan Miller also railed against lobbyists, "
            "and explained how much it upset her to see them win.")
    explained = by_cue(statements_of(text), "explained")
    assert explained.speaker.name == "Joan Miller"
    assert explained.speaker.name == by_cue(statements_of(text), "railed").speaker.name


@pytest.mark.parametrize(("words", "heads", "deps", "pos", "noun", "cue", "taken"), [
    # "lobbyists" is what Hale disparaged, not who vowed (the parse lost the link of "vowed" to
    # its subject); Hale, the subject, is no object
    (["Hale", "has", "disparaged", "lobbyists", ",", "and", "vowed", "to", "cut", "taxes", "."],
     [2, 2, 2, 2, 2, 2, 6, 8, 6, 8, 6],
     ["nsubj", "aux", "ROOT", "dobj", "punct", "cc", "ROOT", "aux", "xcomp", "dobj", "punct"],
     ["PROPN", "AUX", "VERB", "NOUN", "PUNCT", "CCONJ", "VERB", "PART", "VERB", "NOUN", "PUNCT"], 3, 6, True),
    (["Hale", "has", "disparaged", "lobbyists", ",", "and", "vowed", "to", "cut", "taxes", "."],
     [2, 2, 2, 2, 2, 2, 6, 8, 6, 8, 6],
     ["nsubj", "aux", "ROOT", "dobj", "punct", "cc", "ROOT", "aux", "xcomp", "dobj", "punct"],
     ["PROPN", "AUX", "VERB", "NOUN", "PUNCT", "CCONJ", "VERB", "PART", "VERB", "NOUN", "PUNCT"], 0, 6, False),
    # right before the cue the object is the cue's subject: "a poll showed a majority say …"
    (["A", "poll", "showed", "a", "majority", "say", "no", "."], [1, 2, 2, 4, 2, 2, 5, 2],
     ["det", "nsubj", "ROOT", "det", "dobj", "ccomp", "dobj", "punct"],
     ["DET", "NOUN", "VERB", "DET", "NOUN", "VERB", "PRON", "PUNCT"], 4, 5, False),
    # "after" opens a clause whose subject the parser took for its object
    (["Staff", "spoke", "after", "Gowdy", "earlier", "touted", "progress", "."], [1, 1, 1, 2, 5, 1, 5, 1],
     ["nsubj", "ROOT", "prep", "pobj", "advmod", "advcl", "dobj", "punct"],
     ["NOUN", "VERB", "ADP", "PROPN", "ADV", "VERB", "NOUN", "PUNCT"], 3, 5, False),
])
def test_the_object_of_another_verb_with_a_subject_is_no_speaker(nlp, words, heads, deps, pos, noun, cue, taken):
    # taken-object rule (nearest_speakers.py), on parses given by hand
    from spacy.tokens import Doc

    from onrecord.extraction.nearest_speakers import object_of_another_verb

    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert object_of_another_verb(doc[noun], doc[cue]) is taken


@pytest.mark.parametrize(("text", "cue", "speaker"), [
    # a participle after a noun, with what a passive takes: the noun is acted on, the actor unsaid
    ("Cuba also released Ana Ruiz, an engineer accused of spying, but the ministry insisted that was not "
     "part of the deal.", "accused", "unknown"),
    # the tagger's participle for a finite verb: after a name, or with neither agent nor "of"
    ("Senator Dana Cole, the committee's chair, tweeted in response: “This is a sad day.”", "tweeted", "Dana Cole"),
    ("“Is this the end?” the 43-year-old asked in the video’s description.", "asked", "43-year-old"),
    ("“Not us but we can’t argue with it!” Ward, the head of Save Our Port, Tweeted on Friday with an image of "
     "the protest.", "Tweeted", "Ward, the head of Save Our Port"),
])
def test_a_reduced_passive_names_no_speaker(statements_of, text, cue, speaker):
    assert by_cue(statements_of(text), cue).speaker.name == speaker


def test_a_content_never_starts_on_a_contracted_verb(statements_of):
    # clitic rule (content_ends.start_with_clitic_host): the parser hung "there" on the cue
    (found,) = statements_of("Studies have shown there’s no link between autism and the vaccine.")
    assert found.quote.text.startswith("there’s no link")


@pytest.mark.parametrize(("words", "tags", "ents", "noun", "cue", "disagrees"), [
    # "… polls in the state he calls home show him with a lead": "show" is no verb of "he"
    (["he", "calls", "home", "show"], ["PRP", "VBZ", "NN", "VBP"], [None] * 4, 0, 3, True),
    (["polls", "show"], ["NNS", "VBP"], [None, None], 0, 1, False),
    (["Ames", "show"], ["NNP", "VBP"], ["PERSON", None], 0, 1, True),
    (["officials", "says"], ["NNS", "VBZ"], [None, None], 0, 1, True),
    # a singular common noun may stand for many, a plural name for one: no rule
    (["majority", "say"], ["NN", "VBP"], [None, None], 0, 1, False),
    (["States", "says"], ["NNPS", "VBZ"], ["GPE", None], 0, 1, False),
    # past tense agrees with anything
    (["he", "showed"], ["PRP", "VBD"], [None, None], 0, 1, False),
])
def test_a_present_tense_cue_agrees_with_its_speaker(nlp, words, tags, ents, noun, cue, disagrees):
    # agreement rule (nearest_speakers.disagrees_in_number), on tags given by hand
    from spacy.tokens import Doc

    from onrecord.extraction.nearest_speakers import disagrees_in_number

    doc = Doc(nlp.vocab, words=words, tags=tags, ents=[f"B-{e}" if e else "O" for e in ents])
    assert disagrees_in_number(doc[noun], doc[cue]) is disagrees


def test_a_name_and_its_epithet_split_in_two_subjects_is_the_name(statements_of):
    # epithet rule (subjects.name_before_its_epithet)
    (found,) = statements_of("Obama the realist knows that even if all the commitments are met, they will fall short.")
    assert found.speaker.name == "Obama"


@pytest.mark.parametrize(("text", "speaker", "words"), [
    ("He also had a voice in decisions about major American investments in Ukraine, said a former spokesman for "
     "Ukraine's Foreign Ministry, Oleg Voloshyn, who also ran as a candidate in the new bloc Mr. Manafort helped form.",
     "Oleg Voloshyn", "He also had a voice in decisions"),
    # a subject set off with a relative clause is the cue's own: no inversion
    ("Mr. Slinker, whose latest start-up, Paradata, uses big data to help brands find suppliers, said Mr. Trump "
     "was a candidate very much in the spirit of Silicon Valley.", "Slinker", "Mr. Trump was a candidate"),
])
def test_a_frame_inverted_after_reported_speech_names_its_speaker(statements_of, text, speaker, words):
    # inversion rule (inverted_frames.after_its_clause)
    (found,) = [s for s in statements_of(text) if s.cue.text == "said"]
    assert speaker in found.speaker.name and found.quote.text.startswith(words)
