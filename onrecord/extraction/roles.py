"""Roles: a speaker the article names by role, title or description ("the judge", "the company",
"the top Russian diplomat", "DSHS") resolves to the person or organisation the same article
names in that role; only when nothing in the article names them does the role stay, typed
``role`` (never merged across articles).

``resolve_roles`` runs once per article, after each statement's speaker was read from its mention
(``speakers.name_speakers``) and before short names take the article's full ones.  It reads what
the article names (``named``) through ``role_context``.  Every statement with a mention of its
own goes through these rules, the first that answers wins; a mention whose head or apposition
is a person's name only through the first three:

* ``name_ends_mention``   — a long title that ends in a person's full name is that person;
* ``whole_speaker_name``  — a person's name kept whole: hyphens (Bankman-Fried), particles (von
                            der Leyen, bin Salman), initials (J.D. Vance);
* ``titled_surname``      — "Governor Tamsin": the one of that surname the article gives the
                            title; given to none, the pinned person ("President Biden" beside
                            Hunter Biden is Joe Biden);
* ``shared_surname``      — a bare surname two people share: the one who spoke last, just
                            before it; further back, the one the article named first (these
                            two in ``shared_surnames``);
* ``given_name``          — "Mark" alone: the one person of the article with that first name;
* ``expanded_acronym``    — an acronym is the organisation it abbreviates in this article ("the
                            Texas Department of State Health Services (DSHS)"), and "the WHO" is
                            an organisation, never the pronoun "who";
* ``document_author``     — a document is not a speaker: "Hunter Biden released a statement
                            saying …" is Hunter Biden's; with no author named ("a review found")
                            the document stays, as an organisation's word, never a person;
* ``organization_for``    — "the company", "the technology company", "the agency": the
                            organisation the article named that it called by this noun, else the
                            latest of its kind, else the latest of no known kind;
* ``named_principals``    — "the two presidents", "both leaders": the people of the article
                            whose titles fit (``named_groups``);
* ``former_or_latter``    — "the former", "the latter": the first or the second of the two
                            people the sentence before names (``named_groups``);
* ``share_of_population`` — "three-fourths say" after "Millennials see …": a share named with its
                            population (``shares``);
* ``group_for``           — "several outlets" without the quantifier; "the companies": the
                            companies named; "officials" alone: the body the sentence names;
* ``repeated_description``— a definite description written again word for word: the person it was
                            resolved to the first time, or the one person given it as a title
                            (``role_context``);
* ``person_for``          — "the judge", "the Iranian minister", "the top Russian diplomat": the
                            person it is in apposition to, else the one person whose titles in
                            the article fit the description (``titles.office_fits``);
* ``same_description``    — "this official" after "an unnamed official": that speaker again;
* ``salient_subject``     — "the Labour leader", given to no one: the story's current speaker,
                            when also the subject just before, unless a title of theirs, a
                            nationality or a place says otherwise;
* ``headline_speaker``    — "the President", given to no one: the person the headline credits
                            ("… - Volodymyr Zelenskyy"), unless a title of theirs says otherwise;
* ``salient_epithet``     — "the retired neurosurgeon", "the Texan": the named person the
                            sentences just before are about, unless what the article says of
                            them contradicts it (``epithets``);
* otherwise a description of one person stays, typed ``role``.

A statement whose mention is a pronoun, or that continues another, follows what its antecedent
became (``he`` never follows it to a document or an organisation); an ``it`` no organisation
spoke before is the organisation the previous sentence is about (``organization_it``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Span

from onrecord.extraction.agreement import PRONOUNS
from onrecord.extraction.docindex import doc_text, entities_within, in_quotes, index_of_sentence
from onrecord.extraction.docindex import sentences as sentences_of
from onrecord.extraction.documents import document_author
from onrecord.extraction.epithets import named_beside, salient_epithet
from onrecord.extraction.found import Found
from onrecord.extraction.given_names import (
    LABEL,
    full_name_of_given,
    given_name,
    label_person,
    name_case,
    name_ends_mention,
)
from onrecord.extraction.headline import credited_holder, headline_titles
from onrecord.extraction.mentions import noun_phrase
from onrecord.extraction.named import (
    ACRONYM,
    article_names,
    common_head,
    organization_fit,
    plural,
    singular,
    whole_name,
)
from onrecord.extraction.named_groups import former_or_latter, named_principals
from onrecord.extraction.pronoun_antecedents import PERSONAL, described_next, fitting_antecedent
from onrecord.extraction.relative_antecedents import relative_clause_of
from onrecord.extraction.role_context import (
    COUNTRY_WORDS,
    DEFINITE,
    Context,
    Resolved,
    description_of,
    entity_name,
    is_definite,
    main_subject,
    names_the_places,
    next_sentence_end,
    places_named,
    repeated_description,
    speaker_at,
    titles_of_surname,
)
from onrecord.extraction.shared_surnames import shared_surname, titled_surname
from onrecord.extraction.shares import share_of_population
from onrecord.identity.hygiene import is_body
from onrecord.identity.names import NAME_PARTICLES
from onrecord.identity.offices import roles_held
from onrecord.identity.registry import SpeakerRegistry
from onrecord.identity.titles import office_fits, office_head, office_words, split_title, strip_determiner, title_fits
from onrecord.lexicons.roles import load_role_lexicon
from onrecord.lexicons.title_words import TITLE_WORDS

PERSONAL_POSSESSIVES = {"his", "her", "their", "my", "our", "your"}
SALIENCE_REACH = 2  # sentences looked back for the person a description continues
ORG_DETERMINERS = {"the", "this", "that", "its"}
GROUP_DETERMINERS = {"the", "both", "these", "those", "all"}
PLACE_LABELS = {"GPE", "NORP", "LOC", "FAC"}


Rule = Callable[[Span, str, str, Context], Resolved | None]


# --- the rules ----------------------------------------------------------------------------------


def whole_speaker_name(mention: Span, name: str, type: str, ctx: Context) -> Resolved | None:
    """Names kept whole: the speaker's name read again from the mention, across hyphens,
    particles and initials that the entity cut ("Fried" → Sam Bankman-Fried; "Leyen", taken for
    a place, → Ursula von der Leyen, a person)."""
    if type not in {"person", "organization"} or not name:
        return None
    last = re.split(r"[\s-]+", name)[-1]
    tokens = [t for t in mention if t.text == last]
    if not tokens:
        return None
    span = whole_name(tokens[-1], ctx.lexicon)
    if span is None:
        return None
    squeezed, wanted = re.sub(r"\s*-\s*", "-", span.text), re.sub(r"\s*-\s*", "-", name)
    with_particle = any(t.lower_ in NAME_PARTICLES and t.text.islower() for t in span)
    joined = any(t.text in {"-", "‐"} or re.fullmatch(r"(?:[A-Z]\.)+", t.text) for t in span)
    if type == "organization" and not with_particle:
        return None  # an organisation's name is the entity's; only "von der Leyen" is a person's
    if squeezed == name and type == "person" or wanted not in squeezed or not (with_particle or joined):
        return None  # the same name; a run that does not hold all of it; nothing the entity cut
    return Resolved(squeezed, "person")


def expanded_acronym(mention: Span, name: str, type: str, ctx: Context) -> Resolved | None:
    """Acronyms: "(DSHS)" after a name, or the same letters as a name the article gives in full,
    make the acronym that organisation ("DSHS said" → Texas Department of State Health
    Services); a name written with its acronym keeps the name ("World Health Organization
    (WHO"); an acronym that is also a pronoun ("the WHO") is an organisation."""
    bare = strip_determiner(name)
    bracketed = re.fullmatch(r"(.+?)\s*\(\s*([A-Z][A-Za-z&]+)\)?", bare)
    if bracketed and ACRONYM.fullmatch(bracketed.group(2)):
        return Resolved(strip_determiner(bracketed.group(1)), "organization")
    if ACRONYM.fullmatch(bare) and bare in ctx.names.acronyms:
        return Resolved(ctx.names.acronyms[bare], "organization")
    if type == "unknown" and bare.isupper() and len(bare) > 1 and mention.root.text.isupper():
        return Resolved(bare, "organization")
    return None


def organization_for(mention: Span, name: str, type: str, ctx: Context) -> Resolved | None:
    """"the company", "the technology company", "the agency", "the authority": the organisation
    the article named before that it called by this noun ("the cybersecurity company CrowdStrike",
    "... Climate Change Service" for "the service"), else the latest it named of that kind, else
    the latest of no known kind; a body of one ("the paper's editorial board") is its owner's."""
    head = mention.root
    noun = head.lower_
    if noun not in ctx.lexicon.organization_nouns or plural(head):
        return None
    owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in ctx.lexicon.organization_nouns
                  and c.i > mention.start), None)
    if owner is not None:  # "the paper's editorial board": the paper's
        return organization_for(mention.doc[mention.start : owner.i + 1], name, type, ctx)
    if mention[0].lower_ not in ORG_DETERMINERS and common_head(mention, ctx.lexicon.organization_nouns):
        # "his nonprofit group", "a company": an organisation, but not one the article named
        return Resolved(description_of(mention, ctx.lexicon), "organization")
    if not common_head(mention, ctx.lexicon.organization_nouns) or any(t.pos_ == "PROPN" for t in mention
                                                                         if t.i != head.i):
        return None
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
        return None  # "the group of parents": people, not an organisation
    modifiers = {t.lower_ for t in mention if t.i < head.i and t.pos_ in {"NOUN", "ADJ"}}
    scored = []
    candidates = ctx.names.organizations_before(mention)
    for org in candidates:
        score = organization_fit(org, noun, modifiers, ctx.lexicon)
        before = [s for s in org.starts if s < mention.start_char]
        # one of no known kind only when the story named it before and keeps naming it, or names
        # no other ("The ministry said in a statement on Telegram": not Telegram, named after it)
        if score > 1 or (score == 1 and before and (len(before) >= 2 or len(candidates) == 1)):
            # one the article called by this very noun first, then one of its kind; the latest named
            scored.append((score >= 3, score >= 2, max(before, default=-1), score, org.name))
    if not scored:
        return None
    return Resolved(max(scored)[-1], "organization")


