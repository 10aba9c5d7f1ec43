"""Stance markers: the words and phrases the stance rules look for (``data/stance_markers.yaml``).

Phrases (support, oppose, good, bad, condition, concessive, otherwise) are matched on lemmas by
the rules; word sets are single lowercased tokens; ``cue_signs`` gives a cue class its sign and
``cue_words`` a cue's own word; ``answers`` the sign of a short answer to a question; ``sides``
the names that stand for one side (a speaker's, or the holder of a reported position); ``blocs``
the sides a bloc's member speaks for too (France for the European Union).  The
file's format is the pydantic model ``StanceMarkersFile``; every error names the file and the line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
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

PHRASE_KEYS = ("support", "oppose", "good", "bad", "condition", "concessive", "not_condition", "not_negation",
               "otherwise")
WORD_KEYS = ("terms_verbs", "requirement_modals", "deal_nouns", "subject_pronouns", "contingent_modals", "negators",
             "first_person", "negative_predicates", "deontic_modals", "hedges", "boundary_preps", "occurrence_verbs",
             "speech_verbs", "question_words", "holder_nouns", "attitude_nouns", "wish_verbs", "own_nouns",
             "against_words", "for_words", "stance_copulas", "topic_nouns", "distancing", "topic_prepositions",
             "topic_relations", "unconditional", "likelihood_nouns", "expectation_verbs", "certainty_words",
             "doubt_words", "persistence_verbs", "reaction_words", "countering_verbs", "favourable_words",
             "heeding_verbs", "changing_verbs", "wanting_verbs", "helping_verbs", "harming_verbs", "harming_nouns",
             "bad_outcomes", "struggle_nouns", "good_consequences", "bad_consequences", "progress_words",
             "lacking_words", "stage_nouns")


@dataclass(frozen=True)
class StanceMarkers:
    support: tuple[str, ...]
    oppose: tuple[str, ...]
    good: tuple[str, ...]
    bad: tuple[str, ...]
    condition: tuple[str, ...]
    concessive: tuple[str, ...]
    not_condition: tuple[str, ...]
    not_negation: tuple[str, ...]
    otherwise: tuple[str, ...]
    oppose_patterns: tuple[tuple[Mapping[str, Any], ...], ...]
    terms_verbs: frozenset[str]
    requirement_modals: frozenset[str]
    deal_nouns: frozenset[str]
    subject_pronouns: frozenset[str]
    contingent_modals: frozenset[str]
    negators: frozenset[str]
    first_person: frozenset[str]
    negative_predicates: frozenset[str]
    deontic_modals: frozenset[str]
    hedges: frozenset[str]
    boundary_preps: frozenset[str]
    occurrence_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    question_words: frozenset[str]
    holder_nouns: frozenset[str]
    attitude_nouns: frozenset[str]
    wish_verbs: frozenset[str]
    own_nouns: frozenset[str]
    against_words: frozenset[str]
    for_words: frozenset[str]
    stance_copulas: frozenset[str]
    topic_nouns: frozenset[str]
    distancing: frozenset[str]
    topic_prepositions: frozenset[str]
    topic_relations: frozenset[str]
    unconditional: frozenset[str]
    likelihood_nouns: frozenset[str]
    expectation_verbs: frozenset[str]
    certainty_words: frozenset[str]
    doubt_words: frozenset[str]
    persistence_verbs: frozenset[str]
    reaction_words: frozenset[str]
    countering_verbs: frozenset[str]
    favourable_words: frozenset[str]
    heeding_verbs: frozenset[str]
    changing_verbs: frozenset[str]
    wanting_verbs: frozenset[str]
    helping_verbs: frozenset[str]
    harming_verbs: frozenset[str]
    harming_nouns: frozenset[str]
    bad_outcomes: frozenset[str]
    struggle_nouns: frozenset[str]
    good_consequences: frozenset[str]
    bad_consequences: frozenset[str]
    progress_words: frozenset[str]
    lacking_words: frozenset[str]
    stage_nouns: frozenset[str]
    cue_signs: Mapping[str, int]
    declined_cues: frozenset[str]
    denied_cues: frozenset[str]
    asked_cues: frozenset[str]
    cue_words: Mapping[str, int]
    answers: Mapping[str, int]
    sides: Mapping[str, str]  # a lowercased name → the side it stands for
    # a member side → the blocs it belongs to ("France" → EU, NATO): a speaker's own side too
    blocs: Mapping[str, frozenset[str]] = field(default_factory=dict)
    source: str = "stance_markers.yaml"
    # names written with a capital in the file, matched as written: "the Alliance" is NATO, "a
    # new alliance" is none
    cased_sides: Mapping[str, str] = field(default_factory=dict)

    def side_of(self, name: str) -> str | None:
        """The side a name stands for ("the Russian side" → Russia), or None."""
        written = name.strip()
        written = written[4:] if written.lower().startswith("the ") else written
        if written in self.cased_sides:
            return self.cased_sides[written]
        return self.sides.get(written.lower())

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
    good: Words
    bad: Words
    condition: Words
    concessive: Words
    not_condition: Words
    not_negation: Words
    otherwise: Words


class WordsEntry(_WordLists):
    terms_verbs: Words
    requirement_modals: Words
    deal_nouns: Words
    subject_pronouns: Words
    contingent_modals: Words
    negators: Words
    first_person: Words
    negative_predicates: Words
    deontic_modals: Words
    hedges: Words
    boundary_preps: Words
    occurrence_verbs: Words
    speech_verbs: Words
    question_words: Words
    holder_nouns: Words
    attitude_nouns: Words
    wish_verbs: Words
    own_nouns: Words
    against_words: Words
    for_words: Words
    stance_copulas: Words
    topic_nouns: Words
    distancing: Words
    topic_prepositions: Words
    topic_relations: Words
    unconditional: Words
    likelihood_nouns: Words
    expectation_verbs: Words
    certainty_words: Words
    doubt_words: Words
    persistence_verbs: Words
    reaction_words: Words
    countering_verbs: Words
    favourable_words: Words
    heeding_verbs: Words
    changing_verbs: Words
    wanting_verbs: Words
    helping_verbs: Words
    harming_verbs: Words
    harming_nouns: Words
    bad_outcomes: Words
    struggle_nouns: Words
    good_consequences: Words
    bad_consequences: Words
    progress_words: Words
    lacking_words: Words
    stage_nouns: Words


def _sign(value: str, what: str, key: str) -> str:
    if value not in {"1", "-1", "+1"}:
        raise NodeError(f"{what}: the sign of {key!r} must be 1 or -1", at=(key,))
    return value


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
    cue_words: dict[str, Text]
    answers: dict[str, Text]
    sides: dict[str, Words]
    blocs: dict[str, Words] = {}

    @field_validator("cue_signs", "cue_words", "answers")
    @classmethod
    def _signs(cls, signs: dict[str, str], info: ValidationInfo) -> dict[str, str]:
        for key, sign in signs.items():
            _sign(sign, key_of(cls, info), key)
        return signs

    @field_validator("sides")
    @classmethod
    def _one_side_per_name(cls, sides: dict[str, list[str]]) -> dict[str, list[str]]:
        owner: dict[str, str] = {}
        for side, names in sides.items():
            for index, name in enumerate(names):
                if name.lower() in owner:
                    raise NodeError(f"sides: {name!r} already stands for {owner[name.lower()]!r}",
                                    at=(side, index))
                owner[name.lower()] = side
        return sides

    @field_validator("blocs")
    @classmethod
    def _blocs_of_sides(cls, blocs: dict[str, list[str]], info: ValidationInfo) -> dict[str, list[str]]:
        sides = info.data.get("sides") or {}
        for bloc, members in blocs.items():
            if bloc not in sides:
                raise NodeError(f"blocs: {bloc!r} is no side of 'sides'", at=(bloc,), on_key=True)
            for index, member in enumerate(members):
                if member not in sides:
                    raise NodeError(f"blocs: {member!r} is no side of 'sides'", at=(bloc, index))
        return blocs

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
        cue_words={word.lower(): int(sign) for word, sign in file.cue_words.items()},
        answers={word.lower(): int(sign) for word, sign in file.answers.items()},
        sides={name.lower(): side for side, names in file.sides.items() for name in names if name == name.lower()},
        cased_sides={name: side for side, names in file.sides.items() for name in names if name != name.lower()},
        blocs={member: frozenset(b for b, members in file.blocs.items() if member in members)
               for members in file.blocs.values() for member in members},
        source=source,
    )


@cache
def load_stance_markers(path: str | None = None) -> StanceMarkers:
    """The packaged stance markers, or the file at ``path``; parsed once per path."""
    if path is None:
        text = resources.files("onrecord.lexicons.data").joinpath("stance_markers.yaml").read_text(encoding="utf-8")
        return parse_stance_markers(text)
    return parse_stance_markers(Path(path).read_text(encoding="utf-8"), source=str(path))
