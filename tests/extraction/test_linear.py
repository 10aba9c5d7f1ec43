"""The lookups that replace per-statement scans (issue 13) answer what the scans answered: each is
checked against the plain scan it replaced, on random ranges and on sentences we wrote."""

from __future__ import annotations

import random
import re

import pytest
import spacy


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def random_ranges(rng: random.Random, n: int, width: int = 500) -> list[tuple[int, int]]:
    out = []
    for _ in range(n):
        start = rng.randrange(width)
        out.append((start, start + rng.randint(0, 60)))
    return out


def test_ranges_answer_as_the_scans() -> None:
    from onrecord.extraction.intervals import Ranges

    rng = random.Random(7)
    for _ in range(20):
        spans = random_ranges(rng, rng.randint(0, 40))
        ranges = Ranges(spans)
        for _ in range(200):
            a = rng.randrange(-5, 560)
            b = a + rng.randint(0, 50)
            assert ranges.hold(a) == any(s <= a < e for s, e in spans)
            assert ranges.overlap(a, b) == any(s < b and a < e for s, e in spans)
            assert ranges.contain(a, b) == any(s <= a and b <= e for s, e in spans)


def test_by_start_keeps_a_stable_sort_and_answers_as_the_scans() -> None:
    from onrecord.extraction.found import Found
    from onrecord.extraction.uncued_quotations import ByStart

    rng = random.Random(11)

    def make(start: int, end: int) -> Found:
        return Found("indirect", [(start, end)], None, None, "say", None)

    found = sorted((make(s, e) for s, e in random_ranges(rng, 30) if e > s), key=lambda f: f.start)
    by_start = ByStart(found)
    mirror = list(found)
    for step in range(150):
        if step % 3 == 0:  # a statement added: where append + stable sort by start puts it
            s, e = random_ranges(rng, 1)[0]
            f = make(s, e + 1)
            by_start.add(f)
            mirror.append(f)
            mirror.sort(key=lambda g: g.start)
        elif step % 7 == 0:  # one reaches further (its start stays)
            f = rng.choice(found)
            f.content = [(f.start, f.end + rng.randint(0, 90))]
            by_start.grew(f)
        assert [id(f) for f in found] == [id(f) for f in mirror]
        a = rng.randrange(600)
        b = a + rng.randint(0, 40)
        assert by_start.hold(a, b) == any(f.start <= a and b <= f.end for f in mirror)
        previous = max((f for f in mirror if f.end <= a), key=lambda f: f.end, default=None)
        assert by_start.last_before(a) is previous


def test_whole_word_occurrences_are_finditers(blank) -> None:
    from onrecord.extraction.docindex import whole_word_occurrences

    text = ("The Acme Group said Acme Group-owned firms and the Acme Groups differ; NATO, NATO's and "
            "NATOS. A A A A. (Foo) and (Foo) again; Acme Group Acme Group.")
    doc = blank(text)
    for name in ["Acme Group", "NATO", "A A", "A", "(Foo)", "Acme", "Group", "Missing", "Foo"]:
        expected = [m.start() for m in re.finditer(rf"\b{re.escape(name)}\b", text)]
        assert whole_word_occurrences(doc, name) == expected, name


def test_standalone_occurrences_are_finditers(blank) -> None:
    from onrecord.extraction.docindex import standalone_occurrences

    text = ("Ann Lee Jr. met Ann Lee Jr.s and xAnn Lee; Ann Lee, Ann Leeds and Ann Lee Ann Lee. Lee Lee Lee "
            "Lee. (Bo Ek) and (Bo Ek)s; A A A.")
    doc = blank(text)
    for name in ["Ann Lee Jr.", "Ann Lee", "Lee Lee", "(Bo Ek)", "Bo Ek", "A A", "Jr.", "Missing Name"]:
        expected = [m.span() for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)]
        assert standalone_occurrences(doc, name) == expected, name