def group_for(mention: Span, name: str, type: str, ctx: Context) -> Resolved | None:
    """Groups: a quantifier is no part of the description ("several outlets" → outlets); "the
    companies", "both companies" are the companies the article named, when it named two or more;
    "officials" alone speak for the one organisation their sentence names; any other plural
    description is a group, as written ("Jurors", which the model took for a name)."""
    head = mention.root
    nouns = ctx.lexicon.organization_nouns | ctx.lexicon.person_nouns | ctx.lexicon.spokesperson_nouns
    if not plural(head) or not common_head(mention, nouns) or type not in {"person", "group", "organization"}:
        return None
    noun = singular(head.lower_)
    if noun in ctx.lexicon.organization_nouns and mention[0].lower_ in GROUP_DETERMINERS:
        members = [org.name for org in ctx.names.organizations_before(mention)
                   if organization_fit(org, noun, set(), ctx.lexicon) >= 2 and of_the_side(org.name, mention)]
        if len(members) >= 2:
            return Resolved(" and ".join(members), "group", tuple(members))
    bare = [t for t in mention if t.dep_ not in {"det", "predet"}]
    if head.lower_ in ctx.lexicon.spokesperson_nouns and len(bare) == 1:
        bodies = {org.name for org in ctx.names.organizations.values()
                  if any(mention.sent.start_char <= s < mention.sent.end_char for s in org.starts)}
        if len(bodies) == 1 and not ctx.names.names_a_person(body := bodies.pop()):
            # not a person the model took for an organisation ("The rise of Donald Trump … has
            # alarmed the government so much that, according to officials, …")
            return Resolved(body, "organization")
    # "several outlets", "Jurors", "lawyers for the families", "surety companies": as the article wrote them
    return Resolved(description_of(mention, ctx.lexicon), "group")


