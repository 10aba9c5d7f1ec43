"""The speaker-noun lexicon: the packaged file loads, and a bad file is one error naming its line."""

import pytest

from onrecord.errors import LexiconError
from onrecord.lexicons.speaker_nouns import load_speaker_nouns, parse_speaker_nouns

GOOD = ("people: [aide]\ngroups: [jury]\norganizations: [ministry]\nplaces: [city]\ncarriers: [memo]\n"
        "not_speakers: [aid]\n")


def test_packaged_lexicon_sorts_nouns_into_kinds():
    nouns = load_speaker_nouns()
    assert nouns.kind("Official") == "people" and nouns.kind("memo") == "carriers" and nouns.kind("zebra") is None


def test_a_word_in_two_lists_is_an_error_naming_its_line():
    with pytest.raises(LexiconError, match=r"line 6: not_speakers: 'aide' is already listed under people"):
        parse_speaker_nouns(GOOD.replace("[aid]", "[aide]"))


def test_a_missing_list_is_an_error():
    with pytest.raises(LexiconError, match="places"):
        parse_speaker_nouns(GOOD.replace("places: [city]\n", ""))
