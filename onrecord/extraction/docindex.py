"""Per-Doc indexes, computed once and shared by every stage, so that no stage walks the whole Doc
per statement (issue 13: the pipeline's cost must grow with the article, not its square).

spaCy computes some Doc views afresh at every access: ``Doc.text`` joins every token,
``Doc.sents`` walks every token, ``Doc.ents`` builds a Span per entity, ``Span.as_doc`` copies
the whole Doc's arrays.  Asked once per statement, each makes the stage quadratic.  The index
holds them as plain data (offsets, never objects of another Doc), built on first use and kept in
``doc._.index`` (declared in ``extensions.py``):

* ``doc_text(doc)``: the text, joined once;
* the sentences: ``install_sentence_hooks`` puts spaCy's own ``user_hooks`` (the documented way to
  give a Doc its sentences: https://spacy.io/usage/processing-pipelines#custom-components-user-hooks)
  on the Doc, so ``doc.sents``, ``span.sent``, ``span.sents`` and ``token.sent`` read the
  sentence starts found once, by bisection, and give the Spans spaCy's own code gives;
* ``token_at(doc, char)``: the token at a character offset, by bisection;
* ``tokens_spelled(doc, spelling)``: the tokens so spelled, by bisection over a column sorted once;
* ``paragraph_bounds(doc)``: ``quotes.paragraphs`` of the text;
* ``entities(doc)`` and ``entity_at(doc, i)``: ``doc.ents`` once, and the entity of each token;
* ``span_doc(span)``: ``span.as_doc()`` from the attribute array and the entities, read once;
  ``cut_doc(spans)``: several spans joined as ``Doc.from_docs`` of their ``span_doc``;
* ``word_starts(doc)``: where each word starts, by word (``whole_word_occurrences`` and
  ``standalone_occurrences`` of a name);
* ``line_bounds(doc, char)``: the line that holds an offset, by bisection over the line breaks;
* ``once(doc, key, compute)``: any other answer a stage asks of the Doc for every statement;
* ``quotes_over(doc, quotes, start, end)`` and ``quote_ends(doc, quotes)``: the quotations that
  overlap a range, and where quotations end, from the quotations sorted once.

The index is valid for the Doc's tokens and annotation as they are when it is first asked for:
our stages run after the model and change neither tokens, sentences nor entities.  It is dropped
with the other object-holding extensions (``drop_index``, with ``extensions.drop_objects``) before a
Doc travels between processes.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import numpy
from spacy.attrs import ENT_IOB, HEAD, IDX, SENT_START
from spacy.tokens import Doc, Span, Token

from onrecord.extraction import extensions  # noqa: F401  (declares doc._.index)
from onrecord.extraction.heads import absolute_heads, rewire_heads
from onrecord.extraction.quotes import QuoteSpan, paragraphs

T = TypeVar("T")
LINE_BREAK = re.compile("\n")
WORD = re.compile(r"\w+")


class DocIndex:
    """The views of one Doc, each computed on first use: offsets and token indices, and the
    sentence and entity Spans, which a copy of the index leaves behind."""

    def __init__(self, doc: Doc) -> None:
        self.length = len(doc)
        self.text: str = doc.text
        self._token_starts: list[int] | None = None
        self._sent_starts: list[int] | None = None
        self._sents: list[Span] | None = None
        self._paragraphs: list[tuple[int, int]] | None = None
        self._ents: list[Span] | None = None
        self._ent_of: list[int] | None = None
        self._ent_starts: list[int] | None = None
        self._array: tuple[list[int], Any] | None = None
        self._quotes: tuple[int, list[int], list[int]] | None = None
        self._quote_index: QuoteIndex | None = None
        self._runs: dict[str, list[int]] = {}
        self._words: dict[str, list[int]] | None = None
        self._person_words: frozenset[str] | None = None
        self._columns: dict[str, tuple[Any, Any]] = {}
        self._distinct: dict[str, list[tuple[str, int, int]]] = {}
        self._answers: dict[Any, Any] = {}  # ``once``: a stage's own per-Doc answers

    def __getstate__(self) -> dict[str, Any]:
        # the Spans are views of one Doc (spaCy will not copy or pickle them): a copy of the Doc
        # (Doc.copy deep-copies user_data) builds its own again
        return {**self.__dict__, "_sents": None, "_ents": None}

    def fits(self, doc: Doc) -> bool:
        return self.length == len(doc)

    def token_starts(self, doc: Doc) -> list[int]:
        if self._token_starts is None:
            # the IDX column, not a Token made per word to ask its idx
            self._token_starts = doc.to_array([IDX]).ravel().tolist() if len(doc) else []
        return self._token_starts

    def sent_starts(self, doc: Doc) -> list[int]:
        if self._sent_starts is None:
            # what Doc.sents reads: the first token and every later token whose sent_start is 1
            flags = doc.to_array([SENT_START])
            self._sent_starts = [0, *(int(i) + 1 for i in numpy.flatnonzero(flags[1:] == 1))] if len(doc) else []
        return self._sent_starts

    def sorted_column(self, doc: Doc, attr: str) -> tuple[Any, Any]:
        """The token indices ordered by the column ``attr`` (``ORTH``, ``LOWER``: fixed once the
        text is tokenized; ``LEMMA``: once the model has run) and the column's values in that order."""
        if attr not in self._columns:
            column = doc.to_array(attr)
            order = numpy.argsort(column, kind="stable")
            self._columns[attr] = (order, column[order])
        return self._columns[attr]

    def distinct(self, doc: Doc, attr: str) -> list[tuple[str, int, int]]:
        """Each distinct value of the column ``attr`` as its string, with the range of
        ``sorted_column``'s order that holds its tokens (``LEMMA`` too: the model's, set before
        our stages ask)."""
        if attr not in self._distinct:
            _, values = self.sorted_column(doc, attr)
            firsts = numpy.flatnonzero(numpy.r_[True, values[1:] != values[:-1]]).tolist()
            strings = doc.vocab.strings
            keys = values[firsts].tolist()  # plain ints, not a numpy scalar read per value
            self._distinct[attr] = [(strings[key], a, b)
                                    for key, a, b in zip(keys, firsts, [*firsts[1:], len(values)], strict=True)]
        return self._distinct[attr]

    def sents(self, doc: Doc) -> list[Span]:
        if self._sents is None:
            if not doc.has_annotation("SENT_START"):
                return list(doc.sents)  # spaCy's own error: no sentence boundaries yet
            starts = self.sent_starts(doc)
            ends = starts[1:] + [len(doc)]
            self._sents = [Span(doc, s, e) for s, e in zip(starts, ends, strict=True)]
            install_sentence_hooks(doc)
        return self._sents


