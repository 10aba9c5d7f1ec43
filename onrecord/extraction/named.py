"""What an article names: its people with the titles it gives them, its organisations with the
nouns that say what they are, and its acronyms with their expansions.  ``extraction.roles``
resolves "the judge", "the company" and "DSHS" against it.

* ``whole_name``        — (``whole_names``) a person's name as written, kept whole: hyphens (Bankman-Fried,
                          Jean-Pierre), particles (von der Leyen, bin Salman) and initials (J.D.
                          Vance), without the title before it;
* ``titles_of``         — the titles an article gives a name: before it ("Iranian Foreign
                          Minister Abbas Araghchi") and in apposition ("Jeremy Hunt, the
                          chancellor"; "the governor, Pavel Orlov");
* ``organization_name`` — an organisation entity without its article, owner and acronym ("the
                          European Union's Copernicus Climate Change Service (C3S" → Copernicus
                          Climate Change Service);
* ``kinds_of``          — what an organisation is: its name's last word ("… Service") and the
                          nouns set before or beside it ("the cybersecurity company CrowdStrike");
* ``acronyms_of``       — "Texas Department of State Health Services (DSHS)", "DSHS (Texas
                          Department …)" and an acronym that spells an organisation the article
                          names in full ("FAA" with "Federal Aviation Administration").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from onrecord.extraction.docindex import doc_text, entities, entity_at, tokens_with, whole_word_occurrences
from onrecord.extraction.found import Found
from onrecord.extraction.mentions import noun_phrase
from onrecord.extraction.official_titles import holder_name, offices_of, titles_before_names, written_title
from onrecord.extraction.speaker_classes import misread_name
from onrecord.extraction.whole_names import whole_name
from onrecord.identity.names import HONORIFICS, NAME_PARTICLES
from onrecord.identity.registry import SpeakerRegistry
from onrecord.identity.titles import (
    ACRONYM_GLUE,
    initials,
    is_acronym_of,
    office_head,
    office_words,
    organization_of,
    spells,
    split_title,
    strip_determiner,
)
from onrecord.lexicons.given_names import load_given_names
from onrecord.lexicons.not_names import fold, load_not_names
from onrecord.lexicons.roles import RoleLexicon, load_role_lexicon
from onrecord.lexicons.title_words import COUNTRIES

ORG_LABELS = {"ORG"}
NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
ACRONYM = re.compile(r"[A-Z][A-Za-z&]*[A-Z][A-Za-z&]*")


@dataclass(frozen=True)
class Title:
    """A title the article gives a person, and where it wrote it."""

    text: str
    start: int
    end: int


@dataclass
class Named:
    """A person or an organisation of the article: its fullest name, where it is mentioned, the
    titles given it (people) and the nouns that say what it is (organisations)."""

    name: str
    starts: list[int] = field(default_factory=list)
    titles: list[Title] = field(default_factory=list)
    kinds: set[str] = field(default_factory=set)

    def titles_outside(self, span: Span) -> list[str]:
        """The titles written outside a span: a description is not its own title ("Mika
        Brzezinski, the Democratic presidential candidate", an apposition only to the parser)."""
        return [t.text for t in self.titles if t.end <= span.start_char or t.start >= span.end_char]


@dataclass
class ArticleNames:
    people: dict[str, Named] = field(default_factory=dict)
    organizations: dict[str, Named] = field(default_factory=dict)
    acronyms: dict[str, str] = field(default_factory=dict)  # "DSHS" → "Texas Department of …"
    # each organisation by its casefolded name, the first written so (a scan of every organisation
    # per entity made a long article's organisations quadratic)
    _folded: dict[str, Named] = field(default_factory=dict, repr=False, compare=False)
    _surnames: set[str] = field(default_factory=set, repr=False, compare=False)
    _surnames_of: int = field(default=-1, repr=False, compare=False)

    def __post_init__(self) -> None:
        for known, entry in self.organizations.items():
            self._folded.setdefault(known.casefold(), entry)

    def person(self, name: str) -> Named:
        """The person of this name as written; "Biden" and "Hunter Biden" stay apart, since an
        article may name two people of one surname ("President Biden" and his son)."""
        return self.people.setdefault(name, Named(name))

    def names_a_person(self, name: str) -> bool:
        """Whether an organisation's name is a person's the article names, which the model took
        for an organisation somewhere: a surname ("Brockman" after Greg Brockman) or a full name
        that opens with a listed given name ("Donald Trump"; not "OpenAI", which the model may
        have taken for a person somewhere else)."""
        if name in self.people and len(name.split()) > 1 and load_given_names().gender(name.split()[0]) is not None:
            return True
        if self._surnames_of != len(self.people):  # people only grow: recount when they did
            self._surnames = {p.split()[-1] for p in self.people if len(p.split()) > 1}
            self._surnames_of = len(self.people)
        return name in self._surnames

    def organizations_before(self, mention: Span) -> list[Named]:
        """Organisations named before the mention (or in its sentence), not people the model took
        for organisations (``names_a_person``)."""
        limit = mention.sent.end_char
        return [org for org in self.organizations.values()
                if any(s < limit and not mention.start_char <= s < mention.end_char for s in org.starts)
                and not self.names_a_person(org.name)]

    def organization(self, name: str) -> Named:
        """The organisation of this name, in any case ("the Kremlin" and "the KREMLIN")."""
        key = name.casefold()
        entry = self._folded.get(key)
        if entry is None:
            entry = self._folded[key] = self.organizations.setdefault(name, Named(name))
        return entry


# --- the shape of a mention ---------------------------------------------------------------------


def proper_compounds(head: Token, start: int | None = None) -> bool:
    """A name compounded to a noun ("the [Foreign] Ministry"), before ``start`` (an office's own
    words, ``office_wording_start``, are no name)."""
    end = head.i if start is None else start
    return any(c.dep_ in {"compound", "flat"} and c.pos_ == "PROPN" and c.i < end for c in head.children)


def office_wording_start(head: Token) -> int:
    """Where the office a capitalised title noun ends starts: "the President's [Press Secretary]",
    "The [Deputy Prime Minister]" are one office written in capitals, as official releases do,
    not a name compounded to a noun ("the Foreign Ministry", which names no office)."""
    doc = head.doc
    start = head.i
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == head.i \
            and doc[start - 1].is_title and not doc[start - 1].ent_type_:
        words = office_words(doc[start - 1 : head.i + 1].text)
        if len(words) != 1 and not (len(words) == 2 and words[0] in load_role_lexicon().distinguishing):
            break
        start -= 1
    return start


def singular(word: str) -> str:
    """A plural noun's singular, for nouns the model took for names ("Jurors"): -ies, -es, -s."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def common_head(mention: Span, nouns: frozenset[str]) -> bool:
    """A mention whose head is a common noun, or one of ``nouns`` written capitalised after an
    article or opening a sentence, with no name compounded to it ("The Agency"; "Jurors", which
    the model takes for a name); "… Immigration Services" is a name."""
    head = mention.root
    if head.pos_ == "NOUN" or head.text[:1].islower():
        return True  # a lowercase word is no name, whatever the tagger says ("the director-general")
    start = office_wording_start(head)
    while start > 0 and head.doc[start - 1].dep_ == "amod" and head.doc[start - 1].head.i == head.i \
            and head.doc[start - 1].pos_ == "ADJ":
        start -= 1  # "the Ukrainian Head of State": a nationality is no name
    before = head.doc[start - 1] if start > 0 else None
    opens = before is None or head.doc[start].is_sent_start or before.is_space or before.dep_ in {"det", "poss"} \
        or before.tag_ == "POS"
    return opens and singular(head.lower_) in nouns and not proper_compounds(head, start)


def plural(head: Token) -> bool:
    """A plural noun: tagged so and written so ("police", tagged plural, names one force), or a
    plural the model took for a name ("Jurors")."""
    return singular(head.lower_) != head.lower_ and (head.tag_ in {"NNS", "NNPS"} or head.pos_ == "PROPN") \
        and not misread_name(head)  # "Sanders often questions …": a surname the model took for a plural


def organization_fit(org: Named, noun: str, modifiers: set[str], lexicon: RoleLexicon) -> int:
    """How well an organisation fits "the <modifiers> <noun>": 3 for the noun itself among what it
    is called, 2 for a noun of the same kind, 1 for an organisation of no known kind (a company
    or a public body only); 0 when it is of another kind; plus the modifiers it shares."""
    kind = lexicon.kind_of(noun)
    kinds = {lexicon.kind_of(k) for k in org.kinds} - {None}
    if noun in org.kinds:
        score = 3
    elif kind in kinds:
        score = 2
    elif not kinds and kind in {"company", "public body"}:
        score = 1
    else:
        return 0
    words = {w.lower() for w in org.name.split()} | org.kinds
    return score + len(modifiers & words)


# --- titles given to people ---------------------------------------------------------------------


def titles_of(entity: Span, lexicon: RoleLexicon) -> list[Title]:
    """The titles the article gives the person named by ``entity``: the words before the name in
    its noun phrase ("CrowdStrike CEO George Kurtz") and a noun phrase in apposition on either
    side ("Jeremy Hunt, the chancellor"; "the governor, Pavel Orlov")."""
    root = entity.root
    phrase = noun_phrase(root)
    titles = []
    title_start = phrase.start_char
    before = entity.doc[phrase.start : entity.start]
    title = split_title(before.text + " " + entity.text)[0] if len(before) else split_title(entity.text)[0]
    if title is None and (office := _office_before_of(root)) is not None:
        # "President of Ukraine Volodymyr Zelenskyy": the parse hangs the name from the title's "of"
        title = split_title(entity.doc[office.left_edge.i : entity.end].text)[0]
    if title is None and (written := _office_of_place_before(entity)) is not None:
        title = written.text  # "between President of Russia Vladimir Putin and …", whatever the parse
        title_start = min(title_start, written.start_char)
    after = entity.doc[entity.end : phrase.end]
    if title and len(after) and after[0].lower_ in {"of", "from"}:
        title = f"{title} {after.text}"  # "Gov. Ann Fields of Ohio": the state is part of the title
    if title and title.lower().rstrip(".") not in HONORIFICS:
        titles.append(Title(title, title_start, max(entity.end_char, after.end_char if len(after) else 0)))
    for child in root.children:
        # "Mykhailo Podolyak, Adviser to the Head of the Office …": an office written capitalised too
        if child.dep_ == "appos" and (child.pos_ == "NOUN" or child.is_title and office_head(child.text) is not None):
            titles.append(_apposition_title(child))
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        titles.append(_apposition_title(root.head))
    return [t for t in titles if is_title(t.text)]


# how far back "Office of the Place" is looked for before a name: "President of the United States"
_OFFICE_OF_PLACE_REACH = 7


def _office_of_place_before(entity: Span) -> Span | None:
    """The words "Office of [the] Place" written right before a name ("President of Russia
    Vladimir Putin", "Prime Minister of the United Kingdom Boris Johnson"), read from the words
    themselves: the parse of such a run is often anything but a title and its holder."""
    doc = entity.doc
    i = entity.start - 1
    while i >= 0 and entity.start - i <= _OFFICE_OF_PLACE_REACH \
            and (doc[i].text[:1].isupper() or doc[i].lower_ == "the"):
        i -= 1
    if i < 1 or i == entity.start - 1 or doc[i].lower_ != "of" or doc[i + 1].ent_type_ not in {"GPE", "LOC", "NORP"}:
        return None
    start = i - 1
    while start > 0 and doc[start - 1].text[:1].isupper() and entity.start - start < _OFFICE_OF_PLACE_REACH + 3:
        start -= 1  # "Prime Minister": the whole office
    office = doc[start:i]
    return doc[start : entity.start] if office_head(office.text) is not None else None


def _office_before_of(root: Token) -> Token | None:
    """The title word a name is the object of "of" after ("President of Ukraine Volodymyr
    Zelenskyy", "Secretary of the Council Oleksiy Danilov"): the parse's reading of an English
    title written before its holder's name, common in official releases."""
    for child in root.children:  # or the title hung on the name: "[Secretary of the Council] … Danilov"
        if child.dep_ in {"nmod", "compound"} and child.i < root.i and office_head(child.text) is not None \
                and any(c.lower_ == "of" for c in child.children):
            return child
    of = root.head
    if root.dep_ != "pobj" or of.lower_ != "of" or of.head.pos_ not in {"NOUN", "PROPN"}:
        return None
    office = of.head
    return office if office.i < of.i and office_head(office.text) is not None else None


def is_title(text: str) -> bool:
    """A title names an office or a person's role ("the chancellor", "CrowdStrike CEO"), or the
    body a person speaks for ("Russian Foreign Ministry"); "a city in southern Russia" is none."""
    words = office_words(text)
    return office_head(text) is not None or bool(words and text.split()[-1][:1].isupper())


def _apposition_title(token: Token) -> Title:
    """A title's noun phrase without the name in apposition to it and without commas."""
    tokens = [t for t in token.subtree if not (t.dep_ == "appos" and t.head.i == token.i)]
    skip = {i for c in token.children if c.dep_ == "appos" for i in range(c.left_edge.i, c.right_edge.i + 1)}
    words = [t for t in tokens if t.i not in skip and not t.is_punct]
    text = " ".join(t.text for t in words).replace(" ’s", "’s").replace(" 's", "'s")
    return Title(text, words[0].idx if words else token.idx, words[-1].idx + len(words[-1]) if words else token.idx)


# --- organisations ------------------------------------------------------------------------------


def organization_name(entity: Span) -> str:
    """An organisation's name as the entity gives it, without a leading article, its owner ("the
    European Union's …") or an acronym in brackets after it ("(WHO")."""
    text = re.sub(r"\s*\(\s*[A-Z][A-Za-z&]*\)?\s*$", "", entity.text)
    for mark in ("’s ", "'s "):
        if mark in text:
            text = text.rsplit(mark, 1)[1]
    text = strip_determiner(text)
    return text[:-2] if text.endswith(("’s", "'s")) else text


def kinds_of(entity: Span, name: str, lexicon: RoleLexicon) -> set[str]:
    """The nouns that say what an organisation is: its name's head when that is one ("… Climate
    Change Service", "Public Policy Institute of California"), else the kind a known last word or
    acronym gives it ("Orlando Sentinel": press; "FBI": public body), and the common nouns compounded
    before it or in apposition ("the cybersecurity company CrowdStrike")."""
    nouns = lexicon.organization_nouns
    kinds = set()
    head = re.split(r"\s+(?:of|for|on)\s+", name, maxsplit=1)[0].split()  # "Public Policy [Institute] of California"
    last = singular(head[-1].lower()) if head else ""
    if last in nouns:
        kinds.add(last)
    elif head and head[-1].lower() in lexicon.name_kinds:  # "the Orlando Sentinel", "the FBI"
        kinds.add(lexicon.name_kinds[head[-1].lower()])
    root = entity.root
    for child in root.children:
        if child.dep_ in {"compound", "appos", "amod"} and child.pos_ == "NOUN" and child.i < entity.start:
            kinds.update(t.lower_ for t in child.subtree if t.pos_ in {"NOUN", "ADJ"})
        elif child.dep_ == "appos" and child.pos_ == "NOUN":
            kinds.update(t.lower_ for t in child.subtree if t.pos_ in {"NOUN", "ADJ"} and t.i > entity.end - 1)
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        kinds.update(t.lower_ for t in root.head.subtree if t.pos_ in {"NOUN", "ADJ"} and t.i < entity.start)
    return kinds


def _org_entities(doc: Doc, lexicon: RoleLexicon) -> list[Span]:
    """ORG entities, and proper nouns the model took for something else that an organisation noun
    is compounded to ("the cybersecurity company [CrowdStrike]")."""
    spans = [e for e in entities(doc) if e.label_ in ORG_LABELS]  # doc.ents, made once per Doc
    taken = {i for e in entities(doc) for i in range(e.start, e.end)}
    nouns = lexicon.organization_nouns
    for token in tokens_with(doc, "LOWER", lambda lower: lower in nouns):  # not a walk over every token
        if token.i not in taken and token.pos_ == "PROPN" and token.lower_ in nouns and token.text[:1].isupper():
            # "the Nordic Climate Monitoring Service": capitalised words ending in an organisation noun
            start = token.i
            while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound" \
                    and doc[start - 1].text[:1].isupper() and doc[start - 1].i not in taken:
                start -= 1
            if start < token.i:
                spans.append(doc[start : token.i + 1])
        if token.pos_ == "PROPN" and any(c.dep_ == "compound" and c.lower_ in nouns and c.pos_ == "NOUN"
                                         for c in token.children):
            ent = entity_at(doc, token.i)
            if ent is not None and ent.label_ not in ORG_LABELS:
                spans.append(ent)
            elif token.i not in taken:
                spans.append(doc[token.i : token.i + 1])
    return spans


# --- acronyms -----------------------------------------------------------------------------------


def _spelled_within(acronym: str, words: list[str]) -> bool:
    """The acronym spells a run of these words' initials ("DSHS" within Texas Department of State
    Health Services)."""
    return any(spells(acronym, words[i:]) for i in range(len(words)))


def _expansion_before(text: str, end: int, acronym: str) -> str | None:
    """The capitalised words just before ``end`` that the acronym spells, shortest run first."""
    words = re.findall(r"[\w’'&.-]+", text[max(0, end - 200) : end])
    run: list[str] = []
    for word in reversed(words):
        if not (word[:1].isupper() or word.lower() in ACRONYM_GLUE):
            break
        run.insert(0, word)
    while run and (run[0].lower() in ACRONYM_GLUE or run[0].endswith(("’s", "'s"))):
        run = run[1:]
    for start in range(len(run) - 1, -1, -1):
        candidate = run[start:]
        if candidate[0].lower() in ACRONYM_GLUE:
            continue
        if spells(acronym, candidate) and initials(candidate)[0] == acronym[0]:
            return " ".join(candidate)
    return None


def _entity_before(doc: Doc, end: int) -> Span | None:
    """The organisation entity that ends right before a bracket."""
    for entity in entities(doc):
        if entity.label_ in ORG_LABELS and 0 <= end - entity.end_char <= 2 and "(" not in entity.text:
            return entity
        if entity.label_ in ORG_LABELS and entity.start_char < end <= entity.end_char:
            return entity  # "the Organization of Islamic Cooperation (OIC": the bracket inside
    return None


def acronyms_of(doc: Doc, organizations: list[str]) -> dict[str, str]:
    """The article's acronyms and what they stand for: "Name (ACR)" (the organisation entity
    before the bracket when the acronym spells it, else the fewest capitalised words that spell
    it), "ACR (Name)", and an acronym used alone whose letters are exactly the initials of an
    organisation the article names."""
    text = doc_text(doc)
    found: dict[str, str] = {}
    for m in re.finditer(r"\(\s*([A-Z][A-Za-z&]{1,9})\s*\)", text):
        acronym = m.group(1)
        if not ACRONYM.fullmatch(acronym):
            continue
        entity = _entity_before(doc, m.start())
        name = organization_name(entity) if entity is not None else ""
        if name and _spelled_within(acronym, name.split()):
            found.setdefault(acronym, name)
        elif (expansion := _expansion_before(text, m.start(), acronym)) is not None:
            found.setdefault(acronym, expansion)
    for m in re.finditer(r"\b([A-Z][A-Z&]{1,9})\s*\(([^()]{5,120})\)", text):
        words = m.group(2).split()
        if spells(m.group(1), words) and len(words) >= len(m.group(1)) - 1:
            found.setdefault(m.group(1), strip_determiner(m.group(2)))
    tried: set[str] = set()  # a word that spelled no organisation once spells none again
    for token in tokens_with(doc, "ORTH", lambda w: w.isupper() and 2 <= len(w) <= 8 and w.isalpha()):
        word = token.text
        if word not in found and word not in tried:
            tried.add(word)
            for name in organizations:
                if is_acronym_of(word, name):
                    found[word] = name
                    break
    return found


# --- the inventory ------------------------------------------------------------------------------


def _plain_name(text: str) -> bool:
    """A name and nothing else: capitalised words and particles, no commas ("Russia, along with
    China" is a phrase the parse took for a name)."""
    return "," not in text and all(w[:1].isupper() or w in NAME_PARTICLES for w in text.split())



def _pinned_name_in(entity: Span, registry: SpeakerRegistry) -> Span | None:
    """The end of an entity that is a pinned person's name ("Russian Foreign Ministry [Sergey
    Lavrov]'s"): the small model takes some titled names for organisations."""
    tokens = [t for t in entity if t.text not in {"'s", "’s"}]
    for start in range(len(tokens) - 2, -1, -1):
        span = entity.doc[tokens[start].i : tokens[-1].i + 1]
        if start > 0 and registry.pinned_person(span.text) is not None and len(span) >= 2:
            return span
    if _office_before_of(entity.root) is not None and tokens:
        # "President of [Moldova Elena Dragan]", "Secretary of [the … Council Oleksiy Danilov]": the
        # place or body the title names, then the holder, whose name is the capitalised words after
        # the last place or organisation noun
        words = core_name_words(tokens)
        if 2 <= len(words) < len(tokens):
            return entity.doc[words[0].i : words[-1].i + 1]
    return None


def official_titles(entity: Span, name: Span, parsed: list[Title], lexicon: RoleLexicon) -> list[Title]:
    """The titles of a person: the official title written before the name (``official_titles``)
    in place of the pieces of it the parse found ("the President of Ukraine" for the Head of the
    Office of the President of Ukraine), and the others."""
    written = written_title(name, lexicon)
    if written is None:
        return parsed
    kept = [t for t in parsed if t.text not in written.text]  # a piece of it the parse cut out
    return [*(Title(office, written.start_char, entity.end_char) for office in offices_of(written.text)), *kept]


def core_name_words(tokens: list[Token]) -> list[Token]:
    """The capitalised words at the end of ``tokens`` after the last word that names a place or
    an organisation (a known place, or an organisation noun: council, ministry, office …)."""
    nouns = load_role_lexicon().organization_nouns
    known = load_not_names()
    places = known.countries | known.places
    out: list[Token] = []
    for t in reversed(tokens):
        if not t.text[:1].isupper() or t.lower_ in nouns or fold(t.text) in places:
            break
        out.insert(0, t)
    return out


def article_names(doc: Doc, found: list[Found], registry: SpeakerRegistry, lexicon: RoleLexicon) -> ArticleNames:
    """Everyone and every organisation the article names, with titles, kinds and acronyms."""
    names = ArticleNames()
    for entity in entities(doc):
        if entity.label_ == "PERSON":
            name = whole_name(entity.root, lexicon)
            if name is None:
                continue
            name = holder_name(name, lexicon)  # "Andriy [Yermak]": a first name no entity took
            person = names.person(split_title(name.text)[1] or name.text)
            person.starts.append(entity.start_char)
            person.titles.extend(official_titles(entity, name, titles_of(entity, lexicon), lexicon))
        elif entity.label_ in ORG_LABELS and (pinned := _pinned_name_in(entity, registry)) is not None:
            person = names.person(pinned.text)
            person.starts.append(pinned.start_char)
            office = _office_before_of(pinned.root)  # "President of [Ukraine Volodymyr Zelenskyy]"
            title = written_title(pinned, lexicon) or doc[
                office.left_edge.i if office is not None else entity.start : pinned.start]
            if len(title):
                person.titles.append(Title(title.text, title.start_char, title.end_char))
    for entity in _org_entities(doc, lexicon):
        if entity.label_ == "PERSON" and not any(c.dep_ == "compound" and c.lower_ in lexicon.organization_nouns
                                                 for c in entity.root.children):
            continue
        if _pinned_name_in(entity, registry) is not None:
            continue
        name = organization_name(entity)
        if not name or name.lower() in lexicon.organization_nouns or not re.search(r"[\w.)]$", name) \
                or name.split()[-1][:1].islower():
            continue  # "the Agency": the noun, not a name; "RT editor in": no name either
        org = names.organization(name)
        org.starts.append(entity.start_char)
        org.kinds |= kinds_of(entity, name, lexicon)
    countries = {c.lower() for c in COUNTRIES.values()}
    for person in list(names.people.values()):
        for title in person.titles:
            org_name = organization_of(title.text)
            if org_name and org_name.lower() not in lexicon.organization_nouns | countries:
                org = names.organization(org_name)
                org.starts.append(person.starts[0] if person.starts else 0)
    for f in found:
        if f.mention is not None and f.speaker_type == "person" and f.speaker_name:
            title, bare = split_title(f.mention.text)
            if title and bare and title.lower().rstrip(".") not in HONORIFICS and _plain_name(bare) and is_title(title):
                entry = names.person(f.speaker_name)
                entry.titles.append(Title(title, f.mention.start_char, f.mention.end_char))
                entry.starts.append(f.mention.start_char)
    for person, titles in titles_before_names(doc, list(names.people), lexicon).items():
        known = {t.start for t in names.people[person].titles}
        names.people[person].titles.extend(Title(office, t.start_char, t.end_char) for t in titles
                                            if t.start_char not in known for office in offices_of(t.text))
    names.acronyms = acronyms_of(doc, list(names.organizations))
    for org in names.organizations.values():
        org.starts.extend(whole_word_occurrences(doc, org.name))
        org.starts = sorted(set(org.starts))
    return names
