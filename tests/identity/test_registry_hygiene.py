"""Registry hygiene: one identity per person, typed right. A title without a name is a role of
its article; a country an organisation; a list of names a group; a pronoun, place or time no
identity; a person's name typed as an organisation is still the person."""

from __future__ import annotations

import pytest

from onrecord.identity.corpus import register_results
from onrecord.identity.registry import SpeakerRegistry
from onrecord.model.statement import Mention, Speaker


def fresh(defaults: bool = False) -> SpeakerRegistry:
    return SpeakerRegistry.load(defaults=defaults)


def result(article: str, *speakers: tuple[str, str] | tuple[str, str, str]) -> dict:
    """An extraction result with one statement per (name, type[, mention])."""
    statements = []
    for name, type, *mention in speakers:
        text = mention[0] if mention else name
        statements.append({"speaker": {"name": name, "type": type, "mention": {"text": text, "start": 0,
                                                                              "end": len(text)}}})
    return {"id": article, "article": {"date": "2024-05-02"}, "statements": statements}


# --- roles --------------------------------------------------------------------------------------


def test_a_title_alone_is_a_role_of_its_article_never_merged_across_articles() -> None:
    registry = fresh()
    one = registry.resolve("the president", scope="article-1")
    two = registry.resolve("The President", scope="article-2")
    assert one.type == two.type == "role"
    assert one.id != two.id and one.id.startswith("role:president@")
    assert registry.resolve("the president", scope="article-1").id == one.id  # stable within its article
    assert registry.resolve("President", "role", scope="article-1").id == one.id  # typed role by extraction


def test_a_scoped_role_id_is_the_same_in_every_run() -> None:
    assert fresh().resolve("the governor", scope="a").id == fresh().resolve("the governor", scope="a").id


def test_a_title_the_article_gives_a_list_of_names_stays_a_role() -> None:
    registry = fresh()
    roles = {"President": "Karl Berg, the Danish side and Norway"}
    assert registry.resolve("the president", article_roles=roles, scope="a").type == "role"


def test_the_corpus_registry_keeps_roles_of_two_articles_apart() -> None:
    registry = register_results([result("a", ("the President", "person")), result("b", ("the President", "person"))],
                                fresh())
    roles = [r for r in registry.to_rows() if r["type"] == "role"]
    assert [r["statements"] for r in roles] == [1, 1] and roles[0]["id"] != roles[1]["id"]


# --- typed right --------------------------------------------------------------------------------


@pytest.mark.parametrize("name, type, expected", [
    ("Norway", "person", "organization"),  # a country speaks as its state
    ("Norway", "group", "organization"),
    ("Karl Berg, the Danish side and Norway", "person", "group"),
    ("Ukrainian officials", "person", "group"),
    ("Anna Berg in Vienna", "person", "person"),
])
def test_types(name: str, type: str, expected: str) -> None:
    assert fresh().resolve(name, type).type == expected


def test_a_country_is_one_identity_however_it_was_typed() -> None:
    registry = fresh()
    ids = {registry.resolve("Norway", t).id for t in ("person", "group", "organization")}
    assert ids == {"org:norway"}


def test_a_phrase_after_a_name_is_dropped() -> None:
    registry = fresh()
    assert registry.resolve("Anna Berg in Vienna").id == registry.resolve("Anna Berg").id == "person:a-berg"


def test_one_collective_name_is_one_identity_whatever_its_type() -> None:
    registry = fresh()
    group = registry.resolve("the Nordic Council", "group")
    org = registry.resolve("Nordic Council", "organization")
    assert group.id == org.id or registry.canonical_id(group.id) == org.id
    assert org.type == "organization" and len(registry) == 1


@pytest.mark.parametrize("order", [("person", "organization"), ("organization", "person")])
def test_a_person_typed_as_an_organisation_is_the_person_in_any_order(order: tuple[str, str]) -> None:
    registry = fresh()
    ids = [registry.resolve("Oleh Danylenko", t).id for t in order]
    assert {registry.canonical_id(i) for i in ids} == {"person:o-danilenko"}
    assert [i.type for i in registry] == ["person"]


def test_a_pinned_person_typed_as_an_organisation_is_the_person() -> None:
    assert fresh(defaults=True).resolve("Volodymyr Zelenskyy", "organization").id == "person:v-zelenski"


# --- no identity at all -------------------------------------------------------------------------


@pytest.mark.parametrize("name, type, reason", [
    ("I", "person", "pronoun"), ("And I", "person", "pronoun"), ("which", "person", "pronoun"),
    ("Kyiv", "person", "place"), ("Anchorage", "organization", "place"), ("5:17 p.m.", "person", "time"),
    ("the plan", "person", "common noun"), ("sovereignty", "person", "common noun"),
])
def test_names_of_no_one_get_no_identity(name: str, type: str, reason: str) -> None:
    registry = fresh()
    speaker = Speaker(name=name, type=type, mention=Mention(name, 0, len(name)))  # type: ignore[arg-type]
    assert registry.refusal(name, type) == reason
    assert registry.identify(speaker) is None and speaker.id is None
    assert len(registry) == 0


def test_a_common_noun_the_article_names_something_by_is_kept() -> None:
    registry = fresh()
    assert registry.refusal("the ministry", "person") is None  # a body that speaks
    assert registry.refusal("the plan", "person") == "common noun"
    assert registry.refusal("the plan", "person", {"Nordic Peace Plan": "Nordic Peace Plan"}) is None


def test_a_single_word_that_is_a_known_surname_is_the_person() -> None:
    registry = fresh()
    registry.resolve("Theresa May")
    assert registry.refusal("May") is None
    assert fresh().refusal("May") == "time"


def test_the_corpus_registry_has_no_pronoun_place_or_list_person() -> None:
    registry = register_results([result(
        "a", ("Karl Berg", "person"), ("Kyiv", "person", "he"), ("I", "person"),
        ("Karl Berg, the Danish side and Norway", "person", "the President"), ("Norway", "person"),
    )], fresh())
    rows = {r["name"]: r["type"] for r in registry.to_rows() if r["statements"]}
    assert rows == {"Karl Berg": "person", "Karl Berg, the Danish side and Norway": "group", "Norway": "organization"}


def test_a_person_the_model_typed_org_is_a_person_by_a_known_first_name() -> None:
    assert fresh().resolve("Oleksiy Danylenko", "organization").id == "person:a-danilenko"


def test_a_title_the_article_gives_a_place_stays_a_role() -> None:
    assert fresh().resolve("the president", article_roles={"President": "Kyiv"}, scope="a").type == "role"


def test_a_title_the_article_gives_another_title_is_still_its_articles_role() -> None:
    roles = {"Press Secretary": "Chief Adviser"}  # what a title-only mention leaves in the article's roles
    found = fresh().resolve("the press secretary", article_roles=roles, scope="a")
    assert found.type == "role" and found.id.startswith("role:") and "@" in found.id


@pytest.mark.parametrize("name, type", [
    ("the Danish side", "organization"), ("the government", "organization"),
    ("the Office of the Prime Minister", "organization"),
    ("Adviser to the Head of the Office", "role"), ("head of the Danish state", "role"),
])
def test_common_nouns_of_bodies_and_titles_of_two_are_kept(name: str, type: str) -> None:
    registry = fresh()
    speaker = Speaker(name=name, type="person")
    assert registry.identify(speaker, scope="a") is not None
    assert registry.get(speaker.id).type == type
