"""Same quote, many outlets: near-identical quotes of one speaker become one cluster."""

from __future__ import annotations

import dataclasses
import random

from ledger_fakes import article, fake_extract, many_articles

from onrecord.ledger import Ledger
from onrecord.ledger.clusters import (
    Member,
    find_clusters,
    quote_tokens,
    same_words,
    signatures,
    speakers_match,
)

# two reports of one remark, written for this test: the later-published one is ingested first
# and differs in quote marks, an ellipsis for a comma, "[the]" against a plain "the" omitted,
# and a trimmed end
LATER = article(
    "harbour-post/corridor",
    'Anna Kovalenko said: "We will keep the grain corridor open for every ship that respects the rules '
    'of the sea ... and we expect our partners to help us"',
    outlet="Harbour Post",
    date="2024-11-06",
    published="2024-11-06T08:30",
)
EARLIER = article(
    "lumen-daily/corridor",
    "Anna Kovalenko said: “We will keep [the] grain corridor open for every ship that respects the rules "
    "of the sea, and we expect our partners to help us protect it.”",
    outlet="Lumen Daily",
    date="2024-11-05",
    published="2024-11-05T21:10",
)


def test_one_quote_two_outlets_one_cluster(ledger: Ledger) -> None:
    ledger.ingest_articles([LATER, EARLIER], extractor=fake_extract)
    clusters = ledger.clusters()
    assert len(clusters) == 1
    (c,) = clusters
    assert c.n_reports == 2 and [r.article for r in c.reports] == [
        "lumen-daily/corridor",
        "harbour-post/corridor",
    ]
    assert (c.first_article, c.first_outlet, c.first_published) == (
        "lumen-daily/corridor",
        "Lumen Daily",
        "2024-11-05T21:10",
    )
    assert c.outlets == ["Lumen Daily", "Harbour Post"]
    assert c.quote.startswith("We will keep [the] grain corridor")
    assert c.speaker == "Anna Kovalenko"
    hits = ledger.search("grain corridor")
    assert len(hits) == 2 and {h.cluster_id for h in hits} == {c.id}
    assert all(h.reports == 2 and h.outlets == ["Lumen Daily", "Harbour Post"] for h in hits)
    (entry,) = ledger.timeline("Kovalenko")
    assert (entry.date, entry.outlets, entry.reports) == ("2024-11-05", ["Lumen Daily", "Harbour Post"], 2)


def test_other_speakers_and_other_words_stay_apart(ledger: Ledger) -> None:
    other_speaker = article(
        "x/other-speaker",
        "Marek Dvorak said: “We will keep the grain corridor open for every ship that respects the rules of "
        "the sea, and we expect our partners to help us protect it.”",
        outlet="Coastal Courier",
    )
    reordered = article(
        "x/reordered",
        "Anna Kovalenko said: “Every partner expects us to protect the sea, and the rules of the corridor "
        "keep grain ships open for help.”",
        outlet="Coastal Courier",
    )
    ledger.ingest_articles([LATER, EARLIER, other_speaker, reordered], extractor=fake_extract)
    (c,) = ledger.clusters()
    assert {r.article for r in c.reports} == {"harbour-post/corridor", "lumen-daily/corridor"}
    assert ledger.stats()["quotes"] == 3


def test_a_third_report_joins_and_clusters_follow_changes(ledger: Ledger) -> None:
    undated_time = article(
        "wire/corridor",
        "Anna Kovalenko said: “we will keep the grain corridor open for every ship that respects the rules "
        "of the sea and we expect our partners to help us protect it”",
        outlet="Wire Service",
        date="2024-11-05",  # same day as the first report, no time: counts as later that day
    )
    ledger.ingest_articles([LATER, EARLIER, undated_time], extractor=fake_extract)
    (c,) = ledger.clusters()
    assert c.n_reports == 3 and c.first_article == "lumen-daily/corridor"
    assert c.outlets == ["Lumen Daily", "Wire Service", "Harbour Post"]
    # the earliest report changes and no longer carries the quote: the cluster follows
    changed = article(
        "lumen-daily/corridor",
        "Anna Kovalenko said: “The harbour cranes will be repaired before spring.”",
        outlet="Lumen Daily",
        date="2024-11-05",
        published="2024-11-05T21:10",
    )
    report = ledger.ingest_articles([changed], extractor=fake_extract)
    assert report.replaced == 1 and report.clusters is not None
    (c,) = ledger.clusters()
    assert c.n_reports == 2 and c.first_article == "wire/corridor"
    assert c.outlets == ["Wire Service", "Harbour Post"]


def test_reclustering_is_stable(ledger: Ledger) -> None:
    ledger.ingest_articles([LATER, EARLIER], extractor=fake_extract)
    before = ledger.clusters(min_reports=1).to_dicts()
    assert ledger.recluster() is None  # current already
    assert ledger.recluster(full=True) == len(before)
    assert ledger.clusters(min_reports=1).to_dicts() == before


