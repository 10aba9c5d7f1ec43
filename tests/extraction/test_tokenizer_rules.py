"""The model's tokenizer as onrecord adapts it (``extraction.tokenizer_rules``)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "tokens"), [
    ("Orban(retranslated): Thank you.", ["Orban", "(", "retranslated", ")", ":", "Thank", "you", "."]),
    ("the Red Cross(ICRC) said", ["the", "Red", "Cross", "(", "ICRC", ")", "said"]),
    ("Question (through an interpreter): Good", ["Question", "(", "through", "an", "interpreter", ")", ":", "Good"]),
    # what the model's own rules split stays as it was
    ("ex-minister 3:30 (AP)", ["ex", "-", "minister", "3:30", "(", "AP", ")"]),
])
def test_a_glued_bracket_and_a_bracket_before_a_colon_are_split(nlp, text, tokens):
    assert [t.text for t in nlp.tokenizer(text)] == tokens


@pytest.mark.parametrize(("text", "tokens"), [
    ("agree with this?(Anna Reyes noted it)", ["agree", "with", "this", "?", "(", "Anna", "Reyes", "noted", "it", ")"]),
    ("it is over.(Applause) Thank", ["it", "is", "over", ".", "(", "Applause", ")", "Thank"]),
    # an abbreviation's full stops stay in it
    ("the U.S.(and others)", ["the", "U.S.", "(", "and", "others", ")"]),
    ("e.g.(see below)", ["e.g.", "(", "see", "below", ")"]),
])
def test_a_sentence_end_glued_to_a_bracket_is_split(nlp, text, tokens):
    assert [t.text for t in nlp.tokenizer(text)] == tokens


def test_a_plural_title_abbreviation_is_no_sentence_end(nlp):
    doc = nlp.make_doc("He attacked his rivals, particularly Govs. Jeb Bush and Chris Christie, who say he is young.")
    assert "Govs." in [t.text for t in doc]


def test_he_after_a_plural_title_takes_the_subject_before(statements_of):
    text = ("Speaking to reporters Monday, Rubio refrained from attacking his rivals, particularly Govs. Jeb Bush "
            "and Chris Christie, who say the senator lacks experience.\n\nHe dismissed criticism of his "
            "performance, saying it was “our best night.”")
    found = statements_of(text)
    assert found[-1].speaker.name.endswith("Rubio")


@pytest.mark.parametrize(("text", "tokens"), [
    ("“I think so,”Hale said.", ["“", "I", "think", "so", ",", "”", "Hale", "said", "."]),
    ("“No”and then", ["“", "No", "”", "and", "then"]),
])
def test_a_closing_quotation_mark_glued_to_the_next_word_is_split(nlp, text, tokens):
    assert [t.text for t in nlp.tokenizer(text)] == tokens


def test_a_speaker_glued_to_the_closing_mark_is_found(statements_of):
    [s] = statements_of("“I think it has been surprising to see him,”Lena Hale said.")
    assert (s.kind, s.speaker.name) == ("direct", "Lena Hale")