def test_line_bounds_are_rfind_and_find(blank) -> None:
    from onrecord.extraction.docindex import line_bounds

    text = "First line here.\nSecond one\n\nFourth, after a blank line.\nLast"
    doc = blank(text)
    for offset in range(len(text) + 1):
        end = text.find("\n", offset)
        assert line_bounds(doc, offset) == (text.rfind("\n", 0, offset) + 1, len(text) if end < 0 else end)


def test_quotes_over_are_the_overlapping_quotes_in_order(blank) -> None:
    from onrecord.extraction.docindex import quote_ends, quotes_over
    from onrecord.extraction.quotes import QuoteSpan

    doc = blank("x " * 400)
    rng = random.Random(3)
    quotes = [QuoteSpan(s, e, [(s + 1, max(s + 1, e - 1))]) for s, e in random_ranges(rng, 40, 700) if e > s]
    rng.shuffle(quotes)  # the list's order is kept whatever it is
    for _ in range(300):
        a = rng.randrange(720)
        b = a + rng.randint(0, 60)
        assert quotes_over(doc, quotes, a, b) == [q for q in quotes if q.start < b and a < q.end]
    assert quote_ends(doc, quotes) == {q.end for q in quotes}


def test_paragraph_of_is_the_last_paragraph_started() -> None:
    from onrecord.extraction.quotations import paragraph_of

    starts = [0, 10, 25, 40]
    for offset in range(-3, 60):
        scanned = 0
        for i, s in enumerate(starts):
            if s <= offset:
                scanned = i
        assert paragraph_of(starts, offset) == scanned


def test_spoken_so_far_is_in_text_order_and_names_by_offset() -> None:
    from onrecord.extraction.pronouns import Spoken, SpokenSoFar

    spoken = SpokenSoFar()
    for offset, name in [(50, "Anna Berg"), (10, "Karl Roth"), (50, "Berg"), (30, "the ministry")]:
        spoken.add(Spoken(offset, name, "person"))
    assert [(s.offset, s.name) for s in spoken.items] == [
        (10, "Karl Roth"), (30, "the ministry"), (50, "Anna Berg"), (50, "Berg")]
    assert spoken.offsets == [10, 30, 50, 50]
    assert spoken.by_offset[50] == ("Berg", "person")  # the last named there, as a dict of the list gives


def test_office_fits_is_the_best_title_fit() -> None:
    from onrecord.identity.titles import office_fits, title_fits

    titles = ["Foreign Minister", "Russian Foreign Ministry", "President of Norland", "Labour leader"]
    for description in ["the foreign minister", "the top Russian diplomat", "the president", "the Commons leader"]:
        assert office_fits(description, titles) == max(title_fits(description, t) for t in titles)
    assert office_fits("the foreign minister", []) == 0
    assert office_fits("the foreign minister", ["Foreign Minister"]) > 0


def test_a_quotation_opens_its_sentence_when_no_words_precede_it(blank) -> None:
    from onrecord.extraction.quotes import QuoteSpan
    from onrecord.extraction.uncued_quotations import opens_its_sentence

    text = 'He left. "We stay," she said. Then he wrote "no" twice.\n  "Again," he said'
    doc = blank(text)
    at = [m.start() for m in re.finditer('"', text)][::2]
    quotes = [QuoteSpan(s, text.index('"', s + 1) + 1, [(s + 1, text.index('"', s + 1))]) for s in at]
    assert [opens_its_sentence(doc, q) for q in quotes] == [True, False, True]


