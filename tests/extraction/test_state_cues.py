"""Noun and adjective cues with a that-clause (state_cues.py), on sentences we write."""

import pytest


@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        ("The committee debated her argument that the tariff hurts farmers.", "argument",
         "that the tariff hurts farmers", "her"),
        ("Reporters seized on Governor Lena Moss's claim that the bridge is safe.", "claim",
         "that the bridge is safe", "Lena Moss"),
        ("The mayor was confident that the new line would open in May.", "confident",
         "that the new line would open in May", "mayor"),
        ("Senator Ruth Ambler is aware that the vote will be close.", "aware",
         "that the vote will be close", "Ruth Ambler"),
    ],
)
def test_a_noun_or_adjective_with_a_that_clause_reports_its_owners_claim(statements_of, text, cue, content, speaker):
    found = [s for s in statements_of(text) if s.cue is not None and s.cue.text == cue]
    assert len(found) == 1, [(s.cue, s.quote.text) for s in statements_of(text)]
    assert found[0].quote.text == content
    assert speaker in found[0].speaker.mention.text


@pytest.mark.parametrize(
    "text",
    [
        "Reporters seized on the claim that the bridge is safe.",  # no owner: whose claim is a guess
        "The court upheld Governor Lena Moss's claim to the estate.",  # no that-clause
        "The mayor was sure of victory in May.",  # no clause
        "It is certain that the line will open in May.",  # an expletive holds no view
        "Reporters seized on the report's claim that the bridge is safe.",  # a report is no owner who speaks
    ],
)
def test_no_cue_without_an_owner_who_speaks_and_a_that_clause(statements_of, text):
    assert not [s for s in statements_of(text) if s.cue is not None and s.cue.text in {"claim", "sure", "certain"}]


@pytest.mark.parametrize(
    ("text", "cue", "owner"),
    [
        # owned-claim object rule: the reaction reports no words of the reactor's
        ("The Secretary General strongly dismissed Foreign Minister Sergey Lavrov's comments that the "
         "new spending targets would \"bankrupt\" members.", "comments", "Sergey Lavrov"),
        ("The minister rejected Senator Ruth Ambler's claim that the bridge is unsafe.", "claim", "Ruth Ambler"),
        ("Officials took issue with Governor Lena Moss's remark that the budget would shrink.", "remark", "Lena Moss"),
        # the owner named after the noun ("by", "from"), however the parse hangs the phrase
        ("On Monday, Ana Ruiz knocked a statement by actor Peter Novak that too much money was raised.",
         "statement", "Peter Novak"),
        ("The minister rejected a statement by the Kremlin that the talks had collapsed.", "statement", "Kremlin"),
        ("Peskov disputed the claim by Ukrainian officials that the convoy was attacked.", "claim",
         "Ukrainian officials"),
        # a country's claim is its government's
        ("Ukraine rejected Russia's assertion that the strike had hit only military targets.", "assertion",
         "Russia"),
    ],
)
def test_a_reaction_to_a_named_owners_claim_gives_the_words_to_the_owner(statements_of, text, cue, owner):
    found = statements_of(text)
    assert [s.cue.text for s in found] == [cue], [(s.cue.text, s.quote.text) for s in found]
    assert owner in found[0].speaker.mention.text
    assert found[0].quote.text.startswith("that ")


def test_the_speakers_own_conviction_stays_theirs(statements_of):
    text = "President Ivan Petrov expressed his conviction that the talks would resume in May."
    found = statements_of(text)
    assert [s.cue.text for s in found] == ["expressed"]
    assert "Ivan Petrov" in found[0].speaker.mention.text


def test_a_participle_the_parse_hangs_on_the_copula_holds_its_subjects_view(statements_of):
    # in context the parser reads "is convinced" as a copula with "convinced" (VBN) as its
    # complement, not as a passive: the subject still holds the view, and the verb inside the
    # clause ("the developments indicate") is no speaker of it
    text = ("The treaty will be open for any country to accede to. According to the adviser, many countries "
            "will realize that the old formats of security do not work. Mykhailo Podolyak is convinced that the "
            "available developments indicate that preparations for the meeting can already begin.")
    found = statements_of(text)
    inner = [s for s in found if "preparations" in s.quote.text]
    assert [s.speaker.name for s in inner] == ["Mykhailo Podolyak"], [(s.cue.text, s.speaker.name) for s in found]
