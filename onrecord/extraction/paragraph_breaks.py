"""Paragraph breaks end sentences: the ``onrecord_paragraph_breaks`` component, before the parser.

The parser decides sentence boundaries itself, and after a closing quotation mark it may run a
sentence over a line break ("… says Cruz will “leave here with momentum.”\\n\\nJoe Bateman, who
traveled …, says …" parsed as one tree, the second "says" a clause of the first), which gives one
paragraph's speaker to the next paragraph's pronouns.  A paragraph, as this project reads text
(``quotes.paragraphs``: every line break), never continues a sentence: the first word after a
line break starts one.  spaCy's parser keeps sentence starts set before it (the custom-boundary
component of spaCy's "Linguistic Features" guide, ``before="parser"``).
"""

from __future__ import annotations

from spacy.tokens import Doc


def mark_paragraph_starts(doc: Doc) -> Doc:
    """Set ``is_sent_start`` on the first word after every whitespace token holding a line break."""
    after_break = False
    for token in doc:
        if token.is_space:
            after_break = after_break or "\n" in token.text
            continue
        if after_break and token.i > 0:
            token.is_sent_start = True
        after_break = False
    return doc
