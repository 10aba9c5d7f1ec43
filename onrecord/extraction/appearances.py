"""How a thing appears: "The new mayor seems to have forgotten her promise", "the shortage
appears to be a real problem".

PolNeAR annotates these as attributions whose source is the writer, left implicit (Newell et al.
2018; Pareti 2016: attribution covers perceptions and beliefs, not speech alone); the content is
the subject with the infinitive, in two parts, the verb of appearance between them.  No one in
the article said them: the statement has no speaker (the speaker stage leaves it ``unknown``)
unless the sentence names to whom it appears ("seems credible to me": ``experiencer_of``), and it
is hedged.  Vocabulary: ``lexicons/data/appearance_cues.tsv``.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from onrecord.extraction.content import cue_extent, subtree_chars, trim_trailing_aside
from onrecord.extraction.found import Found
from onrecord.extraction.mentions import noun_phrase
from onrecord.extraction.speaker_classes import can_speak
from onrecord.lexicons.cues import CueEntry, load_state_cues

SUBJECTS = {"nsubj"}
# "it seems to me": an expletive, no thing that appears; "what appeared to be a reference to X": a
# noun phrase of the sentence around it (a free relative), naming a thing, not a clause about one
NOT_SUBJECTS = {"it", "there", "what", "whatever"}


@lru_cache(maxsize=1)
def appearance_verbs() -> dict[str, CueEntry]:
    return load_state_cues("appearance")


def infinitive_of(verb: Token) -> Token | None:
    """What the subject appears to be or do: the to-infinitive ("seems TO HAVE vanished"), an
    adjective ("seemed UNHAPPY", "appears somewhat UNEASY") or a likeness ("can seem LIKE just
    another broadcaster") after the verb."""
    for c in verb.children:
        if c.i < verb.i:
            continue
        if c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            return c
        if c.dep_ in {"acomp", "oprd"} and c.pos_ == "ADJ":
            return c
        if c.dep_ == "prep" and c.lower_ == "like" and any(g.dep_ == "pobj" for g in c.children):
            return c
    return None


def appearance_cue(token: Token, lexicon: dict[str, CueEntry]) -> CueEntry | None:
    """Appearance rule: a verb of appearance with a subject of its own (not an expletive "it") and
    a to-infinitive reports how its subject appears ("the plan seems to have stalled").  Not when
    the infinitive holds a verb of saying ("appeared to suggest that …", "never seem to tire of
    telling the story"): that verb is the statement's cue, with its own speaker."""
    entry = appearance_verbs().get(token.lemma_.lower())
    if entry is None or token.pos_ not in {"VERB", "AUX"}:
        return None
    subject = next((c for c in token.children if c.dep_ in SUBJECTS | {"expl"}), None)
    if subject is None or subject.i > token.i:
        return None
    if subject.lower_ == "it" and that_clause(token) is not None:
        return entry  # "it appears that the game was close" (expletive rule)
    if subject.lower_ in NOT_SUBJECTS:
        return None
    infinitive = infinitive_of(token)
    if infinitive is None or any(t.lemma_.lower() in lexicon for t in infinitive.subtree if t.pos_ == "VERB"):
        return None
    return entry


def that_clause(verb: Token) -> Token | None:
    """Expletive rule: "It appears that the game was close", "it seemed that no one had read
    it": with the expletive "it" the clause opened by "that" is what appears so."""
    return next(
        (c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i
         and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)),
        None,
    )


def experiencer_of(verb: Token, complement: Token | None) -> Token | None:
    """Experiencer rule: "The plan seems credible TO ME", "it seems to the council that
    …": the one to whom it appears, when the sentence names one who can speak, is whose view it
    is, the statement's source."""
    for head in (verb, complement):
        if head is None:
            continue
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "to":
                holder = next((g for g in prep.children if g.dep_ == "pobj"), None)
                if holder is not None and can_speak(holder):
                    return holder
    return None


def is_appearance(cue: Token) -> bool:
    entry = cue._.cue
    return entry is not None and appearance_verbs().get(entry.lemma) is entry


def appearance_statement(cue: Token) -> Found | None:
    """The statement of a verb of appearance: its subject and its infinitive, no speaker."""
    subject = next((c for c in cue.children if c.dep_ in SUBJECTS | {"expl"}), None)
    clause = that_clause(cue) if subject is not None and subject.lower_ == "it" else None
    if clause is not None:
        return Found("indirect", [subtree_chars(clause)], cue, cue_extent(cue), cue._.cue.cls,
                     holder_phrase(cue, None), negated=cue._.cue_negated, hedged=True)
    infinitive = infinitive_of(cue)
    if subject is None or infinitive is None:
        return None
    holder = experiencer_of(cue, infinitive)
    # "credible to me": to whom it appears is the source, not part of what appears so
    start, end = subtree_chars(infinitive, exclude={t.i for t in holder.head.subtree} if holder is not None else None)
    content = [subtree_chars(subject), (start, trim_trailing_aside(cue.doc, start, end))]
    if any(s >= e for s, e in content):
        return None
    return Found("indirect", content, cue, cue_extent(cue), cue._.cue.cls, holder_phrase(cue, infinitive),
                 negated=cue._.cue_negated, hedged=True)


def holder_phrase(cue: Token, complement: Token | None) -> Span | None:
    holder = experiencer_of(cue, complement)
    return noun_phrase(holder) if holder is not None else None
