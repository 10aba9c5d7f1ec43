"""Issues: which questions of a debate a statement addresses.

An issue taxonomy is a data file (``lexicon/taxonomy_war.yaml`` by default, or the user's own):
each issue has an id, a label, the one-sentence proposition a stance is taken on, its trigger
lemmas and phrases, and the phrases that say its content or the contrary.  ``load_taxonomy``
validates the file and names the line of any error.

Tagging runs spaCy ``Matcher`` rules over lemmas: a statement (its quote plus the sentence that
attributes it) addresses an issue when one of the issue's triggers occurs in it.  The matcher
is compiled once per taxonomy and pipeline and cached on the taxonomy.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from spacy.errors import MatchPatternError
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from onrecord.components.cues import LexiconError
from onrecord.yaml_nodes import NodeReader

STANCE_LABELS = ("support", "oppose", "conditional", "unclear")
ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")
GAP = "..."
GAP_WORDS = 3  # "end ... war": up to three words between
Role = Literal["trigger", "for", "against"]


class TaxonomyError(LexiconError):
    """A taxonomy file that cannot be used; the message names the file and line."""


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
    _compiled: dict[int, tuple[Language, IssueMatcher]] = field(default_factory=dict, repr=False)

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
            raise KeyError(f"unknown issue {name!r}; known: {', '.join(self.issues)}")
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
        checker = Matcher(Vocab(), validate=True)
        out = []
        for item in self.sequence(node, what):
            value = yaml.SafeLoader("").construct_document(item)
            if not isinstance(value, list) or not value or not all(isinstance(t, dict) for t in value):
                raise self.error(item, f"{what}: a pattern is a list of token mappings, "
                                       "e.g. [{LOWER: talks}]")
            try:
                checker.add("check", [value])
            except (MatchPatternError, ValueError, TypeError) as exc:
                raise self.error(item, f"{what}: invalid spaCy Matcher pattern: {exc}") from None
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
        text = resources.files("onrecord.lexicon").joinpath("taxonomy_war.yaml").read_text(encoding="utf-8")
        _DEFAULT = parse_taxonomy(text, source="taxonomy_war.yaml")
    return _DEFAULT


def canonical_issue(name: str | None) -> str | None:
    """An issue named by its id or an alias (``nato_membership``) as the id statements carry
    (``nato``), by the taxonomy in use ($ONRECORD_TAXONOMY, else the bundled one); a name the
    taxonomy does not know is kept as it is (the ledger may hold issues of another taxonomy)."""
    if not name:
        return name
    path = os.environ.get("ONRECORD_TAXONOMY") or None
    try:
        # a user's file is read again only when it changed (the web app asks per request)
        issue = _taxonomy_version(path, os.stat(path).st_mtime_ns if path else 0).find(name)
    except (TaxonomyError, OSError):
        return name
    return issue.id if issue is not None else name


@cache
def _taxonomy_version(path: str | None, stamp: int) -> Taxonomy:
    return load_taxonomy(path)


# --- matching ------------------------------------------------------------------------------

if not Token.has_extension("lemma_lower"):
    # Lemmas keep the case of proper nouns ("NATO", "Crimea"); matching compares lowercased
    # lemmas so that "Nato" and "NATO" are one trigger.
    Token.set_extension("lemma_lower", getter=lambda t: t.lemma_.lower())


def parse_only(nlp: Language, texts: Iterable[str]) -> list[Doc]:
    """Parse texts with the model's own components: our statement components and NER are not
    needed for lemmas and dependencies and are skipped."""
    skip = [n for n in nlp.pipe_names if n.startswith("onrecord_") or n == "ner"]
    return list(nlp.pipe(texts, disable=skip))


def _word_spec(forms: set[str]) -> dict[str, Any]:
    # Lemmas keep the case of proper nouns ("NATO", "Nato", "Crimea"): list the usual casings
    # of each form.  A LEMMA attribute is matched natively; an extension getter per token made
    # matching the slowest stage of the pipeline.
    variants = {v for f in forms for v in (f, f.capitalize(), f.upper(), f.title())}
    return {"LEMMA": {"IN": sorted(variants)}}


def phrase_patterns(nlp: Language, phrases: Sequence[str]) -> list[list[dict[str, Any]]]:
    """Matcher patterns for phrases: each word matches a token whose lemma is the word's lemma
    or the word itself ("borders" in a phrase matches "border", "borders", "bordered"); "..."
    is a gap of up to three tokens."""
    parts_of = [[p.strip() for p in phrase.split(GAP)] for phrase in phrases]
    flat = [part for parts in parts_of for part in parts if part]
    docs = iter(parse_only(nlp, flat))
    patterns = []
    for parts in parts_of:
        pattern: list[dict[str, Any]] = []
        for k, part in enumerate(parts):
            if k > 0:
                pattern.append({"OP": f"{{0,{GAP_WORDS}}}"})
            if not part:
                continue
            for token in next(docs):
                pattern.append(_word_spec({token.lower_, token.lemma_.lower()}))
        # a phrase cannot start or end with a gap: strip gap tokens at the edges
        while pattern and "OP" in pattern[0] and len(pattern[0]) == 1:
            pattern.pop(0)
        while pattern and "OP" in pattern[-1] and len(pattern[-1]) == 1:
            pattern.pop()
        patterns.append(pattern)
    return patterns


@dataclass(frozen=True)
class IssueHit:
    """One match of an issue's trigger or content phrase in a Doc."""

    issue: str
    role: Role
    start: int  # token offsets
    end: int
    start_char: int
    end_char: int
    text: str


