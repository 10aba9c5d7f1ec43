"""Whose words: whether the speakers of two reports can be one speaker, for merging the reports
of one quote across articles.

Each article gets its ids from the pinned registry alone (``extraction.records``), so one person
can reach the ledger under several ids: "person:podoliak" from an article that names only the
surname, "person:m-podoliak" from one that names Mykhailo Podolyak.  Reports are therefore
compared by who their speaker is, not by the id string:

- *anyone*: an unnamed speaker (no id, an ``unknown:`` or ``role:`` id — "new prime minister",
  "Ukrainian leader" —, or type unknown or role) may be anybody: compatible with every speaker, and the
  reports that name the speaker name the quote;
- a *person*: by the registry's name key (``identity.names``), which folds transliteration
  ("Zelensky", "Zelenskyy", "Zelenskiy" are all ``zelenski``): the same surname key, or one
  spelled nearly alike, and first names that fit ("Mark" and none, not "Joe" and "Hunter");
- several *members* ("Trump and Putin said"): any of its members, or a group sharing one;
- anything else (organisations, groups): the same id.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

from onrecord.identity.names import SURNAME_SIMILARITY, PersonName, first_names_compatible, parse_person
from onrecord.identity.titles import split_title

UNNAMED_PREFIXES = ("unknown:", "role:")
UNNAMED_TYPES = ("unknown", "role")  # a title alone names nobody in particular


@dataclass(frozen=True)
class Who:
    """A report's speaker as compared: kind is 'anyone', 'person', 'members' or 'other'."""

    kind: str
    id: str | None = None
    name: PersonName | None = None
    members: tuple[PersonName, ...] = ()

    @property
    def named(self) -> bool:
        return self.kind != "anyone"


ANYONE = Who("anyone")


def who(speaker_id: str | None, name: str, type_: str, members: Iterable[str] = ()) -> Who:
    """The speaker of a report as clustering compares it."""
    parsed = tuple(p for p in (parse_person(m) for m in members) if p is not None)
    if parsed:
        return Who("members", speaker_id, None, parsed)
    if speaker_id is None or speaker_id.startswith(UNNAMED_PREFIXES) or type_ in UNNAMED_TYPES:
        return ANYONE
    if type_ == "person":
        _, bare = split_title(name)  # "President Zelenskiy": the title is no part of the name
        return Who("person", speaker_id, parse_person(bare or name))
    return Who("other", speaker_id)


def same_person(a: PersonName | None, b: PersonName | None) -> bool:
    """Rule: one person's names — surname keys equal or spelled nearly alike, first names that fit."""
    if a is None or b is None:
        return False
    surnames = a.surname == b.surname or fuzz.ratio(a.surname, b.surname) >= SURNAME_SIMILARITY
    return surnames and first_names_compatible(a.first, b.first)


def compatible(a: Who, b: Who) -> bool:
    """Rule: whether two reports' speakers can be one speaker (see the module's docstring)."""
    if not a.named or not b.named:
        return True
    if a.id is not None and a.id == b.id:
        return True
    if a.kind == "members" or b.kind == "members":
        left = a.members or ((a.name,) if a.name else ())
        right = b.members or ((b.name,) if b.name else ())
        return any(same_person(x, y) for x in left for y in right)
    if a.kind == "person" and b.kind == "person":
        return same_person(a.name, b.name)
    return False


def all_compatible(left: Iterable[Who], right: Iterable[Who]) -> bool:
    """Whether every speaker named on one side can be every speaker named on the other."""
    right = list(right)
    return all(compatible(x, y) for x in left for y in right)
