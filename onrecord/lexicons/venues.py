"""The venue lexicon (``data/venues.yaml``): venue nouns with their type, news outlets, platforms,
programmes, and the verbs and prepositions the venue and addressee rules look for.  The file's
format is the pydantic model ``VenueLexiconFile``; every error names the file and the line."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ConfigDict, Field, ValidationInfo, field_validator, model_validator

from onrecord.errors import VenueLexiconError
from onrecord.lexicons.yaml_models import NodeError, Text, Words, YamlModel, key_of, listed_once, read_yaml

VENUE_TYPES = (
    "interview", "press_conference", "statement", "speech", "social_media", "broadcast", "meeting", "place", "other",
)
WITH_ROLES = ("venue", "addressee", "none")


@dataclass(frozen=True)
class VenueNoun:
    phrase: str
    type: str
    with_role: str = "none"
    line: int = 0


@dataclass(frozen=True)
class VenueLexicon:
    nouns: tuple[VenueNoun, ...]
    venue_preps: frozenset[str]
    outlets: tuple[str, ...]
    outlet_words: frozenset[str]
    platforms: tuple[str, ...]
    programs: tuple[str, ...]
    addressing_verbs: frozenset[str]
    carrier_verbs: frozenset[str]
    translator_nouns: frozenset[str]
    translator_preps: frozenset[str]
    translation_notes: frozenset[str] = frozenset()
    venue_frames: frozenset[str] = frozenset()
    issuing_verbs: frozenset[str] = frozenset()
    group_members: tuple[tuple[str, frozenset[str]], ...] = ()
    source: str = "venues.yaml"

    def members_of(self, group: str) -> frozenset[str]:
        """The words that describe a member of a group ("family" -> father, mother, ...)."""
        return next((words for noun, words in self.group_members if noun == group), frozenset())

    @cached_property
    def noun_heads(self) -> frozenset[str]:
        """The last word of every venue noun, singular and plural ("conference", "remarks")."""
        words = {n.phrase.split()[-1] for n in self.nouns}
        return frozenset(words | {w + "s" for w in words} | {w + "es" for w in words})

    def noun(self, phrase: str) -> VenueNoun | None:
        for entry in self.nouns:
            if entry.phrase == phrase:
                return entry
        return None


# --- the file format: validation ----------------------------------------------------------


class VenueNounEntry(YamlModel):
    """A venue noun's value: its type, or {type, with}."""

    model_config = ConfigDict(title="a venue noun")
    type: Text
    with_: Text = Field(default="none", alias="with")

    @model_validator(mode="before")
    @classmethod
    def _type_alone(cls, data: Any) -> Any:
        return {"type": data} if isinstance(data, str) else data

    @field_validator("type")
    @classmethod
    def _venue_type(cls, venue_type: str) -> str:
        if venue_type not in VENUE_TYPES:
            raise ValueError(f"type {venue_type!r} must be one of {list(VENUE_TYPES)}")
        return venue_type

    @field_validator("with_")
    @classmethod
    def _with_role(cls, role: str) -> str:
        if role not in WITH_ROLES:
            raise ValueError(f"'with' must be one of {list(WITH_ROLES)}")
        return role


class VenueLexiconFile(YamlModel):
    """The file: every section is required and no list may be empty, but for the later
    ``venue_frames`` and ``issuing_verbs`` (a lexicon written before them still loads)."""

    model_config = ConfigDict(title="the venue lexicon")
    venue_nouns: dict[str, VenueNounEntry]
    venue_preps: Words
    outlets: Words
    outlet_words: Words
    platforms: Words
    programs: Words
    addressing_verbs: Words
    carrier_verbs: Words
    translator_nouns: Words
    translator_preps: Words
    translation_notes: Words = Field(default_factory=list)
    venue_frames: list[Text] = Field(default_factory=list)
    issuing_verbs: list[Text] = Field(default_factory=list)
    group_members: dict[str, Words] = Field(default_factory=dict)

    @field_validator("venue_nouns")
    @classmethod
    def _nouns_given_once(cls, nouns: dict[str, VenueNounEntry]) -> dict[str, VenueNounEntry]:
        # nouns are matched case-insensitively: "Interview" and "interview" are one noun
        seen: set[str] = set()
        for phrase in nouns:
            if phrase.lower() in seen:
                raise NodeError(f"venue_nouns: {phrase!r} given twice", at=(phrase,), on_key=True)
            seen.add(phrase.lower())
        return nouns

    @field_validator("venue_preps", "outlets", "outlet_words", "platforms", "programs", "addressing_verbs",
                     "carrier_verbs", "translator_nouns", "translator_preps", "translation_notes", "venue_frames",
                     "issuing_verbs")
    @classmethod
    def _words_listed_once(cls, words: list[str], info: ValidationInfo) -> list[str]:
        return listed_once(words, key_of(cls, info))


def parse_venue_lexicon(text: str, source: str = "venues.yaml") -> VenueLexicon:
    """A VenueLexicon from YAML text; a VenueLexiconError naming the line of the first problem."""
    document = read_yaml(text, source, VenueLexiconError)
    file = document.validate(VenueLexiconFile)

    def lowered(words: list[str]) -> frozenset[str]:
        return frozenset(w.lower() for w in words)

    nouns = tuple(VenueNoun(phrase.lower(), entry.type, entry.with_, line=document.line(("venue_nouns", phrase), True))
                  for phrase, entry in file.venue_nouns.items())
    return VenueLexicon(
        nouns=nouns,
        venue_preps=lowered(file.venue_preps),
        outlets=tuple(file.outlets),
        outlet_words=frozenset(file.outlet_words),
        platforms=tuple(file.platforms),
        programs=tuple(file.programs),
        addressing_verbs=lowered(file.addressing_verbs),
        carrier_verbs=lowered(file.carrier_verbs),
        translator_nouns=lowered(file.translator_nouns),
        translator_preps=lowered(file.translator_preps),
        translation_notes=lowered(file.translation_notes),
        venue_frames=lowered(file.venue_frames),
        issuing_verbs=lowered(file.issuing_verbs),
        group_members=tuple((noun.lower(), lowered(words)) for noun, words in file.group_members.items()),
        source=source,
    )


@cache
def load_venue_lexicon(path: str | None = None) -> VenueLexicon:
    """The packaged venue lexicon, or the one at ``path``; parsed once per path."""
    if path is None:
        text = resources.files("onrecord.lexicons.data").joinpath("venues.yaml").read_text(encoding="utf-8")
        return parse_venue_lexicon(text)
    return parse_venue_lexicon(Path(path).read_text(encoding="utf-8"), source=str(path))
