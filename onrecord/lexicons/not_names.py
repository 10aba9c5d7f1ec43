"""Words that are never a person's name (``data/not_names.yaml``): pronouns, words of time,
number words, countries and other places, and the common nouns of bodies that speak.

The speaker registry reads them to refuse a person named "I", "Friday" or "Kyiv", and
``onrecord speakers --check`` to list identities named by them.  Every word is kept folded
(``fold``): lowercased, without dots, accents or a leading "the", so that "The Hague", "U.S." and
"Türkiye" match however the article writes them.  The file's format is the pydantic model
``NotNamesFile``; every error names the file and the line.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from pydantic import ConfigDict, ValidationInfo, field_validator

from onrecord.errors import LexiconError
from onrecord.lexicons.yaml_models import Words, YamlModel, key_of, listed_once, read_yaml

SOURCE = "not_names.yaml"


def fold(text: str) -> str:
    """A word or phrase as compared: lowercased, accents and dots removed, spaces collapsed, no
    leading "the" ("The Hague" → "hague", "U.S." → "us")."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().replace(".", "")
    words = plain.split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@dataclass(frozen=True)
class NotNames:
    """The folded word sets of the file."""

    pronouns: frozenset[str]
    times: frozenset[str]
    numbers: frozenset[str]
    countries: frozenset[str]
    places: frozenset[str]
    bodies: frozenset[str]


class NotNamesFile(YamlModel):
    """The file: six non-empty word lists, each entry once."""

    model_config = ConfigDict(title="the not-names file")
    version: Any = None
    pronouns: Words
    times: Words
    numbers: Words
    countries: Words
    places: Words
    bodies: Words

    @field_validator("pronouns", "times", "numbers", "countries", "places", "bodies")
    @classmethod
    def _listed_once(cls, words: list[str], info: ValidationInfo) -> list[str]:
        return listed_once(words, key_of(cls, info), ignore_case=True)


def parse_not_names(text: str, source: str = SOURCE) -> NotNames:
    """NotNames from YAML text; a LexiconError naming the line of the first problem."""
    file = read_yaml(text, source, LexiconError).validate(NotNamesFile)
    return NotNames(**{key: frozenset(fold(w) for w in getattr(file, key))
                       for key in ("pronouns", "times", "numbers", "countries", "places", "bodies")})


@cache
def load_not_names() -> NotNames:
    """The packaged word lists, parsed once."""
    return parse_not_names(resources.files("onrecord.lexicons.data").joinpath(SOURCE).read_text(encoding="utf-8"))
