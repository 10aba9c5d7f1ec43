"""Stance rules on the cue: what the verb of saying tells before the words are read.

"wouldn't say whether …" and "asked whether …" state no position; "never claimed that …"
reports what the speaker did not say; "denied that …" reverses the content; "urged", "welcomed",
"refused to" give the content a sign of their own.
"""

from __future__ import annotations

import re

from spacy.language import Language

from onrecord.extraction.issue_tags import parse_only
from onrecord.extraction.stances.reading import MARKERS
from onrecord.model.stance import Stance, StanceLabel

_WORD = re.compile(r"[A-Za-z’']+")
# the prepositions that make a cue of naming one of urging: "called for", "called on", "called upon"
URGING_PREPOSITIONS = frozenset({"for", "on", "upon"})
_URGING = re.compile(r"\b(?:" + "|".join(sorted(URGING_PREPOSITIONS)) + r")\b")
_LEMMAS: dict[tuple[int, str], str | None] = {}
# what "asked" is about, not what is asked for: "asked about the talks", "asked on the guarantees"
ASKED_ABOUT = frozenset({"about", "regarding", "concerning", "on", "of", "over"})


def cue_lemma_of(nlp: Language, cue_text: str | None) -> str | None:
    """The lemma of a cue's verb ("has urged" → "urge"), parsed once per cue text."""
    if not cue_text or not cue_text.strip():
        return None
    key = (id(nlp), cue_text)
    if key not in _LEMMAS:
        doc = parse_only(nlp, [cue_text])[0]
        verbs = [t for t in doc if t.pos_ in {"VERB", "NOUN"} and t.dep_ not in {"aux", "auxpass", "neg"}]
        word = verbs[-1] if verbs else (doc[len(doc) - 1] if len(doc) else None)
        _LEMMAS[key] = word.lemma_.lower() if word is not None else None
    return _LEMMAS[key]


def first_words(text: str, n: int = 2) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)[:n]]


def is_question(text: str) -> bool:
    """The content is a question: it opens with "whether", "if" or a wh-word, or ends with "?"."""
    words = first_words(text, 1)
    return bool(words and words[0] in MARKERS.question_words) or text.rstrip(" \"”’'").endswith("?")


def rule_declined_cue(cue_class: str | None, cue_text: str | None, text: str) -> Stance | None:
    """Declined cue: "wouldn't say whether he'd give up territory", "declined to comment on the
    talks" take no position.  "refused to join the talks" is a refusal, not a silence: the cue's
    sign decides it (``cue_sign``)."""
    if cue_class not in MARKERS.declined_cues:
        return None
    cue_words = first_words(cue_text or "", 6)
    said = any(w in MARKERS.speech_verbs for w in cue_words)
    opening = first_words(text, 2)
    to_say = len(opening) == 2 and opening[0] == "to" and opening[1] in MARKERS.speech_verbs
    if said or to_say or is_question(text):
        return Stance("unclear", [cue_text or "declined"], confidence=0.9, reason="the speaker declined to say")
    return None


def rule_asked_cue(cue_class: str | None, cue_text: str | None, text: str) -> Stance | None:
    """Asking cue: "asked whether Kyiv would accept a truce" states no position.  "asked the
    allies to send jets" and "urged them to talk" are requests: the cue's sign decides them."""
    if cue_class not in MARKERS.asked_cues or not is_question(text):
        return None
    return Stance("unclear", [cue_text or "asked"], confidence=0.9, reason="a question states no position")


def rule_negated_cue(negated: bool, cue_text: str | None) -> Stance | None:
    """Negated cue: "never claimed that …" reports what the speaker did not say."""
    if negated:
        return Stance("unclear", [cue_text or "negated cue"], confidence=0.85,
                      reason="the cue is negated: the speaker did not say it")
    return None


def rule_denied_cue(stance: Stance, cue_class: str | None, cue_text: str | None) -> Stance:
    """Denied cue: "denied that Kyiv would cede land" rejects the content; denying a refusal
    ("denied that Kyiv would never negotiate") supports it."""
    if cue_class not in MARKERS.denied_cues:
        return stance
    label: StanceLabel = "support" if stance.label == "oppose" else "oppose"
    confidence = max(0.5, (stance.confidence or 0.7) - 0.1)
    return Stance(label, [cue_text or "denied", *stance.evidence], confidence=confidence,
                  reason=f"denied: {stance.reason or stance.label} reversed")


def cue_sign(cue_class: str | None, cue_text: str | None, cue_lemma: str | None, text: str = "") -> int:
    """The cue as a factor of the polarity: its own word ("urged" +1, "refused" -1), else its
    class ("vowed" +1, "criticized" -1); "called for" and "called on" support, "called it a trap" names; "asked
    them to send jets", "asked for jets" and "asked additional air defence systems" (what is asked
    for, the cue's object) are requests, "asked about the talks" names a topic."""
    if cue_lemma == "ask":
        opening = first_words(text, 1)
        return 0 if not opening or opening[0] in ASKED_ABOUT or is_question(text) else 1
    if cue_lemma and cue_lemma in MARKERS.cue_words:
        return MARKERS.cue_words[cue_lemma]
    if cue_class == "call" and cue_text and _URGING.search(cue_text.lower()):
        return 1
    return MARKERS.cue_signs.get(cue_class or "", 0)
