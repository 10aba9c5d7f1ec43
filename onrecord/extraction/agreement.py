"""Agreement of a pronoun with a candidate antecedent: its type (he/she a person, it an
organisation, they/we a group or an organisation) and, for he/she, the gender the candidate's
name marks (``genders``).  Shared by the pronoun rules (``pronouns``, ``sole_person``)."""

from __future__ import annotations

from onrecord.extraction.genders import name_gender
from onrecord.lexicons.given_names import PRONOUN_GENDER, Gender, load_given_names

Named = tuple[str, str]  # a candidate antecedent: (name, type)

# possessives too: the owner of an opinion ("In HIS opinion, …") is a speaker mention of one word
SINGULAR = {"he", "she", "him", "her", "his"}
FIRST_SINGULAR = {"i", "me"}
FIRST_PLURAL = {"we", "us"}
THING = {"it", "its"}
PLURAL = {"they", "them", "their"}
PRONOUNS = SINGULAR | FIRST_SINGULAR | FIRST_PLURAL | THING | PLURAL


def agrees(pronoun: str, speaker_type: str, name: str = "", by_surname: dict[str, Gender] | None = None) -> bool:
    """Agreement of a pronoun with a speaker's type, and of "he"/"she" with the gender the
    speaker's given name or honorific marks (``lexicons.given_names``: "he" is never Hillary
    Clinton), or the honorifics the article gives the surname (``by_surname``: "Mrs. Clinton");
    a name that marks none agrees with both."""
    word = pronoun.lower()
    if word in SINGULAR:
        wanted = PRONOUN_GENDER.get(word)
        marked = name_gender(name, by_surname or {}) if wanted is not None and name else None
        return speaker_type == "person" and (marked is None or marked == wanted)
    if word in THING:
        return speaker_type == "organization"
    if word in PLURAL | FIRST_PLURAL:
        return speaker_type in {"group", "organization"}
    return speaker_type == "person"


def lone_given_name_agrees(word: str, name: str) -> bool:
    """A listed given name alone ("James" in "James and Olive Meehan") marks its gender, which
    ``agrees`` leaves open for one word (it may be a surname): "she" is not James.  Only the
    last-resort rule reads it so: a one-word person there must read as a name anyway."""
    return " " in name or load_given_names().gender(name) in {None, PRONOUN_GENDER.get(word)}
