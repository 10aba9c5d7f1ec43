"""Whom a surname alone names: the full name of the article it ends, written with a middle initial,
tagged as something else than a person by the model, or beside a phrase that looks like a name."""

from types import SimpleNamespace

import pytest

from onrecord.extraction.genders import agreeing_full_name


def test_a_middle_initial_is_no_first_name_reference(speakers_of):
    # "Dennis" followed by "K." is the full name written out, not the writer calling him "Dennis"
    text = ("The talks were led by Dennis K. Marlowe, a former envoy. Mr. Marlowe said the two sides "
            "were far apart.\n\n“We will keep trying,” Mr. Marlowe said.")
    assert set(speakers_of(text).values()) == {"Dennis K. Marlowe"}


def test_a_first_name_alone_still_tells_two_bearers_apart(speakers_of):
    text = ("President Alan Brisco met his son, Hunter Brisco, in Rome. Hunter said nothing.\n\n"
            "“The visit is private,” Brisco said.")
    assert speakers_of(text)["The visit is private,"] == "Alan Brisco"


def test_a_full_name_the_model_tagged_an_organisation_names_the_surname(speakers_of):
    # the model tags "Carly Fiorina" ORG here; her husband's name is the only PERSON entity
    text = ("The auditorium was half-empty when GOP presidential candidate Carly Fiorina strode onstage. "
            "Instead, Fiorina opened by talking about her charitable work.\n\n"
            "Flying home one night, she vented to her husband, Frank Fiorina, that it would be "
            "\"incredibly ugly.\"\n\n"
            "\"The merger with Compaq was the best strategic option for us,\" Fiorina said.")
    speakers = speakers_of(text)
    assert speakers["The merger with Compaq was the best strategic option for us,"] == "Carly Fiorina"
    assert "Frank Fiorina" not in speakers.values()


def test_a_given_name_of_the_mentions_gender_comes_before_a_phrase_that_marks_none(nlp):
    doc = nlp("Mr. Clinton said so.")
    found = SimpleNamespace(mention=doc[0:2])
    names = ["Classic Clinton", "Bill Clinton", "Hillary Clinton"]
    assert agreeing_full_name(found, "Hillary Clinton", names, {}) == "Bill Clinton"


def test_a_label_inside_someone_s_quotation_is_their_words(statements_of):
    text = ("Mr. Begala said: \"I love that where so many analysts see cacophony he sees a symphony. "
            "Classic Clinton: optimistic, unifying.\"")
    statements = statements_of(text)
    assert [s.speaker.name for s in statements] == ["Begala"]
    assert statements[0].quote.text.endswith("optimistic, unifying.")


def test_an_exchange_quoted_with_its_own_quotation_marks_keeps_its_labels(speakers_of):
    text = ("\"Debate recap,\" tweeted Rubio spokesman Alex Conant. \"Clinton: 'I come from the 60s, a "
            "long time ago.' Marco: 'This election is about the future.'\"")
    speakers = speakers_of(text)
    assert speakers["This election is about the future."] == "Marco"


def test_a_description_the_model_took_into_the_name_is_left_out(speakers_of):
    text = ("Billionaire Donald Marchetti praised the network on Monday.\n\n"
            "“Very good reporter,” Marchetti said.")
    assert set(speakers_of(text).values()) == {"Donald Marchetti"}


def test_a_list_s_dash_is_no_part_of_the_name(speakers_of):
    text = "What we are reading:\n-Craig Fehrman explains why Indiana is “weird.”"
    assert "Craig Fehrman" in speakers_of(text).values()


def test_a_nickname_someone_is_quoted_giving_is_not_the_full_name(speakers_of):
    text = ("Hillary Clinton spoke in Ohio on Friday.\n\n"
            "He wrote: “Working that microphone was harder than working Crooked Hillary Clinton.”\n\n"
            "“We will win,” Clinton said. Rival Hillary Clinton said her plans would help families.")
    names = set(speakers_of(text).values())
    assert "Crooked Hillary Clinton" not in names
    assert "Hillary Clinton" in names


@pytest.mark.parametrize("title", ["Pastor", "Rabbi", "Rev.", "Archbishop", "Professor", "Assemblywoman", "Sheriff"])
def test_an_office_written_before_a_name_is_no_part_of_it(speakers_of, title):
    text = f"{title} Nadia Kowalczyk spoke on Sunday.\n\n“We will not be silent,” {title} Kowalczyk said."
    assert set(speakers_of(text).values()) == {"Nadia Kowalczyk"}


def test_a_plural_title_before_two_surnames_names_both(speakers_of):
    text = ("Professors Nancy Foner and Richard Alba study migration.\n\n"
            "“Muslims feel they have a secondary status,” said Professors Foner and Alba.")
    assert set(speakers_of(text).values()) == {"Nancy Foner and Richard Alba"}


