"""The checks every YAML data file shares (``lexicons/yaml_models``), on a small model of our own."""

from __future__ import annotations

import pytest
from pydantic import ConfigDict

from onrecord.errors import LexiconError
from onrecord.lexicons.yaml_models import Text, YamlModel, read_yaml


class Entry(YamlModel):
    model_config = ConfigDict(title="an entry")
    name: Text
    note: Text | None = None


class Listing(YamlModel):
    model_config = ConfigDict(title="the listing")
    title: Text
    entries: list[Entry]


def _error(text: str) -> str:
    with pytest.raises(LexiconError) as info:
        read_yaml(text, "list.yaml", LexiconError).validate(Listing)
    return str(info.value)


def test_scalars_stay_the_text_written() -> None:
    text = "title: no\nentries:\n  - {name: on, note: 2024-01-01}\n  - name: 1991\n"
    listing = read_yaml(text, "list.yaml", LexiconError).validate(Listing)
    assert listing.title == "no"
    assert [(e.name, e.note) for e in listing.entries] == [("on", "2024-01-01"), ("1991", None)]


def test_every_node_has_its_line() -> None:
    document = read_yaml("title: t\nentries:\n  - name: a\n  -\n    name: b\n", "list.yaml", LexiconError)
    assert document.line(("entries", 0, "name")) == 3
    assert document.line(("entries", 1)) == 5 and document.line(("entries", 1, "name"), on_key=True) == 5
    assert document.line(("entries", 1, "note")) == 5  # past the file: the deepest node the path reaches


def test_a_misspelt_key_is_named_with_the_key_meant() -> None:
    message = _error("title: t\nentries:\n  - nmae: a\n")
    assert message == ("list.yaml, line 3: an entry: unknown key 'nmae' (did you mean 'name'?); "
                       "allowed: ['name', 'note']")


def test_missing_keys_are_named_together_at_their_mapping() -> None:
    assert _error("# a listing\n\nfoo: 1\n") == "list.yaml, line 3: the listing: unknown key 'foo'; allowed: " \
                                               "['entries', 'title']"
    assert _error("# a listing\n\nentries: []\ntitle:\n") == "list.yaml, line 4: title must be a non-empty text"
    assert _error("{}\n") == "list.yaml, line 1: the listing has no 'title', 'entries'"


def test_a_key_given_twice_names_the_second() -> None:
    assert _error("title: t\nentries:\n  - name: a\n    name: b\n") == "list.yaml, line 4: key 'name' given twice"


def test_the_first_problem_in_the_file_is_named() -> None:
    message = _error("title: t\nentries:\n  - name: a\n  - [b]\n  - note: c\n")
    assert message == "list.yaml, line 4: an entry must be a mapping of keys to values"


def test_syntax_errors_keys_that_are_not_words_and_a_recursive_alias() -> None:
    assert _error("title: [t\n").startswith("list.yaml, line 2: not valid YAML")
    assert _error("title: t\n? [a]\n: b\n") == "list.yaml, line 2: keys must be plain words"
    assert _error("title: t\nentries: &e [*e]\n") == "list.yaml, line 2: an alias refers to the node that holds it"
    assert _error("") == "list.yaml: the file is empty"
