"""Speakers: from the mention in the text to one canonical name per person in the article.

Rules, each a function:

* ``name_in_mention``   — a PERSON (or ORG) entity inside the mention names the speaker; titles
                          and possessives around it ("Ukraine's President …") are the role;
* ``name_mention``      — the one place a mention becomes a (name, type): a name in it, else its
                          words as a description, typed by what its head can be as a speaker
                          (``speaker_classes.speaker_class``: a document is never a person, a time or an
                          abstract noun is no speaker at all);
* ``pronouns.resolve_pronoun`` — he/she/it/they/I/we: the person or body they refer to;
* ``several_speakers``  — conjoined subjects ("Putin and Zelensky … said") give one statement
                          with several members;
* ``canonical_names.canonical_speakers`` — within the article, a surname alone or a shorter
                          variant takes a full name ending in it ("Zelensky" → "Volodymyr
                          Zelensky"); an acronym the name it abbreviates;
* ``speaker_type``      — person, organization (ORG/GPE entities, institution nouns), group
                          (plural nouns: "Western leaders", "officials") or unknown.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from onrecord.extraction.addressed import name_the_addressed
from onrecord.extraction.appositions import described_body, in_apposition_of_a_name, misread_person
from onrecord.extraction.canonical_names import canonical_speakers, is_surname_in, surnames_of
from onrecord.extraction.docindex import doc_text, entities_within, entity_at, in_quotes
from onrecord.extraction.found import Found
from onrecord.extraction.given_names import given_name_at_end
from onrecord.extraction.intervals import holders
from onrecord.extraction.mentions import (
    apposition_across,
    before_its_cue,
    conjunct_in_title,
    described_again,
    described_apposition,
    describes_a_person,
    in_modifier,
    is_aside,
    is_description,
    is_question_marker,
    names_the_head,
)
from onrecord.extraction.pairs import pair_before
from onrecord.extraction.pronouns import (
    Namer,
    Spoken,
    SpokenSoFar,
    impersonal_voice,
    is_pronoun_mention,
    joint_members,
    person_mentions,
    resolve_pronoun,
    subject_before,
)
from onrecord.extraction.relative_antecedents import antecedent_of_relative
from onrecord.extraction.roles import resolve_roles
from onrecord.extraction.speaker_classes import (
    given_name_and_surname,
    misread_name,
    speaker_class,
    speaker_class_of_word,
)
from onrecord.extraction.whole_names import after_country_of, is_name_hyphen, with_owner_country, without_epithet
from onrecord.identity.hygiene import is_body
from onrecord.identity.names import HONORIFICS
from onrecord.identity.registry import SpeakerRegistry
from onrecord.identity.titles import split_title
from onrecord.lexicons.title_words import OF_WORDS, TITLE_WORDS
from onrecord.model.statement import SpeakerType

# leading words of a description that count, not describe ("Several Israeli media outlets")
QUANTIFIERS = {"several", "many", "some", "multiple", "various", "numerous", "few"}


def _clean_name(text: str) -> str:
    text = text.strip().strip("\"“”'‘’,.").lstrip("-–—• ")  # "-Craig Fehrman explains": a list's dash
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
    person = entity.label_ == "PERSON"  # the slices below are Spans with no label
    if len(entity) >= 3 and entity.start > 1 and doc[entity.start - 1].lower_ == "of" and _is_title_word(
            doc[entity.start - 2]):
        # "President of [Ukraine Volodymyr Zelenskyy]": the country ends the title
        entity = doc[entity.start + 1 : entity.end]
    entity = after_country_of(entity)  # "friends of [Ukraine Andrzej Duda]"
    start = root.i
    while start > entity.start:
        previous = entity.doc[start - 1]
        if previous.dep_ in {"compound", "flat"} and start - 1 < previous.head.i <= root.i:
            start -= 1
        elif is_name_hyphen(previous) and start - 2 >= entity.start:
            start -= 1  # "Ban Ki-moon", "Bankman-Fried": a hyphen inside a name keeps it whole
        else:
            break
    # and the other way: a first name the model left outside the entity ("Siobhan [Keane]")
    while start == entity.start and start > 0:
        previous = entity.doc[start - 1]
        if (previous.pos_ == "PROPN" and previous.dep_ == "compound" and previous.head.i == root.i
                and previous.is_title and not previous.ent_type_ and not _is_title_word(previous)
                and speaker_class_of_word(previous) != "organization"):  # "President's Office [Mykhailo …]"
            start -= 1
            entity = entity.doc[start : entity.end]
        else:
            break
    while person and start < root.i - 1 and (
            _is_title_word(entity.doc[start]) or speaker_class_of_word(entity.doc[start]) == "organization"):
        start += 1  # "[Office Mykhailo Podolyak]": the end of a title the model took into the name
    return without_epithet(entity.doc[start : entity.end] if start <= root.i else entity)


def titled_person(entity: Span, mention: Span) -> bool:
    """Title rule: a name right after a person's title or an honorific is a person even when
    the model calls it an organisation ("President [Lidia Varga]", "Mr [Novak]")."""
    start = name_tokens(entity).start
    if start <= mention.start:
        return False
    previous = entity.doc[start - 1].lower_.rstrip(".")
    if is_body(name_tokens(entity).text):
        return False  # "Ukraine's General Staff", "the UN General Assembly": a body
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


def titled_office(entity: Span, mention: Span) -> bool:
    """Title rule, whole: the model may take a title for an organisation ("[the Ukrainian Head of
    State]"): an entity whose head is the mention's head and a title word, with nothing after an
    "of" that is a name of its own, names an office, not a body."""
    root = mention.root
    if not entity.start <= root.i < entity.end or entity.root.i != root.i or not _is_title_word(root):
        return False
    return not any(t.pos_ == "PROPN" and t.ent_type_ in {"GPE", "PERSON"} for t in root.subtree if t.i > root.i)


CHAIN_WORDS = {"of", "to", "at", "for", "the"}


def title_chain(entity: Span, mention: Span) -> bool:
    """Title rule, chained: "the Adviser to the Head of [the President's Office]" names an office
    by titles and small words from its head to the body, whatever the parse made of them (it may
    hang "to the Head" elsewhere): the body is part of the title, not the speaker."""
    first = leading_word(mention)
    if not _is_title_word(first) or not first.i < entity.start:
        return False
    between = mention.doc[first.i + 1 : entity.start]
    return len(between) > 0 and all(t.lower_ in CHAIN_WORDS or _is_title_word(t) for t in between)


def leading_word(mention: Span) -> Token:
    """The mention's first word after its article: where a title starts ("the Adviser to the Head
    of …"), which need not be the span's ``root`` when the parse leaves the span two heads."""
    return next((t for t in mention if t.dep_ not in {"det", "predet"}), mention.root)