def test_a_generational_suffix_follows_the_surname(statements_of):
    text = ("The commander, Adm. Harold B. Marston Jr., spoke on Monday.\n\n"
            "“We will sail where the law allows,” Admiral Marston said.")
    [statement] = statements_of(text)
    assert statement.speaker.name.startswith("Harold B. Marston Jr")
    assert statement.speaker.id == "person:h-marston-jr"


def test_a_pinned_person_written_with_the_suffix_is_that_person(statements_of):
    text = ("Vice President Joseph R. Biden Jr. spoke on Monday.\n\n"
            "“The middle class is getting clobbered,” Mr. Biden said.")
    [statement] = statements_of(text)
    assert statement.speaker.id == "person:j-biden"


def test_a_first_name_alone_that_tells_no_one_apart_keeps_the_surname(speakers_of):
    # the writer calls her "Marisa" as news calls some politicians; no other Delacroix is named
    text = ("Marisa Delacroix spoke in Ohio on Friday. Marisa was tired after the flight.\n\n"
            "“We will win this state,” Delacroix said.")
    assert speakers_of(text)["We will win this state,"] == "Marisa Delacroix"


def test_a_first_name_alone_beside_a_pinned_surname_tells_them_apart(speakers_of):
    text = ("President Biden met his son, Hunter Biden, in Rome. Hunter said nothing.\n\n"
            "“The visit is private,” Biden said.")
    assert speakers_of(text)["The visit is private,"] == "Joe Biden"


def test_a_surname_the_model_took_for_a_title_is_the_person_named_in_full(speakers_of):
    # "Cole" alone is tagged PRODUCT here: the surname of Rep. Tom Cole, named before
    text = ("Rep. Tom Cole of Oklahoma spoke on Thursday. Yet Trump is also a \"change agent,\" Cole said. "
            "\"That is exactly what people want right now.\"")
    assert set(speakers_of(text).values()) == {"Tom Cole"}


def test_told_apart_needs_another_bearer_of_the_surname(nlp):
    from onrecord.extraction.canonical_names import told_apart

    doc = nlp("The family met in Rome on Monday.")
    assert told_apart(doc, "Hunter Brisco", ["Hunter Brisco", "Alan Brisco"], None)
    assert not told_apart(doc, "Marisa Delacroix", ["Marisa Delacroix", "Delacroix"], None)
    # the same person more fully, a show's title and a phrase are no other bearer
    assert not told_apart(doc, "Donald Trump", ["Donald Trump", "Donald J. Trump", "Los Hijos de Trump",
                                                "Mr. Trump's jabs at Mr. and Mrs. Trump"], None)
    assert told_apart(nlp("President Brisco met his son in Rome."), "Hunter Brisco", ["Hunter Brisco"], None)


def test_a_bearer_named_only_later_has_not_spoken_yet(statements_of):
    # the lead names Ana Varga; "Varga" speaks; Karl Varga, her husband, is named and speaks only
    # paragraphs later: the bare surname before him is hers (it had been his, the one who spoke
    # last anywhere in the article), and so is a bare "Varga" after him, further on
    text = ("The race between Ana Varga and Dan Pike turned tense on Tuesday.\n\n"
            "Varga sought to brush aside her loss in the north, pointing to a big victory in the south.\n\n"
            "The exchanges were sharp. The debate ran late.\n\n"
            "Then, Karl Varga set his wife's expectations low, saying that a loss would not end her run.\n\n"
            "Pike spoke of his plans. The crowd cheered him.\n\n"
            "The questions went on. Asked about trust in the debate, Varga said, \"I do take responsibility.\"")
    by_cue = {s.cue.text: s.speaker.name for s in statements_of(text)}
    assert by_cue["sought"] == "Ana Varga"
    assert by_cue["said"] == "Ana Varga"


def test_a_surname_no_full_name_ends_in_goes_to_the_one_it_is_a_spelling_of():
    from onrecord.extraction.canonical_names import canonical_names

    mapping = canonical_names(["Rudy Giuliani", "Giulini", "Volodymyr Zelenskyy", "Zelensky", "Michael McCaul",
                               "McFaul", "O’Neill", "James O'Neill"])
    assert mapping["Giulini"] == "Rudy Giuliani" and mapping["Zelensky"] == "Volodymyr Zelenskyy"
    assert mapping["McFaul"] == "McFaul"  # a consonant apart: another person
    assert mapping["O’Neill"] == "James O'Neill"
    # brothers the writer tells apart by first name: the bare surname stays theirs to share
    both = canonical_names(["Fred Trump", "Donald Trump", "Trump"], first_named={"Fred Trump", "Donald Trump"})
    assert both["Trump"] == "Trump"
