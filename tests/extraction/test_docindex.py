"""The per-Doc index (docindex.py) gives what spaCy's own views give, found once: sentences through
spaCy's hooks, entities, quotation membership, span_doc as Span.as_doc, statements over an offset."""

from __future__ import annotations

import pickle
import random

import numpy
import pytest

TEXT = (
    'President Anna Berg of Norland said on Monday that "we will not give up the coast." '
    "Foreign Minister Karl Roth, speaking in Oslo, added that talks would go on.\n\n"
    "“It is a fair offer,” Roth said. ‘Maybe,’ replied the Acme Corporation. The end.\n"
    "A short line"
)


@pytest.fixture(scope="module")
def docs(nlp):
    from onrecord.extraction import pieces
    from onrecord.extraction.quotes import quotes_component

    ours = pieces.ours(nlp)
    plain, indexed = (quotes_component(d) for d in nlp.pipe([TEXT, TEXT], disable=ours))
    return plain, indexed


def bounds(spans) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in spans]


def test_sentence_hooks_give_spacys_sentences(docs) -> None:
    from onrecord.extraction.docindex import index_of, sentences

    plain, indexed = docs
    index_of(indexed)
    assert "sents" in indexed.user_hooks and "sents" not in plain.user_hooks
    assert bounds(indexed.sents) == bounds(plain.sents) == bounds(sentences(indexed))
    assert len(bounds(plain.sents)) > 3
    rng = random.Random(13)
    for _ in range(500):
        a = rng.randrange(len(plain))
        b = rng.randint(a, len(plain))
        assert bounds(indexed[a:b].sents) == bounds(plain[a:b].sents), (a, b)
        assert bounds([indexed[a:b].sent]) == bounds([plain[a:b].sent]), (a, b)
        assert bounds([indexed[a].sent]) == bounds([plain[a].sent]), a


def test_text_entities_and_quotes(docs) -> None:
    from onrecord.extraction.docindex import doc_text, entities_within, entity_at, in_quotes, token_at

    plain, indexed = docs
    assert doc_text(indexed) == plain.text
    ents = list(plain.ents)
    assert ents
    for i in range(len(plain)):
        expected = next((e for e in ents if e.start <= i < e.end), None)
        got = entity_at(indexed, i)
        assert (got.start, got.end) == (expected.start, expected.end) if expected else got is None
        assert token_at(indexed, plain[i].idx) == i
    for a in range(0, len(plain), 3):
        for b in range(a, len(plain), 5):
            assert bounds(entities_within(indexed, a, b)) == bounds(e for e in ents if a <= e.start and e.end <= b)
    quotes = plain._.quotes
    assert len(quotes) >= 3
    for offset in range(len(plain.text)):
        assert in_quotes(indexed, offset) == any(q.start <= offset < q.end for q in quotes), offset


def test_span_doc_is_as_doc(docs) -> None:
    from onrecord.extraction.docindex import span_doc

    plain, indexed = docs
    head = plain._get_array_attrs()
    for a, b in [(0, 5), (2, 9), (3, len(plain)), (10, 30), (len(plain) - 4, len(plain))]:
        want, got = plain[a:b].as_doc(), span_doc(indexed[a:b])
        assert got.text == want.text
        assert (got.to_array(head) == want.to_array(head)).all(), (a, b)
        assert [(e.start, e.end, e.label_) for e in got.ents] == [(e.start, e.end, e.label_) for e in want.ents]


def test_the_index_is_the_docs_extension(nlp) -> None:
    from onrecord.extraction.docindex import index_of

    doc = nlp.make_doc("One line. Two lines.")
    index = index_of(doc)
    assert doc._.index is index and index_of(doc) is index  # kept where doc._.index reads it
    doc._.index = None
    assert index_of(doc) is not index and doc._.index is index_of(doc)


def test_cut_doc_is_from_docs_of_as_doc(docs) -> None:
    from spacy.tokens import Doc

    from onrecord.extraction.docindex import cut_doc

    plain, indexed = docs
    head = plain._get_array_attrs()
    for bounds_ in [[(0, 5)], [(2, 9)], [(3, len(plain))], [(10, 30)], [(1, 4), (12, 20)], [(5, 6), (6, 9), (30, 33)]]:
        want = Doc.from_docs([plain[a:b].as_doc() for a, b in bounds_], ensure_whitespace=True)
        got = cut_doc([indexed[a:b] for a, b in bounds_])
        assert got.text == want.text
        assert (got.to_array(head) == want.to_array(head)).all(), bounds_
        assert [(e.start, e.end, e.label_) for e in got.ents] == [(e.start, e.end, e.label_) for e in want.ents]
        assert bounds(got.sents) == bounds(want.sents)
        # the rows of the Doc cut from: two Docs of one batch may differ in the last bits, as the
        # BLAS of some CPUs sums a row by its place in the batch
        assert (got.tensor == numpy.concatenate([indexed.tensor[a:b] for a, b in bounds_])).all()
        assert numpy.allclose(got.tensor, want.tensor, atol=1e-5)


def test_a_doc_with_its_index_dropped_pickles(docs) -> None:
    from onrecord.extraction.docindex import drop_index, index_of

    _, indexed = docs
    copy = pickle.loads(pickle.dumps(indexed.copy()))  # hooks are module functions: it pickles with them
    assert bounds(copy.sents) == bounds(indexed.sents)
    drop_index(copy)
    assert "sents" not in copy.user_hooks and copy._.index is None
    index_of(copy)


def test_holders_are_the_statements_over_an_offset() -> None:
    from onrecord.extraction.found import Found
    from onrecord.extraction.statements import holders

    rng = random.Random(5)
    found = []
    for _ in range(60):
        start = rng.randrange(500)
        found.append(Found("indirect", [(start, start + rng.randint(1, 80))], None, None, "say", None))
    holding = holders(found)
    for offset in range(600):
        assert [id(f) for f in holding(offset)] == [id(f) for f in found if f.start <= offset < f.end]


def test_text_with_ws_is_spacys(docs) -> None:
    from onrecord.extraction.docindex import text_with_ws

    plain, indexed = docs
    for a, b in [(0, 5), (2, 9), (3, len(plain)), (10, 30), (len(plain) - 4, len(plain)), (7, 7)]:
        assert text_with_ws(indexed[a:b]) == plain[a:b].text_with_ws, (a, b)


def test_token_starts_are_the_tokens_idx(docs) -> None:
    from onrecord.extraction.docindex import token_starts

    plain, indexed = docs
    assert token_starts(indexed) == [t.idx for t in plain] and len(plain) > 20