def known_person(name: str, registry: SpeakerRegistry) -> bool:
    """A name the registry pins as a person (the small model calls some of them ORG)."""
    return registry.pinned_person(name) is not None


def name_in_mention(mention: Span, registry: SpeakerRegistry) -> tuple[str, str] | None:
    """The name and type of the entity a mention contains (the last PERSON, else ORG)."""
    ents = entities_within(mention.doc, mention.start, mention.end)
    people = [e for e in ents if e.label_ == "PERSON" and names_the_head(e, mention)]
    if people:
        person = people[-1]
        if described_apposition(person):
            # the name at the head, not one a description in apposition ends in: the parse may
            # make the name the head of "a superdelegate supporting [Clinton]" after "Rep. John Smith"
            person = next((e for e in people if e.start <= mention.root.i < e.end), person)
        return _without_title(_clean_name(name_tokens(person).text)), "person"
    body = described_body(mention, ents)
    if body is not None and (name := _clean_name(body.text)):
        return name, "organization"
    orgs = [e for e in ents if e.label_ in {"ORG", "GPE", "NORP"} and not in_modifier(e, mention)
            and not in_apposition_of_a_name(e, mention)]
    if orgs and orgs[-1].end == mention.end and (title_of(orgs[-1], mention) or titled_office(orgs[-1], mention)
                                                  or title_chain(orgs[-1], mention)):
        return None  # "the President of Ukraine": a title; the registry finds who holds it
    if orgs and orgs[-1].end == mention.end:
        name = _clean_name(name_tokens(orgs[-1]).text)
        if known_person(name, registry) or titled_person(orgs[-1], mention) \
                or given_name_and_surname(orgs[-1]) and orgs[-1].root.i == mention.root.i:
            return name, "person"  # "[Carly Fiorina] wrote": a given name and a surname heading the phrase
        person = person_after_body(orgs[-1])
        if person is not None:
            return person, "person"
        return _clean_name(with_owner_country(orgs[-1], mention).text), "organization"
    return proper_name_in_mention(mention) or name_before_description(mention) or given_name_at_end(mention)


