"""Whose position a clause states: the speaker's, or someone the speaker reports on.

"Russia, which does not want Ukraine in NATO" and "Russia refused to hold the meeting" state
Russia's position; "we insist on talks", "Russia must withdraw" (a demand the speaker makes) and
"talks are needed" state the speaker's.  The holder of a clause is its subject — the antecedent,
for a relative clause — unless a deontic modal makes the clause the speaker's demand.  A subject
that names a side ("the Russian side", "Kyiv") is the speaker's own side when the speaker's
description names it ("President of Ukraine …"), someone else's when it names another side, and
unknown when the article does not say which side the speaker is on.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Literal

from spacy.tokens import Span, Token

from onrecord.extraction.stances.columns import Columns, columns
from onrecord.extraction.stances.reading import MARKERS, Speaker, memo, text_of

HolderKind = Literal["speaker", "own_side", "other", "unknown"]
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
THIRD_PERSON = {"they", "them"}
REPORTED_SPEAKER = {"he", "she"}  # in reported speech the speaker is "he" or "she"
# "its", "his", "her" point back to the clause's subject ("Ukraine reaffirms its readiness", "he
# spoke of his desire"); "their" is someone else's whatever the subject ("we saw their desire")
BACK_POINTING_POSSESSIVES = {"its", "his", "her"}
# the possessors that reach ``classify`` ("our desire", "their refusal"), read as their person
POSSESSIVE_PERSON = {"our": "we", "my": "i", "their": "they"}
PERSONAL = {"i", "we", "you", "he", "she", "they", "me", "us", "him", "her", "them", "who"}  # not "it", "this"
# Modifiers of a speaker's mention that describe them ("President of Ukraine", "the Ukrainian
# President", "Germany's chancellor"); relative clauses and the like tell other things.
DESCRIPTION_DEPS = {"compound", "amod", "poss", "appos", "prep", "pobj", "nmod", "flat", "npadvmod"}


@dataclass(frozen=True)
class Holder:
    kind: HolderKind
    name: str = ""  # as the text names the holder: "Russia", "our partners", "they", "we"
    verb: str = ""  # the lemma of the clause's verb ("refuse", "say")

    @property
    def explicit(self) -> bool:
        """The clause names the speaker or their side as its subject ("we", "our state", "Ukraine")."""
        return self.kind == "own_side" or (self.kind == "speaker" and bool(self.name))


SPEAKER = Holder("speaker")


def sides_in(words: Iterable[str]) -> list[str]:
    """The sides a group of words names, in order: two words in a row ("United States", "Russian
    Federation") or one ("Russian", "Kyiv"); a possessive counts as the word ("Ukraine's")."""
    clean = [w.removesuffix("'s").removesuffix("’s") for w in words if w.strip(".,;:'’\"“”")]
    found: list[str] = []
    skip = -1
    for i, word in enumerate(clean):
        if i == skip:
            continue
        pair = MARKERS.side_of(f"{word} {clean[i + 1]}") if i + 1 < len(clean) else None
        side = pair or MARKERS.side_of(word)
        if pair:
            skip = i + 1
        if side and side not in found:
            found.append(side)
    return found


def speaks_for(speaker: Speaker, side: str) -> bool:
    """The speaker speaks for the side: it is theirs, or a bloc one of theirs belongs to (the
    French president speaks for the European Union's countries; a Brussels official does not
    speak for France)."""
    return side in speaker.sides or any(side in MARKERS.blocs.get(own, ()) for own in speaker.sides)


def _description(mention: Span) -> list[Token]:
    """The words that describe a mention of the speaker: the mention and its modifiers."""
    out: list[Token] = []
    stack = [mention.root]
    while stack:
        token = stack.pop()
        out.append(token)
        stack.extend(c for c in token.children if c.dep_ in DESCRIPTION_DEPS)
    return out + list(mention)


def speaker_sides(name: str, mentions: Sequence[Span]) -> frozenset[str]:
    """The sides a speaker speaks for, from their name and every description of them in the
    article ("Head of the Office of the President of Ukraine Andriy Yermak" → Ukraine)."""
    sides = set(sides_in(name.split()))
    for mention in mentions:
        tokens = sorted(set(_description(mention)), key=lambda t: t.i)
        # words in a row stay together ("United States"); a gap breaks the pair
        run: list[str] = []
        for k, token in enumerate(tokens):
            if k and token.i != tokens[k - 1].i + 1:
                sides.update(sides_in(run))
                run = []
            run.append(token.text)
        sides.update(sides_in(run))
    return frozenset(sides)


def is_deontic(token: Token) -> bool:
    """Deontic-modal rule: "must", "should", "need to", "have to" over a clause make it a demand
    the speaker makes ("Russia must withdraw its troops"), not the subject's position."""
    return _deontic(columns(token.doc), token.i)


def _deontic(cols: Columns, i: int) -> bool:
    # ``is_deontic`` of token ``i``, read from the columns
    for child in cols.children[i]:
        if cols.dep[child] in {"aux", "auxpass"} and cols.lemma[child] in MARKERS.deontic_modals:
            return True
    # "Russia has to withdraw": "have" + to-infinitive, the clause hangs from "have"
    if not any(cols.lower[c] == "to" for c in cols.children[i]):
        return False
    head = cols.head[i]
    if cols.dep[i] == "xcomp" and cols.lemma[head] in {"have", "need"}:
        return True
    # compulsion: "Russia will be forced to withdraw", "will have no choice but to withdraw" say
    # what the subject is made to do, the speaker's demand or forecast, not the subject's position
    if cols.dep[i] == "xcomp" and cols.lemma[head] in COMPELLING_VERBS \
            and any(cols.dep[c] in {"auxpass", "nsubjpass"} for c in cols.children[head]):
        return True
    choice = cols.head[head]
    return cols.dep[i] == "pcomp" and cols.lower[head] == "but" and cols.lemma[choice] in CHOICE_NOUNS \
        and any(cols.lower[c] == "no" for c in cols.children[choice])


# the words of compulsion: "be forced to", "have no choice (alternative) but to"
COMPELLING_VERBS = {"force", "compel", "oblige", "obligate"}
CHOICE_NOUNS = {"choice", "alternative"}


CLAUSE_POS = {"VERB", "AUX", "ADJ"}
CLAUSE_DEPS = {"ROOT", "ccomp", "xcomp", "advcl", "conj"}


def clause_subject(anchor: Token, anchors: set[int]) -> tuple[Token | None, bool]:
    """The subject of the clause the issue sits in, and whether a deontic modal makes the clause
    the speaker's demand.  For a relative clause the subject is its antecedent.  The climb reads
    the Doc's columns; only the subject found is made a Token."""
    doc = anchor.doc
    cols = columns(doc)
    i = anchor.i
    seen: set[int] = set()
    while i not in seen:
        seen.add(i)
        head = cols.head[i]
        if cols.dep[i] == "relcl" and can_hold(doc[head]):
            return doc[head], False  # the antecedent
        owner = _attitude_owner(cols, i, anchors)
        if owner is not None:
            return doc[owner], False
        if cols.pos[i] in CLAUSE_POS or cols.dep[i] in CLAUSE_DEPS:
            kids = cols.children[i]
            subject = next((c for c in kids if cols.dep[c] in SUBJECT_DEPS), None)
            if _deontic(cols, i):
                return (doc[subject] if subject is not None else None), True
            # the subject of an infinitive ("wants [Ukraine] to be a member") is what is wanted,
            # not who wants it
            infinitive = any(cols.dep[c] == "aux" and cols.lower[c] == "to" for c in kids)
            if subject is not None and not infinitive:
                # "[Their] goal is to block …": a noun of wanting as the subject is its possessor's
                owner = _attitude_owner(cols, subject, anchors)
                return doc[owner if owner is not None else subject], False
        if head == i:
            break
        i = head
    return None, False


def _attitude_owner(cols: Columns, i: int, anchors: set[int]) -> int | None:
    """Possessor rule: a noun of wanting or refusing holds its possessor's position as a verb
    holds its subject's ("he has not seen [Russia's] desire to cease fire": Russia's desire, not
    the speaker's).  The possessor is that noun's "poss" child, when it is no part of the issue.
    "its", "his" or "her" ("Ukraine reaffirms [its] readiness", "if Russia demonstrates [its]
    commitment") points back to the clause's subject, which holds it: the climb goes on."""
    if cols.pos[i] != "NOUN" or cols.lemma[i] not in MARKERS.attitude_nouns:
        return None
    return next((c for c in cols.children[i] if cols.dep[c] == "poss" and c not in anchors
                 and cols.lower[c] not in BACK_POINTING_POSSESSIVES), None)


def _wished_by_speaker(cols: Columns, verb: int) -> bool:
    """Wish rule: a clause the speaker hopes or wishes for ("I hope [Russia will agree to talks]",
    "we want [Moscow to be ready]") states the speaker's position, whoever its subject is: its
    head is a verb of wishing whose subject is "I" or "we".  Not a belief ("I think Putin will
    agree" says what the speaker expects of another, not what they want)."""
    if cols.dep[verb] not in {"ccomp", "xcomp"}:
        return False
    head = cols.head[verb]
    return cols.lemma[head] in MARKERS.wish_verbs and any(
        cols.dep[c] in SUBJECT_DEPS and cols.lower[c] in MARKERS.first_person for c in cols.children[head])


# prepositions whose object is what a noun is aimed at, not who it is: "the ban [on the Russian
# fleet]", "an embargo [on trade with Russia]" are no Russian holders ("the leaders of Russia",
# "a delegation from Moscow" are)
TARGET_PREPOSITIONS = {"on", "upon", "against", "with", "to", "toward", "towards", "for", "over"}


def _core(cols: Columns, i: int) -> list[int]:
    """The subject's own words, without the clauses and asides that hang from it ("Russia[,
    which does not want …]") and what it is aimed at ("the ban [on the Russian fleet]"), by index."""
    out = [i]
    for child in cols.children[i]:
        if cols.dep[child] in {"relcl", "acl", "appos", "punct", "advcl"}:
            continue
        if cols.dep[child] == "prep" and cols.lower[child] in TARGET_PREPOSITIONS:
            continue
        out.extend(_core(cols, child))
    return sorted(out)


def classify(subject: Token, speaker: Speaker, anchors: set[int], relative: bool = False) -> Holder:
    """Holder rule: who a subject is, from the speaker's point of view.  The antecedent of a
    relative clause ("Russia, which …") is someone described, not a side the speaker may be
    speaking for: it is never an unknown side."""
    cols = columns(subject.doc)  # the words and ancestors as numbers: a Token only of the words kept
    s = subject.i
    if s in anchors or any(c in anchors for c in cols.children[s] if cols.dep[c] in {"compound", "amod", "nmod"}):
        return SPEAKER  # the issue itself is the subject: "talks are needed"
    ids = _core(cols, s)
    core = set(ids)
    words = [subject.doc[i] for i in ids if i not in anchors and not any(a in anchors for a in cols.ancestors(i)
                                                                         if a != s and a in core)]
    lower = POSSESSIVE_PERSON.get(subject.lower_, subject.lower_)  # a possessor ("their desire") as its person
    if lower in MARKERS.first_person or lower in {"us", "me"}:
        return Holder("speaker", subject.text)  # named by the speaker themself: their own clause
    if lower in REPORTED_SPEAKER and speaker.quoting:
        return Holder("other", subject.text)  # "He wants peace," the president said of his guest
    if lower in REPORTED_SPEAKER or (lower in THIRD_PERSON and speaker.group):
        return SPEAKER  # "he said he is ready"; a group speaking of itself as "they"
    first_person_owner = any(c.dep_ == "poss" and c.lower_ in {"our", "my"} for c in subject.children)
    if first_person_owner and subject.lemma_.lower() in MARKERS.own_nouns:
        return Holder("own_side", " ".join(t.text for t in words))
    text = " ".join(t.text for t in words)
    surname = speaker.name.split()[-1].lower() if speaker.name.split() else ""
    if surname and any(t.lower_ == surname for t in words):
        return SPEAKER
    if lower in THIRD_PERSON:
        return Holder("other", lower if subject.lower_ in POSSESSIVE_PERSON else text)  # "their goal": theirs
    sides = sides_in([t.text for t in words])
    if sides:
        own = [side for side in sides if speaks_for(speaker, side)]
        if own:
            return Holder("own_side", own[0])
        return Holder("other" if speaker.sides or relative else "unknown", sides[0])
    if subject.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} or subject.pos_ == "PROPN":
        # a name that is no side we know: someone else's when the speaker's side is known
        return Holder("other" if speaker.sides or relative else "unknown", text)
    if subject.lemma_.lower() in MARKERS.holder_nouns:
        return Holder("other", text)
    if lower == "it" and subject.head.lemma_.lower() in MARKERS.wanting_verbs:
        # "it wants to take Crimea back": what "it" wants is a state's or an alliance's position
        return Holder("other", text)
    return SPEAKER  # "it", "this", "the world", "everyone": the speaker's own assertion


