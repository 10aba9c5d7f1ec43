"""Reported earlier positions: what the article says a speaker held before, with no speech cue.

"Zelensky has been adamant about fighting until …", "Putin has long insisted …", "something
Putin has rejected": the reporter states a position and marks it as past or lasting.  These are
not quotations, but a change of position is only visible against them, so they become
statements of kind ``reported_position`` with ``time: before``.

Rules, each a function below:
1. ``position_predicate``: a verb or predicative adjective of holding a position (adamant,
   insist, reject, oppose …);
2. ``marks_earlier_time``: the predicate is in the perfect ("has been adamant", "had rejected")
   or carries an adverb of duration or anteriority ("long", "previously", "repeatedly");
3. ``holder_of``: its subject names someone (a name, a pronoun, an organisation), not "it";
4. ``position_content``: what the position is about: the rest of the clause after the holder,
   or for a relative clause ("something Putin has rejected") the noun phrase it modifies with it.
A cue with an earlier-time adverb ("previously said that …") is already a statement:
``mark_earlier_statements`` sets its ``time`` to ``before``, and when the cue is a position verb
("has long insisted on …", "previously rejected …") makes its kind ``reported_position``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from onrecord.extraction.docindex import in_quotes, tokens_with
from onrecord.extraction.found import Found
from onrecord.extraction.mentions import noun_phrase

# Predicates of holding a position, by lemma.  Adjectives take a copula ("has been adamant").
POSITION_VERBS = {
    "insist", "reject", "oppose", "refuse", "demand", "resist", "dismiss", "advocate", "champion",
    "favor", "favour", "maintain", "push", "rule", "vow", "pledge", "promise", "back", "support",
    "denounce", "condemn", "seek", "call",
}
POSITION_ADJECTIVES = {"adamant", "firm", "steadfast", "unwavering", "opposed", "committed", "determined",
                       "unequivocal", "categorical", "resolute", "intent", "insistent"}
# Adverbs that put the position before the reported moment or make it a lasting one.
EARLIER_ADVERBS = {"long", "previously", "earlier", "once", "formerly", "repeatedly", "consistently",
                   "always", "persistently", "until", "hitherto", "initially", "originally"}
HOLDER_PRONOUNS = {"he", "she", "they", "we", "i"}
NOT_HOLDERS = {"it", "this", "that", "there", "which", "what", "who"}


def _position_lemma(lemma: str) -> bool:
    return lemma.lower() in POSITION_VERBS or lemma.lower() in POSITION_ADJECTIVES


def position_predicate(token: Token) -> bool:
    """Rule 1: a position verb ("rejected", "has insisted") or a predicative adjective
    ("adamant", attached to a copula as its complement)."""
    if token.pos_ == "VERB" and token.lemma_.lower() in POSITION_VERBS:
        return token.dep_ not in {"amod", "compound"}
    return token.lemma_.lower() in POSITION_ADJECTIVES and token.dep_ in {"acomp", "ROOT", "conj"}


def clause_verb(predicate: Token) -> Token:
    """The verb that carries tense and subject: the copula for an adjective."""
    if predicate.pos_ == "ADJ" and predicate.dep_ == "acomp":
        return predicate.head
    return predicate


def marks_earlier_time(predicate: Token) -> bool:
    """Rule 2: the perfect ("has been adamant", "had rejected": a form of *have* as auxiliary),
    the past habitual "used to", or an adverb of duration/anteriority on the clause."""
    verb = clause_verb(predicate)
    for word in (verb, predicate):
        for child in word.children:
            lemma = child.lemma_.lower()
            if child.dep_ == "aux" and lemma == "have":
                return True
            if child.dep_ in {"advmod", "npadvmod", "prep"} and lemma in EARLIER_ADVERBS:
                return True
    return verb.lemma_.lower() == "use" and any(c.dep_ == "xcomp" for c in verb.children)


def holder_of(predicate: Token) -> Token | None:
    """Rule 3: the subject of the clause, when it can hold a position: a proper name, a
    personal pronoun, or a noun for people or an organisation ("the Kremlin", "officials")."""
    verb = clause_verb(predicate)
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.lower_ in NOT_HOLDERS:
        return None
    if subject.pos_ == "PRON":
        return subject if subject.lower_ in HOLDER_PRONOUNS else None
    if subject.pos_ == "PROPN" or subject.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}:
        return subject
    return None


def position_content(predicate: Token, holder: Token) -> tuple[int, int] | None:
    """Rule 4: the character range of what the position is about."""
    verb = clause_verb(predicate)
    sent = predicate.sent
    if verb.dep_ == "relcl" and verb.head.i < holder.i:
        # "… something Putin has rejected": the modified noun phrase and the clause
        antecedent = verb.head
        start = antecedent.left_edge
        end = max(t.i for t in verb.subtree) + 1
        return start.idx, _trim_end(sent.doc, start.i, end)
    phrase = noun_phrase(holder)
    first = phrase.end  # the first token after the holder's noun phrase
    last = max(t.i for t in verb.subtree) + 1
    if first >= last:
        return None
    doc = sent.doc
    while first < last and (doc[first].is_punct or doc[first].dep_ == "appos"):
        first += 1
    if first >= last:
        return None
    return doc[first].idx, _trim_end(doc, first, last)


def _trim_end(doc: Doc, start: int, end: int) -> int:
    while end - 1 > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[end - 1].idx + len(doc[end - 1].text)


def _in_quotation(doc: Doc, offset: int) -> bool:
    return in_quotes(doc, offset)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def mark_earlier_statements(found: list[Found]) -> None:
    """A speech cue with an adverb of anteriority ("has long insisted that …", "previously
    said") reports what the speaker said before: time "before", kind kept."""
    for f in found:
        if f.cue is None:
            continue
        verb = f.cue
        if any(c.dep_ in {"advmod", "npadvmod"} and c.lemma_.lower() in EARLIER_ADVERBS for c in verb.children):
            f.time = "before"
            if f.kind == "indirect" and verb.lemma_.lower() in POSITION_VERBS:
                # "previously rejected any talks": a position held, not words reported
                f.kind = "reported_position"


def find_reported_positions(doc: Doc, found: list[Found]) -> list[Found]:
    """Rules 1–4 over every token outside quotation marks and outside statements already found."""
    taken = [r for f in found for r in f.content]
    cues = {f.cue.i for f in found if f.cue is not None}
    out: list[Found] = []
    # the word test first, on the lemma column (position_predicate needs one of these lemmas): it
    # rules out almost every token without making each one
    for token in tokens_with(doc, "LEMMA", _position_lemma):
        if token.i in cues or not position_predicate(token) or _in_quotation(doc, token.idx):
            continue
        if not marks_earlier_time(token):
            continue
        holder = holder_of(token)
        if holder is None:
            continue
        content = position_content(token, holder)
        if content is None or content[1] - content[0] < 12 or any(_overlaps(content, r) for r in taken):
            continue
        verb = clause_verb(token)
        mention: Span = noun_phrase(holder)
        cue_start = min(verb.idx, token.idx)
        cue_end = max(verb.idx + len(verb.text), token.idx + len(token.text))
        f = Found(
            kind="reported_position",
            content=[content],
            cue=token,
            cue_span=(cue_start, cue_end),
            cue_class="position",
            mention=mention,
            negated=any(c.dep_ == "neg" for c in (*verb.children, *token.children)),
        )
        f.time = "before"
        out.append(f)
        taken.append(content)
    return out


def earlier_component(doc: Doc) -> Doc:
    """Adds the reported earlier positions to ``doc._.statements``, in text order."""
    found = list(doc._.statements or [])
    mark_earlier_statements(found)
    for new in find_reported_positions(doc, found):
        # keep the statements' own order (speakers are resolved in it); slot each one in by start
        at = next((i for i, f in enumerate(found) if f.start > new.start), len(found))
        found.insert(at, new)
    doc._.statements = found
    return doc
