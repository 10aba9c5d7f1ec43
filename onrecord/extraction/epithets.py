"""Epithets: a definite description of what a person is ("the retired neurosurgeon", "the
billionaire businessman", "the Texan", "the candidate"), written where the story goes on about
someone it has just named, is that person.  News writing avoids repeating a name by such
descriptions (Fowler's "elegant variation"); their referent is the entity in focus, the subject of
the sentences just before (centering: Grosz, Joshi & Weinstein, "Centering", *Computational
Linguistics* 21(2), 1995).

The rule (``salient_epithet``) runs last among the role rules (``roles.RULES``), only where none
resolved the description, and never where the article gave its title to anyone (``person_for``
decides those).  It answers only when nothing the article says of the person contradicts the
description: another office, place, party or gender.  "The man", "the moderator" and "the
official" are no epithets (``roles.yaml``: ``epithets``): they bring in someone else.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from onrecord.extraction.docindex import in_quotes, index_of_sentence
from onrecord.extraction.docindex import sentences as sentences_of
from onrecord.extraction.genders import article_genders, name_gender
from onrecord.extraction.named import plural
from onrecord.extraction.role_context import (
    COUNTRY_WORDS,
    Context,
    Resolved,
    description_of,
    entity_name,
    main_subject,
    names_the_places,
    places_named,
    titles_of_surname,
)
from onrecord.extraction.speaker_classes import is_an_age, speaker_class
from onrecord.identity.titles import office_fits, office_head, office_words
from onrecord.lexicons.given_names import gender_of_name

# narrated sentences looked back, before the epithet's own, for the person in focus: a news
# paragraph names its subject again within a sentence or two
EPITHET_REACH = 2
# party words, each as the party it names: a description by one party is no one the article
# gives another ("the Democratic candidate" is not the "Republican nominee")
PARTIES = {"republican": "republican", "gop": "republican", "democratic": "democratic",
           "democrat": "democratic", "independent": "independent", "libertarian": "libertarian"}
# a demonym and the place of a title share their first letters: "Texan" / "Texas"
DEMONYM_STEM = 4
# words that bring in another person of the kind: "the other candidate", "the first candidate"
ANOTHER = {"other", "another", "first", "second", "third", "last", "next", "same"}


def salient_epithet(mention: Span, name: str, type: str, ctx: Context) -> Resolved | None:
    """"The retired neurosurgeon addressed his concerns …" after "Carson rejected the notion …":
    Ben Carson.  A definite singular description whose head is an epithet (``roles.yaml``) or a
    demonym, restricted by no clause of its own, is the named person the narration is about just
    before it (``_person_in_focus``), unless its own clause names that person too
    (``named_beside``) or anything the article says of them contradicts it (``_agrees``)."""
    if not _is_epithet(mention, ctx):
        return None
    description = description_of(mention, ctx.lexicon)
    if ctx.people_fitting(description):
        return None  # a title the article gave someone: the title rules have said whether they can tell whom
    person = _person_in_focus(mention, ctx)
    if person is None or named_beside(mention, person, ctx) or not _agrees(mention, description, person, ctx):
        return None
    if below_its_referent(mention, person, ctx):
        return None
    return Resolved(person, "person")


def below_its_referent(mention: Span, person: str, ctx: Context) -> bool:
    """Disjoint-reference rule (Chomsky's Principle C, as ``pronouns.named_in_own_clause``): a
    description in a clause under its sentence's main clause is not the person that clause's subject
    already names or describes ("the South Carolina senator called on Republicans to unendorse Trump
    after the billionaire estate mogul claimed …": the mogul is not Graham, the person in focus); a
    writer meaning the same person would have written "he".  Left unresolved rather than guessed."""
    sent = mention.root.sent
    subject = main_subject(sent)
    if subject is None or subject.i >= mention.start or subject.pos_ == "PRON" or mention.root.head.i == sent.root.i:
        return False
    words = sent.doc[subject.left_edge.i : subject.i + 1]
    if person.split()[-1] in {t.text for t in words}:
        return True  # the subject names the person
    # the subject describes a person ("the South Carolina senator"): the one in focus, most likely
    return words[0].lower_ == "the" and speaker_class(subject) == "person"


def _is_epithet(mention: Span, ctx: Context) -> bool:
    head = mention.root
    if mention[0].lower_ != "the" or plural(head) or any(t.lower_ in ANOTHER for t in mention):
        return False
    if any(c.dep_ in {"relcl", "acl"} and head.doc[c.left_edge.i - 1].text != "," and c._.cue is None
           for c in head.children if c.left_edge.i > 0):
        # "the woman who started it all": a clause that tells which one, someone new (not the cue
        # itself, which a parse may hang on it: '"…?" the 43-year-old asked')
        return False
    return head.lower_ in ctx.lexicon.epithets or _demonym(head) or is_an_age(head)  # "the 46-year-old"


def _demonym(head: Token) -> bool:
    """"the Texan", "the Floridian": one capitalised word after "the" that the model calls a
    nationality or group."""
    return head.i > 0 and head.doc[head.i - 1].lower_ == "the" and head.text[:1].isupper() \
        and head.ent_type_ == "NORP" and head.lower_ not in PARTIES


def _person_in_focus(mention: Span, ctx: Context) -> str | None:
    """The named person the narration is about just before the mention.  Walking back over the
    EPITHET_REACH narrated sentences before its own (sentences wholly inside a quotation are the
    speaker's words, not the narration, and are passed over), the first sentence that names a
    person decides: the speaker of a statement whose mention is in it, else its main subject or
    the subject's owner ("Lopez's show was cancelled"), else — with no subject the parser found —
    the one person it names ("More troubling was Trump's unwillingness …").  None when that
    sentence names people but none of these ways picks one."""
    doc = ctx.doc
    sentences = sentences_of(doc)
    index = index_of_sentence(doc, mention.start)
    by_surname: dict[str, set[str]] = {}
    for name in ctx.names.people:
        if name.split():
            by_surname.setdefault(name.split()[-1], set()).add(name)
    narrated = 0
    for sentence in reversed(sentences[:index]):
        if narrated == EPITHET_REACH:
            break
        if in_quotes(doc, sentence.root.idx) and not any(
                f.mention is not None and sentence.start <= f.mention.start < sentence.end for f in ctx.found):
            continue
        if not any(t.pos_ in {"VERB", "AUX"} for t in sentence):
            continue  # a line with no verb ("Getty.", a photo's credit or caption) narrates no one
        narrated += 1
        people = _people_named(sentence, by_surname, ctx)
        if not people:
            continue
        spoken = [f for f in ctx.found if f.mention is not None and sentence.start <= f.mention.start < sentence.end
                  and not in_quotes(doc, f.mention.start_char) and f.speaker_type == "person"]
        if spoken and spoken[0].speaker_name[:1].isupper():
            return spoken[0].speaker_name
        subject = main_subject(sentence)
        if subject is None:
            return people[0][1] if len({name for _, name in people}) == 1 else None
        owners = [subject, *(c for c in subject.children if c.dep_ == "poss")]
        return next((name for token, name in people if token in owners), None)
    return None


def _people_named(sentence: Span, by_surname: dict[str, set[str]], ctx: Context) -> list[tuple[Token, str]]:
    """The people a sentence's narration names, in order, each at the token that names it: a
    person entity, or the surname of a person the article names (``by_surname``: the model may tag
    one an organisation, "Trump's unwillingness")."""
    doc = ctx.doc
    # the statements resolved so far whose mention is in this sentence, each token to the first
    # (as ``speaker_at`` reads them), gathered once instead of once per token
    spoken: dict[int, tuple[str, str]] = {}
    for f in ctx.found:
        mention = f.mention
        if mention is not None and f.speaker_name and mention.start < sentence.end and sentence.start < mention.end:
            for i in range(mention.start, mention.end):
                spoken.setdefault(i, (f.speaker_name, f.speaker_type))
    out = []
    for token in sentence:
        if in_quotes(doc, token.idx):
            continue
        word = token.text.removesuffix("’s").removesuffix("'s")
        named = spoken.get(token.i) or entity_name(token, ctx)
        if named is not None and named[1] == "person" and named[0][:1].isupper():
            out.append((token, named[0]))
        elif word in by_surname:
            names = by_surname[word]
            out.append((token, next(iter(names)) if len(names) == 1 else word))
    return out


# the children of a verb that open a clause of their own: a name there is not in the mention's clause
OTHER_CLAUSES = {"ccomp", "xcomp", "conj", "advcl", "parataxis", "relcl", "acl", "csubj"}


def named_beside(mention: Span, person: str, ctx: Context) -> bool:
    """A description and a name in one clause are two people: "“It doesn't make me nervous,” the
    cautious candidate said of running against Mr. Trump" is not Trump (cf. Chomsky's Principle
    C).  The clause is the mention's verb with its own arguments, not the clauses that hang from
    it: "the nominee later said [he was sarcastic …, which drew criticism that Trump …]" may be
    Trump.  A name before the description in another clause ("Clinton leads Sanders, but the
    socialist …") is no bar either."""
    surname = person.split()[-1]
    verb = mention.root.head
    stack = [verb]
    while stack:
        token = stack.pop()
        if token.text.removesuffix("’s").removesuffix("'s") == surname and not mention.start <= token.i < mention.end:
            return True
        stack.extend(c for c in token.children if c.dep_ not in OTHER_CLAUSES and c.i != mention.root.i)
    return False


def _party_member_of_a_place(mention: Span) -> bool:
    """"The South Carolina Republican" after "Rep. Trey Gowdy": a party member of a state is how
    news names a legislator again; the state need not be in the person's titles (a title that
    names another office or party still contradicts it).  Only a state set before the party word:
    "the Republican from Alabama" may be someone the sentence brings in."""
    head = mention.root
    return head.lower_ in PARTIES and all(t.i < head.i for t in mention if t.ent_type_ == "GPE")


def _agrees(mention: Span, description: str, person: str, ctx: Context) -> bool:
    """Nothing the article says of the person contradicts the description: the gender its words
    mark; an office (one of the person's titles must fit it, when the article gives any); the
    places and countries it names (a title of the person must name them); its party (no title of
    the person may name another); a demonym (a title must name its place)."""
    wanted = gender_of_name(" ".join(t.lower_ for t in mention))  # "the businesswoman": its nouns
    if wanted is not None and name_gender(person, article_genders(ctx.doc)) not in {None, wanted}:
        return False
    titles = titles_of_surname(person, mention, ctx)
    if office_head(description) is not None and titles and not office_fits(description, titles):
        return False
    places = places_named(mention)
    if not names_the_places(places, titles) and not _party_member_of_a_place(mention):
        return False
    countries = COUNTRY_WORDS.intersection(office_words(description))
    if countries and not any(countries & set(office_words(t)) for t in titles):
        return False
    title_words = {w.lower().strip(".,()") for t in titles for w in t.split()}
    parties = {PARTIES[t.lower_] for t in mention if t.lower_ in PARTIES}
    theirs = {PARTIES[w] for w in title_words if w in PARTIES}
    if parties and theirs and not parties & theirs:
        return False
    if _demonym(mention.root):
        stem = mention.root.lower_[:DEMONYM_STEM]
        return any(w.startswith(stem) for w in title_words)
    return True
