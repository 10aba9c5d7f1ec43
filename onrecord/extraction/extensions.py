"""Every attribute our pipeline puts on spaCy objects, declared once.

The components read and write these; ``factories.py`` names, for each component, which ones it
requires and which it assigns (spaCy's ``assigns``/``requires``, shown by
``nlp.analyze_pipes()``).  ``declare()`` registers them; it runs when this module is imported and
may run again (spaCy keeps the first declaration).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

# Doc._.<name>: what it holds, and who sets it
DOC_EXTENSIONS: dict[str, str] = {
    "article_date": "the article's date, YYYY-MM-DD (set before the pipe runs, by pipeline.make_doc)",
    "published": "the article's publication time, YYYY-MM-DDTHH:MM (pipeline.make_doc)",
    "headline": "the article's title, never a statement: it names people (pipeline.make_doc; read by roles)",
    "quotes": "list[QuoteSpan]: the quotation spans of the text (onrecord_quotes)",
    "statements": "list[Found]: the statements found so far; later stages add to each (onrecord_statements …)",
    "issue_hits": "list[IssueHit]: the taxonomy's trigger and content matches (onrecord_issues)",
    "records": "list[dict]: Statement.to_dict() of each statement, plain data (onrecord_records)",
    "index": "DocIndex: text, sentences, paragraphs, entities, found once (docindex.index_of, on first use)",
}
# Token._.<name>: default value
TOKEN_EXTENSIONS: dict[str, Any] = {
    "cue": None,  # CueEntry of a cue token (onrecord_cues)
    "cue_negated": False,  # "did not say" (onrecord_cues)
    "cue_hedged": False,  # "appeared to suggest" (onrecord_cues)
}


def declare() -> None:
    """Register every extension (with default None / False) unless already there."""
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for name, default in TOKEN_EXTENSIONS.items():
        if not Token.has_extension(name):
            Token.set_extension(name, default=default)


def drop_objects(doc: Doc) -> None:
    """Drop the extensions that hold spaCy objects (tokens, spans, lexicon entries), which cannot
    be pickled, once the records are written: docs then travel between processes."""
    doc._.statements = None
    doc._.quotes = None
    doc._.issue_hits = None
    for key in [k for k in doc.user_data if isinstance(k, tuple) and len(k) > 1 and k[1] == "cue"]:
        del doc.user_data[key]


declare()