CLAIM_VERBS = {"say", "claim", "allege", "assert", "insist", "think", "believe", "argue", "suggest", "write",
               "tell", "state", "declare", "pretend"}
CLAIM_NOUNS = {"comment", "claim", "allegation", "statement", "report", "rumour", "rumor", "accusation", "narrative",
               "lie", "story", "version"}


def claimed_by(anchor: Token, speaker: Speaker, anchors: set[int]) -> Holder | None:
    """Claim rule: a clause said or thought by someone else ("they say that [we refuse to talk]")
    is their claim, whoever its own subject is."""
    doc = anchor.doc
    cols = columns(doc)
    for k in cols.ancestors(anchor.i):  # a Token only for a word of claiming
        lemma = cols.lemma[k]
        if lemma not in CLAIM_VERBS and (cols.pos[k] != "NOUN" or lemma not in CLAIM_NOUNS):
            continue
        word = doc[k]
        if word.pos_ == "NOUN" and word.lemma_.lower() in CLAIM_NOUNS:
            # "their comments that we allegedly refused to negotiate"
            owner = next((c for c in word.children if c.dep_ == "poss"), None)
            name = owner.text if owner is not None else word.text
            if owner is None or owner.lower_ not in {"our", "my"}:
                return Holder("other", name, word.lemma_.lower())
            continue
        if word.lemma_.lower() not in CLAIM_VERBS:
            continue
        subject = next((c for c in word.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is None or any(t.i in anchors for t in subject.subtree):
            continue
        if subject.lower_ == "you":
            return Holder("other", subject.text, word.lemma_.lower())  # "you say that …": the addressee's claim
        holder = classify(subject, speaker, anchors)
        if holder.kind in {"other", "unknown"}:
            return Holder("other", holder.name, word.lemma_.lower())
    return None


# nouns that announce words in another's voice after a colon ("one idea: we will take …")
VOICE_NOUNS = {"idea", "message", "slogan", "motto", "logic", "principle", "position", "narrative", "demand",
               "ultimatum", "offer", "proposal", "line", "mantra", "formula", "thesis", "argument", "plan"}


# verbs whose subject's words follow a colon ("the messages read: …")
VOICING_VERBS = CLAIM_VERBS | {"read", "write", "tell", "reply", "answer", "respond"}


def voiced_by(anchor: Token, speaker: Speaker, anchors: set[int]) -> Holder | None:
    """Voice rule: words after a colon that a noun of content announces ("Russia …, which offers
    the world one idea: we will enter any territory") are that noun's holder's, in their voice —
    their "we" is not the speaker's.  The holder is the subject of the clause the noun sits in
    (the antecedent, for a relative clause); only someone else than the speaker counts.  A verb of
    saying before the colon ("the messages read: …", "Putin told me: …") gives its subject's voice.  Cf.
    Bakhtin's "double-voiced" discourse: another's words quoted in their own first person."""
    if ":" not in text_of(anchor.doc):
        return None  # most statements: no colon anywhere, no sentence made to look for one
    sentence = anchor.sent
    if ":" not in text_of(anchor.doc)[sentence.start_char : anchor.idx]:
        return None  # no colon before it in its sentence (a colon token is a colon in the text)
    colon = next((t for t in reversed(sentence[: anchor.i - sentence.start]) if t.text == ":"), None)
    if colon is None or colon.i == sentence.start:
        return None
    noun = anchor.doc[colon.i - 1]
    if noun.lemma_.lower() in VOICING_VERBS and noun.pos_ in {"VERB", "AUX"}:
        # "The messages read: …", "Putin told me: …": the words after the colon are the subject's
        # (the parse may hang the verb anywhere, so the colon decides, not the tree)
        subject = next((c for c in noun.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is None or subject.lower_ in MARKERS.first_person or any(t.i in anchors for t in subject.subtree):
            return None
        holder = classify(subject, speaker, anchors)
        return Holder("other", holder.name or subject.text, noun.lemma_.lower()) \
            if holder.kind in {"other", "unknown"} or subject.lemma_.lower() in VOICE_NOUNS | CLAIM_NOUNS else None
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in VOICE_NOUNS:
        return None
    subject, _ = clause_subject(noun, anchors)
    if subject is not None and subject.lower_ in {"which", "who", "that"} and subject.head.dep_ == "relcl":
        subject = subject.head.head
    if subject is not None:
        subject = _described(subject)  # "Russia is a state, which offers …": Russia
    if subject is None or any(t.i in anchors for t in subject.subtree):
        return None
    relative = any(c.dep_ == "relcl" for c in subject.children)
    holder = classify(subject, speaker, anchors, relative)
    return Holder("other", holder.name, noun.lemma_.lower()) if holder.kind in {"other", "unknown"} else None


def _described(noun: Token) -> Token:
    """The one a predicate noun describes ("[Russia] is an expansionist state"), else the noun."""
    if noun.dep_ == "attr":
        return next((c for c in noun.head.children if c.dep_ in SUBJECT_DEPS), noun)
    return noun


def can_hold(token: Token) -> bool:
    """A word that can hold a position: a person, a side, a pronoun, "the government" — not "a
    mechanism" ("wants a mechanism that will guarantee …" describes what is wanted)."""
    return (token.pos_ == "PROPN" or token.lower_ in PERSONAL or token.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}
            or token.lemma_.lower() in MARKERS.holder_nouns or bool(sides_in([token.text])))


def holder_of(anchors: Sequence[Token], speaker: Speaker) -> Holder:
    """Whose position the sentence states on the issue: the speaker's when any mention of the
    issue sits in a clause of the speaker's (or of their own side); else a side the article does
    not place; else the reported holder.  Found once per Doc, mentions and speaker: a sentence's
    rules ask it again for the same mentions, and a sentence that names no issue is read from its
    root for every issue."""
    if not anchors:
        return SPEAKER
    return memo(anchors[0].doc, ("onrecord.holder", tuple(a.i for a in anchors), speaker),
                partial(_holder_of, anchors, speaker))


def _holder_of(anchors: Sequence[Token], speaker: Speaker) -> Holder:
    ids = {a.i for a in anchors}
    cols = columns(anchors[0].doc)
    holders = []
    for anchor in anchors:
        subject, demand = clause_subject(anchor, ids)
        relative = subject is not None and any(cols.dep[c] == "relcl" for c in cols.children[subject.i]) \
            and any(a.i in {t.i for t in subject.subtree} for a in anchors)
        if demand:
            # a demand is the speaker's; "we should" names them as its subject
            first = subject is not None and subject.lower_ in MARKERS.first_person
            holder = Holder("speaker", subject.text) if first and subject is not None else SPEAKER
        else:
            holder = SPEAKER if subject is None else classify(subject, speaker, ids, relative)
        if holder.kind in {"speaker", "own_side"}:
            holder = claimed_by(anchor, speaker, ids) or voiced_by(anchor, speaker, ids) or holder
        wished = subject is not None and _wished_by_speaker(cols, cols.head[subject.i])
        if holder.kind in {"other", "unknown"} and wished:
            return SPEAKER  # "I hope [Russia will agree to talks]": the speaker's hope
        if subject is not None and holder.kind in {"other", "unknown"} and not holder.verb:
            # the subject's verb (the anchor's ancestor there, when it is one, is that same word)
            holder = Holder(holder.kind, holder.name, cols.lemma[cols.head[subject.i]])
        if holder.kind in {"speaker", "own_side"}:
            return holder
        holders.append(holder)
    if not holders:
        return SPEAKER
    return next((h for h in holders if h.kind == "unknown"), holders[0])


# auxiliaries of a passive that is an event, not a state: "is being opposed", "got blocked"
EVENT_PASSIVE_AUXILIARIES = {"being", "get", "got", "gets", "getting"}


def done_to_own_side(speaker: Speaker, span: Span, anchor_ids: set[int]) -> bool:
    """Passive rule: a marker verb in a passive of an event ("our country is being opposed on the
    path to NATO", "we were blocked by Hungary") says what someone else does to the speaker's side:
    the stance is the agent's, not the speaker's, who is its target.  A passive of a state ("we
    are opposed to …", "we are committed to …") is the subject's own stance and still counts.
    Compulsion rule: what the speaker's own side is made to do ("we were forced to withdraw", "we
    had no choice but to leave") is no wish of theirs; of another side it is the speaker's demand."""
    verb = span.root
    if verb.lemma_.lower() in CHOICE_NOUNS and verb.head.lemma_.lower() == "have":
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        return subject is not None and classify(subject, speaker, anchor_ids).explicit
    if verb.pos_ != "VERB" or verb.tag_ != "VBN":
        return False
    event = any(c.dep_ == "agent" for c in verb.children) or any(
        c.dep_ == "auxpass" and c.lower_ in EVENT_PASSIVE_AUXILIARIES for c in verb.children)
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if not (event or verb.lemma_.lower() in COMPELLING_VERBS) or subject is None:
        return False
    return classify(subject, speaker, anchor_ids).explicit


# the auxiliaries that put a compulsion ahead ("will have no choice but", "would be forced to")
AHEAD = {"will", "shall", "would", "wo", "'ll"}


def compelled_in_fact(span: Span) -> bool:
    """A compulsion reported as a fact ("the Russian authorities are forced to enter into
    negotiations", "Russia was forced to withdraw") reports what happened; only one put ahead
    ("Russia will have no choice but to withdraw") is what the speaker demands of that side."""
    verb = span.root
    if verb.lemma_.lower() in CHOICE_NOUNS:
        verb = verb.head
    elif verb.lemma_.lower() not in COMPELLING_VERBS:
        return False
    return not any(c.dep_ == "aux" and c.lower_ in AHEAD for c in verb.children)
