"""What the role rules (``extraction.roles``) read: the article's names (``named``), the statements
resolved so far, and the mention itself: its description as written, whether it is definite, the
entity or speaker a token belongs to, the places it names.  No rule lives here."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from onrecord.extraction.docindex import entity_at, index_of_sentence, paragraph_bounds, sentences
from onrecord.extraction.found import Found
from onrecord.extraction.named import ArticleNames, Named, whole_name
from onrecord.identity.names import plain_word
from onrecord.identity.registry import SpeakerRegistry
from onrecord.identity.titles import strip_determiner, title_fits
from onrecord.lexicons.roles import RoleLexicon
from onrecord.lexicons.title_words import COUNTRIES

COUNTRY_WORDS = frozenset(c.lower().replace(" ", "-") for c in COUNTRIES.values())


@dataclass
class Resolved:
    """What a mention names: a name, its type, members for a group, and the mention that names
    it when that is not the statement's own ("a statement" → its author)."""

    name: str
    type: str
    members: tuple[str, ...] = ()
    mention: Span | None = None


@dataclass
class Context:
    """The article as the rules see it."""

    doc: Doc
    names: ArticleNames
    lexicon: RoleLexicon
    found: list[Found]  # the statements resolved so far, in order
    registry: SpeakerRegistry
    _fitting: dict[str, list[Named]] = field(default_factory=dict)
    # the words of the statement being resolved: no one named only there is its speaker
    own_words: list[tuple[int, int]] = field(default_factory=list)

    def in_own_words(self, offset: int) -> bool:
        return any(start <= offset < end for start, end in self.own_words)

    def people_fitting(self, description: str) -> list[Named]:
        """The people (in the order of ``names.people``) given anywhere in the article a title that
        the description fits (``titles.title_fits``): each distinct title is checked once per
        description, not each person's titles for every description (the names and their titles
        do not change while the rules run)."""
        if description not in self._fitting:
            titles = {t.text for person in self.names.people.values() for t in person.titles}
            fitting = {t for t in titles if title_fits(description, t)}
            self._fitting[description] = [person for person in self.names.people.values()
                                          if any(t.text in fitting for t in person.titles)]
        return self._fitting[description]


def description_of(mention: Span, lexicon: RoleLexicon) -> str:
    """A description as written, without a leading article or quantifier ("Several Israeli media
    outlets" → "Israeli media outlets")."""
    start = mention.start
    doc = mention.doc
    while start < mention.end - 1 and (doc[start].dep_ in {"det", "predet"} and doc[start].tag_ != "PRP$"
                                       or doc[start].lower_ in lexicon.quantifiers) \
            and not (not doc[start].whitespace_ and doc[start + 1].text.startswith("-")):  # "Two-thirds": one word
        start += 1
    text = mention.doc[start : mention.end].text.strip(" ,;:\"“”'‘’")
    return text[:-2] if text.endswith(("’s", "'s")) else text


def is_definite(mention: Span) -> bool:
    """"the judge", "this official", "its foreign minister", "the company's chief executive": a
    description of someone already in the story; "a spokeswoman", "one official" bring in someone
    new, whom no earlier name can be."""
    first = mention[0]
    return first.lower_ in {"the", "this", "that", "its", "their", "his", "her"} or any(
        t.dep_ == "poss" and t.head.i == mention.root.i for t in mention)


def entity_name(token: Token, ctx: Context) -> tuple[str, str] | None:
    """The person or organisation a token names, by the entity it is part of."""
    ent = entity_at(ctx.doc, token.i)
    if ent is None:
        return None
    if ent.label_ == "PERSON":
        span = whole_name(ent.root, ctx.lexicon)
        return (span.text if span is not None else ent.text), "person"
    if ent.label_ in {"ORG", "NORP", "GPE"}:
        return strip_determiner(ent.text), "organization"
    return None


def speaker_at(token: Token, ctx: Context) -> tuple[str, str] | None:
    """The speaker of a statement whose mention holds this token, as resolved so far."""
    for f in ctx.found:
        if f.mention is not None and f.mention.start <= token.i < f.mention.end and f.speaker_name:
            return f.speaker_name, f.speaker_type
    return None


