"""Names kept whole: a person's name as written, across hyphens (Bankman-Fried, Jean-Pierre),
particles (von der Leyen, bin Salman) and initials (J.D. Vance), without the title before it.
``named`` and the role rules read a person's name through ``whole_name``; the small model's
entities cut such names anywhere ("Ursula von der [Leyen]", "Bankman-[Fried]"); a body's name
keeps the country that owns it (``with_owner_country``: "Russia's Foreign Ministry").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from onrecord.extraction.docindex import once
from onrecord.identity.names import HONORIFICS, NAME_PARTICLES
from onrecord.lexicons.given_names import load_given_names
from onrecord.lexicons.not_names import fold, load_not_names
from onrecord.lexicons.roles import RoleLexicon
from onrecord.lexicons.title_words import COUNTRIES, TITLE_WORDS


def _is_title_token(token: Token, lexicon: RoleLexicon) -> bool:
    word = token.lower_.rstrip(".")
    return word in TITLE_WORDS or word in HONORIFICS or word in lexicon.person_nouns or word == "ceo"


def _joined(left: Token, right: Token) -> bool:
    """Two tokens written with no space between them ("Bankman" "-" "Fried")."""
    return left.i + 1 == right.i and not left.whitespace_


def _name_token(token: Token, lexicon: RoleLexicon) -> bool:
    if _is_title_token(token, lexicon) or token.ent_type_ in {"DATE", "TIME", "CARDINAL"}:
        return False
    text = token.text
    return (text[:1].isupper() and token.pos_ in {"PROPN", "NOUN", "ADJ", "X"}
            and not text.endswith(("'s", "’s"))) or bool(re.fullmatch(r"(?:[A-Z]\.)+", text))


def _same_name(prev: Token, token: Token) -> bool:
    """A capitalised word belongs to the name after it when the model put both in one entity, or
    put the first in a person's ("[Ursula von der] [Leyen]"); not "Rival [Hillary Clinton]"."""
    return prev.ent_type_ == "PERSON" or (prev.ent_iob_ != "O" and token.ent_iob_ == "I"
                                          and prev.ent_type_ == token.ent_type_)


def _ends_a_title(token: Token) -> bool:
    """A country or body after "of" ends the title before a name ("President of [Ukraine]
    Volodymyr Zelenskyy"), and a nationality is no part of one ("Russian")."""
    before = token.doc[token.i - 1].lower_ if token.i > 0 else ""
    return before in {"of", "for"} or token.lower_ in COUNTRIES


def whole_name(token: Token, lexicon: RoleLexicon) -> Span | None:
    """The name a token is part of, kept whole: capitalised words, initials, hyphenated parts and
    particles before a capitalised word ("Ursula von der Leyen", "Mohammed bin Salman"); None
    when the token is not part of a name."""
    doc = token.doc
    if not _name_token(token, lexicon):
        return None
    start = end = token.i
    while start > 0:
        prev = doc[start - 1]
        if prev.text in {"-", "‐"} and start >= 2 and _joined(doc[start - 2], prev) and _joined(prev, doc[start]):
            start -= 2  # "Bankman" "-" ["Fried"]
        elif prev.lower_ in NAME_PARTICLES and prev.text.islower():
            start -= 1
        elif _name_token(prev, lexicon) and prev.pos_ == "PROPN" and not _ends_a_title(prev) \
                and _same_name(prev, doc[start]):
            start -= 1
        else:
            break
    while doc[start].lower_ in NAME_PARTICLES and start < token.i:
        start += 1  # a name does not start with its particle unless written so ("von der Leyen said")
    while end + 1 < len(doc):
        nxt = doc[end + 1]
        if nxt.text in {"-", "‐"} and end + 2 < len(doc) and _joined(doc[end], nxt) and _joined(nxt, doc[end + 2]) \
                and doc[end + 2].text[:1].isupper():
            end += 2
        elif nxt.lower_ in NAME_PARTICLES and nxt.text.islower():
            after = end + 1
            while after < len(doc) and doc[after].lower_ in NAME_PARTICLES and doc[after].text.islower():
                after += 1  # "Ursula [von der] Leyen": particles in a run
            if after >= len(doc) or not _name_token(doc[after], lexicon):
                break
            end = after - 1
        elif _name_token(nxt, lexicon) and nxt.pos_ == "PROPN":
            end += 1
        else:
            break
    if token.i > 0 and doc[token.i - 1].lower_ in NAME_PARTICLES and start == token.i:
        # "von der Leyen": the particles begin the name when nothing comes before them
        while start > 0 and doc[start - 1].lower_ in NAME_PARTICLES and doc[start - 1].text.islower():
            start -= 1
    return doc[start : end + 1]


