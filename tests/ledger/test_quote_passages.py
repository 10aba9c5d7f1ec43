"""The parts of quote clustering, without a database: words as compared, passages, the same
words and another translation, whose words, and the linking in memory.  Sentences written for
these tests."""

from __future__ import annotations

import dataclasses
import random

import pytest

from onrecord.ledger.linking import Member, find_clusters
from onrecord.ledger.passages import (
    LONG_PASSAGE,
    contained_at,
    fingerprints,
    relation,
    same_words,
    split_passages,
    words,
)
from onrecord.ledger.quote_speakers import compatible, who

# --- words ---------------------------------------------------------------------------------------


def test_words_ignore_case_marks_and_insertions_and_write_out_abbreviations() -> None:
    assert words("“We don’t trade [the] valleys… for WINTER,” ") == ["we", "do", "not", "trade", "valleys", "for",
                                                                     "winter"]
    assert words("the U.S. and the US") == words("the United States and the United States")
    assert words("give us time") == ["give", "us", "time"]  # the pronoun is no country
    assert words("harbour co-operation") == words("harbour cooperation")
    assert words("It won’t. Let’s see, that's it") == ["it", "will", "not", "let", "us", "see", "that", "is", "it"]


# --- passages ------------------------------------------------------------------------------------


def texts(quote: str, kind: str = "direct") -> list[tuple[str, str]]:
    return [(p.boundary, quote[p.start : p.end]) for p in split_passages(quote, kind)]


def test_a_quote_splits_into_sentences_and_cuts() -> None:
    quote = ("We will keep the corridor open. Mr. Lind agrees with the U.S. plan for it. No. "
             "We will see … The harbour stays open\n\nand the ferries run on time.")
    assert texts(quote) == [
        ("start", "We will keep the corridor open."),
        # "Mr." and "U.S." end no sentence; "No." and "We will see" are too short to stand alone and
        # join the sentence before them
        ("sent", "Mr. Lind agrees with the U.S. plan for it. No. We will see"),
        ("cut", "The harbour stays open"),  # after an ellipsis before a new sentence
        ("cut", "and the ferries run on time."),  # a new paragraph is a cut
    ]


def test_a_sentence_goes_on_across_the_cue() -> None:
    # how an extractor joins two segments of one quote split by "she said"
    assert texts("We will keep the corridor open, … for every ship that respects the rules.") == [
        ("start", "We will keep the corridor open, … for every ship that respects the rules.")]
    (passage,) = split_passages("The old bridge we built with our neighbours …. is gone now.")
    assert passage.gaps == (8,) and len(passage.words) == 11


@pytest.mark.parametrize(("quote", "one_passage"), [
    # spaces between the words and the ellipsis: the sentence still goes on
    ("We will keep the corridor open,     … for every ship that respects the rules.", True),
    ("We will keep the corridor open \t … for every ship that respects the rules.", True),
    # a full stop before it ends the sentence; a capital after it starts one
    ("We will keep the corridor open for ships. … for every ship that respects the rules.", False),
    ("We will keep the corridor open for every ship, … Every ship that respects the rules.", False),
])
def test_what_stands_before_an_ellipsis(quote: str, one_passage: bool) -> None:
    assert (len(split_passages(quote)) == 1) is one_passage


def test_a_long_sentence_keeps_every_gap() -> None:
    # each gap found where it is (the words before each ellipsis counted, not guessed)
    quote = " … ".join(f"we will keep the corridor number {i} open," for i in range(300))
    (passage,) = split_passages(quote)
    assert passage.gaps == tuple(range(8, 300 * 8, 8))


def test_of_a_mixed_statement_only_the_quoted_words_count() -> None:
    quote = "the talks a “very direct attack on our workers” and called for “calm and unity in every town”"
    assert texts(quote, "mixed") == [("cut", "very direct attack on our workers"),
                                     ("cut", "calm and unity in every town")]
    # the text may start inside the quotation marks
    assert [t for _, t in texts("The harbour will stay open all winter,” the mayor said at the meeting", "mixed")] == [
        "The harbour will stay open all winter"]


