"""Person names as the speaker registry compares them: keys that ignore spelling variants.

A person's name becomes a *key*: honorifics dropped, accents removed, case folded and
transliteration variants collapsed (-yy/-iy/-y, x/ks, ph/f, kh/h, w/v, double letters), first
names reduced to a class ("Joe" = "Joseph", "Volodymyr" = "Vladimir"). A name is then the pair
(first-name class, surname key), :class:`PersonName`: "Volodymyr Zelenskyy" and "Zelensky" share
the surname key "zelenski". Two first names must agree (``first_names_compatible``) for two names
to be one person's.

The honorifics are here, not with the titles, because a name's key drops them: ``titles`` builds
on this module, never the other way round.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

# --- word lists ---------------------------------------------------------------------------------

# Forms of address a name may start with ("Mr. Putin"): no part of the name's key; ``split_title``
# reads them as a title.
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lord", "madam"})
NAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "la", "le", "da", "di", "du", "del",
                            "bin", "ibn", "al", "el", "ter", "ten", "dos", "das"})
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# First names that are one name in several spellings or as a nickname; the first of each group is
# the class the others fold into (written as keys, so it does not matter which is "right").
FIRST_NAME_GROUPS = [
    ["joseph", "joe"], ["william", "bill", "billy", "will"], ["robert", "bob", "bobby", "rob"],
    ["richard", "rick", "dick"], ["michael", "mike"], ["james", "jim", "jimmy"], ["donald", "don"],
    ["anthony", "antony", "tony"], ["elizabeth", "liz"], ["katherine", "kate", "catherine"],
    ["vladimir", "volodymyr", "wladimir"], ["aleksandr", "alexander", "oleksandr", "alexandr", "sasha"],
    ["aleksei", "alexei", "alexey", "oleksiy", "oleksii"], ["sergei", "sergey", "serhiy", "serhii", "sergiy"],
    ["andrei", "andrey", "andriy", "andrii"], ["dmitry", "dmitri", "dmytro"],
    ["mikhail", "mykhailo", "mykhaylo"], ["nikolai", "nikolay", "mykola"],
    ["yuri", "yuriy", "yurii", "iurii"],
    ["yevgeny", "evgeny", "yevgeniy", "yevhen", "evgeniy"], ["elena", "olena", "yelena"], ["igor", "ihor"],
    ["gennady", "hennadiy", "hennadii"], ["pyotr", "petr", "petro"], ["pavel", "pavlo"],
    ["anatoly", "anatoliy", "anatolii"], ["valery", "valeriy", "valerii"], ["vitaly", "vitaliy", "vitalii"],
    ["oleg", "oleh"], ["ekaterina", "yekaterina", "kateryna"], ["denis", "denys"], ["maria", "mariya"],
    ["charles", "chuck", "charlie"], ["thomas", "tom"], ["daniel", "dan"],
    ["christopher", "chris"], ["nicholas", "nick"], ["matthew", "matt"], ["steven", "stephen", "steve"],
]

# A surname this close (rapidfuzz ratio on keys) is a spelling of the same one, when its consonants
# are the same ones (``same_consonants``).
SURNAME_SIMILARITY = 90
# First names of different classes this close, with the same initial, are compatible ("Jon"/"John").
FIRST_NAME_SIMILARITY = 80


# --- keys: names as the registry compares them --------------------------------------------------

# Rewrites that collapse transliteration variants, applied in this order to one lowercased word.
_REWRITES = [
    (re.compile(r"kh"), "h"), (re.compile(r"ph"), "f"), (re.compile(r"(?<=.)x"), "ks"),
    (re.compile(r"ck"), "k"), (re.compile(r"c(?![eihy])"), "k"), (re.compile(r"w"), "v"),
    (re.compile(r"ou"), "u"), (re.compile(r"y"), "i"), (re.compile(r"ij$"), "i"),
    (re.compile(r"^ie"), "e"), (re.compile(r"(?<=[aeiou])h(?=[aeiou])"), "g"),
    (re.compile(r"(.)\1+"), r"\1"),
]
_LETTER_FOLDS = str.maketrans({"ß": "ss", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ı": "i", "đ": "d"})


def ascii_fold(text: str) -> str:
    """Accents removed ("Erdoğan" → "Erdogan"); letters of other scripts are kept."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTER_FOLDS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)  # a pure function of the word; names compare the same words again and again
