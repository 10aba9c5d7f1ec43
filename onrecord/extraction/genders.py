"""Gender agreement of a speaker's name with the mention that names them: "Mr. Trump" is not Ivana
Trump, "she" is not Tom Ebeling.  The gender a name marks comes from its given name or honorific
(``lexicons.given_names``); a name that marks none agrees with every mention.  The pronoun rules
ask the same of an antecedent (``pronouns.agrees``).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from onrecord.extraction.docindex import doc_text, entities, once, whole_word_occurrences
from onrecord.extraction.found import Found
from onrecord.lexicons.given_names import HONORIFIC_GENDER, PRONOUN_GENDER, Gender, gender_of_name, load_given_names


def mention_gender(mention: Span | None) -> Gender | None:
    """The gender a mention marks: "he"/"she", or an honorific ("Mr. Trump", "Ms. Ebeling")."""
    if mention is None or not len(mention):
        return None
    first = mention[0].lower_.rstrip(".")
    return PRONOUN_GENDER.get(first) if len(mention) == 1 else HONORIFIC_GENDER.get(first)


WORD_BEFORE = re.compile(r"([A-Z][a-z]+)\s+\Z")  # a capitalised word and the space before a name
WORD_CHAR = re.compile(r"\w")
HONORIFIC_BEFORE_SURNAME = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+([A-Z][\w’'-]+)")


def honorific_genders(text: str) -> dict[str, Gender]:
    """The gender each surname has in an article by the honorifics before it ("Mrs. Clinton":
    Clinton, female), where the article gives the surname honorifics of one gender only."""
    seen: dict[str, set[Gender]] = {}
    for honorific, surname in HONORIFIC_BEFORE_SURNAME.findall(text):
        seen.setdefault(surname, set()).add(HONORIFIC_GENDER[honorific.lower()])
    return {surname: next(iter(genders)) for surname, genders in seen.items() if len(genders) == 1}


def given_name_genders(doc: Doc) -> dict[str, Gender]:
    """The gender each surname has in an article by the given name of the one person of that
    surname it names in full ("Bernie Sanders": Sanders, male); a surname of two bearers ("Bill
    Clinton" and "Hillary Clinton", "Chris Murphy" and "Marie Murphy") has none, even where one
    given name marks no gender."""
    bearers: dict[str, set[str]] = {}
    for entity in entities(doc):
        words = entity.text.split()
        if entity.label_ == "PERSON" and len(words) > 1 and words[0][:1].isupper() and words[-1][:1].isupper():
            bearers.setdefault(words[-1], set()).add(words[0])
    # the model labels one bearer and misses another ("Carly Fiorina's High-Stakes Battle" beside
    # "Frank Fiorina"): any listed given name written before the surname is a bearer too (the
    # surname looked up in the Doc's word index, not searched for through the whole text)
    text, names = doc_text(doc), load_given_names()
    for surname, given in bearers.items():
        for start in whole_word_occurrences(doc, surname):
            before = WORD_BEFORE.search(text, max(0, start - 64), start)
            whole = before is not None and (before.start() == 0 or not WORD_CHAR.match(text[before.start() - 1]))
            if whole and names.gender(before.group(1)) is not None:
                given.add(before.group(1))
    genders = {surname: gender_of_name(f"{next(iter(given))} {surname}")
               for surname, given in bearers.items() if len(given) == 1}
    return {surname: gender for surname, gender in genders.items() if gender is not None}


def honorifics_of(doc: Doc) -> dict[str, Gender]:
    """``honorific_genders`` of a Doc's text, found once per Doc."""
    return once(doc, "honorific genders", lambda: honorific_genders(doc_text(doc)))


def article_genders(doc: Doc) -> dict[str, Gender]:
    """The gender of each surname of a Doc, found once per Doc: its honorifics'
    (``honorific_genders``: "Mrs. Clinton" is female even where the article names Bill Clinton
    too), else its bearers' given names (``given_name_genders``)."""
    return once(doc, "surname genders", lambda: given_name_genders(doc) | honorifics_of(doc))


def name_gender(name: str, by_surname: dict[str, Gender]) -> Gender | None:
    """The gender a name marks (``gender_of_name``), else its surname's in the article."""
    return gender_of_name(name) or (by_surname.get(name.split()[-1]) if name.split() else None)


def agreeing_full_name(f: Found, full: str, names: list[str], by_surname: dict[str, Gender] | None = None
                       ) -> str | None:
    """Gender rule for surnames: "Mr. Trump" in an article that also names Ivana Trump is not
    Ivana Trump, "she" whose antecedent was "Ebeling" is not Tom Ebeling, and "he" is not the
    "Clinton" the article calls "Mrs. Clinton" (``honorific_genders``).  When the full name
    a surname went to (here or, for a pronoun, through its antecedent) marks the other gender
    than the statement's mention, the longest full name of that surname that agrees is taken
    instead; None when no one of the article agrees (the speaker is then unknown: a wrong name is
    worse than none)."""
    wanted = mention_gender(f.mention)
    by_surname = by_surname or {}
    if wanted is None or name_gender(full, by_surname) in {None, wanted}:
        return full
    surname = full.split()[-1]
    if f.mention is not None and len(f.mention) > 1:  # "Mr. Trump": the surname's bearer of that gender
        fitting = [n for n in names if len(n.split()) > 1 and n.split()[-1] == surname
                   and gender_of_name(n) in {None, wanted}]
        if fitting:
            # a given name of that gender ("Bill Clinton") before words that mark none ("Classic
            # Clinton", a phrase someone quoted), then the longest
            return max(fitting, key=lambda n: (gender_of_name(n) == wanted, len(n.split()), n))
    # a pronoun of the other gender than its antecedent's name was resolved wrongly: not another
    # bearer of the surname ("he" after "Clinton" is not thereby Bill Clinton), but the surname
    # alone when the article's honorifics give it the pronoun's gender ("Mrs. Fiorina": "she")
    return surname if by_surname.get(surname) == wanted else None
