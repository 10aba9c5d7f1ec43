"""Given names and the gender they mark (``data/given_names.yaml``), for the pronoun rules and
honorifics: "he" is never a person the article calls Hillary, "Mr. Trump" never Ivana Trump.

A name used for both genders is not listed, and a name not listed says nothing: the rules then
decide as they would without it.  Names are kept folded (``not_names.fold``: lowercased, without
accents).  The file's format is the pydantic model ``GivenNamesFile``; every error names the file
and the line.  Under it, ``data/given_names_census.tsv``: the common given names of the 1990 US
Census that say one gender and are seldom a surname (``scripts/census_given_names.py``), for the
many people the curated list does not know ("Rhonda", "Tyrone"); where the two lists differ,
the curated one wins, and a name it leaves out for both genders ("Jordan", "Kim") is left out of
the census list by that script.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

from pydantic import ConfigDict, ValidationInfo, field_validator, model_validator

from onrecord.errors import LexiconError
from onrecord.lexicons.not_names import fold
from onrecord.lexicons.yaml_models import Words, YamlModel, key_of, listed_once, read_yaml

SOURCE = "given_names.yaml"
CENSUS_SOURCE = "given_names_census.tsv"
Gender = Literal["female", "male"]
# honorifics that say the gender of whom they precede ("Mr. Trump", "Mrs. Clinton")
HONORIFIC_GENDER: dict[str, Gender] = {
    "mr": "male", "mister": "male", "sir": "male", "mrs": "female", "ms": "female", "miss": "female",
    "madam": "female", "madame": "female", "lady": "female",
}
PRONOUN_GENDER: dict[str, Gender] = {"he": "male", "him": "male", "his": "male",
                                     "she": "female", "her": "female", "hers": "female"}
# nouns of a description that say the gender of whom it describes ("the former first lady")
NOUN_GENDER: dict[str, Gender] = {
    **dict.fromkeys(("lady", "woman", "wife", "mother", "sister", "daughter", "girl", "queen", "widow",
                     "grandmother", "congresswoman", "chairwoman", "spokeswoman", "businesswoman",
                     "councilwoman", "stateswoman", "princess", "duchess", "actress", "waitress"), "female"),
    **dict.fromkeys(("man", "husband", "father", "brother", "son", "boy", "king", "widower", "grandfather",
                     "congressman", "chairman", "spokesman", "businessman", "councilman", "statesman",
                     "prince", "duke", "actor"), "male"),
}


@dataclass(frozen=True)
class GivenNames:
    """The folded given names of each gender."""

    female: frozenset[str]
    male: frozenset[str]

    def gender(self, given: str) -> Gender | None:
        """The gender a given name marks, or None (not listed)."""
        word = fold(given)
        if word in self.female:
            return "female"
        if word in self.male:
            return "male"
        return None


class GivenNamesFile(YamlModel):
    """The file: two non-empty lists, each name once and in one list only."""

    model_config = ConfigDict(title="the given-names file")
    version: Any = None
    female: Words
    male: Words

    @field_validator("female", "male")
    @classmethod
    def _listed_once(cls, words: list[str], info: ValidationInfo) -> list[str]:
        return listed_once(words, key_of(cls, info), ignore_case=True)

    @model_validator(mode="after")
    def _one_gender_each(self) -> GivenNamesFile:
        both = {fold(w) for w in self.female} & {fold(w) for w in self.male}
        if both:
            raise ValueError(f"names listed as both female and male: {', '.join(sorted(both))}")
        return self


def parse_given_names(text: str, source: str = SOURCE) -> GivenNames:
    """GivenNames from YAML text; a LexiconError naming the line of the first problem."""
    file = read_yaml(text, source, LexiconError).validate(GivenNamesFile)
    return GivenNames(frozenset(fold(w) for w in file.female), frozenset(fold(w) for w in file.male))


def parse_census_names(text: str, source: str = CENSUS_SOURCE) -> dict[str, Gender]:
    """Folded name → gender from the census TSV (``name<TAB>female|male``, "#" comments); a
    LexiconError naming the line of a malformed one."""
    out: dict[str, Gender] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or parts[1] not in ("female", "male") or not parts[0].strip():
            raise LexiconError(f"{source}, line {number}: expected 'name<TAB>female|male', got {line!r}")
        out[fold(parts[0].strip())] = "female" if parts[1] == "female" else "male"
    return out


def with_census(curated: GivenNames, census: dict[str, Gender]) -> GivenNames:
    """The curated lists with the census names they do not hold, under either gender."""
    known = curated.female | curated.male
    extra = {name: gender for name, gender in census.items() if name not in known}
    return GivenNames(curated.female | {n for n, g in extra.items() if g == "female"},
                      curated.male | {n for n, g in extra.items() if g == "male"})


@cache
def load_given_names() -> GivenNames:
    """The packaged lists, parsed once: the curated file, then the census names it lacks."""
    data = resources.files("onrecord.lexicons.data")
    curated = parse_given_names(data.joinpath(SOURCE).read_text(encoding="utf-8"))
    return with_census(curated, parse_census_names(data.joinpath(CENSUS_SOURCE).read_text(encoding="utf-8")))


def gender_of_name(name: str) -> Gender | None:
    """The gender a person's name marks by its first word that is a listed given name ("Hillary
    Rodham Clinton": female; "Donald J. Trump": male), by an honorific it opens with ("Mr.
    Trump"), or, for a description, by its nouns ("former first lady"); None when none says."""
    words = name.replace(".", " ").split()
    if words and (honorific := HONORIFIC_GENDER.get(words[0].lower())) is not None:
        return honorific
    if name.islower():  # a description: "former first lady", "the congressman"
        marked = {NOUN_GENDER[w] for w in words if w in NOUN_GENDER}
        return next(iter(marked)) if len(marked) == 1 else None
    names = load_given_names()
    for word in words[:-1]:  # a surname alone ("Clinton") marks nothing
        gender = names.gender(word)
        if gender is not None:
            return gender
    return None
