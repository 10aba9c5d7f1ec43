"""Long texts through the model in pieces (pieces.py): the cuts, the joined Doc, the statements."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

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


def test_cuts_fall_after_paragraph_breaks() -> None:
    cuts = pieces.cut_offsets(TEXT, size=80)
    assert cuts
    for cut in cuts:
        assert TEXT[cut - 2 : cut] == "\n\n" and not TEXT[cut].isspace()


def test_a_paragraph_longer_than_a_piece_is_cut_after_a_sentence_end() -> None:
    text = "One two three. Four five six. Seven eight nine."
    assert [text[c - 2] for c in pieces.cut_offsets(text, size=20)] == [".", "."]


def test_text_without_breaks_or_sentence_ends_is_cut_at_spaces() -> None:
    text = '"a" ' * 50
    cuts = pieces.cut_offsets(text, size=40)
    assert len(cuts) >= 4 and all(0 < b - a <= 40 for a, b in zip([0, *cuts], cuts, strict=False))
    assert all(text[c - 1] == " " and text[c] == '"' for c in cuts)


def test_text_without_whitespace_is_cut_at_the_size() -> None:
    assert pieces.cut_offsets("a" * 100, size=40) == [40, 80]


def test_no_piece_is_longer_than_the_size_and_every_cut_starts_a_word() -> None:
    text = "x " * 30 + "y. z\n  w" * 20 + "\n" * 200 + "v"
    cuts = pieces.cut_offsets(text, size=50)
    bounds = [0, *cuts, len(text)]
    assert all(0 < b - a <= 50 for a, b in zip(bounds, bounds[1:], strict=False))
    words = [c for c in cuts if c < len(text) - 201]  # before the run of 200 line breaks, which is cut where it must be
    assert words and all(text[c - 1].isspace() and not text[c].isspace() for c in words)


def test_a_long_run_of_whitespace_is_tried_once_not_once_per_character() -> None:
    # the lookbehind: inside a run no match can start, so a run not followed by a word (the end of
    # a window) costs one try, not one per character (400,000 line breaks: minutes)
    run = "word " + "\n" * 1000
    assert pieces.SPACE_BEFORE_WORD.match(run, 4) is None  # at the run's start: no word after it
    assert all(pieces.SPACE_BEFORE_WORD.match(run, k) is None for k in range(5, len(run)))
    text = "word " + "\n" * 400_000 + " word"
    cuts = pieces.cut_offsets(text, size=100_000)
    assert cuts == [100_000, 200_000, 300_000, 400_000]  # no word starts within a piece's length: cut at the size


@given(st.lists(st.sampled_from(["We", "said", "U.S.", "it's", '"', "(", ")", ".", ",", " ", "  ", "\n", "\n\n",
                                 " \n ", "\t", "—", "Dr.", "y'all", "can't", "x"]), max_size=60))
@settings(max_examples=80, deadline=None)
def test_pieces_tokenized_apart_are_the_whole_texts_tokens(nlp, parts) -> None:
    text = "".join(parts)
    # a piece's length of text with no space before a word is cut mid-word: rule cut_offsets
    assume(all(text[c - 1].isspace() and not text[c].isspace() for c in pieces.cut_offsets(text, size=12)))
    made = pieces.make_doc(nlp, text, size=12)
    docs = made if isinstance(made, list) else [made]
    whole = nlp.make_doc(text)
    assert "".join(d.text for d in docs) == text
    assert [(t.text, t.whitespace_) for d in docs for t in d] == [(t.text, t.whitespace_) for t in whole]


def test_joined_doc_keeps_text_tokens_and_date(nlp) -> None:
    docs = pieces.make_doc(nlp, TEXT, size=80)
    assert isinstance(docs, list) and len(docs) > 1
    pieces.head(docs)._.article_date = "2026-03-02"
    joined = pieces.model_pieces(nlp, docs)
    assert joined.text == TEXT
    assert [t.text for t in joined] == [t.text for t in nlp.make_doc(TEXT)]
    assert joined._.article_date == "2026-03-02"
    assert {e.text for e in joined.ents} >= {"Dunmore", "Anna Berg"}
    assert joined.has_annotation("DEP") and joined.has_annotation("SENT_START")


def test_a_short_text_is_one_doc(nlp) -> None:
    doc = pieces.make_doc(nlp, TEXT)
    assert not isinstance(doc, list) and pieces.head(doc) is doc and doc.text == TEXT


def test_statements_of_a_text_parsed_in_pieces_match_the_whole(nlp) -> None:
    whole = statements_of(nlp(TEXT))
    split = statements_of(pieces.run(nlp, pieces.make_doc(nlp, TEXT, size=80)))
    assert [s.to_dict() for s in split] == [s.to_dict() for s in whole]
    assert len(whole) >= 3


def test_extract_articles_keeps_order_with_a_long_article_among_short_ones(nlp, monkeypatch) -> None:
    monkeypatch.setattr(pieces, "PIECE_CHARS", 80)
    arts = [Article(id="short", text=PARAGRAPHS[0]), Article(id="long", text=TEXT),
            Article(id="empty", text=" "), Article(id="short2", text=PARAGRAPHS[2])]
    results = list(extract_articles(arts, nlp=nlp, batch_size=2))
    assert [r["id"] for r in results] == ["short", "long", "empty", "short2"]
    assert results[1]["statements"] and results[2]["errors"]
