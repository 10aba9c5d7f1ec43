"""Content clauses the parser hung in the wrong place, found back for the cue they report.

A that-clause after a verb of saying is what was said; the small model often hangs it elsewhere:
on the cue's object ("told news agency Reuters that …"), as a relative clause of that object
with "that" as its pronoun ("told a media briefing that Israel is examining …"), or on a noun of
the cue's setting ("said at a press briefing that …").  Each rule is a function below; the
content rules (``content.content_of_cue``) ask them when the cue has no clause of its own.  And
the other way round: a frame the parser hung on the clause it reports ("The Kremlin will
respond, Peskov said") is no content of that clause's verb (``frames_it``).
"""

from __future__ import annotations

from spacy.tokens import Token

from onrecord.extraction.subject_asides import FINITE_TAGS
from onrecord.lexicons.venues import load_venue_lexicon


def has_complementizer(verb: Token) -> bool:
    return any(m.dep_ == "mark" and m.lower_ in {"that", "whether", "if"} for m in verb.children)


def clause_on_addressee(cue: Token) -> Token | None:
    """Addressee rule: "told news agency Reuters that Hamas approved …" is parsed with the
    that-clause hung on the addressee, as if it described Reuters.  A clause under the cue's
    object that opens with a complementizer (not a relative pronoun, which would be its
    subject or object) is what was said."""
    for obj in cue.children:
        if obj.dep_ not in {"dobj", "dative"}:
            continue
        for c in obj.children:
            if c.dep_ in {"acl", "relcl", "ccomp"} and c.i > obj.i \
                    and (has_complementizer(c) or that_taken_for_relative(c)):
                return c
    return None


# tokens after a cue read for a clause taken for a noun: whom it was told and where ("supporters in
# Columbus, Ohio,") come first and are short; a bound keeps the rule's cost per cue constant
OBJECT_REACH = 30


def clause_taken_for_object(cue: Token) -> Token | None:
    """Noun-verb rule: "telling supporters in Columbus, Ohio, that he had \"renewed faith\" in the
    country" is parsed with "faith" as a noun — the cue's second object, or an apposition in the
    phrase of its object or its adjunct — carrying the clause's "that", its subject and its
    auxiliary: the clause's verb taken for a noun.  A noun in the cue's phrases (no verb between
    them) that holds a complementizer and a subject of its own before it is a clause, and what
    was said; the object before it is whom it was said to (``context.addressee``)."""
    doc = cue.doc
    for t in doc[cue.i + 1 : min(cue.right_edge.i + 1, cue.i + 1 + OBJECT_REACH)]:
        if t.pos_ not in {"NOUN", "PROPN"} or not has_complementizer(t):
            continue
        if not any(c.dep_ in {"nsubj", "nsubjpass"} and c.i < t.i for c in t.children):
            continue
        head = t.head
        while head.i != cue.i and head.pos_ not in {"VERB", "AUX"} and head.head.i != head.i:
            head = head.head
        if head.i == cue.i:
            return t
    return None


def addressee_taken_for_modifier(cue: Token) -> Token | None:
    """Plural-modifier rule: "told reporters relations with Ottawa have changed" is parsed with
    "reporters relations" as one noun, either the cue's object before a clause with no subject
    (``content.subject_parsed_as_object`` gives the clause its subject back) or the subject of
    the cue's clause ("told reporters talks … have stalled").  A noun that modifies a noun is
    singular in English ("trade relations", not "trades relations"); a plural common noun right
    after the cue, opening the noun phrase that is what was said's subject, is whom it was said
    to.  The callers ask it of verbs whose object is their addressee ("told", "assured")."""
    if cue.i + 1 >= len(cue.doc):
        return None
    first = cue.doc[cue.i + 1]
    noun = first.head
    if first.dep_ != "compound" or first.tag_ != "NNS" or any(first.children) or noun.left_edge.i != first.i:
        return None
    if noun.dep_ in {"nsubj", "nsubjpass"} and noun.head.dep_ == "ccomp" and noun.head.head.i == cue.i:
        return first  # "told reporters talks … have stalled"
    if noun.dep_ != "dobj" or noun.head.i != cue.i:
        return None
    after = noun.right_edge.i + 1
    subjectless = any(c.dep_ == "ccomp" and c.left_edge.i == after
                      and not any(s.dep_ in {"nsubj", "nsubjpass", "expl", "mark"} for s in c.children)
                      for c in cue.children)
    return first if subjectless else None


