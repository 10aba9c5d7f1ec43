"""Context of a statement: where (venue and medium), to whom (addressee), through whom (an
interpreter) and when (``said_on``) it was said.

Everything here is a pure function over a parsed spaCy ``Doc``.  The caller gives the cue's
character range and the content's ranges; the *attribution region* is the sentence(s) holding
the cue less the content, so a date or a place inside the quoted words never counts.  A phrase
in the region belongs to the statement when the parse links it to the cue: directly ("said ON
FRIDAY"), through a noun ("in an interview ... ON FRIDAY"), through a verb that carries the
statement ("SPEAKING to students ..., the mayor said"), or as a fronted adverbial of a clause
that governs the cue ("IN 2022, Putin annexed ..., calling them ...").

Venue nouns, news outlets, platforms and programmes are data (``lexicon/venues.yaml``), matched
with spaCy ``Matcher`` patterns; time phrases are found with token patterns and the model's
DATE/TIME entities, and resolved against the article's date by ``resolve_said_on``: one small
function per kind of phrase, each named in a comment.  A resolved date is never after the
article's date.  All character offsets index ``doc.text``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans, get_lang_class
from spacy.vocab import Vocab

from onrecord.components.cues import LexiconError
from onrecord.statement import SaidOn, Statement, Venue
from onrecord.yaml_nodes import NodeReader

VENUE_TYPES = (
    "interview", "press_conference", "statement", "speech", "social_media", "broadcast", "meeting", "other",
)
WITH_ROLES = ("venue", "addressee", "none")
Precision = Literal["day", "week", "month", "year"]
CharRange = tuple[int, int]


# --- the lexicon ---------------------------------------------------------------------------


class VenueLexiconError(LexiconError):
    """A venue lexicon that cannot be used; the message names the file and line."""


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
        text = resources.files("onrecord.lexicon").joinpath("venues.yaml").read_text(encoding="utf-8")
        return parse_venue_lexicon(text)
    return parse_venue_lexicon(Path(path).read_text(encoding="utf-8"), source=str(path))


# --- time phrases: from text to SaidOn -----------------------------------------------------

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
MONTH_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
                       "sept": 9, "oct": 10, "nov": 11, "dec": 12}
MONTH_NUMBER = {**{m: i for i, m in enumerate(MONTHS, 1)}, **MONTH_ABBREVIATIONS}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
PARTS_OF_DAY = ("morning", "afternoon", "evening", "night")
MODIFIERS = ("earlier", "early", "later", "late", "mid")  # they narrow a period, never move it
LEADING_PREPOSITIONS = ("on", "in", "at", "during", "over")
# a time phrase after one of these is a bound of something else ("since Monday"), not a time of
# saying
NOT_A_TIME_OF_SAYING = {"since", "until", "till", "by", "before", "after", "from", "between", "to", "through",
                        "next", "following", "ahead", "within", "for", "of"}

_MONTH = "|".join(sorted(MONTH_NUMBER, key=len, reverse=True))
_WEEKDAY = "|".join(WEEKDAYS)
_PART = "|".join(PARTS_OF_DAY)
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(\d{4})"
_NUMBER = r"(\d{1,3}|" + "|".join(NUMBER_WORDS) + ")"


def default_said_on(article_date: dt.date) -> SaidOn:
    """The said_on assumed when the attribution names no time: the article's date."""
    day = article_date.date() if isinstance(article_date, dt.datetime) else article_date
    return SaidOn(day.isoformat(), "day", "", assumed=True)


def _normalise(text: str) -> str:
    """Lower case, plain apostrophes, no full stops or commas, no modifiers ("earlier", "late")
    and no leading preposition: "Earlier on Nov. 19," -> "nov 19"."""
    s = text.lower().replace("’", "'").replace("-", " ")
    s = re.sub(r"[.,]", " ", s)
    words = [w for w in s.split() if w not in MODIFIERS]
    while words and words[0] in LEADING_PREPOSITIONS:
        words = words[1:]
    return " ".join(words)


