"""The judged-report rule: the speaker's verdict on a position the statement reports.

"Russia is forcibly trying to move borders inside Europe, and this is unacceptable": the first
clause reports Russia's position (the holder rule keeps it as ``reported``); the second judges
it, with a demonstrative subject ("this", "that") that points back at the reported act (an
abstract-object anaphor: Asher 1993, *Reference to Abstract Objects in Discourse*) and a stance
marker as its predicate.  The judgement is the speaker's own, of that position: a rejecting one
("unacceptable", "out of the question") takes the contrary of the reported label, an approving
one ("right", "welcome", "constructive") keeps it.
"""

from __future__ import annotations

from spacy.tokens import Span

from onrecord.extraction.stances.reading import PREDICATE_DEPS, Reading
from onrecord.model.stance import Stance

# subjects that point back at what was just said, not at a thing ("this decision" has its noun)
DEMONSTRATIVES = {"this", "that"}
# the signs of the markers a judgement may use
JUDGING_MARKERS = (("oppose", -1), ("bad", -1), ("support", 1), ("good", 1))
# a verdict read from a pronoun's antecedent is less direct than a marker on the issue itself
CONFIDENCE = 0.6


def _verdict(span: Span, after: int) -> bool:
    """The marker is the predicate of a demonstrative subject after the reported words, not negated."""
    root = span.root
    if root.dep_ not in PREDICATE_DEPS or span.start < after:
        return False
    head = root if root.dep_ == "ROOT" else root.head
    subject = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.lower_ not in DEMONSTRATIVES:
        return False
    return not any(c.dep_ == "neg" for c in (*head.children, *root.children))


def judged_report(reading: Reading, stance: Stance, reported_end: int) -> Stance | None:
    """The speaker's stance from their verdict on the reported position, when the statement
    gives one after it (``reported_end``: the token after the last mention of the issue)."""
    reported = stance.reported
    if stance.label != "unclear" or reported is None or reported.label not in {"support", "oppose"}:
        return None
    for key, sign in JUDGING_MARKERS:
        for span in reading.markers.get(key, []):
            if not _verdict(span, reported_end):
                continue
            label = reported.label if sign > 0 else ("oppose" if reported.label == "support" else "support")
            return Stance(label, [span.text], confidence=CONFIDENCE, reported=reported,  # type: ignore[arg-type]
                          reason=f"'{span.text}' judges the position of {reported.holder}, which the "
                                 "statement reports")
    return None
