"""What cannot be a person's name, and the identities of a registry that look wrong.

Extraction sometimes hands the registry a mention that names no one: a pronoun left unresolved
("I", "which"), a time ("5:17 p.m."), a place ("Kyiv"), a list of several speakers ("Biden,
France and Germany"), or a fragment of a sentence ("Olaf Scholz in Kyiv"). ``name_problem`` says
which, so that the registry never makes a person of it; ``person_core`` recovers the person's
name from a mention with a place before it or a phrase after it. ``suspects`` lists what is left
in a registry for a user to fix in an aliases file (``onrecord speakers --check``).

The words are data: ``lexicons/data/not_names.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from onrecord.identity.names import FIRST_NAME_CLASSES, NAME_PARTICLES, NAME_SUFFIXES, parse_person, plain_word
from onrecord.identity.titles import (
    clean_name,
    is_generic,
    match_role,
    not_a_name,
    role_tokens,
    split_title,
    strip_determiner,
    title_word,
)
from onrecord.lexicons.not_names import fold, load_not_names
from onrecord.lexicons.title_words import COUNTRIES, DETERMINERS, LEADING_NOISE, TITLE_WORDS

# Why a mention names no one person (the reasons ``name_problem`` gives, in the order tested).
COUNTRY = "country"
PLACE = "place"
PRONOUN = "pronoun"
TIME = "time"
NUMBER = "number"
LIST = "list of names"
FRAGMENT = "fragment"
COMMON_NOUN = "common noun"  # the registry's own reason: "the plan" typed person, no one named
# What ``suspects`` adds for whole identities.
TITLE = "title without a name"
ONE_WORD = "one-word name"
UNKNOWN = "type unknown"
SAME_NAME = "same name as"

KNOWN_FIRST_NAMES = frozenset(FIRST_NAME_CLASSES.values())
# "5:17 p.m.", "10.30am", "17:05": a clock time anywhere in the mention.
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s*[ap]\.?\s?m\b\.?", re.IGNORECASE)
_NUMERAL = re.compile(r"^[\d.,:/%+-]+(st|nd|rd|th|s)?$")
# Lowercase words inside a proper name: "Bank of England", "Council for Trade and Development".
_NAME_GLUE = frozenset({"of", "the", "and", "for", "on", "in", "at", "to", "de", "du", "des", "la", "le"})
# Words that make a mention a clause rather than a name: personal pronouns and wh-words.
_CLAUSE_WORDS = frozenset({"i", "you", "he", "she", "it", "we", "they", "me", "him", "them", "that",
                           "which", "who", "whom", "whose", "what", "should", "would", "will", "can", "must"})
# What joins the members of a list: "A, B and C", "A & B", "A/B".
_LIST_JOINS = re.compile(r"\s*(?:,|;|&|/|\band\b)\s*")


def _words(text: str) -> list[str]:
    """The mention's words without surrounding punctuation, leading connectives ("And I") and
    determiners ("the West")."""
    words = [w.strip("\"“”‘’'()[],;:!?") for w in clean_name(text).split()]
    words = [w for w in words if w]
    while words and (plain_word(words[0]) in LEADING_NOISE or plain_word(words[0]) in DETERMINERS):
        words = words[1:]
    return words


def _is_time(text: str, folded: list[str]) -> bool:
    """Rule: a clock time, or words of time and numerals only with at least one word of time
    ("Friday", "last week", "August 15")."""
    times = load_not_names().times
    if _CLOCK.search(text):
        return True
    return any(w in times for w in folded) and all(w in times or _NUMERAL.match(w) for w in folded)


def _is_list(text: str) -> bool:
    """Rule: several capitalised parts joined by commas, "and", "&" or "/" ("Biden, France and
    Germany", "DHS and ICE") are several speakers, not one; "Jr." after a comma is no part."""
    if _group_of_named(text):
        return False
    parts = [strip_determiner(p) for p in _LIST_JOINS.split(clean_name(text)) if strip_determiner(p).strip(" .")]
    named = [p for p in parts if p[:1].isupper() and plain_word(p) not in NAME_SUFFIXES]
    return len(parts) >= 2 and len(named) >= 2


def _group_of_named(text: str) -> bool:
    """Rule: "representatives of Germany, France and Russia" is one group, a plural noun described
    by the list of those it speaks for: lowercase words, then "of" and capitalised names only."""
    head, of, rest = strip_determiner(clean_name(text)).partition(" of ")
    parts = [strip_determiner(p) for p in _LIST_JOINS.split(rest) if p.strip(" .")]
    return bool(of) and head[:1].islower() and ";" not in text and len(parts) >= 2 \
        and all(p[:1].isupper() for p in parts)


def _is_fragment(words: list[str], raw: str = "") -> bool:
    """Rule: a person's name has no lowercase word but its particles ("von der Leyen", "al-Assad"):
    "Olaf Scholz in Kyiv" or "what should both sides" is a piece of a sentence, and so is a
    mention that starts with a lowercase preposition ("of the French Republic")."""
    first = raw.split()[0] if raw.split() else ""
    if first[:1].islower() and plain_word(first) in LEADING_NOISE:
        return True
    for word in words:
        head = re.split(r"[-’']", plain_word(word))[0]
        if word[:1].islower() and head not in NAME_PARTICLES:
            return True
    return False


def _is_clause(text: str, words: list[str]) -> bool:
    """Rule: an organisation's or group's name has no clause in it: no comma or semicolon, no
    personal pronoun and no wh-word ("Colleagues, the points that I made here", "what should
    both sides"); "our colleagues" keeps its possessive."""
    if ("," in text or ";" in text) and not _group_of_named(text):
        return True
    # an acronym in capitals is a name, whatever word it spells ("WHO", "IT")
    return any(fold(w) in _CLAUSE_WORDS and not (len(w) > 1 and w.isupper()) for w in words)


@lru_cache(maxsize=65536)  # a pure function of the text and the packaged lists: asked again for every statement
def name_problem(text: str, person: bool = True) -> str | None:
    """Why a mention names no one person: COUNTRY, PLACE, PRONOUN, TIME, NUMBER, LIST, FRAGMENT;
    None when it may be a name. ``person`` False (an organisation or group) allows lowercase
    words ("Ukrainian officials") and countries ("Russia" speaks as its state)."""
    words = _words(text)
    if not words:
        return FRAGMENT
    lists = load_not_names()
    whole = fold(" ".join(words))
    folded = [fold(w) for w in words]
    if whole in lists.countries:
        return COUNTRY if person else None
    if whole in lists.places:
        return PLACE
    acronym = not person and len(words) == 1 and len(words[0]) > 1 and words[0].isupper()
    if (whole in lists.pronouns or all(w in lists.pronouns for w in folded)) and not acronym:
        return PRONOUN  # but "WHO", "IT" as an organisation's acronym are its name
    if _is_time(text, folded):
        return TIME
    if all(w in lists.numbers or _NUMERAL.match(w) for w in folded):
        return NUMBER
    if _is_list(text):
        return LIST
    if person and _is_fragment(words, clean_name(text)):
        return FRAGMENT
    if not person and _is_clause(clean_name(text), words):
        return FRAGMENT
    return None


def is_country(text: str) -> bool:
    """Whether a mention is a country's name ("Norway", "the United States", "U.S.")."""
    return fold(" ".join(_words(text))) in load_not_names().countries


def person_problem(text: str) -> str | None:
    """``name_problem`` of a mention typed person, after ``person_core`` has recovered the name
    from a fragment ("Anna Berg in Vienna" is Anna Berg's; "Berg in Vienna" stays a fragment)."""
    problem = name_problem(text)
    return name_problem(person_core(text)) if problem == FRAGMENT else problem


def person_core(name: str) -> str:
    """A person's name out of a mention that says more: a place before it ("Ukraine Andrzej
    Duda", what is left of "President of Ukraine Andrzej Duda") and a phrase after it ("Olaf
    Scholz in Kyiv") dropped, when a name of two words or more remains; else the mention."""
    if _is_list(name):
        return name
    words = name.split()
    lists = load_not_names()
    start = 0
    for i in range(1, len(words) - 1):
        if fold(" ".join(words[:i])) in lists.countries | lists.places:
            start = i
    end = len(words)
    for i in range(start + 2, len(words)):
        head = re.split(r"[-’']", plain_word(words[i]))[0]
        if words[i][:1].islower() and head not in NAME_PARTICLES:
            end = i
            break
    core = words[start:end]
    return " ".join(core) if len(core) >= 2 and not _is_fragment(core) else name


# --- what the registry makes of a mention ------------------------------------------------------


def person_type(bare: str) -> tuple[str, str]:
    """Typing rule for a mention typed person, after its title: a common noun ("the ministry",
    "Ukrainian officials") is a group or unknown, a country an organisation (it speaks as its
    state), a list of names a group; else the person's name, without a place before it or a
    phrase after it ("Olaf Scholz in Kyiv" → Olaf Scholz). Returns (type, name)."""
    if not_a_name(bare):
        if bare.rstrip().endswith("s"):
            return "group", bare
        return ("organization" if is_body(bare) else "unknown"), bare
    problem = person_problem(bare)
    if problem == COUNTRY or (problem == FRAGMENT and is_body(bare)):
        return "organization", bare  # "the Office of the President": a body's name, not a fragment
    if problem == LIST:
        return "group", bare
    return "person", person_core(bare)


def _head(words: list[str]) -> str:
    """The head noun of a name: the last word before "of", "in" ... ("Analysts in Rema" are
    analysts, "the government of Norway" a government), else the last word."""
    glued = [words[i - 1] for i, w in enumerate(words) if i and w.lower() in _NAME_GLUE]
    return glued[0] if glued else (words[-1] if words else "")


def is_body(text: str) -> bool:
    """Whether a common noun phrase names a body that speaks ("the government", "the Ukrainian
    side", "the ministry of defence"): its head is one of the bodies of ``not_names.yaml``."""
    return fold(plain_word(_head(_words(text)))) in load_not_names().bodies


def title_phrase(name: str) -> bool:
    """Whether a mention is a title made of two ("Adviser to the Head of the Office", "head of
    the Danish state"): after its first title, "to" or "of" and (past an article and a
    nationality) another title word, so the whole names an office, not a person."""
    title, bare = split_title(name)
    words = (title or "").split() if bare is None else bare.split()
    for i, word in enumerate(words):
        if word not in ("to", "of") or (bare is None) == (i == 0):
            continue  # in a title, after its first word; in what split_title left, its first
        rest = words[i + 1 :]
        while rest and (plain_word(rest[0]) in DETERMINERS or plain_word(rest[0]) in COUNTRIES):
            rest = rest[1:]
        return bool(rest) and title_word(rest[0]) in TITLE_WORDS \
            and (bare is None or split_title(" ".join(rest))[1] is None)
    return False


def collective_type(name: str, type: str) -> str:
    """Typing rule for an organisation or group: a country is an organisation ("Russia" speaks
    as its state), and so is a proper name in the singular typed group ("the European Union");
    plurals ("Ukrainian officials", "Democrats") and lists stay groups."""
    if is_country(name):
        return "organization"
    words = strip_determiner(name).split()
    proper = bool(words) and all(w[:1].isupper() or w.lower() in _NAME_GLUE for w in words) \
        and words[-1].lower() not in _NAME_GLUE
    if type == "group" and proper and not _head(words).rstrip(".").endswith("s") and not _is_list(name):
        return "organization"
    return type


def looks_like_person(name: str) -> bool:
    """Whether a name typed as an organisation is a person's by its shape: two capitalised words,
    the first a first name the registry knows ("Oleksiy Danilov", which the small model calls
    ORG); the registry then knows the person without having seen him typed as one."""
    words = clean_name(strip_determiner(name)).split()
    parsed = parse_person(name)
    return (len(words) == 2 and all(w[:1].isupper() for w in words) and parsed is not None
            and parsed.first in KNOWN_FIRST_NAMES)


def refusal(name: str, type: str = "person", article_roles: dict[str, str] | None = None) -> str | None:
    """Refusal rule: why a speaker's name gets no identity at all: a pronoun, a place, a time, a
    number or a fragment (``name_problem``), or a singular common noun typed person that the
    article names nothing by ("the plan", "sovereignty"; "the ministry" after "the Foreign
    Ministry" is that ministry); None when it names someone. A title alone is never refused: it
    is a role, or the person the article gave it."""
    bare = split_title(name)[1] if type == "person" else name
    if bare is None or type == "role" or (type == "person" and title_phrase(name)):
        return None
    person = type == "person" and not not_a_name(bare)  # "Ukrainian officials": a group, no fragment
    problem = person_problem(bare) if person else name_problem(bare, person=False)
    if problem == FRAGMENT and person and is_body(bare):
        problem = None  # "the Office of the President" is an organisation's name
    if problem is None and type == "person" and not person and not bare.rstrip().endswith("s") \
            and not is_body(bare):
        found = is_generic(bare) and match_role(role_tokens(bare), article_roles or {})
        problem = None if found else COMMON_NOUN
    return None if problem in (None, COUNTRY, LIST) else problem


def display_name(name: str, type: str = "person") -> str:
    """The name to show for a speaker's mention: a person's without the title and what
    ``person_core`` drops ("President of Ukraine Volodymyr Zelenskyy" → Volodymyr Zelenskyy), an
    organisation's or group's without its determiner ("the European Union" → European Union)."""
    if type == "person":
        bare = split_title(name)[1]
        return person_core(bare) if bare else clean_name(name)
    return strip_determiner(name) or name


# --- the check ----------------------------------------------------------------------------------


def identity_problems(name: str, type: str) -> list[str]:
    """What looks wrong about one identity, by its display name and type (empty when nothing)."""
    if type == "role":
        return [TITLE]
    if type == "unknown":
        problem = name_problem(name, person=False)
        return [UNKNOWN] + ([problem] if problem else [])
    if type != "person":
        problem = name_problem(name, person=False)
        return [problem] if problem else []
    if split_title(name)[1] is None:
        return [TITLE]
    problem = name_problem(name)
    if problem:
        return [problem]
    return [ONE_WORD] if len(_words(name)) == 1 else []


def _per_article(identity_id: str) -> bool:
    """An id kept to one article: its article's tag after "@" (``identities.collective_id``)."""
    return "@" in identity_id


def suspects(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The identities of a registry's rows (``SpeakerRegistry.to_rows``) that look wrong, each
    with its reasons: a one-word name, a title without a name, a place, a pronoun, a time, a
    number, a list or a fragment, the type unknown, or a display name another identity has too."""
    rows = list(rows)
    by_name: dict[str, list[str]] = {}
    for row in rows:
        by_name.setdefault(fold(row["name"]), []).append(row["id"])
    found = []
    for row in rows:
        reasons = identity_problems(row["name"], row["type"])
        # roles and groups named by a common noun are one identity per article by design ("role:
        # president@…", "group:presidents@…"): only an identity kept to no article counts
        others = [i for i in by_name[fold(row["name"])] if i != row["id"]
                  and not (_per_article(row["id"]) and _per_article(i))]
        if others:
            reasons.append(f"{SAME_NAME} {', '.join(others)}")
        if reasons:
            found.append({"name": row["name"], "type": row["type"], "statements": row["statements"],
                          "reasons": "; ".join(reasons), "id": row["id"]})
    return found
