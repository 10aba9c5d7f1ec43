"""The speaker-noun lexicon (``data/speaker_nouns.yaml``): which common nouns can speak (people,
groups, organisations, places as their government), which only carry someone's words (documents,
posts, events) and which never speak (times, abstract nouns).  The file's format is the pydantic
model ``SpeakerNounsFile``; every error names the file and the line."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import ConfigDict, model_validator

from onrecord.errors import LexiconError
from onrecord.lexicons.yaml_models import NodeError, Words, YamlModel, read_yaml

NounKind = Literal["people", "groups", "organizations", "places", "carriers", "not_speakers"]
KINDS: tuple[NounKind, ...] = ("people", "groups", "organizations", "places", "carriers", "not_speakers")


@dataclass(frozen=True)
class SpeakerNouns:
    """Each listed noun (lowercased) with the list it is in."""

    kinds: dict[str, NounKind]
    source: str = "speaker_nouns.yaml"

    def kind(self, lemma: str) -> NounKind | None:
        """The list a noun's lemma is in, or None when it is in none."""
        return self.kinds.get(lemma.lower())


class SpeakerNounsFile(YamlModel):
    """The file: every list is required and not empty, and a word is in one list only."""

    model_config = ConfigDict(title="the speaker-noun lexicon")
    people: Words
    groups: Words
    organizations: Words
    places: Words
    carriers: Words
    not_speakers: Words

    @model_validator(mode="after")
    def _each_word_once(self) -> SpeakerNounsFile:
        seen: dict[str, str] = {}
        for kind in KINDS:
            for index, word in enumerate(getattr(self, kind)):
                if word.lower() in seen:
                    raise NodeError(f"{kind}: {word!r} is already listed under {seen[word.lower()]}", at=(kind, index))
                seen[word.lower()] = kind
        return self


def parse_speaker_nouns(text: str, source: str = "speaker_nouns.yaml") -> SpeakerNouns:
    """SpeakerNouns from YAML text; a LexiconError naming the line of the first problem."""
    file = read_yaml(text, source, LexiconError).validate(SpeakerNounsFile)
    return SpeakerNouns({word.lower(): kind for kind in KINDS for word in getattr(file, kind)}, source=source)


@cache
def load_speaker_nouns(path: str | None = None) -> SpeakerNouns:
    """The packaged speaker-noun lexicon, or the one at ``path``; parsed once per path."""
    if path is None:
        text = resources.files("onrecord.lexicons.data").joinpath("speaker_nouns.yaml").read_text(encoding="utf-8")
        return parse_speaker_nouns(text)
    return parse_speaker_nouns(Path(path).read_text(encoding="utf-8"), source=str(path))
