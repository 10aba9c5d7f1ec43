"""Quotation spans: where the quoted words of a text begin and end.

The scanner works on characters, paragraph by paragraph, because quotation marks are
typography, not syntax: a tokenizer may glue them to words, and a parser does not know that
a quotation runs over paragraphs.  Rules, each in its own function below:

* curly double quotes and guillemets pair by direction; straight double quotes pair by the
  side of the word they touch; a low opening mark closes with the mark its languages close it
  with (German, Czech: „…“ and ‚…‘, where “ and ‘ close; Polish, Romanian: „…”);
* single-quote quotations (‘…’ or '…') are recognised only where the opening mark starts a
  word and the closing mark ends one, so apostrophes (don’t, Putin’s, ’90s) never open one;
* quotation marks inside an open quotation are nested quotes and belong to the outer one;
* the news convention: a quotation that is still open at the end of a paragraph continues
  when the next paragraph starts with an opening mark (no closing mark before the break);
* an unbalanced mark is handled locally: an opening mark that is never closed runs to the end
  of its paragraph, a stray closing mark is ignored.  One bad mark never costs the article.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate

from spacy.tokens import Doc

from onrecord.lexicons.quote_marks import (
    CLOSE_DOUBLE,
    CLOSE_SINGLE,
    LOW_CLOSERS,
    OPEN_DOUBLE,
    OPEN_SINGLE,
    STRAIGHT_DOUBLE,
    STRAIGHT_SINGLE,
    shadow_text,
)

PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n(?=\s*[“\"«‘'„])")


@dataclass
class QuoteSpan:
    """One quotation: ``start``/``end`` include the marks, ``segments`` are the inner parts
    (one per paragraph when the quotation runs over paragraphs)."""

    start: int
    end: int
    segments: list[tuple[int, int]] = field(default_factory=list)
    closed: bool = True

    @property
    def inner_start(self) -> int:
        return self.segments[0][0]

    @property
    def inner_end(self) -> int:
        return self.segments[-1][1]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: blank lines separate paragraphs; so does a single newline, since
    article text often comes one paragraph a line."""
    spans, start = [], 0
    for m in re.finditer(r"\n", text):
        if text[start : m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def _opens(text: str, i: int) -> bool:
    """A straight or ambiguous mark opens when it is not glued to a word on its left and is
    followed by something that can start a quotation."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (not _is_word_char(before) and before not in ".,;:!?)]") and not after.isspace()


def _closes(text: str, i: int) -> bool:
    """A straight mark closes when it ends a word and no word follows it; or after an inner
    quotation's closing single mark and a space, as the AP sets them ("… 'now I move to the
    center,' " she said)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if _is_word_char(after):
        return False
    return not before.isspace() or (before == " " and i >= 2 and text[i - 2] in "'’")


def _single_quote_opens(text: str, i: int) -> bool:
    """Single-quote rule: the mark starts a word (space or bracket before, letter after).
    An apostrophe inside or at the end of a word never qualifies."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in '([—–-“"' or i == 0) and (after.isalpha() or after in "[")


def _single_quote_closes(text: str, i: int) -> bool:
    """The mark ends a word and is followed by space or punctuation, and is not the
    possessive of a plural ("the leaders' meeting" is caught by the caller's pairing)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isalnum() or before in ".,!?…]") and (
        after.isspace() or after in '.,;:!?)—–-”"' or i + 1 == len(text)
    )


def scan_paragraph(text: str, start: int, end: int) -> tuple[list[QuoteSpan], int | None]:
    """Double-quote quotations in one paragraph.  Returns the closed ones and, when the
    paragraph ends inside an open quotation, the offset of its opening mark."""
    found: list[QuoteSpan] = []
    open_at: int | None = None
    nested = False  # inside a straight-quoted quotation, a straight-quoted word is open
    for i in range(start, end):
        ch = text[i]
        if open_at is None:
            if ch in OPEN_DOUBLE or (ch == STRAIGHT_DOUBLE and _opens(text, i)):
                open_at = i
            elif ch in CLOSE_DOUBLE + STRAIGHT_DOUBLE and (begin := _unopened_start(text, start, i)) is not None:
                while found and found[-1].end > begin:
                    found.pop()  # marked words inside are nested in it
                found.append(QuoteSpan(begin, i + 1, [(begin, i)]))
        elif nested:
            nested = not (ch == STRAIGHT_DOUBLE and _closes(text, i))
        elif ch == STRAIGHT_DOUBLE and text[open_at] == STRAIGHT_DOUBLE and _nested_opens(text, i) \
                and _outer_closes_later(text, i, end):
            nested = True
        elif ch in CLOSE_DOUBLE or (ch == STRAIGHT_DOUBLE and _closes(text, i)) or _closes_low(text, open_at, i):
            found.append(QuoteSpan(open_at, i + 1, [(open_at + 1, _rstrip(text, open_at + 1, i))]))
            open_at = None
        elif ch in OPEN_DOUBLE and text[i - 1].isspace() and _unclosed_then_reopened(text, open_at, i):
            # an opening mark inside an open quotation with no closing mark in between: the
            # first mark was never closed; end that quotation before the new one
            found.append(QuoteSpan(open_at, i, [(open_at + 1, _rstrip(text, open_at + 1, i))], closed=False))
            open_at = i
    return found, open_at


def _closes_low(text: str, open_at: int, i: int) -> bool:
    """Low-mark rule: after a low opening mark („ or ‚), the mark its languages close it with (“
    or ‘) closes the quotation where it ends a word ('Scholz said „we will not send Taurus“ to
    Kyiv'); elsewhere those marks open one."""
    return LOW_CLOSERS.get(text[open_at]) == text[i] and _closes(text, i)


def _nested_opens(text: str, i: int) -> bool:
    """Nesting rule for straight marks: some sites print the inner quotation marks as the outer
    ones ("I believe Russia is "paving" our way," he said).  Inside an open straight quotation, a
    mark after a space that opens a word opens an inner quotation, closed by the next closing
    mark, and the outer quotation goes on to the closing mark after it."""
    return text[i - 1].isspace() and _opens(text, i) and not _closes(text, i)


# Unopened quotations (``_unopened_start``): the words before a closing mark are the speaker's
# while they speak in the first person; a sentence that attributes ("according to …", "… noted")
# or speaks of others only is narration, where the quotation cannot have begun ("I said" is
# the speaker's own words).
FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|me|[Mm]y|[Oo]ur|us|myself|ourselves)\b")
ATTRIBUTING = re.compile(r"(?<!\bI )(?<!\b[Ww]e )\b(?:said|says|noted|notes|stressed|stresses|added|adds|"
                         r"emphasi[sz]ed|stated|states|told|[Aa]ccording to|believes|believed)\b")
