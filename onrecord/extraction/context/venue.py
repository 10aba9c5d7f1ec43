"""Venue rules: where a statement was made ("in an interview with Sky News", "at a joint press
conference", "on Telegram", "told Fox News").

Venue nouns, news outlets, platforms and programmes are data (``lexicons/data/venues.yaml``),
matched with spaCy ``Matcher`` patterns; each rule below is one function, named in a comment.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans, get_lang_class
from spacy.vocab import Vocab

from onrecord.extraction.built import built_once
from onrecord.extraction.context.region import (
    CharRange,
    Region,
    attachment,
    distance,
    linked_verbs,
    object_of,
    object_phrase,
    person_name,
    phrase_tokens,
    span_of,
    text_of,
    with_tokens,
)
from onrecord.lexicons.venues import VenueLexicon
from onrecord.model.statement import Venue

# --- matching the lexicon ------------------------------------------------------------------


@cache
def _blank_tokenizer() -> Any:
    return get_lang_class("en")().tokenizer


def _orth_pattern(name: str) -> list[dict[str, Any]]:
    return [{"ORTH": t.text} for t in _blank_tokenizer()(name)]


def _initial_like(word: str) -> bool:
    return len(word) == 1 and word.isupper()


def _noun_pattern(phrase: str) -> list[dict[str, Any]]:
    words = [t.text for t in _blank_tokenizer()(phrase)]
    last = words[-1]
    return [{"LOWER": w} for w in words[:-1]] + [{"LOWER": {"IN": [last, last + "s", last + "es"]}}]


class VenueMatcher:
    """The lexicon's patterns (``_noun_pattern``, ``_orth_pattern``), keys ``NOUN:<phrase>``,
    ``OUTLET``, ``PLATFORM``, ``PROGRAM``, called as a ``Matcher`` is: (match_id, start, end) in a
    sentence.  A venue noun in lower case is found by a ``PhraseMatcher`` on ``LOWER`` (one phrase
    per ending), not by the Matcher's set predicate at every token, and the names by one on
    ``ORTH``; the matches come in the Matcher's order (by end, then start, then the order the
    patterns were added)."""

    def __init__(self, vocab: Vocab, lexicon: VenueLexicon) -> None:
        self.matcher = Matcher(vocab)
        self.nouns = PhraseMatcher(vocab, attr="LOWER")
        self.names = PhraseMatcher(vocab, attr="ORTH")
        self.rank: dict[int, int] = {}
        for noun in lexicon.nouns:
            key = f"NOUN:{noun.phrase}"
            self.rank.setdefault(vocab.strings.add(key), len(self.rank))
            words = [t.text for t in _blank_tokenizer()(noun.phrase)]
            if all(w == w.lower() for w in words):
                last = words[-1]
                self.nouns.add(key, [Doc(vocab, words=[*words[:-1], end]) for end in (last, last + "s", last + "es")])
            else:
                self.matcher.add(key, [_noun_pattern(noun.phrase)])
        for key, names in (("OUTLET", lexicon.outlets), ("PLATFORM", lexicon.platforms),
                           ("PROGRAM", lexicon.programs)):
            self.rank.setdefault(vocab.strings.add(key), len(self.rank))
            spelled = [[t["ORTH"] for t in _orth_pattern(n)] for n in names]
            # a name that ends in one capital letter ("X") at a sentence's end is one token with
            # the full stop, as an initial is ("wrote on X."): that token too
            spelled += [[*words[:-1], words[-1] + "."] for words in spelled if _initial_like(words[-1])]
            self.names.add(key, [Doc(vocab, words=words) for words in spelled])

    def __call__(self, sent: Span) -> list[tuple[int, int, int]]:
        at = sent.start  # the PhraseMatcher gives the Doc's token offsets, the Matcher the sentence's
        phrases = [*self.nouns(sent), *self.names(sent)]
        found = {*(self.matcher(sent) if len(self.matcher) else ()),
                 *((key, start - at, end - at) for key, start, end in phrases)}
        return sorted(found, key=lambda m: (m[2], m[1], self.rank[m[0]]))


def lexicon_matcher(vocab: Vocab, lexicon: VenueLexicon) -> VenueMatcher:
    """The lexicon's matcher (``VenueMatcher``), built once per vocabulary and lexicon."""
    return built_once("venue words", (vocab, lexicon), lambda: VenueMatcher(vocab, lexicon))


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
        for match_id, start, end in region.matched("venues", sent, matcher):
            span = Span(doc, sent.start + start, sent.start + end, label=match_id)
            if all(i not in region.excluded for i in range(span.start, span.end)) and not _used_as_verb(span):
                spans.append(span)
    hits = []
    for span in filter_spans(spans):
        kind, _, phrase = span.label_.partition(":")
        hits.append(LexiconHit(kind, phrase or span.text, span))
    return hits


NOUN_DEPS = {"pobj", "dobj", "dative", "nsubj", "nsubjpass", "compound", "appos", "attr"}


