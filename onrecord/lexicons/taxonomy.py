"""Issue taxonomies: which questions of a debate a statement can address.

A taxonomy is a data file (``data/taxonomy_war.yaml`` by default, or the user's own): each issue
has an id, a label, the one-sentence proposition a stance is taken on, its trigger lemmas,
phrases and Matcher patterns, and the phrases that say its content or the contrary.
``load_taxonomy`` validates the file and names the line of any error (the Matcher patterns are
checked against spaCy's schema when a pipeline compiles them: ``extract.issue_tags``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml

from onrecord.errors import TaxonomyError, UnknownIssue
from onrecord.lexicons.yaml_nodes import NodeReader
from onrecord.model.stance import STANCE_LABELS

ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")
GAP = "..."
GAP_WORDS = 3  # "end ... war": up to three words between
Role = Literal["trigger", "for", "against"]


# --- the data model ------------------------------------------------------------------------


@dataclass(frozen=True)
class Phrase:
    """A trigger or content phrase as written in the file, with the line it is on."""

    text: str
    line: int


@dataclass(frozen=True)
class RawPattern:
    """A spaCy Matcher token pattern written in the file."""

    tokens: tuple[Mapping[str, Any], ...]
    line: int


@dataclass(frozen=True)
class Example:
    text: str
    stance: str | None
    line: int


@dataclass(eq=False)
class Issue:
    id: str
    label: str
    proposition: str
    line: int
    aliases: tuple[str, ...] = ()
    lemmas: tuple[Phrase, ...] = ()
    phrases: tuple[Phrase, ...] = ()
    patterns: tuple[RawPattern, ...] = ()
    for_phrases: tuple[Phrase, ...] = ()
    against_phrases: tuple[Phrase, ...] = ()
    examples: tuple[Example, ...] = ()


@dataclass(eq=False)
class Taxonomy:
    """A validated taxonomy.  Compared and hashed by identity, so that its compiled matcher
    can be cached on it."""

    id: str
    label: str
    source: str
    issues: dict[str, Issue]
    # compiled forms of the taxonomy, kept by whoever compiles it (a Matcher per spaCy pipeline)
    compiled: dict[int, Any] = field(default_factory=dict, repr=False)

    @property
    def ids(self) -> list[str]:
        return list(self.issues)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.find(name) is not None

    def find(self, name: str) -> Issue | None:
        """The issue an id or alias names, or None."""
        if name in self.issues:
            return self.issues[name]
        return next((i for i in self.issues.values() if name in i.aliases), None)

    def resolve(self, name: str) -> str:
        """The canonical id of an issue named by its id or an alias (``nato_membership`` →
        ``nato``); a KeyError naming the known ids otherwise."""
        issue = self.find(name)
        if issue is None:
            raise UnknownIssue(f"unknown issue {name!r}; known: {', '.join(self.issues)}")
        return issue.id

    def __getitem__(self, name: str) -> Issue:
        return self.issues[self.resolve(name)]


# --- loading and validation ----------------------------------------------------------------

TOP_KEYS = {"taxonomy", "label", "version", "description", "issues"}
ISSUE_KEYS = {"id", "label", "proposition", "aliases", "triggers", "stance", "examples"}
TRIGGER_KEYS = {"lemmas", "phrases", "patterns"}
STANCE_KEYS = {"for", "against"}
EXAMPLE_KEYS = {"text", "stance"}


class _Reader(NodeReader):
    """Validation over the YAML node tree, so every error can name the line it is on."""

    error_class = TaxonomyError

    def required(self, values: dict[str, yaml.Node], key: str, parent: yaml.Node, what: str) -> yaml.Node:
        if key not in values:
            raise self.error(parent, f"{what} has no {key!r}")
        return values[key]

    def phrases(self, node: yaml.Node, what: str, single_words: bool = False) -> tuple[Phrase, ...]:
        seen: set[str] = set()
        out = []
        for item in self.sequence(node, what):
            text = self.text(item, f"an entry of {what}")
            if single_words and (" " in text or GAP in text):
                raise self.error(item, f"{what}: {text!r} is not a single word; put it under 'phrases'")
            if text.replace(GAP, "").strip() == "":
                raise self.error(item, f"{what}: {text!r} has no words")
            if text.lower() in seen:
                raise self.error(item, f"{what}: {text!r} is listed twice")
            seen.add(text.lower())
            out.append(Phrase(text, item.start_mark.line + 1))
        return tuple(out)

    def patterns(self, node: yaml.Node, what: str) -> tuple[RawPattern, ...]:
        # the shape only: spaCy's schema is checked when a pipeline compiles the patterns
        out = []
        for item in self.sequence(node, what):
            value = yaml.SafeLoader("").construct_document(item)
            if not isinstance(value, list) or not value or not all(isinstance(t, dict) for t in value):
                raise self.error(item, f"{what}: a pattern is a list of token mappings, "
                                       "e.g. [{LOWER: talks}]")
            out.append(RawPattern(tuple(value), item.start_mark.line + 1))
        return tuple(out)

    def proposition(self, node: yaml.Node) -> str:
        text = self.text(node, "proposition")
        # one sentence: a single sentence-final mark, at the end
        if not re.search(r"[.!?]$", text) or re.search(r"[.!?]\s+\S", text):
            raise self.error(node, "proposition must be exactly one sentence, ending with a full stop")
        return text

    def examples(self, node: yaml.Node) -> tuple[Example, ...]:
        out = []
        for item in self.sequence(node, "examples"):
            if isinstance(item, yaml.ScalarNode):
                out.append(Example(self.text(item, "an example"), None, item.start_mark.line + 1))
                continue
            values = self.mapping(item, "an example", EXAMPLE_KEYS)
            text = self.text(self.required(values, "text", item, "an example"), "an example's text")
            stance = None
            if "stance" in values:
                stance = self.text(values["stance"], "an example's stance")
                if stance not in STANCE_LABELS:
                    raise self.error(values["stance"], f"stance must be one of {list(STANCE_LABELS)}")
            out.append(Example(text, stance, item.start_mark.line + 1))
        return tuple(out)

    def issue(self, node: yaml.Node) -> Issue:
        values = self.mapping(node, "an issue", ISSUE_KEYS)
        id_node = self.required(values, "id", node, "an issue")
        issue_id = self.text(id_node, "id")
        if not ID_RE.match(issue_id):
            raise self.error(id_node, f"issue id {issue_id!r} must be lowercase letters, digits, underscores")
        what = f"issue {issue_id!r}"
        label = self.text(self.required(values, "label", node, what), "label")
        proposition = self.proposition(self.required(values, "proposition", node, what))
        aliases: tuple[str, ...] = ()
        if "aliases" in values:
            listed = self.phrases(values["aliases"], f"{what} aliases", single_words=True)
            aliases = tuple(p.text for p in listed)
            for alias_node, alias in zip(values["aliases"].value, aliases, strict=True):
                if not ID_RE.match(alias):
                    raise self.error(alias_node, f"alias {alias!r} must be lowercase letters, digits, "
                                                 "underscores")
        trig_node = self.required(values, "triggers", node, what)
        triggers = self.mapping(trig_node, f"{what} triggers", TRIGGER_KEYS)
        lemmas = self.phrases(triggers["lemmas"], f"{what} lemmas", True) if "lemmas" in triggers else ()
        phrases = self.phrases(triggers["phrases"], f"{what} phrases") if "phrases" in triggers else ()
        patterns = self.patterns(triggers["patterns"], f"{what} patterns") if "patterns" in triggers else ()
        if not (lemmas or phrases or patterns):
            raise self.error(trig_node, f"{what} has no triggers: give lemmas, phrases or patterns")
        for_phrases: tuple[Phrase, ...] = ()
        against_phrases: tuple[Phrase, ...] = ()
        if "stance" in values:
            stance = self.mapping(values["stance"], f"{what} stance", STANCE_KEYS)
            if "for" in stance:
                for_phrases = self.phrases(stance["for"], f"{what} stance 'for'")
            if "against" in stance:
                against_phrases = self.phrases(stance["against"], f"{what} stance 'against'")
        examples = self.examples(values["examples"]) if "examples" in values else ()
        return Issue(issue_id, label, proposition, node.start_mark.line + 1, aliases, lemmas, phrases,
                     patterns, for_phrases, against_phrases, examples)

    def taxonomy(self, root: yaml.Node | None) -> Taxonomy:
        if root is None:
            raise self.error(None, "the file is empty")
        values = self.mapping(root, "the taxonomy", TOP_KEYS)
        tax_id = self.text(self.required(values, "taxonomy", root, "the taxonomy"), "taxonomy")
        label = self.text(values["label"], "label") if "label" in values else tax_id
        issues_node = self.required(values, "issues", root, "the taxonomy")
        issues: dict[str, Issue] = {}
        names: dict[str, str] = {}  # every id and alias → the issue that has it
        for node in self.sequence(issues_node, "issues"):
            issue = self.issue(node)
            for name in (issue.id, *issue.aliases):
                if name in names:
                    raise self.error(node, f"issue {issue.id!r}: the name {name!r} is already used by "
                                           f"issue {names[name]!r}")
                names[name] = issue.id
            issues[issue.id] = issue
        if not issues:
            raise self.error(issues_node, "the taxonomy has no issues")
        return Taxonomy(tax_id, label, self.source, issues)


def parse_taxonomy(text: str, source: str = "taxonomy.yaml") -> Taxonomy:
    """A Taxonomy from YAML text; a TaxonomyError naming the line of the first problem."""
    reader = _Reader(source)
    root = reader.compose(text)
    return reader.taxonomy(root)


_DEFAULT: Taxonomy | None = None


def load_taxonomy(path: str | Path | None = None) -> Taxonomy:
    """The taxonomy in ``path``, or the packaged war-and-peace-talks taxonomy.  The default is
    loaded once per process (so its compiled matcher is reused); a user's file each call."""
    global _DEFAULT
    if path is not None:
        p = Path(path)
        try:
            text = p.read_text(encoding="utf-8")
        except OSError as exc:
            raise TaxonomyError(f"{p}: cannot read the taxonomy file: {exc.strerror or exc}") from None
        return parse_taxonomy(text, source=str(p))
    if _DEFAULT is None:
        text = resources.files("onrecord.lexicons.data").joinpath("taxonomy_war.yaml").read_text(encoding="utf-8")
        _DEFAULT = parse_taxonomy(text, source="taxonomy_war.yaml")
    return _DEFAULT


def canonical_issue(name: str | None, path: str | Path | None = None) -> str | None:
    """An issue named by its id or an alias (``nato_membership``) as the id statements carry
    (``nato``), by the taxonomy at ``path`` (else the bundled one); a name the taxonomy does not
    know is kept as it is (the ledger may hold issues of another taxonomy)."""
    if not name:
        return name
    path = str(path) if path else None
    try:
        # a user's file is read again only when it changed (the web app asks per request)
        issue = _taxonomy_version(path, os.stat(path).st_mtime_ns if path else 0).find(name)
    except (TaxonomyError, OSError):
        return name
    return issue.id if issue is not None else name


@cache
def _taxonomy_version(path: str | None, stamp: int) -> Taxonomy:
    return load_taxonomy(path)