def full_names_ending(surname: str, ctx: Context) -> set[str]:
    names = set(ctx.names.people) | {f.speaker_name for f in ctx.found if f.speaker_type == "person"}
    return {n for n in names if len(n.split()) > 1 and n.split()[-1] == surname}


def main_subject(sentence: Span) -> Token | None:
    subjects = [c for c in sentence.root.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return subjects[0] if subjects else None


def titles_of_surname(name: str, mention: Span, ctx: Context) -> list[str]:
    """Every title the article gives a name of this surname ("Clinton" is Hillary Clinton, called
    "former secretary of State" earlier): a candidate is checked against all of them."""
    last = name.split()[-1:]
    return [t for person in ctx.names.people.values() if person.name.split()[-1:] == last
            for t in person.titles_outside(mention)]


def places_named(mention: Span) -> set[str]:
    """The places below a country a description names ("the New Jersey governor" → new, jersey);
    a country is checked as a nationality is (``office_fits``: "the top U.S. diplomat" may be the
    one the article calls "Secretary of State")."""
    return {t.lower_ for t in mention if t.ent_type_ == "GPE" and plain_word(t.text) not in COUNTRIES}


def names_the_places(places: set[str], titles: list[str]) -> bool:
    """A title of the person names the description's places: "the New Jersey governor" is not the
    one the article calls only "Gov." when it names the state for someone else."""
    return not places or any(places <= {w.lower().strip(".,") for w in t.split()} for t in titles)


# sentences after a lede's description within which the article names whom it describes: a lede,
# its context sentence, then the named speaker (delayed identification, ``in_the_lede``)
LEDE_REACH = 3


def next_sentence_end(mention: Span) -> int:
    """Where the sentence after the mention's ends (its own end, if it is the last); for a
    mention in the lede, the article's first paragraph, where the LEDE_REACH-th sentence after
    it ends (``in_the_lede``)."""
    doc = mention.doc
    reach = LEDE_REACH if in_the_lede(mention) else 1
    index = index_of_sentence(doc, mention.start)
    sents = sentences(doc)
    return sents[min(index + reach, len(sents) - 1)].end_char


def in_the_lede(mention: Span) -> bool:
    """Delayed identification: a news lede may describe its speaker ("The head of the World
    Health Organisation on Monday urged …") and name them a few sentences on ("WHO chief Tedros
    Adhanom Ghebreyesus said"), a convention of news writing for a name the reader may not know
    (the "delayed-identification lead": Missouri Group, *News Reporting and Writing*, ch. 7).
    Only the article's first paragraph is such a lede."""
    bounds = paragraph_bounds(mention.doc)
    return bool(bounds) and mention.start_char < bounds[0][1]


DEFINITE = {"the", "this", "that"}


def repeated_description(mention: Span, name: str, type: str, ctx: Context) -> Resolved | None:
    """Repetition rule: a definite description of three words or more written again word for word
    ("The Adviser to the Head of the President's Office noted …", then "According to the Adviser
    to the Head of the President's Office, …") is the person it was resolved to the first time
    (a repeated definite description keeps its referent), or the one person named before it whom
    the article gave it as a title.  Read by its words, not its parse: the parser may hang a
    phrase of it elsewhere the second time, and the title rules then miss it."""
    if len(mention) < 3 or mention[0].lower_ not in DEFINITE:
        return None
    words = [t.lower_ for t in mention[1:]]
    for f in reversed(ctx.found):
        earlier = f.mention
        if earlier is None or earlier.start >= mention.start or f.speaker_type != "person" \
                or not f.speaker_name[:1].isupper() or f.speaker_name == name:
            continue
        if len(earlier) == len(mention) and earlier[0].lower_ in DEFINITE and [t.lower_ for t in earlier[1:]] == words:
            return Resolved(f.speaker_name, "person")
    # or the title the article gave one person, word for word ("Adviser to the Head of the
    # President's Office Mykhailo Podoliak", later "according to the Adviser to the Head of …")
    text = " ".join(words).replace(" 's", "'s").replace(" ’s", "’s")
    holders = [name for name, person in ctx.names.people.items()
               if any(t.text.lower() == text for t in person.titles)
               and any(start < mention.start_char for start in person.starts)]  # named before it
    return Resolved(holders[0], "person") if len(holders) == 1 else None
