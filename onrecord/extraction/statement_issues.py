"""Each statement's issues: the ``onrecord_statement_issues`` component.

The issues whose triggers (``doc._.issue_hits``, found by ``onrecord_issues``) fall in the
statement's quote or its attribution sentence; a statement with none of its own inherits the
issues of the one before it when it goes on about the same thing (``inherit_issues``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import partial
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.util import minibatch

from onrecord.extraction.docindex import doc_text, once
from onrecord.extraction.found import Found
from onrecord.extraction.issue_context import (
    anaphor_antecedent,
    content_reach,
    continued_speech,
    question_before,
    referred_statement,
    reported_continuation,
    title_issues,
    titled_issues,
    words_under_title,
)
from onrecord.extraction.issue_scope import (
    aim_of_another,
    in_scope,
    of_other_parties,
    trigger_elsewhere,
    trigger_has_its_needs,
    trigger_in_own_view,
    war_in_view,
)
from onrecord.extraction.issue_tags import IssueHit, issues_in_ranges
from onrecord.lexicons.taxonomy import Taxonomy


def attribution_range(doc: Doc, f: Found) -> tuple[int, int] | None:
    """The sentence of the cue, cut to its paragraph: the words around a quote that say what it
    is about ("… in exchange for NATO membership," he said)."""
    if f.cue is None or f.cue_class == "transcript":
        # a transcript's speaker label says who speaks, not what about; its sentence is the end of
        # the turn before (the question, which ``question_before`` reads with its own checks)
        return None
    sent = f.cue.sent
    start, end = sent.start_char, sent.end_char
    text = doc_text(doc)
    before = text.rfind("\n\n", start, f.cue.idx)
    after = text.find("\n\n", f.cue.idx, end)
    return (before + 2 if before >= 0 else start), (after if after >= 0 else end)


ANAPHORS = {"it", "this", "that", "these", "those", "they", "such"}
CONTINUING_CUE_CLASSES = {"add"}
# anaphors that stand for what was said ("welcomed it"); "they" is a person, "that" often a conjunction
REFERRING = ANAPHORS - {"they", "that"}


def continues_topic(cue_class: str | None, quote_text: str, kind: str | None = None) -> bool:
    """Topic-continuity rule: "He added, '…'" and a quote that opens with an anaphor ("[it]
    could be possible", "That is why …") go on about what the speaker was just talking about.
    Complementizer rule: the "that" opening reported speech ("assured that the state is already
    working on it") introduces the content, it refers to nothing: the next word decides."""
    if cue_class in CONTINUING_CUE_CLASSES:
        return True
    words = re.findall(r"[A-Za-z]+", quote_text[:80])
    if kind == "indirect" and words and words[0].lower() == "that":
        words = words[1:]
    return bool(words) and words[0].lower() in ANAPHORS


def _speaker_key(statement: Mapping[str, Any]) -> str:
    speaker = statement.get("speaker") or {}
    return str(speaker.get("id") or speaker.get("name") or "")


def inherit_issues(statements: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Statements (dicts, in article order) where one with no issue of its own takes the issues
    of the statement just before it, when both have the same speaker and ``continues_topic``
    holds.  Returns new dicts; the input is not changed."""
    out: list[dict[str, Any]] = []
    for statement in statements:
        current = dict(statement)
        if not current.get("issues") and out:
            previous = out[-1]
            cue = current.get("cue") or {}
            quote = current.get("quote") or {}
            if (previous.get("issues") and _speaker_key(previous) == _speaker_key(current)
                    and continues_topic(cue.get("class") or cue.get("cls"), quote.get("text", ""),
                                        current.get("kind"))):
                current["issues"] = list(previous["issues"])
        out.append(current)
    return out





def occasion_hits(doc: Doc, hits: Sequence[IssueHit], content: Sequence[tuple[int, int]],
                  occasions: frozenset[str]) -> set[IssueHit]:
    """Occasion rule: outside the quote, a trigger in a phrase that names the occasion ("During
    the talks with the German chancellor, Zelenskyy said …", "on the sidelines of the summit")
    says where the statement was made, not what it is about."""
    out: set[IssueHit] = set()
    if not occasions:
        return out
    for hit in hits:
        if hit.role != "trigger" or any(s <= hit.start_char < e for s, e in content):
            continue
        chain = once(doc, ("occasion_chain", hit.start, occasions), partial(occasion_chain, doc[hit.start], occasions))
        for idx, names_occasion in chain:
            if any(s <= idx < e for s, e in content):
                break
            if names_occasion:
                out.add(hit)
                break
    return out


def occasion_chain(token: Token, occasions: frozenset[str]) -> list[tuple[int, bool]]:
    """The ancestors the occasion rule reads for a word, up to the first verb: each one's offset
    and whether it names an occasion; the same for every statement whose sentence holds the word,
    so read once per Doc."""
    out = []
    for ancestor in token.ancestors:
        if ancestor.pos_ in {"VERB", "AUX"}:
            break
        out.append((ancestor.idx, ancestor.lower_ in occasions and ancestor.dep_ in {"prep", "pobj", "npadvmod"}))
    return out


def refers_back(doc: Doc, f: Found) -> bool:
    """The statement's words hold an anaphor ("both said they welcomed it"): what another
    statement around it says is what it refers to, and its topic."""
    text = doc_text(doc)
    words = (w.lower() for s, e in f.content for w in re.findall(r"[A-Za-z]+", text[s:e]))
    return any(w in REFERRING for w in words)


def content_owners(found: Sequence[Found], hits: Sequence[IssueHit], starts: Sequence[int]) -> dict[int, set[int]]:
    """Scope rule: for each hit (by index in ``hits``, sorted by start) inside the words of some
    statement, the statements (by index) whose words hold it.  The sentence around a statement
    counts for its topic ("…," he said of the talks), but not where it holds another statement's
    words ("…," he said, adding that the talks must resume): those are that statement's topic —
    unless this one refers back to them (``refers_back``)."""
    owners: dict[int, set[int]] = {}
    for index, f in enumerate(found):
        for s, e in f.content:
            for k in range(bisect_left(starts, s), bisect_left(starts, e)):
                if hits[k].end_char <= e:
                    owners.setdefault(k, set()).add(index)
    return owners


class StatementIssueTagger:
    """The ``onrecord_statement_issues`` component."""

    def __init__(self, taxonomy: Taxonomy, nlp: Language) -> None:
        self.taxonomy = taxonomy
        self.nlp = nlp
        self._titled: dict[str, list[str]] = {}  # the issues of the titles of the batch being piped

    def pipe(self, docs: Iterable[Doc], batch_size: int = 16) -> Iterator[Doc]:
        """``__call__`` on each Doc, the titles of a batch tagged in one pass of the model
        (``title_issues``) rather than one call of it per article."""
        for batch in minibatch(docs, size=batch_size):
            titles = [title for doc in batch if doc._.statements and isinstance(title := doc._.headline, str)]
            self._titled = dict(zip(titles, title_issues(self.nlp, titles, self.taxonomy), strict=True))
            try:
                yield from (self(doc) for doc in batch)
            finally:
                self._titled = {}

    def titled_issues(self, doc: Doc) -> list[str]:
        """The issues the article's title names (``issue_context.titled_issues``), as the batch
        found them when the Doc came through ``pipe``."""
        title = doc._.headline
        if isinstance(title, str) and title in self._titled:
            return self._titled[title]
        return titled_issues(self.nlp, doc, self.taxonomy)

    def __call__(self, doc: Doc) -> Doc:
        found: list[Found] = doc._.statements or []
        if not found:
            return doc  # no statement to tag: the elsewhere rule below need not read any hit
        # the hits by start, so that each statement looks only at those inside its ranges (a
        # statement per hit per statement was quadratic in a long article)
        hits = sorted(doc._.issue_hits or [], key=lambda h: h.start_char)
        starts = [h.start_char for h in hits]
        owners = content_owners(found, hits, starts)
        # the hits whose sentence takes up another conflict (the elsewhere rule), asked once each
        # and those of the affairs of other parties ("Russian-Hungarian talks")
        token_starts = [h.start for h in hits]  # by character and by token, the same order
        elsewhere = {h for h in hits if trigger_elsewhere(doc, h, self.taxonomy.elsewhere, self.taxonomy.in_view)
                     or of_other_parties(doc, h) or self.aim_of_another(doc, h, hits, token_starts)}
        rows = []
        for index, f in enumerate(found):
            ranges = list(f.content)
            around = attribution_range(doc, f)
            if around is not None:
                ranges.append(around)
            lo = bisect_left(starts, min((s for s, _ in ranges), default=0))
            hi = bisect_left(starts, max((e for _, e in ranges), default=0))
            near = hits[lo:hi]
            occasion = occasion_hits(doc, near, f.content, self.taxonomy.occasions)
            # another statement's words in the sentence around this one are that statement's topic
            # read whether it refers back once, and only where another statement owns a hit
            foreign = any(index not in owners.get(k, {index}) for k in range(lo, hi))
            back = foreign and refers_back(doc, f)
            kept = [h for k, h in enumerate(near, lo) if h not in occasion
                    and (back or index in owners.get(k, {index}))]
            kept = in_scope(kept, war_in_view(doc, f, self.taxonomy.in_view), self.in_own_view(doc))
            kept = [h for h in kept if self.has_its_needs(doc, h) and h not in elsewhere]
            rows.append({
                "issues": issues_in_ranges(kept, ranges, self.taxonomy),
                "kind": f.kind,
                "speaker": {"name": f.speaker_name},
                "cue": {"class": f.cue_class},
                "quote": {"text": " ".join(doc_text(doc)[s:e] for s, e in sorted(f.content))},
            })
        for f, row in zip(found, inherit_issues(rows), strict=True):
            f.issues = list(row["issues"])
        titled = self.titled_issues(doc) if found else []
        # what a statement takes from the title or the text around it is held to the elsewhere rule
        # as its own words are
        near_hits = [h for h in hits if h not in elsewhere]
        reach = content_reach(found)
        for index, f in enumerate(found):
            if titled:
                self.issues_under_title(f, near_hits, titled)
            if not f.issues:
                self.issues_from_context(doc, found, index, near_hits, reach)
        return doc

    def aim_of_another(self, doc: Doc, hit: IssueHit, hits: Sequence[IssueHit], starts: Sequence[int]) -> bool:
        """Whether a hit is what a trigger of another issue is for (the issue's ``aim_of``)."""
        issue = self.taxonomy.issues.get(hit.issue)
        return issue is not None and bool(issue.aim_of) and hit.role == "trigger" and aim_of_another(
            doc, hit, issue.aim_of, hits, starts)

    def has_its_needs(self, doc: Doc, hit: IssueHit) -> bool:
        """Whether a hit's sentence holds what its issue's one-word triggers need (``needs``)."""
        issue = self.taxonomy.issues.get(hit.issue)
        return issue is None or hit.role != "trigger" or trigger_has_its_needs(doc, hit, issue.needs)

    def in_own_view(self, doc: Doc) -> Callable[[IssueHit], bool]:
        """Whether a hit's sentence puts its issue in view by the issue's own words."""
        def accepts(hit: IssueHit) -> bool:
            issue = self.taxonomy.issues.get(hit.issue)
            return issue is not None and trigger_in_own_view(doc, hit, issue.in_view)
        return accepts

    def issues_under_title(self, f: Found, hits: Sequence[IssueHit], titled: Sequence[str]) -> None:
        """The issues its words name under the article's title (``words_under_title``), added to
        its own, each noted.  ``hits``: those the elsewhere rule keeps, so that a word in a sentence
        that takes up another conflict adds nothing ("rejected calls for a ceasefire in Gaza without
        the release of the hostages" under a title on freeing hostages).  The title puts the war in
        view by itself (a press conference after talks)."""
        under = words_under_title(hits, f.content, titled)
        new = [i for i in self.taxonomy.issues if i not in f.issues and any(h.issue == i for h in under)]
        if not new:
            return
        f.issues = [i for i in self.taxonomy.issues if i in f.issues or i in new]
        for issue in new:
            word = next(h.text for h in under if h.issue == issue)
            f.issue_notes[issue] = f"{word!r} under a title about it"

    def issues_from_context(self, doc: Doc, found: Sequence[Found], index: int, hits: Sequence[IssueHit],
                            reach: Sequence[int] | None = None) -> None:
        """A statement with no issue of its own: the issues of the speech it continues
        (``continued_speech``), else those of the sentence that goes on with its report
        (``reported_continuation``), else the issue its anaphor refers back to
        (``anaphor_antecedent``), else the issues of the statement its anaphor refers back to
        (``referred_statement``), else those of the question a transcript turn answers
        (``question_before``); each noted, so that a reader sees how it was found."""
        f = found[index]
        speech = continued_speech(doc, found, index)
        if speech is not None and speech.issues:
            f.issues = list(speech.issues)
            f.issue_notes = {i: "issue of the quotation this one continues" for i in f.issues}
            return
        reported = reported_continuation(doc, found, index, hits)
        if reported:
            f.issues = [i for i in self.taxonomy.issues if any(h.issue == i for h in reported)]
            f.issue_notes = {i: "issue of the sentence that goes on with the report" for i in f.issues}
            return
        hit = anaphor_antecedent(doc, f, hits, self.taxonomy.anaphoric_heads)
        if hit is not None:
            f.issues = [hit.issue]
            f.issue_notes = {hit.issue: f"refers back to {hit.text!r}"}
            return
        referred = referred_statement(doc, found, index, self.taxonomy.anaphoric_heads, reach)
        if referred is not None:
            f.issues = list(referred.issues)
            f.issue_notes = {i: "refers back to the statement before, which is about it" for i in f.issues}
            return
        asked = question_before(doc, f, hits, self.taxonomy.parties)
        if asked:
            f.issues = [i for i in self.taxonomy.issues if any(h.issue == i for h in asked)]
            f.issue_notes = {i: "answers a question about it" for i in f.issues}
