"""Issues a statement takes from the text around it, when its own words name none.

Two narrow mechanisms, each a rule of its own:

- ``anaphor_antecedent``: the statement's subject or object refers back ("it", "this", "such a
  step", "the agreement") and the nearest issue named before it, in the same or the previous
  sentence, is what it refers to.  The nearest-candidate search is Hobbs's naive algorithm
  (Hobbs 1978, "Resolving pronoun references") cut to its core: same sentence right to left,
  then the sentence before.
- ``reported_continuation``: "According to X, P. Q." — the sentence after a report introduced
  by "according to" goes on reporting X (Pareti 2016: an attribution's content may span several
  sentences) when it is no statement of its own.
- ``titled_issues`` and ``words_under_title``: a word that names an issue only in context ("the
  meeting", "the path", "concessions": ``in_context`` in the taxonomy) names it in an article whose
  title names that issue — one sense per discourse (Gale, Church & Yarowsky 1992, "One sense per
  discourse"): a news article's words keep the sense its headline sets.
- ``question_before``: in a transcript, an answer is about what the question before it asked
  ("Q Will you send more missiles? — THE PRESIDENT: We are looking at it"): a question and its
  answer are an adjacency pair (Schegloff & Sacks 1973, "Opening up closings"), the first part
  setting the topic of the second.
- ``continued_speech``: a quotation the reporter split in two ("…," the President said. "…"),
  or one that goes on in the next paragraph with no cue of its own, is one speech: the second
  part, when short, is about what the first part was about (the attribution conventions of
  news text; Pareti 2016, "PARC 3.0", treats such a split quotation as one attribution).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from operator import attrgetter

from spacy.language import Language
from spacy.tokens import Doc, Token

from onrecord.extraction.docindex import (
    doc_text,
    index_of_sentence,
    once,
    paragraph_bounds,
    sentences,
    token_at,
    token_starts,
    tokens_with,
)
from onrecord.extraction.found import Found
from onrecord.extraction.heads import governing_verb
from onrecord.extraction.issue_scope import names_the_war, of_other_parties
from onrecord.extraction.issue_tags import IssueHit, tag_texts
from onrecord.lexicons.taxonomy import Taxonomy

# the roles in which a word is what the clause is about: its subject or its object
ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "attr"}
PRONOUNS = {"it", "this", "that"}
DEMONSTRATIVES = {"this", "that", "these", "those", "such"}
# a clause after "it" says what "it" stands for ("it is important to …", "it is clear that …"):
# that "it" is an expletive and refers to nothing
EXTRAPOSED = {"ccomp", "xcomp", "csubj"}
# modifiers that pin a definite noun down by themselves: a noun or possessor before it, a clause after it
RESTRICTIVE = {"compound", "poss", "relcl", "acl"}
SHORT_CONTINUATION_WORDS = 40  # a continued quotation longer than this has room for its own topic
MAX_SPLIT_GAP = 120  # characters between the two parts of one split quotation: the attribution only


def refers_back_pronoun(token: Token) -> bool:
    """Pronoun rule: "it", "this" or "that" as the subject or object of its clause refers back.
    Not the "that" of a clause ("said that …", tagged IN or WDT), nor an expletive "it" whose
    clause says what it stands for ("it is clear that …")."""
    word = token.lower_
    if word not in PRONOUNS or token.dep_ not in ARGUMENT_DEPS:
        return False
    if word == "that" and token.tag_ != "DT":
        return False
    if word == "it" and any(c.dep_ in EXTRAPOSED and c.i > token.i for c in token.head.children):
        return False
    return True


def refers_back_noun(token: Token, heads: frozenset[str]) -> bool:
    """Definite-description rule: a noun of ``heads`` (words that name no issue of their own:
    "agreement", "step", "document") made definite by "the", "this" or "such" ("the agreement",
    "such a step"), as the subject or object of its clause, refers back to what was named."""
    # singular: "these questions" gathers what came before, it names no one issue
    if token.tag_ not in {"NN", "NNP"} or token.lemma_.lower() not in heads:
        return False
    if token.dep_ not in ARGUMENT_DEPS or discourse_new(token):
        return False
    determiners = {c.lower_ for c in token.children if c.dep_ in {"det", "predet", "amod"}}
    return bool(determiners & (DEMONSTRATIVES | {"the"}))


def discourse_new(token: Token) -> bool:
    """Restrictive-modification rule (Vieira & Poesio 2000, "An empirically based system for
    processing definite descriptions"): a definite noun that its own words pin down — a noun or
    a possessor before it, an "of" phrase or a clause after it ("the criminal justice process",
    "the Joint Comprehensive Plan of Action", "the process that began in May") — introduces its
    referent; it does not refer back."""
    for child in token.children:
        if child.dep_ in RESTRICTIVE or (child.dep_ == "prep" and child.lower_ == "of"):
            return True
    return False


def anaphors(doc: Doc, f: Found, heads: frozenset[str]) -> list[Token]:
    """The words of the statement that refer back (``refers_back_pronoun``, ``refers_back_noun``),
    in text order: those of the article's (``referring_words``) that start in its ranges."""
    referring = once(doc, ("referring_words", heads), lambda: referring_words(doc, heads))
    firsts = once(doc, ("referring starts", heads), lambda: [token_starts(doc)[i] for i in referring])
    out = []
    for start, end in sorted(f.content):
        out.extend(doc[referring[k]] for k in range(bisect_left(firsts, start), bisect_left(firsts, end)))
    return out


def referring_words(doc: Doc, heads: frozenset[str]) -> list[int]:
    """The indices of the article's words that refer back, in order: the rules asked only of the
    words that can pass them (a pronoun of ``PRONOUNS``, a lemma of ``heads``), found in the Doc's
    columns, instead of of every word of every statement."""
    pronouns = tokens_with(doc, "LOWER", lambda w: w in PRONOUNS)
    nouns = tokens_with(doc, "LEMMA", lambda w: w.lower() in heads)
    candidates = sorted({t.i: t for t in (*pronouns, *nouns)}.items())
    return [i for i, t in candidates if refers_back_pronoun(t) or refers_back_noun(t, heads)]


def clause_mate(token: Token, anaphor: Token) -> bool:
    """Binding principle B (Chomsky 1981): a pronoun is free in its own clause, so a noun that is
    an argument of the same verb ("the state is working on it") is not what it refers to; nor is
    a noun of an adjunct of that clause ("in theory, it should be equal …"): Hobbs (1978)
    proposes no noun phrase with no clause or noun phrase between it and the pronoun's clause."""
    return (token.head.i == anaphor.head.i or anaphor.head.i == token.i or token.head.i == anaphor.head.head.i
            or governing_verb(token).i == governing_verb(anaphor).i)


def contains(token: Token, anaphor: Token) -> bool:
    """The i-within-i condition (Chomsky 1981): a noun phrase cannot refer to a phrase it holds
    ("interest in participating in such a treaty" is not what "such a treaty" refers to)."""
    return token.left_edge.i <= anaphor.i <= token.right_edge.i


def _trigger_in(hits: Sequence[IssueHit], start: int, end: int) -> IssueHit | None:
    """The trigger inside tokens ``start``-``end`` that ends last (the first such); ``hits`` in
    text order, so that only those starting in the range are read."""
    best = None
    k = bisect_left(hits, start, key=attrgetter("start"))
    while k < len(hits) and hits[k].start < end:
        h = hits[k]
        if h.role == "trigger" and h.end <= end and (best is None or h.end > best.end):
            best = h
        k += 1
    return best


def anaphor_antecedent(doc: Doc, f: Found, hits: Sequence[IssueHit], heads: frozenset[str]) -> IssueHit | None:
    """Anaphora rule: what the first word of the statement that refers back (``anaphors``)
    stands for, searched as Hobbs (1978) does, its own sentence first: the nearest noun before it
    there that is not its clause-mate (``clause_mate``) is the antecedent, and the issue is the
    one named in that noun's phrase, if any ("regarding the prosecution …, he said the state is
    working on it": the prosecution, no issue); with no such noun, the issue named last in the
    sentence before.  None when nothing refers back or no issue is named that close."""
    words = anaphors(doc, f, heads)
    sents = sentences(doc)
    if not words or not sents:
        return None
    anaphor = words[0]
    noun = own_antecedent(doc, anaphor)
    if noun is not None:
        return _trigger_in(hits, noun.left_edge.i, noun.right_edge.i + 1)
    n = index_of_sentence(doc, anaphor.i)
    if n == 0:
        return None
    return _trigger_in(hits, sents[n - 1].start, sents[n - 1].end)


def own_antecedent(doc: Doc, anaphor: Token) -> Token | None:
    """Hobbs's first step: the nearest noun before the anaphor in its own sentence that is an
    argument, neither its clause-mate (``clause_mate``) nor a phrase that holds it (``contains``)."""
    own = sentences(doc)[index_of_sentence(doc, anaphor.i)]
    for i in range(anaphor.i - 1, own.start - 1, -1):
        token = doc[i]
        if (token.pos_ == "NOUN" and token.dep_ in ARGUMENT_DEPS and not clause_mate(token, anaphor)
                and not contains(token, anaphor)):
            return token
    return None


def referred_statement(doc: Doc, found: Sequence[Found], index: int, heads: frozenset[str],
                       reach: Sequence[int] | None = None) -> Found | None:
    """Chained-anaphora rule: when the statement refers back past its own sentence and the
    sentence before names no issue, the statement there that has issues (of its own, or found the
    same way) is what it refers to: "This issue is discussed with all leaders," he said. "This is
    the only alternative," … — coreference is transitive (the chains of Hobbs 1978 and of every
    coreference resolver since).  ``reach`` (``content_reach(found)``): where the statements up to
    each one end at the latest, so that the search back stops where none can reach the sentence."""
    f = found[index]
    words = anaphors(doc, f, heads)
    sents = sentences(doc)
    if not words or not sents or own_antecedent(doc, words[0]) is not None:
        return None
    n = index_of_sentence(doc, words[0].i)
    if n == 0:
        return None
    start, end = sents[n - 1].start_char, sents[n - 1].end_char
    for k in range(index - 1, -1, -1):
        if reach is not None and reach[k] <= start:
            return None  # no statement this early reaches the sentence
        g = found[k]
        if g.issues and any(s < end and start < e for s, e in g.content):
            return g
    return None


def content_reach(found: Sequence[Found]) -> list[int]:
    """For each statement, the latest end of the words of it and of every statement before it."""
    reach, latest = [], 0
    for f in found:
        latest = max([latest, *(e for _, e in f.content)])
        reach.append(latest)
    return reach


def _paragraph_index(doc: Doc, offset: int) -> int:
    """The number of the paragraph that holds ``offset`` or, between two, the next one; the
    count of paragraphs after the last: the first whose end lies past it, by bisection."""
    ends = once(doc, "paragraph ends", lambda: [end for _, end in paragraph_bounds(doc)])
    return bisect_right(ends, offset)


def _word_count(doc: Doc, f: Found) -> int:
    text = doc_text(doc)
    return sum(len(text[s:e].split()) for s, e in f.content)


def continued_speech(doc: Doc, found: Sequence[Found], index: int) -> Found | None:
    """Split-quotation rule: the statement that the quotation ``found[index]`` goes on from, when
    both are one speech the reporter split — a quotation with no cue of its own continuing the
    one before (``Found.continues``), or a direct quotation right after the same speaker's direct
    quotation in the same paragraph with only the attribution between ("…," the President said.
    "…") — and this part is short (``SHORT_CONTINUATION_WORDS``).  None otherwise."""
    f = found[index]
    if f.kind != "direct" or _word_count(doc, f) > SHORT_CONTINUATION_WORDS:
        return None
    if f.continues is not None:
        return f.continues
    if index == 0:
        return None
    previous = found[index - 1]
    if (previous.kind != "direct" or not f.speaker_name or f.speaker_name != previous.speaker_name
            or f.start - previous.end > MAX_SPLIT_GAP):
        return None
    if _paragraph_index(doc, previous.end) != _paragraph_index(doc, f.start):
        return None
    return previous


def reported_continuation(doc: Doc, found: Sequence[Found], index: int,
                          hits: Sequence[IssueHit]) -> list[IssueHit]:
    """Reported-continuation rule: after "According to X, P.", the next sentence of the paragraph
    goes on with what X reported ("According to the envoy, proposals were recorded. A next round
    may be agreed in days.") when no other statement's words or cue are in it: the triggers of
    that sentence.  Only for "according to", whose attribution is the sentence's frame, not a
    verb that ends with its clause."""
    f = found[index]
    if f.cue_class != "according_to" or f.kind != "indirect":
        return []
    sents = sentences(doc)
    n = index_of_sentence(doc, token_at(doc, f.end - 1))
    if n + 1 >= len(sents):
        return []
    following = sents[n + 1]
    start, end = following.start_char, following.end_char
    if _paragraph_index(doc, f.end - 1) != _paragraph_index(doc, start):
        return []
    for other in found:
        spans = [*other.content, *([other.cue_span] if other.cue_span else [])]
        if other is not f and any(s < end and start < e for s, e in spans):
            return []
    return [h for h in hits if h.role == "trigger" and following.start <= h.start and h.end <= following.end]


def title_issues(nlp: Language, titles: Sequence[str], taxonomy: Taxonomy) -> list[list[str]]:
    """The issues whose triggers each title holds, the titles parsed in one pass of the model;
    a one-word trigger of the talks of other parties (``issue_scope.others_affair``) names none,
    unless the title puts the war in view (the taxonomy's ``in_view``)."""
    def keep(title: str, doc: Doc, hits: list[IssueHit]) -> list[IssueHit]:
        return hits if names_the_war(title, taxonomy.in_view) else [h for h in hits if not of_other_parties(doc, h)]

    return tag_texts(nlp, titles, taxonomy, keep)


def titled_issues(nlp: Language, doc: Doc, taxonomy: Taxonomy) -> list[str]:
    """The issues whose triggers the article's title (``doc._.headline``) holds (``title_issues``)."""
    title = doc._.headline
    return title_issues(nlp, [title], taxonomy)[0] if isinstance(title, str) and title.strip() else []


def words_under_title(hits: Sequence[IssueHit], content: Sequence[tuple[int, int]],
                      titled: Sequence[str]) -> list[IssueHit]:
    """Title rule: the words of the statement that name an issue in context (role ``context``)
    and whose issue the article's title names (``titled_issues``): "we have to find opportunities
    to meet" is about the talks under the title "We must continue negotiations with Russia"."""
    return [h for h in hits if h.role == "context" and h.issue in titled
            and any(s <= h.start_char and h.end_char <= e for s, e in content)]


# a reporter's turn in a transcript: "Q Mr. President, …", "Q: …", "Question (retranslated): …"
QUESTION_OPENING = re.compile(r"\s*(?:Q\.?\s|Q:|question\b[^:\n]{0,40}:)", re.IGNORECASE)


def question_before(doc: Doc, f: Found, hits: Sequence[IssueHit], parties: frozenset[str]) -> list[IssueHit]:
    """Question rule: a transcript turn (cue class ``transcript``: a speaker label and the
    paragraphs after it) answers the paragraph right before its label when that paragraph is a
    question — the reporter's turn ("Q …", "Question: …") or one that ends with a question mark —
    about the conflict (it names one of ``parties``: a question on tariffs on aluminum or on a
    budget negotiation is another debate): the triggers of that question."""
    if f.cue_class != "transcript" or f.cue is None:
        return []
    bounds = paragraph_bounds(doc)
    label = _paragraph_index(doc, f.cue.idx)
    if label == 0 or label > len(bounds):
        return []
    start, end = bounds[label - 1]
    asked = doc_text(doc)[start:end].strip()
    if not (QUESTION_OPENING.match(asked) or asked.endswith("?")):
        return []
    if parties and not parties & {w.lower() for w in re.findall(r"[^\W\d_]+", asked)}:
        return []
    return [h for h in hits if h.role == "trigger" and start <= h.start_char and h.end_char <= end]
