"""Names the article gives in part, or in a transcript's capitals: "MAYOR HOLT:" is a person (an
office and a name) whatever the model made of the name ("HOLT" a verb, "PRICE" a noun); a long
title that ends in a person's full name ("The First Deputy Head of the … Contact Group MP Andriy
Kostin") is that person; a first name alone ("Mark has done good work") is the one person of the
article with that first name; a listed given name and a capitalised word ending a description are
a person's name (``given_name_at_end``).  Rules of ``extraction.roles`` (and of the speaker names,
the last) that read a name, not a description.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from onrecord.extraction.role_context import Context, Resolved
from onrecord.extraction.speaker_classes import speaker_class_of_word
from onrecord.identity.names import HONORIFICS
from onrecord.identity.titles import named_as_object, office_head, split_title, title_word
from onrecord.lexicons.given_names import load_given_names

LABEL = re.compile(r"[A-Z][A-Z.'’ -]*[A-Z]")  # a transcript's speaker label, in capitals


def name_ends_mention(mention: Span, name: str, type: str, ctx: Context) -> Resolved | None:
    """"The First Deputy Head of the … Contact Group MP Andriy Kostin": a mention that ends in the
    full name of a person the article names is that person, however long the title before it."""
    if type == "person" and name in ctx.names.people or len(mention) < 3:
        return None
    text = mention.text
    people = [p for p in ctx.names.people if len(p.split()) > 1 and text.endswith(" " + p)
              and not named_as_object(text[: -len(p)])]  # not "an aide to Boris Johnson"
    return Resolved(max(people, key=len), "person") if people else None


def given_name(mention: Span, name: str, type: str, ctx: Context) -> Resolved | None:
    """"Mark has done good work" in an article that names Mark Rutte: a first name alone is the
    one person of the article with that first name (news and transcripts call a person so once
    the full name is given), unless it is someone's surname too, or the first name of several."""
    if type != "person" or mention.text.strip() != name:
        return None
    full = full_name_of_given(name, ctx)
    return Resolved(full, "person") if full is not None else None


def full_name_of_given(name: str, ctx: Context) -> str | None:
    """``given_name``: the article's one full name whose first name this one word is."""
    if len(name.split()) != 1 or not name[:1].isupper() or name.isupper():
        return None
    known = set(ctx.names.people) | {f.speaker_name for f in ctx.found if f.speaker_type == "person"}
    full = {n for n in known if len(n.split()) > 1}
    if any(n.split()[-1] == name for n in full):
        return None
    holders = {n for n in full if n.split()[0] == name}
    return holders.pop() if len(holders) == 1 else None


def label_person(mention: Span) -> Resolved | None:
    """Transcript rule: a speaker label in capitals made of an office and a name ("MAYOR HOLT",
    "GOVERNOR PRICE") is that person (White House and Kremlin transcripts label each turn so),
    not an acronym's organisation nor a common noun; "THE PRESIDENT" (no name) is not one."""
    text = mention.text.strip()
    if not LABEL.fullmatch(text):
        return None
    title, bare = split_title(text)
    if title is None or bare is None or office_head(bare) is not None:
        return None
    if office_head(title) is None and title_word(title.split()[-1]) not in HONORIFICS:  # "MR. WALTZ"
        return None
    return Resolved(name_case(bare), "person")


def name_case(name: str) -> str:
    """A name a transcript label wrote in capitals as a name is written ("BURGUM" → "Burgum",
    "O'BRIEN" → "O'Brien", "SMITH-JONES" → "Smith-Jones"); a name not all in capitals as it is."""
    if not name.isupper():
        return name
    return re.sub(r"[^\W\d_]+", lambda m: m.group(0)[:1] + m.group(0)[1:].lower(), name)


def given_name_at_end(mention: Span) -> tuple[str, str] | None:
    """Given-name rule: a description that ends, after a capitalised title or body word, in a listed
    given name and a capitalised word ("Lexington Institute VP for Defense Rebecca Grant:", which the
    model splits into an organisation and nothing) ends in a person's name; not after a preposition
    ("the Committee for Anna Berg:")."""
    words = [t for t in mention if not t.is_punct]
    if mention.root.pos_ != "PROPN":
        return None  # a common noun's phrase ("a phone conversation with Mayor Dan Pike") names its topic
    if len(words) < 3 or not all(t.pos_ == "PROPN" and t.is_title for t in words[-2:]):
        return None
    first, last, before = words[-2], words[-1], words[-3]
    names = load_given_names()
    if not before.is_title or len(before.text.rstrip(".")) < 2 or names.gender(before.text) is not None:
        return None  # an initial or a given name before it: "Christina N Luis Olidem" is one name
    if names.gender(first.text) is None \
            or speaker_class_of_word(last) == "organization" or last.ent_type_ in {"GPE", "LOC", "FAC"}:
        return None
    return f"{first.text} {last.text}", "person"
