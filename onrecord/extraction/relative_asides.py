"""Relative asides the parse took for what was said: "Sanders, meanwhile, who sits at zero such
endorsements, said that fact speaks volumes …", "Mr. Slinker, whose latest start-up uses big data
to help brands find suppliers, said Mr. Trump was …".

A non-restrictive relative clause, set off by commas between the subject and its verb (Quirk et
al. 1985, §17.22), is parsed by the small model as a clause the cue reports: the relative clause's
verb becomes the cue's complement and the subject hangs from it, so the cue has no subject and the
subject sits inside what the cue seems to report, where no other rule looks for a speaker.
"""

from __future__ import annotations

from spacy.tokens import Token

from onrecord.extraction.docindex import in_quotes
from onrecord.extraction.speaker_classes import can_speak, speaker_class

# the relative pronouns that open a clause about the noun before them
RELATIVE_PRONOUNS = {"who", "whose", "which"}
# what ends the words between the subject and its cue: another sentence or clause
CLAUSE_ENDS = {".", "!", "?", ";", ":"}


def relative_aside_subject(cue: Token) -> Token | None:
    """Relative-aside rule: a cue with no subject, right after a comma, whose clause before it
    (the parse's complement) opens the sentence with a noun phrase, a comma and a relative pronoun
    — "X, [meanwhile,] who …, said" — is said by that noun phrase.  "who" names a person, so a
    capitalised word the model left without an entity counts; after "whose" or "which" the noun
    must be one that can speak."""
    doc = cue.doc
    if cue.i < 3 or doc[cue.i - 1].text != ",":
        return None
    clause = next((c for c in cue.children if c.dep_ in {"ccomp", "parataxis"} and c.i < cue.i), None)
    if clause is None:
        return None
    start = clause.left_edge.i
    if start != cue.sent.start and not doc[start - 1].is_punct:
        return None
    comma = next((k for k in range(start + 1, cue.i - 1) if doc[k].text == ","), None)
    if comma is None:
        return None
    relative = next((k for k in range(comma + 1, cue.i - 1) if doc[k].lower_ in RELATIVE_PRONOUNS
                     and doc[k - 1].text == ","), None)
    if relative is None or any(t.text in CLAUSE_ENDS for t in doc[start : cue.i]):
        return None
    if any(not (t.is_punct or t.pos_ == "ADV") for t in doc[comma + 1 : relative - 1]):
        return None  # only an adverb may stand between the noun and its clause ("Sanders, meanwhile, who")
    phrase = doc[start:comma]
    head = phrase.root
    if head.pos_ not in {"NOUN", "PROPN"} or in_quotes(doc, head.idx) or "\n" in doc[start : cue.i].text:
        return None
    if can_speak(head):
        return head
    if doc[relative].lower_ == "who" and head.is_title and speaker_class(head) == "unknown":
        return head  # "who" tells a person: "Sanders, who sits …" with "Sanders" tagged a common noun
    return None