def of_the_side(name: str, mention: Span) -> bool:
    """Side rule for groups: "the Ukrainian authorities" are bodies of Ukraine, not the UN bodies
    the article named before; a description with a nationality or a country takes only the
    bodies whose names share its stem ("Ukrainian" ~ "Ukraine"), one without takes any."""
    sides = {t.lower_[:5] for t in mention if t.ent_type_ in {"NORP", "GPE"} and t.i != mention.root.i}
    return not sides or any(w.lower()[:5] in sides for w in name.split())


def _names_an_office(mention: Span, ctx: Context) -> bool:
    """A description by a title ("the Florida senator", "the Labour leader"), not by what anyone
    may be ("the man", "the moderator") nor by a relation to someone ("her husband")."""
    head = office_head(mention.root.text)
    return head is not None and mention.root.lower_ not in ctx.lexicon.relation_nouns and (
        head in TITLE_WORDS or head not in ctx.lexicon.person_nouns)


def _describes_person(mention: Span, ctx: Context) -> bool:
    head = mention.root
    if plural(head) or not common_head(mention, ctx.lexicon.person_nouns):
        return False
    word = head.lower_
    return word in ctx.lexicon.person_nouns or office_head(word) is not None


def person_for(mention: Span, name: str, type: str, ctx: Context) -> Resolved | None:
    """A definite description of one person ("the judge", "the Iranian minister") is the person it
    is in apposition to, else the one person whose titles in the article fit it best
    (``office_fits``); when several fit, the one speaking just before (``_current_speaker``), else
    the best fitting if only one is, else none of them."""
    if not _describes_person(mention, ctx) or not is_definite(mention) \
            or mention.root.lower_ in ctx.lexicon.relation_nouns or mention[0].lower_ in PERSONAL_POSSESSIVES:
        return None  # "his spokesman": a person's, whom the titles do not tell ("its foreign minister" may)
    root = mention.root
    fitting = _fitting_people(mention, ctx)
    if root.dep_ == "appos" and (named := entity_name(root.head, ctx)) is not None and named[1] == "person" \
            and not (mention.sent[0].tag_ in {"VBG", "VBN"} and ctx.doc[mention.start - 1].text == ",") \
            and (not fitting or any(n.split()[-1:] == named[0].split()[-1:] for _, n in fitting)):
        # "Jeff Merkley, the only senator to endorse …"; not an apposition the parser made across a
        # fronted clause ("Commenting on … approaches to Vladimir Putin, the Ukrainian Head of State
        # stressed"), nor one the article's titles give to someone else
        return Resolved(named[0], "person")
    places = places_named(mention)
    # one whose title names the description's places ("the New Jersey governor") first
    ranked = [((names_the_places(places, ctx.names.people[name].titles_outside(mention)), *rank), name)
              for rank, name in fitting]
    if not ranked:
        return office_holder_named(mention, ctx)
    current = _current_speaker(mention, ctx).split()[-1:]
    speaking = [name for rank, name in ranked if rank[0] and rank[1] and name.split()[-1:] == current]
    if speaking and len({name.split()[-1] for _, name in ranked}) > 1:  # several presidents: who just spoke
        return Resolved(max(speaking, key=lambda n: (len(n.split()), n)), "person")
    best = max(rank for rank, _ in ranked)
    top = [name for rank, name in ranked if rank == best]
    if len({n.split()[-1] for n in top}) != 1:
        top = [n for n in top if n.split()[-1:] == _current_speaker(mention, ctx).split()[-1:]]
        if not top:
            return None  # several people fit as well, none of them the one speaking: do not guess
    return Resolved(max(top, key=lambda n: (len(n.split()), n)), "person")


