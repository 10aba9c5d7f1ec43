"""Quoted passages: the units on which reports of one quote are matched, and how their words compare.

A statement's quote is the whole run of quoted text one outlet prints; another outlet quotes one
sentence of it, or trims its ends, or runs two sentences together.  So a quote is split into
*passages* (``split_passages``): its sentences, and the pieces between cuts (an ellipsis, the cue
between two segments, a new paragraph, a quotation mark).  A piece too short to tell apart joins
the sentence before it.  Of a mixed statement only the parts inside quotation marks count: the rest
are the reporter's words.

Words are compared as normalised tokens (``words``): case, quote marks, punctuation and bracketed
editorial insertions ("[the]") do not count; abbreviations ("U.S."), contractions ("haven't") and
hyphens ("co-operation") are written out or joined, from ``lexicons/data/quote_words.yaml``.

Two passages are **the same words** (``relation``) when the shorter is contained in the longer, in
order: most of its words are found there (trimmed ends and small insertions are fine) within a
stretch not much longer than itself, and every word replaced by another is a spelling of it or a
function word for a function word ("criticism on"/"criticism for").  A replaced content word ("hot stage"/
"hot phase", "should"/"need to") makes the passages **another translation** of the same words: a
weaker link, shown apart and never merged.  A passage longer than ``LONG_PASSAGE`` words (no real
sentence; a crafted one) is compared word for word, so that clustering stays linear in the text.

Candidates are found by *fingerprints* (``fingerprints``): hashes of word trigrams, winnowed (the
smallest of every two neighbours kept), so that any run of four words two passages share gives
them a fingerprint in common however long either is (MinHash estimates the similarity of whole
sets, which is low when a short quote sits inside a long one).  Each candidate is then compared
exactly.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache, cached_property, lru_cache

from onrecord.lexicons.quote_marks import CLOSE_DOUBLE, DOUBLE_MARKS, OPEN_DOUBLE, STRAIGHT_DOUBLE, closes, shadow_text
from onrecord.lexicons.quote_words import QuoteWords, load_quote_words

# shorter passages ("We will see", "No") are said by everyone all the time: never matched alone
MIN_TOKENS = 4
SHINGLE = 3  # words per shingle
WINDOW = 2  # shingles per winnowing window: a shared run of SHINGLE + WINDOW - 1 = 4 words always meets
# the same words: this much of the shorter passage is found in the longer, in order ...
CONTAINED = 0.8
# ... within a stretch of the longer at most this many times as long (plus SLACK words)
SPREAD, SLACK = 1.5, 2
# a replaced word this close in spelling (letters, joined) is the same word ("cooperations")
SPELLING = 0.85
# another translation: passages of at least this many words, of about one length, sharing this
# much of each, with at least this many content words in common
TRANSLATION_MIN_TOKENS = 5
TRANSLATION_COVER = 0.6
TRANSLATION_CONTENT = 3
# a passage longer than this is compared word for word (each run between its gaps found verbatim,
# in order): difflib's alignment costs the square of the length where words repeat, and one
# sentence of 200 KB (an ellipsis every few words) took 41 s to cluster.  The longest passage of
# the corpus's 1,843 statements is 70 words: no real sentence comes near.
LONG_PASSAGE = 400

_RAW_WORD = re.compile(r"\[[^\]]*\]|(?:[A-Z]\.)+[A-Z]\.?|\w+(?:['’‘\-]\w+)*")
_CUT = re.compile(r"…+\.*|\.{3,}|\n+|[“”\"«»„]")
_ELLIPSIS = re.compile(r"…+\.*|\.{3,}")
# a sentence goes on across an ellipsis (the cue between two segments, words left out) when the
# words before it do not end a sentence and the words after it start in lower case
_GOES_ON_BEFORE = re.compile(r"[\w,;:–—-]")  # the last character before the ellipsis and its …
_SPACE_OR_MARK = re.compile(r"[\s“”\"«»„]")  # … spaces and quotation marks
_GOES_ON_AFTER = re.compile(r"[\s“”\"«»„]*[a-z]")
_STOP = re.compile(r"[.!?;]+")
# a dot after these is not the end of a sentence ("Mr. Carney", "U.S. tariffs", "J. Smith")
_NOT_AN_END = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Sen|Rep|Gov|Prof|vs))$")
_SENTENCE_START = re.compile(r"[\s“”\"'‘’«»„‚)\]]*(?:$|(?<=\s)[A-Z0-9“\"‘«„‚])")
_STRENGTH = {"sent": 1, "cut": 2, "start": 3}


@dataclass(frozen=True)
class Passage:
    """One passage of a quote: its characters [start, end) in the quote text, the boundary before
    it ('start', 'sent' for a sentence end, 'cut'), its words, each word's characters, and
    ``gaps``: the word positions where the outlet left words out ("the United States …. is over")."""

    start: int
    end: int
    boundary: str
    words: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    gaps: tuple[int, ...] = ()

    @cached_property
    def bag(self) -> Counter[str]:
        """Its words counted (a quick bound on what two passages can share)."""
        return Counter(self.words)

    @cached_property
    def content_words(self) -> int:
        """How many of its words are no function words ("At the same time": 2)."""
        return sum(not is_function_word(w) for w in self.words)

    @cached_property
    def prints(self) -> frozenset[int]:
        """Its fingerprints (``fingerprints``)."""
        return frozenset(fingerprints(self.words))

    def cut(self, at: int) -> tuple[Passage, Passage]:
        """The passage in two before its word ``at``; the second half follows a sentence end."""
        return (  # the first half ends with its last word: the comma before the cut is not a word
            Passage(self.start, self.spans[at - 1][1], self.boundary, self.words[:at], self.spans[:at],
                    tuple(g for g in self.gaps if g < at)),
            Passage(self.spans[at][0], self.end, "sent", self.words[at:], self.spans[at:],
                    tuple(g - at for g in self.gaps if g > at)),
        )


def passage_at(text: str, start: int, end: int, boundary: str,
               tokens: list[tuple[str, int, int]] | None = None, starts: list[int] | None = None) -> Passage:
    """The passage of ``text`` [start, end) (``tokens``: ``word_spans(text)``, and ``starts``: their
    first characters, if at hand: a quote of many passages is read once, not once a passage)."""
    tokens = tokens if tokens is not None else word_spans(text)
    starts = starts if starts is not None else [t[1] for t in tokens]
    first = bisect_left(starts, start)
    mine = tokens[first : bisect_left(starts, end)]
    # a gap: the words of the passage before the ellipsis
    gaps = tuple(sorted({bisect_left(starts, m.start()) - first
                         for m in _ELLIPSIS.finditer(text, start, end) if _goes_on(text, m)} - {0, len(mine)}))
    return Passage(start, end, boundary, tuple(w for w, _, _ in mine), tuple((a, b) for _, a, b in mine), gaps)


# --- words ---------------------------------------------------------------------------------------


@cache
def _lexicon() -> QuoteWords:
    return load_quote_words()


@lru_cache(maxsize=200_000)
def _written_out(raw: str) -> tuple[str, ...]:
    """One word as written → its normalised words: abbreviations and contractions written out,
    case, accents, dots and inner hyphens dropped."""
    lex = _lexicon()
    if raw in lex.abbreviations:
        return tuple(lex.abbreviations[raw].lower().split())
    word = unicodedata.normalize("NFKC", raw).replace("’", "'").replace("‘", "'").lower().replace(".", "")
    if word in lex.contractions:
        return tuple(lex.contractions[word].split())
    for ending, full in lex.contraction_endings.items():
        if word.endswith(ending) and len(word) > len(ending):
            return (word[: -len(ending)].replace("-", ""), full)
    return (word.replace("-", ""),) if word else ()


def word_spans(text: str) -> list[tuple[str, int, int]]:
    """The normalised words of ``text``, each with the characters of the word it comes from;
    bracketed insertions ("[the]", "[...]") are skipped."""
    out = []
    for m in _RAW_WORD.finditer(text):
        raw = m.group()
        if raw[0] != "[":
            start, end = m.span()
            for w in _written_out(raw):
                out.append((w, start, end))
    return out


def words(text: str) -> list[str]:
    """The words of a quote, as compared (see ``word_spans``)."""
    return [w for w, _, _ in word_spans(text)]


def is_function_word(word: str) -> bool:
    return word in _lexicon().function_words


# --- passages ------------------------------------------------------------------------------------


def _boundaries(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every cut and sentence end in ``text``, in order."""
    found = [(m.start(), m.end(), "cut") for m in _CUT.finditer(text) if not _goes_on(text, m)]
    for m in _STOP.finditer(text):
        # the words just before the dot only: the pattern's longest alternative is 4 letters and
        # a word boundary (the text before the window is still read for it)
        if m.group().startswith(".") and _NOT_AN_END.search(text, max(0, m.start() - 8), m.start()):
            continue
        if m.group() == ";" or _SENTENCE_START.match(text, m.end()):
            found.append((m.start(), m.end(), "sent"))
    return sorted(found)


