"""Rule 3b of the pronoun rules (``pronouns.resolve_pronoun``): the one person the sentence
before names, when its subject is not the pronoun's antecedent."""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Token

from onrecord.extraction.agreement import SINGULAR, Named, agrees, lone_given_name_agrees
from onrecord.extraction.docindex import entities_within
from onrecord.extraction.genders import article_genders
from onrecord.extraction.mentions import noun_phrase
from onrecord.extraction.narration import paragraph_index, quoted, sentence_subject
from onrecord.extraction.speaker_classes import speaker_class
from onrecord.extraction.whole_names import narrated_surnames

CONTINUING = {"add", "continue"}  # cues that go on with what their speaker said before
AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "man", "men")
DEMONSTRATIVES = {"that", "this", "it"}


def nameless_subject(subject: Token, surnames: set[str]) -> bool:
    """A subject that names no one: a demonstrative ("That might sound strange …"), or a common
    noun written in lower case that is no agent noun and no speaker noun ("the approach", "that
    sense of independence"), with no name anywhere in its phrase ("Sanders' apology", "a phone
    call with President Erdoğan"; a proper noun the model labelled nothing, or the surname of
    someone the article names, counts as a name)."""
    if subject.lower_ not in DEMONSTRATIVES:
        if subject.pos_ != "NOUN" or not subject.text.islower() or subject.lemma_.lower().endswith(AGENT_ENDINGS) \
                or speaker_class(subject) in {"person", "group", "organization"}:
            return False
    return not any(t.ent_type_ == "PERSON" or t.text in surnames or t.pos_ == "PROPN" and not t.ent_type_
                   for t in subject.subtree)


def sole_person_before(pronoun: Token, persons: list[tuple[int, str]]) -> Named | None:
    """Rule 3b: the one person the narration of the sentence before names, when its subject is not
    the pronoun's antecedent ("That might sound strange to anyone listening to FBI Director James
    Comey's statement. He called it …"; "For Perez, that means it is best to deflect questions. 'I
    leave that to others,' he says"): with the subject naming no one, the sentence's most
    prominent person is the one it names, and the next sentence's "he" continues it (centering: the
    preferred center of the utterance before, Grosz, Joshi & Weinstein 1995), not a speaker quoted
    earlier.

    Only where that is the one reading: the sentence before is in the same or the previous
    paragraph and names exactly one person of the pronoun's gender ("there is the possibility that
    Mrs. Clinton … might nominate Mr. Obama. 'Wow,' she said"; a proper noun that is the surname of
    someone the article names counts too, whatever the model labelled it: "One possibility is
    Warren, …, who until Sanders decided to run …" names two); its subject names no one
    (``nameless_subject``: not "Nefzi", which the model took for a place, nor "The radio talker",
    nor "a phone call with President Erdoğan", whose topic stays the one who made it), or is
    "there", or is that one person ("Fox News' Bret Baier noticed …"), or names only people of the
    other gender ("Sanders beat Hillary Clinton …. She said …"); no person is named in the
    pronoun's own sentence before it; the one named is a full name or the surname of one
    ("Twitter" or "Nationally" taken for a person is neither); and the cue does not go on with
    what someone said before ("he added")."""
    if pronoun.lower_ not in SINGULAR or pronoun.sent.start == 0:
        return None
    if pronoun.head.lemma_ in CONTINUING:
        return None  # "he added": the one who spoke before goes on (``recent_speaker``)
    doc = pronoun.doc
    prev = doc[pronoun.sent.start - 1].sent
    if paragraph_index(doc, pronoun.idx) - paragraph_index(doc, prev.start_char) > 1:
        return None
    if all(quoted(t) or t.is_punct or t.is_space for t in prev):
        return None  # a quotation: its speaker is the one quoted last
    surnames = narrated_surnames(doc, persons)
    subject = sentence_subject(prev)
    if subject is None and not any(c.dep_ == "expl" for c in prev.root.children):  # "there is …" names no one
        return None
    if bisect_left(persons, (pronoun.idx,)) > bisect_left(persons, (pronoun.sent.start_char,)):
        return None  # the pronoun's own sentence names someone nearer
    lo, hi = bisect_left(persons, (prev.start_char,)), bisect_left(persons, (prev.end_char,))
    by_surname = article_genders(doc)
    # one of the other gender is no candidate: "the possibility that Mrs. Clinton … might nominate
    # Mr. Obama … 'Wow, what a great idea,' she said"
    names = {name for _, name in persons[lo:hi] if name and agrees(pronoun.lower_, "person", name, by_surname)
             and lone_given_name_agrees(pronoun.lower_, name)}  # nor "Hillary" of "a rubber Hillary mask" "he"
    if len(names) != 1:
        return None
    name = names.pop()
    if subject is not None and not nameless_subject(subject, surnames):
        if any(c.dep_ == "conj" for c in subject.children):
            return None  # "Mayor Dan Pike and the leadership of the port are …": no antecedent of "he"
        # a subject that can be "he" (or holds a name) keeps the rules below, unless the person it
        # is ("Fox News' Bret Baier noticed …") or owns ("Manafort's tone … was defiant. He
        # declined …") is that one person, or is of the other gender ("Bernie Sanders whipped
        # Hillary Clinton …. To prevail, she …"); a person its phrase only mentions does not count
        # ("A phone conversation with President Erdoğan is planned. He noted …")
        heads = [subject] + [c for c in subject.children if c.dep_ == "poss"]
        phrase = noun_phrase(subject)
        named_there = {n for _, n in persons[bisect_left(persons, (phrase.start_char,)):
                                             bisect_left(persons, (phrase.end_char,))]
                       if any(h.text in n.split() for h in heads)}
        named_there |= {h.text for h in heads if h.text in surnames}  # one the model labelled nothing
        if not named_there or name not in named_there and any(
                agrees(pronoun.lower_, "person", n, by_surname) for n in named_there):
            return None
    if len(name.split()) == 1 and name not in surnames:
        return None
    in_names = {t.i for e in entities_within(doc, prev.start, prev.end) if e.label_ == "PERSON" for t in e}
    if any(t.text in surnames and t.text != name.split()[-1] and t.i not in in_names
           and agrees(pronoun.lower_, "person", t.text, by_surname) for t in prev):
        return None  # another person by surname, labelled something else ("Sanders" as a noun)
    if prev.root.lemma_ == "be" and any(c.dep_ == "attr" and c.pos_ == "PROPN" for c in prev.root.children):
        return None  # "One possibility is Warren": the copula names its referent, whatever the model labelled it
    return name, "person"
