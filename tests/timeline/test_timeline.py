"""Timelines, positions and shifts over small statement dicts we write; the SVG chart; the seed's
shift."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from shared_path import SHARED

from onrecord.timeline.charts import plot_timelines, timelines_svg
from onrecord.timeline.shifts import find_shifts, positions
from onrecord.timeline.stances import date_key, timeline, timelines_by_issue

SEED = SHARED / "seed"


def st(speaker: str, said_on: str | None, label: str | None, issue: str = "territory", *, time: str = "now",
       kind: str = "direct", article: str | None = None, quote: str = "…", members: list[str] | None = None,
       article_date: str | None = None, confidence: float | None = 0.9, source: str = "rules",
       precision: str = "day") -> dict:
    """A statement dict in ``Statement.to_dict()`` shape with what positions need; each in an
    article of its own unless told (statements of one article make no shift)."""
    stance = {"label": label, "evidence": [], "source": source}
    if confidence is not None:
        stance["confidence"] = confidence
    d = {
        "kind": kind,
        "quote": {"text": quote, "start": 0, "end": len(quote), "segments": []},
        "cue": {"text": "said", "start": 0, "end": 4, "lemma": "say", "class": "assert"},
        "speaker": {"name": speaker, "type": "person", "mention": None, "id": None, "members": members or []},
        "said_on": {"date": said_on, "precision": precision, "text": "", "assumed": False} if said_on else None,
        "time": time,
        "issues": [issue] if label else [],
        "stances": {issue: stance} if label else {},
        "article_id": article or f"article-{said_on}-{quote}-{label}",
    }
    if article_date:
        d["article_date"] = article_date
    return d


def labels(entries) -> list[str]:
    return [e.label for e in entries]


# --- ordering ------------------------------------------------------------------------------


def test_timeline_orders_by_said_on():
    statements = [
        st("Mara Holt", "2024-05-02", "oppose", quote="third"),
        st("Mara Holt", "2023-11-20", "support", quote="first"),
        st("Mara Holt", "2024-01", "conditional", quote="second"),  # month precision
    ]
    assert [e.quote for e in timeline(statements, "Mara Holt", "territory")] == ["first", "second", "third"]


def test_partial_dates_sort_at_their_start():
    assert date_key("2022") < date_key("2022-03-01") < date_key("2022-04")
    assert date_key(None) is None and date_key("last spring") is None


def test_reported_earlier_position_comes_before_the_day_it_is_reported():
    statements = [
        st("Mara Holt", "2024-05-02", "conditional", quote="now"),
        st("Mara Holt", None, "oppose", kind="reported_position", time="before", quote="before",
           article_date="2024-05-02"),
    ]
    entries = timeline(statements, "Mara Holt", "territory")
    assert [e.quote for e in entries] == ["before", "now"]
    assert entries[0].date == "2024-05-02"  # the article's date stands in for an unknown one


def test_article_dates_fill_in_missing_said_on():
    statements = [st("Mara Holt", None, "support", article="b"),
                  st("Mara Holt", "2024-02-01", "oppose", article="a")]
    entries = timeline(statements, "Mara Holt", "territory", article_dates={"b": "2024-03-01"})
    assert [e.article_id for e in entries] == ["a", "b"]


def test_undated_statements_come_last_in_input_order():
    statements = [st("Mara Holt", None, "support", quote="u1"), st("Mara Holt", "2020-01-01", "oppose"),
                  st("Mara Holt", None, "support", quote="u2")]
    assert [e.quote for e in timeline(statements, "Mara Holt", "territory")][1:] == ["u1", "u2"]


def test_timeline_keeps_only_the_speaker_and_the_issue():
    statements = [
        st("Mara Holt", "2024-01-01", "support"),
        st("Ivo Rask", "2024-01-02", "oppose"),
        st("Mara Holt", "2024-01-03", "oppose", issue="nato"),
        st("Mara Holt", "2024-01-04", None),  # no stance: not on the timeline
        st("Ivo Rask and Mara Holt", "2024-01-05", "conditional", members=["Ivo Rask", "Mara Holt"]),
    ]
    assert labels(timeline(statements, "Mara Holt", "territory")) == ["support", "conditional"]
    assert labels(timeline(statements, "mara holt", "nato")) == ["oppose"]  # names match case-insensitively


# --- shifts --------------------------------------------------------------------------------


def test_shift_links_both_statements_and_their_articles():
    statements = [
        st("Mara Holt", "2024-03-01", "conditional", article="later", quote="we could talk about the land"),
        st("Mara Holt", "2023-06-01", "oppose", article="earlier", quote="not one village"),
    ]
    (shift,) = find_shifts(statements)
    assert (shift.speaker_id, shift.issue, shift.from_label, shift.to_label) == (
        "Mara Holt", "territory", "oppose", "conditional")
    assert shift.before.quote == "not one village" and shift.after.quote == "we could talk about the land"
    assert shift.before.index == 1 and shift.after.index == 0  # positions in the input list
    d = shift.to_dict()
    assert d["articles"] == ["earlier", "later"] and d["from"] == "oppose" and d["to"] == "conditional"
    assert d["kind"] == "reversal" and d["confidence"] == 0.9 and d["days_apart"] == 274


def test_no_shift_while_the_stance_holds():
    statements = [st("Mara Holt", f"2024-0{m}-01", "oppose") for m in range(1, 5)]
    assert find_shifts(statements) == []


def test_unclear_neither_makes_nor_breaks_a_shift():
    same = [st("Mara Holt", "2024-01-01", "support"), st("Mara Holt", "2024-02-01", "unclear"),
            st("Mara Holt", "2024-03-01", "support")]
    assert find_shifts(same) == []
    changed = [st("Mara Holt", "2024-01-01", "support"), st("Mara Holt", "2024-02-01", "unclear"),
               st("Mara Holt", "2024-03-01", "oppose")]
    (shift,) = find_shifts(changed)
    assert shift.before.date == "2024-01-01" and shift.after.date == "2024-03-01"


def test_shifts_per_speaker_and_issue():
    statements = [
        st("Mara Holt", "2024-01-01", "support"),
        st("Ivo Rask", "2024-01-02", "oppose"),  # another speaker: no shift against Mara
        st("Mara Holt", "2024-01-03", "oppose", issue="nato"),  # another issue
        st("Mara Holt", "2024-01-04", "oppose"),
        st("Mara Holt", "2024-01-05", "support"),
    ]
    shifts = find_shifts(statements)
    assert [(s.speaker_id, s.issue, s.from_label, s.to_label) for s in shifts] == [
        ("Mara Holt", "territory", "support", "oppose"),
        ("Mara Holt", "territory", "oppose", "support"),
    ]


def test_joint_statement_counts_for_each_member():
    statements = [
        st("Ivo Rask", "2024-01-01", "oppose", issue="ceasefire"),
        st("Ivo Rask and Mara Holt", "2024-02-01", "support", issue="ceasefire",
           members=["Ivo Rask", "Mara Holt"]),
    ]
    assert [(s.speaker_id, s.to_label) for s in find_shifts(statements)] == [("Ivo Rask", "support")]


# --- the chart -----------------------------------------------------------------------------


def _entries():
    statements = [
        st("Mara Holt", None, "oppose", time="before", kind="reported_position", article_date="2024-03-01",
           article="a1"),
        st("Mara Holt", "2024-03-01", "conditional", quote="<a & b>", article="a1"),
        st("Mara Holt", "2024-01-10", "support", issue="nato"),
        st("Mara Holt", None, "unclear", issue="nato"),
    ]
    return timelines_by_issue(statements, "Mara Holt")


def test_svg_chart_has_one_row_per_issue(tmp_path):
    by_issue = _entries()
    assert list(by_issue) == ["territory", "nato"]
    path = plot_timelines(by_issue, tmp_path / "holt.svg", title="Mara Holt & issues")
    root = ET.parse(path).getroot()  # well-formed XML
    ns = "{http://www.w3.org/2000/svg}"
    texts = [t.text for t in root.iter(f"{ns}text")]
    assert "territory" in texts and "nato" in texts and "Mara Holt & issues" in texts
    assert "undated" in texts and "2024-01-10" in texts  # calendar ticks from the first date
    circles = list(root.iter(f"{ns}circle"))
    assert len(circles) == 4
    assert sum(c.get("stroke") == "black" for c in circles) == 1  # the one shift is ringed
    assert any(c.get("fill") == "white" for c in circles)  # the earlier position is hollow
    assert any("<a & b>" in (t.text or "") for t in root.iter(f"{ns}title"))


def test_chart_of_nothing_is_still_a_valid_svg():
    ET.fromstring(timelines_svg({}))


def test_chart_format_comes_from_the_suffix(tmp_path):
    with pytest.raises(ValueError, match=r"\.svg or \.png"):
        plot_timelines(_entries(), tmp_path / "chart.pdf")


def test_png_needs_matplotlib(tmp_path):
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        with pytest.raises(RuntimeError, match="matplotlib"):
            plot_timelines(_entries(), tmp_path / "chart.png")
    else:
        path = plot_timelines(_entries(), tmp_path / "chart.png")
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


# --- the seed article ----------------------------------------------------------------------


def test_seed_shift_from_the_earlier_position_to_s1(nlp):
    from onrecord.extraction.stances.rules import stance_for
    from onrecord.lexicons.taxonomy import load_taxonomy

    path = SEED / "gold.json"
    if not path.exists():
        pytest.skip("the shared seed annotation is not available")
    gold = json.loads(path.read_text(encoding="utf-8"))
    tax = load_taxonomy()
    s1 = next(g for g in gold["statements"] if g["id"] == "S1")
    earlier = gold["positions"][1]
    statements = []
    for text, kind, time, said_on in ((s1["quote"], "direct", "now", s1["said_on"]),
                                      (earlier["text"], "reported_position", "before", None)):
        stance = stance_for(text, "territory", "assert" if kind == "direct" else None, False, tax, nlp=nlp)
        d = st("Volodymyr Zelensky", said_on, stance.label, kind=kind, time=time, quote=text,
               article="000_4318a879f6337696", article_date=gold["article"]["date"], confidence=stance.confidence)
        d["stances"]["territory"]["evidence"] = stance.evidence
        statements.append(d)
    (shift,) = find_shifts(statements)
    assert (shift.from_label, shift.to_label, shift.kind) == ("oppose", "conditional", "reversal")
    assert shift.before.kind == "reported_position" and shift.after.quote == s1["quote"]
    # one article: allowed only because it reports the earlier position as held before
    assert shift.to_dict()["articles"] == ["000_4318a879f6337696", "000_4318a879f6337696"]


# --- positions per occasion and shifts a user can believe -----------------------------------


def test_a_day_whose_statements_disagree_has_no_position():
    day = [st("Mara Holt", "2022-02-17", "oppose", issue="nato", quote="not now"),
           st("Mara Holt", "2022-02-17", "support", issue="nato", quote="our goal"),
           st("Mara Holt", "2022-02-17", "oppose", issue="nato", quote="not yet")]
    (position,) = positions(timeline(day, "Mara Holt", "nato"))
    assert position.label is None and len(position.entries) == 3
    assert find_shifts(day) == []  # never a shift from statements of one day


def test_support_and_a_conditional_support_of_one_day_are_the_conditional():
    day = [st("Mara Holt", "2024-05-02", "support", quote="we want talks"),
           st("Mara Holt", "2024-05-02", "conditional", quote="only if Kyiv is at the table")]
    assert [p.label for p in positions(timeline(day, "Mara Holt", "territory"))] == ["conditional"]


def test_no_shift_between_statements_of_one_article_on_different_days():
    statements = [st("Mara Holt", "2024-05-01", "support", article="one"),
                  st("Mara Holt", "2024-05-06", "oppose", article="one")]
    assert find_shifts(statements) == []


def test_no_shift_between_dates_that_may_be_the_same_day():
    statements = [st("Mara Holt", "2024", "support", precision="year"),
                  st("Mara Holt", "2024-06-03", "oppose")]
    assert find_shifts(statements) == []
    statements[0]["said_on"]["date"] = "2023"
    assert len(find_shifts(statements)) == 1


def test_only_confident_statements_make_positions():
    unsure = [st("Mara Holt", "2024-01-01", "support"), st("Mara Holt", "2024-02-01", "oppose", confidence=0.5)]
    assert find_shifts(unsure) == []
    # a stance stored before confidences existed counts only once it is extracted again
    old = [st("Mara Holt", "2024-01-01", "support", confidence=None), st("Mara Holt", "2024-02-01", "oppose")]
    assert find_shifts(old) == []
    # a person's label always counts
    human = [st("Mara Holt", "2024-01-01", "support", confidence=None, source="human"),
             st("Mara Holt", "2024-02-01", "oppose")]
    assert len(find_shifts(human)) == 1


def test_support_to_conditional_is_a_weaker_kind_ranked_after_reversals():
    statements = [
        st("Mara Holt", "2024-01-01", "support", issue="nato", quote="we are ready to join at any moment"),
        st("Mara Holt", "2024-01-05", "conditional", issue="nato"),  # qualification, sure
        st("Ivo Rask", "2024-01-01", "support", confidence=0.75),
        st("Ivo Rask", "2024-03-01", "oppose", confidence=0.75),  # reversal, less sure
    ]
    shifts = find_shifts(statements)
    assert [(s.speaker_id, s.kind) for s in shifts] == [("Ivo Rask", "reversal"), ("Mara Holt", "qualification")]


def test_surer_and_further_apart_rank_first():
    statements = [
        st("Mara Holt", "2024-01-01", "support"), st("Mara Holt", "2024-01-03", "oppose"),  # 2 days
        st("Ivo Rask", "2023-01-01", "support"), st("Ivo Rask", "2024-01-01", "oppose"),  # a year
        st("Ada Lin", "2024-01-01", "support", confidence=0.72), st("Ada Lin", "2025-01-01", "oppose"),
    ]
    shifts = find_shifts(statements)
    assert [s.speaker_id for s in shifts] == ["Ivo Rask", "Mara Holt", "Ada Lin"]
    assert [s.days_apart for s in shifts] == [365, 2, 366]


def test_a_disagreeing_day_neither_makes_nor_breaks_a_shift():
    statements = [st("Mara Holt", "2024-01-01", "support"),
                  st("Mara Holt", "2024-02-01", "support", quote="x"), st("Mara Holt", "2024-02-01", "oppose"),
                  st("Mara Holt", "2024-03-01", "oppose", quote="later")]
    (shift,) = find_shifts(statements)
    assert shift.before.date == "2024-01-01" and shift.after.quote == "later"


def test_a_condition_after_a_support_that_said_nothing_of_conditions_is_no_shift():
    said = [st("Mara Holt", "2024-01-01", "support", quote="we want talks"),
            st("Mara Holt", "2024-02-01", "conditional", quote="talks only if they withdraw")]
    assert find_shifts(said) == []
    said[0]["quote"]["text"] = "we want talks without preconditions"
    (shift,) = find_shifts(said)
    assert shift.kind == "qualification"


def test_no_shift_for_a_speaker_the_registry_refused():
    # two different people's words under "unknown" are no one's change of position
    statements = [st("unknown", "2024-05-01", "support", issue="negotiations"),
                  st("unknown", "2024-06-01", "oppose", issue="negotiations")]
    for s in statements:
        s["speaker"]["type"] = "unknown"
    assert find_shifts(statements) == []
    for s in statements:
        s["speaker"]["type"] = "person"  # the same words from a person the registry kept do shift
    assert [sh.kind for sh in find_shifts(statements)] == ["reversal"]
