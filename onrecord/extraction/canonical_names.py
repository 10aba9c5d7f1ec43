"""One name per speaker in an article: surnames to full names, acronyms to what they abbreviate.

* ``canonical_names``      — a surname alone or a shorter variant takes a full name ending in it
                             ("Zelensky" → "Volodymyr Zelensky"): its first bearer, in its
                             longest form; not a person the article calls by the first name (two
                             people of one surname: "President Biden" and "Hunter",
                             ``first_name_references``);
* ``acronyms``             — "the Centers for Disease Control and Prevention (CDC)": CDC is that;
* ``canonical_speakers``   — both, applied to an article's statements once they are named, full
                             names of the narration before those found only in quotations.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from onrecord.extraction.docindex import doc_text, in_quotes, tokens_spelled, word_starts
from onrecord.extraction.found import Found
from onrecord.extraction.genders import agreeing_full_name, article_genders
from onrecord.identity.names import NAME_PARTICLES, NAME_SUFFIXES, near_surname, plain_word
from onrecord.identity.registry import SpeakerRegistry
from onrecord.identity.titles import title_word
from onrecord.lexicons.given_names import load_given_names
from onrecord.lexicons.title_words import TITLE_QUALIFIERS, TITLE_WORDS


def is_surname_of(name: str, people: set[str]) -> bool:
    """One word that ends a longer person's name in the same article (in capitals too: a
    transcript label, "BURGUM")."""
    return is_surname_in(name, surnames_of(people))


def surnames_of(people: Iterable[str]) -> frozenset[str]:
    """The last words of the names of more than one word: what ``is_surname_of`` looks for, made
    once per article rather than by splitting every name at each question."""
    return frozenset(words[-1] for words in (without_suffix(p.split()) for p in people) if len(words) > 1)


def without_suffix(words: list[str]) -> list[str]:
    """A name's words without a generational suffix, which follows the surname ("Harry B. Harris
    Jr." is called "Harris")."""
    while len(words) > 2 and plain_word(words[-1]) in NAME_SUFFIXES:
        words = words[:-1]
    return words


def is_surname_in(name: str, surnames: frozenset[str]) -> bool:
    """``is_surname_of`` against the ``surnames_of`` the people."""
    word = name.capitalize() if name.isupper() else name
    return len(name.split()) == 1 and word in surnames


def first_name_references(doc: Doc, full_names: list[str]) -> set[str]:
    """Full names whose bearer the writer also calls by the first name alone, outside quotation
    marks ("Hunter" for Hunter Biden): news does that to tell two people of one surname apart."""
    named = [(name, name.split()) for name in dict.fromkeys(full_names)]
    firsts = {words[0] for _, words in named if len(words) >= 2}
    # each first name found in the text, not by a walk over every token
    where: dict[str, list[Token]] = {first: found for first in firsts if (found := tokens_spelled(doc, first))}
    out = set()
    for name, words in named:
        if len(words) < 2:
            continue
        first, last = words[0], words[-1]
        for t in where.get(first, []):
            if in_quotes(doc, t.idx):
                continue
            after = doc[t.i + 1].text if t.i + 1 < len(doc) else ""
            # a capitalised word or an initial goes on with a name ("George J. Mitchell"); a
            # first name alone is followed by anything else
            if after != last and not (after[:1].isupper() and after.rstrip(".").isalpha()):
                out.add(name)
                break
    return out


