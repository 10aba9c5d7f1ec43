"""Speaker identities across articles: one stable id per person, organisation or group.

An article names its speakers as it pleases: "Zelenskyy", "Volodymyr Zelensky", "Ukraine's
President Volodymyr Zelenskiy", "the Ukrainian president". The registry maps every such mention
to one :class:`Identity` with an id that is the same across runs and articles.

How a name finds its identity (``SpeakerRegistry.resolve``):

1. ``titles.split_title`` separates the role from the name ("Russian President" / "Vladimir
   Putin"); a title alone ("the Russian president") is matched against the roles seen for names
   in the same article (``article_roles``), then against roles the registry recorded.
2. A person's name becomes a key, (first-name class, surname key), that ignores spelling variants
   (``names.parse_person``). Names are matched on it: pinned aliases first, then the surname,
   then rapidfuzz for near-spellings of the surname. First names, where both sides have one,
   must agree.
3. A bare surname goes to the one person with that surname; with two ("Joe Biden", "Hunter
   Biden") it is ambiguous and stays apart, unless one of them is pinned.
4. One identity per person, typed right (``hygiene``): a mention that names no one ("I",
   "Kyiv", "5:17 p.m.", "the plan") gets no identity (``refusal``); a country is an organisation,
   a list of names a group, a person's full name typed as an organisation the person; one
   collective name is one identity whatever type it arrived with. A title no name is found for
   is an identity of type "role", kept to its article ("role:president@<article tag>"), and so
   is a group or body named by common nouns alone ("the campaign"): two articles' are never one.

Ids are derived from the key, never from the order names arrive: "person:v-zelenski" for every
spelling of Volodymyr Zelensky, "org:kremlin" for "the Kremlin". The one order effect left is a
bare surname seen before any full name: it gets "person:zelenski" until the full name arrives,
then joins it; ``canonical_id`` maps the old id to the new one (so a batch that resolves every
name first and reads ids afterwards gets the same ids in any order). Ids are keys, not spellings
("person:e-makron" is Emmanuel Macron). Two people with one key (Joe and Jill Biden are both
"j-biden") are told apart by the whole first name for whichever comes second ("person:jil-biden"),
an order effect that pinning one of them removes.

Users pin identities in a YAML file (see ``lexicons/data/aliases.yaml`` for the format); a pin fixes the
canonical name, aliases, organisation and an optional Wikidata QID, and wins over fuzzy matching.
``SpeakerRegistry.dump`` writes the same format back, so a learned registry can be edited and
pinned.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz, process

from onrecord.errors import AliasesError
from onrecord.identity.hygiene import collective_type, looks_like_person, person_type, refusal, title_phrase
from onrecord.identity.identities import (
    COLLECTIVE_RANK,
    Entry,
    Identity,
    best_name,
    collective_id,
    id_key,
    insert_sorted,
    pin_of,
    scope_tag,
    slug,
)
from onrecord.identity.names import (
    HONORIFICS,
    SURNAME_SIMILARITY,
    PersonName,
    first_names_compatible,
    parse_person,
    same_consonants,
)
from onrecord.identity.titles import (
    clean_name,
    collective_key,
    is_generic,
    match_role,
    organization_of,
    role_tokens,
    split_title,
    strip_determiner,
    title_word,
)
from onrecord.lexicons.aliases import SPEAKER_TYPES, read_pins
from onrecord.model.statement import Speaker

BUNDLED = "aliases.yaml"
TYPES = SPEAKER_TYPES


# --- the registry -------------------------------------------------------------------------------


class SpeakerRegistry:
    """People, organisations and groups across articles, each with a stable id."""

    def __init__(self) -> None:
        self._entries: list[Entry] = []
        self._ids: dict[str, Entry] = {}  # every id ever given → its entry now
        self._pinned_person: dict[str, Entry] = {}  # PersonName.key of a pinned alias
        self._learned_person: dict[str, Entry] = {}  # PersonName.key of a full name seen
        self._by_surname: dict[str, list[Entry]] = {}
        self._pinned_collective: dict[str, Entry] = {}  # collective_key, any type
        self._learned_collective: dict[tuple[str, str], Entry] = {}  # (type, collective_key)
        self._roles: dict[frozenset[str], list[tuple[Entry, str | None]]] = {}
        self.scope: str | None = None  # the article of roles resolved without a scope of their own

    # --- loading and saving ---------------------------------------------------------------------

    @classmethod
    def load(cls, path: str | Path | None = None, *, defaults: bool = True) -> SpeakerRegistry:
        """The bundled pins (unless ``defaults`` is False) and then the user's file, whose pins
        win where both name the same identity."""
        registry = cls()
        if defaults:
            text = resources.files("onrecord.lexicons.data").joinpath(BUNDLED).read_text(encoding="utf-8")
            registry.load_pins(text, source=BUNDLED)
        if path is not None:
            path = Path(path)
            if not path.is_file():
                raise AliasesError(f"{path}: no such aliases file")
            registry.load_pins(path.read_text(encoding="utf-8"), source=str(path))
        return registry

    def load_pins(self, text: str, source: str = "aliases.yaml") -> None:
        """Pin every identity of an aliases file's text; AliasesError names the line of a fault."""
        for pin in read_pins(text, source):
            self.pin(**pin)

    def dump(self, path: str | Path) -> None:
        """Write every identity as an aliases file that ``load`` reads back (ids kept). Titles
        no name was found for ("role:president") are left out: they name no one to pin."""
        entries = sorted((e for e in self._live() if e.kind != "role"), key=lambda e: e.identity.id)
        data = {"version": 1, "identities": [pin_of(e.identity) for e in entries]}
        header = "# Speaker identities (OnRecord aliases file). Edit and load it to pin them.\n"
        body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
        Path(path).write_text(header + body, encoding="utf-8")

    # --- pinning --------------------------------------------------------------------------------

    def pin(self, name: str, type: str = "person", aliases: Iterable[str] = (),
            organization: str | None = None, wikidata: str | None = None,
            roles: Iterable[tuple[str, str | None]] = (), id: str | None = None) -> Identity:
        """Fix an identity: its canonical name, aliases, organisation, QID. A pin that names an
        identity already known (by id, name or alias) updates it, the new canonical name winning."""
        names = [name, *aliases]
        entry = self._pinned_match(names, type, id) or self._learned_match(names, type)
        if entry is None:
            kind = "person" if type == "person" else "collective"
            entry = self._new_entry(Identity("", name, type, pinned=True), kind)
        ident = entry.identity
        ident.pinned, ident.canonical_name, ident.type = True, name, type
        if organization:
            ident.organization, entry.organization_pinned = organization, True
        ident.wikidata = wikidata or ident.wikidata
        for alias in names:
            self._add_alias(entry, alias, pinned=True)
        for role, date in roles:
            self._add_role(entry, role, date)
        self._set_id(entry, id or ident.id or self._computed_id(entry))
        return ident

    def _pinned_match(self, names: list[str], type: str, id: str | None) -> Entry | None:
        if id and id in self._ids:
            return self._ids[id]
        for alias in names:
            if type == "person":
                parsed = parse_person(alias)
                hit = self._pinned_person.get(parsed.key) if parsed else None
            else:
                hit = self._pinned_collective.get(collective_key(alias))
            if hit is not None:
                return hit
        return None

    def _learned_match(self, names: list[str], type: str) -> Entry | None:
        for alias in names:
            if type == "person":
                parsed = parse_person(alias)
                hit = self._learned_person.get(parsed.key) if parsed and parsed.first else None
            else:
                hit = self._learned_collective.get(("collective", collective_key(alias)))
            if hit is not None:
                return hit
        return None

    # --- resolving ------------------------------------------------------------------------------

    def resolve(self, name: str, type: str = "person", role: str | None = None,
                article_roles: dict[str, str] | None = None, date: str | None = None,
                scope: str | None = None) -> Identity:
        """The identity a mention names. ``name`` may carry its title ("Ukraine's President
        Volodymyr Zelensky") or be a title alone ("the Russian president"), which is matched
        against ``article_roles`` (role as written in the same article → name; an organisation
        may map to itself, so that "the ministry" finds it); ``role`` and ``date`` are recorded on
        the identity. A title that names no one found gets an identity of type "role" of its own,
        kept to its article: ``scope`` (the article's id or text) is part of its id, so that "the
        president" of one article is never merged with another article's."""
        title, bare = split_title(name)
        if type == "person" and title_phrase(name):
            title, bare = name, None  # "Adviser to the Head of the Office": one title, no name
        if type == "role" or (type == "person" and bare is None):
            if bare is not None and not bare[:1].isupper():
                title = name  # "intelligence source": a description, no name after a title
            found = self.resolve_title(title or name, article_roles, date, scope)
            return found if found is not None else self._resolve_role(title or name, date, scope)
        if type == "person" and bare is not None:
            type, bare = person_type(bare)
            if type == "organization":  # a country: "Ukraine", not "President of Ukraine"
                return self._resolve_collective(bare, type, article_roles, date, role, scope)
        if type != "person":
            return self._resolve_collective(name, type, article_roles, date, role, scope)
        role = role or (title if title and title_word(title.split()[-1]) not in HONORIFICS else None)
        return self._resolve_person(bare or name, role, date)

    def refusal(self, name: str, type: str = "person", article_roles: dict[str, str] | None = None) -> str | None:
        """Why a speaker's name is no identity at all (``hygiene.refusal``: "I", "Kyiv", "5:17
        p.m.", "the plan"); None when it names someone. A single word that is the surname of a
        person the registry knows by a full name is that person ("May" after "Theresa May")."""
        problem = refusal(name, type, article_roles)
        parsed = parse_person(name) if problem and len(name.split()) == 1 else None
        if parsed is not None and (self._has_full_names(parsed.surname) or parsed.key in self._pinned_person):
            return None
        return problem

    def resolve_title(self, text: str, article_roles: dict[str, str] | None = None,
                      date: str | None = None, scope: str | None = None) -> Identity | None:
        """The person a title alone names ("the Russian president"), by the role seen for a name
        in the same article, else by a role the registry recorded; None if neither tells."""
        wanted = role_tokens(text)
        if not wanted:
            return None
        match = match_role(wanted, article_roles or {})
        named = split_title(match[1])[1] or match[1] if match is not None else ""
        if match is not None and person_type(named)[0] == "person" and refusal(named) is None:
            # the article's name for the role, if it is one person's ("President Biden, France and
            # Germany" names several, and the title alone stays a role)
            stated_role, person = match
            return self.resolve(person, "person", role=stated_role, date=date, scope=scope)
        entry = self._recorded_role(wanted, date)
        return entry.identity if entry is not None else None

    def _resolve_person(self, name: str, role: str | None, date: str | None) -> Identity:
        pinned_org = self._pinned_collective.get(collective_key(name))
        parsed = parse_person(name)
        if pinned_org is not None or parsed is None:
            # a pinned organisation typed as a person ("Kremlin"), or no name at all
            return self._resolve_collective(name, "unknown", None, date, role)
        entry = self._find_person(parsed) or self._new_entry(Identity("", name, "person"), "person")
        self._add_alias(entry, name)
        if parsed.first:
            self._absorb_bare(entry, parsed.surname)
            self._absorb_collective(entry, name)
        if role:
            self._add_role(entry, role, date)
        self._refresh(entry)
        return entry.identity

    def _find_person(self, parsed: PersonName) -> Entry | None:
        hit = self._pinned_person.get(parsed.key)
        if hit is None and parsed.first:
            hit = self._learned_person.get(parsed.key)
        if hit is not None:
            return hit
        same = [e for e in self._by_surname.get(parsed.surname, []) if self._fits(e, parsed)]
        return self._choose(parsed, same or self._near_surname(parsed))

    def _has_full_names(self, surname: str) -> bool:
        return any(e.alive and e.firsts for e in self._by_surname.get(surname, []))

    def _fits(self, entry: Entry, parsed: PersonName) -> bool:
        return entry.alive and all(first_names_compatible(parsed.first, f) for f in entry.firsts)

    def _near_surname(self, parsed: PersonName) -> list[Entry]:
        """People whose surname is a near-spelling of this one (rapidfuzz; same initial, consonants)."""
        key = parsed.surname
        if len(key) < 4:
            return []
        surnames = [s for s in self._by_surname if s[:1] == key[:1] and s != key and same_consonants(s, key)]
        close = process.extract(key, surnames, scorer=fuzz.ratio, score_cutoff=SURNAME_SIMILARITY, limit=None)
        return list({id(e): e for s, _, _ in close for e in self._by_surname[s] if self._fits(e, parsed)}.values())

    def _choose(self, parsed: PersonName, candidates: list[Entry]) -> Entry | None:
        """The one candidate a name belongs to, or None for a new identity."""
        full = [e for e in candidates if e.firsts]
        bare = [e for e in candidates if not e.firsts]
        if not full:
            if not bare or (parsed.first and self._has_full_names(parsed.surname)):
                # "Jill Biden" does not take over a bare "Biden" that Joe and Hunter left ambiguous
                return None
            return min(bare, key=lambda e: e.identity.id)
        pool = [e for e in full if parsed.first in e.firsts] or full
        if len(pool) == 1:
            return pool[0]
        pinned = [e for e in pool if e.identity.pinned]
        if len(pinned) == 1:
            return pinned[0]
        if parsed.first:
            return min(pool, key=lambda e: e.identity.id)
        # a bare surname shared by several people: wherever it went before, else its own identity
        before = self._ids.get(parsed.id)
        return before if before is not None and before.alive else None

    def _absorb_bare(self, entry: Entry, surname: str) -> None:
        """A full name joins the surname-only identity seen before it, when it is the only person
        with that surname: "Zelensky" then "Volodymyr Zelensky" is one person."""
        people = [e for e in self._by_surname.get(surname, []) if e.alive]
        full = [e for e in people if e.firsts or e is entry]
        if full != [entry]:
            return
        for other in people:
            if other is not entry and not other.identity.pinned:
                self._merge(other, entry)

    def _absorb_collective(self, entry: Entry, name: str) -> None:
        """One identity per person: a full name seen typed as an organisation or group before
        ("Oleksiy Danilov", which the small model calls ORG) joins the person."""
        for key in [k for k in self._learned_collective if k[0] != "role" and k[1] == collective_key(name)]:
            other = self._learned_collective[key]
            if other is not entry and other.alive and not other.identity.pinned:
                self._merge(other, entry)

    def _known_person(self, name: str) -> PersonName | None:
        """The keys of a name that is a person's the registry knows by this full name (pinned,
        or seen typed as a person), else None."""
        parsed = parse_person(name)
        if parsed is None or not parsed.first or len(name.split()) < 2:
            return None
        hit = self._pinned_person.get(parsed.key) or self._learned_person.get(parsed.key)
        return parsed if hit is not None and hit.alive else None

    def _merge(self, source: Entry, target: Entry) -> None:
        for alias, times in source.seen.items():
            self._add_alias(target, alias, times=times)
        for role, date in source.identity.roles:
            self._add_role(target, role, date)
        target.count += source.count
        target.identity.organization = target.identity.organization or source.identity.organization
        target.identity.wikidata = target.identity.wikidata or source.identity.wikidata
        source.alive = False
        for known_id, known in list(self._ids.items()):
            if known is source:
                self._ids[known_id] = target
        for key, known in list(self._learned_collective.items()):
            if known is source:
                del self._learned_collective[key]
        for surname, people in self._by_surname.items():
            self._by_surname[surname] = [p for p in people if p is not source]

    def _resolve_collective(self, name: str, type: str, article_roles: dict[str, str] | None,
                            date: str | None, role: str | None, scope: str | None = None) -> Identity:
        if is_generic(name) and article_roles:
            # "the ministry" after "Russian Foreign Ministry" in the same article: that ministry;
            # never a person ("people close to the vice president" are not the vice president)
            match = match_role(role_tokens(name), article_roles)
            if match is not None and not self._names_a_person(match[1]):
                return self._resolve_collective(match[1], type, None, date, role)
        if self._names_a_person(name):  # a person's name the model typed ORG ("Volodymyr Zelenskyy")
            return self._resolve_person(clean_name(strip_determiner(name)), role, date)
        type = collective_type(name, type)
        if is_generic(name) and not self._pinned_collective.get(collective_key(name)):
            return self._resolve_local_group(name, scope, type)  # "the campaign": this article's
        key = collective_key(name) or slug(name)
        entry = self._pinned_collective.get(key) or self._learned_collective.get(("collective", key))
        if entry is None:
            entry = self._new_entry(Identity("", strip_determiner(name) or name, type), "collective")
        elif not entry.identity.pinned and COLLECTIVE_RANK.get(type, 2) < COLLECTIVE_RANK.get(entry.identity.type, 2):
            entry.identity.type = type  # "the European Union" typed group, then organisation: one identity
        self._add_alias(entry, name)
        if role:
            self._add_role(entry, role, date)
        self._refresh(entry)
        return entry.identity

    def _names_a_person(self, name: str) -> bool:
        """A person's name, not a pinned body's: one identity per person."""
        person = clean_name(strip_determiner(name))
        return (self._known_person(person) is not None or looks_like_person(person)) \
            and not self._pinned_collective.get(collective_key(name))

    def _article_entry(self, kind: str, name: str, scope: str | None) -> Entry:
        """The identity of ``kind`` ("role", "group" or "organization") that ``name`` has in one
        article (``scope``; else the registry's current one): its id carries the article's tag, so
        that two articles' "the president" or "the presidents" are never one identity."""
        tag = scope_tag(scope if scope is not None else self.scope)
        words = collective_key(name) or slug(name)
        key = f"{words}@{tag}" if tag else words
        entry = self._learned_collective.get((kind, key))
        if entry is None:
            entry = self._new_entry(Identity("", strip_determiner(name) or name, kind), "role" if kind == "role"
                                    else "collective")
            entry.scope = tag
            self._learned_collective[(kind, key)] = entry
        return entry

    def _resolve_local_group(self, name: str, scope: str | None, type: str = "group") -> Identity:
        """Local group rule: a group named by a common noun alone ("the presidents", "both sides",
        "analysts", "the parties") is the people one article means by it; another article's "the
        presidents" are other people, so the identity is kept to its article, as a role is.  So is
        a body named by a common noun alone ("the campaign", "the company", "a new poll"): his
        campaign in one article, hers in the next."""
        entry = self._article_entry(type, name, scope)
        self._add_alias(entry, name)
        self._refresh(entry)
        return entry.identity

    def _resolve_role(self, title: str, date: str | None, scope: str | None) -> Identity:
        """Role rule: a title no name could be found for is an identity of type "role" of its own,
        keyed by the role and its article (``scope``): two articles' "the president" may be two
        people, so they are never one identity."""
        entry = self._article_entry("role", title, scope)
        entry.seen[title] += 1
        insert_sorted(entry.identity.aliases, title)
        self._refresh(entry)
        return entry.identity

    def _recorded_role(self, wanted: frozenset[str], date: str | None) -> Entry | None:
        """A person the registry saw in this role: the only one, or the latest before ``date``.
        Only qualified roles ("Russian president", not "president") are trusted across articles."""
        if len(wanted) < 2:
            return None
        holders = [(e, d) for e, d in self._roles.get(wanted, []) if e.alive]
        people = {id(e): e for e, _ in holders}
        if len(people) == 1:
            return holders[0][0]
        dated = [(d, e.identity.id, e) for e, d in holders if d and date and d <= date]
        return max(dated)[2] if dated else None

    # --- bookkeeping ----------------------------------------------------------------------------

    def record(self, identity: Identity | str, role: str | None = None, date: str | None = None) -> None:
        """Count one statement for an identity (or its id), and note the role it was said in."""
        entry = self._entry(identity)
        entry.count += 1
        if role:
            self._add_role(entry, role, date)

    def count(self, identity_id: str) -> int:
        """Statements recorded for an identity, by its id (an earlier id of it works too)."""
        entry = self._ids.get(identity_id)
        return entry.count if entry is not None else 0

    def identify(self, speaker: Speaker, article_roles: dict[str, str] | None = None,
                 date: str | None = None, role: str | None = None, scope: str | None = None) -> Identity | None:
        """Resolve a statement's speaker, set ``speaker.id`` and count the statement. A name that
        names no one (``refusal``: "I", "Kyiv", "5:17 p.m.") gets no identity: None, no id."""
        if not speaker.name.strip():
            return None
        kind = speaker.type if speaker.type in TYPES and speaker.type != "unknown" else "person"
        kind = "role" if speaker.type == "role" else kind  # a title extraction found no name for
        if self.refusal(speaker.name, kind, article_roles) is not None:
            speaker.id = None
            return None
        ident = self.resolve(speaker.name, kind, role=role, article_roles=article_roles, date=date, scope=scope)
        speaker.id = ident.id
        self.record(ident)
        return ident

    def pinned_person(self, name: str) -> Identity | None:
        """The pinned person a name is an alias or spelling variant of, if any."""
        parsed = parse_person(name)
        entry = self._pinned_person.get(parsed.key) if parsed else None
        return entry.identity if entry is not None else None

    def role_holders(self, role: str) -> list[tuple[Identity, str | None]]:
        """Every living identity recorded in ``role`` (as its words are compared), with the date."""
        return [(e.identity, d) for e, d in self._roles.get(role_tokens(role), []) if e.alive]

    def canonical_id(self, identity_id: str) -> str:
        """The current id of an identity given any id it ever had (ids change only when a bare
        surname's identity joins the full name that arrived later)."""
        entry = self._ids.get(identity_id)
        return entry.identity.id if entry is not None else identity_id

    def get(self, identity_id: str) -> Identity | None:
        entry = self._ids.get(identity_id)
        return entry.identity if entry is not None else None

    def __iter__(self) -> Iterator[Identity]:
        return (e.identity for e in sorted(self._live(), key=lambda e: e.identity.id))

    def __len__(self) -> int:
        return sum(1 for _ in self._live())

    def to_rows(self) -> list[dict[str, Any]]:
        """One row per identity for a table, most statements first."""
        rows = [{
            "id": e.identity.id,
            "name": e.identity.canonical_name,
            "type": e.identity.type,
            "aliases": "; ".join(a for a in e.identity.aliases if a != e.identity.canonical_name),
            "roles": "; ".join(f"{r} ({d})" if d else r for r, d in e.identity.roles),
            "organization": e.identity.organization or "",
            "wikidata": e.identity.wikidata or "",
            "statements": e.count,
        } for e in self._live()]
        return sorted(rows, key=lambda r: (-r["statements"], r["name"].casefold(), r["id"]))

    # --- internals ------------------------------------------------------------------------------

    def _live(self) -> Iterator[Entry]:
        return (e for e in self._entries if e.alive)

    def _entry(self, identity: Identity | str) -> Entry:
        identity_id = identity if isinstance(identity, str) else identity.id
        entry = self._ids.get(identity_id)
        if entry is None:
            raise KeyError(f"no identity {identity_id!r} in the registry")
        return entry

    def _new_entry(self, identity: Identity, kind: str) -> Entry:
        entry = Entry(identity, kind)
        self._entries.append(entry)
        return entry

    def _add_alias(self, entry: Entry, alias: str, pinned: bool = False, times: int = 1) -> None:
        alias = clean_name(alias)
        if not alias:
            return
        entry.seen[alias] += 0 if pinned else times
        insert_sorted(entry.identity.aliases, alias)
        if entry.kind == "person":
            self._index_person(entry, alias, pinned)
        elif entry.kind == "collective":
            key = collective_key(alias)
            if pinned:
                self._pinned_collective[key] = entry
            else:
                self._learned_collective.setdefault(("collective", key), entry)

    def _index_person(self, entry: Entry, alias: str, pinned: bool) -> None:
        parsed = parse_person(alias)
        if parsed is None:
            return
        entry.names[alias] = parsed
        if parsed.first:
            entry.firsts.add(parsed.first)
        if pinned:
            self._pinned_person[parsed.key] = entry
        elif parsed.first:
            self._learned_person.setdefault(parsed.key, entry)
        people = self._by_surname.setdefault(parsed.surname, [])
        if entry not in people:
            people.append(entry)

    def _add_role(self, entry: Entry, role: str, date: str | None) -> None:
        role = " ".join(role.split()).strip(" ,")
        if not role:
            return
        if not insert_sorted(entry.identity.roles, (role, date), key=lambda r: (r[1] or "", r[0])):
            return
        self._roles.setdefault(role_tokens(role), []).append((entry, date))
        # the organisation of the latest role: people move ("Foreign Minister" → "Prime Minister")
        org = organization_of(role)
        latest = max(entry.identity.roles, key=lambda r: r[1] or "")
        if org and not entry.organization_pinned and (role, date) == latest:
            entry.identity.organization = org

    def _refresh(self, entry: Entry) -> None:
        """Recompute an unpinned identity's id and canonical name from the names it has."""
        if entry.identity.pinned:
            return
        entry.identity.canonical_name = best_name(entry)
        self._set_id(entry, self._computed_id(entry))

    def _computed_id(self, entry: Entry) -> str:
        """An id from the names alone, whatever order they came in: a pin's canonical name, else
        the smallest key among the full names seen (surnames only when there are none)."""
        if entry.kind == "person":
            key = id_key(entry)
            if key is not None:
                return self._free_id(entry, key)
        return collective_id(entry)

    def _free_id(self, entry: Entry, key: PersonName) -> str:
        """The key's id, or, where another person holds it (Joe and Jill Biden are both
        "j-biden"), one with the whole first name."""
        candidates = [key.id, f"person:{key.first}-{key.surname}"] if key.first else [key.id]
        for candidate in candidates:
            holder = self._ids.get(candidate)
            if holder is None or holder is entry or not holder.alive:
                return candidate
        n = 2
        while (holder := self._ids.get(f"{candidates[-1]}-{n}")) not in (None, entry):
            n += 1
        return f"{candidates[-1]}-{n}"

    def _set_id(self, entry: Entry, new_id: str) -> None:
        entry.identity.id = new_id
        self._ids[new_id] = entry


# --- the pinned registry ------------------------------------------------------------------------


@cache
def pinned_registry(aliases_path: str | None = None) -> SpeakerRegistry:
    """The bundled pins and a user's aliases file, loaded once per process and file (read only:
    copy it before resolving)."""
    return SpeakerRegistry.load(aliases_path)