def test_gapped_phrases_match_as_the_matcher(nlp) -> None:
    from spacy.matcher import Matcher

    from onrecord.extraction.gaps import GapPhrases, gapped_parts
    from onrecord.extraction.issue_tags import phrase_patterns

    # two phrases open with the same part ("restore"): each is joined from it
    phrases = ["freeze ... front line", "restore ... borders", "lift ... restrictions ... on strikes",
               "restore ... sovereignty", "give up"]
    patterns = phrase_patterns(nlp, phrases)
    assert gapped_parts(patterns[-1]) is None  # no gap: not taken
    matcher, gaps = Matcher(nlp.vocab), GapPhrases(nlp.vocab, 4096)
    for k, pattern in enumerate(patterns[:-1]):
        matcher.add(f"k{k}", [pattern])
        assert gaps.add(f"k{k}", pattern)
    assert not gaps.add("raw", [{"LOWER": "arms"}, {"OP": "{0,2}"}, {"LOWER": "now"}])
    texts = [
        "They will freeze the front line, freeze the the the front line and freeze front lines.",
        "Freeze a b c d front line stays apart; we restore our borders and restored the 1991 borders borders.",
        "Partners lift the restrictions now on strikes and lifted restrictions on strikes on strikes.",
        "The front line holds. Borders and sovereignty, they said, and we will restore our sovereignty.",
    ]
    for doc in nlp.pipe(texts):
        expected = {(nlp.vocab.strings[key], s, e) for key, s, e in matcher(doc)}
        assert expected
        assert {(span.label_, span.start, span.end) for span in gaps(doc)} == expected
        for sent in doc.sents:  # a Span: the matches inside it, in the Doc's offsets
            inside = {(nlp.vocab.strings[key], s, e) for key, s, e in matcher(sent)}
            assert {(span.label_, span.start, span.end) for span in gaps(sent)} == {
                (k, s + sent.start, e + sent.start) for k, s, e in inside}


def test_venue_matcher_gives_the_matchers_matches_in_its_order(nlp) -> None:
    from spacy.matcher import Matcher

    from onrecord.extraction.context.venue import VenueMatcher, _noun_pattern, _orth_pattern
    from onrecord.lexicons.venues import load_venue_lexicon

    lexicon = load_venue_lexicon()
    matcher = Matcher(nlp.vocab)
    for noun in lexicon.nouns:
        matcher.add(f"NOUN:{noun.phrase}", [_noun_pattern(noun.phrase)])
    for key, names in (("OUTLET", lexicon.outlets), ("PLATFORM", lexicon.platforms), ("PROGRAM", lexicon.programs)):
        matcher.add(key, [_orth_pattern(n) for n in names])
    venues = VenueMatcher(nlp.vocab, lexicon)
    text = ("She spoke in an interview with Sky News. At two press conferences and a joint press conference "
            "on Monday he said so on Telegram. Posting on X, she told Fox News Sunday and CNN in interviews.")
    doc = nlp(text)
    seen = 0
    for sent in doc.sents:
        expected = list(matcher(sent))
        seen += len(expected)
        assert venues(sent) == expected
    assert seen >= 5


def test_an_organisation_is_found_by_its_name_in_any_case() -> None:
    from onrecord.extraction.named import ArticleNames, Named

    names = ArticleNames(organizations={"Acme Corp": Named("Acme Corp"), "ACME CORP": Named("ACME CORP")})
    assert names.organization("acme corp") is names.organizations["Acme Corp"]  # the first written so
    kremlin = names.organization("the Kremlin")
    assert names.organization("The KREMLIN") is kremlin and list(names.organizations)[-1] == "the Kremlin"
    assert len(names.organizations) == 3


def test_a_region_answers_each_question_once(nlp) -> None:
    from onrecord.extraction.context.region import _linked_verbs, attribution_region, linked_verbs
    from onrecord.extraction.context.when import _time_candidates, time_candidates

    text = 'Speaking to reporters on Friday in Oslo, the minister said that "talks must resume."'
    doc = nlp(text)
    region = attribution_region(doc, (text.index("said"), text.index("said") + 4), [(text.index('"'), len(text))])
    verbs, times = linked_verbs(region), time_candidates(region)
    assert [t.i for t in verbs] == [t.i for t in _linked_verbs(region)] and len(verbs) == 2  # "said", "Speaking"
    texts = [[s.text for s in c] for c in times]
    assert texts == [[s.text for s in c] for c in _time_candidates(region)] == [["on Friday", "on Friday", "Friday"]]
    assert linked_verbs(region) is verbs and time_candidates(region) is times