def _goes_on(text: str, cut: re.Match[str]) -> bool:
    """Rule: an ellipsis inside a sentence ("open, … for every ship") is no boundary."""
    if not (_ELLIPSIS.fullmatch(cut.group()) and _GOES_ON_AFTER.match(text, cut.end())):
        return False
    before = cut.start()  # back over spaces and marks: a search from the text's start was quadratic
    while before > 0 and _SPACE_OR_MARK.match(text, before - 1):
        before -= 1
    return before > 0 and bool(_GOES_ON_BEFORE.match(text, before - 1))


_DOUBLE_MARK = re.compile(f"[{re.escape(DOUBLE_MARKS)}]")


def _quoted(text: str) -> list[bool]:
    """For each character of a mixed statement's text: is it inside quotation marks?  The text may
    start inside them (a closing mark comes first).  A mark closes the quotation its opening mark
    opened (``lexicons.quote_marks``: „…“ as well as “…”), and a straight mark turns it over."""
    marks = [(m.start(), m.group()) for m in _DOUBLE_MARK.finditer(text)]
    inside = bool(marks) and marks[0][1] in CLOSE_DOUBLE
    opening = "“"
    out, last = [False] * len(text), 0
    for pos, mark in marks:
        out[last:pos] = [inside] * (pos - last)
        if mark == STRAIGHT_DOUBLE:
            inside = not inside
        elif inside and closes(opening, mark):
            inside = False
        else:
            inside = mark in OPEN_DOUBLE
            opening = mark if inside else opening
        last = pos
    out[last:] = [inside] * (len(text) - last)
    return out


