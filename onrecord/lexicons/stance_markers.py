"""Stance markers: the words and phrases the stance rules look for (``data/stance_markers.yaml``).

Phrases (support, oppose, condition, concessive, otherwise) are matched on lemmas by the rules;
word sets are single lowercased tokens; ``cue_signs`` gives a cue class its sign.  Validated on
load; every error names the file and the line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from onrecord.errors import StanceMarkersError
from onrecord.lexicons.yaml_nodes import NodeReader

PHRASE_KEYS = ("support", "oppose", "condition", "concessive", "otherwise")
WORD_KEYS = ("requirement_verbs", "requirement_modals", "deal_nouns", "subject_pronouns", "contingent_modals",
             "negators", "first_person")
TOP_KEYS = {"version", "phrases", "oppose_patterns", "words", "cue_signs", "declined_cues", "denied_cues",
            "asked_cues"}


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


class _Reader(NodeReader):
    error_class = StanceMarkersError

    def words(self, node: yaml.Node, what: str) -> tuple[str, ...]:
        out: list[str] = []
        for item in self.sequence(node, what):
            word = self.text(item, f"an entry of {what}")
            if word in out:
                raise self.error(item, f"{what}: {word!r} is listed twice")
            out.append(word)
        if not out:
            raise self.error(node, f"{what} is empty")
        return tuple(out)

    def pattern(self, node: yaml.Node) -> tuple[Mapping[str, Any], ...]:
        value = yaml.SafeLoader("").construct_document(node)
        if not isinstance(value, list) or not value or not all(isinstance(t, dict) for t in value):
            raise self.error(node, "oppose_patterns: a pattern is a list of token mappings, e.g. [{LOWER: never}]")
        return tuple(value)

    def sign(self, node: yaml.Node, cue_class: str) -> int:
        text = self.text(node, f"the sign of {cue_class!r}")
        if text not in {"1", "-1", "+1"}:
            raise self.error(node, f"cue_signs: the sign of {cue_class!r} must be 1 or -1")
        return int(text)

    def markers(self, root: yaml.Node | None) -> StanceMarkers:
        if root is None:
            raise self.error(None, "the file is empty")
        top = self.mapping(root, "the stance markers", TOP_KEYS)
        missing = sorted(TOP_KEYS - {"version"} - set(top))
        if missing:
            raise self.error(root, f"the stance markers have no {', '.join(repr(m) for m in missing)}")
        phrases = self.mapping(top["phrases"], "phrases", set(PHRASE_KEYS))
        words = self.mapping(top["words"], "words", set(WORD_KEYS))
        for group, keys, node in (("phrases", PHRASE_KEYS, top["phrases"]), ("words", WORD_KEYS, top["words"])):
            absent = [k for k in keys if k not in (phrases if group == "phrases" else words)]
            if absent:
                raise self.error(node, f"{group} has no {', '.join(repr(k) for k in absent)}")
        if not isinstance(top["cue_signs"], yaml.MappingNode):
            raise self.error(top["cue_signs"], "cue_signs must be a mapping of cue classes to 1 or -1")
        signs = {self.text(k, "a cue class"): self.sign(v, str(k.value)) for k, v in top["cue_signs"].value}
        lowered = {key: frozenset(w.lower() for w in self.words(words[key], key)) for key in WORD_KEYS}
        return StanceMarkers(
            **{key: self.words(phrases[key], key) for key in PHRASE_KEYS},
            oppose_patterns=tuple(self.pattern(p) for p in self.sequence(top["oppose_patterns"], "oppose_patterns")),
            **lowered,
            cue_signs=signs,
            declined_cues=frozenset(self.words(top["declined_cues"], "declined_cues")),
            denied_cues=frozenset(self.words(top["denied_cues"], "denied_cues")),
            asked_cues=frozenset(self.words(top["asked_cues"], "asked_cues")),
            source=self.source,
        )


def parse_stance_markers(text: str, source: str = "stance_markers.yaml") -> StanceMarkers:
    """StanceMarkers from YAML text; a StanceMarkersError naming the line of the first problem."""
    reader = _Reader(source)
    return reader.markers(reader.compose(text))


@cache
def load_stance_markers(path: str | None = None) -> StanceMarkers:
    """The packaged stance markers, or the file at ``path``; parsed once per path."""
    if path is None:
        text = resources.files("onrecord.lexicons.data").joinpath("stance_markers.yaml").read_text(encoding="utf-8")
        return parse_stance_markers(text)
    return parse_stance_markers(Path(path).read_text(encoding="utf-8"), source=str(path))
