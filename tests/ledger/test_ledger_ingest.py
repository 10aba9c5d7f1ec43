"""Ingest: idempotent, changed articles replaced atomically, per-document errors recorded."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from ledger_fakes import CountingExtractor, article, corpus, fake_extract

from onrecord.ledger import Ledger
from onrecord.ledger.ingest import content_hash
from onrecord.ledger.records import speaker_slug, statement_dict, statement_row
from onrecord.model import Article
from onrecord.model.statement import Cue, Mention, Quote, SaidOn, Segment, Speaker, Statement, Venue


def counts(ledger: Ledger) -> dict[str, Any]:
    s = ledger.stats()
    return {k: v for k, v in s.items() if k not in ("runs", "last_run")}


def test_second_ingest_stores_nothing(ledger: Ledger) -> None:
    first = ledger.ingest_articles(corpus(), extractor=fake_extract)
    before = counts(ledger)
    second = ledger.ingest_articles(corpus(), extractor=fake_extract)
    assert (first.stored, first.skipped, first.statements) == (5, 0, 7)
    assert (second.read, second.stored, second.replaced, second.skipped, second.statements) == (5, 0, 0, 5, 0)
    assert second.clusters is None  # nothing changed, nothing re-clustered
    assert counts(ledger) == before
    assert before["articles"] == 5 and before["statements"] == 7


def test_stored_articles_are_skipped_before_extraction(ledger: Ledger) -> None:
    ledger.ingest_articles(corpus()[:3], extractor=fake_extract)
    extractor = CountingExtractor()
    ledger.ingest_articles(corpus(), extractor=extractor)
    assert extractor.seen == ["a4", "a5"]


def test_statements_read_back_as_extracted(filled: Ledger) -> None:
    for result in fake_extract(corpus()):
        stored = filled.statements(article=result["id"])
        assert [r.statement for r in stored] == [
            {**d, "speaker": {**d["speaker"], "id": speaker_slug(d["speaker"]["name"])}}
            for d in result["statements"]
        ]
        assert all(isinstance(r.to_statement(), Statement) for r in stored)


def test_every_field_survives_the_row_mapping() -> None:
    st = Statement(
        kind="mixed",
        quote=Quote("part one part two", 10, 60, [Segment(10, 18), Segment(40, 60)]),
        cue=Cue("told", 20, 24, "tell", "assert"),
        speaker=Speaker("Ilse Brandt", "person", Mention("she", 30, 33), id="Q42", members=["a", "b"]),
        negated=True,
        hedged=True,
        venue=Venue("Sky News", "media", "on Sky News", 70, 81),
        addressee="reporters",
        via_translator=True,
        said_on=SaidOn("2024-11-03", "day", "on Sunday", assumed=True),
        time="before",
        issues=["nato", "ceasefire"],
    )
    d = st.to_dict()
    d["confidence"] = 0.75  # a field a later extractor may add
    d["speaker"]["gender"] = "f"
    row = statement_row(d)
    assert statement_dict(row) == d
    assert (
        Statement.from_dict(
            {k: v for k, v in d.items() if k != "confidence"} | {"speaker": st.to_dict()["speaker"]}
        )
        == st
    )


def test_a_changed_article_replaces_its_statements(filled: Ledger) -> None:
    old_ids = [r.id for r in filled.statements(article="a2")]
    changed = article(
        "a2",
        "Ilse Brandt said: “Lighthouses along the coast will stay lit all winter.”",
        outlet="Harbour Post",
        date="2024-11-05",
        published="2024-11-05T18:40",
    )
    report = filled.ingest_articles([changed], extractor=fake_extract)
    assert (report.stored, report.replaced, report.statements) == (0, 1, 1)
    stored = filled.statements(article="a2")
    assert [r.quote for r in stored] == ["Lighthouses along the coast will stay lit all winter."]
    assert not set(old_ids) & {r.id for r in filled.statements()}
    assert filled.stats()["articles"] == 5
    # the full-text index follows: the old words are gone, the new ones found
    assert filled.search("grain corridor") == []
    assert [r.article for r in filled.search("lighthouses")] == ["a2"]
    # and so do the clusters: every statement belongs to a current one
    assert all(r.cluster_id is not None and r.reports >= 1 for r in filled.statements())


def test_same_content_under_another_key_is_stored_once(ledger: Ledger) -> None:
    a = corpus()[0]
    b = dataclasses.replace(a, id="copy-of-a1", source="elsewhere/a1.json", errors=[])
    report = ledger.ingest_articles([a, b], extractor=fake_extract)
    assert (report.stored, report.skipped) == (1, 1)
    assert ledger.stats()["articles"] == 1


def test_content_hash_covers_text_and_metadata() -> None:
    a = corpus()[0]
    assert content_hash(a) == content_hash(dataclasses.replace(a, source="other/path.json"))
    assert content_hash(a) != content_hash(dataclasses.replace(a, outlet="Other Outlet"))
    assert content_hash(a) != content_hash(dataclasses.replace(a, text=a.text + " "))


def test_document_errors_are_recorded_in_the_run(ledger: Ledger) -> None:
    items = [
        *corpus()[:2],
        Article.failed("broken.json", "invalid JSON on line 1: Expecting value (column 1)", "broken.json"),
        article("doomed", "Anna Kovalenko said: “EXTRACTION FAILS here, by request.”"),
    ]
    report = ledger.ingest_articles(items, extractor=fake_extract)
    assert (report.read, report.stored, report.failed) == (4, 2, 2)
    assert [k for k, _ in report.errors] == ["broken.json", "doomed"]
    run = ledger.runs(limit=1)[0]
    assert run["status"] == "finished" and run["n_failed"] == 2 and run["n_stored"] == 2
    assert [(e["article_key"], e["source"]) for e in run["errors"]] == [
        ("broken.json", "broken.json"),
        ("doomed", "doomed.json"),
    ]
    assert "invalid JSON" in run["errors"][0]["message"]
    # failed documents are not stored, so the next run tries them again
    again = ledger.ingest_articles(items, extractor=fake_extract)
    assert (again.skipped, again.failed, again.stored) == (2, 2, 0)
    assert ledger.stats()["articles"] == 2


def test_force_extracts_again_without_duplicating(filled: Ledger) -> None:
    before = counts(filled)
    old_ids = {r.id for r in filled.statements()}
    report = filled.ingest_articles(corpus(), extractor=fake_extract, force=True)
    assert (report.replaced, report.stored, report.statements) == (5, 0, 7)
    assert counts(filled) == before
    assert not old_ids & {r.id for r in filled.statements()}


def test_progress_is_reported_per_article(ledger: Ledger) -> None:
    seen: list[tuple[int, int]] = []
    ledger.ingest_articles(
        corpus(), extractor=fake_extract, on_progress=lambda r: seen.append((r.read, r.statements))
    )
    assert [n for n, _ in seen] == [1, 2, 3, 4, 5]
    assert seen[-1][1] == 7


def test_a_crashing_extractor_marks_the_run_failed(ledger: Ledger) -> None:
    def crashing(items):
        for i, result in enumerate(fake_extract(items)):
            if i == 2:
                raise RuntimeError("model exploded")
            yield result

    with pytest.raises(RuntimeError, match="model exploded"):
        ledger.ingest_articles(corpus(), extractor=crashing)
    run = ledger.runs(limit=1)[0]
    assert run["status"] == "failed" and "model exploded" in run["message"]
    assert ledger.stats()["articles"] == 2
    report = ledger.ingest_articles(corpus(), extractor=fake_extract)
    assert (report.skipped, report.stored) == (2, 3)
    assert ledger.stats()["statements"] == 7


def test_ingest_reads_paths_with_the_article_readers(ledger: Ledger, tmp_path, monkeypatch) -> None:
    import onrecord.readers

    given: list[list[str]] = []

    def fake_iter(paths):
        given.append([str(p) for p in paths])
        return iter(corpus())

    monkeypatch.setattr(onrecord.readers, "iter_articles", fake_iter)
    report = ledger.ingest([tmp_path], extractor=fake_extract)
    assert given == [[str(tmp_path)]] and report.stored == 5
    assert ledger.runs(limit=1)[0]["paths"] == [str(tmp_path)]


def test_a_worker_pool_gives_the_same_ledger(ledger: Ledger, tmp_path) -> None:
    from ledger_fakes import fake_batch

    from onrecord.ledger.workers import pooled

    items = corpus() + [
        article(f"extra{i}", f"Tomas Lind said: “Ferry number {i} sails at dawn today.”") for i in range(20)
    ]
    report = ledger.ingest_articles(
        items, extractor=lambda it: pooled(it, fake_batch, workers=2, batch_size=3)
    )
    assert (report.stored, report.statements) == (25, 27)
    with Ledger(f"sqlite:///{tmp_path / 'serial.db'}") as serial:
        serial.ingest_articles(items, extractor=fake_extract)
        assert [(r.article, r.quote) for r in ledger.statements()] == [
            (r.article, r.quote) for r in serial.statements()
        ]