class IssueMatcher:
    """The taxonomy compiled for one pipeline: a Matcher whose keys are ``role:issue``."""

    def __init__(self, nlp: Language, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self.matcher = Matcher(nlp.vocab)
        for issue in taxonomy.issues.values():
            self._add(nlp, f"trigger:{issue.id}", issue.lemmas + issue.phrases, issue.patterns)
            self._add(nlp, f"for:{issue.id}", issue.for_phrases, ())
            self._add(nlp, f"against:{issue.id}", issue.against_phrases, ())

    def _add(self, nlp: Language, key: str, phrases: Sequence[Phrase], raw: Sequence[RawPattern]) -> None:
        patterns = phrase_patterns(nlp, [p.text for p in phrases]) if phrases else []
        patterns = [p for p in patterns if p]
        for pattern in raw:
            patterns.append([dict(t) for t in pattern.tokens])
        if patterns:
            self.matcher.add(key, patterns)

    def hits(self, doc: Doc | Span) -> list[IssueHit]:
        """Every trigger and content match, sorted by position."""
        found: dict[tuple[str, int, int], IssueHit] = {}
        for span in self.matcher(doc, as_spans=True):
            role, issue = span.label_.split(":", 1)
            found[(span.label_, span.start, span.end)] = IssueHit(
                issue, role, span.start, span.end, span.start_char, span.end_char, span.text  # type: ignore[arg-type]
            )
        return sorted(found.values(), key=lambda h: (h.start, -(h.end - h.start), h.issue, h.role))


def issue_matcher(nlp: Language, taxonomy: Taxonomy) -> IssueMatcher:
    """The compiled matcher of a taxonomy for a pipeline, built once and cached on the taxonomy
    (lemmatising the phrases needs the pipeline, so the cache is per pipeline)."""
    cached = taxonomy._compiled.get(id(nlp))
    if cached is not None and cached[0] is nlp:
        return cached[1]
    compiled = IssueMatcher(nlp, taxonomy)
    taxonomy._compiled[id(nlp)] = (nlp, compiled)
    return compiled


def issue_hits(doc: Doc | Span, taxonomy: Taxonomy, nlp: Language) -> list[IssueHit]:
    """All trigger and content matches of the taxonomy in a parsed Doc or Span."""
    return issue_matcher(nlp, taxonomy).hits(doc)


def issues_in_ranges(
    hits: Iterable[IssueHit], ranges: Iterable[tuple[int, int]], taxonomy: Taxonomy
) -> list[str]:
    """The issues whose triggers fall inside any of the character ranges, in taxonomy order.
    For an article already parsed: the ranges are a statement's quote segments and its
    attribution sentence."""
    spans = list(ranges)
    ids = {
        h.issue for h in hits
        if h.role == "trigger" and any(s <= h.start_char and h.end_char <= e for s, e in spans)
    }
    return [i for i in taxonomy.issues if i in ids]


def tag_text(nlp: Language, text: str, taxonomy: Taxonomy) -> list[str]:
    """The issues a plain text addresses, in taxonomy order."""
    if not text.strip():
        return []
    doc = parse_only(nlp, [text])[0]
    return issues_in_ranges(issue_hits(doc, taxonomy, nlp), [(0, len(text))], taxonomy)


def tag_statement(nlp: Language, quote_text: str, attribution_sentence: str, taxonomy: Taxonomy) -> list[str]:
    """Trigger rule: a statement addresses an issue when a trigger of the issue occurs in its
    quote or in the sentence that attributes it ("… in exchange for NATO membership", he said).
    The sentence counts because reported speech often names the topic outside the quotation
    ("offered to broker a cease-fire …, saying it must guarantee …")."""
    texts = [t for t in (quote_text, attribution_sentence) if t and t.strip()]
    if len(texts) == 2 and texts[0] in texts[1]:
        texts = texts[1:]  # the sentence holds the quote: one parse is enough
    found: set[str] = set()
    for doc in parse_only(nlp, texts):
        found.update(issues_in_ranges(issue_hits(doc, taxonomy, nlp), [(0, len(doc.text))], taxonomy))
    return [i for i in taxonomy.issues if i in found]


# --- topic continuity ----------------------------------------------------------------------

ANAPHORS = {"it", "this", "that", "these", "those", "they", "such"}
CONTINUING_CUE_CLASSES = {"add"}


def continues_topic(cue_class: str | None, quote_text: str) -> bool:
    """Topic-continuity rule: "He added, '…'" and a quote that opens with an anaphor ("[it]
    could be possible", "That is why …") go on about what the speaker was just talking about."""
    if cue_class in CONTINUING_CUE_CLASSES:
        return True
    first = re.match(r"^[\s\"“”‘’'\[(]*([A-Za-z]+)", quote_text)
    return bool(first) and first.group(1).lower() in ANAPHORS  # type: ignore[union-attr]


def _speaker_key(statement: Mapping[str, Any]) -> str:
    speaker = statement.get("speaker") or {}
    return str(speaker.get("id") or speaker.get("name") or "")


def inherit_issues(statements: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Statements (dicts, in article order) where one with no issue of its own takes the issues
    of the statement just before it, when both have the same speaker and ``continues_topic``
    holds.  Returns new dicts; the input is not changed."""
    out: list[dict[str, Any]] = []
    for statement in statements:
        current = dict(statement)
        if not current.get("issues") and out:
            previous = out[-1]
            cue = current.get("cue") or {}
            quote = current.get("quote") or {}
            if (previous.get("issues") and _speaker_key(previous) == _speaker_key(current)
                    and continues_topic(cue.get("class") or cue.get("cls"), quote.get("text", ""))):
                current["issues"] = list(previous["issues"])
        out.append(current)
    return out


# --- a spaCy component ---------------------------------------------------------------------

if not Doc.has_extension("issue_hits"):
    Doc.set_extension("issue_hits", default=None)


@Language.factory("onrecord_issues", default_config={"taxonomy_path": None})
def make_issues_component(nlp: Language, name: str, taxonomy_path: str | None) -> IssueTagger:
    return IssueTagger(nlp, load_taxonomy(taxonomy_path))


class IssueTagger:
    """Sets ``doc._.issue_hits``: every trigger and content match in the article, so the
    statements' issues are ``issues_in_ranges(doc._.issue_hits, ranges, taxonomy)``."""

    def __init__(self, nlp: Language, taxonomy: Taxonomy) -> None:
        self.nlp = nlp
        self.taxonomy = taxonomy

    def __call__(self, doc: Doc) -> Doc:
        doc._.issue_hits = issue_hits(doc, self.taxonomy, self.nlp)
        return doc
