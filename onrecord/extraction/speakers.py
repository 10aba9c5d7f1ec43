"""Speakers: from the mention in the text to one canonical name per person in the article.

Rules, each a function:

* ``name_in_mention``   — a PERSON (or ORG) entity inside the mention names the speaker; titles
                          and possessives around it ("Ukraine's President …") are the role;
* ``resolve_pronoun``   — he/she/they: the most recent compatible speaker or person before it,
                          across paragraphs (news text keeps its protagonist as "he");
* ``several_speakers``  — conjoined subjects ("Putin and Zelensky … said") give one statement
                          with several members;
* ``canonical_names``   — within the article, a surname alone or a shorter variant takes the
                          longest full name ending in it ("Zelensky" → "Volodymyr Zelensky");
* ``speaker_type``      — person, organization (ORG/GPE entities, institution nouns) or group
                          (plural nouns: "Western leaders", "officials").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from onrecord.extraction.found import Found
from onrecord.extraction.roles import resolve_roles
from onrecord.extraction.subjects import noun_phrase
from onrecord.identity.names import HONORIFICS
from onrecord.identity.registry import SpeakerRegistry
from onrecord.identity.titles import TITLE_WORDS, split_title

PERSON_PRONOUNS = {"he", "she", "him", "her", "i", "me"}
PLURAL_PRONOUNS = {"they", "them", "we", "us"}
THING_PRONOUNS = {"it", "this", "that", "which", "who"}
ORG_NOUNS = {
    "ministry",
    "government",
    "kremlin",
    "office",
    "department",
    "committee",
    "agency",
    "campaign",
    "administration",
    "council",
    "commission",
    "party",
    "company",
    "court",
    "police",
    "army",
    "military",
    "embassy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "statement",
    "report",
    "service",
    "union",
    "alliance",
    "organization",
    "organisation",
    "white",
    "house",
    "pentagon",
    "parliament",
    "senate",
    "congress",
    "cabinet",
    "bank",
    "network",
    "newspaper",
    "times",
    "post",
}
def _clean_name(text: str) -> str:
    text = text.strip().strip("\"“”'‘’,.")
    for suffix in ("’s", "'s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return " ".join(text.split())


def _without_title(name: str) -> str:
    """The entity often takes in the title before a name ("Mayor Ana Silva"); the name is the
    person, the title belongs to the mention."""
    title, bare = split_title(name)
    return bare if title and bare else name


def _is_title_word(token: Token) -> bool:
    word = token.lower_.rstrip(".")
    return word in TITLE_WORDS or word in HONORIFICS


def name_tokens(entity: Span) -> Span:
    """The part of an entity that is the name: the words chained to its head as compounds.
    The small model's entities sometimes take in the end of a title ("President of [Ukraine
    Volodymyr Zelenskyy]"): "Ukraine" hangs from "of", not from the name, and is left out."""
    root = entity.root
    doc = entity.doc
    if len(entity) >= 3 and entity.start > 1 and doc[entity.start - 1].lower_ == "of" and _is_title_word(
            doc[entity.start - 2]):
        # "President of [Ukraine Volodymyr Zelenskyy]": the country ends the title
        entity = doc[entity.start + 1 : entity.end]
    start = root.i
    while start > entity.start:
        previous = entity.doc[start - 1]
        if previous.dep_ in {"compound", "flat"} and start - 1 < previous.head.i <= root.i:
            start -= 1
        else:
            break
    # and the other way: a first name the model left outside the entity ("Siobhan [Keane]")
    while start == entity.start and start > 0:
        previous = entity.doc[start - 1]
        if (previous.pos_ == "PROPN" and previous.dep_ == "compound" and previous.head.i == root.i
                and previous.is_title and not previous.ent_type_ and not _is_title_word(previous)):
            start -= 1
            entity = entity.doc[start : entity.end]
        else:
            break
    return entity.doc[start : entity.end] if start <= root.i else entity


def names_the_head(entity: Span, mention: Span) -> bool:
    """Head rule: a person's name names the speaker when it is the mention's head or in
    apposition to it ("Ireland's ambassador, Siobhan Keane"); a name inside a modifier does not
    ("analysts in Rema", "an aide to Novak")."""
    root = mention.root
    heads = {root.i} | {c.i for c in root.children if c.dep_ == "appos"}
    return any(entity.start <= h < entity.end for h in heads)


def titled_person(entity: Span, mention: Span) -> bool:
    """Title rule: a name right after a person's title or an honorific is a person even when
    the model calls it an organisation ("President [Lidia Varga]", "Mr [Novak]")."""
    start = name_tokens(entity).start
    if start <= mention.start:
        return False
    previous = entity.doc[start - 1].lower_.rstrip(".")
    return (previous in TITLE_WORDS or previous in HONORIFICS) and 1 <= len(name_tokens(entity)) <= 3


