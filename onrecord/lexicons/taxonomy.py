"""Issue taxonomies: which questions of a debate a statement can address.

A taxonomy is a data file (``data/taxonomy_war.yaml`` by default, or the user's own): each issue
has an id, a label, the one-sentence proposition a stance is taken on, its trigger lemmas,
phrases and Matcher patterns, and the phrases that say its content or the contrary.
``load_taxonomy`` validates the file against the pydantic model ``TaxonomyFile`` and names the
line of any error (the Matcher patterns are checked against spaCy's schema when a pipeline
compiles them: ``extraction.issue_tags``).  The models are the file's format; the dataclasses
below are what the rules read, each phrase and pattern with its line.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from onrecord.errors import TaxonomyError, UnknownIssue
from onrecord.lexicons.yaml_models import (
    NodeError,
    NodePath,
    Text,
    TokenPattern,
    YamlDocument,
    YamlModel,
    key_of,
    listed_once,
    read_yaml,
)
from onrecord.model.stance import STANCE_LABELS

ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")
GAP = "..."
GAP_WORDS = 3  # "end ... war": up to three words between
Role = Literal["trigger", "for", "against", "aspect", "except", "context"]


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
    except_phrases: tuple[Phrase, ...] = ()  # a trigger inside one of these does not count
    aspect_phrases: tuple[Phrase, ...] = ()  # forms of the proposition: rejecting one is no oppose
    places: frozenset[str] = frozenset()  # prepositions under which a trigger names a place ("on the territory")
    context_phrases: tuple[Phrase, ...] = ()  # triggers only in an article whose title names the issue
    # words that put this issue in view by themselves where the conflict is not ("sanctions" next
    # to "Russian"): its one-word triggers count there too (``extraction.issue_scope``)
    in_view: frozenset[str] = frozenset()
    # words one of which a one-word trigger's sentence must hold for it to count ("missile" with
    # "supply", "send" or "Ukraine"): the thing named alone is not the debate about it
    needs: frozenset[str] = frozenset()
    # another issue's id → the lemmas of this issue's triggers that, as the aim of a trigger of that
    # issue, name that issue's aim, not this issue ("talks on ending the war": the talks')
    aim_of: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # the triggers name the topic, not the proposition ("territory" for "give up territory"): a
    # marker on the topic alone takes no position; only the content phrases (for/against) decide
    content_decides: bool = False
    # the issue is an event that is held (talks, a summit): its going ahead is what it proposes
    event: bool = False


@dataclass(eq=False)
class Taxonomy:
    """A validated taxonomy.  Compared and hashed by identity, so that its compiled matcher
    can be cached on it."""

    id: str
    label: str
    source: str
    issues: dict[str, Issue]
    occasions: frozenset[str] = frozenset()  # "during", "at", "sidelines": the occasion, not the topic
    # words after which a preposition names what is debated, not a place ("concessions on territory")
    topic_heads: frozenset[str] = frozenset()
    # nouns that, made definite ("the agreement", "such a step"), refer back to an issue named before
    anaphoric_heads: frozenset[str] = frozenset()
    # words that name a side of the conflict ("Russia", "Kyiv", "Zelensky"): a question that names
    # none is not about the taxonomy's conflict
    parties: frozenset[str] = frozenset()
    # words that put the conflict in view around a statement, for a one-word trigger to count
    # (``extraction.issue_scope``); empty: ``parties``
    in_view: frozenset[str] = frozenset()
    # places of other conflicts: a one-word trigger in a sentence that names one and no ``in_view``
    # word takes up that conflict ("a mediator in the Middle East")
    elsewhere: frozenset[str] = frozenset()
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


# --- the file format: validation ----------------------------------------------------------


def _lowercase_name(name: str) -> str:
    if not ID_RE.match(name):
        raise ValueError(f"{name!r}: an issue's id and aliases are lowercase letters, digits, underscores")
    return name


def _single_word(text: str) -> str:
    if " " in text or GAP in text:
        raise ValueError(f"{text!r} is not a single word (lemmas are); put it under 'phrases'")
    return text


def _has_words(text: str) -> str:
    if text.replace(GAP, "").strip() == "":
        raise ValueError(f"{text!r} has no words")
    return text


def _one_sentence(text: str) -> str:
    # a single sentence-final mark, at the end
    if not re.search(r"[.!?]$", text) or re.search(r"[.!?]\s+\S", text):
        raise ValueError("proposition must be exactly one sentence, ending with a full stop")
    return text


Name = Annotated[Text, AfterValidator(_lowercase_name)]
PhraseText = Annotated[Text, AfterValidator(_has_words)]
Lemma = Annotated[PhraseText, AfterValidator(_single_word)]


class TriggersEntry(YamlModel):
    """How an issue is recognised; each phrase once, whatever its case."""

    lemmas: list[Lemma] = []
    phrases: list[PhraseText] = []
    patterns: list[TokenPattern] = []
    # phrases in which a trigger word means something else ("land swap" is no prisoner swap)
    except_: list[PhraseText] = Field(default=[], alias="except")
    # prepositions under which a trigger names where something is ("troops on our territory")
    places: list[Lemma] = []
    # words that name the issue only in an article whose title names it ("the meeting" under a
    # title about peace talks): one sense per discourse
    in_context: list[PhraseText] = []
    # words that put this issue in view where the conflict is not ("Russian" for "sanctions")
    in_view: list[Text] = []
    # words (lemmas) one of which a one-word trigger's sentence must hold for it to count
    needs: list[Lemma] = []
    # another issue's id: the head lemmas of this issue's triggers that name that issue's aim when
    # they are the aim of one of its triggers ("negotiations: [end, stop]")
    aim_of: dict[Name, list[Lemma]] = {}

    @field_validator("lemmas", "phrases", "except_", "places", "in_context", "in_view", "needs")
    @classmethod
    def _listed_once(cls, phrases: list[str], info: ValidationInfo) -> list[str]:
        return listed_once(phrases, key_of(cls, info), ignore_case=True)

    @model_validator(mode="after")
    def _some_trigger(self) -> TriggersEntry:
        if not (self.lemmas or self.phrases or self.patterns):
            raise ValueError("an issue has no triggers: give lemmas, phrases or patterns")
        return self


class StanceEntry(YamlModel):
    """The phrases that state an issue's content (``for``) or its contrary (``against``)."""

    for_: list[PhraseText] = Field(default=[], alias="for")
    against: list[PhraseText] = []
    # one form of the proposition ("the Normandy format"): rejecting it is not rejecting the whole
    aspects: list[PhraseText] = []
    # the triggers name only the topic of a proposition that changes it ("territory" of "give up
    # territory"): "we must protect our territory" wants the topic, not the proposition, so a
    # marker decides only with a for/against phrase in the sentence
    content_decides: bool = False
    # the issue is an event that is held ("talks", "a summit"): a speaker who announces that it will
    # take place, continue or resume wants it to (the announcement rule, stances/effects.py)
    event: bool = False

    @field_validator("for_", "against", "aspects")
    @classmethod
    def _listed_once(cls, phrases: list[str], info: ValidationInfo) -> list[str]:
        return listed_once(phrases, key_of(cls, info), ignore_case=True)


