"""The role vocabulary (``data/roles.yaml``): offices and their wordings, the nouns that describe a
person, an organisation or a document, and the words around them that say nothing of who is
meant.  ``onrecord.identity.titles`` compares titles with it and ``onrecord.extraction.roles``
resolves "the judge", "the company", "the agency" with it.  The file's format is the pydantic
model ``RoleLexiconFile``; every error names the file and the line."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from pydantic import ConfigDict, ValidationInfo, field_validator, model_validator

from onrecord.errors import RoleLexiconError
from onrecord.lexicons.yaml_models import NodeError, Text, Words, YamlModel, key_of, listed_once, read_yaml


@dataclass(frozen=True)
class RoleLexicon:
    """The vocabulary, lowercased.  ``offices`` pairs each wording (its words) with the office's
    words, longest wording first, so that "chief executive" is read before "chief"."""

    offices: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]
    fillers: frozenset[str]
    distinguishing: frozenset[str]
    person_nouns: frozenset[str]
    organization_kinds: dict[str, frozenset[str]]
    relation_nouns: frozenset[str]
    document_nouns: frozenset[str]
    spokesperson_nouns: frozenset[str]
    quantifiers: frozenset[str]
    source: str = "roles.yaml"
    leader_offices: frozenset[str] = frozenset()  # offices "the French leader" may name, as office words
    epithets: frozenset[str] = frozenset()  # what a person is, named again for the name ("the billionaire")
    # a word of a name, or an acronym, that says its organisation's kind ("Sentinel", "FBI")
    name_kinds: dict[str, str] = field(default_factory=dict)

    def kind_of(self, noun: str) -> str | None:
        """The kind of organisation a noun names ("firm" → company), or None; a kind's own name
        is of that kind (what ``name_kinds`` gives a name)."""
        noun = noun.lower()
        if noun in self.organization_kinds:
            return noun
        for kind, nouns in self.organization_kinds.items():
            if noun in nouns:
                return kind
        return None

    @property
    def organization_nouns(self) -> frozenset[str]:
        return frozenset().union(*self.organization_kinds.values())


# --- the file format: validation ----------------------------------------------------------


class RoleLexiconFile(YamlModel):
    """The file: every section is required and no list may be empty."""

    model_config = ConfigDict(title="the role lexicon")
    version: Text
    offices: dict[str, Words]
    fillers: Words
    distinguishing: Words
    person_nouns: Words
    organization_kinds: dict[str, Words]
    relation_nouns: Words
    document_nouns: Words
    spokesperson_nouns: Words
    quantifiers: Words
    leader_offices: list[Text] = []
    epithets: Words = []
    organization_names: dict[str, Words] = {}

    @field_validator("version")
    @classmethod
    def _version(cls, version: str) -> str:
        if version != "1":
            raise ValueError("version must be 1")
        return version

    @field_validator("offices")
    @classmethod
    def _wordings_once(cls, offices: dict[str, list[str]]) -> dict[str, list[str]]:
        # a wording of two offices would make the comparison depend on the order of the file
        seen: dict[str, str] = {}
        for office, wordings in offices.items():
            for index, wording in enumerate(wordings):
                key = " ".join(wording.lower().split())
                if key in seen:
                    raise NodeError(f"offices: {wording!r} is a wording of {seen[key]!r} already", at=(office, index))
                seen[key] = office
        return offices

    @field_validator("organization_kinds")
    @classmethod
    def _kinds_apart(cls, kinds: dict[str, list[str]]) -> dict[str, list[str]]:
        seen: dict[str, str] = {}
        for kind, nouns in kinds.items():
            for index, noun in enumerate(nouns):
                if noun.lower() in seen:
                    raise NodeError(f"organization_kinds: {noun!r} is of kind {seen[noun.lower()]!r} already",
                                    at=(kind, index))
                seen[noun.lower()] = kind
        return kinds

    @model_validator(mode="after")
    def _names_of_known_kinds(self) -> RoleLexiconFile:
        seen: dict[str, str] = {}
        for kind, words in self.organization_names.items():
            if kind not in self.organization_kinds:
                raise NodeError(f"organization_names: {kind!r} is no kind of organization_kinds",
                                at=("organization_names", kind), on_key=True)
            for index, word in enumerate(words):
                if word.lower() in seen:
                    raise NodeError(f"organization_names: {word!r} is of kind {seen[word.lower()]!r} already",
                                    at=("organization_names", kind, index))
                seen[word.lower()] = kind
        return self

    @field_validator("fillers", "distinguishing", "person_nouns", "relation_nouns", "document_nouns",
                     "spokesperson_nouns", "quantifiers", "epithets")
    @classmethod
    def _words_listed_once(cls, words: list[str], info: ValidationInfo) -> list[str]:
        return listed_once(words, key_of(cls, info), ignore_case=True)


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.lower().split())


def parse_role_lexicon(text: str, source: str = "roles.yaml") -> RoleLexicon:
    """A RoleLexicon from YAML text; a RoleLexiconError naming the line of the first problem."""
    file = read_yaml(text, source, RoleLexiconError).validate(RoleLexiconFile)

    def lowered(words: list[str]) -> frozenset[str]:
        return frozenset(w.lower() for w in words)

    offices = [(_words(wording), _words(office)) for office, wordings in file.offices.items() for wording in wordings]
    offices.sort(key=lambda pair: -len(pair[0]))
    return RoleLexicon(
        offices=tuple(offices),
        fillers=lowered(file.fillers),
        distinguishing=lowered(file.distinguishing),
        person_nouns=lowered(file.person_nouns),
        organization_kinds={kind: lowered(nouns) for kind, nouns in file.organization_kinds.items()},
        relation_nouns=lowered(file.relation_nouns),
        document_nouns=lowered(file.document_nouns),
        spokesperson_nouns=lowered(file.spokesperson_nouns),
        quantifiers=lowered(file.quantifiers),
        source=source,
        leader_offices=frozenset("-".join(_words(office)) for office in file.leader_offices),
        epithets=lowered(file.epithets),
        name_kinds={word.lower(): kind for kind, words in file.organization_names.items() for word in words},
    )


@cache
def load_role_lexicon(path: str | None = None) -> RoleLexicon:
    """The packaged role lexicon, or the one at ``path``; parsed once per path."""
    if path is None:
        text = resources.files("onrecord.lexicons.data").joinpath("roles.yaml").read_text(encoding="utf-8")
        return parse_role_lexicon(text)
    return parse_role_lexicon(Path(path).read_text(encoding="utf-8"), source=str(path))