def office_holder_named(mention: Span, ctx: Context) -> Resolved | None:
    """A definite description the article's titles fit no one ("The president said …" where it
    wrote only "Donald Trump") is the one person it named before that held such an office on its
    date, by the registry's dated roles (``offices.roles_held``: "the president" in August
    2025 beside "Donald Trump"); none when several fit ("the president" beside Trump and Putin) or
    the article has no date.  Named before, outside the statement's own words: the same
    look-back as the article's titles (``_fitting_people``)."""
    date = ctx.doc._.article_date
    description = description_of(mention, ctx.lexicon)
    if not date or office_head(description) is None:
        return None
    holders: dict[str, str] = {}  # identity's name -> the fullest name the article gave it
    for name, person in ctx.names.people.items():
        if not any(s < mention.start_char and not ctx.in_own_words(s) for s in person.starts):
            continue
        if any(title_fits(description, role) for role in roles_held(ctx.registry, name, date)):
            key = ctx.registry.pinned_person(name).canonical_name  # type: ignore[union-attr]
            holders[key] = max(holders.get(key, name), name, key=lambda n: len(n.split()))
    if len(holders) != 1:
        return None
    return Resolved(next(iter(holders.values())), "person")


def _current_speaker(mention: Span, ctx: Context) -> str:
    """Centering: the person whose statement comes just before the mention, at most one sentence
    between ("“…,” said the President of Ukraine. The Head of State noted …" beside another
    president); "" when the statement before is further back or no person's."""
    last = next((f for f in reversed(ctx.found) if f.speaker_name and f.mention is not None), None)
    if last is None or last.speaker_type != "person":
        return ""
    end, start = last.mention.sent.end, mention.sent.start
    between = len(list(ctx.doc[end:start].sents)) if end < start else 0
    return last.speaker_name if between < SALIENCE_REACH else ""