# How far back an unopened quotation may begin: a few sentences.  Bounded so that text full of
# stray marks stays linear.
UNOPENED_REACH = 1500
SENTENCE_GAP = re.compile(r"(?<=[.!?…])[\"”]?\s+(?=[A-Z\"“])")
# an attribution that reopens the quotation in its own sentence: '," he told reporters, "'
SPLIT_REOPENS = re.compile(r"[^\S\n]+[^\"“”.!?\n]{1,80}?[,:][^\S\n]*[\"“]")
ATTRIBUTION_AFTER = re.compile(r"[^\S\n]+(?:the\s|he\s|she\s|they\s|[A-Z])")


def _unopened_start(text: str, start: int, i: int) -> int | None:
    """Unopened-quotation rule: a closing mark after a clause's end and before an attribution
    ("… incomprehensible things," the President said), with no opening mark, closes a quotation
    whose opening mark the source lost.  It runs back over the paragraph's sentences while they
    speak in the first person and attribute nothing themselves; None when the mark's own sentence
    does not (a stray mark is ignored, as before).  Split rule: when the attribution reopens the
    quotation ("…," he told reporters, "He is not here."), the mark's own sentence is the first
    part of a split quotation, first person or not."""
    if text[i - 1] not in ",.!?…" or not ATTRIBUTION_AFTER.match(text, i + 1):
        return None
    split = SPLIT_REOPENS.match(text, i + 1) is not None
    reach = max(start, i - UNOPENED_REACH)
    starts = [m.end() for m in SENTENCE_GAP.finditer(text, reach, i)]
    if reach == start:
        starts.insert(0, start)  # else the window's first piece may be part of a sentence
    begin, end = None, i
    for s in reversed(starts):
        while s < end and text[s].isspace():
            s += 1
        sentence = text[s:end]
        own_split = split and begin is None
        if ATTRIBUTING.search(sentence) or not (own_split or FIRST_PERSON.search(sentence)):
            break
        begin, end = s, s
    return begin


