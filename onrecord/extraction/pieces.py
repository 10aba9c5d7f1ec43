"""Long texts through the model in pieces, so that memory stays bounded (issue 13).

The model's components (tok2vec, tagger, parser, NER) hold arrays the size of the whole Doc while
they work: one Doc of 165k words took 3.4 GB.  A text longer than ``PIECE_CHARS`` is therefore cut
at paragraph breaks into pieces of at most about that size; the model runs on one piece at a
time; the pieces are joined again with ``Doc.from_docs`` (spaCy's own concatenation, which keeps
every token's text, whitespace, heads, labels, sentence starts and entities:
https://spacy.io/api/doc#from_docs) and our components run on the one joined Doc, so every stage
still sees the whole article.  A text no longer than ``PIECE_CHARS`` (every article of the corpus
and the news set) goes through the pipeline as one Doc, exactly as before.

Rule ``cut_points``: a cut falls after a token that holds a line break (the paragraph break, where
the parser would start a new sentence anyway); a paragraph longer than a piece is cut after its last
sentence-final mark that fits, and a text with neither (``"a" "a" …``) after the last token that fits.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TypeVar

import numpy
from spacy.language import Language
from spacy.tokens import Doc

PIECE_CHARS = 100_000  # longer texts are parsed in pieces of at most about this many characters
SENTENCE_END = {".", "!", "?", "…"}
T = TypeVar("T")


def ours(nlp: Language) -> list[str]:
    """Our components after the model's (the ``onrecord_*`` tail of the pipeline); one of ours
    placed among the model's (``onrecord_paragraph_breaks``, before the parser) runs with it."""
    names = nlp.pipe_names
    first = len(names)
    while first > 0 and names[first - 1].startswith("onrecord_"):
        first -= 1
    return list(names[first:])


def cut_points(doc: Doc, size: int | None = None) -> list[int]:
    """Rule ``cut_points``: token indices where a new piece starts, so that no piece is much
    longer than ``size`` characters, preferring paragraph breaks, then sentence ends."""
    size = size or PIECE_CHARS
    cuts: list[int] = []
    start = 0  # token index where the current piece starts
    end = text_end(doc)
    while start < len(doc) and end - doc[start].idx > size:
        limit = doc[start].idx + size
        newline = sentence = last = None
        for token in doc[start:]:
            if token.idx + len(token) > limit:
                break
            last = token.i + 1
            if "\n" in token.text or "\n" in token.whitespace_:
                newline = token.i + 1
            elif token.text in SENTENCE_END and token.whitespace_:
                sentence = token.i + 1
        cut = newline or sentence or last or start + 1
        if cut >= len(doc):
            break
        cuts.append(cut)
        start = cut
    return cuts


def model_pieces(nlp: Language, doc: Doc, size: int | None = None) -> Doc:
    """The model's annotation of a long Doc, made piece by piece and joined into one Doc with the
    same text; the Doc-level extensions (the article's date) are carried over."""
    bounds = [0, *cut_points(doc, size), len(doc)]
    # the Doc's attribute array read once and handed to each as_doc (spaCy's own parameters, "to
    # speed up computation"), which otherwise reads the whole Doc's array for every piece
    head = doc._get_array_attrs()
    array = doc.to_array(head)
    pieces = (doc[a:b].as_doc(array_head=head, array=array) for a, b in zip(bounds, bounds[1:], strict=False) if b > a)
    parsed = []
    # batch_size=1: one piece in the model at a time, which is the point
    for piece in nlp.pipe(pieces, disable=ours(nlp), batch_size=1):
        piece.tensor = numpy.zeros((0,), dtype="float32")  # the pieces' vectors are not used after the model
        parsed.append(piece)
    joined = Doc.from_docs(parsed, ensure_whitespace=False)
    for key, value in doc.user_data.items():
        if isinstance(key, tuple) and len(key) == 4 and key[2] is None:  # Doc-level extension values
            joined.user_data[key] = value
    return joined


def run_long(nlp: Language, doc: Doc, size: int | None = None) -> Doc:
    """The whole pipeline on a long Doc: the model in pieces, then our components on the joined Doc."""
    joined = model_pieces(nlp, doc, size)
    for name in ours(nlp):
        joined = nlp.get_pipe(name)(joined)
    return joined


def text_end(doc: Doc) -> int:
    """The length of the Doc's text, without joining it."""
    return doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0


def is_long(doc: Doc, size: int | None = None) -> bool:
    return text_end(doc) > (size or PIECE_CHARS)


def pipe(nlp: Language, items: Iterable[tuple[Doc, T]], batch_size: int = 16,
         size: int | None = None) -> Iterator[tuple[Doc, T]]:
    """``nlp.pipe(items, as_tuples=True)`` in input order, with each long Doc parsed in pieces.
    Docs no longer than ``size`` go through ``nlp.pipe`` in the same batches as before."""
    it = iter(items)
    while chunk := list(islice(it, batch_size)):
        short = iter(nlp.pipe([item for item in chunk if not is_long(item[0], size)], as_tuples=True,
                              batch_size=batch_size))
        for doc, context in chunk:
            yield (run_long(nlp, doc, size), context) if is_long(doc, size) else next(short)


def run(nlp: Language, doc: Doc, size: int | None = None) -> Doc:
    """The whole pipeline on one Doc (in pieces when it is long)."""
    return run_long(nlp, doc, size) if is_long(doc, size) else nlp(doc)