def _fitting_people(mention: Span, ctx: Context) -> list[tuple[tuple[bool, bool, int, int], str]]:
    """The people whose titles fit a description, each ranked: named before it (a description
    looks back), how well a title fits, and how few words that title has beyond the description's
    ("the president" is the one called "President" before the one called "Russian President").
    Rule (anaphora): a definite description refers back (Halliday & Hasan, *Cohesion in English*,
    1976, ch. 2); only a news lede names its speaker just after ("…, its foreign minister said.
    “…,” said Foreign Minister Abbas Araghchi"), in the next sentence.  Someone the article first
    names later is not whom it means: "The president said …" two paragraphs before "Ukrainian
    President Volodymyr Zelensky" is another president."""
    description = description_of(mention, ctx.lexicon)
    wanted = set(office_words(description))
    looks_back = next_sentence_end(mention)
    out = []
    for person in ctx.people_fitting(description):  # the others have no title that fits
        # a speaker is not whom their own words name ("We passed them on to President Biden," the
        # President said): only mentions outside the statement's words count
        if not any(s < looks_back and not ctx.in_own_words(s) for s in person.starts):
            continue
        fits = [(title_fits(description, t), -len(set(office_words(t)) - wanted))
                for t in person.titles_outside(mention)]
        fits = [f for f in fits if f[0]]
        if fits:
            before = any(s < mention.start_char and not ctx.in_own_words(s) for s in person.starts)
            # one the narration names before one named only inside someone's quoted words ("…
            # between the President of the United States and …," the Head of State said)
            narrated = any(s < looks_back and not in_quotes(mention.doc, s) for s in person.starts)
            out.append(((before, narrated, *max(fits)), person.name))
    return out