def title_of(entity: Span, mention: Span) -> bool:
    """Title rule: "the President of [Ukraine]", "the Secretary of [the Council]": the entity is
    the object of "of" after the mention's head, a title word; the mention names an office."""
    node = entity.root
    while node.dep_ in {"conj", "compound"} and node.head.i != node.i:
        node = node.head  # "the National Security and [Defense Council]"
    head = node.head
    return (head.lower_ == "of" and head.head.i == mention.root.i and _is_title_word(mention.root)
            and not entity.start <= mention.root.i < entity.end)


def known_person(name: str, registry: SpeakerRegistry) -> bool:
    """A name the registry pins as a person (the small model calls some of them ORG)."""
    return registry.pinned_person(name) is not None


def name_in_mention(mention: Span, registry: SpeakerRegistry) -> tuple[str, str] | None:
    """The name and type of the entity a mention contains (the last PERSON, else ORG)."""
    ents = [e for e in mention.doc.ents if e.start >= mention.start and e.end <= mention.end]
    people = [e for e in ents if e.label_ == "PERSON" and names_the_head(e, mention)]
    if people:
        return _without_title(_clean_name(name_tokens(people[-1]).text)), "person"
    orgs = [e for e in ents if e.label_ in {"ORG", "GPE", "NORP"}]
    if orgs and orgs[-1].end == mention.end and title_of(orgs[-1], mention):
        return None  # "the President of Ukraine": a title; the registry finds who holds it
    if orgs and orgs[-1].end == mention.end:
        name = _clean_name(name_tokens(orgs[-1]).text)
        if known_person(name, registry) or titled_person(orgs[-1], mention):
            return name, "person"
        return _clean_name(orgs[-1].text), "organization"
    return proper_name_in_mention(mention)


def proper_name_in_mention(mention: Span) -> tuple[str, str] | None:
    """A name the model did not mark as an entity ("Ireland's ambassador, Siobhan Keane"): the
    head noun or its apposition is a proper noun with a proper-noun compound before it, two or
    three capitalised words, none of them a title."""
    heads = [mention.root] + [c for c in mention.root.children if c.dep_ == "appos"]
    for head in reversed(heads):
        if head.pos_ != "PROPN" or head.ent_type_ in {"GPE", "ORG", "NORP", "LOC", "FAC"}:
            continue
        chain = [head]
        while chain[0].i > mention.start:
            prev = head.doc[chain[0].i - 1]
            if prev.pos_ == "PROPN" and prev.dep_ == "compound" and prev.head.i == head.i and prev.is_title:
                chain.insert(0, prev)
            else:
                break
        if 2 <= len(chain) <= 3 and all(t.is_title for t in chain):
            name = _without_title(" ".join(t.text for t in chain))
            if len(name.split()) >= 2:
                return name, "person"
    return None


def speaker_type(mention: Span) -> str:
    head = mention.root
    if head.lower_ in PERSON_PRONOUNS:
        return "person"
    if head.lower_ in PLURAL_PRONOUNS:
        return "group"
    if head.lower_ in THING_PRONOUNS:
        return "unknown"
    if head.lemma_.lower() in ORG_NOUNS and head.lower_ not in {"spokesman", "spokeswoman", "spokesperson"}:
        return "organization"
    if head.ent_type_ == "PERSON":
        return "person"
    if head.ent_type_ in {"ORG", "GPE", "NORP"}:
        return "organization"
    if head.tag_ in {"NNS", "NNPS"}:
        return "group"
    return "person"


def description(mention: Span) -> str:
    """A speaker without a name ("a source", "Denmark's prime minister"): its words, minus a
    leading determiner."""
    tokens = [t for t in mention if not (t.i == mention.start and t.dep_ == "det")]
    if tokens and all(t.pos_ == "PROPN" or t.is_title for t in tokens):
        words = _clean_name(" ".join(t.text for t in tokens))
        bare = _without_title(words)
        if len(bare.split()) >= 2:  # "Mayor Ana Silva" → Ana Silva; not "Secretary of the … Council" → Council
            return bare
    return _clean_name(" ".join(t.text for t in tokens).replace(" ’s", "’s").replace(" 's", "'s"))


def conjoined_subjects(subject: Token) -> list[Token]:
    """'Putin and Zelensky': the subject and its conjuncts."""
    out = [subject]
    for c in subject.children:
        if c.dep_ == "conj":
            out.extend(conjoined_subjects(c))
    return out


def person_mentions(doc: Doc) -> list[tuple[int, str]]:
    """(offset, name) of every PERSON entity, in order: antecedents for pronouns."""
    return [(e.start_char, _without_title(_clean_name(e.text))) for e in doc.ents if e.label_ == "PERSON"]


