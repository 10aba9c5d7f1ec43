"""Issues a statement takes from the text around it (``issue_context``): the speech a split
quotation continues, and what an anaphor refers back to; on sentences we write."""

from __future__ import annotations

import pytest

from onrecord.extraction.issue_context import refers_back_noun, refers_back_pronoun
from onrecord.extraction.issue_tags import parse_only
from onrecord.lexicons.taxonomy import load_taxonomy


def _said(statements, words):
    return next(s for s in statements if words in s.quote.text)


# --- one speech split by the reporter --------------------------------------------------------


def test_a_split_quotation_shares_the_issue_of_its_first_part(statements_of):
    said = statements_of('"Ukraine will join NATO one day," Ana Silva said. "Not everything depends on us," she said.')
    rest = _said(said, "Not everything")
    assert rest.issues == ["nato"]
    assert "continues" in rest.stances["nato"]["note"]  # the stance says how the issue was found


def test_another_speakers_quotation_is_no_continuation(statements_of):
    said = statements_of('"Ukraine will join NATO one day," Ana Silva said. '
                         '"Not everything depends on us," Petro Bondar said.')
    assert _said(said, "Not everything").issues == []


def test_a_long_second_part_has_room_for_a_topic_of_its_own(statements_of):
    long_part = " ".join(["The harvest in the south was good and the farmers are tired but happy."] * 4)
    said = statements_of(f'"Ukraine will join NATO one day," Ana Silva said. "{long_part}" she said.')
    assert _said(said, "The harvest").issues == []


# --- anaphora -----------------------------------------------------------------------------------


def test_this_refers_back_to_the_issue_of_the_sentence_before(statements_of):
    said = statements_of("Reporters wrote that Moscow wants to restore the old borders. "
                         "Ana Silva said that this is not the case.")
    assert _said(said, "not the case").issues == ["territory"]


def test_a_definite_description_refers_back(statements_of):
    said = statements_of("The two sides discussed a prisoner exchange on Monday. "
                         "Ana Silva said the agreement would be signed soon.")
    statement = _said(said, "signed soon")
    assert statement.issues == ["prisoners_humanitarian"]
    assert "prisoner exchange" in statement.stances["prisoners_humanitarian"]["note"]


def test_a_nearer_noun_of_its_own_sentence_is_the_antecedent(statements_of):
    # "it" is the prosecution, not the ceasefire of the sentence before
    said = statements_of("The ceasefire collapsed last week. Regarding the prosecution of the looters, "
                         "Ana Silva said that the state is already working on it.")
    assert _said(said, "working on it").issues == []


def test_an_expletive_it_refers_to_nothing(statements_of):
    said = statements_of("The ceasefire collapsed last week. Ana Silva said it is clear that the harvest was good.")
    assert _said(said, "harvest").issues == []


def test_the_issue_must_be_named_close_by(statements_of):
    said = statements_of("The ceasefire collapsed last week. The harvest was good. The farmers were tired. "
                         "Ana Silva said that this is not the case.")
    assert _said(said, "not the case").issues == []


@pytest.fixture(scope="module")
def heads():
    return load_taxonomy().anaphoric_heads


@pytest.mark.parametrize(
    ("text", "word", "refers"),
    [
        ("This is not acceptable.", "This", True),
        ("We welcomed it.", "it", True),
        ("He said that the war goes on.", "that", False),  # a clause's "that"
        ("The plan that we made failed.", "that", False),  # a relative "that"
        ("It is clear that we must talk.", "It", False),  # expletive
    ],
)
def test_which_pronouns_refer_back(nlp, text, word, refers):
    doc = parse_only(nlp, [text])[0]
    token = next(t for t in doc if t.text == word)
    assert refers_back_pronoun(token) is refers


