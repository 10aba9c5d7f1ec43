"""Inverted asides: "Any cleareyed interpretation of Mr. Kerry's actions, said Michael Kofman, an
expert on Russia, would read this as a public admission …".

A cue set off by commas inside the clause it reports, with its speaker after it (subject-verb
inversion after the cue, as reporting clauses allow: Quirk et al. 1985, §14.29), is parsed by the
small model as the sentence's root: the reported clause's subject becomes the cue's subject, and
the rest of the clause, with the speaker as its subject, the cue's complement.  Read that way
the subject ("interpretation") spoke and the speaker's name opened what was said.  The rule reads
the words as written: the speaker is the name right after the cue, closed by a comma; what was
said is the words before the cue's comma and the rest of the clause after the speaker's phrase.
(The order "X, he said, Y" is ``content.parenthetical_statement``.)
"""

from __future__ import annotations

from spacy.tokens import Token

from onrecord.extraction.content import cue_extent
from onrecord.extraction.content_ends import trim_range
from onrecord.extraction.found import Found
from onrecord.extraction.kinds import classify_kind
from onrecord.extraction.mentions import noun_phrase
from onrecord.extraction.quotes import QuoteSpan
from onrecord.extraction.speaker_classes import speaker_class
from onrecord.lexicons.cues import CueEntry


def inverted_aside(cue: Token, entry: CueEntry, quotes: list[QuoteSpan]) -> Found | None:
    """The statement of a cue set off with its speaker after it ("…, said Michael Kofman, …"),
    or None: the cue follows a comma that closes its parsed subject's phrase, its clausal
    complement's subject is a person named right after it, and a comma closes that person's
    phrase (an apposition included) before the rest of the clause."""
    doc = cue.doc
    if "clause" not in entry.complements or cue.i < 2 or doc[cue.i - 1].text != ",":
        return None
    host = next((c for c in cue.children if c.dep_ == "nsubj" and c.i < cue.i), None)
    clause = next((c for c in cue.children if c.dep_ == "ccomp" and c.i > cue.i), None)
    if clause is None and cue.dep_ == "parataxis" and cue.head.i > cue.i:
        clause = cue.head  # or the cue hung on the clause's verb, after it
    if host is None or clause is None or host.right_edge.i not in {cue.i - 2, cue.i - 1}:
        return None  # (the parse may hang the comma before the cue on the subject)
    # the speaker: the clause's subject, or a second subject of the cue itself, right after it
    speaker = next((c for t in (clause, cue) for c in t.children
                    if c.dep_ == "nsubj" and c.i > cue.i and c.left_edge.i == cue.i + 1), None)
    if speaker is None or speaker_class(speaker) != "person" or speaker.pos_ != "PROPN":
        return None
    # the comma that closes the speaker's phrase: the parse may hang it on the speaker itself
    close = speaker.right_edge.i if doc[speaker.right_edge.i].text == "," else speaker.right_edge.i + 1
    if close >= len(doc) or doc[close].text != ",":
        return None
    # the cue's own words are no part of it when the cue hangs on the clause (not the reverse)
    aside = {t.i for t in cue.subtree} if clause.i == cue.head.i else set()
    rest = [t for t in clause.subtree if t.i > close and t.i not in aside]
    if not rest or any(q.start <= host.left_edge.idx < q.end for q in quotes):
        return None  # a quotation is the quotation rules' to read
    before = trim_range(doc, doc[host.left_edge.i].idx, doc[cue.i - 2].idx + len(doc[cue.i - 2]))
    after = trim_range(doc, rest[0].idx, rest[-1].idx + len(rest[-1]))
    for q in quotes:  # a quotation that ends the clause is kept whole, its full stop included
        if after[0] <= q.inner_start < after[1] < q.inner_end:
            after = (after[0], q.inner_end)
    content = [r for r in (before, after) if r[1] > r[0]]
    if not content:
        return None
    kind, quote = classify_kind(content[0][0], content[-1][1], quotes, doc)
    return Found("indirect" if kind == "direct" else kind, content, cue, cue_extent(cue), entry.cls,
                 noun_phrase(speaker), negated=cue._.cue_negated, hedged=cue._.cue_hedged, quote=quote)