def test_of_a_mixed_statement_every_style_of_marks_counts() -> None:
    # German „…“ (closed by the English opening mark), Polish „…”, French «…», and two apostrophes
    # or backticks, as some newspapers print double marks (read as the extractor reads them)
    for opening, closing in (("„", "“"), ("„", "”"), ("«", "»"), ("''", "''"), ("``", "''")):
        quote = (f"the talks a {opening}very direct attack on our workers{closing} and called for "
                 f"{opening}calm and unity in every town{closing}")
        assert [t for _, t in texts(quote, "mixed")] == ["very direct attack on our workers",
                                                         "calm and unity in every town"], opening + closing


# --- the same words, another translation ---------------------------------------------------------

LINE = "We will keep the grain corridor open for every ship that respects the rules of the sea"


def test_the_same_words_allow_trims_insertions_and_small_changes() -> None:
    assert same_words(words("keep the grain corridor open for every ship"), words(LINE))  # trimmed both ends
    assert same_words(words("We will keep [the] grain corridor open for every ship that respects the rules"),
                      words(LINE))
    # function words
    assert same_words(words("I’ll take some criticism for that plan, but I can picture it working"),
                      words("I will take some criticism on that plan, but I could picture it working"))
    assert same_words(words("the fishery and harbour cooperations will continue"),
                      words("the fishery and harbour co-operation will continue"))  # a spelling
    assert not same_words(words(LINE), list(reversed(words(LINE))))
    assert not same_words(words("no comment"), words("no comment"))  # too short to tell
    # words the two share far apart are no match
    assert not same_words(words("we will keep the rules"), words(LINE))


def test_words_left_out_at_an_ellipsis_are_no_difference() -> None:
    (short,) = split_passages("The old bridge we built with our neighbours …. is gone now.")
    (full,) = split_passages("The old bridge we built with our neighbours in the hard winter after the great flood"
                             " that took the mill and half of the lower town is gone now.")
    assert relation(short, full) == "same"
    assert relation(short.words, full.words) is None  # as plain words the end does not fit


def test_a_replaced_content_word_is_another_translation() -> None:
    assert relation(words("The war has entered a hot stage and nobody will leave"),
                    words("The war has entered a hot phase and nobody will leave")) == "translation"
    assert relation(words("Europe should strengthen its air defence before spring"),
                    words("Europe needs to strengthen its air defence before spring")) == "translation"
    # two remarks about one thing are neither
    assert relation(words("The coast guard will double its patrols along the northern shore"),
                    words("The coast guard will never abandon the fishermen of the north")) is None


def test_any_shared_run_of_four_words_shares_a_fingerprint() -> None:
    rng = random.Random(3)
    vocab = [f"w{i}" for i in range(500)]
    for _ in range(200):
        long_ = [rng.choice(vocab) for _ in range(rng.randint(10, 40))]
        start = rng.randrange(len(long_) - 4)
        part = long_[start : start + rng.randint(4, 8)]
        assert fingerprints(part) & fingerprints(long_)


# --- whose words ---------------------------------------------------------------------------------


def test_spellings_and_registry_ids_of_one_person_are_one_speaker() -> None:
    zelensky = [who("person:v-zelenski", "Volodymyr Zelenskyy", "person"), who("person:zelenski", "Zelensky", "person"),
                who("person:v-zelenski", "President Zelenskiy", "person")]
    assert all(compatible(a, b) for a in zelensky for b in zelensky)
    # an article that names only the surname gets another id from its registry: still one man
    assert compatible(who("person:podoliak", "Podolyak", "person"), who("person:m-podoliak", "Mykhailo Podoliak",
                                                                        "person"))
    assert not compatible(who("person:j-biden", "Joe Biden", "person"), who("person:h-biden", "Hunter Biden", "person"))
    assert not compatible(zelensky[0], who("person:v-putin", "Vladimir Putin", "person"))


