"""The cue lexicon and the cue-sense vocabulary: the bundled files load, a broken one is an error
naming its line."""

from __future__ import annotations

from importlib import resources

import pytest

from onrecord.errors import LexiconError
from onrecord.lexicons.cues import SENSES, load_cue_lexicon, load_cue_senses, parse_cue_senses

BUNDLED = resources.files("onrecord.lexicons.data").joinpath("cue_senses.tsv").read_text(encoding="utf-8")


def test_bundled_senses_load_with_every_sense():
    senses = load_cue_senses()
    assert set(senses) == SENSES
    assert "call" in senses["lone_object"].lemmas and "guilty" in senses["verdict"].words
    assert senses["naming"].words == frozenset()  # "-" is an empty list


def test_sense_lemmas_are_cue_lemmas():
    lexicon = load_cue_lexicon()
    for sense in load_cue_senses().values():
        assert all(lemma in lexicon for lemma in sense.lemmas), sense.name


VERDICT_LINE = next(n for n, line in enumerate(BUNDLED.splitlines(), 1) if line.startswith("verdict\t"))


@pytest.mark.parametrize("change, message", [
    (("verdict\tfind\t", "verdikt\tfind\t"), "unknown sense 'verdikt'"),
    (("verdict\tfind\t", "verdict\t\t"), "empty column"),
    (("verdict\tfind\t", "verdict find\t"), "expected 3 tab-separated columns, got 2"),
])
def test_a_broken_line_is_named(change, message):
    old, new = change
    assert old in BUNDLED
    with pytest.raises(LexiconError, match=f"mine.tsv, line {VERDICT_LINE}: {message}"):
        parse_cue_senses(BUNDLED.replace(old, new), source="mine.tsv")


def test_a_missing_or_repeated_sense_is_an_error():
    without = "\n".join(line for line in BUNDLED.splitlines() if not line.startswith("belief\t"))
    with pytest.raises(LexiconError, match="no line for sense"):
        parse_cue_senses(without)
    with pytest.raises(LexiconError, match="given twice"):
        parse_cue_senses(BUNDLED + "belief\tthink\t-\n")
