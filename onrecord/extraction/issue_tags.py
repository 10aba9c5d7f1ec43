"""Issue tags: which issues of the taxonomy an article's statements address.

Tagging runs spaCy ``Matcher`` rules over lemmas: a statement (its quote plus the sentence that
attributes it) addresses an issue when one of the issue's triggers occurs in it.  The matcher is
compiled once per taxonomy and pipeline and kept on the taxonomy (``Taxonomy.compiled``).
The taxonomy itself is data: ``lexicons/taxonomy.py``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import product
from math import prod
from typing import Any

from spacy.errors import MatchPatternError
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from onrecord.errors import TaxonomyError
from onrecord.extraction.docindex import once
from onrecord.extraction.gaps import GapPhrases, lemma_doc
from onrecord.extraction.pieces import ours
from onrecord.lexicons.taxonomy import GAP, GAP_WORDS, Phrase, RawPattern, Role, Taxonomy


def parse_only(nlp: Language, texts: Iterable[str]) -> list[Doc]:
    """Parse texts with the model's own components: our statement components and NER are not
    needed for lemmas and dependencies and are skipped."""
    skip = [*ours(nlp), "ner"]
    return list(nlp.pipe(texts, disable=skip))


def _word_spec(forms: set[str]) -> dict[str, Any]:
    # Lemmas keep the case of proper nouns ("NATO", "Nato", "Crimea"): list the usual casings
    # of each form.  A LEMMA attribute is matched natively; an extension getter per token made
    # matching the slowest stage of the pipeline.
    variants = {v for f in forms for v in (f, f.capitalize(), f.upper(), f.title())}
    return {"LEMMA": {"IN": sorted(variants)}}


def phrase_parts(phrases: Iterable[str]) -> list[str]:
    """The word runs of phrases, between their gaps ("end ... war" → "end", "war")."""
    return [part for phrase in phrases for part in (p.strip() for p in phrase.split(GAP)) if part]


def parse_parts(nlp: Language, phrases: Iterable[str]) -> dict[str, Doc]:
    """Each distinct word run of the phrases parsed, in one pass of the model (a taxonomy parsed
    key by key, in many small batches, took longer to load)."""
    parts = list(dict.fromkeys(phrase_parts(phrases)))
    return dict(zip(parts, parse_only(nlp, parts), strict=True))


def phrase_patterns(nlp: Language, phrases: Sequence[str],
                    parsed: Mapping[str, Doc] | None = None) -> list[list[dict[str, Any]]]:
    """Matcher patterns for phrases: each word matches a token whose lemma is the word's lemma
    or the word itself ("borders" in a phrase matches "border", "borders", "bordered"); "..."
    is a gap of up to three tokens.  ``parsed``: the phrases' word runs already parsed
    (``parse_parts``); the others are parsed here."""
    parts_of = [[p.strip() for p in phrase.split(GAP)] for phrase in phrases]
    flat = phrase_parts(phrases)
    known = dict(parsed or {})
    missing = [part for part in flat if part not in known]
    known.update(zip(missing, parse_only(nlp, missing), strict=True))
    docs = iter([known[part] for part in flat])
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


# the roles of words that name an issue (everywhere, or under a title that names it): the
# exception and place rules apply to both
WORDING = {"trigger", "context"}

# Dependencies by which a word is part of the noun phrase of the word it hangs from
NOUN_PHRASE_DEPS = {"amod", "compound", "det", "nmod", "poss", "nummod", "conj", "appos", "cc"}


def names_a_place(span: Span, places: frozenset[str], topic_heads: frozenset[str]) -> bool:
    """Place rule: a trigger in the object of a locative preposition ("Russian troops on our
    territory", "people in the occupied territories", "temporarily occupied Melitopol") says where
    something is, not who should hold the land.  The same preposition after a word of the debate
    ("no concessions on territory", "talks on the occupied territories") names what is debated:
    the trigger counts.  ``places``: the issue's locative prepositions (none: the rule is off)."""
    if not places:
        return False
    inside = range(span.start, span.end)
    word = span.root
    while word.dep_ in NOUN_PHRASE_DEPS and word.head.i != word.i:
        word = word.head
    if word.dep_ != "pobj" or word.head.i in inside:
        return False
    preposition = word.head
    if preposition.lower_ not in places:
        return False
    head = preposition.head
    return head.i == preposition.i or head.lemma_.lower() not in topic_heads


def owner_of_another(span: Span) -> bool:
    """Possessor rule: a phrase from a preposition to a name ("to NATO", "in NATO") names where
    one goes or belongs; when the name owns the next noun ("a response to NATO's military
    activity", "in NATO's interest") the preposition's object is that noun, not the name."""
    last = span[-1]
    return len(span) > 1 and span[0].pos_ == "ADP" and last.dep_ == "poss"


MAX_PHRASE_FORMS = 4096  # a phrase with more spellings than this stays a Matcher pattern


def lemma_sequence(pattern: list[dict[str, Any]]) -> list[list[str]] | None:
    """The lemma sets of a pattern made only of ``{"LEMMA": {"IN": [...]}}`` tokens (a phrase
    without gaps, ``phrase_patterns``); None for any other pattern."""
    forms = []
    for spec in pattern:
        if list(spec) != ["LEMMA"] or not isinstance(spec["LEMMA"], dict) or list(spec["LEMMA"]) != ["IN"]:
            return None
        forms.append(list(spec["LEMMA"]["IN"]))
    return forms


def by_spelling(vocab: Vocab, patterns: list[list[dict[str, Any]]]) -> tuple[list[list[dict[str, Any]]], list[Doc]]:
    """The patterns a ``PhraseMatcher`` on lemmas finds as well (``lemma_sequence``, at most
    ``MAX_PHRASE_FORMS`` spellings), as one Doc of lemmas per spelling; and the rest, for a
    ``Matcher``."""
    rest, spelled = [], []
    for pattern in patterns:
        forms = lemma_sequence(pattern)
        if forms is None or prod(len(f) for f in forms) > MAX_PHRASE_FORMS:
            rest.append(pattern)
        else:
            spelled.extend(lemma_doc(vocab, words) for words in product(*forms))
    return rest, spelled


MAX_SPELLED_OUT = 32  # a raw pattern whose sets would make more patterns than this keeps its sets
SPELLABLE_ATTRS = ("ORTH", "LOWER", "LEMMA", "POS", "TAG")


def spelled_out(pattern: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The pattern with each small ``{"IN": [...]}`` set of a token that must be there once (no
    ``OP``) or may be ("?") spelled out as one pattern per value: the ``Matcher`` checks an exact
    value in C and a set in Python at every token, and on whole articles those checks were most of
    the issue matching.  The matches are the same spans (a span two spellings find is found
    twice; ``IssueMatcher.hits`` keeps one).  A set under "*", "+" or "!" is kept (one spelling per
    token would not match a mixed run, nor negate the set); so is a pattern that would make more
    than ``MAX_SPELLED_OUT`` patterns."""
    choices: list[list[dict[str, Any]]] = []
    for spec in pattern:
        sets = [a for a in SPELLABLE_ATTRS if isinstance(spec.get(a), dict) and list(spec[a]) == ["IN"]]
        if not sets or spec.get("OP") not in (None, "?"):
            choices.append([spec])
            continue
        choices.append([{**spec, **dict(zip(sets, values, strict=True))}
                        for values in product(*(spec[a]["IN"] for a in sets))])
    if prod(len(c) for c in choices) > MAX_SPELLED_OUT:
        return [pattern]
    return [list(specs) for specs in product(*choices)]


class IssueMatcher:
    """The taxonomy compiled for one pipeline, keys ``role:issue``: a ``PhraseMatcher`` on lemmas
    for the phrases without gaps (each spelling of each word one phrase: a set predicate the
    ``Matcher`` evaluates per token and pattern made matching the slowest stage of the pipeline;
    the PhraseMatcher finds the same matches by hash), the phrases with gaps by their parts the
    same way (``gaps.GapPhrases``), a ``Matcher`` for raw patterns."""

    def __init__(self, nlp: Language, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self.vocab = nlp.vocab
        self.matcher = Matcher(nlp.vocab)
        self.phrases = PhraseMatcher(nlp.vocab, attr="LEMMA")
        self.gaps = GapPhrases(nlp.vocab, MAX_PHRASE_FORMS)
        keyed: list[tuple[str, Sequence[Phrase], Sequence[RawPattern]]] = []
        for issue in taxonomy.issues.values():
            keyed += [(f"trigger:{issue.id}", issue.lemmas + issue.phrases, issue.patterns),
                      (f"for:{issue.id}", issue.for_phrases, ()),
                      (f"against:{issue.id}", issue.against_phrases, ()),
                      (f"except:{issue.id}", issue.except_phrases, ()),
                      (f"aspect:{issue.id}", issue.aspect_phrases, ()),
                      (f"context:{issue.id}", issue.context_phrases, ())]
        parsed = parse_parts(nlp, [p.text for _, phrases, _ in keyed for p in phrases])  # one pass of the model
        for key, phrases, raw in keyed:
            self._add(nlp, parsed, key, phrases, raw)

    def _add(self, nlp: Language, parsed: Mapping[str, Doc], key: str, phrases: Sequence[Phrase],
             raw: Sequence[RawPattern]) -> None:
        patterns = phrase_patterns(nlp, [p.text for p in phrases], parsed) if phrases else []
        patterns = [p for p in patterns if p]
        for pattern in raw:
            patterns.append([dict(t) for t in pattern.tokens])
        rest, spelled = by_spelling(self.vocab, patterns)
        rest = [pattern for pattern in rest if not self.gaps.add(key, pattern)]  # gapped phrases by hash too
        rest = [spelling for pattern in rest for spelling in spelled_out(pattern)]
        if rest:
            self.matcher.add(key, rest)
        if spelled:
            self.phrases.add(key, spelled)

    def matches(self, doc: Doc | Span) -> list[Span]:
        """Every match of every key (``role:issue``), before the exception and place rules; a
        span two patterns find may come twice."""
        return [*self.matcher(doc, as_spans=True), *self.phrases(doc, as_spans=True), *self.gaps(doc)]

    def hits(self, doc: Doc | Span) -> list[IssueHit]:
        """Every trigger and content match, sorted by position (``kept``)."""
        return self.kept(self.matches(doc))

    def article_hits(self, doc: Doc) -> list[IssueHit]:
        """``hits(doc)`` for an article, its matches kept (``article_matches``) for its statements."""
        return self.kept([Span(doc, start, end, label=key) for start, end, key in self.article_matches(doc)])

    def article_matches(self, doc: Doc) -> list[tuple[int, int, str]]:
        """``matches(doc)`` as (start, end, key), sorted, once per Doc (kept in its index): the
        stances stage reads each statement's matches here (``hits_within``) rather than run the
        matchers again on every statement."""
        return once(doc, ("issue matches", id(self)),
                    lambda: sorted((s.start, s.end, s.label_) for s in self.matches(doc)))

    def hits_within(self, doc: Doc, start: int, end: int, cut: Doc) -> list[IssueHit]:
        """``hits(cut)`` for ``cut``, a copy of ``doc[start:end]`` (``docindex.span_doc``), from
        the article's matches that lie inside the range, moved into ``cut``.  Every pattern reads
        each matched token's own lemma, spelling or part of speech, which the copy keeps, so the
        matchers find the same spans inside the range in either Doc; the exception and place
        rules (which read the parse, cut at the range's edges) are applied in ``cut``."""
        matches = self.article_matches(doc)
        first = bisect_left(matches, (start,))
        spans = []
        for s, e, key in matches[first:]:
            if s >= end:
                break
            if e <= end:
                spans.append(Span(cut, s - start, e - start, label=key))
        return self.kept(spans)

    def kept(self, spans: Iterable[Span]) -> list[IssueHit]:
        """The matches that count, as hits sorted by position (whatever the matches' order).
        Exception rule: a trigger inside one of its issue's ``except`` phrases does not count
        ("land swap" is no prisoner swap); nor does one that names a place (``names_a_place``)."""
        found: dict[tuple[str, int, int], IssueHit] = {}
        excepted: dict[str, list[tuple[int, int]]] = {}
        for span in spans:
            role, issue = span.label_.split(":", 1)
            if role == "except":
                excepted.setdefault(issue, []).append((span.start, span.end))
                continue
            if role in WORDING and names_a_place(span, self.taxonomy[issue].places, self.taxonomy.topic_heads):
                continue
            if role == "trigger" and owner_of_another(span):
                continue
            found[(span.label_, span.start, span.end)] = IssueHit(
                issue, role, span.start, span.end, span.start_char, span.end_char, span.text  # type: ignore[arg-type]
            )
        kept = [h for h in found.values() if h.role not in WORDING or not any(
            s < h.end and h.start < e for s, e in excepted.get(h.issue, []))]
        return sorted(kept, key=lambda h: (h.start, -(h.end - h.start), h.issue, h.role))


def issue_matcher(nlp: Language, taxonomy: Taxonomy) -> IssueMatcher:
    """The compiled matcher of a taxonomy for a pipeline, built once and cached on the taxonomy
    (lemmatising the phrases needs the pipeline, so the cache is per pipeline)."""
    cached = taxonomy.compiled.get(id(nlp))
    if cached is not None and cached[0] is nlp:
        return cached[1]
    check_patterns(taxonomy)
    compiled = IssueMatcher(nlp, taxonomy)
    taxonomy.compiled[id(nlp)] = (nlp, compiled)
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
    return tag_texts(nlp, [text], taxonomy)[0]


def tag_texts(nlp: Language, texts: Sequence[str], taxonomy: Taxonomy,
              keep: Callable[[str, Doc, list[IssueHit]], list[IssueHit]] | None = None) -> list[list[str]]:
    """``tag_text`` of each text, the texts parsed in one pass of the model (each call of the
    model costs some milliseconds however short the text: a title at a time, that was most of
    the time spent on titles).  ``keep``: the hits of a text that count (all, when None)."""
    kept = list(dict.fromkeys(text for text in texts if text.strip()))
    parsed = dict(zip(kept, parse_only(nlp, kept), strict=True))

    def issues(text: str) -> list[str]:
        hits = issue_hits(parsed[text], taxonomy, nlp)
        return issues_in_ranges(keep(text, parsed[text], hits) if keep else hits, [(0, len(text))], taxonomy)

    return [issues(text) if text in parsed else [] for text in texts]


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


# --- the component -------------------------------------------------------------------------


def check_patterns(taxonomy: Taxonomy) -> Taxonomy:
    """The taxonomy's raw Matcher patterns checked against spaCy's pattern schema; a
    TaxonomyError names the file and the line of the first invalid one."""
    checker = Matcher(Vocab(), validate=True)
    for issue in taxonomy.issues.values():
        for pattern in issue.patterns:
            try:
                checker.add("check", [[dict(t) for t in pattern.tokens]])
            except (MatchPatternError, ValueError, TypeError) as exc:
                raise TaxonomyError(f"{taxonomy.source}, line {pattern.line}: issue {issue.id!r} patterns: "
                                    f"invalid spaCy Matcher pattern: {exc}") from None
    return taxonomy


class IssueTagger:
    """The ``onrecord_issues`` component: sets ``doc._.issue_hits``, every trigger and content
    match in the article, so a statement's issues are ``issues_in_ranges(doc._.issue_hits,
    ranges, taxonomy)``."""

    def __init__(self, nlp: Language, taxonomy: Taxonomy) -> None:
        self.nlp = nlp
        self.taxonomy = taxonomy
        issue_matcher(nlp, taxonomy)  # compiled (and checked) now, not on the first article

    def __call__(self, doc: Doc) -> Doc:
        doc._.issue_hits = issue_matcher(self.nlp, self.taxonomy).article_hits(doc)
        return doc
