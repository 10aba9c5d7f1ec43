"""Questions: what a speaker asked is kind ``question`` (sentences we wrote)."""

from __future__ import annotations

import pytest


def test_reported_whether_question(statements_of):
    found = statements_of("The senator asked whether the funds had reached the border towns.")
    assert [(s.kind, s.quote.text) for s in found] == [("question", "whether the funds had reached the border towns")]
    assert found[0].speaker.name == "senator"


@pytest.mark.parametrize("text", [
    "Reporters asked why the crossing had been closed for a week.",
    "The mayor asked if the council had read the report.",
])
def test_reported_wh_and_if_questions(statements_of, text):
    assert [s.kind for s in statements_of(text)] == ["question"]


def test_a_request_is_not_a_question(statements_of):
    found = statements_of("The envoy asked both sides to hold their fire until Monday.")
    assert [s.kind for s in found] == ["indirect"]


def test_quoted_question(statements_of):
    found = statements_of("“Why is the minister so afraid of a vote?” Karin Holt said.")
    assert [(s.kind, s.speaker.name) for s in found] == [("question", "Karin Holt")]


def test_a_question_answered_in_the_same_quotation_is_direct(statements_of):
    found = statements_of("“Are we ready? Not yet,” Karin Holt said.")
    assert [s.kind for s in found] == ["direct"]


def test_passive_ask_has_an_unnamed_asker(statements_of):
    text = "Asked whether a deal was close, Prime Minister Tomas Vik said: “We are working on it.”"
    found = statements_of(text)
    question = [s for s in found if s.kind == "question"]
    assert [s.quote.text for s in question] == ["whether a deal was close"]
    assert question[0].speaker.type == "unknown", "the one asked is not the asker"
    assert [s.speaker.name for s in found if s.kind == "direct"] == ["Tomas Vik"]


def test_kinds_are_enumerated_once():
    from typing import get_args

    from onrecord.cli.ledger import Kind as CliKind
    from onrecord.model.statement import KINDS
    from onrecord.web.api import Kind as ApiKind

    assert "question" in KINDS
    assert {k.value for k in CliKind} == set(KINDS)
    assert set(get_args(ApiKind)) == set(KINDS)


@pytest.mark.parametrize("text", [
    "He did not specify exactly what partners he hoped to fill the void with.",
    "He did not explain which reforms he promised to deliver by May.",
])
def test_a_cue_inside_an_indirect_question_reports_nothing_said(statements_of, text):
    assert statements_of(text) == []


def test_a_relative_clause_of_a_promise_is_no_indirect_question(statements_of):
    found = statements_of("The reforms that Silva promised to deliver by May are late.")
    assert [(s.speaker.name, s.cue.text) for s in found] == [("Silva", "promised")]


def test_a_cue_the_parse_hangs_on_a_which_phrase_with_its_own_that_still_reports(statements_of):
    # "said" is parsed as a relative clause of "which farm bill", "that" its object
    text = ('The debate between Cruz and Rubio grew so heated over who supported which farm bill that '
            'Governor Alan Pike said, "I need a translator for this."')
    found = [(s.kind, s.speaker.name, s.quote.text) for s in statements_of(text)]
    assert ("direct", "Alan Pike", "I need a translator for this.") in found
