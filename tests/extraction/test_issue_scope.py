"""Whether the war is in view where a statement stands (``issue_scope``), and what a transcript's
speaker label says about a turn's topic; on texts we write."""

from __future__ import annotations

import pytest

from onrecord.extraction.found import Found
from onrecord.extraction.issue_scope import in_scope, one_word
from onrecord.extraction.issue_tags import IssueHit, parse_only
from onrecord.extraction.statement_issues import attribution_range


def _issues(statements_under, title: str, text: str, words: str) -> list[str]:
    return next(s for s in statements_under(title, text, "2022-04-05") if words in s.quote.text).issues


OFF_TOPIC = "Foreign policy priorities for the year"


def test_a_one_word_trigger_away_from_the_war_names_no_issue(statements_under):
    text = 'The minister spoke to the board.\n\n"Our diplomacy must do more on the climate agenda," he said.'
    assert _issues(statements_under, OFF_TOPIC, text, "climate agenda") == []


@pytest.mark.parametrize(("before", "issues"), [
    ("The trade war with Washington goes on.", []),  # a trade war puts no war in view
    ("The war goes on.", ["negotiations"]),
])
def test_a_trade_war_is_no_war_in_view(statements_under, before, issues):
    text = f'{before}\n\n"With comprehensive negotiations, we will restore some trust," he said.'
    assert _issues(statements_under, OFF_TOPIC, text, "comprehensive negotiations") == issues


def test_the_paragraph_before_puts_the_war_in_view(statements_under):
    text = 'The minister spoke about the war in Ukraine.\n\n"Our diplomacy must do more," he said.'
    assert _issues(statements_under, OFF_TOPIC, text, "must do more") == ["negotiations"]


def test_in_one_long_paragraph_the_war_named_far_before_is_out_of_view(statements_under):
    # a page that runs a whole speech into one paragraph: the war named five sentences before
    filler = " ".join(f"The {w} programme is going well." for w in ("school", "road", "bridge", "port", "rail"))
    text = f'The minister spoke about the war in Ukraine. {filler} "Our diplomacy must do more," he said.'
    assert _issues(statements_under, OFF_TOPIC, text, "must do more") == []
    near = f'{filler} The minister spoke about the war in Ukraine. "Our diplomacy must do more," he said.'
    assert _issues(statements_under, OFF_TOPIC, near, "must do more") == ["negotiations"]


def test_russia_named_alone_does_not_put_the_war_in_view(statements_under):
    # a Russian official names his own country whatever the subject
    text = 'Russia has many partners in Asia.\n\n"Our diplomacy must do more on climate," he said.'
    assert _issues(statements_under, OFF_TOPIC, text, "on climate") == []


def test_in_view_defaults_to_the_parties():
    from onrecord.lexicons.taxonomy import load_taxonomy, parse_taxonomy

    text = ("taxonomy: t\nparties: [Atlantis]\nissues:\n  - id: a\n    label: A\n"
            "    proposition: A should happen.\n    triggers:\n      lemmas: [alpha]\n")
    assert parse_taxonomy(text).in_view == frozenset({"atlantis"})
    war = load_taxonomy()
    assert "kyiv" in war.in_view and "russia" in war.parties and "russia" not in war.in_view


def test_the_title_puts_the_war_in_view(statements_under):
    text = 'The minister spoke to the board.\n\n"The talks went well," he said.'
    assert _issues(statements_under, "Ukraine and its partners meet in Paris", text, "went well") == ["negotiations"]


@pytest.mark.parametrize("quote, issue", [
    ("We need peace talks soon", "negotiations"),
    ("The price cap on their oil must stay", "sanctions"),
    ("A prisoner exchange is being prepared", "prisoners_humanitarian"),
])
def test_a_phrase_names_its_issue_anywhere(statements_under, quote, issue):
    text = f'The minister spoke to the board.\n\n"{quote}," he said.'
    assert issue in _issues(statements_under, OFF_TOPIC, text, quote[:12])


def test_out_of_view_only_phrases_are_kept():
    word = IssueHit("negotiations", "trigger", 3, 4, 10, 15, "talks")
    phrase = IssueHit("negotiations", "trigger", 5, 7, 20, 31, "peace talks")
    context = IssueHit("negotiations", "context", 8, 9, 40, 47, "meeting")
    assert one_word(word) and not one_word(phrase)
    assert in_scope([word, phrase, context], in_view=False) == [phrase, context]
    assert in_scope([word, phrase, context], in_view=True) == [word, phrase, context]


def test_a_speaker_label_lends_its_turn_no_topic(nlp):
    # the label's sentence runs on from the reporter's question: its words are not the answer's topic
    doc = parse_only(nlp, ["And the Minsk agreements, what now Vladimir Putin: The weather is fine."])[0]
    colon = next(t for t in doc if t.text == ":")
    start = doc.text.index("The weather")
    turn = Found(kind="direct", content=[(start, len(doc.text))], cue=colon, cue_span=None,
                 cue_class="transcript", mention=None)
    assert attribution_range(doc, turn) is None
    turn.cue_class = "assert"  # a reporting verb's sentence is the statement's frame
    assert attribution_range(doc, turn) is not None