def test_incremental_clustering_equals_a_full_rebuild(ledger: Ledger) -> None:
    items = many_articles(60) + [LATER, EARLIER]
    for start in range(0, len(items), 7):  # many small runs, each clustering what it added
        ledger.ingest_articles(items[start : start + 7], extractor=fake_extract)
    # some articles change: one loses its statements, one gets another article's remark
    changed = [
        dataclasses.replace(items[4], text="Nothing is quoted here any more.", errors=[]),
        dataclasses.replace(items[13], text=items[5].text, errors=[]),
        dataclasses.replace(EARLIER, text=EARLIER.text.replace("Anna Kovalenko", "Marek Dvorak"), errors=[]),
    ]
    assert ledger.ingest_articles(changed, extractor=fake_extract).replaced == 3

    def snapshot() -> list[tuple]:
        found = ledger.clusters(min_reports=1, limit=None)
        return sorted(
            (c.id, c.first_article, c.n_reports, tuple(c.outlets), tuple(r.statement_id for r in c.reports))
            for c in found
        )

    incremental = snapshot()
    assert any(n > 1 for _, _, n, _, _ in incremental)
    assert ledger.recluster(full=True) == len(incremental)
    assert snapshot() == incremental
    assert sum(len(ids) for *_, ids in incremental) == ledger.stats()["statements"]


# --- the parts -------------------------------------------------------------------------------


def test_normalised_words_ignore_marks_ellipses_and_insertions() -> None:
    a = quote_tokens("“We don’t trade [the] valleys… for winter,” ")
    b = quote_tokens('"we don\'t trade valleys ... for WINTER"')
    assert a == b == ["we", "don't", "trade", "valleys", "for", "winter"]


def test_same_words_allows_trims_not_reordering() -> None:
    words = "we will keep the corridor open for every ship that respects the rules".split()
    assert same_words(words, words[2:])  # trimmed start
    assert same_words(words, words[:-3])  # trimmed end
    assert not same_words(words, words[:5])  # a fragment is another statement
    assert not same_words(words, list(reversed(words)))
    assert not same_words(["no", "comment"], ["no", "comment"])  # too short to tell


def _member(
    i: int, quote: str, speaker: str = "Anna Kovalenko", sid: str | None = None, kind: str = "person"
):
    return Member(
        i, i, sid or speaker.lower().replace(" ", "-"), speaker, kind, quote, None, None, "O", None, None
    )


def test_speakers_match_by_id_or_surname() -> None:
    q = "irrelevant here"
    assert speakers_match(_member(1, q, "Volodymyr Zelenskyy"), _member(2, q, "Zelensky"))
    assert speakers_match(_member(1, q, "Zelenskiy"), _member(2, q, "President Zelensky"))
    assert not speakers_match(_member(1, q, "Joe Biden"), _member(2, q, "Joe Bidwell"))
    org_a = _member(1, q, "Foreign Ministry of Ruritania", kind="organization")
    org_b = _member(2, q, "Foreign Ministry of Freedonia", kind="organization")
    assert not speakers_match(org_a, org_b)
    unknown = _member(3, q)
    unknown.speaker_id = None
    assert not speakers_match(unknown, unknown)


def test_planted_variants_are_found_among_many_quotes() -> None:
    rng = random.Random(4)
    vocab = [f"w{i}" for i in range(3000)]
    originals = [" ".join(rng.choice(vocab) for _ in range(rng.randint(8, 30))) for _ in range(1500)]
    members = [_member(i, q, speaker=f"Speaker {i % 40}") for i, q in enumerate(originals)]
    planted = {}
    for k, i in enumerate(rng.sample(range(len(originals)), 150)):
        words = originals[i].split()
        variant = [
            " ".join(words[:-1]),  # trimmed end
            "“" + " ".join(words[:3] + ["[the]"] + words[3:]) + "”",  # an insertion, curly marks
            " ".join(words[:4]) + " … " + " ".join(words[5:]),  # one word left out for an ellipsis
        ][k % 3]
        planted[len(members)] = i
        members.append(_member(len(members), variant, speaker=f"Speaker {i % 40}"))
    for m, sig in zip(members, signatures(m.quote for m in members), strict=True):
        m.minhash = sig
    of = {m.id: n for n, group in enumerate(find_clusters(members)) for m in group}
    missed = [v for v, i in planted.items() if of[v] != of[i]]
    assert len(missed) <= 2  # LSH is probabilistic; at this similarity it almost never misses
    sizes: dict[int, int] = {}
    for n in of.values():
        sizes[n] = sizes.get(n, 0) + 1
    assert max(sizes.values()) == 2 and sum(1 for s in sizes.values() if s == 2) >= len(planted) - 2