def _used_as_verb(span: Span) -> bool:
    """A venue noun's word used as a verb is no venue: "Zelensky CALLS for air defence", "the
    report SHOWS that …", "the president ADDRESSES the nation" (the Matcher matches the word, the
    parse tells the verb).  A word the tagger calls a verb but the parse hangs as a noun ("on US
    Sunday talk SHOWS", tagged VBZ, is the preposition's object) is a noun."""
    root = span.root
    return span.label_.startswith("NOUN:") and root.tag_.startswith("VB") and root.dep_ not in NOUN_DEPS


def hit_inside(hits: Sequence[LexiconHit], tokens: Sequence[Token], kinds: set[str]) -> LexiconHit | None:
    indices = {t.i for t in tokens}
    for hit in hits:
        if hit.kind in kinds and all(i in indices for i in range(hit.span.start, hit.span.end)):
            return hit
    return None


def is_outlet_name(tokens: Sequence[Token], lexicon: VenueLexicon) -> bool:
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
    start, end = span_of(tokens)
    text = tokens[0].doc[tokens[0].i: tokens[-1].i + 1].text
    if text.endswith(".") and not name.endswith(".") and text[:-1].endswith(name):
        text, end = text[:-1], end - 1  # "on X.": the sentence's full stop glued to the name
    return Venue(name=name, type=venue_type, text=text, start=start, end=end)



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
        top = _venue_top(head, region) if entry is not None else None
        if entry is None or top is None:
            continue
        rank = attachment(top, region)
        if rank is None:
            continue
        tokens = _without_owner(head, phrase_tokens(head, region), hits) + _where(head, region)
        venue_type, name, named = entry.type, text_of(tokens), head.pos_ == "PROPN"
        if top.i != head.i:  # "on the sidelines of a summit", "in front of the courthouse"
            tokens = sorted({*tokens, *phrase_tokens(top, region)}, key=lambda t: t.i)
            name = text_of(tokens)
        if venue_type == "place":  # "outside the courthouse": where, so the preposition stays
            name = _with_preposition(top, tokens)
        addressee = None
        inner = hit_inside(hits, tokens, {"OUTLET", "PROGRAM", "PLATFORM"})
        if inner is not None:  # "a Fox News interview" is Fox News's; "BBC radio" stays whole
            named = True
            if entry.with_role == "venue":
                name = text_of(list(inner.span))
        with_object = object_of(head, "with", region)
        if with_object is None and entry.with_role == "venue":  # "an interview to/for Russian media"
            with_object = object_of(head, "to", region) or object_of(head, "for", region)
        if with_object is not None and entry.with_role == "venue":
            obj_tokens = phrase_tokens(with_object, region)
            outlet = hit_inside(hits, obj_tokens, {"OUTLET", "PROGRAM"})
            if outlet is not None or with_object.pos_ == "PROPN":
                name = text_of(list(outlet.span) if outlet is not None else obj_tokens)
                named, tokens = True, with_tokens(tokens, with_object, region)
            addressee = person_name(with_object, region)
        elif with_object is not None and entry.with_role == "addressee":
            addressee = object_phrase(with_object, region)
        to_object = object_of(head, "to", region)
        if to_object is not None and addressee is None:
            addressee = object_phrase(to_object, region)
        on_object = object_of(head, "on", region)
        medium = None
        if on_object is not None:
            medium = hit_inside(hits, phrase_tokens(on_object, region), {"PLATFORM", "OUTLET", "PROGRAM"})
        if on_object is not None and medium is not None:
            name, named = text_of(phrase_tokens(on_object, region)), True
            tokens = with_tokens(tokens, on_object, region)
            if medium.kind == "PLATFORM":
                venue_type = "social_media"
        venue = _venue(name, venue_type, tokens)
        found.append(_Found(venue, rank, named, distance(head, region), addressee))
    return found


def _venue_top(head: Token, region: Region) -> Token | None:
    """The token that puts a venue noun at the statement, or None: the noun itself when it is
    governed as a venue, or the frame noun whose "of" it follows ("the sidelines of a summit")."""
    if _governed_as_venue(head, region):
        return head
    frame = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else None
    if frame is not None and frame.lower_ in region.lexicon.venue_frames and _governed_as_venue(frame, region):
        return frame
    return None


# Rule: governed as a venue — a venue noun is where the statement was made when it is the
# object of a venue preposition ("IN a statement", "AT a press conference"), of an addressing
# verb ("TOLD the UN General Assembly"), of an issuing verb the cue hangs on ("RELEASED a
# statement saying ..."), or the noun the cue's clause hangs on ("an interview in which he
# said ...").
def _governed_as_venue(head: Token, region: Region) -> bool:
    if any(a.i == head.i for a in region.anchors):
        return True
    if head.dep_ == "pobj":
        return head.head.lower_ in region.lexicon.venue_preps
    if head.dep_ in {"dobj", "dative"}:
        if any(c.dep_ in {"dobj", "dative"} and c.i < head.i for c in head.head.children):
            return False  # "informed her of …, recent events in the east": the one addressed comes first
        verb = head.head.lemma_.lower()
        issued = verb in region.lexicon.issuing_verbs and any(a.i == head.head.i for a in region.anchors)
        return verb in region.lexicon.addressing_verbs or issued
    return False