def same_description(mention: Span, name: str, type: str, ctx: Context) -> Resolved | None:
    """"this official", "the official" after "an unnamed Israeli official" spoke: the same
    speaker, whatever it was resolved to; not "the Republican nominee" after "the Democratic
    nominee" (the descriptions must fit, ``office_fits``)."""
    if not _describes_person(mention, ctx) or mention[0].lower_ not in {"the", "this", "that"}:
        return None  # "his friend" and "her friend" are two people
    description = description_of(mention, ctx.lexicon)
    for f in reversed(ctx.found):
        if f.mention is None or f.mention.start >= mention.start or not f.speaker_name:
            continue
        earlier = _own_mention(f)
        if earlier is not None and earlier.root.lower_ == mention.root.lower_ and earlier.root.i != mention.root.i \
                and office_fits(description, [description_of(earlier, ctx.lexicon)]):
            return Resolved(f.speaker_name, f.speaker_type)
    return None


def salient_subject(mention: Span, name: str, type: str, ctx: Context) -> Resolved | None:
    """Centering: a definite description by a title that the article gives no one ("the Labour
    leader") continues the story's current speaker, the one who spoke last before it, when that
    person is also the main subject of one of the two sentences before it; not when a title of
    theirs names another office, nor when the description names a country or a place none of
    their titles does; never "the man", "the moderator" (no title)."""
    if not _describes_person(mention, ctx) or mention[0].lower_ != "the" or not _names_an_office(mention, ctx) \
            or _fitting_people(mention, ctx):
        return None  # the article gave the title to someone: person_for has said whether it can tell whom
    last = next((f for f in reversed(ctx.found) if f.speaker_name and f.mention is not None), None)
    if last is None or last.speaker_type != "person" or not last.speaker_name[:1].isupper():
        return None
    sentences = sentences_of(ctx.doc)
    index = index_of_sentence(ctx.doc, mention.start)
    subjects = [main_subject(s) for s in sentences[max(0, index - SALIENCE_REACH) : index]]
    named = [speaker_at(t, ctx) or entity_name(t, ctx) for t in subjects if t is not None]
    if not any(n is not None and n[0].split()[-1:] == last.speaker_name.split()[-1:] for n in named):
        return None
    description = description_of(mention, ctx.lexicon)
    titles = titles_of_surname(last.speaker_name, mention, ctx)
    countries = COUNTRY_WORDS.intersection(office_words(description))
    if titles and not office_fits(description, titles) or not names_the_places(places_named(mention), titles) \
            or countries and not any(countries & set(office_words(t)) for t in titles) \
            or named_beside(mention, last.speaker_name, ctx):
        return None
    return Resolved(last.speaker_name, "person")


def headline_speaker(mention: Span, name: str, type: str, ctx: Context) -> Resolved | None:
    """"The President said …" in an article whose headline credits its words to Volodymyr
    Zelenskyy ("… - Volodymyr Zelenskyy"), and whose body gives the title no one: that person
    (``headline.credited_holder``)."""
    definite = mention[0].lower_ == "the" or mention.start > 0 and ctx.doc[mention.start - 1].lower_ == "the"
    if not _describes_person(mention, ctx) or not definite or _fitting_people(mention, ctx) \
            or not (_names_an_office(mention, ctx) or mention.root.is_title):  # "the Adviser": a title
        return None
    holder = credited_holder(mention, description_of(mention, ctx.lexicon), ctx.doc._.headline, ctx.names)
    return Resolved(holder, "person") if holder is not None else None


# the rules that read a name; the others read a description, which a mention naming its person has not
NAME_RULES: tuple[Rule, ...] = (name_ends_mention, whole_speaker_name, titled_surname, shared_surname, given_name)
RULES: tuple[Rule, ...] = NAME_RULES + (expanded_acronym, document_author, organization_for, named_principals,
                                        former_or_latter,
                                        share_of_population, group_for, repeated_description, person_for,
                                        same_description, salient_subject, headline_speaker, salient_epithet)


def _own_mention(f: Found) -> Span | None:
    """The mention that names this statement's speaker itself: not a pronoun (its speaker is its
    antecedent's); a relative pronoun's noun ("Eva Lund, who said")."""
    mention = f.mention
    if mention is None or f.continues is not None:
        return None
    if len(mention) == 1 and mention.root.lower_ in PRONOUNS:
        return None
    clause = relative_clause_of(mention.root) if len(mention) == 1 else None
    if clause is not None:
        return noun_phrase(clause.head)
    return mention


