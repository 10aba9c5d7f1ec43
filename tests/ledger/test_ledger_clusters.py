"""Same words, many outlets: the reports of one quote across articles become one cluster, the way
real outlets print them (trimmed, split around the cue, one sentence of three, "[the]", another
spelling of the speaker), while another translation and another remark stay apart.

Every article here is written for these tests."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from typing import Any

from ledger_fakes import article, fake_extract, many_articles

from onrecord.ledger import Ledger
from onrecord.ledger.records import QuoteCluster

# --- one remark, many prints ------------------------------------------------------------------

# the remark as a press office would transcribe it: three sentences
REMARK = ("We will keep the grain corridor open for every ship that respects the rules of the sea. "
          "Our partners have promised escorts for the winter convoys. "
          "Nobody should doubt that the harbour will stay open.")

FULL = article(  # all three sentences in one pair of quotation marks, published first
    "lumen/corridor", f"Anna Kovalenko said: “{REMARK}”",
    outlet="Lumen Daily", date="2024-11-05", published="2024-11-05T21:10")
ONE_SENTENCE = article(  # the second sentence alone
    "harbour/escorts", "Anna Kovalenko said: “Our partners have promised escorts for the winter convoys.”",
    outlet="Harbour Post", date="2024-11-06", published="2024-11-06T08:30")
TRIMMED = article(  # the first sentence without its start and its end, "[the]" inserted, curly marks
    "wire/corridor", "Anna Kovalenko said: “keep [the] grain corridor open for every ship that respects the rules”",
    outlet="Wire Service", date="2024-11-06")
AROUND_THE_CUE = article(  # the first sentence split around the cue
    "courier/corridor",
    "“We will keep the grain corridor open,” Anna Kovalenko said, “for every ship that respects the rules of the"
    " sea.”",
    outlet="Coastal Courier", date="2024-11-06", published="2024-11-06T11:00")
SPELLED_APART = article(  # the third sentence, the speaker's name spelled another way
    "gazette/harbour", "Anna Kowalenko said: “Nobody should doubt that the harbour will stay open.”",
    outlet="Test Gazette", date="2024-11-07")


def by_words(clusters: Iterable[QuoteCluster], words: str) -> QuoteCluster:
    (found,) = [c for c in clusters if words in c.quote or any(words in r.quote for r in c.reports)]
    return found


def articles_of(c: QuoteCluster) -> set[str]:
    return {r.article for r in c.reports}


def test_one_sentence_of_three_joins_its_sentence_not_the_whole(ledger: Ledger) -> None:
    ledger.ingest_articles([FULL, ONE_SENTENCE, SPELLED_APART], extractor=fake_extract)
    clusters = ledger.clusters(limit=None)
    escorts = by_words(clusters, "promised escorts")
    harbour = by_words(clusters, "harbour will stay open")
    # the full statement is in both clusters: each report quotes a sentence of it
    assert articles_of(escorts) == {"lumen/corridor", "harbour/escorts"}
    assert articles_of(harbour) == {"lumen/corridor", "gazette/harbour"}
    assert escorts.id != harbour.id
    full_report = next(r for r in escorts.reports if r.article == "lumen/corridor")
    assert full_report.quote == "Our partners have promised escorts for the winter convoys."
    assert full_report.statement_quote == REMARK
    # the first sentence, quoted by nobody else, is in no cluster of two reports
    assert not any("grain corridor" in c.quote for c in clusters)


def test_trimmed_bracketed_and_split_around_the_cue_join(ledger: Ledger) -> None:
    ledger.ingest_articles([TRIMMED, AROUND_THE_CUE, FULL], extractor=fake_extract)
    corridor = by_words(ledger.clusters(limit=None), "grain corridor")
    assert articles_of(corridor) == {"lumen/corridor", "wire/corridor", "courier/corridor"}
    # the first report by publication time; a report with only a date counts as late in its day
    assert (corridor.first_article, corridor.first_outlet) == ("lumen/corridor", "Lumen Daily")
    assert corridor.outlets == ["Lumen Daily", "Coastal Courier", "Wire Service"]
    assert corridor.n_outlets == 3 and corridor.headline.startswith("3 outlets · first: Lumen Daily")
    split = next(r for r in corridor.reports if r.article == "courier/corridor")
    assert split.quote == "We will keep the grain corridor open … for every ship that respects the rules of the sea."


def test_three_sentences_every_outlet_prints_together_stay_one_quote(ledger: Ledger) -> None:
    other = dataclasses.replace(FULL, id="harbour/corridor", outlet="Harbour Post", published="2024-11-06T06:00",
                                text=f"Anna Kovalenko said: “{REMARK.replace('escorts', 'naval escorts')}”")
    ledger.ingest_articles([FULL, other], extractor=fake_extract)
    (c,) = ledger.clusters()
    assert c.quote == REMARK and c.n_outlets == 2
    # once an outlet quotes the second sentence alone, the quote has a seam there
    ledger.ingest_articles([ONE_SENTENCE], extractor=fake_extract)
    clusters = ledger.clusters()
    assert sorted(len(c.reports) for c in clusters) == [2, 2, 3]
    assert articles_of(by_words(clusters, "promised")) == {"lumen/corridor", "harbour/corridor", "harbour/escorts"}


def test_two_quotes_one_outlet_runs_together_stay_two(ledger: Ledger) -> None:
    runs_on = article("a/run-on", "Marek Dvorak said: “We will reopen the mountain pass before the snow, and we will"
                      " rebuild the river bridge within a year.”", outlet="Lumen Daily", date="2025-01-10")
    apart = article("b/apart", "Marek Dvorak said: “We will reopen the mountain pass before the snow. And we will"
                    " rebuild the river bridge within a year.”", outlet="Harbour Post", date="2025-01-10")
    only_pass = article("c/pass", "Marek Dvorak said: “We will reopen the mountain pass before the snow.”",
                        outlet="Wire Service", date="2025-01-11")
    ledger.ingest_articles([runs_on, apart, only_pass], extractor=fake_extract)
    clusters = ledger.clusters()
    mountain, bridge = by_words(clusters, "mountain pass"), by_words(clusters, "river bridge")
    assert articles_of(mountain) == {"a/run-on", "b/apart", "c/pass"}
    assert articles_of(bridge) == {"a/run-on", "b/apart"}
    run_on = next(r for r in mountain.reports if r.article == "a/run-on")
    assert run_on.quote == "We will reopen the mountain pass before the snow"


def test_two_remarks_of_one_speaker_stay_apart(ledger: Ledger) -> None:
    one = article("x/one", "Ilse Brandt said: “The coast guard will double its patrols along the northern shore.”",
                  outlet="Lumen Daily", date="2025-02-01")
    two = article("x/two", "Ilse Brandt said: “The coast guard will never abandon the fishermen of the north.”",
                  outlet="Harbour Post", date="2025-02-01")
    ledger.ingest_articles([one, two], extractor=fake_extract)
    assert ledger.clusters() == []
    assert ledger.stats()["quotes"] == 2


def test_spellings_of_the_speaker_are_one_speaker(ledger: Ledger) -> None:
    words = "We are ready to meet at any table where the war can be ended honestly."
    spellings = ["Volodymyr Zelenskyy", "Zelensky", "President Zelenskiy"]
    items = [article(f"z/{i}", f"{name} said: “{words}”", outlet=f"Outlet {i}", date="2025-03-01")
             for i, name in enumerate(spellings)]
    # the same words weeks later from another man are his own
    items.append(article("z/other", f"Mykhailo Podolyak said: “{words}”", outlet="Outlet 9", date="2025-03-25"))
    adviser = "The talks will resume only when the shelling of the southern ports stops."
    items += [article("p/1", f"Mykhailo Podoliak said: “{adviser}”", outlet="Outlet 1", date="2025-03-02"),
              article("p/2", f"Podolyak said: “{adviser}”", outlet="Outlet 2", date="2025-03-02")]
    ledger.ingest_articles(items, extractor=fake_extract)
    zelensky, podolyak = by_words(ledger.clusters(), "any table"), by_words(ledger.clusters(), "southern ports")
    assert articles_of(zelensky) == {"z/0", "z/1", "z/2"} and articles_of(podolyak) == {"p/1", "p/2"}
    assert [a["reports"] for a in zelensky.attributions] == [3]
    assert [(a["speaker"], a["reports"]) for a in podolyak.attributions] == [("Mykhailo Podoliak", 2)]


def test_the_report_that_names_the_speaker_names_the_quote(ledger: Ledger) -> None:
    words = "Every convoy that reaches the port is a promise kept to the people of the coast."
    unnamed = article("u/first", f"Someone said: “{words}”", outlet="Wire Service", date="2025-04-02",
                      published="2025-04-02T06:00")
    named = article("u/second", f"Tomas Lind said: “{words}”", outlet="Harbour Post", date="2025-04-02",
                    published="2025-04-02T09:00")
    ledger.ingest_articles([unnamed, named], extractor=fake_extract)
    (c,) = ledger.clusters()
    assert c.first_article == "u/first" and c.speaker == "Tomas Lind"
    assert [(r.article, r.speaker) for r in c.reports] == [("u/first", "unknown"), ("u/second", "Tomas Lind")]


def test_an_unnamed_report_does_not_join_two_speakers(ledger: Ledger) -> None:
    words = "We have no intention of closing the border crossing this winter."
    items = [article("n/lind", f"Tomas Lind said: “{words}”", outlet="A", date="2025-04-02"),
             article("n/someone", f"Someone said: “{words}”", outlet="B", date="2025-04-02"),
             article("n/brandt", f"Ilse Brandt said: “{words}”", outlet="C", date="2025-05-20")]
    ledger.ingest_articles(items, extractor=fake_extract)
    (c,) = ledger.clusters()
    assert len(c.reports) == 2 and "n/someone" in articles_of(c)


def test_another_translation_is_shown_apart(ledger: Ledger) -> None:
    stage = article("t/stage", "Ilse Brandt said: “The negotiations have entered a hot stage and nobody will leave"
                    " the table.”", outlet="Lumen Daily", date="2025-05-02")
    stage_too = article("t/stage-2", "Ilse Brandt said: “The negotiations have entered a hot stage and nobody will"
                        " leave the table.”", outlet="Wire Service", date="2025-05-02")
    phase = article("t/phase", "Ilse Brandt said: “The negotiations have entered a hot phase and nobody will leave"
                    " the table.”", outlet="Harbour Post", date="2025-05-03")
    ledger.ingest_articles([stage, stage_too, phase], extractor=fake_extract)
    clusters = ledger.clusters(min_reports=1)
    main = by_words(clusters, "hot stage")
    other = by_words(clusters, "hot phase")
    assert articles_of(main) == {"t/stage", "t/stage-2"} and articles_of(other) == {"t/phase"}
    assert [t["id"] for t in main.translations] == [other.id]
    assert [t["id"] for t in other.translations] == [main.id]


def test_should_and_need_to_are_another_translation(ledger: Ledger) -> None:
    a = article("m/should", "Marek Dvorak said: “Europe should strengthen its air defence before the spring.”",
                outlet="Lumen Daily", date="2025-06-01")
    b = article("m/need", "Marek Dvorak said: “Europe needs to strengthen its air defence before the spring.”",
                outlet="Harbour Post", date="2025-06-01")
    ledger.ingest_articles([a, b], extractor=fake_extract)
    assert ledger.clusters() == []
    (first, second) = ledger.clusters(min_reports=1)
    assert [t["id"] for t in first.translations] == [second.id]


# --- who said it ------------------------------------------------------------------------------

CONFLICT_WORDS = "There is no agreement on the grain corridor until every ship is safe."


def test_the_same_long_words_under_two_names_on_one_day_are_one_quote_with_both_names(ledger: Ledger) -> None:
    items = [article("c/1", f"Anna Kovalenko said: “{CONFLICT_WORDS}”", outlet="A", date="2025-07-01"),
             article("c/2", f"Anna Kovalenko said: “{CONFLICT_WORDS}”", outlet="B", date="2025-07-01"),
             article("c/3", f"Marek Dvorak said: “{CONFLICT_WORDS}”", outlet="C", date="2025-07-02")]
    ledger.ingest_articles(items, extractor=fake_extract)
    (c,) = ledger.clusters()
    assert c.speaker == "Anna Kovalenko" and c.n_outlets == 3
    assert [(x["speaker"], x["reports"]) for x in c.attributions] == [("Anna Kovalenko", 2), ("Marek Dvorak", 1)]


def test_the_same_words_of_two_speakers_weeks_apart_or_short_stay_apart(ledger: Ledger) -> None:
    short = "We will not back down."
    items = [article("d/1", f"Anna Kovalenko said: “{CONFLICT_WORDS}”", outlet="A", date="2025-07-01"),
             article("d/2", f"Marek Dvorak said: “{CONFLICT_WORDS}”", outlet="B", date="2025-08-15"),
             article("d/3", f"Anna Kovalenko said: “{short}”", outlet="A", date="2025-07-01"),
             article("d/4", f"Marek Dvorak said: “{short}”", outlet="B", date="2025-07-01")]
    ledger.ingest_articles(items, extractor=fake_extract)
    assert ledger.clusters() == []


# --- when and where ---------------------------------------------------------------------------


def with_said_on(days: dict[str, str], assumed: frozenset[str] = frozenset()) -> Any:
    """The fake, with the date each article says the words were said (``assumed``: the articles
    that state no time, whose date the extractor takes)."""

    def run(items: Iterable[Any]) -> Iterator[dict[str, Any]]:
        for result in fake_extract(items):
            for d in result["statements"]:
                if result["id"] in days:
                    stated = result["id"] not in assumed
                    d["said_on"] = {"date": days[result["id"]], "precision": "day",
                                    "text": "on Monday" if stated else "", "assumed": not stated}
            yield result

    return run


def test_a_date_a_report_states_outweighs_dates_reports_assume(ledger: Ledger) -> None:
    # one report says "on Sunday"; two reprints a day later state no time and take their own date
    words = "The lighthouse on the northern cape will be lit again before the winter."
    items = [article(f"d/{k}", f"Tomas Lind said: “{words}”", outlet=o, date=day)
             for k, o, day in ((1, "A", "2025-09-02"), (2, "B", "2025-09-03"), (3, "C", "2025-09-03"))]
    days = {"d/1": "2025-09-01", "d/2": "2025-09-03", "d/3": "2025-09-03"}
    ledger.ingest_articles(items, extractor=with_said_on(days, assumed=frozenset({"d/2", "d/3"})))
    (c,) = ledger.clusters()
    assert c.said_on == "2025-09-01"


def test_with_no_date_stated_the_words_were_said_by_the_first_report(ledger: Ledger) -> None:
    words = "The lighthouse on the northern cape will be lit again before the winter."
    items = [article(f"n/{k}", f"Tomas Lind said: “{words}”", outlet=o, date=day)
             for k, o, day in ((1, "A", "2025-09-02"), (2, "B", "2025-09-03"), (3, "C", "2025-09-03"))]
    days = {"n/1": "2025-09-02", "n/2": "2025-09-03", "n/3": "2025-09-03"}
    ledger.ingest_articles(items, extractor=with_said_on(days, assumed=frozenset(days)))
    (c,) = ledger.clusters()
    assert c.said_on == "2025-09-02"


def test_when_and_where_the_words_were_said(ledger: Ledger) -> None:
    words = "The lighthouse on the northern cape will be lit again before the winter."
    items = [article("w/1", f"Tomas Lind said on Radio Lumen: “{words}”", outlet="A", date="2025-09-02"),
             article("w/2", f"Tomas Lind said on Radio Lumen: “{words}”", outlet="B", date="2025-09-03"),
             article("w/3", f"Tomas Lind said: “{words}”", outlet="C", date="2025-09-04")]
    ledger.ingest_articles(items, extractor=with_said_on({"w/1": "2025-09-01", "w/2": "2025-09-01",
                                                          "w/3": "2025-09-02"}))
    (c,) = ledger.clusters()
    assert (c.said_on, c.venue) == ("2025-09-01", "Radio Lumen")
    assert c.headline == "3 outlets · first: A, 2025-09-02 · said 2025-09-01 (Radio Lumen)"
    assert [(r.said_on, r.venue) for r in c.reports] == [("2025-09-01", "Radio Lumen"), ("2025-09-01", "Radio Lumen"),
                                                         ("2025-09-02", None)]


# --- following the ledger ---------------------------------------------------------------------


def test_search_and_timeline_show_every_outlet(ledger: Ledger) -> None:
    ledger.ingest_articles([FULL, ONE_SENTENCE], extractor=fake_extract)
    hits = ledger.search("escorts")
    assert {h.article for h in hits} == {"lumen/corridor", "harbour/escorts"}
    alone = next(h for h in hits if h.article == "harbour/escorts")
    assert (alone.reports, alone.outlets) == (2, ["Lumen Daily", "Harbour Post"])


def test_clusters_follow_a_changed_article(ledger: Ledger) -> None:
    ledger.ingest_articles([TRIMMED, AROUND_THE_CUE, FULL], extractor=fake_extract)
    assert by_words(ledger.clusters(), "grain corridor").first_article == "lumen/corridor"
    # the first report changes and no longer carries the quote: the cluster follows
    changed = dataclasses.replace(FULL, text="Anna Kovalenko said: “The harbour cranes will be repaired in spring.”")
    report = ledger.ingest_articles([changed], extractor=fake_extract)
    assert report.replaced == 1 and report.clusters is not None
    (c,) = ledger.clusters()
    assert c.first_article == "courier/corridor" and c.outlets == ["Coastal Courier", "Wire Service"]


def test_a_statement_with_nothing_to_match_is_a_quote_alone(ledger: Ledger) -> None:
    # "said that" with a clause of one word: too short for any passage to match
    ledger.ingest_articles([article("s/short", "Tomas Lind said that yes.", outlet="A")], extractor=fake_extract)
    assert ledger.recluster() is None  # it has its cluster: nothing is left to do
    assert ledger.stats()["quotes"] == 1 and ledger.statements()[0].cluster_id is not None


def test_reclustering_is_stable(ledger: Ledger) -> None:
    ledger.ingest_articles([FULL, ONE_SENTENCE, TRIMMED, SPELLED_APART], extractor=fake_extract)
    before = ledger.clusters(min_reports=1, limit=None).to_dicts()
    assert ledger.recluster() is None  # current already
    assert ledger.recluster(full=True) == len(before)
    assert ledger.clusters(min_reports=1, limit=None).to_dicts() == before


def snapshot(ledger: Ledger) -> list[tuple]:
    found = ledger.clusters(min_reports=1, limit=None, translations=False)
    return sorted((c.id, c.first_article, c.n_reports, tuple(c.outlets), c.quote,
                   tuple((r.statement_id, r.quote) for r in c.reports)) for c in found)


def test_incremental_clustering_equals_a_full_rebuild(ledger: Ledger) -> None:
    items = many_articles(60) + [FULL, TRIMMED, ONE_SENTENCE, AROUND_THE_CUE, SPELLED_APART]
    for start in range(0, len(items), 7):  # many small runs, each clustering what it added
        ledger.ingest_articles(items[start : start + 7], extractor=fake_extract)
    # some articles change: one loses its statements, one gets another article's remark
    changed = [
        dataclasses.replace(items[4], text="Nothing is quoted here any more.", errors=[]),
        dataclasses.replace(items[13], text=items[5].text, errors=[]),
        dataclasses.replace(FULL, text=FULL.text.replace("Anna Kovalenko", "Marek Dvorak"), errors=[]),
    ]
    assert ledger.ingest_articles(changed, extractor=fake_extract).replaced == 3
    incremental = snapshot(ledger)
    assert any(n > 1 for _, _, n, *_ in incremental)
    assert ledger.recluster(full=True) == len(incremental)
    assert snapshot(ledger) == incremental
    reported = {sid for *_, reports in incremental for sid, _ in reports}
    assert len(reported) == ledger.stats()["statements"]  # every statement is in some cluster


# --- a widely reported quote: joined, not computed again -------------------------------------------


def reprints(n: int) -> list[Any]:
    """``n`` outlets printing the remark each way above (whole, one sentence, trimmed, split around
    the cue, another spelling), on the days above."""
    ways = [FULL, ONE_SENTENCE, TRIMMED, AROUND_THE_CUE, SPELLED_APART]
    return [dataclasses.replace(ways[i % len(ways)], id=f"reprint/{i:03d}", outlet=f"Outlet {i}") for i in range(n)]


def one_run_each(ledger: Ledger, items: list[Any], monkeypatch: Any) -> list[int]:
    """Ingest one article a run; the statements each run's linking loaded (new and stored)."""
    from onrecord.ledger import clusters, linking

    loaded: list[int] = []

    def counting(pieces: list[Any]) -> Any:
        loaded.append(len({p.member.id for p in pieces}))
        return linking.link_pieces(pieces)

    monkeypatch.setattr(clusters, "link_pieces", counting)
    for item in items:
        ledger.ingest_articles([item], extractor=fake_extract)
    return loaded


