"""A transcript turn's words: where they are cut, what in them is not the speaker's, and whether
they say anything (``labels`` rules 3 and 7–10; each a function below).

* ``turn_parts``/``turn_pieces`` — a turn run together into one long block is cut at sentence ends
  into statements of about a paragraph (rule 7);
* ``without_inline_notes``/``stage_direction`` — the transcriber's bracketed notes are not the
  speaker's words (rule 8);
* ``says_words`` — a tally after a label ("Clinton: 1,769.") says nothing (rule 9);
* ``section_heading`` — a short paragraph in capitals is the page's next section (rule 10);
* ``headline_case`` — words in title case after a label are a headline, not a turn (rule 3).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from onrecord.extraction.docindex import doc_text, index_of_sentence, sentences

# a turn block longer than any transcript paragraph is a speech scraped into one block, cut at
# sentence ends into pieces the size of a transcript's paragraph: the White House transcripts in
# the corpus have 374 paragraphs, median 114 characters, nine in ten at most 293, the longest 544
RUN_TOGETHER_CHARS = 1000
MAX_TURN_CHARS = 300
OPENING_MARKS = "\"“‘'«"


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``..``end`` without the whitespace at either end."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def stage_direction(text: str, start: int, end: int) -> bool:
    """A transcript's note of what happened, not what was said: a paragraph wholly in brackets
    ("(Laughter.)", "(Cross-talk.)", "[inaudible]")."""
    words = text[start:end].strip(OPENING_MARKS + "\"”’»")  # a quoted transcript opens each paragraph with a mark
    return len(words) >= 2 and words[0] in "([" and words[-1] in ")]" and not re.search(r"[)\]][^)\]]", words[:-1])


# a bracketed sentence after a sentence's end, in capitals: the transcriber's note of what
# happened ("(Applause.)") or what someone else said ("(Antonio Guterres noted that …)"), which
# may hold brackets of its own ("… the UN Office for the Coordination of Humanitarian Affairs
# (UN OCHA), …)")
INLINE_NOTE = re.compile(r"(?<=[.?!…])\s*[(\[][A-Z](?:[^()\[\]\n]|\([^()\[\]\n]*\))*[)\]]\.?")


def without_inline_notes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Rule 8: a turn's words without the transcriber's bracketed notes inside them, which are
    not the speaker's: a note that names another speaker would put that person's words under
    this one's name. The parts left, in order, make one statement."""
    parts: list[tuple[int, int]] = []
    at = start
    for note in INLINE_NOTE.finditer(text, start, end):
        parts.append(trimmed(text, at, note.start()))
        at = note.end()
    parts.append(trimmed(text, at, end))
    return [(a, b) for a, b in parts if b - a >= 2] or [(start, end)]


WORD = re.compile(r"[^\W\d_]{2,}")
INLINE_LABEL = re.compile(r"^[^\W\d_][\w .’'-]{0,40}:\s")
MAX_HEADING_WORDS = 6


def says_words(words: str) -> bool:
    """Rule 9: words after a label, or a turn's next paragraph, hold a word of two letters or more
    once a label of their own is set aside: "1,769.", "Sanders: 46.", "___." are a tally or a
    rule, not something said."""
    return WORD.search(INLINE_LABEL.sub("", words.strip(), count=1)) is not None


def section_heading(words: str) -> bool:
    """Rule 10: a short paragraph in capitals after a turn ("SUPERDELEGATES.", "WHAT'S
    BREWING.", "FULL TEXT.") is a heading of the page's next section; the turn ends there."""
    found = WORD.findall(words)
    return 0 < len(found) <= MAX_HEADING_WORDS and all(w.isupper() for w in found)


def turn_pieces(doc: Doc, start: int, end: int, run_together: bool | None = None) -> list[tuple[int, int]]:
    """Rule 7: a turn longer than any transcript's paragraph (a speech run together into one
    block) is cut at sentence ends into statements of about a paragraph each, so that each holds
    what a reader can check and tag, not a whole speech.  ``run_together``: whether the turn
    this stretch is part of is one (by default, the stretch's own length decides)."""
    if not (run_together if run_together is not None else end - start > RUN_TOGETHER_CHARS):
        return [(start, end)]
    pieces: list[tuple[int, int]] = []
    piece_start = start
    for sent in sentences(doc)[index_of_sentence(doc, doc.char_span(start, end, alignment_mode="expand").start):]:
        if sent.start_char >= end:
            break
        if sent.end_char - piece_start > MAX_TURN_CHARS and sent.start_char > piece_start:
            pieces.append(trimmed(doc_text(doc), piece_start, sent.start_char))
            piece_start = sent.start_char
    pieces.append(trimmed(doc_text(doc), piece_start, end))
    return [p for p in pieces if p[1] > p[0]]


def turn_parts(doc: Doc, start: int, end: int) -> list[list[tuple[int, int]]]:
    """Rules 7 and 8 on one turn: the transcriber's notes out first, over the whole turn (a note
    of several sentences would otherwise be cut with the turn and escape the note rule: "…
    Welcome to Moscow.(In his remarks, the UN Secretary General … These proposals concern …)"),
    then a long turn's rest in pieces; a short turn is one statement of the parts around its notes."""
    kept = without_inline_notes(doc_text(doc), start, end)
    if end - start <= RUN_TOGETHER_CHARS:
        return [kept]
    return [[piece] for a, b in kept for piece in turn_pieces(doc, a, b, run_together=True)]


HEADLINE_WORDS = 25  # a headline is short
TITLE_CASE_SHARE = 0.75  # of the words of four letters or more, this many capitalised
HEADLINE_WORD = re.compile(r"[^\W\d_][\w’'-]*")


def headline_case(words: str) -> bool:
    """Rule 3, headlines: "Brooks: Rubio Did Well In ‘More Rubio-Style Debate’", "Bernie Sanders: I’m
    Not Much Of A Socialist": words after a label written in title case, short, are a headline
    crediting the speaker with its gist, not a transcript turn; the paragraphs after it are the
    article's, not the speaker's."""
    found = HEADLINE_WORD.findall(words)
    long = [w for w in found if len(w) >= 4]
    if not found or len(found) > HEADLINE_WORDS or len(long) < 3:
        return False
    return sum(w[0].isupper() for w in long) >= TITLE_CASE_SHARE * len(long)