def name_before_description(mention: Span) -> tuple[str, str] | None:
    """Apposition rule: "Brett O'Donnell, chief strategist for …", "Canova, a law professor in his
    first-ever political campaign": a proper noun at the head with a person noun in apposition is
    a person's name (the model may have called it an organisation, or nothing), the apposition
    what they are; a surname alone goes on to the article's full name (``canonical_names``)."""
    head = mention.root
    named = head.pos_ == "PROPN" or head.is_title and head.ent_type_ in {"ORG", "PERSON"}  # "O’Donnell" as a NOUN
    if not named or (head.ent_type_ in {"GPE", "LOC", "NORP", "FAC"} and not misread_person(head)) or head.is_upper:
        return None  # a place, or a dateline in capitals ("RANGOON, Burma - Aung San Suu Kyi's allies")
    if not any(c.dep_ == "appos" and c.pos_ == "NOUN" and speaker_class(c) == "person" for c in head.children):
        return None
    first = head
    while first.i > mention.start and first.doc[first.i - 1].dep_ == "compound" \
            and first.doc[first.i - 1].head.i == head.i and first.doc[first.i - 1].pos_ == "PROPN":
        first = first.doc[first.i - 1]
    ents = entities_within(head.doc, mention.start, mention.end)
    if any(e.label_ == "PERSON" and e.root.dep_ == "appos" and not e.start <= head.i < e.end for e in ents):
        return None  # "the Observer, her senior policy adviser, Jake Sullivan": the person is named after
    name = _without_title(_clean_name(head.doc[first.i : head.i + 1].text))
    return (name, "person") if name and name[:1].isupper() else None


def person_after_body(entity: Span) -> str | None:
    """A name the model took into an organisation entity ("[Russian Foreign Ministry Sergey
    Lavrov]"): two or three capitalised words after the last organisation or title word, none of
    them such a word themselves, are the person; the words before are the body they speak for."""
    tokens = [t for t in entity if not t.is_punct and t.tag_ != "POS"]
    # a body's words, a title's, or, in a title's "of" phrase, its words ("Minister for the
    # Reintegration of [the Temporarily Occupied Territories Iryna Vereshchuk]")
    of_phrase = entity.start > 0 and entity.doc[entity.start - 1].lower_ in {"of", "for"}
    body = [i for i, t in enumerate(tokens) if _is_title_word(t) or speaker_class_of_word(t) == "organization"
            or of_phrase and t.lower_ in OF_WORDS
            or t.dep_ == "poss" and entity.start <= t.head.i < entity.end]  # "[Amnesty International’s Agnes …]"
    if not body or body[-1] == len(tokens) - 1:
        return None
    rest = tokens[body[-1] + 1 :]
    if 2 <= len(rest) <= 3 and all(t.pos_ == "PROPN" and t.is_title for t in rest):
        return _clean_name(" ".join(t.text for t in rest))
    return None


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
        if 2 <= len(chain) <= 3 and all(t.is_title for t in chain) and not all(map(_is_title_word, chain)):
            name = _without_title(" ".join(t.text for t in chain))
            if len(name.split()) >= 2:
                return name, "person"
    return None


def speaker_type(mention: Span) -> SpeakerType:
    """The type of a speaker the mention describes, by what its head can be as a speaker: a person
    (a group when plural), an organisation (a place speaks as its government), or unknown (a
    document or a thing that only carries someone's words)."""
    head = mention.root
    cls = speaker_class(head)
    # a name the model tagged a (plural) common noun ("Sanders, meanwhile, who …") names one person
    plural = (head.tag_ in {"NNS", "NNPS"} and not misread_name(head)) or head.lower_ in {"they", "them", "we", "us"}
    if cls in {"person", "group"}:
        return "group" if plural or cls == "group" else "person"
    if cls in {"organization", "place"}:
        return "group" if plural and cls == "organization" and head.pos_ == "NOUN" else "organization"
    if cls == "unknown" and head.pos_ == "PROPN":
        return "group" if plural else "person"  # a name the model did not label
    return "unknown"  # a noun the lexicon does not know: kept as its description, never an identity