@pytest.mark.parametrize(
    ("text", "word", "refers"),
    [
        ("The agreement will be signed.", "agreement", True),
        ("We will never take such a step.", "step", True),
        ("An agreement will be signed.", "agreement", False),  # indefinite: something new
        ("All these questions need answers.", "questions", False),  # plural: no one issue
        ("The harvest was good.", "harvest", False),  # a word that names something of its own
    ],
)
def test_which_definite_nouns_refer_back(nlp, heads, text, word, refers):
    doc = parse_only(nlp, [text])[0]
    token = next(t for t in doc if t.text == word)
    assert refers_back_noun(token, heads) is refers


# --- a report that goes on in the next sentence -------------------------------------------------


def test_the_sentence_after_according_to_goes_on_with_the_report(statements_of):
    said = statements_of("According to the adviser, new proposals were written down on Tuesday. "
                         "A next round of peace talks may be agreed within days.")
    assert _said(said, "new proposals").issues == ["negotiations"]


@pytest.mark.parametrize(
    "text",
    [
        # a verb's report ends with its clause
        "The adviser said that new proposals were written down on Tuesday. "
        "A next round of peace talks may be agreed within days.",
        # the next sentence is a statement of its own
        "According to the adviser, new proposals were written down on Tuesday. "
        "Ana Silva said a next round of peace talks may be agreed within days.",
        # a new paragraph
        "According to the adviser, new proposals were written down on Tuesday.\n\n"
        "A next round of peace talks may be agreed within days.",
    ],
)
def test_no_report_goes_on_past_its_frame(statements_of, text):
    assert _said(statements_of(text), "new proposals").issues == []


# --- what the anaphor can and cannot refer to -----------------------------------------------------


def test_a_noun_of_an_adjunct_of_its_own_clause_is_no_antecedent(statements_of):
    # "principle" is in the pronoun's own clause (Hobbs): "it" is the guarantees of the sentence before
    said = statements_of("The minister asked for security guarantees. "
                         "Ana Silva said that in principle it should be signed by spring.")
    assert _said(said, "signed by spring").issues == ["security_guarantees"]


def test_a_phrase_that_holds_the_anaphor_is_not_what_it_refers_to(statements_of):
    said = statements_of("Kyiv wants Paris and Rome among the guarantors of its security. "
                         "Ana Silva said Rome has expressed interest in participating in such a treaty.")
    assert _said(said, "interest in participating").issues == ["security_guarantees"]


def test_an_anaphor_takes_the_issues_of_the_statement_it_refers_back_to(statements_of):
    said = statements_of("Ana Silva said that Kyiv must join NATO. Petro Bondar said this question is often raised. "
                         "Olena Koval said this is the only way.")
    assert _said(said, "often raised").issues == ["nato"]
    only_way = _said(said, "only way")
    assert only_way.issues == ["nato"]
    assert "statement before" in only_way.stances["nato"]["note"]


def test_a_nearer_antecedent_of_its_own_sentence_stops_the_chain(statements_of):
    said = statements_of("Ana Silva said that Kyiv must join NATO. "
                         "Regarding the harvest, Petro Bondar said that the farmers have finished it.")
    assert _said(said, "finished it").issues == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The criminal justice process will take years.", "process"),  # a noun before it
        ("The process of cleaning the river will take years.", "process"),  # an "of" phrase
        ("Our process will take years.", "process"),  # a possessor
        ("The plan that the farmers made failed.", "plan"),  # a clause after it
    ],
)
def test_a_definite_noun_its_own_words_pin_down_does_not_refer_back(nlp, heads, text, word):
    doc = parse_only(nlp, [text])[0]
    token = next(t for t in doc if t.text == word)
    assert refers_back_noun(token, heads) is False


# --- the article's title sets the sense of words that name an issue only in context -----------


def _under_title(statements_under, title: str, text: str):
    return statements_under(title, text, "2022-04-05")


def test_a_word_names_the_issue_its_title_names(statements_under):
    said = _under_title(statements_under, "We must continue negotiations with Russia, the President says",
                        'The President spoke in Kyiv. "We have to find opportunities to meet," he said.')
    statement = _said(said, "opportunities to meet")
    assert statement.issues == ["negotiations"]
    assert "title" in statement.stances["negotiations"]["note"]


