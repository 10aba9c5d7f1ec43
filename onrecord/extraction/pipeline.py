"""The extraction pipeline: a spaCy Language with our components, and the pure function
Article → statements around it.

``build_nlp(config)`` loads ``config.model`` and adds our components (``factories.py``) with the
settings they need from ``config``; ``load_nlp(config)`` does it once per process and setting.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from typing import Any, Unpack

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from onrecord.config import Config, PipelineOptions
from onrecord.errors import ArticleError
from onrecord.extraction import (
    attributes,
    blas,
    factories,  # noqa: F401  (registers the components)
    heap,
    lemmas,
    pieces,
)
from onrecord.extraction.tokenizer_rules import adapt_tokenizer
from onrecord.model.article import Article
from onrecord.model.statement import Statement

MAX_CHARS = 1_000_000  # spaCy's own default limit; longer input is reported, not processed
COMPONENTS = (
    "onrecord_quotes",  # quotation spans
    "onrecord_cues",  # speech and report cues
    "onrecord_statements",  # direct, indirect and mixed statements
    "onrecord_earlier",  # what the article reports as said or held earlier
    "onrecord_speakers",  # who: names, pronouns, one name per person
    "onrecord_context",  # venue, addressee, translator, when
    "onrecord_issues",  # the taxonomy's triggers in the article
    "onrecord_statement_issues",  # each statement's issues
    "onrecord_stances",  # a stance per statement and issue
    "onrecord_records",  # Statement records with speaker ids
)
TAXONOMY_USERS = {"onrecord_issues", "onrecord_statement_issues", "onrecord_stances"}
ALIASES_USERS = {"onrecord_speakers", "onrecord_stances", "onrecord_records"}


def component_config(name: str, config: Config) -> dict[str, Any]:
    """The config values of one component, from the settings."""
    values: dict[str, Any] = {}
    if name in TAXONOMY_USERS:
        values["taxonomy_path"] = config.taxonomy
    if name in ALIASES_USERS:
        values["aliases_path"] = config.aliases
    if name == "onrecord_stances":
        values.update(stance_url=config.stance_url, stance_model=config.stance_model,
                      stance_reader=config.stance_reader)
    return values


def build_nlp(config: Config | None = None) -> Language:
    """Load ``config.model`` and add our components after it (``config.taxonomy``: a user's issue
    taxonomy instead of the bundled war-and-peace-talks one; ``config.aliases``: pinned speaker
    identities; the stance endpoint).  Default: ``Config()``, the
    environment's settings."""
    config = config or Config()
    nlp = spacy.load(config.model)
    adapt_tokenizer(nlp)  # brackets glued to words split, "):" no emoticon
    attributes.speed_up(nlp)  # the same annotation as the model's attribute ruler, faster
    lemmas.speed_up(nlp)  # the same lemmas, each distinct token row asked once
    blas.use_numpy_blas(nlp)  # the same matrix products on numpy's BLAS, faster than thinc's BLIS
    if "onrecord_paragraph_breaks" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("onrecord_paragraph_breaks", before="parser")  # a line break ends a sentence
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, config=component_config(name, config))
    classifier = nlp.get_pipe("onrecord_stances").classifier if "onrecord_stances" in nlp.pipe_names else None
    if classifier is not None and config.stance_api_key:
        classifier.api_key = config.stance_api_key  # kept out of nlp.config, which may be written to disk
    return nlp


_LOADED: dict[tuple[Any, ...], Language] = {}


def load_nlp(config: Config | None = None) -> Language:
    """The pipeline for ``config``, built once per process and setting."""
    config = config or Config()
    key = config.pipeline_key()
    if key not in _LOADED:
        _LOADED[key] = build_nlp(config)
        settle()
        heap.keep_freed_memory()  # the model's arrays reused batch after batch, not faulted in again
    return _LOADED[key]


def settle() -> None:
    """The objects loaded so far (the model, its vocabulary and lexicons, spaCy's, thinc's and
    torch's modules: some 250,000 objects the collector tracks) moved, after one collection, to
    the collector's permanent generation (``gc.freeze``, https://docs.python.org/3/library/gc.html#gc.freeze).
    They live as long as the process; a full collection, which Python starts by itself as an
    article's Tokens, Spans and records pile up, scanned every one of them each time (0.15 s,
    several times in a long article).  Garbage is still freed: by reference counting, and by the
    collector for every object made afterwards."""
    gc.collect()
    gc.freeze()


# --- from Doc to Statements ----------------------------------------------------------------


def statements_of(doc: Doc, offset: int = 0) -> list[Statement]:
    """The statements of a processed Doc; ``offset`` is where its text starts in the article."""
    return [Statement.from_dict(d).shifted(offset) for d in doc._.records or []]


def make_doc(nlp: Language, article: Article) -> Doc | list[Doc]:
    """The article's body as a Doc that knows the article's date, for the context stage (a long
    body as the Docs of its pieces: ``pieces.make_doc``)."""
    doc = pieces.make_doc(nlp, article.body)
    head = pieces.head(doc)
    head._.article_date = article.date
    head._.published = article.published
    head._.headline = article.title
    return doc


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
    config: Config | None = None,
    *,
    batch_size: int = 16,
    nlp: Language | None = None,
) -> Iterator[dict[str, Any]]:
    """Extract every article, streaming through ``nlp.pipe`` (a long article in pieces:
    ``pieces.pipe``).  One result per article, in order; an article that cannot be processed
    gives a result with its ``errors`` and the batch goes on.  ``nlp`` (else the pipeline of
    ``config``) does the work.  Several processes: ``ledger.workers``."""
    nlp = nlp or load_nlp(config)

    def docs() -> Iterator[tuple[Doc | list[Doc], Article]]:
        for article in articles:
            problem = check_article(article)
            if problem:
                article.errors.append(problem)
            # a failed article travels through the pipe as an empty doc to keep the order
            yield (nlp.make_doc("") if article.errors else make_doc(nlp, article)), article

    for doc, article in pieces.pipe(nlp, docs(), batch_size=batch_size):
        if article.errors:
            yield result_dict(article, [], list(article.errors))
        else:
            yield result_dict(article, statements_of(doc, article.body_start), [])


def extract_article(article: Article, nlp: Language | None = None, config: Config | None = None) -> list[Statement]:
    """The pure function at the heart of OnRecord: one article in, its statements out (an
    ArticleError for an article that cannot be processed)."""
    problem = check_article(article)
    if article.errors or problem:
        raise ArticleError(problem or "; ".join(article.errors))
    nlp = nlp or load_nlp(config)
    doc = pieces.run(nlp, make_doc(nlp, article))
    return statements_of(doc, article.body_start)


def extract(text: str, date: str | None = None, *, config: Config | None = None,
            **options: Unpack[PipelineOptions]) -> list[Statement]:
    """Statements of a plain text (offsets index ``text``).  ``options`` are those of
    ``onrecord extract`` (model, taxonomy, aliases, stance_url, stance_model) over
    ``config`` (default: the environment's settings)."""
    config = (config or Config()).merged(**options)
    return extract_article(Article(id="text", text=text, date=date), load_nlp(config))
