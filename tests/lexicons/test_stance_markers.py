"""The stance-markers file: the bundled one loads, and a broken one is an error naming its line."""

from __future__ import annotations

import dataclasses
from importlib import resources
from pathlib import Path

import pytest

from onrecord.errors import StanceMarkersError
from onrecord.lexicons.stance_markers import load_stance_markers, parse_stance_markers

BUNDLED = resources.files("onrecord.lexicons.data").joinpath("stance_markers.yaml").read_text(encoding="utf-8")


def _error(text: str) -> str:
    with pytest.raises(StanceMarkersError) as info:
        parse_stance_markers(text, source="mine.yaml")
    return str(info.value)


def _line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def _replace(old: str, new: str) -> str:
    assert old in BUNDLED
    return BUNDLED.replace(old, new)


def test_a_copy_of_the_bundled_file_loads_the_bundled_markers(tmp_path: Path) -> None:
    path = tmp_path / "markers.yaml"
    path.write_text(BUNDLED, encoding="utf-8")
    mine = load_stance_markers(str(path))
    assert mine.source == str(path)
    assert dataclasses.replace(mine, source="stance_markers.yaml") == load_stance_markers()


def test_the_bundled_markers_keep_yaml_types_only_in_patterns() -> None:
    markers = load_stance_markers()
    assert "even if" in markers.concessive and "there will be no" in markers.oppose
    assert "no" in markers.negators  # `no` stays the word, never a boolean
    assert markers.cue_signs == {"vow": 1, "praise": 1, "criticize": -1}
    assert markers.oppose_patterns[0][1]["OP"] == "{1,2}"  # a Matcher pattern is read as YAML
    assert {"decline", "declined"} == markers.declined_cues


def test_an_unknown_key_names_its_line_and_the_key_meant() -> None:
    text = _replace("  concessive: [even if, even though]", "  concesive: [even if, even though]")
    message = _error(text)
    assert message.startswith(f"mine.yaml, line {_line_of(text, 'concesive')}:")
    assert "unknown key 'concesive' (did you mean 'concessive'?)" in message


def test_a_missing_list_is_named() -> None:
    text = _replace("  concessive: [even if, even though]\n", "")
    message = _error(text)
    assert message.startswith(f"mine.yaml, line {_line_of(text, 'support: [')}:")
    assert "phrases has no 'concessive'" in message


def test_an_entry_listed_twice_names_its_line() -> None:
    text = _replace("  requirement_modals: [must, should, need]", "  requirement_modals:\n    - must\n    - must")
    message = _error(text)
    assert message.startswith(f"mine.yaml, line {_line_of(text, 'requirement_modals') + 2}:")
    assert "'must' is listed twice" in message


def test_a_key_given_twice_names_its_line() -> None:
    text = _replace("cue_signs: {vow: 1, praise: 1, criticize: -1}", "cue_signs:\n  vow: 1\n  vow: -1")
    message = _error(text)
    assert message.startswith(f"mine.yaml, line {_line_of(text, 'vow: -1')}:") and "'vow' given twice" in message


def test_a_wrong_sign_names_its_line() -> None:
    text = _replace("cue_signs: {vow: 1, praise: 1, criticize: -1}", "cue_signs:\n  vow: 1\n  praise: yes")
    message = _error(text)
    assert message.startswith(f"mine.yaml, line {_line_of(text, 'praise: yes')}:")
    assert "the sign of 'praise' must be 1 or -1" in message


def test_a_pattern_that_is_not_a_list_of_tokens_names_its_line() -> None:
    text = _replace("  - - {LEMMA: {IN: [will, can, shall, would, could]}}", "  - - never")
    message = _error(text)
    assert message.startswith(f"mine.yaml, line {_line_of(text, '- - never')}:") and "token mappings" in message


def test_an_empty_file_is_named() -> None:
    assert _error("# nothing yet\n") == "mine.yaml: the file is empty"


def test_a_side_written_with_a_capital_is_matched_as_written():
    markers = load_stance_markers()
    assert markers.side_of("the Russian side") == "Russia"
    assert markers.side_of("the Alliance") == "NATO"
    assert markers.side_of("alliance") is None  # "a completely new alliance" is no side
    assert markers.side_of("NATO") == "NATO" and markers.side_of("nato") == "NATO"


def test_a_side_belongs_to_its_blocs():
    markers = load_stance_markers()
    assert markers.blocs["France"] == frozenset({"European Union", "NATO"})
    assert "Ukraine" not in markers.blocs  # a candidate is no member


def test_a_bloc_member_that_is_no_side_names_its_line() -> None:
    text = _replace("  European Union: [France, Germany, Poland]", "  European Union: [France, Germany, Atlantis]")
    message = _error(text)
    assert message.startswith(f"mine.yaml, line {_line_of(text, 'Atlantis')}:")
    assert "'Atlantis' is no side of 'sides'" in message


def test_a_bloc_that_is_no_side_names_its_line() -> None:
    text = _replace("  NATO: [United States, United Kingdom,", "  Warsaw Pact: [United States, United Kingdom,")
    message = _error(text)
    assert message.startswith(f"mine.yaml, line {_line_of(text, 'Warsaw Pact')}:")
    assert "'Warsaw Pact' is no side of 'sides'" in message
