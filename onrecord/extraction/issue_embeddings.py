"""Issue tags refined by sentence embeddings: the optional ``onrecord_issue_embeddings`` component
(the ``onrecord[embeddings]`` extra; the model and the nearness/distance rules are in
``embeddings.py``)."""

from __future__ import annotations

from spacy.tokens import Doc

from onrecord.extraction.docindex import doc_text
from onrecord.extraction.embeddings import IssueEmbeddings, refine_issues
from onrecord.extraction.found import Found
from onrecord.extraction.statement_issues import attribution_range

MIN_SENTENCE_WORDS = 3  # shorter pieces ("he said.") say nothing about an issue


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
            piece = doc_text(doc)[a:b].strip(" \"“”‘’'\n,")
            if len(piece.split()) >= MIN_SENTENCE_WORDS:
                pieces.append(piece)
    around = attribution_range(doc, f)
    if around is not None:
        sentence = doc_text(doc)[around[0] : around[1]].strip()
        if sentence and not any(sentence in p or p in sentence for p in pieces):
            pieces.append(sentence)
    return pieces



class IssueEmbeddingsRefiner:
    """The ``onrecord_issue_embeddings`` component: loads the sentence model when built, so that a
    missing extra is an error when the pipeline is built, not in the middle of a batch."""

    def __init__(self, embeddings: IssueEmbeddings, add_at: float, margin: float, drop_below: float) -> None:
        self.embeddings = embeddings
        self.add_at, self.margin, self.drop_below = add_at, margin, drop_below

    def __call__(self, doc: Doc) -> Doc:
        found: list[Found] = doc._.statements or []
        nearest = self.embeddings.nearest([statement_sentences(doc, f) for f in found])
        for f, near in zip(found, nearest, strict=True):
            f.issues, f.issue_notes = refine_issues(f.issues, near, self.embeddings.taxonomy, self.add_at,
                                                    self.margin, self.drop_below)
        return doc
