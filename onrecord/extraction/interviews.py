"""Question-and-answer interviews: "Q: What did you find?  A: I came home from school …".

A newspaper's interview prints the interviewer's questions and the interviewee's answers under
one-letter labels; the answers are the interviewee's words, though no label names anyone.  The
interviewee is named once or twice in the introduction above the first question ("Q&A with Vice
President Joe Biden. … Biden complained …"), where the interviewers are named once each ("he spoke
with POLITICO senior writer Michael Grunwald and …").  Rules, each a function below:

1. ``answer_marker``/``question_marker``: a paragraph opening with "A:" or "Answer:" is an answer;
   one opening with "Q:", "Q.", "Question:", a bare "Q" or a "Q" glued to the question's first word
   ("QLast October, President Obama …", a page's bold "Q" run into the text) is a question;
2. ``interview_layout``: an article is an interview when at least two paragraphs are answers and
   a question comes before the first of them (an "A:" alone is a list's item or a heading);
3. ``interviewee``: the person the introduction (the text before the first question) names most
   often, counted by surname, named at least twice and more often than anyone else; otherwise
   no one (the answers stay unattributed rather than go to an interviewer).  Its mention is the
   longest of its names there ("Vice President Joe Biden");
4. ``asked_of_interviewee``: "you" in a question is the interviewee ("Q: You said last week that
   he cannot win …"): a statement the question reports with "you" as its speaker is the
   interviewee's (a question asked of the interviewee, "Do you think …?", is no statement at all:
   ``questions``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from onrecord.extraction.docindex import doc_text, entities_within, token_at
from onrecord.extraction.found import Found
from onrecord.identity.names import parse_person

ANSWER_MARKER = re.compile(r"\s*(?:A|Answer|ANSWER)\s*:\s")
# "Q:", "Q.", "Question:", a bare "Q " and a "Q" glued to a capitalised word ("QWhy should …")
QUESTION_MARKER = re.compile(r"\s*(?:(?:Q|Question|QUESTION)\s*[:.]?\s|Q(?=[A-Z][a-z’']))")
MIN_ANSWERS = 2  # one "A:" is a list's item or a heading; an interview answers again
MIN_MENTIONS = 2  # the interviewee is named in the headline and the lede; an interviewer once


@dataclass(frozen=True)
class InterviewLayout:
    """Where an interview's answers open (paragraph start → the offset of the label's colon),
    where its questions open, and whose answers they are (None: the introduction names no one
    clearly)."""

    answers: dict[int, int]
    questions: dict[int, int]  # paragraph start → its end (paragraphs come in order)
    interviewee: Span | None


def answer_marker(text: str, start: int, end: int) -> int | None:
    """Rule 1: the offset of the colon of an answer's label opening the paragraph, or None."""
    m = ANSWER_MARKER.match(text, start, end)
    return None if m is None else text.index(":", m.start(), m.end())


def question_marker(text: str, start: int, end: int) -> bool:
    """Rule 1: the paragraph opens with a question's label."""
    return QUESTION_MARKER.match(text, start, end) is not None


def interview_layout(doc: Doc, paragraphs: list[tuple[int, int]]) -> InterviewLayout | None:
    """Rule 2: the article's answers and questions when it is an interview, else None."""
    text = doc_text(doc)
    answers: dict[int, int] = {}
    questions: dict[int, int] = {}
    for start, end in paragraphs:
        colon = answer_marker(text, start, end)
        if colon is not None:
            answers[start] = colon
        elif question_marker(text, start, end):
            questions[start] = end
    if len(answers) < MIN_ANSWERS or not questions or min(questions) > min(answers):
        return None
    return InterviewLayout(answers, questions, interviewee(doc, min(questions)))


def _surname(person: Span) -> str:
    """The surname key of a person entity, as identities compare names (``identity.names``:
    "Biden’s" and "Biden" one key, transliterations folded)."""
    parsed = parse_person(person.text)
    return parsed.surname if parsed is not None else person.text.lower()


def interviewee(doc: Doc, introduction_end: int) -> Span | None:
    """Rule 3: the person the introduction names most often (at least twice, more often than
    anyone else), as the longest of its names there; None when no one stands out."""
    people = [e for e in entities_within(doc, 0, token_at(doc, introduction_end)) if e.label_ == "PERSON"]
    counts = Counter(_surname(p) for p in people)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < MIN_MENTIONS or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    names = [p for p in people if _surname(p) == ranked[0][0]]
    return max(names, key=len)  # the first of the longest: max keeps the first on a tie


def asked_of_interviewee(found: Found, interview: InterviewLayout) -> Found:
    """Rule 4: a statement inside a question whose speaker is "you", given to the interviewee;
    any other statement as it is."""
    mention = found.mention
    if interview.interviewee is None or mention is None or len(mention) != 1 or mention.root.lower_ != "you":
        return found
    starts = list(interview.questions)  # in the order of the text: a dict keeps its insertion order
    k = bisect_right(starts, mention.start_char) - 1
    if k < 0 or mention.start_char >= interview.questions[starts[k]]:
        return found
    return replace(found, mention=interview.interviewee)
