"""Gender agreement of a speaker's name with the mention that names them: "Mr. Trump" is not Ivana
Trump, "she" is not Tom Ebeling.  The gender a name marks comes from its given name or honorific
(``lexicons.given_names``); a name that marks none agrees with every mention.  The pronoun rules
ask the same of an antecedent (``pronouns.agrees``).
"""

from __future__ import annotations

from spacy.tokens import Span

from onrecord.extraction.found import Found
from onrecord.lexicons.given_names import HONORIFIC_GENDER, PRONOUN_GENDER, Gender, gender_of_name


def mention_gender(mention: Span | None) -> Gender | None:
    """The gender a mention marks: "he"/"she", or an honorific ("Mr. Trump", "Ms. Ebeling")."""
    if mention is None or not len(mention):
        return None
    first = mention[0].lower_.rstrip(".")
    return PRONOUN_GENDER.get(first) if len(mention) == 1 else HONORIFIC_GENDER.get(first)


def agreeing_full_name(f: Found, full: str, names: list[str]) -> str:
    """Gender rule for surnames: "Mr. Trump" in an article that also names Ivana Trump is not
    Ivana Trump, and "she" whose antecedent was "Ebeling" is not Tom Ebeling.  When the full name
    a surname went to marks the other gender than the statement's mention, the longest full name
    of that surname that agrees is taken instead, else the surname stays alone."""
    wanted = mention_gender(f.mention)
    if wanted is None or full == f.speaker_name or gender_of_name(full) in {None, wanted}:
        return full
    surname = f.speaker_name.split()[-1:]
    fitting = [n for n in names if len(n.split()) > 1 and n.split()[-1:] == surname
               and gender_of_name(n) in {None, wanted}]
    return max(fitting, key=lambda n: (len(n.split()), n)) if fitting else f.speaker_name
