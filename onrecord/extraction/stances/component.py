"""Stances: the ``onrecord_stances`` component, a stance per (statement, issue).

By the rules (``rules.py``), read again by the learned reader where they read no position
(``learned.py``; off with the ``stance_reader`` setting), or by an OpenAI-compatible endpoint
when one is configured (``llm.py``; the rules answer when it fails).  Each statement's text is
read from the article's own parse (``statement_doc``), not parsed again.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from onrecord.errors import ConfigError
from onrecord.extraction.docindex import cut_doc, doc_text, text_with_ws
from onrecord.extraction.found import Found
from onrecord.extraction.issue_tags import issue_matcher
from onrecord.extraction.stances.classify import RuleStance, StanceClassifier, stances_for
from onrecord.extraction.stances.cue_rules import URGING_PREPOSITIONS
from onrecord.extraction.stances.holders import sides_in, speaker_sides
from onrecord.extraction.stances.learned import LearnedReader
from onrecord.extraction.stances.llm import OpenAICompatibleStance
from onrecord.extraction.stances.reading import TEXT_KEY, Speaker, hits_key
from onrecord.identity.registry import SpeakerRegistry
from onrecord.identity.titles import organization_of
from onrecord.lexicons.taxonomy import Taxonomy
from onrecord.model.statement import Quote


def stance_text(doc: Doc, f: Found) -> str:
    """What a stance is read from: the quoted or reported words; for a reported position, the
    reporter's sentence (the predicate "adamant", "rejected" carries the stance)."""
    if f.kind == "reported_position" and f.cue is not None:
        return f.cue.sent.text.strip()
    return " ".join(doc_text(doc)[s:e] for s, e in sorted(f.content))


def statement_doc(doc: Doc, f: Found, text: str, nlp: Language | None = None,
                  taxonomy: Taxonomy | None = None) -> Doc | None:
    """``text`` (the stance text) cut from the article's own parse, so the stage does not parse
    it again: the quote's segments as one Doc, or the reporter's sentence.  None when the cut
    does not give exactly that text (the caller then parses it).  With ``nlp`` and ``taxonomy``,
    a cut of one range keeps its issue hits, read from the article's matches (``hits_key``)."""
    if f.kind == "reported_position" and f.cue is not None:
        pieces: list[Span | None] = [f.cue.sent]
    else:
        pieces = [doc.char_span(s, e) for s, e in sorted(f.content)]
    spans = [p for p in pieces if p is not None and len(p)]
    if not spans or len(spans) != len(pieces):
        return None
    cut = cut_doc(spans)  # Doc.from_docs of their as_doc, from the index
    joined = text_with_ws(spans[0]) if len(spans) == 1 else cut.text  # one span: its words as written
    # the last token may keep its trailing space: the same words
    if joined.rstrip() != text.rstrip():
        return None
    cut.user_data[TEXT_KEY] = joined  # read by text_of, not joined again per issue
    if len(spans) == 1 and nlp is not None and taxonomy is not None:
        # the issue matchers ran on the whole article (onrecord_issues): no second run on the
        # statement (a quote of several segments is matched again: a match may cross a join)
        cut.user_data[hits_key(taxonomy)] = issue_matcher(nlp, taxonomy).hits_within(
            doc, spans[0].start, spans[0].end, cut)
    return cut


def registry_sides(name: str, registry: SpeakerRegistry | None) -> frozenset[str]:
    """The sides a pinned person speaks for by the registry: their organisation and the
    organisation of each role ("President of Ukraine" → Ukraine), for an article that names them
    bare ("Adviser to the Head of the President's Office Mykhailo Podolyak")."""
    identity = registry.pinned_person(name) if registry is not None else None
    if identity is None:
        return frozenset()
    orgs = [identity.organization] + [organization_of(role) for role, _ in identity.roles]
    return frozenset(side for org in orgs if org for side in sides_in(org.split()))


def speakers_of(found: list[Found], registry: SpeakerRegistry | None = None) -> dict[str, Speaker]:
    """Who speaks, per speaker name: the sides every description of them in the article names
    ("President of Ukraine Volodymyr Zelenskyy" anywhere in it places "he" too), and those the
    registry gives a pinned person."""
    mentions: dict[str, list[Span]] = {}
    group: dict[str, bool] = {}
    for f in found:
        mentions.setdefault(f.speaker_name, [])
        if f.mention is not None:
            mentions[f.speaker_name].append(f.mention)
        group[f.speaker_name] = group.get(f.speaker_name, False) or f.speaker_type == "group" or len(f.members) > 1
    return {name: Speaker(name, speaker_sides(name, spans) | registry_sides(name, registry), group[name])
            for name, spans in mentions.items()}


class StanceTagger:
    """The ``onrecord_stances`` component; ``classifier`` None means the rules alone, read again
    by ``reader`` (the learned reader) when one is given."""

    def __init__(self, nlp: Language, taxonomy: Taxonomy, classifier: StanceClassifier | None,
                 registry: SpeakerRegistry | None = None, reader: LearnedReader | None = None) -> None:
        self.nlp = nlp
        self.registry = registry
        self.taxonomy = taxonomy
        self.classifier = classifier
        self.reader = reader

    def __call__(self, doc: Doc) -> Doc:
        found: list[Found] = doc._.statements or []
        speakers = speakers_of(found, self.registry)
        for f in found:
            if not f.issues:
                continue
            cue_text = doc_text(doc)[f.cue_span[0] : _cue_end(doc, f)] if f.cue_span else None
            text = stance_text(doc, f)
            f.stances = stances_for(text, f.issues, f.cue_class, f.negated, self.taxonomy, cue_text=cue_text,
                                    cue_lemma=f.cue.lemma_.lower() if f.cue is not None else None,
                                    speaker=speakers.get(f.speaker_name), nlp=self.nlp,
                                    classifier=self.classifier,
                                    parsed=statement_doc(doc, f, text, self.nlp, self.taxonomy),
                                    quoted=f.verbatim)
            if self.reader is not None and any(s.label == "unclear" for s in f.stances.values()):
                # the words the statement's record quotes, as the reader was trained on them
                quote = Quote.of(doc_text(doc), f.content).text
                f.stances = {issue_id: self.reader.revise(stance, issue_id, quote)
                             for issue_id, stance in f.stances.items()}
            for issue_id, note in f.issue_notes.items():
                stance = f.stances.get(issue_id)
                if stance is not None:
                    stance.note = f"{stance.note}; {note}" if stance.note else note
        return doc


def _cue_end(doc: Doc, f: Found) -> int:
    """Where the cue's words end for the stance rules: after its preposition when one of
    ``URGING_PREPOSITIONS`` follows it ("called [on] NATO to provide …", "called [for] the
    involvement of …"), which the cue's span, the verb alone, leaves out."""
    cue = f.cue
    end = f.cue_span[1]
    if cue is not None and cue.i + 1 < len(doc):
        after = doc[cue.i + 1]
        if after.head.i == cue.i and after.dep_ in {"prep", "prt"} and after.lower_ in URGING_PREPOSITIONS:
            return after.idx + len(after.text)
    return end


def stance_classifier(url: str | None, model: str | None, nlp: Language, api_key: str | None = None
                      ) -> StanceClassifier | None:
    """An OpenAI-compatible endpoint when both its URL and model are set, with the rules as its
    fallback; None (the rules alone) when neither is."""
    if not url and not model:
        return None
    if not url or not model:
        raise ConfigError("a stance endpoint needs both its URL and its model (--stance-url, --stance-model)")
    return OpenAICompatibleStance(url, model, api_key=api_key, fallback=RuleStance(nlp))
