"""Long texts through the model in pieces (pieces.py): the cuts, the joined Doc, the statements."""

from __future__ import annotations

from onrecord.extraction import pieces
from onrecord.extraction.pipeline import extract_articles, statements_of
from onrecord.model import Article

PARAGRAPHS = [
    '"We will keep the border open," the mayor of Dunmore said on Tuesday.',
    "The council met in the town hall for three hours.",
    'Anna Berg, the council leader, said the budget "is not enough for the winter."',
    "She added that the roads would be repaired by March.",
]
TEXT = "\n\n".join(PARAGRAPHS)


def test_cuts_fall_after_paragraph_breaks(nlp) -> None:
    doc = nlp.make_doc(TEXT)
    cuts = pieces.cut_points(doc, size=80)
    assert cuts
    for cut in cuts:
        assert "\n" in doc[cut - 1].text or "\n" in doc[cut - 1].whitespace_


def test_a_paragraph_longer_than_a_piece_is_cut_after_a_sentence_end(nlp) -> None:
    doc = nlp.make_doc("One two three. Four five six. Seven eight nine.")
    assert [doc[c - 1].text for c in pieces.cut_points(doc, size=20)] == [".", "."]


def test_text_without_breaks_or_sentence_ends_is_still_cut(nlp) -> None:
    doc = nlp.make_doc('"a" ' * 50)
    cuts = pieces.cut_points(doc, size=40)
    assert len(cuts) >= 4 and all(b > a for a, b in zip(cuts, cuts[1:], strict=False))


def test_joined_doc_keeps_text_tokens_and_date(nlp) -> None:
    doc = nlp.make_doc(TEXT)
    doc._.article_date = "2026-03-02"
    joined = pieces.model_pieces(nlp, doc, size=80)
    assert joined.text == TEXT
    assert [t.text for t in joined] == [t.text for t in doc]
    assert joined._.article_date == "2026-03-02"
    assert {e.text for e in joined.ents} >= {"Dunmore", "Anna Berg"}
    assert joined.has_annotation("DEP") and joined.has_annotation("SENT_START")


def test_statements_of_a_text_parsed_in_pieces_match_the_whole(nlp) -> None:
    whole = statements_of(nlp(TEXT))
    split = statements_of(pieces.run_long(nlp, nlp.make_doc(TEXT), size=80))
    assert [s.to_dict() for s in split] == [s.to_dict() for s in whole]
    assert len(whole) >= 3


def test_extract_articles_keeps_order_with_a_long_article_among_short_ones(nlp, monkeypatch) -> None:
    monkeypatch.setattr(pieces, "PIECE_CHARS", 80)
    arts = [Article(id="short", text=PARAGRAPHS[0]), Article(id="long", text=TEXT),
            Article(id="empty", text=" "), Article(id="short2", text=PARAGRAPHS[2])]
    results = list(extract_articles(arts, nlp=nlp, batch_size=2))
    assert [r["id"] for r in results] == ["short", "long", "empty", "short2"]
    assert results[1]["statements"] and results[2]["errors"]


def test_pieces_cut_with_the_array_read_once_are_plain_as_docs(nlp) -> None:
    from spacy.tokens import Doc

    doc = nlp.make_doc(TEXT + "\n\nHe can't say. Dr. Lee won't, y'all.")
    bounds = [0, *pieces.cut_points(doc, size=80), len(doc)]
    plain = [doc[a:b].as_doc() for a, b in zip(bounds, bounds[1:], strict=False)]
    joined = pieces.model_pieces(nlp, doc, size=80)
    want = Doc.from_docs(list(nlp.pipe(plain, disable=pieces.ours(nlp))), ensure_whitespace=False)
    head = doc._get_array_attrs()
    assert len(bounds) > 3 and joined.text == want.text
    assert (joined.to_array(head) == want.to_array(head)).all()