def after_the_addressee(cue: Token, content: tuple[int, int]) -> tuple[int, int]:
    """A content that opens with whom it was told, parsed as a modifier of the clause's subject
    ("telling reporters relations … have changed": ``addressee_taken_for_modifier``), starts
    after it."""
    start, end = content
    if cue.lemma_.lower() not in load_venue_lexicon().addressing_verbs:
        return start, end
    told = addressee_taken_for_modifier(cue)
    return (cue.doc[told.i + 1].idx if told is not None and told.idx == start else start), end


def that_taken_for_relative(clause: Token) -> bool:
    """Complementizer rule: "told a media briefing that Israel is examining the proposal" parsed
    as a relative clause of "briefing" whose object is "that": a "that" opening a clause whose verb
    already has a subject and an object of its own cannot be its relative pronoun; it opens the
    content."""
    first = clause.doc[clause.left_edge.i]
    if first.lower_ != "that" or first.head.i != clause.i or first.dep_ not in {"dobj", "nsubj"}:
        return False
    others = [c for c in clause.children if c.i != first.i]
    return any(c.dep_ == "nsubj" for c in others) and any(c.dep_ in {"dobj", "attr", "acomp", "ccomp"} for c in others)


SETTING_PREPS = {"at", "in", "during", "on", "to", "with", "after", "before", "from", "via", "through", "over",
                 "following", "amid", "since", "upon", "outside"}  # "said following a vote in 2001 that …"
# "claimed without evidence that …", "asserted without offering proof that …": the parse takes the
# that-clause for what the evidence would show; it is what was claimed
MANNER_PREPS = {"without"}


def clause_on_adjunct(cue: Token) -> Token | None:
    """Adjunct rule: "said at a press briefing that the bridge would reopen", "said in an interview
    with the BBC on Sunday that …": the parse hangs the that-clause on the last noun of the cue's
    setting, as if it were a relative clause of "briefing".  A clause under a noun of the cue's
    prepositional adjuncts (after the cue) that opens with "that" and has a subject of its own
    besides it is what was said; a true relative clause ("at a meeting that took place Friday")
    has "that" for its subject and no other.  So with "without": "claimed without evidence that
    the vote was rigged" (manner rule)."""
    nouns: list[Token] = []
    preps = SETTING_PREPS | MANNER_PREPS
    frontier = [c for c in cue.children if c.dep_ == "prep" and c.i > cue.i and c.lower_ in preps]
    # "said ahead of the summit that …", "said shortly after the vote that …": the preposition
    # hangs on an adverb of the cue
    frontier += [p for a in cue.children if a.dep_ == "advmod" and a.i > cue.i
                 for p in a.children if p.dep_ == "prep" and p.lower_ in SETTING_PREPS | {"of"}]
    while frontier:
        prep = frontier.pop()
        for obj in prep.children:
            if obj.dep_ == "pcomp" and prep.lower_ in MANNER_PREPS:  # "without offering proof that …"
                nouns.extend(o for o in obj.children if o.dep_ == "dobj")
            if obj.dep_ == "pobj":
                nouns.append(obj)
                frontier.extend(c for c in obj.children if c.dep_ == "prep" and c.lower_ in SETTING_PREPS)
    for noun in sorted(nouns, key=lambda t: t.i):
        for c in noun.children:
            if c.dep_ not in {"relcl", "acl", "ccomp"} or c.i < noun.i or c.pos_ not in {"VERB", "AUX"}:
                continue
            opener = c.doc[c.left_edge.i]
            subjects = [s for s in c.children if s.dep_ in {"nsubj", "nsubjpass", "expl"} and s.i != opener.i]
            # the complementizer may be hung lower in the clause ("a readout that the leaders had
            # agreed to continue talks": "that" as the object of "continue"), tagged IN all the same
            if opener.lower_ == "that" and (opener.head.i == c.i or opener.tag_ == "IN") and subjects:
                return c
    return None