class ExampleEntry(YamlModel):
    """An example: a sentence, or {text, stance} with the label the rules must give it."""

    model_config = ConfigDict(title="an example")
    text: Text
    stance: Text | None = None

    @model_validator(mode="before")
    @classmethod
    def _plain_sentence(cls, data: Any) -> Any:
        return {"text": data} if isinstance(data, str) else data

    @field_validator("stance")
    @classmethod
    def _stance_label(cls, stance: str | None) -> str | None:
        if stance is not None and stance not in STANCE_LABELS:
            raise ValueError(f"stance must be one of {list(STANCE_LABELS)}")
        return stance


class IssueEntry(YamlModel):
    """An issue as written; its lines are read from the document when it becomes an ``Issue``."""

    model_config = ConfigDict(title="an issue")
    id: Name
    label: Text
    proposition: Annotated[Text, AfterValidator(_one_sentence)]
    aliases: list[Name] = []
    triggers: TriggersEntry
    stance: StanceEntry = Field(default_factory=StanceEntry)
    examples: list[ExampleEntry] = []


class TaxonomyFile(YamlModel):
    """The file: ``version`` and ``description`` are for its readers and not used."""

    model_config = ConfigDict(title="the taxonomy")
    taxonomy: Text
    label: Text | None = None
    version: Any = None
    description: Any = None
    # words that name the occasion of a statement, not its topic ("during the talks, he said …")
    occasions: list[Text] = []
    # words after which a preposition names what is debated ("concessions on territory"), not a place
    topic_heads: list[Text] = []
    # nouns that, made definite ("the agreement", "such a step"), refer back to an issue named before
    anaphoric_heads: list[Text] = []
    # words that name a side of the conflict: a question that names none is not about it
    parties: list[Text] = []
    # words that put the conflict in view: a one-word trigger away from them names another debate
    in_view: list[Text] = []
    # places of other conflicts: a one-word trigger in a sentence naming one (and none of in_view)
    elsewhere: list[Text] = []
    issues: list[IssueEntry] = Field(min_length=1)

    @model_validator(mode="after")
    def _names_used_once(self) -> TaxonomyFile:
        """An id or alias names one issue: the second use is an error at that issue."""
        owner: dict[str, str] = {}
        for index, issue in enumerate(self.issues):
            places = [("id",), *(("aliases", n) for n in range(len(issue.aliases)))]
            for name, place in zip((issue.id, *issue.aliases), places, strict=True):
                if name in owner:
                    raise NodeError(f"issue {issue.id!r}: the name {name!r} is already used by issue "
                                    f"{owner[name]!r}", at=("issues", index, *place))
                owner[name] = issue.id
        for index, issue in enumerate(self.issues):
            for other in issue.triggers.aim_of:
                # by its id: the hits it is compared with carry ids, never aliases
                if owner.get(other) != other or other == issue.id:
                    raise NodeError(f"issue {issue.id!r}: aim_of names {other!r}, which is no other issue's id",
                                    at=("issues", index, "triggers", "aim_of", other))
        return self


