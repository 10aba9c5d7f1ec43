"""Timelines and shifts over small statement dicts we write; the SVG chart; the seed's shift."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from shared_path import SHARED

from onrecord.timeline.charts import plot_timelines, timelines_svg
from onrecord.timeline.stances import date_key, find_shifts, timeline, timelines_by_issue

SEED = SHARED / "seed"


def st(speaker: str, said_on: str | None, label: str | None, issue: str = "territory", *, time: str = "now",
       kind: str = "direct", article: str = "a1", quote: str = "…", members: list[str] | None = None,
       article_date: str | None = None) -> dict:
    """A statement dict in ``Statement.to_dict()`` shape with what positions need."""
    d = {
        "kind": kind,
        "quote": {"text": quote, "start": 0, "end": len(quote), "segments": []},
        "cue": {"text": "said", "start": 0, "end": 4, "lemma": "say", "class": "assert"},
        "speaker": {"name": speaker, "type": "person", "mention": None, "id": None, "members": members or []},
        "said_on": {"date": said_on, "precision": "day", "text": "", "assumed": False} if said_on else None,
        "time": time,
        "issues": [issue] if label else [],
        "stances": {issue: {"label": label, "evidence": []}} if label else {},
        "article_id": article,
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
        st("Mara Holt", None, "oppose", time="before", kind="reported_position", article_date="2024-03-01"),
        st("Mara Holt", "2024-03-01", "conditional", quote="<a & b>"),
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
               article="000_4318a879f6337696", article_date=gold["article"]["date"])
        d["stances"]["territory"]["evidence"] = stance.evidence
        statements.append(d)
    (shift,) = find_shifts(statements)
    assert (shift.from_label, shift.to_label) == ("oppose", "conditional")
    assert shift.before.kind == "reported_position" and shift.after.quote == s1["quote"]
    assert shift.to_dict()["articles"] == ["000_4318a879f6337696", "000_4318a879f6337696"]
