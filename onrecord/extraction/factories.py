"""Every component factory of the pipeline, registered in one place.

Each names what it requires and what it assigns (see ``nlp.analyze_pipes()``), and takes its
settings as config values (paths and names, never objects), so ``nlp.config`` says how the
pipeline was built.  The components themselves live one per module: this file only builds them.
Importing it registers the factories and declares the extensions (``extensions.py``).
``doc._.article_date``, ``doc._.published`` and ``doc._.headline``, which the context, speakers and records
stages read, are
set on the Doc before the pipe runs (``pipeline.make_doc``), not by a component: they are not
listed as requirements.

Pipeline order (``pipeline.COMPONENTS``), after the model's own components (and
``onrecord_paragraph_breaks`` inside them, before the parser: a line break starts a sentence):

    onrecord_quotes → onrecord_cues → onrecord_statements → onrecord_earlier → onrecord_speakers
    → onrecord_context → onrecord_issues → onrecord_statement_issues
    → onrecord_stances → onrecord_records
"""

# No ``from __future__ import annotations`` here: confection 0.1 (the one spaCy 3.8.2-3.8.7 allow,
# through weasel 0.4) validates a factory's arguments from its annotations and cannot resolve
# them as strings ("field \"nlp\" not yet prepared so type is still a ForwardRef").

from spacy.language import Language

from onrecord.extraction import extensions  # noqa: F401  (declares the extensions)
from onrecord.extraction.attributes import FastAttributeRuler
from onrecord.extraction.context.occasion import ContextFinder
from onrecord.extraction.cues import CueMarker
from onrecord.extraction.earlier import earlier_component
from onrecord.extraction.issue_tags import IssueTagger
from onrecord.extraction.lemmas import MemoLemmatizer
from onrecord.extraction.paragraph_breaks import mark_paragraph_starts
from onrecord.extraction.quotes import quotes_component
from onrecord.extraction.records import RecordWriter
from onrecord.extraction.speakers import SpeakerNamer
from onrecord.extraction.stances.component import StanceTagger, stance_classifier
from onrecord.extraction.stances.learned import learned_reader
from onrecord.extraction.statement_issues import StatementIssueTagger
from onrecord.extraction.statements import statements_component
from onrecord.identity.registry import pinned_registry
from onrecord.lexicons.cues import load_cue_lexicon
from onrecord.lexicons.taxonomy import load_taxonomy
from onrecord.lexicons.venues import load_venue_lexicon

STATEMENTS = "doc._.statements"


@Language.factory(
    "onrecord_attribute_ruler", default_config={"validate": False, "scorer": None},
    requires=["token.tag"], assigns=["token.pos", "token.morph", "token.lemma"],
)
def make_attribute_ruler(nlp: Language, name: str, validate: bool, scorer: object) -> FastAttributeRuler:
    """The model's attribute ruler by table look-up (attributes.py); ``attributes.speed_up`` puts
    it in the model's place with the model's patterns."""
    return FastAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)


@Language.factory("onrecord_lemmatizer", requires=["token.pos", "token.morph"], assigns=["token.lemma"])
def make_lemmatizer(nlp: Language, name: str) -> MemoLemmatizer:
    """The model's rule lemmatizer, each distinct token row asked once (lemmas.py); ``lemmas.speed_up``
    puts it in the model's place and hands it that lemmatizer."""
    return MemoLemmatizer(name)


@Language.factory("onrecord_paragraph_breaks", assigns=["token.is_sent_start"])
def make_paragraph_breaks(nlp: Language, name: str) -> object:
    """Before the parser (``pipeline.build_nlp``): a line break starts a sentence."""
    return mark_paragraph_starts


@Language.factory("onrecord_quotes", assigns=["doc._.quotes"])
def make_quotes(nlp: Language, name: str) -> object:
    return quotes_component


@Language.factory(
    "onrecord_cues", default_config={"lexicon_path": None},
    # also the part of speech, which the model's attribute_ruler sets without declaring it
    requires=["token.lemma", "token.dep"],
    assigns=["token._.cue", "token._.cue_negated", "token._.cue_hedged"],
)
def make_cues(nlp: Language, name: str, lexicon_path: str | None) -> CueMarker:
    return CueMarker(load_cue_lexicon(lexicon_path))


@Language.factory(
    "onrecord_statements", requires=["doc._.quotes", "token._.cue", "token.dep", "doc.sents"], assigns=[STATEMENTS]
)
def make_statements(nlp: Language, name: str) -> object:
    return statements_component


@Language.factory("onrecord_earlier", requires=[STATEMENTS, "token.dep"], assigns=[STATEMENTS])
def make_earlier(nlp: Language, name: str) -> object:
    return earlier_component


@Language.factory(
    "onrecord_speakers", default_config={"aliases_path": None}, requires=[STATEMENTS, "doc.ents"],
    assigns=[STATEMENTS],
)
def make_speakers(nlp: Language, name: str, aliases_path: str | None) -> SpeakerNamer:
    return SpeakerNamer(pinned_registry(aliases_path))


@Language.factory(
    "onrecord_context", default_config={"venues_path": None},
    requires=[STATEMENTS, "doc.ents"], assigns=[STATEMENTS],
)
def make_context(nlp: Language, name: str, venues_path: str | None) -> ContextFinder:
    return ContextFinder(load_venue_lexicon(venues_path))


@Language.factory(
    "onrecord_issues", default_config={"taxonomy_path": None}, requires=["token.lemma"], assigns=["doc._.issue_hits"]
)
def make_issues(nlp: Language, name: str, taxonomy_path: str | None) -> IssueTagger:
    return IssueTagger(nlp, load_taxonomy(taxonomy_path))


@Language.factory(
    "onrecord_statement_issues", default_config={"taxonomy_path": None}, requires=[STATEMENTS, "doc._.issue_hits"],
    assigns=[STATEMENTS],
)
def make_statement_issues(nlp: Language, name: str, taxonomy_path: str | None) -> StatementIssueTagger:
    return StatementIssueTagger(load_taxonomy(taxonomy_path), nlp)


@Language.factory(
    "onrecord_stances",
    default_config={"taxonomy_path": None, "aliases_path": None, "stance_url": None, "stance_model": None,
                    "stance_reader": "packaged"},
    requires=[STATEMENTS], assigns=[STATEMENTS],
)
def make_stances(nlp: Language, name: str, taxonomy_path: str | None, aliases_path: str | None,
                 stance_url: str | None, stance_model: str | None, stance_reader: str) -> StanceTagger:
    # the endpoint's key is not a config value (it would be written with the pipeline):
    # pipeline.build_nlp hands it to the component afterwards
    return StanceTagger(nlp, load_taxonomy(taxonomy_path), stance_classifier(stance_url, stance_model, nlp),
                        pinned_registry(aliases_path), learned_reader(stance_reader))


@Language.factory(
    "onrecord_records", default_config={"aliases_path": None, "keep_objects": False},
    requires=[STATEMENTS], assigns=["doc._.records"],
)
def make_records(nlp: Language, name: str, aliases_path: str | None, keep_objects: bool) -> RecordWriter:
    return RecordWriter(pinned_registry(aliases_path), keep_objects)