def _pieces(text: str) -> list[list]:
    """[start, end, boundary] of the pieces between boundaries, each with some word in it."""
    pieces, last, kind = [], 0, "start"
    for start, end, found in _boundaries(text) + [(len(text), len(text), "sent")]:
        if start < last:
            continue
        if re.search(r"\w", text[last:start]):
            # a sentence keeps its full stop; a cut is no part of either side
            pieces.append([last, end if found == "sent" else start, kind])
            kind = found
        elif _STRENGTH[found] > _STRENGTH[kind]:
            kind = found
        last = end
    return pieces


def _merge_short(pieces: list[list], counts: list[int]) -> list[list]:
    """Pieces of fewer than MIN_TOKENS words join the piece before them in the same run (a
    sentence end between them, no cut), else the one after it; alone in their run they stay."""
    pieces = [p + [n] for p, n in zip(pieces, counts, strict=True)]
    i = 0
    while i < len(pieces):
        start, end, kind, n = pieces[i]
        if n >= MIN_TOKENS:
            i += 1
        elif i > 0 and kind == "sent":
            pieces[i - 1][1], pieces[i - 1][3] = end, pieces[i - 1][3] + n
            del pieces[i]
        elif i + 1 < len(pieces) and pieces[i + 1][2] == "sent":
            pieces[i + 1][0], pieces[i + 1][2], pieces[i + 1][3] = start, kind, pieces[i + 1][3] + n
            del pieces[i]
        else:
            i += 1
    return [p[:3] for p in pieces]