@pytest.mark.parametrize(("said", "words", "issues"), [
    ('"There’s no deal until there’s a deal," he said.', "no deal", ["negotiations"]),
    ('"We really made some great progress," he said.', "great progress", ["negotiations"]),
    # the verb "deal" is no deal
    ('"We will deal with it," he said.', "deal with", []),
])
def test_under_a_title_on_the_talks_the_deal_and_the_progress_are_theirs(statements_under, said, words, issues):
    text = _under_title(statements_under, "No deal yet: Trump on Putin talks", f"The President spoke. {said}")
    assert _said(text, words).issues == issues


@pytest.mark.parametrize(("said", "words"), [
    ('"They are in very serious discussions," he said.', "serious discussions"),
    ('"We broke a deadlock," he said.', "broke a deadlock"),
    ('"The future treaty must contain a provision on that," he said.', "future treaty"),
])
def test_under_a_title_on_the_talks_their_discussions_and_treaty_are_theirs(statements_under, said, words):
    text = _under_title(statements_under, "No deal yet: Trump on Putin talks", f"The President spoke. {said}")
    assert _said(text, words).issues == ["negotiations"]


@pytest.mark.parametrize("title", ["News conference following Russian-Hungarian talks",
                                   "Press statements following Russian-Chinese talks"])
def test_talks_of_other_parties_in_the_title_are_not_the_war_talks(statements_under, title):
    said = _under_title(statements_under, title, 'The Prime Minister spoke. "Today\'s meeting was our 12th," he said.')
    assert _said(said, "meeting was our 12th").issues == []


@pytest.mark.parametrize(("text", "word", "other"), [
    ("In 2019, Sochi hosted the first Russia-Africa summit.", "summit", True),
    ("They discussed the outcomes of the Russian-American summit in Geneva.", "summit", True),
    ("The Russian-Ukrainian talks resumed in Istanbul.", "talks", False),
    ("The Russia-US talks on Ukraine resumed in Riyadh.", "talks", False),
    ("Kyiv asked for more Soviet-made Tochka-U missiles.", "missiles", False),
])
def test_the_affairs_of_other_parties_named_before_the_word(nlp, text, word, other):
    from onrecord.extraction.issue_scope import others_affair

    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    assert others_affair(doc[token.i:token.i + 1]) is other


@pytest.mark.parametrize("said", [
    '"Ukraine is ready to negotiate with the Russian Federation to end the war," the president said.',
    '"We had optimistic talks with Moscow on ending the war," the adviser said.',
    '"This will hinder the end of the war through diplomacy with Russia," Zelensky said.',
])
def test_ending_the_war_as_what_the_talks_are_for_is_the_talks_aim(statements_of, said):
    assert [s.issues for s in statements_of(said)] == [["negotiations"]]


@pytest.mark.parametrize("said", [
    '"We want to end the war now, and talks with Russia can wait," Zelensky said.',
    '"We are ready to negotiate a ceasefire with Russia," Zelensky said.',  # the ceasefire's own word
])
def test_ending_the_war_beside_the_talks_or_a_ceasefire_they_settle_is_a_ceasefire(statements_of, said):
    assert all("ceasefire" in s.issues for s in statements_of(said))


def test_a_statement_on_a_summit_of_other_parties_takes_up_no_talks(statements_of):
    said = statements_of('"In 2019, Sochi hosted the first Russia-Africa summit," Putin said of the war in Ukraine.')
    assert said and all("negotiations" not in s.issues for s in said)


@pytest.mark.parametrize("title", ["Russian-Ukrainian talks in Istanbul", "Russia-US talks in Riyadh on Ukraine"])
def test_talks_between_the_sides_or_on_ukraine_in_the_title_are(nlp, title):
    from onrecord.extraction.issue_context import title_issues
    from onrecord.lexicons.taxonomy import load_taxonomy

    assert title_issues(nlp, [title], load_taxonomy()) == [["negotiations"]]


def test_the_same_word_under_another_title_names_nothing(statements_under):
    said = _under_title(statements_under, "The President visited a school in Lviv",
                        'The President spoke in Kyiv. "We have to find opportunities to meet," he said.')
    assert _said(said, "opportunities to meet").issues == []


