"""Second person in a dialogue: whom "you" means when one party of a transcript reports the other's
words ("You said that the talks had failed", "You say that the corridors are ineffective").

A transcript is a run of turns, each with its speaker (``labels``).  A turn speaks to the other
party: a question turn (its run ends in a question mark) to the one who answers it, the next
run's speaker; any other turn to the one it answers, the run before it (the adjacency pair of
conversation analysis: Schegloff & Sacks 1973, "Opening up closings").  Outside a transcript
"you" stays unnamed (``speakers.name_mention``): a news text's "you" is its reader or someone it
does not name.  A "you" asked to speak ("Could you tell us …?") is no statement at all
(``senses.asked_of_the_addressee``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from onrecord.extraction.found import Found

SECOND_PERSON = {"you"}
TRANSCRIPT = "transcript"


# "if you said the other, nobody would have paid", "when you say that, …", "you could say …":
# a generic or supposed "you", not the one addressed reporting anything
SUPPOSING_MARKS = {"if", "unless", "when", "whenever", "once"}
SUPPOSING_MODALS = {"would", "could", "might", "may", "can", "should", "'d", "’d"}


def _addressed(f: Found) -> bool:
    return (f.cue_class != TRANSCRIPT and f.speaker_type == "unknown" and f.mention is not None
            and len(f.mention) == 1 and f.mention.root.lower_ in SECOND_PERSON and not _supposed(f))


def _supposed(f: Found) -> bool:
    """Generic-you rule: a cue in a condition or under a modal ("if you said the other …", "you
    could say …") supposes a saying by anyone; it reports nothing the addressee said."""
    if f.cue is None:
        return False
    return any((c.dep_ == "mark" and c.lower_ in SUPPOSING_MARKS) or (c.dep_ == "aux" and c.lower_ in SUPPOSING_MODALS)
               for c in f.cue.children)


def other_party(turns: Sequence[Found], k: int, text: str) -> Found | None:
    """Adjacency rule: the turn the k-th turn's run speaks to — the next run's first turn after a
    question, else the previous run's last turn; None when there is no other speaker there."""
    speaker = turns[k].speaker_name
    last = k
    while last + 1 < len(turns) and turns[last + 1].speaker_name == speaker:
        last += 1
    first = k
    while first > 0 and turns[first - 1].speaker_name == speaker:
        first -= 1
    if text[turns[last].start : turns[last].end].rstrip().endswith("?"):
        return turns[last + 1] if last + 1 < len(turns) else None
    return turns[first - 1] if first > 0 else None


# a questioner's label, opening a line or following the end of a turn: "Q Mr. President, …",
# "Question: Good afternoon. …" (a question is no statement, so it is no turn of ``found``)
QUESTION_LABEL = re.compile(r"(?:^|\n|[.!?…]\s)\s*(?:Q|Question|QUESTION)\b[:.]?\s")
# a question put to several ("a question for both leaders", "each of you") has no one "you"
SEVERAL_ADDRESSED = re.compile(r"\b(?:both|each of you|all of you|either of you)\b", re.IGNORECASE)


def answerer(turns: Sequence[Found], k: int, text: str, at: int) -> Found | None:
    """Question rule: a "you" in a questioner's words between two turns ("Q Mr. President, … You
    made clear you're not backing down …?") is the one who answers, the speaker of the next turn,
    when a question label opens those words and they put the question to one person only."""
    if k >= len(turns):
        return None
    since = turns[k - 1].end if k > 0 else 0
    labels = list(QUESTION_LABEL.finditer(text, since, at))
    if not labels or SEVERAL_ADDRESSED.search(text, labels[-1].start(), turns[k].start):
        return None
    return turns[k]


def name_the_addressed(found: Sequence[Found], text: str) -> None:
    """Give each statement whose speaker is an unresolved "you" inside a transcript turn the other
    party of that turn (``other_party``), and one in a question between turns the one who answers
    it (``answerer``)."""
    turns = sorted((f for f in found if f.cue_class == TRANSCRIPT and f.speaker_name), key=lambda f: f.start)
    starts = [t.start for t in turns]
    for f in found:
        if not _addressed(f):
            continue
        at = f.mention.start_char  # type: ignore[union-attr]
        k = bisect_right(starts, at) - 1
        if k < 0 or at >= turns[k].end:
            party = answerer(turns, k + 1, text, at)
        else:
            party = other_party(turns, k, text)
        if party is not None:
            f.speaker_name, f.speaker_type, f.members = party.speaker_name, party.speaker_type, list(party.members)