def canonical_names(names: list[str], first_named: set[str] | frozenset[str] = frozenset()) -> dict[str, str]:
    """Within one article each short name maps to a longer name that ends with it (same surname):
    the first such name in ``names`` (given in the order of the text: the surname's first bearer,
    whom news names in full first and then by the surname alone; a second bearer is named in full
    again, "Anne Marie Murphy" after "Sen. Chris Murphy"), in its longest form ("Hillary Rodham
    Clinton" for "Hillary Clinton").  A bare surname does not go to a full name whose bearer the
    article calls by the first name (``first_name_references``): that surname alone is the other
    person of that name.  A surname no full name ends in goes to the one full name whose surname
    is a near-spelling of it (``identity.names.near_surname``)."""
    distinct = list(dict.fromkeys(names))
    # each name's words split once, and each name mapped once (a repeated name maps the same way):
    # the names of a long article made this quadratic in its mentions
    words_of = {name: without_suffix(name.split()) for name in distinct}
    mapping = {}
    given = load_given_names()
    full_surnames: set[str] | None = None  # the surnames of full names, found when first needed
    for name in distinct:
        words = words_of[name]
        if name.isupper():
            words = [w.capitalize() for w in words]  # a transcript label in capitals ("BURGUM")
        if len(words) > 1 and given.gender(words[0]) is not None:
            mapping[name] = name  # a given name and a surname: a full name already, not "Crooked Hillary Clinton"
            continue
        bearers = [other for other, parts in words_of.items() if len(parts) > len(words)
                   and parts[-len(words):] == words and not (len(words) == 1 and other in first_named)]
        if not bearers and len(words) == 1 and name[:1].isupper() and not any(
                len(parts) > 1 and parts[-1] == words[0] for parts in words_of.values()):
            # a misspelling or another transliteration of one full name's surname ("Giulini also
            # questioned …" after "Rudy Giuliani"; "Zelensky" after "Volodymyr Zelenskyy")
            if full_surnames is None:
                full_surnames = {parts[-1] for parts in words_of.values()
                                 if len(parts) > 1 and given.gender(parts[0]) is not None}
            near = {surname for surname in full_surnames if near_surname(surname, words[0])}
            if len(near) == 1:
                words = [near.pop()]
                bearers = [other for other, parts in words_of.items()
                           if len(parts) > 1 and parts[-1] == words[0] and other not in first_named]
        if not bearers:
            mapping[name] = name
            continue
        first = set(words_of[bearers[0]])
        opening = words_of[bearers[0]][0]
        # its longest form keeps its first word first: "Hillary Rodham Clinton", not "Crooked
        # Hillary Clinton" (a nickname someone is quoted giving her)
        mapping[name] = max((b for b in bearers if first <= set(words_of[b]) and words_of[b][0] == opening),
                            key=lambda b: len(words_of[b]))
    return mapping


ACRONYM_AFTER_NAME = re.compile(
    r"((?:[A-Z][\w’'&.-]*)(?:\s+(?:of|for|and|on|the|de|du|des|&|[A-Z][\w’'&.-]*))*)\s+\(([A-Z][A-Z.&]{1,9})\)")


ACRONYM_SMALL_WORDS = {"of", "on", "for", "and"}


def acronyms(text: str) -> dict[str, str]:
    """Acronym rule: "the Texas Department of State Health Services (DSHS)" makes DSHS the name
    it abbreviates in this article; the letters of the acronym must be initials of capitalised words
    of the name (or of a small word: "Ministry of Defense (MOD)"), in order, the last of them one of
    its last two capitalised ("Centers for Disease Control and Prevention (CDC)")."""
    out = {}
    for m in ACRONYM_AFTER_NAME.finditer(text):
        name, short = m.group(1), m.group(2).replace(".", "")
        initials = [w[0] for w in name.split() if w[:1].isupper()]
        # "Ministry of Defense (MOD)": a small word may give a letter too, never the first or last
        letters = [w[0].upper() for w in name.split() if w[:1].isupper() or w in ACRONYM_SMALL_WORDS]
        for start in range(len(letters)):
            it = iter(letters[start:])
            if letters[start] == short[0] and all(ch in it for ch in short) and short[-1] in initials[-2:]:
                out[short] = name[4:] if name.startswith("The ") else name
                break
    return out


ARTICLES = frozenset({"the", "los", "las", "la", "el", "le", "les", "der", "die", "das"})


def written_as_a_name(words: list[str]) -> bool:
    """Capitalised words (a particle between them: "Bill de Blasio"), not opened by an article."""
    return words[0].lower() not in ARTICLES and all(
        w in NAME_PARTICLES or (w[:1].isupper() and w.replace("-", "").replace(".", "").isalpha()) for w in words)


