"""Pronoun speakers: whom "he", "she", "it", "they", "I" and "we" refer to.

The rules, tried in order by ``resolve_pronoun``, each a function:

* ``first_person``     — "I"/"we" inside someone's words (a quotation, a transcript turn) are that
                         speaker ("we" of an organisation's statement is the organisation); outside
                         anyone's words "I" is the one speaker the headline credits with "by"
                         ("Briefing by … Yury Ushakov"), else the writer, whom the article does not
                         name: unknown;
* ``impersonal_voice`` — "it can be said that …" inside someone's words is that speaker's;
* ``bound_antecedent`` — a person named in the pronoun's own sentence, as the subject or the
                         possessor of a clause the pronoun's clause hangs from ("Lavrov's statement
                         on Friday, when he stressed …"), or as the subject of the main clause
                         after a fronted adjunct ("At what he called a critical moment, Blinken …");
* ``framing_aside``    — the subject of a reporting aside before the pronoun in its own clause
                         ("Back then, Ms. Ripert said, she found …");
* ``parenthetical_antecedent`` — inside a parenthesis or a dash aside, the subject just before it;
* ``previous_subject`` — the subject of the sentence before, outside quotation marks, in the same or
                         the previous paragraph, when it agrees (news keeps its topic as the subject);
* ``alternating_subjects`` — "they" after sentences whose subjects are two people in turn: the two;
* ``sole_person_before`` — (``sole_person``) the one person of the pronoun's gender the sentence before
                         names, when its subject is not the antecedent;
* ``recent_speaker``   — the most recent speaker that agrees, within reach of the pronoun (inside a
                         transcript's turn, one named in that turn: ``turn_start``);
* ``recent_person``    — failing all that, the person named last before it, when the article shows
                         a one-word "person" is a name (``whole_names.reads_as_a_name``).

Agreement (``agreement``): he/she need a person; it an organisation; they/we a group or an
organisation (or a statement with several members); he/she not a name of the other gender (a
surname takes the gender of its honorifics or of its one bearer's given name in the article:
``genders.article_genders``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from onrecord.extraction.agreement import (
    FIRST_PLURAL,
    FIRST_SINGULAR,
    PLURAL,
    PRONOUNS,
    SINGULAR,
    THING,
    Named,
    agrees,
    lone_given_name_agrees,
)
from onrecord.extraction.docindex import entities, in_quotes, once
from onrecord.extraction.exchanges import both_parties, other_party
from onrecord.extraction.found import Found
from onrecord.extraction.genders import article_genders, honorifics_of
from onrecord.extraction.headline import credited_by
from onrecord.extraction.mentions import DASHES, describes_a_person, noun_phrase
from onrecord.extraction.narration import (
    joint_key,
    narrated_sentences_before,
    paragraph_index,
    quoted,
    sentence_subject,
)
from onrecord.extraction.pronoun_antecedents import carrier_before, possessor_named
from onrecord.extraction.sole_person import sole_person_before
from onrecord.extraction.speaker_classes import named_like_a_person, speaker_class
from onrecord.extraction.whole_names import after_country_of, reads_as_a_name, without_epithet
from onrecord.lexicons.given_names import load_given_names
from onrecord.lexicons.speaker_nouns import load_speaker_nouns
from onrecord.lexicons.title_words import TITLE_WORDS

PRONOUN_CHAIN = 3  # sentences with the same pronoun subject read past to find whom it names
SPEAKER_REACH = 1500  # characters: a named speaker this close wins over a person only mentioned since

Namer = Callable[[Span], Named | None]


@dataclass
class Spoken:
    """A speaker named so far: where its mention starts, its name and type."""

    offset: int
    name: str
    type: str


class SpokenSoFar:
    """The speakers named so far, in the order of the text (each added where a stable sort by
    offset puts it), their offsets, and the name at each offset (the last added there): what the
    pronoun rules ask, by bisection and lookup instead of a pass over every speaker per pronoun."""

    def __init__(self) -> None:
        self.items: list[Spoken] = []
        self.offsets: list[int] = []
        self.by_offset: dict[int, Named] = {}

    def add(self, spoken: Spoken) -> None:
        k = bisect_right(self.offsets, spoken.offset)
        self.items.insert(k, spoken)
        self.offsets.insert(k, spoken.offset)
        self.by_offset[spoken.offset] = (spoken.name, spoken.type)


def is_pronoun_mention(mention: Span) -> bool:
    return len(mention) == 1 and mention.root.lower_ in PRONOUNS


def first_person(pronoun: Token, holding: Callable[[int], list[Found]], current: Found) -> Named | None:
    """Rule 1: "I"/"we" within another statement's words belong to that statement's speaker
    ("'As I said last week, …,' Biden said" → Biden); "we" only when that speaker is an
    organisation or a group (an official statement speaks as "we").  Outside anyone's words
    the first person is the writer, not named: unknown."""
    word = pronoun.lower_
    if word not in FIRST_SINGULAR | FIRST_PLURAL:
        return None
    holders = [f for f in holding(pronoun.idx) if f is not current and f.speaker_name]
    if holders:
        holder = min(holders, key=lambda f: f.end - f.start)  # the innermost
        if word in FIRST_SINGULAR and holder.speaker_type == "person" and not holder.members:
            return holder.speaker_name, "person"
        if word in FIRST_PLURAL and holder.speaker_type in {"organization", "group"}:
            return holder.speaker_name, holder.speaker_type
        if word in FIRST_PLURAL:
            return holder.speaker_name, holder.speaker_type
    if word in FIRST_SINGULAR and (credited := credited_speaker(pronoun.doc)) is not None:
        return credited, "person"
    return "", "unknown"


def impersonal_voice(cue: Token | None, holding: Callable[[int], list[Found]], current: Found) -> Named | None:
    """Rule 1c (the impersonal voice): "it can be said that the tone was balanced", "it should be
    noted that …", an agentless passive of saying with "it" for its subject and a modal (the
    speaker's own voice now, not "it was said", which reports others), inside someone's
    verbatim words (a transcript's turn, a quotation) is that speaker's own claim, put
    impersonally.  Outside anyone's words no one is named: None."""
    if cue is None or cue.tag_ != "VBN" or not any(c.dep_ == "auxpass" for c in cue.children):
        return None
    if not any(c.dep_ == "aux" and c.tag_ == "MD" for c in cue.children):
        return None  # "as it was said yesterday at the Security Council" reports others' words
    if not any(c.dep_ in {"nsubjpass", "expl"} and c.lower_ == "it" for c in cue.children):
        return None
    verbatim = [f for f in holding(cue.idx) if f is not current and f.speaker_name and f.verbatim
                and any(a <= cue.idx < b for a, b in f.content)]
    if not verbatim:
        return None
    holder = min(verbatim, key=lambda f: f.end - f.start)  # the innermost
    return holder.speaker_name, holder.speaker_type


def credited_speaker(doc: Doc) -> str | None:
    """Rule 1b (a monologue's first person): the one speaker an official transcript's headline
    credits with "by" ("Briefing by Aide to the President Yury Ushakov …", "Remarks by the
    Secretary …") speaks all of its unlabelled words: its "I" is that speaker.  Two credited
    ("Remarks by President A and Prime Minister B"): no one."""
    credited = credited_by(doc._.headline or "")
    return credited[0][1] if len(credited) == 1 else None


def _subject_or_possessor(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass", "poss"}]


def _controller_of(clause: Token) -> list[Token]:
    """The object that is the subject of an infinitive under it: "forced his rival, Hillary
    Clinton, to distance herself from agreements she once supported" (object control)."""
    if clause.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        return []
    return [c for c in clause.head.children if c.dep_ == "dobj" and c.i < clause.i]


def reported_subject(aside: Token, subject: Token) -> bool:
    """Aside rule (``subject`` a dependent of the clause ``aside`` hangs from): in "An ambassador's
    job, he said, should be to counter lies" the aside ("he said") hangs, set off by commas, from
    the clause it reports; that clause's subject is part of
    what was said, not whom the aside's pronoun names (the reporting clause is not an argument of
    the reported one: Quirk et al. 1985, §15.54, "comment clauses")."""
    return aside.dep_ == "parataxis" and subject.dep_ in {"nsubj", "nsubjpass"}


def bound_antecedent(pronoun: Token, namer: Namer) -> Named | None:
    """Rule 2: walking up from the pronoun's clause, the first clause or noun above it whose
    subject or possessor agrees (or the object that controls an infinitive on the way: "forced
    his rival, Hillary Clinton, to distance herself from deals she once backed"): before the
    pronoun ("Lavrov's statement … when he stressed"),
    or after it when the pronoun sits in a fronted adjunct of that clause ("At what he described
    as …, Blinken worked …")."""
    fronted = fronted_clause_subject(pronoun, namer)
    if fronted is not None:
        return fronted
    node = pronoun.head
    seen = {pronoun.i}
    while node.head.i != node.i:
        seen.add(node.i)
        below, node = node, node.head
        for c in _controller_of(below) + _subject_or_possessor(node):
            if c.i in seen or quoted(c) or c.lower_ in PRONOUNS or reported_subject(below, c):
                continue
            if c.i > pronoun.i and not pronoun.i < c.i < node.i:
                continue  # after the pronoun: only the subject of a clause the pronoun's clause is fronted to
            named = namer(noun_phrase(c))
            if named is not None and agrees(pronoun.lower_, named[1], named[0], article_genders(pronoun.doc)):
                return named
    return None


def framing_aside(pronoun: Token, namer: Namer) -> Named | None:
    """Rule 2a: the subject of a reporting aside set off before the pronoun in its own clause ("Back
    then, Ms. Ripert said, she found …"; the parse hangs "said" on "found"), when it agrees: the one
    who says what the clause tells tells it of herself (the aside frames the clause)."""
    if pronoun.lower_ not in SINGULAR or pronoun.dep_ != "nsubj":
        return None
    for aside in pronoun.head.children:
        if aside.dep_ == "parataxis" and aside.i < pronoun.i and aside._.cue is not None:
            subject = next((c for c in aside.children if c.dep_ == "nsubj" and c.lower_ not in PRONOUNS), None)
            named = namer(noun_phrase(subject)) if subject is not None else None
            if named is not None and agrees(pronoun.lower_, named[1], named[0], article_genders(pronoun.doc)):
                return named
    return None


def parenthetical_antecedent(pronoun: Token, namer: Namer) -> Named | None:
    """Rule 2, parenthesis: "he" inside a parenthesis ("when Trump … called immigrants “rapists”
    (although he allowed that some might be good people)") or an aside between dashes ("Clinton
    suggested that the plan was unserious - “…,” she said - and charged …") comments on the clause
    just before it: the nearest subject before it in the sentence, when it agrees, whatever clause
    the parse hangs the aside from."""
    doc, sent = pronoun.doc, pronoun.sent
    opening = next((t.i for t in reversed(doc[sent.start : pronoun.i]) if t.text in {"(", ")"} | DASHES), None)
    if opening is None or doc[opening].text == ")":
        return None
    if doc[opening].text in DASHES and not any(t.text in DASHES for t in doc[pronoun.i + 1 : sent.end]):
        return None  # a dash that opens no aside: "… - she said" ends the sentence, rule 3's to read
    for t in reversed(doc[sent.start : opening]):
        if t.dep_ in {"nsubj", "nsubjpass"} and not quoted(t):
            if t.lower_ in PRONOUNS or surname_of_two(t):
                return None  # a pronoun there is another rule's to resolve, and so is "Mr. Bush" of two
            named = namer(noun_phrase(t))
            ok = named is not None and agrees(pronoun.lower_, named[1], named[0], article_genders(doc))
            return named if ok else None
    return None


def surname_of_two(token: Token) -> bool:
    """"Mr. Bush" where the article names George W. and Jeb Bush in full: the role rules tell which."""
    full = once(token.doc, "full names", lambda: {e.text for e in entities(token.doc) if e.label_ == "PERSON"})
    given = load_given_names()  # "Donald Trump" and "Donald J. Trump" are one; "June Trump" no one
    return len({n.split()[0] for n in full if n.split()[-1] == token.text and given.gender(n.split()[0])}) > 1


def fronted_clause_subject(pronoun: Token, namer: Namer) -> Named | None:
    """Rule 2, fronted clause: the subject pronoun of a clause after a fronted adverbial clause of
    its own ("If President Biden knew that he would talk to Putin, why did HE announce …", "When
    the minister arrived, HE said …") takes up that clause's subject when it agrees; an object
    there ("to Putin") is no rival.  "It" or "they", which a person subject cannot be, take up the
    clause's direct object when it agrees ("When Mr. Hurt asked Norton to republish the book, IT
    declined": the publisher), then the object of its preposition ("When we spoke to our European
    colleagues, THEY all said …")."""
    if pronoun.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    objects = pronoun.lower_ in THING | PLURAL
    for clause in pronoun.head.children:
        if clause.dep_ != "advcl" or clause.i > pronoun.i:
            continue
        subjects = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
        direct = [c for c in clause.children if c.dep_ == "dobj"] if objects else []
        # "When we spoke to our European colleagues, THEY all said …": the one spoken to
        oblique = [g for c in clause.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"] \
            if objects else []
        for c in subjects + direct + oblique:
            if not quoted(c) and c.lower_ not in PRONOUNS:
                named = namer(noun_phrase(c))
                if named is not None and agrees(pronoun.lower_, named[1], named[0], article_genders(pronoun.doc)):
                    return named
    return None


# the subject of a passive that only points back ("THIS was stated by X"): the agent is the topic
POINTING_SUBJECTS = {"this", "that", "it", "these", "those", "which"}
# prepositions of a circumstance hung on an agent ("by X IN an interview for LB.ua"): not X's name
CIRCUMSTANCE_PREPS = {"in", "at", "during", "for", "on", "with", "after", "before"}


def no_title_or_body(word: str) -> bool:
    """A capitalised word that is no title ("Adviser") and no body ("Office"): part of a name."""
    return word[:1].isupper() and word.lower() not in TITLE_WORDS and load_speaker_nouns().kind(word.lower()) is None


def named_in_phrase(phrase_head: Token) -> Span | None:
    """The name of the person a phrase names ("Mykhailo Podolyak, Adviser to … and a member of
    the delegation": Mykhailo Podolyak; an entity that took in the end of a title,
    "[Office Mykhailo Podolyak]": its capitalised words after the last title or body word), not
    one in a circumstance hung on it ("in an interview for LB.ua"); else None."""
    doc = phrase_head.doc
    outside = {t.i for c in phrase_head.children if c.dep_ == "prep" and c.lower_ in CIRCUMSTANCE_PREPS
               for t in c.subtree}
    people = [e for e in entities(doc) if e.label_ == "PERSON" and phrase_head.left_edge.i <= e.start
              and e.end <= phrase_head.right_edge.i + 1 and not any(t.i in outside for t in e)]
    if not people:
        return None
    entity = people[-1]
    start = entity.end
    while start > entity.start and doc[start - 1].is_title and doc[start - 1].is_alpha \
            and no_title_or_body(doc[start - 1].text):
        start -= 1
    return doc[start : entity.end] if 2 <= entity.end - start <= 3 else None


def agent_named(subject: Token) -> Named | None:
    """The person a passive's agent names when its subject only points back to what was said
    ("This was stated by Adviser Mykhailo Podolyak in an interview for Frankfurter Allgemeine
    Zeitung"): the topic is the agent, read by ``name_after_by``; else None."""
    if subject.dep_ != "nsubjpass" or subject.lower_ not in POINTING_SUBJECTS:
        return None
    agent = next((a for a in subject.head.children if a.dep_ == "agent"), None)
    if agent is None or quoted(agent):
        return None
    name = name_after_by(agent)
    return (name.text, "person") if name is not None else None


# where the agent's words end: a circumstance ("in an interview", "during a briefing"), a participle
# ("commenting on …") or a comma
AGENT_ENDS = CIRCUMSTANCE_PREPS | {"while", "when"}


def name_after_by(by: Token) -> Span | None:
    """The person "by" names, read from the words, not the parse (which splits a long title: "by
    Head of the Office of the President of Ukraine Andriy Yermak commenting on …" hangs the name
    elsewhere): the words after "by" up to a circumstance, a participle or a comma, and of those
    the capitalised words at the end that are no title ("Adviser"), no body ("Office") and no
    place ("Ukraine"): two or three of them, else None (the speaker is left unknown)."""
    doc = by.doc
    end = by.i + 1
    while end < by.sent.end and doc[end].text not in {",", ".", ";"} and doc[end].lower_ not in AGENT_ENDS \
            and doc[end].tag_ != "VBG":
        end += 1
    start = end
    while start > by.i + 1 and doc[start - 1].is_title and doc[start - 1].is_alpha \
            and doc[start - 1].ent_type_ not in {"GPE", "NORP", "LOC"} and no_title_or_body(doc[start - 1].text):
        start -= 1
    return doc[start:end] if 2 <= end - start <= 3 else None


def subject_before(token: Token, namer: Namer, spoken: dict[int, Named]) -> Named | None:
    """The name of the subject of the sentence before the token's (skipping sentences wholly inside
    quotation marks), in the same or the previous paragraph; a pronoun subject there counts with
    the name it was given; one that names no one yet and is the same pronoun ("He married … He
    recently wrote …") continues the same topic, and the sentence before it is read instead, up to
    ``PRONOUN_CHAIN`` times (centering: a chain of pronoun subjects keeps one backward-looking
    center, Grosz, Joshi & Weinstein 1995)."""
    doc = token.doc
    here = paragraph_index(doc, token.idx)
    chained = 0
    for prev in narrated_sentences_before(token):
        if here - paragraph_index(doc, prev.start_char) > 1:
            return None
        subject = sentence_subject(prev)
        if subject is None:
            return None
        by_agent = agent_named(subject)
        if by_agent is not None:
            return by_agent
        if token.lower_ in SINGULAR and any(c.dep_ == "conj" and not describes_a_person(c) for c in subject.children):
            return None  # "Macron and the leadership of the EU are …": no antecedent of "he"
        mention = noun_phrase(subject)
        if token.lower_ in PRONOUNS and subject.lower_ == token.lower_ and mention.start_char not in spoken \
                and chained < PRONOUN_CHAIN:
            chained += 1
            here = paragraph_index(doc, prev.start_char)
            continue
        # a subject that is a statement's speaker counts with the name that statement was given
        named = spoken.get(mention.start_char) or (None if subject.lower_ in PRONOUNS else namer(mention))
        if named is None and token.lower_ in SINGULAR:
            named = possessor_named(subject, namer)
        return named if named is not None and named[0] else None
    return None



def previous_subject(pronoun: Token, namer: Namer, spoken: dict[int, Named]) -> Named | None:
    """Rule 3: the subject of the sentence before the pronoun's (``subject_before``), when it
    agrees (news keeps its topic as the subject).  "It" agrees with a document that carries words
    ("The staff letter noted … It also pointed up …"), which only later stages type."""
    named = subject_before(pronoun, namer, spoken)
    if named is not None and pronoun.lower_ == "it" and named[1] == "unknown" and carrier_before(pronoun):
        return named[0], "organization"  # the type a document that speaks is given (roles.documents)
    return named if named is not None and agrees(pronoun.lower_, named[1], named[0], article_genders(pronoun.doc)) \
        else None


JOINT_REACH = 4  # sentences read back for the two people "they" may join


def alternating_subjects(pronoun: Token, namer: Namer, spoken: dict[int, Named]) -> Named | None:
    """Rule 3a: "they" after sentences whose subjects are two people in turn ("President Zelenskyy
    thanked President Trump … President Trump asked President Zelenskyy about the children …
    President Trump promised … They agreed all parties must continue …", a readout of their call)
    is the two of them: the subjects of the sentences before it, in the same or the previous
    paragraph, up to ``JOINT_REACH`` of them, each a person (a pronoun subject counts with the name
    it was given), naming exactly two people.  A sentence whose subject is no person ends the
    reading; a plural subject before it is ``previous_subject``'s."""
    if pronoun.lower_ != "they" or pronoun.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    doc = pronoun.doc
    here = paragraph_index(doc, pronoun.idx)
    people: list[str] = []
    read = 0
    for prev in narrated_sentences_before(pronoun):
        if read >= JOINT_REACH or here - paragraph_index(doc, prev.start_char) > 1:
            break
        read += 1
        subject = sentence_subject(prev)
        if subject is None:
            break
        mention = noun_phrase(subject)
        named = spoken.get(mention.start_char) or (None if subject.lower_ in PRONOUNS else namer(mention))
        if named is None or named[1] != "person" or not _a_persons_name(named[0], subject):
            break
        if named[0] not in people:
            people.append(named[0])
    if len(people) != 2 or read < 2:
        return None
    members = [people[1], people[0]]
    once(doc, joint_key(pronoun), lambda: members)  # the speaker stage names each member
    return " and ".join(members), "group"


def _a_persons_name(name: str, subject: Token) -> bool:
    """A name, not a description typed as a person ("security contractors", "admiral"): every word
    capitalised, and a full name or a person the model found."""
    words = name.split()
    return bool(words) and all(w[:1].isupper() for w in words) \
        and (len(words) >= 2 or subject.ent_type_ == "PERSON" or subject.lower_ in PRONOUNS)


def joint_members(pronoun: Token) -> list[str] | None:
    """The two people ``alternating_subjects`` or ``exchanges.both_parties`` found "they" to be."""
    return once(pronoun.doc, joint_key(pronoun), lambda: None)


# English agent-noun endings ("talker", "senator", "economist", "chairman"): a subject with one
# may be the person "he" continues even when the speaker-noun lexicon does not list it
def recent_speaker(pronoun: Token, spoken: SpokenSoFar, persons: list[tuple[int, str]], since: int = 0
                   ) -> Named | None:
    """Rules 4 and 5: the most recent speaker that agrees; for he/she a person named since then
    wins only when that speaker is out of reach (news keeps its protagonist as "he" while naming
    others in between).  ``persons`` are those the narration names: one named only inside
    someone's quoted words ('"President Zelenskyy will not …," he said') is not whom the
    reporter's "he" means.  (Read back from the pronoun: the first that agrees is the most recent.)
    Only speakers named at or after ``since`` count (``turn_start``)."""
    offset = pronoun.idx
    word = pronoun.lower_
    items = spoken.items
    # the honorifics alone: what the given names tell of a surname ("Bernie Sanders") decides
    # between the candidates of one sentence (rules 3 and 3b), but reading back over every speaker
    # it would skip the nearer ones to reach a speaker long gone ("He commented" → a senator
    # quoted paragraphs before the anchor the sentence before names)
    by_surname = honorifics_of(pronoun.doc)
    last = next((items[k] for k in range(bisect_left(spoken.offsets, offset) - 1, -1, -1)
                 if items[k].name and agrees(word, items[k].type, items[k].name, by_surname)), None)
    if last is not None and last.offset < since:
        last = None
    if word not in SINGULAR:
        return (last.name, last.type) if last is not None else None
    before = bisect_left(persons, (offset,))  # persons are in the order of the text
    if last is not None and (not before or offset - last.offset < SPEAKER_REACH):
        return last.name, "person"
    named = next((persons[k][1] for k in range(before - 1, -1, -1)
                  if agrees(word, "person", persons[k][1], by_surname) and lone_given_name_agrees(word, persons[k][1])),
                 None)
    if named is None or not reads_as_a_name(pronoun.doc, named, persons):
        return None
    return named, "person"


def resolve_pronoun(
    pronoun: Token,
    current: Found,
    holding: Callable[[int], list[Found]],
    spoken: SpokenSoFar,
    persons: list[tuple[int, str]],
    namer: Namer,
) -> Named:
    """The name and type of a pronoun speaker, by the rules of this module in order; a pronoun
    none of them resolves stays unnamed (type unknown) rather than taking a wrong name."""
    for rule in (
        lambda: first_person(pronoun, holding, current),
        lambda: bound_antecedent(pronoun, namer),
        lambda: framing_aside(pronoun, namer),
        lambda: parenthetical_antecedent(pronoun, namer),
        lambda: previous_subject(pronoun, namer, spoken.by_offset),
        lambda: other_party(pronoun, namer, spoken.by_offset),
        lambda: alternating_subjects(pronoun, namer, spoken.by_offset),
        lambda: both_parties(pronoun, namer, spoken.by_offset),
        lambda: sole_person_before(pronoun, persons),
        lambda: recent_speaker(pronoun, spoken, persons, turn_start(pronoun, holding, current)),
    ):
        named = rule()
        if named is not None and not named_in_own_clause(pronoun, named[0]) \
                and not speaks_of_another(pronoun, named[0], holding, current):
            return named
    return "", "unknown"


THIRD_PERSON = {"he", "she", "him", "her"}


def turn_start(pronoun: Token, holding: Callable[[int], list[Found]], current: Found) -> int:
    """Turn rule: inside a transcript's turn a pronoun's antecedent of last resort is a speaker of
    that turn, named after its label ('PRESIDENT TRUMP: … And they said, "Oh, thousands of
    people."' is not the Democrats a reporter's question named two turns before); elsewhere 0."""
    at = pronoun.idx
    turns = [f for f in holding(at) if f is not current and f.cue_class == "transcript" and f.cue is not None
             and any(a <= at < b for a, b in f.content)]
    return max((f.cue.idx for f in turns), default=0)


def speaks_of_another(pronoun: Token, name: str, holding: Callable[[int], list[Found]], current: Found) -> bool:
    """Speaker's own words rule: inside someone's verbatim words (a quotation, a transcript's
    turn) "he" or "she" is someone else, never the one speaking, who says "I" ('PRESIDENT TRUMP:
    … He told me, "I wouldn't take his call."' is not Trump's).  Reported words in the third
    person ("Trump said he told Kim that …") may mean the speaker, and do not count."""
    if pronoun.lower_ not in THIRD_PERSON or not name:
        return False
    at = pronoun.idx
    verbatim = [f for f in holding(at) if f is not current and f.speaker_name and f.verbatim
                and any(a <= at < b for a, b in f.content)]  # in the words, not between two of their parts
    return bool(verbatim) and min(verbatim, key=lambda f: f.end - f.start).speaker_name == name


def named_in_own_clause(pronoun: Token, name: str) -> bool:
    """Binding rule (Chomsky's Principle C): a name that is an object of the pronoun's own verb is
    someone else ("he called Rubio 'Little Marco'", "he told Randolph that she should step aside"
    is neither Rubio nor Randolph).  Only the verb's objects and the objects of its prepositions
    count: a clause under it reports words, and a name deeper in a phrase ("according to Uzi
    Arad, Mr. Netanyahu's adviser") may be the speaker's own."""
    surname = name.split()[-1] if name.split() else ""
    verb = pronoun.head
    objects = [c for c in verb.children if c.dep_ in {"dobj", "dative", "oprd"}]
    objects += [o for p in verb.children if p.dep_ == "prep" and p.lower_ != "according"
                for o in p.children if o.dep_ == "pobj"]
    return any(t.text == surname and t.pos_ == "PROPN" and not in_quotes(t.doc, t.idx)
               for o in objects for t in (o, *(c for c in o.children if c.dep_ in {"compound", "nmod"})))


def person_mentions(doc: Doc, clean: Callable[[str], str]) -> list[tuple[int, str]]:
    """(offset, name) of every PERSON entity and name tagged otherwise (``named_like_a_person``), in
    order (the pronoun rules take those outside quotation marks as antecedents of last resort for
    he/she: ``recent_speaker``)."""
    return [(name.start_char, clean(name.text)) for name in (without_epithet(after_country_of(e)) for e in entities(doc)
                                                           if e.label_ == "PERSON" or named_like_a_person(e))]


__all__ = ["Spoken", "SpokenSoFar", "agrees", "is_pronoun_mention", "person_mentions", "resolve_pronoun",
           "speaker_class"]
