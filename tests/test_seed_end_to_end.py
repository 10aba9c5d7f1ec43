"""The article the product was conceived from, end to end through the CLI, scored by the shared
scorer as it is; the reported earlier position and the shift from it."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from shared_path import HOW, SHARED
from typer.testing import CliRunner

from onrecord.cli import app
from onrecord.timeline.shifts import find_shifts

SEED = SHARED / "seed" / "000_4318a879f6337696.txt"
pytestmark = pytest.mark.skipif(not SEED.exists(), reason=HOW)


@pytest.fixture(scope="module")
def seed_result(nlp):
    result = CliRunner().invoke(app, ["extract", str(SEED), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_scored_by_the_shared_scorer(seed_result, tmp_path):
    pred = tmp_path / "seed.json"
    pred.write_text(json.dumps(seed_result), encoding="utf-8")
    out = subprocess.run([sys.executable, str(SHARED / "tools" / "score_seed.py"), str(SHARED / "seed" / "gold.json"),
                          str(pred)], capture_output=True, text=True, check=True).stdout
    totals = {k: (int(a), int(b)) for k, a, b in re.findall(r"(\w+) (\d+)/(\d+)", out.splitlines()[-1])}
    assert totals["found"][0] >= 14
    for field in ("speaker", "kind", "cue"):
        assert totals[field][0] >= 13, out
    assert totals["venue"] == (4, 4) and totals["via_translator"] == (2, 2)
    assert totals["said_on"][0] >= 13 and totals["issues"][0] >= 13


def test_article_metadata_and_caption(seed_result):
    meta = seed_result["article"]
    assert (meta["date"], meta["outlet"], meta["author"], meta["published"]) == (
        "2024-11-29", "OAN", "James Meyers", "2024-11-29T15:49")
    caption = meta["caption"]
    assert caption.startswith("Ukraine’s President Volodymyr Zelensky attends")
    assert not any(caption[:60] in s["quote"]["text"] for s in seed_result["statements"])


def test_earlier_position_and_the_shift_from_it(seed_result):
    earlier = [s for s in seed_result["statements"] if s["kind"] == "reported_position"
               and "adamant" in s["cue"]["text"]]
    assert len(earlier) == 1
    position = earlier[0]
    assert position["speaker"]["name"] == "Volodymyr Zelensky" and position["time"] == "before"
    assert "Crimea" in position["quote"]["text"] and "territory" in position["issues"]
    shifts = [sh for sh in find_shifts(seed_result["statements"]) if sh.issue == "territory"]
    assert shifts and shifts[0].before.kind == "reported_position"
    assert shifts[0].after.label == "conditional"