# the words of a title that name an office on their own before a surname ("President Hale"), not
# those that qualify one ("Former", "Foreign", "Rival": "Former Clinton aides")
OFFICE_WORDS = TITLE_WORDS - TITLE_QUALIFIERS - {
    "first", "state", "national", "security", "foreign", "interior", "finance", "press", "defence", "defense",
    "intelligence", "rival", "challenger", "opponent", "candidate", "nominee", "official", "member", "counterpart"}


def titled_surname(doc: Doc, surname: str) -> bool:
    """The surname written after a title alone ("President Hale"): someone the article names so."""
    text = doc_text(doc)
    for start in word_starts(doc).get(surname, []):
        before = text[max(0, start - 40) : start].split()
        if before and before[-1][:1].isupper() and title_word(before[-1]) in OFFICE_WORDS:
            return True
    return False


def told_apart(doc: Doc, name: str, names: list[str], registry: SpeakerRegistry | None) -> bool:
    """Whether calling ``name``'s bearer by the first name tells them apart from another person of
    the surname: one the article names in full too ("Hunter" beside Alan Brisco) or by a title and
    the surname ("President Hale" beside Tom Hale), or a pinned person the surname alone names
    ("Hunter" where "Biden" is Joe Biden).  Otherwise it is only how the writer calls them
    ("Hillary", "Bernie"), and the bare surname is still theirs."""
    surname = without_suffix(name.split())[-1]
    given = load_given_names()
    # another person's name with another first word ("Jane Sanders"; not "Donald J. Trump" beside
    # "Donald Trump", nor the show "Los Hijos de Trump", nor "Mr. Trump's jabs at Mr. and Mrs. Khan")
    others = {n for n in names if len(words := without_suffix(n.split())) > 1 and words[-1] == surname
              and words[0] != name.split()[0] and (given.gender(words[0]) is not None or written_as_a_name(words))}
    if others or titled_surname(doc, surname):
        return True
    pinned = registry.pinned_person(surname) if registry is not None else None
    return pinned is not None and getattr(registry.pinned_person(name), "id", None) != pinned.id


# --- the component ---------------------------------------------------------------------------


def canonical_speakers(doc: Doc, found: list[Found], persons: list[str], narrated: list[str],
                       registry: SpeakerRegistry | None = None) -> None:
    """One name per speaker in the article: surnames to full names (``canonical_names``), acronyms
    to the names they abbreviate (``acronyms``).  A surname goes to a full name the narration uses
    (``narrated``) before one found only inside quotation marks: "Classic Clinton: optimistic,
    unifying" in a quote is no name the writer gives anyone."""
    people = {f.speaker_name for f in found if f.speaker_type == "person"} | set(persons)
    surnames = surnames_of(people)
    for f in found:
        surname = f.speaker_type == "group" and not f.members and len(f.speaker_name.split()) == 1 \
            and f.speaker_name[:1].isupper() and is_surname_in(f.speaker_name, surnames)
        if surname or f.speaker_type == "organization" and (
                f.speaker_name in people or is_surname_in(f.speaker_name, surnames)):
            # one name, one type: "Varga" tagged ORG after "President Lidia Varga", a full name the
            # model tagged ORG here and PERSON there; "Sanders", which looks plural, after "Bernie
            # Sanders"
            f.speaker_type = "person"
    names = [f.speaker_name for f in found if f.speaker_type == "person"] + persons
    first_named = {n for n in first_name_references(doc, names) if told_apart(doc, n, names, registry)}
    mapping = canonical_names(names, first_named)
    told = [f.speaker_name for f in found if f.speaker_type == "person"] + narrated
    mapping |= {name: full for name, full in canonical_names(told, first_named).items() if full != name}
    short = acronyms(doc_text(doc))
    by_surname = article_genders(doc)
    for f in found:
        if f.speaker_type == "person":
            agreeing = agreeing_full_name(f, mapping.get(f.speaker_name, f.speaker_name), names, by_surname)
            f.speaker_name, f.speaker_type = (agreeing, "person") if agreeing is not None else ("", "unknown")
        elif f.speaker_name in short:
            f.speaker_name = short[f.speaker_name]
        f.members = list(dict.fromkeys(short.get(m, mapping.get(m, m)) for m in f.members))  # each once
        if f.members:
            f.speaker_name = " and ".join(f.members)
