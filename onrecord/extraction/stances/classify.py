"""Stance classifiers: the rules (``RuleStance``, the default, offline), or any object with a
``classify`` method (``llm.OpenAICompatibleStance``); ``stances_for`` puts a statement's
stances together, a human label over a classifier's answer over the rules."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Protocol, runtime_checkable

from spacy.language import Language
from spacy.tokens import Doc

from onrecord.extraction.issue_tags import parse_only
from onrecord.extraction.stances.reading import Speaker, text_of
from onrecord.extraction.stances.rules import stance_for
from onrecord.lexicons.taxonomy import Taxonomy
from onrecord.model.stance import Stance, choose_stance


@runtime_checkable
class StanceClassifier(Protocol):
    def classify(
        self,
        statement_text: str,
        issue_id: str,
        cue_class: str | None,
        negated: bool,
        taxonomy: Taxonomy,
        *,
        cue_text: str | None = None,
    ) -> Stance: ...


class RuleStance:
    """The default classifier: the rules above, offline."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def classify(
        self,
        statement_text: str,
        issue_id: str,
        cue_class: str | None,
        negated: bool,
        taxonomy: Taxonomy,
        *,
        cue_text: str | None = None,
    ) -> Stance:
        return stance_for(
            statement_text, issue_id, cue_class, negated, taxonomy, cue_text=cue_text, nlp=self.nlp
        )


def stances_for(
    statement_text: str,
    issues: Iterable[str],
    cue_class: str | None,
    negated: bool,
    taxonomy: Taxonomy,
    *,
    cue_text: str | None = None,
    cue_lemma: str | None = None,
    speaker: Speaker | None = None,
    classifier: StanceClassifier | None = None,
    human: Mapping[str, Stance | Mapping[str, Any] | str] | None = None,
    nlp: Language,
    parsed: Doc | None = None,
    quoted: bool = False,
) -> dict[str, Stance]:
    """The stance on each issue of a statement: the rules, a configured classifier's answer
    over them, and a human label over both.  ``parsed``: the statement's text already parsed
    (cut from the article's parse), else it is parsed here; ``speaker``: who speaks and for which
    side; ``quoted``: the statement is a direct quotation, the speaker's own words, which a cue
    of rejecting frames but does not negate.  ``dict`` keyed by issue id, ready for JSON via
    ``Stance.to_dict``."""
    human = human or {}
    doc = parsed if parsed is not None and text_of(parsed).rstrip() == statement_text.rstrip() else None
    if doc is None and statement_text.strip():
        doc = parse_only(nlp, [statement_text])[0]
    out: dict[str, Stance] = {}
    for issue_id in issues:
        rules = stance_for(statement_text, issue_id, cue_class, negated, taxonomy, cue_text=cue_text, nlp=nlp,
                           doc=doc, cue_lemma=cue_lemma, speaker=speaker, quoted=quoted)
        model = None
        if classifier is not None and not isinstance(classifier, RuleStance) and issue_id not in human:
            model = classifier.classify(
                statement_text, issue_id, cue_class, negated, taxonomy, cue_text=cue_text
            )
        out[issue_id] = choose_stance(rules, model, human.get(issue_id))
    return out