def test_a_surname_is_found_in_the_surnames_made_once() -> None:
    from onrecord.extraction.canonical_names import is_surname_in, is_surname_of, surnames_of

    people = {"Anna Berg", "Karl Roth", "Mia", "Jean-Luc Picard"}
    surnames = surnames_of(people)
    for name in ["Berg", "BERG", "Roth", "Mia", "Anna", "Picard", "Anna Berg", "berg", ""]:
        scanned = len(name.split()) == 1 and any(
            len(p.split()) > 1 and p.split()[-1] == (name.capitalize() if name.isupper() else name) for p in people)
        assert is_surname_in(name, surnames) == is_surname_of(name, people) == scanned, name


def test_the_indices_in_a_range_are_those_of_its_tokens(nlp) -> None:
    from onrecord.extraction.context.region import _indices_in, _tokens_in

    text = 'He said:  "We stay."\n\n  Then,  she left -- at once.  \n"No," they said.'
    doc = nlp.make_doc(text)
    for start in range(len(text) + 1):
        for end in range(start, min(len(text), start + 25) + 1):
            assert _indices_in(doc, start, end) == [t.i for t in _tokens_in(doc, start, end)], (start, end)


def test_the_paragraph_index_is_the_first_paragraph_not_yet_ended(blank) -> None:
    from onrecord.extraction.docindex import paragraph_bounds
    from onrecord.extraction.issue_context import _paragraph_index

    rng = random.Random(11)
    for _ in range(20):
        text = "".join(rng.choice(["word ", "Word. ", "\n", "\n\n", "  "]) for _ in range(rng.randint(0, 60)))
        doc = blank(text)
        bounds = paragraph_bounds(doc)
        for offset in range(-2, len(text) + 3):
            scanned = next((n for n, (s, e) in enumerate(bounds) if s <= offset < e or offset < s), len(bounds))
            assert _paragraph_index(doc, offset) == scanned


def test_the_trigger_in_a_range_is_the_scans_first_to_end_last() -> None:
    from onrecord.extraction.issue_context import _trigger_in
    from onrecord.extraction.issue_tags import IssueHit

    rng = random.Random(5)
    for _ in range(50):
        hits = []
        for _ in range(rng.randint(0, 30)):
            start = rng.randrange(80)
            end = start + rng.randint(1, 4)
            hits.append(IssueHit(rng.choice(["nato", "ceasefire"]), rng.choice(["trigger", "content"]),
                                 start, end, start * 5, end * 5, "w"))
        hits.sort(key=lambda h: h.start_char)  # as the statement issues stage passes them
        for _ in range(40):
            a = rng.randrange(-2, 85)
            b = a + rng.randint(0, 12)
            inside = [h for h in hits if h.role == "trigger" and a <= h.start and h.end <= b]
            assert _trigger_in(hits, a, b) is (max(inside, key=lambda h: h.end) if inside else None)


def test_the_statement_referred_to_is_found_as_by_the_scan(nlp) -> None:
    from onrecord.extraction.issue_context import content_reach, referred_statement

    doc = nlp.make_doc("NATO is the goal, he said. \"That is settled,\" he added. The talks go on, she said. "
                       "Long story. \"That is settled,\" he added.")
    for name, component in nlp.pipeline:
        if name != "onrecord_records":  # which drops the statements' spaCy objects
            doc = component(doc)
    found = doc._.statements
    assert found
    reach = content_reach(found)
    rng = random.Random(3)
    referred = 0
    for _ in range(30):
        for f in found:
            f.issues = ["nato"] if rng.random() < 0.5 else []
        for index in range(len(found)):
            answer = referred_statement(doc, found, index, frozenset(), reach)
            assert answer is referred_statement(doc, found, index, frozenset())
            referred += answer is not None
    assert referred  # "That is settled" after "NATO is the goal" refers to it
