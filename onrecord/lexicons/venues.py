"""The venue lexicon (``data/venues.yaml``): venue nouns with their type, news outlets, platforms,
programmes, and the verbs and prepositions the venue and addressee rules look for.  Validated on
load; every error names the file and the line."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import yaml

from onrecord.errors import VenueLexiconError
from onrecord.lexicons.yaml_nodes import NodeReader

VENUE_TYPES = (
    "interview", "press_conference", "statement", "speech", "social_media", "broadcast", "meeting", "other",
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
    source: str = "venues.yaml"

    def noun(self, phrase: str) -> VenueNoun | None:
        for entry in self.nouns:
            if entry.phrase == phrase:
                return entry
        return None


LEXICON_KEYS = {
    "venue_nouns", "venue_preps", "outlets", "outlet_words", "platforms", "programs",
    "addressing_verbs", "carrier_verbs", "translator_nouns", "translator_preps",
}
NOUN_KEYS = {"type", "with"}


class _Reader(NodeReader):
    """Validation over the YAML node tree, so every error can name its line."""

    error_class = VenueLexiconError

    def pairs(self, node: yaml.Node, what: str) -> list[tuple[yaml.ScalarNode, yaml.Node]]:
        if not isinstance(node, yaml.MappingNode):
            raise self.error(node, f"{what} must be a mapping")
        seen: set[str] = set()
        out = []
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode) or not str(key.value).strip():
                raise self.error(key, f"{what}: keys must be plain words")
            name = str(key.value).strip()
            if name.lower() in seen:
                raise self.error(key, f"{what}: {name!r} given twice")
            seen.add(name.lower())
            out.append((key, value))
        return out

    def words(self, node: yaml.Node, what: str) -> tuple[str, ...]:
        if not isinstance(node, yaml.SequenceNode):
            raise self.error(node, f"{what} must be a list")
        out: list[str] = []
        for item in node.value:
            word = self.text(item, f"an entry of {what}")
            if word in out:
                raise self.error(item, f"{what}: {word!r} is listed twice")
            out.append(word)
        if not out:
            raise self.error(node, f"{what} is empty")
        return tuple(out)

    def noun(self, key: yaml.ScalarNode, value: yaml.Node) -> VenueNoun:
        phrase = str(key.value).strip().lower()
        line = key.start_mark.line + 1
        with_role = "none"
        if isinstance(value, yaml.MappingNode):
            fields = {}
            for k, v in self.pairs(value, f"venue noun {phrase!r}"):
                if k.value not in NOUN_KEYS:
                    raise self.error(k, f"venue noun {phrase!r}: unknown key {k.value!r}; allowed: "
                                        f"{sorted(NOUN_KEYS)}")
                fields[k.value] = v
            if "type" not in fields:
                raise self.error(value, f"venue noun {phrase!r} has no 'type'")
            type_node = fields["type"]
            if "with" in fields:
                with_role = self.text(fields["with"], "with")
                if with_role not in WITH_ROLES:
                    raise self.error(fields["with"], f"venue noun {phrase!r}: 'with' must be one of "
                                                     f"{list(WITH_ROLES)}")
        else:
            type_node = value
        venue_type = self.text(type_node, f"the type of venue noun {phrase!r}")
        if venue_type not in VENUE_TYPES:
            raise self.error(type_node, f"venue noun {phrase!r}: type {venue_type!r} must be one of "
                                        f"{list(VENUE_TYPES)}")
        return VenueNoun(phrase, venue_type, with_role, line)

    def lexicon(self, root: yaml.Node | None) -> VenueLexicon:
        if root is None:
            raise self.error(None, "the file is empty")
        values: dict[str, yaml.Node] = {}
        for key, value in self.pairs(root, "the venue lexicon"):
            if key.value not in LEXICON_KEYS:
                raise self.error(key, f"unknown key {key.value!r}; allowed: {sorted(LEXICON_KEYS)}")
            values[key.value] = value
        missing = sorted(LEXICON_KEYS - set(values))
        if missing:
            raise self.error(root, f"the venue lexicon has no {', '.join(repr(m) for m in missing)}")
        nouns = tuple(self.noun(k, v) for k, v in self.pairs(values["venue_nouns"], "venue_nouns"))

        def lowered(key: str) -> frozenset[str]:
            return frozenset(w.lower() for w in self.words(values[key], key))

        return VenueLexicon(
            nouns=nouns,
            venue_preps=lowered("venue_preps"),
            outlets=self.words(values["outlets"], "outlets"),
            outlet_words=frozenset(self.words(values["outlet_words"], "outlet_words")),
            platforms=self.words(values["platforms"], "platforms"),
            programs=self.words(values["programs"], "programs"),
            addressing_verbs=lowered("addressing_verbs"),
            carrier_verbs=lowered("carrier_verbs"),
            translator_nouns=lowered("translator_nouns"),
            translator_preps=lowered("translator_preps"),
            source=self.source,
        )


def parse_venue_lexicon(text: str, source: str = "venues.yaml") -> VenueLexicon:
    """A VenueLexicon from YAML text; a VenueLexiconError naming the line of the first problem."""
    reader = _Reader(source)
    return reader.lexicon(reader.compose(text))


@cache
def load_venue_lexicon(path: str | None = None) -> VenueLexicon:
    """The packaged venue lexicon, or the one at ``path``; parsed once per path."""
    if path is None:
        text = resources.files("onrecord.lexicons.data").joinpath("venues.yaml").read_text(encoding="utf-8")
        return parse_venue_lexicon(text)
    return parse_venue_lexicon(Path(path).read_text(encoding="utf-8"), source=str(path))