def owner_of_name(head: Token) -> Token | None:
    """Owner rule: the possessor before a name ("Media Research Center’s Bozell") is where the named
    one works, no part of the name; not a possessive inside one entity ("Lugansk People's
    Republic"), nor before a body's or a place's word."""
    owners = [c for c in head.children if c.dep_ == "poss" and c.i < head.i and c.pos_ != "PRON"]
    if head.pos_ != "PROPN" or not owners or speaker_class(head) in {"organization", "place"}:
        return None
    entity = entity_at(head.doc, head.i)
    return None if entity is not None and entity.start <= owners[-1].i else owners[-1]


ADDING_WORDS = {"along", "together", "as", "alongside", "besides"}  # ", along with …" adds to a phrase


def member_name(phrase: Span, registry: SpeakerRegistry) -> str:
    """One member's name in a group of speakers: the name in its phrase, else its description."""
    named = name_in_mention(phrase, registry)
    return named[0] if named else description(phrase)


def description(mention: Span) -> str:
    """A speaker without a name ("a source", "Denmark's prime minister"): its words, minus a
    leading determiner or quantifier ("Several Israeli media outlets" → "Israeli media outlets")."""
    tokens = [t for t in mention if not (t.i == mention.start and t.dep_ == "det")]
    owner = owner_of_name(mention.root)
    if owner is not None:
        tokens = [t for t in tokens if t.i > owner.right_edge.i]
    opening = next((i for i, t in enumerate(tokens) if i > 0 and (t.text == "(" or t.text == "," and i + 1 < len(
        tokens) and tokens[i + 1].lower_ in ADDING_WORDS)), None)  # ", along with …", ", as well as …": an aside
    if opening is not None:
        tokens = tokens[:opening]  # "(DSHS)", "(R-Ga.)": an alias or an affiliation, not the description
    while len(tokens) > 2 and tokens[0].lower_ in QUANTIFIERS and tokens[1].lower_ != "of":
        tokens = tokens[1:]
    if tokens and all(t.pos_ == "PROPN" or t.is_title for t in tokens):
        words = _clean_name(" ".join(t.text for t in tokens))
        bare = _without_title(words)
        if len(bare.split()) >= 2:  # "Mayor Ana Silva" → Ana Silva; not "Secretary of the … Council" → Council
            return bare
    if not tokens:
        return ""
    # the words as written ("globalization, like Gary Clyde Hufbauer", "Reynolds-Santilli"), not
    # the tokens joined with spaces
    return _clean_name(mention.doc[tokens[0].i : tokens[-1].i + 1].text)


def name_mention(mention: Span, registry: SpeakerRegistry) -> tuple[str, SpeakerType] | None:
    """The (name, type) a mention gives its speaker: a name in it ("Ukraine's President
    Volodymyr Zelensky" → Volodymyr Zelensky), else its description typed by its head.  None
    when its head can never speak (a time, an abstract noun).  Pronouns are not named here."""
    root = mention.root
    if speaker_class(root) == "never" or (len(mention) == 1 and root.lower_ in {"you", "it", "its", "your"}):
        return None  # "you" is the one addressed; a pronoun the rules did not resolve names no one
    if root.lower_ in {"those", "these"} and len(mention) > 1:
        return description(mention), "group"  # "those surveyed", "those close to the mayor": people described
    if root.pos_ == "PRON" or any(t.dep_ == "poss" and t.lower_ in {"our", "my", "your"} for t in mention):
        # "anyone", "some of our allies", "our state": someone, but no one the article names
        return description(mention), "unknown"
    m = name_in_mention(mention, registry)
    if m:
        name, typ = m
        if typ == "organization":
            typ = speaker_type(mention)
            typ = "organization" if typ == "unknown" else typ
        return name, typ  # type: ignore[return-value]
    typ = speaker_type(mention)
    first = leading_word(mention)
    if typ == "unknown" and first.i != mention.root.i and _is_title_word(first) and speaker_class(root) != "carrier":
        typ = "person"  # "the Adviser to the Head of the Office" with the parse's root on "to" ("A national poll" no)
    return description(mention), typ