def split_passages(text: str, kind: str = "direct") -> list[Passage]:
    """The passages of a statement's quote text (see the module's docstring)."""
    text = shadow_text(text)  # ''…'' as some newspapers print “…”, read as the extractor reads it
    tokens = word_spans(text)
    pieces = _pieces(text)
    if kind == "mixed" and _DOUBLE_MARK.search(text):
        inside = _quoted(text)
        pieces = [p for p in pieces if 2 * sum(inside[p[0] : p[1]]) > p[1] - p[0]]
    starts = [t[1] for t in tokens]
    counts = [bisect_left(starts, p[1]) - bisect_left(starts, p[0]) for p in pieces]
    out = []
    for start, end, boundary in _merge_short(pieces, counts):
        first = bisect_left(starts, start)
        start = tokens[first][1] if first < len(tokens) and tokens[first][1] < end else start  # no leading marks
        while end > start and not re.match(r"\w", text[end - 1]) and text[end - 1] not in ".!?":
            end -= 1  # trailing commas and spaces are not the speaker's words
        out.append(passage_at(text, start, end, boundary, tokens, starts))
    return out


# --- fingerprints --------------------------------------------------------------------------------


def _hash32(data: str) -> int:
    return int.from_bytes(hashlib.blake2b(data.encode(), digest_size=4).digest(), "little", signed=True)


def fingerprints(tokens: tuple[str, ...] | list[str]) -> set[int]:
    """Winnowed trigram hashes of a passage (none when it is too short to match): signed 32-bit."""
    if len(tokens) < MIN_TOKENS:
        return set()
    hashes = [_hash32(" ".join(tokens[i : i + SHINGLE])) for i in range(len(tokens) - SHINGLE + 1)]
    if len(hashes) <= WINDOW:
        return {min(hashes)}
    return {min(hashes[i : i + WINDOW]) for i in range(len(hashes) - WINDOW + 1)}


def statement_fingerprints(text: str, kind: str = "direct") -> list[int]:
    """The fingerprints of all passages of a quote, sorted: what the ``quote_bands`` index holds."""
    return passages_fingerprints(split_passages(text, kind))


def passages_fingerprints(passages: list[Passage]) -> list[int]:
    """The fingerprints of a quote's passages (``split_passages``), sorted."""
    found: set[int] = set()
    for p in passages:
        found |= p.prints
    return sorted(found)


# --- comparing -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Alignment:
    """Where the shorter of two word lists is found in the longer: ``matched`` words in order, in
    the longer's words [start, end) over ``spread`` words (what the shorter leaves out at a gap
    aside), and the words replaced on the way (shorter's, longer's)."""

    matched: int
    start: int
    end: int
    spread: int
    replaced: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]