def test_unnamed_speakers_may_be_anyone_and_organisations_only_themselves() -> None:
    carney = who("person:m-karnei", "Mark Carney", "person")
    for unnamed in (who(None, "unknown", "unknown"), who("unknown:new-prime-minister", "new prime minister", "person"),
                    who("role:ukraine-leader", "Ukrainian leader", "person"),
                    who("role:russia-leader@38d3bd03", "Russian leader", "role")):
        assert not unnamed.named and compatible(unnamed, carney)
    kremlin = who("org:kremlin", "Kremlin", "organization")
    assert compatible(kremlin, who("org:kremlin", "the Kremlin", "organization"))
    assert not compatible(kremlin, who("org:white-house", "White House", "organization"))
    pair = who("anna-kovalenko-and-marek-dvorak", "Anna Kovalenko and Marek Dvorak", "group",
               ["Anna Kovalenko", "Marek Dvorak"])
    assert compatible(pair, who("person:m-dvorak", "Marek Dvorak", "person"))
    assert not compatible(pair, who("person:i-brandt", "Ilse Brandt", "person"))


# --- linking in memory ---------------------------------------------------------------------------


def member(i: int, quote: str, speaker: str = "Anna Kovalenko", day: str = "2025-01-01") -> Member:
    return Member(i, i, "person:" + speaker.lower().replace(" ", "-"), speaker, "person", quote, outlet=f"O{i}",
                  date=day)