def conjoined_subjects(subject: Token) -> list[Token]:
    """'Putin and Zelensky': the subject and its conjuncts.  A list written with commas ("Biden,
    the Russian side, France and Germany") is parsed as a chain of appositions that ends in a
    coordination: each link is one more member, not a description of the first."""
    name = stacked_name(subject)
    if name is not None:
        return [name]
    if described_twice(subject):
        return [subject]
    chain = [subject]
    while True:
        nxt = [c for c in chain[-1].children if c.dep_ == "appos" and c.doc[c.i - 1].text != "("
               and not apposition_across(chain[-1], c)]
        if not nxt:
            break
        chain.append(nxt[0])
    links = chain[1:] + [c for t in chain[1:] for c in t.children if c.dep_ == "conj"]
    if not any(c.dep_ == "conj" for t in chain[1:] for c in t.children) or not any(
            (t.pos_ == "PROPN" or t.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}) and not is_description(t)
            for t in links):
        # a plain apposition ("Biden, the president"), or one that is a coordination of descriptions
        # ("Plouffe, the architect of the campaign and a close aide"; "Sosa, a media consultant and
        # an influential Hispanic Republican": "a"/"an" opens a description, never a member's name),
        # describes the subject
        chain = [subject]
    elif subject.tag_ == "NNS" and subject.pos_ == "NOUN":
        # "The three scholars, Mr. Tribe, Ms. Epstein and Mr. Amar": the names are the members (the
        # parse may hang the last one on the noun too: "casinos — Bally's, Caesars and Trump Taj Mahal")
        chain = chain[1:] + [c for c in subject.children if c.dep_ == "appos" and c not in chain]
    out: list[Token] = []
    for member in chain:
        out.append(member)
        for c in member.children:  # "Vice President for news and talk Dave Gorab": one person
            if c.dep_ == "conj" and not misplaced_clause(c) and not is_aside(c) \
                    and not conjunct_in_title(member, c) and not described_again(member, c):
                out.extend(conjoined_subjects(c))
    named = [m for m in out if not is_question_marker(m)]
    return named if named and len(named) < len(out) else out


def misplaced_clause(conjunct: Token) -> bool:
    """A clause conjoined to a name, with a subject or an auxiliary of its own ("a union that has
    endorsed Mr. Sanders and that has been busing its members"), is one the parse misplaced, no
    member: conjuncts are alike (Huddleston & Pullum 2002, ch. 15).  A noun the model took for a
    verb ("chief pollster and strategist Joel Benenson") has neither."""
    return conjunct.pos_ in {"VERB", "AUX"} and any(
        c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in conjunct.children)


def stacked_name(subject: Token) -> Token | None:
    """Stacked-description rule: "GOP presidential contender and former neurosurgeon Ben Carson
    responded": a bare singular noun for a person (no article, no possessor: a false title)
    joined to a name describes that one person; the speaker is the name, not a group of two."""
    if not describes_a_person(subject) or not subject.text.islower() \
            or any(c.dep_ in {"det", "poss"} for c in subject.children):
        return None
    conjuncts = [c for c in subject.children if c.dep_ == "conj"]
    if len(conjuncts) != 1 or conjuncts[0].pos_ != "PROPN" or conjuncts[0].ent_type_ not in {"PERSON", ""}:
        return None
    return conjuncts[0]


# nouns of a pair of people: "the husband and wife", "the mother and son" are two
KINSHIP = {"husband", "wife", "mother", "father", "son", "daughter", "brother", "sister", "parent", "child",
           "grandmother", "grandfather", "uncle", "aunt", "cousin", "partner", "fiancé", "fiancée", "spouse"}