# --- loading ---------------------------------------------------------------------------------


def parse_taxonomy(text: str, source: str = "taxonomy.yaml") -> Taxonomy:
    """A Taxonomy from YAML text; a TaxonomyError naming the line of the first problem."""
    document = read_yaml(text, source, TaxonomyError)
    file = document.validate(TaxonomyFile)
    issues = {entry.id: _issue(document, entry, ("issues", index)) for index, entry in enumerate(file.issues)}
    return Taxonomy(file.taxonomy, file.label or file.taxonomy, source, issues,
                    occasions=frozenset(w.lower() for w in file.occasions),
                    topic_heads=frozenset(w.lower() for w in file.topic_heads),
                    anaphoric_heads=frozenset(w.lower() for w in file.anaphoric_heads),
                    parties=frozenset(w.lower() for w in file.parties),
                    in_view=frozenset(w.lower() for w in file.in_view or file.parties),
                    elsewhere=frozenset(w.lower() for w in file.elsewhere))


def _issue(document: YamlDocument, entry: IssueEntry, at: NodePath) -> Issue:
    """The issue of a validated entry, each phrase and pattern with the line it is on."""

    def phrases(texts: list[str], *key: str) -> tuple[Phrase, ...]:
        return tuple(Phrase(text, document.line((*at, *key, i))) for i, text in enumerate(texts))

    triggers = entry.triggers
    pattern_paths = [(*at, "triggers", "patterns", i) for i in range(len(triggers.patterns))]
    patterns = tuple(RawPattern(tuple(document.typed(path)), document.line(path)) for path in pattern_paths)
    examples = tuple(Example(example.text, example.stance, document.line((*at, "examples", i)))
                     for i, example in enumerate(entry.examples))
    return Issue(entry.id, entry.label, entry.proposition, document.line(at), tuple(entry.aliases),
                 lemmas=phrases(triggers.lemmas, "triggers", "lemmas"),
                 phrases=phrases(triggers.phrases, "triggers", "phrases"),
                 patterns=patterns,
                 except_phrases=phrases(triggers.except_, "triggers", "except"),
                 for_phrases=phrases(entry.stance.for_, "stance", "for"),
                 against_phrases=phrases(entry.stance.against, "stance", "against"),
                 aspect_phrases=phrases(entry.stance.aspects, "stance", "aspects"),
                 places=frozenset(w.lower() for w in triggers.places),
                 context_phrases=phrases(triggers.in_context, "triggers", "in_context"),
                 in_view=frozenset(w.lower() for w in triggers.in_view),
                 needs=frozenset(w.lower() for w in triggers.needs),
                 aim_of={other: frozenset(w.lower() for w in words) for other, words in triggers.aim_of.items()},
                 content_decides=entry.stance.content_decides,
                 event=entry.stance.event,
                 examples=examples)


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