def _align_run(short: Sequence[str], longer: SequenceMatcher[str], after: int) -> Alignment | None:
    """One run of words' best place in the longer (``longer``: a matcher holding it as its second
    sequence, from word ``after`` on): around their longest common run, in a window of the longer
    a little wider than the run (a word the two share far away is not part of the match)."""
    longer.set_seq1(short)  # the longer's index is kept: made once for all the runs, not once a run
    long_ = longer.b
    anchor = longer.find_longest_match(0, len(short), after, len(long_))
    if anchor.size == 0:
        return None
    reach = SLACK + len(short) // 2
    lo = max(after, anchor.b - anchor.a - reach)
    hi = min(len(long_), anchor.b + len(short) - anchor.a + reach)
    matcher = SequenceMatcher(None, short, long_[lo:hi], autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    start, end = lo + blocks[0].b, lo + blocks[-1].b + blocks[-1].size
    replaced = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "replace":
            continue
        j1, j2 = j1 + lo, j2 + lo
        # at an end, the shorter's words that differ meet as many words of the longer next to
        # the match: what lies further out is the longer trimmed, not replaced
        if j2 <= start:
            j1 = max(j1, j2 - (i2 - i1))
        elif j1 >= end:
            j2 = min(j2, j1 + (i2 - i1))
        replaced.append((tuple(short[i1:i2]), tuple(long_[j1:j2])))
    return Alignment(sum(b.size for b in blocks), start, end, end - start, tuple(replaced))


def _verbatim(short: Sequence[str], long_: Sequence[str], cuts: list[int]) -> Alignment | None:
    """Rule for passages beyond LONG_PASSAGE words: each run of the shorter (between ``cuts``)
    found word for word in the longer, one after the other; no word replaced, none left out."""
    joined = " " + " ".join(long_) + " "  # (a normalised word holds no space)
    starts, at = [], 1
    for w in long_:
        starts.append(at)
        at += len(w) + 1
    found: list[tuple[int, int]] = []  # each run's words [start, end) in the longer
    after = 0
    for a, b in zip(cuts, cuts[1:], strict=False):
        needle = " " + " ".join(short[a:b]) + " "
        hit = joined.find(needle, after)
        if hit < 0:
            return None
        first = bisect_left(starts, hit + 1)
        found.append((first, first + b - a))
        after = hit + len(needle) - 1  # the next run may start at this one's closing space
    return Alignment(len(short), found[0][0], found[-1][1], len(short), ())


def align(short: Sequence[str], long_: Sequence[str], gaps: Sequence[int] = ()) -> Alignment | None:
    """The shorter list's best place in the longer; the runs of the shorter between its ``gaps``
    are found one after the other, in order (the words left out at a gap are no difference)."""
    cuts = [0, *gaps, len(short)]
    if len(long_) > LONG_PASSAGE:
        return _verbatim(short, long_, cuts)
    found: list[Alignment] = []
    longer = SequenceMatcher(None, b=long_, autojunk=False)
    for a, b in zip(cuts, cuts[1:], strict=False):
        run = _align_run(short[a:b], longer, found[-1].end if found else 0)
        if run is not None:
            found.append(run)
    if not found:
        return None
    return Alignment(sum(f.matched for f in found), found[0].start, found[-1].end, sum(f.spread for f in found),
                     tuple(r for f in found for r in f.replaced))


def _spelled_alike(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    matcher = SequenceMatcher(None, "".join(a), "".join(b), autojunk=False)
    return matcher.real_quick_ratio() >= SPELLING and matcher.quick_ratio() >= SPELLING and matcher.ratio() >= SPELLING


def _grammar_only(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return all(is_function_word(w) for w in a + b)


Words = Sequence[str] | Passage


def _words(x: Words) -> tuple[Sequence[str], tuple[int, ...], Counter[str]]:
    return (x.words, x.gaps, x.bag) if isinstance(x, Passage) else (x, (), Counter(x))


def relation(a: Words, b: Words) -> str | None:
    """'same' (the same words, one possibly trimmed), 'translation' (another wording of the same
    words) or None: the rules in the module's docstring.  ``a`` and ``b`` are passages or word
    lists (a passage's gaps are words its outlet left out, and no difference)."""
    x, y = _words(a), _words(b)
    if len(x[0]) > len(y[0]):
        x, y = y, x
    (short, gaps, short_bag), (long_, _, long_bag) = x, y
    if len(short) < MIN_TOKENS:
        return None
    # a bound first: the words the two have in common, in any order
    common = sum(min(n, long_bag[w]) for w, n in short_bag.items())
    if common < CONTAINED * len(short) and common < TRANSLATION_COVER * len(long_):
        return None
    found = align(short, long_, gaps)
    if found is None or found.spread > SPREAD * len(short) + SLACK:
        return None
    content_changed = any(not _grammar_only(x, y) and not _spelled_alike(x, y) for x, y in found.replaced)
    if found.matched >= CONTAINED * len(short) and not content_changed:
        return "same"
    if len(short) < TRANSLATION_MIN_TOKENS or found.matched < TRANSLATION_COVER * len(long_):
        return None  # (covering the longer, it covers the shorter too: both render the same words)
    shared_content = {w for w in set(short) & set(long_[found.start : found.end]) if not is_function_word(w)}
    if content_changed and len(shared_content) >= TRANSLATION_CONTENT:
        return "translation"
    return None


def contained_at(short: Passage, long_: Passage) -> tuple[int, int] | None:
    """Where ``short`` is found in ``long_`` as the same words (its words [start, end)), or None."""
    if len(short.words) > len(long_.words) or relation(short, long_) != "same":
        return None
    found = align(short.words, long_.words, short.gaps)
    return (found.start, found.end) if found else None


def same_words(a: Words, b: Words) -> bool:
    """Whether two passages are the same words (one possibly trimmed)."""
    return relation(a, b) == "same"