def word_key(word: str) -> str:
    """One word as compared: folded, letters only, transliteration variants collapsed."""
    key = "".join(ch for ch in ascii_fold(word).casefold() if ch.isalnum())
    for pattern, replacement in _REWRITES:
        key = pattern.sub(replacement, key)
    return key


_NOT_CONSONANTS = re.compile(r"[aeiouyjwh-]")


def same_consonants(a: str, b: str) -> bool:
    """Two surname keys written with the same consonants, in order: transliterations differ in
    vowels and the letters that stand for them (y, i, j, ie; Podolyak/Podoliak, Zelensky/Zelenskyy)
    and write one Cyrillic letter as g or h (Sybiha/Sybiga); English surnames a letter apart differ
    in a consonant (McCaul/McFaul: a congressman's and an ambassador's words had been one
    person's)."""
    def skeleton(key: str) -> str:
        letters = _NOT_CONSONANTS.sub("", key.replace("g", "h"))
        return re.sub(r"(.)\1+", r"\1", letters)
    return skeleton(a) == skeleton(b)


_cached_key = lru_cache(maxsize=8192)(word_key)  # near_surname compares one word with many


def near_surname(a: str, b: str) -> bool:
    """Two surnames that are spellings of one (the registry's test, ``registry._near_surname``):
    keys of four letters or more, the same initial, the same consonants and a rapidfuzz ratio of
    ``SURNAME_SIMILARITY`` ("Giulini" for Giuliani, "Zelensky" for Zelenskyy; not McCaul/McFaul)."""
    ka, kb = _cached_key(a), _cached_key(b)
    return min(len(ka), len(kb)) >= 4 and ka[:1] == kb[:1] and same_consonants(ka, kb) \
        and fuzz.ratio(ka, kb) >= SURNAME_SIMILARITY


def _first_name_classes() -> dict[str, str]:
    classes: dict[str, str] = {}
    for group in FIRST_NAME_GROUPS:
        for name in group:
            classes[word_key(name)] = word_key(group[0])
    return classes


FIRST_NAME_CLASSES = _first_name_classes()


@dataclass(frozen=True)
class PersonName:
    """A person's name as keys: the first name's class (None when only a surname is given) and
    the surname's key (particles and suffixes included, joined by '-')."""

    first: str | None
    surname: str

    @property
    def key(self) -> str:
        return f"{self.first or ''}|{self.surname}"

    @property
    def id(self) -> str:
        return f"person:{self.first[0]}-{self.surname}" if self.first else f"person:{self.surname}"


def plain_word(word: str) -> str:
    """A word lowercased, without surrounding punctuation, dots or possessive ending."""
    word = word.strip("\"“”‘’'()[],;:").lower()
    for ending in ("'s", "’s", "s'", "s’"):
        if word.endswith(ending) and len(word) > len(ending):
            word = word[: -len(ending)] + ("s" if ending.startswith("s") else "")
            break
    return word.replace(".", "")


@lru_cache(maxsize=65536)  # pure; its PersonName is frozen, so one instance may be shared
def parse_person(name: str) -> PersonName | None:
    """The keys of a person's name ("Donald J. Trump" → donald | trump), or None if it has none."""
    words = [w for w in name.replace(",", " ").split() if word_key(w)]
    while words and plain_word(words[0]) in HONORIFICS:
        words = words[1:]
    suffix = []
    while len(words) > 1 and plain_word(words[-1]) in NAME_SUFFIXES:
        suffix.insert(0, word_key(words.pop()))
    if not words:
        return None
    start = len(words) - 1
    while start > 0 and plain_word(words[start - 1]) in NAME_PARTICLES:
        start -= 1
    surname = "-".join([word_key(w) for w in words[start:]] + suffix)
    first = None
    if start > 0:
        first_key = word_key(words[0])
        first = FIRST_NAME_CLASSES.get(first_key, first_key)
    return PersonName(first, surname)


def first_names_compatible(a: str | None, b: str | None) -> bool:
    """Whether two first-name classes can be one person's: either missing, an initial that fits,
    the same class, or a near-spelling with the same initial."""
    if not a or not b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return a == b or (a[0] == b[0] and fuzz.ratio(a, b) >= FIRST_NAME_SIMILARITY)

