"""Official titles written before a name: "Head of the Office of the President of Ukraine Andriy
Yermak", "Press Secretary of the President of Ukraine Serhiy Nykyforov", "President of Ukraine
Volodymyr Zelenskyy".  Official releases (president.gov.ua, kremlin.ru, whitehouse.gov) write the
whole office, with its "of" phrases, before the holder's name; the small model's entities and
parse cut such a run anywhere ("[the Office of the President of] [Ukraine] Andriy [Yermak]"), so
the run is read from the words themselves, as ``named._office_of_place_before`` reads "President
of Russia Vladimir Putin":

* ``holder_name``   — the holder's whole name: the entity's name and the capitalised words just
                      before it that the model left outside any entity ("Andriy [Yermak]"), none
                      of them a title word, a place or an organisation noun;
* ``titles_before_names`` — the official title before any place the article writes a person's
                      full name, for names the model did not take for a person there;
* ``written_title`` — the run of capitalised words and title glue ("of", "the", "to" …) written
                      right before that name, from its first office word ("Head", "Press
                      Secretary") to the name: the title the article gives its holder.

Rule (English style for titles before a name): a title with its "of" phrases precedes the name
as one noun phrase (Chicago Manual of Style, 8.21-8.22); the parse's reading of it is not needed.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from onrecord.extraction.docindex import standalone_occurrences
from onrecord.identity.names import HONORIFICS
from onrecord.identity.titles import office_head, title_word
from onrecord.lexicons.not_names import fold, load_not_names
from onrecord.lexicons.roles import RoleLexicon
from onrecord.lexicons.title_words import TITLE_WORDS

GLUE = frozenset({"of", "the", "for", "to", "and", "on"})  # words inside an official title
POSSESSIVES = frozenset({"'s", "’s"})  # "the President's Office"
NAME_REACH = 2  # first names the model may leave outside the entity ("Andriy [Yermak]")
TITLE_REACH = 16  # words looked back for the title: "First Deputy Head of the … Trilateral Contact Group MP"


def _title_token(token: Token, lexicon: RoleLexicon) -> bool:
    word = token.lower_.rstrip(".")
    return word in TITLE_WORDS or word in HONORIFICS or word in lexicon.person_nouns


def _outside_name_word(token: Token, lexicon: RoleLexicon) -> bool:
    """A first name the model left outside the person entity: a capitalised proper noun in no
    entity, no title word, no place and no organisation noun."""
    places = load_not_names()
    return (token.pos_ == "PROPN" and token.is_title and not token.ent_type_ and token.is_alpha
            and not _title_token(token, lexicon) and token.lower_ not in lexicon.organization_nouns
            and fold(token.text) not in places.countries | places.places)


def holder_name(name: Span, lexicon: RoleLexicon) -> Span:
    """The name with the first names written just before it that no entity took ("Andriy
    [Yermak]"), when a title word, a place or "of … Place" comes before them: the name of an
    official, written after the title."""
    doc = name.doc
    start = name.start
    while start > 0 and name.start - start < NAME_REACH and _outside_name_word(doc[start - 1], lexicon):
        start -= 1
    if start == name.start or start == 0:
        return name
    before = doc[start - 1]
    if before.ent_type_ in {"GPE", "ORG", "NORP"} or _title_token(before, lexicon) or before.is_title:
        return doc[start : name.end]
    return name


def lowercase_title_word(token: Token, run_start: int, name_start: int) -> bool:
    """News style lowercases a title before a name ("WHO chief Tedros Adhanom Ghebreyesus",
    "Russian foreign minister Sergei Lavrov", AP style for a title set off by an organisation or
    a nationality): a lowercase office word right before the name, or a lowercase modifier of a
    word already in the run ("foreign" of "minister"), belongs to the title."""
    if not (token.is_lower and token.is_alpha):
        return False
    if run_start == name_start:
        return office_head(token.text) is not None
    return token.dep_ in {"amod", "compound"} and run_start <= token.head.i < name_start


def _acronym_or_office(token: Token) -> bool:
    """An acronym or an office word the tagger misread ("WHO chief": "who" a pronoun, "chief" a
    verb of its relative clause)."""
    return (token.is_upper and token.is_alpha and len(token) > 1) or office_head(token.text) is not None


def written_title(name: Span, lexicon: RoleLexicon) -> Span | None:
    """The title written right before a name, as one run of capitalised words and title glue
    that starts at its first office word ("Head of the Office of the President of Ukraine"), or
    lowercased by news style ("WHO chief", ``lowercase_title_word``); None when no office word
    starts such a run."""
    doc = name.doc
    i = name.start
    sentence_start = name.sent.start
    while i > sentence_start and name.start - i < TITLE_REACH:
        token = doc[i - 1]
        if token.ent_type_ == "PERSON":
            break  # "President … Andrzej Duda and President … Gitanas Nausėda": another's name ends it
        if token.text[:1].isupper() or token.lower_ in GLUE or token.text in {"’s", "'s"} \
                or lowercase_title_word(token, i, name.start):
            i -= 1
        else:
            break
    tokens = list(doc[i : name.start])
    while tokens and (tokens[0].lower_ in GLUE or (tokens[0].pos_ not in {"PROPN", "NOUN", "ADJ"}
                                                   and not _acronym_or_office(tokens[0]))):
        tokens = tokens[1:]  # "The", "In": the run starts at a word of the title
    while tokens and tokens[-1].lower_ in GLUE:
        tokens = tokens[:-1]
    if not tokens:
        return None
    start = tokens[0].i
    if start > sentence_start and doc[start - 1].lower_ in lexicon.distinguishing:
        start -= 1  # "former Prime Minister Justin Trudeau": not the prime minister now ("the prime minister")
    title = doc[start : tokens[-1].i + 1]
    return title if office_head(title.text) is not None else None


def title_cut_by_parse(name: Span) -> Span | None:
    """The name with the title written right before it, where the parse's noun phrase of the name
    cut the title ("This was stated by [Adviser to the Head of the President's Office Mykhailo
    Podoliak] during …", whose noun phrase is "the President's Office Mykhailo Podoliak"): the
    run of capitalised words and title glue back from the name, from its first title word (any
    of ``TITLE_WORDS``, where ``written_title`` wants an office) to the end of the name; None when
    it holds none, when the name modifies another noun ("Former Carson advisers") or when the run
    holds a verb (a headline in title case: "… Does Not Like Donald Trump")."""
    doc = name.doc
    if name.root.dep_ in {"compound", "poss"} or name.root.tag_ == "POS":
        return None
    start = name.start
    while start > 0 and name.start - start < TITLE_REACH and not doc[start].is_sent_start and (
            doc[start - 1].text[:1].isupper() or doc[start - 1].lower_ in GLUE | POSSESSIVES):
        start -= 1
    while start < name.start and title_word(doc[start].text) not in TITLE_WORDS:
        start += 1
    if start == name.start or any(t.pos_ in {"VERB", "AUX"} for t in doc[start : name.start]):
        return None
    return doc[start : name.end]


def titles_before_names(doc: Doc, people: list[str], lexicon: RoleLexicon) -> dict[str, list[Span]]:
    """For each full name, the official titles written before it anywhere in the text ("by Press
    Secretary of the President of Ukraine Serhiy Nykyforov", where the model saw no person)."""
    out: dict[str, list[Span]] = {}
    for person in people:
        if len(person.split()) < 2:
            continue
        for start, end in standalone_occurrences(doc, person):  # by the word index, not a pass per person
            span = doc.char_span(start, end)
            title = written_title(span, lexicon) if span is not None else None
            if title is not None:
                out.setdefault(person, []).append(title)
    return out


def offices_of(title: str) -> list[str]:
    """A title that joins two offices ("Deputy Prime Minister and Minister for Reintegration")
    as each office, so that "the Deputy Prime Minister" and "the Minister" both find its holder."""
    parts = title.split(" and ")
    if len(parts) > 1 and all(office_head(p) is not None and p[:1].isupper() for p in parts):
        return parts
    return [title]
