"""Whether the war is in view where a statement stands: the scope of a one-word trigger.

A one-word trigger ("talks", "diplomacy", "tariffs", "missile", "referendum") names an issue of
the war only in a passage about the war; a foreign-policy speech or a press conference goes from
one debate to another ("our diplomacy should counter the climate agenda", "the other thing is
tariffs", "a referendum in Greenland"), and the same word there takes up another debate.  A
phrase of several words ("peace talks", "security guarantees for Ukraine", "the Minsk
agreements") names the war's issue by itself.  The passage is the statement's sentences with a
few before and one after, inside its paragraphs and the paragraph before them (a transcript's
question, a release's lead; a page that runs a whole transcript into one paragraph is many
passages), and the article's title: the topic a reader has in mind when the statement comes (the
discourse topic of a passage, van Dijk 1977, "Text and Context"; a headline sets it for the
article, as in Gale, Church & Yarowsky 1992).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping, Sequence

from spacy.tokens import Doc, Span, Token

from onrecord.extraction.docindex import (
    doc_text,
    index_of_sentence,
    once,
    paragraph_bounds,
    sentence_of,
    sentences,
    token_at,
)
from onrecord.extraction.found import Found
from onrecord.extraction.heads import governing_verb
from onrecord.extraction.issue_tags import IssueHit

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# the sentences before and after a statement's own that its passage holds
SENTENCES_BEFORE = 3
SENTENCES_AFTER = 1


def one_word(hit: IssueHit) -> bool:
    """A trigger of one token: a lemma or a one-token pattern, not a phrase."""
    return hit.end - hit.start == 1


def passage(doc: Doc, f: Found) -> tuple[int, int]:
    """The character range of the statement's passage: its sentences (and its cue's), with
    ``SENTENCES_BEFORE`` before and ``SENTENCES_AFTER`` after them, inside its paragraphs and the
    paragraph before them."""
    first = min((s for s, _ in f.content), default=0)
    last = max((e for _, e in f.content), default=0)
    if f.cue is not None:
        first, last = min(first, f.cue.idx), max(last, f.cue.idx)
    bounds = paragraph_bounds(doc)
    # the paragraphs the statement overlaps, by bisection (ends and starts both rise)
    ends = once(doc, "paragraph ends", lambda: [e for _, e in bounds])
    starts = once(doc, "paragraph starts", lambda: [s for s, _ in bounds])
    lo_n, hi_n = bisect_right(ends, first), bisect_left(starts, last) - 1
    inside = lo_n <= hi_n
    lo, hi = (bounds[max(lo_n - 1, 0)][0], bounds[hi_n][1]) if inside else (first, last)
    sents = sentences(doc)
    if not sents:
        return lo, hi
    a = index_of_sentence(doc, token_at(doc, first))
    b = index_of_sentence(doc, token_at(doc, max(last - 1, first)))
    window = sents[max(a - SENTENCES_BEFORE, 0)].start_char, sents[min(b + SENTENCES_AFTER, len(sents) - 1)].end_char
    return max(lo, window[0]), min(hi, window[1])


def in_passage(doc: Doc, f: Found, words: frozenset[str]) -> bool:
    """A word of ``words`` in the statement's passage (``passage``)."""
    start, end = passage(doc, f)
    spots = once(doc, ("war in view", words), lambda: _spots(doc_text(doc), words))
    k = bisect_left(spots, (start,))
    return k < len(spots) and spots[k][1] <= end


# the words that name the war's victim among the parties an affair is "between"
WAR_SIDE_WORDS = frozenset({"ukraine", "ukrainian", "ukrainians", "kyiv", "kiev", "donbas", "donbass", "crimea"})


def others_affair(trigger: Span) -> bool:
    """Other-parties rule: talks or a summit whose parties are named before it, none of them
    Ukraine ("Russian-Hungarian talks", "the Russia-Africa summit", "the Russian-American summit in
    Geneva" of June 2021), are another affair, not the talks to end the war — unless the phrase
    names Ukraine itself ("Russia-US talks on Ukraine")."""
    root = trigger.root
    words = [t for c in root.children if c.dep_ in {"amod", "compound", "nmod"} for t in c.subtree]
    doc = trigger.doc
    # two parties joined by a hyphen: a name of two letters or more on each side ("Russian-Hungarian",
    # "Russia-US"; not a model's name such as "Tochka-U" nor "Soviet-made")
    paired = any(t.text == "-" and 0 < t.i < len(doc) - 1 and all(
        n.text[:1].isupper() and n.is_alpha and len(n) > 1 for n in (doc[t.i - 1], doc[t.i + 1])) for t in words)
    return paired and not any(t.lower_ in WAR_SIDE_WORDS for t in root.subtree)


# prepositions by which what follows is what a word is about or for ("talks on ending the war"),
# and by which it is the means ("the end of the war through diplomacy", "at the negotiating table")
AIM_PREPOSITIONS = frozenset({"on", "about", "for", "toward", "towards", "regarding", "over"})
MEANS_PREPOSITIONS = frozenset({"through", "by", "via", "at"})