def unmarked_clause_after_adjunct(clause: Token, cue: Token) -> bool:
    """Fronted-adjunct rule: "Trump said after the convention he would not accept Cruz's
    endorsement" is parsed with the reported clause as an adverbial clause of "said" and "after
    the convention" as its own adjunct.  An adverbial clause needs a conjunction ("said so
    because he would …"); one after the cue with none, a subject of its own and a finite verb
    is the reported clause without "that"."""
    if clause.dep_ != "advcl" or clause.i < cue.i:
        return False
    if any(c.dep_ == "mark" or c.tag_ == "WRB" for c in clause.children if c.i < clause.i):
        return False  # "said WHEN Boyle asked him", "said AS the vote closed": a time, not the words
    subjects = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < clause.i]
    finite = clause.tag_ in FINITE_TAGS or any(c.dep_ in {"aux", "auxpass"} and c.tag_ in FINITE_TAGS
                                                 for c in clause.children)
    return bool(subjects) and finite and subjects[0].i > cue.i


CONDITIONS = {"if", "unless", "whether"}


def clause_core_start(clause: Token) -> int:
    """Where a clause's own words begin: its subject's left edge, else the verb."""
    subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass", "expl"} and c.i < clause.i), None)
    return subject.left_edge.i if subject is not None else clause.i


def nearer_cue(cue: Token, clause: Token) -> Token | None:
    """Nearer-cue rule: "The spot concludes with footage of Trump SAYING during the debate, “That
    makes me smart”", "Warren told Stumpf, after he ADMITTED under her grilling he hadn't been held
    accountable": the parse hangs the reported clause on the first cue, but another cue that takes
    a clause and has no words of its own ends right before it (only punctuation between): the
    clause is that one's.  A frame of the first cue ("said, speaking at the summit, …") is not
    another speaker's cue."""
    doc = cue.doc
    core = clause_core_start(clause)
    for other in doc[cue.i + 1 : core]:
        entry = other._.cue
        if entry is None or "clause" not in entry.complements or other.head.i == cue.i \
                or any(c.dep_ in {"ccomp", "dobj", "xcomp", "auxpass", "nsubjpass"} or c.lower_ in CONDITIONS
                       for c in other.children):
            continue  # (not a passive, "if a referendum IS ANNOUNCED, Ukraine will withdraw", nor a condition)
        if other.right_edge.i < core and all(t.is_punct for t in doc[other.right_edge.i + 1 : core]):
            return other
    return None


def clause_of_an_earlier_cue(cue: Token) -> Token | None:
    """The other side of ``nearer_cue``: the reported clause right after this cue's phrase that
    the parse hung on an earlier cue."""
    doc = cue.doc
    at = cue.right_edge.i + 1
    while at < len(doc) and doc[at].is_punct:
        at += 1
    if at >= len(doc):
        return None
    for clause in [doc[at], *doc[at].ancestors]:
        if clause.dep_ == "ccomp" and clause.head.i < cue.i and clause.head._.cue is not None:
            nearer = nearer_cue(clause.head, clause)
            return clause if nearer is not None and nearer.i == cue.i else None
    return None


def frames_it(clause: Token, cue: Token) -> bool:
    """Frame rule: "The Kremlin will respond, Peskov said": a speech verb with its own subject and no
    words of its own, set off after the cue's clause, reports that clause; it is never what the cue
    says ("you have said more than once– you and others have said– that …" goes on saying)."""
    return clause.dep_ == "parataxis" and clause.i > cue.i and clause._.cue is not None \
        and any(c.dep_ == "nsubj" for c in clause.children) \
        and not any(c.dep_ in {"ccomp", "dobj", "xcomp"} for c in clause.children)  # no words of its own
