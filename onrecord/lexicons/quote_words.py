"""The words the ledger folds and compares when it matches reports of one quote
(``data/quote_words.yaml``): abbreviations, contractions and function words.  The file's format is
the pydantic model ``QuoteWordsFile``; every error names the file and the line."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ConfigDict, ValidationInfo, field_validator

from onrecord.errors import LexiconError
from onrecord.lexicons.yaml_models import Text, Words, YamlModel, key_of, listed_once, read_yaml


@dataclass(frozen=True)
class QuoteWords:
    abbreviations: Mapping[str, str]  # as written → what it stands for
    contractions: Mapping[str, str]  # lower case, straight apostrophe → written out
    contraction_endings: Mapping[str, str]
    function_words: frozenset[str]
    source: str = "quote_words.yaml"


class QuoteWordsFile(YamlModel):
    """The file: every section but ``version`` is required."""

    model_config = ConfigDict(title="the quote-words file")
    version: Any = None
    abbreviations: dict[str, Text]
    contractions: dict[str, Text]
    contraction_endings: dict[str, Text]
    function_words: Words

    @field_validator("function_words")
    @classmethod
    def _listed_once(cls, words: list[str], info: ValidationInfo) -> list[str]:
        return listed_once(words, key_of(cls, info), ignore_case=True)


def _apostrophes(text: str) -> str:
    return text.replace("’", "'").replace("‘", "'")


def parse_quote_words(text: str, source: str = "quote_words.yaml") -> QuoteWords:
    """QuoteWords from YAML text; a LexiconError naming the line of the first problem."""
    file = read_yaml(text, source, LexiconError).validate(QuoteWordsFile)
    return QuoteWords(
        abbreviations=dict(file.abbreviations),
        contractions={_apostrophes(k.lower()): v.lower() for k, v in file.contractions.items()},
        contraction_endings={_apostrophes(k.lower()): v.lower() for k, v in file.contraction_endings.items()},
        function_words=frozenset(w.lower() for w in file.function_words),
        source=source,
    )


@cache
def load_quote_words(path: str | None = None) -> QuoteWords:
    """The packaged quote words, or the file at ``path``; parsed once per path."""
    if path is None:
        text = resources.files("onrecord.lexicons.data").joinpath("quote_words.yaml").read_text(encoding="utf-8")
        return parse_quote_words(text)
    return parse_quote_words(Path(path).read_text(encoding="utf-8"), source=str(path))