def _aim_of(root: Token, others: set[int]) -> bool:
    """The word is the aim of one of the ``others``: an infinitive under it, up a chain of
    complements ("ready to negotiate with Russia to end the war", "talks to end the war"), or
    what a preposition of topic or aim under it holds ("talks on ending the war"); or one of the
    others is its means ("the end of the war through diplomacy")."""
    if root.dep_ in {"advcl", "xcomp", "acl", "relcl"} and any(c.dep_ == "aux" and c.lower_ == "to"
                                                                 for c in root.children):
        head = root.head
        while head.i not in others and head.dep_ in {"xcomp", "advcl"} and head.head.i != head.i:
            head = head.head
        if head.i in others:
            return True
    preposition = root.head
    if root.dep_ in {"pcomp", "pobj"} and preposition.lower_ in AIM_PREPOSITIONS:
        # the preposition may hang from a phrase the talks hold ("talks [with Moscow] on ending the
        # war"), or from the verb whose object they are ("we held talks with Moscow on ending the war")
        head = preposition.head
        for _ in range(3):
            if head.i in others or any(c.dep_ == "dobj" and c.i in others for c in head.children):
                return True
            if head.dep_ not in {"pobj", "prep"} or head.head.i == head.i:
                break
            head = head.head
    # the means may hang from the verb the word is the object of ("hinder the end of the war
    # through diplomacy": the parser hangs "through" from "hinder")
    holders = [root, root.head] if root.dep_ == "dobj" else [root]
    return any(c.dep_ == "prep" and c.lower_ in MEANS_PREPOSITIONS and any(
        g.dep_ == "pobj" and g.i in others for g in c.children) for word in holders for c in word.children)


def aim_of_another(doc: Doc, hit: IssueHit, aims: Mapping[str, frozenset[str]], hits: Sequence[IssueHit],
                   starts: Sequence[int]) -> bool:
    """Aim rule: a trigger of an issue that is what a trigger of another issue is for names that
    one's aim, not its own issue (the taxonomy's ``aim_of``: "talks on ending the war", "Ukraine is
    ready to negotiate with Russia to end the war", "the end of the war through diplomacy" are
    about the talks, not a call to stop the fighting now; "negotiate a ceasefire" is both, as the
    ceasefire's own word is no word of ending).  ``hits``: the article's, by start token, and
    ``starts`` their start tokens, read by bisection for the hit's sentence."""
    root = doc[hit.start:hit.end].root
    for other, lemmas in aims.items():
        if root.lemma_.lower() not in lemmas:
            continue
        sent = root.sent
        near = hits[bisect_left(starts, sent.start):bisect_left(starts, sent.end)]
        others = {i for h in near if h.issue == other and h.role == "trigger" for i in range(h.start, h.end)}
        if others and _aim_of(root, others):
            return True
    return False


def of_other_parties(doc: Doc, hit: IssueHit) -> bool:
    """A one-word trigger of the talks of other parties (``others_affair``)."""
    return hit.role == "trigger" and one_word(hit) and others_affair(doc[hit.start:hit.end])


def names_the_war(text: str, words: frozenset[str]) -> bool:
    """The text holds a word that puts the conflict in view (the taxonomy's ``in_view``); True
    when there are none (the rule is off)."""
    return not words or bool(_spots(text, words))


def war_in_view(doc: Doc, f: Found, words: frozenset[str]) -> bool:
    """View rule: the statement's passage (``passage``) or the article's title holds a word that
    puts the conflict in view (the taxonomy's ``in_view``).  True when there are none (the rule is
    off)."""
    if not words:
        return True
    title = doc._.headline if isinstance(doc._.headline, str) else ""
    return names_the_war(title, words) or in_passage(doc, f, words)


# the wars that are no war: "a trade war with Canada" puts no conflict in view
OTHER_WARS = frozenset({"trade", "tariff", "tariffs", "price", "currency", "culture", "tech", "chip", "drug",
                        "class", "bidding", "talent", "turf", "gang", "flame"})
PREVIOUS_WORD = re.compile(r"([^\W\d_]+)\W*$")


def _spots(text: str, words: frozenset[str]) -> list[tuple[int, int]]:
    """(start, end) of every word of ``words`` in the text, in order: found once per article and
    read by bisection for each statement's passage (a passage per statement read its words anew).
    "war" after a word of ``OTHER_WARS`` ("trade war") is left out."""
    out = []
    for m in WORD.finditer(text):
        word = m.group().lower()
        if word not in words:
            continue
        if word == "war":
            before = PREVIOUS_WORD.search(text, max(0, m.start() - 20), m.start())
            if before is not None and before.group(1).lower() in OTHER_WARS:
                continue
        out.append((m.start(), m.end()))
    return out


def in_scope(hits: Sequence[IssueHit], in_view: bool, in_own_view: Callable[[IssueHit], bool] | None = None
             ) -> list[IssueHit]:
    """The hits that name their issue here: all of them where the war is in view, else only the
    phrases (``one_word`` triggers name another debate's words there) and the one-word triggers
    ``in_own_view`` accepts (``trigger_in_own_view``)."""
    if in_view:
        return list(hits)
    return [h for h in hits
            if not (h.role == "trigger" and one_word(h)) or (in_own_view is not None and in_own_view(h))]


