"""The speaker mention of a cue: who said it, as the parse shows it.

Each rule is one function:

* ``subject_of``          — the speaker token: the cue's subject, inverted or not, the
                            subject of the governing verb for participles ("…, saying …") and
                            conjuncts, the agent of a passive ("denounced by X");
* ``nearest_noun_phrase`` — for a parse that lost the subject link, the nearest noun phrase to
                            the cue in its sentence;
* ``noun_phrase``         — the mention itself: the speaker token's phrase without relative
                            clauses and trailing punctuation.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}


def noun_phrase(token: Token) -> Span:
    """The mention: the subject's subtree without relative clauses and trailing punctuation
    ("Zelensky, who …," → "Zelensky"; "Ukraine's President Volodymyr Zelensky" whole)."""
    drop = set()
    for c in token.children:
        if c.dep_ in {"relcl", "acl", "advcl", "cc", "conj"} and c.i > token.i:
            drop.update(t.i for t in c.subtree)
    first_dropped = min(drop, default=10**9)
    keep = [t for t in token.subtree if t.i < first_dropped]
    start, end = keep[0].i, keep[-1].i + 1
    doc = token.doc
    while start < end - 1 and doc[start].is_punct:
        start += 1
    while end - 1 > start and doc[end - 1].is_punct:
        end -= 1
    return doc[start:end]


def subject_of(cue: Token) -> Token | None:
    """The speaker token of a cue.  Rules, in order:
    1. its own subject (nsubj, inverted or not; the agent of a passive);
    2. a participle or infinitive cue ("…, saying …", "vowed to say") takes the subject of
       the verb it depends on;
    3. a conjoined cue ("said … and added …") takes the subject of its first conjunct;
    4. a cue in a relative clause ("Zelensky, who said …") takes the noun it modifies, and so
       does a relative pronoun subject ("the union, which said …");
    5. failing all that (a parse that lost the link), the subject of the sentence's root."""
    quoted = cue.doc._.quotes or []

    def in_quotation(t: Token) -> bool:
        return any(q.start <= t.idx < q.end for q in quoted)

    token: Token | None = cue
    for _ in range(5):
        if token is None:
            break
        for c in token.children:
            if c.dep_ in {"nsubj", "csubj"} and not (in_quotation(c) and not in_quotation(cue)):
                return c  # a relative pronoun ("who said") is named later from its noun
            if c.dep_ == "agent":
                objs = [g for g in c.children if g.dep_ == "pobj"]
                if objs:
                    return objs[0]
        if any(c.dep_ == "nsubjpass" for c in token.children) and token.i == cue.i:
            return None
        if token.dep_ in {"relcl", "acl"} and token.head.pos_ in {"NOUN", "PROPN", "PRON"}:
            return token.head
        if token.dep_ in {"advcl", "xcomp", "conj", "pcomp", "ccomp", "dobj"} and token.head.i != token.i:
            token = token.head
            continue
        break
    return nearest_noun_phrase(cue)


def nearest_noun_phrase(cue: Token) -> Token | None:
    """Rule 5, for parses that lost the subject link ("…," the governor, Pavel Orlov, said):
    the nearest noun phrase to the cue in its sentence, outside quotation marks, that is not a
    date or a number."""
    doc = cue.doc
    quoted = doc._.quotes or []
    best: tuple[int, Token] | None = None
    for chunk in cue.sent.noun_chunks:
        root = chunk.root
        if any(q.start <= root.idx < q.end for q in quoted) or root.ent_type_ in {"DATE", "TIME", "CARDINAL"}:
            continue
        distance = cue.i - chunk.end + 1 if chunk.end <= cue.i else chunk.start - cue.i
        if 0 <= distance <= 6 and (best is None or distance < best[0]):
            best = (distance, root)
    return best[1] if best else None