# How far past an inner straight quotation the outer one's closing mark is looked for: a few
# sentences, and at most a few more marks (other inner quotations).  Each look ends within the
# span of its next NESTED_MARKS marks, so a text of nothing but marks stays linear.
NESTED_REACH = 2000
NESTED_MARKS = 8


def _outer_closes_later(text: str, i: int, end: int) -> bool:
    """Nesting needs an outer closing mark after the inner pair ("… "paving" our way," he said);
    without one, the mark at ``i`` opens a new quotation after an unclosed one ("We will hold, he
    said. "Nobody leaves," she added.") and the older reading stands."""
    inner_open = True
    stop = min(end, i + NESTED_REACH)
    j = i
    for _ in range(NESTED_MARKS):
        j = text.find(STRAIGHT_DOUBLE, j + 1, stop)
        if j < 0:
            return False
        if inner_open:
            inner_open = not _closes(text, j)
        elif _nested_opens(text, j):
            inner_open = True
        elif _closes(text, j):
            return True
    return False


def _unclosed_then_reopened(text: str, open_at: int, i: int) -> bool:
    return not any(c in CLOSE_DOUBLE for c in text[open_at:i])


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def scan_single_quotes(text: str, start: int, end: int, taken: list[QuoteSpan]) -> list[QuoteSpan]:
    """Single-quote quotations outside the double-quoted ones (inside them they are nested
    quotes and belong to the outer quotation)."""
    inside = sorted((q.start, q.end) for q in taken)
    starts = [s for s, _ in inside]
    reach = list(accumulate((e for _, e in inside), max))  # the furthest end of those starting so far
    marks = OPEN_SINGLE + CLOSE_SINGLE + STRAIGHT_SINGLE
    found: list[QuoteSpan] = []
    open_at: int | None = None
    for i in range(start, end):
        ch = text[i]
        if ch not in marks:
            continue
        k = bisect_right(starts, i) - 1  # inside a double-quoted quotation: by bisection, not a scan
        if k >= 0 and reach[k] > i:
            continue
        if open_at is None:
            if ch in OPEN_SINGLE + STRAIGHT_SINGLE and _single_quote_opens(text, i):
                open_at = i
        elif (ch in CLOSE_SINGLE + STRAIGHT_SINGLE or LOW_CLOSERS.get(text[open_at]) == ch) \
                and _single_quote_closes(text, i):
            found.append(QuoteSpan(open_at, i + 1, [(open_at + 1, i)]))
            open_at = None
    return found


def find_quotes(text: str) -> list[QuoteSpan]:
    """Every quotation in ``text``, in order, with the paragraph-continuation convention."""
    text = shadow_text(text)
    quotes: list[QuoteSpan] = []
    carried: QuoteSpan | None = None  # a quotation left open at the end of the last paragraph
    for p_start, p_end in paragraphs(text):
        lead = p_start
        while lead < p_end and text[lead].isspace():
            lead += 1
        if carried is not None:
            if text[lead] in OPEN_DOUBLE + STRAIGHT_DOUBLE:
                # news convention: the quotation goes on in this paragraph
                found, open_at = scan_paragraph(text, lead, p_end)
                if found and found[0].start == lead:
                    first = found.pop(0)
                    carried.segments.append(first.segments[0])
                    carried.end = first.end
                    quotes.append(carried)
                    carried = None
                elif open_at == lead and not found:
                    carried.segments.append((lead + 1, _rstrip(text, lead + 1, p_end)))
                    carried.end = p_end
                    open_at = None
                    found = []
                else:
                    quotes.append(carried)
                    carried = None
            else:
                carried.closed = False
                quotes.append(carried)
                carried = None
                found, open_at = scan_paragraph(text, p_start, p_end)
        else:
            found, open_at = scan_paragraph(text, p_start, p_end)
        quotes.extend(found)
        if open_at is not None and carried is None:
            carried = QuoteSpan(open_at, p_end, [(open_at + 1, _rstrip(text, open_at + 1, p_end))], closed=False)
        para_quotes = found + ([carried] if carried is not None else [])
        quotes.extend(scan_single_quotes(text, p_start, p_end, para_quotes))
    if carried is not None:
        carried.closed = False
        quotes.append(carried)
    quotes = [q for q in quotes if q.inner_end > q.inner_start]
    quotes.sort(key=lambda q: q.start)
    return quotes


def quotes_component(doc: Doc) -> Doc:
    """Store the quotation spans of the text as ``doc._.quotes`` (list of QuoteSpan)."""
    doc._.quotes = find_quotes(doc.text)
    return doc