def trigger_in_own_view(doc: Doc, hit: IssueHit, words: frozenset[str]) -> bool:
    """Own-view rule: the trigger's phrase, or the subject of the clause it is in, holds a word that
    puts its issue in view by itself (a taxonomy issue's ``in_view``): "anti-Russia sanctions", "the
    Russian economy has survived despite the sanctions" are about sanctions on Russia in a news
    conference on trade; "to get Russia and China on board for the strongest sanctions" (on
    another country) is not: Russia there is neither."""
    if not words:
        return False
    trigger = doc[hit.start]
    near = list(trigger.subtree)
    verb = governing_verb(trigger)
    near += [t for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} for t in c.subtree]
    return any(t.lower_ in words for t in near)


# an in_view word that puts a war in view, not which one: it does not keep a trigger from elsewhere
GENERIC_VIEW_WORDS = frozenset({"war"})


def _name_spots(text: str, names: frozenset[str]) -> list[tuple[int, int]]:
    """(start, end) of every name of ``names`` (of one word or more), or its plural, in the text, in
    order."""
    if not names:
        return []
    # a people's name in the plural names its place too ("the Israelis", "Iranians", "Syrians")
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")s?\b",
                         re.IGNORECASE)
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def _any_within(spots: list[tuple[int, int]], start: int, end: int) -> bool:
    k = bisect_left(spots, (start,))
    return k < len(spots) and spots[k][1] <= end


def trigger_elsewhere(doc: Doc, hit: IssueHit, elsewhere: frozenset[str], in_view: frozenset[str]) -> bool:
    """Elsewhere rule: a trigger whose sentence names the place of another conflict (the taxonomy's
    ``elsewhere``: "Russia has acted as an impartial mediator to resolve conflicts in the Middle
    East", "a ceasefire between Israel and Iran") and none of the words that name this one
    (``in_view``, less "war") takes up that conflict — a phrase too: "resolve the conflict",
    "peace talks" are said of every war.  The names are found once per article and read by
    bisection for each trigger's sentence."""
    if not elsewhere:
        return False
    text = doc_text(doc)
    places = once(doc, ("elsewhere", elsewhere), lambda: _name_spots(text, elsewhere))
    if not places:
        return False
    sent = sentence_of(doc, hit.start)
    start, end = sent.start_char, sent.end_char
    if not _any_within(places, start, end):
        return False
    names = in_view - GENERIC_VIEW_WORDS
    own = once(doc, ("war in view", names), lambda: _spots(text, names))
    return not _any_within(own, start, end)


# the clauses that hang from a clause and are no part of it: what they hold is said of something else
# ("the negotiations needed to produce guarantees ruling out the deployment of weapons")
OTHER_CLAUSES = {"ccomp", "advcl", "relcl", "acl", "parataxis", "csubj"}
NOUN_PHRASE_LINKS = {"prep", "pobj", "compound", "amod", "det", "poss"}


def trigger_has_its_needs(doc: Doc, hit: IssueHit, needs: frozenset[str]) -> bool:
    """Needs rule: a one-word trigger of an issue that lists ``needs`` (the taxonomy's
    ``triggers.needs``) counts only in a clause holding one of them, by lemma or form: a weapon
    named ("anti-ballistic missile launchers are deployed in Romania", "Russia will accumulate
    weapons", "the rapprochement of military aircraft and warships") is not the debate over
    supplying Ukraine with weapons and letting it use them unless something in its clause
    supplies, permits, asks for or gives them to Ukraine.  The clause is the trigger's nearest
    verb with what hangs from it, not the clauses above it ("the negotiations [needed] to produce
    guarantees ruling out the deployment of weapons" needs no weapons) nor those beside it.  A
    phrase ("long-range missiles", "air defense") is not held to it."""
    if not needs or not one_word(hit):
        return True
    return any(t.lemma_.lower() in needs or t.lower_ in needs for t in clause_of(doc[hit.start]))


def clause_of(token: Token) -> list[Token]:
    """The words of a token's clause: from its nearest verbal head (itself included), what hangs
    from that head, less the other clauses hanging from it (and verbs joined to it: "Russia will
    accumulate weapons, and Ukraine will suffer") that do not hold the token; all that hangs from
    the token itself ("the tanks that Ukraine received"); and the noun a relative clause describes
    with its noun phrase ("another form of [aid] that is as important as armaments")."""
    head = governing_verb(token)
    out, todo = list(token.subtree), [head]
    if head.dep_ in {"relcl", "acl"}:
        described = [head.head]
        while described:
            t = described.pop()
            out.append(t)
            described.extend(c for c in t.children if c.dep_ in NOUN_PHRASE_LINKS)
    while todo:
        t = todo.pop()
        if t.i == token.i:
            continue
        out.append(t)
        todo.extend(c for c in t.children if c.i == token.i or c.is_ancestor(token) or not (
            c.dep_ in OTHER_CLAUSES or (c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"})))
    return out