def described_twice(subject: Token) -> bool:
    """One-determiner rule: "The influential delegate and conservative activist, who backs Cruz,
    warned …": two singular nouns for a person under one "the" or none (the second with no
    determiner of its own) describe one person twice; "the actor and the director" are two.  Not
    nouns of a pair ("the husband and wife"), nor where the verb agrees with a plural ("… say")."""
    determiners = [c.lower_ for c in subject.children if c.dep_ in {"det", "poss"}]
    if not describes_a_person(subject) or determiners not in (["the"], []):
        return False  # "the" or none ("Real estate mogul and reality television star Donald Trump")
    conjuncts = [c for c in subject.children if c.dep_ == "conj"]
    named = any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in subject.children)  # "… and … star Donald Trump"
    if len(conjuncts) != 1 or not (describes_a_person(conjuncts[0]) or named and conjuncts[0].tag_ == "NN") \
            or any(c.dep_ in {"det", "poss"} for c in conjuncts[0].children):
        return False
    if {subject.lower_, conjuncts[0].lower_} & KINSHIP:
        return False
    return subject.head.tag_ != "VBP"


def member_phrase(member: Token) -> Span:
    """A member's own words in a list of speakers: its phrase without the members, appositions
    and punctuation that follow it ("Centers for Disease Control (CDC) and local officials")."""
    cut = min((c.left_edge.i for c in member.children if c.i > member.i and c.dep_ in {"conj", "cc", "appos", "punct"}),
              default=member.right_edge.i + 1)
    # nor a clause hung on its words ("radicals [who wanted to reshape …]", "a group of rabbis [called
    # for a boycott of his speech]"), as the mention leaves out a relative clause; a participle that
    # describes ("groups representing colleges", "a complaint filed by the SEC") stays
    clauses = [t.left_edge.i for t in member.subtree if t.i > member.i and t.pos_ in {"VERB", "AUX"} and (
        t.dep_ == "relcl" or t.dep_ in {"acl", "advcl"} and t.tag_ in {"VBD", "VBZ", "VBP"})]
    cut = min([cut, *clauses])
    return member.doc[member.left_edge.i : max(cut, member.i + 1)]


# --- one name per speaker in the article ------------------------------------------------------


def surname_in_context(mention: Span, surname: str, namer: Namer, spoken: SpokenSoFar) -> str:
    """A surname alone right after a sentence whose subject is a full name with that surname
    ("Hunter Biden released a statement. '…,' Biden said.") is that person, whoever else of the
    name the article has; otherwise the article-wide rule decides (``canonical_names``).  A titled
    surname ("Governor Tamsin") is the one the article gave that title: ``roles`` decides it."""
    if split_title(mention.text)[0] is not None:
        return surname
    named = subject_before(mention.root, namer, spoken.by_offset)
    if named is not None and named[1] == "person" and len(named[0].split()) > 1 and named[0].split()[-1] == surname:
        return named[0]
    return surname