def test_a_passage_beyond_the_long_limit_is_compared_word_for_word() -> None:
    clauses = [f"we will keep corridor number {i} open for ships" for i in range(LONG_PASSAGE // 9 + 10)]
    (full,) = split_passages(", … ".join(clauses) + ".")
    assert len(full.words) > LONG_PASSAGE
    (trimmed,) = split_passages(", … ".join(clauses[20:]) + ".")  # an outlet starts later, at an ellipsis
    (left_out,) = split_passages(", … ".join(clauses[:5] + clauses[9:]) + ".")  # and leaves some out
    assert relation(trimmed, full) == relation(left_out, full) == "same"
    assert contained_at(trimmed, full) == (20 * 9, len(full.words))  # nine words a clause
    # one clause of it, as plain words, is found where it is
    assert contained_at(split_passages(clauses[30])[0], full) == (30 * 9, 31 * 9)
    # a word replaced is no longer the same words, nor (at this length) another translation
    (changed,) = split_passages(", … ".join(clauses[20:]).replace("number 40 open", "number 40 shut") + ".")
    assert relation(changed, full) is None
    # the longer decides: a short report with a word added is not found in it ...
    assert relation(words(clauses[3] + " and boats"), full.words) is None
    # ... where under the limit it is
    assert relation(words(clauses[3] + " and boats"), words(", ".join(clauses[:4]))) == "same"


def test_planted_variants_are_found_among_many_quotes() -> None:
    rng = random.Random(4)
    vocab = [f"w{i}" for i in range(3000)]
    originals = [" ".join(rng.choice(vocab) for _ in range(rng.randint(8, 30))) for _ in range(1500)]
    members = [member(i, q, speaker=f"Speaker Number{i % 40}") for i, q in enumerate(originals)]
    planted = {}
    for k, i in enumerate(rng.sample(range(len(originals)), 150)):
        words_ = originals[i].split()
        variant = [
            " ".join(words_[:-1]),  # trimmed end
            "“" + " ".join(words_[:3] + ["[the]"] + words_[3:]) + "”",  # an insertion, curly marks
            " ".join(words_[:4]) + " … " + " ".join(words_[5:]),  # a word left out at an ellipsis
        ][k % 3]
        planted[len(members)] = i
        members.append(member(len(members), variant, speaker=f"Speaker Number{i % 40}"))
    of = {p.member.id: g.id for g in find_clusters(members) for p in g.pieces}
    missed = [v for v, i in planted.items() if of[v] != of[i]]
    assert len(missed) <= 2
    sizes: dict[int, int] = {}
    for cid in of.values():
        sizes[cid] = sizes.get(cid, 0) + 1
    assert max(sizes.values()) == 2 and sum(1 for n in sizes.values() if n == 2) >= len(planted) - 2


def test_a_short_report_two_translations_hold_does_not_merge_them() -> None:
    # "only if the root causes are removed" is the same words as the end of both translations; it
    # joins one of them, and the two stay apart (translation rule, linking.one_quote)
    found = find_clusters([
        member(1, "only if the root causes are removed."),
        member(2, "The hot phase of the conflict can end only if the root causes are removed."),
        member(3, "The hot stage of the conflict can end only if the root causes are removed.", day="2025-01-02"),
    ])
    assert sorted(sorted(p.member.id for p in g.pieces) for g in found) == [[1, 2], [3]]


def test_a_seam_where_an_outlet_starts_or_ends_splits_a_remark() -> None:
    remark = "The ferries will run again in March. The new pier opens in April. Both are paid for by the port."
    together = [member(1, remark), member(2, remark)]
    (one,) = find_clusters(together)
    assert {p.member.id for p in one.pieces} == {1, 2}
    alone = member(3, "The new pier opens in April.")
    groups = find_clusters([*together, alone])
    reports = sorted(sorted({p.member.id for p in g.pieces}) for g in groups)
    assert reports == [[1, 2], [1, 2], [1, 2, 3]]  # 3 starts and ends with the second sentence


def test_two_named_speakers_share_long_words_only_on_the_same_days() -> None:
    words_ = "There is no agreement on the corridor until every ship is safe."
    same_week = [member(1, words_), member(2, words_, "Marek Dvorak", "2025-01-03")]
    assert len(find_clusters(same_week)) == 1
    weeks_apart = [member(1, words_), member(2, words_, "Marek Dvorak", "2025-02-20")]
    assert len(find_clusters(weeks_apart)) == 2


def groups_of(members: list[Member]) -> list[list[int]]:
    return sorted(sorted({p.member.id for p in g.pieces}) for g in find_clusters(members))


def test_a_short_phrase_of_one_speaker_weeks_apart_links_nothing() -> None:
    # "We don't know" (four words written out) is in both remarks; the speaker says it every week
    # (short-words rule, linking.may_link), and one remark's reports are of the same days
    remark = member(1, "We don't know when the grain convoys will sail again.")
    assert groups_of([remark, member(2, "We don't know,", day="2025-02-20")]) == [[1], [2]]
    assert groups_of([remark, member(2, "We don't know,", day="2025-01-02")]) == [[1, 2]]
    # seven words, two of them content words: a stump line, not yet one remark's words
    stump = "As mayor, I will not be neutral."
    assert groups_of([member(1, stump), member(2, stump, day="2025-02-20")]) == [[1], [2]]
    longer = "We don't know when the grain convoys will sail"  # four content words: a report of the remark
    assert groups_of([remark, member(2, longer, day="2025-02-20")]) == [[1, 2]]


def test_an_indirect_statement_links_only_reports_of_the_same_days() -> None:
    # a reporter's paraphrase shares stock phrases with other reports: "a ban on ferries entering
    # the harbour" is how everyone writes it
    quoted = member(1, "There must be a ban on foreign ferries entering the northern harbour until spring.")
    paraphrase = dataclasses.replace(member(2, "a ban on foreign ferries entering the northern harbour"),
                                     kind="indirect")
    assert groups_of([quoted, paraphrase]) == [[1, 2]]
    assert groups_of([quoted, dataclasses.replace(paraphrase, date="2025-03-01")]) == [[1], [2]]


def test_a_short_report_two_remarks_hold_does_not_merge_them() -> None:
    # "At the same time" is in both remarks, said the same day; it joins one of them at most, and
    # the two stay apart (bridge rule, linking.one_quote)
    fight = member(1, "We are ready to fight and at the same time look for ways in diplomacy to stop this war.")
    land = member(2, "We will meet them, and at the same time we will not give up our land.")
    found = groups_of([fight, land, member(3, "At the same time … The harbour stays open for every ship.")])
    assert [1, 2] not in found and not any({1, 2} <= set(g) for g in found)
    # two trims of one sentence that overlap are one quote through the whole one
    whole = member(4, "The ferries will run again in March and the new pier opens in April.")
    start = member(5, "The ferries will run again in March and the new pier")
    end = member(6, "in March and the new pier opens in April.")
    assert groups_of([start, end, whole]) == [[4, 5, 6]]
    assert groups_of([start, end, member(7, "in March and the new pier")]) == [[5, 6, 7]]  # with no whole one


def test_a_quote_with_nothing_to_match_is_still_a_quote() -> None:
    empty = member(1, "…")
    narration = Member(2, 2, None, "unknown", "unknown", "as the mayor put it “", kind="mixed")
    assert [[p.member.id for p in g.pieces] for g in find_clusters([empty, narration])] == [[1], [2]]
