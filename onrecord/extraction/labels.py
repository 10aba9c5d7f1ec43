"""Speaker labels: "Secretary of State Marco Rubio: “…”", "WALLACE: If I may, sir, …",
"President of Russia Vladimir Putin: Colleagues, …".

Transcripts, official read-outs and quote round-ups put the speaker's name before a colon at the
start of a paragraph instead of using a speech verb.  Rules, each a function below:
1. ``speaker_label``: a paragraph opens with a short run of capitalised words (a name, a title
   and a name, or a name in capitals) ending in a colon; not a heading word ("Note:", "Update:"),
   not a time ("9:30"), not a place alone ("WASHINGTON:"), and no verb in it ("He said:" is a
   speech cue, handled by the cue rules); the label opens its paragraph (``opens_paragraph``) and
   names someone who can speak (``names_a_speaker``), not a section ("Flashback:") or a heading;
2. the words after the colon, to the end of the paragraph, are the speaker's own, its cue the
   colon: a ``direct`` statement when they are quoted (a round-up of quotes); a transcript turn
   is verbatim but unmarked, and since kinds follow the quotation marks it is ``indirect`` with
   the cue class ``transcript``;
3. ``transcript_turns``: a turn that is not itself a quotation (a transcript, not a round-up of
   quotes) goes on over the next paragraphs that have no label and no statement of their own,
   until the next label; a headline in title case after a label ("Brooks: Rubio Did Well In …",
   ``headline_case``) opens no turn;
4. a label of the questioner ("Q:", "QUESTION:", or a bare "Q" opening a paragraph) ends a turn
   but names no one;
5. ``inline_labels``: a transcript whose paragraphs were run together (a page scraped into one
   block: "… from Washington and Brussels. Foreign Minister Sergei Lavrov: Mr President, …") has its
   labels at sentence starts; a label there that names a person (a PERSON entity in it) starts a
   turn as a paragraph's label would, and a questioner's ("… next steps. Question: Good
   afternoon, …") ends the turn before it;
6. ``own_words``: a paragraph of a turn that holds statements of its own goes on with the turn
   when those statements' speakers are the first person ("I think …", "we will …") or no one:
   they are the turn speaker's words; a statement with another speaker ("Lavrov said …") is
   narration, and ends the turn, except in a transcript (``is_transcript``: unquoted turns of
   two or more speakers), where a turn runs to the next label (the last turn, which no label
   bounds, ends at narration there too: an exchange quoted in an article, then the writer's own);
7. ``turn_pieces``: a turn run together into one long block is cut at sentence ends;
8. ``without_inline_notes``: the transcriber's bracketed notes inside a turn ("… Do you agree
   with this? (Antonio Guterres noted that …)") are not the speaker's words;
9. ``says_words``: a tally after a label ("Clinton: 1,769.") says nothing;
10. ``section_heading``: a short paragraph in capitals ends a turn: the page's next section;
11. an interview's one-letter labels ("Q: …", "A: …") name no one: its answers are the
   interviewee's turns and its questions end them (``interviews``);
12. ``with_period_labels``: a transcript's label in capitals typed with a period for its colon
   ("PRESIDENT TRUMP. Yeah.") is a label when the transcript uses it with a colon elsewhere.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Span, Token

from onrecord.extraction.docindex import QUOTES_KEY, doc_text, entities_within, quotes_over, token_at
from onrecord.extraction.found import Found
from onrecord.extraction.intervals import Ranges
from onrecord.extraction.interviews import InterviewLayout, asked_of_interviewee, interview_layout
from onrecord.extraction.speaker_classes import speaker_class
from onrecord.extraction.turn_words import (
    OPENING_MARKS,
    headline_case,
    says_words,
    section_heading,
    stage_direction,
    trimmed,
    turn_parts,
    without_inline_notes,
)
from onrecord.lexicons.given_names import load_given_names
from onrecord.lexicons.quote_marks import ALL_MARKS
from onrecord.lexicons.speaker_nouns import load_speaker_nouns
from onrecord.lexicons.title_words import COUNTRIES, OF_WORDS, TITLE_WORDS

MAX_LABEL_CHARS = 120
MAX_NAME_TOKENS = 12
MAX_TURN_PARAGRAPHS = 40
# words that open a paragraph with a colon but are not speakers
NOT_SPEAKERS = {
    "note", "notes", "update", "updated", "source", "sources", "photo", "photos", "image", "video", "watch",
    "listen", "read", "related", "see", "also", "correction", "clarification", "disclaimer", "warning",
    "caption", "editor", "editors", "transcript", "summary", "background", "context", "topic", "topics",
    "subject", "date", "time", "location", "place", "venue", "where", "when", "what", "why", "how", "who",
    "tags", "keywords", "contact", "email", "phone", "website", "follow", "share", "credit", "credits",
    "agenda", "answer", "a", "step", "part", "chapter", "section", "example", "examples",
    "result", "results", "breaking", "exclusive", "analysis", "opinion", "live", "latest", "quote", "quotes",
}
QUESTIONER = {"q", "question", "audience member", "reporter", "questioner"}
FIRST_PERSON = {"i", "we", "me", "us"}
SENTENCE_ENDS = (".", "!", "?", "…")
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}  # a finite verb makes a clause, not a heading
CONNECTORS = {"of", "the", "and", "for", "de", "von", "van", "al", "bin", "’s", "'s", "-", "."}
TITLE_LINKS = {"of", "the", "for"}  # the small words inside a title ("President of the Russian Federation")
LABEL_RE = re.compile(rf"\s*([^:\n]{{1,{MAX_LABEL_CHARS}}}?):\s")
# a bracketed note in lower case between a label and its colon ("Question(retranslated):",
# "Viktor Orban (through an interpreter):"): a transcript's note on the turn, not part of the
# name (the context rules read whether it says the turn was translated)
LABEL_NOTE = re.compile(r"\s*\([a-z][^()]*\)\s*$")


def _label_tokens(doc: Doc, para_start: int, colon: int) -> Span | None:
    """The capitalised words right before the colon (walking back over names, titles and the
    small words inside titles: "President of Russia Vladimir Putin")."""
    span = doc.char_span(para_start, colon, alignment_mode="contract")
    if span is None or not len(span):
        return None
    start = span.end
    for token in reversed(span):
        word = token.text
        if word[:1].isupper() or word.lower() in CONNECTORS or (word.isupper() and word.isalpha()):
            start = token.i
            continue
        if word.lower() == "to" and token.i > span.start and doc[token.i - 1].lower_ in TITLE_WORDS:
            start = token.i  # "Aide to the President Yury Ushakov": one title
            continue
        break
    while start < span.end and doc[start].lower_ in CONNECTORS:
        start += 1  # a name does not begin with "of the"
    if start >= span.end or span.end - start > MAX_NAME_TOKENS:
        return None
    return doc[start : span.end]


def speaker_label(doc: Doc, para_start: int, para_end: int) -> tuple[Span, int] | None:
    """Rule 1: the label's words and the colon's offset, or None."""
    text = doc_text(doc)
    m = LABEL_RE.match(text, para_start, para_end)
    if m is None:
        return None
    colon = m.end(1)
    note = LABEL_NOTE.search(text, para_start, colon)
    label = _label_tokens(doc, para_start, colon if note is None else note.start())
    if label is None:
        return None
    words = label.text.lower().replace("’s", "").replace("'s", "").split()
    if not words or words[0] in NOT_SPEAKERS or " ".join(words) in NOT_SPEAKERS:
        return None
    if any(t.pos_ in {"VERB", "AUX"} and not t.text[:1].isupper() for t in label):
        return None  # "He said:": a speech cue, not a label
    if any(t.like_num for t in label):
        return None
    if all(t.ent_type_ in {"GPE", "LOC", "DATE", "TIME"} for t in label if t.is_alpha):
        return None  # a dateline ("WASHINGTON:") or a date
    questioner = label.text.lower().strip() in QUESTIONER  # rule 4: a label, though it names no one
    if not opens_paragraph(doc, para_start, label) or not (questioner or names_a_speaker(label)):
        return None
    return after_heading(doc, para_start, label), colon


def opens_paragraph(doc: Doc, para_start: int, label: Span) -> bool:
    """Rule 1a: the label opens its paragraph (after a bullet, an opening quotation mark or the
    article of a title at most, or a heading glued before it that ends a sentence); capitalised
    words before a colon in the middle of a sentence ("… the story of Copenhagen: In 2009 …") are no label."""
    before = doc_text(doc)[para_start : label.start_char].strip(" \t\u00a0-–—•*" + OPENING_MARKS)
    # the article a transcript writes before a title ("THE PRESIDENT:"), which the label leaves out
    closed = before.rstrip(")]”’\"'")  # a sentence may end inside brackets or quotation marks: ".)"
    return all(w.lower() in CONNECTORS for w in closed.split()) or closed.endswith(SENTENCE_ENDS) \
        or glued_heading(doc, para_start, label)


def glued_heading(doc: Doc, para_start: int, label: Span) -> bool:
    """Rule 1c: a page's heading run into the transcript's first label ("Speech at the expanded
    meeting of the Board President of Russia Vladimir Putin: Colleagues, …"): the words before
    a label that names a person with a title hold no finite verb (a heading, not a sentence)."""
    if not any(t.lower_ in TITLE_WORDS for t in label) or not any(t.ent_type_ == "PERSON" for t in label):
        return False
    heading = doc.char_span(para_start, label.start_char, alignment_mode="contract")
    return heading is not None and 0 < len(heading) <= MAX_NAME_TOKENS * 2 \
        and not any(t.tag_ in FINITE_TAGS for t in heading)


def after_heading(doc: Doc, para_start: int, label: Span) -> Span:
    """Rule 1c, where the label starts: after a glued heading, at the title of the person it
    names ("… meeting of the Foreign Ministry Board [President of Russia Vladimir Putin]:"): the
    capitalised words of the heading's end ("Foreign Ministry Board") are not the speaker's title.
    The title runs back from the name over title words, "of" phrases and nationalities."""
    before = doc_text(doc)[para_start : label.start_char].strip(" \t\u00a0-–—•*" + OPENING_MARKS)
    if not before or before.rstrip(")]”’\"'").endswith(SENTENCE_ENDS) \
            or all(w.lower() in CONNECTORS for w in before.split()):
        return label  # the label opens its paragraph: no heading before it
    person = next((e for e in entities_within(doc, label.start, label.end) if e.label_ == "PERSON"), None)
    if person is None:
        return label
    start = person.start
    while start > label.start and (doc[start - 1].lower_ in TITLE_WORDS or doc[start - 1].lower_ in TITLE_LINKS
                                   or doc[start - 1].lower_ in OF_WORDS or doc[start - 1].lower_ in COUNTRIES):
        start -= 1
    while start < person.start and doc[start].lower_ in TITLE_LINKS:
        start += 1  # a title does not begin with "of the"
    return doc[start : label.end]


def names_a_speaker(label: Span) -> bool:
    """Rule 1b: a label names someone who can speak: a person, an organisation or a nationality the
    model recognises, a name in capitals (a transcript: "WALLACE:"), a title with a name, a given
    name and a surname (``given_name_first``), or a noun for a person or a body ("Spokesperson:").
    A section word ("Flashback:", "Background:") or a heading ("Little Relief for Refugees:")
    names no one."""
    if any(t.ent_type_ in {"PERSON", "ORG", "NORP"} for t in label):
        return True
    alpha = [t for t in label if t.is_alpha]
    if alpha and all(t.is_upper for t in alpha):
        return capitals_name_someone(alpha)
    if len(alpha) >= 2 and alpha[0].lower_ in TITLE_WORDS:
        return True
    if given_name_first(alpha):
        return True  # "Yury Ushakov:" where the model found no person
    return speaker_class(label.root) in {"person", "group", "organization"} and label.root.pos_ != "PROPN"


MAX_NAME_WORDS = 3  # "Yury Ushakov", "Mary Ann Holm"


def given_name_first(words: list[Token]) -> bool:
    """A label of two or three capitalised words opening with a given name the lexicon knows
    ("Yury Ushakov:", "Dmitry Peskov:"): a person's name, though the model tagged no person there."""
    return 2 <= len(words) <= MAX_NAME_WORDS and all(w.is_title for w in words) \
        and load_given_names().gender(words[0].text) is not None


def capitals_name_someone(words: list[Token]) -> bool:
    """A label in capitals is a transcript's name ("WALLACE:", "PRESIDENT PUTIN:") unless it is a
    newsletter's heading: words joined by "of" name someone only when the word before "of" is a
    title or a noun for a speaker ("PRESIDENT OF THE RUSSIAN FEDERATION:", "SECRETARY OF STATE
    RUBIO:"); "STAT OF THE WEEK:", "WORD OF THE DAY:" name a section."""
    of = next((k for k, t in enumerate(words) if t.lower_ == "of"), None)
    if of is None or of == 0:
        return True
    head = words[of - 1].lower_
    # by the word itself: in capitals every word is tagged a proper noun, which speaker_class
    # takes for a name
    return head in TITLE_WORDS or load_speaker_nouns().kind(head) in {"people", "groups", "organizations"}


def _colon_token(doc: Doc, colon: int):
    for token in doc.char_span(colon, colon + 1, alignment_mode="expand") or []:
        return token
    return None


def _mention_of(label: Span) -> Span:
    """The speaker's mention inside the label: a person or organisation entity that ends at
    the colon, with the title right before it; else the label."""
    within = [e for e in entities_within(label.doc, label.start, label.end) if e.label_ in {"PERSON", "ORG", "NORP"}]
    ents = [e for e in within if e.end == label.end]
    doubled = markup_doubled(label)
    if not ents and not within and doubled is not None:
        return doubled
    if not ents:
        # a label a page's markup doubled ("Foreign Minister Sergei Lavrov Lavrov SergeiForeign
        # Minister of Russia:"): its first person, with the title before it
        people = [e for e in within if e.label_ == "PERSON" and len(e) > 1]
        if not people:
            return label
        ents, label = people[:1], label.doc[label.start : people[0].end]
    start = ents[-1].start
    # the title before the name, with the small words inside it ("Aide to the President Yury
    # Ushakov": the aide's title is not "President")
    while start > label.start and (label.doc[start - 1].text[:1].isupper() or label.doc[start - 1].lower_ in TITLE_LINKS
                                   or label.doc[start - 1].lower_ == "to"):
        start -= 1
    while start < ents[-1].start and (label.doc[start].lower_ in CONNECTORS or label.doc[start].lower_ == "to"):
        start += 1
    return label.doc[start : label.end]


GLUED_WORDS = re.compile(r"^[A-Z][a-z]+[A-Z][a-z]+$")


def markup_doubled(label: Span) -> Span | None:
    """A label a page's markup doubled, where the model found no person in it ("Prime Minister of
    Hungary Viktor Orban Orban ViktorPrime Minister of Hungary:": the title and name, the surname
    and first name again, the first name glued to the title): when a glued word shows the seam,
    the name before the first word written twice in a row (the capitalised words there that are
    no title and no place: "Viktor Orban"); else None."""
    if not any(GLUED_WORDS.match(t.text) for t in label):
        return None
    repeated = next((t.i for t in label[1:] if t.text == t.nbor(-1).text), None)
    if repeated is None:
        return None
    start = repeated
    while start > label.start and _name_word(label.doc[start - 1]):
        start -= 1
    return label.doc[start:repeated] if 2 <= repeated - start <= 3 else None


def _name_word(token: Token) -> bool:
    return token.is_title and token.is_alpha and token.lower_ not in TITLE_WORDS and not token.ent_type_


QUESTION_MARKER = re.compile(r"\s*Q\.?\s")


def _opens_with_question_marker(text: str, para_start: int, para_end: int) -> bool:
    """Rule 4, unlabelled: a paragraph opening with a bare "Q" (White House and Kremlin
    transcripts: "Q Mr. President, will you …") is a reporter's question, the end of a turn."""
    return QUESTION_MARKER.match(text, para_start, para_end) is not None


def inline_labels(doc: Doc, para_start: int, para_end: int) -> list[int]:
    """Rule 5: where labels that name a person or the questioner start inside a paragraph, right
    after the end of a sentence (a transcript run together into one block: "… sent? Sergei Lavrov:
    Yes, …", "… our efforts. Question: Good afternoon …")."""
    text = doc_text(doc)
    starts = []
    colon = text.find(":", para_start, para_end)
    while colon != -1:
        window_start = max(para_start, colon - MAX_LABEL_CHARS)
        stop = _sentence_end_before(doc, text, window_start, colon)
        if stop is not None:
            start = stop + 1
            labelled = speaker_label(doc, start, para_end)
            if labelled is None or labelled[1] != colon or inside_a_quotation(doc, stop, colon, labelled[0]):
                pass
            elif any(t.ent_type_ == "PERSON" for t in labelled[0]) or labelled[0].text.lower().strip() in QUESTIONER \
                    or markup_doubled(labelled[0]) is not None:
                starts.append(labelled[0].start_char)  # a questioner's label ends the turn before it (rule 4)
        colon = text.find(":", colon + 1, para_end)
    return starts


def inside_a_quotation(doc: Doc, stop: int, colon: int, label: Span) -> bool:
    """A "label" within a quotation that opened before the sentence it follows ("I love that
    where so many analysts see cacophony he sees a symphony. Classic Clinton: optimistic,
    unifying.") is the quoted speaker's words, not a transcript's next turn; unless a quotation
    of its own follows the colon: someone quoting an exchange ("Debate recap," tweeted Conant.
    "Clinton: 'I come from the 60s.' Marco: 'This election is about the future.'")."""
    text = doc_text(doc)
    after = text[colon + 1 : colon + 3].lstrip()
    if after[:1] in ALL_MARKS:
        return False
    quotes = doc.user_data.get(QUOTES_KEY) or []
    return any(q.start < stop for q in quotes_over(doc, quotes, label.start_char, label.end_char))


# a newsletter's heading in capitals, then a dash, then the label of the one it quotes
HEADING_DASH = re.compile(r"[^a-z\n]{12,}?\s[-–—]\s")


def _sentence_end_before(doc: Doc, text: str, start: int, end: int) -> int | None:
    """The offset of the last mark ending a sentence in ``text[start:end]``, passing over the full
    stops of abbreviations the tokenizer keeps whole ("Mr.", "Gen.", an initial "P."): "… between
    the banks and Mr. Trump: Most of …" is no label, and "… polls. Michael P. McDonald: …" one.  A
    heading in capitals ended by a dash ends a sentence too (a newsletter's item: "HIGHER THAN
    EXPECTED TURNOUT - Michael P. McDonald: “…”"): the offset returned is the dash's space."""
    heading = HEADING_DASH.match(text, start, end)
    if heading is not None and text.rfind(":", start, heading.end()) == -1:
        return heading.end() - 1  # "RED STATES OUTNUMBER BLUE STATES - Jeffrey M. Jones: “…”"
    end_of_sentence = max(text.rfind(mark, start, end) for mark in SENTENCE_ENDS)
    while end_of_sentence != -1:
        token = doc[token_at(doc, end_of_sentence)]
        abbreviation = len(token.text) > 1 and token.text.endswith(".") and token.text[0].isalpha() \
            and token.idx + len(token.text) - 1 == end_of_sentence  # "Mr.", "P.", "U.S.": not "..."
        if not abbreviation:
            return end_of_sentence
        end_of_sentence = max(text.rfind(mark, start, end_of_sentence) for mark in SENTENCE_ENDS)
    return None


def turn_units(doc: Doc, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The paragraphs, each cut where an inline label starts (rule 5)."""
    units = []
    for para_start, para_end in paragraphs:
        cuts = [para_start, *inline_labels(doc, para_start, para_end), para_end]
        units += [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]
    return units


def own_words(statements: list[Found]) -> bool:
    """Rule 6: statements whose speakers are the first person or no one ("I think we'll have a
    strong day" inside a turn) are the turn speaker's own words."""
    return all(f.mention is None or (len(f.mention) == 1 and f.mention.root.lower_ in FIRST_PERSON)
               for f in statements)


MAX_DATELINE_WORDS = 3  # "GENEVA", "NEW DELHI", "RIO DE JANEIRO"


def is_dateline(label: Span) -> bool:
    """A label in capitals that names no person and no title ("GENEVA", "KYIV"; the model tags
    a city in capitals as a place only sometimes): what a dateline looks like."""
    words = [t for t in label if t.is_alpha]
    return 0 < len(words) <= MAX_DATELINE_WORDS and all(t.is_upper for t in words) \
        and not any(t.ent_type_ == "PERSON" or t.lower_ in TITLE_WORDS for t in words)


def without_dateline(units: list[tuple[int, int, tuple[Span, int] | None]], found: list[Found]
                     ) -> list[tuple[int, int, tuple[Span, int] | None]]:
    """Dateline rule: "GENEVA: The head of the WHO on Monday urged …" opens a news report with
    the place it was filed from, not a speaker's turn.  The article's first paragraph, labelled
    in capitals by no person and no title, no other label in the article (a transcript labels
    every turn), and after the colon the reporter's narration: a statement whose speaker is
    named there in the third person ("The mayor … said"; a turn says "I said" or nothing of the
    kind: "DORN: Well, look, …").  That label is a dateline, and its paragraph the reporter's."""
    labelled = [k for k, (_, _, lab) in enumerate(units) if lab is not None]
    if labelled != [0] or not is_dateline(units[0][2][0]):  # type: ignore[index]
        return units
    colon, end = units[0][2][1], units[0][1]  # type: ignore[index]
    if not any(f.cue is not None and f.mention is not None and colon < f.mention.start_char < end
               and colon < f.cue.idx < end and f.mention.root.lower_ not in FIRST_PERSON | {"you"}
               for f in found):
        return units
    return [(units[0][0], units[0][1], None), *units[1:]]


def is_transcript(text: str, units: list[tuple[int, int, tuple[Span, int] | None]]) -> bool:
    """Rule 6, transcripts: two or more people label unquoted turns (a transcript, not a
    round-up of quotes), in a transcript's manner: the turns go back and forth (one of them
    speaks again, or a questioner asks), or the labels are in capitals ("THE PRESIDENT:",
    "SECRETARY HALVORSEN:").  There every paragraph up to the next label is the turn's, whatever
    statements it holds ("they respond to the three issues that we outlined").  Labels that each
    open one section ("POLITICO New York's Culture-Business Report: …", "STAT OF THE WEEK: …",
    "Rubio: Finish second." in a round-up of the candidates) are no exchange, and narration ends
    their turns."""
    speakers: set[str] = set()
    people: set[str] = set()
    turns, capitals = 0, True
    for _, end, labelled in units:
        if labelled is None:
            continue
        label, colon = labelled
        words = text[colon + 1 : end].lstrip()
        if not words or words[0] in OPENING_MARKS:
            continue
        turns += 1
        name = label.text.lower().strip()
        if name in QUESTIONER:
            continue
        speakers.add(name)
        capitals = capitals and label.text.isupper()
        if names_a_person(label):
            people.add(name)
    return len(people) >= 2 and (turns > len(speakers) or capitals)


FUNCTION_WORDS = {"of", "the", "and", "for", "in", "on", "at", "to", "a"}


def names_a_person(label: Span) -> bool:
    """A label that names a person: a person the model found, a title ("THE PRESIDENT",
    "Secretary Halvorsen"), or a name in capitals of up to three words with no function word
    ("JOHN PETERSON", "WALLACE"; not "STAT OF THE WEEK")."""
    if any(t.ent_type_ == "PERSON" or t.lower_ in TITLE_WORDS for t in label):
        return True
    words = [t for t in label if t.is_alpha]
    return 0 < len(words) <= 3 and all(t.is_upper and t.lower_ not in FUNCTION_WORDS for t in words)


def _turn_statements(doc: Doc, colon: int, para_end: int, mention: Span, *, capitals: bool) -> list[Found]:
    """Rule 2: the statements of the words after a label's colon, to the end of the paragraph:
    one direct statement when they are quoted, a transcript turn cut into pieces when not;
    none for a tally ("Clinton: 1,769.") unless the label is in capitals (a transcript's
    "RUTTE: 2019." is an answer)."""
    text = doc_text(doc)
    colon_token = _colon_token(doc, colon)
    start, end = trimmed(text, colon + 1, para_end)
    if colon_token is None or end - start < 2:
        return []
    if not says_words(text[start:end]) and not capitals:
        return []
    quoted = text[start] in OPENING_MARKS
    if quoted:
        start += 1
        while end > start and text[end - 1] in "\"”’'»":
            end -= 1
    # a transcript turn is verbatim but unmarked, and the kinds follow the quotation marks (a
    # direct statement is one whose words are quoted): it is told apart by its cue's class
    kind, cls = ("direct", "assert") if quoted else ("indirect", "transcript")
    parts = [[(start, end)]] if quoted else turn_parts(doc, start, end)
    return [Found(kind, part, colon_token, (colon, colon + 1), cls, mention) for part in parts]


def with_period_labels(doc: Doc, units: list[tuple[int, int, tuple[Span, int] | None]]
                       ) -> list[tuple[int, int, tuple[Span, int] | None]]:
    """Rule 12: a transcript's label typed with a period for its colon ("PRESIDENT TRUMP. Yeah.
    And it started off —" between two of Rutte's turns) is a label when the same words in
    capitals label a turn elsewhere in it; otherwise the turn before would run on over another
    speaker's words."""
    text = doc_text(doc)
    known = {lab[0].text for _, _, lab in units if lab is not None and lab[0].text.isupper()}
    out = []
    for start, end, labelled in units:
        if labelled is None:
            opening = trimmed(text, start, end)[0]
            for name in known:
                period = opening + len(name)
                if text.startswith(name + ". ", opening):
                    label = doc.char_span(opening, period, alignment_mode="contract")
                    labelled = (label, period) if label is not None and label.text == name else None
                    break
        out.append((start, end, labelled))
    return out


def label_statements(doc: Doc, found: list[Found], paragraphs: list[tuple[int, int]],
                     interview: InterviewLayout | None = None) -> list[Found]:
    """Rules 2–4: statements for labelled paragraphs and the transcript turns they open.
    Statements already found inside a labelled paragraph's words by the quotation rules with a
    cue outside the paragraph (a wrong guess) give way to the label."""
    text = doc_text(doc)
    out: list[Found] = []
    turn: Found | None = None
    turn_paragraphs = 0
    covered = Ranges((f.start, f.end) for f in found).overlap  # found does not change here
    by_start = sorted(found, key=lambda f: f.start)
    starts = [f.start for f in by_start]
    units = [(a, b, speaker_label(doc, a, b)) for a, b in turn_units(doc, paragraphs)]
    units = without_dateline(units, found)
    transcript = interview is not None or is_transcript(text, units)
    if transcript:
        units = with_period_labels(doc, units)
    # the last label's turn has no later label to bound it: narration ends it, even in a
    # transcript (an exchange quoted in an article, then the writer's own paragraphs); an
    # interview's answers are bounded by its questions instead
    last_label = max((a for a, _, lab in units if lab is not None), default=len(text)) if interview is None \
        else len(text)
    for para_start, para_end, labelled in units:
        if labelled is None and interview is not None and para_start in interview.answers:
            turn = None  # an interview's answer: the interviewee's turn (``interviews``)
            if interview.interviewee is not None:
                colon = interview.answers[para_start]
                made = _turn_statements(doc, colon, para_end, interview.interviewee, capitals=False)
                out += made
                turn = made[0] if made and made[0].cue_class == "transcript" else None
                turn_paragraphs = 0
            continue
        if labelled is not None:
            label, colon = labelled
            turn = None
            if label.text.lower().strip() in QUESTIONER:
                continue  # rule 4
            made = _turn_statements(doc, colon, para_end, _mention_of(label), capitals=label.text.isupper())
            out += made
            words = text[slice(*trimmed(text, colon + 1, para_end))]
            if made and made[0].cue_class == "transcript" and not headline_case(words):
                turn, turn_paragraphs = made[0], 0  # rule 3: a transcript turn
            continue
        if interview is not None and para_start in interview.questions:
            turn = None  # the interviewer's question ends the answer's turn
            continue
        if turn is None:
            continue
        if _opens_with_question_marker(text, para_start, para_end):
            turn = None  # rule 4: "Q Mr. President, …" is the reporter's turn
            continue
        turn_paragraphs += 1
        inside = by_start[bisect_left(starts, para_start) : bisect_left(starts, para_end)]
        narrated = covered(para_start, para_end) and (not transcript or para_start > last_label) \
            and not (inside and own_words(inside))
        if turn_paragraphs > MAX_TURN_PARAGRAPHS or narrated:
            turn = None
            continue
        start, end = trimmed(text, para_start, para_end)
        if section_heading(text[start:end]):
            turn = None  # "THE TOTAL.", "ON THE BLOG.", "FULL TEXT.": the page's next section
            continue
        if stage_direction(text, start, end) or not says_words(text[start:end]):
            continue
        # the same speaker's next paragraph: a statement of its own (not merged into one long
        # quotation), with the label as its mention
        out.append(Found("indirect", without_inline_notes(text, start, end), turn.cue, turn.cue_span, "transcript",
                         turn.mention))
    return out


def merge_label_statements(doc: Doc, found: list[Found], paragraphs: list[tuple[int, int]]) -> list[Found]:
    """The found statements with the labelled ones added; a direct quotation whose words a label
    statement holds, attributed to a cue in another paragraph, is replaced by it."""
    interview = interview_layout(doc, paragraphs)
    if interview is not None:
        found = [asked_of_interviewee(f, interview) for f in found]
    labelled = label_statements(doc, found, paragraphs, interview)
    if not labelled:
        return found

    # one label statement per paragraph: their words are disjoint and in order, so the only one
    # that can hold a statement is the last to start at or before it (found by bisection)
    label_starts = [g.content[0][0] for g in labelled]

    def superseded(f: Found) -> bool:
        k = bisect_right(label_starts, f.start) - 1
        if f.cue is None or k < 0:
            return False
        g_start, g_end = labelled[k].content[0]
        if f.end <= g_end and not (g_start <= f.cue.idx < g_end):
            return f.cue.idx < g_start - 1 or f.cue.idx > g_end
        return False

    kept = [f for f in found if not superseded(f)]
    contents = {tuple(f.content) for f in kept}
    kept += [g for g in labelled if tuple(g.content) not in contents]
    kept.sort(key=lambda f: f.start)
    return kept
