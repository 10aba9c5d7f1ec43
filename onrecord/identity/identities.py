"""What the speaker registry holds: an ``Identity`` (what users see and pin) inside an ``Entry``
(what the registry keeps to match names to it), and how an identity's display name and id follow
from the names it was seen with, whatever their order."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from onrecord.identity.names import PersonName, parse_person, word_key
from onrecord.identity.titles import collective_slug, strip_determiner

ID_PREFIX = {"person": "person", "organization": "org", "group": "group", "unknown": "unknown", "role": "role"}
# Which type a collective keeps when one name arrives typed several ways: one identity per name.
COLLECTIVE_RANK = {"organization": 0, "group": 1, "unknown": 2}


@dataclass
class Identity:
    """One speaker across articles. ``roles`` are (role as stated, date or None), sorted."""

    id: str
    canonical_name: str
    type: str = "person"
    aliases: list[str] = field(default_factory=list)
    roles: list[tuple[str, str | None]] = field(default_factory=list)
    organization: str | None = None
    wikidata: str | None = None
    pinned: bool = False


@dataclass
class Entry:
    """An identity and what the registry keeps to match names to it."""

    identity: Identity
    kind: str  # "person", "collective" (organization, group, unknown) or "role"
    firsts: set[str] = field(default_factory=set)
    names: dict[str, PersonName] = field(default_factory=dict)  # alias → keys, for persons
    seen: Counter[str] = field(default_factory=Counter)  # alias → times resolved
    count: int = 0
    alive: bool = True
    organization_pinned: bool = False  # a pinned organisation is not replaced by what articles say
    scope: str | None = None  # a role's article (its tag): a title alone names someone there only


def best_name(entry: Entry) -> str:
    """The display name of an unpinned identity: for a person the fullest name, then the most
    frequent spelling of it; for others the most frequent name without its determiner."""
    names = [a for a in entry.seen if entry.seen[a] > 0] or list(entry.identity.aliases)
    if entry.kind != "person":
        names = [strip_determiner(a) or a for a in names]
        counts = Counter({n: 0 for n in names})
        for alias, times in entry.seen.items():
            counts[strip_determiner(alias) or alias] += times
        return min(counts, key=lambda n: (-counts[n], n.casefold(), n))
    return min(names, key=lambda n: (-len(n.split()), -entry.seen[n], n))


def id_key(entry: Entry) -> PersonName | None:
    """The keys a person's id is made from: a pin's canonical name, else the smallest key among
    the full names seen (surnames only when there are none)."""
    canonical = parse_person(entry.identity.canonical_name)
    if entry.identity.pinned and canonical is not None and canonical.first:
        return canonical
    keys = list(entry.names.values())
    full = [k for k in keys if k.first] or keys
    return min(full, key=lambda k: k.id) if full else canonical


def collective_id(entry: Entry) -> str:
    """The id of an organisation, group or role: its type's prefix and the smallest slug of its
    names (a pin's canonical name), a role's article tag after "@"."""
    ident = entry.identity
    prefix = "role" if entry.kind == "role" else ID_PREFIX.get(ident.type, "unknown")
    names = [ident.canonical_name] if ident.pinned else ident.aliases
    found = min((k for k in map(collective_slug, names) if k), default="")
    scope = f"@{entry.scope}" if entry.scope else ""
    return f"{prefix}:{found or slug(ident.canonical_name)}{scope}"


def scope_tag(scope: str | None) -> str | None:
    """A short, stable tag of an article (its id or its text) for the ids of its roles."""
    return hashlib.sha1(scope.encode("utf-8")).hexdigest()[:8] if scope else None


def slug(text: str) -> str:
    """Words as an id: their keys joined by "-"."""
    return "-".join(word_key(w) for w in text.split() if word_key(w)) or "unnamed"


def insert_sorted(items: list[Any], item: Any, key: Any = None) -> bool:
    """Add an item to a sorted list unless it is there; whether it was added."""
    if item in items:
        return False
    items.append(item)
    items.sort(key=key)
    return True


def pin_of(identity: Identity) -> dict[str, Any]:
    """An identity as an entry of the aliases file."""
    pin: dict[str, Any] = {"id": identity.id, "name": identity.canonical_name, "type": identity.type}
    aliases = [a for a in identity.aliases if a != identity.canonical_name]
    if aliases:
        pin["aliases"] = aliases
    if identity.organization:
        pin["organization"] = identity.organization
    if identity.wikidata:
        pin["wikidata"] = identity.wikidata
    if identity.roles:
        pin["roles"] = [{"role": r, "date": d} if d else {"role": r} for r, d in identity.roles]
    return pin