def _where(head: Token, region: Region) -> list[Token]:
    """Where a venue was, as its name says it: "an interview AT GEORGETOWN UNIVERSITY", "a
    meeting IN PARIS" (a place's name after "at" or "in")."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in {"at", "in"} and region.holds(child):
            place = next((o for o in child.children if o.dep_ == "pobj" and region.holds(o)), None)
            if place is not None and place.ent_type_ in {"GPE", "LOC", "FAC", "ORG"}:
                return [child, *phrase_tokens(place, region)]
    return []


def _without_owner(head: Token, tokens: list[Token], hits: Sequence[LexiconHit]) -> list[Token]:
    """A venue's words less whoever owns it and the day it was on: "Ana Silva's statement" and
    "a Tuesday interview" are a statement and an interview (an outlet, platform or programme
    that owns it stays: "Fox News's interview"; the day is the statement's said_on)."""
    owners = [c for c in head.children if c.dep_ == "poss"
              and hit_inside(hits, list(c.subtree), {"OUTLET", "PLATFORM", "PROGRAM"}) is None]
    owners += [c for c in head.children if c.i < head.i and c.dep_ in {"compound", "nmod", "npadvmod"}
               and c.ent_type_ in {"DATE", "TIME"}]
    drop = {t.i for c in owners for t in c.subtree}
    kept = [t for t in tokens if t.i not in drop]
    return kept or tokens


def _with_preposition(top: Token, tokens: Sequence[Token]) -> str:
    """A place's name from its preposition: "outside the courthouse", "in front of the
    courthouse"."""
    first = top.head if top.dep_ == "pobj" else top
    return top.doc[min(first.i, tokens[0].i): tokens[-1].i + 1].text


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
        phrase = phrase_tokens(top, region) + list(hit.span)
        tokens = list(region.doc[min(t.i for t in phrase): max(t.i for t in phrase) + 1])
        venue_type = "social_media" if hit.kind == "PLATFORM" else "broadcast"
        found.append(_Found(_venue(text_of(tokens), venue_type, tokens), rank, True, distance(top, region)))
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
    for verb in linked_verbs(region):
        if verb.lemma_.lower() not in region.lexicon.addressing_verbs:
            continue
        for obj in verb.children:
            if obj.dep_ not in {"dobj", "dative"} or not region.holds(obj):
                continue
            tokens = phrase_tokens(obj, region)
            outlet = hit_inside(hits, tokens, {"OUTLET", "PROGRAM"})
            for named in (c for c in obj.children if c.dep_ == "appos" and outlet is None and region.holds(c)):
                # "told the state news agency TASS": the outlet's name in apposition
                outlet = hit_inside(hits, phrase_tokens(named, region), {"OUTLET", "PROGRAM"})
                tokens = sorted({*tokens, *phrase_tokens(named, region)}, key=lambda t: t.i) if outlet else tokens
            if outlet is None and not is_outlet_name(tokens, region.lexicon):
                continue
            name = text_of(list(outlet.span)) if outlet is not None else text_of(tokens)
            person = person_name(obj, region)
            addressee = person or (text_of(tokens), span_of(tokens))
            venue_type = "broadcast" if outlet is not None and outlet.kind == "PROGRAM" else "interview"
            rank = 0 if verb in region.anchors else 1
            venue = _venue(name, venue_type, tokens)
            found.append(_Found(venue, rank, True, distance(obj, region), addressee, told=True))
    return found


# Rule: the outlet that quoted — "was quoted by the RIA news agency as saying", "quoted by TASS
# as saying": the words were given to that outlet, the venue (as "told TASS" makes it).
def quoting_outlet_rule(region: Region, hits: Sequence[LexiconHit]) -> list[_Found]:
    found = []
    for cue in region.anchors:
        verb = cue.head.head if cue.head.lower_ == "as" else None
        if verb is None or verb.lemma_.lower() != "quote":
            continue
        for agent in (c for c in verb.children if c.dep_ == "agent"):
            for obj in (g for g in agent.children if g.dep_ == "pobj"):
                tokens = phrase_tokens(obj, region)
                outlet = hit_inside(hits, tokens, {"OUTLET", "PROGRAM"})
                if outlet is not None:
                    venue = _venue(text_of(list(outlet.span)), "interview", tokens)
                    found.append(_Found(venue, 0, True, distance(obj, region)))
    return found


def venue_rules(region: Region, hits: Sequence[LexiconHit]) -> list[_Found]:
    """Every venue rule's findings, for ``best_venue`` to choose from."""
    return (told_outlet_rule(region, hits) + quoting_outlet_rule(region, hits) + venue_noun_rule(region, hits)
            + medium_rule(region, hits))


def best_venue(found: Sequence[_Found]) -> _Found | None:
    """The venue most closely attached to the cue; among equals a named one, then the nearest."""
    if not found:
        return None
    return min(found, key=lambda f: (f.rank, not f.named, f.distance))

