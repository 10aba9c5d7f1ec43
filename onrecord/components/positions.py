"""Each statement's issues and the speaker's stance on each, as pipeline stages after the
context stage:

- ``onrecord_statement_issues``: the issues whose triggers (``doc._.issue_hits``, found by
  ``onrecord_issues``) fall in the statement's quote or its attribution sentence, and the issues a
  statement inherits from the one before it (``inherit_issues``);
- ``onrecord_issue_embeddings`` (optional, the ``onrecord[embeddings]`` extra): the nearness and
  distance rules of ``onrecord/embeddings.py`` over those tags;
- ``onrecord_stances``: a stance per (statement, issue), by the rules, or by an OpenAI-compatible
  endpoint when one is configured (``stance_url``/``stance_model``; the rules answer when it
  fails).
"""

from __future__ import annotations

import os
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from onrecord.components.issues import inherit_issues, issues_in_ranges, load_taxonomy
from onrecord.components.reported import Found
from onrecord.embeddings import DEFAULT_ADD_AT, DEFAULT_DROP_BELOW, DEFAULT_MARGIN, IssueEmbeddings, refine_issues
from onrecord.stance import OpenAICompatibleStance, RuleStance, StanceClassifier, stances_for

MIN_SENTENCE_WORDS = 3  # shorter pieces ("he said.") say nothing about an issue


def attribution_range(doc: Doc, f: Found) -> tuple[int, int] | None:
    """The sentence of the cue, cut to its paragraph: the words around a quote that say what it
    is about ("… in exchange for NATO membership," he said)."""
    if f.cue is None:
        return None
    sent = f.cue.sent
    start, end = sent.start_char, sent.end_char
    text = doc.text
    before = text.rfind("\n\n", start, f.cue.idx)
    after = text.find("\n\n", f.cue.idx, end)
    return (before + 2 if before >= 0 else start), (after if after >= 0 else end)


def stance_text(doc: Doc, f: Found) -> str:
    """What a stance is read from: the quoted or reported words; for a reported position, the
    reporter's sentence (the predicate "adamant", "rejected" carries the stance)."""
    if f.kind == "reported_position" and f.cue is not None:
        return f.cue.sent.text.strip()
    return " ".join(doc.text[s:e] for s, e in sorted(f.content))


def statement_doc(doc: Doc, f: Found, text: str) -> Doc | None:
    """``text`` (the stance text) cut from the article's own parse, so the stage does not parse
    it again: the quote's segments as one Doc, or the reporter's sentence.  None when the cut
    does not give exactly that text (the caller then parses it)."""
    if f.kind == "reported_position" and f.cue is not None:
        pieces: list[Span | None] = [f.cue.sent]
    else:
        pieces = [doc.char_span(s, e) for s, e in sorted(f.content)]
    spans = [p for p in pieces if p is not None and len(p)]
    if not spans or len(spans) != len(pieces):
        return None
    cut = Doc.from_docs([p.as_doc() for p in spans], ensure_whitespace=True)
    # the last token may keep its trailing space: the same words
    return cut if cut.text.rstrip() == text.rstrip() else None


def statement_sentences(doc: Doc, f: Found) -> list[str]:
    """The statement's words sentence by sentence (each sentence cut to the quote), and the
    attribution sentence when it says more than the quote: what the embeddings compare."""
    pieces: list[str] = []
    for s, e in sorted(f.content):
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            continue
        for sent in span.sents:
            a, b = max(sent.start_char, s), min(sent.end_char, e)
            piece = doc.text[a:b].strip(" \"“”‘’'\n,")
            if len(piece.split()) >= MIN_SENTENCE_WORDS:
                pieces.append(piece)
    around = attribution_range(doc, f)
    if around is not None:
        sentence = doc.text[around[0] : around[1]].strip()
        if sentence and not any(sentence in p or p in sentence for p in pieces):
            pieces.append(sentence)
    return pieces


@Language.factory("onrecord_statement_issues", default_config={"taxonomy_path": None})
def make_statement_issues(nlp: Language, name: str, taxonomy_path: str | None) -> Any:
    taxonomy = load_taxonomy(taxonomy_path)

    def statement_issues(doc: Doc) -> Doc:
        found: list[Found] = doc._.statements or []
        hits = doc._.issue_hits or []
        rows = []
        for f in found:
            ranges = list(f.content)
            around = attribution_range(doc, f)
            if around is not None:
                ranges.append(around)
            rows.append({
                "issues": issues_in_ranges(hits, ranges, taxonomy),
                "speaker": {"name": f.speaker_name},
                "cue": {"class": f.cue_class},
                "quote": {"text": " ".join(doc.text[s:e] for s, e in sorted(f.content))},
            })
        for f, row in zip(found, inherit_issues(rows), strict=True):
            f.issues = list(row["issues"])
        return doc

    return statement_issues


@Language.factory(
    "onrecord_issue_embeddings",
    default_config={"taxonomy_path": None, "add_at": DEFAULT_ADD_AT, "margin": DEFAULT_MARGIN,
                    "drop_below": DEFAULT_DROP_BELOW},
)
def make_issue_embeddings(
    nlp: Language, name: str, taxonomy_path: str | None, add_at: float, margin: float, drop_below: float
) -> Any:
    # loads the sentence model now: a missing extra is an error when the pipeline is built,
    # not in the middle of a batch
    embeddings = IssueEmbeddings(load_taxonomy(taxonomy_path))

    def issue_embeddings(doc: Doc) -> Doc:
        found: list[Found] = doc._.statements or []
        nearest = embeddings.nearest([statement_sentences(doc, f) for f in found])
        for f, near in zip(found, nearest, strict=True):
            f.issues, f.issue_notes = refine_issues(f.issues, near, embeddings.taxonomy, add_at, margin, drop_below)
        return doc

    return issue_embeddings


def stance_classifier(url: str | None, model: str | None, nlp: Language | None = None) -> StanceClassifier | None:
    """An OpenAI-compatible endpoint when both its URL and model are set (the key, if any, from
    ``$ONRECORD_STANCE_API_KEY``: keys stay out of configs); None means the rules."""
    if not url and not model:
        return None
    if not url or not model:
        raise ValueError("a stance endpoint needs both its URL and its model (--stance-url, --stance-model)")
    return OpenAICompatibleStance(url, model, api_key=os.environ.get("ONRECORD_STANCE_API_KEY") or None,
                                  fallback=RuleStance(nlp))


@Language.factory(
    "onrecord_stances", default_config={"taxonomy_path": None, "stance_url": None, "stance_model": None}
)
def make_stances(
    nlp: Language, name: str, taxonomy_path: str | None, stance_url: str | None, stance_model: str | None
) -> Any:
    taxonomy = load_taxonomy(taxonomy_path)
    classifier = stance_classifier(stance_url, stance_model, nlp)

    def stances(doc: Doc) -> Doc:
        for f in doc._.statements or []:
            if not f.issues:
                continue
            cue_text = doc.text[f.cue_span[0] : f.cue_span[1]] if f.cue_span else None
            text = stance_text(doc, f)
            f.stances = stances_for(text, f.issues, f.cue_class, f.negated, taxonomy, cue_text=cue_text,
                                    nlp=nlp, classifier=classifier, parsed=statement_doc(doc, f, text))
            for issue_id, note in f.issue_notes.items():
                stance = f.stances.get(issue_id)
                if stance is not None:
                    stance.note = f"{stance.note}; {note}" if stance.note else note
        return doc

    return stances
