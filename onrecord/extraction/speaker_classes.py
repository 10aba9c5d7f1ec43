"""What a noun phrase's head can be as a speaker: a person, a group, an organisation, a place (as
its government), a carrier of someone's words (a document, a post, an event), or never a speaker
(a time, a wh-word, an abstract noun).  Pronouns by their person, entities by their label, common
nouns by ``lexicons/data/speaker_nouns.yaml``.  The speaker rules (``subjects.py``, the pronoun and
role rules) ask ``speaker_class`` and ``can_speak`` before they take a phrase for a speaker.
"""

from __future__ import annotations

import re
from typing import Literal

from spacy.tokens import Span, Token

from onrecord.extraction.docindex import entities, once, person_name_words, word_starts
from onrecord.lexicons.calendar import MONTH_ABBREVIATIONS, MONTHS, PARTS_OF_DAY, WEEKDAYS
from onrecord.lexicons.given_names import load_given_names
from onrecord.lexicons.speaker_nouns import load_speaker_nouns

NAME_MARKS = re.compile("['’-]")  # inside a surname: "O'Donnell", "Ocasio-Cortez"

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
SpeakerClass = Literal["person", "group", "organization", "place", "carrier", "never", "unknown"]
CAN_SPEAK = {"person", "group", "organization"}

PERSON_PRONOUNS = {"he", "she", "him", "her", "i", "me", "you", "his", "hers", "my", "mine", "yours"}
PLURAL_PRONOUNS = {"they", "them", "we", "us", "their", "our", "theirs", "ours"}
INDEFINITES = {"someone", "somebody", "anyone", "anybody", "everyone", "everybody", "nobody", "one", "some",
               "many", "most", "all", "both", "each", "few", "several", "others", "another", "none", "either",
               "neither", "those", "these"}
RELATIVE_PRONOUNS = {"who", "whom", "which", "that", "whose"}
NEVER_ENTITIES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
CARRIER_ENTITIES = {"LAW", "WORK_OF_ART", "PRODUCT", "EVENT", "LANGUAGE"}
NOUN_CLASS = {"people": "person", "groups": "group", "organizations": "organization", "places": "place",
              "carriers": "carrier", "not_speakers": "never"}


# the words that end a date or a time themselves: a capitalised word after one of them, inside
# the same DATE entity, is a name the model ran into the date ("Last week Stumpf appeared to …")
CALENDAR_WORDS = {
    *WEEKDAYS, *MONTHS, *MONTH_ABBREVIATIONS, *PARTS_OF_DAY, "day", "eve", "christmas", "easter",
    "thanksgiving", "ramadan", "hanukkah", "passover", "year", "years", "week", "weeks", "month", "months",
    "weekend", "today", "yesterday", "tomorrow", "ago", "earlier", "later", "era", "century", "decade",
    "season", "spring", "summer", "autumn", "fall", "winter", "term", "time",
}


def name_run_into_a_date(token: Token) -> bool:
    """Date-run rule: "Last week Stumpf appeared to blame …" — the model tags "Last week Stumpf"
    one DATE; the capitalised word that ends it right after a calendar word ("week", "Monday") and
    is no calendar word itself is a name, and the subject of the sentence."""
    if token.ent_type_ not in {"DATE", "TIME"} or token.ent_iob_ != "I" or token.pos_ != "PROPN":
        return False  # inside the entity, after its first word
    before = token.doc[token.i - 1]
    if token.lower_.rstrip(".") in CALENDAR_WORDS:
        return False
    at_end = token.i + 1 >= len(token.doc) or token.doc[token.i + 1].ent_iob_ != "I"
    return at_end and before.lower_ in CALENDAR_WORDS and token.dep_ in SUBJECT_DEPS


def is_time(token: Token) -> bool:
    """A clock time or a date ("5:17 p.m.", "Tuesday"): never a speaker."""
    text = token.lower_
    if name_run_into_a_date(token):
        return False
    return token.ent_type_ in {"DATE", "TIME"} or text in {"a.m.", "p.m.", "am", "pm"} or (
        any(ch.isdigit() for ch in text) and ":" in text)