def _named_in_mention(mention: Span, name: str, type: str, ctx: Context) -> bool:
    """The mention's head, or a name in apposition to it, is the speaker's name as a person
    ("Ireland's ambassador, Siobhan Keane"; "the governor, Pavel Orlov", which the model calls an
    organisation; "PRESIDENT TRUMP", a title and a name): what the speakers stage read there
    stands, whatever its head noun describes; a place it read there does not ("the Iranian
    minister, Russia, along with China"), nor a name in a modifier ("Climate scientist at the …
    Service")."""
    last = name.split()[-1] if name.split() else ""
    if type == "person" and len(mention) == 1 and mention.text == name and mention.root.ent_type_:
        return True  # "Sanders", a surname the speakers stage named a person though the model saw a plural ORG
    root = mention.root
    heads = {root.i} | {c.i for c in root.children if c.dep_ == "appos"}
    inside = [e for e in entities_within(ctx.doc, mention.start, mention.end)
              if e.text.split()[-1:] == [last] and any(e.start <= h < e.end for h in heads)
              and not (office_head(e.text) is not None and split_title(e.text)[1] is None)]  # "[Adviser]": a title
    if any(e.label_ == "PERSON" for e in inside) or (
            type == "person" and any(e.label_ not in PLACE_LABELS for e in inside) and len(name.split()) > 1):
        return True
    title, bare = split_title(mention.text)  # "PRESIDENT TRUMP", a transcript's label: a title and a name
    return type in {"person", "organization"} and title is not None and office_head(title) is not None \
        and bare is not None and "," not in bare \
        and all(w[:1].isupper() or w in NAME_PARTICLES for w in bare.split())


def resolve(mention: Span, name: str, type: str, ctx: Context) -> Resolved | None:
    """The first rule's answer; a description of one person no rule resolves is a ``role``."""
    rules = NAME_RULES if _named_in_mention(mention, name, type, ctx) else RULES
    for rule in rules:
        found = rule(mention, name, type, ctx)
        if found is not None:
            return found
    if _describes_person(mention, ctx) and type == "person" and rules is RULES:
        return Resolved(description_of(mention, ctx.lexicon), "role")
    title, bare = split_title(name)
    if rules is NAME_RULES and type in {"person", "organization"} and title is not None and bare is not None \
            and office_head(title) is not None and not is_body(bare):  # "General Staff": a body
        # "Secretary of the Treasury Ann Fields": the name, not the title; "SECRETARY BURGUM:" Burgum
        return Resolved(name_case(bare) if LABEL.fullmatch(mention.text.strip()) else bare, "person")
    return None


