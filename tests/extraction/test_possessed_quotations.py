"""Possessed quotations: "Putin's “next time in Moscow” quip" is Putin's words, the noun its cue."""


def _summary(statements):
    return [(s.kind, s.speaker.name, s.cue.text, s.quote.text) for s in statements]


def test_a_quotation_between_a_possessive_and_a_noun_of_saying_is_the_owners(statements_of):
    found = statements_of("Mayor Ana Silva’s “we will rebuild every bridge” pledge won applause.")
    assert _summary(found) == [("direct", "Ana Silva", "pledge", "we will rebuild every bridge")]
    assert found[0].speaker.mention.text == "Mayor Ana Silva"


def test_the_noun_taken_for_a_verb_is_no_cue_of_the_sentence_before(statements_of):
    # the parse tags "quip" as a verb whose subject is the quotation and whose clause is the
    # sentence before: that read made the whole sentence a statement of no one's
    text = ("There is no sign that a deal is near - Governor Ada Lowe’s “see you in Boston next spring” quip "
            "about the talks aside.")
    assert _summary(statements_of(text)) == [("direct", "Ada Lowe", "quip", "see you in Boston next spring")]


def test_a_bare_title_owner_is_the_speaker_mention(statements_of):
    text = ("There are no signs that a summit is coming - the governor’s “see you in Boston next spring” quip "
            "about it aside.")
    found = statements_of(text)
    assert [s.speaker.mention.text for s in found] == ["the governor"]


def test_a_short_possessed_quotation_is_a_term(statements_of):
    # Romney's “47 percent” comment names a remark; it is no statement of its own
    assert statements_of("Senator Jon Harte’s “50 percent” comment drew criticism.") == []