def test_a_widely_reported_quote_is_joined_not_computed_again(ledger: Ledger, tmp_path: Any,
                                                               monkeypatch: Any) -> None:
    from onrecord.ledger import clusters, linking

    for module in (clusters, linking):  # few candidates a report, so that 50 reports are many
        monkeypatch.setattr(module, "CAP", 8)
        monkeypatch.setattr(module, "MAX_CANDIDATES", 8)
    items = reprints(50)
    with Ledger(f"sqlite:///{tmp_path / 'all.db'}") as every_time:  # every cluster computed again
        again = one_run_each(every_time, items, monkeypatch)
        computed = snapshot(every_time)
    monkeypatch.setattr(clusters, "SETTLED", 3)
    with ledger as settled:  # (each backend)
        joined = one_run_each(settled, items, monkeypatch)[-5:]  # (before the full rebuild below)
        incremental = snapshot(settled)
        assert max(n for _, _, n, *_ in incremental) > 20  # the three sentences, reported widely
        assert incremental == computed  # the same clusters, first reports, outlets and rows
        assert settled.recluster(full=True) == len(incremental)
        assert snapshot(settled) == incremental
        # an article of the quote changes: its clusters dissolve and are made again, a few
        # statements a chunk (the rest wait with the dissolved cluster's passages)
        monkeypatch.setattr(clusters, "CHUNK", 10)
        changed = dataclasses.replace(items[0], text="Anna Kovalenko said: “The cranes will be repaired.”")
        assert settled.ingest_articles([changed], extractor=fake_extract).replaced == 1
        after = snapshot(settled)
        assert settled.recluster(full=True) == len(after)
        assert snapshot(settled) == after
    # the last runs load the reports their fingerprints find, not every report of the quote
    assert max(joined) < 20 < 50 < min(again[-5:])


