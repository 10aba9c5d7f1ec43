"""Surnames several people of an article share ("Biden" beside Joe and Hunter Biden, "Grayson"
beside the congressman, his wife and his ex-wife): which of them a bare or titled surname is.
Two of the role rules (``roles.NAME_RULES``), each a function below:

* ``titled_surname`` — "President Obama" beside Barack and Michelle Obama: the one given the
  title; given to none, the pinned person;
* ``shared_surname`` — a bare surname: the one who spoke last, just before it; further back, the
  one the article named first among those who speak in it.
"""

from __future__ import annotations

from spacy.tokens import Span

from onrecord.extraction.docindex import paragraph_number
from onrecord.extraction.named import Named
from onrecord.extraction.role_context import Context, Resolved, full_names_ending
from onrecord.identity.names import HONORIFICS
from onrecord.identity.titles import office_fits, split_title
from onrecord.lexicons.title_words import TITLE_WORDS


def titled_surname(mention: Span, name: str, type: str, ctx: Context) -> Resolved | None:
    """"President Obama" in an article that names Barack and Michelle Obama: a surname with a title
    is the one person of that surname the article gives the title; when it gives it to none, the
    pinned person of that surname, not another one ("President Biden" is Joe Biden, never his son
    Hunter, whom the article names in full)."""
    if type != "person" or len(name.split()) != 1:
        return None
    title, bare = split_title(mention.text)
    if not title or bare != name or title.lower().rstrip(".") in HONORIFICS:
        return None
    others = full_names_ending(name, ctx)
    holders = [n for n in others if n in ctx.names.people
               and office_fits(title, ctx.names.people[n].titles_outside(mention))]
    if len(holders) == 1:
        return Resolved(holders[0], "person")
    pinned = ctx.registry.pinned_person(name)
    if holders or not others or pinned is None or pinned.canonical_name in others:
        return None
    return Resolved(pinned.canonical_name, "person")


SHARED_SURNAME_PARAGRAPHS = 1  # paragraphs back a bearer's own words still decide a bare surname


def shared_surname(mention: Span, name: str, type: str, ctx: Context) -> Resolved | None:
    """A bare surname two people of the article share ("Biden" after Joe and Hunter Biden): the
    one of them who spoke last before it, since a story names its current speaker so, when that
    was in the mention's paragraph or the one before.  Further back the story has moved on (an
    ex-wife's email quoted early, then paragraphs on the congressman: "Grayson then quickly lost
    endorsements"): the bearer the article named first among those who speak in it, whom news
    names in full first and by the surname alone after, naming the others in full each time."""
    if type != "person" or len(name.split()) != 1 or mention.text.strip() != name:
        return None
    if len(full_names_ending(name, ctx)) < 2:
        return None
    # before it: a bearer who speaks only later ("Then, Bill Clinton set his wife's expectations …"
    # paragraphs after "Clinton sought to brush aside her Michigan loss") has not spoken yet
    last = next((f for f in reversed(ctx.found) if f.speaker_type == "person" and f.start < mention.start_char
                 and f.speaker_name.split()[-1:] == [name] and len(f.speaker_name.split()) > 1), None)
    if last is not None and paragraph_number(ctx.doc, mention.start_char) - paragraph_number(ctx.doc, last.start) \
            <= SHARED_SURNAME_PARAGRAPHS:
        return Resolved(last.speaker_name, "person")
    bearers = _bearers_before(name, mention.start_char, ctx)
    if len(bearers) < 2:
        if last is not None:
            return Resolved(last.speaker_name, "person")
        # the one bearer named so far: the reader knows no other yet ("Hillary Clinton" in the
        # lead, "Clinton sought …", and Bill Clinton named only paragraphs later)
        return Resolved(bearers[0].name, "person") if bearers else None
    spoken = {f.speaker_name for f in ctx.found if f.speaker_type == "person"}
    # a bare surname that spoke while only one bearer was named was that bearer speaking
    spoken |= {only[0].name for f in ctx.found if f.speaker_type == "person" and f.speaker_name == name
               and f.start < mention.start_char and len(only := _bearers_before(name, f.start, ctx)) == 1}
    # one who never speaks (a son killed in the attack, whom his mother speaks of) is no speaker
    speaking = [b for b in bearers if b.name in spoken] or bearers
    return Resolved(min(speaking, key=lambda b: min(b.starts)).name, "person")


def _bearers_before(surname: str, offset: int, ctx: Context) -> list[Named]:
    """The different people of a surname the article names before an offset: full names whose
    first word is no title, honorific or abbreviation in capitals ("AG Mukasey" beside Michael
    Mukasey), and not a longer name ending in another one ("Condemn Donald Trump", a headline's
    word run into Donald Trump)."""
    named = [p for p in ctx.names.people.values() if len(p.name.split()) > 1 and p.name.split()[-1] == surname
             and p.starts and min(p.starts) < offset and not p.name.split()[0].isupper()
             and p.name.split()[0].lower().rstrip(".") not in TITLE_WORDS | HONORIFICS]
    words = {p.name: p.name.split() for p in named}
    return [p for p in named if not any(len(w) < len(words[p.name]) and words[p.name][-len(w):] == w
                                        for other, w in words.items() if other != p.name)]
