"""What the issue does, and an event said to go ahead: two factors of the polarity product.

The effect rule reads the verb the issue is an argument of ("membership would contribute to our
security", "sanctions have ruined the Russian economy"); the announcement rule, an event the
issue proposes said to go ahead ("the next round of talks will take place"); the progress rule,
how far such an event got ("we made great progress").  They decide, as a marker does
(``polarity.py`` multiplies them in).  The deed rule lets the content decide when the speaker's
own side does it ("Germany provides Ukraine with weapons", from Germany) and nothing else decides.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Span, Token

from onrecord.extraction.stances.columns import columns
from onrecord.extraction.stances.holders import SUBJECT_DEPS, can_hold, classify, sides_in
from onrecord.extraction.stances.reading import MARKERS, Reading
from onrecord.extraction.stances.sign import Sign

# the words inside a noun phrase, up to its head: "membership" in "Ukraine's membership in NATO"
NOUN_PHRASE_DEPS = {"compound", "poss", "amod", "pobj", "prep", "appos", "nmod", "conj"}


# prepositions by which the issue is the setting of the noun above it, not a part of it: what is
# said of "our position in the talks" or "the atmosphere at the summit" is not said of the talks
SETTING_PREPOSITIONS = {"in", "at", "during", "within", "inside", "amid"}


def _argument_of(anchor: Token, deps: set[str]) -> Token:
    """The word of the issue's noun phrase that is an argument of a verb: up from the anchor
    through the phrase ("round" of "the next round of talks") to the first word in ``deps``."""
    cols = columns(anchor.doc)  # climbed in the columns: a Token only of the word reached
    i = anchor.i
    while cols.dep[i] not in deps and cols.head[i] != i and cols.dep[i] in NOUN_PHRASE_DEPS:
        if cols.dep[i] == "pobj" and cols.lower[cols.head[i]] in SETTING_PREPOSITIONS:
            break  # "Ukraine's position [in the negotiation process] is strengthened": the position is
        i = cols.head[i]
    return anchor if i == anchor.i else anchor.doc[i]


def _hits_other_side(verb: Token, speaker_sides: frozenset[str]) -> bool:
    """The harming verb's object names a side, none of them the speaker's ("ruined the Russian
    economy" from a Ukrainian): the harm is done to the other side.  Only for a placed speaker."""
    if not speaker_sides:
        return False
    words = [t.text for c in verb.children if c.dep_ in {"dobj", "prep"} for t in c.subtree]
    sides = sides_in(words)
    return bool(sides) and not any(side in speaker_sides for side in sides)


def effects(anchors: Sequence[Token], speaker_sides: frozenset[str] = frozenset()) -> list[Sign]:
    """Effect rule: what the issue does says how it is valued.  The issue in the subject of a
    verb that helps ("Ukraine's membership in NATO would contribute to our security") is wanted:
    +1, deciding; of one that harms ("further expansion would undermine stability") or that
    helps a bad outcome ("expansion contributes to escalation"): -1.  The issue as the object of
    a harming verb ("this step will hinder the settlement") is valued too: the harm is regretted,
    +1.  Harm the issue does to the other side ("sanctions have ruined the Russian economy", from
    a Ukrainian) is what it is wanted for: +1.  The object of a noun of harm ("a violation of our
    territorial integrity") is valued as after a harming verb; those valuings are marked
    ``shields``, and the words above the harm then speak of the harm (``polarity._shielded``).
    Other negations on the path count as ever."""
    out: list[Sign] = []
    seen: set[int] = set()
    for anchor in anchors:
        harm = _harm_noun_over(anchor)
        if harm is not None:
            if harm.i not in seen:
                out.append(Sign(harm.text, 1, harm.i, True, shields=True))
                seen.add(harm.i)
            continue
        token = _argument_of(anchor, SUBJECT_DEPS | {"dobj"})
        verb = token.head
        if token.dep_ not in SUBJECT_DEPS | {"dobj"} or verb.i in seen:
            continue
        lemma = verb.lemma_.lower()
        if token.dep_ in SUBJECT_DEPS and lemma in MARKERS.helping_verbs:
            bad = any(t.lower_ in MARKERS.bad_outcomes for c in verb.children if c.dep_ in {"dobj", "prep"}
                      for t in c.subtree)  # asked only of a helping verb
            out.append(Sign(verb.text, -1 if bad else 1, verb.i, True))
        elif token.dep_ in SUBJECT_DEPS and lemma in MARKERS.harming_verbs and _harms_issue(verb, anchors):
            # "territorial concessions would violate our territorial integrity": the issue is on both
            # sides of the harm, and each mention's content says its direction; read as what is
            # harmed (valued, as below), one reading once, not the harm of the subject as well
            out.append(Sign(verb.text, 1, verb.i, True, shields=True))
        elif token.dep_ in SUBJECT_DEPS and lemma in MARKERS.harming_verbs:
            out.append(Sign(verb.text, 1 if _hits_other_side(verb, speaker_sides) else -1, verb.i, True))
        elif token.dep_ == "dobj" and lemma in MARKERS.harming_verbs | MARKERS.helping_verbs:
            # what is harmed or helped is valued, whether the harm or help is said or denied
            # ("this will hinder the settlement", "this will not benefit the diplomatic settlement")
            out.append(Sign(verb.text, 1, verb.i, True, shields=True))
        else:
            continue
        seen.add(verb.i)
    return out


def _harms_issue(verb: Token, anchors: Sequence[Token]) -> bool:
    """A mention of the issue is what the harming verb harms: its object."""
    objects = (_argument_of(a, {"dobj"}) for a in anchors)
    return any(o.dep_ == "dobj" and o.head.i == verb.i for o in objects)


# prepositions by which a noun of harm names what it harms: "a violation of", "a threat to", "an attack on"
HARMED_BY = {"of", "to", "on", "against"}


def _harm_noun_over(anchor: Token) -> Token | None:
    """The noun of harm whose object the issue is ("a violation of the sovereignty and territorial
    integrity of our state", "a threat to the ceasefire"): what is harmed is valued, as after a
    harming verb.  Up from the anchor through its noun phrase to the first preposition of
    ``HARMED_BY``; the noun it hangs from must be one of the ``harming_nouns``."""
    cols = columns(anchor.doc)  # climbed in the columns: a Token only of the noun found
    i = anchor.i
    while cols.dep[i] in NOUN_PHRASE_DEPS and cols.head[i] != i:
        head = cols.head[i]
        if cols.dep[i] == "pobj" and cols.lower[head] in HARMED_BY and cols.dep[head] == "prep":
            noun = cols.head[head]
            return anchor.doc[noun] if cols.pos[noun] == "NOUN" and cols.lemma[noun] in MARKERS.harming_nouns \
                else None
        i = head
    return None


# the auxiliaries that put an event ahead of now: "talks will take place", "can begin", "must resume"
AHEAD_AUXILIARIES = {"will", "shall", "can", "could", "may", "must", "should", "ca", "wo"}
# verbs that need a word to say "going ahead": "take place", "go ahead"
GOING_AHEAD_WITH = {"take": "place", "go": "ahead"}
# occurrence verbs that keep a state rather than go ahead ("the talks will remain difficult")
STAYING_VERBS = {"remain", "stay", "keep"}


def _goes_ahead(verb: Token) -> bool:
    """The verb says an event goes ahead: "continue", "resume", "take place", "be held"."""
    lemma = verb.lemma_.lower()
    if lemma not in MARKERS.occurrence_verbs or lemma in STAYING_VERBS:
        return False
    needed = GOING_AHEAD_WITH.get(lemma)
    return needed is None or any(c.lower_ == needed for c in verb.children)


def announced(reading: Reading, anchors: Sequence[Token]) -> list[Sign]:
    """Announcement rule: a speaker who says that an event the issue proposes will go ahead ("the
    next round of talks will take place in a few days", "negotiations will continue", "the
    dialogue can begin") wants it to: +1, deciding, only for issues that are events (``event``
    in the taxonomy).  The event, not someone who can hold a position, must be the subject of a
    going-ahead verb under an auxiliary of the future or of possibility; a negation anywhere
    above it ("talks will not take place", "I do not think talks will take place") makes it a
    forecast, which decides nothing."""
    if not reading.issue.event:
        return []
    out: list[Sign] = []
    for anchor in anchors:
        token = _argument_of(anchor, SUBJECT_DEPS)
        verb = token.head
        if token.dep_ not in SUBJECT_DEPS or not _goes_ahead(verb) or any(f.start == verb.i for f in out):
            continue
        if can_hold(token) or any(c.dep_ in {"xcomp", "ccomp"} for c in verb.children):
            continue  # "the delegation will continue to insist": what someone goes on doing
        if not any(c.dep_ in {"aux", "auxpass"} and c.lower_ in AHEAD_AUXILIARIES for c in verb.children):
            continue
        above = [verb, *verb.ancestors]
        if any(c.dep_ == "neg" or c.lower_ == "never" or (c.dep_ == "det" and c.lower_ in MARKERS.negators)
               for t in above for c in t.children):
            continue  # "will not take place", "there is no chance that talks will be held"
        out.append(Sign(verb.text, 1, verb.i, True))
    return out


# the relations by which a word of progress is what a verb brings or what is made ("brought
# progress", "made a breakthrough", "progress was achieved", "there was no breakthrough")
PROGRESS_ARGUMENT_DEPS = {"dobj", "attr", "nsubj", "nsubjpass"}


def _progress_verbs(word: Token) -> list[Token]:
    """The verbs a word of progress is an argument of, up through the verbs that take them as a
    complement ("managed to [make] a breakthrough", "hope to achieve progress")."""
    if word.dep_ not in PROGRESS_ARGUMENT_DEPS:
        return []
    verbs = [word.head]
    while verbs[-1].dep_ == "xcomp" and verbs[-1].head.i != verbs[-1].i:
        verbs.append(verbs[-1].head)
    return verbs


def _denied(word: Token, verbs: Sequence[Token]) -> list[int]:
    """The words that deny progress: its own "no", a negation of the verb that brings it ("did not
    bring any progress"), "never", "the lack of", "without"; empty when it is not denied."""
    denials = [c.i for t in (word, *verbs) for c in t.children
               if c.dep_ == "neg" or c.lower_ == "never" or (c.dep_ == "det" and c.lower_ in MARKERS.negators)]
    lacking = word.head.head if word.dep_ == "pobj" and word.head.lower_ == "of" else word.head
    if word.dep_ in {"pobj", "dobj"} and lacking.lemma_.lower() in MARKERS.lacking_words:
        denials.append(lacking.i)
    return denials


def progressed(reading: Reading, sent: Span, anchors: Sequence[Token], path: set[int]
               ) -> tuple[list[Sign], set[int]]:
    """Progress rule: how far an event got, said of it, values it: a speaker who reports progress
    or a breakthrough made in the talks ("we made great progress", "at the talks in Istanbul we
    managed to make an impressive breakthrough", "optimistic impressions of the round of talks")
    wants them to go on: +1, deciding, only for issues that are events (``event`` in the
    taxonomy).  Progress denied ("there was no breakthrough at the negotiations", "the lack of
    progress") is a report of how the talks went, no refusal of them: neither the progress word nor
    its denial counts, and the other words of the sentence decide.  The word is tied to the issue
    when it is a mention of it, holds one ("progress in the talks"), or is what a verb on the
    issue's path brings ("the talks brought progress", "at the talks we made a breakthrough").
    Returns the signs and the words the rule has read (not to be read again as markers)."""
    if not reading.issue.event:
        return [], set()
    anchor_ids = {a.i for a in anchors}
    signs: list[Sign] = []
    read: set[int] = set()
    cols = columns(sent.doc)  # the words found in the columns: a Token only of a word of progress
    words = MARKERS.progress_words
    for i in range(sent.start, sent.end):
        if cols.lemma[i] not in words and cols.lower[i] not in words:
            continue
        word = sent.doc[i]
        # "optimistic impressions of the round": the adjective speaks through the noun it modifies
        target = word.head if word.dep_ == "amod" else word
        verbs = _progress_verbs(target)
        tied = (word.i in anchor_ids or any(a.i in anchor_ids for a in target.subtree)
                or any(v.i in path for v in verbs))
        if not tied:
            continue
        denials = _denied(target, verbs)
        read.add(word.i)
        if denials:
            read.update(denials)
        else:
            signs.append(Sign(word.text, 1, word.i, True))
    return signs, read


# a verb's children that are clauses (or a subject) of their own, not what the verb does something to
OTHER_CLAUSE_DEPS = {"advcl", "ccomp", "conj", "parataxis", "nsubj", "csubj", "mark", "cc", "punct"}
# the words that open an embedded question ("the question is with whom Ukraine will negotiate")
WH_TAGS = {"WDT", "WP", "WP$", "WRB"}


def own_deeds(reading: Reading, sent: Span, anchors: Sequence[Token], factors: list[Sign]) -> list[Sign]:
    """Deed rule: what the speaker's own side does to the issue shows where it stands.  A verb of
    the issue's content whose subject is the speaker or their side and whose arguments hold the
    issue ("Germany provides Ukraine with weapons", from Germany's chancellor; "we have imposed
    new sanctions") decides with the content's sign, when no other word decides ("we will never
    give up our land" is read by its negation as ever).  The guide's "support" is a speaker who
    wants the proposition, and a side that carries it out wants it, as the announcement rule takes
    a speaker who says the talks will go on to want them.  Not a verb whose arguments hold no
    mention ("Ukraine will withdraw from the talks" says nothing of land), nor one in an embedded
    question ("the question is with whom Ukraine will negotiate").  The sentence's holder must be
    the speaker or their own side (``rule_polarity``'s ``own_clause``).  Returns the factors, the
    first such content deciding."""
    anchor_ids = {a.i for a in anchors}
    for k, f in enumerate(factors):
        if not f.content or f.decides or not sent.start <= f.start < sent.end:
            continue  # a content phrase of this sentence that decides nothing yet (a cue's start is -1)
        verb = sent.doc[f.start]
        if verb.pos_ != "VERB":
            continue
        below = [t for c in verb.children if c.dep_ not in OTHER_CLAUSE_DEPS for t in c.subtree]
        if not any(t.i in anchor_ids for t in below) or any(t.tag_ in WH_TAGS and t.i < verb.i for t in below):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and classify(subject, reading.speaker, set()).explicit:
            return [*factors[:k], replace(f, decides=True), *factors[k + 1:]]
    return factors
