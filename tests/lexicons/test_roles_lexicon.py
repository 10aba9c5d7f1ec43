"""The role lexicon: the bundled one loads, and a broken one is an error naming its line."""

from __future__ import annotations

import dataclasses
from importlib import resources
from pathlib import Path

import pytest

from onrecord.errors import RoleLexiconError
from onrecord.lexicons.roles import load_role_lexicon, parse_role_lexicon

BUNDLED = resources.files("onrecord.lexicons.data").joinpath("roles.yaml").read_text(encoding="utf-8")


def _error(text: str) -> str:
    with pytest.raises(RoleLexiconError) as info:
        parse_role_lexicon(text, source="mine.yaml")
    return str(info.value)


def _line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def _replace(old: str, new: str) -> str:
    assert old in BUNDLED
    return BUNDLED.replace(old, new)


def test_a_copy_of_the_bundled_file_loads_the_bundled_lexicon(tmp_path: Path) -> None:
    path = tmp_path / "roles.yaml"
    path.write_text(BUNDLED, encoding="utf-8")
    mine = load_role_lexicon(str(path))
    assert dataclasses.replace(mine, source="roles.yaml") == load_role_lexicon()


def test_wordings_are_read_longest_first_and_kinds_are_looked_up() -> None:
    lexicon = load_role_lexicon()
    wordings = [w for w, _ in lexicon.offices]
    assert wordings.index(("chief", "executive")) < wordings.index(("chief",))
    assert lexicon.kind_of("Firm") == "company" and lexicon.kind_of("agency") == "public body"
    assert lexicon.kind_of("weather") is None


def test_a_wording_of_two_offices_names_its_line() -> None:
    text = _replace("  judge: [justice, judge]", "  judge: [justice, judge, chief]")
    message = _error(text)  # the second of the two is named
    assert message.startswith(f"mine.yaml, line {_line_of(text, 'head: [chief')}:")
    assert "'chief' is a wording of 'judge' already" in message


def test_a_noun_of_two_kinds_names_its_line() -> None:
    text = _replace("  party: [party]", "  party: [party, agency]")
    message = _error(text)
    assert "'agency' is of kind 'public body' already" in message


def test_a_word_listed_twice_names_its_line() -> None:
    text = _replace("fillers: [top, senior,", "fillers: [top, Top, senior,")
    message = _error(text)
    assert message.startswith(f"mine.yaml, line {_line_of(text, 'fillers: [top')}:")
    assert "'Top' is listed twice" in message


def test_a_missing_section_is_named() -> None:
    text = _replace("quantifiers: [", "quantifierz: [")
    assert "unknown key 'quantifierz'" in _error(text)


def test_a_name_word_gives_its_kind_and_must_be_of_a_kind_listed() -> None:
    lexicon = load_role_lexicon()
    assert lexicon.name_kinds["sentinel"] == "press" and lexicon.name_kinds["fbi"] == "public body"
    assert lexicon.kind_of("press") == "press"  # a kind's own name, as a name word gives it
    text = _replace("  press: [\n    times,", "  presse: [\n    times,")
    message = _error(text)
    assert message.startswith(f"mine.yaml, line {_line_of(text, 'presse: [')}:")
    assert "'presse' is no kind of organization_kinds" in message
    text = _replace("    nasa, nih,", "    nasa, times, nih,")
    assert "'times' is of kind 'press' already" in _error(text)
