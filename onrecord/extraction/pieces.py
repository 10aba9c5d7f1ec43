"""Long texts through the model in pieces, so that memory stays bounded (issue 13).

The model's components (tok2vec, tagger, parser, NER) hold arrays the size of the whole Doc while
they work: one Doc of 165k words took 3.4 GB.  A text longer than ``PIECE_CHARS`` is therefore cut
at paragraph breaks into pieces of at most that size; the model runs on one piece at a time;
the pieces are joined again with ``Doc.from_docs`` (spaCy's own concatenation, which keeps every
token's text, whitespace, heads, labels, sentence starts and entities:
https://spacy.io/api/doc#from_docs) and our components run on the one joined Doc, so every stage
still sees the whole article.  A text no longer than ``PIECE_CHARS`` (every article of the corpus
and the news set) goes through the pipeline as one Doc, exactly as before.

Rule ``cut_offsets``: the text is cut before it is tokenized, so that a long text is tokenized once,
piece by piece, and never also as a whole (tokenizing it whole, then copying each piece out with
``Span.as_doc``, cost 0.3 s + 0.3 s at 25k words, a tenth of our stages; ad hoc timing).  A cut
falls where a run of whitespace ends: after a paragraph break (where the parser would start a new
sentence anyway), else after a sentence-final mark, else after any space.  spaCy's tokenizer splits
the text at whitespace first and treats each run of whitespace on its own
(https://spacy.io/usage/linguistic-features#how-tokenizer-works), so the pieces' tokens, joined,
are the whole text's tokens.  Only a text with no whitespace at all in a piece's length is cut
mid-word (``"a"`` × 100,000): its text is still kept exactly.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TypeVar

import numpy
from spacy.language import Language
from spacy.tokens import Doc

PIECE_CHARS = 100_000  # longer texts are parsed in pieces of at most this many characters
SENTENCE_END = frozenset(".!?…")
# a whole run of whitespace before a word (the lookbehind starts a match only where a run starts, so
# that a long run not followed by a word is tried once, not once per character)
SPACE_BEFORE_WORD = re.compile(r"(?<!\s)\s+(?=\S)")
T = TypeVar("T")


def ours(nlp: Language) -> list[str]:
    """Our components after the model's (the ``onrecord_*`` tail of the pipeline); one of ours
    placed among the model's (``onrecord_paragraph_breaks``, before the parser) runs with it."""
    names = nlp.pipe_names
    first = len(names)
    while first > 0 and names[first - 1].startswith("onrecord_"):
        first -= 1
    return list(names[first:])


def cut_offsets(text: str, size: int | None = None) -> list[int]:
    """Rule ``cut_offsets``: the character offsets where a new piece starts, so that no piece is
    longer than ``size`` characters; each cut is where a run of whitespace ends, preferring a
    paragraph break, then a sentence end, then any space."""
    size = size or PIECE_CHARS
    cuts: list[int] = []
    start = 0  # where the current piece starts
    while len(text) - start > size:
        # one character past the piece's end, so that a cut at its very end is known to start a word
        window = text[start : start + size + 1]
        last: dict[int, int] = {}  # kind of break (0 paragraph, 1 sentence end, 2 space) -> its last end
        for space in SPACE_BEFORE_WORD.finditer(window):
            before = window[space.start() - 1] if space.start() else ""
            last[0 if "\n" in space.group() else 1 if before in SENTENCE_END else 2] = space.end()
        cut = start + last[min(last)] if last else start + size
        cuts.append(cut)
        start = cut
    return cuts


def make_doc(nlp: Language, text: str, size: int | None = None) -> Doc | list[Doc]:
    """The text as one Doc, or, when it is longer than ``size``, as the Docs of its pieces (rule
    ``cut_offsets``), each tokenized on its own."""
    cuts = cut_offsets(text, size)
    if not cuts:
        return nlp.make_doc(text)
    bounds = [0, *cuts, len(text)]
    return [nlp.make_doc(text[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]


def head(doc: Doc | list[Doc]) -> Doc:
    """The Doc that holds the Doc-level extension values (the article's date): the Doc itself, or
    the first piece, whose values the joined Doc takes."""
    return doc[0] if isinstance(doc, list) else doc


def model_pieces(nlp: Language, docs: list[Doc]) -> Doc:
    """The model's annotation of a long text's pieces, joined into one Doc with the whole text;
    the Doc-level extensions (the article's date) are carried over from the first piece."""
    parsed = []
    # batch_size=1: one piece in the model at a time, which is the point
    for piece in nlp.pipe(docs, disable=ours(nlp), batch_size=1):
        piece.tensor = numpy.zeros((0,), dtype="float32")  # the pieces' vectors are not used after the model
        parsed.append(piece)
    # Doc-level extension values (keys with no character offset) moved from the first piece to the
    # joined Doc: from_docs would skip them with a warning
    values = {key: parsed[0].user_data.pop(key) for key in list(parsed[0].user_data)
              if isinstance(key, tuple) and len(key) == 4 and key[2] is None}
    joined = Doc.from_docs(parsed, ensure_whitespace=False)
    joined.user_data.update(values)
    return joined


def run_long(nlp: Language, docs: list[Doc]) -> Doc:
    """The whole pipeline on a long text's pieces: the model piece by piece, then our components
    on the joined Doc."""
    joined = model_pieces(nlp, docs)
    for name in ours(nlp):
        joined = nlp.get_pipe(name)(joined)
    return joined


def pipe(nlp: Language, items: Iterable[tuple[Doc | list[Doc], T]], batch_size: int = 16) -> Iterator[tuple[Doc, T]]:
    """``nlp.pipe(items, as_tuples=True)`` in input order, with each long text (its pieces, as
    ``make_doc`` gives them) parsed in pieces.  Docs go through ``nlp.pipe`` in the same batches
    as before."""
    it = iter(items)
    while chunk := list(islice(it, batch_size)):
        short = iter(nlp.pipe([item for item in chunk if isinstance(item[0], Doc)], as_tuples=True,
                              batch_size=batch_size))
        for doc, context in chunk:
            yield (run_long(nlp, doc), context) if isinstance(doc, list) else next(short)


def run(nlp: Language, doc: Doc | list[Doc]) -> Doc:
    """The whole pipeline on one text, as ``make_doc`` gives it (in pieces when it is long)."""
    return run_long(nlp, doc) if isinstance(doc, list) else nlp(doc)
