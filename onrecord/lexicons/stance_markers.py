"""Stance markers: the words and phrases the stance rules look for (``data/stance_markers.yaml``).

Phrases (support, oppose, condition, concessive, otherwise) are matched on lemmas by the rules;
word sets are single lowercased tokens; ``cue_signs`` gives a cue class its sign.  The file's
format is the pydantic model ``StanceMarkersFile``; every error names the file and the line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ConfigDict, ValidationInfo, field_validator

from onrecord.errors import StanceMarkersError
from onrecord.lexicons.yaml_models import (
    NodeError,
    Text,
    TokenPattern,
    Words,
    YamlModel,
    key_of,
    listed_once,
    read_yaml,
)

PHRASE_KEYS = ("support", "oppose", "condition", "concessive", "otherwise")
WORD_KEYS = ("requirement_verbs", "requirement_modals", "deal_nouns", "subject_pronouns", "contingent_modals",
             "negators", "first_person")


@dataclass(frozen=True)
class StanceMarkers:
    support: tuple[str, ...]
    oppose: tuple[str, ...]
    condition: tuple[str, ...]
    concessive: tuple[str, ...]
    otherwise: tuple[str, ...]
    oppose_patterns: tuple[tuple[Mapping[str, Any], ...], ...]
    requirement_verbs: frozenset[str]
    requirement_modals: frozenset[str]
    deal_nouns: frozenset[str]
    subject_pronouns: frozenset[str]
    contingent_modals: frozenset[str]
    negators: frozenset[str]
    first_person: frozenset[str]
    cue_signs: Mapping[str, int]
    declined_cues: frozenset[str]
    denied_cues: frozenset[str]
    asked_cues: frozenset[str]
    source: str = "stance_markers.yaml"

    def phrases(self) -> dict[str, tuple[str, ...]]:
        """The phrase lists by marker kind (the keys of the rules' Matcher)."""
        return {key: getattr(self, key) for key in PHRASE_KEYS}


# --- the file format: validation ----------------------------------------------------------


class _WordLists(YamlModel):
    """A mapping of word lists only, each non-empty and with every entry once."""

    @field_validator("*")
    @classmethod
    def _listed_once(cls, words: list[str], info: ValidationInfo) -> list[str]:
        return listed_once(words, key_of(cls, info))


class PhrasesEntry(_WordLists):
    support: Words
    oppose: Words
    condition: Words
    concessive: Words
    otherwise: Words


class WordsEntry(_WordLists):
    requirement_verbs: Words
    requirement_modals: Words
    deal_nouns: Words
    subject_pronouns: Words
    contingent_modals: Words
    negators: Words
    first_person: Words


class StanceMarkersFile(YamlModel):
    """The file: every section but ``version`` is required and no list may be empty."""

    model_config = ConfigDict(title="the stance-markers file")
    version: Any = None
    phrases: PhrasesEntry
    oppose_patterns: list[TokenPattern]
    words: WordsEntry
    cue_signs: dict[str, Text]
    declined_cues: Words
    denied_cues: Words
    asked_cues: Words

    @field_validator("cue_signs")
    @classmethod
    def _signs(cls, signs: dict[str, str]) -> dict[str, str]:
        for cue_class, sign in signs.items():
            if sign not in {"1", "-1", "+1"}:
                raise NodeError(f"cue_signs: the sign of {cue_class!r} must be 1 or -1", at=(cue_class,))
        return signs

    @field_validator("declined_cues", "denied_cues", "asked_cues")
    @classmethod
    def _listed_once(cls, cues: list[str], info: ValidationInfo) -> list[str]:
        return listed_once(cues, key_of(cls, info))


# --- loading ---------------------------------------------------------------------------------


def parse_stance_markers(text: str, source: str = "stance_markers.yaml") -> StanceMarkers:
    """StanceMarkers from YAML text; a StanceMarkersError naming the line of the first problem."""
    document = read_yaml(text, source, StanceMarkersError)
    file = document.validate(StanceMarkersFile)
    patterns = (document.typed(("oppose_patterns", i)) for i in range(len(file.oppose_patterns)))
    return StanceMarkers(
        **{key: tuple(getattr(file.phrases, key)) for key in PHRASE_KEYS},
        oppose_patterns=tuple(tuple(pattern) for pattern in patterns),
        **{key: frozenset(w.lower() for w in getattr(file.words, key)) for key in WORD_KEYS},
        cue_signs={cue_class: int(sign) for cue_class, sign in file.cue_signs.items()},
        declined_cues=frozenset(file.declined_cues),
        denied_cues=frozenset(file.denied_cues),
        asked_cues=frozenset(file.asked_cues),
        source=source,
    )


@cache
def load_stance_markers(path: str | None = None) -> StanceMarkers:
    """The packaged stance markers, or the file at ``path``; parsed once per path."""
    if path is None:
        text = resources.files("onrecord.lexicons.data").joinpath("stance_markers.yaml").read_text(encoding="utf-8")
        return parse_stance_markers(text)
    return parse_stance_markers(Path(path).read_text(encoding="utf-8"), source=str(path))
