"""The last stage: what was found becomes ``Statement`` records with speaker ids.

``onrecord_records`` turns each ``Found`` into a ``Statement`` (offsets index ``doc.text``), gives
every named speaker an id from the pinned identities (``identify_speakers``), writes the records
as plain dicts (``doc._.records``) and drops the spaCy objects, so that docs cross process
boundaries (``nlp.pipe(n_process=…)``).
"""

from __future__ import annotations

import pickle
from collections.abc import Iterable

from spacy.tokens import Doc

from onrecord.extraction.context.dates import parse_day
from onrecord.extraction.docindex import doc_text, drop_index, entities
from onrecord.extraction.extensions import drop_objects
from onrecord.extraction.found import Found
from onrecord.extraction.mentions import noun_phrase
from onrecord.extraction.official_titles import title_cut_by_parse
from onrecord.extraction.speakers import known_person, name_tokens
from onrecord.identity.names import HONORIFICS, first_names_compatible, parse_person
from onrecord.identity.registry import SpeakerRegistry
from onrecord.identity.titles import split_title, stated_title, title_in_case, titled_pairs
from onrecord.lexicons.title_words import TITLE_QUALIFIERS
from onrecord.model.statement import Cue, Mention, Quote, Speaker, Statement


def article_registry(pinned: SpeakerRegistry) -> SpeakerRegistry:
    """A registry with the pinned identities only: a speaker's id then depends on the name alone,
    so it is the same in every run and every article (the corpus-wide registry of the
    ``speakers`` command merges what rules and fuzzy matching find on top of it)."""
    # a pickle round trip is the same deep copy (shared entries stay shared) at a third of
    # ``copy.deepcopy``'s cost, which dispatched every string of every pinned identity; the pinned
    # registry is read only, so its bytes are made once per process and only loaded per article
    kept = _PICKLED.get(id(pinned))
    if kept is None or kept[0] is not pinned:
        kept = _PICKLED[id(pinned)] = (pinned, pickle.dumps(pinned, protocol=pickle.HIGHEST_PROTOCOL))
    return pickle.loads(kept[1])  # type: ignore[no-any-return]  # noqa: S301  (our own bytes)


# the pinned registries' bytes, by id (with the registry itself, so that a reused id is not taken)
_PICKLED: dict[int, tuple[SpeakerRegistry, bytes]] = {}


def to_statement(f: Found, doc: Doc) -> Statement:
    """A found statement as a record; offsets index ``doc.text``."""
    text = doc_text(doc)
    quote = Quote.of(text, f.content)
    cue = None
    if f.cue is not None and f.cue_span is not None:
        cs, ce = f.cue_span
        cue = Cue(text[cs:ce], cs, ce, f.cue.lemma_.lower(), f.cue_class)
    mention = Mention(f.mention.text, f.mention.start_char, f.mention.end_char) if f.mention is not None else None
    speaker = Speaker(
        name=f.speaker_name or "unknown",
        type=f.speaker_type if f.speaker_name else "unknown",  # type: ignore[arg-type]
        mention=mention,
        members=list(f.members),
    )
    statement = Statement(
        kind=f.kind,  # type: ignore[arg-type]
        quote=quote,
        cue=cue,
        speaker=speaker,
        negated=f.negated,
        hedged=f.hedged,
        time="before" if f.time == "before" else "now",
        issues=list(f.issues),
        stances={k: v.to_dict() for k, v in f.stances.items()},
    )
    if f.context is not None:
        f.context.apply_to(statement, parse_day(doc._.article_date))
    return statement


def stated_role(speaker: Speaker) -> str | None:
    """The title the mention puts before the name ("Ukraine's President Volodymyr Zelensky" →
    "Ukraine's President"), or None; honorifics (Mr, Dr) are not roles."""
    if speaker.mention is None or speaker.type != "person":
        return None
    return stated_title(speaker.mention.text, speaker.name)


def role_in_article(name: str, roles: list[tuple[str, str]], people: Iterable[str] = ()) -> str | None:
    """The title the article gives this person elsewhere ("Ukrainian President Volodymyr
    Zelensky" in the lede), the last one stated.  The same person: the same surname with first
    names that can be one person's ("Sen. Charles Grassley" for Chuck Grassley, "Zelenskyy" alone
    for Volodymyr Zelenskyy); not another of that surname ("Gov. Bill Clinton" is not Hillary
    Clinton's role), nor a surname alone where ``people`` holds two of it ("President Clinton")."""
    wanted = parse_person(name)
    if wanted is None:
        return None
    named = [p for p in (parse_person(n) for n in people) if p is not None and p.surname == wanted.surname]
    shared = any(p.first and not first_names_compatible(p.first, wanted.first) for p in named)
    found = []
    for title, person in roles:
        other = parse_person(person)
        if person == name or other is not None and other.surname == wanted.surname and (
                other.first and first_names_compatible(other.first, wanted.first) or not other.first and not shared):
            found.append(title)
    found = [t for t in found if t.lower().rstrip(".") not in HONORIFICS]
    return found[-1] if found else None


# words that open a mention of someone of a kind, not a particular person ("one pastor")
SOMEONE_OF = frozenset({"a", "an", "one", "another", "some", "any"})