def test_sanctions_beside_russia_are_in_view_by_themselves(statements_under):
    # the war is out of view (a news conference on trade), but sanctions named with Russia in
    # their sentence are sanctions on Russia; with Russia only in another sentence they are not
    said = '"The Russian economy has survived the sanctions very well," he said.'
    near = f"The minister spoke to the board.\n\n{said}"
    assert _issues(statements_under, OFF_TOPIC, near, "survived") == ["sanctions"]
    apart = 'Russia has many partners in Asia.\n\n"Their tariffs hurt our farmers badly," he said.'
    assert _issues(statements_under, OFF_TOPIC, apart, "tariffs") == []
    # Russia as one of those who back sanctions on another country is not their target
    backers = '"We got Korea and Russia on board for the strongest sanctions yet," he said.'
    assert _issues(statements_under, OFF_TOPIC, f"The minister spoke to the board.\n\n{backers}", "on board") == []


@pytest.mark.parametrize(("text", "words", "expected"), [
    # a weapon named alone is not the debate over arming Ukraine (the taxonomy's needs)
    ('"Anti-ballistic missile launchers are deployed in Romania now," the minister said.',
     "launchers are deployed", []),
    ('"If Moscow does not lose, it will accumulate weapons and prepare reserves," the president said of the war.',
     "accumulate weapons", []),
    # one of its needs in the sentence: the weapon is the debate's
    ('"Our partners must supply missiles now," the president said of the war.', "supply missiles",
     ["weapons_permissions"]),
    ('"The Alliance should provide Ukraine with aircraft and tanks," the president said.', "provide Ukraine",
     ["weapons_permissions"]),
    # in its clause: not a need of the clause above it, nor of a clause joined to it
    ('"We need treaties that rule out the deployment of weapons near our borders," '
     "the president said of the war.", "deployment of weapons", []),
    ('"Russia will accumulate weapons, and Ukraine will suffer," the president said of the war.',
     "accumulate weapons", []),
    # what hangs from the weapon, and the noun a clause holding it describes, are its clause
    ('"The tanks that Ukraine received have arrived," the president said of the war.', "tanks that",
     ["weapons_permissions"]),
    ('"But another form of aid that is as important as armaments and finances is global confidence in Ukraine," '
     "the president said of the war.", "armaments", ["weapons_permissions"]),
])
def test_a_one_word_weapon_counts_only_with_what_the_issue_needs_in_its_clause(statements_under, text, words,
                                                                                  expected):
    assert _issues(statements_under, "The war in Ukraine", text, words) == expected


@pytest.mark.parametrize("text, words, issues", [
    # a trigger in a sentence naming another conflict's place takes up that conflict
    ('The war in Ukraine was discussed.\n\n"We have acted as a mediator to resolve conflicts in the Middle East," '
     "the minister said.", "Middle East", []),
    ('The war in Ukraine was discussed.\n\n"The ceasefire between Israel and Iran is holding," the minister said.',
     "Israel", []),
    # a name of this conflict beside it keeps the trigger
    ('The war in Ukraine was discussed.\n\n"We acted as a mediator between Kyiv and Moscow, as in Syria," '
     "the minister said.", "Syria", ["negotiations"]),
    ('The war in Ukraine was discussed.\n\n"Peace talks on Ukraine can learn from Gaza," the minister said.',
     "Gaza", ["negotiations"]),
    ('The war in Ukraine was discussed.\n\n"The peace talks in Gaza are stalled," the minister said.', "Gaza", []),
    # a people's name in the plural names its place
    ('The war in Ukraine was discussed.\n\n"We were in negotiations with the United States when the Israelis '
     'struck," the minister said.', "Israelis", []),
])
def test_a_trigger_beside_another_conflict_takes_up_that_one(statements_under, text, words, issues):
    assert _issues(statements_under, OFF_TOPIC, text, words) == issues


@pytest.mark.parametrize(("said", "issues"), [
    ('"The release must come first," the minister said.', ["prisoners_humanitarian"]),
    # a word that names the issue under the title, in a sentence that takes up another conflict
    ('"The release must come first in Gaza," the minister said.', []),
])
def test_a_word_under_the_title_in_another_conflict_names_no_issue(statements_under, said, issues):
    assert _issues(statements_under, "Talks to free the hostages", said, "release") == issues


@pytest.mark.parametrize(("before", "issues"), [
    ("The prisoners are held near Donetsk.", ["prisoners_humanitarian"]),
    # what the statement refers back to takes up another conflict
    ("The hostages are held by Hamas in Gaza.", []),
])
def test_an_issue_taken_from_the_text_around_is_held_to_the_elsewhere_rule(statements_under, before, issues):
    said = f'{before} "We will not rest until it is done," the minister said.'
    assert _issues(statements_under, "The war in Ukraine", said, "rest until") == issues