def is_name_hyphen(token: Token) -> bool:
    """A hyphen written without spaces between two capitalised words of a name."""
    doc = token.doc
    return (token.text in {"-", "‐"} and not token.whitespace_ and 0 < token.i < len(doc) - 1
            and not doc[token.i - 1].whitespace_ and doc[token.i - 1].text[:1].isupper())


def after_country_of(entity: Span) -> Span:
    """A person's entity without the country that ends the phrase before the name, which the small
    model often takes in after "of": "friends of [Ukraine Andrzej Duda]", "President of [Ukraine
    Volodymyr Zelenskyy]"; kept when it leaves fewer than two words (a first name that is also a
    country's: "Georgia", "Jordan")."""
    doc = entity.doc
    if len(entity) >= 3 and entity.start > 0 and doc[entity.start - 1].lower_ == "of" \
            and fold(entity[0].text) in load_not_names().countries:
        return doc[entity.start + 1 : entity.end]
    return entity


def without_epithet(entity: Span) -> Span:
    """A person's entity without a word the model took in before the given name ("[Billionaire]
    Donald Trump praised …", "[Telling] Jeb Bush that …"): a word the parse reads as no name (a
    common noun, a verb, an adjective, an adverb) just before a listed given name is the writer's
    description, not part of the name.  A listed given name is never dropped ("Rose Mary Woods")."""
    names = load_given_names()
    if len(entity) >= 3 and entity[0].pos_ in {"NOUN", "VERB", "ADJ", "ADV"} \
            and names.gender(entity[1].text) is not None and names.gender(entity[0].text) is None:
        return entity[1:]
    return entity


def with_owner_country(body: Span, mention: Span) -> Span:
    """Owner rule: "Russia's Foreign Ministry", "Ukraine's General Staff": the model names the body
    without the country that owns it, and "Foreign Ministry" alone would be Russia's and Ukraine's
    at once; the country in the possessive right before it, inside the mention, is part of the name."""
    doc = body.doc
    case = body.start - 1
    if case - 1 < mention.start or doc[case].lower_ not in {"'s", "’s"} or doc[case - 1].ent_type_ != "GPE":
        return body
    start = case - 1
    while start - 1 >= mention.start and doc[start - 1].ent_type_ == "GPE" and doc[start - 1].ent_iob_ == "I":
        start -= 1
    return doc[start : body.end]


def narrated_surnames(doc: Doc, persons: list[tuple[int, str]]) -> set[str]:
    """The surnames of the full names among ``persons`` (the narration's), once per article."""
    return once(doc, "narrated surnames", lambda: {n.split()[-1] for _, n in persons if len(n.split()) > 1})


def reads_as_a_name(doc: Doc, name: str, persons: list[tuple[int, str]]) -> bool:
    """A one-word "person" the model found is a name to continue only when the article shows it is
    one: the surname of a full name it gives, a listed given name, or a word after an honorific
    or a title somewhere ("Mr. Obama", "President Putin").  "stocking up on Beehive freeze-dried
    food", a brand the model took for a person, is no antecedent of a "she" two paragraphs on."""
    if len(name.split()) > 1 or load_given_names().gender(name) is not None:
        return True
    if name in narrated_surnames(doc, persons):
        return True
    for offset, other in persons:
        if other == name:
            span = doc.char_span(offset, offset + len(name), alignment_mode="expand")
            before = doc[span.start - 1].lower_.rstrip(".") if span is not None and span.start else ""
            if before in HONORIFICS or before in TITLE_WORDS:
                return True
    return False