# where spaCy keeps ``doc._.index`` (an Underscore's key: "._.", the name, no start, no end): read
# there directly, as every stage asks for the index many times per statement and ``doc._`` makes
# an Underscore object at each access
INDEX_KEY = ("._.", "index", None, None)
QUOTES_KEY = ("._.", "quotes", None, None)


def index_of(doc: Doc) -> DocIndex:
    """The Doc's index, built on first use."""
    index: DocIndex | None = doc.user_data.get(INDEX_KEY)
    if index is None or not index.fits(doc):
        index = DocIndex(doc)
        doc._.index = index
        install_sentence_hooks(doc)
    return index


def once(doc: Doc, key: Any, compute: Callable[[], T]) -> T:
    """``compute()``, once per Doc and ``key`` (kept with the index, and dropped with it; do not
    change the answer): what a stage asks of the same words for every statement."""
    answers = index_of(doc)._answers
    if key not in answers:
        answers[key] = compute()
    return answers[key]  # type: ignore[no-any-return]


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc."""
    return index_of(doc).text


def index_of_sentence(doc: Doc, i: int) -> int:
    """The number of the sentence that holds token ``i`` (the last one for ``i`` past the end)."""
    return max(bisect_right(index_of(doc).sent_starts(doc), i) - 1, 0)


def sentences(doc: Doc) -> list[Span]:
    """``list(doc.sents)``, built once per Doc (do not change the list)."""
    return index_of(doc).sents(doc)


def sentence_of(doc: Doc, i: int) -> Span:
    """The sentence of token ``i``: what ``doc[i].sent`` gives."""
    sents = sentences(doc)
    return sents[index_of_sentence(doc, i)] if sents else doc[0:0]


# --- spaCy's sentence hooks, read from the index ------------------------------------------------
# Module-level functions (not closures), so a Doc that keeps them still pickles.


def _doc_sents(doc: Doc) -> Iterator[Span]:
    return iter(sentences(doc))


def _span_sent(span: Span) -> Span:
    # Span.sent: the sentence of the span's first token
    return sentence_of(span.doc, span.start)


def _span_sents(span: Span) -> Iterator[Span]:
    # Span.sents: from the sentence of the first token, every sentence that starts before the
    # span ends (the first one always, even for an empty span)
    doc = span.doc
    sents = sentences(doc)
    if not sents:
        return
    k = index_of_sentence(doc, span.start)
    yield sents[k]
    for sent in sents[k + 1 :]:
        if sent.start >= span.end:
            break
        yield sent


def _token_sent(token: Token) -> Span:
    return sentence_of(token.doc, token.i)


SENTENCE_HOOKS = (("user_hooks", "sents", _doc_sents), ("user_span_hooks", "sent", _span_sent),
                  ("user_span_hooks", "sents", _span_sents), ("user_token_hooks", "sent", _token_sent))


def install_sentence_hooks(doc: Doc) -> None:
    """Make ``doc.sents``, ``span.sent``, ``span.sents`` and ``token.sent`` read the index (the
    parse must be done: the sentences are the parser's, found once)."""
    if len(doc) and doc.has_annotation("SENT_START"):
        for table, name, hook in SENTENCE_HOOKS:
            getattr(doc, table)[name] = hook


def remove_sentence_hooks(doc: Doc) -> None:
    for table, name, hook in SENTENCE_HOOKS:
        hooks = getattr(doc, table)
        if hooks.get(name) is hook:
            del hooks[name]


# --- characters, paragraphs, entities -------------------------------------------------------------


def token_starts(doc: Doc) -> list[int]:
    """Every token's ``idx``, in order, once per Doc (do not change the list)."""
    return index_of(doc).token_starts(doc)


def token_at(doc: Doc, char: int) -> int:
    """The index of the token that holds (or, in the whitespace after it, precedes) character
    ``char``; 0 before the first token."""
    return max(bisect_right(index_of(doc).token_starts(doc), char) - 1, 0)


def tokens_spelled(doc: Doc, spelling: str, *, lower: bool = False) -> list[Token]:
    """The tokens whose ``text`` is ``spelling`` (``lower``: whose ``lower_`` is, ``spelling``
    given in lower case), in order: looked up by the spelling's hash in the Doc's ``ORTH`` (or
    ``LOWER``) column, sorted once per Doc, instead of a walk that makes every token or a search
    of the whole text per spelling (a long article's many first names made either quadratic)."""
    if not spelling or not len(doc):
        return []
    order, values = index_of(doc).sorted_column(doc, "LOWER" if lower else "ORTH")
    key = numpy.uint64(doc.vocab.strings[spelling])  # the hash, whether or not the store holds it
    lo, hi = numpy.searchsorted(values, key, side="left"), numpy.searchsorted(values, key, side="right")
    return [doc[i] for i in sorted(order[lo:hi].tolist())]


def tokens_with(doc: Doc, attr: str, test: Callable[[str], bool]) -> list[Token]:
    """The tokens whose ``attr`` string ("ORTH", "LOWER", "LEMMA") passes ``test``, in order: the
    Doc's column read as one array and each distinct string tested once, instead of a walk that
    makes a Token of every word to ask it."""
    if not len(doc):
        return []
    index = index_of(doc)  # the column sorted and its strings read once per Doc, for every test
    order, _ = index.sorted_column(doc, attr)
    picked = [order[a:b] for string, a, b in index.distinct(doc, attr) if test(string)]
    return [doc[int(i)] for i in numpy.sort(numpy.concatenate(picked))] if picked else []


def text_with_ws(span: Span) -> str:
    """``span.text_with_ws`` (its tokens' text, with the whitespace after the last one) cut from
    the text joined once, instead of joined token by token."""
    if not len(span):
        return ""
    doc = span.doc
    index = index_of(doc)
    end = index.token_starts(doc)[span.end] if span.end < len(doc) else len(index.text)
    return index.text[span.start_char : end]


def paragraph_bounds(doc: Doc) -> list[tuple[int, int]]:
    """``quotes.paragraphs(doc.text)``, once per Doc (do not change the list)."""
    index = index_of(doc)
    if index._paragraphs is None:
        index._paragraphs = paragraphs(index.text)
    return index._paragraphs


def paragraph_number(doc: Doc, offset: int) -> int:
    """The number of the paragraph (``paragraph_bounds``) that starts last at or before an
    offset, by bisection over the starts found once per Doc; -1 before the first."""
    starts = once(doc, "paragraph starts", lambda: [s for s, _ in paragraph_bounds(doc)])
    return bisect_right(starts, offset) - 1


def entities(doc: Doc) -> list[Span]:
    """``list(doc.ents)``, once per Doc (do not change the list)."""
    index = index_of(doc)
    if index._ents is None:
        index._ents = list(doc.ents)
    return index._ents


def person_name_words(doc: Doc) -> frozenset[str]:
    """Every word of every PERSON entity, once per Doc."""
    index = index_of(doc)
    if index._person_words is None:
        index._person_words = frozenset(w for e in entities(doc) if e.label_ == "PERSON" for w in e.text.split())
    return index._person_words


def entities_within(doc: Doc, start: int, end: int) -> list[Span]:
    """The entities wholly inside tokens ``start``..``end``, in order: ``[e for e in doc.ents if
    start <= e.start and e.end <= end]`` by bisection."""
    index = index_of(doc)
    ents = entities(doc)
    if index._ent_starts is None:
        index._ent_starts = [e.start for e in ents]
    k = bisect_left(index._ent_starts, start)
    out = []
    while k < len(ents) and ents[k].start < end:  # entities do not overlap: sorted by start and end
        if ents[k].end <= end:
            out.append(ents[k])
        k += 1
    return out


def entity_at(doc: Doc, i: int) -> Span | None:
    """The entity that holds token ``i``, or None."""
    index = index_of(doc)
    if index._ent_of is None:
        ent_of = [-1] * len(doc)
        for k, ent in enumerate(entities(doc)):
            for j in range(ent.start, ent.end):
                ent_of[j] = k
        index._ent_of = ent_of
    k = index._ent_of[i] if 0 <= i < len(index._ent_of) else -1
    return entities(doc)[k] if k >= 0 else None


def doc_array(doc: Doc) -> tuple[list[int], Any]:
    """The attribute array ``Span.as_doc`` copies from, made once (do not change it)."""
    index = index_of(doc)
    if index._array is None:
        head = doc._get_array_attrs()
        index._array = (head, doc.to_array(head))
    return index._array


def break_runs(doc: Doc, pattern: re.Pattern[str]) -> list[int]:
    """Where each match of ``pattern`` starts in the text, found once per Doc and pattern."""
    index = index_of(doc)
    if pattern.pattern not in index._runs:
        index._runs[pattern.pattern] = [m.start() for m in pattern.finditer(index.text)]
    return index._runs[pattern.pattern]


def word_starts(doc: Doc) -> dict[str, list[int]]:
    """Where each word (a maximal run of ``\\w`` characters) starts in the text, by word, in
    order: found once per Doc (do not change it)."""
    index = index_of(doc)
    if index._words is None:
        index._words = {}
        for m in WORD.finditer(index.text):
            index._words.setdefault(m.group(), []).append(m.start())
    return index._words


def whole_word_occurrences(doc: Doc, name: str) -> list[int]:
    """``[m.start() for m in re.finditer(rf"\\b{re.escape(name)}\\b", text)]``, without a pass over
    the whole text per name: a match starts where a word starts that is the name's first word
    (``word_starts``), and is checked there; one that starts inside the last match is
    skipped, as ``finditer`` skips it."""
    pattern = re.compile(rf"\b{re.escape(name)}\b")
    text = doc_text(doc)
    first = re.match(r"\w+", name)
    if first is None:  # a name that starts with a mark: no word to look it up by
        return [m.start() for m in pattern.finditer(text)]
    out: list[int] = []
    end = 0
    for start in word_starts(doc).get(first.group(), []):
        if start >= end and (m := pattern.match(text, start)) is not None:
            out.append(start)
            end = m.end()
    return out


def standalone_occurrences(doc: Doc, name: str) -> list[tuple[int, int]]:
    """``[m.span() for m in re.finditer(rf"(?<!\\w){re.escape(name)}(?!\\w)", text)]`` (a name not
    inside a longer word, though it may end in a mark: "Jr."), looked for only where a word starts
    that is the name's first word, as ``whole_word_occurrences``: a pass over the whole text per
    name made a long article's people quadratic."""
    pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
    text = doc_text(doc)
    first = re.match(r"\w+", name)
    if first is None:  # a name that starts with a mark: no word to look it up by
        return [m.span() for m in pattern.finditer(text)]
    out: list[tuple[int, int]] = []
    end = 0
    for start in word_starts(doc).get(first.group(), []):
        if start >= end and (m := pattern.match(text, start)) is not None:  # the look-behind sees before start
            out.append(m.span())
            end = m.end()
    return out


def _span_copy(span: Span) -> Doc:
    """The tokens and annotation of ``span`` as a new Doc: what ``Span.as_doc`` copies from the
    Doc's attribute array (spaCy 3.8, step by step), without its vector, hooks and categories.
    The words are cut from the text joined once (a token's text is the text from its ``idx`` for
    its ``LENGTH``; ``SPACY`` says whether a space follows), not asked of a Token each."""
    doc = span.doc
    head, full = doc_array(doc)
    array = full[span.start : span.end].copy()
    text = index_of(doc).text
    starts = token_starts(doc)[span.start : span.end]
    words = [text[s : s + n] for s, n in zip(starts, array[:, 0].tolist(), strict=True)]  # head[0] is LENGTH
    out = Doc(doc.vocab, words=words, spaces=[bool(x) for x in array[:, 1].tolist()])  # head[1] is SPACY
    # spaCy's span._fix_dep_copy(head, array), over the heads read once, not a Token per word
    rewire_heads(once(doc, "absolute heads", lambda: absolute_heads(full[:, head.index(HEAD)])),
                 span.start, span.end, head, array)
    if len(array) > 0 and ENT_IOB in head:
        column = head.index(ENT_IOB)
        if array[0][column] == 1:
            array[0][column] = 3  # an entity's inside token opening the span begins it
    out.from_array(head, array)
    inside = {(e.start, e.end) for e in entities_within(doc, span.start, span.end)}
    out_ents = out.ents
    if len(out_ents) > 0:
        if (out_ents[0].start + span.start, out_ents[0].end + span.start) not in inside:
            out.set_ents([], missing=[out_ents[0]], default="unmodified")
        if (out_ents[-1].start + span.start, out_ents[-1].end + span.start) not in inside:
            out.set_ents([], missing=[out_ents[-1]], default="unmodified")
    return out


def span_doc(span: Span) -> Doc:
    """``span.as_doc()`` (spaCy 3.8's ``Span.as_doc``, step by step) from the index: the article's
    attribute array and its entities are read once per Doc, where ``as_doc`` reads the whole Doc's
    array and every entity of the Doc at each call.  The span's rows are copied, their heads
    rewired into the span (as spaCy's ``_fix_dep_copy`` does: ``heads.rewire_heads``), and an
    entity cut by the span's edges is left unannotated, as ``as_doc`` leaves it."""
    doc = span.doc
    out = _span_copy(span)
    out.noun_chunks_iterator = doc.noun_chunks_iterator
    out.user_hooks = doc.user_hooks
    out.user_span_hooks = doc.user_span_hooks
    out.user_token_hooks = doc.user_token_hooks
    out.vector = span.vector
    out.vector_norm = span.vector_norm
    out.tensor = doc.tensor[span.start : span.end]
    for key, value in doc.cats.items():
        if hasattr(key, "__len__") and len(key) == 3 and key[0] == span.start_char and key[1] == span.end_char:
            out.cats[key[2]] = value
    return out


def cut_doc(spans: list[Span]) -> Doc:
    """``Doc.from_docs([span_doc(s) for s in spans], ensure_whitespace=True)``: the spans of one
    Doc as one new Doc.  ``from_docs`` copies each part's annotation into a fresh Doc and keeps
    none of its vector, hooks or categories, so one span is copied straight into a fresh Doc
    (``from_docs`` made a second copy of each statement, half the time of cutting it)."""
    if len(spans) != 1:
        return Doc.from_docs([span_doc(s) for s in spans], ensure_whitespace=True)
    span = spans[0]
    out = _span_copy(span)
    tensor = span.doc.tensor
    if len(span) and tensor.size:  # from_docs stacks the parts' rows, as a new array
        out.tensor = tensor[span.start : span.end].copy()
    return out


def drop_index(doc: Doc) -> None:
    """Forget the index and its hooks (before the Doc is pickled)."""
    doc._.index = None
    remove_sentence_hooks(doc)




def line_bounds(doc: Doc, offset: int) -> tuple[int, int]:
    """``(text.rfind("\\n", 0, offset) + 1, text.find("\\n", offset))`` (the end ``len(text)``
    when no line break follows): the line around ``offset``, by bisection over the line breaks."""
    breaks = break_runs(doc, LINE_BREAK)
    k = bisect_left(breaks, offset)
    return (breaks[k - 1] + 1 if k > 0 else 0), (breaks[k] if k < len(breaks) else len(index_of(doc).text))


class QuoteIndex:
    """One list of quotations sorted by start once (with the longest one's length, how far back a
    quotation that reaches a range can start) and the set of their ends."""

    def __init__(self, quotes: list[QuoteSpan]) -> None:
        self.key = (id(quotes), len(quotes))
        order = sorted(range(len(quotes)), key=lambda k: quotes[k].start)
        self.quotes = quotes
        self.order = order
        self.starts = [quotes[k].start for k in order]
        self.longest = max((q.end - q.start for q in quotes), default=0)
        self.ends = {q.end for q in quotes}


def quote_index(doc: Doc, quotes: list[QuoteSpan]) -> QuoteIndex:
    index = index_of(doc)
    if index._quote_index is None or index._quote_index.key != (id(quotes), len(quotes)):
        index._quote_index = QuoteIndex(quotes)
    return index._quote_index


def quotes_over(doc: Doc, quotes: list[QuoteSpan], start: int, end: int) -> list[QuoteSpan]:
    """``[q for q in quotes if q.start < end and start < q.end]`` (in the list's order), looking
    only at quotations that start within the longest one's length before ``start``."""
    qi = quote_index(doc, quotes)
    lo, hi = bisect_right(qi.starts, start - qi.longest), bisect_left(qi.starts, end)
    picked = sorted(qi.order[j] for j in range(lo, hi) if start < quotes[qi.order[j]].end)
    return [quotes[k] for k in picked]


def quote_ends(doc: Doc, quotes: list[QuoteSpan]) -> set[int]:
    """``{q.end for q in quotes}``, once per list (do not change the set)."""
    return quote_index(doc, quotes).ends


def in_quotes(doc: Doc, offset: int) -> bool:
    """Whether character ``offset`` is inside a quotation of ``doc._.quotes`` (marks included):
    ``any(q.start <= offset < q.end for q in doc._.quotes)`` by bisection."""
    quotes = doc.user_data.get(QUOTES_KEY) or []  # doc._.quotes, without an Underscore per call
    index = index_of(doc)
    if index._quotes is None or index._quotes[0] != id(quotes) or len(index._quotes[1]) != len(quotes):
        spans = sorted((q.start, q.end) for q in quotes)
        reach, furthest = [], -1
        for _, end in spans:  # the furthest end of any quotation that starts at or before each start
            furthest = max(furthest, end)
            reach.append(furthest)
        index._quotes = (id(quotes), [s for s, _ in spans], reach)
    _, starts, reach = index._quotes
    k = bisect_right(starts, offset) - 1
    return k >= 0 and reach[k] > offset