# --- with the pipeline: the reports extraction must attribute right to merge ------------------------


def test_short_reports_merge_once_extraction_gives_them_their_speaker(ledger: Ledger, nlp) -> None:
    # under seven words, two named speakers never merge: each short report needs its own speaker
    from onrecord.extraction.pipeline import extract_articles
    from onrecord.model import Article

    items = [
        Article(id="wire/talks", date="2025-06-02", outlet="Wire", text=(
            "“No deal is done until it is done,” Tom Hale said after the talks.\n\n"
            "The president said that he and Lena Ward had made progress.\n\n"  # Hale, not Varga below
            "“We did not get there,” he later said.\n\n"
            "A summit with Moldovan President Lidia Varga is not planned.")),
        Article(id="post/talks", date="2025-06-02", outlet="Post", text=(
            "“We did not get there, but we have a very good chance of getting there,” Tom Hale told reporters. "
            "Closing the event, Hale thanked Lena Ward. Ward responded with, “Next time in Oslo,” prompting Hale "
            "to remark, “That is an interesting one.”")),
        Article(id="courier/talks", date="2025-06-02", outlet="Courier", text=(
            "Lena Ward told Tom Hale in English: “Next time in Oslo.” "
            "Hale, smiling, said: “That is an interesting one. I could see it happening.”")),
    ]
    ledger.ingest_articles(items, extractor=lambda arts: extract_articles(arts, nlp=nlp))
    clusters = ledger.clusters(limit=None)
    there, oslo, one = (by_words(clusters, w) for w in ("did not get there", "Next time in Oslo", "interesting one"))
    assert (articles_of(there), there.speaker) == ({"wire/talks", "post/talks"}, "Tom Hale")
    assert (articles_of(oslo), oslo.speaker) == ({"post/talks", "courier/talks"}, "Lena Ward")
    assert (articles_of(one), one.speaker) == ({"post/talks", "courier/talks"}, "Tom Hale")