def test_under_a_title_about_guarantees_a_new_alliance_is_one(statements_under):
    said = _under_title(statements_under, "Ukraine needs security guarantees that work, the adviser says",
                        '"A completely new alliance will be created in Europe," the adviser said.')
    assert "security_guarantees" in _said(said, "new alliance").issues


def test_titles_piped_in_a_batch_name_the_issues_each_names_alone(nlp, statements_under):
    """The stage tags the titles of a batch in one pass of the model: each article gets its own
    title's issues, as when it is processed alone."""
    from onrecord.extraction.pipeline import make_doc
    from onrecord.extraction.pipeline import statements_of as collect
    from onrecord.model.article import Article

    text = 'The President spoke in Kyiv. "We have to find opportunities to meet," he said.'
    titles = ["We must continue negotiations with Russia, the President says", "The President visited a school",
              "", "We must continue negotiations with Russia, the President says"]
    articles = [Article(id=str(n), text=text, title=title, date="2022-04-05") for n, title in enumerate(titles)]
    piped = [collect(doc) for doc in nlp.pipe(make_doc(nlp, a) for a in articles)]
    alone = [_under_title(statements_under, title, text) for title in titles]
    assert [[s.issues for s in said] for said in piped] == [[s.issues for s in said] for said in alone]
    meet = [_said(said, "opportunities to meet").issues for said in piped]
    assert meet == [["negotiations"], [], [], ["negotiations"]]


# --- a transcript's answer is about the question before it ----------------------------------------


def test_an_answer_takes_the_issue_of_the_question(statements_of):
    said = statements_of("Q Mr. President, will you send more Patriot missiles to Ukraine?\n\n"
                         "THE PRESIDENT: Well, we are looking at it very closely.\n\n"
                         "They need them badly.")
    assert _said(said, "looking at it").issues == ["weapons_permissions"]
    assert _said(said, "need them").issues == ["weapons_permissions"]  # the same turn goes on


def test_a_question_about_another_debate_sets_no_issue(statements_of):
    said = statements_of("Q Mr. President, will the tariffs on aluminum stay in place?\n\n"
                         "THE PRESIDENT: Well, we are looking at it very closely.")
    assert _said(said, "looking at it").issues == []


def test_a_statement_that_is_no_answer_takes_nothing_from_a_question(statements_of):
    said = statements_of("Reporters asked about Patriot missiles for Ukraine.\n\n"
                         "The mayor said that the harvest was good.")
    assert _said(said, "harvest").issues == []


def test_the_referring_words_are_those_a_walk_finds(nlp):
    from onrecord.extraction.found import Found
    from onrecord.extraction.issue_context import anaphors

    heads = frozenset({"agreement", "step", "proposal"})
    text = ('"That is the step we need. It matters, and the agreement must hold," she said. '
            '"This proposal? That they said it is clear. The proposals and such a step help."')
    doc = nlp(text)
    walk = [t.i for t in doc if refers_back_pronoun(t) or refers_back_noun(t, heads)]
    assert len(walk) >= 4
    ranges = [(1, text.index(",")), (text.index('"This'), len(text))]
    f = Found("direct", ranges, None, None, "speech", None)
    assert [t.i for t in anaphors(doc, f, heads)] == [
        i for s, e in sorted(ranges) for i in walk if s <= doc[i].idx < e]


def test_the_occasion_chain_is_the_ancestors_up_to_the_verb(nlp):
    from onrecord.extraction.statement_issues import occasion_chain

    doc = nlp("During the talks with the German chancellor in Berlin, she said that peace was near.")
    token = next(t for t in doc if t.text == "chancellor")
    chain = occasion_chain(token, frozenset({"talks"}))
    walk = []
    for a in token.ancestors:
        if a.pos_ in {"VERB", "AUX"}:
            break
        walk.append((a.idx, a.lower_ == "talks" and a.dep_ in {"prep", "pobj", "npadvmod"}))
    assert chain == walk and any(flag for _, flag in chain)