def _number(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


def _month_start(day: dt.date, months_back: int) -> dt.date:
    index = day.year * 12 + (day.month - 1) - months_back
    return dt.date(index // 12, index % 12 + 1, 1)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


Resolved = tuple[dt.date, Precision]


# Rule: the current or the previous day — "today", "tonight", "this morning", "yesterday",
# "last night", "the day before yesterday".
def _rule_relative_day(phrase: str, ref: dt.date | None) -> Resolved | None:
    if ref is None:
        return None
    if re.fullmatch(rf"(today|tonight|this ({_PART}))( ({_PART}))?", phrase):
        return ref, "day"
    if re.fullmatch(rf"(yesterday|last night|overnight)( ({_PART}))?", phrase):
        return ref - dt.timedelta(days=1), "day"
    if phrase == "the day before yesterday":
        return ref - dt.timedelta(days=2), "day"
    return None


# Rule: a weekday — "on Friday", "Tuesday night", "last Monday": the latest such day not after
# the article's date ("last Friday" the latest before it).
def _rule_weekday(phrase: str, ref: dt.date | None) -> Resolved | None:
    m = re.fullmatch(rf"(last |this |past )?({_WEEKDAY})('s)?( ({_PART}))?", phrase)
    if m is None or ref is None:
        return None
    back = (ref.weekday() - WEEKDAYS.index(m.group(2))) % 7
    if m.group(1) == "last " and back == 0:
        back = 7
    return ref - dt.timedelta(days=back), "day"


# Rule: so long ago — "two days ago", "3 weeks ago", "a month ago", "a year ago".
def _rule_ago(phrase: str, ref: dt.date | None) -> Resolved | None:
    m = re.fullmatch(rf"{_NUMBER} (day|week|month|year)s? ago", phrase)
    if m is None or ref is None:
        return None
    n, unit = _number(m.group(1)), m.group(2)
    if unit == "day":
        return ref - dt.timedelta(days=n), "day"
    if unit == "week":
        return ref - dt.timedelta(days=7 * n), "week"
    if unit == "month":
        return _month_start(ref, n), "month"
    return (dt.date(ref.year - n, 1, 1), "year") if ref.year - n >= 1 else None


# Rule: the previous period — "last week" (a day in the previous week: the article's date less
# seven days), "last month", "last year" (the period's first day).
def _rule_last_period(phrase: str, ref: dt.date | None) -> Resolved | None:
    m = re.fullmatch(r"(last|past|previous) (week|month|year)", phrase)
    if m is None or ref is None:
        return None
    unit = m.group(2)
    if unit == "week":
        return ref - dt.timedelta(days=7), "week"
    if unit == "month":
        return _month_start(ref, 1), "month"
    return dt.date(ref.year - 1, 1, 1), "year"


# Rule: the current period — "this week", "earlier this week" (its Monday), "this month",
# "earlier this month", "this year" (its first day).
def _rule_this_period(phrase: str, ref: dt.date | None) -> Resolved | None:
    m = re.fullmatch(r"this (week|month|year)", phrase)
    if m is None or ref is None:
        return None
    unit = m.group(1)
    if unit == "week":
        return ref - dt.timedelta(days=ref.weekday()), "week"
    if unit == "month":
        return ref.replace(day=1), "month"
    return dt.date(ref.year, 1, 1), "year"


# Rule: a weekend — "over the weekend", "this weekend" (the latest Saturday not after the
# article's date), "last weekend" (the one before the current weekend).
def _rule_weekend(phrase: str, ref: dt.date | None) -> Resolved | None:
    m = re.fullmatch(r"(the|this|last|past) weekend", phrase)
    if m is None or ref is None:
        return None
    saturday = ref - dt.timedelta(days=(ref.weekday() - 5) % 7)
    if m.group(1) == "last" and ref.weekday() >= 5:
        saturday -= dt.timedelta(days=7)
    return saturday, "week"


# Rule: a month and day — "November 19", "Nov. 19", "19 November", "19th of November",
# "November 19, 2024", "19 November 2024".  Without a year: the latest such day not after the
# article's date (last year's when this year's is still to come).
def _rule_month_day(phrase: str, ref: dt.date | None) -> Resolved | None:
    m = re.fullmatch(rf"({_MONTH}) {_DAY}(?: {_YEAR})?( ({_PART}))?", phrase)
    if m is not None:
        month, day, year = m.group(1), int(m.group(2)), m.group(3)
    else:
        m = re.fullmatch(rf"(?:the )?{_DAY}(?: of)? ({_MONTH})(?: {_YEAR})?( ({_PART}))?", phrase)
        if m is None:
            return None
        day, month, year = int(m.group(1)), m.group(2), m.group(3)
    number = MONTH_NUMBER[month]
    if year is not None:
        found = _safe_date(int(year), number, day)
        return (found, "day") if found else None
    if ref is None:
        return None
    for back in range(0, 8):  # February 29 may lie up to eight years back
        found = _safe_date(ref.year - back, number, day)
        if found is not None and found <= ref:
            return found, "day"
        if found is None and day > 29:  # "April 31" is no day in any year
            return None
    return None


# Rule: a month of a year — "March 2022", "in March 2022", "in March" (this year's if it has
# begun, else last year's).
def _rule_month(phrase: str, ref: dt.date | None) -> Resolved | None:
    m = re.fullmatch(rf"({_MONTH})(?: (?:of )?{_YEAR})?", phrase)
    if m is None:
        return None
    number = MONTH_NUMBER[m.group(1)]
    if m.group(2) is not None:
        return (dt.date(int(m.group(2)), number, 1), "month") if int(m.group(2)) >= 1 else None
    if ref is None:
        return None
    year = ref.year if number <= ref.month else ref.year - 1
    return dt.date(year, number, 1), "month"


# Rule: a year — "in 2022" (its first day, precision year).
def _rule_year(phrase: str, ref: dt.date | None) -> Resolved | None:
    m = re.fullmatch(_YEAR, phrase)
    if m is None or not 1 <= int(m.group(1)) <= 9999:
        return None
    return dt.date(int(m.group(1)), 1, 1), "year"


TIME_RULES: tuple[Callable[[str, dt.date | None], Resolved | None], ...] = (
    _rule_relative_day, _rule_weekday, _rule_ago, _rule_last_period, _rule_this_period, _rule_weekend,
    _rule_month_day, _rule_month, _rule_year,
)


def _reference_date(article_date: dt.date | None, published: dt.date | None) -> dt.date | None:
    """The article's date, else the published one; a datetime counts by its date."""
    day = article_date if article_date is not None else published
    return day.date() if isinstance(day, dt.datetime) else day


def resolve_said_on(text: str, article_date: dt.date | None,
                    published: dt.datetime | None = None) -> SaidOn | None:
    """The date of one time phrase ("on Friday", "last week", "in March 2022"), resolved against
    the article's date (or, when there is none, the date of ``published``).  None when the
    phrase is not a time this module knows, when it needs a reference date and has none, or
    when it would fall after the reference date (a statement is never reported before it is
    made).  The date is ISO "YYYY-MM-DD": the day, or for a week a day in it, or for a month or
    a year its first day; ``text`` keeps the phrase as written."""
    ref = _reference_date(article_date, published)
    phrase = _normalise(text)
    if not phrase:
        return None
    for rule in TIME_RULES:
        try:
            found = rule(phrase, ref)
        except (ValueError, OverflowError):  # before the first year or after the last
            return None
        if found is None:
            continue
        day, precision = found
        if ref is not None and day > ref:
            return None
        return SaidOn(day.isoformat(), precision, text.strip(), assumed=False)
    return None


# --- the attribution region ----------------------------------------------------------------


@dataclass
class Region:
    """The sentences that attribute a statement, the tokens of its content (excluded), and the
    anchors: the cue's head token, or without a cue the roots of the sentences."""

    doc: Doc
    sents: list[Span]
    excluded: set[int]
    anchors: list[Token]
    lexicon: VenueLexicon

    def holds(self, token: Token) -> bool:
        return token.i not in self.excluded and any(s.start <= token.i < s.end for s in self.sents)

    def tokens(self) -> Iterable[Token]:
        for sent in self.sents:
            for token in sent:
                if token.i not in self.excluded:
                    yield token


def _tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    return [t for t in doc if t.idx < end and t.idx + len(t) > start]


def _cue_head(tokens: Sequence[Token]) -> Token:
    """The token of a cue phrase whose head lies outside it: "say" of "wouldn't say"."""
    inside = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    verbs = [t for t in heads if t.pos_ in {"VERB", "AUX"}]
    return (verbs or heads or list(tokens))[0]


def attribution_region(doc: Doc, cue: CharRange | None, content: Sequence[CharRange],
                       lexicon: VenueLexicon | None = None) -> Region:
    """The cue's sentence(s) (without a cue: the content's), less the content's tokens."""
    lexicon = lexicon or load_venue_lexicon()
    excluded = {t.i for start, end in content for t in _tokens_in(doc, start, end)}
    cue_tokens = _tokens_in(doc, *cue) if cue is not None else []
    if cue_tokens:
        seen = {t.sent.start for t in cue_tokens}
        sents = [s for s in doc.sents if s.start in seen]
        anchors = [_cue_head(cue_tokens)]
    else:
        sents = [s for s in doc.sents if any(t.i in excluded for t in s)]
        anchors = [s.root for s in sents if s.root.i not in excluded]
    return Region(doc, sents, excluded, anchors, lexicon)


def _is_clause_verb(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} and token.dep_ not in {"aux", "auxpass"}


# Rule: attachment — a phrase belongs to the statement when its head chain reaches the cue
# through nouns and prepositions (rank 0), also through a verb that carries the statement,
# "SPEAKING on BBC radio" (rank 1), or when it is a fronted adverbial of a clause that governs
# the cue, "IN 2022, Putin annexed ..., CALLING them ..." (rank 2).  Any other verb on the way
# (a relative clause's: "who met Biden ON FRIDAY") cuts the link, and so does the content.
def attachment(token: Token, region: Region) -> int | None:
    anchors = {a.i for a in region.anchors}
    rank = 0
    current = token
    for _ in range(len(region.doc)):
        if current.i in anchors:
            return rank
        if not region.holds(current):  # outside the sentence, or in the content
            return None
        head = current.head
        if head.i == current.i:
            return None
        if _is_clause_verb(head) and head.i not in anchors:
            if head.lemma_.lower() in region.lexicon.carrier_verbs and head.i not in region.excluded:
                rank = 1
            else:
                return 2 if _fronted(token, current, head, region) else None
        current = head
    return None


ADVERBIAL = {"prep", "npadvmod", "advmod", "obl", "tmod"}


def _fronted(token: Token, top: Token, verb: Token, region: Region) -> bool:
    """``top`` (the phrase's highest token, holding ``token``) is a left dependent of ``verb``,
    and ``verb`` governs a cue that comes after the phrase."""
    if verb.i in region.excluded or top.i > verb.i or top.dep_ not in ADVERBIAL:
        return False
    return any(a.i != verb.i and a.i > token.i and verb.is_ancestor(a) for a in region.anchors)


# --- phrases as text -----------------------------------------------------------------------

KEEP_LEFT = {"compound", "amod", "nmod", "poss", "case", "nummod", "flat", "det", "quantmod"}
KEEP_RIGHT = {"compound", "flat", "cc", "conj", "case"}
LEADING_WORDS = {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that"}


def _phrase_tokens(head: Token, region: Region) -> list[Token]:
    """A noun phrase without its relative clauses and prepositional modifiers (but with "of":
    "State of the Union", "a group of students")."""
    kept = [head]
    for child in head.children:
        if child.i in region.excluded:
            continue
        if child.i < head.i and child.dep_ in KEEP_LEFT:
            kept.extend(_phrase_tokens(child, region))
        elif child.i > head.i and child.dep_ in KEEP_RIGHT:
            kept.extend(_phrase_tokens(child, region))
        elif child.i > head.i and child.dep_ == "prep" and child.lower_ == "of":
            kept.extend(t for t in child.subtree if t.i not in region.excluded)
    return sorted(set(kept), key=lambda t: t.i)


def _text_of(tokens: Sequence[Token]) -> str:
    """The text from the first to the last of ``tokens``, without leading determiners or
    possessive pronouns, nor trailing punctuation."""
    run = list(tokens)
    while run and (run[0].lower_ in LEADING_WORDS or run[0].is_punct or run[0].dep_ == "case"):
        run = run[1:]
    while run and (run[-1].is_punct or run[-1].dep_ in {"case", "cc"}):
        run = run[:-1]
    if not run:
        return ""
    doc = run[0].doc
    return doc.text[run[0].idx: run[-1].idx + len(run[-1])]


def _span_of(tokens: Sequence[Token]) -> CharRange:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


# --- matching the lexicon ------------------------------------------------------------------


@cache
def _blank_tokenizer() -> Any:
    return get_lang_class("en")().tokenizer


def _orth_pattern(name: str) -> list[dict[str, Any]]:
    return [{"ORTH": t.text} for t in _blank_tokenizer()(name)]


def _noun_pattern(phrase: str) -> list[dict[str, Any]]:
    words = [t.text for t in _blank_tokenizer()(phrase)]
    last = words[-1]
    return [{"LOWER": w} for w in words[:-1]] + [{"LOWER": {"IN": [last, last + "s", last + "es"]}}]


_MATCHERS: dict[tuple[int, int], tuple[Vocab, VenueLexicon, Matcher]] = {}


def lexicon_matcher(vocab: Vocab, lexicon: VenueLexicon) -> Matcher:
    """A Matcher over the lexicon: keys ``NOUN:<phrase>``, ``OUTLET``, ``PLATFORM``, ``PROGRAM``;
    built once per vocabulary and lexicon."""
    key = (id(vocab), id(lexicon))
    held = _MATCHERS.get(key)
    if held is not None and held[0] is vocab and held[1] is lexicon:
        return held[2]
    matcher = Matcher(vocab)
    for noun in lexicon.nouns:
        matcher.add(f"NOUN:{noun.phrase}", [_noun_pattern(noun.phrase)])
    matcher.add("OUTLET", [_orth_pattern(n) for n in lexicon.outlets])
    matcher.add("PLATFORM", [_orth_pattern(n) for n in lexicon.platforms])
    matcher.add("PROGRAM", [_orth_pattern(n) for n in lexicon.programs])
    _MATCHERS[key] = (vocab, lexicon, matcher)
    return matcher


@dataclass(frozen=True)
class LexiconHit:
    kind: str  # NOUN, OUTLET, PLATFORM or PROGRAM
    phrase: str  # the venue noun's lexicon phrase, or the name as written
    span: Span


def lexicon_hits(region: Region) -> list[LexiconHit]:
    """The lexicon's phrases in the region (none in the content), longest first where they
    overlap."""
    doc = region.doc
    matcher = lexicon_matcher(doc.vocab, region.lexicon)
    spans = []
    for sent in region.sents:
        for match_id, start, end in matcher(sent):
            span = Span(doc, sent.start + start, sent.start + end, label=match_id)
            if all(i not in region.excluded for i in range(span.start, span.end)):
                spans.append(span)
    hits = []
    for span in filter_spans(spans):
        kind, _, phrase = span.label_.partition(":")
        hits.append(LexiconHit(kind, phrase or span.text, span))
    return hits


def _hit_inside(hits: Sequence[LexiconHit], tokens: Sequence[Token], kinds: set[str]) -> LexiconHit | None:
    indices = {t.i for t in tokens}
    for hit in hits:
        if hit.kind in kinds and all(i in indices for i in range(hit.span.start, hit.span.end)):
            return hit
    return None


def _is_outlet_name(tokens: Sequence[Token], lexicon: VenueLexicon) -> bool:
    """A proper name (not a person's) holding a word like "News" or "Times": "the Kyiv Evening
    News" (the model may label it ORG, or something else)."""
    names = [t for t in tokens if t.pos_ == "PROPN" and t.ent_type_ not in {"PERSON", "GPE", "NORP"}]
    return any(t.text in lexicon.outlet_words for t in names)


# --- venue, addressee, translator ----------------------------------------------------------


@dataclass
class _Found:
    venue: Venue
    rank: int
    named: bool
    distance: int
    addressee: tuple[str, CharRange] | None = None
    told: bool = False  # found by the told-outlet rule: its addressee comes first


def _venue(name: str, venue_type: str, tokens: Sequence[Token]) -> Venue:
    start, end = _span_of(tokens)
    return Venue(name=name, type=venue_type, text=tokens[0].doc.text[start:end], start=start, end=end)


def _distance(token: Token, region: Region) -> int:
    return min(abs(token.i - a.i) for a in region.anchors) if region.anchors else 0


def _linked_verbs(region: Region) -> list[Token]:
    """The anchors and the carrier verbs linked to them ("speaking ..., he said")."""
    verbs = list(region.anchors)
    for token in region.tokens():
        if token in verbs or not _is_clause_verb(token) or token.head.i == token.i:
            continue
        carrier = token.lemma_.lower() in region.lexicon.carrier_verbs
        if carrier and attachment(token.head, region) is not None:
            verbs.append(token)
    return verbs


def _object_of(head: Token, preposition: str, region: Region) -> Token | None:
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == preposition and region.holds(child):
            for obj in child.children:
                if obj.dep_ == "pobj" and region.holds(obj):
                    return obj
    return None


def _person_name(head: Token, region: Region) -> tuple[str, CharRange] | None:
    """A person's name heading a phrase, less a possessive ("Fox News' Bret Baier")."""
    if head.ent_type_ != "PERSON":
        return None
    drop = {t.i for child in head.children if child.dep_ == "poss" for t in child.subtree}
    kept = [t for t in _phrase_tokens(head, region) if t.i not in drop]
    text = _text_of(kept)
    return (text, _span_of(kept)) if text else None


def _object_phrase(head: Token, region: Region) -> tuple[str, CharRange]:
    tokens = _phrase_tokens(head, region)
    return _text_of(tokens), _span_of(tokens)


def _with_tokens(tokens: list[Token], obj: Token, region: Region) -> list[Token]:
    """The venue's words grown to hold its "with"/"on" object: "an interview with Sky News"."""
    grown = [*tokens, obj.head, *_phrase_tokens(obj, region)]
    doc = obj.doc
    return list(doc[min(t.i for t in grown): max(t.i for t in grown) + 1])


# Rule: a venue noun — "in an interview with Sky News", "at a joint press conference", "in a
# statement", "in his nightly video address", "at the UN General Assembly", "during a meeting
# with ...", "in a post on Facebook", "on state television": a lexicon noun that is the object
# of a venue preposition (or of an addressing verb, "told the UN General Assembly") and is
# attached to the cue.  Its name is the outlet or platform it names, else the phrase itself.
def venue_noun_rule(region: Region, hits: Sequence[LexiconHit]) -> list[_Found]:
    found = []
    for hit in hits:
        entry = region.lexicon.noun(hit.phrase) if hit.kind == "NOUN" else None
        head = hit.span.root
        if entry is None or not _governed_as_venue(head, region):
            continue
        rank = attachment(head, region)
        if rank is None:
            continue
        tokens = _phrase_tokens(head, region)
        venue_type, name, named = entry.type, _text_of(tokens), head.pos_ == "PROPN"
        addressee = None
        inner = _hit_inside(hits, tokens, {"OUTLET", "PROGRAM", "PLATFORM"})
        if inner is not None:  # "a Fox News interview" is Fox News's; "BBC radio" stays whole
            named = True
            if entry.with_role == "venue":
                name = _text_of(list(inner.span))
        with_object = _object_of(head, "with", region)
        if with_object is None and entry.with_role == "venue":  # "an interview to/for Russian media"
            with_object = _object_of(head, "to", region) or _object_of(head, "for", region)
        if with_object is not None and entry.with_role == "venue":
            obj_tokens = _phrase_tokens(with_object, region)
            outlet = _hit_inside(hits, obj_tokens, {"OUTLET", "PROGRAM"})
            if outlet is not None or with_object.pos_ == "PROPN":
                name = _text_of(list(outlet.span) if outlet is not None else obj_tokens)
                named, tokens = True, _with_tokens(tokens, with_object, region)
            addressee = _person_name(with_object, region)
        elif with_object is not None and entry.with_role == "addressee":
            addressee = _object_phrase(with_object, region)
        to_object = _object_of(head, "to", region)
        if to_object is not None and addressee is None:
            addressee = _object_phrase(to_object, region)
        on_object = _object_of(head, "on", region)
        medium = None
        if on_object is not None:
            medium = _hit_inside(hits, _phrase_tokens(on_object, region), {"PLATFORM", "OUTLET", "PROGRAM"})
        if on_object is not None and medium is not None:
            name, named = _text_of(_phrase_tokens(on_object, region)), True
            tokens = _with_tokens(tokens, on_object, region)
            if medium.kind == "PLATFORM":
                venue_type = "social_media"
        venue = _venue(name, venue_type, tokens)
        found.append(_Found(venue, rank, named, _distance(head, region), addressee))
    return found


def _governed_as_venue(head: Token, region: Region) -> bool:
    if head.dep_ == "pobj":
        return head.head.lower_ in region.lexicon.venue_preps
    if head.dep_ in {"dobj", "dative"}:
        return head.head.lemma_.lower() in region.lexicon.addressing_verbs
    return False


# Rule: a medium after "on" — "on Telegram", "on X" (social media), "on CNN's State of the
# Union", "on Fox News" (broadcast): a platform, outlet or programme that is the object of
# "on" attached to the cue.
def medium_rule(region: Region, hits: Sequence[LexiconHit]) -> list[_Found]:
    found = []
    for hit in hits:
        if hit.kind not in {"PLATFORM", "OUTLET", "PROGRAM"}:
            continue
        top = _object_of_on(hit.span)
        if top is None or _is_venue_noun(top, hits) or _is_venue_noun(top.head.head, hits):
            continue  # "an interview on Sky News" is the venue noun's
        rank = attachment(top, region)
        if rank is None:
            continue
        phrase = _phrase_tokens(top, region) + list(hit.span)
        tokens = list(region.doc[min(t.i for t in phrase): max(t.i for t in phrase) + 1])
        venue_type = "social_media" if hit.kind == "PLATFORM" else "broadcast"
        found.append(_Found(_venue(_text_of(tokens), venue_type, tokens), rank, True, _distance(top, region)))
    return found


def _object_of_on(name: Span) -> Token | None:
    """The object of "on" that a name is (or modifies: "on CNN's State of the Union")."""
    for token in name:
        top = token
        while top.dep_ in {"poss", "compound"} and top.head.i != top.i:
            top = top.head
        if top.dep_ == "pobj" and top.head.lower_ == "on":
            return top
    return None


def _is_venue_noun(token: Token, hits: Sequence[LexiconHit]) -> bool:
    return any(h.kind == "NOUN" and h.span.root.i == token.i for h in hits)


# Rule: an outlet told — "told Fox News", "told the BBC", "told the Kyiv Evening News": the
# object of an addressing verb that is a news outlet is the venue (an interview) and the
# addressee.
def told_outlet_rule(region: Region, hits: Sequence[LexiconHit]) -> list[_Found]:
    found = []
    for verb in _linked_verbs(region):
        if verb.lemma_.lower() not in region.lexicon.addressing_verbs:
            continue
        for obj in verb.children:
            if obj.dep_ not in {"dobj", "dative"} or not region.holds(obj):
                continue
            tokens = _phrase_tokens(obj, region)
            outlet = _hit_inside(hits, tokens, {"OUTLET", "PROGRAM"})
            if outlet is None and not _is_outlet_name(tokens, region.lexicon):
                continue
            name = _text_of(list(outlet.span)) if outlet is not None else _text_of(tokens)
            person = _person_name(obj, region)
            addressee = person or (_text_of(tokens), _span_of(tokens))
            venue_type = "broadcast" if outlet is not None and outlet.kind == "PROGRAM" else "interview"
            rank = 0 if verb in region.anchors else 1
            venue = _venue(name, venue_type, tokens)
            found.append(_Found(venue, rank, True, _distance(obj, region), addressee, told=True))
    return found


def best_venue(found: Sequence[_Found]) -> _Found | None:
    """The venue most closely attached to the cue; among equals a named one, then the nearest."""
    if not found:
        return None
    return min(found, key=lambda f: (f.rank, not f.named, f.distance))


# Rule: the object of an addressing verb — "told reporters", "told lawmakers", "briefed
# allies": the direct object of an addressing verb linked to the cue (no pronouns: "told him"
# names nobody).
def addressed_object_rule(region: Region) -> tuple[str, CharRange] | None:
    for verb in _linked_verbs(region):
        if verb.lemma_.lower() not in region.lexicon.addressing_verbs:
            continue
        for obj in verb.children:
            if obj.dep_ in {"dobj", "dative"} and region.holds(obj) and obj.pos_ != "PRON":
                phrase = _object_phrase(obj, region)
                if phrase[0]:
                    return phrase
    return None


# Rule: the object of "to" — "speaking to students", "said to reporters", "wrote to
# Congress" ("according to" names the speaker, not an addressee).
def to_object_rule(region: Region) -> tuple[str, CharRange] | None:
    for verb in _linked_verbs(region):
        if verb.lemma_.lower() == "accord":
            continue
        obj = _object_of(verb, "to", region)
        if obj is not None and _after_the_subject(obj.head, verb):
            continue  # "said the adviser TO the president": the parse took the noun's "to"
        if obj is not None and obj.pos_ != "PRON" and obj.ent_type_ not in {"DATE", "TIME"}:
            phrase = _object_phrase(obj, region)
            if phrase[0]:
                return phrase
    return None


def _after_the_subject(preposition: Token, verb: Token) -> bool:
    """The preposition follows a word of the verb's subject or agent ("said the adviser to ...",
    "stated by the adviser to ...")."""
    subject = {t.i for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "agent"} for t in c.subtree}
    return preposition.i - 1 in subject


# Rule: an interpreter — "through a translator", "speaking through an interpreter", "via an
# interpreter": a translator noun that is the object of "through" or "via" attached to the cue.
def translator_rule(region: Region) -> bool:
    for token in region.tokens():
        if token.lemma_.lower() not in region.lexicon.translator_nouns or token.dep_ != "pobj":
            continue
        if token.head.lower_ in region.lexicon.translator_preps and attachment(token, region) is not None:
            return True
    return False


# --- said_on in the doc --------------------------------------------------------------------

_WEEKDAY_TOKEN = {"LOWER": {"IN": list(WEEKDAYS)}}
_MONTH_TOKEN = {"ORTH": {"IN": [m.capitalize() for m in MONTHS]
                         + [a.capitalize() + dot for a in MONTH_ABBREVIATIONS for dot in ("", ".")]}}
_DAY_TOKEN = {"TEXT": {"REGEX": r"^([1-9]|[12]\d|3[01])(st|nd|rd|th)?$"}}
_YEAR_TOKEN = {"TEXT": {"REGEX": r"^(1[89]\d\d|2\d\d\d)$"}}
_MOD = {"LOWER": {"IN": list(MODIFIERS)}, "OP": "?"}
_PART_TOKEN = {"LOWER": {"IN": list(PARTS_OF_DAY)}, "OP": "?"}
_THE = {"LOWER": "the", "OP": "?"}
_OF = {"LOWER": "of", "OP": "?"}
_UNIT = {"LOWER": {"IN": ["day", "days", "week", "weeks", "month", "months", "year", "years"]}}

TIME_PATTERNS: dict[str, list[list[dict[str, Any]]]] = {
    "weekday": [
        [_MOD, {"LOWER": {"IN": ["last", "this", "past"]}, "OP": "?"}, _WEEKDAY_TOKEN, _PART_TOKEN],
        [_MOD, {"LOWER": "on"}, _WEEKDAY_TOKEN, _PART_TOKEN],
    ],
    "relative_day": [
        [_MOD, {"LOWER": {"IN": ["yesterday", "today", "tonight", "overnight"]}}, _PART_TOKEN],
        [_MOD, {"LOWER": {"IN": ["this", "last"]}}, {"LOWER": {"IN": list(PARTS_OF_DAY)}}],
        [{"LOWER": "the"}, {"LOWER": "day"}, {"LOWER": "before"}, {"LOWER": "yesterday"}],
    ],
    "period": [
        [_MOD, {"LOWER": {"IN": ["last", "this", "past", "previous"]}},
         {"LOWER": {"IN": ["week", "month", "year", "weekend"]}}],
        [{"LOWER": {"IN": ["over", "at", "during"]}}, {"LOWER": "the"}, {"LOWER": "weekend"}],
    ],
    "ago": [
        [{"LIKE_NUM": True}, _UNIT, {"LOWER": "ago"}],
        [{"LOWER": {"IN": list(NUMBER_WORDS)}}, _UNIT, {"LOWER": "ago"}],
    ],
    "date": [
        [_MOD, _MONTH_TOKEN, _DAY_TOKEN, {"ORTH": ",", "OP": "?"}, _YEAR_TOKEN, _PART_TOKEN],
        [_MOD, _MONTH_TOKEN, _DAY_TOKEN, _PART_TOKEN],
        [_MOD, _THE, _DAY_TOKEN, _OF, _MONTH_TOKEN, _YEAR_TOKEN],
        [_MOD, _THE, _DAY_TOKEN, _OF, _MONTH_TOKEN],
        [_MOD, _MONTH_TOKEN, {"ORTH": ",", "OP": "?"}, _YEAR_TOKEN],
        [{"LOWER": {"IN": ["in", "during"]}}, _MOD, _MONTH_TOKEN],
        [{"LOWER": {"IN": ["in", "during"]}}, _MOD, _YEAR_TOKEN],
    ],
}


_TIME_MATCHERS: dict[int, tuple[Vocab, Matcher]] = {}


def time_matcher(vocab: Vocab) -> Matcher:
    """The time-phrase Matcher for a vocabulary, built once."""
    held = _TIME_MATCHERS.get(id(vocab))
    if held is not None and held[0] is vocab:
        return held[1]
    matcher = Matcher(vocab)
    for key, patterns in TIME_PATTERNS.items():
        matcher.add(key, patterns, greedy="LONGEST")
    _TIME_MATCHERS[id(vocab)] = (vocab, matcher)
    return matcher


@dataclass(frozen=True)
class TimeHit:
    span: Span
    said_on: SaidOn
    rank: int


def time_candidates(region: Region) -> list[list[Span]]:
    """Time phrases in the region: the time patterns' matches and the model's DATE and TIME
    entities (a time in the content never counts).  Overlapping ones make one candidate: a list
    of their union ("in March" + "March 2022") and then each of them, longest first."""
    doc = region.doc
    spans = []
    matcher = time_matcher(doc.vocab)
    for sent in region.sents:
        for _, start, end in matcher(sent):
            spans.append(Span(doc, sent.start + start, sent.start + end))
        for ent in sent.ents:
            if ent.label_ in {"DATE", "TIME"}:
                spans.append(ent)
    groups: list[list[Span]] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if any(i in region.excluded for i in range(span.start, span.end)):
            continue
        if groups and span.start < max(s.end for s in groups[-1]):
            groups[-1].append(span)
        else:
            groups.append([span])
    out = []
    for group in groups:
        union = doc[min(s.start for s in group): max(s.end for s in group)]
        before = doc[union.start - 1].lower_ if union.start > 0 else ""
        if before in NOT_A_TIME_OF_SAYING or union[0].lower_ in NOT_A_TIME_OF_SAYING:
            continue
        out.append([union, *sorted(group, key=len, reverse=True)])
    return out


# Rule: the statement's own time — a time phrase of the region, attached to the cue (see
# ``attachment``), that resolves to a date; the most closely attached, then the nearest.
def said_on_rule(region: Region, article_date: dt.date | None, published: dt.datetime | None,
                 names: Sequence[LexiconHit] = ()) -> TimeHit | None:
    found = []
    for candidate in time_candidates(region):
        if any(_overlaps(candidate[0], hit.span) for hit in names if hit.kind != "NOUN"):
            continue  # part of a name: "Sunday Morning Futures", "Fox News Sunday"
        resolved = ((s, resolve_said_on(s.text, article_date, published)) for s in candidate)
        span, said_on = next(((s, r) for s, r in resolved if r is not None), (candidate[0], None))
        if said_on is None or not _time_of_saying(span, names):
            continue
        rank = attachment(span.root, region)
        if rank is None:
            continue
        found.append(TimeHit(span, said_on, rank))
    if not found:
        return None
    return min(found, key=lambda h: (h.rank, _distance(h.span.root, region)))


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _time_of_saying(span: Span, names: Sequence[LexiconHit]) -> bool:
    """A possessive time qualifies only a venue: "at Friday's press conference", but not
    "yesterday's event"."""
    if span.root.dep_ != "poss":
        return True
    return any(hit.kind == "NOUN" and hit.span.root.i == span.root.head.i for hit in names)


# --- the whole context ---------------------------------------------------------------------


@dataclass
class StatementContext:
    """Where, to whom, through whom and when a statement was made.  ``said_on`` is None when
    the attribution names no time (see ``said_on_or_default``); spans index ``doc.text``."""

    venue: Venue | None = None
    addressee: str | None = None
    addressee_span: CharRange | None = None
    via_translator: bool = False
    said_on: SaidOn | None = None
    time_text: str | None = None
    time_span: CharRange | None = None

    def said_on_or_default(self, article_date: dt.date | None) -> SaidOn | None:
        """The statement's own time, else the article's date (assumed), else None."""
        if self.said_on is not None:
            return self.said_on
        return default_said_on(article_date) if article_date is not None else None

    def apply_to(self, statement: Statement, article_date: dt.date | None, offset: int = 0) -> Statement:
        """Write this context into ``statement`` and return it.  ``offset`` is where the parsed
        text starts in the article (``Article.body_start``): the venue's offsets are shifted by
        it.  said_on falls back to the article's date, marked assumed."""
        if self.venue is not None:
            venue = self.venue
            statement.venue = replace(venue, start=venue.start + offset, end=venue.end + offset)
        statement.addressee = self.addressee
        statement.via_translator = self.via_translator
        statement.said_on = self.said_on_or_default(article_date)
        return statement


def statement_context(doc: Doc, cue: CharRange | None, content: Sequence[CharRange],
                      article_date: dt.date | None, published: dt.datetime | None = None,
                      lexicon: VenueLexicon | None = None) -> StatementContext:
    """The context of one statement: ``cue`` is the cue phrase's (start, end) in ``doc.text``
    or None, ``content`` the ranges of its quoted or reported words."""
    if len(doc) and not doc.has_annotation("DEP"):
        raise ValueError("statement_context needs a Doc parsed with dependencies (sentences, heads)")
    region = attribution_region(doc, cue, content, lexicon)
    context = StatementContext()
    if not region.sents:
        return context
    hits = lexicon_hits(region)
    venues = told_outlet_rule(region, hits) + venue_noun_rule(region, hits) + medium_rule(region, hits)
    best = best_venue(venues)
    told = best.addressee if best is not None and best.told else None
    addressee = told or addressed_object_rule(region) or to_object_rule(region)
    if best is not None:
        context.venue = best.venue
        addressee = addressee or best.addressee
    if addressee is not None:
        context.addressee, context.addressee_span = addressee
    context.via_translator = translator_rule(region)
    time = said_on_rule(region, article_date, published, hits)
    if time is not None:
        context.said_on = time.said_on
        context.time_text = time.span.text
        context.time_span = (time.span.start_char, time.span.end_char)
    return context