def test_an_outlet_printing_low_marks_joins_the_quote(ledger: Ledger, nlp) -> None:
    # a European outlet's English edition prints „…“ (or „…”), another “…”: one quote, and the
    # words after the closing mark are no part of it
    from onrecord.extraction.pipeline import extract_articles
    from onrecord.model import Article

    words = "We will keep the grain corridor open for every ship that respects the rules of the sea"
    items = [
        Article(id="lumen/low", date="2025-06-02", outlet="Lumen", text=(
            f"Anna Kovalenko said „{words}“ on Monday in Odesa.")),
        Article(id="post/low", date="2025-06-02", outlet="Post", text=(
            f"Anna Kovalenko said: „{words}.” She did not take questions.")),
        Article(id="wire/curly", date="2025-06-02", outlet="Wire", text=(
            f"“{words},” Anna Kovalenko told reporters.")),
    ]
    ledger.ingest_articles(items, extractor=lambda arts: extract_articles(arts, nlp=nlp))
    corridor = by_words(ledger.clusters(limit=None), "grain corridor")
    assert articles_of(corridor) == {"lumen/low", "post/low", "wire/curly"}
    low = next(r for r in corridor.reports if r.article == "lumen/low")
    assert low.statement_quote == words  # "on Monday in Odesa" is when and where, not what