def name_speakers(doc: Doc, found: list[Found], registry: SpeakerRegistry) -> None:
    persons = person_mentions(doc, lambda text: _without_title(_clean_name(text)))
    spoken = SpokenSoFar()  # the speakers named so far, in the order of the text
    holding = holders(found)  # the statements over an offset (their words do not change here)

    people = {n for _, n in persons}
    narrated = [p for p in persons if not in_quotes(doc, p[0])]  # the pronouns' persons of last resort
    surnames = surnames_of(people)

    def namer(span: Span) -> tuple[str, str] | None:
        if is_pronoun_mention(span) or is_question_marker(span.root):
            return None
        named = name_mention(antecedent_of_relative(span), registry)
        surname = named is not None and named[0] in surnames and span.root.ent_type_ != ""  # an entity, not "Aides"
        bare = _without_title(named[0]) if named is not None else ""  # "Pastor Brown" tagged ORG: Brown
        if named is not None and (named[1] == "organization" or named[1] == "group" and surname) and (
                named[0] in people or is_surname_in(bare, surnames)):
            return bare, "person"  # "Blinken" tagged as a place after "Antony Blinken"; "Sanders", not plural
        return named

    def antecedent_namer(span: Span) -> tuple[str, str] | None:
        # a place that is a sentence's subject is where things happen, not whom "they" or "he" means
        named = namer(span)
        if named is not None and named[1] != "person" and speaker_class(span.root) == "place":
            return None
        return named

    def first_person_last(g: Found) -> tuple[bool, int]:
        # "I"/"we" inside someone's words are named after that someone, whose cue may come later
        # and so are impersonal statements ("it can be said that …", ``impersonal_voice``)
        first = g.mention is None or g.mention.root.lower_ in {"i", "me", "we", "us"} and len(g.mention) == 1
        return first, g.mention.start_char if g.mention is not None else g.start

    joined: dict[str, list[str]] = {}  # the members of each group the article named by its members
    for f in sorted(found, key=first_person_last):
        if f.continues is not None:
            continue
        if f.mention is None:
            f.speaker_name, f.speaker_type = impersonal_voice(f.cue, holding, f) or ("", "unknown")  # type: ignore[assignment]
            continue
        f.mention = before_its_cue(f.mention, f.cue)
        mention = antecedent_of_relative(f.mention)
        subjects = conjoined_subjects(mention.root)
        if f.cue is not None and f.cue.text == ":" and mention.end <= f.cue.i:
            # a label ("Pavel Orlov: And the Minsk agreements?"): what follows its colon is the
            # turn, never another speaker the parse conjoined to the label's name
            subjects = [t for t in subjects if t.i < f.cue.i]
        if len(subjects) == 1 and subjects[0].i != mention.root.i:
            mention = f.mention = member_phrase(subjects[0])  # "Q And Vladimir Putin said": the one it names
        if len(subjects) > 1:
            members = [member_name(member_phrase(s), registry) for s in subjects]
            f.members = members
            f.speaker_name, f.speaker_type = " and ".join(members), "group"
            joined.setdefault(f.speaker_name, members)
        elif (pair := pair_before(mention)) is not None:
            members = [member_name(name, registry) for name in pair]
            f.members, f.speaker_name, f.speaker_type = members, " and ".join(members), "group"
        elif is_pronoun_mention(mention):
            f.speaker_name, f.speaker_type = resolve_pronoun(  # type: ignore[assignment]
                mention.root, f, holding, spoken, narrated, antecedent_namer)
            joint = joint_members(mention.root)
            if joint is not None and f.speaker_name == " and ".join(joint):
                f.members = list(joint)  # "they": the two people the sentences before had in turn
            elif f.speaker_name in joined:
                # "Secretary Rubio and his team reiterated … They emphasized …": the same group,
                # its members named as before (not a second identity for one group of speakers)
                f.members = list(joined[f.speaker_name])
        else:
            f.speaker_name, f.speaker_type = namer(mention) or ("", "unknown")  # type: ignore[assignment]
            if f.speaker_type == "person" and len(f.speaker_name.split()) == 1:
                f.speaker_name = surname_in_context(mention, f.speaker_name, antecedent_namer, spoken)
        spoken.add(Spoken(f.mention.start_char, f.speaker_name, f.speaker_type))
    follow_continuations(found)
    resolve_roles(doc, found, registry)  # roles, titles, acronyms and documents: who the article names
    follow_continuations(found)  # again: a continuation follows its statement's resolved name
    canonical_speakers(doc, found, [n for _, n in persons], [n for _, n in narrated], registry)
    name_the_addressed(found, doc_text(doc))  # "You said that …" in a transcript: the other party


def follow_continuations(found: list[Found]) -> None:
    """A continuation takes its speaker from the statement it goes on from."""
    for f in found:
        if f.continues is not None:
            source = holder_of(f.continues, found)
            f.speaker_name, f.speaker_type, f.members = source.speaker_name, source.speaker_type, list(source.members)
            f.mention = source.mention


def holder_of(statement: Found, found: list[Found]) -> Found:
    """The statement that now holds a statement's words: itself, or the one it was merged into (a
    quotation split by its cue is one statement, and a later continuation may point at its
    second half)."""
    if any(g is statement for g in found):
        return statement
    for g in found:
        if any(part in g.content for part in statement.content):
            return g
    return statement


class SpeakerNamer:
    """The ``onrecord_speakers`` component; ``registry`` holds the pinned identities (read only)."""

    def __init__(self, registry: SpeakerRegistry) -> None:
        self.registry = registry

    def __call__(self, doc: Doc) -> Doc:
        name_speakers(doc, doc._.statements or [], self.registry)
        return doc
