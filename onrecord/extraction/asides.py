"""Asides: where a cue set off inside a sentence, or in an "as" clause, sits in the clause it
reports ("The museum, Mr. Obama said, would …", "As Menendez pointed out, court rulings …").  The
parse shapes ``content.parenthetical_statement`` reads, one function each:

* ``as_clause``      — a cue with a subject in an adverbial clause opened by "as";
* ``clause_of_host`` — the clause around a set-off cue the parser hung on a noun or a fronted clause;
* ``fronted_clause`` — a clause before the cue's subject that is part of what was said.
"""

from __future__ import annotations

from spacy.tokens import Token

from onrecord.extraction.speaker_classes import can_speak


def clause_of_host(host: Token, cue: Token) -> Token:
    """Nominal-host rule: in "The difference now, he told me, is that the station has a second owner" the
    parser hangs the set-off cue on the noun before it, the subject of the clause it sits in; the
    clause around the cue is that noun's verb's, not the noun phrase alone.  So with a fronted
    clause ("Though the merger went smoothly, he said, a second one would be harder" hung on
    "went"): the clause around the cue is the one the fronted clause opens, after the cue."""
    if host.pos_ in {"NOUN", "PROPN", "PRON"} and host.dep_ in {"nsubj", "nsubjpass"}:
        return host.head
    if host.dep_ == "advcl" and host.i < cue.i < host.head.i:
        return host.head
    return host


def fronted_clause(cue: Token) -> set[int]:
    """Fronted-clause rule: in "Though the first merger went smoothly, he said, a second one would
    be harder" the parser hangs the clause before the set-off cue on the cue; it opens the sentence the
    cue is set off in, before the cue's subject, and is part of what was said, not of the cue's
    phrase."""
    subject = next((c for c in cue.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None:
        return set()
    return {t.i for c in cue.children if c.dep_ in {"advcl", "ccomp"} and c.i < subject.i for t in c.subtree}


def as_clause(cue: Token) -> bool:
    """As-clause rule: "As Menendez pointed out, court rulings have a lasting impact", "…, as the
    senator noted on Tuesday": a cue with a subject in an adverbial clause opened by "as" reports
    the clause it qualifies ("as he spoke, the crowd cheered" has no verb of saying with a clause;
    "as the leaders concluded their remarks, Trump thanked Putin", one with a thing for its object,
    an act)."""
    return (
        cue.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children)
        and any(c.dep_ in {"nsubj", "nsubjpass"} for c in cue.children)
        # "told the paper": the one addressed; "as he put it": the aside's own "it"
        and not any(c.dep_ == "dobj" and not can_speak(c) and c.lower_ != "it" for c in cue.children)
        and cue.head.pos_ in {"VERB", "AUX"}
    )