def speaker_class(token: Token) -> SpeakerClass:
    """What the head of a mention can be as a speaker (see the module's docstring).  Pronouns by
    their person; entities by their label (a law, a work or an event carries words); common nouns
    by the speaker-noun lexicon (lemma, so plurals count); a proper noun the model did not label
    is a name; anything else is unknown."""
    word = token.lower_
    if token.pos_ == "PRON" or token.tag_ in {"PRP", "PRP$", "WP", "WDT"}:
        if word in PERSON_PRONOUNS:
            return "person"
        if word in PLURAL_PRONOUNS:
            return "group"
        if word in RELATIVE_PRONOUNS and token.tag_ in {"WP", "WDT"} and token.dep_ in SUBJECT_DEPS:
            return "unknown"  # "the union, which said": named by the noun it refers to
        if word in {"it", "its"}:
            return "unknown"
        if word in INDEFINITES:
            return "group"  # "some said", "each insisted", "one of them said"
        return "never"  # "what", "this", "something": not a speaker on its own
    if token.ent_type_ in {"PERCENT", "CARDINAL"} and token.pos_ in {"NOUN", "NUM", "PROPN"}:
        return "group"  # "73 percent said", "two told reporters": people counted
    if is_an_age(token):
        return "person"  # "said the 46-year-old"
    if token.i > 0 and misread_name(token):
        return "person"
    if is_time(token) or (token.ent_type_ in NEVER_ENTITIES and not name_run_into_a_date(token)):
        return "never"
    kind = load_speaker_nouns().kind(token.lemma_) or load_speaker_nouns().kind(token.lower_)
    if token.pos_ == "PROPN" and kind is not None and part_of_a_name(token):
        kind = None  # "Day said": Kristen Day, not a day
    if token.ent_type_ == "PERSON":
        return "person"
    if token.ent_type_ in {"ORG"}:
        return "carrier" if kind == "carriers" else "organization"
    if token.ent_type_ == "NORP":
        return "group"
    if token.ent_type_ in {"GPE", "LOC", "FAC"}:
        return "place"
    if token.ent_type_ in CARRIER_ENTITIES:
        if token.pos_ == "PROPN" and token.dep_ == "nsubj" and token.head.pos_ == "VERB" and part_of_a_name(token) \
                and (token.head.ent_type_ == token.ent_type_ or alone_in_its_entity(token)):
            # '"…," Lindqvist went on' taken whole for a title: a name and its verb; '"…," Sanders
            # told MSNBC' with "Sanders" alone a WORK_OF_ART: the surname of a person named
            return "person"
        return "carrier"
    if kind is not None:
        return NOUN_CLASS[kind]  # type: ignore[return-value]
    if token.pos_ == "PROPN" and token.is_title:
        return "person" if not token.is_upper or len(token) > 1 else "unknown"
    if token.pos_ in {"PROPN", "NOUN", "ADJ", "X"} and token.is_upper and token.is_alpha and len(token) > 2:
        return "person"  # a name in capitals, as transcripts write their speakers ("BURGUM:")
    return "unknown"


def alone_in_its_entity(token: Token) -> bool:
    """The token is an entity of one word."""
    doc = token.doc
    return token.ent_iob_ == "B" and (token.i + 1 == len(doc) or doc[token.i + 1].ent_iob_ != "I")


def is_an_age(token: Token) -> bool:
    """"the 46-year-old", "a 19-year-old": a person named by their age (the parse heads the phrase
    with the adjective "old")."""
    word = token.lower_
    return word.endswith("year-old") or word.endswith("years-old") or (
        word == "old" and any(c.lower_ in {"year", "years"} for c in token.children))


def misread_name(token: Token) -> bool:
    """A name the text gives in full somewhere, that the model tagged an adverb, an adjective or a
    (plural) common noun here: '"…," said Skelly', "Sanders often questions …"."""
    return token.pos_ in {"ADV", "ADJ", "NOUN"} and token.is_title and part_of_a_name(token)


def _name_words(entity: Span) -> list[Token]:
    """The entity's words without initials ("Mark S. Kirk" → Mark, Kirk)."""
    return [t for t in entity if not (len(t.text) == 2 and t.text[0].isupper() and t.text[1] == ".")]


def given_name_and_surname(entity: Span) -> bool:
    """Shape rule: a listed given name, then capitalised words (an initial between them: "Mark S.
    Kirk"; a surname with an apostrophe or a hyphen: "Brett O'Donnell"), the last of them no given
    name ("Morgan Stanley" is a firm), whatever label the model gave the entity."""
    words = _name_words(entity)
    if entity.label_ == "PERSON" or not 2 <= len(words) <= 3 or len(entity) - len(words) > 1:
        return False
    if any(t.pos_ != "PROPN" or not t.is_title or not NAME_MARKS.sub("", t.text).isalpha() for t in words):
        return False
    given = load_given_names()
    return given.gender(words[0].text) is not None and not any(given.gender(t.text) is not None for t in words[1:])


def named_like_a_person(entity: Span) -> bool:
    """A name the model labelled something else than a person ("GOP presidential candidate [Carly
    Fiorina]" tagged ORG), shaped as one (``given_name_and_surname``), whose last word is written
    alone elsewhere in the text more often than the whole name — the writer calls the person by the
    surname ("Fiorina said"), which is what makes the full name worth knowing."""
    if not given_name_and_surname(entity):
        return False
    words = _name_words(entity)
    starts = word_starts(entity.doc)
    return len(starts.get(words[-1].text, ())) > len(starts.get(words[0].text, ()))


def part_of_a_name(token: Token) -> bool:
    """The word is part of a person's name the model recognised somewhere in the text, or of one
    it tagged something else (``named_like_a_person``: "Fox News host [Sean Hannity]" as ORG)."""
    doc = token.doc
    return token.text in person_name_words(doc) or token.text in once(doc, "words of names tagged otherwise", lambda: (
        frozenset(w for e in entities(doc) if named_like_a_person(e) for w in e.text.split())))


def speaker_class_of_word(token: Token) -> str | None:
    """The speaker-noun list a word is in, whatever its entity label ("Ministry" inside a name)."""
    return {"organizations": "organization", "people": "person"}.get(load_speaker_nouns().kind(token.lower_) or "")


def can_speak(token: Token) -> bool:
    """A person, a group or an organisation (a pronoun for one counts)."""
    return speaker_class(token) in CAN_SPEAK