def resolve_roles(doc: Doc, found: list[Found], registry: SpeakerRegistry) -> None:
    """Every statement's speaker resolved by the rules above; pronoun and continuing statements
    follow their antecedent's new name (they took its name as first read)."""
    lexicon = load_role_lexicon()
    ctx = Context(doc, article_names(doc, found, registry, lexicon), lexicon, [], registry)
    headline_titles(doc._.headline, ctx.names)  # "Meeting with US President [Joseph Biden]"
    became: dict[str, Resolved] = {}
    # each description as read, in order, with what it became (None: stayed as read): a pronoun
    # follows the one written last before it, or else the next one ("He said …" before it)
    described: list[tuple[int, str, Resolved | None]] = []
    for f in found:
        if f.continues is not None:
            f.speaker_name, f.speaker_type, f.members = (f.continues.speaker_name, f.continues.speaker_type,
                                                         f.continues.members)
        elif (mention := _own_mention(f)) is not None and not f.members \
                and (label := label_person(mention)) is not None:
            _apply(f, label)  # "MAYOR HOLT:", which the speakers stage may read as an acronym or no one
        elif (mention := _own_mention(f)) is not None and not f.members and f.speaker_name:
            ctx.own_words = list(f.content)
            result = resolve(mention, f.speaker_name, f.speaker_type, ctx)
            ctx.own_words = []
            if mention[0].lower_ in DEFINITE:
                described.append((mention.start, f.speaker_name, result))
                if result is None:
                    became.pop(f.speaker_name, None)  # "the actor" again, someone no rule found: not the last one
            if result is not None:
                became[f.speaker_name] = result
                _apply(f, result)
        elif f.mention is not None and f.speaker_name in became and not f.members:
            _apply(f, fitting_antecedent(f.mention, became[f.speaker_name], ctx))
        elif f.mention is not None and not f.members and (held := described_antecedent(f, ctx)) is not None:
            became[f.speaker_name] = held
            _apply(f, held)
        elif f.mention is not None and f.speaker_type == "person" and (full := full_name_of_given(f.speaker_name, ctx)):
            _apply(f, Resolved(full, "person"))  # "he", whose antecedent is "Mark", no statement's speaker
        elif f.mention is not None and (f.speaker_type == "unknown" or f.speaker_name.islower()) \
                and (it := organization_it(f.mention, ctx)):  # "it", or "it" the pronoun rules took to "company"
            _apply(f, it)
        ctx.found.append(f)
    for f in found:  # "He said …" before "the head of the Office said …": its antecedent resolved later
        if f.continues is None and f.mention is not None and _own_mention(f) is None and not f.members:
            later = described_next(f.mention, f.speaker_name, described) \
                if any(name == f.speaker_name for _, name, _ in described) else became.get(f.speaker_name)
            if later is not None and later.name != f.speaker_name:
                _apply(f, fitting_antecedent(f.mention, later, ctx))


def organization_it(pronoun: Span, ctx: Context) -> Resolved | None:
    """"it" that no organisation spoke before: the organisation the previous sentence is about,
    its main subject, named ("OpenAI fired him") or described ("The company fired him" → the
    company the article named)."""
    if pronoun.root.lower_ != "it" or len(pronoun) != 1:
        return None
    sentences = sentences_of(ctx.doc)
    index = index_of_sentence(ctx.doc, pronoun.start)
    for sentence in reversed(sentences[max(0, index - SALIENCE_REACH) : index]):
        subject = main_subject(sentence)
        if subject is None:
            continue
        phrase = noun_phrase(subject)
        described = organization_for(phrase, phrase.text, "organization", ctx)
        if described is not None:
            return described
        named = entity_name(subject, ctx)
        return Resolved(named[0], "organization") if named and named[1] == "organization" else None
    return None


def described_antecedent(f: Found, ctx: Context) -> Resolved | None:
    """A pronoun whose antecedent is a description no statement of its own resolved ("The prime
    minister last week ruled out an election. He repeated that …"): the description's latest
    mention before the pronoun, resolved by the person rule alone (``person_for``: the article's
    titles, then the office its date gives a person it named).  Not by the salience rules: a
    pronoun already follows the story's subject, and a second guess on top of it would put one
    person's words under another's name."""
    mention = f.mention
    name = f.speaker_name
    if mention is None or len(mention) != 1 or mention.root.lower_ not in PERSONAL or not name.islower():
        return None
    at = doc_text(ctx.doc).lower().rfind(name, 0, mention.start_char)
    span = ctx.doc.char_span(at, at + len(name)) if at >= 0 else None
    if span is None or span.start == 0 or ctx.doc[span.start - 1].lower_ != "the":
        return None
    return person_for(ctx.doc[span.start - 1 : span.end], name, "person", ctx)


def _apply(f: Found, result: Resolved) -> None:
    title, bare = split_title(result.name) if result.type == "person" else (None, None)
    if title is not None and bare is not None and len(bare.split()) > 1:
        result = Resolved(bare, "person", result.members, result.mention)  # a person's name, not their title
    f.speaker_name, f.speaker_type = result.name, result.type  # type: ignore[assignment]
    f.members = list(result.members)
    if result.mention is not None:
        f.mention = result.mention