def identify_speakers(statements: list[Statement], doc: Doc, pinned: SpeakerRegistry) -> None:
    """``speaker.id`` for every named speaker, titles ("the Russian president") by the roles
    seen for names in this article."""
    registry = article_registry(pinned)
    registry.scope = doc_text(doc)  # a title no name is found for is this article's role, no other's
    mentions = [s.speaker.mention.text for s in statements if s.speaker.mention is not None]
    # a name with its title as the article writes it ("President of Ukraine Volodymyr Zelenskyy")
    people = [e for e in entities(doc) if e.label_ == "PERSON"
              or (e.label_ == "ORG" and known_person(name_tokens(e).text, pinned))]
    for e in people:
        phrase = noun_phrase(e.root).text
        written = title_cut_by_parse(e) if split_title(phrase)[0] is None else None
        mentions.append(written.text if written is not None else phrase)
    titled = titled_pairs(mentions)
    people_named = {s.speaker.name for s in statements if s.speaker.type == "person"} | {n for _, n in titled}
    roles = dict(titled)  # as ``article_roles_from``: the later person of a title
    # each name's role in the article, asked once: the titles and names read are the article's,
    # and a long article repeats a few speakers many times
    article_role: dict[str, str | None] = {}
    someone_of: set[str] = set()  # descriptions the article introduced as someone of a kind
    date = doc._.article_date
    for s in statements:
        if s.speaker.type == "unknown" and s.speaker.name[:1].isupper() and s.speaker.name != "unknown" \
                and registry.pinned_person(s.speaker.name) is not None:
            s.speaker.type = "person"  # "Zelenskyy", which the model took for no entity: a pinned person
        if s.speaker.name == "unknown" or s.speaker.type == "unknown":
            continue
        if s.speaker.type == "role":
            identify_role(s.speaker, registry, date)
            continue
        if s.speaker.members:
            s.speaker.id = None  # several people: each member is named, the group has no identity
            continue
        role = stated_role(s.speaker)
        if not role:
            if s.speaker.name not in article_role:
                article_role[s.speaker.name] = role_in_article(s.speaker.name, titled, people_named)
            role = article_role[s.speaker.name]
        if role and all(w.lower().strip(".-") in TITLE_QUALIFIERS for w in role.split()):
            role = None  # "former" alone, before an occupation no title list holds: no role
        s.speaker.role = title_in_case(role) if role else None
        # "a pastor", "one senator": someone of that title, never the one the article gave it
        mention = s.speaker.mention.text.split() if s.speaker.mention is not None else []
        if any(words[0].lower() in SOMEONE_OF for words in (s.speaker.name.split(), mention) if words):
            someone_of.add(s.speaker.name)
        someone = s.speaker.name in someone_of  # and "he" after "another pastor said": the same someone
        ident = registry.identify(s.speaker, {} if someone else roles, date=date, role=s.speaker.role)
        # typed as its identity: "Ukraine" an organisation, a title alone a role; a name the
        # registry refuses ("you", "Kyiv") names no one: unknown, the name kept as written
        s.speaker.type = ident.type if ident is not None else "unknown"  # type: ignore[assignment]
        if ident is None or s.speaker.type != "person" or not ident.id.startswith("person:"):
            continue
        title, bare = split_title(s.speaker.name)
        if bare is None:
            # a title alone ("the President said") names the person the article gave that title
            s.speaker.name = ident.canonical_name
        elif len(bare.split()) == 1 and ident.pinned:
            s.speaker.name = ident.canonical_name  # "Putin", never named in full here: Vladimir Putin
        elif title is not None:
            # "President of Finland Ana Lind": the person's name as the article writes it (the
            # identity's id joins its spellings); the title is their role
            s.speaker.name = bare
            s.speaker.role = s.speaker.role or title


def identify_role(speaker: Speaker, registry: SpeakerRegistry, date: str | None) -> None:
    """A role the article names no one in ("the judge"; ``extraction.roles`` has read the article
    for one): the person a pinned identity records in that role, if any ("the Russian president"
    → Vladimir Putin where the aliases file says so); else it stays a role of this article, with
    an id of its article ("role:judge@…"), so that it is never merged with another article's
    "judge"."""
    speaker.role = speaker.name
    ident = registry.identify(speaker, None, date=date)  # not the article's titles: roles.py read them
    if ident is not None and ident.type == "person" and ident.id.startswith("person:"):
        speaker.name, speaker.type = ident.canonical_name, "person"


class RecordWriter:
    """The ``onrecord_records`` component; ``pinned`` holds the pinned identities (read only).
    ``keep_objects`` keeps the spaCy objects on the doc (for debugging and for the tests)."""

    def __init__(self, pinned: SpeakerRegistry, keep_objects: bool = False) -> None:
        self.pinned = pinned
        self.keep_objects = keep_objects

    def __call__(self, doc: Doc) -> Doc:
        statements = [to_statement(f, doc) for f in doc._.statements or []]
        identify_speakers(statements, doc, self.pinned)
        doc._.records = [s.to_dict() for s in statements]  # plain data: msgpack carries it across processes
        if not self.keep_objects:
            drop_objects(doc)
            drop_index(doc)
        return doc