def resolve_pronoun(
    pronoun: Token, named: list[tuple[int, str, str]], persons: list[tuple[int, str]]
) -> tuple[str, str]:
    """he/she: the most recent named person speaker before the pronoun; failing that, the most
    recent person entity.  they/we: the most recent group or organisation speaker."""
    offset = pronoun.idx
    if pronoun.lower_ == "it":
        for off, name, typ in reversed(named):
            if off < offset and typ == "organization":
                return name, typ
        return pronoun.text, "unknown"
    if pronoun.lower_ in PLURAL_PRONOUNS:
        for off, name, typ in reversed(named):
            if off < offset and typ in {"group", "organization"}:
                return name, typ
        return pronoun.text, "group"
    speakers = [(off, name) for off, name, typ in named if off < offset and typ == "person"]
    entities = [(off, name) for off, name in persons if off < offset]
    # A named speaker within reach wins over a person only mentioned in passing: news text
    # keeps its protagonist as "he" while naming others in between.
    if speakers and (not entities or offset - speakers[-1][0] < 1500):
        return speakers[-1][1], "person"
    if entities:
        return entities[-1][1], "person"
    return pronoun.text, "unknown"


def is_surname_of(name: str, people: set[str]) -> bool:
    """One word that ends a longer person's name in the same article."""
    return len(name.split()) == 1 and any(len(p.split()) > 1 and p.split()[-1] == name for p in people)


def canonical_names(names: list[str]) -> dict[str, str]:
    """Within one article each short name maps to the longest name that ends with it
    (same surname) or contains all its words; between two such names of one length ("Clinton":
    Hillary or Chelsea Clinton) the one listed first, so the answer never depends on the order of a
    set (it did on the process's hash seed)."""
    full = sorted(dict.fromkeys(names), key=lambda n: -len(n.split()))
    mapping = {}
    for name in names:
        words = name.split()
        best = name
        for other in full:
            ow = other.split()
            if len(ow) > len(words) and ow[-len(words) :] == words:
                best = other
                break
        mapping[name] = best
    return mapping


def antecedent_of_relative(mention: Span) -> Span:
    """'Sanders, who said …': a relative pronoun is the mention in the text, but the speaker
    is named by the noun phrase the relative clause modifies."""
    root = mention.root
    if len(mention) == 1 and root.tag_ in {"WP", "WDT"} and root.head.dep_ in {"relcl", "acl"}:
        return noun_phrase(root.head.head)
    return mention


def name_speakers(doc: Doc, found: list[Found], registry: SpeakerRegistry) -> None:
    persons = person_mentions(doc)
    named: list[tuple[int, str, str]] = []  # (offset, name, type) of speakers so far
    for f in found:
        if f.continues is not None:
            f.speaker_name, f.speaker_type, f.members = (
                f.continues.speaker_name,
                f.continues.speaker_type,
                f.continues.members,
            )
            f.mention = f.continues.mention
            continue
        if f.mention is None:
            f.speaker_name, f.speaker_type = "", "unknown"
            continue
        mention = antecedent_of_relative(f.mention)
        subjects = conjoined_subjects(mention.root)
        if len(subjects) > 1:
            members = []
            for s in subjects:
                m = name_in_mention(s.doc[s.left_edge.i : s.i + 1], registry)
                members.append(m[0] if m else s.text)
            f.members = members
            f.speaker_name, f.speaker_type = " and ".join(members), "group"
        elif mention.root.lower_ in PERSON_PRONOUNS | PLURAL_PRONOUNS | {"it"} and len(mention) == 1:
            f.speaker_name, f.speaker_type = resolve_pronoun(mention.root, named, persons)
        else:
            m = name_in_mention(mention, registry)
            if m:
                f.speaker_name, f.speaker_type = m
                if f.speaker_type == "organization":
                    f.speaker_type = speaker_type(mention)
            else:
                f.speaker_name, f.speaker_type = description(mention), speaker_type(mention)
        named.append((f.mention.start_char, f.speaker_name, f.speaker_type))
    resolve_roles(doc, found, registry)  # roles, titles, acronyms and documents: who the article names
    people = {f.speaker_name for f in found if f.speaker_type == "person"} | {n for _, n in persons}
    for f in found:
        if f.speaker_type == "organization" and is_surname_of(f.speaker_name, people):
            f.speaker_type = "person"  # "Varga" tagged ORG after "President Lidia Varga"
    mapping = canonical_names([f.speaker_name for f in found if f.speaker_type == "person"] + [n for _, n in persons])
    for f in found:
        if f.speaker_type == "person":
            f.speaker_name = mapping.get(f.speaker_name, f.speaker_name)
        f.members = [mapping.get(m, m) for m in f.members]
        if f.members:
            f.speaker_name = " and ".join(f.members)


class SpeakerNamer:
    """The ``onrecord_speakers`` component; ``registry`` holds the pinned identities (read only)."""

    def __init__(self, registry: SpeakerRegistry) -> None:
        self.registry = registry

    def __call__(self, doc: Doc) -> Doc:
        name_speakers(doc, doc._.statements or [], self.registry)
        return doc
