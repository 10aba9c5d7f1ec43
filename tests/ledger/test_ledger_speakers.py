"""Speakers in the ledger: one display name per id in every output, whatever each article wrote,
and no speaker made of a name the registry refuses ("you", "Kyiv")."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ledger_fakes import article, fake_extract

from onrecord.ledger import Ledger
from onrecord.ledger.records import speaker_id_of
from onrecord.model import Article

# what each article calls the one person the registry gave the id "person:k-berg"
NAMES = {"b1": "President of Norway Karl Berg", "b2": "Karl Berg", "b3": "Berg"}


def with_ids(articles: Iterable[Article]) -> Iterator[dict[str, Any]]:
    """The fake extractor, with the id the registry would give and each article's own name."""
    for result in fake_extract(articles):
        for s in result["statements"]:
            if s["speaker"]["name"] == "Karl Berg":
                s["speaker"]["id"] = "person:k-berg"
                s["speaker"]["name"] = NAMES[result["id"]]
        yield result


def test_one_id_is_shown_by_one_name_without_its_title(ledger: Ledger) -> None:
    ledger.ingest_articles([
        article(key, f"Karl Berg said: “We will keep the {word} open.”", date=f"2024-11-0{i}")
        for i, (key, word) in enumerate([("b1", "port"), ("b2", "border"), ("b3", "road")], start=1)
    ], extractor=with_ids)
    assert {r.speaker for r in ledger.search("keep")} == {"Karl Berg"}
    assert {e.speaker for e in ledger.timeline("Berg")} == {"Karl Berg"}
    assert {e.speaker for e in ledger.timeline("President of Norway")} == {"Karl Berg"}  # an alias finds him


def test_a_refused_name_gets_no_speaker_id() -> None:
    def speaker(name: str, type: str = "person") -> dict[str, Any]:
        return {"speaker": {"name": name, "type": type}}

    assert speaker_id_of(speaker("you")) is None
    assert speaker_id_of(speaker("Kyiv")) is None
    assert speaker_id_of(speaker("5:17 p.m.", "unknown")) is None
    assert speaker_id_of(speaker("an unnamed official", "unknown")) is None  # unattributed: no speaker
    assert speaker_id_of(speaker("Karl Berg")) == "karl-berg"
    assert speaker_id_of(speaker("Ukrainian officials", "group")) == "ukrainian-officials"
